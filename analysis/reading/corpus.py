"""Reading a compilation of speeches losslessly.

:func:`read_compilation` splits one text file (a web page saved as text, with
``第一篇…`` headings, or a single speech) into speeches; :func:`read_corpus`
also reads a folder of ``.txt`` files, one speech per file.  The file is
split in :mod:`.splitting`, its metadata read in :mod:`.metadata`, site
clutter recognised in :mod:`.clutter`, bytes decoded in :mod:`.decoding`.
Every character of the source belongs to exactly one span (site header, title, teaser, speech
heading, speaker line, salutation, body, web clutter ...), so nothing is lost
and nothing is invented; the speech bodies are cleaned (page breaks joined,
stray spaces removed) with a map back to source offsets.

Columns of ``.speeches`` (one row per speech, in document order):

=================  ==========================================================
speech             1..N (document order; across files in a folder)
label              a short name, distinct in the corpus: the place, else the
                   speaker, else the occasion or title (:mod:`.labels`)
file               the file the speech was read from (name only)
heading            the heading as written (``第一篇：…``), else empty
title              the speech's title (from its heading, else its title lines)
title_in_text      the title lines under the heading, joined, as written
speaker            the speaker's name; empty when absent or masked
speaker_text       the speaker line(s) as written (``县委书记 XXX``)
role               the speaker's office (``市委书记``)
date               ISO ``YYYY-MM-DD`` when the text gives a full date
date_text          the date as written (``20XX年X月X日``)
speaker_masked     the source masks the name (XXX)
date_masked        the source masks the date (20XX年X月X日)
salutation         ``同志们：`` and the like, as written
text               the cleaned body
start, end         offsets of the body in the source (end exclusive)
n_chars            characters of ``text`` (line breaks excluded)
n_paragraphs       paragraphs of ``text``
truncated          the source cuts the speech off (``第......``)
encoding           how the file was decoded
=================  ==========================================================

Columns of ``.spans``: ``file``, ``kind``, ``start``, ``end``, ``speech``
(0 for regions that belong to no speech), ``text`` (the source characters).
"""
from __future__ import annotations

import os
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import config
from ..chinese import is_han
from ..errors import CorpusError, CorpusWarning, EmptyCorpusError, NoSpeechesError, shown_path
from ..parallel import progress_bar, resolve_processes
from .catalogue import add_metadata, catalogue_for_files, catalogue_for_rows, with_front_matter
from .cleaning import text_to_source
from .clutter import is_stub
from .dates import conflicting_dates, date_documents, from_file_name
from .decoding import DecodedText
from .formats import SUPPORTED_NAMES, cell_text, corpus_files, read_text
from .labels import speech_labels
from .splitting import ROW_ORDER, split_file
from .tables import documents_of_paragraphs, is_table, read_records, row_text, text_column


@dataclass
class Compilation:
    """What :func:`read_compilation` returns: metadata, speeches and spans.

    ``source`` is the decoded text (BOM excluded) that every offset refers to.
    """

    path: Path | None
    source: str
    encoding: str
    meta: dict
    speeches: pd.DataFrame
    spans: pd.DataFrame
    deletions: pd.DataFrame = field(repr=False, default=None)
    errors: pd.DataFrame = field(repr=False, default=None)

    def to_source(self, speech: int, offset: int) -> int:
        """Offset in the source of character ``offset`` of speech ``speech``'s text."""
        return to_source_offset(self.speeches, speech, offset)


def to_source_offset(speeches: pd.DataFrame, speech: int, offset: int) -> int:
    r"""Map an offset in a speech's cleaned ``text`` back to its source file offset.

    >>> import analysis as an
    >>> comp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n"))
    >>> i = an.to_source_offset(comp.speeches, 2, 0)
    >>> comp.source[i:i + 3]
    '要抓开'
    """
    row = speeches.loc[speeches["speech"] == speech]
    if row.empty:
        raise KeyError(f"no speech {speech}")
    return text_to_source(row.iloc[0]["source_map"], offset)


