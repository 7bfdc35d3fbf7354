"""Numeric targets: every quantity a speech states, with its unit, kind, indicator and role.

A quantity is a number (Arabic, full-width, Chinese, or a mix such as 4.78万亿;
or a masked XXX) with a unit the speeches use (10%, 3个百分点, 30个亿, 18万块钱一亩,
一千亩, 100万人口, 2-3年, 全省第3位, 1至6月 ...).  The scale words 万 / 亿 stay in
the unit (``18万块钱`` is value 18, unit ``万元``), so values are as written.

Columns of :func:`numeric_targets`:

==========  =================================================================
speech      speech number
surface     the text exactly as written: ``text[start:end] == surface``
start, end  offsets into the speech text
value       float; NaN when masked
value_max   upper end of a range (2-3年, 130万150万), else equal to value
unit        normalised: ``%``, ``个百分点``, ``元``, ``万元``, ``亿元``, ``万亿元``,
            ``万元/亩``, ``元/亩``, ``亩``, ``万人``, ``年``, ``月``, ``日``, ``个`` ...
kind        percent, percentage_point, money, price, area, population, count, length,
            weight, concentration, power, energy, volume, rank, duration, year, date,
            number (a bare figure), unknown (masked, no unit)
approx      多 / 几 / 余 / 左右 / 近 / 超过 / 以上 ... ; empty when exact
bound       about / at_least / at_most / range / exact (:mod:`.commitments`)
direction   up / down (增长, 下降 ...), else empty; a written minus stays in value
change      growth (a rate of change), share (占…比重), level
masked      the source masks the number (XXX亿元); value is NaN then
indicator   what the number measures, from its clause (开工率, 资金到位率 ...)
indicator_norm  its normalised name (gdp, cpi ...) from ``data/dict/indicators.tsv``
role        target / actual / comparison / other: a 主要预期目标 list is targets, a review
            section actuals, elsewhere cue words decide
year        the year it belongs to: explicit, or 今年 / 去年 against the document's date
period      the span it covers when its sentence names one: 2026-2030 (十五五), 1至5月
sentence    the sentence the quantity stands in (in a text without sentence
            punctuation, a transcript, the words around it: ``LONG_SENTENCE``)
==========  =================================================================
"""
from __future__ import annotations

import bisect
import math
import re

import pandas as pd

from ..chinese import (
    CN_NUMERAL,
    CN_ONE_DIGIT,
    CN_SMALL,
    CN_YEAR,
    HAN,
    MASK_DIGITS,
    MASK_LETTERS,
    NOTE_CLOSERS,
    NOTE_OPENERS,
    chinese_number,
)
from ..parallel import map_speeches
from ..reading.script import original_surfaces, working_texts
from .commitments import annotate, cued_role, indicator_before, indicator_table, sentence_starts
from .numerals import AR, CN, CN_COMPOUND, CN_DECIMAL, FUZZY, MASK, MASK_RE, PER, RANGE_SEP, SCALE, jiao_fen, value_of

NUMERIC_COLUMNS = ["speech", "surface", "start", "end", "value", "value_max", "unit", "kind", "approx", "bound",
                   "direction", "change", "masked", "indicator", "indicator_norm", "role", "year", "period",
                   "sentence"]

_ONE = (rf"(?:\d{{2}}[{MASK_LETTERS}]{{2}}|{AR}{SCALE}?|{CN_YEAR}(?=\s*年)|{CN_COMPOUND}|{CN_DECIMAL}"
        rf"|{CN}(?:{SCALE})?|{MASK})")

