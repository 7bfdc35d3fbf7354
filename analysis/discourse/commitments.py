"""What a number commits to: its indicator, its bound, the direction and kind of change, its
year, its role.  Every annotation of a quantity is decided here, in one place.

Applied to the rows of :func:`analysis.numeric_targets` speech by speech, with the text
around each number:

* ``bound``: ``about`` (左右, 约, 近, 上下, 几), ``at_least`` (以上, 超过, 不低于, 不少于,
  多, 余), ``at_most`` (以内, 以下, 不超过, 不到, 不足, 控制在…以内), ``range`` (5%—5.5%,
  30-40个亿), else ``exact``.
* ``direction``: ``down`` after 下降 / 降低 / 减少 / 回落 / 下跌 / 缩小, ``up`` after 增长 /
  提高 / 增加 / 上涨 / 扩大 / 提升, else empty.  A written minus sign stays in ``value``.
* ``change``: ``growth`` (a rate of change: 增长 / 增速 / 涨幅 / 提高 / 下降 X%), ``share``
  (占…比重 / 比例), else ``level`` (失业率5.5%, 新增就业50万人).
* ``role`` by scope, then by cue words: every number of a list introduced by 主要预期目标是 /
  主要目标是 / 目标是 is a ``target`` to the end of its paragraph; a number in a review
  section (a heading or paragraph opening 过去一年, 回顾, 去年) is an ``actual`` unless a
  target cue stands right before it; elsewhere the cue words just before it decide
  (:func:`cued_role`).
* ``indicator``: what it measures, named by its clause (:func:`indicator_before`), trimmed of
  the verbs around it (:func:`clean_indicator`), and normalised by ``data/dict/indicators.tsv``.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

from ..caches import cached, content_key
from ..chinese import (
    ANY_PLAN,
    CLAUSE_END,
    CN_SMALL,
    CN_YEAR,
    CUE_CLAUSE_BREAKS,
    HAN,
    PLAN_FIRST_CHARS,
    SENTENCE_BREAKS,
    SHORT_LINE,
    YEAR_DIGITS,
    offsets_of,
    plan_years,
)

_ABOUT = re.compile(r"(左右|上下)$")
_AT_LEAST = re.compile(r"(以上|多|余)$")
_AT_MOST = re.compile(r"(以内|以下)$")
_NOT_BELOW = re.compile(r"(不低于|不少于)\s*$")  # checked first: 不低于 ends in 低于, 不超过 in 超过
_NOT_ABOVE = re.compile(r"(不超过|不高于|不多于|不到|不足)\s*$")
_BEFORE_AT_LEAST = re.compile(r"(超过|逾|突破|超)\s*$")
_BEFORE_AT_MOST = re.compile(r"(控制在|低于)\s*$")
_BEFORE_ABOUT = re.compile(r"(约|大约|近|将近|接近)\s*$")
_DOWN = re.compile(r"(下降|降低|减少|回落|下跌|缩小|压减|降至|降到)[了到至]?\s*$")
_UP = re.compile(r"(增长|提高|增加|上涨|扩大|提升|增速|涨幅|增幅|达到|突破)[了到至为]?\s*$")
# a rate of change (提高5%), never a level reached (提高到55%, 下降至5%: 到 and 至 say what it comes to);
# a rate named as one is one whatever verb brings it to its figure (增速提高到6%, 涨幅控制在3%左右)
_GROWTH = re.compile(r"(?:(增长|增速|涨幅|增幅|提高|下降|降低|减少|上涨|回落)[了为]?"
                     r"|(?:增速|涨幅|增幅|增长率)[^，。；\d%％]{0,5})\s*$")
_SHARE = re.compile(r"(占[^，。；]{0,20}(比重|比例)?|比重|比例)"
                    r"(?:[达到为是]|(?:提高|提升|上升|下降|降低|增加|减少)[到至])*\s*$")
# Where a list of targets starts (主要预期目标是：, 目标是).  The first character is taken by a class and each
# alternative checks it behind: a pattern that opens on a class lets the regex engine skip in C to where
# one stands, three times faster on a long text than a lookahead tried at every character.
_TARGET_LIST = re.compile(r"[主预目](?:(?:(?<=主)要预期目标|(?<=主)要目标|(?<=预)期目标|(?<=目)标任务)"
                          r"(?:建议)?(?:是|为)[：:]|(?<=目)标是[：:]?)")
_TARGET_CUE = re.compile(r"(确保|力争|争取|要|将|预期|目标|计划|预计)[^，。；]{0,12}$")
_FIRM_TARGET = re.compile(r"(确保|力争|争取|目标)[^，。；]{0,16}$")  # a commitment, whatever verb follows
_INDICATOR_TAIL = re.compile(r"(增长|增加|增速|涨幅|增幅|提高|下降|降低|减少|达到|完成|实现|控制在|控制|保持|分别"
                             r"|突破|超过|首次|翻番|稳定在|稳定|负|为|是|在|再|确保|力争|争取|(?<![重主需纲])要)+$")
_INDICATOR_HEAD = re.compile(r"^(左右|以上|以内|确保|力争|争取|全年|完成|实现|今年|去年|其中|我们|和|及|与|要|将"
                             r"|使(?!用)|全市|全省|全区|全县|全国)+")
_PERCENT_KINDS = ("percent", "percentage_point")
# the base a change is measured from (同比, 比上年, 较2020年) and the change's verb: never part of what is measured
_COMPARISON_BASE = (rf"(?:同比|环比|(?:比|较)(?:上年同期|上年|去年|上一年|同期|年初|{YEAR_DIGITS}年|{CN_YEAR}年))"
                    r"(?:分别)?(?:增长|增加|提升|提高|下降|减少|降低|增|减)?了?")
#: An indicator that is a share of a total: 民间投资占比, 增加值占地区生产总值比重.
_SHARE_WORDS = ("比重", "比例", "份额")
_SHARE_OF = re.compile(rf"占比|(?:占|相当于).*(?:{'|'.join(_SHARE_WORDS)})")
_SHARE_CUE = re.compile(r"占|相当于")  # in an indicator pattern: it names a share
_BASE_AT_END = re.compile(rf"{_COMPARISON_BASE}$")
# only a base between two figures (营收达到8400亿元、同比增长7%): the second measures what the first does
# (the first figure's unit where the pattern of figures does not take it: 36.2微克/立方米、同比下降5%)
_BASE_ONLY = re.compile(rf"[^，。；、\s]{{0,8}}\s*[、，,]\s*{_COMPARISON_BASE}(?:约|近)?$")
# only a verb of reaching after a figure's unit: the figure after it is the level the change before came to
_REACHING_ONLY = re.compile(r"[^，。；、\s]{0,8}\s*[，,]\s*(?:稳步|逐步|有望|将)?"
                            r"(?:达到|达|升至|增至|降至|提高到|提升到|增长到|增加到|下降到)了?(?:约|近)?$")
_EXPLICIT_YEAR = re.compile(r"(20\d{2})年")
# a part of the year already past when it is reported: its figures are results, not commitments
# (1-2月, 一至三月, 一季度, 上半年, 前三季度, 前十个月; the first character taken by a class, as above)
_PART_OF_YEAR = re.compile(rf"([\d{CN_SMALL}上前](?:(?<=\d)\d?\s*[-至到~]\s*\d{{1,2}}月"
                           rf"|(?<=[{CN_SMALL}])[{CN_SMALL}]?至[{CN_SMALL}]{{1,2}}月|(?<=[一二三四])季度|(?<=上)半年"
                           rf"|(?<=前)三季度|(?<=前)[{CN_SMALL}]{{1,2}}个月))")
_PART_OF_YEAR_ENDS = ("月", "季度", "半年")  # what every part of a year above ends with
# 城镇和农村居民人均可支配收入分别增长4.3%、5.5%: one indicator per figure
_RESPECTIVELY = re.compile(rf"(?P<a>[{HAN}]{{1,6}})(?:和|与)(?P<b>[{HAN}]{{3,20}}?)分别")
_RELATIVE_YEAR = {"今年": 0, "本年": 0, "全年": 0, "明年": 1, "去年": -1, "上年": -1, "上一年": -1}


def bound_of(row: dict, before: str) -> str:
    """The bound of one quantity from its approximation word and the words before it."""
    if row["value_max"] == row["value_max"] and row["value_max"] != row["value"]:
        return "range"
    approx = row["approx"] or ""
    if _NOT_BELOW.search(before):
        return "at_least"
    if _NOT_ABOVE.search(before) or approx in ("不到", "不足") or (approx in ("超过", "超") and before.endswith("不")):
        return "at_most"
    if _ABOUT.search(approx):  # 控制在5.5%左右 is about 5.5%, not at most
        return "about"
    if _AT_MOST.search(approx) or _BEFORE_AT_MOST.search(before):
        return "at_most"
    if _AT_LEAST.search(approx) or _BEFORE_AT_LEAST.search(before) or approx in ("超过", "超", "逾"):
        return "at_least"
    if _ABOUT.search(approx) or _BEFORE_ABOUT.search(before) or approx in ("约", "大约", "近", "将近", "几"):
        return "about"
    return "exact"


def _clause_before(text: str, start: int) -> str:
    a = max(text.rfind(c, 0, start) for c in "，。；：\n")
    return text[a + 1:start]


_LEVEL_ONE = re.compile(rf"^\s*[{CN_SMALL}]+、")
_REVIEW_HEADING = re.compile(r"回顾|过去一年|过去五年|工作总结")
_REVIEW_OPENING = re.compile(r"^\s*(过去一年|过去五年|去年|一年来)")


def _review_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of the text that review the past: a level-1 section whose heading reviews
    (一、2025年工作回顾) to the next level-1 heading, and a paragraph opening 过去一年 / 去年."""
    spans, pos, begin = [], 0, None
    for line in text.split("\n"):
        if _LEVEL_ONE.match(line) and len(line) <= SHORT_LINE:
            if begin is not None:
                spans.append((begin, pos))
                begin = None
            if _REVIEW_HEADING.search(line):
                begin = pos
        elif begin is None and _REVIEW_OPENING.match(line):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    if begin is not None:
        spans.append((begin, len(text)))
    return spans


