"""Every rule about Chinese text that the library relies on, in one place.

Character classes, white space, masked placeholders, sentence and clause ends,
quotation marks, outline markers, bookmarks, line splitting and numerals.  The
reader, the segmenter and the extractors import these names; none of them
spells such a rule out again.  Where two stages need a rule in different
strengths (a token that *is* a mask, a text that *holds* one), both are here,
named for what they test.

>>> from analysis import chinese
>>> chinese.is_han("招"), chinese.is_han("A")
(True, False)
>>> bool(chinese.MASK_TOKEN.match("XXX")), chinese.chinese_number("十二")
(True, 12)
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# --------------------------------------------------------------------------- characters

#: The basic Han block, as a regex character range (``[{HAN}]``).
HAN = "\u4e00-\u9fff"
#: The basic Han block, CJK punctuation and full-width forms: what rightly decoded Chinese is
#: mostly made of (rare characters are what a wrong decoding produces).
COMMON_CJK = re.compile(f"[{HAN}\u3000-\u303f\uff00-\uffef]")


#: One Han character of any of the blocks :func:`is_han` knows.
HAN_CHAR = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ffff\uf900-\ufaff]")
#: A run of anything else (what is left of a text once its Han characters are taken out).
NOT_HAN = re.compile("[^\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ffff\uf900-\ufaff]+")


def is_han(ch: str) -> bool:
    """A Han character (basic block, extension A, the supplementary planes, compatibility).

    >>> is_han("讲"), is_han("。")
    (True, False)
    """
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF


def is_cjk(ch: str) -> bool:
    """A Han character or CJK punctuation: between two of these a space is never meant.

    >>> is_cjk("，"), is_cjk(",")
    (True, False)
    """
    o = ord(ch)
    return (is_han(ch) or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF0F or 0xFF1A <= o <= 0xFF20
            or o in (0x201C, 0x201D, 0x2018, 0x2019, 0x2026, 0x2014))


def is_punct(token: str) -> bool:
    """Punctuation, symbols or white space only (。 ， —— ％).

    >>> is_punct("——"), is_punct("5%")
    (True, False)
    """
    return all(unicodedata.category(c)[0] in "PSZ" for c in token)


#: White space of Chinese web text: ASCII, ideographic, no-break, thin, zero-width, BOM.
SPACES = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"
#: A run of :data:`SPACES`.
SPACE_RUN = re.compile(f"[{SPACES}]+")
_INLINE_SPACE = re.compile(r"[ \t\u3000]+")
#: A space between two characters of a line laid out one character at a time (a PDF's text layer,
#: an OCR: 各 位 代 表 ： 2 0 2 5 年, M 1 0 2 线): never between two Latin letters (Public domain keeps its space).
_LETTER_GAP = re.compile(r"(?<=[^\sA-Za-z])[ \u3000](?=\S)|(?<=\S)[ \u3000](?=[^\sA-Za-z])")


def letter_gaps(line: str) -> list[int]:
    """Where the spaces of a letter-spaced line stand (offsets in ``line``): a line of four gaps or
    more, where at least every other character is followed by one; else none (a line with a few
    spaces, 增长 5% 左右, keeps them).

    >>> letter_gaps("各 位 代 表 ："), letter_gaps("增长 5% 左右")
    ([1, 3, 5, 7], [])
    """
    if line.count(" ") + line.count("\u3000") < 4:  # nearly every line: one count, no pattern
        return []
    gaps = [m.start() for m in _LETTER_GAP.finditer(line)]
    visible = len(line) - line.count(" ") - line.count("\u3000")
    return gaps if len(gaps) >= 4 and 2 * len(gaps) >= visible - 1 else []


#: Any white space: a text without it is its own :func:`squeeze` and strip.
ANY_SPACE = re.compile(r"\s")
#: The characters ``\s`` matches in a pattern of text (those ``str.isspace`` holds true of; not
#: :data:`SPACES`, the spaces a line of web text is trimmed of, which has zero-width ones and no line breaks).
PATTERN_SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
          "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def squeeze(s: str) -> str:
    """``s`` without its inline spaces (上海市市长 龚 正 -> 上海市市长龚正).

    >>> squeeze("龚　正")
    '龚正'
    """
    # most texts hold none: three scans at memory speed, where the pattern tests every character
    if " " not in s and "\t" not in s and "\u3000" not in s:
        return s
    return _INLINE_SPACE.sub("", s)


# --------------------------------------------------------------------------- notes
#: The brackets around a note's or a list's number ([1], 【1】, 〔1〕, full-width ［1］), as a character
#: class's contents: 增长15%［2］ holds one figure, and ［1］ before a title is no part of it.
NOTE_OPENERS = r"\[【〔［"
NOTE_CLOSERS = r"\]】〕］"

# --------------------------------------------------------------------------- masks
# Sources mask names and figures with X, x, their full-width forms or × (as official templates
# write them: ××市委书记 ×××, 2024年×月×日, ××亿元), and names with asterisks too.

#: The letters that mask a figure, a date or a name, as a character class's contents.
MASK_LETTERS = "XxＸｘ×"
#: The letters that mask a name (asterisks too: **, ＊＊).
NAME_MASK_LETTERS = MASK_LETTERS + "＊*"
#: A token that is nothing but a mask: XX, XXX, x, ＸＸ, ××, 20XX, XX12.
MASK_TOKEN = re.compile(rf"^(?:[{NAME_MASK_LETTERS}]+|\d{{2}}[{MASK_LETTERS}]{{2}}|[{MASK_LETTERS}]{{2}}\d{{2}})$")
#: A text that holds a mask: two mask letters, or a lone x that is not part of a Latin word.
HOLDS_MASK = re.compile(rf"[{MASK_LETTERS}]{{2,}}|(?<![A-Za-z])[Xx](?![A-Za-z])")
#: The masked digits of a quantity (XXX亿元, ××亿元), as a pattern to embed.
MASK_DIGITS = rf"[{MASK_LETTERS}]+"
#: A masked speaker name in a speaker line (XXX, ＸＸ, ××, **, 某某), as a pattern to embed.
MASKED_NAME = rf"[{NAME_MASK_LETTERS}]{{2,4}}|某某"
_MASKED_NAME_FULL = re.compile(rf"[{NAME_MASK_LETTERS}某]+")


def is_masked_name(s: str | None) -> bool:
    """The name is a mask (XXX, 某某), not a name.

    >>> is_masked_name("X X X"), is_masked_name("李强")
    (True, False)
    """
    return bool(s) and bool(_MASKED_NAME_FULL.fullmatch(squeeze(s)))


# --------------------------------------------------------------------------- sentences

#: Tokens that end a sentence for the token table (a paragraph break ends one too).
SENTENCE_END_MARKS = frozenset("。！？!?；;")
#: A line ending in one of these is complete: a page break cannot have cut it.
LINE_FINAL = frozenset("。！？!?；;：:…」』”’\"）)】]")
#: A line this short or shorter can be a title, a heading, a salutation, a speaker or source line
#: or a notice; a longer one is body text (every reader of lines asks this one question).
SHORT_LINE = 40
#: A line longer than this is prose even without a full stop: never a title ...
PROSE_LINE = 60
#: ... and a title line found by its place, before the body, is at most this long.
TITLE_LINE = 50
#: A fragment this long before a page break is running text the break cut in two.
RUNNING_TEXT = 30
#: Marks a sentence holds and a heading never does.
SENTENCE_MARKS = "。！？"
#: Whom a speech opens by addressing (同志们：, 各位代表：, 尊敬的各位来宾：): the salutation's words.
ADDRESSEES = "同志们|各位代表|朋友们|女士们|先生们|各位来宾|各位嘉宾|各位领导|各位企业家|代表们|委员们|同学们"
#: Full stops, Chinese and Western: a sentence's end, the semicolon left out.
FULL_STOPS = "。！？!?"
#: What a heading run into the text follows: a full stop, a closing quotation mark or a colon.
RUN_IN_AFTER = FULL_STOPS + "”」』：:"
#: Where a quantity's sentence ends (and the line ends, in running text).
SENTENCE_BREAKS = "。！？!?；\n"
SENTENCE_BREAK = re.compile(f"[{SENTENCE_BREAKS}]")
#: What ends a sentence for the slogan finder: full stops, semicolons and line ends ...
SENTENCE_RUN_ENDS = "。！？；\n"
#: ... and a sentence for it: the run between them.
SENTENCE_RUN = re.compile(f"[^{SENTENCE_RUN_ENDS}]+")
#: What ends a clause for the slogan finder: commas, colons, quotes and brackets ...
CLAUSE_RUN_ENDS = "，、,：:“”（）()"
#: ... and a clause for it: the run between them.
CLAUSE_RUN = re.compile(f"[^{CLAUSE_RUN_ENDS}]+")
#: Where a target's cues stop looking (commas, full stops, semicolons, colons, line ends).
CUE_CLAUSE_BREAKS = "，。；：\n"
CUE_CLAUSE_BREAK = re.compile(f"[{CUE_CLAUSE_BREAKS}]")
#: Characters that close the clause a quantity stands in.
CLAUSE_END = "，。；：！？!?,;:\n（）()“”"


def code_points(text: str) -> np.ndarray:
    """The code point of each character of ``text`` (uint32; a lone surrogate is kept as itself), so
    that a text is tested a whole array at a time.

    >>> code_points("抓A").tolist()
    [25235, 65]
    """
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def offsets_of(text: str, chars: str, *, after: bool = False) -> list[int]:
    r"""Where each of ``chars`` stands in ``text``, in order (``after``: the offset just after it),
    as ``[m.start() for m in re.finditer(f"[{chars}]", text)]`` gives, found at once in numpy.

    >>> offsets_of("抓项目，抓招商。", "，。"), offsets_of("一\n二", "\n", after=True)
    ([3, 7], [2])
    """
    found = np.flatnonzero(char_table(chars)[code_points(text)])
    return (found + 1 if after else found).tolist()


@lru_cache(maxsize=16)
def char_table(chars: str) -> np.ndarray:
    """For every code point, whether it is one of ``chars`` (a table lookup per character of a text
    is a third of the time of ``np.isin``; 1 MiB each, a few kept).

    >>> char_table("，。")[code_points("抓，。")].tolist()
    [False, True, True]
    """
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


#: Where a heading's own text stops inside its paragraph.
HEADING_STOP = re.compile(r"[。！？；]")

# --------------------------------------------------------------------------- quotation marks

#: Opening quotation marks and the mark that closes each.
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", "\"": "\""}
#: A short quotation (up to 24 characters) in any of the double marks.
QUOTATION = re.compile(r"“([^“”\n]{1,24})”|「([^「」\n]{1,24})」|『([^『』\n]{1,24})』|\"([^\"\n]{1,24})\"")

# --------------------------------------------------------------------------- outline markers

#: The Chinese numerals up to ten, as ordinals are written (一 … 十) ...
CN_SMALL = "一二三四五六七八九十"
#: ... with 两, as counts are written (两个维护, 三个方面) ...
CN_COUNT = CN_SMALL + "两"
#: ... and every numeral character of a small number (零〇 … 百).
CN_NUMERAL = "零〇两" + CN_SMALL + "百"
#: The zeros of a year written digit by digit: 〇, 零, and what typists put for it (○, 0, ０: 一九八○, 二0一0) ...
CN_ZEROS = "〇零○0０"
#: ... the numerals written digit by digit, as years are (二〇二六) ...
CN_DIGITS_WRITTEN = "〇零○一二三四五六七八九"
#: ... the numerals of one digit, as 角 and 分 are counted (五毛, 三角二分) ...
CN_ONE_DIGIT = "零一二两三四五六七八九"
#: ... and the numbers from two to ten, as "for several years" is said (三年来, 十年来).
CN_TWO_TO_TEN = "两三四五六七八九十"
#: Circled numbers, as lists mark their items.
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: A Chinese numeral of an outline marker (一 .. 九十九).
CN_ORDINAL = rf"[{CN_SMALL}]{{1,3}}"
#: An Arabic numeral of an outline marker (1 .. 99).
AR_ORDINAL = r"\d{1,2}"
#: An outline marker that opens a heading: 一、 （一） 1、 1. 第一个 第二条 一是 ...
HEADING_MARKER = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[、．.](?!\d)"
    r"|第[一二三四五六七八九十\d]{1,3}[个条部分点章节篇]|[一二三四五六七八九十]是)"
)
#: The marker styles of numbered outlines, in the order they are tried.
OUTLINE_MARKERS = [
    ("paren_cn", re.compile(rf"^[（(]({CN_ORDINAL})[）)]\s*")),
    ("paren_ar", re.compile(rf"^[（(]({AR_ORDINAL})[）)]\s*")),
    ("cn_dun", re.compile(rf"^({CN_ORDINAL})[、．.]\s*")),
    ("ar_dun", re.compile(rf"^({AR_ORDINAL})(?:[、．]|\.(?!\d))\s*")),
    ("di_ge", re.compile(rf"^第({CN_ORDINAL}|{AR_ORDINAL})个[，,、：:\s]\s*")),
    ("di_tiao", re.compile(rf"^第({CN_ORDINAL}|{AR_ORDINAL})条[，,、：:\s]\s*")),
    ("di_dian", re.compile(rf"^第({CN_ORDINAL}|{AR_ORDINAL})(?:点|部分|方面)[，,、：:\s]\s*")),
]


#: An enumeration inside a paragraph: 一是… 二是… (after a sentence end or a colon).
INLINE_SHI = re.compile(rf"(?=[{CN_SMALL}])(?:^|(?<=[。；：:！？]))({CN_ORDINAL})是")  # the lookahead skips ahead
#: A point named at the end of the paragraph that makes it: 这是第一条，就是要凭优势招商.
INLINE_DI = re.compile(rf"这是第({CN_ORDINAL})(个|条)[，,]就是(要)?")


def looks_like_heading(line: str) -> bool:
    """A short line that opens with an outline marker and ends no sentence.

    >>> looks_like_heading("一、抓项目促发展"), looks_like_heading("一、我们抓项目。")
    (True, False)
    """
    s = line.strip()
    return bool(HEADING_MARKER.match(s)) and len(s) <= SHORT_LINE and not any(c in s for c in "。；！？")


# --------------------------------------------------------------------------- bookmarks and lines

#: The audience's part in a transcript, in brackets: （掌声）, （热烈掌声）, （全场起立，长时间热烈鼓掌）, （笑声）.
#: Not the speaker's words: cleaning deletes it (reason ``stage_direction``), so it is never counted.
_NOT_IN_DIRECTION = r"[^（）()。！？!?\n]"
STAGE_DIRECTION = re.compile(rf"[（(]{_NOT_IN_DIRECTION}{{0,14}}?(?:掌声|鼓掌|笑声|众笑|大笑|欢笑|欢呼)"
                             rf"{_NOT_IN_DIRECTION}{{0,8}}[）)]")
#: Word-processor bookmarks left in saved pages: ``[bookmark: _Toc123]``.
BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
# a page number alone on its line, as a PDF or a Word file's footer gives it: — 3 —, - 3 -,
# ·3·, 第3页 共20页, Page 3 of 20 (a bare number is not taken: a library's footnote mark [\n2\n] is one)
_DASHES = "—－\\-–~～·•"
PAGE_NUMBER = re.compile(
    rf"[{SPACES}]*(?:[{_DASHES}]{{1,3}}[{SPACES}]*\d{{1,3}}[{SPACES}]*[{_DASHES}]{{1,3}}"
    rf"|第[{SPACES}]*\d{{1,4}}[{SPACES}]*页(?:[{SPACES}]*[,，/、]?[{SPACES}]*共[{SPACES}]*\d{{1,4}}[{SPACES}]*页)?"
    rf"|(?:Page|页码)[{SPACES}:：]*\d{{1,4}}(?:[{SPACES}]*(?:of|/)[{SPACES}]*\d{{1,4}})?)[{SPACES}]*", re.I)
#: A line end in any convention (``\r\n``, ``\r``, ``\n``).
LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Line:
    """One line of a text, by offsets."""

    start: int  # offset of the first character
    end: int  # offset after the last content character
    stop: int  # offset after the line terminator
    text: str  # content, terminator excluded


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` with their offsets; every line end counts.

    >>> [ln.text for ln in split_lines("甲\\r\\n乙\\n")]
    ['甲', '乙']
    """
    out = []
    pos = 0
    if "\r" not in text:  # nearly every text: str.split finds the ends several times faster than the pattern
        pieces = text.split("\n")
        for piece in pieces[:-1]:
            out.append(Line(pos, pos + len(piece), pos + len(piece) + 1, piece))
            pos += len(piece) + 1
        if pieces[-1]:
            out.append(Line(pos, len(text), len(text), pieces[-1]))
        return out
    for m in LINE_END.finditer(text):
        out.append(Line(pos, m.start(), m.end(), text[pos:m.start()]))
        pos = m.end()
    if pos < len(text):
        out.append(Line(pos, len(text), len(text), text[pos:]))
    return out