# Units in priority order: (pattern, unit, kind).  Scale words are folded in later.
_UNITS = [
    (r"(?:块钱?|元)?(?:一亩|每亩|/亩)", "元/亩", "price"),
    (r"个百分点|百分点", "个百分点", "percentage_point"),
    (r"[%％]", "%", "percent"),
    (r"‰", "‰", "percent"),  # per mille, as birth and death rates are given: 3.2‰ is 0.32%
    (r"个亿元?|亿元|亿(?![人])", "亿元", "money"),
    (r"(?:块钱|块|元)(?!素|旦|宵|老|首)", "元", "money"),
    (r"美元", "美元", "money"),  # a foreign currency keeps its name: 12.5亿美元 is not 12.5亿元
    (r"欧元", "欧元", "money"),
    (r"港元|港币", "港元", "money"),
    (r"日元", "日元", "money"),
    (r"人次", "人次", "count"),  # visits, not people: 接待游客1.2亿人次 (before 人)
    (rf"人口|(?=[{MASK_LETTERS}]*人民)|人(?![民大员才])", "人", "population"),
    (r"微克(?:/|每)立方米", "微克/立方米", "concentration"),  # of fine particles (PM2.5), a target of every report
    (r"平方公里", "平方公里", "area"),
    (r"平方米", "平方米", "area"),
    (r"公顷", "公顷", "area"),
    (r"亩", "亩", "area"),
    (r"年代", "年代", "date"),
    (r"个月", "个月", "duration"),
    (r"(?:年|周年)", "年", "year"),
    (r"月份?", "月", "date"),
    (r"日|号(?=[前后，。、])", "日", "date"),
    (r"天", "天", "duration"),
    (r"岁", "岁", "count"),
    (r"倍", "倍", "count"),
    (r"成(?![为功立果本效绩员熟型交长])", "成", "percent"),
    (r"千瓦时", "千瓦时", "energy"),  # electricity generated or used (亿千瓦时); before 千瓦
    (r"千瓦", "千瓦", "power"),  # installed capacity (新增光伏装机214万千瓦)
    (r"兆瓦时", "兆瓦时", "energy"),
    (r"兆瓦", "兆瓦", "power"),
    (r"立方米", "立方米", "volume"),  # of water or gas (亿立方米)
    (r"小时", "小时", "duration"),
    (r"分钟", "分钟", "duration"),  # 15分钟生活圈
    (r"公里|千米", "公里", "length"),
    (r"米(?![饭粮面])", "米", "length"),
    (r"吨", "吨", "weight"),
    (r"公斤|千克", "公斤", "weight"),
    (r"斤", "斤", "weight"),
    (r"克(?![服隆难])", "克", "weight"),
    (r"(?:个|项|家|座|批|所|名|户|条|种|台|套|辆|艘|架|次|场|件|处|间|栋|张|部(?![门署分委])|位(?![数于置列]))", None,
     "count"),
]
_UNIT_RE = "|".join(f"(?P<u{i}>{p})" for i, (p, _, _) in enumerate(_UNITS))

#: The units alone, to tell which one a quantity's unit is: its group's name (``u3``) at once,
#: where asking each of the quantity's unit groups in turn was a fifth of :func:`_unit_row`'s work.
_UNIT_ALONE = re.compile(_UNIT_RE)
_IS_CN = re.compile(rf"(?:{CN}|{FUZZY}){SCALE}?(?:{FUZZY})?")

