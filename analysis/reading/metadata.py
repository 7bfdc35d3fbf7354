"""Metadata of a speech: title lines, speaker, role, date, salutation, subtitle.

The patterns here read the lines under a speech's heading (or at the top of a
single-speech file) until the body starts; :func:`parse_preamble` and
:func:`parse_headless` return a :class:`Preamble` saying which line is what.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..chinese import (
    ADDRESSEES,
    BOOKMARK,
    CN_ORDINAL,
    CN_YEAR,
    HAN,
    LINE_FINAL,
    MASK_LETTERS,
    MASKED_NAME,
    PROSE_LINE,
    SENTENCE_MARKS,
    SHORT_LINE,
    TITLE_LINE,
    YEAR_DIGITS,
    Line,
    chinese_number,
    is_masked_name,
    looks_like_heading,
    squeeze,
    year_digits,
)
from .clutter import SOURCE_LINE, URL, is_clutter

SALUTATION = re.compile(
    rf"^[ \t\u3000]*(尊敬的)?[^{SENTENCE_MARKS}\n]{{0,30}}?({ADDRESSEES})"
    rf"[^{SENTENCE_MARKS}\n]{{0,20}}?[：:！!，,]?[ \t\u3000]*$"
)
_ROLES = (r"(?:国务院|市委|县委|区委|省委|州委|党委|党组|市|县|区|省|州|镇|乡|自治区|人民政府|政府|常务|副|主要)*"
          r"(?:书记|副书记|总理|市长|县长|省长|区长|州长|镇长|乡长|主席|主任|部长|局长|厅长|秘书长|常委|委员|"
          r"盟长|旗长|总经理|董事长)")
# 县委书记 XXX / 上海市市长 龚 正 / 省长　王予波 / 市委书记
SPEAKER_LINE = re.compile(
    rf"^[ \t\u3000]*(?P<role>(?:[{HAN}{MASK_LETTERS}]{{0,16}}?{_ROLES}[、，,])*"
    rf"[{HAN}{MASK_LETTERS}]{{0,16}}?{_ROLES})[ \t\u3000：:]*"
    rf"(?P<name>[{HAN}]{{1,6}}(?:[·・•][{HAN}]{{1,8}})+|(?:[{HAN}][ \t\u3000]?){{2,4}}"
    rf"|{MASKED_NAME})?[ \t\u3000]*"
    r"(?:[（(](?P<date>[^（）()]{4,20})[）)])?[ \t\u3000]*$"
)
# a labelled line of a title block, as archives and saved pages write it: 标题：…, 作者：…, 日期：…
# (a publication time, 发布时间：, is the page's, not the speech's: it stays a source line)
_FIELDS = {"标题": "title", "题目": "title", "篇名": "title", "作者": "speaker", "讲话人": "speaker",
           "发言人": "speaker", "报告人": "speaker", "主讲人": "speaker", "日期": "date", "会议日期": "date",
           "讲话日期": "date"}
FIELD_LINE = re.compile(rf"^[ \t\u3000]*(?P<field>{'|'.join(sorted(_FIELDS, key=len, reverse=True))})"
                        r"[ \t\u3000]*[：:][ \t\u3000]*(?P<value>\S.{0,80}?)[ \t\u3000]*$")
# an editor's note in brackets: (譯自…俄文稿) / 【编者按】
_EDITORIAL_NOTE = re.compile(r"^[（(【\[].*[）)】\]]$")
# a name alone on its line, maybe spaced by the source: 李强 / 李　强 / 习　近　平
BARE_NAME = re.compile(rf"^[{HAN}](?:[ \t\u3000]{{0,2}}[{HAN}]){{1,3}}$")
# 张笑东（2024年5月4日）
NAME_DATE_LINE = re.compile(
    rf"^[ \t\u3000]*(?P<name>[{HAN}]{{2,4}}|[{MASK_LETTERS}]{{2,4}})[ \t\u3000]*"
    r"[（(](?P<date>[^（）()]{4,20})[）)][ \t\u3000]*$"
)
_DATE = re.compile(
    rf"(?P<y>{YEAR_DIGITS}|\d{{4}}|\d{{2}}[{MASK_LETTERS}]{{2}}|[{MASK_LETTERS}]{{4}}|{CN_YEAR})\s*年\s*"
    rf"(?P<m>\d{{1,2}}|[{MASK_LETTERS}]{{1,2}}|{CN_ORDINAL})\s*月\s*"
    rf"(?P<d>\d{{1,2}}|[{MASK_LETTERS}]{{1,2}}|{CN_ORDINAL})\s*日"
)
# a date as pages and archives print it alone under a title: 2024-03-05, 2024.3.5, 2024/03/05
_NUMERIC_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_CLOCK = r"(?:[ \t\u3000]+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"  # 2024年03月05日 10:30: the time goes with it
DATE_LINE = re.compile(
    r"^[ \t\u3000]*[（(]?[ \t\u3000]*(?:" + _DATE.pattern + "|" + _NUMERIC_DATE.pattern.replace("?P<", "?P<n")
    + ")" + _CLOCK + r"[ \t\u3000]*[）)]?[ \t\u3000]*$"
)
_DASH = r"(?:——|――|--|－－|—|―)"
_ANY_DATE = re.sub(r"\(\?P<\w+>", "(?:", _DATE.pattern)  # the date, without its group names
# ——2026年2月3日在上海市第十六届人民代表大会第四次会议上 / （2026年1月27日在…上）
SUBTITLE_LINE = re.compile(rf"^[ \t\u3000]*(?:{_DASH}\s*.*|{_ANY_DATE}在\S{{2,40}}上"
                           rf"|[（(]\s*{_ANY_DATE}\s*在.{{2,60}}[）)])[ \t\u3000]*$")
# the rest of a subtitle that wrapped: 第四次会议上
_SUBTITLE_TAIL = re.compile(r"^[^。，；！？]{1,30}(?:会议上|大会上|会上|上|）|\))$")
# 政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上 国务院总理 李强
_TITLE_WITH_SUBTITLE = re.compile(rf"^(?P<title>[^—―-]{{2,40}}?)\s*{_DASH}\s*(?P<sub>{_ANY_DATE}"
                                  r"\s*在\S{2,60}?上)\s*(?P<speaker>.*)$")
# 常务副市长在全市项目建设调度会上的讲话: the office is in the title
_ROLE_IN_TITLE = re.compile(rf"^(?P<role>[{HAN}]{{0,8}}?{_ROLES})在(?P<occasion>.+?)上的")
# 在全市项目建设调度会上的讲话 / 在第十四届全国人民代表大会第二次会议上
OCCASION = re.compile(r"在(?P<occasion>[^，。；]{2,60}?)上(?:的|$|[）)])")


def parse_date(text: str) -> tuple[str | None, str | None, bool]:
    """(iso_date, date_as_written, masked) from a date expression."""
    m = _DATE.search(text)
    if not m:
        numeric = _NUMERIC_DATE.search(text)
        if numeric is None:
            return None, None, False
        y, mo, d = (int(g) for g in numeric.groups())
        valid = 1 <= mo <= 12 and 1 <= d <= 31
        return (f"{y:04d}-{mo:02d}-{d:02d}" if valid else None), numeric.group(0), False
    written = squeeze(m.group(0))
    parts = [m.group("y"), m.group("m"), m.group("d")]
    if any(re.search(f"[{MASK_LETTERS}]", p) for p in parts):
        return None, written, True
    y = year_digits(parts[0])
    mo, d = (int(p) if p.isdigit() else chinese_number(p) for p in parts[1:])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None, written, False
    return f"{y:04d}-{mo:02d}-{d:02d}", written, False


def is_prose(s: str) -> bool:
    return any(c in s for c in SENTENCE_MARKS) or len(s) > PROSE_LINE



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
    title_ends: dict[int, int] = field(default_factory=dict)  # line -> where its title stops in it
    subtitles: list[str] = field(default_factory=list)  # the subtitle as written, a wrapped one joined
    title_rows: list[list[int]] = field(default_factory=list)  # the lines of each entry of title_lines
    title_starts: dict[int, int] = field(default_factory=dict)  # line -> where its title starts in it (标题：…)
    stamp: str | None = None  # a page's time stamp among the clutter (its date, when no other)

    def set_date(self, text: str, *, keep_first: bool = False) -> None:
        """Take the date written in ``text`` (if any); with ``keep_first`` only if none is known yet."""
        iso, written, masked = parse_date(text)
        if written and not (keep_first and self.date_text is not None):
            self.date, self.date_text, self.date_masked = iso, written, masked

    def take_title(self, i: int, line: str) -> None:
        """A title line; a title with its subtitle and speaker on the same line is cut apart."""
        self.kinds.append((i, "title"))
        self.title_rows.append([i])
        m = _TITLE_WITH_SUBTITLE.match(line)
        if not m:
            self.title_lines.append(line)
            return
        self.title_lines.append(m.group("title"))
        self.title_ends[i] = m.end("title")
        self.subtitles.append(m.group("sub"))
        self.set_date(m.group("sub"), keep_first=True)
        speaker = SPEAKER_LINE.match(m.group("speaker")) if m.group("speaker") else None
        if speaker:
            self.take_speaker(m.group("speaker").strip(), speaker)

    def note_stamp(self, line: str) -> None:
        """A page's time stamp (2026-02-03 09:02:33) is clutter; its date dates the speech only when
        nothing else in the title block does (:meth:`dated_by_stamp`)."""
        if self.stamp is None and DATE_LINE.match(line):
            self.stamp = line

    def dated_by_stamp(self) -> Preamble:
        if self.date_text is None and self.stamp is not None:
            self.set_date(self.stamp)
        return self

    def take_field(self, i: int, m: re.Match) -> None:
        """A labelled line (:data:`FIELD_LINE`): its value is the title, the speaker or the date."""
        kind, value = _FIELDS[m.group("field")], m.group("value")
        if kind == "title":
            self.kinds.append((i, "title"))
            self.title_rows.append([i])
            self.title_lines.append(value)
            self.title_starts[i] = m.start("value")
            return
        self.kinds.append((i, kind))
        if kind == "date":
            self.set_date(value, keep_first=True)  # 2021年3月5日 or 2021-03-05 (:func:`parse_date`)
            return
        speaker = SPEAKER_LINE.match(value)
        self.take_speaker(value, speaker) if speaker else self.take_name(value)

    def take_subtitle(self, i: int, line: str) -> None:
        self.kinds.append((i, "subtitle"))
        self.subtitles.append(line.strip())
        self.set_date(line, keep_first=True)

    def after_subtitle(self, s: str) -> bool:
        """``s`` is the rest of a subtitle that wrapped onto the next line."""
        return bool(self.kinds) and self.kinds[-1][1] == "subtitle" and bool(_SUBTITLE_TAIL.match(s))

    def take_name(self, line: str) -> None:
        """A name alone on its line (李　强, spaced by the source): the speaker."""
        self.speaker_lines.append(line)
        self.speaker_text = " / ".join(self.speaker_lines)
        self.speaker = squeeze(line)

    def expects_name(self) -> bool:
        """The title block so far (a date, a subtitle, an office without a name) is followed by a name."""
        return self.speaker is None and bool(self.date_text or self.stamp or self.subtitles or self.role)

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
        if _plain_kind(p, i, raw, s):
            i += 1
            continue
        if SALUTATION.match(raw) and len(s) <= SHORT_LINE:
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
        if (SUBTITLE_LINE.match(raw) and not is_prose(s)) or p.after_subtitle(s):
            p.take_subtitle(i, raw)
            i += 1
            continue
        if BARE_NAME.match(s) and (p.expects_name() or (p.title_lines and title_like(p.title_lines[-1], None)
                                                        and not title_like(s, None) and not SPEAKER_LINE.match(raw)
                                                        and _hails_next(lines, i, limit))):
            p.kinds.append((i, "speaker"))
            p.take_name(s)
            stage = 1
            i += 1
            continue
        m_sp = SPEAKER_LINE.match(raw) if len(s) <= SHORT_LINE else None
        m_nd = NAME_DATE_LINE.match(raw) if not m_sp else None
        if m_sp or m_nd:
            p.kinds.append((i, "speaker"))
            p.take_speaker(s, m_sp or m_nd)
            stage = 1
            i += 1
            continue
        if stage == 0 and not is_prose(s) and not any(c in s for c in "，；：") and not looks_like_heading(s) \
                and len(s) <= TITLE_LINE and (p.title_lines or title_like(s, heading_title)):
            p.take_title(i, s)
            i += 1
            continue
        if stage == 0 and p.title_lines and len(s) <= 3 and not any(c in s for c in LINE_FINAL):
            p.kinds.append((i, "title"))  # a title broken one character per line: 讲 / 话
            p.title_lines.append(s)
            i += 1
            continue
        break
    p.body_first = i
    return p.dated_by_stamp()


def _hails_next(lines: list[Line], i: int, last: int) -> bool:
    """Whether the next line with text after line ``i`` is a salutation (a name alone between a
    title and 同志们： is the speaker's)."""
    j = next((j for j in range(i + 1, last) if lines[j].text.strip()), None)
    return j is not None and len(lines[j].text.strip()) <= SHORT_LINE and bool(SALUTATION.match(lines[j].text))


def _plain_kind(p: Preamble, i: int, raw: str, s: str) -> bool:
    """Take a line whose kind needs nothing of the block around it (blank, labelled, clutter);
    whether it was one."""
    if not s:
        p.kinds.append((i, "whitespace"))
        return True
    field_line = FIELD_LINE.match(raw)
    if field_line:
        p.take_field(i, field_line)
        return True
    if is_clutter(s):
        p.kinds.append((i, "web_clutter"))
        p.note_stamp(raw)
        return True
    return False


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
                if SALUTATION.match(lines[j].text) and len(lines[j].text.strip()) <= SHORT_LINE), None)
    if sal is None:
        return _without_salutation(lines, first, last, pre)
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
        elif FIELD_LINE.match(raw):
            out.take_field(j, FIELD_LINE.match(raw))
        elif is_clutter(s) or URL.search(s):
            kinds.append((j, "web_clutter"))
            out.note_stamp(raw)
        elif SOURCE_LINE.search(s) and len(s) <= SHORT_LINE:
            kinds.append((j, "source_line"))
        elif (SUBTITLE_LINE.match(raw) and not is_prose(s)) or out.after_subtitle(s):
            out.take_subtitle(j, raw)
        elif SPEAKER_LINE.match(raw) and len(s) <= SHORT_LINE:
            kinds.append((j, "speaker"))
            out.take_speaker(s, SPEAKER_LINE.match(raw))
        elif DATE_LINE.match(raw):
            kinds.append((j, "date"))
            out.set_date(raw)
        elif out.speaker is None and BARE_NAME.match(s) and not title_like(s, None) \
                and (j + 3 >= sal or out.date_text or out.subtitles):
            kinds.append((j, "speaker"))  # a name alone on its line under the title block (李　强)
            out.take_name(s)
        elif _continues_title(out, kinds, s):
            kinds.append((j, "title"))  # a title laid out over two lines
            out.title_lines[-1] += s
            out.title_rows[-1].append(j)
        elif not is_prose(s) and (not out.title_lines or title_like(s, None)):
            out.take_title(j, s)
        else:
            kinds.append((j, "front_matter"))
    return _one_title(out).dated_by_stamp()


