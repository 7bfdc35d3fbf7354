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

from ..caches import cached
from ..chinese import HEADING_STOP, INLINE_DI, INLINE_SHI, OUTLINE_MARKERS, SHORT_LINE, chinese_number
from ..reading.script import working_texts

MARKERS = OUTLINE_MARKERS
#: An enumerated item inside a paragraph is at most this long: 一是… (a clause) and 这是第一条，就是…
#: (a short one); longer, the marker is not an enumeration.
MAX_SHI_ITEM, MAX_DI_ITEM = 60, 30
_OPENERS = re.compile(r"(近些年来|近年来|今年以来|长期以来|多年来|当前|目前|去年以来|随着|同志们)")
_FAMILY = {"di_ge": "di", "di_tiao": "di", "di_dian": "di"}


def _heading_text(para: str, body_start: int) -> int:
    """End offset (in ``para``) of a heading that opens a paragraph."""
    rest = para[body_start:]
    stop = HEADING_STOP.search(rest)
    end = stop.start() if stop else len(rest)
    if end > SHORT_LINE:
        # a heading run into its paragraph without a break: cut before a paragraph opener
        m = _OPENERS.search(rest, 6, 60)
        comma = re.search(r"[，,]", rest[:25])
        end = m.start() if m else (comma.start() if comma else 40)
    return body_start + end


OUTLINE_COLUMNS = ["speech", "level", "marker", "marker_type", "number", "heading", "start", "end", "inline", "note"]


def outline(speeches: pd.DataFrame) -> pd.DataFrame:
    r"""One row per heading of every speech (see the module doc).

    >>> import analysis as an
    >>> sp = an.read_compilation(text='讲话\n一、抓项目\n要抓开工。\n二、抓招商\n要抓落实。').speeches
    >>> an.outline(sp)[['level', 'heading']].values.tolist()
    [[1, '抓项目'], [1, '抓招商']]
    """
    rows = []
    for speech, text in zip(speeches["speech"], working_texts(speeches)["text"]):
        rows += outline_rows(text, speech)
    return pd.DataFrame(rows, columns=OUTLINE_COLUMNS)


class _Nesting:
    """The marker styles open at a point of the text, outermost first, and their last numbers."""

    def __init__(self):
        self.stack: list[str] = []
        self.last_number: dict[str, int] = {}

    def place(self, mtype: str, number: int, marker: str) -> tuple[str, int, str]:
        """Where a block heading goes: its (possibly corrected) style, its level and a note.

        A style met again closes the deeper ones; a number that breaks its own sequence
        but continues a shallower one of the same family is placed there, with a note."""
        note = ""
        if mtype in self.stack:
            if number != self.last_number.get(mtype, 0) + 1:
                for outer in self.stack[:self.stack.index(mtype)]:
                    if _FAMILY.get(outer) == _FAMILY.get(mtype) and self.last_number.get(outer, 0) + 1 == number:
                        note = f"numbered {marker.strip('，,、：: ')} where the {outer} sequence expects {number}"
                        mtype = outer
                        break
            del self.stack[self.stack.index(mtype) + 1:]
        else:
            self.stack.append(mtype)
        for deeper in list(self.last_number):
            if deeper not in self.stack:
                self.last_number.pop(deeper)
        self.last_number[mtype] = number
        return mtype, self.stack.index(mtype) + 1, note


def _block_heading(para: str, p_start: int, nesting: _Nesting, speech) -> dict | None:
    """The heading that opens paragraph ``para`` (at ``p_start`` in the text), if any."""
    stripped = para.lstrip()
    lead = len(para) - len(stripped)
    found = next(((mtype, m) for mtype, rx in MARKERS if (m := rx.match(stripped))), None)
    if found is None:
        return None
    mtype, m = found
    number = chinese_number(m.group(1))
    mtype, level, note = nesting.place(mtype, number, m.group(0))
    h_start = lead + m.end()
    h_end = _heading_text(para, h_start)
    return {"speech": speech, "level": level, "marker": m.group(0).strip(), "marker_type": mtype,
            "number": number, "heading": para[h_start:h_end].strip("，,：: "), "start": p_start + lead,
            "end": p_start + h_end, "inline": False, "note": note}


