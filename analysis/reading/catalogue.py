"""Document metadata: the columns of a table corpus, and a ``metadata.csv`` beside the files.

A folder of documents may hold a catalogue (``metadata.csv``, ``.tsv``, ``.xlsx`` or
``.jsonl``) with a ``file`` column naming each file (with or without its suffix); its
other columns join the documents read from those files.  Beside a table corpus
(``reports.jsonl``), a catalogue named ``metadata.csv`` or ``reports.metadata.csv`` joins
on the first of its columns the table also has (``congress``, ``id`` ...).  A file the
catalogue names that is missing, or a file it does not name, is a
:class:`~analysis.CorpusWarning` naming it.

How a metadata column lands on the speech table:

* ``title``, ``speaker``, ``year`` and ``date`` (or 标题, 讲话人, 年份, 日期 …) are taken
  before what the reader finds in the text (the text's title stays in ``title_in_text``);
  a year or date from metadata has ``date_source`` = ``metadata``;
* a name the reader uses itself (``file``, ``text``, ``label``, ``speech`` …) gets the
  prefix ``meta_`` (``meta_file``);
* every other column keeps its name (``province``, ``congress``, ``url`` …).
"""
from __future__ import annotations

import json
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..errors import CorpusWarning, TableError, shown_path
from .script import to_simplified

PREFIX = "meta_"
#: Metadata that comes before what the text says, and the names it goes by.
OVERRIDES = {
    "title": ("title", "标题", "题目", "題名", "篇名", "名称"),
    "speaker": ("speaker", "author", "讲话人", "发言人", "作者", "报告人"),
    "year": ("year", "年份", "年度", "年"),
    "date": ("date", "日期"),
}
#: Names of a column of when a document was published (an archive's own field): it dates a document
#: that nothing else dates (:mod:`.dates`, ``date_source`` = ``published``), never one whose title or
#: date line does (an archive that posted seventy years of reports on one day).
PUBLISHED = ("pubdate", "pub_date", "publish_date", "publishdate", "publish_time", "publishtime", "pubtime",
             "published", "published_at", "publication_date", "release_date", "发布日期", "发布时间", "发表日期",
             "发表时间", "时间")
#: Names of a column of the place a document belongs to: it names the document (:mod:`.labels`).
PLACE = ("place", "province", "region", "city", "省份", "省", "地区", "城市", "地方")
#: Names the reader gives columns of its own, beyond those of a speech row.
READER_COLUMNS = ("speech", "label", "file", "row", "year", "date_source", "text", "source_map")
CATALOGUE_STEMS = ("metadata",)
CATALOGUE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".jsonl")
#: Names of the column that names the files.
FILE_KEYS = ("file", "filename", "file_name", "path", "文件", "文件名")


@lru_cache(maxsize=4096)
def column_key(name) -> str:
    """A column's name as it is matched with the names the reader knows: case, spaces, ``_`` and
    ``-`` ignored, Traditional characters read as Simplified (內容 is 内容, 標題 is 标题).

    >>> column_key("Full_Text"), column_key("內容"), column_key("發布時間")
    ('fulltext', '内容', '发布时间')
    """
    key = str(name).strip().lower().replace("_", "").replace("-", "").replace(" ", "")
    return key if key.isascii() else to_simplified(key)


def is_named(column, names) -> bool:
    """Whether ``column`` goes by one of ``names`` (:func:`column_key`)."""
    return isinstance(column, str) and column_key(column) in {column_key(n) for n in names}


def _override(column: str) -> str | None:
    return next((target for target, names in OVERRIDES.items() if is_named(str(column), names)), None)


