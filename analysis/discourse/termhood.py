r"""How formulaic a repeated phrase is: termhood against general Chinese and official language.

A candidate is a run of words inside one clause that the corpus uses twice or more (the
filler words of :data:`.lexicons.FORMULA_FILLERS` are skipped, so 主要领导要亲自抓
counts as 主要领导亲自抓), or a single word that is a formula word or a set phrase of
three characters or more that jieba tags ``i`` / ``l`` (攻坚战, 稳中求进).  Each is
measured over the corpus pooled with a reference corpus of official language, which the
caller prepares and passes (``reference=``: :func:`analysis.load_reference`, by default the 25
provincial government work reports of 2026; :func:`analysis.reference_from_tokens`; or
:func:`analysis.no_reference`).  Documents the corpus shares with its reference are left out of
the reference, so the 25 reports are never measured against themselves:

* ``association``: pointwise mutual information, in bits, at the phrase's weakest joint,
  ``log2(f(xy)·N / (f(x)·f(y)))`` over the ways of cutting it in two (single words: none);
* ``boundary``: the smaller of the entropies, in bits, of the word before it and the word
  after it; a clause edge counts as a new neighbour each time.  0 when the phrase stands
  inside the same longer one in more than 80 % of its uses (项目推进过程 is always followed
  by 中, 贯彻新 nearly always by 发展理念); a word no formula opens on (a light opener: 在, 通过,
  我们) standing before it does not count, since the phrase and it make no longer formula
  (在和平共处五项原则 is none).
  Measured only for phrases the other measures leave a chance (empty otherwise): counting
  neighbours is the costly part;
* ``specificity``: log10 of the phrase's rate per million words in the pooled official
  text over the rate in general Chinese of its rarest word, from jieba's dictionary
  frequencies (60 million words).  That rate bounds the phrase's own general rate from
  above, so a phrase built of everyday words (经济发展, 主要领导) comes out below 0.

A phrase is ``formulaic`` when its shape can be a formula (it neither opens on a deictic,
preposition or pronoun nor ends on a general head such as 工作, 问题, 领导, 部门, and has no
的 / 地 / 得 / 了 inside: :mod:`.lexicons`), it is not a fragment (boundary > 0), and
either it carries a formula word (抓, 攻坚战, 双赢: ``formula word``) or it is specific to
official language (specificity ≥ 0) with its words associated (association ≥ 5 bits):
``termhood``.  Generic collocations (经济发展, 开展工作, 这项工作, 项目的建设, 主要领导)
fail one of these and are not slogans.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import numpy as np
import pandas as pd

from .lexicons import FORMULA_WORDS, LIGHT_OPENERS, jieba_dictionary
from .phrase_counts import (
    _EDGE,
    _P,
    ChunkWindows,
    Keys,
    WindowCounts,
    candidate_summary,
    chunk_windows,
    kept_places,
    key_codes,
    key_hashes,
    neighbour_sums,
    window_counts,
    word_hashes,
)
from .phrases import clauses, established_phrases, pieces, variant_occurrences
from .reference import ESTABLISHED_IN, Reference, fingerprints

__all__ = ["termhood", "measure_formulas", "FormulaMeasures", "pieces", "general_frequencies", "measure_chunks"]

TERMHOOD_COLUMNS = ["phrase", "n_words", "n", "n_documents", "n_reference", "association", "boundary",
                    "specificity", "evidence", "formulaic"]
#: Thresholds of :func:`termhood` (see the module doc).
MIN_ASSOCIATION = 5.0
MIN_SPECIFICITY = 0.0
MIN_SET_PHRASE_SPECIFICITY = 1.0
MAX_NEIGHBOUR_SHARE = 0.8
MAX_GAP = 6  # characters inserted between two pieces of a variant


def general_frequencies():
    """jieba's dictionary of general Chinese: its words' frequencies and their total
    (:func:`.lexicons.jieba_dictionary`)."""
    return jieba_dictionary()


def _rarest(general, phrases: pd.Series) -> np.ndarray:
    """Each phrase's rarest word's general frequency, at least 1."""
    lengths = phrases.map(len).to_numpy()
    if not len(lengths):
        return np.zeros(0)
    flat = general.frequencies([w for ws in phrases for w in ws])
    return np.maximum(np.minimum.reduceat(flat, np.r_[0, np.cumsum(lengths)[:-1]]), 1).astype(float)


# ---- the passes over one chunk (module-level: they run in worker processes and on Dask) ----

def first_pass(cw: ChunkWindows) -> tuple[WindowCounts, dict]:
    """A chunk's window counts and the fingerprint of each of its documents."""
    return window_counts(cw), fingerprints(cw)


