"""The look of every figure, the page it must fit, and how figures are saved.

Style is scoped: each ``plot_*`` function draws inside :func:`figure_style`
(``matplotlib.rc_context``), so importing or using the package never changes a
user's global rcParams or backend.  Inside it, a glyph missing from the font is
an error, never a box (tofu).

Page limit: no figure is wider than :data:`MAX_WIDTH` or taller than
:data:`MAX_HEIGHT` inches (at 150 dpi, 1,800 x 3,000 pixels, a page a reader can
scroll).  Plots with one panel per speech draw at most :data:`PANELS_PER_PAGE`
panels and take ``page=``; :func:`n_pages` says how many pages a frame needs.
"""
from __future__ import annotations

import functools
import math
import warnings
from collections.abc import Mapping
from contextlib import contextmanager
from pathlib import Path

from .. import config
from .fonts import cjk_rc, find_cjk_font

SEED = 20240504
PALETTE = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#30638e", "#a0a0a0"]
MAX_WIDTH = 12.0
MAX_HEIGHT = 20.0
#: Panels of a small-multiple figure: 4 columns, 4 rows.
PANELS_PER_PAGE = 16
COLUMNS = 4
#: What a figure of panels says when it has none to draw.
NOTHING_TO_DRAW = "没有可画的内容"

STYLE = {
    "svg.hashsalt": "speech-analysis", "figure.dpi": 100, "savefig.dpi": 150,
    "axes.spines.top": False, "axes.spines.right": False,
    "axes.titleweight": "normal",  # the packaged CJK font has one weight: never fake bold
    "font.size": 10,
}
_MISSING_GLYPH = r".*[Gg]lyph .* missing from.*"


@contextmanager
def figure_style(font_path: str | None = None):
    """The project's style and CJK font for the duration of the block; missing glyphs raise.

    >>> import analysis as an
    >>> import matplotlib.pyplot as plt
    >>> with an.figure_style():
    ...     fig, ax = plt.subplots()
    ...     _ = ax.set_title('讲话')
    >>> 'CJK' in ax.title.get_fontname()
    True
    """
    import matplotlib
    import matplotlib.pyplot as plt

    rc = {**STYLE, **cjk_rc(font_path), "axes.prop_cycle": matplotlib.cycler(color=PALETTE)}
    with plt.rc_context(rc), warnings.catch_warnings():
        warnings.filterwarnings("error", message=_MISSING_GLYPH)
        yield


def styled(plot):
    """Draw ``plot`` inside :func:`figure_style`."""
    @functools.wraps(plot)
    def draw(*args, **kwargs):
        with figure_style():
            return plot(*args, **kwargs)
    return draw


def save_figure(fig, name: str, out_dir: str | Path | None = None, *, formats=("png", "svg")) -> list[Path]:
    """Write ``fig`` as ``name.png`` and ``name.svg`` with no timestamps, so reruns are byte-identical.

    >>> import analysis as an
    >>> import tempfile, matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> [p.suffix for p in an.save_figure(fig, 'empty', tempfile.mkdtemp())]
    ['.png', '.svg']
    """
    out = Path(out_dir) if out_dir else config.FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    with figure_style():
        check_glyphs(fig)
        for fmt in formats:
            p = out / f"{name}.{fmt}"
            meta = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
            fig.savefig(p, format=fmt, metadata=meta, bbox_inches="tight")
            paths.append(p)
    return paths


def check_glyphs(fig, font_path: str | None = None) -> None:
    """Warn (an error inside :func:`figure_style`) if any text of ``fig`` has a character that
    neither the CJK font nor DejaVu Sans can draw.  matplotlib itself would draw a box for it
    (its last-resort font) without a word."""
    import matplotlib.text
    from matplotlib import font_manager

    from .fonts import covers

    text = "".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
    missing = covers(find_cjk_font(font_path), text)
    if missing:
        missing &= covers(font_manager.findfont("DejaVu Sans"), "".join(missing))
    if missing:
        warnings.warn(f"Glyph {', '.join(sorted(missing))} missing from font(s) {find_cjk_font(font_path).name}, "
                      "DejaVu Sans: it would be drawn as a box", UserWarning, stacklevel=2)


