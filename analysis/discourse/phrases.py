"""Word sequences in clauses, counted with numpy: the candidates :mod:`.termhood` measures.

A corpus's :class:`Clauses` are its words as arrays (filler words left out, punctuation,
masks and numbers ending a clause).  A window of words is hashed as numpy computes
``code = code·P + id`` in uint64 arithmetic, so that every window of a size is counted at
once; a window is only taken for a phrase after its words are compared, so a shared hash
(possible, never seen) cannot merge two phrases.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..chinese import HAN
from ..segmentation.tokens import factorized, per_code
from .lexicons import (
    FORMULA_FILLERS,
    FORMULA_NOUNS,
    FORMULA_WORDS,
    LIGHT_HEADS,
    LIGHT_OPENERS,
    LINKING_WORDS,
    NAME_TAGS,
    NATIONAL_NAMES,
    NOUN_TAGS,
)

MAX_WORDS = 6
_P = 1_000_003  # the multiplier of the window hash
_MASK = (1 << 64) - 1


@dataclass
class Clauses:
    """The words of a corpus's clauses, one array entry per word."""

    word: np.ndarray     # object
    speech: np.ndarray
    start: np.ndarray
    end: np.ndarray
    clause: np.ndarray   # clause number, non-decreasing
    content: np.ndarray  # is_vocab
    name: np.ndarray     # tagged as a person, place or body
    noun: np.ndarray
    pos: np.ndarray      # object

    def __len__(self) -> int:
        return len(self.word)

    def subset(self, keep: np.ndarray) -> Clauses:
        return Clauses(**{k: v[keep] for k, v in self.__dict__.items()})

    def ids(self) -> tuple[np.ndarray, list[str]]:
        """Each word as a number from 1, and the words numbered."""
        codes, vocab = factorized(self.word)
        return codes.astype(np.uint64) + np.uint64(1), list(vocab)

    def runs(self) -> list[tuple[int, int]]:
        """The (first, end) index of each clause."""
        if not len(self):
            return []
        cuts = np.flatnonzero(np.r_[True, self.clause[1:] != self.clause[:-1]])
        bounds = np.r_[cuts, len(self)].tolist()
        return list(zip(bounds[:-1], bounds[1:]))


def clauses(tokens: pd.DataFrame) -> Clauses:
    """The clauses of a token table (:func:`analysis.tokenize`)."""
    t = tokens
    codes, types = factorized(t["token"].to_numpy(dtype=object))
    has_han = pd.Series(types, dtype=object).str.contains(f"[{HAN}]", regex=True).to_numpy(dtype=bool)
    breaks = (t["is_punct"] | t["is_masked"] | t["is_number"]).to_numpy(dtype=bool) | ~has_han[codes]
    speech = t["speech"].to_numpy()
    new_speech = np.r_[True, speech[1:] != speech[:-1]] if len(speech) else np.zeros(0, dtype=bool)
    clause = np.cumsum(breaks | new_speech)
    # tested once per distinct word and tag, not once per token
    keep = ~breaks & ~pd.Series(types, dtype=object).isin(FORMULA_FILLERS).to_numpy(dtype=bool)[codes]
    pos = t["pos"].to_numpy(dtype=object)[keep]
    tag, tags = factorized(pos)
    national = pd.Series(types, dtype=object).isin(NATIONAL_NAMES).to_numpy(dtype=bool)
    return Clauses(word=t["token"].to_numpy(dtype=object)[keep], speech=speech[keep],
                   start=t["start"].to_numpy()[keep], end=t["end"].to_numpy()[keep], clause=clause[keep],
                   content=t["is_vocab"].to_numpy(dtype=bool)[keep],
                   name=per_code(tag, tags, NAME_TAGS.__contains__) & ~national[codes][keep],
                   noun=per_code(tag, tags, NOUN_TAGS.__contains__), pos=pos)


def code_of(ids) -> int:
    """The window hash numpy computes (uint64 arithmetic) of a sequence of word ids."""
    c = 0
    for i in ids:
        c = (c * _P + int(i)) & _MASK
    return c


