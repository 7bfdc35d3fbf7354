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
from pathlib import Path

import pandas as pd

from . import config
from .reading.corpus import Compilation, read_corpus, speech_table


def _csv(frame: pd.DataFrame, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", float_format="%.6g")
    return path


#: The table groups ``python -m analysis`` can write, and the files of each.
TABLE_GROUPS = {
    "speeches": ("speeches.csv", "spans.csv"),
    "terms": ("term_frequencies.csv", "keyness.csv"),
    "slogans": ("slogans.csv", "outline.csv"),
    "numbers": ("numeric_targets.csv", "dating_evidence.csv"),
}


def build_tables(comp: Compilation, groups=tuple(TABLE_GROUPS), *, processes: int = 1) -> dict[str, pd.DataFrame]:
    """The processed tables of a read corpus, by file name; segments at most once."""
    from .discourse.outline import outline
    from .discourse.quantities import dating_evidence, numeric_targets
    from .discourse.slogans import slogans
    from .segmentation.tokens import tokenize
    from .statistics.counts import term_counts
    from .statistics.frequency import term_frequencies
    from .statistics.keyness import keyness_by_speech

    speeches = comp.speeches
    tokens = tokenize(speeches, processes=processes) if {"terms", "slogans"} & set(groups) else None
    tables: dict[str, pd.DataFrame] = {}
    if "speeches" in groups:
        tables["speeches.csv"] = speech_table(speeches)
        tables["spans.csv"] = comp.spans.assign(text=comp.spans["text"].str.slice(0, 40))
    if "terms" in groups:
        counts = term_counts(tokens)
        tables["term_frequencies.csv"] = term_frequencies(counts)
        if counts["speech"].nunique() > 1:  # one speech has nothing to be compared with
            tables["keyness.csv"] = keyness_by_speech(counts, min_count=2)
    if "slogans" in groups:
        tables["slogans.csv"] = slogans(speeches, tokens=tokens, processes=processes)
        tables["outline.csv"] = outline(speeches)
    if "numbers" in groups:
        tables["numeric_targets.csv"] = numeric_targets(speeches, processes=processes)
        tables["dating_evidence.csv"] = dating_evidence(speeches)
    return tables


def write_tables(corpus=None, out_dir=None, *, groups=tuple(TABLE_GROUPS), processes: int = 1) -> list[Path]:
    """Read ``corpus`` once and write the tables of ``groups`` into ``out_dir`` (default ``data/processed``)."""
    out = Path(out_dir) if out_dir else config.PROCESSED_DIR
    tables = build_tables(read_corpus(corpus), groups, processes=processes)
    return [_csv(frame, out / name) for name, frame in tables.items()]


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


def run_notebook(script: Path, *, corpus: Path, figures_dir: Path, out_dir: Path, timeout: int = 900) -> Path:
    """Execute one paired notebook script from a clean kernel; write .ipynb and .html into ``out_dir``."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    nb = jupytext.read(script)
    # papermill-style parameters: a cell after the one tagged "parameters" overrides it
    params = nbformat.v4.new_code_cell(
        "from analysis.config import PROJ_ROOT\n"
        f"corpus = {_path_expr(corpus)}\nfigures_dir = {_path_expr(figures_dir)}",
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
    with open(log, "w", encoding="utf-8") as stderr:
        client.execute(stderr=stderr)
    out_dir.mkdir(parents=True, exist_ok=True)
    ipynb = out_dir / script.with_suffix(".ipynb").name
    nbformat.write(nb, ipynb)
    html, _ = HTMLExporter().from_notebook_node(nb)
    (out_dir / script.with_suffix(".html").name).write_text(html, encoding="utf-8")
    return ipynb


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def build_inputs(corpus: Path) -> dict[str, str]:
    """Everything a build of the figures depends on, by digest: the corpus, the dictionaries,
    the library and notebook sources, the font, and the versions of the libraries that draw."""
    from importlib.metadata import version

    from .figures.fonts import find_cjk_font

    corpus = Path(corpus)
    files = sorted(p for p in corpus.rglob("*") if p.is_file()) if corpus.is_dir() else [corpus]
    files += [config.USER_DICT, config.STOPWORDS, find_cjk_font()]
    files += sorted((config.PROJ_ROOT / "analysis").rglob("*.py")) + notebook_scripts()
    inputs = {str(p): _sha256(p) for p in files}
    for package in ("pandas", "numpy", "matplotlib", "wordcloud", "jieba", "jupytext", "nbclient", "nbconvert"):
        inputs[package] = version(package)
    inputs["python"] = sys.version
    return inputs


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
              processes: int = 1, progress: bool = True, force: bool = False) -> list[Path]:
    """Tables, then every notebook executed: what ``make figures`` runs.

    When nothing the build depends on (:func:`build_inputs`) has changed since the last
    build into the same folders, and its outputs are untouched, the build is skipped:
    it would write the same bytes again, and nothing is written.  ``force=True`` rebuilds
    all the same.  Returns the paths written."""
    from tqdm.auto import tqdm

    corpus = Path(corpus).resolve() if corpus else config.DEFAULT_CORPUS
    figures_dir = Path(figures_dir).resolve() if figures_dir else config.FIGURES_DIR
    notebooks_out = Path(notebooks_out) if notebooks_out else (
        config.NOTEBOOKS_DIR / "executed" if figures_dir == config.FIGURES_DIR else figures_dir / "notebooks")
    tables = tables_dir or (config.PROCESSED_DIR if figures_dir == config.FIGURES_DIR else figures_dir / "tables")
    manifest = _manifest_path(corpus, figures_dir, notebooks_out, tables)
    inputs = build_inputs(corpus)
    if not force and _up_to_date(manifest, inputs) is not None:
        if progress:
            print("figures are up to date: nothing they depend on has changed (force a rebuild with --force)")
        return []
    written = write_tables(corpus, tables, processes=processes)
    scripts = notebook_scripts()
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    for script in tqdm(scripts, desc="notebooks", unit="nb", disable=not progress):
        written.append(run_notebook(script, corpus=corpus, figures_dir=figures_dir, out_dir=notebooks_out))
    outputs = sorted({*written, *(p for p in Path(figures_dir).glob("*") if p.is_file())})
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps({"inputs": inputs, "outputs": {str(p): _sha256(p) for p in outputs}},
                                   indent=1, sort_keys=True), encoding="utf-8")
    return written
