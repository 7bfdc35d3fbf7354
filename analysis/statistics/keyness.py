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

from ..segmentation.tokens import vocabulary

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


def keyness(tokens: pd.DataFrame, target, *, reference=None, measure: Literal["g2", "chi2", "log_ratio"] = "g2",
            content_only: bool = False, min_count: int = 1) -> pd.DataFrame:
    """Keywords of ``target`` (a speech number or a list of them) against ``reference``.

    ``reference`` defaults to all other speeches.  Columns: ``term``, ``n_target``,
    ``n_reference``, ``g2``, ``p``, ``log_ratio``, ``pct_diff``, ``chi2``; positive and
    negative keywords alike, sorted by ``measure`` descending with ties broken by term.
    Terms whose total count is below ``min_count`` are left out.
    """
    targets = _as_set(target)
    vocab = vocabulary(tokens, content_only=content_only)
    speeches = set(vocab["speech"].unique())
    if not targets <= speeches:
        raise ValueError(f"no speech {sorted(targets - speeches)} in the tokens")
    refs = _as_set(reference) if reference is not None else speeches - targets
    if not refs or refs & targets:
        raise ValueError("the reference must be non-empty and must not include the target")
    in_t = vocab["speech"].isin(targets)
    in_r = vocab["speech"].isin(refs)
    nt = vocab.loc[in_t, "token"].value_counts()
    nr = vocab.loc[in_r, "token"].value_counts()
    terms = nt.index.union(nr.index)
    a = nt.reindex(terms, fill_value=0).to_numpy()
    b = nr.reindex(terms, fill_value=0).to_numpy()
    out = keyness_table(a, b, float(in_t.sum()), float(in_r.sum()))
    out.insert(0, "term", np.asarray(terms, dtype=object))
    out.insert(1, "n_target", a.astype(int))
    out.insert(2, "n_reference", b.astype(int))
    out = out[(out["n_target"] + out["n_reference"]) >= min_count]
    out = out.sort_values([measure, "term"], ascending=[False, True], kind="mergesort")
    return out[KEYNESS_COLUMNS].reset_index(drop=True)