def windows(ids: np.ndarray, clause: np.ndarray, sizes=range(1, MAX_WORDS + 1)):
    """``(size, n, codes, inside)`` for each size: the hash of the window at each of the first ``n``
    places, and whether it lies inside one clause."""
    code = np.zeros(len(ids), dtype=np.uint64)
    for size in range(1, max(sizes) + 1):
        n = len(ids) - size + 1
        if n <= 0:
            return
        code = code[:n] * np.uint64(_P) + ids[size - 1:]
        if size in sizes:
            yield size, n, code, clause[:n] == clause[size - 1:]


class WordFlags:
    """The word properties a formula's shape depends on, with running sums, so that the shape of
    every window of a size is decided at once.  The rules: a formula opens and ends on a content
    word, holds no name, opens on no light opener and ends on no light head, holds no 的 / 了,
    has three characters or more, and is not a term (nouns ending on a noun) unless it holds a
    formula word; one word alone must be a formula noun or a set phrase."""

    def __init__(self, c: Clauses, vocab: list[str], codes: np.ndarray, formula_words=FORMULA_WORDS):
        from .lexicons import set_phrases

        types = pd.Series(vocab, dtype=object)
        self.formula = types.isin(formula_words).to_numpy()[codes]
        self.opener = types.isin(LIGHT_OPENERS).to_numpy()[codes]
        self.head = types.isin(LIGHT_HEADS).to_numpy()[codes]
        self.single = (types.isin(FORMULA_NOUNS).to_numpy() | set_phrases(list(vocab)))[codes]
        tag, tags = factorized(c.pos)
        self.verb = per_code(tag, tags, {"v", "vd"}.__contains__)
        self.content, self.vn = c.content, per_code(tag, tags, {"vn"}.__contains__)
        length = types.str.len().to_numpy()[codes]
        pieces = np.where((length >= 4) & (length % 2 == 0), length // 2, 1)
        linking = types.isin(LINKING_WORDS).to_numpy()[codes]
        self._sums = {k: np.r_[0, np.cumsum(np.asarray(v, dtype=np.int64))] for k, v in {
            "name": c.name & ~self.formula, "noun": c.noun, "formula": self.formula, "linking": linking,
            "length": length, "pieces": pieces}.items()}

    def count(self, what: str, size: int, n: int) -> np.ndarray:
        s = self._sums[what]
        return s[size:size + n] - s[:n]

    def shape_ok(self, size: int, n: int) -> np.ndarray:
        last = slice(size - 1, size - 1 + n)
        ok = self.content[:n] & self.content[last] & (self.count("name", size, n) == 0)
        if size == 1:
            return ok & self.single[:n]
        # a short run of nouns is a term of the field (建设用地, 社会治安); three nouns or six characters
        # name a policy (社会主义市场经济, 人类命运共同体) and are measured like any candidate
        short = (size < 3) & (self.count("length", size, n) < 6)
        term = (self.count("noun", size, n) == size) & ~self.vn[last] & (self.count("formula", size, n) == 0) & short
        return (ok & ~term & ~self.opener[:n] & ~self.head[last] & (self.count("length", size, n) >= 3)
                & (self.count("linking", size, n) == 0))


def candidate_occurrences(c: Clauses, *, min_count: int = 2,
                          formula_words=FORMULA_WORDS) -> dict[tuple[str, ...], tuple[np.ndarray, ...]]:
    """Word sequences of a formula's shape used ``min_count`` times or more, as
    ``{words: (speeches, starts, ends)}`` (arrays, one entry per occurrence)."""
    if not len(c):
        return {}
    ids, vocab = c.ids()
    flags = WordFlags(c, vocab, ids.astype(np.int64) - 1, formula_words)
    found: dict[tuple[str, ...], list[tuple]] = {}
    for size, n, code, inside in windows(ids, c.clause):
        valid = np.flatnonzero(inside & flags.shape_ok(size, n))
        at, edges = grouped_places(code[valid], valid, ids, size, min_count)
        speech, start, end = c.speech[at], c.start[at], c.end[at + size - 1]
        for a, b in zip(edges[:-1].tolist(), edges[1:].tolist()):
            found[tuple(c.word[at[a]:at[a] + size])] = (speech[a:b], start[a:b], end[a:b])
    return found


def grouped_places(codes: np.ndarray, places: np.ndarray, ids: np.ndarray, size: int,
                   min_count: int) -> tuple[np.ndarray, np.ndarray]:
    """The places of every code used ``min_count`` times or more, grouped (in order of place within a
    group), and the edges of the groups.  A place whose words differ from its group's first (two
    sequences with one hash: possible, never seen) is left out."""
    order = np.argsort(codes, kind="stable")
    codes, places = codes[order], places[order]
    new = np.r_[True, codes[1:] != codes[:-1]] if len(codes) else np.zeros(0, dtype=bool)
    first = places[np.flatnonzero(new)][np.cumsum(new) - 1]
    same = np.ones(len(places), dtype=bool)
    for j in range(size):  # word by word: the memory of one array of places at a time
        same &= ids[places + j] == ids[first + j]
    places, group = places[same], (np.cumsum(new) - 1)[same]
    sizes = np.bincount(group, minlength=int(new.sum()))
    keep = sizes[group] >= min_count
    places, group = places[keep], group[keep]
    edges = np.flatnonzero(np.r_[True, group[1:] != group[:-1], True]) if len(group) else np.zeros(1, dtype=int)
    return places, edges


class PhraseCounts:
    """Counts of the ``wanted`` word sequences, and for the ``neighboured`` ones (a dict of key to
    number) the word on either side: ``sides`` has ``key`` (that number), ``side`` and ``word`` (a
    hash of the word, the same in every corpus), a clause edge being a new neighbour every time
    (numbered apart for each ``corpus``, 0 to 255)."""

    def __init__(self, c: Clauses, wanted: set[tuple[str, ...]], neighboured: dict | None = None, *,
                 corpus: int = 0):
        self.n: Counter = Counter()
        self.words = len(c)
        parts: list[pd.DataFrame] = []
        if len(c) and wanted:
            ids, vocab = c.ids()
            id_of = {w: i + 1 for i, w in enumerate(vocab)}
            by_size: dict[int, dict[int, tuple]] = {}
            for key in wanted:
                if all(w in id_of for w in key):
                    by_size.setdefault(len(key), {})[code_of(id_of[w] for w in key)] = key
            words = pd.util.hash_array(np.asarray(vocab, dtype=object))
            for size, _, code, inside in windows(ids, c.clause, sizes=set(by_size)):
                parts += self._count(by_size[size], code, inside, ids, c.clause, words, id_of, size,
                                     neighboured or {}, corpus)
        self.sides = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
            {"key": pd.Series(dtype=int), "side": pd.Series(dtype="int8"), "word": pd.Series(dtype=np.uint64)})

    def _count(self, keys, code, inside, ids, clause, words, id_of, size, neighboured, corpus) -> list[pd.DataFrame]:
        order = sorted(keys)
        wanted = np.array(order, dtype=np.uint64)
        row = np.minimum(np.searchsorted(wanted, code), len(wanted) - 1)  # no sort of the corpus's windows
        places = np.flatnonzero(inside & (wanted[row] == code))
        if not len(places):
            return []
        row = row[places]
        expected = np.array([[id_of[w] for w in keys[k]] for k in order], dtype=np.uint64)
        same = np.ones(len(places), dtype=bool)
        for j in range(size):
            same &= ids[places + j] == expected[row, j]
        places, row = places[same], row[same]
        counts = np.bincount(row, minlength=len(order))
        for r in np.flatnonzero(counts).tolist():
            self.n[keys[order[r]]] += int(counts[r])
        number = np.array([neighboured.get(keys[k], -1) for k in order])[row]
        places, number = places[number >= 0], number[number >= 0]
        if not len(places):
            return []
        left = _word_at(places - 1, places, ids, clause, words, corpus)
        right = _word_at(places + size, places, ids, clause, words, corpus)
        side = np.repeat(np.array([0, 1], dtype=np.int8), len(places))
        return [pd.DataFrame({"key": np.r_[number, number], "side": side, "word": np.r_[left, right]})]