# --------------------------------------------------------------------------- party congresses

#: The year each National Congress of the Communist Party of China opened (the 8th's first session).
PARTY_CONGRESSES = {1: 1921, 2: 1922, 3: 1923, 4: 1925, 5: 1927, 6: 1928, 7: 1945, 8: 1956, 9: 1969, 10: 1973,
                    11: 1977, 12: 1982, 13: 1987, 14: 1992, 15: 1997, 16: 2002, 17: 2007, 18: 2012, 19: 2017,
                    20: 2022}
#: A title naming the congress as the occasion it was given at: 在中国共产党第九次全国代表大会上的报告, or an
#: archive's （九大） after the title; never a congress as a topic (学习贯彻党的二十大精神).
CONGRESS_OCCASION = re.compile(r"在(?:中国共产党|中共|党的)?第([一二三四五六七八九十]{1,3})次全国代表大会上"
                               r"|[(（]([一二三四五六七八九十]{1,3})大[)）]\s*$")


def congress_year(title: str) -> int | None:
    """The year of the party congress a title says it was given at, else None.

    >>> congress_year("在中国共产党第九次全国代表大会上的报告"), congress_year("北京共产主义组织的报告 (一大)")
    (1969, 1921)
    >>> congress_year("学习贯彻党的二十大精神"), congress_year("在第二十一次全国代表大会上的报告")
    (None, None)
    """
    m = CONGRESS_OCCASION.search(title)
    return PARTY_CONGRESSES.get(chinese_number(m.group(1) or m.group(2))) if m else None