def setup_style(font_path: str | None = None) -> Path:
    """The CJK font's path, after checking it draws Chinese (the style itself is scoped)."""
    return find_cjk_font(font_path)


# --------------------------------------------------------------------------- speeches and pages


def speech_name(speech, labels: Mapping | None = None) -> str:
    """What a figure calls a speech: its label (see :func:`analysis.speech_labels`), else 第N篇."""
    name = labels.get(speech) if labels is not None else None
    return name if isinstance(name, str) and name.strip() else f"第{speech}篇"


def n_pages(n_panels: int, per_page: int = PANELS_PER_PAGE) -> int:
    """Pages needed for ``n_panels`` panels (at least 1).

    >>> import analysis as an
    >>> an.n_pages(25), an.n_pages(16), an.n_pages(1)
    (2, 1, 1)
    """
    return max(1, math.ceil(n_panels / per_page))


def page_of(items: list, page: int, per_page: int = PANELS_PER_PAGE) -> list:
    """The items on ``page`` (1-based); an error names the pages there are."""
    pages = n_pages(len(items), per_page)
    if not 1 <= page <= pages:
        raise ValueError(f"page must be between 1 and {pages}, not {page}")
    return items[(page - 1) * per_page:page * per_page]


def page_note(page: int, n_items: int, per_page: int = PANELS_PER_PAGE) -> str:
    """A title suffix saying which page this is, when there are several."""
    pages = n_pages(n_items, per_page)
    return f"（第{page}/{pages}页）" if pages > 1 else ""


def panel_grid(n: int, *, ax=None, size=(3.0, 2.7)):
    """A figure and ``n`` axes in rows of :data:`COLUMNS` (or the axes given as ``ax``).  With
    nothing to draw (``n`` = 0: a document with no word left to count), one panel says so."""
    import matplotlib.pyplot as plt
    import numpy as np

    if ax is not None:
        axes = list(np.ravel(ax))
        if len(axes) < n:
            raise ValueError(f"this plot needs {n} axes, {len(axes)} were given")
        if n == 0:
            say_nothing(axes[0])
        return axes[0].figure, axes[:n]
    if n == 0:
        fig, panel = plt.subplots(figsize=(6, 2.4))
        say_nothing(panel)
        return fig, []
    nrows = math.ceil(n / COLUMNS)
    ncols = math.ceil(n / nrows)  # rows as full as they can be: 5 panels are 3 + 2, not 4 + 1
    width = min(MAX_WIDTH, size[0] * ncols + 0.6)
    fig, grid = plt.subplots(nrows, ncols, figsize=(width, min(MAX_HEIGHT, size[1] * nrows + 0.9)), squeeze=False)
    for extra in grid.flat[n:]:
        extra.set_visible(False)
    return fig, list(grid.flat[:n])


def say_nothing(panel, message: str = NOTHING_TO_DRAW) -> None:
    """A panel that says, in its middle, that there is nothing to draw (or what was not found)."""
    panel.axis("off")
    panel.text(0.5, 0.5, message, ha="center", va="center")


def grid_axes(ax, n: int, *, figsize: tuple[float, float], nrows: int = 1, sharey: bool = False):
    """A figure and ``n`` axes in ``nrows`` rows, or the caller's axes (``ax``: at least ``n``)."""
    import matplotlib.pyplot as plt
    import numpy as np

    if ax is not None:
        axes = list(np.ravel(ax))
        if len(axes) < n:
            raise ValueError(f"this plot needs {n} axes, {len(axes)} were given")
        return axes[0].figure, axes[:n]
    fig, grid = plt.subplots(nrows, math.ceil(n / nrows), figsize=(min(MAX_WIDTH, figsize[0]),
                                                                   min(MAX_HEIGHT, figsize[1])),
                             sharey=sharey, squeeze=False)
    return fig, list(grid.flat[:n])


def single_axes(ax=None, *, width: float, height: float):
    """``ax``'s figure and ``ax``, or a new figure of that size (within the page limit)."""
    import matplotlib.pyplot as plt

    if ax is not None:
        return ax.figure, ax
    return plt.subplots(figsize=(min(MAX_WIDTH, width), min(MAX_HEIGHT, height)))


