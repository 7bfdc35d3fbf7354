"""Splitting one decoded file into speeches, with spans that tile it.

A file is front matter (site header, compilation title, table of contents,
teasers), then one region per speech heading (``第一篇：…``), or one region for
the whole file when it has none.  Each region is its heading, a preamble (title
lines, speaker, date, salutation: :mod:`.metadata`), a body and trailing
clutter.  Every character of the file ends up in exactly one span.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..chinese import (
    BOOKMARK,
    CN_SMALL,
    HEADING_MARKER,
    LINE_FINAL,
    NOTE_CLOSERS,
    NOTE_OPENERS,
    SHORT_LINE,
    TITLE_LINE,
    Line,
    chinese_number,
    split_lines,
    squeeze,
    visible,
)
from ..errors import CorpusWarning
from .cleaning import clean_body
from .clutter import SOURCE_LINE, TRAILER_START, URL, is_clutter, notice_start, without_site_name
from .decoding import DecodedText
from .headings import match_heading, numbered_titles, split_run_in
from .metadata import FIELD_LINE, SALUTATION, Preamble, is_prose, parse_headless, parse_preamble, role_and_occasion
from .script import is_traditional, to_simplified

_ELLIPSIS = re.compile(r"(\.{3,}|…+|。{3,})\s*$")
_TOC = re.compile(r"^\s*[【\[]?\s*目\s*[录錄]\s*[】\]]?\s*[:：]?\s*$")
_COUNT_CLAIM = re.compile(rf"[\[【(（]\s*(?:精选|范文|共)?(\d+|[{CN_SMALL}]+)\s*篇[^\]】)）]*[\]】)）]"
                          rf"|(?:精选|范文|合集|汇编|共)\s*(\d+|[{CN_SMALL}]+)\s*篇|(\d+|[{CN_SMALL}]+)篇(?:范文|材料|汇编|合集)?$")
# the site's own words before the speeches: 下面是小编为大家收集的…, 以下是…供大家参考
_PREAMBLE = re.compile(r"(下面是|以下是|小编|为大家|給大家|供大家|仅供参考|欢迎阅读|希望对(你|您|大家)有)")
_TRUNCATED = re.compile(r"(\.{3,}|…+)\s*$")  # tried on the last three characters only: a search scans the text


@dataclass
class Region:
    """The lines of one speech: its heading line (if any), first line after it, line after its end."""

    heading_line: int | None
    first: int
    last: int


class SpanList:
    """Spans of one file as they are found; :meth:`tiled` closes the gaps between them."""

    def __init__(self, file_name: str | None):
        self.file_name, self.rows = file_name, []

    def add(self, kind: str, a: int, b: int, speech: int = 0) -> None:
        if b > a:
            self.rows.append({"file": self.file_name, "kind": kind, "start": a, "end": b, "speech": speech})

    def add_lines(self, lines: list[Line], kinds: list[tuple[int, str]], speech: int = 0) -> None:
        for i, kind in kinds:
            self.add(kind, lines[i].start, lines[i].stop, speech)

    def tiled(self, text: str) -> list[dict]:
        """The spans in order, each gap filled (white space, else front matter), with their text."""
        out: list[dict] = []
        pos = 0
        for sp in sorted(self.rows, key=lambda r: (r["start"], r["end"])):
            if sp["start"] > pos:
                out.append(self._gap(text, pos, sp["start"]))
            if sp["start"] < pos:  # never expected; keep tiling exact rather than overlap
                if sp["end"] <= pos:
                    continue
                sp = dict(sp, start=pos)
            out.append(sp)
            pos = sp["end"]
        if pos < len(text):
            out.append(self._gap(text, pos, len(text)))
        for sp in out:
            sp["text"] = text[sp["start"]:sp["end"]]
        return out

    def _gap(self, text: str, a: int, b: int) -> dict:
        kind = "whitespace" if not text[a:b].strip() else "front_matter"
        return {"file": self.file_name, "kind": kind, "start": a, "end": b, "speech": 0}


def find_headings(lines: list[Line]) -> tuple[list[int], dict[int, str], dict[int, tuple[int, int]]]:
    """The lines that open a speech, the kind of other heading-like lines (teaser, table of
    contents entry), and where each heading's title lies in its line."""
    titles = {i: span for i, ln in enumerate(lines) if (span := match_heading(ln.text)) is not None}
    titles.update(numbered_titles(lines))
    candidates = sorted(titles)
    roles: dict[int, str] = {}
    real: list[int] = []
    for i in candidates:
        text = lines[i].text
        a, b = titles[i]
        if _ELLIPSIS.search(text) and b - a > SHORT_LINE:
            roles[i] = "teaser"
            continue
        nxt = next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)
        if nxt is not None and (nxt in titles or _TOC.match(lines[nxt].text)):
            roles[i] = "toc_entry"
            continue
        real.append(i)  # (a heading with nothing under it is kept, and reported empty)
    if not real:  # speeches run on one after another, unnumbered, each under its title
        titled = titled_speeches(lines)
        titles.update(titled)
        real = sorted(titled)
    return real, roles, titles