@lru_cache(maxsize=8)
def sentence_starts(text: str) -> list[int]:
    """Offsets just after each sentence end of ``text`` (computed once per text, for the quantities
    and their annotations alike)."""
    return offsets_of(text, SENTENCE_BREAKS, after=True)


class _Marks:
    """Where one speech's paragraphs, clauses and sentences start, and where its cue words
    stand, found once: each quantity then looks its context up by bisection."""

    def __init__(self, text: str):
        self.text = text
        self.paragraphs = [0] + offsets_of(text, "\n", after=True)
        self.clauses = offsets_of(text, CUE_CLAUSE_BREAKS, after=True)
        self.sentences = sentence_starts(text)  # the sentences the rows report
        self.lists = [(m.start(), True) for m in _TARGET_LIST.finditer(text)]
        self.years = [(m.start(), int(m.group(1))) for m in _EXPLICIT_YEAR.finditer(text)]
        words = "|".join(_RELATIVE_YEAR)
        self.relative = [(m.start(), _RELATIVE_YEAR[m.group(0)]) for m in re.finditer(words, text)]
        self.reviews = _review_spans(text)
        self._periods: dict[int, tuple[list, list]] = {}

    def period(self, s0: int, at: int) -> str:
        """The span the sentence starting at ``s0`` names before ``at``: its last plan (十五五 is
        2026-2030), else its last part of a year (1至5月).  A sentence is read when a quantity in it
        asks, not the whole text: plans and months match at every numeral."""
        if s0 not in self._periods:
            k = bisect.bisect_right(self.sentences, s0)
            end = self.sentences[k] if k < len(self.sentences) else len(self.text)
            self._periods[s0] = (self._plans(s0, end), self._parts_of_year(s0, end))
        plans, parts = self._periods[s0]
        return self.latest(plans, s0, at) or self.latest(parts, s0, at) or ""

    def _plans(self, s0: int, end: int) -> list[tuple[int, str]]:
        text = self.text
        if all(text.find(c, s0, end) < 0 for c in PLAN_FIRST_CHARS):
            return []
        return [(m.start(), "{}-{}".format(*plan_years(m))) for m in ANY_PLAN.finditer(text, s0, end)]

    def _parts_of_year(self, s0: int, end: int) -> list[tuple[int, str]]:
        text = self.text
        if all(text.find(w, s0, end) < 0 for w in _PART_OF_YEAR_ENDS):
            return []
        return [(m.start(), m.group(1)) for m in _PART_OF_YEAR.finditer(text, s0, end)]

    @staticmethod
    def last_before(starts: list[int], at: int) -> int:
        """The last start at or before ``at`` (a mark right before a figure counts)."""
        k = bisect.bisect_right(starts, at)
        return starts[k - 1] if k else 0

    @staticmethod
    def latest(marks: list[tuple[int, object]], lo: int, hi: int):
        """The value of the last mark in [lo, hi), else None."""
        k = bisect.bisect_left(marks, (hi,)) - 1
        return marks[k][1] if k >= 0 and marks[k][0] >= lo else None