def _clause_end(para: str, after: int) -> int:
    stop = HEADING_STOP.search(para, after)
    return stop.start() if stop else len(para)


def _inline_headings(para: str, p_start: int, nesting: _Nesting, speech) -> list[dict]:
    """Enumerations inside paragraph ``para``: 一是… and 这是第一条，就是…."""
    rows = []
    base_level = len(nesting.stack)
    for m in INLINE_SHI.finditer(para):
        end = _clause_end(para, m.end())
        if end - m.end() > MAX_SHI_ITEM or end == m.end():
            continue
        rows.append({"speech": speech, "level": base_level + 1, "marker": m.group(0), "marker_type": "shi",
                     "number": chinese_number(m.group(1)), "heading": para[m.end():end].strip("，,：: "),
                     "start": p_start + m.start(), "end": p_start + end, "inline": True, "note": ""})
    for m in INLINE_DI.finditer(para):
        end = _clause_end(para, m.end())
        mtype = "di_tiao" if m.group(2) == "条" else "di_ge"
        if end == m.end() or end - m.end() > MAX_DI_ITEM:
            continue
        level = (nesting.stack.index(mtype) + 1) if mtype in nesting.stack else base_level + 1
        rows.append({"speech": speech, "level": level, "marker": m.group(0)[2:].rstrip("，,"), "marker_type": mtype,
                     "number": chinese_number(m.group(1)), "heading": para[m.end():end],
                     "start": p_start + m.start() + 2, "end": p_start + end, "inline": True,
                     "note": "point named at the end of its paragraph"})
    return rows


def outline_rows(text: str, speech) -> list[dict]:
    """The headings of one speech's text as rows (the columns of :func:`outline`); used
    speech by speech, so also by the slogan finder and the numbered formulas (found once for
    the three: the pipeline asks for one chunk's speeches three times)."""
    return [dict(r) for r in _outline_rows(text, speech)]


@cached(maxsize=1024)
def _outline_rows(text: str, speech) -> tuple[dict, ...]:
    rows: list[dict] = []
    nesting = _Nesting()
    pos = 0
    for para in text.split("\n"):
        p_start = pos
        pos += len(para) + 1
        heading = _block_heading(para, p_start, nesting, speech)
        if heading is not None:
            rows.append(heading)
        rows += _inline_headings(para, p_start, nesting, speech)
    rows.sort(key=lambda r: r["start"])
    return tuple(rows)


def outline_summary(outline_frame: pd.DataFrame) -> pd.DataFrame:
    r"""Per speech: the number of headings at each level and the depth.

    Columns: ``speech``, ``level``, ``n_headings``, ``depth`` (deepest level of the speech),
    ``n_slips`` (headings whose numbering the source got wrong).

    >>> import analysis as an
    >>> sp = an.read_compilation(text='讲话\n一、抓项目\n要抓开工。\n二、抓招商\n要抓落实。').speeches
    >>> an.outline_summary(an.outline(sp))[['level', 'n_headings']].values.tolist()
    [[1, 2]]
    """
    if outline_frame.empty:
        return pd.DataFrame(columns=["speech", "level", "n_headings", "depth", "n_slips"])
    g = outline_frame.groupby(["speech", "level"]).size().rename("n_headings").reset_index()
    g["depth"] = g["speech"].map(outline_frame.groupby("speech")["level"].max())
    slips = outline_frame[outline_frame["note"].str.startswith("numbered")].groupby("speech").size()
    g["n_slips"] = g["speech"].map(slips).fillna(0).astype(int)
    return g


def assign_sections(tokens: pd.DataFrame, outline_frame: pd.DataFrame, *, level: int = 1) -> pd.DataFrame:
    r"""Add ``section`` (the number of the enclosing heading at ``level``, 0 before the first)
    and ``section_heading`` to a token table, so any statistic can be grouped by section.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> int(an.assign_sections(tokens, an.outline(sp))['section'].max())
    0
    """
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