def second_pass(cw: ChunkWindows, *, keys: Keys, listed: set, established: frozenset) -> tuple[dict, dict]:
    """A chunk's :func:`.phrase_counts.candidate_summary` and the variants of established phrases in it."""
    return candidate_summary(cw, keys, listed), variant_occurrences(cw.clauses(), established, max_gap=MAX_GAP)


def third_pass(cw: ChunkWindows, *, keys: Keys, words: dict) -> pd.DataFrame:
    return kept_places(cw, keys, words)


def measure_chunks(run, *, reference: Reference, formula_words=FORMULA_WORDS, min_count: int = 2,
                   firsts=None, chunk_of: pd.Series | None = None, keep=None) -> tuple[pd.DataFrame, object]:
    """Termhood over a corpus held as chunks of :class:`.phrase_counts.ChunkWindows`.  ``run(func,
    **kwargs)`` applies a pass to every chunk and gives the results in chunk order (on this
    process, on several or on Dask: the results are the same); each is merged as it comes and let
    go, so memory holds the merged counts, never every chunk's.  ``firsts`` are the results of
    :func:`first_pass` when the caller has them already.  Returns every candidate with its
    measures (one row per key: ``key``, ``words``, ``n``, ``n_documents``, the measures,
    ``evidence``) and the places of the formulaic ones (``key``, ``speech``, ``start``, ``end``; with
    ``chunk_of``, each speech's chunk, a frame per chunk, each made as it is iterated: :func:`_places_of`).
    ``keep(func, **kwargs)``, when given, is ``run`` for the last pass, whose results stay where the
    chunks are and come back in chunk order as they are iterated: the places are never held whole."""
    merging, own = _PairwiseSum(), set()
    for part, prints in (run(first_pass) if firsts is None else firsts):
        merging.add(part)
        own |= set(prints.values())
    counts = merging.total().pruned(min_count)
    ref_clauses = reference.without(own)  # the reports read against themselves
    trimmed = len(ref_clauses) != reference.n_words
    established = established_phrases(ref_clauses, in_documents=ESTABLISHED_IN) if trimmed else reference.established
    ref_windows = chunk_windows(ref_clauses, formula_words=formula_words) if trimmed or \
        formula_words is not FORMULA_WORDS else reference.windows
    keys, listed = _keys(counts, established, min_count)
    seconds = _Seconds(keys)
    for summary, variants in run(second_pass, keys=keys, listed=listed, established=established):
        seconds.add(summary, variants)
    seconds.add(candidate_summary(ref_windows, keys, stats=False), {}, stats=False)  # the reference's neighbours
    table, variant_places = seconds.candidates(min_count)
    table = _measured(table, counts, window_counts(ref_windows), seconds.sides(), formula_words)
    kept = _formulaic_keys(table)
    written = kept[~kept["key"].isin(variant_places["key"])]
    kept_keys, original, words = _renumbered(written)
    pieces = (keep or run)(third_pass, keys=kept_keys, words=words)
    return table, _places_of(pieces, original, variant_places[variant_places["key"].isin(kept["key"])],
                             chunk_of=chunk_of)


def _places_of(pieces, original: np.ndarray, variants: pd.DataFrame, *,
               chunk_of: pd.Series | None) -> pd.DataFrame | Iterator[pd.DataFrame]:
    """The places of the formulaic phrases, from the third pass's ``pieces`` (one per chunk, their
    keys renumbered: ``original`` gives them back) and the ``variants``' places, in order of
    (speech, start, end, key).  With ``chunk_of`` (each speech's chunk), one frame per chunk, each
    put in order on its own as it is asked for: the corpus's places are never sorted, nor held, whole."""
    if chunk_of is None:
        return _in_order(pd.concat([pd.concat([_original_keys(p, original) for p in pieces], ignore_index=True),
                                    variants], ignore_index=True))
    return _places_by_chunk(pieces, original, variants, chunk_of)


