"""Figures of the corpus itself: speech lengths and numbered outlines."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .style import (
    MAX_WIDTH,
    PALETTE,
    finish,
    grid_axes,
    page_note,
    page_of,
    row_height,
    row_labels,
    say_nothing,
    single_axes,
    speech_name,
    styled,
)

#: Speeches per page of the side-by-side outlines, and heading lines per speech.
OUTLINES_PER_PAGE = 5
OUTLINE_LINES = 48


def _names(speeches, labels) -> list[str]:
    return [speech_name(s, labels) for s in speeches]


@styled
def plot_speech_lengths(speeches: pd.DataFrame, *, ax=None):
    r"""Characters and paragraphs per speech, one bar each (from :func:`analysis.load_speeches`).

    Bars are named by the ``label`` column; the count is written at the end of each bar
    up to 40 speeches.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> fig = an.plot_speech_lengths(sp)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['全市招商', '项目推进会']
    """
    n = len(speeches)
    height = row_height(n, per_row=0.3, extra=1.3)
    caller = ax  # the caller's axes, or None: then the figure is ours
    fig, ax = single_axes(ax, width=8, height=height)
    labels = dict(zip(speeches["speech"], speeches["label"])) if "label" in speeches else None
    y = np.arange(n)
    chars = speeches["n_chars"].to_numpy()
    ax.barh(y, chars, color=PALETTE[0], height=0.7)
    row_labels(ax, y, _names(speeches["speech"], labels), height - 1.3)
    ax.set_ylim(n - 0.5, -0.5)
    if n <= 40:
        for k, (c, p, cut) in enumerate(zip(chars, speeches["n_paragraphs"], speeches["truncated"])):
            ax.annotate(f" {c:,} 字 · {p} 段" + ("（原文截断）" if cut else ""), (c, k), va="center", fontsize=7.5)
    ax.set_xlim(0, max(chars.max(), 1) * 1.3)
    ax.set_xlabel("正文字数（不含换行）")
    ax.set_title("各篇讲话的篇幅")
    return finish(fig, into=caller)


@styled
def plot_outline_summary(summary: pd.DataFrame, *, labels=None, ax=None):
    r"""Headings per level, stacked, one bar per speech (from :func:`analysis.outline_summary`).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> fig = an.plot_outline_summary(an.outline_summary(an.outline(an.load_speeches())))
    >>> len(fig.axes[0].patches) > 0
    True
    """
    from matplotlib.ticker import MaxNLocator

    wide = summary.pivot(index="speech", columns="level", values="n_headings").fillna(0)
    n = len(wide)
    height = row_height(n, per_row=0.3, extra=1.5)
    caller = ax  # the caller's axes, or None: then the figure is ours
    fig, ax = single_axes(ax, width=8, height=height)
    left = np.zeros(n)
    y = np.arange(n)
    for k, level in enumerate(wide.columns):
        ax.barh(y, wide[level], left=left, height=0.7, label=f"第{level}级标题", color=PALETTE[k % len(PALETTE)])
        left += wide[level].to_numpy()
    row_labels(ax, y, _names(wide.index, labels), height - 1.5)
    ax.set_ylim(n - 0.5, -0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))  # a count: never 0.5 of a heading
    ax.set_xlabel("标题数")
    ax.set_title("各篇讲话的提纲层级")
    return finish(fig, legend_from=ax, legend_columns=4, into=caller)


def _outline_lines(rows: pd.DataFrame) -> list[tuple[str, int, bool]]:
    """(text, level, numbering slip) for the lines of one speech's column, cut to the page."""
    lines = []
    for r in rows.itertuples():
        heading = r.heading if len(r.heading) <= 13 else r.heading[:12] + "…"  # a cut is marked
        lines.append((f"{r.marker}{heading}", r.level, r.note.startswith("numbered")))
    if len(lines) > OUTLINE_LINES:
        lines = lines[:OUTLINE_LINES - 1] + [(f"……另有{len(lines) - OUTLINE_LINES + 1}条", 1, False)]
    return lines


@styled
def plot_outline(outline_frame: pd.DataFrame, *, labels=None, page: int = 1, ax=None):
    """Level-1 and level-2 headings down each speech, side by side (from :func:`analysis.outline`).

    At most :data:`OUTLINES_PER_PAGE` speeches per page (``page=``; see
    :func:`analysis.figures.style.n_pages`) and :data:`OUTLINE_LINES` lines per speech.
    Headings whose numbering the source got wrong are red.

    >>> import analysis as an
    >>> sp = an.load_speeches()
    >>> fig = an.plot_outline(an.outline(sp), labels=dict(zip(sp['speech'], sp['label'])))
    >>> [ax.get_title() for ax in fig.axes][:2]
    ['全市项目招商推进会', '项目推进会']
    """

    shown = outline_frame[~outline_frame["inline"] & (outline_frame["level"] <= 2)]
    speeches = sorted(outline_frame["speech"].unique())
    on_page = page_of(speeches, page, OUTLINES_PER_PAGE)
    columns = [_outline_lines(shown[shown["speech"] == s]) for s in on_page]
    n_lines = max([len(c) for c in columns] + [1])
    width = min(MAX_WIDTH, 2.4 * max(len(on_page), 1) + 0.4)
    fig, axes = grid_axes(ax, max(len(on_page), 1), figsize=(width, row_height(n_lines, per_row=0.21, extra=1.0)))
    for panel, s, lines in zip(axes, on_page, columns):
        panel.set_xlim(0, 1)
        panel.set_ylim(n_lines + 0.5, 0.3)  # one line spacing for every column
        panel.axis("off")
        panel.set_title(speech_name(s, labels), fontsize=10)
        for i, (text, level, slip) in enumerate(lines, 1):
            panel.text(0.02 + 0.08 * (level - 1), i, text, fontsize=8 if level > 1 else 8.5, va="center",
                       color="#b22222" if slip else ("black" if level == 1 else "#444444"))
    if not on_page:
        say_nothing(axes[0], "没有找到编号提纲")
    title = "各篇讲话的提纲（一、二级标题；红色为原文编号错误）" + page_note(page, len(speeches), OUTLINES_PER_PAGE)
    return finish(fig, title, into=ax)
