"""Figures of vocabulary: top terms, word clouds, shared and unique vocabulary."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .fonts import find_cjk_font
from .style import (
    PALETTE,
    SEED,
    finish,
    page_note,
    page_of,
    panel_grid,
    row_height,
    row_labels,
    single_axes,
    speech_name,
    styled,
)


@styled
def plot_top_terms(top: pd.DataFrame, *, labels=None, page: int = 1, ax=None):
    r"""Small multiples: each speech's terms of :func:`analysis.top_terms`, on one shared scale.

    Sixteen speeches per page (``page=``).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> top = an.top_terms(an.term_frequencies(an.term_counts(tokens)), n=3)
    >>> fig = an.plot_top_terms(top, labels={1: '招商', 2: '推进'})
    >>> [ax.get_title() for ax in fig.axes]
    ['招商', '推进']
    """
    speeches = sorted(top["speech"].unique())
    on_page = page_of(speeches, page)
    fig, axes = panel_grid(len(on_page), ax=ax)
    xmax = top["per_10k"].max() * 1.1
    for panel, s in zip(axes, on_page):
        rows = top[top["speech"] == s].iloc[::-1]
        panel.barh(rows["term"], rows["per_10k"], color=PALETTE[(speeches.index(s)) % len(PALETTE)])
        panel.set_title(speech_name(s, labels), fontsize=10)
        panel.set_xlim(0, xmax)
        panel.set_xlabel("每万词出现次数", fontsize=8)
        panel.tick_params(axis="y", labelsize=8)
        panel.tick_params(axis="x", labelsize=7)
    return finish(fig, "各篇讲话的高频词（同一横轴刻度）" + page_note(page, len(speeches)), into=ax)


@styled
def plot_wordclouds(top: pd.DataFrame, *, labels=None, page: int = 1, font_path: str | None = None,
                    seed: int = SEED, ax=None):
    r"""One word cloud per speech from :func:`analysis.top_terms`: same font, seed and size scale.

    Word sizes follow frequency per 10,000 words on one scale shared by all speeches,
    so a word as frequent in two speeches is drawn the same size.  Sixteen per page.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> top = an.top_terms(an.term_frequencies(an.term_counts(tokens)), n=10)
    >>> len(an.plot_wordclouds(top).axes)
    2
    """
    from wordcloud import WordCloud

    font = str(find_cjk_font(font_path))
    speeches = sorted(top["speech"].unique())
    on_page = page_of(speeches, page)
    ceiling = float(top["per_10k"].max())
    fig, axes = panel_grid(len(on_page), ax=ax, size=(3.0, 2.3))
    for panel, s in zip(axes, on_page):
        rows = top[top["speech"] == s]
        weights = dict(zip(rows["term"], rows["per_10k"]))
        # a shared ceiling: the largest word of each cloud is scaled against the corpus maximum
        largest = max(weights.values())
        cloud = WordCloud(font_path=font, width=640, height=440, background_color="white", random_state=seed,
                          max_words=len(weights), prefer_horizontal=1.0, relative_scaling=1.0,
                          max_font_size=int(20 + 90 * largest / ceiling), min_font_size=8,
                          colormap="viridis").generate_from_frequencies(weights)
        panel.imshow(cloud.to_array(), interpolation="bilinear")
        panel.axis("off")
        panel.set_title(speech_name(s, labels), fontsize=10)
    return finish(fig, "各篇讲话词云（字号按每万词频率，各篇同一刻度）" + page_note(page, len(speeches)), into=ax)


@styled
def plot_shared_vocabulary_summary(summary: pd.DataFrame, *, labels=None, ax=None):
    r"""Terms all speeches share, some share, and each speech alone uses
    (from :func:`analysis.shared_vocabulary_summary`).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> summary = an.shared_vocabulary_summary(an.shared_vocabulary(an.term_counts(tokens)))
    >>> fig = an.plot_shared_vocabulary_summary(summary)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['各篇共有', '仅第1篇', '仅第2篇']
    """
    names, colors = [], []
    for r in summary.itertuples():
        if r.category == "all":
            names.append("各篇共有")
            colors.append(PALETTE[3])
        elif r.category == "some":
            names.append("部分共有")
            colors.append(PALETTE[2])
        else:
            names.append(f"仅{speech_name(r.speech, labels)}")
            colors.append(PALETTE[1])
    n = len(names)
    height = row_height(n, per_row=0.28, extra=1.3)
    caller = ax  # the caller's axes, or None: then the figure is ours
    fig, ax = single_axes(ax, width=7.5, height=height)
    y = np.arange(n)
    values = summary["n_terms"].to_numpy()
    ax.barh(y, values, color=colors, height=0.7)
    row_labels(ax, y, names, height - 1.3)
    ax.set_ylim(n - 0.5, -0.5)
    if n <= 40:
        for k, v in enumerate(values):
            ax.annotate(f" {v:,}", (v, k), va="center", fontsize=7.5)
    ax.set_xlim(0, max(values.max(), 1) * 1.15)
    ax.set_xlabel("词种数")
    ax.set_title("共有词汇与独有词汇")
    return finish(fig, into=caller)