#: A speech's title, when a file runs several speeches on without numbering them (在…上的讲话, …致辞).
_SPEECH_TITLE = re.compile(r"(?:讲话|致辞|发言|报告|讲稿)(?:[（(][^）)]{1,20}[）)])?$|^在.{2,40}上的")
_BRACKETED_NUMBER = re.compile(rf"^\s*[{NOTE_OPENERS}]\s*\d{{1,3}}\s*[{NOTE_CLOSERS}]\s*")
_RULE_MARKS = "=*#~＝＊"  # what a rule is drawn with, besides three dashes or more
#: A rule drawn before or after a title (===== 在…上的讲话 =====, *** … ***); never a dash (——2024年…: a subtitle).
_DECORATION = re.compile(rf"^\s*(?:[{_RULE_MARKS}]{{2,}}|-{{3,}})\s*|\s*(?:[{_RULE_MARKS}]{{2,}}|-{{3,}})\s*$")
_NAVIGATION = re.compile(r"[>›»|_]")  # 首页 > 政府信息公开 > 政府工作报告: a breadcrumb, not a title
#: Lines a title block may hold between a speech's title and its salutation (a date, a speaker, a subtitle).
TITLE_BLOCK_LINES = 4


def _undecorated(text: str) -> str:
    """``text`` stripped, without the rules drawn before or after it (tried only where a line begins or
    ends with a rule's mark: the pattern's end anchor would otherwise be tried at every character)."""
    s = text.strip()
    if s and (s[0] in _RULE_MARKS or s[-1] in _RULE_MARKS or s[0] == "-" or s[-1] == "-"):
        s = _DECORATION.sub("", s).strip()
    return s


def titled_speeches(lines: list[Line]) -> dict[int, tuple[int, int]]:
    """In a file with no numbered headings, the titles of the speeches it runs on one after another:
    a speech's title whose salutation (同志们：) follows within :data:`TITLE_BLOCK_LINES` lines of no
    prose; two at least (one is a single speech's own title).  Line index -> the title's offsets."""
    by_salutation: dict[int, int] = {}  # the title nearest above each salutation
    for i, line in enumerate(lines):
        s = _undecorated(line.text)
        if not s or len(s) > TITLE_LINE or is_prose(s) or not _SPEECH_TITLE.search(s) or _NAVIGATION.search(s):
            continue
        block = [j for j in range(i + 1, min(len(lines), i + 12)) if lines[j].text.strip()][:TITLE_BLOCK_LINES + 1]
        hail = next((j for j in block if SALUTATION.match(lines[j].text) and len(lines[j].text.strip()) <= SHORT_LINE),
                    None)
        if hail is not None and not any(is_prose(lines[j].text) for j in block if j < hail):
            by_salutation[hail] = i
    found = {}
    for i in by_salutation.values():
        text = lines[i].text
        # 一、在…的讲话 / 【1】在…的讲话 / ===== 在…的讲话 =====: the title follows the number or the rule
        marker = HEADING_MARKER.match(text) or _BRACKETED_NUMBER.match(text) or _DECORATION.match(text)
        a = marker.end() if marker else len(text) - len(text.lstrip())
        a += len(text[a:]) - len(text[a:].lstrip())
        end = _DECORATION.search(text, a)
        b = end.start() if end and end.end() == len(text) else len(text)
        found[i] = (a, a + len(text[a:b].strip()))
    return found if len(found) >= 2 else {}


