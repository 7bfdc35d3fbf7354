r"""Formulas tracked across documents: which the centre shares and which are local.

:func:`formula_tracker` counts every formula (from :func:`analysis.slogans`, parallel
frames as their template) in every document, zeros included, with how widely and how
evenly it spreads; :func:`formula_scope` gives one row per formula.  The scope of a
formula over ``N`` documents:

* ``all``: every document uses it (the shared language of the centre, 稳中求进);
* ``most``: half of them or more;
* ``some``: fewer than half, more than a few;
* ``few``: at most a fifth of them (at least one): local formulas.

On one document every formula is ``all``.  ``dp`` is Gries' deviation of proportions over
the documents, weighted by their length when ``sizes`` is given: 0 when a formula is spread
as the text is, near 1 when it sits in one place.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import check_choice
from .formula_uses import FormulaUses
from .ranking import formula_row_parts, formula_score, quoting_weights

TRACKER_COLUMNS = ["formula", "kind", "evidence", "scope", "n_documents", "share", "dp", "n_total", "speech", "n"]
SCOPES = ("all", "most", "some", "few")


def scope_of(n_documents: int, n_all: int) -> str:
    """The scope of a formula used in ``n_documents`` of ``n_all`` documents (see the module doc).

    >>> [scope_of(k, 25) for k in (25, 13, 6, 5, 1)], scope_of(1, 1)
    (['all', 'most', 'some', 'few', 'few'], 'all')
    """
    if n_documents >= n_all:
        return "all"
    if n_documents * 2 >= n_all:
        return "most"
    if n_documents <= max(1, round(n_all / 5)):
        return "few"
    return "some"


def formula_tracker(slogan_frame: pd.DataFrame, *, sizes: pd.Series | None = None, top_per_scope: int | None = None,
                    scopes: tuple[str, ...] = SCOPES, zeros: bool = True) -> pd.DataFrame:
    r"""Formula-by-document counts in long form, zeros included (``zeros=False``: only the
    documents that use each formula, as a table of a large corpus is written), with each
    formula's spread.

    Columns: ``formula``, ``kind``, ``evidence`` (the strongest, as in
    :func:`analysis.recurring_slogans`), ``scope`` (all, most, some, few), ``n_documents``,
    ``share`` (of the documents), ``dp``, ``n_total``, ``speech``, ``n``.  ``sizes`` (document
    lengths by speech, e.g. ``n_chars``) weights ``dp``.  Sorted by scope, then by
    :func:`~analysis.discourse.ranking.formula_score` descending (the evidence, then the spread)
    and ``n_total`` descending; among the ``few``, ``n_documents`` ascending (the most local
    first), the strength of the evidence, then ``n_total``; ``top_per_scope=K``
    keeps the first K formulas of each scope, and ``scopes`` chooses the scopes kept.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度、抓投产。\n")).speeches
    >>> t = an.formula_tracker(an.slogans(sp, kinds=("parallel",)))
    >>> t[t["formula"] == "抓□"][["speech", "n", "scope"]].values.tolist()
    [[1, 3, 'all'], [2, 3, 'all']]
    """
    pieces = list(formula_tracker_blocks(slogan_frame, sizes=sizes, top_per_scope=top_per_scope, scopes=scopes,
                                         zeros=zeros))
    return pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]


#: The tracker is made in pieces of about this many rows (a large corpus's has millions; a piece of
#: 500,000 rows, its formulas, kinds and scopes as objects, took 50 MiB at 100x, then the run's peak).
BLOCK_ROWS = 200_000


def formula_tracker_blocks(slogan_frame: pd.DataFrame, *, sizes: pd.Series | None = None,
                           top_per_scope: int | None = None, scopes: tuple[str, ...] = SCOPES, zeros: bool = True):
    """:func:`formula_tracker` in pieces of at most :data:`BLOCK_ROWS` rows, in order: one after
    the other they are the whole table, and only one is made at a time."""
    documents = sorted(slogan_frame["speech"].unique()) if sizes is None else sorted(sizes.index)
    yield from tracker_blocks(FormulaUses.of([formula_row_parts(slogan_frame)]), documents=documents, sizes=sizes,
                              top_per_scope=top_per_scope, scopes=scopes, zeros=zeros)


def tracker_blocks(uses: FormulaUses, *, documents: list, sizes: pd.Series | None = None,
                   top_per_scope: int | None = None, scopes: tuple[str, ...] = SCOPES, zeros: bool = True):
    """:func:`formula_tracker_blocks` from the formulas' uses in ``documents`` (sorted), gathered a
    piece of the slogan table at a time (:class:`.formula_uses.FormulaUses`)."""
    for s in scopes:
        check_choice("scopes", s, SCOPES)
    if uses.empty or not documents:
        yield pd.DataFrame(columns=TRACKER_COLUMNS)
        return
    # formula x document counts kept long (only the pairs that occur): the dense table of a large
    # corpus, tens of thousands of formulas by a thousand documents, would not fit
    number, speech, n = uses.pairs(documents)
    summary = _ordered_summary(uses, (number, speech, n), documents, sizes, top_per_scope=top_per_scope,
                               scopes=scopes)
    if zeros:
        used = pd.Series(n.astype(np.int64),
                         index=pd.MultiIndex.from_arrays([uses.by_number()[number], speech.astype(np.int64)]))
        every = pd.MultiIndex.from_product([summary["formula"], documents], names=["formula", "speech"])
        long = used.reindex(every, fill_value=0).rename("n").reset_index()
        speech, n, order = long["speech"].to_numpy(), long["n"].to_numpy(), np.arange(len(long))
        number, place = np.repeat(np.arange(len(summary)), len(documents)), np.arange(len(summary))
    else:
        order, place = _in_summary_order(number, summary["_number"].to_numpy())
    for lo in range(0, max(len(order), 1), BLOCK_ROWS):
        take = order[lo:lo + BLOCK_ROWS]
        at = place[number[take]]  # a block's rows of the summary: never made for every pair at once
        piece = {c: summary[c].to_numpy()[at] for c in TRACKER_COLUMNS[:-2]}
        yield pd.DataFrame({**piece, "speech": speech[take].astype(np.int64), "n": n[take].astype(np.int64)},
                           columns=TRACKER_COLUMNS)


def _in_summary_order(number: np.ndarray, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (grouped by formula ``number``) of the ``chosen`` formulas, formula after formula in
    that order, each formula's in the order they have; and each formula's place in ``chosen`` (-1 for
    one not chosen), by number."""
    count = np.bincount(number, minlength=int(chosen.max(initial=-1)) + 1)
    first = np.cumsum(count) - count
    lengths = count[chosen]
    order = np.repeat(first[chosen] - (np.cumsum(lengths) - lengths), lengths) + np.arange(int(lengths.sum()))
    place = np.full(len(count), -1)
    place[chosen] = np.arange(len(chosen))
    return order, place


