"""The text of a Word (.docx) file as Word shows it: paragraphs and tables in the order they
stand, and the numbers Word draws before a numbered paragraph.

python-docx gives a paragraph's text without the number an automatic list or a numbered
heading style puts before it (``一、``, ``（二）``, ``3.``): those live in the file's numbering
definitions, and an outline read without them has no markers.  They are written back here
from the paragraph's numbering (its own, or its style's), level by level, in the formats
Chinese documents use; a bullet is no number and adds nothing.  A table's rows are lines
where the table stands, its cells joined by a tab.
"""
from __future__ import annotations

import io
from pathlib import Path

from ..chinese import chinese_numeral
from ..errors import CorpusError

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def docx_text(data: bytes, path: Path | None = None) -> str:
    """The paragraphs and table rows of a Word file, a line each, in the order they stand, each
    numbered paragraph with the number Word shows before it."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise CorpusError(path, f"is not a readable Word (.docx) file ({exc})") from None
    numbers = _Numbering(document)
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines += ["\t".join(cell.text for cell in row.cells) for row in block.rows]
        else:
            lines.append(numbers.label(block) + block.text)
    return "\n".join(lines)


def number_text(n: int, fmt: str) -> str:
    """``n`` in a Word numbering format (``numFmt``); an unknown format as a decimal.

    >>> [number_text(n, f) for n, f in ((3, "chineseCounting"), (12, "chineseCountingThousand"),
    ...                                 (2, "decimalEnclosedCircle"), (4, "upperRoman"), (28, "lowerLetter"))]
    ['三', '十二', '②', 'IV', 'bb']
    """
    if fmt.startswith(("chineseCounting", "ideographTraditional", "taiwaneseCounting")):
        return chinese_numeral(n)
    if fmt.startswith("decimalEnclosedCircle") and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        out, rest = "", n
        for value, digits in _ROMAN:
            count, rest = divmod(rest, value)
            out += digits * count
        return out.upper() if fmt == "upperRoman" else out
    return str(n)


class _Numbering:
    """The file's numbering definitions and the counters of the lists met so far."""

    def __init__(self, document):
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, level): (format, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):  # a file without numbering
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            definition = abstract.get(ref.get(qn("w:val"))) if ref is not None else None
            for lvl in definition.findall(qn("w:lvl")) if definition is not None else ():
                self.levels[(num.get(qn("w:numId")), int(lvl.get(qn("w:ilvl"), "0")))] = (
                    self._value(lvl, "w:numFmt", "decimal"), self._value(lvl, "w:lvlText", ""),
                    int(self._value(lvl, "w:start", "1")))

    def _value(self, element, tag: str, default: str) -> str:
        child = element.find(self.qn(tag))
        return child.get(self.qn("w:val"), default) if child is not None else default

    def label(self, paragraph) -> str:
        """The number Word shows before ``paragraph`` (empty for none, or a bullet)."""
        num_id, level = self._numbering_of(paragraph)
        if num_id is None or (num_id, level) not in self.levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        for deeper in [k for k in counts if k > level]:  # a new item restarts the levels under it
            del counts[deeper]
        counts[level] = counts[level] + 1 if level in counts else self.levels[(num_id, level)][2]
        fmt, text, _ = self.levels[(num_id, level)]
        if fmt in ("bullet", "none"):
            return ""
        for k in range(level, -1, -1):  # %1 is level 0's number, %2 level 1's …
            if (num_id, k) in self.levels:
                shown = number_text(counts.get(k, self.levels[(num_id, k)][2]), self.levels[(num_id, k)][0])
                text = text.replace(f"%{k + 1}", shown)
        return text

    def _numbering_of(self, paragraph) -> tuple[str | None, int]:
        """The list and level of a paragraph: its own numbering, else its style's (or the style's base's)."""
        props = paragraph._p.pPr
        style = paragraph.style
        while True:
            num = props.numPr if props is not None else None
            if num is not None and num.numId is not None:
                level = num.ilvl.val if num.ilvl is not None else 0
                return (str(num.numId.val) if num.numId.val else None), int(level)
            if style is None:
                return None, 0
            props, style = style.element.pPr, style.base_style
