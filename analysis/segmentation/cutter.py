"""jieba's accurate-mode segmentation (``Tokenizer.lcut``, HMM on): the same words, several times faster.

jieba cuts a run of Chinese characters in three steps, each a Python loop per
character: it lists the dictionary words that start at every position (its DAG),
finds the most probable route through them from the end of the run back to its
start, and hands each group of characters the route leaves alone to its HMM
(``jieba.finalseg``), a Viterbi search over four states.  Here each step is done
for a batch of about 130,000 characters at once, in numpy:

- the DAG one word length at a time, walking a trie of the dictionary held in
  arrays (:class:`Trie`);
- the route for all positions at the same distance from the end of their run at
  once (a position depends only on those after it in its run);
- the HMM for all groups at once, one character position at a time.

The result is the position where each word starts (:meth:`Cutter.boundaries`);
the words are cut from the text once, at the end.

The arithmetic is jieba's: each word's log probability is ``math.log(freq) -
log(total)`` as jieba computes it, added to the rest of the route in jieba's
order; the HMM adds in jieba's order too; and ties go where jieba's ``max`` over
(probability, end) or (probability, state) sends them.  So the words are the
same; tests compare the two on both corpora, on arbitrary text and under
arbitrary small dictionaries, where exact ties are common.
"""
from __future__ import annotations

import math

import numpy as np

from ..chinese import code_points
from .jieba_files import FINALSEG_RE_HAN, FINALSEG_RE_SKIP, MIN_FLOAT, PREV_STATUS, RE_HAN_DEFAULT, model_table

# a run whose positions at one distance from its end number fewer than this is
# finished one position at a time: a numpy step costs more than a few positions
_SCALAR_BELOW = 8
# characters segmented per batch: the DAG of a batch holds 8 bytes per character and word length
_BATCH_CHARS = 1 << 17


_FIBONACCI = np.uint64(0x9E3779B97F4A7C15)


class _HashTable:
    """int64 key -> int value, open addressing with linear probing, looked up for many keys
    at once: a few gathers where a binary search over the sorted keys takes twenty."""

    def __init__(self, slot_keys: np.ndarray, slot_values: np.ndarray):
        self.slot_keys, self.slot_values = slot_keys, slot_values
        self.bits = int(len(slot_keys)).bit_length() - 1
        self.mask = len(slot_keys) - 1

    @classmethod
    def build(cls, keys: np.ndarray, values: np.ndarray) -> _HashTable:
        # at most a quarter full: a word's prefix is most often not a key, and a miss probes on to
        # the next free slot (6 to 10 % of cutting saved against half full; 12 MiB more)
        size = 1 << max(int(4 * len(keys)).bit_length(), 4)
        table = cls(np.full(size, -1, dtype=np.int64), np.zeros(size, dtype=values.dtype))
        slot = table._slot(keys)
        waiting = np.arange(len(keys))
        while len(waiting):
            free = table.slot_keys[slot[waiting]] == -1
            # of the keys that want one free slot, the first takes it; the rest try the next slot
            _, first = np.unique(slot[waiting[free]], return_index=True)
            placed = waiting[free][first]
            table.slot_keys[slot[placed]] = keys[placed]
            table.slot_values[slot[placed]] = values[placed]
            taken = np.zeros(len(keys), dtype=bool)
            taken[placed] = True
            waiting = waiting[~taken[waiting]]
            slot[waiting] = (slot[waiting] + 1) & table.mask
        return table

    def _slot(self, keys: np.ndarray) -> np.ndarray:
        return ((keys.astype(np.uint64) * _FIBONACCI) >> np.uint64(64 - self.bits)).astype(np.int64)

    def get(self, keys: np.ndarray) -> np.ndarray:
        """The value of each key, 0 for a key that is not in the table."""
        out = np.zeros(len(keys), dtype=self.slot_values.dtype)
        slot = self._slot(keys)
        looking = np.arange(len(keys))
        while len(looking):
            found = self.slot_keys[slot]
            hit = found == keys[looking]
            out[looking[hit]] = self.slot_values[slot[hit]]
            going = ~hit & (found != -1)
            looking, slot = looking[going], (slot[going] + 1) & self.mask
        return out


