"""Figures that compare speeches: keyness, similarity, dispersion, register."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .style import (
    MAX_WIDTH,
    PALETTE,
    column_labels,
    finish,
    grid_axes,
    label_size,
    page_note,
    page_of,
    panel_grid,
    row_height,
    row_labels,
    single_axes,
    speech_name,
    styled,
)

#: Up to this many speeches the similarity heatmap prints its values.
ANNOTATE_CELLS_UP_TO = 12


@styled
def plot_distinctive_terms(distinctive: pd.DataFrame, *, labels=None, page: int = 1, ax=None):
    r"""Diverging bars of each speech's positive and negative keywords, one scale for all
    (from :func:`analysis.distinctive_terms`; negative ones with ``negative=True``).  Sixteen per page.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> d = an.distinctive_terms(an.term_counts(tokens), top=3, min_count=1)
    >>> len(an.plot_distinctive_terms(d).axes)
    2
    """
    from matplotlib.ticker import MaxNLocator

    speeches = sorted(distinctive["speech"].unique())
    on_page = page_of(speeches, page)
    fig, axes = panel_grid(len(on_page), ax=ax, size=(3.0, 3.3))
    lim = distinctive["score"].abs().max() * 1.1
    for panel, s in zip(axes, on_page):
        d = distinctive[distinctive["speech"] == s]
        pos = d[d["direction"] == "positive"].sort_values("score")
        neg = d[d["direction"] == "negative"].sort_values("score", ascending=False)
        rows = pd.concat([neg, pos])
        panel.barh(range(len(rows)), rows["score"], color=[PALETTE[0] if v > 0 else PALETTE[1] for v in rows["score"]])
        panel.set_yticks(range(len(rows)), rows["term"], fontsize=7.5)
        panel.axvline(0, color="black", lw=0.6)
        panel.set_xlim(-lim, lim)
        panel.set_title(speech_name(s, labels), fontsize=10)
        panel.xaxis.set_major_locator(MaxNLocator(4, symmetric=True))  # few ticks: neighbours never touch
        panel.tick_params(axis="x", labelsize=7)
    unit = "篇" if all(isinstance(s, (int, np.integer)) for s in speeches) else "组"  # grouped counts: groups
    if ax is None:  # the figure is ours: one axis label under every panel
        fig.supxlabel(f"G²（右：比其余各{unit}多用；左：少用。|G²| > 3.84 即 p < 0.05）", fontsize=9)
    return finish(fig, f"关键词：每{unit}与其余各{unit}相比多用和少用的词" + page_note(page, len(speeches)), into=ax)


@styled
def plot_similarity(sim: pd.DataFrame, *, labels=None, ax=None):
    r"""Heatmap of speech similarity in clustering order (from :func:`analysis.similarity`).

    The colour scale spans the values between different speeches (the diagonal is 1 by
    definition), and the colour bar says so; values are printed up to 12 speeches.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> fig = an.plot_similarity(an.similarity(an.term_counts(tokens)))
    >>> fig.axes[0].get_title()
    '讲话相似度（cosine，按聚类顺序排列）'
    """
    order = sim.drop_duplicates("speech_a").sort_values("order_a")["speech_a"].tolist()
    m = sim.pivot(index="speech_a", columns="speech_b", values="similarity").loc[order, order]
    n = len(order)
    side = min(MAX_WIDTH - 2, 2.6 + 0.32 * n)
    caller = ax  # the caller's axes, or None: then the figure is ours
    fig, ax = single_axes(ax, width=side + 1.6, height=side + 0.6)
    values = m.to_numpy()
    off = values[~np.eye(n, dtype=bool)]
    lo, hi = (float(off.min()), float(off.max())) if off.size else (0.0, 1.0)
    if hi - lo < 1e-9:
        lo, hi = lo - 0.05, hi + 0.05
    im = ax.imshow(values, cmap="Blues", vmin=lo, vmax=hi)
    names = [speech_name(s, labels) for s in order]
    column_labels(ax, names, side / max(n, 1), fontsize=label_size(n, side))
    row_labels(ax, range(n), names, side)
    if n <= ANNOTATE_CELLS_UP_TO:
        for i in range(n):
            for j in range(n):
                v = values[i, j]
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=7.5,
                        color="white" if v > lo + 0.6 * (hi - lo) else "black")
    ax.set_title(f"讲话相似度（{sim['method'].iloc[0]}，按聚类顺序排列）")
    bar = fig.colorbar(im, ax=ax, shrink=0.8)
    bar.set_label(f"色阶：不同讲话之间的范围 {lo:.2f}–{hi:.2f}", fontsize=8)
    return finish(fig, into=caller)


@styled
def plot_dispersion(disp: pd.DataFrame, *, labels=None, ax=None):
    r"""X-ray plot: where each term occurs through each speech (from :func:`analysis.dispersion`).

    One column per term, one row per speech; every tick is one occurrence.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> fig = an.plot_dispersion(an.dispersion(tokens, ['项目', '抓']))
    >>> [ax.get_title() for ax in fig.axes]
    ['项目', '抓']
    """

    terms = list(disp["term"].cat.categories)
    speeches = list(disp["speech"].cat.categories)
    n = len(speeches)
    height = row_height(n, per_row=0.24, extra=1.4)
    fig, axes = grid_axes(ax, max(len(terms), 1), figsize=(1.6 + 2.3 * len(terms), height), sharey=True)
    for panel, term in zip(axes, terms):
        d = disp[disp["term"] == term]
        for k, s in enumerate(speeches):
            x = d.loc[d["speech"] == s, "relative_position"]
            panel.vlines(x, k - 0.35, k + 0.35, color=PALETTE[k % len(PALETTE)], lw=0.9)
        panel.set_ylim(n - 0.5, -0.5)
        panel.set_xlim(0, 1)
        panel.set_title(term, fontsize=11)
        panel.tick_params(axis="x", labelsize=7)
    row_labels(axes[0], range(n), [speech_name(s, labels) for s in speeches], height - 1.4)
    if ax is None:  # the figure is ours: one axis label under every panel
        fig.supxlabel("在讲话中的位置（0 = 开头，1 = 结尾）", fontsize=9)
    return finish(fig, "词语分布图（每条竖线为一次出现）", into=ax)


#: The parts of ``spoken_per_1k`` (they add up to it) and the other markers.
SPOKEN_PARTS = {"oral_markers": "语气词/填充词", "wo_jiang": "“我讲”", "second_person": "第二人称"}
OTHER_MARKERS = {"first_person": "第一人称", "directive_yao": "指令“要”"}


@styled
def plot_register_markers(markers: pd.DataFrame, *, labels=None, ax=None):
    r"""Spoken-register markers per 1,000 words (from :func:`analysis.register_markers`).

    Left: the spoken-register total as the sum of its parts (particles and fillers,
    我讲, second person).  Right: first person and the directive 要, which written
    speeches use as much as spoken ones and so are not part of the total.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> len(an.plot_register_markers(an.register_markers(tokens)).axes)
    2
    """

    wide = markers.pivot(index="speech", columns="marker", values="per_1k")
    n = len(wide)
    height = row_height(n, per_row=0.28, extra=1.8)
    fig, (left, right) = grid_axes(ax, 2, figsize=(10, height), sharey=True)
    y = np.arange(n)
    start = np.zeros(n)
    for k, (col, name) in enumerate(SPOKEN_PARTS.items()):
        left.barh(y, wide[col], left=start, height=0.7, label=name, color=PALETTE[k])
        start += wide[col].to_numpy()
    left.set_title("口语标记合计 = 三项之和", fontsize=10)
    for k, (col, name) in enumerate(OTHER_MARKERS.items()):
        right.scatter(wide[col], y, label=name, color=PALETTE[3 + k], s=22, zorder=3)
    right.set_title("其他人称与指令标记", fontsize=10)
    for panel in (left, right):
        panel.set_xlabel("每千词次数")
        panel.set_ylim(n - 0.5, -0.5)
    row_labels(left, y, [speech_name(s, labels) for s in wide.index], height - 1.8)
    return finish(fig, "语体标记：口头讲话与书面讲稿", legend_from=[left, right], legend_columns=5, into=ax)
