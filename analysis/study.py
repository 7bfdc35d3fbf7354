"""What a notebook works with: a corpus read once, its tokens, and where its figures go.

A notebook opens a study (``study = an.open_study(corpus, figures_dir)``), computes
statistics from ``study.tokens`` or ``study.counts()``, and saves each figure with
``study.save(fig, name)`` (or ``study.save_pages`` for small multiples).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from . import config
from .errors import TooFewSpeechesError, use_one_line_warnings
from .reading.corpus import Compilation, read_corpus

#: Pages of small multiples a notebook draws per figure at most: a corpus of a thousand documents
#: would otherwise give sixty pages of word clouds (its tables hold every document).
MAX_PAGES = 6


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
        from .segmentation.tokens import tokenize
        return tokenize(self.speeches)

    @cached_property
    def reference(self):
        """The reference corpus formulas are measured against (:func:`analysis.load_reference` of
        :data:`analysis.config.REFERENCE_CORPUS`, which ``$ANALYSIS_REFERENCE`` or ``--reference`` sets)."""
        from .discourse.reference import load_reference
        return load_reference(config.REFERENCE_CORPUS)

    @property
    def labels(self) -> dict:
        """speech -> its ``label``, for the ``labels=`` of every plot."""
        return dict(zip(self.speeches["speech"], self.speeches["label"]))

    @property
    def n_documents(self) -> int:
        return len(self.speeches)

    @property
    def place_labels(self) -> list[str]:
        """The labels that are place names (上海, 杭州), each once, in speech order."""
        from .reading.labels import place_labels

        return list(place_labels(self.speeches["label"]))

    @property
    def compares_regions(self) -> bool:
        """Two or more speeches are labelled by the region they come from."""
        from .statistics.counts import comparison_options

        return comparison_options(self.speeches)["drop_names"]

    @property
    def n_years(self) -> int:
        """Distinct years among the dated documents."""
        return int(self.speeches["year"].nunique()) if "year" in self.speeches.columns else 0

    @property
    def group_column(self) -> str | None:
        """The first metadata column that divides the documents into groups worth comparing
        (two groups or more, each of two documents or more: ``region`` of the 25 reports), else None."""
        from .reading.corpus import READER_COLUMNS

        for column in self.speeches.columns:
            if column in READER_COLUMNS or self.speeches[column].dtype.kind in "iufb":
                continue
            sizes = self.speeches[column].dropna().astype(str).value_counts()
            if len(sizes) >= 2 and sizes.min() >= 2:
                return column
        return None

    def counts(self, *, content_only: bool = True, ngram: int = 1, drop_names: bool | None = None) -> pd.DataFrame:
        """:func:`analysis.term_counts` of the tokens under the configuration the tables share
        (:func:`analysis.statistics.counts.comparison_options`: names set aside when the documents
        come from different regions); ``content_only`` and ``drop_names`` override it."""
        from .statistics.counts import comparison_options, term_counts

        options = comparison_options(self.speeches) | {"content_only": content_only}
        if drop_names is not None:
            options |= {"drop_names": drop_names, "drop_terms": self.place_labels if drop_names else ()}
        return term_counts(self.tokens, ngram=ngram, **options)

    def names_note(self, drop_names: bool | None = None) -> str:
        """One sentence saying whether names are counted, for a notebook to print."""
        drop = self.compares_regions if drop_names is None else drop_names
        if drop:
            return ("Place and personal names (jieba's ns/nr tags, and the labels "
                    f"{', '.join(dict.fromkeys(self.place_labels))}) are set aside: the documents come from "
                    "different regions, and their names would otherwise dominate what tells them apart.")
        return "Place and personal names are counted like any other word (pass drop_names=True to set them aside)."

    def compare(self, statistic, *args, **kwargs):
        """``statistic(*args, **kwargs)``, or None after printing why when it needs more speeches.

        Lets a notebook show the one line (keyness compares speeches: this corpus has 1 with words to count)
        and go on to the figures that can be drawn.
        """
        try:
            return statistic(*args, **kwargs)
        except TooFewSpeechesError as exc:
            print(f"skipped: {exc}")
            return None

    def save_pages(self, plot, frame: pd.DataFrame, name: str, *, per_page: int | None = None, **kwargs) -> None:
        """Draw ``plot(frame, page=k)`` for every page its speeches need and save each
        (``name``, then ``name_p2``, ``name_p3`` ...): at most :data:`MAX_PAGES` pages, of speeches
        taken evenly through the corpus when it has more (the tables hold every one)."""
        from .figures.style import PANELS_PER_PAGE, n_pages

        per_page = per_page or PANELS_PER_PAGE
        frame = self._drawn(frame, MAX_PAGES * per_page)
        pages = n_pages(frame["speech"].nunique(), per_page)
        for page in range(1, pages + 1):
            self.save(plot(frame, page=page, labels=self.labels, **kwargs), name if page == 1 else f"{name}_p{page}")

    @staticmethod
    def _drawn(frame: pd.DataFrame, most: int) -> pd.DataFrame:
        """``frame``'s rows of at most ``most`` speeches, taken evenly through the corpus order, saying so."""
        speeches = pd.unique(frame["speech"])
        if len(speeches) <= most:
            return frame
        kept = speeches[np.linspace(0, len(speeches) - 1, most).round().astype(int)]
        print(f"drawn: {most} of {len(speeches)} documents, taken evenly through the corpus "
              "(every document is in the tables)")
        return frame[frame["speech"].isin(kept)]

    def save(self, fig, name: str) -> None:
        """Save ``fig`` as ``name``.png/.svg in the figures folder and show the saved PNG.

        Showing the file itself (not a second rendering) means the notebook, its HTML and
        ``figures/`` hold the very same image.
        """
        import matplotlib.pyplot as plt

        from .figures.style import save_figure

        paths = save_figure(fig, name, self.figures_dir)
        plt.close(fig)
        try:
            from IPython import get_ipython
            from IPython.display import Image, display
        except ImportError:
            return
        if get_ipython() is not None:
            display(Image(data=paths[0].read_bytes(), format="png"))
        print(f"saved {name}.png and {name}.svg in {self.figures_dir.name}/")


def open_study(corpus: str | Path | None = None, figures_dir: str | Path | None = None) -> Study:
    """Read ``corpus`` (default: the seed compilation) and set up Chinese plotting.

    >>> import analysis as an
    >>> study = an.open_study()
    >>> study.n_documents, study.labels[5]
    (5, '张笑东')
    """
    corpus = Path(corpus) if corpus else config.DEFAULT_CORPUS
    figures_dir = Path(figures_dir) if figures_dir else config.FIGURES_DIR
    from .figures.fonts import find_cjk_font

    find_cjk_font()  # fails early, with how to get one, when no font draws Chinese
    use_one_line_warnings()
    return Study(corpus, figures_dir, read_corpus(corpus))