def congress_name(title: str) -> str | None:
    """The short name readers give the party congress a title says it was given at (十二大), else None.

    >>> congress_name("在中国共产党第十一次全国代表大会上的政治报告"), congress_name("全面开创新局面 (十二大)")
    ('十一大', '十二大')
    >>> congress_name("学习贯彻党的二十大精神") is None
    True
    """
    m = CONGRESS_OCCASION.search(title)
    numeral = m and (m.group(1) or m.group(2))
    return f"{numeral}大" if numeral and chinese_number(numeral) in PARTY_CONGRESSES else None


# --------------------------------------------------------------------------- five-year plans

#: The five-year plans (十四五 ...) and the years each covers.
FIVE_YEAR_PLANS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
                   "十五五": (2026, 2030), "十五": (2001, 2005), "十六五": (2031, 2035)}


def plan_pattern(name: str) -> str:
    """A plan's name, not part of a longer numeral (十五 is not in 十五五, nor 十五期).

    >>> bool(re.search(plan_pattern("十五"), "十五五规划")), bool(re.search(plan_pattern("十五五"), "十五五规划"))
    (False, True)
    """
    return rf"(?<![十一二三四五六七八九]){name}(?![一二三四五六七八九期])"


#: What may follow the two-character 十五 when it names the tenth plan (“十五”计划, 十五期间, 十五末): never
#: 十五年, 十五届, 十五大 or 十五个, which are fifteen years, the fifteenth session, congress or plan.
_TENTH_PLAN_AFTER = "规划|计划|时期|期间|末|初|以来|”|\"|」|』"
#: A plan named by its ordinal, as reports write it in full: 第十五个五年规划, 第十一个五年计划.
_PLAN_BY_ORDINAL = rf"第(?P<ordinal>[{CN_SMALL}]{{1,3}})个五年(?:规划|计划)"
_BY_NAME = [rf"{n}(?![一二三四五六七八九期])" for n in sorted(FIVE_YEAR_PLANS, key=len, reverse=True) if n != "十五"]
#: Any plan, by its name (the longest first, as :func:`plan_pattern` bounds it; 十五 only where it names the
#: plan) or by its ordinal; :func:`plan_years` gives its years.  The lookahead on the first characters lets
#: the regex skip ahead (ten times faster on long texts).
PLAN_FIRST_CHARS = "十第"  # what every plan's name or ordinal starts with (a text without them names no plan)
ANY_PLAN = re.compile(rf"(?=[{PLAN_FIRST_CHARS}])(?:{_PLAN_BY_ORDINAL}|(?<![十一二三四五六七八九第])"
                      rf"(?P<name>{'|'.join(_BY_NAME)}|十五(?={_TENTH_PLAN_AFTER})))")


