"""Dating evidence: what a speech's text says about when it was given.

Explicit years, the five-year plans (十四五 …) and the terms of an era (新常态 …) each point to
a range of years; :func:`dating_evidence` sets them against the year the document claims.
"""
from __future__ import annotations

import re

import pandas as pd

from ..chinese import ANY_PLAN, plan_years
from ..reading.script import working_texts

_TERMS = {"新常态": (2014, None), "供给侧结构性改革": (2015, None), "高质量发展": (2017, None),
          "新质生产力": (2023, None), "稳中求进": (2011, None), "科学发展观": (2003, 2012), "一带一路": (2013, None)}


def dating_evidence(numbers: pd.DataFrame, speeches: pd.DataFrame) -> pd.DataFrame:
    """What each speech's text says about when it was given, against the year it claims.

    Takes the quantities of :func:`~analysis.numeric_targets` (its years) and the speech
    table.  Columns: ``speech``, ``claimed_year`` (the year the reader gave the document:
    from metadata, its file name, its title block or its title; see ``docs/reading.md``),
    ``evidence`` (as written), ``kind`` (``year`` / ``plan`` / ``term``), ``year_min``,
    ``year_max`` (the years the evidence points to; open-ended terms leave max empty),
    ``start``, ``end`` (offsets into the speech text), ``consistent`` (the claimed year
    falls in the range).

    >>> import analysis as an
    >>> sp = an.load_speeches()
    >>> ev = an.dating_evidence(an.numeric_targets(sp), sp)
    >>> sorted(ev['kind'].unique())
    ['plan', 'term', 'year']
    """
    speeches = working_texts(speeches)
    dates = numbers[(numbers["kind"] == "date") & (numbers["unit"] == "年") & ~numbers["masked"].astype(bool)]
    by_speech = dict(list(dates.groupby("speech", sort=False)))  # once, not once per speech
    years = speeches["year"] if "year" in speeches.columns else pd.Series(None, index=speeches.index, dtype=object)
    rows = []
    for speech, year, text in zip(speeches["speech"].tolist(), years.tolist(), speeches["text"].tolist()):
        claimed = None if year is None or pd.isna(year) else int(year)
        found = by_speech.get(speech)
        if found is not None:
            rows += [(speech, claimed, surface, "year", int(value), int(value), a, b) for surface, value, a, b in
                     zip(found["surface"], found["value"], found["start"], found["end"])]
        for m in ANY_PLAN.finditer(text):  # one pass for every plan (their names never overlap)
            lo, hi = plan_years(m)
            rows.append((speech, claimed, m.group(0), "plan", lo, hi, m.start(), m.end()))
        for name, (lo, hi) in _TERMS.items():
            for m in re.finditer(name, text):
                rows.append((speech, claimed, name, "term", lo, hi, m.start(), m.end()))
    frame = pd.DataFrame(rows, columns=["speech", "claimed_year", "evidence", "kind", "year_min", "year_max",
                                        "start", "end"])
    frame["year_max"] = frame["year_max"].astype("Float64")
    frame["claimed_year"] = frame["claimed_year"].astype("Int64")
    lo_ok = frame["claimed_year"] >= frame["year_min"]
    hi_ok = frame["year_max"].isna() | (frame["claimed_year"] <= frame["year_max"])
    frame["consistent"] = (lo_ok & hi_ok).astype("boolean")
    return frame.sort_values(["speech", "start", "kind"], kind="mergesort").reset_index(drop=True)