def _places_by_chunk(pieces, original: np.ndarray, variants: pd.DataFrame, chunk_of: pd.Series) -> Iterator:
    which = chunk_of.reindex(variants["speech"].to_numpy()).to_numpy()
    for k, piece in enumerate(pieces):
        yield _in_order(pd.concat([_original_keys(piece, original), variants[which == k]], ignore_index=True))


def _original_keys(piece: pd.DataFrame, original: np.ndarray) -> pd.DataFrame:
    if len(piece):
        piece["key"] = original[piece["key"].to_numpy()]
    return piece


def _in_order(places: pd.DataFrame) -> pd.DataFrame:
    return places.sort_values(["speech", "start", "end", "key"], kind="mergesort").reset_index(drop=True)


class _PairwiseSum:
    """Window counts summed as they come, two of a size at a time (as a binary counter carries), so
    that each count is merged about log2(chunks) times, not once per chunk after it."""

    def __init__(self):
        self._stack: list[tuple[int, WindowCounts]] = []

    def add(self, part: WindowCounts) -> None:
        level = 0
        while self._stack and self._stack[-1][0] == level:
            part = self._stack.pop()[1].merged(part)
            level += 1
        self._stack.append((level, part))

    def total(self) -> WindowCounts:
        out = WindowCounts({}, {}, 0)
        for _, part in self._stack:
            out = out.merged(part)
        return out


class _Seconds:
    """The second pass's results merged chunk by chunk: uses and documents per key (sums), the
    words of each key, neighbours (summed whenever a million rows have come), variants."""

    def __init__(self, keys: Keys):
        self.keys = keys
        self.n = np.zeros(keys.n, dtype=np.int64)
        self.n_documents = np.zeros(keys.n, dtype=np.int64)
        self.words = np.full(keys.n, None, dtype=object)
        self._sides: list[pd.DataFrame] = []
        self._rows = 0
        self.variants: dict[tuple, list] = {}
        self.listed: list[pd.DataFrame] = []

    def add(self, summary: dict, variants: dict, *, stats: bool = True) -> None:
        if stats:
            st = summary["stats"]
            at = st.index.to_numpy(dtype=np.int64)
            self.n[at] += st["n"].to_numpy(dtype=np.int64)
            self.n_documents[at] += st["n_documents"].to_numpy(dtype=np.int64)
            unnamed = pd.isna(self.words[at])
            if unnamed.any():  # the words of a key no chunk before named
                sizes = np.cumsum([0] + [len(c) for c in summary["words"].codes])
                rows = [np.flatnonzero(unnamed[a:b]) for a, b in zip(sizes[:-1], sizes[1:])]
                self.words[at[unnamed]] = summary["words"].tuples(rows)
            self.listed.append(summary["listed"])
        for key, occ in variants.items():
            self.variants.setdefault(key, []).extend(occ)
        self._sides.append(summary["sides"])
        self._rows += len(summary["sides"])
        if self._rows > 1_000_000:
            self._sides, self._rows = [self.sides()], 0

    def sides(self) -> pd.DataFrame:
        frame = pd.concat(self._sides, ignore_index=True)
        return neighbour_sums(*(frame[c].to_numpy() for c in ("key", "side", "word", "n")))

    def candidates(self, min_count: int) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Every candidate's words, uses and documents over all chunks, the variants of established
        phrases counted in (used in two documents or more), and the variants' places."""
        seen = np.flatnonzero(self.n >= min_count)
        table = pd.DataFrame({"key": seen, "n": self.n[seen], "n_documents": self.n_documents[seen],
                              "words": self.words[seen]})
        listed = pd.concat(self.listed, ignore_index=True) if self.listed else pd.DataFrame(columns=["key"])
        rows, places = [], []
        for words, occ in sorted(self.variants.items()):
            if len({s for s, _, _ in occ}) < 2:
                continue
            key = self.keys.number(words)  # every established phrase is a key (:func:`_keys`)
            frame = pd.DataFrame(occ, columns=["speech", "start", "end"])
            frame = pd.concat([listed.loc[listed["key"] == key, ["speech", "start", "end"]], frame], ignore_index=True)
            frame = frame.drop_duplicates(["speech", "start"]).sort_values(["speech", "start"], kind="mergesort")
            places.append(frame.assign(key=key))
            rows.append({"key": key, "words": words, "n": len(frame), "n_documents": frame["speech"].nunique()})
        if rows:
            found = pd.DataFrame(rows)
            table = pd.concat([table[~table["key"].isin(found["key"])], found], ignore_index=True)
        places = (pd.concat(places, ignore_index=True) if places
                  else pd.DataFrame(columns=["speech", "start", "end", "key"]))
        return table.sort_values("key", kind="mergesort").reset_index(drop=True), places.astype("int64")


