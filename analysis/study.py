"""What a notebook works with: a corpus read once, its tokens, and where its figures go.

>>> study = open_study()                      # doctest: +SKIP
>>> study.save(an.plot_keyness(...), "keyness")  # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from . import config
from .reading.corpus import Compilation, read_corpus


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

    def save(self, fig, name: str) -> None:
        """Save ``fig`` as ``name``.png/.svg in the figures folder and show the saved PNG.

        Showing the file itself (not a second rendering) means the notebook, its HTML and
        ``figures/`` hold the very same image.
        """
        import matplotlib.pyplot as plt

        from .figures.plots import save_figure

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
    """Read ``corpus`` (default: the seed compilation) and set up Chinese plotting."""
    corpus = Path(corpus) if corpus else config.DEFAULT_CORPUS
    figures_dir = Path(figures_dir) if figures_dir else config.FIGURES_DIR
    from .figures.plots import setup_style

    setup_style()
    return Study(corpus, figures_dir, read_corpus(corpus))