def keyness_by_speech(tokens: pd.DataFrame, *, content_only: bool = False, min_count: int = 1,
                      measure: str = "g2", absent: int | None = None) -> pd.DataFrame:
    """:func:`keyness` of every speech against all the others, stacked, with a ``speech`` column.

    Every term a speech never uses is one of its negative keywords, so the full table has
    speeches x vocabulary rows; on a large corpus ``absent=N`` keeps only the N strongest
    of those per speech (the rest of the table is unchanged).  Counts are taken once for
    the whole corpus and the measures computed in one vectorised pass.
    """
    vocab = vocabulary(tokens, content_only=content_only, columns=["speech", "token"])
    n_all = float(len(vocab))
    # counts from integer codes (one hashing pass over the tokens, then sorting integers):
    # far less memory and time than grouping by strings twice
    codes, words = pd.factorize(vocab["token"])
    words = np.asarray(words, dtype=object)
    speech_codes, speeches = pd.factorize(vocab["speech"])
    del vocab
    counts = np.bincount(codes, minlength=len(words))
    alphabetical = np.argsort(words, kind="stable")
    kept = counts[alphabetical] >= min_count
    terms = words[alphabetical][kept]  # sorted, as groupby sorts them
    term_totals = counts[alphabetical][kept]
    term_of_code = np.full(len(words), -1, dtype=np.int64)
    term_of_code[alphabetical[kept]] = np.arange(len(terms))
    sizes = pd.Series(np.bincount(speech_codes, minlength=len(speeches)), index=np.asarray(speeches))
    width = max(len(words), 1)  # (speech, word) pairs as one integer each
    pair_keys, pair_counts = np.unique(speech_codes.astype(np.int64) * width + codes, return_counts=True)
    del codes, speech_codes
    pair_speech, pair_term = pair_keys // width, term_of_code[pair_keys % width]
    present = pair_term >= 0
    pair_speech, pair_term, pair_counts = pair_speech[present], pair_term[present], pair_counts[present]
    # rows: every (speech, term) pair that is kept, as index arrays
    sp_rows, term_rows = [np.asarray(speeches)[pair_speech]], [pair_term]
    by_freq = np.argsort(-term_totals, kind="stable")  # strongest negatives first
    bounds = np.searchsorted(pair_speech, np.arange(len(speeches) + 1))  # pairs are sorted by speech code
    for k in np.argsort(np.asarray(speeches), kind="stable"):
        s, ids = speeches[k], pair_term[bounds[k]:bounds[k + 1]]
        if len(ids) == 0:
            continue
        if absent is None:
            mask = np.ones(len(terms), dtype=bool)
            mask[ids] = False
            missing = np.flatnonzero(mask)
        else:
            seen = set(ids.tolist())
            missing = np.array([t for t in by_freq[:absent + len(seen)] if t not in seen][:absent], dtype=np.int64)
        sp_rows.append(np.full(len(missing), s))
        term_rows.append(missing)
    speech_col = np.concatenate(sp_rows)
    term_col = np.concatenate(term_rows).astype(np.int64)
    a = np.zeros(len(speech_col))
    a[: len(pair_counts)] = pair_counts
    # measured in blocks of whole speeches: the same rows in the same order (the sort is by
    # speech first), with the temporaries of one block alive at a time instead of all
    order = np.argsort(speech_col, kind="stable")
    speech_col, term_col, a = speech_col[order], term_col[order], a[order]
    edges = [0]
    for start in (np.flatnonzero(np.diff(speech_col)) + 1).tolist():  # where each speech begins
        if start - edges[-1] >= _BLOCK_ROWS:
            edges.append(start)
    edges.append(len(a))
    blocks = []
    for lo, hi in zip(edges, edges[1:]):
        ab, sp, tm = a[lo:hi], speech_col[lo:hi], term_col[lo:hi]
        b = term_totals[tm] - ab
        c = sizes.reindex(sp).to_numpy(dtype=float)
        out = keyness_table(ab, b, c, n_all - c)
        out.insert(0, "term", terms[tm])
        out.insert(1, "n_target", ab.astype(int))
        out.insert(2, "n_reference", b.astype(int))
        out.insert(0, "speech", sp)
        blocks.append(out.sort_values(["speech", measure, "term"], ascending=[True, False, True], kind="mergesort"))
    out = pd.concat(blocks, ignore_index=True) if len(blocks) > 1 else blocks[0]
    return out[["speech"] + KEYNESS_COLUMNS].reset_index(drop=True)


def distinctive_terms(tokens: pd.DataFrame, *, top: int = 10, scorer: Literal["g2", "tfidf"] = "g2",
                      negative: bool = False, content_only: bool = True, min_count: int = 2) -> pd.DataFrame:
    """The ``top`` most distinctive terms of every speech in one long frame.

    Columns: ``speech``, ``rank``, ``term``, ``score`` (signed G2 or TF-IDF),
    ``n_target``, ``n_reference``, ``direction`` (``positive`` / ``negative``).
    With ``negative=True`` the ``top`` most under-used terms (G2 only) follow.
    """
    rows = []
    speeches = sorted(tokens["speech"].unique())
    if scorer == "tfidf":
        vocab = vocabulary(tokens, content_only=content_only)
        tf = vocab.groupby(["speech", "token"]).size().rename("n").reset_index()
        df = tf.groupby("token")["speech"].nunique()
        size = tf.groupby("speech")["n"].sum()
        idf = np.log((1 + len(speeches)) / (1 + tf["token"].map(df))) + 1
        tf["score"] = tf["n"] / tf["speech"].map(size) * idf
        tf["n_reference"] = tf["token"].map(vocab.groupby("token").size()) - tf["n"]
        tf = tf[tf["n"] >= min_count].sort_values(["speech", "score", "token"], ascending=[True, False, True])
        for s, g in tf.groupby("speech", sort=True):
            g = g.head(top)
            rows.append(pd.DataFrame({"speech": s, "rank": range(1, len(g) + 1), "term": g["token"].to_numpy(),
                                      "score": g["score"].to_numpy(), "n_target": g["n"].to_numpy(),
                                      "n_reference": g["n_reference"].to_numpy(), "direction": "positive"}))
    else:
        for s in speeches:
            k = keyness(tokens, s, content_only=content_only, min_count=min_count)
            pos = k[(k["g2"] > 0)].head(top)
            parts = [pos.assign(direction="positive", rank=range(1, len(pos) + 1))]
            if negative:
                neg = k[k["g2"] < 0].sort_values(["g2", "term"], ascending=[True, True]).head(top)
                parts.append(neg.assign(direction="negative", rank=range(1, len(neg) + 1)))
            both = pd.concat(parts, ignore_index=True)
            rows.append(both.assign(speech=s, score=both["g2"]))
    out = pd.concat(rows, ignore_index=True)
    return out[["speech", "rank", "term", "score", "n_target", "n_reference", "direction"]]