def _keys(counts: WindowCounts, established: frozenset, min_count: int) -> tuple[Keys, set]:
    """The candidates (windows of a formula's shape used ``min_count`` times or more) with the
    established phrases added, and the numbers of the established ones."""
    codes = counts.candidates(min_count)
    extra: dict[int, list] = {}
    for key in sorted(established):
        extra.setdefault(len(key), []).append(key)
    extra = {size: key_codes(more, size) for size, more in extra.items()}
    for size, more in extra.items():
        codes[size] = np.unique(np.r_[codes.get(size, np.zeros(0, np.uint64)), np.array(more, dtype=np.uint64)])
    keys = Keys(codes)
    listed = set()
    for size, more in extra.items():
        at = np.searchsorted(keys.codes[size], np.array(more, dtype=np.uint64))
        listed |= set((at + keys.offset[size]).tolist())
    return keys, listed


def _renumbered(table: pd.DataFrame) -> tuple[Keys, np.ndarray, dict]:
    """The keys of ``table`` as :class:`.phrase_counts.Keys` of their own, the original key of each
    new number, and the words of each new number."""
    grouped: dict[int, list] = {}
    for key, words in zip(table["key"].tolist(), table["words"].tolist()):
        grouped.setdefault(len(words), []).append((key, words))
    by_size = {size: list(zip(key_codes([w for _, w in v], size).tolist(), *zip(*v))) for size, v in grouped.items()}
    keys = Keys({s: np.array(sorted(c for c, _, _ in v), dtype=np.uint64) for s, v in by_size.items()})
    original, words = np.zeros(keys.n, dtype=np.int64), {}
    for size, entries in by_size.items():
        for i, (_, key, ws) in enumerate(sorted(entries)):
            original[keys.offset[size] + i], words[keys.offset[size] + i] = key, ws
    return keys, original, words


def _sub_counts(h: np.ndarray, size: int, counts: WindowCounts) -> dict[tuple[int, int], np.ndarray]:
    """For keys of ``size`` words (``h``: their words' hashes, :func:`.phrase_counts.key_hashes`), the
    count of each run of their words ``(a, b)``."""
    out = {}
    with np.errstate(over="ignore"):
        for a in range(size):
            code = np.zeros(len(h), dtype=np.uint64)
            for b in range(a + 1, size + 1):
                code = code * _P + h[:, b - 1]
                out[(a, b)] = counts.count(b - a, code)
    return out


def _measured(table: pd.DataFrame, target: WindowCounts, ref: WindowCounts, sides: pd.DataFrame,
              formula_words) -> pd.DataFrame:
    """The candidates with their measures and evidence (see the module doc)."""
    general = general_frequencies()
    n_words = target.n_words + ref.n_words
    size = table["words"].map(len).to_numpy()
    association = np.full(len(table), np.nan)
    pooled_n = np.zeros(len(table))
    n_reference = np.zeros(len(table), dtype=np.int64)
    for k in sorted(set(size.tolist())):
        rows = np.flatnonzero(size == k)
        h = key_hashes(table["words"].iloc[rows].tolist(), k)
        mine, theirs = _sub_counts(h, k, target), _sub_counts(h, k, ref)
        pooled = {ab: mine[ab] + theirs[ab] for ab in mine}
        pooled_n[rows], n_reference[rows] = pooled[(0, k)], theirs[(0, k)]
        if k > 1:
            association[rows] = np.min([np.log2(pooled[(0, k)] * n_words / (pooled[(0, i)] * pooled[(i, k)]))
                                        for i in range(1, k)], axis=0)
    rarest = _rarest(general, table["words"])
    wanted = frozenset(formula_words)
    out = table.assign(n_words=size, n_reference=n_reference, association=association,
                       specificity=np.log10(pooled_n / max(n_words, 1) * general.total / rarest),
                       formula_word=[not wanted.isdisjoint(ws) for ws in table["words"]])
    maybe = _evidence(out, np.ones(len(out)), has_reference=ref.n_words > 0) != ""
    boundary = _boundaries(sides, out["key"].to_numpy())
    out["boundary"] = np.where(maybe, boundary, np.nan)  # reported only where the other measures leave a chance
    out["evidence"] = _evidence(out, boundary, has_reference=ref.n_words > 0)
    return out


