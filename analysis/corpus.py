"""Reading a compilation of speeches losslessly.

:func:`read_compilation` splits one text file (a web page saved as text, with
``第一篇…`` headings, or a single speech) into speeches; :func:`read_corpus`
also reads a folder of ``.txt`` files, one speech per file.  Every character
of the source belongs to exactly one span (site header, title, teaser, speech
heading, speaker line, salutation, body, web clutter ...), so nothing is lost
and nothing is invented; the speech bodies are cleaned (page breaks joined,
stray spaces removed) with a map back to source offsets.

Columns of ``.speeches`` (one row per speech, in document order):

=================  ==========================================================
speech             1..N (document order; across files in a folder)
file               the file the speech was read from (name only)
heading            the heading as written (``第一篇：…``), else empty
title              the speech's title (from its heading, else its title lines)
title_in_text      the title lines under the heading, joined, as written
speaker            the speaker's name; empty when absent or masked
speaker_text       the speaker line(s) as written (``县委书记 XXX``)
role               the speaker's office (``市委书记``)
date               ISO ``YYYY-MM-DD`` when the text gives a full date
date_text          the date as written (``20XX年X月X日``)
speaker_masked     the source masks the name (XXX)
date_masked        the source masks the date (20XX年X月X日)
salutation         ``同志们：`` and the like, as written
text               the cleaned body
start, end         offsets of the body in the source (end exclusive)
n_chars            characters of ``text`` (line breaks excluded)
n_paragraphs       paragraphs of ``text``
truncated          the source cuts the speech off (``第......``)
encoding           how the file was decoded
=================  ==========================================================

Columns of ``.spans``: ``file``, ``kind``, ``start``, ``end``, ``speech``
(0 for regions that belong to no speech), ``text`` (the source characters).
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import config
from .cleaning import LINE_FINAL, clean_body, is_han, looks_like_heading, text_to_source
from .errors import CorpusError, CorpusWarning, NoSpeechesError
from .textio import DecodedText, decode_bytes, read_text

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}

# 第一篇：title / 第1篇: title / 【第一篇】title / [第一篇] title
SPEECH_HEADING = re.compile(
    r"^[ \t\u3000]*[【\[〔]?\s*第\s*(?P<num>[一二三四五六七八九十百零〇两\d]{1,4})\s*篇\s*[】\]〕]?"
    r"\s*[:：.、，,]?[ \t\u3000]*(?P<title>.*?)[ \t\u3000]*$"
)
_ELLIPSIS = re.compile(r"(\.{3,}|…+|。{3,})\s*$")
_TOC = re.compile(r"^\s*[【\[]?\s*目\s*录\s*[】\]]?\s*[:：]?\s*$")
_SOURCE_LINE = re.compile(r"(来源|作者|更新时间|发布时间|发表时间|时间|日期|阅读量|浏览次数|编辑)\s*[:：]")
_URL = re.compile(r"(https?://|www\.)\S+|\b[\w-]+\.(com|cn|net|org|gov\.cn)\b", re.I)
_COUNT_CLAIM = re.compile(r"[\[【(（]\s*(\d+|[一二三四五六七八九十]+)\s*篇[^\]】)）]*[\]】)）]")
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")

SALUTATION = re.compile(
    r"^[ \t\u3000]*(尊敬的)?[^。！？\n]{0,30}?(同志们|各位代表|朋友们|女士们|先生们|各位来宾|各位嘉宾|"
    r"各位领导|各位企业家|代表们|委员们|同学们)[^。！？\n]{0,20}?[：:！!，,]?[ \t\u3000]*$"
)
_ROLES = (r"(?:市委|县委|区委|省委|州委|党委|党组|市|县|区|省|州|镇|乡|自治区|人民政府|政府|常务|副|主要)*"
          r"(?:书记|副书记|市长|县长|省长|区长|州长|镇长|乡长|主席|主任|部长|局长|厅长|秘书长|常委|委员|"
          r"盟长|旗长|总经理|董事长)")
# 县委书记 XXX / 上海市市长 龚 正 / 省长　王予波 / 市委书记
SPEAKER_LINE = re.compile(
    rf"^[ \t\u3000]*(?P<role>[\u4e00-\u9fff]{{0,16}}?{_ROLES})[ \t\u3000]*"
    r"(?P<name>[\u4e00-\u9fff]{1,6}(?:[·・•][\u4e00-\u9fff]{1,8})+|(?:[\u4e00-\u9fff][ \t\u3000]?){2,4}"
    r"|[XxＸｘ×＊*]{2,4}|某某)?[ \t\u3000]*"
    r"(?:[（(](?P<date>[^（）()]{4,20})[）)])?[ \t\u3000]*$"
)
# 张笑东（2024年5月4日）
NAME_DATE_LINE = re.compile(
    r"^[ \t\u3000]*(?P<name>[\u4e00-\u9fff]{2,4}|[XxＸｘ]{2,4})[ \t\u3000]*[（(](?P<date>[^（）()]{4,20})[）)][ \t\u3000]*$"
)
_DATE = re.compile(
    r"(?P<y>\d{4}|\d{2}[Xx]{2}|[Xx]{4}|[〇零一二三四五六七八九]{4})\s*年\s*"
    r"(?P<m>\d{1,2}|[Xx]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
    r"(?P<d>\d{1,2}|[Xx]{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
DATE_LINE = re.compile(
    r"^[ \t\u3000]*[（(]?[ \t\u3000]*" + _DATE.pattern + r"[ \t\u3000]*[）)]?[ \t\u3000]*$"
)
# ——2026年2月3日在上海市第十六届人民代表大会第四次会议上
SUBTITLE_LINE = re.compile(r"^[ \t\u3000]*(?:(——|--|－－|—)\s*.*|" + _DATE.pattern + r"在\S{2,40}上)[ \t\u3000]*$")

# Web-page clutter of saved pages (provincial reports and the like).
_CLUTTER_WORDS = {
    "下载", "打印", "全屏", "收藏", "加大", "还原", "减小", "正常", "大", "中", "小", "】", "【", "|", ">", "›", "»",
    "×", "首页", "分享", "分享：", "分享到:", "分享到：", "分享到微信", "关闭窗口", "打印本页", "关闭", "返回顶部",
    "【字号：", "【字体：", "字号：", "字体：", "您的位置:", "您的位置：", "当前位置：", "当前位置:", "来源:", "来源：",
    "发表时间：", "发布时间：", "阅读量：", "浏览次数：", "扫一扫在手机打开当前页", "相关报道：", "相关文档：",
    "相关链接：", "责任编辑：", "【打印】", "【关闭】", "上一篇", "下一篇", "》》点击图片进入专题《《",
}
_CLUTTER_PATTERN = re.compile(
    r"^[ \t\u3000]*(?:[0-9a-f]{24,40}\s*[:：]|\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s+\d{1,2}[:时]\d{2}(?:[:分]\d{2})?分?"
    r"|(?:来源|责任编辑|编辑|作者)\s*[:：]\s*\S{0,20}|【?\s*字[号体]\s*[:：].*】?)[ \t\u3000]*$"
)
_TRAILER_START = re.compile(
    r"^[ \t\u3000]*(?:相关报道|相关文档|相关链接|相关阅读|扫一扫在手机打开当前页|打印本页|关闭窗口|》》点击|分享到|"
    r"责任编辑|[0-9a-f]{24,40}\s*[:：])"
)


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first character
    end: int  # offset after the last content character
    stop: int  # offset after the line terminator
    text: str  # content, terminator excluded


@dataclass
class Compilation:
    """What :func:`read_compilation` returns: metadata, speeches and spans.

    ``source`` is the decoded text (BOM excluded) that every offset refers to.
    """

    path: Path | None
    source: str
    encoding: str
    meta: dict
    speeches: pd.DataFrame
    spans: pd.DataFrame
    deletions: pd.DataFrame = field(repr=False, default=None)
    errors: pd.DataFrame = field(repr=False, default=None)
    sources: dict = field(repr=False, default_factory=dict)

    def to_source(self, speech: int, offset: int) -> int:
        """Offset in the source of character ``offset`` of speech ``speech``'s text."""
        return to_source_offset(self.speeches, speech, offset)


