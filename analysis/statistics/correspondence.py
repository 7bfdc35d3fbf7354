"""Correspondence analysis of speeches and terms: the classic textometry map (KH Coder, Iramuteq).

The speech x term table of counts is turned into standardised residuals from
independence, ``S = D_r^-1/2 (P - r c') D_c^-1/2``, and decomposed by SVD; speeches
and terms get principal coordinates ``D_r^-1/2 U Sigma`` and ``D_c^-1/2 V Sigma``, so
a speech lies towards the terms it uses more than the corpus does.  Plain numpy: prince
does the same but brings scikit-learn, scipy and altair with it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .counts import as_counts, require_speeches

CA_COLUMNS = ["kind", "speech", "term", "dim1", "dim2", "mass", "inertia1", "inertia2"]


def correspondence(counts: pd.DataFrame, *, terms: int = 80) -> pd.DataFrame:
    """Speeches and their ``terms`` most frequent terms on the first two axes of a CA.

    Takes :func:`~analysis.term_counts`.  Columns: ``kind`` (speech / term), ``speech``
    (0 for terms), ``term`` (empty for speeches), ``dim1``, ``dim2`` (principal
    coordinates), ``mass`` (share of the counted tokens), ``inertia1``, ``inertia2``
    (share of the total inertia each axis shows, the same in every row).  Signs are
    fixed so that the speech furthest out on each axis is on its positive side.

    >>> import analysis as an
    >>> counts = pd.DataFrame({"speech": [1, 1, 2, 2, 3], "term": ["甲", "乙", "甲", "丙", "丙"], "n": [5, 1, 1, 5, 4]})
    >>> ca = an.correspondence(counts)
    >>> ca[ca["kind"] == "speech"]["speech"].tolist(), float(round(ca["inertia1"].iloc[0] + ca["inertia2"].iloc[0], 6))
    ([1, 2, 3], 1.0)
    """
    counts = as_counts(counts)
    require_speeches(counts, "correspondence analysis")
    totals = counts.groupby("term")["n"].sum()
    kept = totals.sort_index().sort_values(ascending=False, kind="mergesort").head(terms).index
    table = counts[counts["term"].isin(kept)].pivot_table(index="speech", columns="term", values="n",
                                                           aggfunc="sum", fill_value=0).sort_index()
    table = table.reindex(sorted(table.columns), axis=1)
    table = table.loc[table.sum(axis=1) > 0]
    n = table.to_numpy()
    total = n.sum()
    p = n / total
    # the masses from the counts' own totals: two terms used as often get the very same mass (and keep the
    # order of their names), where summing the shares gave them masses a last bit apart that depended on
    # the order of the sum, and so on the machine and the pandas
    r, c = n.sum(axis=1) / total, n.sum(axis=0) / total
    residuals = (p - np.outer(r, c)) / np.sqrt(np.outer(r, c))
    u, sigma, vt = np.linalg.svd(residuals, full_matrices=False)
    sigma = np.concatenate([sigma, np.zeros(2)])[:2]
    u = np.pad(u, ((0, 0), (0, max(0, 2 - u.shape[1]))))[:, :2]
    vt = np.pad(vt, ((0, max(0, 2 - vt.shape[0])), (0, 0)))[:2]
    rows, cols = u * sigma / np.sqrt(r)[:, None], vt.T * sigma / np.sqrt(c)[:, None]
    flip = np.where(rows[np.abs(rows).argmax(axis=0), [0, 1]] < 0, -1.0, 1.0)  # deterministic signs
    rows, cols = rows * flip, cols * flip
    share = sigma ** 2 / max(float((residuals ** 2).sum()), 1e-300)  # total inertia: all axes, not two
    speech_rows = pd.DataFrame({"kind": "speech", "speech": table.index.astype(int), "term": "",
                                "dim1": rows[:, 0], "dim2": rows[:, 1], "mass": r})
    term_rows = pd.DataFrame({"kind": "term", "speech": 0, "term": list(table.columns),
                              "dim1": cols[:, 0], "dim2": cols[:, 1], "mass": c})
    out = pd.concat([speech_rows, term_rows], ignore_index=True)
    return out.assign(inertia1=share[0], inertia2=share[1])[CA_COLUMNS]