_OPENER_HASHES = word_hashes(sorted(LIGHT_OPENERS))


def _boundaries(sides: pd.DataFrame, keys: np.ndarray) -> np.ndarray:
    """Each key's smaller neighbour entropy (bits) over both sides; a clause edge (word 0) is a new
    neighbour every time.  0 where one neighbour takes more than :data:`MAX_NEIGHBOUR_SHARE` of
    the uses (the phrase is a fragment: 贯彻新 → 发展理念), and for a key without neighbours.
    ``sides`` holds one row per key, side and word (:meth:`_Seconds.sides` has summed them)."""
    n = sides.copy()
    word = n["word"].to_numpy()
    edge = word == _EDGE
    total = n.groupby(["key", "side"])["n"].transform("sum").to_numpy(dtype=float)
    count = n["n"].to_numpy(dtype=float)
    # a word seen c times adds -c/T·log2(c/T); e edges add e times -1/T·log2(1/T)
    share = np.where(edge, 1.0, count) / total
    n["h"] = -np.where(edge, count, 1.0) * share * np.log2(share)
    # a word no formula opens on (在 of 坚持在和平共处五项原则), standing before it, makes it part of no
    # longer formula: it is not the neighbour that makes a fragment
    free = (n["side"].to_numpy() == 0) & np.isin(word, _OPENER_HASHES)
    n["top"] = np.where(free, 0.0, share)
    entropy = n.groupby(["key", "side"])["h"].sum().groupby(level="key").min()
    dominant = n.groupby("key")["top"].max().reindex(entropy.index)
    value = np.where(dominant.to_numpy() <= MAX_NEIGHBOUR_SHARE, np.maximum(entropy.to_numpy(), 0.0), 0.0)
    return pd.Series(value, index=entropy.index).reindex(keys, fill_value=0.0).to_numpy()


def _evidence(s: pd.DataFrame, boundary: np.ndarray, *, has_reference: bool) -> np.ndarray:
    """The evidence each measured key gives (module doc): "" for none."""
    single = s["n_words"].to_numpy(dtype=int) == 1
    # official language uses it: the reference does, or documents of the corpus do (a formula of
    # another era, 阶级斗争, is not in today's reports)
    official = (s["n_reference"].to_numpy(dtype=int) > 0) | (s["n_documents"].to_numpy(dtype=int) >= ESTABLISHED_IN)
    set_phrase = single & (s["specificity"].to_numpy(dtype=float) >= MIN_SET_PHRASE_SPECIFICITY) & (
        official | (not has_reference))
    termhood = ~single & (s["specificity"].to_numpy(dtype=float) >= MIN_SPECIFICITY) & (
        np.nan_to_num(s["association"].to_numpy(dtype=float), nan=-np.inf) >= MIN_ASSOCIATION)
    formula = s["formula_word"].to_numpy(dtype=bool)
    evidence = np.select([formula, set_phrase, termhood], ["formula word", "set phrase", "termhood"], "")
    return np.where(boundary > 0, evidence, "").astype(object)


def _formulaic_keys(table: pd.DataFrame) -> pd.DataFrame:
    """The formulaic keys, without a phrase inside a longer formulaic one that occurs as often
    (only the longer is a formula)."""
    kept = table[table["evidence"] != ""]
    uses = dict(zip(kept["words"], kept["n"]))
    most_within: dict[tuple, int] = {}
    for words, n in uses.items():
        for a in range(len(words)):
            for b in range(a + 1, len(words) + 1):
                if (a, b) != (0, len(words)) and words[a:b] in uses:
                    most_within[words[a:b]] = max(most_within.get(words[a:b], 0), n)
    return kept[np.array([most_within.get(w, 0) < n for w, n in zip(kept["words"], kept["n"])], dtype=bool)]


def _one_chunk(tokens: pd.DataFrame, formula_words):
    """``run`` for a corpus taken whole, as one chunk."""
    cw = chunk_windows(clauses(tokens), formula_words=formula_words)
    return lambda func, **kwargs: [func(cw, **kwargs)]