def _frames(rows, spans, deletions, metadata: pd.DataFrame | None = None, *, where=None):
    speeches = pd.DataFrame(rows)
    if speeches.empty:
        speeches = pd.DataFrame(columns=["speech", "file", "title", "date", "text", "start", "end", "n_chars"])
    _warn_repeated(speeches, where)
    if metadata is not None:
        speeches = add_metadata(speeches, metadata)
    speeches = date_documents(speeches)
    _warn_conflicting_dates(conflicting_dates(speeches), where)
    speeches.insert(1, "label", speech_labels(speeches))
    speeches = speeches[_column_order(speeches.columns)]
    span_frame = pd.DataFrame(spans, columns=["file", "kind", "start", "end", "speech", "text"])
    del_frame = pd.DataFrame(deletions, columns=["file", "speech", "start", "end", "reason", "removed"])
    return speeches, span_frame, del_frame


def _warn_repeated(speeches: pd.DataFrame, where) -> None:
    """One warning when documents repeat an earlier one word for word (a speech saved as .txt and
    as .docx, a row exported twice): each is still read, but counted twice it weighs double in
    every comparison and recurs as if two speakers said it."""
    texts = speeches["text"]
    if texts.empty:
        return
    repeated = texts.duplicated() & texts.ne("") & ~texts.str.isspace().astype(bool)
    if not repeated.any():
        return
    first = dict(zip(texts[~repeated][::-1], speeches.loc[~repeated, "speech"][::-1]))  # each text's first document
    n = int(repeated.sum())
    pairs = [f"{_where(speeches, k)} = {_where(speeches, first[t])}"
             for k, t in zip(speeches.loc[repeated, "speech"][:3], texts[repeated][:3])]
    said = f"{n} documents repeat an earlier one" if n > 1 else "a document repeats an earlier one"
    warnings.warn(f"{shown_path(where) if where else 'the text'}: {said} word for word ({'; '.join(pairs)}"
                  f"{' …' if n > 3 else ''}); each is read and counted", CorpusWarning, stacklevel=4)


def _warn_conflicting_dates(conflicts: list[str], where) -> None:
    """One warning for the documents :func:`.dates.conflicting_dates` lists."""
    if conflicts:
        said = f"{len(conflicts)} documents' title blocks write" if len(conflicts) > 1 else "a title block writes"
        listed = "; ".join(conflicts[:3]) + (" …" if len(conflicts) > 3 else "")
        warnings.warn(f"{shown_path(where) if where else 'the text'}: {said} another year than the metadata or file "
                      f"name ({listed}); year follows the first, date_text keeps what the text writes", CorpusWarning,
                      stacklevel=4)


def _where(speeches: pd.DataFrame, speech: int) -> str:
    row = speeches.loc[speeches["speech"] == speech].iloc[0]
    return f"{row['file']} speech {speech}" if isinstance(row.get("file"), str) and row["file"] else f"speech {speech}"


#: The columns the reader gives every speech table (the others are a corpus's own metadata).
READER_COLUMNS = frozenset(ROW_ORDER) | {"label", "year", "date_source"}


def _column_order(columns) -> list[str]:
    """The reader's columns first (``year`` and ``date_source`` after ``date``), then the metadata,
    then the text and its map."""
    columns = list(columns)
    last = [c for c in ("text", "text_simplified", "source_map") if c in columns]
    dating = [c for c in ("year", "date_source") if c in columns]
    head = [c for c in columns if c not in last and c not in dating]
    at = head.index("date") + 1 if "date" in head else len(head)
    return head[:at] + dating + head[at:] + last


