"""The token table: one row per word, built from type ids in numpy.

A speech's words become type ids (:class:`TypeIds`: each type's facts, such as
punctuation, mask or numeral, are worked out once when it is first met), short
quoted formulas are joined into one token (:func:`merge_quotes`), each word's
paragraph, sentence and offsets come from cumulative sums (:func:`word_places`),
and :func:`token_frame` gathers the columns of all speeches at once.
"""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from ..chinese import MASK_TOKEN, NUMBER_TOKEN, QUOTE_PAIRS, SENTENCE_END_MARKS, code_points, is_punct

TOKEN_COLUMNS = ["speech", "paragraph", "sentence", "position", "token", "pos", "start", "end",
                 "is_stopword", "is_punct", "is_masked", "is_number", "is_quoted", "is_vocab"]


#: Words of up to this many characters are looked up by their code points (plus one, 21 bits each,
#: packed into one 64-bit key) rather than cut out of the text as strings.
_PACKED_CHARS = 3


class _Ids(dict):
    """token -> id, numbered in the order tokens are first met."""

    def __init__(self):
        super().__init__()
        self._packed: dict[int, int] = {}  # a short word's packed code points -> its id

    def __missing__(self, token: str) -> int:
        i = self[token] = len(self)
        return i

    def ids(self, tokens: list[str], dtype=np.int64) -> np.ndarray:
        return np.fromiter(map(self.__getitem__, tokens), dtype=dtype, count=len(tokens))

    def ids_at(self, text: str, bounds: np.ndarray, dtype=np.int64) -> np.ndarray:
        """``ids`` of the words of ``text`` that start at ``bounds`` (then ``len(text)``): the same
        ids, new ones numbered in the order the words are first met.  A short word is found by its
        packed code points, once per distinct word of the text, not cut out as a string each time."""
        starts, length = bounds[:-1], np.diff(bounds)
        ids = np.empty(len(starts), dtype=np.int64)
        short = np.flatnonzero(length <= _PACKED_CHARS)
        key = _packed(text, starts[short], length[short])
        codes, distinct = pd.factorize(key)
        # factorize numbers the distinct words in the order they come: a word is met first where its
        # number exceeds every number before it
        reach = np.maximum.accumulate(codes) if len(codes) else codes
        first = short[np.flatnonzero(np.r_[True, reach[1:] > reach[:-1]])] if len(codes) else short
        packed = self._packed
        known = np.fromiter(map(packed.get, distinct.tolist(), itertools.repeat(-1)), dtype=np.int64,
                            count=len(distinct))
        longer = np.flatnonzero(length > _PACKED_CHARS).tolist()
        words = [text[a:b] for a, b in zip(starts[longer].tolist(), bounds[1:][longer].tolist())]
        unseen = np.flatnonzero(known < 0)
        at, size = starts[first[unseen]].tolist(), length[first[unseen]].tolist()
        # the new words, short and long, numbered in the order they are first met
        new = [(f, text[a:a + n], k) for f, a, n, k in zip(first[unseen].tolist(), at, size, unseen.tolist())]
        new += [(f, w, -1) for f, w in zip(longer, words) if w not in self]
        for _, word, k in sorted(new):
            i = self[word]
            if k >= 0:
                known[k] = packed[int(distinct[k])] = i
        ids[short] = known[codes]
        ids[longer] = np.fromiter(map(self.__getitem__, words), dtype=np.int64, count=len(words))
        return ids.astype(dtype, copy=False)


def _packed(text: str, starts: np.ndarray, length: np.ndarray) -> np.ndarray:
    """A 64-bit key per short word: its code points plus one, 21 bits each (0 where it has none)."""
    points = code_points(text).astype(np.uint64) + 1
    key = np.zeros(len(starts), dtype=np.uint64)
    for k in range(_PACKED_CHARS):
        has = np.flatnonzero(length > k)
        key[has] |= points[starts[has] + k] << np.uint64(21 * k)
    return key


def _shape_facts(token: str) -> tuple:
    """The facts about a token type that need no dictionary, in the order of :data:`TypeIds.FACTS`."""
    if token.isspace():
        return (token, True, False, False, token.count("\n"), False, len(token), True, None, 0)
    masked = bool(MASK_TOKEN.match(token))
    punct = is_punct(token)
    number = not masked and bool(NUMBER_TOKEN.match(token))
    ends = token in SENTENCE_END_MARKS or (punct and token[-1] in SENTENCE_END_MARKS)
    closer = QUOTE_PAIRS.get(token)
    return (token, punct, masked, number, 0, ends, len(token), False, closer, _QUOTE_KIND.get(closer, 0))


