"""Similarity of speeches and the clustering order."""
import numpy as np

import analysis as an


def test_similarity_and_clustering(tokens):
    s = an.similarity(an.term_counts(tokens, content_only=True))
    m = s.pivot(index="speech_a", columns="speech_b", values="similarity")
    assert np.allclose(np.diag(m), 1) and np.allclose(m, m.T)
    j = an.similarity(an.term_counts(tokens, content_only=True), method="jaccard")
    assert j["similarity"].between(0, 1).all()
    assert sorted(s.drop_duplicates("speech_a")["order_a"]) == [0, 1, 2, 3, 4]


def _textbook_upgma(sim):
    """Average linkage as defined: merge the two clusters whose members are on average closest
    (ties to the first pair in index order), the cluster of the smaller first member first."""
    clusters, dist, merges = {i: [i] for i in range(len(sim))}, 1 - sim, []
    while len(clusters) > 1:
        keys = sorted(clusters)
        pairs = [(float(np.mean([dist[p, q] for p in clusters[a] for q in clusters[b]])), a, b)
                 for i, a in enumerate(keys) for b in keys[i + 1:]]
        d, a, b = min(pairs, key=lambda t: t[0])
        merges.append((a, b, d))
        clusters[a] = clusters[a] + clusters.pop(b)
    return next(iter(clusters.values())), merges


def test_the_clustering_is_average_linkage_as_defined():
    from analysis.statistics.similarity import _upgma

    rng = np.random.default_rng(7)
    for n in (2, 3, 6, 15):
        x = rng.random((n, 8))
        unit = x / np.linalg.norm(x, axis=1, keepdims=True)
        sim = np.clip(unit @ unit.T, 0, 1)
        order, merges = _upgma(sim)
        want_order, want_merges = _textbook_upgma(sim)
        assert order == want_order
        assert [(a, b) for a, b, _ in merges] == [(a, b) for a, b, _ in want_merges]
        assert np.allclose([d for *_, d in merges], [d for *_, d in want_merges])