def row_height(n_rows: int, *, per_row: float = 0.28, extra: float = 1.2) -> float:
    """Height for ``n_rows`` rows of labels, within the page (rows get thinner, never off the page)."""
    return min(MAX_HEIGHT, max(2.4, extra + per_row * max(n_rows, 1)))


#: The smallest font size a label is drawn at (points).
MIN_LABEL_SIZE = 5.0


def label_size(n_rows: int, height: float) -> float:
    """A font size (points) at which ``n_rows`` labels fit into ``height`` inches."""
    return max(MIN_LABEL_SIZE, min(9.0, 0.75 * 72 * height / max(n_rows, 1)))


def label_step(n: int, room: float) -> int:
    """Every how many rows (or columns) a label is drawn so that the labels of ``n`` fit into ``room``
    inches at the smallest size: 1 (every one) up to a hundred or so documents, more beyond."""
    fit = max(1, int(0.75 * 72 * room / MIN_LABEL_SIZE))
    return max(1, -(-n // fit))


def row_labels(ax, positions, names, room: float) -> None:
    """Name the rows of ``ax`` at ``positions`` (sharing ``room`` inches) at a size that fits them;
    where a thousand documents leave no room for each name, every k-th (:func:`label_step`)."""
    positions, names = list(positions), list(names)
    step = label_step(len(names), room)
    ax.set_yticks(positions[::step], names[::step], fontsize=label_size(len(names[::step]), room))


def finish(fig, title: str | None = None, *, legend_from=None, legend_columns: int = 3, into=None):
    """Title the figure above its panels (never over them), put the legend of the axes
    ``legend_from`` under everything (never over data or axis labels), and lay it out.

    ``into`` is the caller's axes (a plot's ``ax=``): then the figure is the caller's, and
    nothing outside those axes is touched: no figure title, no figure legend, no layout;
    a legend goes into the first axes of ``legend_from`` instead."""
    if into is not None:
        if legend_from is not None:
            first = legend_from[0] if isinstance(legend_from, (list, tuple)) else legend_from
            handles, names = [], []
            for ax in legend_from if isinstance(legend_from, (list, tuple)) else [legend_from]:
                h, n = ax.get_legend_handles_labels()
                handles, names = handles + h, names + n
            if names:
                first.legend(handles, names, fontsize=7, frameon=False)
        return fig
    top = 1.0
    if title:
        fig.suptitle(title, fontsize=12, y=1 - 0.08 / fig.get_figheight(), va="top")
        top = 1 - 0.32 / fig.get_figheight()  # the title's own band: tight_layout does not always keep it free
    bottom = 0.0
    if legend_from is not None:
        handles, names = [], []
        for ax in legend_from if isinstance(legend_from, (list, tuple)) else [legend_from]:
            h, n = ax.get_legend_handles_labels()
            handles, names = handles + h, names + n
        rows = math.ceil(len(names) / legend_columns)
        fig.legend(handles, names, loc="lower center", ncol=legend_columns, frameon=False, fontsize=8)
        bottom = (0.12 + 0.2 * rows) / fig.get_figheight()
    fig.tight_layout(rect=(0, bottom, 1, top))
    return fig


def column_labels(ax, names: list[str], column_width: float, *, fontsize: float = 8.0) -> None:
    """Name the columns of ``ax``: horizontal when every name fits its column (inches), else upright;
    where the columns are too narrow even for upright names, every k-th (:func:`label_step`)."""
    step = max(1, math.ceil(MIN_LABEL_SIZE * 1.4 / 72 / max(column_width, 1e-9)))  # an upright name's width
    positions, names = list(range(len(names)))[::step], list(names)[::step]
    column_width *= step
    fits = all(len(n) * fontsize / 72 * 1.05 <= column_width for n in names)
    size = fontsize if fits or column_width * 72 >= fontsize * 1.4 else max(MIN_LABEL_SIZE, column_width * 72 / 1.4)
    ax.set_xticks(positions, names, rotation=0 if fits else 90, fontsize=size)
