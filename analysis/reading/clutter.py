"""What saved web pages put around a speech: site headers, source lines, clutter, trailers.

These lines are kept as spans of their own kind (``site_header``,
``source_line``, ``web_clutter``), never as titles or body text, so that they
still tile the source but are never counted.
"""
from __future__ import annotations

import re

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
TRAILER_START = re.compile(
    r"^[ \t\u3000]*(?:相关报道|相关文档|相关链接|相关阅读|扫一扫在手机打开当前页|打印本页|关闭窗口|》》点击|分享到|"
    r"责任编辑|[0-9a-f]{24,40}\s*[:：])"
)


def is_clutter(line: str) -> bool:
    s = line.strip()
    return s in _CLUTTER_WORDS or bool(_CLUTTER_PATTERN.match(s))


