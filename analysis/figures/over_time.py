"""Figures over time: term trends, the formula timeline and the target series.

Readable from 3 to 80 periods: years on a numeric axis with a few ticks; a line joins
only neighbouring periods (a gap in the record, say 1928–1945, is left open and the
periods on either side are drawn as points); rows and labels thin out as they grow.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .quantities import INDICATOR_NAMES
from .style import (
    MAX_WIDTH,
    PALETTE,
    finish,
    label_size,
    page_note,
    page_of,
    panel_grid,
    row_height,
    single_axes,
    styled,
)

#: A line is broken where neighbouring periods lie more than this many typical steps apart.
GAP_STEPS = 2.5
#: Formula timeline: at most this many period labels on the x axis.
MAX_PERIOD_LABELS = 30
_MARKERS = {"at_least": "^", "at_most": "v", "about": "o", "exact": "o"}


def _broken(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``x, y`` with a NaN between neighbours that lie far apart, so a line does not cross the gap."""
    if len(x) < 3:
        return x, y
    steps = np.diff(x)
    typical = np.median(steps)
    cut = np.nonzero(steps > GAP_STEPS * typical)[0] + 1
    return np.insert(x.astype(float), cut, np.nan), np.insert(y.astype(float), cut, np.nan)


def _year_axis(ax) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    ax.tick_params(labelsize=7)


@styled
def plot_term_trends(trends: pd.DataFrame, *, page: int = 1, ax=None):
    """Small multiples of :func:`analysis.term_trends`: each term's rate per 10,000 tokens by
    period, one panel a term in the order of the frame (pass the trends of the terms to show,
    e.g. those of :func:`analysis.trending_terms`), 16 to a page.

    >>> import pandas as pd, analysis as an
    >>> tr = pd.DataFrame({"term": ["改革"] * 4, "period": ["1978", "1982", "1987", "1992"],
    ...                    "period_start": [1978, 1982, 1987, 1992], "n": [1, 3, 5, 8], "n_tokens": [1000] * 4})
    >>> fig = an.plot_term_trends(tr.assign(per_10k=tr["n"] / tr["n_tokens"] * 10_000))
    >>> fig.axes[0].get_title()
    '改革'
    """
    terms = page_of(list(dict.fromkeys(trends["term"])), page)
    fig, axes = panel_grid(len(terms), ax=ax, size=(3.0, 2.2))
    for k, (term, panel) in enumerate(zip(terms, axes)):
        t = trends[trends["term"] == term].sort_values("period_start")
        x, y = t["period_start"].to_numpy(), t["per_10k"].to_numpy()
        panel.plot(*_broken(x, y), color=PALETTE[0], linewidth=1.2)
        panel.plot(x, y, "o", color=PALETTE[0], markersize=2.5 if len(x) > 30 else 3.5)
        panel.set_title(term, fontsize=10)
        panel.set_ylim(bottom=0)
        _year_axis(panel)
        if k % 4 == 0:
            panel.set_ylabel("每万词", fontsize=8)
    title = "词语随时间的变化（每万词）" + page_note(page, trends["term"].nunique())
    return finish(fig, None if ax is not None else title, into=ax)


@styled
def plot_formula_timeline(timeline: pd.DataFrame, *, periods: list | None = None, ax=None):
    """Formulas × periods from :func:`analysis.formula_timeline` (pass the formulas to show,
    e.g. the 60 that rank highest): a cell's shade is the formula's uses in the period, and a
    black outline marks the period each formula first appears in, when that is after the
    corpus's first period (the corpus saw it born).  Rows in order of first appearance.
    ``periods``: every period of the corpus in order (default: those of ``timeline``), so that
    formulas shown that none of the first periods uses are still seen born after them.

    >>> import pandas as pd, analysis as an
    >>> tl = pd.DataFrame({"formula": ["新常态", "新常态", "改革开放"], "period": ["2014", "2015", "1982"],
    ...                    "period_start": [2014, 2015, 1982], "n": [2, 4, 6], "n_documents": [1, 1, 1]})
    >>> [t.get_text() for t in an.plot_formula_timeline(tl).axes[0].get_yticklabels()]
    ['改革开放', '新常态']
    """
    if periods is None:
        periods = timeline.drop_duplicates("period").sort_values("period_start")["period"].tolist()
    first = timeline.sort_values("period_start").drop_duplicates("formula")
    formulas = first["formula"].tolist()
    m = timeline.pivot_table(index="formula", columns="period", values="n", aggfunc="sum", fill_value=0)
    m = m.reindex(index=formulas, columns=periods, fill_value=0)
    n_rows, n_cols = m.shape
    height = row_height(n_rows, per_row=0.26, extra=2.2)
    caller = ax  # the caller's axes, or None: then the figure is ours
    fig, ax = single_axes(ax, width=min(MAX_WIDTH, 3.5 + 0.22 * n_cols), height=height)
    ax.imshow(np.log1p(m.to_numpy(float)), cmap="Blues", aspect="auto", vmin=0, interpolation="nearest")
    step = max(1, int(np.ceil(n_cols / MAX_PERIOD_LABELS)))
    ax.set_xticks(range(0, n_cols, step), periods[::step], rotation=90, fontsize=7)
    ax.set_yticks(range(n_rows), formulas, fontsize=label_size(n_rows, height - 2.2))
    column = {p: j for j, p in enumerate(periods)}
    for i, p in enumerate(first["period"]):
        if column[p] > 0:
            ax.add_patch(_cell_outline(column[p], i))
    ax.set_title("提法的时间线（颜色：使用次数；黑框：首次出现）", fontsize=11)
    return finish(fig, into=caller)


