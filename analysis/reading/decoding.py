"""Turning the bytes of a file into text, with the encoding detected.

UTF-8 (with or without BOM) and UTF-16 (with BOM) are recognised exactly;
anything else is handed to charset-normalizer, a maintained detector, and
Chinese legacy codecs are read as GB18030 (the superset of GB2312 and GBK).
Line ends are kept as they are: offsets always refer to the decoded text.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from ..chinese import COMMON_CJK
from ..errors import (
    BinaryFileError,
    CorpusError,
    CorpusNotFoundError,
    EmptyCorpusError,
    EncodingError,
    TooLargeError,
)

#: The formats a corpus may be given in, as messages name them (:mod:`.formats` reads them).
FORMATS_READ = "plain text (.txt), Word (.docx), PDF (.pdf), HTML (.html, .htm) and Markdown (.md)"
BINARY = f"this is a binary file, not text; the formats read are {FORMATS_READ}"

# Codecs that charset-normalizer may report for Simplified Chinese bytes; all
# are decoded as GB18030 so that the same text gives the same characters.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn"}
_CJK_FAMILY = _GB_FAMILY | {"big5", "big5hkscs", "cp950"}


@dataclass(frozen=True)
class DecodedText:
    """A file's text and how it was read."""

    text: str
    encoding: str
    bom: bool
    newline: str  # "\n", "\r\n", "\r" or "" when the text has no line end
    metadata: dict | None = None  # what the file says of itself (a Markdown file's front matter)


def _newline_style(text: str) -> str:
    if "\r\n" in text:
        return "\r\n"
    if "\n" in text:
        return "\n"
    if "\r" in text:
        return "\r"
    return ""


_TEXT_CONTROLS = {9, 10, 12, 13, 27}  # tab, newline, form feed, carriage return, escape


# every control character but those of _TEXT_CONTROLS, for text and for raw bytes
_CONTROLS = "[" + "".join(f"\\x{c:02x}" for c in range(32) if c not in _TEXT_CONTROLS) + "]"
_CONTROLS_TEXT, _CONTROLS_BYTES = re.compile(_CONTROLS), re.compile(_CONTROLS.encode("ascii"))


def _too_many_controls(sample: str | bytes) -> bool:
    """NUL, or more control characters than text ever has: the content is binary."""
    if isinstance(sample, str):
        nul, controls = "\x00", _CONTROLS_TEXT
    else:
        nul, controls = b"\x00", _CONTROLS_BYTES
    if nul in sample:
        return True
    return len(controls.findall(sample)) > max(8, len(sample) // 100)


def _looks_binary(data: bytes) -> bool:
    return _too_many_controls(data[:65536])


def decode_bytes(data: bytes, path: str | Path | None = None) -> DecodedText:
    """Decode ``data`` to text; raise a :class:`CorpusError` naming ``path``."""
    if not data.strip():
        raise EmptyCorpusError(path, "the file is empty")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise EncodingError(path, f"starts with a {codec} byte-order mark but is not valid {codec} "
                                          f"(bad byte at {exc.start})") from None
            return _checked(text, codec, True, path)
    if _looks_utf16(data):
        codec = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        try:
            return _checked(data.decode(codec), codec, False, path)
        except UnicodeDecodeError:
            pass
    try:
        return _checked(data.decode("utf-8"), "utf-8", False, path)
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return _checked(_cut_off_utf8(data, exc.start, path), "utf-8", False, path)
    if _looks_binary(data):
        raise BinaryFileError(path, BINARY)
    return _checked(*_decode_legacy(data, path), False, path)


def _cut_off_utf8(data: bytes, end: int, path) -> str:
    """UTF-8 text whose last character was cut in half (a download or a copy stopped short): the
    text, the broken bytes as one replacement character (U+FFFD), so that nothing passes unseen."""
    import warnings

    from ..errors import CorpusWarning

    warnings.warn(f"{path or '<bytes>'}: ends in the middle of a character (its last {len(data) - end} bytes, "
                  "read as U+FFFD): the file was cut off", CorpusWarning, stacklevel=4)
    return data[:end].decode("utf-8") + "\ufffd"


def _looks_utf16(data: bytes) -> bool:
    # UTF-16 without a BOM: every second byte of ASCII-range text is zero.
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(zeros_even, zeros_odd) > len(sample) // 6 and min(zeros_even, zeros_odd) < len(sample) // 50


def _decode_legacy(data: bytes, path) -> tuple[str, str]:
    """The text of bytes in a legacy codec, and the codec it was read in (gb18030, big5 …)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise EncodingError(path, "cannot tell the encoding: not UTF-8, UTF-16 or GB18030/GBK text")
    name = best.encoding.lower().replace("-", "_")
    try:
        gb_text = data.decode("gb18030")
    except UnicodeDecodeError:
        gb_text = None
    # Chinese speeches in a legacy codec are GB text in practice; GB18030 decodes all
    # of GB2312 and GBK.  Take it when the detector agrees or the result reads as Chinese.
    if gb_text is not None and (name in _GB_FAMILY or _mostly_hanzi(gb_text)):
        return gb_text, "gb18030"
    if name in _GB_FAMILY:
        raise EncodingError(path, "looks like GB18030/GBK text but has invalid bytes")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise EncodingError(path, f"cannot decode the file (detector guessed {best.encoding})") from None


def _mostly_hanzi(text: str) -> bool:
    letters = [ch for ch in text[:20000] if not ch.isspace() and not ch.isascii()]
    if not letters:
        return False
    # the basic Han block, CJK punctuation and full-width forms; rare characters (extension A
    # and beyond) are what a wrong decoding produces, so they do not count
    common = sum(1 for ch in letters if COMMON_CJK.match(ch))
    return common / len(letters) > 0.9


def _checked(text: str, codec: str, bom: bool, path) -> DecodedText:
    if _too_many_controls(text[:65536]):
        raise BinaryFileError(path, BINARY)
    if not text.strip():
        raise EmptyCorpusError(path, "the file holds only white space")
    return DecodedText(text=text, encoding=codec, bom=bom, newline=_newline_style(text))


def read_bytes(path: str | Path) -> bytes:
    """The bytes of one file, refused with a one-line :class:`CorpusError` when the file is
    missing, a folder, unreadable, empty, or larger than ``config.MAX_FILE_BYTES``."""
    from .. import config

    path = Path(path)
    if not path.exists():
        raise CorpusNotFoundError(path, "no such file or folder")
    if path.is_dir():
        raise CorpusError(path, "is a folder; use read_corpus() to read a folder of speeches")
    size = path.stat().st_size
    if size > config.MAX_FILE_BYTES:
        limit = config.MAX_FILE_BYTES / 2**20
        raise TooLargeError(path, f"is {size / 2**20:,.0f} MB, past the limit of {limit:,.0f} MB "
                                  "(split it, or raise ANALYSIS_MAX_FILE_BYTES if the machine has the memory)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise EmptyCorpusError(path, "the file is empty")
    return data
