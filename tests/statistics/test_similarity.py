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