def annotate(text: str, rows: list[dict], *, indicators: IndicatorTable | None = None) -> list[dict]:
    """``rows`` (one speech's quantities) with bound, direction, change, year, period and a scoped role;
    ``indicators`` names them (default :func:`indicator_table`: a corpus reads it once, not per speech)."""
    marks, prev = _Marks(text), None
    for r in rows:
        start = r["start"]
        before = text[marks.last_before(marks.clauses, start):start]
        r["bound"] = bound_of(r, before)
        r["direction"] = "down" if _DOWN.search(before) or r["value"] < 0 else ("up" if _UP.search(before) else "")
        r["change"] = _change(r["kind"], before)
        p0 = marks.last_before(marks.paragraphs, start)
        listed = marks.latest(marks.lists, p0, start)
        in_review = any(a <= start < b for a, b in marks.reviews)
        if (listed or _FIRM_TARGET.search(before)) and r["kind"] not in ("date", "rank"):
            r["role"] = "target"
        elif in_review and not _TARGET_CUE.search(before):
            r["role"] = "actual" if r["role"] != "comparison" else r["role"]
        r["year"] = _year(marks, r, p0, in_review)
        s0 = marks.last_before(marks.sentences, start)
        r["period"] = marks.period(s0, start)
        if r["kind"] in ("date", "year"):
            r["role"] = "other"  # a date (确保6月底前) is when, not what: it commits to nothing itself
        elif _PART_OF_YEAR.fullmatch(r["period"]) and r["role"] != "comparison" and not _FIRM_TARGET.search(before):
            r["role"] = "actual"
        r["indicator"] = clean_indicator(r["indicator"])
        if not r["indicator"] and prev is not None and prev["end"] > s0 and _continues(text, prev, r):
            r["indicator"] = prev["indicator"]
        prev = r if r["kind"] not in ("date", "year") else prev  # 九万亿元，比一九八九年增长近两倍: past the base
    _respectively(text, rows)
    table = indicators or indicator_table()
    for r in rows:
        r["indicator_norm"] = table.name_of(r["indicator"])
    return rows


