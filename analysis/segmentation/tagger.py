"""Part-of-speech tags as jieba.posseg gives them, at a fraction of its cost.

:class:`TagTable` holds the dictionaries' tags (a word's tag is what jieba.posseg
gives it) as two sorted numpy arrays, which load from disk in a few hundredths
of a second where jieba re-reads its 349,046-line dictionary into a dict (0.7 s)
at every start of every process.

jieba.posseg tags a word that is in no dictionary by a Viterbi search over 256
(position, tag) states, written as nested Python loops: about a millisecond per
word, which made tagging the few thousand such words of 25 reports cost more
than segmenting them.  :func:`viterbi` does the same arithmetic in the same
order on float64 arrays (so every sum, every tie and the tie-break towards the
larger state are the same), and :class:`POSCutter` cuts as jieba.posseg does
around it, without importing jieba.posseg (whose import re-reads jieba's whole
dictionary).  Tests compare both on every such word of the corpora and on
arbitrary text.
"""
from __future__ import annotations

import json
import math
import os
import re
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from ..chinese import MASK_TOKEN, NUMBER_TOKEN, is_punct
from .jieba_files import MIN_FLOAT as _MIN_FLOAT  # jieba's stand-in for log(0) of an unseen emission
from .jieba_files import model_table


class _Model:
    """jieba.posseg's HMM as arrays, states sorted so that a larger index is a larger state."""

    def __init__(self):
        char_state_tab_P, start_P, trans_P, emit_P = _hmm_tables()
        self.char_state_tab = char_state_tab_P
        self.states = sorted(trans_P)
        index = {s: i for i, s in enumerate(self.states)}
        n = len(self.states)
        self.index = index
        self.trans = np.full((n, n), -np.inf)
        for s, row in trans_P.items():
            for t, p in row.items():
                self.trans[index[s], index[t]] = p
        self.reachable = self.trans > -np.inf
        self.leaves = np.array([len(trans_P[s]) > 0 for s in self.states])
        self.start = np.array([start_P[s] for s in self.states])
        self.all = np.ones(n, dtype=bool)
        # emissions per state, made into a row per character when the character is first met (a
        # matrix of every character would be 14 MiB, while a run tags a few hundred words)
        self._emit_P = [emit_P.get(s, {}) for s in self.states]

    @cache
    def allowed(self, char: str) -> np.ndarray:
        """The states jieba lets ``char`` take (all of them for an unknown character)."""
        states = self.char_state_tab.get(char)
        if states is None:
            return self.all
        mask = np.zeros(len(self.states), dtype=bool)
        mask[[self.index[s] for s in states]] = True
        return mask

    @cache
    def emit(self, char: str) -> np.ndarray:
        """Each state's log probability of emitting ``char`` (unseen: jieba's MIN_FLOAT)."""
        return np.array([row.get(char, _MIN_FLOAT) for row in self._emit_P])


def _hmm_tables() -> list[dict]:
    """jieba.posseg's model (states of each character, start, transition and emission
    probabilities), read from its files: importing jieba.posseg would also re-read jieba's
    whole dictionary (0.25 s of every run)."""
    return [model_table("posseg", name) for name in ("char_state_tab", "prob_start", "prob_trans", "prob_emit")]


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model()


def viterbi(obs: str) -> list[tuple[str, str]]:
    """The best state path of jieba.posseg's model for ``obs``, as jieba's own viterbi finds it."""
    m = _model()
    cols = np.flatnonzero(m.allowed(obs[0]))
    values = m.start[cols] + m.emit(obs[0])[cols]
    back: list[tuple[np.ndarray, np.ndarray]] = [(cols, np.full(len(cols), -1))]
    for char in obs[1:]:
        keep = m.leaves[cols]
        prev, prev_values = cols[keep], values[keep]
        expect = m.reachable[prev].any(axis=0)
        allowed = m.allowed(char) & expect
        if not allowed.any():
            allowed = expect if expect.any() else m.all
        cols = np.flatnonzero(allowed)
        # (V + trans) + emit, as jieba adds them: the same rounding, so the same ties
        cand = (prev_values[:, None] + m.trans[np.ix_(prev, cols)]) + m.emit(char)[cols][None, :]
        # jieba takes max over (prob, state): on a tie the larger state, i.e. the last row
        best = len(prev) - 1 - np.argmax(cand[::-1], axis=0)
        values = cand[best, np.arange(len(cols))]
        back.append((cols, prev[best]))
    # the final max over (prob, state) too: ties go to the larger state
    last = len(values) - 1 - int(np.argmax(values[::-1]))
    state = int(back[-1][0][last])
    route = [0] * len(obs)
    for t in range(len(obs) - 1, -1, -1):
        cols_t, from_t = back[t]
        route[t] = state
        state = int(from_t[np.searchsorted(cols_t, state)])
    return [m.states[s] for s in route]


