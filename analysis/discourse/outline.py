"""The numbered outline of each speech: 一、 / （一） / 1、 / 第一个 / 第一条 / 一是 ...

Levels follow the order in which marker styles appear, as nesting works in
Chinese documents: the first style met is level 1, a new style met inside it is
level 2, and a style met again closes the deeper levels.  A marker that breaks its
own sequence but continues a shallower one (speech 1 of the seed numbers its third
part 第三条 instead of 第三个) is placed where the numbering says and reported in
``note``.

Columns of :func:`outline`: ``speech``, ``level``, ``marker`` (as written),
``marker_type``, ``number``, ``heading`` (without its marker), ``start``, ``end``
(offsets of the heading in the speech text), ``inline`` (an enumeration inside a
paragraph, such as 一是), ``note``.
"""
from __future__ import annotations

import re

import pandas as pd

from ..chinese import chinese_number

_N = r"[一二三四五六七八九十]{1,3}"
_D = r"\d{1,2}"
MARKERS = [
    ("paren_cn", re.compile(rf"^[（(]({_N})[）)]\s*")),
    ("paren_ar", re.compile(rf"^[（(]({_D})[）)]\s*")),
    ("cn_dun", re.compile(rf"^({_N})[、．.]\s*")),
    ("ar_dun", re.compile(rf"^({_D})(?:[、．]|\.(?!\d))\s*")),
    ("di_ge", re.compile(rf"^第({_N}|{_D})个[，,、：:\s]\s*")),
    ("di_tiao", re.compile(rf"^第({_N}|{_D})条[，,、：:\s]\s*")),
    ("di_dian", re.compile(rf"^第({_N}|{_D})(?:点|部分|方面)[，,、：:\s]\s*")),
]
_INLINE_SHI = re.compile(rf"(?:^|(?<=[。；：:！？]))({_N})是")
# 这是第一条，就是要凭优势招商 — a point named at the end of the paragraph that makes it
_INLINE_DI = re.compile(rf"这是第({_N})(个|条)[，,]就是(要)?")
_OPENERS = re.compile(r"(近些年来|近年来|今年以来|长期以来|多年来|当前|目前|去年以来|随着|同志们)")
_FAMILY = {"di_ge": "di", "di_tiao": "di", "di_dian": "di"}


def _heading_text(para: str, body_start: int) -> int:
    """End offset (in ``para``) of a heading that opens a paragraph."""
    rest = para[body_start:]
    stop = re.search(r"[。！？；]", rest)
    end = stop.start() if stop else len(rest)
    if end > 40:
        # a heading run into its paragraph without a break: cut before a paragraph opener
        m = _OPENERS.search(rest, 6, 60)
        comma = re.search(r"[，,]", rest[:25])
        end = m.start() if m else (comma.start() if comma else 40)
    return body_start + end


OUTLINE_COLUMNS = ["speech", "level", "marker", "marker_type", "number", "heading", "start", "end", "inline", "note"]


def outline(speeches: pd.DataFrame) -> pd.DataFrame:
    """One row per heading of every speech (see the module doc)."""
    rows = []
    for speech, text in zip(speeches["speech"], speeches["text"]):
        rows += outline_rows(text, speech)
    return pd.DataFrame(rows, columns=OUTLINE_COLUMNS)


