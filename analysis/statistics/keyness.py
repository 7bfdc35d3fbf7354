"""Keyness, distinctive terms and speech similarity.

Formulas (with ``a`` = count in the target, ``b`` = count in the reference,
``c`` and ``d`` = vocabulary tokens of target and reference):

* ``g2``: log-likelihood (Rayson & Garside 2000),
  ``2 * (a ln(a/E1) + b ln(b/E2))`` with ``E1 = c(a+b)/(c+d)``, ``E2 = d(a+b)/(c+d)``;
  signed, negative when the target uses the term less than the reference (as quanteda).
* ``p``: from the chi-squared distribution with 1 degree of freedom on ``|g2|``.
* ``log_ratio``: Hardie (2014), ``log2((a/c) / (b/d))``, a zero count replaced by 0.5.
* ``pct_diff``: Gabrielatos & Marchi (2012), ``100 (a/c - b/d) / (b/d)``; ``inf`` when b = 0.
* ``chi2``: Pearson's chi-squared on the 2x2 table (no Yates correction), signed like ``g2``.
"""
from __future__ import annotations

import math
from typing import Literal

import numpy as np
import pandas as pd

from ..errors import TooFewSpeechesError, check_choice
from ..segmentation.tokens import factorized
from .counts import as_counts, require_speeches, speech_sizes

#: Rows of keyness_by_speech measured at a time (bounds its temporaries to some 100 MB).
_BLOCK_ROWS = 500_000

KEYNESS_COLUMNS = ["term", "n_target", "n_reference", "g2", "p", "log_ratio", "pct_diff", "chi2"]


