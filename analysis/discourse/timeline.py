"""Formulas over time: when each one the finder finds is used, and when it was born and died.

Only formulas :func:`~analysis.slogans` finds count (with their evidence), never bare
n-grams; parallel frames count as their template (抓□), each place once
(:func:`~analysis.discourse.ranking.formula_rows`).
"""
from __future__ import annotations

import pandas as pd

from ..statistics.groups import periods
from .formula_row import EVIDENCE
from .ranking import formula_rows

TIMELINE_COLUMNS = ["formula", "kind", "evidence", "period", "period_start", "n", "n_documents"]
LIFECYCLE_COLUMNS = ["formula", "kind", "evidence", "first_period", "last_period", "peak_period", "n_periods",
                     "n_documents", "n", "born", "retired"]


def formula_timeline(found: pd.DataFrame, speeches: pd.DataFrame, *, by: str = "year", bins=None) -> pd.DataFrame:
    """Each formula's uses per period: ``formula, kind, evidence, period, period_start, n,
    n_documents`` (only the periods it is used in; ``kind`` and ``evidence`` are the
    strongest the finder gave it anywhere).

    >>> import analysis as an, pandas as pd
    >>> sp = an.read_compilation(text="抓项目、抓招商、抓落实。").speeches.assign(year=2020)
    >>> an.formula_timeline(an.slogans(sp, kinds=("parallel",)), sp)[["formula", "period", "n"]].values.tolist()
    [['抓□', '2020', 3], ['抓招商', '2020', 1], ['抓落实', '2020', 1], ['抓项目', '2020', 1]]
    """
    rows = formula_rows(found)
    rows = rows.merge(periods(speeches, by=by, bins=bins), on="speech", how="inner")
    strength = {e: i for i, e in enumerate(EVIDENCE)}
    best = (rows.assign(_e=rows["evidence"].map(strength)).sort_values(["_e"], kind="mergesort")
            .drop_duplicates("formula").set_index("formula")[["kind", "evidence"]])
    g = rows.groupby(["formula", "period_start", "period"], sort=True)
    out = pd.DataFrame({"n": g.size(), "n_documents": g["speech"].nunique()}).reset_index()
    out = out.join(best, on="formula")
    return out.sort_values(["formula", "period_start"], kind="mergesort")[TIMELINE_COLUMNS].reset_index(drop=True)


def formula_lifecycle(timeline: pd.DataFrame, *, min_documents: int = 2) -> pd.DataFrame:
    """When each formula of :func:`formula_timeline` first and last appears, and peaks.

    Columns: ``formula, kind, evidence, first_period, last_period, peak_period`` (most uses),
    ``n_periods``, ``n_documents``, ``n``, ``born`` (first used after the corpus's first
    period: the corpus saw it enter) and ``retired`` (last used before the corpus's last
    period).  Formulas in fewer than ``min_documents`` documents are left out; sorted by
    first period, then by documents (most first), then formula.

    >>> import pandas as pd
    >>> tl = pd.DataFrame({"formula": ["新常态"] * 2 + ["阶级斗争"] * 2, "kind": "quoted", "evidence": "quoted",
    ...                    "period": ["2014", "2015", "1969", "1973"], "period_start": [2014, 2015, 1969, 1973],
    ...                    "n": [3, 5, 9, 2], "n_documents": [1, 1, 1, 1]})
    >>> formula_lifecycle(tl)[["formula", "first_period", "peak_period", "born", "retired"]].values.tolist()
    [['阶级斗争', '1969', '1969', False, True], ['新常态', '2014', '2015', True, False]]
    """
    if timeline.empty:
        return pd.DataFrame(columns=LIFECYCLE_COLUMNS)
    first_all, last_all = timeline["period_start"].min(), timeline["period_start"].max()
    t = timeline.sort_values(["formula", "period_start"], kind="mergesort")
    g = t.groupby("formula", sort=True)
    peak = t.sort_values(["formula", "n", "period_start"], ascending=[True, False, True], kind="mergesort")
    out = pd.DataFrame({
        "kind": g["kind"].first(), "evidence": g["evidence"].first(),
        "first_period": g["period"].first(), "last_period": g["period"].last(),
        "peak_period": peak.drop_duplicates("formula").set_index("formula")["period"],
        "n_periods": g.size(), "n_documents": g["n_documents"].sum(), "n": g["n"].sum(),
        "born": g["period_start"].min() > first_all, "retired": g["period_start"].max() < last_all,
        "_first": g["period_start"].min(),
    }).reset_index()
    out = out[out["n_documents"] >= min_documents]
    out = out.assign(_d=-out["n_documents"]).sort_values(["_first", "_d", "formula"], kind="mergesort")
    return out[LIFECYCLE_COLUMNS].reset_index(drop=True)
