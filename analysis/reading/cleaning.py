"""Cleaning a speech body without losing track of where each character came from.

Cleaning only ever *deletes* characters of the source (page-break newlines,
page numbers alone on their line (``— 3 —``), running headers (a short line repeated on every
page), stray spaces inside Chinese words,
``[bookmark: …]`` tags, carriage returns, indentation, surplus blank lines); it never inserts or rewrites one.  So the
cleaned text is a subsequence of the source, and the map back is a list of
runs ``(text_start, source_start, length)``: :func:`text_to_source` turns any
offset of the cleaned text into the offset of the same character in the source.
Each deletion is also recorded with its reason (:func:`clean_body` returns them).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from ..chinese import (
    BOOKMARK,
    LINE_END,
    LINE_FINAL,
    PAGE_NUMBER,
    RUNNING_TEXT,
    SPACE_RUN,
    SPACES,
    STAGE_DIRECTION,
    is_cjk,
    letter_gaps,
    looks_like_heading,
)

#: A line longer than this is never a page number alone (第 123 页 ， 共 456 页 with spaces is 22).
PAGE_NUMBER_CHARS = 32


@dataclass(frozen=True)
class Deletion:
    """One span of the source that cleaning removed, and why."""

    start: int
    end: int
    reason: str  # page_break | page_number | running_header | stray_space | bookmark | stage_direction
    #              | carriage_return | indent | blank_line


@dataclass(frozen=True)
class CleanText:
    text: str
    runs: tuple[tuple[int, int, int], ...]  # (text_start, source_start, length)
    deletions: tuple[Deletion, ...]


def is_broken_line(line: str, next_line: str | None) -> bool:
    """Was ``line`` cut mid-sentence by a page break, so that ``next_line`` continues it?

    A line is broken when it does not end a clause, reads as running prose (it
    holds a sentence mark or is long), is not a standalone heading, and the next
    line is prose rather than a new heading.
    """
    s = line.strip()
    if not s or next_line is None or not next_line.strip():
        return False
    if s[-1] in LINE_FINAL:
        return False
    if looks_like_heading(s) or looks_like_heading(next_line):
        return False
    return any(c in s for c in "。，；、！？") or len(s) >= RUNNING_TEXT


class _Keep:
    """Which characters of ``source[start:end]`` cleaning keeps, and each deletion's reason."""

    def __init__(self, source: str, start: int, end: int):
        self.source, self.start, self.end = source, start, end
        self.flags = bytearray(b"\x01") * (end - start)
        self.deletions: list[Deletion] = []

    def drop(self, a: int, b: int, reason: str) -> None:
        if b <= a:
            return
        self.flags[a - self.start:b - self.start] = b"\x00" * (b - a)
        self.deletions.append(Deletion(a, b, reason))

    def kept(self, i: int) -> bool:
        return bool(self.flags[i - self.start])

    def visible(self, a: int, b: int) -> str:
        """What is left of ``source[a:b]``."""
        if all(self.flags[a - self.start:b - self.start]):
            return self.source[a:b]
        return "".join(self.source[i] for i in range(a, b) if self.kept(i))


def clean_body(source: str, start: int, end: int) -> CleanText:
    r"""Clean ``source[start:end]`` and keep the map back to source offsets.

    >>> s = "　一、抓项目\n要抓开工，\n抓进度。"
    >>> c = clean_body(s, 0, len(s))
    >>> c.text, [d.reason for d in c.deletions]
    ('一、抓项目\n要抓开工，抓进度。', ['indent', 'page_break'])
    """
    keep = _Keep(source, start, end)
    for m in BOOKMARK.finditer(source, start, end):
        keep.drop(m.start(), m.end(), "bookmark")
    for m in STAGE_DIRECTION.finditer(source, start, end):  # the audience's part, not the speaker's words
        keep.drop(m.start(), m.end(), "stage_direction")
    lines = _body_lines(keep)
    for a, b, _ in lines:  # a PDF's or Word file's footer: what it splits is joined below
        if b - a <= PAGE_NUMBER_CHARS and PAGE_NUMBER.fullmatch(source, a, b):
            keep.drop(a, b, "page_number")
    for a, b in _running_lines(source, lines):  # its header on every page, likewise
        keep.drop(a, b, "running_header")
    for a, b, _ in lines:  # a line laid out one character at a time, read as the words it spaces out
        if source.count(" ", a, b) + source.count("\u3000", a, b) >= 4:  # (most lines: two counts, no slice)
            for gap in letter_gaps(source[a:b]):
                keep.drop(a + gap, a + gap + 1, "stray_space")
    _drop_line_breaks(keep)
    _drop_stray_spaces(keep)
    runs: list[tuple[int, int, int]] = []
    pieces: list[str] = []
    t_pos = 0
    for m in re.finditer(rb"\x01+", bytes(keep.flags)):
        runs.append((t_pos, start + m.start(), m.end() - m.start()))
        pieces.append(source[start + m.start():start + m.end()])
        t_pos += m.end() - m.start()
    deletions = sorted(keep.deletions, key=lambda d: (d.start, d.end))
    return CleanText("".join(pieces), tuple(runs), tuple(_merge(deletions)))


