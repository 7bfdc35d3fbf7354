"""Word, PDF, HTML and Markdown files as text, with maintained libraries; plain text is decoded.

The extracted text is what the reader splits and what every offset and span refers
to (the lossless rule holds for it).  Paragraphs become lines:

* ``.docx``: python-docx, one line per paragraph and table row (cells joined by a tab), in the
  order they stand, each numbered paragraph with the number Word shows (:mod:`.word`);
* ``.pdf``: the text layer through PDFium (pypdfium2), page by page; a line wrap inside a sentence is joined
  by the cleaner like a page break of a saved web page;
* ``.html`` / ``.htm``: BeautifulSoup over the stdlib parser, one line per block
  element (p, div, h1-h6, li, tr, br ...), scripts, styles and navigation dropped
  (breadcrumbs and a short site footer too, by their class or id), and ``<title>`` only when
  there is no ``<h1>``;
  the bytes are decoded like any text file first; a table's text cell holding HTML (tags or
  entities, as archives store a page's ``content``) is read the same way (:func:`cell_text`);
* ``.md`` / ``.markdown``: mistune's syntax tree, one line per block and per line of a
  paragraph, the markup (``#``, ``**``, ``>``, a link's address) dropped and a numbered list's
  numbers kept (``1. …``, as written: they are the outline's markers); front matter (YAML
  between ``---`` lines, TOML between ``+++``) is the file's metadata, not its text.

``DecodedText.encoding`` records the extraction (``docx via python-docx 1.2.0``).
Old binary formats (``.doc``, ``.wps``) and images are refused with the list of
formats that are read.
"""
from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

from .. import config
from ..chinese import letter_gaps
from ..errors import BinaryFileError, CorpusError, EmptyCorpusError, TooLargeError
from .decoding import FORMATS_READ, DecodedText, decode_bytes, read_bytes
from .word import docx_text

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
DOCUMENT_SUFFIXES = (".docx", ".pdf", ".html", ".htm", *MARKDOWN_SUFFIXES)
#: Every suffix a folder is read for.
SUPPORTED = TEXT_SUFFIXES + DOCUMENT_SUFFIXES
SUPPORTED_NAMES = FORMATS_READ
_REFUSED = {".doc": "an old Word file", ".wps": "a WPS file", ".rtf": "an RTF file", ".odt": "an OpenDocument file",
            ".jpg": "an image", ".jpeg": "an image", ".png": "an image", ".gif": "an image", ".zip": "an archive",
            ".rar": "an archive", ".7z": "an archive", ".xls": "an old Excel file (save it as .xlsx)",
            ".ppt": "a presentation", ".pptx": "a presentation"}
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "section", "article", "blockquote",
           "pre", "table", "ul", "ol", "dd", "dt", "title")
_DROPPED = ("script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe", "svg")
_BLANK_LINES = re.compile(r"[ \t\u3000\u00a0]*\n[\s\u3000\u00a0]*")


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def refused(path: Path) -> str | None:
    """Why ``path`` is not read (its suffix names a format this package does not read), else None."""
    what = _REFUSED.get(path.suffix.lower())
    return f"is {what} ({path.suffix}); the formats read are {SUPPORTED_NAMES}" if what else None