def _continues(text: str, prev: dict, r: dict) -> bool:
    """Whether quantity ``r`` measures what ``prev``, before it in its sentence, does: only a base lies
    between them (营收达到8400亿元、同比增长7%), or a verb of reaching after a change of the same kind
    (城镇化率提高十一点六个百分点，达到百分之六十四点七; 总量增加500亿元，达到8400亿元)."""
    if _BASE_ONLY.match(text, prev["end"], r["start"]):
        return True
    same = prev["kind"] == r["kind"] or (prev["kind"], r["kind"]) == ("percentage_point", "percent")
    return same and _REACHING_ONLY.match(text, prev["end"], r["start"]) is not None


def _change(kind: str, before: str) -> str:
    if kind in _PERCENT_KINDS and _GROWTH.search(before):
        return "growth"
    if kind in _PERCENT_KINDS and _SHARE.search(before):
        return "share"
    return "level"


def _year(marks: _Marks, row: dict, paragraph_start: int, in_review: bool):
    """The year a quantity belongs to: the last explicit year before it in its paragraph, or a
    relative one (今年 0, 去年 -1, 明年 +1, resolved against the document's date later),
    or -1 in a review section and 0 for a target; None for dates and unknowns."""
    if row["kind"] in ("date", "year"):
        return None
    explicit = marks.latest(marks.years, paragraph_start, row["start"])
    if explicit is not None:
        return explicit
    relative = marks.latest(marks.relative, paragraph_start, row["start"])
    if relative is not None:
        return relative
    if in_review:
        return -1
    return 0 if row["role"] == "target" else None


