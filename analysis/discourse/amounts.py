"""What a speech's quantities add up to: its percentages and money amounts, and how much it masks.

Both take the table of :func:`~analysis.numeric_targets`.
"""
from __future__ import annotations

import re

import pandas as pd

_MEASURE_NAME = re.compile(r"(率|额|速度|增幅|价|量|总值|规模)$")
PLOTTED_UNITS = {"percent": "%", "money": "亿元"}


def percentages_and_money(numbers: pd.DataFrame) -> pd.DataFrame:
    r"""The unmasked percentages (%) and money amounts (亿元) of :func:`numeric_targets`, one row
    per speech and value, with a label saying how it was written and what it measures.

    Columns: ``speech``, ``kind`` (percent / money), ``unit``, ``value``, ``value_max``
    (the top of a range, else NaN), ``n`` (how often the value is stated), ``label``
    (each way of writing it, ``×n`` when repeated, and the measure its indicator names).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> an.percentages_and_money(an.numeric_targets(sp))[['kind', 'value']].values.tolist()
    [['percent', 5.0]]
    """
    cols = ["speech", "kind", "unit", "value", "value_max", "n", "label"]
    rows = []
    for kind, unit in PLOTTED_UNITS.items():
        d = numbers[(numbers["kind"] == kind) & (numbers["unit"] == unit) & ~numbers["masked"]]
        for (speech, value), same in d.groupby(["speech", "value"], sort=True):
            forms = same["surface"].value_counts(sort=False)  # each way of writing it, with its count
            label = ", ".join(f + (f" ×{n}" if n > 1 else "") for f, n in forms.items())
            measures = [x for x in same["indicator"] if _MEASURE_NAME.search(x)]
            if measures:
                label += f"（{measures[0][-8:]}）"
            ranged = same["value_max"][same["value_max"] > value]
            rows.append((speech, kind, unit, value, ranged.max() if len(ranged) else float("nan"), len(same), label))
    return pd.DataFrame(rows, columns=cols)


def masked_counts(numbers: pd.DataFrame) -> pd.DataFrame:
    r"""How many quantities each speech states openly and how many it masks (XXX亿元).

    Columns: ``speech``, ``n_open``, ``n_masked``, ``masked_share``.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> an.masked_counts(an.numeric_targets(sp))[['speech', 'n_open', 'n_masked']].values.tolist()
    [[1, 1, 0]]
    """
    g = numbers.groupby(["speech", "masked"]).size().unstack(fill_value=0)
    out = pd.DataFrame({"speech": g.index, "n_open": g.get(False, 0), "n_masked": g.get(True, 0)})
    out = out.reset_index(drop=True).astype({"n_open": int, "n_masked": int})
    total = out["n_open"] + out["n_masked"]
    out["masked_share"] = (out["n_masked"] / total.where(total > 0)).fillna(0.0)
    return out
