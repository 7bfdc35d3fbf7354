"""Counts by group and by period: quanteda's ``dfm_group`` for any document variable.

:func:`group_counts` sums the counts layer over a metadata column of the speech table
(``year``, ``region``, ``province`` … or several), giving ``group, term, n``.  Every
comparing statistic takes that frame as it takes per-speech counts (:func:`~analysis.
statistics.counts.as_counts` reads ``group`` where it reads ``speech``), so
``keyness(group_counts(counts, speeches, by="region"), "东部")`` compares the eastern
provinces with the rest.

Years can be binned (:func:`periods`): single years (``bins=None``), N-year bins
(``bins=5``: ``1990–1994``), the five-year plans (``bins="plan"``: 十一五 = 2006–2010 …,
from :data:`analysis.chinese.FIVE_YEAR_PLANS`) or edges the user gives
(``bins=[1949, 1978, 2012]``: ``1949–1977``, ``1978–2011``, ``2012–``).
"""
from __future__ import annotations

import pandas as pd

from ..chinese import FIVE_YEAR_PLANS
from ..errors import OptionError
from .counts import as_counts

GROUP_COLUMNS = ["group", "term", "n"]


def _bin_label(year: int, bins) -> tuple[str, int] | None:
    """(label, first year) of the period ``year`` falls in."""
    if bins is None:
        return str(year), year
    if bins == "plan":
        for name, (lo, hi) in sorted(FIVE_YEAR_PLANS.items(), key=lambda kv: kv[1]):
            if lo <= year <= hi:
                return f"{name} ({lo}–{hi})", lo
        return None
    if isinstance(bins, int):
        lo = year - year % bins
        return f"{lo}–{lo + bins - 1}", lo
    edges = sorted(int(e) for e in bins)
    for lo, hi in zip(edges, [*edges[1:], None]):
        if year >= lo and (hi is None or year < hi):
            return (f"{lo}–{hi - 1}" if hi is not None else f"{lo}–"), lo
    return None


def _check_bins(bins) -> None:
    ok = bins is None or bins == "plan" or (isinstance(bins, int) and not isinstance(bins, bool) and bins > 0) \
        or (isinstance(bins, (list, tuple)) and len(bins) >= 1 and all(isinstance(e, int) for e in bins))
    if not ok:
        raise OptionError(f"bins must be None (single years), a number of years, 'plan' or a list of first years; "
                          f"not {bins!r}")


def periods(speeches: pd.DataFrame, *, by: str = "year", bins=None) -> pd.DataFrame:
    """The period (or group) of every speech: ``speech, period, period_start``.

    ``period_start`` is the first year of a period (for ordering and drawing); for a
    column that is no year it is the rank of the group in sorted order.  Speeches the
    column leaves empty (an undated document) are left out.

    >>> import pandas as pd
    >>> sp = pd.DataFrame({"speech": [1, 2, 3], "year": [2007, 2012, None]})
    >>> periods(sp, bins="plan").values.tolist()
    [[1, '十一五 (2006–2010)', 2006], [2, '十二五 (2011–2015)', 2011]]
    """
    _check_bins(bins)
    if by not in speeches.columns:
        raise OptionError(f"the speeches have no column {by!r}; their columns are {', '.join(speeches.columns)}")
    rows = []
    values = speeches[["speech", by]].dropna()
    numeric = by == "year" or pd.api.types.is_numeric_dtype(values[by])
    if not numeric and bins is not None:
        raise OptionError(f"bins need years; {by!r} is not a column of years")
    ranks = {v: k for k, v in enumerate(sorted(values[by].astype(str).unique()))}
    for speech, value in zip(values["speech"], values[by]):
        if numeric:
            label = _bin_label(int(value), bins)
            if label is not None:
                rows.append((speech, *label))
        else:
            rows.append((speech, str(value), ranks[str(value)]))
    return pd.DataFrame(rows, columns=["speech", "period", "period_start"])


def is_ordered(speeches: pd.DataFrame, by: str = "year") -> bool:
    """Whether the values of ``by`` follow one another in time or size (years, dates, numbers), so
    that a trend across its periods means something; a column of names (a province) does not: its
    groups only have the order of the alphabet.

    >>> import pandas as pd
    >>> sp = pd.DataFrame({"year": [2024], "date": ["2024-03-05"], "届": [14], "province": ["浙江"]})
    >>> [is_ordered(sp, c) for c in ("year", "date", "届", "province")]
    [True, True, True, False]
    """
    values = speeches[by].dropna() if by in speeches.columns else pd.Series(dtype=object)
    return bool(by == "year" or pd.api.types.is_numeric_dtype(values) or (
        len(values) > 0 and values.astype(str).str.match(r"\s*\d{4}(?:\D|$)").all()))


def group_counts(counts: pd.DataFrame, speeches: pd.DataFrame, by="year", *, bins=None) -> pd.DataFrame:
    """The counts layer summed by a metadata column (or several): ``group, term, n``.

    With several columns (``by=["region", "year"]``) the group is their values joined by
    `` · ``.  ``bins`` groups years (see the module doc).  Rows are sorted by the period's
    first year (or the group), then term.

    >>> import pandas as pd
    >>> counts = pd.DataFrame({"speech": [1, 2, 3], "term": ["改革", "改革", "开放"], "n": [2, 3, 1]})
    >>> sp = pd.DataFrame({"speech": [1, 2, 3], "region": ["东部", "东部", "西部"]})
    >>> group_counts(counts, sp, by="region").values.tolist()
    [['东部', '改革', 5], ['西部', '开放', 1]]
    """
    counts = as_counts(counts)
    columns = [by] if isinstance(by, str) else list(by)
    if len(columns) == 1:
        groups = periods(speeches, by=columns[0], bins=bins)
    else:
        missing = [c for c in columns if c not in speeches.columns]
        if missing:
            raise OptionError(f"the speeches have no column {missing[0]!r}")
        keyed = speeches.dropna(subset=columns)
        label = keyed[columns].astype(str).agg(" · ".join, axis=1)
        ranks = {v: k for k, v in enumerate(sorted(label.unique()))}
        groups = pd.DataFrame({"speech": keyed["speech"], "period": label, "period_start": label.map(ranks)})
    merged = counts.merge(groups, on="speech", how="inner")
    out = merged.groupby(["period_start", "period", "term"], sort=True, observed=True)["n"].sum().reset_index()
    return out.rename(columns={"period": "group"})[GROUP_COLUMNS].reset_index(drop=True)