def plan_years(m: re.Match) -> tuple[int, int]:
    """The years of a plan :data:`ANY_PLAN` found: by its name, or by its ordinal (the first two
    plans ran 1953-57 and 1958-62; from the third, 1966-70, each follows the one before).

    >>> [plan_years(m) for m in ANY_PLAN.finditer("“十五”计划、十四五、第十五个五年规划、第一个五年计划，十五年")]
    [(2001, 2005), (2021, 2025), (2026, 2030), (1953, 1957)]
    """
    if m.group("name"):
        return FIVE_YEAR_PLANS[m.group("name")]
    n = chinese_number(m.group("ordinal"))
    start = {1: 1953, 2: 1958}.get(n, 1966 + 5 * (n - 3))
    return start, start + 4


# --------------------------------------------------------------------------- numerals

#: A token that is a numeral: digits (half or full width, a decimal, a percentage) or Chinese numerals.
NUMBER_TOKEN = re.compile(r"^(?:[\d０-９]+(?:[.．][\d０-９]+)?[%％]?|[零〇一二两三四五六七八九十百千万亿]+)$")
#: The digits of Chinese numerals.
CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百]+")
_POWERS = {"十": 10, "百": 100, "千": 1000}
_SCALE_ALONE = frozenset({"百", "千", "万", "亿", "万亿"})
_UNITS = "零一二三四五六七八九"
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_PLAIN_DECIMAL = re.compile(r"\d+(?:\.\d+)?")