#: Each closing quotation mark numbered from 1 (a type's ``quote`` fact: the mark that closes it, 0 for none).
_CLOSING_MARKS = sorted(set(QUOTE_PAIRS.values()))
_QUOTE_KIND = {mark: k for k, mark in enumerate(_CLOSING_MARKS, 1)}


class TypeIds(_Ids):
    """token -> type id.  A token met for the first time gets the next id and the facts
    about it (:meth:`row`) once; :meth:`facts` holds them as numpy columns indexed by
    type id, so per-token work is one dict lookup and array gathers."""

    FACTS = ("token", "punct", "masked", "number", "newlines", "ends", "length", "space", "closer", "quote")
    _DTYPES = {"token": object, "pos": object, "closer": object, "newlines": np.int64, "length": np.int64,
               "quote": np.int8}

    def __init__(self):
        super().__init__()
        self._pending: list[tuple] = []
        self._facts = {name: np.array([], dtype=self._DTYPES.get(name, bool)) for name in self.FACTS}

    def row(self, token: str) -> tuple:
        return _shape_facts(token)

    def __missing__(self, token: str) -> int:
        self._pending.append(self.row(token))
        return super().__missing__(token)

    def facts(self) -> dict[str, np.ndarray]:
        if self._pending:
            for name, column in zip(self.FACTS, zip(*self._pending)):
                new = np.array(column, dtype=self._DTYPES.get(name, bool))
                self._facts[name] = np.concatenate([self._facts[name], new])
            self._pending = []
        return self._facts


class TypeTable(TypeIds):
    """:class:`TypeIds` plus the facts that need the dictionaries: the tag and the stopword flag."""

    FACTS = TypeIds.FACTS + ("pos", "stop")

    def __init__(self, seg, stopwords: frozenset[str]):
        self.seg, self.stopwords = seg, stopwords
        super().__init__()

    def facts(self) -> dict[str, np.ndarray]:
        if self._pending:  # tag the new types together
            token, space, masked = (TypeIds.FACTS.index(name) for name in ("token", "space", "masked"))
            tags = iter(self.seg.tags_of([row[token] for row in self._pending if not (row[space] or row[masked])]))
            self._pending = [row + ("x" if row[space] else "mask" if row[masked] else next(tags),
                                    not row[space] and row[token] in self.stopwords) for row in self._pending]
        return super().facts()


def merge_quotes(ids: np.ndarray, table: TypeIds) -> tuple[np.ndarray, np.ndarray]:
    """Join the tokens of a short quoted formula (“一把手工程”) into one token.

    A formula is at most 12 characters in at most 12 tokens between an opening mark and
    its closing mark, with no punctuation, white space or mask inside.  Returns the new
    type ids and the positions of the joined formulas.  Each kind of mark is handled at
    once for all its openings: the first stop after an opening is found by a search."""
    facts = table.facts()
    quote = facts["quote"][ids]  # each opening mark's closing mark, compared as small integers, not as strings
    opens = quote > 0
    if not opens.any():
        return ids, np.array([], dtype=np.int64)
    n = len(ids)
    text_of, stops = facts["token"], facts["punct"] | facts["space"]
    length = np.concatenate(([0], np.cumsum(facts["length"][ids])))
    masked = np.concatenate(([0], np.cumsum(facts["masked"][ids])))
    stop_at = stops[ids]
    found: list[tuple[int, int]] = []
    for kind in sorted(set(quote[opens].tolist())):
        close_id = table.get(_CLOSING_MARKS[kind - 1])
        if close_id is None:
            continue
        openings = np.flatnonzero(quote == kind)
        halts = np.flatnonzero(stop_at | (ids == close_id))
        k = np.searchsorted(halts, openings + 1)
        j = np.where(k < len(halts), halts[np.minimum(k, len(halts) - 1)], n)
        ok = (j < n) & (j - openings <= 13) & (j > openings + 1)
        ok[ok] &= ids[j[ok]] == close_id
        ok &= (length[j] - length[openings + 1] <= 12) & (masked[j] == masked[openings + 1])
        found += zip(openings[ok].tolist(), j[ok].tolist())
    if not found:
        return ids, np.array([], dtype=np.int64)
    ids = ids.copy()
    keep = np.ones(n, dtype=bool)
    quoted: list[int] = []
    resume = 0
    for i, j in sorted(found):
        if i < resume:  # the closing mark of the last formula, when it is also an opening (")
            continue
        ids[i + 1] = table["".join(text_of[ids[i + 1:j]])]
        keep[i + 2:j] = False
        quoted.append(i + 1)
        resume = j + 1
    new_position = np.cumsum(keep) - 1
    return ids[keep], new_position[np.array(quoted)]


