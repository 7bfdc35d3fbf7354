"""What saved web pages put around a speech: site headers, source lines, clutter, trailers.

These lines are kept as spans of their own kind (``site_header``,
``source_line``, ``web_clutter``), never as titles or body text, so that they
still tile the source but are never counted.
"""
from __future__ import annotations

import re

from ..chinese import FULL_STOPS, PROSE_LINE, SHORT_LINE

SOURCE_LINE = re.compile(r"(来源|作者|更新时间|发布时间|发表时间|时间|日期|阅读量|浏览次数|编辑)\s*[:：]")
URL = re.compile(r"(https?://|www\.)\S+|\b[\w-]+\.(com|cn|net|org|gov\.cn)\b", re.I)

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
# What document sites add: file names, file facts, download and report buttons, page counts
_DOCUMENT_SITE = re.compile(
    r"^[ \t\u3000]*(?:\S{2,80}\.(?:docx?|pdf|wps|txt)|VIP专免|VIP免费|会员免费|免费下载|立即下载|下载文档|付费文档"
    r"|侵权投诉|举报|\d+(?:\.\d+)?\s*[KkMm]B|\d+\s*页|共\s*\d+\s*页|第\s*\d+\s*页(?:\s*/\s*共?\s*\d+\s*页)?"
    r"|\d+\s*(?:人)?(?:阅读|浏览|下载)|(?:阅读|浏览|下载)\s*[:：]?\s*\d+(?:次)?|复制链接|扫码分享|微信扫一扫|分享给好友"
    r"|上传者?\s*[:：].{0,20}|页数\s*[:：]\s*\d+|大小\s*[:：].{0,12}|由?(?:会员|用户|网友)(?:上传)?分享"
    r"|.{2,80}\.(?:docx?|pdf|wps|txt)\s*(?:[(（]\s*\d+(?:\.\d+)?\s*[KkMm]B\s*[)）])?)[ \t\u3000]*$"
)
# Paywall and omission notices: the text stops being the speech here
PAYWALL = re.compile(r"(预览结束|喜欢就下载吧|当前仅显示\d+字|全文共\d+字|省略\d+字|剩余\d+字未读|下载后可阅读"
                     r"|付费后(?:查看|阅读)|登录后(?:查看|阅读)|展开全文|查看全文|阅读全文)")
TRAILER_START = re.compile(
    r"^[ \t\u3000]*(?:相关报道|相关文档|相关链接|相关阅读|扫一扫在手机打开当前页|打印本页|关闭窗口|》》点击|分享到|"
    r"责任编辑|[0-9a-f]{24,40}\s*[:：])|" + PAYWALL.pattern
)
# a site's name glued to a title: …的讲话三味园范文网
_SITE_WORDS = r"(?:范文网|文库|文秘网|资料网|文档网|范文大全|办公网|公文网|范文吧)"
# after the word that ends a speech's title, or after a separator
SITE_SUFFIX = re.compile(r"(?:(?<=讲话|致辞|发言|报告|讲稿|汇报|总结|材料|体会)|\s*[-_—|｜·]\s*)[^\s]{0,8}"
                         + _SITE_WORDS + "$")


# What online libraries and archives append to every page: licence and copyright notices,
# the library's own name and templates, footnotes under back-arrows.  Judged as a family
# (vocabulary of the law and of licences, at the very end, no speech in it), not by one site.
_NOTICE_WORDS = (
    "著作权", "版权", "版權", "公有领域", "公共领域", "知识共享", "许可协议", "授权协议", "本作品",
    "这部作品", "此作品", "本模板", "维基文库", "维基百科", "保留所有权利", "不得转载", "转载请注明",
    "免责声明", "网站标识码", "备案号", "ICP[备证]", "Public domain", "Creative Commons", "CC[- ]BY",
    "Wikisource", "Wikipedia", "All rights reserved", "Copyright", "©")
# (each word's first character tested first: without it every position of a line entered the 29
# case-blind alternatives, five times the time of the whole search over the 25 reports' last pages)
NOTICE = re.compile(f"(?=[{''.join(sorted({w[0] for w in _NOTICE_WORDS}))}])(?:{'|'.join(_NOTICE_WORDS)})", re.I)
#: A footnote's back-arrow alone on its line, or opening it (↑ 原文無貨幣單位。).
BACK_ARROW = re.compile(r"^[ \t\u3000]*(?:↑|\^)(?:[ \t\u3000]|$)")
#: A notice block is read from at most this far before the end.
NOTICE_REACH = 6000
#: Sentence ends: a line broken out of a notice (a linked word, 公有領域, 。) has none inside it.
_SENTENCE = re.compile(f"[{FULL_STOPS}].")


