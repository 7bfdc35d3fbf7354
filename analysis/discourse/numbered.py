"""Numbered formulas with the items they announce: 三个方面 and its 一是…二是…三是….

:func:`numbered_formulas` gives one row per announced item and says when a speech lists
fewer items than its formula claims.
"""
from __future__ import annotations

import re

import pandas as pd

from ..caches import cached
from ..chinese import CN_COUNT, chinese_number
from ..reading.script import working_texts
from .formula_row import normal_form
from .lexicons import NUMBERED_FORMULA, numbered_key
from .outline import outline_rows

NUMBERED_COLUMNS = ["speech", "formula", "surface", "start", "end", "n_claimed", "n_listed", "item", "item_text",
                    "item_start", "item_end"]
_LIST_WITHIN = 200  # characters between a numbered formula and the first item it announces


@cached(maxsize=256)
def numbered_matches(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """``(start, end, surface, formula)`` of each self-counting formula of ``text``, the formula with
    its numeral in Chinese; found once for the slogan finder and :func:`numbered_formulas`, which
    read the same speeches of a chunk one after the other."""
    return tuple((m.start(), m.end(), m.group(0), numbered_key(normal_form(m.group(0))))
                 for m in NUMBERED_FORMULA.finditer(text))


def _claimed(formula: str) -> int | None:
    m = re.match(rf"[{CN_COUNT}]+|\d+", formula)
    return chinese_number(m.group(0)) if m else None


def _listed_items(headings: list[dict], end: int, n: int) -> list[dict]:
    """The items a formula ending at ``end`` announces: the run of sibling headings numbered
    1, 2, … that starts within :data:`_LIST_WITHIN` characters after it (at most ``n``)."""
    first = next((i for i, h in enumerate(headings) if h["start"] >= end), None)
    if first is None or headings[first]["start"] - end > _LIST_WITHIN or headings[first]["number"] != 1:
        return []
    level, kind, items = headings[first]["level"], headings[first]["marker_type"], []
    for h in headings[first:]:
        if h["level"] < level or len(items) == n:
            break
        if h["level"] == level and h["marker_type"] == kind:
            if h["number"] != len(items) + 1:
                break
            items.append(h)
    return items


def numbered_formulas(speeches: pd.DataFrame) -> pd.DataFrame:
    r"""Self-counting formulas (三个方面, 四点意见, 7个抓) with the items they enumerate where the
    text lists them next (一是…二是…, 一、二、, 1、2、), one row per item.

    Columns: ``speech``, ``formula`` (numeral in Chinese: 3个方面 is 三个方面), ``surface``,
    ``start``, ``end``, ``n_claimed`` (the number it names), ``n_listed`` (items found),
    ``item`` (1..; 0 on the one row of a formula whose list is not found), ``item_text``
    (the item's heading), ``item_start``, ``item_end``.

    >>> import analysis as an
    >>> sp = an.read_compilation(text="同志们：\n我讲3个方面：一是抓项目。二是抓招商。三是抓落实。\n").speeches
    >>> an.numbered_formulas(sp)[["formula", "item", "item_text"]].values.tolist()
    [['三个方面', 1, '抓项目'], ['三个方面', 2, '抓招商'], ['三个方面', 3, '抓落实']]
    """
    rows = []
    for speech, text in zip(speeches["speech"], working_texts(speeches)["text"]):
        headings = sorted(outline_rows(text, speech), key=lambda h: h["start"])
        for start, end, surface, formula in numbered_matches(text):
            claimed = _claimed(formula)
            items = _listed_items(headings, end, claimed or 0)
            base = {"speech": speech, "formula": formula, "surface": surface, "start": start, "end": end,
                    "n_claimed": claimed, "n_listed": len(items)}
            rows += [{**base, "item": k, "item_text": h["heading"], "item_start": h["end"] - len(h["heading"]),
                      "item_end": h["end"]} for k, h in enumerate(items, 1)] or [
                {**base, "item": 0, "item_text": "", "item_start": -1, "item_end": -1}]
    return pd.DataFrame(rows, columns=NUMBERED_COLUMNS).astype({"n_claimed": "Int64"})