def _matrix(tokens: pd.DataFrame, method: str, content_only: bool) -> tuple[list[int], np.ndarray]:
    vocab = vocabulary(tokens, content_only=content_only)
    counts = vocab.groupby(["speech", "token"]).size().unstack(fill_value=0).sort_index()
    counts = counts.reindex(sorted(counts.columns), axis=1)
    speeches = [int(s) for s in counts.index]
    x = counts.to_numpy(dtype=float)
    if method == "jaccard":
        b = x > 0
        inter = b.astype(float) @ b.T.astype(float)
        sizes = b.sum(axis=1)
        union = sizes[:, None] + sizes[None, :] - inter
        return speeches, np.where(union > 0, inter / union, 0.0)
    rel = x / x.sum(axis=1, keepdims=True)
    if method == "tfidf":
        df = (x > 0).sum(axis=0)
        rel = rel * (np.log((1 + len(x)) / (1 + df)) + 1)
    norm = np.linalg.norm(rel, axis=1, keepdims=True)
    unit = rel / np.where(norm == 0, 1, norm)
    return speeches, np.clip(unit @ unit.T, 0.0, 1.0)


def cluster_order(speeches: list[int], sim: np.ndarray) -> list[int]:
    """Leaf order of an average-linkage (UPGMA) clustering on ``1 - similarity``."""
    clusters = {i: [i] for i in range(len(speeches))}
    dist = 1 - sim
    while len(clusters) > 1:
        keys = sorted(clusters)
        best = None
        for i, ka in enumerate(keys):
            for kb in keys[i + 1:]:
                d = float(np.mean([dist[p, q] for p in clusters[ka] for q in clusters[kb]]))
                if best is None or d < best[0] - 1e-12:
                    best = (d, ka, kb)
        _, ka, kb = best
        clusters[ka] = clusters[ka] + clusters.pop(kb)
    return [speeches[i] for i in next(iter(clusters.values()))]


def similarity(tokens: pd.DataFrame, *, method: Literal["cosine", "tfidf", "jaccard"] = "cosine",
               content_only: bool = True) -> pd.DataFrame:
    """Speech-by-speech similarity, long format, with a clustering order.

    ``cosine`` compares relative frequencies, ``tfidf`` TF-IDF weighted relative
    frequencies, ``jaccard`` the sets of terms.  Columns: ``speech_a``, ``speech_b``,
    ``similarity``, ``method``, ``order_a``, ``order_b`` (positions of the speeches
    in the average-linkage clustering order, for drawing the heatmap).
    """
    if method not in ("cosine", "tfidf", "jaccard"):
        raise ValueError(f"method must be cosine, tfidf or jaccard, not {method!r}")
    speeches, sim = _matrix(tokens, method, content_only)
    order = cluster_order(speeches, sim)
    pos = {s: i for i, s in enumerate(order)}
    rows = [{"speech_a": a, "speech_b": b, "similarity": float(sim[i, j]), "method": method,
             "order_a": pos[a], "order_b": pos[b]}
            for i, a in enumerate(speeches) for j, b in enumerate(speeches)]
    return pd.DataFrame(rows)