def _respectively(text: str, rows: list[dict]) -> None:
    """X和Y…分别增长a、b: a belongs to X…, b to Y… ."""
    for k in range(len(rows) - 1):
        first, second = rows[k], rows[k + 1]
        if text[first["end"]:second["start"]] not in ("、", "和", "，"):
            continue
        m = _RESPECTIVELY.search(_clause_before(text, first["start"]))
        if m and len(m.group("b")) > len(m.group("a")):
            # 城镇 | 农村居民人均可支配收入: the shared head follows the second alternative
            a, b = m.group("a"), m.group("b")
            first["indicator"] = clean_indicator(a + b[len(a):])
            second["indicator"] = clean_indicator(b)


_BY_YEAR = re.compile(rf"(?:{YEAR_DIGITS}|{CN_YEAR})年(?:底|末|前)?(?:要|将|力争|争取)?$")  # the year a level is due
_NOT_A_WORD = "］]）)】〕」』”’、，,：:；;"  # what an indicator never starts with (a note's mark: ［2］占GDP比重)
# a figure before the indicator, with its unit or the part of a date it names (2025年全市地区生产总值: 2025年
# goes); never digits a Latin letter touches, which are part of a name (PM2.5年均浓度, 5G基站, G60科创走廊)
_NAME_CHAR = r"A-Za-zＡ-Ｚａ-ｚ\d０-９"  # a letter or digit: what a figure inside a name touches
_AFTER_FIGURE = re.compile(rf"(?<![{_NAME_CHAR}.．])[\d０-９]+(?:[.．][\d０-９]+)?(?![{_NAME_CHAR}])"
                           r"\s*(?:年度|年(?!均)|月份|月末|月底|月|日)?"
                           r"[%％个万亿元]*[、，]?")


def clean_indicator(indicator: str) -> str:
    """The noun phrase an indicator names, without the verbs around it.

    >>> clean_indicator("确保全年完成固定资产投资"), clean_indicator("地区生产总值增长")
    ('固定资产投资', '地区生产总值')
    >>> clean_indicator("技术合同成交额突破"), clean_indicator("本外币贷款余额首次突破")
    ('技术合同成交额', '本外币贷款余额')
    >>> clean_indicator("2025年全市地区生产总值"), clean_indicator("１２月末全省贷款余额")
    ('地区生产总值', '贷款余额')
    >>> clean_indicator("PM2.5年均浓度"), clean_indicator("新建5G基站")
    ('PM2.5年均浓度', '新建5G基站')
    >>> clean_indicator("优良天数比例同比提升"), clean_indicator("城乡居民收入比2020年增长"), clean_indicator("同比")
    ('优良天数比例', '城乡居民收入', '')
    """
    # never the base it is compared with (城乡居民收入比2020年增长 is 城乡居民收入), nor a fragment of
    # the figure before it (…增长4.3%、 or 6个 cut from 106个)
    indicator = indicator or ""
    verbless = _INDICATOR_TAIL.sub("", indicator) if "比" in indicator or "较" in indicator else ""
    base = _BASE_AT_END.search(verbless) if verbless else None  # every base holds 比 or 较
    indicator = _AFTER_FIGURE.split(verbless[:base.start()] if base else indicator)[-1].lstrip(_NOT_A_WORD)
    cut = _INDICATOR_HEAD.sub("", _INDICATOR_TAIL.sub("", indicator))
    return cut if len(cut) >= 2 else indicator