def termhood(tokens: pd.DataFrame, *, reference: Reference, formula_words=FORMULA_WORDS,
             min_count: int = 2) -> pd.DataFrame:
    r"""Every candidate phrase the corpus repeats, with how formulaic it is (see the module doc),
    measured against ``reference`` (:func:`analysis.load_reference`, or
    :func:`analysis.no_reference` for general Chinese only).

    Columns: ``phrase``, ``n_words``, ``n`` (occurrences in the corpus), ``n_documents``,
    ``n_reference`` (occurrences in the reference), ``association``, ``boundary``,
    ``specificity``, ``evidence`` (``formula word``, ``set phrase``, ``termhood`` or empty) and
    ``formulaic``.  Sorted by ``formulaic``, ``n_documents`` and ``n``, descending, then phrase and
    ``n_words`` (a phrase jieba cuts two ways, 任务艰巨 and 任务/很/艰巨, is two candidates; as
    slogans they are one).

    >>> import analysis as an
    >>> sp = an.read_compilation(text="同志们：\n要全程服务，促进经济发展。\n要全程服务企业，促进经济发展。\n").speeches
    >>> t = an.termhood(an.tokenize(sp), reference=an.load_reference()).set_index("phrase")
    >>> t.loc[["全程服务", "经济发展"], "formulaic"].tolist()
    [True, False]
    """
    table, _ = measure_chunks(_one_chunk(tokens, formula_words), reference=reference,
                              formula_words=formula_words, min_count=min_count)
    return termhood_table(table)


def termhood_table(table: pd.DataFrame) -> pd.DataFrame:
    """The measured candidates of :func:`measure_chunks` as :func:`termhood` shows them."""
    out = table.assign(phrase=table["words"].map("".join))
    out["association"] = out["association"].round(2).astype(object).where(out["association"].notna(), None)
    out[["boundary", "specificity"]] = out[["boundary", "specificity"]].round(2)
    out = out[TERMHOOD_COLUMNS[:-1]].assign(formulaic=out["evidence"] != "")
    return out.sort_values(["formulaic", "n_documents", "n", "phrase", "n_words"],
                           ascending=[False, False, False, True, True], kind="mergesort").reset_index(drop=True)


class FormulaMeasures(NamedTuple):
    """What the formula stage measures, measured once: every candidate as :func:`termhood` shows it
    (``termhood``) and every occurrence of a formulaic one (``occurrences``: ``speech``, ``phrase``,
    ``start``, ``end``, ``evidence``; a phrase inside a longer formulaic one that occurs as often is
    left out)."""

    termhood: pd.DataFrame
    occurrences: pd.DataFrame


def measure_formulas(tokens: pd.DataFrame, *, reference: Reference, formula_words=FORMULA_WORDS) -> FormulaMeasures:
    r"""The termhood table and the places of the formulaic phrases in one measuring, for a caller who
    shows both (``an.slogans(speeches, tokens, measured=m)`` then measures nothing again).

    >>> import analysis as an
    >>> sp = an.read_compilation(text="同志们：\n要全程服务，促进经济发展。\n要全程服务企业，促进经济发展。\n").speeches
    >>> m = an.measure_formulas(an.tokenize(sp), reference=an.load_reference())
    >>> m.occurrences["phrase"].tolist(), bool(m.termhood.set_index("phrase").loc["全程服务", "formulaic"])
    (['全程服务', '全程服务'], True)
    """
    table, places = measure_chunks(_one_chunk(tokens, formula_words), reference=reference,
                                   formula_words=formula_words)
    return FormulaMeasures(termhood_table(table), occurrence_rows(table, places))


def occurrence_rows(table: pd.DataFrame, places: pd.DataFrame, *, phrases: pd.DataFrame | None = None) -> pd.DataFrame:
    """The places of :func:`measure_chunks` with each phrase and its evidence (``phrases``: the
    :func:`phrases_of` ``table``, when the caller takes the places in several parts)."""
    info = phrases_of(table) if phrases is None else phrases
    return pd.DataFrame({"speech": places["speech"].to_numpy(),
                         "phrase": info["phrase"].reindex(places["key"]).to_numpy(dtype=object),
                         "start": places["start"].to_numpy(), "end": places["end"].to_numpy(),
                         "evidence": info["evidence"].reindex(places["key"]).to_numpy(dtype=object)})


def phrases_of(table: pd.DataFrame) -> pd.DataFrame:
    """Each key's phrase (its words joined) and evidence, indexed by key."""
    info = table.set_index("key")
    return pd.DataFrame({"phrase": info["words"].map("".join), "evidence": info["evidence"]})