class TagTable:
    """word -> tag, as sorted arrays; ``get`` behaves like ``dict.get``.

    The words are kept in two sorted arrays, those of up to :data:`SHORT` characters and the
    longer ones: numpy stores strings at the width of the longest, and nine words in ten have
    four characters or fewer, so this takes 7 MiB where one array took 21 MiB to read at
    every start.  A word's place is its place in the short array, or after all of them in
    the long one; ``codes`` (and a subclass's columns) follow that order."""

    SHORT = 4

    def __init__(self, short: np.ndarray, long: np.ndarray, codes: np.ndarray, names):
        self.short, self.long, self.codes, self.names = short, long, codes, [str(n) for n in names]

    @classmethod
    def from_dict(cls, tags: dict[str, str]) -> TagTable:
        words = sorted(tags)
        names = np.array(sorted(set(tags.values())))
        code_of = {n: i for i, n in enumerate(names.tolist())}
        short, long = cls.split(words)
        return cls(short, long, np.array([code_of[tags[w]] for w in cls.ordered(short, long)], dtype=np.uint16),
                   names)

    @classmethod
    def split(cls, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Sorted words as the short and the long array."""
        short = np.array([w for w in words if len(w) <= cls.SHORT], dtype=f"<U{cls.SHORT}")
        long = [w for w in words if len(w) > cls.SHORT]
        return short, (np.array(long) if long else np.zeros(0, dtype=f"<U{cls.SHORT + 1}"))

    @staticmethod
    def ordered(short: np.ndarray, long: np.ndarray) -> list[str]:
        return short.tolist() + long.tolist()

    @property
    def words(self) -> list[str]:
        """Every word, in the table's order."""
        return self.ordered(self.short, self.long)

    @classmethod
    def load(cls, path) -> TagTable:
        with np.load(path, allow_pickle=False) as z:
            return cls(z["short"], z["long"], z["codes"], z["names"])

    def save(self, path) -> None:
        with open(path, "wb") as f:
            np.savez(f, short=self.short, long=self.long, codes=self.codes, names=np.array(self.names))

    def __len__(self) -> int:
        return len(self.short) + len(self.long)

    def places(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Each word's place in the table, and whether it is there (where not, the place is 0)."""
        at = np.zeros(len(words), dtype=np.int64)
        found = np.zeros(len(words), dtype=bool)
        length = np.array([len(w) if "\x00" not in w else 0 for w in words], dtype=np.int64)  # numpy drops NULs
        for table, offset, rows in ((self.short, 0, np.flatnonzero((length > 0) & (length <= self.SHORT))),
                                    (self.long, len(self.short), np.flatnonzero(length > self.SHORT))):
            if not len(rows) or not len(table):
                continue
            query = np.array([words[k] for k in rows.tolist()])
            i = np.minimum(np.searchsorted(table, query), len(table) - 1)
            hit = table[i] == query
            at[rows[hit]], found[rows[hit]] = i[hit] + offset, True
        return at, found

    def get(self, word: str, default=None):
        at, found = self.places([word])
        return self.names[self.codes[at[0]]] if found[0] else default

    def get_many(self, words: list[str]) -> list[str | None]:
        """``get`` for many words, with one search."""
        if not words:
            return []
        at, found = self.places(words)
        names, codes = self.names, self.codes[at].tolist()
        return [names[c] if hit else None for c, hit in zip(codes, found.tolist())]

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None


# jieba.posseg's own rules for the blocks of a sentence (copied: importing jieba.posseg costs 0.5 s)
_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SPACE = re.compile("(\r\n|\\s)")
_HAN = re.compile("([\u4E00-\u9FD5]+)")
_SKIP = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")


def _tag_of_other(x: str, block: str) -> str:
    """The tag jieba.posseg gives a piece outside Han text (it tests Latin on the block, not the piece)."""
    return "m" if _NUM.match(x) else "eng" if _ENG.match(block) else "x"


class PrefixDictionary:
    """jieba.Tokenizer's ``get_DAG`` and ``calc`` over a given ``FREQ`` and ``total``, as jieba
    0.42.1 writes them, without importing jieba: the tagger hands it only the dictionary entries
    found inside the words it tags."""

    def __init__(self, freq: dict[str, int], total: int):
        self.FREQ, self.total = freq, total

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # noqa: N802 - jieba's name
        dag = {}
        for k in range(len(sentence)):
            ends, i, frag = [], k, sentence[k]
            while i < len(sentence) and frag in self.FREQ:
                if self.FREQ[frag]:
                    ends.append(i)
                i += 1
                frag = sentence[k:i + 1]
            dag[k] = ends or [k]
        return dag

    def calc(self, sentence: str, dag: dict, route: dict) -> None:
        route[len(sentence)] = (0, 0)
        logtotal = math.log(self.total)
        for idx in range(len(sentence) - 1, -1, -1):
            route[idx] = max((math.log(self.FREQ.get(sentence[idx:x + 1]) or 1) - logtotal + route[x + 1][0], x)
                             for x in dag[idx])


class POSCutter:
    """jieba.posseg's ``lcut`` (HMM on) over a given tokenizer and tag table, with the numpy Viterbi.

    The same steps as jieba.posseg.POSTokenizer, without importing jieba.posseg, whose import
    builds a tagger of jieba's whole dictionary.  Gives (word, tag) pairs.
    """

    def __init__(self, tokenizer, word_tag_tab: TagTable):
        self.tokenizer, self.word_tag_tab = tokenizer, word_tag_tab

    def lcut(self, sentence: str) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        for block in _BLOCK.split(sentence):
            if _BLOCK.match(block):
                pairs += self._cut_dag(block)
                continue
            for x in _SPACE.split(block):
                pairs += [(x, "x")] if _SPACE.match(x) else [(c, _tag_of_other(c, x)) for c in x]
        return pairs

    def _cut_dag(self, sentence: str) -> list[tuple[str, str]]:
        route: dict = {}
        self.tokenizer.calc(sentence, self.tokenizer.get_DAG(sentence), route)
        pairs, buf, x = [], "", 0
        while x < len(sentence):
            y = route[x][1] + 1
            if y - x == 1:
                buf += sentence[x]
            else:
                pairs += self._singles(buf)
                buf = ""
                pairs.append((sentence[x:y], self.word_tag_tab.get(sentence[x:y], "x")))
            x = y
        return pairs + self._singles(buf)

    def _singles(self, buf: str) -> list[tuple[str, str]]:
        """A run of single characters: the HMM's words when the run is no word of the dictionary."""
        if len(buf) > 1 and not self.tokenizer.FREQ.get(buf):
            return self._cut_detail(buf)
        return [(c, self.word_tag_tab.get(c, "x")) for c in buf]

    def _cut_detail(self, sentence: str) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        for block in _HAN.split(sentence):
            if _HAN.match(block):
                pairs += _hmm_words(block)
            else:
                pairs += [(x, _tag_of_other(x, x)) for x in _SKIP.split(block) if x]
        return pairs


def _hmm_words(sentence: str) -> list[tuple[str, str]]:
    """The words and tags of jieba.posseg's model for a run of Han characters."""
    pos_list = viterbi(sentence)
    pairs, begin, nexti = [], 0, 0
    for i, char in enumerate(sentence):
        pos = pos_list[i][0]
        if pos == "B":
            begin = i
        elif pos == "E":
            pairs.append((sentence[begin:i + 1], pos_list[i][1]))
            nexti = i + 1
        elif pos == "S":
            pairs.append((char, pos_list[i][1]))
            nexti = i + 1
    if nexti < len(sentence):
        pairs.append((sentence[nexti:], pos_list[nexti][1]))
    return pairs


def tag_by_form(token: str) -> str | None:
    """The tag a token's form alone decides (mask, numeral, punctuation, Latin), else None."""
    if MASK_TOKEN.match(token):
        return "mask"
    if NUMBER_TOKEN.match(token):
        return "m"
    if is_punct(token):
        return "x"
    if token.isascii():
        return "eng"
    return None


class UnlistedTagger:
    """Tags of the words jieba's HMM makes up, which no dictionary lists.

    Tagging one costs a posseg Viterbi run, so the tags are kept on disk
    (``path``, per dictionary) like the segmentations.  posseg looks up only parts
    of the word it tags, so instead of jieba's 500,000-entry dictionary (0.3 s to
    load) it is given those parts, found in the trie.
    """

    def __init__(self, trie, tags: TagTable, path: Path):
        self.trie, self.tags, self.path = trie, tags, path
        self.learned: dict[str, str] = {}
        if path.exists():
            self.learned = json.loads(path.read_text(encoding="utf-8"))
        self._saved = len(self.learned)
        self._posseg = None
        self._prepared: set[str] = set()  # tokens whose dictionary entries posseg has

    def prepare(self, tokens: list[str]) -> None:
        """Give posseg the dictionary entries it will look at to tag these tokens."""
        tokens = [t for t in tokens if t not in self._prepared
                  and tag_by_form(t) is None and t not in self.learned]
        if not tokens:
            return
        self._prepared.update(tokens)
        if self._posseg is None:
            self._posseg = POSCutter(PrefixDictionary({}, self.trie.total), self.tags)
        self._posseg.tokenizer.FREQ.update(self.trie.entries_within(tokens))

    def tag(self, token: str) -> str:
        """The tag posseg gives ``token``, a word no dictionary lists."""
        tag = tag_by_form(token) or self.learned.get(token)
        if tag is None:  # only these cost a Viterbi run, so only these are kept on disk
            self.prepare([token])
            pairs = self._posseg.lcut(token)
            tag = self.learned[token] = max(pairs, key=lambda p: len(p[0]))[1] if pairs else "x"
        return tag

    def save(self) -> None:
        """Persist the tags of newly met words (atomically)."""
        if len(self.learned) == self._saved:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(self.learned, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)
        self._saved = len(self.learned)