def to_source_offset(speeches: pd.DataFrame, speech: int, offset: int) -> int:
    """Map an offset in a speech's cleaned ``text`` back to its source file offset."""
    row = speeches.loc[speeches["speech"] == speech]
    if row.empty:
        raise KeyError(f"no speech {speech}")
    return text_to_source(row.iloc[0]["source_map"], offset)


def _lines(text: str) -> list[Line]:
    out = []
    pos = 0
    for m in re.finditer(r"\r\n|\r|\n", text):
        out.append(Line(pos, m.start(), m.end(), text[pos:m.start()]))
        pos = m.end()
    if pos < len(text):
        out.append(Line(pos, len(text), len(text), text[pos:]))
    return out


def chinese_number(s: str) -> int | None:
    """Value of a small Chinese or Arabic numeral (一, 十二, 二十, 3); None if it is none."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    if not s or any(c not in _CN_DIGITS and c not in "十百" for c in s):
        return None
    total, current = 0, 0
    for c in s:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_DIGITS[c] if current and s.find("十") < 0 and s.find("百") < 0 else _CN_DIGITS[c]
    return total + current


def _squeeze(s: str) -> str:
    return re.sub(r"[ \t\u3000]+", "", s)


def _parse_date(text: str) -> tuple[str | None, str | None, bool]:
    """(iso_date, date_as_written, masked) from a date expression."""
    m = _DATE.search(text)
    if not m:
        return None, None, False
    written = _squeeze(m.group(0))
    parts = [m.group("y"), m.group("m"), m.group("d")]
    if any(re.search(r"[Xx]", p) for p in parts):
        return None, written, True
    y = int(parts[0]) if parts[0].isdigit() else int("".join(str(_CN_DIGITS[c]) for c in parts[0]))
    mo, d = (int(p) if p.isdigit() else chinese_number(p) for p in parts[1:])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None, written, False
    return f"{y:04d}-{mo:02d}-{d:02d}", written, False


def _is_masked(s: str | None) -> bool:
    return bool(s) and bool(re.fullmatch(r"[XxＸｘ×＊*某]+", _squeeze(s)))


def _is_clutter(line: str) -> bool:
    s = line.strip()
    return s in _CLUTTER_WORDS or bool(_CLUTTER_PATTERN.match(s))


def _is_prose(s: str) -> bool:
    return any(c in s for c in "。！？") or len(s) > 60


# --------------------------------------------------------------------------- splitting


def _find_headings(lines: list[Line]) -> tuple[list[int], dict[int, str]]:
    """Indices of the lines that open a speech, and the kind of other heading-like lines."""
    candidates = [i for i, ln in enumerate(lines) if SPEECH_HEADING.match(ln.text)]
    roles: dict[int, str] = {}
    real: list[int] = []
    for i in candidates:
        text = lines[i].text
        m = SPEECH_HEADING.match(text)
        if _ELLIPSIS.search(text) and len(m.group("title")) > 40:
            roles[i] = "teaser"
            continue
        nxt = next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)
        if nxt is None:
            real.append(i)  # a heading with nothing under it: kept, reported empty
            continue
        if nxt in candidates or _TOC.match(lines[nxt].text):
            roles[i] = "toc_entry"
            continue
        real.append(i)
    return real, roles


def _classify_front(lines: list[Line], upto: int, roles: dict[int, str], meta: dict) -> list[tuple[int, str]]:
    """Kinds of the lines before the first speech: header, title, source line, teaser, toc."""
    kinds: list[tuple[int, str]] = []
    seen_title = False
    for i in range(upto):
        t = lines[i].text
        s = t.strip()
        if not s:
            kinds.append((i, "whitespace"))
        elif i in roles:
            kinds.append((i, roles[i]))
            if roles[i] == "teaser":
                meta.setdefault("teaser", _squeeze(SPEECH_HEADING.match(t).group("title")))
        elif _TOC.match(t):
            kinds.append((i, "toc"))
        elif _SOURCE_LINE.search(s) and not _is_prose(s):
            kinds.append((i, "source_line"))
            for key, label in (("source", "来源"), ("author", "作者"), ("updated", "更新时间"),
                               ("updated", "发布时间"), ("updated", "发表时间")):
                m = re.search(label + r"\s*[:：]\s*(\S+)", s)
                if m and key not in meta:
                    meta[key] = m.group(1)
        elif _URL.search(s) and not _is_prose(s) and not seen_title:
            kinds.append((i, "site_header"))
            site = _URL.sub("", s).strip(" /|-—·")
            meta.setdefault("site", site or None)
            meta.setdefault("site_url", _URL.search(s).group(0))
        elif _is_clutter(s):
            kinds.append((i, "web_clutter"))
        elif not seen_title and not _is_prose(s):
            kinds.append((i, "compilation_title"))
            seen_title = True
            title = _BOOKMARK.sub("", s)
            claim = _COUNT_CLAIM.search(title)
            if claim:
                meta["n_claimed"] = chinese_number(claim.group(1))
                title = title[:claim.start()] + title[claim.end():]
            meta["title"] = title.strip()
        else:
            kinds.append((i, "front_matter"))
    return kinds


@dataclass
class _Preamble:
    kinds: list[tuple[int, str]]
    body_first: int  # index of the first body line
    title_lines: list[str]
    speaker_text: str | None = None
    speaker: str | None = None
    role: str | None = None
    date_text: str | None = None
    date: str | None = None
    date_masked: bool = False
    speaker_masked: bool = False
    salutation: str | None = None
    speaker_lines: list[str] = field(default_factory=list)

    def set_date(self, text: str, *, keep_first: bool = False) -> None:
        """Take the date written in ``text`` (if any); with ``keep_first`` only if none is known yet."""
        iso, written, masked = _parse_date(text)
        if written and not (keep_first and self.date_text is not None):
            self.date, self.date_text, self.date_masked = iso, written, masked

    def take_speaker(self, line: str, m: re.Match) -> None:
        """Role, name (or its mask) and date from a speaker line matched by SPEAKER_LINE / NAME_DATE_LINE."""
        self.speaker_lines.append(line)
        self.speaker_text = " / ".join(self.speaker_lines)
        if "role" in m.re.groupindex and m.group("role"):
            self.role = _squeeze(m.group("role"))
        if m.group("name"):
            name = _squeeze(m.group("name"))
            if _is_masked(name):
                self.speaker_masked = True
            else:
                self.speaker = name
        if m.group("date"):
            self.set_date(m.group("date"))


def _parse_preamble(lines: list[Line], first: int, last: int, heading_title: str | None) -> _Preamble:
    """Title lines, speaker, date and salutation under a heading; where the body starts."""
    p = _Preamble(kinds=[], body_first=first, title_lines=[])
    i = first
    stage = 0  # 0: titles allowed, 1: after speaker/date, 2: done
    limit = min(last, first + 12)
    while i < limit:
        raw = lines[i].text
        s = raw.strip()
        if not s:
            p.kinds.append((i, "whitespace"))
            i += 1
            continue
        if _is_clutter(s):
            p.kinds.append((i, "web_clutter"))
            i += 1
            continue
        if SALUTATION.match(raw) and len(s) <= 40:
            p.kinds.append((i, "salutation"))
            p.salutation = s
            i += 1
            break
        if DATE_LINE.match(raw):
            p.kinds.append((i, "date"))
            p.set_date(raw)
            stage = 1
            i += 1
            continue
        m_sub = SUBTITLE_LINE.match(raw)
        if m_sub and not _is_prose(s) and len(s) <= 80:
            p.kinds.append((i, "subtitle"))
            p.set_date(raw, keep_first=True)
            i += 1
            continue
        m_sp = SPEAKER_LINE.match(raw) if len(s) <= 40 else None
        m_nd = NAME_DATE_LINE.match(raw) if not m_sp else None
        if m_sp or m_nd:
            p.kinds.append((i, "speaker"))
            p.take_speaker(s, m_sp or m_nd)
            stage = 1
            i += 1
            continue
        if stage == 0 and not _is_prose(s) and not any(c in s for c in "，；：") and not looks_like_heading(s) \
                and len(s) <= 50 and (p.title_lines or _title_like(s, heading_title)):
            p.kinds.append((i, "title"))
            p.title_lines.append(s)
            i += 1
            continue
        if stage == 0 and p.title_lines and len(s) <= 3 and not any(c in s for c in LINE_FINAL):
            p.kinds.append((i, "title"))  # a title broken one character per line: 讲 / 话
            p.title_lines.append(s)
            i += 1
            continue
        break
    p.body_first = i
    return p


def _title_like(s: str, heading_title: str | None) -> bool:
    plain = _squeeze(_BOOKMARK.sub("", s))
    if heading_title:
        ht = _squeeze(heading_title)
        if plain in ht or ht in plain:
            return True
        common = len(set(plain) & set(ht)) / max(1, len(set(plain)))
        if common > 0.6:
            return True
    return bool(re.search(r"(讲话|致辞|发言|报告|讲稿|演讲|贺词|总结|动员|会上的)[^，。]{0,8}$", plain))


@dataclass
class _Region:
    heading_line: int | None
    first: int  # first line after the heading
    last: int  # line index after the region


def _split_file(text: str, path: Path | None, decoded: DecodedText | None,
                first_speech: int) -> tuple[dict, list[dict], list[dict], list[dict]]:
    """Split one decoded file; return meta, speech rows, span rows and deletion rows."""
    lines = _lines(text)
    meta: dict = {"file": path.name if path else None}
    headings, roles = _find_headings(lines)
    regions: list[_Region] = []
    if headings:
        front_end = headings[0]
        for k, h in enumerate(headings):
            end = headings[k + 1] if k + 1 < len(headings) else len(lines)
            regions.append(_Region(h, h + 1, end))
    else:
        front_end = 0
        regions.append(_Region(None, 0, len(lines)))

    kinds = _classify_front(lines, front_end, roles, meta)
    spans: list[dict] = []
    file_name = meta["file"]

    def add_span(kind, a, b, speech=0):
        if b > a:
            spans.append({"file": file_name, "kind": kind, "start": a, "end": b, "speech": speech})

    for i, kind in kinds:
        add_span(kind, lines[i].start, lines[i].stop)

    rows: list[dict] = []
    deletions: list[dict] = []
    number = first_speech
    for reg in regions:
        heading_text = heading_title = None
        if reg.heading_line is not None:
            hl = lines[reg.heading_line]
            m = SPEECH_HEADING.match(hl.text)
            heading_text = hl.text.strip()
            heading_title = _squeeze(m.group("title")) or None
        else:
            # no headings: leading web clutter and a title line come first
            first = reg.first
            while first < reg.last and (not lines[first].text.strip() or _is_clutter(lines[first].text)):
                add_span("web_clutter" if lines[first].text.strip() else "whitespace",
                         lines[first].start, lines[first].stop, number)
                first += 1
            reg = _Region(None, first, reg.last)
        pre = _parse_preamble(lines, reg.first, reg.last, heading_title)
        # the body runs to the last line of the region, minus trailing clutter and blank lines
        body_last = reg.last
        for j in range(pre.body_first, reg.last):
            if _TRAILER_START.match(lines[j].text) and j > pre.body_first:
                body_last = j
                break
        while body_last > pre.body_first and not lines[body_last - 1].text.strip():
            body_last -= 1
        # in a file without headings, metadata may sit among the clutter before the body
        if reg.heading_line is None and not pre.salutation:
            pre = _parse_headless(lines, reg.first, body_last, pre)
        if reg.heading_line is not None:
            add_span("speech_heading", lines[reg.heading_line].start, lines[reg.heading_line].stop, number)
        for i, kind in pre.kinds:
            add_span(kind, lines[i].start, lines[i].stop, number)
        if pre.body_first < body_last:
            b_start = lines[pre.body_first].start
            b_end = lines[body_last - 1].end
        else:
            b_start = b_end = lines[pre.body_first].start if pre.body_first < len(lines) else len(text)
        add_span("body", b_start, b_end, number)
        tail_start = b_end
        for j in range(body_last, reg.last):
            ln = lines[j]
            if tail_start < ln.start:
                add_span("whitespace", tail_start, ln.start, number)
            add_span("web_clutter" if ln.text.strip() else "whitespace", max(ln.start, tail_start), ln.stop, number)
            tail_start = ln.stop
        region_end = lines[reg.last - 1].stop if reg.last > 0 else len(text)
        if tail_start < region_end:
            add_span("whitespace", tail_start, region_end, number)
        clean = clean_body(text, b_start, b_end)
        for d in clean.deletions:
            deletions.append({"file": file_name, "speech": number, "start": d.start, "end": d.end,
                              "reason": d.reason, "removed": text[d.start:d.end]})
        title = heading_title or ("".join(pre.title_lines) or None)
        truncated = bool(re.search(r"(\.{3,}|…+)\s*$", clean.text)) and not clean.text.rstrip(".…")[-1:] in LINE_FINAL
        rows.append({
            "speech": number, "file": file_name, "heading": heading_text or "",
            "title": _BOOKMARK.sub("", title) if title else None,
            "title_in_text": "".join(pre.title_lines) or None,
            "speaker": pre.speaker, "speaker_text": pre.speaker_text, "role": pre.role,
            "date": pre.date, "date_text": pre.date_text,
            "speaker_masked": pre.speaker_masked, "date_masked": pre.date_masked,
            "salutation": pre.salutation, "text": clean.text, "start": b_start, "end": b_end,
            "n_chars": len(clean.text) - clean.text.count("\n"),
            "n_paragraphs": len([p for p in clean.text.split("\n") if p.strip()]),
            "truncated": truncated, "encoding": decoded.encoding if decoded else "str",
            "source_map": clean.runs,
        })
        number += 1
    # tile: anything not yet covered (e.g. the final newline) becomes whitespace or front matter
    spans.sort(key=lambda r: (r["start"], r["end"]))
    tiled: list[dict] = []
    pos = 0
    for sp in spans:
        if sp["start"] > pos:
            gap = text[pos:sp["start"]]
            tiled.append({"file": file_name, "kind": "whitespace" if not gap.strip() else "front_matter",
                          "start": pos, "end": sp["start"], "speech": 0})
        if sp["start"] < pos:  # never expected; keep tiling exact rather than overlap
            sp = dict(sp, start=pos)
            if sp["end"] <= pos:
                continue
        tiled.append(sp)
        pos = sp["end"]
    if pos < len(text):
        tiled.append({"file": file_name, "kind": "whitespace" if not text[pos:].strip() else "front_matter",
                      "start": pos, "end": len(text), "speech": 0})
    for sp in tiled:
        sp["text"] = text[sp["start"]:sp["end"]]
    return meta, rows, tiled, deletions


def _parse_headless(lines: list[Line], first: int, last: int, pre: _Preamble) -> _Preamble:
    """Preamble of a single-speech file: title, source lines and clutter before a salutation."""
    sal = next((j for j in range(first, min(last, first + 40))
                if SALUTATION.match(lines[j].text) and len(lines[j].text.strip()) <= 40), None)
    if sal is None:
        # the first line is the title if it does not read as prose
        s = lines[first].text.strip() if first < last else ""
        if s and not _is_prose(s) and len(s) <= 60 and first + 1 < last:
            rest = _parse_preamble(lines, first + 1, last, s)
            rest.kinds.insert(0, (first, "title"))
            rest.title_lines.insert(0, s)
            return rest
        return pre
    kinds: list[tuple[int, str]] = []
    out = _Preamble(kinds=kinds, body_first=sal + 1, title_lines=[])
    for j in range(first, sal + 1):
        s = lines[j].text.strip()
        raw = lines[j].text
        if not s:
            kinds.append((j, "whitespace"))
        elif j == sal:
            kinds.append((j, "salutation"))
            out.salutation = s
        elif _is_clutter(s) or _URL.search(s):
            kinds.append((j, "web_clutter"))
        elif _SOURCE_LINE.search(s) and len(s) <= 40:
            kinds.append((j, "source_line"))
        elif SUBTITLE_LINE.match(raw) and not _is_prose(s):
            kinds.append((j, "subtitle"))
            out.set_date(raw, keep_first=True)
        elif SPEAKER_LINE.match(raw) and len(s) <= 40:
            kinds.append((j, "speaker"))
            out.take_speaker(s, SPEAKER_LINE.match(raw))
        elif DATE_LINE.match(raw):
            kinds.append((j, "date"))
            out.set_date(raw)
        elif out.speaker is None and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", s) and j + 3 >= sal:
            kinds.append((j, "speaker"))  # a name alone on its line just above the salutation
            out.speaker_lines.append(s)
            out.speaker_text, out.speaker = s, s
        elif not _is_prose(s) and len(s) <= 60 and (not out.title_lines or _title_like(s, None)):
            kinds.append((j, "title"))
            out.title_lines.append(s)
        else:
            kinds.append((j, "front_matter"))
    if len(out.title_lines) > 1:
        # several title-like lines: the one that reads as a title wins, the others are front matter
        best = next((t for t in out.title_lines if _title_like(t, None)), out.title_lines[0])
        out.title_lines = [best]
        titles = [k for k, (j, kind) in enumerate(kinds) if kind == "title"]
        keep = next(k for k in titles if lines[kinds[k][0]].text.strip() == best)
        for k in titles:
            if k != keep:
                kinds[k] = (kinds[k][0], "front_matter")
    return out


# --------------------------------------------------------------------------- public API


def _frames(rows, spans, deletions):
    speeches = pd.DataFrame(rows)
    if speeches.empty:
        speeches = pd.DataFrame(columns=["speech", "file", "title", "text", "start", "end", "n_chars"])
    span_frame = pd.DataFrame(spans, columns=["file", "kind", "start", "end", "speech", "text"])
    del_frame = pd.DataFrame(deletions, columns=["file", "speech", "start", "end", "reason", "removed"])
    return speeches, span_frame, del_frame


def read_compilation(path: str | Path | None = None, *, text: str | None = None) -> Compilation:
    """Read one compilation file (or ``text``) into a :class:`Compilation`.

    With no path, reads the five-speech compilation in ``data/raw/``.
    Raises :class:`~analysis.CorpusError` subclasses, whose one-line message
    names the file and the problem.
    """
    if text is not None:
        decoded = DecodedText(text, "str", False, "\n")
        path = Path(path) if path else None
        if not text.strip():
            from .errors import EmptyCorpusError
            raise EmptyCorpusError(path, "the text is empty")
    else:
        path = Path(path) if path is not None else config.DEFAULT_CORPUS
        if path.is_dir():
            return read_corpus(path)
        decoded = read_text(path)
    meta, rows, spans, deletions = _split_file(decoded.text, path, decoded, 1)
    meta.update(encoding=decoded.encoding, bom=decoded.bom, newline=decoded.newline,
                n_speeches=len(rows), n_chars_source=len(decoded.text))
    _check_speeches(rows, path)
    speeches, span_frame, del_frame = _frames(rows, spans, deletions)
    return Compilation(path, decoded.text, decoded.encoding, meta, speeches, span_frame, del_frame,
                       pd.DataFrame(columns=["file", "error"]), {meta["file"]: decoded.text})


def _check_speeches(rows: list[dict], path) -> None:
    if not rows or all(not r["text"].strip() for r in rows):
        raise NoSpeechesError(path, "no speech could be found in it (no body text under any heading)")
    if not any(any(is_han(c) for c in r["text"]) for r in rows):
        raise NoSpeechesError(path, "no Chinese text was found in it, so no speech could be read")
    for r in rows:
        if not r["text"].strip():
            warnings.warn(f"{path}: speech {r['speech']} ({r['heading'] or r['title']}) has a heading but no body",
                          CorpusWarning, stacklevel=3)


def read_corpus(path: str | Path | None = None, *, pattern: str = "*.txt") -> Compilation:
    """Read a compilation file, a single speech file, or a folder of ``.txt`` files.

    In a folder each file is one speech (or a compilation of several, if it has
    ``第N篇`` headings); speeches are numbered across files in file-name order.
    A file that cannot be read is reported in ``.errors`` and with a
    :class:`~analysis.CorpusWarning`; the rest are still read.
    """
    path = Path(path) if path is not None else config.DEFAULT_CORPUS
    if not path.is_dir():
        return read_compilation(path)
    files = sorted(p for p in path.glob(pattern) if p.is_file())
    if not files:
        raise NoSpeechesError(path, f"the folder holds no {pattern} files")
    all_rows, all_spans, all_dels, errors, sources = [], [], [], [], {}
    metas = []
    for f in files:
        try:
            decoded = read_text(f)
            meta, rows, spans, dels = _split_file(decoded.text, f, decoded, len(all_rows) + 1)
            _check_speeches(rows, f)
        except CorpusError as exc:
            errors.append({"file": f.name, "error": str(exc)})
            warnings.warn(str(exc), CorpusWarning, stacklevel=2)
            continue
        meta.update(encoding=decoded.encoding, n_speeches=len(rows), n_chars_source=len(decoded.text))
        metas.append(meta)
        sources[f.name] = decoded.text
        all_rows += rows
        all_spans += spans
        all_dels += dels
    if not all_rows:
        raise NoSpeechesError(path, f"none of the {len(files)} files could be read: " + errors[0]["error"])
    speeches, span_frame, del_frame = _frames(all_rows, all_spans, all_dels)
    meta = {"folder": str(path), "n_files": len(files), "n_speeches": len(all_rows), "files": metas,
            "n_errors": len(errors)}
    return Compilation(path, "", "mixed", meta, speeches, span_frame, del_frame,
                       pd.DataFrame(errors, columns=["file", "error"]), sources)


def load_speeches(path: str | Path | None = None) -> pd.DataFrame:
    """The speech table of :func:`read_corpus` (see the module doc for its columns)."""
    return read_corpus(path).speeches


def speech_table(speeches: pd.DataFrame) -> pd.DataFrame:
    """The speech table without the cleaned text and offset map: what gets printed and saved."""
    return speeches.drop(columns=[c for c in ("text", "source_map") if c in speeches.columns])