#: A short line that stands alone, word for word, on this many lines of one body or more is a
#: running header or footer (海南省人民政府公报 2026年第3期 atop every page of a PDF): no sentence
#: and no heading of a speech comes back so.
RUNNING_HEADER_REPEATS = 3
RUNNING_HEADER_CHARS = 40


def _running_lines(source: str, lines: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Where the running headers and footers of a body stand (see :data:`RUNNING_HEADER_REPEATS`
    and :func:`_may_run`)."""
    short = [(a, b, source[a:b].strip()) for a, b, _ in lines if 0 < b - a <= RUNNING_HEADER_CHARS + 8]
    counts = Counter(text for _, _, text in short if 0 < len(text) <= RUNNING_HEADER_CHARS)
    running = {text for text, n in counts.items() if n >= RUNNING_HEADER_REPEATS and _may_run(text)}
    return [(a, b) for a, b, text in short if text in running]


def _may_run(line: str) -> bool:
    """A line that could be a running header: it names something (four Chinese characters or more),
    ends no clause and opens no quotation (“ at a line's end continues on the next: 毛主席教导我们：“),
    is no table row and no heading."""
    return (sum(map(is_cjk, line)) >= 4 and line[-1] not in LINE_FINAL and line[-1] not in "，、,“‘《（(【[「『"
            and "\t" not in line and not looks_like_heading(line))


def _body_lines(keep: _Keep) -> list[tuple[int, int, int]]:
    """(line_start, content_end, line_end incl. terminator) of every line; any line end counts."""
    lines = []
    pos, source, end = keep.start, keep.source, keep.end
    if source.find("\r", pos, end) < 0:  # nearly every text: find is several times faster than the pattern
        while (at := source.find("\n", pos, end)) >= 0:
            lines.append((pos, at, at + 1))
            pos = at + 1
    else:
        for m in LINE_END.finditer(source, pos, end):
            lines.append((pos, m.start(), m.end()))
            pos = m.end()
    lines.append((pos, end, end))
    return lines


def _drop_line_breaks(keep: _Keep) -> None:
    """Blank lines, indentation, carriage returns, and the newlines of page breaks."""
    source = keep.source
    lines = _body_lines(keep)
    texts = [keep.visible(a, b) for a, b, _ in lines]
    following = _next_with_content(texts)
    last_content = max((i for i, t in enumerate(texts) if t.strip()), default=-1)
    for i, (a, b, e) in enumerate(lines):
        t = texts[i]
        if not t.strip():
            keep.drop(a, e, "blank_line")
            continue
        # leading and trailing white space of a line (indentation, full-width spaces)
        lead = a
        while lead < b and (source[lead] in SPACES or not keep.kept(lead)):
            lead += 1
        keep.drop(a, lead, "indent")
        tail = b
        while tail > lead and (source[tail - 1] in SPACES or not keep.kept(tail - 1)):
            tail -= 1
        keep.drop(tail, b, "indent")
        # the line terminator: \r goes always; \n is a paragraph break unless the line is broken
        if "\r" in source[b:e]:
            keep.drop(b, b + 1, "carriage_return")
        nxt = following[i]
        if i >= last_content:
            keep.drop(b, e, "blank_line")
        elif is_broken_line(t, nxt):
            keep.drop(b, e, "page_break")


def _next_with_content(texts: list[str]) -> list[str | None]:
    """For each line, the next line after it that holds more than white space (None at the end)."""
    out: list[str | None] = [None] * len(texts)
    nxt = None
    for i in range(len(texts) - 1, -1, -1):
        out[i] = nxt
        if texts[i].strip():
            nxt = texts[i]
    return out


def _drop_stray_spaces(keep: _Keep) -> None:
    """A run of spaces between two CJK characters is never meant."""
    source, start, end = keep.source, keep.start, keep.end
    for run in SPACE_RUN.finditer(source, start, end):
        i = next((k for k in range(run.start(), run.end()) if keep.kept(k)), None)
        if i is None:
            continue
        j = run.end()
        left = next((source[k] for k in range(i - 1, start - 1, -1) if keep.kept(k)), "")
        right = next((source[k] for k in range(j, end) if keep.kept(k)), "")
        if left and right and is_cjk(left) and is_cjk(right):  # a run of spaces holds no line break
            keep.drop(i, j, "stray_space")


def _merge(deletions: list[Deletion]) -> list[Deletion]:
    out: list[Deletion] = []
    for d in deletions:
        if out and out[-1].end > d.start:  # overlapping records: keep the first reason
            if d.end > out[-1].end:
                out[-1] = Deletion(out[-1].start, d.end, out[-1].reason)
            continue
        out.append(d)
    return out


def text_to_source(runs, offset: int) -> int:
    """Map an offset in the cleaned text to the offset of that character in the source.

    ``offset`` equal to the text length maps to one past the last kept character.
    """
    if not runs:
        raise IndexError("empty text has no offsets")
    starts = [r[0] for r in runs]
    k = bisect.bisect_right(starts, offset) - 1
    if k < 0:
        raise IndexError(offset)
    t0, s0, length = runs[k]
    if offset - t0 > length or (offset - t0 == length and k != len(runs) - 1):
        if offset - t0 == length and k + 1 < len(runs):
            return runs[k + 1][1]
        raise IndexError(offset)
    return s0 + (offset - t0)