def pdf_text(data: bytes, path: Path | None = None) -> str:
    """The text layer of a PDF, page after page, through PDFium (pypdfium2).

    PDFium reads the CID fonts that CJK PDFs embed (pypdf 7 returned every character of such a
    file interleaved with NUL bytes, pdfminer.six nothing).  Extraction stops with a one-line
    :class:`~analysis.errors.TooLargeError` once the text passes ``config.MAX_EXPANDED_BYTES``.
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise CorpusError(path, f"is not a readable PDF ({exc})") from None
    pages, size = [], 0
    try:
        for k in range(len(document)):
            text = document[k].get_textpage().get_text_range().replace("\r\n", "\n").replace("\r", "\n")
            size += len(text) * 3  # at most three UTF-8 bytes a character of the basic plane
            if size > config.MAX_EXPANDED_BYTES:
                limit = config.MAX_EXPANDED_BYTES / 2**20
                raise TooLargeError(path, f"holds more text than the limit of {limit:,.0f} MB "
                                          "(raise ANALYSIS_MAX_EXPANDED_BYTES to read it)")
            pages.append(text.strip("\n"))
    finally:
        document.close()
    text = "\n".join(pages)
    if not text.strip():
        raise EmptyCorpusError(path, "the PDF has no text layer (a scan?): only PDFs with text can be read")
    return text


def html_text(data: bytes, path: Path | None = None) -> tuple[str, str]:
    """The visible text of an HTML page, one line per block; and how its bytes were decoded."""
    decoded = decode_bytes(data, path)
    return visible_text(decoded.text), decoded.encoding


#: Markup in a table's text cell (an archive's ``content`` field is often the page's HTML): a tag
#: of the kinds pages are written with, or a character entity (&nbsp; &ldquo; &#8220;).
_MARKUP = re.compile(r"</?(?:p|div|br|span|h[1-6]|table|tr|td|section|article|strong|b|em|font|img|a|li|ul)\b[^>]*>"
                     r"|&(?:[a-z]{2,6}|#\d{2,6}|#x[0-9a-f]{2,5});", re.I)


#: A line break or a character written as its escape (``\n``, ``\u4e2d``): an export that escaped
#: its text twice (a JSON string written into JSON again, a scraper's ``repr``) stores them so.
_ESCAPED_BREAK = re.compile(r"\\r\\n|\\n|\\r")
_ESCAPED_CHAR = re.compile(r"\\u([0-9a-fA-F]{4})")
#: At least this many escapes, and no line break (or no character beyond ASCII) of their own kind,
#: before a text is taken for escaped twice: one ``\n`` can be meant.
MIN_ESCAPES = 3


def cell_text(text: str) -> tuple[str, str]:
    """A table cell's text without its HTML, if it holds any (tags and entities), with its escapes
    read, if it was escaped twice (``\\n`` for its line breaks, ``\\u4e2d`` for its characters);
    and how it was read."""
    text, how = _unescaped(text)
    if _MARKUP.search(text) is None:
        return text, how
    return visible_text(text), f"{how}, html via beautifulsoup4 {_version('beautifulsoup4')}"


def _unescaped(text: str) -> tuple[str, str]:
    how = ""
    if text.isascii() and len(_ESCAPED_CHAR.findall(text, 0, 4096)) >= MIN_ESCAPES:
        try:  # a JSON string's body, quotes and backslashes escaped too
            text = json.loads(f'"{text}"')
        except ValueError:
            text = _ESCAPED_CHAR.sub(lambda m: chr(int(m.group(1), 16)), text)
        how = ", \\u escapes read"
    if "\n" not in text and "\r" not in text and text.count("\\n") + text.count("\\r") >= MIN_ESCAPES:
        text, how = _ESCAPED_BREAK.sub("\n", text), how + ", escaped line breaks (\\n) read"
    return text, how


def visible_text(markup: str) -> str:
    """The visible text of HTML, one line per block (see the module doc)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    for tag in soup.find_all(_is_navigation):
        tag.decompose()
    if soup.find("h1") is not None and soup.title is not None:
        soup.title.decompose()  # the page's <h1> is the title; <title> adds the site's name to it
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return _BLANK_LINES.sub("\n", soup.get_text()).strip()


def markdown_text(data: bytes, path: Path | None = None) -> tuple[str, str, dict]:
    """The text of a Markdown file without its markup, its blocks apart by a blank line as
    written (a licence notice after a blank line is told by it); how its bytes were decoded; and
    its front matter (:func:`front_matter`)."""
    import mistune

    decoded = decode_bytes(data, path)
    metadata, body = front_matter(decoded.text)
    blocks = _markdown_blocks(mistune.create_markdown(renderer=None)(body))
    return "\n\n".join(b for b in blocks if b.strip()), decoded.encoding, metadata


_FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n(?:\1|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def front_matter(text: str) -> tuple[dict, str]:
    r"""A Markdown file's front matter, as static-site generators write it (YAML between ``---``
    lines, TOML between ``+++``: ``title``, ``date``, ``author`` …), and the text after it; no
    front matter (or one that does not parse as a table of fields) leaves the text whole.
    Dates become ISO text.

    >>> front_matter("---\ntitle: 讲话\ndate: 2024-03-05\n---\n同志们：")
    ({'title': '讲话', 'date': '2024-03-05'}, '同志们：')
    """
    m = _FRONT_MATTER.match(text)
    if m is None:
        return {}, text
    try:
        if m.group(1) == "+++":
            import tomllib

            fields = tomllib.loads(m.group(2))
        else:
            import yaml

            fields = yaml.safe_load(m.group(2))
    except Exception:  # not front matter after all (a rule, then text): the text stays as written
        return {}, text
    if not isinstance(fields, dict) or not fields:
        return {}, text
    iso = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in fields.items()}
    return {str(k): v for k, v in iso.items()}, text[m.end():]


def _markdown_blocks(tokens: list[dict]):
    """The text of each block, its lines as written."""
    for token in tokens:
        kind = token["type"]
        if kind == "list":
            yield "\n".join(_list_lines(token))
        elif kind == "block_code":
            yield token["raw"].rstrip("\n")
        elif kind == "block_html":
            from bs4 import BeautifulSoup

            yield BeautifulSoup(token["raw"], "html.parser").get_text().strip("\n")
        elif kind in ("heading", "paragraph", "block_text"):
            yield _inline_text(token["children"])
        elif "children" in token:  # a quotation, a list item
            yield from _markdown_blocks(token["children"])


