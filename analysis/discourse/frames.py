"""Parallel frames: runs of sibling headings, or of clauses of one sentence, that share a frame with
one slot (抓□: 抓开工、抓进度), and the correlative frames with two (先□后□), with their fillers;
a slot never holds a figure, a date or a list marker."""
from __future__ import annotations

import os
import re

import numpy as np

from ..chinese import (
    CLAUSE_RUN,
    CLAUSE_RUN_ENDS,
    CN_NUMERAL,
    HOLDS_MASK,
    SENTENCE_RUN,
    SENTENCE_RUN_ENDS,
    char_table,
    code_points,
)
from .formula_row import SLOT, normal_form
from .formula_row import occurrence_row as _row
from .lexicons import CORRELATIVE_FRAMES, SLOT_FIRST_ANCHORS
from .outline import outline_rows

_FILLERS = ("就是要", "就是", "要", "是")
_FUNCTION_CHARS = set("的了是不也就都还和与在有这那个一我你他们要把被对为等之其而且或及")


def frame_rows(speech, text: str) -> list[dict]:
    """Every frame occurrence of one speech: parallel frames, then correlative ones."""
    return _parallel(speech, text) + _correlatives(speech, text)


#: A slot that holds a figure, a date or a list marker rather than a word.
_VALUE_SLOT = re.compile(rf"^(?:[\d０-９.．%％]+|[{CN_NUMERAL}]+|\d+[年月日号]?|第.+)$")


def _frame(members: list[str]) -> tuple[str, str, list[str]] | None:
    """Common prefix and suffix of ``members`` with a non-empty slot in each, or None."""
    if len(set(members)) < 2:
        return None
    prefix = os.path.commonprefix(members)
    suffix = os.path.commonprefix([m[::-1] for m in members])[::-1]
    while prefix and any(len(m) - len(prefix) - len(suffix) < 1 for m in members):
        if len(suffix) >= len(prefix) and suffix:
            suffix = suffix[1:]
        else:
            prefix = prefix[:-1]
    while suffix and any(len(m) - len(prefix) - len(suffix) < 1 for m in members):
        suffix = suffix[1:]
    slots = [m[len(prefix):len(m) - len(suffix)] for m in members]
    if not (prefix or suffix) or any(not s for s in slots) or max(len(s) for s in slots) > 6:
        return None
    shared = len(prefix) + len(suffix)
    if shared < 2 and len(members) < 3:
        return None
    if HOLDS_MASK.search(prefix + suffix) or any(HOLDS_MASK.search(x) for x in slots):
        return None
    # the frame and every filler must carry meaning, not only function characters
    if all(c in _FUNCTION_CHARS for c in prefix + suffix):
        return None
    if any(all(c in _FUNCTION_CHARS for c in x) for x in slots):
        return None
    if any(_VALUE_SLOT.match(x) for x in slots):  # □% with 11.5 / 17.4, □号线 with 19 / 20: figures, not words
        return None
    return prefix, suffix, slots


def _strip_fillers(members: list[str]) -> list[str]:
    """Drop a leading 要 / 就是要 that only some members have (要凭平台招商 / 凭实力招商)."""
    for f in _FILLERS:
        if any(m.startswith(f) for m in members) and not all(m.startswith(f) for m in members):
            members = [m[len(f):] if m.startswith(f) else m for m in members]
    return members


def _parallel(speech, text: str) -> list[dict]:
    """Parallel frames among sibling headings, then among the clauses of each sentence."""
    rows = _parallel_headings(speech, text)
    seen = {r["start"] for r in rows}
    for start in _sentences_with_pairs(text):
        sm = SENTENCE_RUN.match(text, start)
        clauses = [_without_filler(c.group(0), sm.start() + c.start()) for c in CLAUSE_RUN.finditer(sm.group(0))]
        rows += [r for r in _parallel_clauses(speech, clauses) if r["start"] not in seen]
    return rows


def _sentences_with_pairs(text: str) -> list[int]:
    """Where the sentences start that can hold a parallel frame: two clauses in a row, both
    short (:func:`_parallel_clauses`), that begin alike or end alike once their filler is
    dropped.  Found for every clause of the text at once; most sentences have no such pair,
    and only the others are read clause by clause."""
    points = code_points(text)
    inside = ~char_table(CLAUSE_RUN_ENDS + SENTENCE_RUN_ENDS)[points]
    is_end = char_table(SENTENCE_RUN_ENDS)[points]
    edges = np.diff(np.r_[0, inside.astype(np.int8), 0])
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    if len(starts) < 2:
        return []
    sentence = np.cumsum(is_end)[starts]
    length = ends - starts
    strip = _filler_lengths(np.r_[points, np.zeros(3, dtype=np.uint32)], starts, length)
    first, last, kept = points[starts + strip], points[ends - 1], length - strip
    short = (kept >= 2) & (kept <= 12)
    pair = (sentence[1:] == sentence[:-1]) & short[1:] & short[:-1] & (
        (first[1:] == first[:-1]) | (last[1:] == last[:-1]))
    breaks = np.flatnonzero(~inside & is_end)
    begin = np.unique(sentence[:-1][pair])  # each sentence's start: just after the sentence end before it
    return [int(breaks[k - 1]) + 1 if k else 0 for k in begin.tolist()]


