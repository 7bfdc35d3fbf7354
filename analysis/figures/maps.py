"""Figures that map a corpus: the similarity dendrogram and the correspondence-analysis map."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .style import PALETTE, finish, row_height, row_labels, single_axes, speech_name, styled

#: Terms labelled on the correspondence map, at most (the heaviest that find room).
MAP_TERMS = 45


@styled
def plot_similarity_tree(tree: pd.DataFrame, *, labels=None, ax=None):
    """Dendrogram of the average-linkage clustering (from :func:`analysis.similarity_tree`).

    Speeches are rows; two speeches or groups join where the line turns, at the average
    distance (1 - similarity) between them: the further left, the more alike.

    >>> import analysis as an
    >>> sp = an.load_speeches()
    >>> sim = an.similarity(an.term_counts(an.tokenize(sp), content_only=True))
    >>> fig = an.plot_similarity_tree(an.similarity_tree(sim), labels=dict(zip(sp["speech"], sp["label"])))
    >>> len(fig.axes[0].get_yticklabels())
    5
    """
    leaves = tree[tree["left"] < 0].sort_values("x")
    n = len(leaves)
    height = row_height(n, per_row=0.3, extra=1.3)
    caller = ax  # the caller's axes, or None: then the figure is ours
    fig, ax = single_axes(ax, width=8, height=height)
    by_node = tree.set_index("node")
    for r in tree[tree["left"] >= 0].itertuples():
        a, b = by_node.loc[r.left], by_node.loc[r.right]
        ax.plot([a["height"], r.height, r.height, b["height"]], [a["x"], a["x"], b["x"], b["x"]],
                color=PALETTE[0], lw=1.2)
    row_labels(ax, leaves["x"], [speech_name(s, labels) for s in leaves["speech"]], height - 1.3)
    ax.set_ylim(n - 0.5, -0.5)
    top = float(tree["height"].max()) or 1.0
    ax.set_xlim(0, top * 1.05)
    ax.set_xlabel("平均距离（1 − 相似度；越靠左越相近）")
    ax.set_title("讲话聚类树（平均联结）")
    return finish(fig, into=caller)


def _free_spot(box: tuple, taken: list[tuple]) -> bool:
    x0, y0, x1, y1 = box
    return all(x1 <= a0 or x0 >= a1 or y1 <= b0 or y0 >= b1 for a0, b0, a1, b1 in taken)


def _place(ax, fig, x: float, y: float, text: str, size: float, taken: list, **style) -> bool:
    """Draw ``text`` at (or beside) the point where it overlaps nothing drawn yet; False if nowhere."""
    px, py = ax.transData.transform((x, y))
    w, h = len(text) * size * fig.dpi / 72, size * 1.3 * fig.dpi / 72
    for dx, dy in ((4, -h / 2), (4, h / 2), (-w - 4, -h / 2), (4, -1.5 * h), (-w - 4, h / 2), (4, 1.5 * h)):
        box = (px + dx, py + dy - h / 2, px + dx + w, py + dy + h / 2)
        if _free_spot(box, taken):
            taken.append(box)
            tx, ty = ax.transData.inverted().transform((px + dx, py + dy))
            ax.text(tx, ty, text, fontsize=size, va="center", ha="left", **style)
            return True
    return False


@styled
def plot_correspondence(ca: pd.DataFrame, *, labels=None, ax=None):
    """Speeches and terms on the first two axes of a correspondence analysis
    (from :func:`analysis.correspondence`).

    A speech lies towards the terms it uses more than the corpus does; the axes give
    the share of the inertia they show.  Every speech is a dot; labels are drawn where
    they find room, speeches first, then the heaviest terms (at most :data:`MAP_TERMS`).

    >>> import analysis as an
    >>> ca = an.correspondence(an.term_counts(an.tokenize(an.load_speeches()), content_only=True))
    >>> an.plot_correspondence(ca).axes[0].get_xlabel().startswith("第一轴")
    True
    """
    caller = ax  # the caller's axes, or None: then the figure is ours
    fig, ax = single_axes(ax, width=10, height=8.5)
    speeches, terms = ca[ca["kind"] == "speech"], ca[ca["kind"] == "term"].sort_values(["mass", "term"],
                                                                                     ascending=[False, True])
    ax.scatter(terms["dim1"], terms["dim2"], s=8, color="#bbbbbb", zorder=2)
    ax.scatter(speeches["dim1"], speeches["dim2"], s=30, color=PALETTE[0], zorder=3)
    ax.axhline(0, color="#dddddd", lw=0.8, zorder=1)
    ax.axvline(0, color="#dddddd", lw=0.8, zorder=1)
    every = ca[["dim1", "dim2"]].to_numpy()
    pad = (every.max(axis=0) - every.min(axis=0)) * 0.08 + 1e-9
    ax.set_xlim(every[:, 0].min() - pad[0], every[:, 0].max() + pad[0] * 2)
    ax.set_ylim(every[:, 1].min() - pad[1], every[:, 1].max() + pad[1])
    first, second = ca["inertia1"].iloc[0], ca["inertia2"].iloc[0]
    ax.set_xlabel(f"第一轴（惯量 {first:.0%}）")
    ax.set_ylabel(f"第二轴（惯量 {second:.0%}）")
    ax.set_title("对应分析：讲话与高频词（越靠近越相关）")
    if caller is None:  # a caller's figure keeps the caller's layout
        fig.tight_layout()
    fig.canvas.draw()  # label room is measured on the final layout
    taken = [tuple(np.ravel(t.get_window_extent().get_points())) for t in
             [ax.title, ax.xaxis.label, ax.yaxis.label] + ax.get_xticklabels() + ax.get_yticklabels()]
    for r in speeches.itertuples():
        _place(ax, fig, r.dim1, r.dim2, speech_name(r.speech, labels), 9, taken, color=PALETTE[0], zorder=4)
    shown = 0
    for r in terms.itertuples():
        if shown < MAP_TERMS and _place(ax, fig, r.dim1, r.dim2, r.term, 7.5, taken, color="#555555"):
            shown += 1
    return fig
