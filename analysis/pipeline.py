"""The pipeline: processed tables, notebook execution, and the helper notebooks start from.

``make figures`` calls :func:`build_all`: it writes every table to ``data/processed``,
then executes each notebook (the paired ``notebooks/NN_*.py`` scripts) from a clean
kernel with nbclient, writing the executed ``.ipynb``, an HTML rendering beside it,
and every figure into ``figures/``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from . import config
from .corpus import Compilation, read_corpus, speech_table
from .plots import save_figure, setup_style


@dataclass
class Study:
    """What a notebook works with: the corpus, its tokens, and where figures go."""

    corpus: Path
    figures_dir: Path
    compilation: Compilation = field(repr=False)

    @property
    def speeches(self) -> pd.DataFrame:
        return self.compilation.speeches

    @cached_property
    def tokens(self) -> pd.DataFrame:
        from .tokens import tokenize
        return tokenize(self.speeches)

    def save(self, fig, name: str) -> list[Path]:
        """Save ``fig`` as ``name``.png/.svg in the figures folder."""
        return save_figure(fig, name, self.figures_dir)


def open_study(corpus: str | Path | None = None, figures_dir: str | Path | None = None) -> Study:
    """Read ``corpus`` (default: the seed compilation) and set up Chinese plotting."""
    corpus = Path(corpus) if corpus else config.DEFAULT_CORPUS
    figures_dir = Path(figures_dir) if figures_dir else config.FIGURES_DIR
    setup_style()
    return Study(corpus, figures_dir, read_corpus(corpus))


def _csv(frame: pd.DataFrame, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", float_format="%.6g")
    return path


def write_speeches(corpus=None, out_dir=None) -> list[Path]:
    comp = read_corpus(corpus)
    out = Path(out_dir) if out_dir else config.PROCESSED_DIR
    spans = comp.spans.assign(text=comp.spans["text"].str.slice(0, 40))
    return [_csv(speech_table(comp.speeches), out / "speeches.csv"), _csv(spans, out / "spans.csv")]


def write_terms(corpus=None, out_dir=None, *, processes: int = 1) -> list[Path]:
    from .frequency import term_frequencies
    from .keyness import keyness_by_speech
    from .tokens import tokenize
    comp = read_corpus(corpus)
    out = Path(out_dir) if out_dir else config.PROCESSED_DIR
    tokens = tokenize(comp.speeches, processes=processes)
    return [_csv(term_frequencies(tokens), out / "term_frequencies.csv"),
            _csv(keyness_by_speech(tokens, min_count=2), out / "keyness.csv")]


def write_slogans(corpus=None, out_dir=None) -> list[Path]:
    from .outline import outline
    from .slogans import slogans
    comp = read_corpus(corpus)
    out = Path(out_dir) if out_dir else config.PROCESSED_DIR
    return [_csv(slogans(comp.speeches), out / "slogans.csv"), _csv(outline(comp.speeches), out / "outline.csv")]


def write_numbers(corpus=None, out_dir=None) -> list[Path]:
    from .numbers import dating_evidence, numeric_targets
    comp = read_corpus(corpus)
    out = Path(out_dir) if out_dir else config.PROCESSED_DIR
    return [_csv(numeric_targets(comp.speeches), out / "numeric_targets.csv"),
            _csv(dating_evidence(comp.speeches), out / "dating_evidence.csv")]


def write_tables(corpus=None, out_dir=None, *, processes: int = 1) -> list[Path]:
    """Every processed table of ``corpus`` into ``out_dir`` (default ``data/processed``)."""
    return (write_speeches(corpus, out_dir) + write_terms(corpus, out_dir, processes=processes)
            + write_slogans(corpus, out_dir) + write_numbers(corpus, out_dir))


def notebook_scripts(notebooks_dir: str | Path | None = None) -> list[Path]:
    d = Path(notebooks_dir) if notebooks_dir else config.NOTEBOOKS_DIR
    return sorted(p for p in d.glob("[0-9][0-9]_*.py"))


def run_notebook(script: Path, *, corpus: Path, figures_dir: Path, out_dir: Path, timeout: int = 900) -> Path:
    """Execute one paired notebook script from a clean kernel; write .ipynb and .html into ``out_dir``."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    nb = jupytext.read(script)
    # papermill-style parameters: a cell after the one tagged "parameters" overrides it
    params = nbformat.v4.new_code_cell(
        f"corpus = {str(corpus)!r}\nfigures_dir = {str(figures_dir)!r}", metadata={"tags": ["injected-parameters"]})
    idx = next((i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    nb.cells.insert(idx + 1 if idx is not None else 0, params)
    env_cwd = str(script.parent)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": env_cwd}},
                            record_timing=False)
    client.execute()
    out_dir.mkdir(parents=True, exist_ok=True)
    ipynb = out_dir / script.with_suffix(".ipynb").name
    nbformat.write(nb, ipynb)
    html, _ = HTMLExporter().from_notebook_node(nb)
    (out_dir / script.with_suffix(".html").name).write_text(html, encoding="utf-8")
    return ipynb


def build_all(corpus=None, figures_dir=None, *, tables_dir=None, notebooks_out=None,
              processes: int = 1, progress: bool = True) -> list[Path]:
    """Tables, then every notebook executed: what ``make figures`` runs."""
    from tqdm.auto import tqdm

    corpus = Path(corpus).resolve() if corpus else config.DEFAULT_CORPUS
    figures_dir = Path(figures_dir).resolve() if figures_dir else config.FIGURES_DIR
    notebooks_out = Path(notebooks_out) if notebooks_out else (
        config.NOTEBOOKS_DIR / "executed" if figures_dir == config.FIGURES_DIR else figures_dir / "notebooks")
    tables = tables_dir or (config.PROCESSED_DIR if figures_dir == config.FIGURES_DIR else figures_dir / "tables")
    written = write_tables(corpus, tables, processes=processes)
    scripts = notebook_scripts()
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    for script in tqdm(scripts, desc="notebooks", unit="nb", disable=not progress):
        written.append(run_notebook(script, corpus=corpus, figures_dir=figures_dir, out_dir=notebooks_out))
    return written
