
import analysis as an


def test_top_terms_have_no_punct_masks_or_stopwords(tokens):
    freqs = an.term_frequencies(an.term_counts(tokens, content_only=True))
    top = an.top_terms(freqs, n=20)
    stop = an.read_stopwords()
    for term in top["term"]:
        assert term not in stop and not an.chinese.MASK_TOKEN.match(term)
        assert any("\u4e00" <= c <= "\u9fff" for c in term)


def test_frequency_schema_and_order(tokens):
    f = an.term_frequencies(tokens)
    assert list(f.columns) == ["speech", "term", "n", "per_10k", "rank", "n_documents"]
    one = f[f["speech"] == 4]
    assert one["n"].is_monotonic_decreasing and one.iloc[0]["term"] == "项目" and one.iloc[0]["rank"] == 1
    assert abs(f.groupby("speech")["per_10k"].sum() - 10_000).max() < 1e-6


def test_bigrams(tokens):
    f = an.term_frequencies(an.term_counts(tokens, ngram=2), min_count=3)
    assert (f["term"].str.count(" ") == 1).all() and (f["n"] >= 3).all()


def test_shared_vocabulary(tokens):
    s = an.shared_vocabulary(an.term_counts(tokens, content_only=True))
    assert set(s["category"]) == {"all", "some", "one"}
    assert "项目" in set(s.loc[s["category"] == "all", "term"])
    assert s.loc[s["term"] == "需求", "category"].item() in {"some", "one"}


def test_frequencies_in_pieces_are_the_whole_table(tokens, monkeypatch):
    import pandas as pd

    from analysis.statistics import frequency

    counts = an.term_counts(tokens)
    whole = frequency.term_frequencies(counts, min_count=2)
    monkeypatch.setattr(frequency, "BLOCK_ROWS", 300)  # the seed's five speeches in several pieces
    pieces = list(frequency.term_frequency_blocks(counts, min_count=2))
    assert len(pieces) >= 3
    assert all(p["speech"].nunique() >= 1 for p in pieces)
    assert len({s for p in pieces for s in p["speech"].unique()}) == counts["speech"].nunique()
    pd.testing.assert_frame_equal(pd.concat(pieces, ignore_index=True), whole)
    assert frequency.term_frequencies(counts.iloc[:0]).empty


def _grouped_counts():
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(4)
    words = ["抓", "项目", "招商", "落实", "a", "Z", "开工", "进度"]
    rows = {(g, w): int(rng.integers(1, 4)) for g in ("2020年代", "1990年代", "2000年代") for w in words
            if rng.random() < 0.8}  # grouped counts: the "speeches" are strings, counts tie often
    return pd.DataFrame([(g, w, n) for (g, w), n in rows.items()], columns=["group", "term", "n"])


def test_frequencies_are_in_the_order_a_sort_by_their_columns_gives():
    freqs = an.term_frequencies(_grouped_counts())
    expected = freqs.sort_values(["speech", "n", "term"], ascending=[True, False, True], kind="mergesort")
    assert freqs.equals(expected.reset_index(drop=True)) and freqs["speech"].nunique() == 3