class Trie:
    """jieba's prefix dictionary (``Tokenizer.FREQ``) as arrays.

    Node 0 is the empty string; a node's child by a character is looked up by
    ``node * radix + code`` (codes 1.. for the dictionary's characters) in a hash
    table.  ``freq`` is each node's count (0 for a prefix that is not a word) and
    ``logp`` is ``math.log(freq) - math.log(total)``, NaN for a prefix only.
    ``orphans`` are words whose prefix is not a key: jieba's DAG never reaches them, but jieba still
    looks them up when it decides whether to hand characters to its HMM (a dictionary
    built by jieba has none).
    """

    def __init__(self, alphabet: np.ndarray, keys: np.ndarray, child: np.ndarray, logp: np.ndarray,
                 freq: np.ndarray, total: int, depth: int, orphans: frozenset[str] = frozenset(),
                 table: _HashTable | None = None):
        self.alphabet, self.keys, self.child, self.logp, self.freq = alphabet, keys, child, logp, freq
        self.table = table or _HashTable.build(keys, child)
        self.orphans = orphans
        self.total, self.depth = int(total), int(depth)
        self.radix = len(alphabet) + 1
        self.logtotal = math.log(self.total)
        # character -> code, for the characters jieba's DAG can look at (inside a han run)
        self.code = np.zeros(0x110000, dtype=np.int64)
        han = _han_table()
        inside = han[alphabet]
        self.code[alphabet[inside]] = np.arange(1, len(alphabet) + 1)[inside]
        # the first step, from the empty string, is the largest: a direct table instead of a search
        self.first = np.zeros(self.radix, dtype=np.int64)
        roots = keys < self.radix
        self.first[keys[roots]] = child[roots]

    @classmethod
    def from_freq(cls, freq: dict[str, int], total: int) -> Trie:
        """Build from jieba's ``FREQ`` (every prefix of a word is a key, with frequency 0 if
        it is not a word itself).  A key whose prefix is missing can never be reached by
        jieba's DAG, so it is left out here too."""
        words = sorted(freq)  # a prefix sorts before its extensions
        alphabet = np.array(sorted({ord(c) for w in words for c in w}), dtype=np.int64)
        code = {chr(c): i for i, c in enumerate(alphabet.tolist(), 1)}
        radix = len(alphabet) + 1
        logtotal = math.log(total)
        node: dict[str, int] = {"": 0}
        keys, logp, counts = [], [math.nan], [0]
        orphans = set()
        for w in words:
            parent = node.get(w[:-1])
            if parent is None:
                if freq[w]:
                    orphans.add(w)
                continue
            node[w] = len(logp)
            keys.append(parent * radix + code[w[-1]])
            f = freq[w]
            counts.append(f)
            logp.append(math.log(f) - logtotal if f else math.nan)  # jieba: log(FREQ.get(w) or 1) - logtotal
        keys_arr = np.array(keys, dtype=np.int64)
        order = np.argsort(keys_arr, kind="stable")
        child = np.arange(1, len(logp), dtype=np.int32)[order]
        depth = max((len(w) for w in node), default=1)
        return cls(alphabet, keys_arr[order], child, np.array(logp), np.array(counts, dtype=np.int64), total, depth,
                   frozenset(orphans))

    @classmethod
    def load(cls, path) -> Trie:
        with np.load(path, allow_pickle=False) as z:
            orphans = frozenset(w for w in z["orphans"].tobytes().decode("utf-8").split("\n") if w)
            return cls(z["alphabet"], z["keys"], z["child"], z["logp"], z["freq"], int(z["total"]), int(z["depth"]),
                       orphans, _HashTable(z["slot_keys"], z["slot_child"]))

    def save(self, path) -> None:
        with open(path, "wb") as f:
            np.savez(f, alphabet=self.alphabet, keys=self.keys, child=self.child, logp=self.logp, freq=self.freq,
                     total=np.int64(self.total), depth=np.int64(self.depth),
                     slot_keys=self.table.slot_keys, slot_child=self.table.slot_values,
                     orphans=np.frombuffer("\n".join(sorted(self.orphans)).encode("utf-8"), dtype=np.uint8))

    def walk(self, codes: np.ndarray):
        """For L = 1, 2, ...: the positions where a key of length L starts, and its node."""
        n = len(codes)
        state = self.first[codes]
        active = np.flatnonzero(state)
        state = state[active]
        for length in range(1, self.depth + 1):
            if not len(active):
                return
            yield active, state
            at = active + length
            inside = at < n
            active, state, at = active[inside], state[inside], at[inside]
            state = self.table.get(state * self.radix + codes[at]).astype(np.int64)
            hit = state > 0
            active, state = active[hit], state[hit]

    def dag(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``W[p, L-1]``: the log probability of the word of length L at p, -inf if none; and
        whether any word starts at p (marked as the columns are filled: reducing ``W`` row by
        row afterwards took a tenth of the cutting)."""
        columns = [(where, self.logp[state]) for where, state in self.walk(codes)]
        W = np.full((len(codes), max(len(columns), 1)), -np.inf)
        has_word = np.zeros(len(codes), dtype=bool)
        for length, (where, logp) in enumerate(columns):
            word = ~np.isnan(logp)
            W[where[word], length] = logp[word]
            has_word[where[word]] = True
        return W, has_word

    def entries_within(self, texts: list[str]) -> dict[str, int]:
        """Every key of jieba's ``FREQ`` found inside the texts, with its frequency (an
        orphan, which jieba only ever tests for being there, with 1)."""
        text = "\n".join(texts)  # "\n" is in no run, so no key spans two texts
        codes = self.code[code_points(text)]
        entries = dict.fromkeys(self.orphans, 1)
        for length, (where, state) in enumerate(self.walk(codes), 1):
            for at, f in zip(where.tolist(), self.freq[state].tolist()):
                entries[text[at:at + length]] = f
        return entries


def _place_in_group(lengths: np.ndarray) -> np.ndarray:
    """For groups of these lengths laid end to end: each element's place in its group (0, 1, ...)."""
    return np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)