def _filler_lengths(points: np.ndarray, starts: np.ndarray, length: np.ndarray) -> np.ndarray:
    """The length of the filler :func:`_without_filler` drops from each clause (0 for none)."""
    strip = np.zeros(len(starts), dtype=np.int64)
    undecided = np.ones(len(starts), dtype=bool)
    for filler in _FILLERS:
        begins = undecided & (length - len(filler) >= 2)
        for j, char in enumerate(filler):
            begins &= points[starts + j] == ord(char)
        strip[begins] = len(filler)
        undecided &= ~begins
    return strip


def _without_filler(clause: str, start: int) -> tuple[str, int]:
    """A clause without its leading 要 / 就是要 (要抓开工、抓进度 is the frame 抓□)."""
    for f in _FILLERS:
        if clause.startswith(f) and len(clause) - len(f) >= 2:
            return clause[len(f):], start + len(f)
    return clause, start


def _sibling_groups(headings: list[dict]) -> list[list[dict]]:
    """Headings of the same level, parent heading and kind of marker, in order."""
    groups: dict[tuple, list[dict]] = {}
    stack: dict[int, int] = {}
    for i, h in enumerate(headings):
        stack = {lvl: idx for lvl, idx in stack.items() if lvl < h["level"]}
        groups.setdefault((h["level"], stack.get(h["level"] - 1, -1), h["marker_type"]), []).append(h)
        stack[h["level"]] = i
    return list(groups.values())


def _parallel_headings(speech, text: str) -> list[dict]:
    """Sibling headings that share a frame (要□促招商), a heading's 、-joined parts counted apart."""
    rows = []
    for group in _sibling_groups(sorted(outline_rows(text, speech), key=lambda h: h["start"])):
        items = []  # (text, start, end)
        for h in group:
            offset, pos = h["end"] - len(h["heading"]), 0
            for part in re.split(r"[，,。；]", h["heading"])[0].split("、"):
                items.append((part, offset + pos, offset + pos + len(part)))
                pos += len(part) + 1
        members = _strip_fillers([t for t, _, _ in items]) if len(items) >= 2 else []
        fr = _frame(members) if members else None
        if fr is None:
            continue
        prefix, suffix, slots = fr
        for (t, a, b), m, slot in zip(items, members, slots):
            a2 = a + (len(t) - len(m))
            rows.append(_row(speech, m, text[a2:b], "parallel", a2, b, frame=prefix + SLOT + suffix, slot=slot))
    return rows


def _run_reach(clauses: list[tuple[str, int]]) -> list[int]:
    """reach[i]: the end of the longest run from clause i whose clauses all begin alike or all
    end alike.  A frame is shared by all its members, so longer runs need not be tried."""
    reach = [0] * len(clauses)
    first_end = last_end = len(clauses)
    for k in range(len(clauses) - 2, -1, -1):
        c, d = clauses[k][0], clauses[k + 1][0]
        first_end = first_end if c[0] == d[0] else k + 1
        last_end = last_end if c[-1] == d[-1] else k + 1
        reach[k] = max(first_end, last_end)
    return reach


def _parallel_clauses(speech, clauses: list[tuple[str, int]]) -> list[dict]:
    """Runs of clauses of one sentence that share a frame: 抓开工、抓进度 / 主要领导亲自抓、分管领导重点抓."""
    rows = []
    short = [2 <= len(c) <= 12 for c, _ in clauses]
    reach = _run_reach(clauses)
    i = 0
    while i < len(clauses) - 1:
        if reach[i] < i + 2 or not short[i]:  # no run of two or more can start here
            i += 1
            continue
        stop = i  # only runs of consecutive short clauses, at most ten long, can be a frame
        while stop < len(clauses) and short[stop] and stop - i < 10:
            stop += 1
        best = None
        for j in range(min(stop, reach[i]), i + 1, -1):
            fr = _frame([c for c, _ in clauses[i:j]])
            if fr and (len(fr[0]) + len(fr[1]) >= 2 or j - i >= 3):
                best = (j, fr)
                break
        if best is None:
            i += 1
            continue
        j, (prefix, suffix, slots) = best
        rows += [_row(speech, c, c, "parallel", a, a + len(c), frame=prefix + SLOT + suffix, slot=slot)
                 for (c, a), slot in zip(clauses[i:j], slots)]
        i = j
    return rows


def _correlatives(speech, text: str) -> list[dict]:
    """Two-slot frames of one sentence: 先造平台后招商, 先上项目、后补手续 (frame 先□后□)."""
    rows = []
    for frame, pattern in CORRELATIVE_FRAMES.items():
        for m in frame_matches(frame, pattern, text):
            slots = m.groups()
            if all(len(x) >= 1 and not _VALUE_SLOT.match(x) for x in slots):
                rows.append(_row(speech, normal_form(m.group(0)), m.group(0), "parallel", m.start(), m.end(),
                                 frame=frame, slot="／".join(slots)))
    return rows


def frame_matches(frame: str, pattern: re.Pattern, text: str):
    """What ``pattern.finditer(text)`` gives; for a frame with its slot first, the pattern is tried
    only just before its anchor (:data:`.lexicons.SLOT_FIRST_ANCHORS`), where a match must start."""
    if frame not in SLOT_FIRST_ANCHORS:
        yield from pattern.finditer(text)
        return
    anchor, reach = SLOT_FIRST_ANCHORS[frame]
    last = 0
    for a in anchor.finditer(text):
        for at in range(max(a.start() - reach, last), a.start()):
            m = pattern.match(text, at)
            if m:
                yield m
                last = m.end()
                break
