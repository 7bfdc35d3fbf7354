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
    """Average-linkage (UPGMA) clustering on ``1 - sim`` (scipy's ``linkage``, O(n²)): the leaf
    order, and each merge as (cluster kept, cluster merged into it, distance).  A cluster is named
    by its first speech (its smallest index) and lists its speeches as merged: the cluster of the
    smaller name first, so the order is the tree's, read the same way at any size."""
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    n = len(sim)
    if n < 2:
        return list(range(n)), []
    dist = 1.0 - sim
    dist = (dist + dist.T) / 2  # a product of floats is symmetric only to the last bit
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(np.clip(dist, 0.0, None), checks=False), method="average")
    members, key = {i: [i] for i in range(n)}, list(range(n))
    merges = []
    for k, (a, b, d, _) in enumerate(tree):
        a, b = (int(a), int(b)) if key[int(a)] < key[int(b)] else (int(b), int(a))
        members[n + k] = members.pop(a) + members.pop(b)
        key.append(key[a])
        merges.append((key[a], key[b], float(d)))
    return members[2 * n - 2], merges


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
    n, at = len(speeches), np.array([pos[s] for s in speeches])
    ids = np.array(speeches, dtype=object if any(isinstance(s, str) for s in speeches) else np.int64)
    return pd.DataFrame({"speech_a": np.repeat(ids, n), "speech_b": np.tile(ids, n),
                         "similarity": sim.reshape(-1).astype(float), "method": method,
                         "order_a": np.repeat(at, n), "order_b": np.tile(at, n)})


