"""jieba's version, files, patterns and models, read without importing jieba.

Importing jieba costs a twelfth of a second of every run (it imports ``pkg_resources``), while a
run whose dictionaries are cached needs of it only what is here: its version and folder (the
caches are keyed by them), the patterns that cut text into runs, and the probability tables
of its two HMMs, read from its own files.  ``tests/segmentation/test_jieba_files.py`` checks
each against jieba's own.  jieba itself is imported only to build a dictionary, or to tag a
word no dictionary lists (:mod:`.tagger`).
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
import re
from functools import cache
from pathlib import Path

#: jieba's runs to segment (``jieba.re_han_default``): Han characters, Latin letters, digits, +#&._%-.
RE_HAN_DEFAULT = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
#: jieba.finalseg's Han runs (``re_han``) and what it keeps whole between them (``re_skip``).
FINALSEG_RE_HAN = re.compile("([\u4E00-\u9FD5]+)")
FINALSEG_RE_SKIP = re.compile("([a-zA-Z0-9]+(?:\\.\\d+)?%?)")
#: jieba.finalseg's stand-in for log(0), and each state's possible predecessors.
MIN_FLOAT = -3.14e100
PREV_STATUS = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}
#: jieba's own dictionary, in its folder.
DEFAULT_DICT_NAME = "dict.txt"


@cache
def jieba_folder() -> Path:
    """The folder of the installed jieba package (found, not imported)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba is not installed: pip install jieba")
    return Path(spec.origin).parent


@cache
def jieba_version() -> str:
    """The installed jieba's version (``jieba.__version__``)."""
    return importlib.metadata.version("jieba")


@cache
def model_table(package: str, name: str) -> dict:
    """The table ``P`` of jieba's ``<package>/<name>.py`` (``finalseg/prob_emit`` ...), read from
    its file: importing ``jieba.finalseg`` or ``jieba.posseg`` would import jieba (and posseg
    would re-read jieba's whole dictionary)."""
    spec = importlib.util.spec_from_file_location(f"analysis._jieba_{package}_{name}",
                                                  jieba_folder() / package / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.P
