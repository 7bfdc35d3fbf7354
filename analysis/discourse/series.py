"""Target series: the headline target each document sets for its year, and last year's result.

What target-setting research codes by hand from the reports: for each document and
indicator (``gdp``, ``cpi``, ``new_urban_jobs`` … from ``data/dict/indicators.tsv``), the
target it sets for its own year and the result it reports for the year before, read from
:func:`~analysis.numeric_targets`.  Rules:

* the target is a ``role = target`` quantity of the document's year (or of no stated year),
  taken from the statement of the target list first (``主要预期目标是：…``), in the
  indicator's usual unit (the unit most of the corpus's targets for it are written in:
  ``%`` for growth of GDP, ``万人`` for new urban jobs), first in the text;
* the result is a ``role = actual`` quantity of the year before (or of no stated year in a
  sentence about last year: 去年, 过去一年 …), in the same usual unit, first in the text;
  a sentence about several years (年均, 五年来, 从A增长到B) gives no year's result;
* a growth rate stated right after a level names the level's indicator, and shares its role
  (``生产总值达到5.67万亿元、增长5.4%``, ``达到56.9万亿元，比上年增长7.7%``: GDP growth, a result).
"""
from __future__ import annotations

import re

import pandas as pd

from ..chinese import CN_TWO_TO_TEN

SERIES_COLUMNS = ["speech", "label", "year", "indicator_norm", "role", "value", "value_max", "bound", "unit",
                  "surface", "sentence", "start"]
#: The sentence that states a document's list of targets.
TARGET_LIST = re.compile(r"预期目标|主要目标|目标是|目标为|主要指标|奋斗目标|发展目标")
#: Roles a result is read from: a stated result first, then a comparison with the year before
#: (去年国民生产总值比上年增长9%: how older reports state last year's growth).
RESULT_ROLES = ("actual", "comparison")
#: A sentence about the year before the document's.
LAST_YEAR = re.compile(r"去年|过去一年|上年|上一年|一年来|过去的一年")
#: A sentence about several years (年均, 五年来, 从A增长到B): no single year's result.
SEVERAL_YEARS = re.compile(rf"年均|平均每年|累计|[{CN_TWO_TO_TEN}]年来"
                           r"|从[^，。；]{1,24}(?:增加|增长|提高|扩大|下降|减少|降低|上升)到")
#: A growth rate this close after a level (characters) belongs to the level's indicator.
INHERIT_WITHIN = 12


def series_rows(numbers: pd.DataFrame) -> pd.DataFrame:
    """The quantities :func:`target_series` reads: those not masked that name an indicator (a growth
    rate right after a level takes the level's).  Each document's are its own, so a corpus taken by
    chunks of whole documents keeps these of every chunk, not every quantity; and they are their own
    series rows (``target_series(series_rows(n), …)`` is ``target_series(n, …)``)."""
    nums = _inherit_growth(numbers[~numbers["masked"].astype(bool)])
    return nums[nums["indicator_norm"].astype(bool)]


def _inherit_growth(numbers: pd.DataFrame) -> pd.DataFrame:
    """Growth rates with no indicator of their own, right after a level that has one, take it."""
    nums = numbers.sort_values(["speech", "start"], kind="mergesort").copy()
    norm = nums["indicator_norm"].fillna("").astype(str).tolist()
    speech, start, end = nums["speech"].tolist(), nums["start"].tolist(), nums["end"].tolist()
    unit, sentence, role = nums["unit"].tolist(), nums["sentence"].tolist(), nums["role"].tolist()
    for k in range(1, len(nums)):
        if (not norm[k] and unit[k] == "%" and norm[k - 1] and speech[k] == speech[k - 1]
                and sentence[k] == sentence[k - 1] and 0 <= start[k] - end[k - 1] <= INHERIT_WITHIN):
            norm[k] = norm[k - 1]
            if role[k] == "comparison" and role[k - 1] == "actual":
                role[k] = "actual"  # 达到56.9万亿元，比上年增长7.7%: the growth is the result too
    nums["indicator_norm"], nums["role"] = norm, role
    return nums


