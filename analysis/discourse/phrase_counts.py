r"""Word sequences counted by chunk of a corpus and merged: termhood at any corpus size.

:mod:`.termhood` measures every candidate phrase over the whole corpus.  Holding every
window of every word of a large corpus at once does not scale, so the corpus is taken a
chunk of documents at a time (:func:`chunk_windows`), and each chunk gives statistics that
add up across chunks:

1. :func:`window_counts`: how often each window of one to six words inside a clause occurs,
   and how often with a formula's shape (:class:`.phrases.WordFlags`);
2. :func:`candidate_summary`: for the candidates (shape windows used twice or more in the
   merged counts) their uses, the documents that use them, their words, and the words on
   either side of them (for the boundary measure);
3. :func:`kept_places`: where the phrases that turn out formulaic stand.

A window is named by a hash of its words' hashes (``code = code·P + hash(word)`` in uint64
arithmetic, the same in every process and on every machine), so counts of different
chunks merge by their codes.  A window's words are compared with the first use's before
it counts, so two sequences sharing a hash (possible, never seen) are never merged.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..segmentation.tokens import factorized, stable_order
from .lexicons import FORMULA_WORDS
from .phrases import MAX_WORDS, Clauses, WordFlags

_P = np.uint64(1_000_003)
#: The bits of a window code the key filter of :meth:`Keys.maybe` looks at (a table of 2**20 flags, 1 MiB per size).
_TOP_BITS = 20
SIZES = tuple(range(1, MAX_WORDS + 1))
_EDGE = np.uint64(0)  # the neighbour a clause edge stands for (counted apart: each edge is a new one)


def word_hashes(words) -> np.ndarray:
    """The hash of each word, the same in every process (pandas' ``hash_array``); never 0."""
    h = pd.util.hash_array(np.asarray(words, dtype=object))
    return np.where(h == _EDGE, np.uint64(1), h)


def key_hashes(keys, size: int) -> np.ndarray:
    """The hashes of the words of keys of ``size`` words, one row per key (one hashing pass)."""
    flat = [w for key in keys for w in key]
    if not flat:
        return np.zeros((0, size), dtype=np.uint64)
    codes, vocab = factorized(flat)
    return word_hashes(vocab)[codes].reshape(-1, size)


def key_codes(keys, size: int) -> np.ndarray:
    """The codes of keys of ``size`` words, as :func:`window_codes` computes them."""
    h = key_hashes(keys, size)
    code = np.zeros(len(h), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(size):
            code = code * _P + h[:, j]
    return code


def code_of_words(words) -> int:
    """The code of a sequence of words, as :func:`window_codes` computes it."""
    return int(key_codes([tuple(words)], len(words))[0])


@dataclass
class ChunkWindows:
    """A chunk's clauses reduced to what the counting passes need (compact and picklable)."""

    h: np.ndarray          # uint64, each word's hash
    word: np.ndarray       # int32, each word as an index of ``vocab``
    vocab: np.ndarray      # object, the chunk's words
    speech: np.ndarray
    start: np.ndarray
    end: np.ndarray
    clause: np.ndarray
    shape: np.ndarray      # uint8: bit s-1 set when the window of s words from here has a formula's shape

    def __len__(self) -> int:
        return len(self.h)

    def words(self, at: int, size: int) -> tuple[str, ...]:
        return tuple(self.vocab[self.word[at:at + size]].tolist())

    def clauses(self) -> Clauses:
        """The chunk as :class:`.phrases.Clauses` (for the variants of established phrases)."""
        n = len(self)
        no = np.zeros(n, dtype=bool)
        return Clauses(word=self.vocab[self.word], speech=self.speech, start=self.start, end=self.end,
                       clause=self.clause, content=no, name=no, noun=no, pos=np.full(n, "", dtype=object))


def chunk_windows(c: Clauses, *, formula_words=FORMULA_WORDS) -> ChunkWindows:
    """A chunk's :class:`.phrases.Clauses` as :class:`ChunkWindows`."""
    codes, vocab = factorized(c.word)
    shape = np.zeros(len(c), dtype=np.uint8)
    if len(c):
        flags = WordFlags(c, list(vocab), codes, formula_words)
        for size in SIZES:
            n = len(c) - size + 1
            if n <= 0:
                break
            ok = flags.shape_ok(size, n) & (c.clause[:n] == c.clause[size - 1:])
            shape[:n] |= ok.astype(np.uint8) << np.uint8(size - 1)
    return ChunkWindows(h=word_hashes(vocab)[codes] if len(c) else np.zeros(0, np.uint64),
                        word=codes.astype(np.int32), vocab=vocab, speech=c.speech, start=c.start.astype(np.int64),
                        end=c.end.astype(np.int64), clause=c.clause, shape=shape)


def window_codes(cw: ChunkWindows, sizes=SIZES):
    """``(size, code, inside)`` for each size: the code of the window at each place where one fits,
    and whether it lies inside one clause."""
    if not sizes:
        return
    code = np.zeros(len(cw), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for size in range(1, max(sizes) + 1):
            n = len(cw) - size + 1
            if n <= 0:
                return
            code = code[:n] * _P + cw.h[size - 1:]
            if size in sizes:
                yield size, code, cw.clause[:n] == cw.clause[size - 1:]


def _tally(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    values, counts = np.unique(codes, return_counts=True)
    return values, counts.astype(np.int64)


def _add(a: tuple, b: tuple) -> tuple[np.ndarray, np.ndarray]:
    """Two (sorted codes, counts) tables summed.  Both are sorted, so a stable sort of the two
    together (timsort: it finds the two runs and merges them) is linear, not a full sort."""
    codes, counts = np.concatenate([a[0], b[0]]), np.concatenate([a[1], b[1]])
    order = np.argsort(codes, kind="stable")
    codes, counts = codes[order], counts[order]
    first = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if len(codes) else np.zeros(0, dtype=np.int64)
    return codes[first], np.add.reduceat(counts, first) if len(first) else counts


def _lookup(table: tuple | None, codes: np.ndarray) -> np.ndarray:
    """The counts of ``codes`` in a (sorted codes, counts) table; 0 where absent."""
    codes = np.asarray(codes, dtype=np.uint64)
    if table is None or not len(table[0]) or not len(codes):
        return np.zeros(len(codes), dtype=np.int64)
    at = np.minimum(np.searchsorted(table[0], codes), len(table[0]) - 1)
    return np.where(table[0][at] == codes, table[1][at], 0)


@dataclass
class WindowCounts:
    """Per size, how often each window inside a clause occurs (``every``) and how often with a
    formula's shape (``shaped``), each as (sorted codes, counts); and the chunk's clause words."""

    every: dict
    shaped: dict
    n_words: int

    def merged(self, other: WindowCounts) -> WindowCounts:
        def add(a: dict, b: dict) -> dict:
            return {s: _add(a[s], b[s]) if s in a and s in b else a.get(s, b.get(s)) for s in sorted({*a, *b})}
        return WindowCounts(add(self.every, other.every), add(self.shaped, other.shaped), self.n_words + other.n_words)

    def pruned(self, min_count: int) -> WindowCounts:
        """Only windows used ``min_count`` times or more (every sub-window of a candidate is)."""
        def keep(d: dict) -> dict:
            return {s: (c[n >= min_count], n[n >= min_count]) for s, (c, n) in d.items()}
        return WindowCounts(keep(self.every), keep(self.shaped), self.n_words)

    def count(self, size: int, codes) -> np.ndarray:
        """How often the windows of ``size`` words with these codes occur."""
        return _lookup(self.every.get(size), codes)

    def candidates(self, min_count: int) -> dict[int, np.ndarray]:
        """Per size, the sorted codes of the windows of a formula's shape used ``min_count`` times or more."""
        return {s: c[n >= min_count] for s, (c, n) in self.shaped.items() if (n >= min_count).any()}


def window_counts(cw: ChunkWindows) -> WindowCounts:
    """Pass 1 over a chunk: the counts of its windows (they add up over chunks)."""
    every, shaped = {}, {}
    for size, code, inside in window_codes(cw):
        has_shape = (cw.shape[:len(code)] >> np.uint8(size - 1)) & np.uint8(1) == 1
        if size == 1:  # one word: counted by the chunk's word numbers, no sort of every window
            every[size], shaped[size] = _tally_words(cw, inside), _tally_words(cw, has_shape)
        else:
            every[size], shaped[size] = _tally(code[inside]), _tally(code[has_shape])
    return WindowCounts(every, shaped, len(cw))


def _tally_words(cw: ChunkWindows, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_tally` of the words at ``at`` (a mask), from the counts of the chunk's word numbers."""
    n = np.bincount(cw.word[at], minlength=len(cw.vocab))
    h = np.zeros(len(cw.vocab), dtype=np.uint64)
    h[cw.word] = cw.h
    used = np.flatnonzero(n)
    order = np.argsort(h[used], kind="stable")
    codes, counts = h[used][order], n[used][order].astype(np.int64)
    first = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if len(codes) else np.zeros(0, dtype=np.int64)
    return codes[first], np.add.reduceat(counts, first) if len(first) else counts  # two words of one hash: one code


def merge_counts(parts) -> WindowCounts:
    """The counts of several chunks, as one corpus's."""
    out = None
    for part in parts:
        out = part if out is None else out.merged(part)
    return out if out is not None else WindowCounts({}, {}, 0)


class Keys:
    """The candidates of a corpus numbered from 0, size by size: key ``offset[s] + i`` is the
    ``i``-th code of size ``s``."""

    def __init__(self, codes: dict[int, np.ndarray]):
        self.codes = {s: np.asarray(codes[s], dtype=np.uint64) for s in sorted(codes)}
        sizes = [len(v) for v in self.codes.values()]
        self.offset = dict(zip(self.codes, np.r_[0, np.cumsum(sizes)][:-1].tolist()))
        self.n = int(sum(sizes))
        self._index: dict[int, pd.Index] = {}
        self._bits: dict[int, np.ndarray] = {}

    def index(self, size: int) -> pd.Index:
        """The codes of ``size`` as a pandas Index (a hash table), built once."""
        if size not in self._index:
            self._index[size] = pd.Index(self.codes[size])
        return self._index[size]

    def maybe(self, size: int, code: np.ndarray) -> np.ndarray:
        """Whether each code may be a key of ``size``: a bit per top 20 bits of the keys' codes, so
        that the hash table is asked only about the few windows that may be keys (a gather, not a probe)."""
        if size not in self._bits:
            bits = np.zeros(1 << _TOP_BITS, dtype=bool)
            bits[self.codes[size] >> np.uint64(64 - _TOP_BITS)] = True
            self._bits[size] = bits
        return self._bits[size][code >> np.uint64(64 - _TOP_BITS)]

    def number(self, words: tuple[str, ...]) -> int:
        """The number of the key with these words (which must be one)."""
        size = len(words)
        return self.offset[size] + int(np.searchsorted(self.codes[size], np.uint64(code_of_words(words))))

    def size_of(self) -> np.ndarray:
        return np.concatenate([np.full(len(v), s) for s, v in self.codes.items()]) if self.n else np.zeros(0, int)


def _hits(cw: ChunkWindows, keys: Keys, size: int, code: np.ndarray, inside: np.ndarray, expected=None):
    """Places of the windows of ``size`` whose code is a key's, inside a clause, and their key numbers.
    ``expected`` (hashes of each key's words, one row per key of this size) checks the words; without
    it, each place is checked against the first place of its key in the chunk."""
    places = np.flatnonzero(keys.maybe(size, code) & inside)
    row = keys.index(size).get_indexer(code[places])  # a hash table: no sort, no binary search over the chunk
    places, row = places[row >= 0], row[row >= 0]
    order = stable_order(row)  # by key, then place (places come in order)
    places, row = places[order], row[order]
    if expected is None:
        new = np.r_[True, row[1:] != row[:-1]] if len(row) else np.zeros(0, dtype=bool)
        first = places[np.flatnonzero(new)][np.cumsum(new) - 1]
        same = np.ones(len(places), dtype=bool)
        for j in range(size):
            same &= cw.h[places + j] == cw.h[first + j]
    else:
        same = np.ones(len(places), dtype=bool)
        for j in range(size):
            same &= cw.h[places + j] == expected[row, j]
    return places[same], row[same] + keys.offset[size]


def _neighbours(cw: ChunkWindows, places: np.ndarray, key: np.ndarray, size: int) -> pd.DataFrame:
    """The word (hash) on either side of each place, a clause edge standing for a neighbour of its
    own (``0``), counted by key, side and word."""
    def side(at):
        safe = np.clip(at, 0, max(len(cw) - 1, 0))
        ok = (at >= 0) & (at < len(cw)) & (cw.clause[safe] == cw.clause[places])
        return np.where(ok, cw.h[safe], _EDGE)
    return neighbour_sums(np.r_[key, key], np.repeat(np.array([0, 1], np.int8), len(places)),
                          np.r_[side(places - 1), side(places + size)])


def neighbour_sums(key: np.ndarray, side: np.ndarray, word: np.ndarray, n: np.ndarray | None = None) -> pd.DataFrame:
    """One row per (key, side, word) with ``n`` summed (each row counting 1 without ``n``), in
    the order the triples first come, as ``groupby(sort=False)`` gives them: the triple is
    numbered as one integer (the words first numbered among themselves), which pandas hashes
    several times faster than three columns."""
    word_code, words = pd.factorize(word)
    width = max(len(words), 1)
    triple = (key.astype(np.int64) * 2 + side) * width + word_code
    code, first = pd.factorize(triple)
    total = np.bincount(code, minlength=len(first)) if n is None else np.bincount(
        code, weights=n, minlength=len(first)).astype(np.int64)  # float64 sums of counts are exact
    pair, at = np.divmod(first, width)
    return pd.DataFrame({"key": pair // 2, "side": (pair % 2).astype(np.int8), "word": np.asarray(words)[at],
                         "n": total.astype(np.int64)})


def candidate_summary(cw: ChunkWindows, keys: Keys, listed: set[int] = frozenset(), *, stats: bool = True) -> dict:
    """Pass 2 over a chunk, for the candidates ``keys``: per key, its uses with a formula's shape
    (``n``), the documents using it so (``n_documents``), its words at its first use in the chunk
    (``words``: :class:`KeyWords`); the words beside every use inside a clause (``sides``), and the
    places of the keys in ``listed``.  ``stats=False`` gives the sides only (the reference's)."""
    per_key, words, sides, places_of_listed = [], [], [], []
    runs = 1 + int(np.count_nonzero(cw.speech[1:] != cw.speech[:-1])) if len(cw) else 0
    in_runs = runs == len(pd.unique(cw.speech))  # each document's words together, as a token table has them
    for size, code, inside in window_codes(cw, sizes=tuple(keys.codes)):
        places, key = _hits(cw, keys, size, code, inside)
        if not len(places):
            continue
        sides.append(_neighbours(cw, places, key, size))
        if not stats:
            continue
        shaped = (cw.shape[places] >> np.uint8(size - 1)) & np.uint8(1) == 1
        places, key = places[shaped], key[shaped]
        counted, first = _per_key(cw, places, key, in_runs=in_runs)
        per_key.append(counted)
        words.append(cw.word[first[:, None] + np.arange(size)])
        if listed:
            mine = np.isin(key, list(listed))
            places_of_listed.append(pd.DataFrame({"key": key[mine], "speech": cw.speech[places[mine]],
                                                  "start": cw.start[places[mine]],
                                                  "end": cw.end[places[mine] + size - 1]}))
    no_stats = pd.DataFrame(columns=["n", "n_documents"], index=pd.Index([], dtype=np.int64, name="key"))
    return {"stats": pd.concat(per_key) if per_key else no_stats,
            "words": KeyWords.of(cw.vocab, words),
            "sides": pd.concat(sides, ignore_index=True) if sides else _no_sides(),
            "listed": pd.concat(places_of_listed, ignore_index=True) if places_of_listed else _no_places()}


def _per_key(cw: ChunkWindows, places: np.ndarray, key: np.ndarray, *,
             in_runs: bool) -> tuple[pd.DataFrame, np.ndarray]:
    """Uses (``n``) and documents (``n_documents``) of each key, indexed by key, and the place of
    each key's first use.  :func:`_hits` gives the places by key, then by place: a group's first
    place is its first use, and where each document's words stand together (``in_runs``), each
    change of document within a group is a new one."""
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else np.zeros(0, dtype=np.int64)
    speech = cw.speech[places]
    if in_runs:
        new_document = np.r_[True, speech[1:] != speech[:-1]] if len(key) else np.zeros(0, dtype=bool)
        new_document[starts] = True
        n_documents = np.add.reduceat(new_document.astype(np.int64), starts) if len(key) else np.zeros(0, np.int64)
    else:
        n_documents = pd.Series(speech).groupby(key, sort=True).nunique().to_numpy(dtype=np.int64)
    per_key = pd.DataFrame({"n": np.diff(np.r_[starts, len(key)]).astype(np.int64), "n_documents": n_documents},
                           index=pd.Index(key[starts], name="key"))
    return per_key, places[starts]


@dataclass
class KeyWords:
    """The words of the keys a chunk uses, as numbers into the few words they are made of: a key's
    words are made into a tuple only where no chunk before named it (most keys recur in every chunk)."""

    codes: list            # per size, an int32 array of one row per key (in ``stats`` order), a column per word
    vocab: np.ndarray      # object: the words the rows number

    @classmethod
    def of(cls, vocab: np.ndarray, codes: list) -> KeyWords:
        seen = np.zeros(len(vocab), dtype=bool)
        for c in codes:
            seen[c] = True
        used = np.flatnonzero(seen)
        number = np.zeros(len(vocab), dtype=np.int32)  # a gather each way: no sort, no search
        number[used] = np.arange(len(used), dtype=np.int32)
        return cls([number[c] for c in codes], vocab[used])

    def tuples(self, rows: list) -> np.ndarray:
        """The words of the keys at ``rows`` (per size, positions in that size's array), as one
        object array of tuples, sizes in order."""
        out = [zip(*(self.vocab[c[r, j]] for j in range(c.shape[1]))) for c, r in zip(self.codes, rows)]
        n = sum(len(r) for r in rows)
        return np.fromiter((w for part in out for w in part), dtype=object, count=n)

    def every(self) -> np.ndarray:
        """The words of every key, in ``stats`` order."""
        return self.tuples([np.arange(len(c)) for c in self.codes])


def kept_places(cw: ChunkWindows, keys: Keys, words: dict[int, tuple]) -> pd.DataFrame:
    """Pass 3 over a chunk: where the keys stand with a formula's shape (``key``, ``speech``,
    ``start``, ``end``), each use's words checked against the key's ``words``."""
    out = []
    for size, code, inside in window_codes(cw, sizes=tuple(keys.codes)):
        numbers = range(keys.offset[size], keys.offset[size] + len(keys.codes[size]))
        expected = key_hashes([words[k] for k in numbers], size)
        places, key = _hits(cw, keys, size, code, inside, expected)
        shaped = (cw.shape[places] >> np.uint8(size - 1)) & np.uint8(1) == 1
        places, key = places[shaped], key[shaped]
        out.append(pd.DataFrame({"key": key, "speech": cw.speech[places], "start": cw.start[places],
                                 "end": cw.end[places + size - 1]}))
    return pd.concat(out, ignore_index=True) if out else _no_places()


def _no_sides() -> pd.DataFrame:
    return pd.DataFrame({"key": pd.Series(dtype=np.int64), "side": pd.Series(dtype=np.int8),
                         "word": pd.Series(dtype=np.uint64), "n": pd.Series(dtype=np.int64)})


def _no_places() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=np.int64) for c in ("key", "speech", "start", "end")})
