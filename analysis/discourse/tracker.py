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
from .ranking import (
    evidence_rank,
    formula_codes,
    formula_rows,
    formula_score,
    quote_weights,
    strongest_rows,
)

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


def _strongest(rows: pd.DataFrame) -> pd.DataFrame:
    """Each formula's strongest evidence (``_e``: its rank), and the kind that gave it."""
    code, formulas = formula_codes(rows)
    rank = evidence_rank(rows["evidence"])
    first = strongest_rows(code, rank)
    # made of the columns' arrays: sorting the whole frame would copy millions of rows
    return pd.DataFrame({"kind": rows["kind"].to_numpy()[first], "evidence": rows["evidence"].to_numpy()[first],
                         "_e": rank[first]}, index=pd.Index(formulas[code[first]], name="formula"))


def _pairs(rows: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The uses of each formula in each document (``formula``, ``speech``, ``n``, and ``_code``, the
    formula's number among the sorted formulas), by formula then speech; and those formulas."""
    code, formulas = formula_codes(rows)
    speech = rows["speech"].to_numpy().astype(np.int64)
    low = speech.min() if len(speech) else 0
    span = (speech.max() - low + 1) if len(speech) else 1
    # counted as one integer per pair: grouping millions of rows by strings is many times slower
    key, n = np.unique(code.astype(np.int64) * span + (speech - low), return_counts=True)
    pair_code = key // span
    return pd.DataFrame({"formula": formulas[pair_code], "speech": key % span + low, "n": n,
                         "_code": pair_code}), formulas


def formula_tracker(slogan_frame: pd.DataFrame, *, sizes: pd.Series | None = None, top_per_scope: int | None = None,
                    scopes: tuple[str, ...] = SCOPES, zeros: bool = True,
                    occurrences: pd.DataFrame | None = None) -> pd.DataFrame:
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
    ``occurrences``: :func:`~analysis.discourse.ranking.formula_rows` of ``slogan_frame``, when the
    caller has them already (the build computes them once for this and the recurring formulas).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度、抓投产。\n")).speeches
    >>> t = an.formula_tracker(an.slogans(sp, kinds=("parallel",)))
    >>> t[t["formula"] == "抓□"][["speech", "n", "scope"]].values.tolist()
    [[1, 3, 'all'], [2, 3, 'all']]
    """
    pieces = list(formula_tracker_blocks(slogan_frame, sizes=sizes, top_per_scope=top_per_scope, scopes=scopes,
                                         zeros=zeros, occurrences=occurrences))
    return pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]


#: The tracker is made in pieces of about this many rows (a large corpus's has millions).
BLOCK_ROWS = 500_000


def formula_tracker_blocks(slogan_frame: pd.DataFrame, *, sizes: pd.Series | None = None,
                           top_per_scope: int | None = None, scopes: tuple[str, ...] = SCOPES, zeros: bool = True,
                           occurrences: pd.DataFrame | None = None):
    """:func:`formula_tracker` in pieces of at most :data:`BLOCK_ROWS` rows, in order: one after
    the other they are the whole table, and only one is made at a time."""
    for s in scopes:
        check_choice("scopes", s, SCOPES)
    documents = sorted(slogan_frame["speech"].unique()) if sizes is None else sorted(sizes.index)
    rows = formula_rows(slogan_frame) if occurrences is None else occurrences
    if rows.empty or not documents:
        yield pd.DataFrame(columns=TRACKER_COLUMNS)
        return
    # formula x document counts kept long (only the pairs that occur): the dense table of a large
    # corpus, tens of thousands of formulas by a thousand documents, would not fit
    inside = rows["speech"].isin(documents)
    used, formulas = _pairs(rows if inside.all() else rows[inside])
    summary = _ordered_summary(used, rows, documents, sizes, top_per_scope=top_per_scope, scopes=scopes)
    # each pair's formula by its place in the summary's order: columns taken by position, not merged
    if zeros:
        every = pd.MultiIndex.from_product([summary.index, documents], names=["formula", "speech"])
        long = used.set_index(["formula", "speech"])["n"].reindex(every, fill_value=0).reset_index()
        at = np.repeat(np.arange(len(summary)), len(documents))
    else:
        place = np.full(len(formulas), -1)
        place[summary["_code"].to_numpy()] = np.arange(len(summary))
        at = place[used["_code"].to_numpy()]
        long, at = used[at >= 0], at[at >= 0]
    order = np.lexsort((long["speech"].to_numpy(), at))
    formula, speech, n = (long[c].to_numpy() for c in ("formula", "speech", "n"))
    for lo in range(0, max(len(order), 1), BLOCK_ROWS):
        take = order[lo:lo + BLOCK_ROWS]
        piece = {c: summary[c].to_numpy()[at[take]] for c in TRACKER_COLUMNS[1:-2]}
        yield pd.DataFrame({"formula": formula[take], **piece, "speech": speech[take], "n": n[take]},
                           columns=TRACKER_COLUMNS)


def _ordered_summary(used: pd.DataFrame, rows: pd.DataFrame, documents: list, sizes: pd.Series | None, *,
                     top_per_scope: int | None, scopes: tuple[str, ...]) -> pd.DataFrame:
    """One row per formula (by formula): its spread and strongest evidence, in the tracker's order."""
    weights = pd.Series(1.0, index=documents) if sizes is None else sizes.reindex(documents).astype(float)
    summary = _spread(used, weights / weights.sum(), len(documents))
    summary = summary.join(_strongest(rows))
    summary["_scope"] = summary["scope"].map({s: i for i, s in enumerate(SCOPES)})
    # widest scope first; among the local ones the most local first, and those the text itself
    # marks as formulas (quoted, self-counting) before frames of one document; in the wider
    # scopes the most formula-like first (formula_score: the evidence, then the spread), then the
    # most used, so that what every document says does not head the scopes shared by all
    few = summary["scope"] == "few"
    rarely, emphasis = quote_weights(rows, summary.index, summary["n_documents"])
    score = formula_score(summary["evidence"], summary["n_documents"], len(documents), rarely_quoted=rarely,
                          emphasis=emphasis, formulas=summary.index).to_numpy()
    summary["_d"] = np.where(few, summary["n_documents"], -score)
    summary["_k1"] = np.where(few, summary["_e"], -summary["n_total"])
    summary["_k2"] = np.where(few, -summary["n_total"], 0)
    summary = summary[summary["scope"].isin(scopes)].sort_values(["_scope", "_d", "_k1", "_k2"], kind="mergesort")
    if top_per_scope is not None:
        summary = summary.groupby("scope", sort=False).head(top_per_scope)
    return summary


def _spread(used: pd.DataFrame, expected: pd.Series, n_all: int) -> pd.DataFrame:
    """n_documents, share, scope, dp and n_total of each formula, from its counts in the documents
    that use it (``formula``, ``speech``, ``n``) and each document's expected share.  DP (Gries) sums
    |observed - expected| over every document; a document without the formula adds its expected
    share, so the sum is the used documents' terms plus what the others expect."""
    code = used["_code"].to_numpy()  # grouped by the formulas' numbers, in the order of the formulas
    g = used.groupby(code, sort=True)
    total = g["n"].sum()
    w = expected.reindex(used["speech"]).to_numpy()
    share = used["n"].to_numpy() / total.to_numpy()[np.searchsorted(total.index.to_numpy(), code)]
    apart = pd.DataFrame({"dev": np.abs(share - w), "w": w}).groupby(code, sort=True)
    dp = 0.5 * (apart["dev"].sum() + (1.0 - apart["w"].sum()).clip(lower=0.0))
    n_docs = g.size()
    formulas = used["formula"].to_numpy()[np.r_[True, code[1:] != code[:-1]]] if len(code) else []
    return pd.DataFrame({"scope": [scope_of(int(k), n_all) for k in n_docs], "n_documents": n_docs.to_numpy(),
                         "share": np.round(n_docs.to_numpy() / n_all, 3), "dp": np.round(dp.to_numpy(), 3),
                         "n_total": total.to_numpy().astype(int), "_code": total.index.to_numpy()},
                        index=pd.Index(formulas, name="formula"))


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