def _front_kind(i: int, s: str, roles: dict[int, str], seen_title: bool) -> str:
    """The kind of front-matter line ``i`` (``s``, stripped)."""
    if not s:
        return "whitespace"
    if i in roles:
        return roles[i]
    if _PREAMBLE.search(s):
        return "preamble"
    if _TOC.match(s):
        return "toc"
    if SOURCE_LINE.search(s) and not is_prose(s):
        return "source_line"
    if URL.search(s) and not is_prose(s) and not seen_title:
        return "site_header"
    if is_clutter(s):
        return "web_clutter"
    if not seen_title and not is_prose(s):
        return "compilation_title"
    return "front_matter"


def classify_front(lines: list[Line], upto: int, roles: dict[int, str], meta: dict,
                   titles: dict[int, tuple[int, int]]) -> list[tuple[int, str]]:
    """Kinds of the lines before the first speech; what they say goes into ``meta``."""
    kinds: list[tuple[int, str]] = []
    seen_title = False
    for i in range(upto):
        t = lines[i].text
        s = t.strip()
        kind = _front_kind(i, s, roles, seen_title)
        kinds.append((i, kind))
        if kind == "teaser":
            meta.setdefault("teaser", squeeze(t[slice(*titles[i])]))
        elif kind == "source_line":
            for key, label in (("source", "来源"), ("author", "作者"), ("updated", "更新时间"),
                               ("updated", "发布时间"), ("updated", "发表时间")):
                m = re.search(label + r"\s*[:：]\s*(\S+)", s)
                if m and key not in meta:
                    meta[key] = m.group(1)
        elif kind == "site_header":
            meta.setdefault("site", URL.sub("", s).strip(" /|-—·") or None)
            meta.setdefault("site_url", URL.search(s).group(0))
        elif kind == "compilation_title":
            seen_title = True
            title = BOOKMARK.sub("", s)
            claim = _COUNT_CLAIM.search(title)
            if claim:
                meta["n_claimed"] = chinese_number(next(g for g in claim.groups() if g))
                title = title[:claim.start()] + title[claim.end():]
            meta["title"] = without_site_name(title.strip())
    return kinds


#: Prose of at least this many characters after a salutation, before the first heading, is a speech
#: of its own (a speech copied with the heading of the next one), not a compilation's front matter.
SPEECH_BEFORE_HEADINGS = 200


def speech_before_headings(lines: list[Line], first_heading: int) -> bool:
    """Whether the lines before the first heading hold a speech without a heading: a salutation
    (同志们：), then prose.  A compilation's own words before its speeches address no one."""
    hailed = next((i for i in range(first_heading) if len(lines[i].text.strip()) <= SHORT_LINE
                   and SALUTATION.match(lines[i].text)), None)
    if hailed is None:
        return False
    prose = (len(lines[i].text.strip()) for i in range(hailed + 1, first_heading) if is_prose(lines[i].text))
    return sum(prose) >= SPEECH_BEFORE_HEADINGS


def _regions(lines: list[Line], headings: list[int], *, leading: bool = False) -> list[Region]:
    """The speeches' regions; ``leading``: the lines before the first heading are a speech too."""
    if not headings:
        return [Region(None, 0, len(lines))]
    ends = headings[1:] + [len(lines)]
    return [Region(None, 0, headings[0])] * leading + [Region(h, h + 1, end) for h, end in zip(headings, ends)]


def _skip_leading_clutter(lines: list[Line], reg: Region, spans: SpanList, number: int) -> Region:
    """In a file without headings, leading web clutter and blank lines come first."""
    first = reg.first
    while first < reg.last and (not lines[first].text.strip() or is_clutter(lines[first].text)) \
            and not FIELD_LINE.match(lines[first].text):  # 作者：张三 is the title block's, not clutter
        spans.add("web_clutter" if lines[first].text.strip() else "whitespace",
                  lines[first].start, lines[first].stop, number)
        first += 1
    return Region(None, first, reg.last)


