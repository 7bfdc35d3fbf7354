"""Word, PDF and HTML files as text, with maintained libraries; plain text is decoded.

The extracted text is what the reader splits and what every offset and span refers
to (the lossless rule holds for it).  Paragraphs become lines:

* ``.docx``: python-docx, one line per paragraph (tables row by row, cells joined by
  a tab), headings as their own lines;
* ``.pdf``: pypdf's text layer, page by page; a line wrap inside a sentence is joined
  by the cleaner like a page break of a saved web page;
* ``.html`` / ``.htm``: BeautifulSoup over the stdlib parser, one line per block
  element (p, div, h1-h6, li, tr, br ...), scripts, styles and navigation dropped;
  the bytes are decoded like any text file first.

``DecodedText.encoding`` records the extraction (``docx via python-docx 1.2.0``).
Old binary formats (``.doc``, ``.wps``) and images are refused with the list of
formats that are read.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from ..errors import BinaryFileError, CorpusError, EmptyCorpusError
from .decoding import DecodedText, decode_bytes, read_bytes

TEXT_SUFFIXES = (".txt",)
DOCUMENT_SUFFIXES = (".docx", ".pdf", ".html", ".htm")
#: Every suffix a folder is read for.
SUPPORTED = TEXT_SUFFIXES + DOCUMENT_SUFFIXES
SUPPORTED_NAMES = "plain text (.txt), Word (.docx), PDF (.pdf) and HTML (.html, .htm)"
_REFUSED = {".doc": "an old Word file", ".wps": "a WPS file", ".rtf": "an RTF file", ".odt": "an OpenDocument file",
            ".jpg": "an image", ".jpeg": "an image", ".png": "an image", ".gif": "an image", ".zip": "an archive",
            ".rar": "an archive", ".7z": "an archive", ".xls": "a spreadsheet", ".xlsx": "a spreadsheet",
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


def docx_text(data: bytes, path: Path | None = None) -> str:
    """The paragraphs and table rows of a Word file, a line each."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise CorpusError(path, f"is not a readable Word (.docx) file ({exc})") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += ["\t".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def pdf_text(data: bytes, path: Path | None = None) -> str:
    """The text layer of a PDF, page after page."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    except (PdfReadError, ValueError, KeyError) as exc:
        raise CorpusError(path, f"is not a readable PDF ({exc})") from None
    text = "\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise EmptyCorpusError(path, "the PDF has no text layer (a scan?): only PDFs with text can be read")
    return text


def html_text(data: bytes, path: Path | None = None) -> tuple[str, str]:
    """The visible text of an HTML page, one line per block; and how its bytes were decoded."""
    from bs4 import BeautifulSoup

    decoded = decode_bytes(data, path)
    soup = BeautifulSoup(decoded.text, "html.parser")
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = _BLANK_LINES.sub("\n", soup.get_text()).strip()
    return text, decoded.encoding


def extract(data: bytes, path: Path) -> DecodedText:
    """The text of a Word, PDF or HTML file, and how it was extracted."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            text, how = docx_text(data, path), f"docx via python-docx {_version('python-docx')}"
        elif suffix == ".pdf":
            text, how = pdf_text(data, path), f"pdf via pypdf {_version('pypdf')}"
        else:
            text, encoding = html_text(data, path)
            how = f"html ({encoding}) via beautifulsoup4 {_version('beautifulsoup4')}"
    except CorpusError:
        raise
    except Exception as exc:  # a damaged file: whatever the library raises, one line naming it
        raise CorpusError(path, f"could not be read as {suffix[1:]} ({type(exc).__name__}: {exc})") from None
    if not text.strip():
        raise EmptyCorpusError(path, "no text could be extracted from it")
    return DecodedText(text, how, False, "\n")


#: Files a folder of speeches may hold beside them, passed over without a word.
NOT_SPEECHES = (".md", ".csv", ".json", ".yml", ".yaml", ".toml", ".py", ".ipynb", "")


def corpus_files(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files of ``folder`` that are read (every supported format), and those that
    are not, with why; documentation beside the speeches (README.md, SHA256SUMS) is ignored."""
    read, skipped = [], []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        suffix = path.suffix.lower()
        if suffix in SUPPORTED:
            read.append(path)
        elif suffix not in NOT_SPEECHES:
            skipped.append((path, refused(path) or f"is not a format that is read ({SUPPORTED_NAMES})"))
    return read, skipped


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
    return extract(data, path) if is_document(path) else decode_bytes(data, path)
