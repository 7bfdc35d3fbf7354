"""A short name for every speech, for tables and figures (the ``label`` column).

The place the speech belongs to, where a metadata column (``province``, ``省份`` …), the file
name, the title or the speaker's office names one (上海, 内蒙古, 杭州, 萧县); else the party congress the title
says it was given at, as readers name it (十二大); else the speaker's name; else a
short form of the title (the occasion of ``在…上的讲话``); else the name of the file, when the
file holds that document alone; else 第N篇.  When the corpus
spans several years, a dated document's label carries its year (``2024``, or
``2024 上海``).  Labels are distinct within a corpus (a repeated one gets its year,
else the speech number) and never empty or invisible.
"""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from ..chinese import HAN, congress_name, is_masked_name, visible
from .catalogue import PLACE, is_named

#: Provincial-level divisions, as their full names begin (the short form is the label).
PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
    "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
    "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
)
_PROVINCE = re.compile("(" + "|".join(sorted(PROVINCES, key=len, reverse=True)) + ")")
# 杭州市 / 萧县 / 浦东新区 / 延边州: a name of two to four characters before its level
_PLACE = re.compile(rf"([{HAN}]{{1,4}}?)(市|县|新区|区|自治州|州|盟|旗)(?=[{HAN}]|$)(?!帜|号|舰|手)")
#: Characters that make ``X市`` a phrase (全市, 本县, 各区, 城市), not a place.
_NOT_A_PLACE = set("全本各该我此其在城地省市县区乡镇村级和与及的副")
_OCCASION = re.compile(r"在(.{2,24}?)(?:会议|大会)?上的(?:讲话|致辞|发言|报告|总结讲话|动员讲话)")
MAX_LABEL = 12


def place_labels(labels) -> tuple[str, ...]:
    """The labels that are place names (上海, 杭州), each once, in order.

    >>> place_labels(["上海", "2024 习近平", "浙江", "上海"])
    ('上海', '浙江')
    """
    return tuple(dict.fromkeys(x for x in labels if place_of(x) == x))


def place_of(*texts: str | None) -> str | None:
    """The first province, city or county named in ``texts`` (short form), else None.

    >>> place_of("2026_内蒙古自治区_政府工作报告"), place_of(None, "杭州市市长"), place_of("在全市推进会上的讲话")
    ('内蒙古', '杭州', None)
    """
    texts = [t for t in texts if isinstance(t, str)]
    for text in texts:  # a province anywhere wins over a city named first
        m = _PROVINCE.search(text)
        if m:
            return m.group(1)
    for text in texts:
        for m in _PLACE.finditer(text):
            name, level = m.groups()
            if not set(name) & _NOT_A_PLACE and not name.endswith("自治"):
                return name if level == "市" and len(name) >= 2 else name + level
    return None


def _place_columns(row: dict) -> list:
    """The values of the row's metadata columns that name a place (:data:`.catalogue.PLACE`)."""
    return [v for k, v in row.items() if is_named(k, PLACE)]


def _short_title(title: str | None) -> str | None:
    if not isinstance(title, str) or not title.strip():
        return None
    m = _OCCASION.search(title)
    short = m.group(1) if m else title.strip()
    return short if len(short) <= MAX_LABEL else short[:MAX_LABEL - 1] + "…"


def _label(row, own_file: bool = False) -> str:
    path = re.sub(r"\.[^.]+$", "", row.get("file") or "")  # 浙江/2024年报告: a subfolder may name the place
    stem = path.rsplit("/", 1)[-1]
    place = place_of(*_place_columns(row), row.get("role"), row.get("title"), path)
    if place:
        return place
    congress = congress_name(row.get("title")) if isinstance(row.get("title"), str) else None
    if congress:  # 胡耀邦 gave one report, 江泽民 three: the congress names each
        return congress
    speaker = row.get("speaker")
    if isinstance(speaker, str) and visible(speaker) and not is_masked_name(speaker):
        return visible(speaker)
    title = visible(_short_title(row.get("title")) or "")
    if title or not own_file:
        return title or None
    return visible(_short_title(stem) or "") or None  # the name the user gave the file says more than 第N篇


def _year(row) -> str:
    year = row.get("year")
    if year is None or year is pd.NA or (isinstance(year, float) and pd.isna(year)):
        date = row.get("date")
        return date[:4] if isinstance(date, str) and date[:4].isdigit() else ""
    return str(int(year))


def _with_years(labels: list[str | None], years: list[str], numbers: list[int]) -> list[str]:
    """Over several years, a dated document's label carries its year: the year alone when every
    document has the same label (政府工作报告 of 52 years) or none, else before the label.
    A document with neither label nor year is 第N篇; a label that holds its year is not given it again.

    >>> _with_years(["1921", "1921_2", "上海"], ["1921", "1921", "2024"], [1, 2, 3])
    ['1921', '1921_2', '2024 上海']
    """
    if len({y for y in years if y}) < 2:
        years = ["" if lab else y for lab, y in zip(labels, years)]  # one year: it names only the unnamed
    same = len(set(labels)) <= 1  # every document would have the one label (政府工作报告): the year says it all
    out = []
    for lab, y, n in zip(labels, years, numbers):
        if y and (same or not lab):
            out.append(y)
        elif y and y in lab:  # 1921.txt, 2024年政府工作报告: the label says its year already
            out.append(lab)
        else:
            out.append(f"{y} {lab}" if y else lab or f"第{n}篇")
    return out


def speech_labels(speeches: pd.DataFrame) -> pd.Series:
    r"""The ``label`` of every speech (see the module doc), distinct within the frame.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> an.speech_labels(sp).tolist()
    ['全市招商', '项目推进会']
    """
    rows = speeches.to_dict("records")
    years = [_year(r) for r in rows]
    files = pd.Series([r.get("file") for r in rows], dtype=object)
    # a file of one document, not a row of a table (FILE:N): its name can stand for the document
    own = (files.map(files.value_counts()) == 1) & ~files.fillna(":").str.contains(":", regex=False)
    labels = _with_years([_label(r, o) for r, o in zip(rows, own.tolist())], years, [r["speech"] for r in rows])
    seen, with_year = Counter(labels), Counter(zip(labels, years))  # counted once: a corpus may have 100,000 rows
    for k, r in enumerate(rows):
        if seen[labels[k]] > 1:
            year = years[k]
            same_year = with_year[labels[k], year]
            labels[k] += f" {year}" if year and same_year == 1 and year not in labels[k] else f" #{r['speech']}"
    return pd.Series(labels, index=speeches.index, name="label", dtype=object)