class IndicatorTable:
    """The normalised indicator names and their patterns, in order, and the name each indicator
    was given (kept: a corpus's reports name the same indicators again and again)."""

    def __init__(self, rows: tuple[tuple[str, re.Pattern], ...]):
        self.rows = rows
        self._names: dict[str, str] = {}
        self._any = _any_of([rx for _, rx in rows])
        self.share_rows = tuple((n, rx) for n, rx in rows if _SHARE_CUE.search(rx.pattern))

    def name_of(self, indicator: str) -> str:
        """The name of the first pattern that matches ``indicator``, else empty.  A share is named only
        by a pattern written for a share (one that holds 占 or 相当于): it is neither its part nor its whole.

        >>> table = indicator_table()
        >>> table.name_of("地区生产总值"), table.name_of("数字经济增加值占GDP比重"), table.name_of("民间投资占比")
        ('gdp', '', '')
        >>> table.name_of("全社会研发经费支出相当于全市生产总值的比例")
        'rd_intensity'
        """
        name = self._names.get(indicator)
        if name is None:
            if len(self._names) > 65_536:  # bounded whatever the corpus
                self._names.clear()
            text = indicator or ""
            # most indicators match no pattern: one search says so, where each pattern was asked in turn;
            # a share of a total is neither the part nor the total (增加值占地区生产总值比重 is not GDP)
            share = _SHARE_OF.search(text) is not None
            rows = self.share_rows if share else self.rows
            name = "" if not share and self._any is not None and not self._any.search(text) else next(
                (n for n, rx in rows if rx.search(text)), "")
            self._names[indicator] = name
        return name


def _any_of(patterns: list[re.Pattern]) -> re.Pattern | None:
    """One pattern that matches where any of ``patterns`` does (None when they cannot be joined:
    flags of their own, or group names or numbers that joining would change)."""
    if not patterns or any(p.groups or p.flags & ~re.UNICODE for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))
    except re.error:
        return None


def indicator_table(path: str | None = None) -> IndicatorTable:
    """The normalised indicator names of ``data/dict/indicators.tsv`` (or ``path``, or
    ``$ANALYSIS_INDICATORS``), in order: the first pattern that matches names the indicator.
    Read again whenever the table changes."""
    from .. import config

    source = Path(path) if path else config.INDICATORS
    return _indicator_table(str(source), content_key(source))


@cached(maxsize=4)
def _indicator_table(source: str, _content: str) -> IndicatorTable:
    rows = []
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, pattern = line.split("\t", 1)
            rows.append((name.strip(), re.compile(pattern.strip())))
    return IndicatorTable(tuple(rows))


def normalised_indicator(indicator: str, path: str | None = None) -> str:
    """The normalised name of an indicator (gdp, cpi, surveyed_unemployment ...), else empty.

    >>> normalised_indicator("全市生产总值"), normalised_indicator("城镇调查失业率"), normalised_indicator("开会")
    ('gdp', 'surveyed_unemployment', '')
    """
    return indicator_table(path).name_of(indicator)


TARGET_COLUMNS = ["speech", "indicator_norm", "change", "unit", "role", "year", "value", "value_max", "bound",
                  "surface", "n"]


