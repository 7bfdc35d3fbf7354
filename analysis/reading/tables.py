"""Corpora held as tables: one document per row, as archives and scrapers publish them.

JSON lines (``.jsonl``, ``.ndjson``), JSON (``.json``: a list of records, or an object
holding one), CSV and TSV, Parquet and Excel (``.xlsx``) are read with maintained
readers (the standard ``json`` module, pandas, pyarrow, openpyxl).  The text column is
found by name (:data:`TEXT_FIELDS`), or is the one column of long Chinese text, or is
given (``text_field=``, ``--text-field``); a text given as a list of paragraphs is read one
paragraph per line (:func:`row_text`).  Every other column is kept as document
metadata (:mod:`.catalogue` says how names that collide with the reader's own are
treated).  A row without text is skipped, with one warning listing the rows; a
malformed line or row is a one-line :class:`~analysis.errors.TableError` naming the
file and the line (JSON lines) or row (the others: the spreadsheet row, header = 1; every sheet of a
workbook, a row of several sheets named by sheet and row).

Each row is read as one document, exactly like a single-speech file whose name is
``FILE:N`` (N its line or row), so spans still tile every row's text.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from ..chinese import is_han
from ..errors import MissingExtraError, TableError
from .catalogue import column_key, is_named
from .decoding import decode_bytes, read_bytes
from .formats import check_expansion

#: Every suffix read as a table of documents.
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".parquet", ".xlsx")
#: Names of the text column, most specific first (compared without case, ``-`` or ``_``).
TEXT_FIELDS = ("text", "content", "fulltext", "body", "document", "article", "paragraphs",
               "正文", "全文", "内容", "文本", "原文", "段落")
#: A column of this median length, with Chinese in it, is the text when no name says so.
LONG_TEXT = 200
#: Which package each format needs beyond pandas, and how to install it.
EXTRAS = {".parquet": ("pyarrow", "pip install 'speech-analysis[tables]'  (or: pip install pyarrow)"),
          ".xlsx": ("openpyxl", "pip install 'speech-analysis[tables]'  (or: pip install openpyxl)")}


def is_table(path: Path) -> bool:
    """``path`` names a table of documents (by its suffix)."""
    return Path(path).suffix.lower() in TABLE_SUFFIXES


def _need(path: Path) -> None:
    package, command = EXTRAS.get(path.suffix.lower(), (None, None))
    if package is None:
        return
    try:
        __import__(package)
    except ImportError:
        raise MissingExtraError(path, f"reading {path.suffix} needs the {package} package: {command}") from None


def _json_lines(text: str, path: Path) -> tuple[list[dict], list[int]]:
    records, numbers = [], []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TableError(path, f"line {n} is not valid JSON ({exc.msg}, column {exc.colno})") from None
        if not isinstance(record, dict):
            raise TableError(path, f"line {n} is a JSON {type(record).__name__}, not an object with named fields")
        records.append(record)
        numbers.append(n)
    return records, numbers


def _json_document(text: str, path: Path) -> tuple[list[dict], list[int]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TableError(path, f"line {exc.lineno} is not valid JSON ({exc.msg}, column {exc.colno})") from None
    if isinstance(data, dict):  # {"documents": [...]}, {"code": 0, "data": {"items": [...]}}: its records
        inside = _records_inside(data)
        data = inside if inside is not None else [data]
    if not isinstance(data, list):
        raise TableError(path, "holds no list of records (expected [{...}, {...}] or one object per line)")
    for k, record in enumerate(data, 1):
        if not isinstance(record, dict):
            raise TableError(path, f"row {k} is a JSON {type(record).__name__}, not an object with named fields")
    return data, list(range(1, len(data) + 1))


def _records_inside(data: dict, depth: int = 0) -> list | None:
    """The list of records a JSON object holds (an API's answer wraps it: ``{"data": {"items": […]}}``):
    the longest list of objects found up to three levels in, else its one list; None if none."""
    lists = [v for v in data.values() if isinstance(v, list)]
    found = [v for v in lists if v and all(isinstance(r, dict) for r in v)]
    if depth < 3:
        found += [r for r in (_records_inside(v, depth + 1) for v in data.values() if isinstance(v, dict)) if r]
    if found:
        return max(found, key=len)  # the first of the longest
    return lists[0] if len(lists) == 1 and depth == 0 else None


def _title_rows(frame: pd.DataFrame) -> int:
    """How many rows stand above a table's header: a title (one filled cell: 2026年政府工作报告汇总
    above 省份 | 标题 | 正文) or blank rows, as workbooks are often laid out; 0 when its first row is
    the header.  The header is the first of the next five rows with two filled cells or more."""
    named = [c for c in frame.columns if not str(c).startswith("Unnamed: ")]
    if len(frame.columns) < 2 or len(named) > 1:
        return 0
    for k, filled in enumerate(frame.head(5).notna().sum(axis=1).tolist()):
        if filled >= 2:
            return k + 1
    return 0


def _delimited(data: bytes, path: Path) -> tuple[pd.DataFrame, list[int]]:
    text = decode_bytes(data, path).text  # a CSV saved by Excel in GBK is read like any text file
    sep = _delimiter(text, path)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
        above = _title_rows(frame.replace("", None))
        if above:
            frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, header=above)
    except pd.errors.ParserError as exc:
        raise TableError(path, f"is not a readable {path.suffix[1:].upper()} table ({_first_line(exc)})") from None
    except pd.errors.EmptyDataError:
        raise TableError(path, "holds no table (no header line)") from None
    return frame.replace("", None), [k + 2 + above for k in range(len(frame))]


#: What separates a delimited file's cells: a comma, or what a spreadsheet saved in another locale
#: or an export tool writes instead (Excel in many locales: ``;``).
DELIMITERS = (",", ";", "\t", "|")


def _delimiter(text: str, path: Path) -> str:
    """The delimiter of a .csv (a tab for .tsv): the one its first line holds most often (a comma on
    a tie, or when the line has none), so that a file saved with ``;`` is read by its columns."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    first = next((line for line in text[:65536].splitlines()[:5] if line.strip()), "")
    counts = [first.count(d) for d in DELIMITERS]
    return DELIMITERS[counts.index(max(counts))] if max(counts) > counts[0] else ","


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[-1]


