"""Figures of formulas: slogans across speeches and parallel frames."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .style import (
    MAX_WIDTH,
    PALETTE,
    column_labels,
    finish,
    label_size,
    row_height,
    say_nothing,
    single_axes,
    speech_name,
    styled,
)

#: Up to this many speeches the slogan matrix prints its counts.
ANNOTATE_UP_TO = 30
_SLOTS_SHOWN = 70  # characters of slot fillers per frame line


def _nothing_found(ax, message: str):
    fig, panel = single_axes(ax, width=6, height=2.4)
    say_nothing(panel, message)
    return finish(fig, into=ax)


@styled
def plot_slogan_matrix(matrix: pd.DataFrame, *, labels=None, ax=None):
    r"""Slogan-by-speech counts as a heatmap (from :func:`analysis.slogan_matrix`, e.g. ``top=25``).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> fig = an.plot_slogan_matrix(an.slogan_matrix(an.slogans(sp, kinds=('parallel',))))
    >>> len(fig.axes[0].get_yticklabels())
    3
    """
    slogans = list(dict.fromkeys(matrix["formula"]))
    if not slogans:
        return _nothing_found(ax, "没有找到复现的提法")
    m = matrix.pivot(index="formula", columns="speech", values="n").loc[slogans]
    n_rows, n_cols = m.shape
    height = row_height(n_rows, per_row=0.3, extra=1.8)
    width = min(MAX_WIDTH, 3.5 + 0.7 * n_cols)
    caller = ax  # the caller's axes, or None: then the figure is ours
    fig, ax = single_axes(ax, width=width, height=height)
    im = ax.imshow(m.to_numpy(), cmap="Oranges", aspect="auto", vmin=0)
    column_labels(ax, [speech_name(s, labels) for s in m.columns], (width - 3.5) / max(n_cols, 1))
    ax.set_yticks(range(n_rows), slogans, fontsize=label_size(n_rows, height - 1.8))
    if n_cols <= ANNOTATE_UP_TO:
        for i in range(n_rows):
            for j in range(n_cols):
                if m.iat[i, j]:
                    ax.text(j, i, int(m.iat[i, j]), ha="center", va="center", fontsize=7)
    ax.set_title("跨篇复现的提法（次数）" if n_cols > 1 else "反复出现的提法（次数）")
    fig.colorbar(im, ax=ax, shrink=0.6)
    return finish(fig, into=caller)


@styled
def plot_parallel_frames(frames: pd.DataFrame, *, labels=None, ax=None):
    r"""Parallel frames (排比) with their slot fillers, one line per frame (from
    :func:`analysis.parallel_frames`, which chooses and orders them).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> fig = an.plot_parallel_frames(an.parallel_frames(an.slogans(sp, kinds=('parallel',))))
    >>> fig.axes[0].get_title(loc='left')
    '排比框架（□为可替换的槽位；1个）'
    """
    groups = [(s, f, g["slot"].tolist()) for (s, f), g in frames.groupby(["speech", "frame"], sort=False)]
    caller = ax  # the caller's axes, or None: then the figure is ours
    fig, ax = single_axes(ax, width=10, height=row_height(len(groups), per_row=0.34, extra=1.0))
    ax.axis("off")
    for i, (s, frame, slots) in enumerate(groups):
        fillers = " / ".join(slots)
        if len(fillers) > _SLOTS_SHOWN:
            fillers = fillers[:_SLOTS_SHOWN - 1] + "…"
        ax.text(0.0, i, speech_name(s, labels), fontsize=8.5, va="center", color="#555555")
        ax.text(0.13, i, frame, fontsize=10, va="center", color=PALETTE[0])
        ax.text(0.36, i, fillers, fontsize=8.5, va="center")
    if not groups:
        ax.text(0.5, 0, "没有找到排比框架", ha="center", va="center")
    ax.set_ylim(max(len(groups), 1) - 0.5, -0.8)
    ax.set_xlim(0, 1)
    ax.set_title(f"排比框架（□为可替换的槽位；{len(groups)}个）", loc="left")
    return finish(fig, into=caller)


_SCOPE_NAMES = {"all": "各篇共用", "most": "半数以上使用", "some": "部分使用", "few": "少数篇目独用"}


@styled
def plot_formula_tracker(tracker: pd.DataFrame, *, labels=None, ax=None):
    r"""Formulas across documents: a heatmap of counts, formulas grouped by scope (every document,
    most, some, few), from :func:`analysis.formula_tracker` (e.g. ``top_per_scope=12``).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度、抓投产。\n")).speeches
    >>> fig = an.plot_formula_tracker(an.formula_tracker(an.slogans(sp, kinds=('parallel',))))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][:2]
    ['抓□（2篇）', '抓开工（1篇）']
    """
    formulas = list(dict.fromkeys(tracker["formula"]))
    if not formulas:
        return _nothing_found(ax, "没有找到提法")
    m = tracker.pivot(index="formula", columns="speech", values="n").loc[formulas]
    scope = tracker.drop_duplicates("formula").set_index("formula").loc[formulas]
    n_rows, n_cols = m.shape
    height = row_height(n_rows, per_row=0.3, extra=2.0)
    width = min(MAX_WIDTH, 4.5 + 0.5 * n_cols)
    caller = ax  # the caller's axes, or None: then the figure is ours
    fig, ax = single_axes(ax, width=width, height=height)
    values = m.to_numpy(dtype=float)
    im = ax.imshow(np.log1p(values), cmap="Blues", aspect="auto", vmin=0)
    column_labels(ax, [speech_name(s, labels) for s in m.columns], (width - 4.5) / max(n_cols, 1))
    ax.set_yticks(range(n_rows), [f"{f}（{k}篇）" for f, k in zip(formulas, scope["n_documents"])],
                  fontsize=label_size(n_rows, height - 2.0))
    if n_cols <= ANNOTATE_UP_TO:
        for i, j in zip(*np.nonzero(values)):
            ax.text(j, i, int(values[i, j]), ha="center", va="center", fontsize=6.5,
                    color="white" if values[i, j] > values.max() / 2 else "black")
    if scope["scope"].nunique() > 1:  # one scope (one document, say) needs no bands
        _scope_bands(ax, scope["scope"].tolist(), n_cols)
    ax.set_title("提法在各篇中的分布（次数；按使用篇数分组）" if n_cols > 1 else "提法（次数）")
    bar = fig.colorbar(im, ax=ax, shrink=0.5, pad=0.12)
    ticks = [t for t in (0, 1, 2, 5, 10, 20, 50, 100) if t <= max(values.max(), 1)]
    bar.set_ticks(np.log1p(ticks), labels=[str(t) for t in ticks])
    return finish(fig, into=caller)


def _scope_bands(ax, scopes: list[str], n_cols: int) -> None:
    """A line above each scope's first row, and its name at the right."""
    start = 0
    for i in range(1, len(scopes) + 1):
        if i == len(scopes) or scopes[i] != scopes[start]:
            if start:
                ax.axhline(start - 0.5, color="#333333", linewidth=1.0)
            ax.text(n_cols - 0.4, (start + i - 1) / 2, _SCOPE_NAMES[scopes[start]], rotation=-90, ha="left",
                    va="center", fontsize=8, color="#333333", clip_on=False)
            start = i