def _without_salutation(lines: list[Line], first: int, last: int, pre: Preamble) -> Preamble:
    """A single speech that hails no one: its first line is the title if it does not read as prose
    (an outline heading 一、… or an editor's note in brackets opens a text that has no title)."""
    s = lines[first].text.strip() if first < last else ""
    if not s or is_prose(s) or first + 1 >= last or looks_like_heading(s) or _EDITORIAL_NOTE.match(s):
        return pre
    rest = parse_preamble(lines, first + 1, last, s)
    head = Preamble(kinds=[], body_first=first, title_lines=[])
    field_line = FIELD_LINE.match(lines[first].text)
    head.take_field(first, field_line) if field_line else head.take_title(first, s)
    rest.kinds[:0], rest.title_lines[:0] = head.kinds, head.title_lines
    rest.title_rows[:0] = head.title_rows
    rest.title_ends.update(head.title_ends)
    rest.title_starts.update(head.title_starts)
    rest.subtitles[:0] = head.subtitles
    for name in ("speaker", "speaker_text", "role", "date", "date_text", "date_masked", "speaker_masked"):
        if getattr(rest, name) in (None, False) and getattr(head, name) not in (None, False):
            setattr(rest, name, getattr(head, name))
    return rest


def _continues_title(out: Preamble, kinds: list[tuple[int, str]], s: str) -> bool:
    """``s`` goes on with the title on the line before (no subtitle, speaker or date yet)."""
    last = next((k for _, k in reversed(kinds) if k != "whitespace"), None)
    return (last == "title" and not out.subtitles and not out.speaker_lines and not out.date_text
            and (not title_like(s, None) or s.startswith(("上的", "会上", "的")))  # 在…大会 / 上的讲话
            and s != out.title_lines[-1] and not is_prose(s) and len(s) <= SHORT_LINE
            and not any(c in s for c in "，；：:") and not looks_like_heading(s))