QUANTITY = re.compile(
    # every match starts with one of these: checking that first is far cheaper than entering
    # the optional groups below at every position of the text
    rf"(?=[近约大超逾不将第千万\d０-９{CN_NUMERAL}{MASK_LETTERS}几])"
    rf"(?P<pre>近|约|大约|超过|超|逾|不到|不足|将近)?"
    rf"(?P<rank>第)?"
    rf"(?P<pct>百分之|千分之|万分之|(?P<frac>[{CN_SMALL}]{{1,2}})分之)?"
    rf"(?P<num>{FUZZY}{SCALE}?|{_ONE}(?:{FUZZY}{SCALE}?)?(?:[%％](?=\s*(?:-|－|—|–|~|～|至|到)\s*\d))?"
    rf"(?:\s*(?:-|－|—|–|~|～|至|到|、)\s*{_ONE}(?!、))?)"
    rf"(?P<suf>多|余|来)?(?P<scale2>万亿|亿|万)?"
    rf"\s?(?P<unit>{_UNIT_RE})?"
    rf"(?P<post>左右|以上|以下|以内|上下)?"
)
_BARE_CUE = re.compile(r"(增长|增幅|增速|下降|提高|降到|达到|达|为|计划的|增|率)\s*$")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_MASK_BEFORE_HAN = re.compile(rf"{MASK_DIGITS}[{HAN}]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NOTE_OPENERS, _NOTE_CLOSERS = NOTE_OPENERS.replace("\\", ""), NOTE_CLOSERS.replace("\\", "")  # as strings
_DIGIT = re.compile(r"\d")


def _sentence_bounds(text: str, a: int, b: int) -> tuple[int, int]:
    ends = sentence_starts(text)
    k = bisect.bisect_right(ends, a)
    start = ends[k - 1] if k else 0
    k = bisect.bisect_left(ends, b + 1)
    return start, ends[k] if k < len(ends) else len(text)


def _year_kind(text: str, a: int, b: int, value: float) -> tuple[str, float, float | None]:
    """A number + 年 is a date (2024年, 15年的招商引资工作) or a duration (2-3年, 16年走过来)."""
    after = text[b:b + 6]
    if value >= 1900:
        return "date", value, None
    if value < 100 and re.match(r"^(的招商|的工作|经济|招商|的发展|的目标|全年|上半年|下半年|底|初)", after) \
            and re.fullmatch(r"\d{2}", text[a:b - 1].strip()):
        return "date", 2000 + value, None
    return "duration", value, None


def _extract(speech, text: str, *, indicators=None) -> list[dict]:
    """The quantities of one speech (rows of :func:`numeric_targets`); ``indicators``: the
    :func:`.commitments.indicator_table` that names them."""
    rows = []
    for m in QUANTITY.finditer(text):
        num, unit, pct, rank = m.group("num", "unit", "pct", "rank")
        if unit is None and not (pct or rank) and num and _IS_CN.fullmatch(num):
            continue  # a Chinese numeral alone (一, 两): never a quantity, and half the matches
        m = _without_false_range(m, text)
        num = m.group("num")
        if not num or not num.strip() or _not_a_quantity(m, text):
            continue
        if m.group("rank"):
            row = _rank_row(m, text, speech)
        elif m.group("unit") is None and not m.group("pct"):
            row = _bare_row(m, text, speech)
        else:
            row = _unit_row(m, text, speech)
        if row is not None:
            rows.append(_signed(row, text))
    if "番" in text:  # (most texts have none: one test)
        rows = sorted(rows + _doublings(text, speech), key=lambda r: r["start"])
    if "/" in text:
        rows = _with_slash_fractions(text, speech, rows)
    return annotate(text, _merge_lists(text, rows), indicators=indicators)


#: A fraction written with a slash (占全国1/3以上, 增量的1/4): never a date (2024/3/5) nor a count per count
#: (24/7), so the numerator is the smaller.  What stands before it is asked in Python: a pattern that opens on
#: a class is skipped to in C, where one that opens on a lookbehind is tried at every character (twice the time).
_SLASH_FRACTION = re.compile(r"(\d{1,2})\s*/\s*(\d{1,3})(?![\d/.．])(?P<post>左右|以上|以下|以内|上下)?")
_NOT_BEFORE_A_FRACTION = frozenset("0123456789/.．")


def _with_slash_fractions(text: str, speech, rows: list[dict]) -> list[dict]:
    """``rows`` with each slash fraction as one percent (1/3 is 33.3…%) instead of two bare figures."""
    fractions = []
    for m in _SLASH_FRACTION.finditer(text):
        part, whole = int(m.group(1)), int(m.group(2))
        if 0 < part < whole and not (m.start() and text[m.start() - 1] in _NOT_BEFORE_A_FRACTION):
            v = part * 100 / whole
            fractions.append(_row(text, speech, m.start(), m.end(), v, v, "%", "percent", m.group("post") or "", False))
    if not fractions:
        return rows
    spans = [(f["start"], f["end"]) for f in fractions]
    kept = [r for r in rows if not any(a <= r["start"] < b for a, b in spans)]
    return sorted(kept + fractions, key=lambda r: r["start"])


#: 翻一番, 翻了两番, 翻三番: doubled once, twice, three times (the planning targets of a decade, 翻两番
#: of 1982).  Its value is the multiple the base comes to: 2, 4, 8 倍.
_DOUBLING = re.compile(rf"翻(?:了)?(?P<n>[{CN_ONE_DIGIT}1-9])番")


#: The base a doubling is measured from, just before it (比2010年, 较“十三五”末): what is doubled stands before it.
_BASE = re.compile(r"(?:比|较)[^，。；、]{1,14}$")


def _doublings(text: str, speech) -> list[dict]:
    rows = []
    for m in _DOUBLING.finditer(text):
        times = 2.0 ** chinese_number(m.group("n"))
        row = _row(text, speech, m.start(), m.end(), times, times, "倍", "count", "", False)
        base = _BASE.search(text, max(0, m.start() - 16), m.start())
        before = base.start() if base else m.start()  # 人均收入比2010年翻一番: read before the base
        row.update(indicator=_doubled_what(indicator_before(text, before, before)),
                   role=cued_role(text[_context(text, before, before)[0]:before], "count"))
        rows.append(row)
    return rows


# what a doubling target says around what it doubles: 本世纪末实现 | 国民生产总值 | 将超过原定 / 到二〇二〇年力争
_DOUBLED_LEAD = re.compile(r"^.*(?:实现|达到|使)")
_DOUBLED_TAIL = re.compile(r"(?:将|到|在|力争|争取|确保|要).*$")


def _doubled_what(indicator: str) -> str:
    for pattern in (_DOUBLED_LEAD, _DOUBLED_TAIL):
        cut = pattern.sub("", indicator)
        indicator = cut if len(cut) >= 2 else indicator
    return indicator


def _signed(row: dict, text: str) -> dict:
    """A minus sign or 负 written before the figure belongs to it: -2.5% is value -2.5."""
    a = row["start"]
    minus = a > 0 and text[a - 1] in "-－−" and not (a > 1 and (text[a - 2].isdigit() or text[a - 2] in "%％"))
    if not (minus or (a > 0 and text[a - 1] == "负")) or row["masked"]:
        return row
    low, high = -row["value_max"], -row["value"]
    return {**row, "start": a - 1, "surface": text[a - 1:row["end"]], "value": low, "value_max": high}


def _without_false_range(m: re.Match, text: str) -> re.Match:
    """An outline marker or list number is never the start of a range: 一、2025年 is the year
    2025, and 1、2025年 too.  Such a match is read again from its second figure."""
    num = m.group("num") or ""
    sep = RANGE_SEP.search(num)
    if not sep or sep.start() == 0:
        return m
    left, right = num[:sep.start()], num[sep.end():]
    mixed = bool(_DIGIT.search(left)) != bool(_DIGIT.search(right))
    listed = "、" in sep.group(0)
    year_after_marker = listed and re.fullmatch(r"\d{4}", right) is not None
    # a heading's number (二、一张蓝图绘到底): 、 after nothing but the line's indent
    heading = listed and not text[text.rfind("\n", 0, m.start("num")) + 1:m.start("num")].strip()
    if not (mixed or year_after_marker or heading):
        return m
    again = QUANTITY.match(text, m.start("num") + sep.end())
    return again if again is not None and again.group("num") else m


def _not_a_quantity(m: re.Match, text: str) -> bool:
    """Latin neighbours (4S店, XX同志 ...) and a masked figure with an empty unit."""
    a, b, num = m.start("num"), m.end(), m.group("num")  # the figure's own neighbour: GDP超过1.2万美元 is one
    masked_num = bool(MASK_RE.search(num))
    prev = text[a - 1] if a > 0 else ""
    latin_next = _LATIN.match(text[b:b + 1]) and not _MASK_BEFORE_HAN.match(text[b:b + 6])
    return bool(latin_next or (_ASCII_LETTER.match(prev) and not masked_num)
                or (masked_num and m.group("unit") == ""))


def _rank_row(m: re.Match, text: str, speech) -> dict | None:
    """第X位 / 第X名: a rank, when the unit says so."""
    b, unit_text = m.end(), m.group("unit") or ""
    if not (unit_text in ("位", "名") or text[b:b + 1] in ("位", "名")):
        return None
    v, vmax, masked, _, _ = value_of(m.group("num"))
    start = m.start("rank") if not m.group("pre") else m.start()
    return _row(text, speech, start, b + (0 if unit_text else 1), v, vmax, "位", "rank", "", masked)


def _bare_row(m: re.Match, text: str, speech) -> dict | None:
    """A figure with no unit: a masked one after a cue, or a plain number (never a list marker)."""
    a, b, num = m.start(), m.end(), m.group("num")
    nxt = text[b:b + 1]
    if _IS_CN.fullmatch(num):
        return None
    if MASK_RE.search(num):
        if not _BARE_CUE.search(text[max(0, a - 6):a]) or re.match(rf"^[、{HAN}]", nxt) and nxt not in "，。；":
            return None
        return _row(text, speech, a, b, math.nan, math.nan, "", "unknown", "", True)
    if nxt in ("、", ".", "．") and (a == 0 or text[a - 1] in "\n：:；;。"):
        return None  # a list marker (1、)
    if a > 0 and nxt and text[a - 1] in _NOTE_OPENERS and nxt in _NOTE_CLOSERS:
        return None  # a note's mark (增长15%[1]) or a list's number ([1] 数据来源…)
    if "、" in num or not _DIGIT.search(num):
        return None
    v, vmax, masked, scale, approx = value_of(num)
    if math.isnan(v) and not masked:
        return None
    unit = scale if scale in ("万", "亿", "万亿") else ""
    kind = "number"
    if unit == "万" and "人口" in text[_sentence_bounds(text, a, b)[0]:b + 20]:
        unit, kind = "万人", "population"
    return _row(text, speech, a, b, v, vmax, unit, kind, approx, masked)


#: What leads to a multiple written in Chinese numerals (the words before it, its 近/约 included).
_MULTIPLE_CUE = re.compile(r"(?:增长|增加|提高|扩大|上升|达到|达|相当于|超过|是|为|的|翻)了?(?:近|约|超过|将近)?$")


def _skip_unit(num: str, unit: str, kind: str, after: str, *, before: str = "") -> bool:
    """Quantity-like words that are not quantities: 一个, 两项, 三年; 三成不变; 年代; 届会议.  A multiple
    in Chinese numerals is one where a change or a comparison leads to it (增长近两倍, 是原来的三倍), not
    in a figure of speech (凶猛十倍, 以十倍的疯狂)."""
    is_cn = bool(_IS_CN.fullmatch(num))
    if unit == "倍":
        return is_cn and not _MULTIPLE_CUE.search(before)
    return ((is_cn and len(num) == 1 and kind in ("count", "year", "duration", "date", "population"))
            or (is_cn and unit == "成" and after.startswith("不变"))
            or (unit == "年" and after[:1] in ("代", "轻"))
            or (kind == "count" and after.startswith(("全会", "会议", "届"))))


#: The currencies other than the yuan, as :data:`_UNITS` names them: their scale goes before their name (亿美元).
_FOREIGN_CURRENCIES = frozenset(u for _, u, kind in _UNITS if kind == "money" and u not in ("元", "亿元"))


def _scaled_unit(kind: str, unit: str, scale: str) -> str:
    """The unit as stated in full: 亿元 or 万亿元, 万元/亩, 万人, 万平方米."""
    if kind == "price":
        return f"{scale}元/亩" if scale else "元/亩"
    if kind == "money" and unit in _FOREIGN_CURRENCIES:
        return scale + unit
    if kind == "money":
        return {"亿元": ("万亿元" if scale == "万" else "亿元")}.get(unit, (scale + "元") if scale else unit)
    if kind == "population":
        return (scale + "人") if scale else "人"
    if scale and kind in ("count", "area", "weight", "length", "power", "energy", "volume"):
        return scale + unit
    return unit


def _unit_row(m: re.Match, text: str, speech) -> dict | None:
    """A figure with its unit (or a percent sign)."""
    a, b, num = m.start(), m.end(), m.group("num")
    # (the unit is the first alternative that matches where it starts: all that follows it is optional)
    unit_i = 2 if m.group("unit") is None else int(_UNIT_ALONE.match(text, m.start("unit")).lastgroup[1:])
    _, unit, kind = _UNITS[unit_i]
    unit = unit if unit is not None else (m.group("unit") or "")[:1]
    if _skip_unit(num, unit, kind, text[b:b + 2], before=text[max(0, a - 4):a]):
        return None
    v, vmax, masked, scale, approx = value_of(num, bare_scale=bool(m.group("pct")))
    if math.isnan(v) and not masked:
        return None  # a numeral cn2an cannot read (百 alone): not a quantity, never a guess
    scale = m.group("scale2") or scale
    approx = m.group("post") or m.group("pre") or m.group("suf") or approx
    if m.group("frac"):  # 三分之一: a fraction, as a percent (33.3…%)
        unit, kind = "%", "percent"
        whole = chinese_number(m.group("frac"))
        v, vmax = v * 100 / whole, vmax * 100 / whole
    elif m.group("pct"):
        unit, kind = "%", "percent"
        v, vmax = v / PER[m.group("pct")], vmax / PER[m.group("pct")]
    if text[b:b + 1] == "半" and kind in ("percent", "length", "weight", "count", "area", "duration"):
        v, vmax, b = v + 0.5, vmax + 0.5, b + 1  # 三成半, 一吨半, 两米半
    if kind == "percent" and unit == "成":
        v, vmax, unit = v * 10, vmax * 10, "%"
    elif unit == "‰":
        v, vmax, unit = v / 10, vmax / 10, "%"  # divided, as 千分之 is, so the value is exact
    else:
        unit = _scaled_unit(kind, unit, scale)
    if kind == "year" and masked:
        kind = "date" if re.match(rf"\d{{2}}[{MASK_LETTERS}]{{2}}", num) else "duration"
    elif kind == "year":
        kind, v2, _ = _year_kind(text, a, b, v)
        if kind == "date" and v2 != v:
            v, vmax = v2, v2 + (vmax - v)
    if kind == "money" and unit == "元":
        v, vmax, b = jiao_fen(text, b, v, vmax)
    return _row(text, speech, a, b, v, vmax, unit, kind, approx, masked)


#: A sentence longer than this has lost its punctuation (a transcript, spaces between phrases): a
#: quantity's ``sentence`` is then the text around it, at most :data:`CONTEXT_CHARS` on each side,
#: cut at a space or a clause break.  (The longest sentences with a quantity in the three corpora
#: have 294 to 456 characters.)
LONG_SENTENCE = 600
CONTEXT_CHARS = 120
_CUT = re.compile(r"[\s，、；：,;]+")


def _context(text: str, a: int, b: int) -> tuple[int, int]:
    """Where a quantity's ``sentence`` starts and ends: its sentence, or in an unpunctuated text the
    words around it (see :data:`LONG_SENTENCE`)."""
    s, e = _sentence_bounds(text, a, b)
    if e - s <= LONG_SENTENCE:
        return s, e
    lo, hi = max(s, a - CONTEXT_CHARS), min(e, b + CONTEXT_CHARS)
    first = _CUT.search(text, lo, a)
    cuts = [m.start() for m in _CUT.finditer(text, b, hi)]
    return (first.end() if first else lo), (cuts[-1] if cuts else hi)


def _row(text, speech, a, b, v, vmax, unit, kind, approx, masked) -> dict:
    s, e = _context(text, a, b)
    sentence = text[s:e]
    return {"speech": speech, "surface": text[a:b], "start": a, "end": b, "value": v,
            "value_max": vmax if not (isinstance(vmax, float) and math.isnan(vmax)) or masked else v,
            "unit": unit, "kind": kind, "approx": approx, "masked": masked,
            "indicator": indicator_before(text, a, b), "role": cued_role(text[s:a], kind), "sentence": sentence.strip()}


_BETWEEN = re.compile(r"^\s*(?:和|与|到)\s*$")
_MOST_LEAST = re.compile(r"最多\s*$|最少\s*$|最高\s*$|最低\s*$")


def _merge_lists(text: str, rows: list[dict]) -> list[dict]:
    """130万150万: two figures with the same unit and nothing between them form a range; so do
    20和30之间 and 最多100最少20个 (the unit written once, at the end)."""
    out: list[dict] = []
    for r in rows:
        if out and _range_pair(text, out[-1], r):
            prev, low, high = out[-1], min(out[-1]["value"], r["value"]), max(out[-1]["value_max"], r["value_max"])
            end = r["end"] + (2 if text[r["end"]:r["end"] + 2] == "之间" else 0)
            start = prev["start"] - (2 if _MOST_LEAST.search(text[max(0, prev["start"] - 2):prev["start"]]) else 0)
            prev.update(surface=text[start:end], start=start, end=end, value=low, value_max=high, unit=r["unit"],
                        kind=r["kind"], masked=prev["masked"] or r["masked"])
            continue
        if out and out[-1]["end"] == r["start"] and out[-1]["unit"] == r["unit"] and out[-1]["kind"] == r["kind"] \
                and r["kind"] in ("number", "count", "population", "money"):
            prev = out[-1]
            prev.update(surface=text[prev["start"]:r["end"]], end=r["end"], value_max=r["value_max"],
                        masked=prev["masked"] or r["masked"])
            continue
        out.append(r)
    return out


def _range_pair(text: str, a: dict, b: dict) -> bool:
    """``a`` and ``b`` are the two ends of one range: 20和30之间, 最多100最少20个."""
    if a["masked"] or b["masked"] or a["unit"] not in ("", b["unit"]):
        return False
    between = text[a["end"]:b["start"]]
    if _BETWEEN.match(between) and text[b["end"]:b["end"] + 2] == "之间":
        return True
    return bool(_MOST_LEAST.search(between)) and bool(_MOST_LEAST.search(text[max(0, a["start"] - 2):a["start"]]))


def numeric_targets(speeches: pd.DataFrame, *, processes: int = 1) -> pd.DataFrame:
    r"""Every quantity of every speech (see the module doc for the columns).

    ``processes > 1`` extracts on that many processes; the result is identical.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> an.numeric_targets(sp)[['speech', 'surface']].values.tolist()
    [[1, '5%左右']]
    """
    rows = map_speeches(_extract, working_texts(speeches), processes=processes, indicators=indicator_table())
    frame = pd.DataFrame(rows, columns=NUMERIC_COLUMNS)
    frame = original_surfaces(frame, speeches)  # a Traditional text's figures as written
    frame["value"] = frame["value"].astype(float)
    frame["value_max"] = frame["value_max"].astype(float)
    frame["masked"] = frame["masked"].astype(bool)
    frame["year"] = _resolved_years(frame, speeches)
    return frame.sort_values(["speech", "start"], kind="mergesort").reset_index(drop=True)


def _document_years(speeches: pd.DataFrame) -> dict:
    """Each speech's year: from its date, else from a year in its title."""
    years = {}
    for r in speeches.to_dict("records"):
        date, title = r.get("date"), r.get("title")
        m = re.match(r"(\d{4})", date) if isinstance(date, str) else None
        m = m or (re.search(r"((?:19|20)\d{2})", title) if isinstance(title, str) else None)
        years[r["speech"]] = int(m.group(1)) if m else None
    return years


def _resolved_years(frame: pd.DataFrame, speeches: pd.DataFrame) -> pd.Series:
    """Explicit years as they are; relative ones (0 this year, -1 last) against the document's year."""
    doc = _document_years(speeches)
    out = []
    for speech, year in zip(frame["speech"], frame["year"]):
        if year is None or year != year:
            out.append(None)
        elif year > 1900:
            out.append(int(year))
        else:
            out.append(doc[speech] + int(year) if doc.get(speech) else None)
    return pd.Series(out, index=frame.index, dtype="Int64")


def extract_numbers(text: str) -> pd.DataFrame:
    """:func:`numeric_targets` of one piece of text (speech 1).

    >>> import analysis as an
    >>> an.extract_numbers('投资增长5%左右，达到120亿元。')[['surface', 'value', 'unit']].values.tolist()
    [['5%左右', 5.0, '%'], ['120亿元', 120.0, '亿元']]
    """
    return numeric_targets(pd.DataFrame({"speech": [1], "text": [text]}))


#: An indicator that ends in one of these names a measure (增长率, 投资额, 总值 ...).