def _spreadsheet(path: Path) -> tuple[pd.DataFrame, list]:
    """Every sheet of a workbook (a sheet per year or per province is common): one sheet's rows are
    numbered by their spreadsheet row, several sheets' by sheet and row (``B:2``), with a ``sheet``
    column; a sheet with no rows adds none."""
    check_expansion(path)
    try:
        sheets = pd.read_excel(path, engine="openpyxl", dtype=object, sheet_name=None)
        above = {name: _title_rows(frame) for name, frame in sheets.items()}
        for name in [n for n, k in above.items() if k]:  # read again with the header where it stands
            sheets[name] = pd.read_excel(path, engine="openpyxl", dtype=object, sheet_name=name, header=above[name])
    except (ValueError, KeyError, OSError) as exc:
        raise TableError(path, f"is not a readable Excel (.xlsx) file ({_first_line(exc)})") from None
    if len(sheets) == 1:
        (name, frame), = sheets.items()
        return frame, [k + 2 + above[name] for k in range(len(frame))]
    used = {name: frame for name, frame in sheets.items() if len(frame)}
    if not used:
        return pd.DataFrame(), []
    frame = pd.concat([f.assign(sheet=str(name)) for name, f in used.items()], ignore_index=True)
    return frame, [f"{name}:{k + 2 + above[name]}" for name, f in used.items() for k in range(len(f))]


def _parquet(path: Path) -> tuple[pd.DataFrame, list[int]]:
    try:
        frame = pd.read_parquet(path)
    except (ValueError, OSError) as exc:
        raise TableError(path, f"is not a readable Parquet file ({_first_line(exc)})") from None
    return frame, list(range(1, len(frame) + 1))