def _of_year(group: pd.DataFrame, role: str, year: int) -> pd.Series:
    """Rows stated for ``year``; a row stating no year counts for a target, and for a result
    only when its sentence speaks of last year (去年, 过去一年 …): a report also sums up
    whole periods (五年来 …), and those are not last year's results."""
    stated, sentence = group["year"], group["sentence"].astype(str)
    if role == "target":
        return stated.isna() | (stated == year)
    one_year = ~sentence.str.contains(SEVERAL_YEARS)
    return one_year & ((stated.isna() & sentence.str.contains(LAST_YEAR)) | (stated == year))


def _usual_units(nums: pd.DataFrame) -> dict[str, str]:
    targets = nums[nums["role"] == "target"]
    pool = targets if not targets.empty else nums
    counts = pool.groupby(["indicator_norm", "unit"]).size().reset_index(name="k")
    counts = counts.sort_values(["indicator_norm", "k", "unit"], ascending=[True, False, True], kind="mergesort")
    return dict(zip(counts.drop_duplicates("indicator_norm")["indicator_norm"],
                    counts.drop_duplicates("indicator_norm")["unit"]))


def _pick(rows: pd.DataFrame, usual: str, *, prefer_list: bool) -> pd.Series | None:
    if rows.empty:
        return None
    rank = pd.DataFrame({"unit": rows["unit"] != usual, "compared": rows["role"] == "comparison",
                         "start": rows["start"]}, index=rows.index)
    if prefer_list:
        rank.insert(0, "list", ~rows["sentence"].astype(str).str.contains(TARGET_LIST))
    return rows.loc[rank.sort_values(list(rank.columns), kind="mergesort").index[0]]


def target_series(numbers: pd.DataFrame, speeches: pd.DataFrame, *, indicators=None) -> pd.DataFrame:
    """Per document and indicator, its headline target and last year's result (see the module doc).

    Columns: ``speech, label, year`` (the year the value is for: the document's for a
    target, the year before for an ``actual``), ``indicator_norm, role`` (``target`` |
    ``actual``), ``value, value_max`` (a range's upper end), ``bound`` (``about``,
    ``at_least``, ``at_most``, ``exact`` …), ``unit`` (as written), ``surface``,
    ``sentence``, ``start`` (offset in the document's text).  ``indicators`` keeps only
    those.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=("政府工作报告\\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\\n"
    ...     "各位代表：\\n过去一年，国内生产总值增长5.2%。今年发展主要预期目标是：国内生产总值增长5%左右。")).speeches
    >>> ts = an.target_series(an.numeric_targets(sp), sp, indicators=["gdp"])
    >>> ts[["year", "role", "value", "bound"]].values.tolist()
    [[2023, 'actual', 5.2, 'exact'], [2024, 'target', 5.0, 'about']]
    """
    nums = series_rows(numbers)
    if indicators is not None:
        nums = nums[nums["indicator_norm"].isin(list(indicators))]
    usual = _usual_units(nums)
    docs = speeches.set_index("speech")
    rows = []
    for (speech, indicator), group in nums.groupby(["speech", "indicator_norm"], sort=True):
        doc_year = docs.at[speech, "year"] if "year" in docs.columns else pd.NA
        for role, year in (("actual", None if pd.isna(doc_year) else int(doc_year) - 1),
                           ("target", None if pd.isna(doc_year) else int(doc_year))):
            roles = RESULT_ROLES if role == "actual" else (role,)
            of_year = group[group["role"].isin(roles) & (_of_year(group, role, year) if year else True)]
            pick = _pick(of_year, usual.get(indicator, ""), prefer_list=role == "target")
            if pick is not None:
                when = year if year is not None else pick["year"]
                rows.append({"speech": speech, "label": docs.at[speech, "label"], "year": when,
                             "indicator_norm": indicator, "role": role, **{c: pick[c] for c in SERIES_COLUMNS[5:]}})
    out = pd.DataFrame(rows, columns=SERIES_COLUMNS)
    out["year"] = out["year"].astype("Int64")
    return out.sort_values(["indicator_norm", "year", "role", "speech"], kind="mergesort").reset_index(drop=True)
