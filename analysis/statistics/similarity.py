"""How alike speeches are: similarity of their counts, and the clustering tree it gives."""
from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from ..errors import check_choice
from .counts import as_counts, require_speeches

SIMILARITY_METHODS = ("cosine", "tfidf", "jaccard")


def _matrix(counts: pd.DataFrame, method: str) -> tuple[list[int], np.ndarray]:
    table = counts.pivot_table(index="speech", columns="term", values="n", aggfunc="sum", fill_value=0).sort_index()
    table = table.reindex(sorted(table.columns), axis=1)
    speeches = [int(s) if isinstance(s, (int, np.integer)) else s for s in table.index]  # groups keep their names
    x = table.to_numpy(dtype=float)
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


def _upgma(sim: np.ndarray) -> tuple[list[int], list[tuple[int, int, float]]]:
    """Average-linkage (UPGMA) clustering on ``1 - sim``: the leaf order, and each merge as
    (cluster kept, cluster merged into it, distance).  Ties go to the first pair in index order."""
    clusters = {i: [i] for i in range(len(sim))}
    dist = 1 - sim
    merges = []
    while len(clusters) > 1:
        keys = sorted(clusters)
        best = None
        for i, ka in enumerate(keys):
            for kb in keys[i + 1:]:
                d = float(np.mean([dist[p, q] for p in clusters[ka] for q in clusters[kb]]))
                if best is None or d < best[0] - 1e-12:
                    best = (d, ka, kb)
        d, ka, kb = best
        merges.append((ka, kb, d))
        clusters[ka] = clusters[ka] + clusters.pop(kb)
    return next(iter(clusters.values())) if clusters else [], merges


def cluster_order(speeches: list[int], sim: np.ndarray) -> list[int]:
    """Leaf order of an average-linkage (UPGMA) clustering on ``1 - similarity``."""
    order, _ = _upgma(sim)
    return [speeches[i] for i in order]


def similarity_tree(sim: pd.DataFrame) -> pd.DataFrame:
    """The average-linkage tree behind :func:`similarity`'s order, as nodes to draw a dendrogram.

    One row per node.  Columns: ``node`` (leaves first, in leaf order), ``speech`` (leaves;
    0 for inner nodes), ``left``, ``right`` (the nodes it joins; -1 for leaves), ``height``
    (the average distance 1 - similarity at which it joins them; 0 for leaves), ``size``
    (speeches under it), ``x`` (its position along the leaf axis).

    >>> import analysis as an
    >>> sim = pd.DataFrame({"speech_a": [1, 1, 2, 2], "speech_b": [1, 2, 1, 2], "similarity": [1, .8, .8, 1],
    ...                     "method": "cosine", "order_a": [0, 0, 1, 1], "order_b": [0, 1, 0, 1]})
    >>> an.similarity_tree(sim)[["node", "speech", "left", "right"]].values.tolist()
    [[0, 1, -1, -1], [1, 2, -1, -1], [2, 0, 0, 1]]
    >>> round(float(an.similarity_tree(sim)["height"].max()), 2)
    0.2
    """
    m = sim.pivot(index="speech_a", columns="speech_b", values="similarity").sort_index()
    speeches = [int(x) for x in m.index]
    order, merges = _upgma(m.loc[speeches, speeches].to_numpy())
    node_of = {leaf: k for k, leaf in enumerate(order)}  # cluster key -> its current node
    rows = [{"node": k, "speech": speeches[leaf], "left": -1, "right": -1, "height": 0.0, "size": 1, "x": float(k)}
            for k, leaf in enumerate(order)]
    for ka, kb, d in merges:
        left, right = rows[node_of[ka]], rows[node_of[kb]]
        rows.append({"node": len(rows), "speech": 0, "left": left["node"], "right": right["node"], "height": d,
                     "size": left["size"] + right["size"], "x": (left["x"] + right["x"]) / 2})
        node_of[ka] = len(rows) - 1
    return pd.DataFrame(rows, columns=["node", "speech", "left", "right", "height", "size", "x"])


def similarity(counts: pd.DataFrame, *, method: Literal["cosine", "tfidf", "jaccard"] = "cosine") -> pd.DataFrame:
    r"""Speech-by-speech similarity of :func:`~analysis.term_counts`, long format, with a clustering order.

    ``cosine`` compares relative frequencies, ``tfidf`` TF-IDF weighted relative
    frequencies, ``jaccard`` the sets of terms.  Columns: ``speech_a``, ``speech_b``,
    ``similarity``, ``method``, ``order_a``, ``order_b`` (positions of the speeches
    in the average-linkage clustering order, for drawing the heatmap).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> sim = an.similarity(an.term_counts(tokens))
    >>> round(sim.query('speech_a == 1 and speech_b == 2')['similarity'].item(), 2)
    0.64
    """
    check_choice("method", method, SIMILARITY_METHODS)
    counts = as_counts(counts)
    require_speeches(counts, "similarity")
    speeches, sim = _matrix(counts, method)
    order = cluster_order(speeches, sim)
    pos = {s: i for i, s in enumerate(order)}
    rows = [{"speech_a": a, "speech_b": b, "similarity": float(sim[i, j]), "method": method,
             "order_a": pos[a], "order_b": pos[b]}
            for i, a in enumerate(speeches) for j, b in enumerate(speeches)]
    return pd.DataFrame(rows)