def read_records(path: str | Path) -> tuple[pd.DataFrame, list[int]]:
    r"""The rows of a table of documents as they are, and the line (JSON lines) or row of each.

    >>> import analysis as an, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "reports.jsonl"
    >>> _ = p.write_text('{"year": 2024, "text": "同志们：抓项目。"}\n\n{"year": 2025, "text": "抓招商。"}\n',
    ...                  encoding="utf-8")
    >>> frame, lines = an.read_records(p)
    >>> frame["year"].tolist(), lines
    ([2024, 2025], [1, 3])
    """
    path = Path(path)
    _need(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _spreadsheet(path)
    if suffix == ".parquet":
        return _parquet(path)
    data = read_bytes(path)
    if suffix in (".csv", ".tsv"):
        return _delimited(data, path)
    text = decode_bytes(data, path).text
    records, numbers = (_json_lines if suffix in (".jsonl", ".ndjson") else _json_document)(text, path)
    return _flattened(records), numbers


def _flattened(records: list[dict]) -> pd.DataFrame:
    """JSON records as columns; an object inside a record (``{"meta": {"year": 2019}, "body": {"text":
    …}}``, as many archives nest them) gives a column per field, named by the field alone
    (``year``, ``text``) unless two objects share that name (then ``meta.title``, ``source.title``)."""
    if not records:
        return pd.DataFrame()
    if not any(isinstance(v, dict) for r in records for v in r.values()):
        return pd.DataFrame.from_records(records)
    frame = pd.json_normalize(records, sep=".")
    last = [str(c).rsplit(".", 1)[-1] for c in frame.columns]
    shared = {name for name in last if last.count(name) > 1}
    return frame.set_axis([c if n in shared else n for c, n in zip(frame.columns, last)], axis=1)


def text_column(frame: pd.DataFrame, path: Path, text_field: str | None = None) -> str:
    """The column that holds the documents' text (see the module doc)."""
    columns = [str(c) for c in frame.columns]
    if text_field is not None:
        if text_field not in columns:
            raise TableError(path, f"has no column {text_field!r}; its columns are {', '.join(columns)}")
        return text_field
    by_key = {column_key(c): c for c in columns}
    for name in TEXT_FIELDS:
        if column_key(name) in by_key:
            return by_key[column_key(name)]
    long = [c for c in columns if _is_long_text(frame[c])]
    if len(long) == 1:
        return long[0]
    raise TableError(path, f"has no text column (none named {', '.join(TEXT_FIELDS[:5])} …); its columns are "
                           f"{', '.join(columns) or 'none'}: name the text column with --text-field / text_field=")


#: Names of a column saying which document a row belongs to, in a table of paragraphs (a row per
#: paragraph, as some datasets publish reports): its rows are joined into documents.
DOCUMENT_KEYS = ("doc_id", "document_id", "docid", "article_id", "report_id", "speech_id", "文档编号", "文档id",
                 "文章编号", "文章id", "篇目编号")


def documents_of_paragraphs(frame: pd.DataFrame, numbers: list, column: str) -> tuple[pd.DataFrame, list]:
    """A table of paragraphs as a table of documents: when a column of :data:`DOCUMENT_KEYS` repeats,
    the rows of each of its values are one document, their texts joined a line each in the table's
    order, its number the first row's; the columns that are the same on each document's rows are
    its metadata (a paragraph's own number is not).  Any other table is returned as it is."""
    key = next((c for c in frame.columns if is_named(str(c), DOCUMENT_KEYS)), None)
    if key is None or frame[key].isna().any() or not frame[key].duplicated().any():
        return frame, numbers
    codes = pd.factorize(frame[key])[0]  # documents in the order they first appear
    order = sorted(range(len(frame)), key=lambda k: (codes[k], k))
    texts: dict[int, list[str]] = {}
    for k in order:
        text = row_text(frame[column].iat[k])
        texts.setdefault(codes[k], []).extend([text] if text is not None else [])
    first = pd.Series(range(len(frame))).groupby(codes).min().tolist()
    constant = [c for c in frame.columns if c != column and frame.groupby(codes)[c].nunique(dropna=False).max() <= 1]
    out = frame.iloc[first][constant].reset_index(drop=True)
    out[column] = ["\n".join(texts.get(g, [])) or None for g in range(len(first))]
    return out, [numbers[k] for k in first]


def row_text(value) -> str | None:
    """A row's text: a string, or a list of paragraphs (as some archives publish them) one per line;
    None for anything else (a number, a missing value)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) or (hasattr(value, "ndim") and getattr(value, "ndim", 0) == 1):
        parts = list(value)
        if parts and all(isinstance(p, str) for p in parts):
            return "\n".join(parts)
    return None


def _is_long_text(column: pd.Series) -> bool:
    values = [v for v in map(row_text, column.head(50)) if v is not None]
    if not values:
        return False
    lengths = sorted(len(v) for v in values)
    return lengths[len(lengths) // 2] >= LONG_TEXT and any(is_han(c) for v in values[:5] for c in v[:500])