def _plain(value):
    """A cell as a table can hold it: lists and objects of a JSON record become JSON text."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def add_metadata(speeches: pd.DataFrame, metadata: pd.DataFrame) -> pd.DataFrame:
    """``speeches`` with the columns of ``metadata`` (one row per speech, in the same order)
    placed as the module doc says.

    >>> import pandas as pd
    >>> sp = pd.DataFrame({"speech": [1], "file": ["a.txt"], "title": ["政府工作报告"], "date": [None]})
    >>> md = pd.DataFrame({"file": ["x"], "year": [2024], "province": ["上海"]})
    >>> add_metadata(sp, md)[["meta_file", "year", "province", "date_source"]].values.tolist()
    [['x', 2024, '上海', 'metadata']]
    """
    out = speeches.copy()
    reserved = set(out.columns) | set(READER_COLUMNS)
    if "date_source" not in out.columns:
        out["date_source"] = None
    for column in metadata.columns:
        values = pd.Series([_plain(v) for v in metadata[column]], index=out.index, dtype=object)
        values = values.where(values.notna() & (values.astype(str).str.strip() != ""), None)
        target = _override(column)
        if target is not None:
            known = values.notna()
            before = out[target] if target in out.columns else pd.Series(None, index=out.index, dtype=object)
            out[target] = values.where(known, before)
            if target in ("year", "date"):
                out.loc[known, "date_source"] = "metadata"
            if str(column) == target:
                continue
        name = f"{PREFIX}{column}" if column in reserved else str(column)
        out[name] = values
    return out


def find_catalogue(folder: Path, table: Path | None = None) -> Path | None:
    """The catalogue of ``folder`` (or of the table corpus ``table`` in it), if there is one."""
    stems = ([f"{table.stem}.metadata"] if table is not None else []) + list(CATALOGUE_STEMS)
    for stem in stems:
        for suffix in CATALOGUE_SUFFIXES:
            path = Path(folder) / f"{stem}{suffix}"
            if path.is_file() and path != table:
                return path
    return None


def _read(path: Path) -> pd.DataFrame:
    from .tables import read_records

    frame, _ = read_records(path)
    if frame.empty:
        raise TableError(path, "the metadata table has no rows")
    return frame


def catalogue_for_files(speeches: pd.DataFrame, folder: Path) -> pd.DataFrame:
    """The rows of the folder's catalogue for every speech (by its file), aligned with ``speeches``;
    None when the folder has none."""
    path = find_catalogue(folder)
    if path is None:
        return None
    frame = _read(path)
    key = next((c for c in frame.columns if is_named(str(c), FILE_KEYS)), None)
    if key is None:
        raise TableError(path, f"has no file column (one of {', '.join(FILE_KEYS)}) to say which file each row "
                               f"describes; its columns are {', '.join(map(str, frame.columns))}")
    names = frame[key].astype(str).str.strip()
    by_name = {n: k for k, n in enumerate(names)}
    by_stem = {Path(n).stem: k for k, n in enumerate(names)}
    files = speeches["file"].tolist()
    rows = [by_name.get(f, by_stem.get(Path(f).stem)) for f in files]
    missing = [n for n in names if n not in set(files) and n not in {Path(f).stem for f in files}]
    if missing:
        warnings.warn(f"{shown_path(path)}: names files that were not read: {', '.join(missing)}", CorpusWarning,
                      stacklevel=3)
    unnamed = sorted({f for f, r in zip(files, rows) if r is None})
    if unnamed:
        warnings.warn(f"{shown_path(path)}: does not name {', '.join(unnamed)} (no metadata for them)", CorpusWarning,
                      stacklevel=3)
    return _aligned(frame.drop(columns=[key]), rows)


def catalogue_for_rows(table_rows: pd.DataFrame, table: Path) -> pd.DataFrame:
    """``table_rows`` (the metadata of a table corpus) joined with the catalogue beside the table,
    on the first catalogue column the table has; unchanged when there is none."""
    path = find_catalogue(table.parent, table)
    if path is None:
        return table_rows
    frame = _read(path)
    key = next((c for c in frame.columns if c in table_rows.columns), None)
    if key is None:
        warnings.warn(f"{shown_path(path)}: shares no column with {table.name}, so it was not joined", CorpusWarning,
                      stacklevel=3)
        return table_rows
    lookup = {str(v): k for k, v in enumerate(frame[key])}
    rows = [lookup.get(str(v)) for v in table_rows[key]]
    unmatched = sorted({str(v) for v, r in zip(table_rows[key], rows) if r is None})
    if unmatched:
        warnings.warn(f"{shown_path(path)}: has no row for {key} = {', '.join(unmatched)}", CorpusWarning, stacklevel=3)
    extra = _aligned(frame.drop(columns=[key]), rows)
    extra.index = table_rows.index
    keep = [c for c in table_rows.columns if c not in extra.columns]  # the catalogue's word wins
    return pd.concat([table_rows[keep], extra], axis=1)


def with_front_matter(catalogue: pd.DataFrame | None, fronts: list[dict | None]) -> pd.DataFrame | None:
    """The metadata of each document read from files: the catalogue's row (it wins: the user wrote
    it for this corpus), then the front matter of the document's own file (a Markdown file of one
    document: ``title``, ``date``, ``author`` …); None when neither says anything."""
    if not any(fronts):
        return catalogue
    own = pd.DataFrame.from_records([f or {} for f in fronts])
    if catalogue is None:
        return own
    merged = catalogue.reset_index(drop=True).combine_first(own)
    return merged[list(catalogue.columns) + [c for c in own.columns if c not in catalogue.columns]]


def _aligned(frame: pd.DataFrame, rows: list[int | None]) -> pd.DataFrame:
    records = [frame.iloc[r].to_dict() if r is not None else {} for r in rows]
    return pd.DataFrame.from_records(records, columns=list(frame.columns))