def keyness_table(a, b, c: float, d: float) -> pd.DataFrame:
    """The keyness measures for arrays of target counts ``a`` and reference counts ``b``."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
        g2 = 2 * (t1 + t2)
        sign = np.where(a / c >= b / d, 1.0, -1.0)
        # chi-squared (1 df) survival function; computed once per distinct value
        uniq, inverse = np.unique(np.abs(g2), return_inverse=True)
        p = np.array([math.erfc(math.sqrt(x / 2)) for x in uniq])[inverse].reshape(g2.shape)
        log_ratio = np.log2((np.where(a == 0, 0.5, a) / c) / (np.where(b == 0, 0.5, b) / d))
        pct = np.where(b > 0, 100 * (a / c - b / d) / (b / d), np.inf)
        o11, o12, o21, o22 = a, b, c - a, d - b
        n = c + d
        denom = (o11 + o12) * (o21 + o22) * (o11 + o21) * (o12 + o22)
        chi2 = np.where(denom > 0, n * (o11 * o22 - o12 * o21) ** 2 / denom, 0.0)
    return pd.DataFrame({"g2": sign * g2, "p": p, "log_ratio": log_ratio, "pct_diff": pct, "chi2": sign * chi2})


def _as_set(x) -> set:
    if x is None:
        return set()
    if isinstance(x, (list, tuple, set, frozenset, np.ndarray, pd.Series)):
        return set(x)
    return {x}


MEASURES = ("g2", "chi2", "log_ratio", "pct_diff")
SCORERS = ("g2", "tfidf")


def keyness(counts: pd.DataFrame, target, *, reference=None, measure: Literal["g2", "chi2", "log_ratio"] = "g2",
            min_count: int = 1) -> pd.DataFrame:
    r"""Keywords of ``target`` (a speech number or a list of them) against ``reference``.

    Takes :func:`~analysis.term_counts`; ``reference`` defaults to all other speeches.
    Columns: ``term``, ``n_target``, ``n_reference``, ``g2``, ``p``, ``log_ratio``,
    ``pct_diff``, ``chi2``; positive and negative keywords alike, sorted by ``measure``
    descending with ties broken by term.  Terms whose total count is below
    ``min_count`` are left out.  One speech has nothing to be compared with:
    :class:`~analysis.TooFewSpeechesError`.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> counts = an.term_counts(tokens)
    >>> an.keyness(counts, 2)[['term', 'n_target', 'n_reference']].head(1).values.tolist()
    [['开工', 1, 0]]
    """
    check_choice("measure", measure, MEASURES)
    counts = as_counts(counts)
    speeches = set(require_speeches(counts, "keyness"))
    targets = _as_set(target)
    if not targets <= speeches:
        raise ValueError(f"no speech {sorted(targets - speeches)} in the counts")
    refs = _as_set(reference) if reference is not None else speeches - targets
    if not refs or refs & targets:
        raise ValueError("the reference must be non-empty and must not include the target")
    nt = counts[counts["speech"].isin(targets)].groupby("term")["n"].sum()
    nr = counts[counts["speech"].isin(refs)].groupby("term")["n"].sum()
    terms = nt.index.union(nr.index)
    a = nt.reindex(terms, fill_value=0).to_numpy()
    b = nr.reindex(terms, fill_value=0).to_numpy()
    out = keyness_table(a, b, float(nt.sum()), float(nr.sum()))
    out.insert(0, "term", np.asarray(terms, dtype=object))
    out.insert(1, "n_target", a.astype(int))
    out.insert(2, "n_reference", b.astype(int))
    out = out[(out["n_target"] + out["n_reference"]) >= min_count]
    out = out.sort_values([measure, "term"], ascending=[False, True], kind="mergesort")
    return out[KEYNESS_COLUMNS].reset_index(drop=True)


class _Pairs:
    """The (speech, term) pairs of a counts frame as integer arrays, terms coded in sorted
    order, pairs sorted by speech (``bounds`` gives each speech's slice)."""

    def __init__(self, counts: pd.DataFrame, min_count: int, corpus: pd.DataFrame | None = None):
        codes, words = factorized(counts["term"].to_numpy(dtype=object), sort=True)
        if corpus is None:
            totals = np.bincount(codes, weights=counts["n"].to_numpy(), minlength=len(words)).astype(np.int64)
        else:  # a chunk of the corpus: its terms coded among the corpus's
            codes, words = corpus.index.get_indexer(words)[codes], corpus.index.to_numpy(dtype=object)
            totals = corpus["n"].to_numpy()
        kept = totals >= min_count
        new_code = np.cumsum(kept) - 1  # codes of the kept terms, still in sorted order
        self.terms = np.asarray(words, dtype=object)[kept]
        self.totals = totals[kept]
        keep_rows = kept[codes]
        order = np.argsort(counts["speech"].to_numpy()[keep_rows], kind="stable")
        self.speech = counts["speech"].to_numpy()[keep_rows][order]
        self.term = new_code[codes[keep_rows]][order]
        self.n = counts["n"].to_numpy()[keep_rows][order]
        self.speeches = np.unique(self.speech)
        self.bounds = np.searchsorted(self.speech, self.speeches), np.searchsorted(self.speech, self.speeches, "right")
        self.sizes = speech_sizes(counts)
        self.n_all = float(counts["n"].sum() if corpus is None else corpus["n"].sum())
        self._by_freq: np.ndarray | None = None

    def absent(self, present: np.ndarray, keep: int | None) -> np.ndarray:
        """Terms a speech (using ``present``) never uses: all of them, or the ``keep`` most frequent."""
        if keep is None:
            mask = np.ones(len(self.terms), dtype=bool)
            mask[present] = False
            return np.flatnonzero(mask)
        if self._by_freq is None:  # the terms by corpus frequency, sorted once for every speech
            self._by_freq = np.argsort(-self.totals, kind="stable")
        candidates = self._by_freq[:keep + len(present)]
        return candidates[~np.isin(candidates, present)][:keep].astype(np.int64)


def keyness_by_speech(counts: pd.DataFrame, *, min_count: int = 1, measure: str = "g2",
                      absent: int | None = None) -> pd.DataFrame:
    r""":func:`keyness` of every speech against all the others, stacked, with a ``speech`` column.

    Every term a speech never uses is one of its negative keywords, so the full table has
    speeches x vocabulary rows; on a large corpus ``absent=N`` keeps only the N strongest
    of those per speech (the rest of the table is unchanged).  The measures are computed
    in blocks of whole speeches, so only one block's temporaries are alive at a time.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> counts = an.term_counts(tokens)
    >>> an.keyness_by_speech(counts)['speech'].unique().tolist()
    [1, 2]
    """
    blocks = list(keyness_blocks(counts, min_count=min_count, measure=measure, absent=absent))
    return pd.concat(blocks, ignore_index=True) if len(blocks) > 1 else blocks[0]


def keyness_blocks(counts: pd.DataFrame, *, min_count: int = 1, measure: str = "g2",
                   absent: int | None = None, corpus: pd.DataFrame | None = None):
    """:func:`keyness_by_speech` in pieces of whole speeches (about half a million rows each), in
    order: one after the other they are the whole table, and only one is held at a time.
    ``counts`` may be one chunk of whole documents of a corpus whose
    :func:`~analysis.statistics.counts.term_totals` are ``corpus``: each speech is then measured
    against the rest of the corpus, and the pieces are that chunk's rows of the corpus's table."""
    check_choice("measure", measure, MEASURES)
    counts = as_counts(counts)
    if corpus is None:
        require_speeches(counts, "keyness")
    elif corpus.attrs["n_speeches"] < 2:
        raise TooFewSpeechesError("keyness", corpus.attrs["n_speeches"])
    pairs = _Pairs(counts, min_count, corpus)
    rows, block = 0, []
    for s, lo, hi in zip(pairs.speeches.tolist(), *pairs.bounds):
        present = pairs.term[lo:hi]
        missing = pairs.absent(present, absent)
        block.append((s, np.concatenate([present, missing]),
                      np.concatenate([pairs.n[lo:hi], np.zeros(len(missing), dtype=np.int64)])))
        rows += len(present) + len(missing)
        if rows >= _BLOCK_ROWS:
            yield _measure_block(pairs, block, measure)[["speech"] + KEYNESS_COLUMNS].reset_index(drop=True)
            block, rows = [], 0
    if block:
        yield _measure_block(pairs, block, measure)[["speech"] + KEYNESS_COLUMNS].reset_index(drop=True)


def _measure_block(pairs: _Pairs, block: list, measure: str) -> pd.DataFrame:
    sp = np.concatenate([np.full(len(terms), s) for s, terms, _ in block])
    tm = np.concatenate([terms for _, terms, _ in block]).astype(np.int64)
    a = np.concatenate([n for _, _, n in block]).astype(float)
    b = pairs.totals[tm] - a
    c = pairs.sizes.reindex(sp).to_numpy(dtype=float)
    out = keyness_table(a, b, c, pairs.n_all - c)
    out.insert(0, "term", pairs.terms[tm])
    out.insert(1, "n_target", a.astype(int))
    out.insert(2, "n_reference", b.astype(int))
    out.insert(0, "speech", sp)
    # by speech, the measure descending (missing last), then term: terms are coded in sorted order
    speech_rank, _ = pd.factorize(sp, sort=True)
    return out.take(np.lexsort((tm, -out[measure].to_numpy(dtype=float), speech_rank)))


def _tfidf_terms(counts: pd.DataFrame, top: int, min_count: int) -> pd.DataFrame:
    speeches = counts["speech"].unique()
    tf = counts.copy()
    df = tf.groupby("term")["speech"].size()
    idf = np.log((1 + len(speeches)) / (1 + tf["term"].map(df))) + 1
    tf["score"] = tf["n"] / tf["speech"].map(speech_sizes(counts)) * idf
    tf["n_reference"] = tf["term"].map(counts.groupby("term")["n"].sum()) - tf["n"]
    tf = tf[tf["n"] >= min_count].sort_values(["speech", "score", "term"], ascending=[True, False, True])
    top_rows = tf.groupby("speech", sort=True).head(top).copy()
    top_rows["rank"] = top_rows.groupby("speech").cumcount() + 1
    return top_rows.rename(columns={"n": "n_target"}).assign(direction="positive")


def _g2_terms(counts: pd.DataFrame, top: int, min_count: int, negative: bool) -> pd.DataFrame:
    """The ``top`` strongest positive keywords of every speech (then its ``top`` strongest negative
    ones), from :func:`keyness_blocks`: one pass over the corpus, not one per speech.  Of the terms a
    speech never uses only the ``top`` most frequent can be among its strongest negatives (with no
    use, G2 grows with the term's frequency), so only those are measured."""
    parts = []
    for block in keyness_blocks(counts, min_count=min_count, absent=top if negative else 0):
        g2 = block["g2"].to_numpy(dtype=float)
        pos = block[g2 > 0].groupby("speech", sort=False).head(top)  # the block is by speech, G2 descending
        parts.append(pos.assign(direction="positive", rank=pos.groupby("speech").cumcount() + 1, _side=0))
        if negative:
            neg = block[g2 < 0].sort_values(["speech", "g2", "term"], kind="mergesort")
            neg = neg.groupby("speech", sort=False).head(top)
            parts.append(neg.assign(direction="negative", rank=neg.groupby("speech").cumcount() + 1, _side=1))
    out = pd.concat(parts, ignore_index=True).sort_values(["speech", "_side"], kind="mergesort")
    return out.assign(score=out["g2"]).drop(columns="_side")


def distinctive_terms(counts: pd.DataFrame, *, top: int = 10, scorer: Literal["g2", "tfidf"] = "g2",
                      negative: bool = False, min_count: int = 2) -> pd.DataFrame:
    r"""The ``top`` most distinctive terms of every speech in one long frame.

    Takes :func:`~analysis.term_counts` (the notebooks count content words only).
    Columns: ``speech``, ``rank``, ``term``, ``score`` (signed G2 or TF-IDF),
    ``n_target``, ``n_reference``, ``direction`` (``positive`` / ``negative``).
    With ``negative=True`` the ``top`` most under-used terms (G2 only) follow.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> an.distinctive_terms(an.term_counts(tokens), top=1, min_count=1)['term'].tolist()
    ['增长', '开工']
    """
    check_choice("scorer", scorer, SCORERS)
    counts = as_counts(counts)
    require_speeches(counts, "keyness (distinctive terms)")
    out = _tfidf_terms(counts, top, min_count) if scorer == "tfidf" else _g2_terms(counts, top, min_count, negative)
    return out[["speech", "rank", "term", "score", "n_target", "n_reference", "direction"]].reset_index(drop=True)
