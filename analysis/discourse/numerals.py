"""The value a written quantity states: Arabic or Chinese numerals, scale words (万, 亿), fuzzy
numbers (几十), ranges (5%—5.5%), masked digits (XX) and the 角 and 分 after 元.

:mod:`.quantities` finds the quantities; this module reads what each one is worth.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from ..chinese import (
    CN_DIGITS,
    CN_DIGITS_WRITTEN,
    CN_NUMERAL,
    CN_ONE_DIGIT,
    CN_YEAR,
    MASK_DIGITS,
    to_number,
    year_digits,
)

#: An Arabic number (half- or full-width, with decimals, maybe in thousands: 126,582) ...
AR = r"(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
#: ... a Chinese one ...
CN = rf"[{CN_NUMERAL}千]+"
#: ... a Chinese one with 万 or 亿 inside it (一亿二千万, 十二万五千) or a decimal (三十五点五) ...
CN_COMPOUND = rf"{CN}(?:(?:亿|万){CN})+(?:万亿|亿|万)?"
CN_DECIMAL = rf"{CN}点[{CN_DIGITS_WRITTEN}]+"
#: ... masked digits (XX) ...
MASK = MASK_DIGITS
#: ... a scale word ...
SCALE = r"(?:万亿|亿|万|千|百)"
#: ... and a fuzzy number (几十: twenty to ninety).
FUZZY = r"(?:十几|几十|几百|几千|几)"
MASK_RE = re.compile(MASK)
_ENDS_IN_SCALE = re.compile(rf"^(.+?)({SCALE})$")
CN_DIGITS_RUN = re.compile(CN)
_BARE_SCALE = {"百": 100.0, "千": 1000.0, "万": 10000.0}
PER = {"百分之": 1, "千分之": 10, "万分之": 100}  # 千分之三 is 0.3%: divided, so the value is exact
RANGE_SEP = re.compile(r"\s*(?:-|－|—|–|~|～|至|到|、)\s*")
_ENDS_FUZZY = re.compile(FUZZY + "$")
_CN_YEAR = re.compile(CN_YEAR)
_THOUSANDS = re.compile(r"(?<=[0-9０-９]),(?=[0-9０-９]{3})")
_COMPOUND = re.compile(CN_COMPOUND)
_SCALE_VALUE = {"万": 1e4, "亿": 1e8, "万亿": 1e12}


def _compound_value(p: str) -> tuple[float, str]:
    """一亿二千万 as 12000 (万), 十二万五千 as 125000 (no scale): the value in the scale it ends on."""
    scale = "万亿" if p.endswith("万亿") else (p[-1] if p[-1] in "万亿" else "")
    return to_number(p) / _SCALE_VALUE.get(scale, 1), scale


def split_scale(num: str) -> tuple[str, str]:
    """``18万`` -> (``18``, ``万``): 万 / 亿 move into the unit; 百 / 千 stay in a Chinese numeral (三百)."""
    m = _ENDS_IN_SCALE.match(num)
    if not m:
        return num, ""
    prefix, scale = m.groups()
    if scale in ("万", "亿", "万亿") or not CN_DIGITS_RUN.fullmatch(prefix):
        return prefix, scale
    return num, ""


_DIGIT_VALUES = {c: v for c, v in CN_DIGITS.items() if 1 <= v <= 9}
#: Two small numerals side by side, the second the larger: 两三, 一两, 三五, 七八; a place after them (三四十).
_PAIR = re.compile(rf"(?P<lo>[{''.join(_DIGIT_VALUES)}])(?P<hi>[{''.join(_DIGIT_VALUES)}])(?P<place>十|百|千)?")
_PLACES = {None: 1, "十": 10, "百": 100, "千": 1000}


def pair_range(s: str) -> tuple[float, float] | None:
    """An approximate range written as two numerals side by side: 两三 is 2 to 3, 三四十 30 to 40,
    五六百 500 to 600 (read as one number, 两三 had been 23).

    >>> pair_range("两三"), pair_range("三四十"), pair_range("三五"), pair_range("二十")
    ((2.0, 3.0), (30.0, 40.0), (3.0, 5.0), None)
    """
    m = _PAIR.fullmatch(s)
    if not m or _DIGIT_VALUES[m.group("hi")] <= _DIGIT_VALUES[m.group("lo")]:
        return None
    place = _PLACES[m.group("place")]
    return float(_DIGIT_VALUES[m.group("lo")] * place), float(_DIGIT_VALUES[m.group("hi")] * place)


def fuzzy_range(s: str) -> tuple[float, float] | None:
    return {"几": (2, 9), "十几": (11, 19), "几十": (20, 90), "几百": (200, 900), "几千": (2000, 9000)}.get(s)


@lru_cache(maxsize=1 << 16)  # a corpus writes the same few thousand figures (2025, 5, 10) again and again
def value_of(num: str, *, bare_scale: bool = False) -> tuple[float, float, bool, str, str]:
    """(value, value_max, masked, scale, approx) of a number or range.

    >>> value_of("一亿二千万")[:4], value_of("十二万五千")[:4], value_of("三十五点五")[:2]
    ((12000.0, 12000.0, False, '万'), (125000.0, 125000.0, False, ''), (35.5, 35.5))
    """
    parts = RANGE_SEP.split(num.replace("%", "").replace("％", ""))  # 5%—5.5%: one unit for both
    vals, masked, scale, approx = [], False, "", ""
    for p in parts:
        if bare_scale and p in _BARE_SCALE:  # 百分之百: after 百分之, a scale word alone is its value
            vals.append((_BARE_SCALE[p],) * 2)
            continue
        if _CN_YEAR.fullmatch(p):  # 一九八○, 二0一0: a year digit by digit, whatever its zeros
            vals.append((float(year_digits(p)),) * 2)
            continue
        if _COMPOUND.fullmatch(p):
            v, sc = _compound_value(p)
            scale = sc or scale
            vals.append((v, v))
            continue
        p, sc = split_scale(_THOUSANDS.sub("", p))
        scale = sc or scale
        fz = _ENDS_FUZZY.search(p)
        if MASK_RE.search(p):
            masked = True
            vals.append((math.nan, math.nan))
        elif fuzzy_range(p):
            vals.append(fuzzy_range(p))
            approx = "几"
        elif pair_range(p):
            vals.append(pair_range(p))
        elif fz and p[:fz.start()]:
            base = to_number(p[:fz.start()])
            vals.append((base + 1, base + 9) if fz.group(0) == "几" else (base, base))
            approx = "几"
        else:
            try:
                v = to_number(p)
            except (ValueError, TypeError, KeyError):
                v = math.nan
            vals.append((v, v))
    lo = vals[0][0]
    hi = vals[-1][1] if len(vals) > 1 else vals[0][1]
    return lo, hi, masked, scale, approx


_JIAO_FEN = re.compile(rf"^([{CN_ONE_DIGIT}\d])\s*(毛|角)(?:([{CN_ONE_DIGIT}\d])\s*分)?")


def jiao_fen(text: str, b: int, v: float, vmax: float) -> tuple[float, float, int]:
    """五元三毛, 5元3角5分: the tenths and hundredths after 元 belong to the amount."""
    m = _JIAO_FEN.match(text[b:b + 6])
    if not m:
        return v, vmax, b
    extra = (to_number(m.group(1)) / 10) + (to_number(m.group(3)) / 100 if m.group(3) else 0)
    return v + extra, vmax + extra, b + m.end()