_HAN_TABLE: np.ndarray | None = None


def _han_table() -> np.ndarray:
    """For every code point: does jieba's ``re_han_default`` (its runs to segment) match it?"""
    global _HAN_TABLE
    if _HAN_TABLE is None:
        table = np.zeros(0x110000, dtype=bool)
        bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
        for m in RE_HAN_DEFAULT.finditer(bmp):
            for c in m.group():
                table[ord(c)] = True
        _HAN_TABLE = table
    return _HAN_TABLE


def _route(W: np.ndarray, has_word: np.ndarray, starts: np.ndarray, ends: np.ndarray, fallback: float) -> np.ndarray:
    """jieba's ``calc`` for the runs [starts, ends) of a batch: where the chosen word at each
    position ends (exclusive), indexed by position.

    A position where no word starts (``~has_word``, from :meth:`Trie.dag`) gets jieba's fallback,
    the character alone, with ``fallback`` (``log(1) - log(total)``) as its log probability."""
    n, depth = W.shape
    best = np.zeros(n + 1)
    nxt = np.arange(1, n + 1)
    lengths = ends - starts
    if not len(lengths):
        return nxt
    edge = np.zeros(n + 1, dtype=np.int8)
    edge[starts], edge[ends] = 1, -1  # runs never touch: a character outside them parts any two
    alone = (np.cumsum(edge[:-1]) > 0) & ~has_word
    W[alone, 0] = fallback
    # the positions at distance d from their run's end are the last positions of the runs longer
    # than d, less d: with the runs longest first, the first ``longer[d]`` of them
    by_length = np.argsort(-lengths, kind="stable")
    last = (ends - 1)[by_length]
    longer = len(lengths) - np.cumsum(np.bincount(lengths))
    steps = np.arange(1, depth + 1)
    for d in range(int(lengths.max())):
        P = last[:longer[d]] - d
        if len(P) < _SCALAR_BELOW:  # the few left, in order of distance
            rest = np.concatenate([last[:longer[k]] - k for k in range(d, int(lengths.max()))])
            _route_one_by_one(W, best.tolist(), nxt, rest.tolist())
            return nxt
        width = min(depth, d + 1)  # a word here ends by its run's end
        candidates = W[P, :width] + best[P[:, None] + steps[:width]]
        # jieba: max over (probability, end): on a tie the longer word, i.e. the last column
        j = width - 1 - np.argmax(candidates[:, ::-1], axis=1)
        best[P] = candidates[np.arange(len(P)), j]
        nxt[P] = P + j + 1
    return nxt


