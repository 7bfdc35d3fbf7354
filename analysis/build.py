"""The pipeline: processed tables, notebook execution, and the helper notebooks start from.

``make figures`` calls :func:`build_all`: it writes every table to ``data/processed``,
then executes each notebook (the paired ``notebooks/NN_*.py`` scripts) from a clean
kernel with nbclient, writing the executed ``.ipynb``, an HTML rendering beside it,
and every figure into ``figures/``.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import config
from .errors import NotebookError, OptionError, TooFewSpeechesError, check_choice
from .reading.corpus import Compilation, read_corpus, speech_table

#: Formats a table can be written in, the package each needs, and its file suffix.
TABLE_FORMATS = {"csv": (None, ".csv"), "xlsx": ("openpyxl", ".xlsx"), "parquet": ("pyarrow", ".parquet")}


def write_table(frame: pd.DataFrame, path: Path, fmt: str = "csv", *, append: bool = False) -> Path:
    """Write ``frame`` to ``path`` (its suffix replaced by the format's), deterministically.
    ``append``: add the rows to a CSV file written before (without the header again)."""
    check_choice("format", fmt, tuple(TABLE_FORMATS))
    package, suffix = TABLE_FORMATS[fmt]
    if package is not None:
        try:
            __import__(package)
        except ImportError:
            raise OptionError(f"--format {fmt} needs the {package} package: pip install {package} "
                              "(or pip install 'speech-analysis[tables]')") from None
    path = Path(path).with_suffix(suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        frame.to_csv(path, index=False, lineterminator="\n", float_format="%.6g", mode="a" if append else "w",
                     header=not append)
    elif fmt == "xlsx":
        _excel(frame, path)
    else:
        frame.to_parquet(path, index=False)
    return path


#: Rows of data an Excel sheet holds (1,048,576 with the header); a larger table goes on to further sheets.
EXCEL_ROWS = 1_048_575


def _excel(frame: pd.DataFrame, path: Path) -> None:
    """``frame`` as a workbook: one sheet, or for a table longer than a sheet holds, a sheet per
    :data:`EXCEL_ROWS` rows, each named by the rows it holds (``rows 1-1048575``)."""
    if len(frame) <= EXCEL_ROWS:
        frame.to_excel(path, index=False)
        return
    with pd.ExcelWriter(path) as writer:
        for lo in range(0, len(frame), EXCEL_ROWS):
            piece = frame.iloc[lo:lo + EXCEL_ROWS]
            piece.to_excel(writer, index=False, sheet_name=f"rows {lo + 1}-{lo + len(piece)}")


def _csv(frame: pd.DataFrame, path: Path) -> Path:
    return write_table(frame, path, "csv")


#: The table groups ``python -m analysis`` can write, and the files of each.
TABLE_GROUPS = {
    "speeches": ("speeches.csv", "spans.csv"),
    "terms": ("term_frequencies.csv", "keyness.csv"),
    "slogans": ("slogans.csv", "boilerplate.csv", "recurring_slogans.csv", "formula_tracker.csv",
                "numbered_formulas.csv", "outline.csv"),
    "numbers": ("numeric_targets.csv", "dating_evidence.csv"),
    "time": ("term_trends.csv", "trending_terms.csv", "formula_timeline.csv", "formula_lifecycle.csv",
             "target_series.csv"),
}
#: keyness.csv keeps, of the terms a document never uses, the strongest this many (every term a
#: document lacks is one of its negative keywords: in full, documents x vocabulary rows).
ABSENT_KEYWORDS = 100
#: The time tables need documents of at least this many distinct years (or periods of ``by``).
MIN_YEARS = 3


@dataclass
class Tables:
    """The processed tables by file name, and why any of them could not be made.  With a ``sink``,
    each table is handed to it as soon as it is made and let go (``frames`` stays empty, ``names``
    says what was made), so memory holds one table at a time, not all of them."""

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # time taken by each step
    sink: Callable[[str, pd.DataFrame], object] | None = field(default=None, repr=False)
    names: list[str] = field(default_factory=list)
    pieces: bool = False  # the sink takes a large table in several frames (it appends)

    def put(self, name: str, frame: pd.DataFrame) -> None:
        self.names.append(name)
        if self.sink is None:
            self.frames[name] = frame
        else:
            self.sink(name, frame)

    def put_pieces(self, name: str, pieces, *, join=None) -> None:
        """A table made in pieces, in order: handed on one by one when the sink takes pieces (so
        the whole table is never held), else joined first (by ``join``, a list of frames to one)."""
        if self.sink is None or not self.pieces:
            parts = list(pieces)
            if join is not None:
                self.put(name, join(parts))
            else:
                self.put(name, pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0])
            return
        pieces = iter(pieces)
        first = next(pieces)  # a table that cannot be made fails here, before it is named
        self.names.append(name)
        self.sink(name, first)
        del first
        for piece in pieces:
            self.sink(name, piece)


def build_tables(comp: Compilation, groups=tuple(TABLE_GROUPS), *, processes: int = 1,
                 progress: bool = False, by: str = "year", cache: bool = True,
                 sink: Callable[[str, pd.DataFrame], object] | None = None, pieces: bool = False) -> Tables:
    """The processed tables of a read corpus, taken by chunks of documents (:mod:`analysis.chunks`)
    on ``processes`` or on Dask; segments each document once (``cache=False``: afresh, not from
    ``.cache/segments``).  With one speech, keyness (which compares speeches) is left out and
    ``notes`` says why.  ``progress`` shows every stage, and the documents done.  ``seconds``
    of the result holds the time of every step.  ``sink(name, frame)``, when given, receives each
    table as it is made (``write_tables`` writes it), and the result keeps none of them; with
    ``pieces=True`` the largest tables (term frequencies, keyness) come to it in several frames
    under the same name, one after the other, which it appends."""
    from .parallel import memory_reused, objects_left_alone, progress_bars, small_pages

    with progress_bars(progress), small_pages(), objects_left_alone(), memory_reused():
        return _build_tables(comp, groups, Tables(sink=sink, pieces=pieces), processes=processes, progress=progress,
                             by=by, cache=cache)


def _build_tables(comp: Compilation, groups, out: Tables, *, processes: int, progress: bool, by: str,
                  cache: bool) -> Tables:
    from . import parallel
    from .chunks import corpus_parts
    from .discourse.reference import load_reference
    from .statistics.groups import periods

    speeches = comp.speeches
    timed = "time" in groups and periods(speeches, by=by)["period"].nunique() >= MIN_YEARS  # the time tables come
    start = time.perf_counter()
    reference = load_reference(config.REFERENCE_CORPUS) if {"slogans", "time"} & set(groups) else None
    out.seconds["reference"] = time.perf_counter() - start
    workers = parallel.useful_processes(processes, speeches["text"].tolist(), parallel.MIN_CHARS_PER_SEGMENTING_PROCESS)
    with parallel.Runner(workers) as runner:  # open while the tables read what the chunks kept
        # without the years for them, the time tables need nothing of the chunks
        parts = corpus_parts(speeches, set(groups) - ({"time"} if not timed else set()), reference=reference,
                             runner=runner, cache=cache)
        _tables(out, comp, parts, groups, runner=runner, by=by, timed=timed, progress=progress)
    out.seconds.update(parts.seconds)  # the slogan table's merging included: it is done as the tables ask for it
    return out


def _tables(out: Tables, comp: Compilation, parts, groups, *, runner, by: str, timed: bool, progress: bool) -> None:
    """Every table of ``groups`` from the corpus's parts, one group after the other."""
    from . import parallel
    from .chunks import kept_numbers, kept_rows, stacked
    from .discourse.boilerplate import boilerplate_spans, outside_boilerplate

    speeches = comp.speeches
    found = None
    for group in parallel.counted([g for g in TABLE_GROUPS if g in groups], desc="tables", unit="group",
                                  shown=progress):
        start, merging = time.perf_counter(), parts.seconds["slogans, merged"]
        if group == "speeches":
            out.put("speeches.csv", speech_table(speeches))
            out.put("spans.csv", comp.spans.assign(text=comp.spans["text"].str.slice(0, 40)))
        elif group == "terms":
            _term_tables(out, runner, parts.totals)
        elif group == "slogans":
            found = _slogan_tables(out, parts, runner, speeches, keep=timed)
        elif group == "numbers":
            out.put_pieces("numeric_targets.csv", kept_numbers(runner), join=stacked)
            out.put_pieces("dating_evidence.csv", kept_rows(runner, "dating"), join=stacked)
        else:
            if found is None and timed:
                spans = boilerplate_spans(speeches, units=kept_rows(runner, "edges"), documents=parts.edges)
                found = outside_boilerplate(stacked(list(parts.slogans)), spans)
            _time_tables(out, speeches, parts.counts, found, parts.series, by=by)
        if not timed:  # what no later table needs is let go
            _let_go(parts, group)
            found = None
        # what this group's tables freed, before the next group's peak
        parallel.return_freed_memory(at_least=parallel.FREED_MEMORY_WORTH_RETURNING)
        # the slogan table merged on the way is a step of its own
        out.seconds[f"tables: {group}"] = time.perf_counter() - start - (parts.seconds["slogans, merged"] - merging)


def _term_tables(out: Tables, runner, totals: pd.DataFrame) -> None:
    """Term frequencies and keyness, chunk by chunk from the counts each chunk kept, measured
    against the corpus's ``totals``: the corpus's counts are never held at once."""
    from .chunks import kept_counts
    from .statistics.frequency import term_frequency_blocks
    from .statistics.keyness import keyness_blocks

    out.put_pieces("term_frequencies.csv", (block for counts in kept_counts(runner, desc="term frequencies")
                                            for block in term_frequency_blocks(counts, corpus=totals)))
    try:
        if totals.attrs["n_speeches"] < 2:  # before the file is named
            raise TooFewSpeechesError("keyness", totals.attrs["n_speeches"])
        out.put_pieces("keyness.csv", (block for counts in kept_counts(runner, desc="keyness") for block in
                                       keyness_blocks(counts, min_count=2, absent=ABSENT_KEYWORDS, corpus=totals)))
    except TooFewSpeechesError as exc:
        out.notes.append(f"keyness.csv not written: {exc}")


def _slogan_tables(out: Tables, parts, runner, speeches: pd.DataFrame, *, keep: bool) -> pd.DataFrame | None:
    """The slogan tables from the slogan table as it is merged, chunk by chunk: each chunk's frame is
    written, the uses of its formulas outside boilerplate added up, and the frame let go.  Returns
    the slogans outside boilerplate when the time tables need them (``keep``)."""
    from .chunks import kept_rows, stacked
    from .discourse.boilerplate import boilerplate, boilerplate_spans, outside_boilerplate
    from .discourse.formula_uses import FormulaUses
    from .discourse.ranking import formula_row_parts, recurring_formulas
    from .discourse.tracker import tracker_blocks

    # decided first, from every chunk's candidates, read back a chunk at a time
    spans = boilerplate_spans(speeches, units=kept_rows(runner, "edges"), documents=parts.edges)
    parts.edges = None  # no later table needs them
    outside, uses = [], FormulaUses()  # what every document repeats ranks as nothing: the rest, chunk by chunk

    def written() -> Iterator[pd.DataFrame]:
        for piece in parts.slogans:
            rest = outside_boilerplate(piece, spans)
            uses.add(*formula_row_parts(rest))  # all the two formula tables need of the slogans
            if keep:
                outside.append(rest)
            del rest
            yield piece

    out.put_pieces("slogans.csv", written(), join=stacked)
    parts.slogans = None  # merged once: nothing else reads it
    out.put("boilerplate.csv", boilerplate(spans, len(speeches)))
    out.put("recurring_slogans.csv", recurring_formulas(uses, min_documents=1, corpus_size=len(speeches)))
    sizes = speeches.set_index("speech")["n_chars"]
    out.put_pieces("formula_tracker.csv", tracker_blocks(uses, documents=sorted(sizes.index), sizes=sizes, zeros=False))
    out.put_pieces("numbered_formulas.csv", kept_rows(runner, "numbered"), join=stacked)
    out.put_pieces("outline.csv", kept_rows(runner, "outline"), join=stacked)
    return stacked(outside) if keep else None


def _let_go(parts, group: str) -> None:
    """Drop from ``parts`` what the tables of ``group`` were the last to need."""
    let_go = {"terms": ("counts",), "slogans": ("slogans",)}
    for name in let_go.get(group, ()):
        setattr(parts, name, None)


def _time_tables(out: Tables, speeches: pd.DataFrame, counts: pd.DataFrame, found: pd.DataFrame,
                 series: pd.DataFrame, *, by: str) -> None:
    """The tables of change over time, when the documents carry at least :data:`MIN_YEARS` periods."""
    from .discourse.series import target_series
    from .discourse.timeline import formula_lifecycle, formula_timeline
    from .statistics.groups import is_ordered, periods
    from .statistics.trends import MIN_PERIODS, term_trends, trending_terms

    n_periods = periods(speeches, by=by)["period"].nunique()
    if n_periods < MIN_YEARS:
        what = ("year" if n_periods == 1 else "years") if by == "year" else f"values of {by}"
        out.notes.append(f"time tables not written: the documents carry {n_periods} distinct {what} "
                         f"(they need at least {MIN_YEARS})")
        return
    trends = term_trends(counts, speeches, by=by)
    out.put("term_trends.csv", trends)
    if not is_ordered(speeches, by):
        out.notes.append(f"trending_terms.csv not written: {by!r} holds names, not years, dates or numbers; a trend "
                         "across its groups would follow the alphabet (term_trends.csv gives each group's rates)")
    elif n_periods >= MIN_PERIODS:
        out.put("trending_terms.csv", trending_terms(trends))
    else:
        out.notes.append(f"trending_terms.csv not written: a trend test needs {MIN_PERIODS} periods, "
                         f"these documents have {n_periods}")
    timeline = formula_timeline(found, speeches, by=by)
    out.put("formula_timeline.csv", timeline)
    out.put("formula_lifecycle.csv", formula_lifecycle(timeline))
    out.put("target_series.csv", target_series(series, speeches))


def write_tables(corpus=None, out_dir=None, *, groups=tuple(TABLE_GROUPS), processes: int = 1,
                 fmt: str = "csv", progress: bool = False, notes: list | None = None, by: str = "year") -> list[Path]:
    """Read ``corpus`` once and write the tables of ``groups`` into ``out_dir`` (default
    ``data/processed``) as ``fmt`` (csv, xlsx or parquet); the time tables group by ``by``.
    What could not be written is added to ``notes``."""
    check_choice("format", fmt, tuple(TABLE_FORMATS))
    out = Path(out_dir) if out_dir else config.PROCESSED_DIR
    written: list[Path] = []
    started: set[str] = set()

    def sink(name: str, frame: pd.DataFrame) -> None:  # a table in pieces: the later ones appended
        path = write_table(frame, out / name, fmt, append=name in started)
        if name not in started:
            started.add(name)
            written.append(path)

    from .parallel import progress_bars

    with progress_bars(progress):
        comp = read_corpus(corpus, processes=processes)
    tables = build_tables(comp, groups, processes=processes, progress=progress, by=by, sink=sink, pieces=fmt == "csv")
    stale = _remove_stale_tables(out, groups, fmt, written)
    if notes is not None:
        notes += tables.notes
        if stale:
            notes.append(f"removed {', '.join(stale)}: left by an earlier run in {out}, and this run gives none")
    return written


def _remove_stale_tables(out: Path, groups, fmt: str, written: list[Path]) -> list[str]:
    """Delete the tables of ``groups`` that this run did not write (keyness.csv of an earlier
    corpus beside the tables of one speech, which has none), so a folder never mixes two corpora;
    returns their names."""
    suffix = TABLE_FORMATS[fmt][1]
    names = [Path(name).with_suffix(suffix).name for group in groups for name in TABLE_GROUPS.get(group, ())]
    stale = [name for name in names if (out / name).is_file() and out / name not in written]
    for name in stale:
        (out / name).unlink()
    return stale


def notebook_scripts(notebooks_dir: str | Path | None = None) -> list[Path]:
    d = Path(notebooks_dir) if notebooks_dir else config.NOTEBOOKS_DIR
    return sorted(p for p in d.glob("[0-9][0-9]_*.py"))


def _path_expr(path: Path) -> str:
    """Python source for ``path``: relative to the project when inside it, so executed
    notebooks do not depend on where the project is checked out."""
    path = Path(path).resolve()
    try:
        return f"PROJ_ROOT / {path.relative_to(config.PROJ_ROOT).as_posix()!r}"
    except ValueError:
        return repr(str(path))


def run_notebook(script: Path, *, corpus: Path, figures_dir: Path, out_dir: Path, documents: Path | None = None,
                 timeline: Path | None = None, by: str = "year", timeout: int = 900) -> Path:
    """Execute one paired notebook script from a clean kernel; write .ipynb and .html into ``out_dir``."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    nb = jupytext.read(script)
    # papermill-style parameters: a cell after the one tagged "parameters" overrides it
    params = nbformat.v4.new_code_cell(
        "from analysis.config import PROJ_ROOT\n"
        f"corpus = {_path_expr(corpus)}\nfigures_dir = {_path_expr(figures_dir)}\n"
        f"documents = {_path_expr(documents or corpus)}\ntimeline = {_path_expr(timeline or corpus)}\nby = {by!r}",
        metadata={"tags": ["injected-parameters"]})
    idx = next((i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    nb.cells.insert(idx + 1 if idx is not None else 0, params)
    for k, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{k:02d}"  # jupytext draws random ids; fixed ones keep reruns identical
    env_cwd = str(script.parent)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": env_cwd}},
                            record_timing=False)
    # the kernel's own stderr (start-up chatter) goes to a log, not the user's terminal;
    # errors raised in cells still surface as nbclient's CellExecutionError
    log = config.CACHE_DIR / "kernels" / f"{script.stem}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    from nbclient.exceptions import CellExecutionError

    failure = None
    with open(log, "w", encoding="utf-8") as stderr:
        try:
            client.execute(stderr=stderr)
        except CellExecutionError as exc:
            failure = exc  # the executed copy is written all the same, up to the failing cell
    _join_split_streams(nb)
    out_dir.mkdir(parents=True, exist_ok=True)
    ipynb = out_dir / script.with_suffix(".ipynb").name
    nbformat.write(nb, ipynb)
    html, _ = HTMLExporter().from_notebook_node(nb)
    (out_dir / script.with_suffix(".html").name).write_text(html, encoding="utf-8")
    if failure is not None:
        what = (str(getattr(failure, "evalue", "") or "").splitlines() or [""])[0]
        raise NotebookError(f"{ipynb}: a cell failed ({getattr(failure, 'ename', 'error')}: {what}); "
                            "the executed copy shows where")
    return ipynb


def _join_split_streams(nb) -> None:
    """One printed text as one output: the kernel sends a long print in pieces as its buffer
    flushes, at moments that depend on the machine's load, so the pieces would differ from run to
    run.  Adjacent stream outputs of the same name are joined; nothing is moved past a table or
    a figure (nbclient's ``coalesce_streams`` would move them)."""
    for cell in nb.cells:
        outputs = []
        for out in cell.get("outputs", []):
            if (outputs and out.get("output_type") == "stream" and outputs[-1].get("output_type") == "stream"
                    and outputs[-1].get("name") == out.get("name")):
                outputs[-1]["text"] += out["text"]
            else:
                outputs.append(out)
        if "outputs" in cell:
            cell["outputs"] = outputs


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def documents_for(corpus: Path) -> Path:
    """The corpus of the many-documents notebook: the 25 reports for the project's own
    compilation, else the corpus itself."""
    return config.PROVINCIAL_CORPUS if Path(corpus).resolve() == config.SEED_CORPUS.resolve() else Path(corpus)


def timeline_for(corpus: Path) -> Path:
    """The corpus of the time notebook: the party congresses 1921–2022 for the project's own
    compilation (five speeches of one year show no change over time), else the corpus itself."""
    return config.CONGRESS_CORPUS if Path(corpus).resolve() == config.SEED_CORPUS.resolve() else Path(corpus)


def build_inputs(corpus: Path, by: str = "year") -> dict[str, str]:
    """Everything a build of the figures depends on, by digest: the corpus, the dictionaries,
    the library and notebook sources, the font, and the versions of the libraries that draw."""
    from importlib.metadata import version

    from .figures.fonts import find_cjk_font
    from .reading.catalogue import find_catalogue

    files = []
    for where in dict.fromkeys([Path(corpus), documents_for(corpus), timeline_for(corpus)]):
        files += sorted(p for p in where.rglob("*") if p.is_file()) if where.is_dir() else [where]
        catalogue = None if where.is_dir() else find_catalogue(where.parent, where)
        files += [catalogue] if catalogue is not None else []
    files += [config.USER_DICT, config.STOPWORDS, config.PLACES, find_cjk_font()]
    files += sorted((config.PROJ_ROOT / "analysis").rglob("*.py")) + notebook_scripts()
    inputs = {str(p): _sha256(p) for p in files}
    for package in ("pandas", "numpy", "matplotlib", "wordcloud", "jieba", "jupytext", "nbclient", "nbconvert"):
        inputs[package] = version(package)
    inputs["python"] = sys.version
    inputs["text_field"] = os.environ.get("ANALYSIS_TEXT_FIELD", "")
    inputs["by"] = by
    return inputs


#: What the notebooks save into the figures folder.
FIGURE_SUFFIXES = (".png", ".svg")


def _figure_files(folder: Path) -> dict[Path, int]:
    """The figures in ``folder`` and when each was last written (ns)."""
    folder = Path(folder)
    return {p: p.stat().st_mtime_ns for p in folder.glob("*") if p.suffix in FIGURE_SUFFIXES and p.is_file()} \
        if folder.is_dir() else {}


def _remove_stale_figures(folder: Path, before: dict[Path, int]) -> None:
    """Delete the figures a complete build did not write again (an earlier corpus's time figures
    beside those of one speech, pages 2 to 6 of a larger corpus), so a folder shows one corpus."""
    stale = sorted(p for p, written in before.items() if p.is_file() and p.stat().st_mtime_ns == written)
    for p in stale:
        p.unlink()
    if stale:
        shown = ", ".join(p.name for p in stale[:4]) + (" …" if len(stale) > 4 else "")
        print(f"note: removed {len(stale)} figures of an earlier build in {folder} that this corpus does not give "
              f"({shown})", file=sys.stderr)


def _manifest_path(*where: Path) -> Path:
    key = hashlib.sha256("\n".join(str(Path(w).resolve()) for w in where).encode()).hexdigest()[:16]
    return config.CACHE_DIR / "builds" / f"{key}.json"


def _up_to_date(manifest: Path, inputs: dict[str, str]) -> list[Path] | None:
    """The outputs of the last build if its inputs were the same and every output is still
    there, byte for byte; else None."""
    try:
        last = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if last.get("inputs") != inputs:
        return None
    outputs = [Path(p) for p in last.get("outputs", {})]
    if not outputs or any(not p.is_file() or _sha256(p) != last["outputs"][str(p)] for p in outputs):
        return None
    return outputs


def build_all(corpus=None, figures_dir=None, *, tables_dir=None, notebooks_out=None,
              processes: int = 1, progress: bool = True, force: bool = False,
              failures: list | None = None, by: str = "year") -> list[Path]:
    """Tables, then every notebook executed: what ``make figures`` runs.

    When nothing the build depends on (:func:`build_inputs`) has changed since the last
    build into the same folders, and its outputs are untouched, the build is skipped:
    it would write the same bytes again, and nothing is written.  ``force=True`` rebuilds
    all the same.  A notebook that fails does not stop the others; its one-line
    :class:`~analysis.errors.NotebookError` is added to ``failures`` (raised when
    ``failures`` is None) and the build is not recorded as done.  Returns the paths written."""
    from tqdm.auto import tqdm

    from .errors import CorpusNotFoundError

    if corpus and not Path(corpus).exists():  # said before the inputs are read for their digests
        raise CorpusNotFoundError(corpus, "no such file or folder")
    corpus = Path(corpus).resolve() if corpus else config.DEFAULT_CORPUS
    figures_dir = Path(figures_dir).resolve() if figures_dir else config.FIGURES_DIR
    notebooks_out = Path(notebooks_out) if notebooks_out else (
        config.NOTEBOOKS_DIR / "executed" if figures_dir == config.FIGURES_DIR else figures_dir / "notebooks")
    tables = tables_dir or (config.PROCESSED_DIR if figures_dir == config.FIGURES_DIR else figures_dir / "tables")
    manifest = _manifest_path(corpus, figures_dir, notebooks_out, tables)
    inputs = build_inputs(corpus, by)
    if not force and _up_to_date(manifest, inputs) is not None:
        if progress:
            print("figures are up to date: nothing they depend on has changed (force a rebuild with --force)")
        return []
    notes: list[str] = []
    drawn_before = _figure_files(figures_dir)
    written = write_tables(corpus, tables, processes=processes, progress=progress, notes=notes, by=by)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    scripts = notebook_scripts()
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    failed: list[NotebookError] = []
    for script in tqdm(scripts, desc="notebooks", unit="nb", disable=not progress):
        try:
            written.append(run_notebook(script, corpus=corpus, figures_dir=figures_dir, out_dir=notebooks_out,
                                        documents=documents_for(corpus), timeline=timeline_for(corpus), by=by))
        except NotebookError as exc:  # the other notebooks still run: every figure that can be drawn is
            failed.append(exc)
            written += [notebooks_out / script.with_suffix(".ipynb").name]
    if failures is not None:
        failures += [str(f) for f in failed]
    elif failed:
        raise failed[0]
    if failed:
        return written  # not recorded: the next build tries again
    _remove_stale_figures(figures_dir, drawn_before)
    outputs = sorted({*written, *(p for p in Path(figures_dir).glob("*") if p.is_file())})
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps({"inputs": inputs, "outputs": {str(p): _sha256(p) for p in outputs}},
                                   indent=1, sort_keys=True), encoding="utf-8")
    return written
