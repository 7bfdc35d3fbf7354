"""Metadata of a speech: title lines, speaker, role, date, salutation, subtitle.

The patterns here read the lines under a speech's heading (or at the top of a
single-speech file) until the body starts; :func:`parse_preamble` and
:func:`parse_headless` return a :class:`Preamble` saying which line is what.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..chinese import (
    BOOKMARK,
    HAN,
    LINE_FINAL,
    MASKED_NAME,
    Line,
    chinese_number,
    is_masked_name,
    looks_like_heading,
    squeeze,
    year_digits,
)
from .clutter import SOURCE_LINE, URL, is_clutter

SALUTATION = re.compile(
    r"^[ \t\u3000]*(尊敬的)?[^。！？\n]{0,30}?(同志们|各位代表|朋友们|女士们|先生们|各位来宾|各位嘉宾|"
    r"各位领导|各位企业家|代表们|委员们|同学们)[^。！？\n]{0,20}?[：:！!，,]?[ \t\u3000]*$"
)
_ROLES = (r"(?:市委|县委|区委|省委|州委|党委|党组|市|县|区|省|州|镇|乡|自治区|人民政府|政府|常务|副|主要)*"
          r"(?:书记|副书记|市长|县长|省长|区长|州长|镇长|乡长|主席|主任|部长|局长|厅长|秘书长|常委|委员|"
          r"盟长|旗长|总经理|董事长)")
# 县委书记 XXX / 上海市市长 龚 正 / 省长　王予波 / 市委书记
SPEAKER_LINE = re.compile(
    rf"^[ \t\u3000]*(?P<role>[{HAN}]{{0,16}}?{_ROLES})[ \t\u3000]*"
    rf"(?P<name>[{HAN}]{{1,6}}(?:[·・•][{HAN}]{{1,8}})+|(?:[{HAN}][ \t\u3000]?){{2,4}}"
    rf"|{MASKED_NAME})?[ \t\u3000]*"
    r"(?:[（(](?P<date>[^（）()]{4,20})[）)])?[ \t\u3000]*$"
)
# 张笑东（2024年5月4日）
NAME_DATE_LINE = re.compile(
    rf"^[ \t\u3000]*(?P<name>[{HAN}]{{2,4}}|[XxＸｘ]{{2,4}})[ \t\u3000]*"
    r"[（(](?P<date>[^（）()]{4,20})[）)][ \t\u3000]*$"
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


def _parse_date(text: str) -> tuple[str | None, str | None, bool]:
    """(iso_date, date_as_written, masked) from a date expression."""
    m = _DATE.search(text)
    if not m:
        return None, None, False
    written = squeeze(m.group(0))
    parts = [m.group("y"), m.group("m"), m.group("d")]
    if any(re.search(r"[Xx]", p) for p in parts):
        return None, written, True
    y = year_digits(parts[0])
    mo, d = (int(p) if p.isdigit() else chinese_number(p) for p in parts[1:])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None, written, False
    return f"{y:04d}-{mo:02d}-{d:02d}", written, False


def is_prose(s: str) -> bool:
    return any(c in s for c in "。！？") or len(s) > 60



@dataclass
class Preamble:
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
            self.role = squeeze(m.group("role"))
        if m.group("name"):
            name = squeeze(m.group("name"))
            if is_masked_name(name):
                self.speaker_masked = True
            else:
                self.speaker = name
        if m.group("date"):
            self.set_date(m.group("date"))


def parse_preamble(lines: list[Line], first: int, last: int, heading_title: str | None) -> Preamble:
    """Title lines, speaker, date and salutation under a heading; where the body starts."""
    p = Preamble(kinds=[], body_first=first, title_lines=[])
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
        if is_clutter(s):
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
        if m_sub and not is_prose(s) and len(s) <= 80:
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
        if stage == 0 and not is_prose(s) and not any(c in s for c in "，；：") and not looks_like_heading(s) \
                and len(s) <= 50 and (p.title_lines or title_like(s, heading_title)):
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


def title_like(s: str, heading_title: str | None) -> bool:
    plain = squeeze(BOOKMARK.sub("", s))
    if heading_title:
        ht = squeeze(heading_title)
        if plain in ht or ht in plain:
            return True
        common = len(set(plain) & set(ht)) / max(1, len(set(plain)))
        if common > 0.6:
            return True
    return bool(re.search(r"(讲话|致辞|发言|报告|讲稿|演讲|贺词|总结|动员|会上的)[^，。]{0,8}$", plain))


def parse_headless(lines: list[Line], first: int, last: int, pre: Preamble) -> Preamble:
    """Preamble of a single-speech file: title, source lines and clutter before a salutation."""
    sal = next((j for j in range(first, min(last, first + 40))
                if SALUTATION.match(lines[j].text) and len(lines[j].text.strip()) <= 40), None)
    if sal is None:
        # the first line is the title if it does not read as prose
        s = lines[first].text.strip() if first < last else ""
        if s and not is_prose(s) and len(s) <= 60 and first + 1 < last:
            rest = parse_preamble(lines, first + 1, last, s)
            rest.kinds.insert(0, (first, "title"))
            rest.title_lines.insert(0, s)
            return rest
        return pre
    kinds: list[tuple[int, str]] = []
    out = Preamble(kinds=kinds, body_first=sal + 1, title_lines=[])
    for j in range(first, sal + 1):
        s = lines[j].text.strip()
        raw = lines[j].text
        if not s:
            kinds.append((j, "whitespace"))
        elif j == sal:
            kinds.append((j, "salutation"))
            out.salutation = s
        elif is_clutter(s) or URL.search(s):
            kinds.append((j, "web_clutter"))
        elif SOURCE_LINE.search(s) and len(s) <= 40:
            kinds.append((j, "source_line"))
        elif SUBTITLE_LINE.match(raw) and not is_prose(s):
            kinds.append((j, "subtitle"))
            out.set_date(raw, keep_first=True)
        elif SPEAKER_LINE.match(raw) and len(s) <= 40:
            kinds.append((j, "speaker"))
            out.take_speaker(s, SPEAKER_LINE.match(raw))
        elif DATE_LINE.match(raw):
            kinds.append((j, "date"))
            out.set_date(raw)
        elif out.speaker is None and re.fullmatch(rf"[{HAN}]{{2,4}}", s) and j + 3 >= sal:
            kinds.append((j, "speaker"))  # a name alone on its line just above the salutation
            out.speaker_lines.append(s)
            out.speaker_text, out.speaker = s, s
        elif not is_prose(s) and len(s) <= 60 and (not out.title_lines or title_like(s, None)):
            kinds.append((j, "title"))
            out.title_lines.append(s)
        else:
            kinds.append((j, "front_matter"))
    if len(out.title_lines) > 1:
        # several title-like lines: the one that reads as a title wins, the others are front matter
        best = next((t for t in out.title_lines if title_like(t, None)), out.title_lines[0])
        out.title_lines = [best]
        titles = [k for k, (j, kind) in enumerate(kinds) if kind == "title"]
        keep = next(k for k in titles if lines[kinds[k][0]].text.strip() == best)
        for k in titles:
            if k != keep:
                kinds[k] = (kinds[k][0], "front_matter")
    return out