def _one_title(out: Preamble) -> Preamble:
    kinds = out.kinds
    if len(out.title_lines) > 1:
        # several title-like lines: the one that reads as a title wins, the others are front matter
        best = next((k for k, t in enumerate(out.title_lines) if title_like(t, None)), 0)
        kept = set(out.title_rows[best]) if len(out.title_rows) == len(out.title_lines) else set()
        out.title_lines = [out.title_lines[best]]
        for n, k in enumerate(k for k, (_, kind) in enumerate(kinds) if kind == "title"):
            if (kinds[k][0] not in kept) if kept else n != best:
                kinds[k] = (kinds[k][0], "front_matter")
    return out




def role_and_occasion(title: str | None, subtitles: list[str]) -> tuple[str | None, str | None]:
    """The office a title names (常务副市长在…的讲话) and the occasion (在…上) of a title or subtitle.

    >>> role_and_occasion("常务副市长在全市项目建设调度会上的讲话", [])
    ('常务副市长', '全市项目建设调度会')
    >>> role_and_occasion("政府工作报告", ["——2024年3月5日在第十四届全国人民代表大会第二次会议上"])
    (None, '第十四届全国人民代表大会第二次会议')
    """
    role = None
    m = _ROLE_IN_TITLE.match(squeeze(title or ""))
    if m:
        role = m.group("role")
    for text in [title or "", *subtitles]:
        o = OCCASION.search(squeeze(text))
        if o:
            return role, o.group("occasion")
    return role, None