def read_compilation(path: str | Path | None = None, *, text: str | None = None) -> Compilation:
    r"""Read one compilation file (or ``text``) into a :class:`Compilation`.

    With no path, reads the five-speech compilation in ``data/raw/``.
    Raises :class:`~analysis.CorpusError` subclasses, whose one-line message
    names the file and the problem.

    >>> import analysis as an
    >>> comp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n"))
    >>> comp.speeches[['speech', 'title']].values.tolist()
    [[1, '在全市招商大会上的讲话'], [2, '在项目推进会上的讲话']]
    """
    if text is not None:
        decoded = DecodedText(text, "str", False, "\n")
        path = Path(path) if path else None
        if not text.strip():
            raise EmptyCorpusError(path, "the text is empty")
    else:
        path = Path(path) if path is not None else config.DEFAULT_CORPUS
        if path.is_dir():
            return read_corpus(path)
        decoded = read_text(path)
    meta, rows, spans, deletions = split_file(decoded.text, path, decoded, 1)
    meta.update(encoding=decoded.encoding, bom=decoded.bom, newline=decoded.newline,
                n_documents=len(rows), n_chars_source=len(decoded.text))
    _check_speeches(rows, path)
    own = with_front_matter(None, [decoded.metadata] if len(rows) == 1 else [None] * len(rows))
    speeches, span_frame, del_frame = _frames(rows, spans, deletions, own, where=path)
    return Compilation(path, decoded.text, decoded.encoding, meta, speeches, span_frame, del_frame,
                       pd.DataFrame(columns=["file", "error"]))


def _check_speeches(rows: list[dict], path) -> None:
    if not rows or all(not r["text"].strip() for r in rows):
        raise NoSpeechesError(path, "no speech could be found in it (no body text under any heading)")
    if not any(any(is_han(c) for c in r["text"]) for r in rows):
        raise NoSpeechesError(path, "no Chinese text was found in it, so no speech could be read")
    for r in rows:
        if not r["text"].strip():
            warnings.warn(f"{path}: speech {r['speech']} ({r['heading'] or r['title']}) has a heading but no body",
                          CorpusWarning, stacklevel=3)


def read_corpus(path: str | Path | None = None, *, pattern: str | None = None,
                text_field: str | None = None, processes: int = 1) -> Compilation:
    """Read a compilation file, a single speech file, a folder of them, or a table of documents.

    A folder is read for every supported format (.txt, .docx, .pdf, .html), or for the
    files ``pattern`` matches.  Each file is one speech (or a compilation of several, if
    it has ``第N篇`` headings); speeches are numbered across files in file-name order (in year order
    when every file's name gives its year, :func:`in_year_order`).
    A file that cannot be read, or is in a format that is not read, is reported in
    ``.errors`` and with a :class:`~analysis.CorpusWarning` naming it; the rest are read.
    A ``metadata.csv`` in the folder joins its columns to the files it names (:mod:`.catalogue`).
    A table (.jsonl, .json, .csv, .tsv, .parquet, .xlsx) is one document per row
    (:func:`read_table_corpus`; ``text_field`` names its text column).  ``processes > 1`` reads a
    large folder's files on that many processes (fewer when it is too small to gain); the
    result is the same.

    >>> import analysis as an
    >>> comp = an.read_corpus(an.config.PROVINCIAL_CORPUS)
    >>> len(comp.speeches), comp.meta['n_files']
    (25, 25)
    """
    path = Path(path) if path is not None else config.DEFAULT_CORPUS
    if is_table(path):
        return read_table_corpus(path, text_field=text_field)
    if not path.is_dir():
        return read_compilation(path)
    files, errors = _folder_files(path, pattern)
    all_rows, all_spans, all_dels = [], [], []
    metas, fronts = [], {}
    names = [f.relative_to(path).as_posix() for f in files]  # 2020/报告.txt: a subfolder's files named apart
    for name, (read, said) in zip(names, _read_files(files, names, processes)):
        for message, category in said:  # what reading the file warned of, in file order
            warnings.warn(message, category, stacklevel=2)
        if isinstance(read, str):
            errors.append({"file": name, "error": read})
            warnings.warn(read, CorpusWarning, stacklevel=2)
            continue
        meta, rows, spans, dels = _numbered_from(len(all_rows), *read)
        metas.append(meta)
        fronts[name] = meta.get("front_matter") if len(rows) == 1 else None
        all_rows += rows
        all_spans += spans
        all_dels += dels
    if not all_rows:
        raise NoSpeechesError(path, f"none of the {len(files)} files could be read: " + errors[0]["error"])
    files_of_rows = [r["file"] for r in all_rows]
    catalogue = with_front_matter(catalogue_for_files(pd.DataFrame({"file": files_of_rows}), path),
                                  [fronts.get(f) for f in files_of_rows])
    speeches, span_frame, del_frame = _frames(all_rows, all_spans, all_dels, catalogue, where=path)
    meta = {"folder": str(path), "n_files": len(files), "n_documents": len(all_rows), "files": metas,
            "n_errors": len(errors)}
    return Compilation(path, "", "mixed", meta, speeches, span_frame, del_frame,
                       pd.DataFrame(errors, columns=["file", "error"]))