def _list_lines(token: dict):
    """A list's items, one line each; a numbered one's with their numbers as written (3) …, 1. …)."""
    ordered, start = token["attrs"].get("ordered"), token["attrs"].get("start", 1)
    for k, item in enumerate(token["children"]):
        lines = "\n".join(b for b in _markdown_blocks(item.get("children", [])) if b.strip()).split("\n")
        if ordered:
            lines[0] = f"{start + k}{token.get('bullet', '.')} {lines[0]}"
        yield from lines


def _inline_text(children: list[dict]) -> str:
    """The words of a block: emphasis, links and images by their text, breaks as line ends, inline HTML dropped."""
    out = []
    for child in children:
        kind = child["type"]
        if kind in ("softbreak", "linebreak"):
            out.append("\n")
        elif "children" in child:
            out.append(_inline_text(child["children"]))
        elif kind != "inline_html":
            out.append(child.get("raw", ""))
    return "".join(out)


_NAVIGATION = re.compile(r"breadcrumb|crumb|location|position|weizhi|dqwz|nav", re.I)


# a site's footer by its class or id (版权所有, 网站标识码, ICP备 …): <div class="footer|bottom|copyright">
_SITE_FOOTER = re.compile(r"footer|foot\b|bottom|copyright|banquan", re.I)
#: A block named as a footer is dropped only when it is this short: a page's main text, however named, is not.
FOOTER_CHARS = 600


def _is_navigation(tag) -> bool:
    """A breadcrumb or navigation block, or a site's footer, by its class or id (首页 > 政府信息公开 > …;
    版权所有 …, when short)."""
    names = " ".join([*(tag.get("class") or []), tag.get("id") or ""]) if hasattr(tag, "get") else ""
    if tag.name not in ("div", "p", "span", "ul", "ol", "section", "table"):
        return False
    return bool(_NAVIGATION.search(names)) or (bool(_SITE_FOOTER.search(names))
                                               and len(tag.get_text(strip=True)) <= FOOTER_CHARS)


def extract(data: bytes, path: Path) -> DecodedText:
    """The text of a Word, PDF, HTML or Markdown file, and how it was extracted."""
    suffix = path.suffix.lower()
    metadata = None
    try:
        if suffix == ".docx":
            check_expansion(path, data)
            text, how = docx_text(data, path), f"docx via python-docx {_version('python-docx')}"
        elif suffix == ".pdf":
            text, how = pdf_text(data, path), f"pdf via pypdfium2 {_version('pypdfium2')}"
        elif suffix in MARKDOWN_SUFFIXES:
            text, encoding, metadata = markdown_text(data, path)
            how = f"markdown ({encoding}) via mistune {_version('mistune')}"
        else:
            text, encoding = html_text(data, path)
            how = f"html ({encoding}) via beautifulsoup4 {_version('beautifulsoup4')}"
    except CorpusError:
        raise
    except Exception as exc:  # a damaged file: whatever the library raises, one line naming it
        raise CorpusError(path, f"could not be read as {suffix[1:]} ({type(exc).__name__}: {exc})") from None
    if not text.strip():
        raise EmptyCorpusError(path, "no text could be extracted from it")
    return DecodedText(text, how, False, "\n", metadata or None)


#: Markdown files of these names are documentation (README.md, SOURCES.md), never a speech.
DOCUMENTATION = re.compile(r"(readme|sources?|licen[cs]e|copying|changelog|changes|notes|provenance|citation"
                           r"|contributing|authors|说明|来源|数据说明)$", re.I)
#: Files a folder of speeches may hold beside them, passed over without a word.
NOT_SPEECHES = (".md", ".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".xlsx", ".parquet", ".yml", ".yaml", ".toml",
                ".py", ".ipynb", "")


