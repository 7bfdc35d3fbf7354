"""The segmenter: the project dictionary, jieba's cut, a cache of segmentations, the tagger.

A :class:`Segmenter` is built once per user dictionary and process
(:func:`get_segmenter`).  Its words are jieba's (accurate mode, HMM on) under
jieba's dictionary plus ``data/dict/user_dict.txt``, cut by
:class:`analysis.segmentation.cutter.Cutter` (jieba's words, several times
faster) and cached in ``.cache/segments`` under a key made of the text, both
dictionaries and the jieba version, so a repeat run skips segmentation.
Results never depend on what else a notebook did to jieba's global tokenizer.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

from .. import config
from ..caches import cached, content_key
from .dictionary import ProjectDictionary, file_digest


class SegmentCache:
    """Segmentations on disk, one file per text, named by the text's digest."""

    def __init__(self, folder: Path):
        self.folder = folder

    def get(self, text: str) -> list[str] | None:
        path = self._path(text)
        if path.exists():
            content = path.read_text(encoding="utf-8")
            tokens = content.split("\x1f") if content else []  # an empty text has no words
            if "".join(tokens) == text:  # a damaged or colliding file is ignored
                return tokens
        return None

    def put(self, text: str, tokens: list[str]) -> None:
        path = self._path(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text("\x1f".join(tokens), encoding="utf-8")
        tmp.replace(path)  # atomic: a parallel run never reads half a file

    def _path(self, text: str) -> Path:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return self.folder / digest[:2] / f"{digest}.txt"


class Segmenter:
    """Cuts text into jieba's words and tags them, under one user dictionary."""

    def __init__(self, user_dict: str | Path | None = None):
        from .cutter import Cutter  # the dictionaries load only when a segmenter is built
        from .jieba_files import jieba_version
        from .tagger import UnlistedTagger

        self.dictionary = ProjectDictionary(user_dict)
        self.user_dict = self.dictionary.user_dict
        self.cutter = Cutter(self.dictionary.trie, force_split=self.dictionary.force_split)
        self.key = hashlib.sha256(
            (file_digest(self.user_dict) + jieba_version() + "v2").encode()).hexdigest()[:16]
        self.cache_dir = config.CACHE_DIR / "segments" / self.key
        self.cache = SegmentCache(self.cache_dir)
        self.tagger = UnlistedTagger(self.dictionary.trie, self.dictionary.tags, self.cache_dir / "oov_tags.json")
        self._tables: dict = {}

    # the dictionary's parts, for tests and comparisons with jieba
    tk = property(lambda self: self.dictionary.tk)
    trie = property(lambda self: self.dictionary.trie)
    tags = property(lambda self: self.dictionary.tags)
    entries = property(lambda self: self.dictionary.entries)

    def lcut(self, text: str, *, cache: bool = True) -> list[str]:
        """jieba's accurate-mode segmentation (HMM on), cached by content unless ``cache=False``."""
        tokens = self.cache.get(text) if cache else None
        if tokens is None:
            tokens = self.cutter.lcut(text)
            if cache:
                self.cache.put(text, tokens)
        return tokens

    def boundaries(self, text: str, *, cache: bool = True) -> np.ndarray:
        """Where each word of :meth:`lcut` starts, then ``len(text)`` (the words are cut out as
        strings only to be cached)."""
        tokens = self.cache.get(text) if cache else None
        if tokens is not None:
            return np.r_[0, np.cumsum([len(t) for t in tokens], dtype=np.int64)]
        bounds = self.cutter.boundaries(text)
        if cache:
            starts = bounds.tolist()
            self.cache.put(text, [text[a:b] for a, b in zip(starts, starts[1:])])
        return bounds

    def tags_of(self, tokens: list[str]) -> list[str]:
        """The tag jieba.posseg gives each token as a word, looked up together."""
        tags = self.tags.get_many(tokens)
        self.tagger.prepare([t for t, tag in zip(tokens, tags) if tag is None])
        return [self.tagger.tag(t) if tag is None else tag for t, tag in zip(tokens, tags)]

    def save_tags(self) -> None:
        """Persist the tags of newly met out-of-dictionary words."""
        self.tagger.save()

    def type_table(self, stopwords: frozenset[str]):
        """The token -> type id table of this segmenter under a stopword list."""
        from .token_table import TypeTable

        table = self._tables.get(stopwords)
        if table is None:
            table = self._tables[stopwords] = TypeTable(self, stopwords)
        return table


def get_segmenter(user_dict: str | Path | None = None) -> Segmenter:
    """The shared :class:`Segmenter` for a user dictionary (built once per process).

    >>> import analysis as an
    >>> an.get_segmenter().lcut('抓好招商引资工作')
    ['抓好', '招商引资', '工作']
    """
    path = Path(user_dict or config.USER_DICT).resolve()
    return _segmenter(str(path), content_key(path))  # an edited dictionary is a new segmenter


@cached(maxsize=4)
def _segmenter(user_dict: str, _content: str) -> Segmenter:
    return Segmenter(user_dict)