def _folder_files(path: Path, pattern: str | None) -> tuple[list[Path], list[dict]]:
    """The files of a folder to read, and those passed over as errors (each with a warning)."""
    if pattern is None:
        files, skipped = corpus_files(path)
    else:
        files, skipped = sorted(p for p in path.glob(pattern) if p.is_file()), []
    errors = []
    for f, why in skipped:
        errors.append({"file": f.relative_to(path).as_posix(), "error": f"{f}: {why}"})
        warnings.warn(f"{f}: {why}", CorpusWarning, stacklevel=4)
    if not files:
        raise NoSpeechesError(path, f"the folder holds no file that can be read ({SUPPORTED_NAMES})")
    return in_year_order(files, path), errors


def in_year_order(files: list[Path], folder: Path) -> list[Path]:
    """``files`` in order of the years their names give, when every name gives one (一九七五年… after
    一九五四年…, which path order puts first), each year's files in path order; else as they are."""
    years = [from_file_name(f.relative_to(folder).as_posix())[0] for f in files]
    if any(y is None for y in years):
        return files
    return [f for _, _, f in sorted(zip(years, range(len(files)), files))]


#: A folder is read on several processes only when each has at least this many bytes to read
#: (about half a second of reading; starting a process and sending the texts back costs a few
#: tenths).
MIN_BYTES_PER_READING_PROCESS = 10_000_000


