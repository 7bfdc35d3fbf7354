"""Word frequencies and shared vocabulary, from the counts layer (:func:`analysis.term_counts`)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..segmentation.tokens import factorized
from .counts import as_counts, require_speeches, speech_sizes


def term_frequencies(counts: pd.DataFrame, *, min_count: int = 1) -> pd.DataFrame:
    r"""Frequency of each term in each speech, from :func:`~analysis.term_counts`.

    Columns: ``speech``, ``term``, ``n`` (count), ``per_10k`` (per 10,000 counted
    tokens of the speech), ``rank`` (1 = most frequent in the speech; ties share
    the lowest rank), ``n_documents`` (the documents that use the term).
    Sorted by speech, then ``n`` descending, then term.  A token table is counted
    with :func:`~analysis.term_counts`'s defaults.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> an.term_frequencies(an.term_counts(tokens)).head(1)[['speech', 'term', 'n']].values.tolist()
    [[1, '抓', 3]]
    """
    blocks = list(term_frequency_blocks(counts, min_count=min_count))
    return pd.concat(blocks, ignore_index=True) if len(blocks) > 1 else blocks[0]


#: :func:`term_frequency_blocks` gives pieces of whole speeches of about this many rows.
BLOCK_ROWS = 500_000


def term_frequency_blocks(counts: pd.DataFrame, *, min_count: int = 1, corpus: pd.DataFrame | None = None):
    """:func:`term_frequencies` in pieces of whole speeches, in order: one after the other they
    are the whole table, and only one is made at a time.  ``counts`` may be one chunk of whole
    documents of a corpus whose :func:`~analysis.statistics.counts.term_totals` are ``corpus``:
    the pieces are then that chunk's rows of the corpus's table."""
    counts = as_counts(counts)
    sizes = speech_sizes(counts)
    # terms and speeches numbered in their sorted order, so that the tables sort integers, not strings
    term, words = factorized(counts["term"].to_numpy(dtype=object), sort=True)
    speech_rank, _ = pd.factorize(counts["speech"].to_numpy(), sort=True)
    if corpus is None:
        documents = np.bincount(term)[term]  # the documents using each row's term: one row each
    else:
        documents = corpus["n_documents"].to_numpy()[corpus.index.get_indexer(words)][term]
    order = np.argsort(speech_rank, kind="stable")
    speech = speech_rank[order]
    cuts = np.flatnonzero(np.r_[True, speech[1:] != speech[:-1]]) if len(speech) else np.zeros(1, dtype=int)
    starts = cuts[np.r_[0, np.flatnonzero(np.diff(cuts // BLOCK_ROWS)) + 1]] if len(speech) else cuts
    for lo, hi in zip(starts.tolist(), np.r_[starts[1:], len(speech)].tolist()):
        rows = order[lo:hi]
        yield _frequencies(counts.iloc[rows], sizes, documents[rows], (speech_rank[rows], term[rows]), min_count)


def _frequencies(counts: pd.DataFrame, sizes: pd.Series, documents: np.ndarray, ranks: tuple, min_count: int
                 ) -> pd.DataFrame:
    """One piece of :func:`term_frequency_blocks`; ``ranks``: each row's speech and term in sorted order."""
    counts = counts.assign(per_10k=counts["n"] / counts["speech"].map(sizes) * 10_000,
                           n_documents=documents.astype(np.int64))
    keep = (counts["n"] >= min_count).to_numpy()
    counts, (speech, term) = counts[keep], (ranks[0][keep], ranks[1][keep])
    counts = counts.take(np.lexsort((term, -counts["n"].to_numpy(), speech)))  # speech, n descending, term
    counts["rank"] = counts.groupby("speech")["n"].rank(method="min", ascending=False).astype(int)
    return counts[["speech", "term", "n", "per_10k", "rank", "n_documents"]].reset_index(drop=True)


def top_terms(freqs: pd.DataFrame, *, n: int = 15) -> pd.DataFrame:
    r"""The ``n`` most frequent terms of each speech from :func:`term_frequencies` (ties by term).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> an.top_terms(an.term_frequencies(an.term_counts(tokens)), n=1)['term'].tolist()
    ['抓', '抓']
    """
    return freqs.groupby("speech", sort=True).head(n).reset_index(drop=True)


def shared_vocabulary(counts: pd.DataFrame) -> pd.DataFrame:
    r"""Which terms all speeches use, which some, which only one.

    Takes :func:`~analysis.term_counts` (the notebooks count content words only).
    Columns: ``term``, ``category`` (``all`` / ``some`` / ``one``), ``n_documents``,
    ``n`` (total count), ``only_in`` (the speech for ``one``, else 0).  Which speeches
    use a term is in the counts themselves.  Sorted by category, then ``n``
    descending, then term.  Raises :class:`~analysis.TooFewSpeechesError` for one speech.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> an.shared_vocabulary(an.term_counts(tokens)).query('category == "all"')['term'].tolist()
    ['抓', '项目']
    """
    counts = as_counts(counts)
    n_all = len(require_speeches(counts, "shared vocabulary"))
    g = counts.groupby("term")
    out = pd.DataFrame({"n_documents": g.size(), "n": g["n"].sum(), "first_speech": g["speech"].min()})
    out = out.reset_index()
    out["category"] = np.where(out["n_documents"] == n_all, "all", np.where(out["n_documents"] == 1, "one", "some"))
    out["only_in"] = np.where(out["category"] == "one", out["first_speech"], 0)
    order = {"all": 0, "some": 1, "one": 2}
    out = out.assign(_c=out["category"].map(order)).sort_values(["_c", "n", "term"], ascending=[True, False, True])
    return out[["term", "category", "n_documents", "n", "only_in"]].reset_index(drop=True)


def shared_vocabulary_summary(shared: pd.DataFrame) -> pd.DataFrame:
    r"""Counts of :func:`shared_vocabulary` by category (and by speech for ``one``).

    Columns: ``category``, ``speech`` (0 for all/some), ``n_terms``, ``n_tokens``.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> shared = an.shared_vocabulary(an.term_counts(tokens))
    >>> an.shared_vocabulary_summary(shared)['category'].tolist()
    ['all', 'one', 'one']
    """
    one = shared[shared["category"] == "one"].groupby("only_in").agg(n_terms=("term", "size"), n_tokens=("n", "sum"))
    one = one.reset_index().rename(columns={"only_in": "speech"}).assign(category="one")
    rest = shared[shared["category"] != "one"].groupby("category").agg(n_terms=("term", "size"), n_tokens=("n", "sum"))
    rest = rest.reset_index().assign(speech=0)
    out = pd.concat([rest, one], ignore_index=True)[["category", "speech", "n_terms", "n_tokens"]]
    order = out["category"].map({"all": 0, "some": 1, "one": 2})  # from most shared to unique
    return out.assign(_o=order).sort_values(["_o", "speech"]).drop(columns="_o").reset_index(drop=True)