#: A page's trailer (相关报道, 责任编辑 …) holds headlines and buttons; this much prose after such a
#: line means the speech goes on (pages saved one after another into one file), not a trailer.
TRAILER_PROSE = 1000


def _only_clutter_after(lines: list[Line], j: int, last: int) -> bool:
    """Whether what follows line ``j`` up to ``last`` is too little prose to be the speech going on."""
    prose = 0
    for k in range(j + 1, last):
        if is_prose(lines[k].text):
            prose += len(lines[k].text)
            if prose >= TRAILER_PROSE:
                return False
    return True


def _body_last(lines: list[Line], reg: Region, pre: Preamble) -> int:
    """The line after the body: the region's end, minus a trailer of clutter and blank lines."""
    last = reg.last
    for j in range(pre.body_first + 1, reg.last):
        if TRAILER_START.match(lines[j].text) and _only_clutter_after(lines, j, reg.last):
            last = j
            break
    notices = notice_start(lines, pre.body_first, last)
    if notices is not None:
        last = notices
    while last > pre.body_first and not lines[last - 1].text.strip():
        last -= 1
    return last


def _add_tail(lines: list[Line], reg: Region, body_last: int, tail_start: int, text: str,
              spans: SpanList, number: int) -> None:
    """Spans for what follows the body in its region: clutter and white space."""
    for j in range(body_last, reg.last):
        ln = lines[j]
        if tail_start < ln.start:
            spans.add("whitespace", tail_start, ln.start, number)
        spans.add("web_clutter" if ln.text.strip() else "whitespace", max(ln.start, tail_start), ln.stop, number)
        tail_start = ln.stop
    region_end = lines[reg.last - 1].stop if reg.last > 0 else len(text)
    if tail_start < region_end:
        spans.add("whitespace", tail_start, region_end, number)


def _original_lines(shown: str, lines: list[Line], kinds: list[tuple[int, str]], kind: str,
                    ends: dict[int, int] | None = None, starts: dict[int, int] | None = None) -> list[str]:
    """The lines of one kind in the original characters (a title cut where ``starts`` and ``ends`` say)."""
    ends, starts = ends or {}, starts or {}
    return [shown[lines[i].start + starts.get(i, 0):lines[i].start + ends.get(i, len(lines[i].text))].strip()
            for i, k in kinds if k == kind]


def _read_region(text: str, lines: list[Line], reg: Region, spans: SpanList, number: int,
                 shown: str, titles: dict[int, tuple[int, int]]) -> tuple[dict, list]:
    """One speech's row (metadata, cleaned text, offsets) and its body's deletions.

    ``text`` is what is parsed (the Simplified form of a Traditional file), ``shown`` the
    original characters: titles, speaker lines, salutations and the body are taken from it."""
    heading_text = heading_title = None
    if reg.heading_line is not None:
        line = lines[reg.heading_line]
        a, b = titles[reg.heading_line]
        heading_text = shown[line.start:line.end].strip()
        heading_title = squeeze(shown[line.start + a:line.start + b]) or None
        spans.add("speech_heading", line.start, line.stop, number)
    else:
        reg = _skip_leading_clutter(lines, reg, spans, number)
    pre = parse_preamble(lines, reg.first, reg.last, heading_title)
    body_last = _body_last(lines, reg, pre)
    if reg.heading_line is None and not pre.salutation:
        # in a file without headings, metadata may sit among the clutter before the body
        pre = parse_headless(lines, reg.first, body_last, pre)
    spans.add_lines(lines, pre.kinds, number)
    if pre.body_first < body_last:
        b_start, b_end = lines[pre.body_first].start, lines[body_last - 1].end
    else:
        b_start = b_end = lines[pre.body_first].start if pre.body_first < len(lines) else len(text)
    spans.add("body", b_start, b_end, number)
    _add_tail(lines, reg, body_last, b_end, text, spans, number)
    clean = clean_body(shown, b_start, b_end)
    title_lines = _original_lines(shown, lines, pre.kinds, "title", pre.title_ends, pre.title_starts)
    title = heading_title or ("".join(title_lines) or None)
    title = title if title and visible(title) else None  # a zero-width space is no title
    role, occasion = role_and_occasion(title, ["".join(pre.subtitles)])
    row = {
        "speech": number, "heading": heading_text or "",
        "title": without_site_name(BOOKMARK.sub("", title)) if title else None,
        "title_in_text": "".join(title_lines) or None, "occasion": occasion,
        "speaker": pre.speaker, "speaker_text": " / ".join(_original_lines(shown, lines, pre.kinds, "speaker")) or None,
        "role": pre.role or role, "date": pre.date, "date_text": pre.date_text,
        "speaker_masked": pre.speaker_masked, "date_masked": pre.date_masked,
        "salutation": (_original_lines(shown, lines, pre.kinds, "salutation") or [None])[0],
        "text": clean.text, "start": b_start, "end": b_end,
        "n_chars": len(clean.text) - clean.text.count("\n"),
        "n_paragraphs": len([p for p in clean.text.split("\n") if p.strip()]),
        "truncated": bool(_TRUNCATED.search(clean.text.rstrip()[-3:]))
        and clean.text.rstrip(".…")[-1:] not in LINE_FINAL,
        "text_simplified": clean_body(text, b_start, b_end).text if shown is not text else None,
        "source_map": clean.runs,
    }
    return row, clean.deletions


