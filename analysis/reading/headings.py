"""The headings that open each speech of a compilation, in the layouts sites use.

As a family, not a list: a number in any numeral system (一二三, 1 2 3, ①), with or
without 第 / 篇 / 范文 / 材料 / 稿, in any bracket (【】 [] 〔〕 （）) or after a colon,
on a line of its own or run into the line before (``…的讲话。第二篇：在…``), the speech run on
after it where a page lost its line breaks (``第二篇：在…上的讲话同志们：…``); and the
collection's title repeated with a number (``…讲话1``, ``…讲话2``).  Outline headings
(一、 （一）) never open a speech: a bare numeral needs 篇, 范文, 材料 or 稿 beside it.
"""
from __future__ import annotations

import re

from ..chinese import (
    ADDRESSEES,
    CIRCLED,
    CN_NUMERAL,
    CN_ORDINAL,
    CN_SMALL,
    RUN_IN_AFTER,
    SENTENCE_MARKS,
    TITLE_LINE,
    Line,
    chinese_number,
    squeeze,
)

_NUM = rf"[{CN_NUMERAL}\d{CIRCLED}]{{1,4}}"
_OPEN, _CLOSE = r"[【\[〔（(]", r"[】\]〕）)]"
_KIND = r"(?:篇|范文|材料|讲话稿|稿|讲话|发言)"
# 第一篇：… / 【第1篇】… / 篇一：… / 【篇一】 / 范文2 … / 材料三： / 讲话一： / （第二篇）
SPEECH_HEADING = re.compile(
    rf"^[ \t\u3000]*{_OPEN}?\s*(?:第\s*(?P<num>{_NUM})\s*(?:篇|份|稿)(?:范文|材料)?"
    rf"|{_KIND}\s*(?P<num2>{_NUM})(?=\s*(?:{_CLOSE}|[:：.、，,\s]|$))|{_KIND}\s*(?P<num3>[①-⑳]))"
    rf"\s*{_CLOSE}?\s*[:：.、，,]?[ \t\u3000]*(?P<title>.*?)[ \t\u3000]*$"
)
# a heading run into the line before it: after a sentence end or a colon, with a colon or bracket
_RUN_IN = re.compile(rf"(?<=[{RUN_IN_AFTER}])[ \t\u3000]*"
                     rf"(?={_OPEN}?第\s*[{CN_SMALL}\d]{{1,3}}\s*篇\s*(?:{_CLOSE}|[:：]))")
# what a speech heading's first character (after spaces) can be: a bracket, 第, or its kind's first
_HEADING_STARTS = frozenset("【[〔（(第篇范材讲稿")
# the salutation a speech opens with, run into its heading's line (第二篇：在…上的讲话同志们：今天…):
# the heading's line ends where it begins
_RUN_IN_SALUTATION = re.compile(rf"(?:尊敬的[^{SENTENCE_MARKS}：:]{{0,30}}?)?(?:{ADDRESSEES})"
                                rf"[^{SENTENCE_MARKS}：:，,]{{0,20}}?[：:]")
# the collection's title and a number: 在全市项目建设会议上的讲话1
_NUMBERED_TITLE = re.compile(r"^[ \t\u3000]*(?P<title>[^\d。，；！？]{6,60}?)[ \t\u3000]*"
                             rf"(?P<num>\d{{1,2}}|{CN_ORDINAL})[ \t\u3000]*$")
_CIRCLED = CIRCLED


def heading_number(s: str) -> int | None:
    """The number of a heading's numeral (一, 3, ③).

    >>> heading_number("③"), heading_number("十二")
    (3, 12)
    """
    if len(s) == 1 and s in _CIRCLED:
        return _CIRCLED.index(s) + 1
    return chinese_number(s)


def match_heading(text: str) -> tuple[int, int] | None:
    """Offsets (in ``text``) of the title a speech heading gives, or None if ``text`` is no heading."""
    m = SPEECH_HEADING.match(text)
    return (m.start("title"), m.end("title")) if m else None


def split_run_in(lines: list[Line]) -> list[Line]:
    """``lines`` with each heading that runs into a line starting a line of its own
    (the pieces keep their offsets, so spans still tile the text)."""
    out: list[Line] = []
    for ln in lines:
        # (a run-in heading names its 篇: a line without one, nearly every line, is not searched)
        cuts = [m.start() for m in _RUN_IN.finditer(ln.text) if m.start() > 0] if "篇" in ln.text else []
        if not cuts:
            out += _salutation_apart(ln)
            continue
        bounds = [0, *cuts, len(ln.text)]
        for k, (a, b) in enumerate(zip(bounds, bounds[1:])):
            last = k == len(bounds) - 2
            out += _salutation_apart(Line(ln.start + a, ln.start + b, ln.stop if last else ln.start + b, ln.text[a:b]))
    return out


def _salutation_apart(ln: Line) -> list[Line]:
    """A speech heading's line that runs on into the speech (a page copied without its line
    breaks: 第二篇：在…上的讲话同志们：今天…), cut where the salutation begins; any other line as it is."""
    if ln.text.lstrip(" \t\u3000")[:1] not in _HEADING_STARTS:  # most lines: one test, no pattern
        return [ln]
    heading = SPEECH_HEADING.match(ln.text[:TITLE_LINE * 2])
    m = _RUN_IN_SALUTATION.search(ln.text, heading.start("title") + 1, TITLE_LINE * 2) if heading else None
    if m is None:
        return [ln]
    at = ln.start + m.start()
    return [Line(ln.start, at, at, ln.text[:m.start()]), Line(at, ln.end, ln.stop, ln.text[m.start():])]


def numbered_titles(lines: list[Line]) -> dict[int, tuple[int, int]]:
    """Lines that repeat one title with the numbers 1, 2, 3 ... (two at least): line
    index -> offsets of the title in the line."""
    found: dict[str, list[tuple[int, int, tuple[int, int]]]] = {}
    for i, ln in enumerate(lines):
        m = _NUMBERED_TITLE.match(ln.text)
        if m and not SPEECH_HEADING.match(ln.text):
            number = heading_number(m.group("num"))
            if number is not None:
                found.setdefault(squeeze(m.group("title")), []).append((i, number, m.span("title")))
    out: dict[int, tuple[int, int]] = {}
    for hits in found.values():
        numbers = [n for _, n, _ in hits]
        if len(hits) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(hits))) and numbers[0] <= 1:
            out.update({i: span for i, _, span in hits})
    return out