@lru_cache(maxsize=4096)
def chinese_number(s: str) -> int | None:
    """Value of a small Chinese or Arabic numeral (一, 十二, 二十, 3); None if it is none.

    >>> chinese_number("二十三"), chinese_number("7"), chinese_number("甲")
    (23, 7, None)
    """
    s = s.strip()
    if s.isdigit():
        return int(s)
    if not _SMALL_NUMERAL.fullmatch(s):
        return None
    plain = standard_numeral(s)
    if plain is not None:
        return plain
    import cn2an  # its import costs 0.3 s, so only when a numeral is read

    try:
        return int(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def standard_numeral(s: str) -> int | None:
    """A numeral below 10,000 in its standard form (七, 十二, 三百零五, 两千三百), read without cn2an
    (whose import and patterns cost a seventh of a second of every run); None for any other
    form (三五, 二〇三五, 一万), which cn2an reads.

    >>> standard_numeral("十二"), standard_numeral("两千零三十"), standard_numeral("三五")
    (12, 2030, None)
    """
    terms, digit, zero = [], None, False  # (digit, power) pairs; zero: a 零 stands before the next one
    for i, char in enumerate(s):
        if char in _POWERS:
            if digit is None and not (char == "十" and i == 0):
                return None
            terms.append((digit or 1, _POWERS[char], zero))
            digit, zero = None, False
        elif char in "零〇" and digit is None and not zero and terms:
            zero = True
        elif CN_DIGITS.get(char) and digit is None:
            digit = CN_DIGITS[char]
        else:
            return None
    if digit is not None:
        terms.append((digit, 1, zero))
    elif zero or not terms:
        return None
    for (_, last, _), (_, power, skipped) in zip(terms, terms[1:]):
        if power * 10 > last or (power * 10 < last) != skipped:  # one place down, or more after a 零
            return None
    return sum(d * p for d, p, _ in terms)


def chinese_numeral(n: int) -> str:
    """A whole number written in Chinese numerals, as cn2an writes it (12 -> 十二).

    >>> chinese_numeral(3), chinese_numeral(12), chinese_numeral(40), chinese_numeral(105)
    ('三', '十二', '四十', '一百零五')
    """
    if 0 < n < 100:  # the numbers of numbered formulas, without cn2an's import
        tens, units = divmod(n, 10)
        return ((_UNITS[tens] if tens > 1 else "") + ("十" if tens else "") + (_UNITS[units] if units else ""))
    import cn2an

    return cn2an.an2cn(str(n))


def year_digits(s: str) -> int:
    """A year written digit by digit (2024, ２０２４, 1 9 9 7, 二〇二四).

    >>> year_digits("二〇二四"), year_digits("１９８４"), year_digits("1 9 9 7"), year_digits("二0一0")
    (2024, 1984, 1997, 2010)
    """
    s = "".join(s.split())
    return int(s) if s.isdigit() else int("".join(str(int(c) if c.isdigit() else CN_DIGITS[c]) for c in s))


#: A year of the modern era written in digits: ASCII, full-width, or spaced by the source (1 9 9 7).
YEAR_DIGITS = r"[12１２](?:[ \u3000]?[0-9０-９]){3}"
#: A year in a file name or a title: four digits not inside a longer number.
YEAR_IN_NAME = re.compile(rf"(?<![0-9０-９])({YEAR_DIGITS})(?![0-9０-９])")
#: A year written in Chinese numerals (一九八四, 二〇二四), before 年.
CN_YEAR = rf"[一二][{CN_ZEROS}一二三四五六七八九]{{3}}"
#: A full date in a file name: 2024-03-05, 2024_03_05, 2024.3.5, 20240305.
DATE_IN_NAME = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-_.]?([01]?[0-9])[-_.]?([0-3]?[0-9])(?![0-9])")
#: Characters that draw nothing: format characters (zero-width space, BOM ...) are category Cf.
INVISIBLE = re.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\s]+")


def visible(s: str) -> str:
    """``s`` without invisible characters and white space at either end or inside.

    >>> visible("\u200b 政府\u3000工作报告\u200b")
    '政府工作报告'
    """
    return INVISIBLE.sub("", s)


def to_number(s: str) -> float:
    """The value of a numeral in any script (4.78, ４５, 两千三百, 1.5万 as 15000).

    Raises ``ValueError`` when cn2an cannot read it.

    >>> to_number("４５．５"), to_number("两千三百")
    (45.5, 2300.0)
    """
    s = s.strip().translate(_HALF_WIDTH)
    if _PLAIN_DECIMAL.fullmatch(s):
        return float(s)
    plain = standard_numeral(s)
    if plain is not None:
        return float(plain)
    if 2 <= len(s) <= 4 and all(c in CN_DIGITS for c in s):  # 二〇三五, 三五: digit by digit, as cn2an reads them
        return float(year_digits(s))
    if s in _SCALE_ALONE:  # no numeral (cn2an refuses them too), and common enough to skip its import
        raise ValueError(f"a scale word without a numeral: {s}")
    import cn2an

    return float(cn2an.cn2an(s, "smart"))