def _cell_outline(x: int, y: int):
    from matplotlib.patches import Rectangle

    return Rectangle((x - 0.5, y - 0.5), 1, 1, fill=False, edgecolor="black", linewidth=1.0)


def _panel_unit(rows: pd.DataFrame) -> str:
    counts = rows.groupby("unit").size().sort_values(ascending=False, kind="mergesort")
    return counts.index[0] if len(counts) else ""


@styled
def plot_target_series(series: pd.DataFrame, *, page: int = 1, ax=None):
    """The targets and results of :func:`analysis.target_series`, one panel an indicator:
    the target as a point (▲ at least, ▼ at most, a bar for a range), the reported result as a
    cross, by the year each is for.  A panel shows its indicator's usual unit only.

    >>> import pandas as pd, analysis as an
    >>> ts = pd.DataFrame({"speech": [1, 2, 2], "label": ["2023", "2024", "2024"], "year": [2023, 2023, 2024],
    ...     "indicator_norm": ["gdp"] * 3, "role": ["target", "actual", "target"], "value": [5.0, 5.2, 5.0],
    ...     "value_max": [5.0, 5.2, 5.0], "bound": ["about", "exact", "about"], "unit": ["%"] * 3})
    >>> an.plot_target_series(ts).axes[0].get_title()
    '生产总值（%）'
    """
    indicators = page_of(sorted(series["indicator_norm"].unique()), page)
    fig, axes = panel_grid(len(indicators), ax=ax, size=(3.0, 2.4))
    years = series["year"].dropna().astype(int)
    span = (years.min() - 1, years.max() + 1) if len(years) else (0, 1)  # one time axis for every panel
    for panel, indicator in zip(axes, indicators):
        rows = series[series["indicator_norm"] == indicator]
        unit = _panel_unit(rows)
        rows = rows[rows["unit"] == unit]
        _draw_targets(panel, rows[rows["role"] == "target"])
        actual = rows[rows["role"] == "actual"]
        panel.plot(actual["year"].astype(float), actual["value"].astype(float), "x", color=PALETTE[1],
                   markersize=5, label="实际（上年）")
        panel.set_title(f"{INDICATOR_NAMES.get(indicator, indicator)}（{unit}）", fontsize=10)
        panel.set_xlim(*span)
        _year_axis(panel)
    if ax is None and len(series):
        axes[0].plot([], [], "o", color=PALETTE[0], label="目标")
    title = "各年目标与上年实际" + page_note(page, series["indicator_norm"].nunique())
    return finish(fig, None if ax is not None else title, legend_from=axes[0] if ax is None else None, into=ax)


def _draw_targets(panel, targets: pd.DataFrame) -> None:
    x = targets["year"].astype(float).to_numpy()
    lo, hi = targets["value"].astype(float).to_numpy(), targets["value_max"].astype(float).to_numpy()
    ranged = hi > lo
    if ranged.any():
        panel.vlines(x[ranged], lo[ranged], hi[ranged], color=PALETTE[0], linewidth=3, alpha=0.6)
    for bound, marker in _MARKERS.items():
        chosen = (targets["bound"].to_numpy() == bound) & ~ranged
        panel.plot(x[chosen], lo[chosen], marker, color=PALETTE[0], markersize=4.5, linestyle="none")
    other = ~targets["bound"].isin(list(_MARKERS)).to_numpy() & ~ranged
    panel.plot(x[other], lo[other], "o", color=PALETTE[0], markersize=4.5, linestyle="none")
