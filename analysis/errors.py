"""The package's own exception and warning types.

Every problem with input is raised as a :class:`CorpusError` subclass whose
message is one line naming the file and the problem, so that a user sees
``CorpusError: speeches.txt: the file is empty`` rather than a traceback from
deep inside pandas or a codec.
"""
from __future__ import annotations

import warnings as _warnings
from pathlib import Path

_python_format = _warnings.formatwarning


class CorpusError(Exception):
    """Base class: something is wrong with a corpus file or folder."""

    def __init__(self, path: str | Path | None, problem: str):
        self.path = None if path is None else Path(path)
        self.problem = problem
        where = "<text>" if path is None else str(path)
        super().__init__(f"{where}: {problem}")


class CorpusNotFoundError(CorpusError, FileNotFoundError):
    """The path does not exist."""


class EmptyCorpusError(CorpusError):
    """The file has no bytes, or only white space."""


class BinaryFileError(CorpusError):
    """The file is not text (an image, an archive, a PDF ...)."""


class EncodingError(CorpusError):
    """The bytes are text-like but decode in none of the supported encodings."""


class NoSpeechesError(CorpusError):
    """The text was read, but no speech body could be found in it."""


class TableError(CorpusError):
    """A table of documents (JSON lines, CSV, Excel ...) is malformed; the message names the line or row."""


class MissingExtraError(CorpusError):
    """Reading this file needs an optional package; the message gives the command that installs it."""


class TooLargeError(CorpusError):
    """The file, or what its compressed parts expand to, is larger than the stated limit."""


class DictionaryError(CorpusError):
    """A user dictionary or stopword list cannot be used."""


class FontNotFoundError(RuntimeError):
    """No font that can draw Chinese was found (the message says how to get one)."""


class CorpusWarning(UserWarning):
    """Something in the input was odd but the reader carried on (said, never silent)."""


def shown_path(path) -> str:
    """``path`` as a warning shows it: relative to the project when inside it (executed notebooks
    do not depend on where the project is checked out), else as given."""
    from .config import PROJ_ROOT

    try:
        return Path(path).resolve().relative_to(PROJ_ROOT).as_posix()
    except ValueError:
        return str(path)


def one_line_warning(message, category, filename, lineno, line=None) -> str:
    """A :class:`CorpusWarning` as a reader wants it: one line saying what, not the library line
    that raised it; other warnings as Python shows them."""
    if issubclass(category, CorpusWarning):
        return f"warning: {message}\n"
    return _python_format(message, category, filename, lineno, line)


def use_one_line_warnings() -> None:
    """Show every :class:`CorpusWarning` from now on in one line (the CLI and notebooks call this)."""
    import warnings

    warnings.formatwarning = one_line_warning


class OptionError(ValueError):
    """An option was given a value outside its fixed choices (the message lists them)."""


class ClusterError(OptionError):
    """The Dask cluster named by ``--dask`` could not be started or reached, or Dask is not
    installed (the message names the address, or gives the command that installs it)."""


class TooFewSpeechesError(CorpusError, ValueError):
    """A statistic that compares speeches was given fewer than two (with words to count: a
    document whose every word is a stopword counts for none)."""

    def __init__(self, statistic: str, n: int):
        self.path, self.problem = None, f"this corpus has {n} with words to count"
        Exception.__init__(self, f"{statistic} compares speeches: {self.problem}")


def check_choice(option: str, value, allowed) -> None:
    """Raise :class:`OptionError` unless ``value`` is one of ``allowed``.

    >>> check_choice("measure", "g3", ("g2", "chi2"))
    Traceback (most recent call last):
    ...
    analysis.errors.OptionError: measure must be one of g2, chi2; not 'g3'
    """
    if value not in allowed:
        raise OptionError(f"{option} must be one of {', '.join(map(str, allowed))}; not {value!r}")


class NotebookError(RuntimeError):
    """A notebook failed while the figures were built (the message names its executed copy)."""
