"""Cleaning a speech body without losing track of where each character came from.

Cleaning only ever *deletes* characters of the source (page-break newlines,
stray spaces inside Chinese words, ``[bookmark: …]`` tags, carriage returns,
indentation, surplus blank lines); it never inserts or rewrites one.  So the
cleaned text is a subsequence of the source, and the map back is a list of
runs ``(text_start, source_start, length)``: :func:`text_to_source` turns any
offset of the cleaned text into the offset of the same character in the source.
Each deletion is also recorded with its reason (:func:`clean_body` returns them).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Characters that end a sentence or clause, so a line ending in one is complete.
LINE_FINAL = set("。！？!?；;：:…」』”’\"）)】]")
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
_SPACE = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"
# An outline marker that opens a heading: 一、 （一） 1、 1. 第一个 第二条 一是 …
HEADING_MARKER = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[、．.](?!\d)"
    r"|第[一二三四五六七八九十\d]{1,3}[个条部分点章节篇]|[一二三四五六七八九十]是)"
)


def is_cjk(ch: str) -> bool:
    """True for a Han character or CJK punctuation (where a space is never meant)."""
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF
            or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF0F or 0xFF1A <= o <= 0xFF20
            or 0xF900 <= o <= 0xFAFF or o in (0x201C, 0x201D, 0x2018, 0x2019, 0x2026, 0x2014))


def is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF


@dataclass(frozen=True)
class Deletion:
    """One span of the source that cleaning removed, and why."""

    start: int
    end: int
    reason: str  # page_break | stray_space | bookmark | carriage_return | indent | blank_line


@dataclass(frozen=True)
class CleanText:
    text: str
    runs: tuple[tuple[int, int, int], ...]  # (text_start, source_start, length)
    deletions: tuple[Deletion, ...]


def looks_like_heading(line: str) -> bool:
    """A short line that opens with an outline marker and ends no sentence."""
    s = line.strip()
    return bool(HEADING_MARKER.match(s)) and len(s) <= 40 and not any(c in s for c in "。；！？")


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
    return any(c in s for c in "。，；、！？") or len(s) >= 30


def clean_body(source: str, start: int, end: int) -> CleanText:
    """Clean ``source[start:end]`` and keep the map back to source offsets."""
    keep = bytearray(b"\x01") * (end - start)
    deletions: list[Deletion] = []

    def drop(a: int, b: int, reason: str) -> None:
        if b <= a:
            return
        keep[a - start:b - start] = b"\x00" * (b - a)
        deletions.append(Deletion(a, b, reason))

    region = source[start:end]
    for m in _BOOKMARK.finditer(region):
        drop(start + m.start(), start + m.end(), "bookmark")

    # Lines with their offsets; \r\n, \r and \n all end a line.
    lines: list[tuple[int, int, int]] = []  # (line_start, content_end, line_end incl. terminator)
    pos = start
    for m in re.finditer(r"\r\n|\r|\n", region):
        lines.append((pos, start + m.start(), start + m.end()))
        pos = start + m.end()
    lines.append((pos, end, end))

    def visible(a: int, b: int) -> str:
        if all(keep[a - start:b - start]):
            return source[a:b]
        return "".join(source[i] for i in range(a, b) if keep[i - start])

    texts = [visible(a, b) for a, b, _ in lines]
    last_content = max((i for i, t in enumerate(texts) if t.strip()), default=-1)
    for i, (a, b, e) in enumerate(lines):
        t = texts[i]
        if not t.strip():
            drop(a, e, "blank_line")
            continue
        # leading and trailing white space of a line (indentation, full-width spaces)
        lead = a
        while lead < b and (source[lead] in _SPACE or not keep[lead - start]):
            lead += 1
        drop(a, lead, "indent")
        tail = b
        while tail > lead and (source[tail - 1] in _SPACE or not keep[tail - 1 - start]):
            tail -= 1
        drop(tail, b, "indent")
        # the line terminator: \r goes always; \n is a paragraph break unless the line is broken
        term = source[b:e]
        if "\r" in term:
            drop(b, b + 1, "carriage_return")
        nxt = next((texts[j] for j in range(i + 1, len(lines)) if texts[j].strip()), None)
        if i >= last_content:
            drop(b, e, "blank_line")
        elif is_broken_line(t, nxt):
            drop(b, e, "page_break")

    # Stray spaces: a run of spaces between two CJK characters is never meant.
    i = start
    while i < end:
        if source[i] in _SPACE and keep[i - start]:
            j = i
            while j < end and source[j] in _SPACE:
                j += 1
            left = next((source[k] for k in range(i - 1, start - 1, -1) if keep[k - start]), "")
            right = next((source[k] for k in range(j, end) if keep[k - start]), "")
            if left and right and is_cjk(left) and is_cjk(right) and "\n" not in source[i:j]:
                drop(i, j, "stray_space")
            i = j
        else:
            i += 1

    runs: list[tuple[int, int, int]] = []
    pieces: list[str] = []
    t_pos = 0
    for m in re.finditer(rb"\x01+", bytes(keep)):
        runs.append((t_pos, start + m.start(), m.end() - m.start()))
        pieces.append(source[start + m.start():start + m.end()])
        t_pos += m.end() - m.start()
    deletions.sort(key=lambda d: (d.start, d.end))
    return CleanText("".join(pieces), tuple(runs), tuple(_merge(deletions)))


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