def _word_at(at: np.ndarray, inside: np.ndarray, ids, clause, words, corpus: int) -> np.ndarray:
    """The word (its hash) at ``at`` where it is in the clause of ``inside``, else a clause edge of
    its own: the top bit set, the corpus and the place of the window (unique for a key and side)."""
    safe = np.clip(at, 0, len(ids) - 1)
    ok = (at >= 0) & (at < len(ids)) & (clause[safe] == clause[inside])
    edge = np.uint64(1 << 63) | np.uint64(corpus << 48) | inside.astype(np.uint64)
    return np.where(ok, words[ids[safe].astype(np.int64) - 1], edge)


def pieces(words: tuple[str, ...]) -> tuple[str, ...]:
    """The pieces a variant may be split into: each word, a word of four characters or more
    (an even number) in two-character pieces (产业转移 is 产业 + 转移, as 产业梯度转移 writes it).

    >>> pieces(("承接", "产业转移"))
    ('承接', '产业', '转移')
    """
    out: list[str] = []
    for w in words:
        out += [w[i:i + 2] for i in range(0, len(w), 2)] if len(w) >= 4 and len(w) % 2 == 0 else [w]
    return tuple(out)


def established_phrases(c: Clauses, *, in_documents: int) -> frozenset[tuple[str, ...]]:
    """Phrases of two to four words, in three pieces or more, opening on a verb, of a formula's
    shape, that ``c`` uses in ``in_documents`` documents or more."""
    if not len(c):
        return frozenset()
    ids, vocab = c.ids()
    flags = WordFlags(c, vocab, ids.astype(np.int64) - 1)
    found = set()
    for size, n, code, inside in windows(ids, c.clause, sizes={2, 3, 4}):
        valid = np.flatnonzero(inside & flags.verb[:n] & (flags.count("pieces", size, n) >= 3)
                               & flags.shape_ok(size, n))
        pairs = pd.DataFrame({"code": code[valid], "speech": c.speech[valid], "at": valid})
        first = pairs.drop_duplicates(["code", "speech"])
        spread = first.groupby("code")["at"].agg(["size", "first"])
        for at in spread[spread["size"] >= in_documents]["first"].tolist():
            found.add(tuple(c.word[at:at + size]))
    return frozenset(found)


