"""Figures of quantities: percentages and money, masked figures, dating evidence."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .style import (
    MAX_WIDTH,
    PALETTE,
    column_labels,
    finish,
    grid_axes,
    row_height,
    row_labels,
    single_axes,
    speech_name,
    styled,
)

#: Values are labelled up to this many speeches (beyond, the columns are too narrow).
LABEL_VALUES_UP_TO = 8
_POINTS_PER_CHAR = 7.0  # width of one character of a 7-point label, in points


def _free_labels(positions: np.ndarray, gap: float) -> np.ndarray:
    """Which of the sorted ``positions`` can carry a label at least ``gap`` from the last one labelled."""
    keep = np.zeros(len(positions), dtype=bool)
    last = -np.inf
    for k, p in enumerate(positions):
        if p - last >= gap:
            keep[k], last = True, p
    return keep


def _value_panel(ax, d: pd.DataFrame, speeches: list, labels, title: str, height: float, width: float) -> None:
    x_of = {s: k for k, s in enumerate(speeches)}
    for s in speeches:
        v = d[d["speech"] == s]
        color = PALETTE[x_of[s] % len(PALETTE)]
        ax.scatter(np.full(len(v), x_of[s]), v["value"], color=color, s=24, zorder=3)
        ranged = v[v["value_max"].notna()]
        ax.vlines(np.full(len(ranged), x_of[s]), ranged["value"], ranged["value_max"], color="black", lw=1)
    log = len(d) and d["value"].min() > 0 and d["value"].max() / d["value"].min() > 200
    if log:
        from matplotlib.ticker import FuncFormatter

        ax.set_yscale("log")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))  # 0.1, 1, 10, not 10⁻¹
    else:
        ax.set_ylim(bottom=0)
    if len(speeches) <= LABEL_VALUES_UP_TO and len(d):
        # a label may take the width of its speech's column, no more
        chars = int((width - 1.0) / (len(speeches) + 0.9) * 72 / _POINTS_PER_CHAR) - 1
        _label_values(ax, d, x_of, height, log, max(chars, 4))
    column_labels(ax, [speech_name(s, labels) for s in speeches], (width - 1.0) / (len(speeches) + 0.9))
    ax.set_xlim(-0.5, len(speeches) - 0.5 + (0.9 if len(speeches) <= LABEL_VALUES_UP_TO else 0))
    ax.set_title(title + ("（对数刻度）" if log else ""))


def _label_values(ax, d: pd.DataFrame, x_of: dict, height: float, log: bool, chars: int) -> None:
    """Label values where the labels do not collide: each at least one line above the last,
    and no wider than ``chars`` characters (its column)."""
    lo, hi = ax.get_ylim()
    span = (np.log10(hi) - np.log10(lo)) if log else (hi - lo)
    gap = span * (9 / 72) / max(height - 1.2, 0.5)  # one 7-point line, as a share of the axis
    for s, v in d.groupby("speech", sort=False):
        v = v.sort_values("value")
        pos = np.log10(v["value"].to_numpy()) if log else v["value"].to_numpy()
        for r, keep in zip(v.itertuples(), _free_labels(pos, gap)):
            if keep:
                text = r.label if len(r.label) <= chars else r.label[:chars - 1] + "…"
                ax.annotate(text, (x_of[s], r.value), xytext=(5, 0), textcoords="offset points",
                            fontsize=7, va="center")


@styled
def plot_percentages_and_money(values: pd.DataFrame, *, labels=None, ax=None):
    r"""Percentages and money amounts stated in each speech (from :func:`analysis.percentages_and_money`).

    Percentages above, money below; each dot is a value, a vertical line a range;
    values are labelled (within their speech's column) up to
    :data:`LABEL_VALUES_UP_TO` speeches where the labels do not collide; money is on a
    log scale when it spans more than 200-fold.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> fig = an.plot_percentages_and_money(an.percentages_and_money(an.numeric_targets(sp)))
    >>> [ax.get_title() for ax in fig.axes]
    ['百分比（%）', '金额（亿元）']
    """

    speeches = sorted(values["speech"].unique())
    width = min(MAX_WIDTH, 3.5 + 2.0 * len(speeches))
    panel_height = 4.0
    fig, axes = grid_axes(ax, 2, nrows=2, figsize=(width, 2 * panel_height + 1.0))
    for panel, kind, title in zip(axes, ("percent", "money"), ("百分比（%）", "金额（亿元）")):
        _value_panel(panel, values[values["kind"] == kind], speeches, labels, title, panel_height, width)
    return finish(fig, "讲话中给出的百分比与金额（未打码的数值；竖线为区间）", into=ax)


@styled
def plot_masked_counts(counts: pd.DataFrame, *, labels=None, ax=None):
    r"""Quantities stated openly and masked (XXX), one bar per speech (from :func:`analysis.masked_counts`).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> fig = an.plot_masked_counts(an.masked_counts(an.numeric_targets(sp)))
    >>> fig.axes[0].get_title()
    '各篇讲话中的数字：公开与打码'
    """
    from matplotlib.ticker import MaxNLocator

    n = len(counts)
    height = row_height(n, per_row=0.3, extra=1.4)
    caller = ax  # the caller's axes, or None: then the figure is ours
    fig, ax = single_axes(ax, width=7.5, height=height)
    y = np.arange(n)
    ax.barh(y, counts["n_open"], height=0.7, label="给出数值", color=PALETTE[0])
    ax.barh(y, counts["n_masked"], left=counts["n_open"], height=0.7, label="打码（XXX）", color=PALETTE[7])
    row_labels(ax, y, [speech_name(s, labels) for s in counts["speech"]], height - 1.4)
    ax.set_ylim(n - 0.5, -0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))  # a count: never 0.5 of a figure
    ax.set_xlabel("数量表达个数")
    ax.set_title("各篇讲话中的数字：公开与打码")
    return finish(fig, legend_from=ax, legend_columns=2, into=caller)


_EVIDENCE_STYLES = {"year": ("o", "文中年份（如15年）"), "plan": ("s", "五年规划（如十一五，画出其年份跨度）"),
                    "term": ("^", "时代用语（如新常态，标出最早年份）")}
#: Evidence is labelled up to this many speeches, where the labels do not collide.
LABEL_EVIDENCE_UP_TO = 12


@styled
def plot_dating_evidence(evidence: pd.DataFrame, *, labels=None, ax=None):
    """Years the text points to against the year the title claims (from :func:`analysis.dating_evidence`).

    One row per speech that has evidence; each piece of evidence is drawn once.

    >>> import analysis as an
    >>> sp = an.load_speeches()
    >>> fig = an.plot_dating_evidence(an.dating_evidence(an.numeric_targets(sp), sp))
    >>> len(fig.axes[0].get_yticklabels())
    3
    """
    from matplotlib.ticker import MaxNLocator

    evidence = evidence.drop_duplicates(["speech", "kind", "evidence"])  # drawn once, however often stated
    speeches = sorted(evidence["speech"].unique())
    row = {s: i for i, s in enumerate(speeches)}
    height = row_height(len(speeches), per_row=0.4, extra=2.0)
    caller = ax  # the caller's axes, or None: then the figure is ours
    fig, ax = single_axes(ax, width=9, height=height)
    for k, (kind, (marker, name)) in enumerate(_EVIDENCE_STYLES.items()):
        d = evidence[evidence["kind"] == kind]
        y = d["speech"].map(row)
        ax.scatter(d["year_min"], y, marker=marker, s=36, label=name, zorder=3, color=PALETTE[k])
        if kind == "plan":
            ax.hlines(y, d["year_min"], d["year_max"].astype(float), color=PALETTE[k], lw=3, zorder=2)
    claimed = evidence.dropna(subset=["claimed_year"]).drop_duplicates("speech")
    ax.scatter(claimed["claimed_year"].astype(float), claimed["speech"].map(row), marker="|", s=300,
               color="#b22222", label="文档所署年份（标题、日期行或元数据）", zorder=4)
    row_labels(ax, range(len(speeches)), [speech_name(s, labels) for s in speeches], height - 2.0)
    ax.set_ylim(len(speeches) - 0.4, -0.9)  # room above the first row for its labels
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if len(speeches) <= LABEL_EVIDENCE_UP_TO:
        _label_evidence(ax, evidence, row, fig.get_figwidth())
    ax.set_xlabel("年份")
    ax.set_title("断代证据：文本指向的年份与文档所署年份（仅列出有证据的讲话）")
    return finish(fig, legend_from=ax, legend_columns=2, into=caller)


def _label_evidence(ax, evidence: pd.DataFrame, row: dict, width: float) -> None:
    lo, hi = ax.get_xlim()
    years_per_point = (hi - lo) / max((width - 2.0) * 72, 1)
    for s, d in evidence.groupby("speech", sort=True):
        d = d.sort_values("year_min")
        last_end = -np.inf
        for r in d.itertuples():
            half = len(r.evidence) * _POINTS_PER_CHAR / 2 * years_per_point
            if r.year_min - half >= last_end:  # centred on its point: it must start after the last one ends
                ax.annotate(r.evidence, (r.year_min, row[s]), xytext=(0, 7), textcoords="offset points",
                            fontsize=7, ha="center")
                last_end = r.year_min + half


#: How the panels of :func:`plot_target_table` and :func:`.over_time.plot_target_series` name the normalised
#: indicators (生产总值: a province's or the nation's).
INDICATOR_NAMES = {
    "gdp": "生产总值", "gdp_per_capita": "人均生产总值", "surveyed_unemployment": "城镇调查失业率",
    "registered_unemployment": "登记失业率",
    "new_urban_jobs": "城镇新增就业", "cpi": "居民消费价格", "general_public_budget_revenue": "一般公共预算收入",
    "grain_output": "粮食产量", "fixed_asset_investment": "固定资产投资", "retail_sales": "社会消费品零售总额",
    "industrial_value_added": "工业增加值", "rd_intensity": "研发投入强度", "disposable_income": "居民人均可支配收入",
    "foreign_trade": "外贸进出口", "energy_intensity": "单位生产总值能耗", "foreign_investment": "实际使用外资",
    "investment_attraction": "招商引资", "project_start_rate": "开工率", "pm25": "细颗粒物浓度",
    "carbon_intensity": "单位生产总值二氧化碳排放", "urbanization_rate": "常住人口城镇化率",
    "life_expectancy": "人均预期寿命",
    "forest_coverage": "森林覆盖率", "technology_contracts": "技术合同成交额", "grain_sown_area": "粮食播种面积",
    "good_air_days": "空气质量优良天数比例", "surface_water_quality": "地表水优良水体比例",
}
_CHANGE_NAMES = {"growth": "增速", "level": "", "share": "占比"}
_BOUND_MARKERS = {"about": ("o", "左右/约"), "at_least": (">", "以上/不低于"), "at_most": ("<", "以内/不超过"),
                  "exact": ("D", "确定值"), "range": ("|", "区间")}


@styled
def plot_target_table(table: pd.DataFrame, *, labels=None, ax=None):
    """This year's targets beside last year's results, one panel per indicator, one row per
    document (from :func:`analysis.target_table`, e.g. ``top=6``).

    A target is drawn with the mark of its bound (左右, 以上, 以内, a range as a bar); the
    result of the year before is a hollow grey circle.  Rows are shared across panels.

    >>> import analysis as an
    >>> report = an.read_corpus(an.config.PROVINCIAL_CORPUS / "2026_北京市_政府工作报告.txt").speeches
    >>> fig = an.plot_target_table(an.target_table(an.numeric_targets(report), top=3))
    >>> len(fig.axes)
    3
    """
    from matplotlib.ticker import MaxNLocator

    panels = list(dict.fromkeys(zip(table["indicator_norm"], table["change"], table["unit"])))
    speeches = sorted(table["speech"].unique())
    row = {s: i for i, s in enumerate(speeches)}
    height = row_height(len(speeches), per_row=0.26, extra=2.0)
    fig, flat = grid_axes(ax, max(len(panels), 1), figsize=(1.6 + 2.0 * max(len(panels), 1), height), sharey=True)
    for panel, (name, change, unit) in zip(flat, panels):
        d = table[(table["indicator_norm"] == name) & (table["change"] == change) & (table["unit"] == unit)]
        actual = d[d["role"] == "actual"]
        panel.scatter(actual["value"], actual["speech"].map(row), facecolors="none", edgecolors="#888888", s=30,
                   label="上年实际", zorder=3)
        targets = d[d["role"] == "target"]
        for bound, (marker, text) in _BOUND_MARKERS.items():
            b = targets[targets["bound"] == bound]
            if bound == "range":
                panel.hlines(b["speech"].map(row), b["value"], b["value_max"], color=PALETTE[1], lw=3, zorder=3)
            panel.scatter(b["value"], b["speech"].map(row), marker=marker, color=PALETTE[1 if bound != "exact" else 0],
                       s=30, label=f"目标（{text}）", zorder=4)
        panel.set_title(f"{INDICATOR_NAMES.get(name, name)}{_CHANGE_NAMES.get(change, '')}（{unit}）", fontsize=9)
        panel.margins(x=0.12)
        panel.xaxis.set_major_locator(MaxNLocator(4, prune="both"))  # no tick at a panel's edge, beside the next
        panel.tick_params(axis="x", labelsize=7)
        panel.set_ylim(len(speeches) - 0.5, -0.5)
    row_labels(flat[0], range(len(speeches)), [speech_name(s, labels) for s in speeches], height - 2.0)
    if not panels:
        flat[0].text(0.5, 0.5, "没有可比较的目标", ha="center", va="center", transform=flat[0].transAxes)
    return finish(fig, "今年的目标与上年的实际（按指标）", legend_from=flat[0], legend_columns=3, into=ax)
