"""The dictionaries segmentation uses: jieba's, the project's user dictionary, the stopword list.

:class:`ProjectDictionary` is jieba's dictionary with ``data/dict/user_dict.txt``
added, held as the trie the cutter walks and the tag table the tagger reads.
Both are built once into ``.cache/jieba`` (keyed by the user dictionary, the
jieba version and the cache format), because jieba alone adds user words one by
one and re-reads ``dict.txt`` for the tags at every start of every process.
"""
from __future__ import annotations

import hashlib
import os
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .. import config
from ..caches import cached, content_key
from ..errors import CorpusWarning, DictionaryError
from .jieba_files import DEFAULT_DICT_NAME, jieba_folder, jieba_version

if TYPE_CHECKING:
    from . import cutter, tagger

_CACHE_FORMAT = 5  # bumped when the files in .cache/jieba change form
_DICT_BAD = re.compile(r"[\s\u3000，。、；：！？,.;:!?“”\"'（）()【】\[\]《》<>]")
_ENTRY = re.compile(r"^(.+?)(?:\s+(\d+))?(?:\s+([a-z]+))?$")


def read_user_dict(path: str | Path | None = None) -> pd.DataFrame:
    """The user dictionary as a table: ``word``, ``freq``, ``pos``, ``line``, ``problem``.

    ``problem`` is empty for a usable entry, else why the entry can never match
    (white space or punctuation inside, duplicate, empty).

    >>> read_user_dict().columns.tolist()
    ['word', 'freq', 'pos', 'line', 'problem']
    """
    path = Path(path) if path else config.USER_DICT
    if not path.exists():
        raise DictionaryError(path, "the user dictionary does not exist")
    rows, seen = [], {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        word, freq, pos = _ENTRY.match(s).groups()
        problem = ""
        if not word.strip():
            problem = "empty entry"
        elif _DICT_BAD.search(word):
            problem = "contains white space or punctuation, so jieba can never produce it"
        elif word in seen:
            problem = f"duplicate of line {seen[word]}"
        seen.setdefault(word, lineno)
        rows.append({"word": word, "freq": int(freq) if freq else None, "pos": pos or "n",
                     "line": lineno, "problem": problem})
    return pd.DataFrame(rows, columns=["word", "freq", "pos", "line", "problem"])


def read_stopwords(path: str | Path | None = None) -> frozenset[str]:
    """The stopword list (``data/dict/stopwords.txt``; stopwords-iso zh plus project additions),
    read again whenever the file changes.

    >>> "的" in read_stopwords()
    True
    """
    path = Path(path) if path else config.STOPWORDS
    return _word_list(str(path), content_key(path), "the stopword list")


def read_places(path: str | Path | None = None) -> frozenset[str]:
    """The place names jieba does not reliably tag as names (``data/dict/places.txt``: the
    provinces' short and literary names, the prefecture-level cities), which ``drop_names`` sets
    aside too; read again whenever the file changes.

    >>> {"合肥", "滇", "包头"} <= read_places(), "来宾" in read_places()
    (True, False)
    """
    path = Path(path) if path else config.PLACES
    return _word_list(str(path), content_key(path), "the list of place names")


@cached(maxsize=4)
def _word_list(path: str, _content: str, what: str) -> frozenset[str]:
    """The words of a list, one a line, ``#`` starting a comment line."""
    path = Path(path)
    if not path.exists():
        raise DictionaryError(path, f"{what} does not exist")
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines()
                     if w.strip() and not w.startswith("#"))


def file_digest(*paths: Path) -> str:
    """A short digest of the files' bytes, for cache keys."""
    h = hashlib.sha256()
    for p in paths:
        h.update(Path(p).read_bytes())
    return h.hexdigest()[:16]


