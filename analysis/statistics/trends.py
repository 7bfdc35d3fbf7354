"""Words over time: rates per period and the words whose rate rises or falls.

:func:`term_trends` is tidytext's grouped count: each term's count in each period beside
the period's total, with zeros where the term is absent.  :func:`trending_terms` tests
each term's rate per 10,000 tokens against time with the Mann–Kendall test (Kendall's
tau-b between the period's first year and the rate, ``scipy.stats.kendalltau``), gives the
Theil–Sen slope (``scipy.stats.theilslopes``), and adjusts the p-values for the number of
terms tested (Benjamini–Hochberg, ``scipy.stats.false_discovery_control``).  Why this test
and not a binomial GLM is in ``docs/time.md``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import OptionError
from .counts import as_counts
from .groups import periods

TREND_COLUMNS = ["term", "period", "period_start", "n", "n_tokens", "per_10k"]
TRENDING_COLUMNS = ["term", "direction", "statistic", "slope", "p_value", "p_raw", "n", "n_periods",
                    "first_period", "last_period", "peak_period"]
#: A trend needs at least this many periods to be tested.
MIN_PERIODS = 4


def term_trends(counts: pd.DataFrame, speeches: pd.DataFrame, *, by: str = "year", bins=None,
                min_count: int = 5) -> pd.DataFrame:
    """Each term's count per period with the period's size: ``term, period, period_start, n,
    n_tokens, per_10k``, zeros included where a term is absent.  Terms used fewer than
    ``min_count`` times in all are left out (a one-off word has no trend).

    >>> import pandas as pd
    >>> counts = pd.DataFrame({"speech": [1, 1, 2], "term": ["改革", "开放", "开放"], "n": [1, 1, 2]})
    >>> sp = pd.DataFrame({"speech": [1, 2], "year": [1978, 1982]})
    >>> term_trends(counts, sp, min_count=1)[["term", "period", "n", "per_10k"]].values.tolist()
    [['开放', '1978', 1, 5000.0], ['开放', '1982', 2, 10000.0], ['改革', '1978', 1, 5000.0], ['改革', '1982', 0, 0.0]]
    """
    counts = as_counts(counts)
    groups = periods(speeches, by=by, bins=bins)
    merged = counts.merge(groups, on="speech", how="inner")
    sizes = merged.groupby(["period_start", "period"], sort=True)["n"].sum().rename("n_tokens").reset_index()
    totals = merged.groupby("term")["n"].sum()
    kept = merged[merged["term"].isin(totals.index[totals >= min_count])]
    n = kept.groupby(["term", "period"], sort=False)["n"].sum()
    grid = pd.MultiIndex.from_product([sorted(kept["term"].unique()), sizes["period"]], names=["term", "period"])
    out = n.reindex(grid, fill_value=0).reset_index().merge(sizes, on="period", how="left")
    out["per_10k"] = out["n"] / out["n_tokens"] * 10_000
    out = out.sort_values(["term", "period_start"], kind="mergesort").reset_index(drop=True)
    return out[TREND_COLUMNS]


def _test(term: str, frame: pd.DataFrame, min_periods: int):
    from scipy.stats import kendalltau, theilslopes

    present = frame["n"] > 0
    if present.sum() < min_periods:
        return None
    x, y = frame["period_start"].to_numpy(float), frame["per_10k"].to_numpy(float)
    if np.ptp(y) == 0:
        return None
    tau, p = kendalltau(x, y)
    if not np.isfinite(p):
        return None
    slope = theilslopes(y, x).slope
    periods_present = frame.loc[present, "period"]
    peak = frame["period"].iloc[int(np.argmax(y))]
    return (term, "rising" if tau > 0 else "falling", float(tau), float(slope), float(p), int(frame["n"].sum()),
            int(present.sum()), periods_present.iloc[0], periods_present.iloc[-1], peak)


def trending_terms(trends: pd.DataFrame, *, min_count: int = 20, min_periods: int = 3,
                   alpha: float = 0.05) -> pd.DataFrame:
    """The terms whose rate rises or falls over the periods of :func:`term_trends`.

    A term is tested when it occurs ``min_count`` times in all and in ``min_periods``
    periods.  Columns: ``term, direction`` (``rising`` | ``falling``), ``statistic``
    (Kendall's tau), ``slope`` (Theil–Sen, per 10k tokens per year), ``p_value`` (adjusted
    for the number of terms tested, Benjamini–Hochberg), ``p_raw``, ``n``, ``n_periods``,
    ``first_period``, ``last_period``, ``peak_period``; only terms with ``p_value <
    alpha``, strongest first.  Fewer than four periods: an :class:`~analysis.OptionError`.

    >>> import pandas as pd
    >>> years = list(range(2000, 2010))
    >>> trends = pd.DataFrame({"term": ["新"] * 10 + ["旧"] * 10, "period": [str(y) for y in years] * 2,
    ...                        "period_start": years * 2, "n": list(range(1, 11)) + list(range(10, 0, -1)),
    ...                        "n_tokens": [1000] * 20})
    >>> trends["per_10k"] = trends["n"] / trends["n_tokens"] * 10_000
    >>> trending_terms(trends, min_count=5)[["term", "direction", "first_period", "peak_period"]].values.tolist()
    [['新', 'rising', '2000', '2009'], ['旧', 'falling', '2000', '2000']]
    """
    n_periods = trends["period"].nunique()
    if n_periods < MIN_PERIODS:
        raise OptionError(f"a trend needs at least {MIN_PERIODS} periods; these counts have {n_periods}")
    totals = trends.groupby("term")["n"].sum()
    candidates = trends[trends["term"].isin(totals.index[totals >= min_count])]
    rows = [r for term, frame in candidates.groupby("term", sort=True)
            if (r := _test(term, frame.sort_values("period_start"), min_periods)) is not None]
    out = pd.DataFrame(rows, columns=[c for c in TRENDING_COLUMNS if c != "p_raw"])
    out = out.rename(columns={"p_value": "p_raw"})
    if out.empty:
        return pd.DataFrame(columns=TRENDING_COLUMNS)
    from scipy.stats import false_discovery_control

    out["p_value"] = false_discovery_control(out["p_raw"].to_numpy(), method="bh")
    out["strength"] = -out["statistic"].abs()
    out = out[out["p_value"] < alpha].sort_values(["p_value", "strength", "term"], kind="mergesort")
    return out[TRENDING_COLUMNS].reset_index(drop=True)