def _read_files(files: list[Path], names: list[str], processes: int) -> list:
    """:func:`_read_file` of each of ``files`` (named ``names`` in the tables), in order, on up to
    ``processes`` processes."""
    size = sum(f.stat().st_size for f in files)
    workers = max(1, min(resolve_processes(processes), len(files), size // MIN_BYTES_PER_READING_PROCESS))
    bar = progress_bar("reading", len(files), "file")  # shown inside a progress_bars block
    if workers <= 1:
        return list(_ticking(map(_read_file, files, names), bar))
    with ProcessPoolExecutor(workers) as pool:
        return list(_ticking(pool.map(_read_file, files, names, chunksize=max(1, len(files) // (workers * 4))), bar))


def _ticking(items, bar):
    """``items``, with one tick of ``bar`` (None: no bar) after each, the bar closed after the last."""
    for item in items:
        yield item
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()


def _read_file(f: Path, name: str | None = None) -> tuple:
    """One file decoded and split, its speeches numbered from 1: ``((meta, rows, spans, deletions),
    warnings)``, or the error's message in place of the four; the warnings it gave, as
    ``(message, category)``, so that a file read on another process warns as one read here."""
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        try:
            decoded = read_text(f)
            meta, rows, spans, dels = split_file(decoded.text, f, decoded, 1, name=name)
            _check_speeches(rows, f)
            meta.update(encoding=decoded.encoding, n_documents=len(rows), n_chars_source=len(decoded.text))
            if decoded.metadata:
                meta["front_matter"] = decoded.metadata
            read = (meta, rows, spans, dels)
        except CorpusError as exc:
            read = str(exc)
    return read, [(str(w.message), w.category) for w in said]


def _numbered_from(before: int, meta: dict, rows: list[dict], spans: list[dict], dels: list[dict]) -> tuple:
    """A file's speeches numbered after the ``before`` speeches of the files before it."""
    for row in (*rows, *dels):
        row["speech"] += before
    for span in spans:
        span["speech"] += before if span["speech"] else 0  # 0: no speech's
    return meta, rows, spans, dels


def read_table_corpus(path: str | Path, *, text_field: str | None = None) -> Compilation:
    r"""Read a table of documents (JSON lines, JSON, CSV, TSV, Parquet, Excel), one per row.

    Each row's text is read like a single-speech file named ``FILE:N`` (N: its line, or its
    row); the other columns (and a catalogue beside the table) become document metadata.
    Rows with no text are skipped with one warning listing them.  Without ``text_field``,
    ``$ANALYSIS_TEXT_FIELD`` names the text column (the CLI's ``--text-field`` sets it, so
    that the notebooks it runs read the same column), else it is found by name.

    >>> import analysis as an, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "reports.csv"
    >>> _ = p.write_text("year,content\n2023,同志们：抓项目。\n2024,同志们：抓招商。\n", encoding="utf-8")
    >>> an.read_corpus(p).speeches[["file", "year", "label"]].values.tolist()
    [['reports.csv:2', 2023, '2023'], ['reports.csv:3', 2024, '2024']]
    """
    path = Path(path)
    text_field = text_field or os.environ.get("ANALYSIS_TEXT_FIELD") or None
    frame, numbers = read_records(path)
    if frame.empty:
        raise NoSpeechesError(path, "its rows have no fields" if numbers else "the table has no rows")
    column = text_column(frame, path, text_field)
    frame, numbers = documents_of_paragraphs(frame, numbers, column)
    where = "line" if path.suffix.lower() in (".jsonl", ".ndjson") else "row"
    rows, spans, dels, keep, empty, stubs = [], [], [], [], [], []
    bar = progress_bar("reading", len(frame), where)  # shown inside a progress_bars block
    for k, (value, n) in enumerate(_ticking(zip(map(row_text, frame[column]), numbers), bar)):
        value, how = cell_text(value) if value is not None else (None, "")
        if value is None or not value.strip():
            empty.append(n)
            continue
        if is_stub(value):
            stubs.append(n)
            continue
        decoded = DecodedText(value, f"{path.suffix[1:]} {column!r} column{how}", False, "\n")
        _, got, got_spans, got_dels = split_file(value, Path(f"{path.name}:{n}"), decoded, len(rows) + 1,
                                                 one_document=True)
        rows += got
        spans += got_spans
        dels += got_dels
        keep.append(k)
    if empty:
        listed = ", ".join(map(str, empty[:20])) + (" …" if len(empty) > 20 else "")
        warnings.warn(f"{shown_path(path)}: {len(empty)} {where}s have no text and were skipped ({where} {listed})",
                      CorpusWarning, stacklevel=2)
    if stubs:
        listed = ", ".join(map(str, stubs))
        warnings.warn(f"{shown_path(path)}: {where} {listed}: a library's stub or disambiguation page "
                      "(it only points to other pages), skipped", CorpusWarning, stacklevel=2)
    if not rows and empty and len(empty) + len(stubs) == len(frame):
        raise NoSpeechesError(path, f"no {where} has any text in its {column!r} column")
    _check_speeches(rows, path)
    metadata = catalogue_for_rows(frame.drop(columns=[column]).iloc[keep].reset_index(drop=True), path)
    speeches, span_frame, del_frame = _frames(rows, spans, dels, metadata, where=path)
    meta = {"table": str(path), "text_column": column, "n_rows": len(frame), "n_documents": len(rows),
            "n_skipped": len(empty) + len(stubs)}
    return Compilation(path, "", "mixed", meta, speeches, span_frame, del_frame,
                       pd.DataFrame(columns=["file", "error"]))


def load_speeches(path: str | Path | None = None) -> pd.DataFrame:
    """The speech table of :func:`read_corpus` (see the module doc for its columns).

    >>> import analysis as an
    >>> len(an.load_speeches())
    5
    """
    return read_corpus(path).speeches


def speech_table(speeches: pd.DataFrame) -> pd.DataFrame:
    r"""The speech table without the cleaned text and offset map: what gets printed and saved.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> 'text' in an.speech_table(sp).columns
    False
    """
    return speeches.drop(columns=[c for c in ("text", "text_simplified", "source_map") if c in speeches.columns])