def _in_notice(line: str, footnotes: bool) -> bool:
    s = line.strip()
    return (not s or footnotes or bool(NOTICE.search(s)) or bool(BACK_ARROW.match(s))
            or (len(s) <= SHORT_LINE and not _SENTENCE.search(s) and s[-1:] not in "！!？?")
            or s.lower() in ("true", "false"))


def notice_start(lines: list, first: int, last: int) -> int | None:
    r"""The first line of the notices that end ``lines[first:last]`` (licence, copyright, a
    library's footnotes), else None.  The block follows a blank line or a finished sentence, holds at least two
    notice words or opens with a back-arrow footnote, and every line of it is notice: a line
    of the law's or a licence's vocabulary, a short fragment of one, or a footnote.

    >>> from analysis.chinese import split_lines
    >>> text = "同志们：\n我们要抓项目。\n\n本作品属于\n公有领域\n。\n\nPublic domain\nfalse\n"
    >>> lines = split_lines(text)
    >>> lines[notice_start(lines, 0, len(lines))].text
    '本作品属于'
    """
    end_offset = lines[last - 1].stop if last > first else 0
    for j in range(first + 1, last):
        s = lines[j].text
        if end_offset - lines[j].start > NOTICE_REACH or _runs_on(lines[j - 1].text):
            continue
        if not (NOTICE.search(s) or BACK_ARROW.match(s)):
            continue
        if _notice_block(lines, j, last):
            return j
    return None


def _runs_on(line: str) -> bool:
    """Whether the line before a notice could run on into it: not blank, not a finished sentence
    (paragraphs given one per line, as an archive's list of paragraphs is, have no blank lines)."""
    s = line.strip()
    return bool(s) and s[-1] not in f"{FULL_STOPS}”」』"


def _notice_block(lines: list, j: int, last: int) -> bool:
    footnotes = bool(BACK_ARROW.match(lines[j].text))
    hits = 0
    for k in range(j, last):
        s = lines[k].text
        footnotes = footnotes or bool(BACK_ARROW.match(s))
        if not _in_notice(s, footnotes):
            return False
        hits += len(NOTICE.findall(s))
    return hits >= 2 or bool(BACK_ARROW.match(lines[j].text))


# A library's disambiguation page or stub, not a document: short, and saying what it points to
_STUB = re.compile(r"的版本包括|可以指|可能是指|消歧义|消歧義|may refer to|disambiguation", re.I)
#: Shorter than this (in characters), a page that points elsewhere is a stub.
STUB_CHARS = 400


def is_stub(text: str) -> bool:
    r"""A library's stub or disambiguation page (論聯合政府 的版本包括：…), not a document.

    >>> is_stub("論聯合政府\n的版本包括：\n論聯合政府 (1945年)\n論聯合政府 (1953年)")
    True
    """
    return len(text.strip()) < STUB_CHARS and bool(_STUB.search(text))


# a breadcrumb: 首页 > 政府信息公开 > 政府工作报告 (short steps between arrows)
BREADCRUMB = re.compile(r"^[ \t\u3000]*(?:(?:当前位置|您的位置|您现在的位置|位置)\s*[:：]\s*)?[^\s>›»＞]{1,16}"
                        r"(?:\s*[>›»＞]+\s*[^\s>›»＞]{1,20}){1,8}[ \t\u3000]*[>›»＞]?[ \t\u3000]*$")


def is_clutter(line: str) -> bool:
    """A line of site clutter: buttons, file facts, share and paywall notices.

    >>> is_clutter("VIP专免"), is_clutter("20.57KB"), is_clutter("全文共16204字，当前仅显示2914字")
    (True, True, True)
    >>> is_clutter("同志们：")
    False
    """
    s = line.strip()
    return (s in _CLUTTER_WORDS or bool(_CLUTTER_PATTERN.match(s)) or bool(_DOCUMENT_SITE.match(s))
            or bool(BREADCRUMB.match(s))
            or (len(s) <= PROSE_LINE and bool(PAYWALL.search(s))))


def without_site_name(title: str) -> str:
    """``title`` without a site's name glued to its end.

    >>> without_site_name("在全市项目建设大会上的讲话三味园范文网")
    '在全市项目建设大会上的讲话'
    """
    cut = SITE_SUFFIX.sub("", title)
    return cut if len(cut) >= 4 else title