def _ordered_summary(uses: FormulaUses, pairs: tuple, documents: list, sizes: pd.Series | None, *,
                     top_per_scope: int | None, scopes: tuple[str, ...]) -> pd.DataFrame:
    """One row per formula used in ``documents`` (by formula): its spread and strongest evidence, in
    the tracker's order."""
    weights = pd.Series(1.0, index=documents) if sizes is None else sizes.reindex(documents).astype(float)
    each = uses.summary()[["formula", "kind", "evidence", "_e", "quoting", "_number"]]
    spread = _spread(pairs, (weights / weights.sum()).to_numpy(), np.asarray(documents), len(each))
    summary = each.assign(**{c: v[each["_number"].to_numpy()] for c, v in spread.items()})
    summary = summary[summary["n_documents"] > 0].reset_index(drop=True)
    summary["scope"] = [scope_of(int(k), len(documents)) for k in summary["n_documents"]]
    summary["_scope"] = summary["scope"].map({s: i for i, s in enumerate(SCOPES)})
    # widest scope first; among the local ones the most local first, and those the text itself
    # marks as formulas (quoted, self-counting) before frames of one document; in the wider
    # scopes the most formula-like first (formula_score: the evidence, then the spread), then the
    # most used, so that what every document says does not head the scopes shared by all
    few = summary["scope"] == "few"
    rarely, emphasis = quoting_weights(summary["quoting"].to_numpy(), summary["formula"], summary["n_documents"])
    score = formula_score(summary["evidence"], summary["n_documents"], len(documents), rarely_quoted=rarely,
                          emphasis=emphasis, formulas=summary["formula"]).to_numpy()
    summary["_d"] = np.where(few, summary["n_documents"], -score)
    summary["_k1"] = np.where(few, summary["_e"], -summary["n_total"])
    summary["_k2"] = np.where(few, -summary["n_total"], 0)
    summary = summary[summary["scope"].isin(scopes)].sort_values(["_scope", "_d", "_k1", "_k2"], kind="mergesort")
    if top_per_scope is not None:
        summary = summary.groupby("scope", sort=False).head(top_per_scope)
    return summary