def outline_rows(text: str, speech) -> list[dict]:
    """The headings of one speech's text as rows (the columns of :func:`outline`); used
    speech by speech, so also by the slogan finder."""
    rows: list[dict] = []
    stack: list[str] = []  # marker types, outermost first
    last_number: dict[str, int] = {}
    pos = 0
    for para in text.split("\n"):
        p_start = pos
        pos += len(para) + 1
        stripped = para.lstrip()
        lead = len(para) - len(stripped)
        found = None
        for mtype, rx in MARKERS:
            m = rx.match(stripped)
            if m:
                found = (mtype, m)
                break
        if found:
            mtype, m = found
            number = chinese_number(m.group(1))
            note = ""
            if mtype in stack:
                expected = last_number.get(mtype, 0) + 1
                if number != expected:
                    # does it continue a shallower sequence of the same family?
                    for outer in stack[:stack.index(mtype)]:
                        if _FAMILY.get(outer) == _FAMILY.get(mtype) and last_number.get(outer, 0) + 1 == number:
                            note = f"numbered {m.group(0).strip('，,、：: ')} where the {outer} sequence expects {number}"
                            mtype = outer
                            break
                del stack[stack.index(mtype) + 1:]
            else:
                stack.append(mtype)
            for deeper in list(last_number):
                if deeper not in stack:
                    last_number.pop(deeper)
            last_number[mtype] = number
            level = stack.index(mtype) + 1
            h_start = lead + m.end()
            h_end = _heading_text(para, h_start)
            heading = para[h_start:h_end].strip("，,：: ")
            rows.append({"speech": speech, "level": level, "marker": m.group(0).strip(), "marker_type": mtype,
                         "number": number, "heading": heading, "start": p_start + lead, "end": p_start + h_end,
                         "inline": False, "note": note})
        base_level = len(stack)
        for m in _INLINE_SHI.finditer(para):
            stop = re.search(r"[。；！？]", para[m.end():])
            end = m.end() + (stop.start() if stop else len(para) - m.end())
            if end - m.end() > 60 or end == m.end():
                continue
            rows.append({"speech": speech, "level": base_level + 1, "marker": m.group(0), "marker_type": "shi",
                         "number": chinese_number(m.group(1)), "heading": para[m.end():end].strip("，,：: "),
                         "start": p_start + m.start(), "end": p_start + end, "inline": True, "note": ""})
        for m in _INLINE_DI.finditer(para):
            stop = re.search(r"[。；！？]", para[m.end():])
            end = m.end() + (stop.start() if stop else len(para) - m.end())
            mtype = "di_tiao" if m.group(2) == "条" else "di_ge"
            if end == m.end() or end - m.end() > 30:
                continue
            level = (stack.index(mtype) + 1) if mtype in stack else base_level + 1
            rows.append({"speech": speech, "level": level, "marker": m.group(0)[2:].rstrip("，,"), "marker_type": mtype,
                         "number": chinese_number(m.group(1)), "heading": para[m.end():end],
                         "start": p_start + m.start() + 2, "end": p_start + end, "inline": True,
                         "note": "point named at the end of its paragraph"})
    rows.sort(key=lambda r: r["start"])
    return rows


def outline_summary(outline_frame: pd.DataFrame) -> pd.DataFrame:
    """Per speech: the number of headings at each level and the depth.

    Columns: ``speech``, ``level``, ``n_headings``, ``depth`` (deepest level of the speech),
    ``n_slips`` (headings whose numbering the source got wrong).
    """
    if outline_frame.empty:
        return pd.DataFrame(columns=["speech", "level", "n_headings", "depth", "n_slips"])
    g = outline_frame.groupby(["speech", "level"]).size().rename("n_headings").reset_index()
    g["depth"] = g["speech"].map(outline_frame.groupby("speech")["level"].max())
    slips = outline_frame[outline_frame["note"].str.startswith("numbered")].groupby("speech").size()
    g["n_slips"] = g["speech"].map(slips).fillna(0).astype(int)
    return g


def assign_sections(tokens: pd.DataFrame, outline_frame: pd.DataFrame, *, level: int = 1) -> pd.DataFrame:
    """Add ``section`` (the number of the enclosing heading at ``level``, 0 before the first)
    and ``section_heading`` to a token table, so any statistic can be grouped by section."""
    out = tokens.copy()
    out["section"] = 0
    out["section_heading"] = ""
    heads = outline_frame[(outline_frame["level"] == level) & ~outline_frame["inline"]]
    for speech, h in heads.groupby("speech"):
        mask = out["speech"] == speech
        starts = h["start"].to_numpy()
        idx = starts.searchsorted(out.loc[mask, "start"].to_numpy(), side="right") - 1
        numbers = h["number"].to_numpy()
        texts = h["heading"].to_numpy()
        out.loc[mask, "section"] = [int(numbers[i]) if i >= 0 else 0 for i in idx]
        out.loc[mask, "section_heading"] = [texts[i] if i >= 0 else "" for i in idx]
    return out