def _route_one_by_one(W: np.ndarray, best: list[float], nxt: np.ndarray, positions: list[int]) -> None:
    """The same as the vector step, for positions given in order of distance from their run's end
    (Python floats add as float64 does); ``nxt`` is set at those positions only (the few left
    when the vector steps stop: converting the whole batch to a list and back cost more)."""
    for p, row in zip(positions, W[positions].tolist()):
        top, take = -math.inf, 0
        for j, logp in enumerate(row):
            if logp != -math.inf:
                value = logp + best[p + j + 1]
                if value >= top:
                    top, take = value, j
        best[p] = top
        nxt[p] = p + take + 1


class Cutter:
    """``lcut(text)`` equal to ``jieba.Tokenizer.lcut(text)`` for the tokenizer the trie was built from."""

    def __init__(self, trie: Trie, *, force_split: frozenset = frozenset()):
        self.trie = trie
        # the words this dictionary says never to join (frequency 0), its own: jieba keeps them in
        # one set for the whole process, which a second dictionary would inherit
        self.force_split = force_split

    def lcut(self, text: str) -> list[str]:
        """The words, cut at :meth:`boundaries`."""
        bounds = self.boundaries(text).tolist()
        return list(map(text.__getitem__, map(slice, bounds, bounds[1:])))

    def boundaries(self, text: str) -> np.ndarray:
        """Where each word of jieba's ``lcut`` starts, then ``len(text)``."""
        n = len(text)
        is_start = np.zeros(n + 1, dtype=bool)
        is_start[n] = True
        if not n:
            return np.flatnonzero(is_start)
        points = code_points(text)
        # jieba's runs (re_han_default, one character class repeated) are the runs of its characters
        in_run = _han_table()[points]
        edges = np.diff(in_run.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
        spans = np.column_stack((np.flatnonzero(edges == 1), np.flatnonzero(edges == -1))).astype(np.int64)
        # between runs every character is a word, white space included, except that jieba's
        # re_skip takes "\r\n" as one
        gap = np.flatnonzero(~in_run)
        crlf = (points[gap] == 10) & (gap > 0) & (points[gap - 1] == 13)
        is_start[gap[~crlf]] = True
        codes = self.trie.code[points]
        b = 0
        while b < len(spans):
            # a batch of whole runs of about _BATCH_CHARS characters
            lo = int(spans[b, 0])
            e = max(int(np.searchsorted(spans[:, 1], lo + _BATCH_CHARS, side="right")), b + 1)
            hi = int(spans[e - 1, 1])
            starts, ends = spans[b:e, 0] - lo, spans[b:e, 1] - lo
            W, has_word = self.trie.dag(codes[lo:hi])
            nxt = _route(W, has_word, starts, ends, 0.0 - self.trie.logtotal)
            is_start[lo:hi] |= self._run_starts(text[lo:hi], W, nxt, starts, ends)
            b = e
        return np.flatnonzero(is_start)

    def _run_starts(self, text: str, W: np.ndarray, nxt: np.ndarray, starts: np.ndarray,
                    ends: np.ndarray) -> np.ndarray:
        """jieba's ``__cut_DAG`` over the runs [starts, ends) of a batch (``text``): where
        each word starts, as a mask over the batch."""
        is_start = np.zeros(len(text), dtype=bool)
        # follow the route from each run's start, all runs at once while there are many
        at, end = starts, ends
        while len(at) >= _SCALAR_BELOW:
            is_start[at] = True
            at = nxt[at]
            going = at < end
            at, end = at[going], end[going]
        for x, stop in zip(at.tolist(), end.tolist()):  # the few runs left, along their route
            while x < stop:
                is_start[x] = True
                x = int(nxt[x])
        # the characters the route leaves alone, in maximal groups: one alone is a word; more
        # go to jieba's HMM, unless together they are a dictionary word (then jieba keeps them apart)
        first = np.flatnonzero(is_start)
        last = nxt[first]
        alone = last - first == 1
        follows = np.concatenate(([False], alone[1:] & alone[:-1] & (last[:-1] == first[1:])))
        group = np.cumsum(alone & ~follows) - 1
        sizes = np.bincount(group[alone])
        group_start = first[alone & ~follows]
        many = sizes >= 2
        g_start, g_size = group_start[many], sizes[many]
        known = np.zeros(len(g_start), dtype=bool)
        fits = g_size <= W.shape[1]
        known[fits] = W[g_start[fits], g_size[fits] - 1] > -np.inf
        if self.trie.orphans:
            known |= np.array([text[a:a + k] in self.trie.orphans for a, k in zip(g_start.tolist(), g_size.tolist())],
                              dtype=bool)
        g_start, g_size = g_start[~known], g_size[~known]
        if len(g_start):
            cover = np.zeros(len(text) + 1, dtype=np.int8)
            cover[g_start] += 1
            cover[g_start + g_size] -= 1
            is_start[np.cumsum(cover[:-1]) > 0] = False
            owner, offset = hmm_starts([text[a:a + k] for a, k in zip(g_start.tolist(), g_size.tolist())],
                                       force=self.force_split)
            is_start[g_start[owner] + offset] = True
        return is_start


class _HMM:
    """jieba.finalseg's model as arrays; states in the order B, E, M, S (a larger index is a
    larger state, as jieba compares them on a tie)."""

    STATES = "BEMS"

    def __init__(self):
        start_P, trans_P, emit_P = (model_table("finalseg", name) for name in ("prob_start", "prob_trans", "prob_emit"))
        index = {s: i for i, s in enumerate(self.STATES)}
        self.start = np.array([start_P[s] for s in self.STATES])
        chars = sorted({c for row in emit_P.values() for c in row})
        self.row = np.zeros(0x110000, dtype=np.int64)
        self.row[[ord(c) for c in chars]] = np.arange(1, len(chars) + 1)
        self.emit = np.full((len(chars) + 1, 4), MIN_FLOAT)
        for s, probs in emit_P.items():
            self.emit[[self.row[ord(c)] for c in probs], index[s]] = list(probs.values())
        # each state's two possible predecessors, the larger first, and the transition from each
        self.prev = [sorted((index[p] for p in PREV_STATUS[s]), reverse=True) for s in self.STATES]
        self.trans = [[trans_P[self.STATES[p]].get(s, MIN_FLOAT) for p in pair]
                      for s, pair in zip(self.STATES, self.prev)]


_MODEL: _HMM | None = None


def _jieba_force_split() -> set:
    """jieba's process-wide set of words its HMM must not join (imports jieba)."""
    import jieba.finalseg

    return jieba.finalseg.Force_Split_Words


def hmm_starts(bufs: list[str], *, force=None) -> tuple[np.ndarray, np.ndarray]:
    """Where the words of ``jieba.finalseg.cut(buf)`` start, for every buf at once: the
    index of the buf and the offset in it of each word's start (in no particular order).
    ``force``: the words to give character by character (default jieba's process-wide set).

    The Viterbi search of all the bufs' Chinese runs is done together."""
    global _MODEL
    if _MODEL is None:
        _MODEL = _HMM()
    skip = FINALSEG_RE_SKIP
    runs: list[str] = []
    run_buf: list[int] = []
    run_at: list[int] = []
    other_buf: list[int] = []
    other_at: list[int] = []
    han_only = FINALSEG_RE_HAN.fullmatch
    for b, buf in enumerate(bufs):
        if han_only(buf):  # most are one Chinese run: what split() would give, without it
            runs.append(buf)
            run_buf.append(b)
            run_at.append(0)
            continue
        at = 0
        for i, blk in enumerate(FINALSEG_RE_HAN.split(buf)):
            if i % 2:  # split() puts the Chinese runs at odd places
                runs.append(blk)
                run_buf.append(b)
                run_at.append(at)
            elif blk:  # the rest as jieba's re_skip splits it
                start = at
                for x in skip.split(blk):
                    if x:
                        other_buf.append(b)
                        other_at.append(start)
                        start += len(x)
            at += len(blk)
    owner = np.array(other_buf, dtype=np.int64)
    offset = np.array(other_at, dtype=np.int64)
    if runs:
        lengths = np.array([len(r) for r in runs], dtype=np.int64)
        run_of = np.repeat(np.arange(len(runs)), lengths)
        into = _place_in_group(lengths)
        labels = _viterbi_many(_MODEL, runs, lengths)
        # a word starts a run, or follows an E or S (a word's last character)
        starts = np.flatnonzero((into == 0) | np.concatenate(([True], (labels[:-1] == 1) | (labels[:-1] == 3))))
        force = _jieba_force_split() if force is None else force
        if force:  # jieba gives such a word character by character
            joined = "".join(runs)
            ends = np.append(starts[1:], len(joined)).tolist()
            split = [np.arange(a, e) for a, e in zip(starts.tolist(), ends) if joined[a:e] in force]
            starts = np.unique(np.concatenate([starts, *split])) if split else starts
        owner = np.concatenate([owner, np.array(run_buf)[run_of[starts]]])
        offset = np.concatenate([offset, np.array(run_at)[run_of[starts]] + into[starts]])
    return owner, offset


def hmm_cut(bufs: list[str]) -> list[list[str]]:
    """``list(jieba.finalseg.cut(buf))`` for every buf (the words at :func:`hmm_starts`)."""
    owner, offset = hmm_starts(bufs)
    order = np.lexsort((offset, owner))
    starts: list[list[int]] = [[] for _ in bufs]
    for b, o in zip(owner[order].tolist(), offset[order].tolist()):
        starts[b].append(o)
    return [[buf[a:e] for a, e in zip(s, s[1:] + [len(buf)])] for buf, s in zip(bufs, starts)]


def _viterbi_many(m: _HMM, runs: list[str], lengths: np.ndarray) -> np.ndarray:
    """The state (0-3 for B, E, M, S) of each character of ``"".join(runs)`` on jieba's best path."""
    order = np.argsort(-lengths, kind="stable")  # longest first: the live runs are a prefix
    lengths_sorted = lengths[order]
    offsets = np.concatenate(([0], np.cumsum(lengths_sorted)[:-1]))
    joined = "".join(runs[i] for i in order.tolist())
    rows = m.row[code_points(joined)]
    longest = int(lengths_sorted[0])
    live = len(runs) - np.searchsorted(lengths_sorted[::-1], np.arange(longest), side="right")  # longer than t
    back = np.zeros((len(joined), 4), dtype=np.int8)
    V = m.start + m.emit[rows[offsets]]
    final = np.zeros(len(runs), dtype=np.int64)
    for t in range(1, longest + 1):
        k = int(live[t]) if t < longest else 0
        # runs of length t end here: jieba takes max over (V, state) for E and S, a tie to S
        ending = slice(k, int(live[t - 1]))
        final[ending] = np.where(V[ending, 3] >= V[ending, 1], 3, 1)
        if not k:
            break
        V = V[:k]
        em = m.emit[rows[offsets[:k] + t]]
        new = np.empty((k, 4))
        for y in range(4):
            (hi, lo), (t_hi, t_lo) = m.prev[y], m.trans[y]
            # (V + trans) + emit, in jieba's order; on a tie the larger state
            c_hi = (V[:, hi] + t_hi) + em[:, y]
            c_lo = (V[:, lo] + t_lo) + em[:, y]
            take_hi = c_hi >= c_lo
            new[:, y] = np.where(take_hi, c_hi, c_lo)
            back[offsets[:k] + t, y] = np.where(take_hi, hi, lo)
        V = new
    # follow the back pointers from each run's last character to its first
    state = final.copy()
    labels = np.zeros(len(joined), dtype=np.int8)
    for t in range(longest - 1, -1, -1):
        k = int(live[t])
        at = offsets[:k] + t
        # runs whose last character is t start from their final state (set above)
        labels[at] = state[:k]
        if t:
            state[:k] = back[at, state[:k]]
    # back to the runs' own order
    original = np.empty_like(labels)
    starts = np.repeat((np.cumsum(lengths) - lengths)[order], lengths_sorted)
    original[starts + _place_in_group(lengths_sorted)] = labels
    return original