def _spread(pairs: tuple, expected: np.ndarray, documents: np.ndarray, n_formulas: int) -> dict[str, np.ndarray]:
    """n_documents, share, dp and n_total of each formula (by number), from its counts in the
    documents that use it (``pairs``: number, speech, n; grouped by number) and each document's
    expected share.  DP (Gries) sums |observed - expected| over every document; a document without
    the formula adds its expected share, so the sum is the used documents' terms plus what the
    others expect."""
    number, speech, n = pairs
    n_docs = np.bincount(number, minlength=n_formulas)
    total = np.bincount(number, weights=n, minlength=n_formulas)  # exact: counts far below 2**53
    dev, w = np.zeros(n_formulas), np.zeros(n_formulas)
    lo = 0
    while lo < len(number):  # a block of whole formulas at a time, each summed in its pairs' order
        hi = len(number) if lo + BLOCK_ROWS >= len(number) else int(np.searchsorted(number, number[lo + BLOCK_ROWS]))
        hi = max(hi, int(np.searchsorted(number, number[lo], side="right")))
        k, share_w = number[lo:hi], expected[np.searchsorted(documents, speech[lo:hi])]
        sums = pd.DataFrame({"dev": np.abs(n[lo:hi] / total[k] - share_w), "w": share_w}).groupby(k, sort=True).sum()
        dev[sums.index], w[sums.index] = sums["dev"].to_numpy(), sums["w"].to_numpy()
        lo = hi
    dp = 0.5 * (dev + np.clip(1.0 - w, 0.0, None))
    return {"n_documents": n_docs, "share": np.round(n_docs / len(documents), 3), "dp": np.round(dp, 3),
            "n_total": total.astype(int)}


def formula_scope(tracker: pd.DataFrame) -> pd.DataFrame:
    r"""One row per formula of :func:`formula_tracker`: ``formula``, ``kind``, ``evidence``, ``scope``,
    ``n_documents``, ``share``, ``dp``, ``n_total``, in the tracker's order.  The formulas every
    document shares are ``scope == "all"``; local ones ``scope == "few"``.

    >>> import analysis as an
    >>> sp = an.read_compilation(text="同志们：\n抓项目、抓招商、抓落实。\n").speeches
    >>> an.formula_scope(an.formula_tracker(an.slogans(sp, kinds=("parallel",))))["formula"].tolist()
    ['抓□', '抓招商', '抓落实', '抓项目']
    """
    cols = TRACKER_COLUMNS[:-2]
    return tracker.drop_duplicates("formula")[cols].reset_index(drop=True)