def split_file(text: str, path: Path | None, decoded: DecodedText | None,
               first_speech: int, *, one_document: bool = False,
               name: str | None = None) -> tuple[dict, list[dict], list[dict], list[dict]]:
    """Split one decoded file; return meta, speech rows, span rows and deletion rows.

    A Traditional text is parsed in its Simplified form (:mod:`.script`, the same length)
    while every span, title and body keeps the original characters.  ``one_document``
    (a row of a table corpus) reads the text as one document whatever headings it holds.
    ``name``: the ``file`` the rows name (default the file's name; a file in a subfolder of the
    corpus is named by its path inside it, 2020/报告.txt)."""
    shown = text
    if is_traditional(text):
        text = to_simplified(text)
    lines = split_run_in(split_lines(text))
    file_name = name or (path.name if path else None)
    meta: dict = {"file": file_name}
    headings, roles, titles = ([], {}, {}) if one_document else find_headings(lines)
    spans = SpanList(file_name)
    leading = bool(headings) and speech_before_headings(lines, headings[0])
    front = headings[0] if headings and not leading else 0
    spans.add_lines(lines, classify_front(lines, front, roles, meta, titles))
    rows: list[dict] = []
    deletions: list[dict] = []
    for number, reg in enumerate(_regions(lines, headings, leading=leading), first_speech):
        row, dels = _read_region(text, lines, reg, spans, number, shown, titles)
        row = {"speech": number, "file": file_name, **row, "encoding": decoded.encoding if decoded else "str",
               "script": "traditional" if shown is not text else "simplified"}
        rows.append({k: row[k] for k in ROW_ORDER})
        deletions += [{"file": file_name, "speech": number, "start": d.start, "end": d.end,
                       "reason": d.reason, "removed": shown[d.start:d.end]} for d in dels]
    meta["script"] = "traditional" if shown is not text else "simplified"
    claimed = meta.get("n_claimed")
    if claimed and claimed != len(rows):
        warnings.warn(f"{path or '<text>'}: the page says it holds {claimed} speeches, but {len(rows)} were found",
                      CorpusWarning, stacklevel=3)
    return meta, rows, _sharing_bodies(spans.tiled(shown), rows), deletions


def _sharing_bodies(spans: list[dict], rows: list[dict]) -> list[dict]:
    """The spans, where a body's text equals its speech's (cleaning left it as it was) with the very
    string of the speech: a corpus's texts held once, not twice (19 of the 25 reports)."""
    texts = {row["speech"]: row["text"] for row in rows}
    for span in spans:
        if span["kind"] == "body" and texts.get(span["speech"]) == span["text"]:
            span["text"] = texts[span["speech"]]
    return spans


ROW_ORDER = ["speech", "file", "heading", "title", "title_in_text", "occasion", "speaker", "speaker_text", "role",
              "date", "date_text", "speaker_masked", "date_masked", "salutation", "text", "start", "end", "n_chars",
              "n_paragraphs", "truncated", "encoding", "script", "text_simplified", "source_map"]
