"""What a number commits to: its bound, the direction and kind of change, its year, its role.

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
  target cue stands right before it; elsewhere the cue words of the extractor decide.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

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
_GROWTH = re.compile(r"(增长|增速|涨幅|增幅|提高|下降|降低|减少|上涨|回落)[了到至为]?\s*$")
_SHARE = re.compile(r"(占[^，。；]{0,20}(比重|比例)?|比重|比例)[达到为是]*\s*$")
_TARGET_LIST = re.compile(r"(主要预期目标|主要目标|预期目标|目标任务)(?:建议)?(?:是|为)[：:]|目标是[：:]?")
_REVIEW = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?\s*"
                     r"(过去一年|过去五年|\d{4}年工作回顾|工作回顾|回顾|去年)")
_TARGET_CUE = re.compile(r"(确保|力争|争取|要|将|预期|目标|计划|预计)[^，。；]{0,12}$")
_FIRM_TARGET = re.compile(r"(确保|力争|争取|目标)[^，。；]{0,16}$")  # a commitment, whatever verb follows
_INDICATOR_TAIL = re.compile(r"(增长|增速|涨幅|增幅|提高|下降|降低|减少|达到|完成|实现|控制在|保持|为|是|在)+$")
_INDICATOR_HEAD = re.compile(r"^(确保|力争|争取|全年|完成|实现|今年|去年|其中|我们|要|将)+")
_PERCENT_KINDS = ("percent", "percentage_point")
_EXPLICIT_YEAR = re.compile(r"(20\d{2})年")
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


def _paragraph(text: str, start: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return a, (b if b >= 0 else len(text))


def _review_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of the text that review the past: from a review heading or paragraph opening
    to the next level-1 heading (or the next paragraph, for an opening)."""
    spans, pos = [], 0
    lines = text.split("\n")
    starts = []
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    in_review, begin = False, 0
    for k, line in enumerate(lines):
        heading = bool(re.match(r"^\s*[一二三四五六七八九十]+、", line)) and len(line) <= 40
        if heading and in_review:
            spans.append((begin, starts[k]))
            in_review = False
        if _REVIEW.match(line):
            if heading or len(line) <= 40:
                in_review, begin = True, starts[k]
            else:
                spans.append((starts[k], starts[k] + len(line)))
    if in_review:
        spans.append((begin, len(text)))
    return spans


def annotate(text: str, rows: list[dict]) -> list[dict]:
    """``rows`` (one speech's quantities) with bound, direction, change and a scoped role."""
    reviews = _review_spans(text)
    for r in rows:
        before = _clause_before(text, r["start"])
        r["bound"] = bound_of(r, before)
        r["direction"] = "down" if _DOWN.search(before) or r["value"] < 0 else ("up" if _UP.search(before) else "")
        if r["kind"] in _PERCENT_KINDS and _GROWTH.search(before):
            r["change"] = "growth"
        elif r["kind"] in _PERCENT_KINDS and _SHARE.search(before):
            r["change"] = "share"
        else:
            r["change"] = "level"
        p0, _ = _paragraph(text, r["start"])
        listed = _TARGET_LIST.search(text, p0, r["start"])
        in_review = any(a <= r["start"] < b for a, b in reviews)
        if (listed or _FIRM_TARGET.search(before)) and r["kind"] not in ("date", "rank"):
            r["role"] = "target"
        elif in_review and not _TARGET_CUE.search(before):
            r["role"] = "actual" if r["role"] != "comparison" else r["role"]
        r["year"] = _year(text, r, p0, in_review)
        r["indicator"] = clean_indicator(r["indicator"])
        r["indicator_norm"] = normalised_indicator(r["indicator"])
    return rows


def clean_indicator(indicator: str) -> str:
    """The noun phrase an indicator names, without the verbs around it.

    >>> clean_indicator("确保全年完成固定资产投资"), clean_indicator("地区生产总值增长")
    ('固定资产投资', '地区生产总值')
    """
    cut = _INDICATOR_HEAD.sub("", _INDICATOR_TAIL.sub("", indicator or ""))
    return cut if len(cut) >= 2 else (indicator or "")


@lru_cache(maxsize=4)
def indicator_table(path: str | None = None) -> tuple[tuple[str, re.Pattern], ...]:
    """The normalised indicator names of ``data/dict/indicators.tsv`` (or ``path``), in order."""
    from .. import config

    source = Path(path) if path else config.DICT_DIR / "indicators.tsv"
    rows = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, pattern = line.split("\t", 1)
            rows.append((name.strip(), re.compile(pattern.strip())))
    return tuple(rows)


def normalised_indicator(indicator: str, path: str | None = None) -> str:
    """The normalised name of an indicator (gdp, cpi, surveyed_unemployment ...), else empty.

    >>> normalised_indicator("全市生产总值"), normalised_indicator("城镇调查失业率"), normalised_indicator("开会")
    ('gdp', 'surveyed_unemployment', '')
    """
    return next((name for name, rx in indicator_table(path) if rx.search(indicator or "")), "")


def _year(text: str, row: dict, paragraph_start: int, in_review: bool):
    """The year a quantity belongs to: an explicit year before it in its paragraph, or a
    relative one (今年 0, 去年 -1, 明年 +1, resolved against the document's date later),
    or -1 in a review section and 0 for a target; None for dates and unknowns."""
    if row["kind"] in ("date", "year"):
        return None
    before = text[paragraph_start:row["start"]]
    years = _EXPLICIT_YEAR.findall(before)
    if years:
        return int(years[-1])
    relative = [(before.rfind(w), k) for w, k in _RELATIVE_YEAR.items() if w in before]
    if relative:
        return max(relative)[1]
    if in_review:
        return -1
    return 0 if row["role"] == "target" else None