def corpus_files(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files of ``folder`` and of its subfolders (a corpus by year or by province: 2020/…,
    2021/…) that are read (every supported format), in order of their paths, and those that
    are not, with why; documentation beside the speeches (README.md, SHA256SUMS) and hidden
    files and folders (.git, .ipynb_checkpoints) are ignored.  Markdown files are the speeches
    only in a folder of no other kind of speech file, and never by a documentation name
    (:data:`DOCUMENTATION`)."""
    read, skipped = [], []
    inside = (p for p in folder.rglob("*") if not any(part.startswith(".") for part in p.relative_to(folder).parts))
    for path in sorted((p for p in inside if p.is_file()), key=lambda p: p.relative_to(folder).parts):
        suffix = path.suffix.lower()
        if suffix in SUPPORTED:
            read.append(path)
        elif suffix not in NOT_SPEECHES:
            skipped.append((path, refused(path) or f"is not a format that is read ({SUPPORTED_NAMES})"))
    markdown = [p for p in read if p.suffix.lower() in MARKDOWN_SUFFIXES]
    if len(markdown) < len(read):  # beside speeches of other formats, Markdown is their documentation
        return [p for p in read if p.suffix.lower() not in MARKDOWN_SUFFIXES], skipped
    return [p for p in read if not DOCUMENTATION.match(p.stem)], skipped


def is_document(path: Path) -> bool:
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def check_supported(path: Path) -> None:
    """Raise :class:`BinaryFileError` for a format that is not read, naming those that are."""
    why = refused(path)
    if why:
        raise BinaryFileError(path, why)


def read_text(path: str | Path) -> DecodedText:
    """Read and decode one file: text in any supported encoding, or the text of a Word,
    PDF or HTML file (:mod:`.formats`).  Raises :class:`CorpusError` subclasses only.

    >>> import analysis as an
    >>> an.read_text(an.config.SEED_CORPUS).encoding
    'utf-8'
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        check_supported(path)
    data = read_bytes(path)
    return unspaced(extract(data, path) if is_document(path) else plain_text(decode_bytes(data, path), path))


#: A text is laid out one character at a time (a PDF's text layer, an OCR) when at least this share
#: of its lines of four characters or more are (:func:`analysis.chinese.letter_gaps`).
LETTER_SPACED_SHARE = 0.5


def unspaced(decoded: DecodedText) -> DecodedText:
    """A text laid out one character at a time (各 位 代 表 ：, title block and body alike) read as the
    words it spaces out, each letter-spaced line without its gaps; ``encoding`` then says so.  (The
    cleaner does the same for a body's few letter-spaced lines; the title block needs it before.)"""
    text = decoded.text
    if 5 * (text.count(" ") + text.count("\u3000")) < len(text):  # (a text half letter-spaced has 1 in 4)
        return decoded
    lines = text.splitlines(keepends=True)
    long = [line for line in lines if len(line.strip()) >= 4]
    spaced = [letter_gaps(line) for line in lines]
    if not long or sum(1 for g in spaced if g) < LETTER_SPACED_SHARE * len(long):
        return decoded
    text = "".join(_without(line, set(g)) if g else line for line, g in zip(lines, spaced))
    return replace(decoded, text=text, encoding=f"{decoded.encoding}, letter spacing removed")


def _without(line: str, gaps: set[int]) -> str:
    return "".join(c for k, c in enumerate(line) if k not in gaps)


_PAGE_SOURCE = re.compile(r"\A\s*(?:<!DOCTYPE\s+html|<html[\s>])", re.I)
_ENTITY = re.compile(r"&(?:nbsp|ldquo|rdquo|lsquo|rsquo|mdash|hellip|middot|quot|amp|lt|gt|#\d{2,6}|#x[0-9a-f]{2,5});",
                     re.I)


def plain_text(decoded: DecodedText, path: Path | None = None) -> DecodedText:
    """A text file as read, unless it holds a page's source (saved as .txt: ``<!DOCTYPE html>…``),
    read as an HTML page is, or HTML entities (``&nbsp;``, ``&ldquo;``), written as the characters
    they stand for; ``encoding`` then says so."""
    import html

    if _PAGE_SOURCE.match(decoded.text):
        text = visible_text(decoded.text)
        if not text.strip():
            raise EmptyCorpusError(path, "no text could be extracted from it")
        return DecodedText(text, f"html in a text file ({decoded.encoding}) via beautifulsoup4 "
                                 f"{_version('beautifulsoup4')}", decoded.bom, "\n")
    if _ENTITY.search(decoded.text):
        return DecodedText(html.unescape(decoded.text), f"{decoded.encoding}, html entities read", decoded.bom,
                           decoded.newline)
    return decoded


def check_expansion(path: Path, data: bytes | None = None) -> None:
    """Refuse a zip container (``.docx``, ``.xlsx``) whose parts expand past the limit.

    The sizes are those the archive declares; Python's zipfile stops at the declared size,
    so a part cannot expand further than declared when it is read.
    """
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data) if data is not None else path) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return  # not a zip: the format's own reader says what is wrong with it
    if expanded > config.MAX_EXPANDED_BYTES:
        raise TooLargeError(path, f"expands to {expanded / 2**20:,.0f} MB, past the limit of "
                                  f"{config.MAX_EXPANDED_BYTES / 2**20:,.0f} MB (raise ANALYSIS_MAX_EXPANDED_BYTES "
                                  "to read it)")