def target_table(numbers, *, top: int | None = None):
    """Targets and results by document and normalised indicator, to compare across documents.

    One row per speech x ``indicator_norm`` x ``change`` x ``unit`` x ``role`` (target or
    actual), holding the first such statement: ``year``, ``value``, ``value_max``, ``bound``,
    ``surface``, and ``n``, how many statements there are.  ``top=N`` keeps the N
    indicators (with their change and unit) that most documents set a target for, in that
    order; rows are sorted by it, then speech, then role.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=("政府工作报告\\n各位代表：\\n"
    ...                                "主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%以内。\\n")).speeches
    >>> an.target_table(an.numeric_targets(sp))[["indicator_norm", "value", "bound"]].values.tolist()
    [['gdp', 5.0, 'about'], ['surveyed_unemployment', 5.5, 'at_most']]
    """
    import pandas as pd

    keys = ["speech", "indicator_norm", "change", "unit", "role"]
    rows = numbers[(numbers["indicator_norm"] != "") & numbers["role"].isin(["target", "actual"]) & ~numbers["masked"]]
    if rows.empty:
        return pd.DataFrame(columns=TARGET_COLUMNS)
    first = rows.groupby(keys, sort=False).head(1).set_index(keys)
    first["n"] = rows.groupby(keys, sort=False).size()
    out = first.reset_index()
    spread = out[out["role"] == "target"].groupby(["indicator_norm", "change", "unit"])["speech"].nunique()
    order = spread.sort_values(ascending=False, kind="mergesort")
    ranked = list(order.index[:top] if top is not None else order.index)
    rank = {k: i for i, k in enumerate(ranked)}
    out["_r"] = [rank.get(k) for k in zip(out["indicator_norm"], out["change"], out["unit"])]
    out = out[out["_r"].notna()].sort_values(["_r", "speech", "role"], kind="mergesort")
    return out[TARGET_COLUMNS].reset_index(drop=True)


# --------------------------------------------------------------------------- a quantity's own clause

_TARGET = re.compile(r"(确保|力争|争取|保持|目标|要|将|计划|预计|突破|实现|达到)")
_ACTUAL = re.compile(r"(完成了?|已|累计|共|仅为|仅|实现了|达到了|拿了|赚了|引进|签约|开工|到位|现在|今年以来|目前)")
# (居 and 排 as in 居全国第3, 排名; not 居民 or 排放: 居民收入增长5% and 碳排放下降3% compare nothing)
_COMPARE = re.compile(r"((?<!占)比(?![重例率])|较|同比|高于|低于|高出|居(?!民)|排(?!放|污)|位居|相当于|增幅)")
_STRIP_TAIL = re.compile(r"((?:位居|居|排)(?:全省|全市|全国|全区)?|仅为|仅有|仅|达到了?|达|为|是|有|共|约|近|超过"
                         r"|完成了?|实现了?|保持|(?:增长|增加|提高|提升|上升|下降|降低|增|降)[到至]|要|的|在|了|：|到|首次突破|突破)+$")

_OF_MEASURE = re.compile(rf"^的([{HAN}]{{2,6}}?)(?=[，。；、]|$)")
_KEEP_VERB_END = re.compile(r"(保持|达到|实现|提出|按照|确保|力争)[的]?\s*$")
# where a change starts (从五十四万亿元, 由6.4张, and 从 or 由 right before the first figure): never what is
# measured (never the 从 of 从事, 从而, 自从, nor the 由 that 理由, 自由 and 缘由 end on)
_FIGURE_CHAR = rf"[\d{CN_SMALL}百千万亿两]"
_FROM_FIGURE = re.compile(rf"(?<=[{HAN}A-Za-z])(?:(?<!自)从(?![事而未来不没严小中头速快紧实政业容])"
                          rf"|(?<![理自缘事来经因])由)(?:[^，。；从由]*{_FIGURE_CHAR}[^，。；从由]*)?$")