_PLACES = ("wid", "paragraph", "sentence", "start", "end", "is_quoted")


def word_places(table: TypeIds, speech, ids: np.ndarray, quoted: np.ndarray) -> dict[str, np.ndarray]:
    """Where each word of one speech is, from its tokens' type ids (quotes merged): its type
    id, paragraph, sentence, offsets and whether it is a joined formula (21 bytes a word;
    everything else about it is gathered from its type, for all speeches at once, by
    :func:`token_frame`).  Offsets, paragraphs and sentences come from cumulative sums."""
    f = table.facts()
    lengths = f["length"][ids]
    end = np.cumsum(lengths)
    start = end - lengths
    space = f["space"][ids]
    newlines = f["newlines"][ids]
    ends = f["ends"][ids] & ~space
    # a sentence closes at 。！？； and at the first paragraph break after a word that no
    # sentence end follows
    close = ends.copy()
    word_idx, end_idx = np.flatnonzero(~space), np.flatnonzero(ends)
    breaks = np.flatnonzero(newlines > 0)
    if len(breaks) and len(word_idx):
        last_word = np.concatenate(([-1], word_idx))[np.searchsorted(word_idx, breaks)]
        last_end = np.concatenate(([-1], end_idx))[np.searchsorted(end_idx, breaks)]
        previous_break = np.concatenate(([-1], breaks[:-1]))
        close[breaks[(last_word > last_end) & (previous_break < last_word)]] = True
    closes_before = np.cumsum(close) - close
    breaks_before = np.cumsum(newlines) - newlines
    is_quoted = np.zeros(len(ids), dtype=bool)
    is_quoted[quoted] = True
    w = word_idx
    return {"speech": speech, "wid": ids[w].astype(np.int32), "paragraph": (1 + breaks_before[w]).astype(np.int32),
            "sentence": (1 + closes_before[w]).astype(np.int32), "start": start[w].astype(np.int32),
            "end": end[w].astype(np.int32), "is_quoted": is_quoted[w]}


def token_frame(table: TypeTable, parts: list[dict]) -> pd.DataFrame:
    """The token table from each speech's word places (:func:`word_places`), joined one
    column at a time (each speech's piece dropped as it is joined); the rest is gathered
    from the type table once."""
    sizes = np.array([len(part["wid"]) for part in parts], dtype=np.int64)
    before = np.repeat(np.cumsum(sizes) - sizes, sizes)
    joined = {c: np.concatenate([part.pop(c) for part in parts]) if parts else
              np.array([], dtype=bool if c == "is_quoted" else np.int32) for c in _PLACES}
    f = table.facts()
    wid = joined.pop("wid")
    stop, punct, masked, number = (f[name][wid] for name in ("stop", "punct", "masked", "number"))
    pos = f["pos"][wid]
    pos[joined["is_quoted"]] = "nz"
    columns = {
        "speech": np.repeat(np.array([part["speech"] for part in parts], dtype=np.int64), sizes),
        "paragraph": joined["paragraph"], "sentence": joined["sentence"],
        "position": (np.arange(len(wid)) - before).astype(np.int32),
        "token": pd.Series(f["token"][wid], copy=False).astype("str"), "pos": pd.Series(pos, copy=False).astype("str"),
        "start": joined["start"], "end": joined["end"],
        "is_stopword": stop, "is_punct": punct, "is_masked": masked, "is_number": number,
        "is_quoted": joined["is_quoted"], "is_vocab": ~(stop | punct | masked | number),
    }
    return pd.DataFrame(columns, columns=TOKEN_COLUMNS, copy=False)