class ProjectDictionary:
    """jieba's dictionary plus the user dictionary, as a trie (``trie``) and tags (``tags``).

    ``entries`` are the usable user-dictionary rows; unusable ones are reported
    as a :class:`CorpusWarning` each.  ``tk`` is a private :class:`jieba.Tokenizer`
    holding the same dictionary, loaded only when asked for (to compare with jieba).
    """

    def __init__(self, user_dict: str | Path | None = None):
        self.user_dict = Path(user_dict) if user_dict else config.USER_DICT
        entries = read_user_dict(self.user_dict)
        for row in entries[entries.problem != ""].itertuples():
            warnings.warn(f"{self.user_dict}:{row.line}: dictionary entry {row.word!r} is not used: {row.problem}",
                          CorpusWarning, stacklevel=3)
        self.entries = entries[entries.problem == ""]
        #: Words this dictionary says never to join (frequency 0): the cutter keeps them as its own.
        self.force_split = frozenset(self.entries.loc[self.entries["freq"] == 0, "word"])
        self._cache_dir = config.CACHE_DIR / "jieba"
        self._cache_dir.mkdir(parents=True, exist_ok=True)
        self._tk = None
        self._freq_path: Path | None = None
        self.trie, self.tags = self._load(self._cache_dir / f"project-{self._key()}")

    def _key(self) -> str:
        size = (jieba_folder() / DEFAULT_DICT_NAME).stat().st_size
        return hashlib.sha256(f"{file_digest(self.user_dict)} {jieba_version()} {size} {_CACHE_FORMAT}"
                              .encode()).hexdigest()[:16]

    def _tokenizer(self):
        """A private jieba tokenizer, made (and jieba imported) only when needed."""
        if self._tk is None:
            import jieba
            import jieba.finalseg

            jieba.setLogLevel(60)  # jieba logs its cache use to stderr at every start
            self._tk = jieba.Tokenizer()
            self._tk.tmp_dir = str(self._cache_dir)
            for row in self.entries.itertuples():
                if row.freq == 0:  # as add_word(word, 0) tells jieba's own tokenizer; the cutter keeps
                    # its own set, not this process-wide one
                    jieba.finalseg.add_force_split(row.word)
        return self._tk

    @property
    def tk(self):
        """The jieba tokenizer with this dictionary.  Nothing here needs it (the cutter and
        the tagger work from the trie), so jieba and its 500,000-entry ``FREQ`` load only on request."""
        tk = self._tokenizer()
        if self._freq_path is not None:
            words, freq, total = _load_freq(self._freq_path)
            tk.FREQ, tk.total = dict(zip(words, freq)), total
            tk.initialized = True
            self._freq_path = None
        return tk

    def _load(self, stem: Path) -> tuple[cutter.Trie, tagger.TagTable]:
        """The trie and tags from ``stem.{freq,trie,tags}.npz``, built the first time."""
        from . import cutter, tagger

        paths = {part: stem.with_name(f"{stem.name}.{part}.npz") for part in ("freq", "trie", "tags")}
        if all(p.exists() for p in paths.values()):
            try:
                trie, tags = cutter.Trie.load(paths["trie"]), tagger.TagTable.load(paths["tags"])
                with np.load(paths["freq"], allow_pickle=False) as z:
                    z["freq"]  # a damaged file fails here, not later
                self._freq_path = paths["freq"]
                return trie, tags
            except (OSError, EOFError, ValueError, TypeError, KeyError):
                pass  # a damaged cache is rebuilt below
        return self._build(paths)

    def _build(self, paths: dict[str, Path]) -> tuple[cutter.Trie, tagger.TagTable]:
        import jieba.posseg

        from . import cutter, tagger

        tk = self._tokenizer()
        tk.initialize()
        for row in self.entries.itertuples():
            tk.add_word(row.word, row.freq, row.pos)
        posseg = jieba.posseg.POSTokenizer(tk)
        posseg.makesure_userdict_loaded()
        tags = tagger.TagTable.from_dict(posseg.word_tag_tab)
        trie = cutter.Trie.from_freq(tk.FREQ, tk.total)
        saves = {"freq": lambda f: _save_freq(f, tk.FREQ, tk.total), "trie": trie.save, "tags": tags.save}
        for part, path in paths.items():
            tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
            saves[part](tmp)
            tmp.replace(path)  # atomic: a parallel run never reads half a file
        return trie, tags


def _save_freq(path, freq: dict[str, int], total: int) -> None:
    """jieba's ``FREQ`` as one text of its words and an array of counts: it loads four times
    faster than jieba's own marshal cache, which decodes every word on its own."""
    with open(path, "wb") as f:
        np.savez(f, words=np.frombuffer("\n".join(freq).encode("utf-8"), dtype=np.uint8),
                 freq=np.fromiter(freq.values(), dtype=np.int64, count=len(freq)), total=np.int64(total))


def _load_freq(path) -> tuple[list[str], list[int], int]:
    with np.load(path, allow_pickle=False) as z:
        return z["words"].tobytes().decode("utf-8").split("\n"), z["freq"].tolist(), int(z["total"])