_LEADING_FILLER = re.compile(r"^(今年|去年|全市|全县|全省|全区|全州|全国|我们|我(?![国省市区县])|要|就|也|还是|还|已经"
                             r"|一个|这个|那么|所以|但是|稳步|逐步|有望)+")
MAX_INDICATOR = 12  # characters: an indicator longer than this is cut at its front, at a word a list puts apart
_MEASURE_AFTER = re.compile(rf"^[的]?([{HAN}]{{2,8}}?)(?=[，。；、的]|$)")


@lru_cache(maxsize=8)
def _clause_ends(text: str) -> list[int]:
    """Offsets of every clause-ending character of ``text`` (computed once per text)."""
    return offsets_of(text, CLAUSE_END)


_LATIN_MARKS = "._-"  # inside a name in Latin letters and digits: PM2.5, PM_2.5, 5G-A
_LATIN_RUN = re.compile(rf"[A-Za-z0-9{_LATIN_MARKS}]+$")


def _last_chars(text: str, n: int) -> str:
    """The last ``n`` characters of ``text``, a name in Latin letters and digits it would cut kept whole
    (PM2.5年均浓度累计, not M2.5…)."""
    cut = max(0, len(text) - n)
    inside = cut and text[cut].isascii() and (text[cut].isalnum() or text[cut] in _LATIN_MARKS)
    run = _LATIN_RUN.search(text, 0, cut + 1) if inside else None
    return text[run.start() if run else cut:]


def indicator_before(text: str, a: int, b: int) -> str:
    """What the quantity at ``a:b`` measures, as its clause names it before it (or, where the clause
    ends on a verb, the measure after it: 保持…的增速); :func:`clean_indicator` trims it further."""
    window = max(0, a - 80)  # a clause is short: never scan further back than this
    ends = _clause_ends(text)
    k = bisect.bisect_left(ends, a) - 1  # the last clause end before a
    clause_start = max(ends[k] + 1 if k >= 0 else 0, window)
    before = text[clause_start:a]
    after_m = _OF_MEASURE.match(text[b:b + 10])
    if after_m and _KEEP_VERB_END.search(before):
        return after_m.group(1)
    before = _STRIP_TAIL.sub("", before.strip())
    if "从" in before or "由" in before:  # 国内生产总值从五十四万亿元(增长到): 国内生产总值
        before = _FROM_FIGURE.sub("", before)
    by_year = _BY_YEAR.search(before) if "年" in before else None  # 产量2030年(达到): what is due by 2030
    if by_year and by_year.start() >= 2 and not before[:by_year.start()].endswith(("于", "比", "较")):  # 快于2024年
        before = before[:by_year.start()]
    if "的" in before:
        head, tail = before.rsplit("的", 1)
        # 民营经济占全市经济总量的比重: a share keeps what it is a share of
        before = tail if tail not in _SHARE_WORDS else head.rsplit("的", 1)[-1] + "的" + tail
    before = _LEADING_FILLER.sub("", before.rstrip("、").rsplit("、", 1)[-1])  # 6200万亩以上、年度产量: a list's item
    if "比" in before or "较" in before:
        before = _BASE_AT_END.sub("", before)  # 收入比2020年增长: 收入
    if len(before) >= 2:  # a share names two things, its part and its whole: twice the length
        return _last_chars(before, 2 * MAX_INDICATOR if _SHARE_OF.search(before) else MAX_INDICATOR)
    after = text[b:b + 14]
    m = _MEASURE_AFTER.match(after)
    return m.group(1) if m else ""


def cued_role(sentence_before: str, kind: str) -> str:
    """The role the words just before a quantity give it (target, actual, comparison, other);
    :func:`annotate` scopes it by the list or review the quantity stands in."""
    if kind == "rank" or _COMPARE.search(sentence_before[-6:]):
        return "comparison"
    if _TARGET.search(sentence_before[-8:]):
        return "target"
    if _ACTUAL.search(sentence_before[-10:]):
        return "actual"
    return "other"