def variant_occurrences(c: Clauses, phrases: frozenset, *, max_gap: int) -> dict[tuple[str, ...], list[tuple]]:
    """Where each phrase stands, as written or with up to ``max_gap`` characters between its pieces,
    starting and ending on a word's edge, as ``{words: [(speech, start, end), ...]}``."""
    by_first: dict[str, list[tuple]] = {}
    for key in sorted(phrases):  # a set's order changes from run to run; the table's must not
        by_first.setdefault(pieces(key)[0], []).append(key)
    if not by_first or not len(c):
        return {}
    firsts = pd.Series(c.word, dtype=object).map(lambda w: pieces((w,))[0]).to_numpy(dtype=object)
    found: dict[tuple, list[tuple]] = {}
    for i in np.flatnonzero(pd.Series(firsts).isin(by_first).to_numpy()).tolist():
        last = i
        while last + 1 < len(c) and c.clause[last + 1] == c.clause[i] and last - i < 12:
            last += 1
        chars = "".join(c.word[i:last + 1])
        ends = np.cumsum([len(w) for w in c.word[i:last + 1]])
        for key in by_first[firsts[i]]:
            end = _match_pieces(chars, pieces(key), max_gap)
            if end is not None and end in ends:
                j = i + int(np.searchsorted(ends, end))
                found.setdefault(key, []).append((c.speech[i].item() if hasattr(c.speech[i], "item") else c.speech[i],
                                                  int(c.start[i]), int(c.end[j])))
    return found


def _match_pieces(chars: str, parts: tuple[str, ...], max_gap: int) -> int | None:
    """The end of ``parts`` found in order from the start of ``chars`` with at most ``max_gap``
    characters between two of them, or None."""
    if not chars.startswith(parts[0]):
        return None
    end = len(parts[0])
    for part in parts[1:]:
        at = chars.find(part, end, end + max_gap + len(part))
        if at < 0:
            return None
        end = at + len(part)
    return end
