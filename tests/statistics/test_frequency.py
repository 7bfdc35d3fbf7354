from hypothesis import given, settings
from hypothesis import strategies as st

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
    assert list(f.columns) == ["speech", "term", "n", "per_10k", "rank", "doc_freq"]
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


def test_register_separates_the_oral_speech(tokens):
    st = an.lexical_stats(tokens).set_index("speech")
    assert st["spoken_per_1k"].idxmax() == 1
    assert st.loc[1, "spoken_per_1k"] > 3 * st.drop(index=1)["spoken_per_1k"].max()
    assert st["n_tokens"].idxmin() == 3
    assert (st["mattr"] <= 1).all() and (st["ttr"] <= 1).all()
    assert st.loc[5, "masked_share"] == 0 and st.loc[2, "masked_share"] > 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("甲乙丙丁戊己庚辛"), max_size=60), st.integers(1, 12))
def test_mattr_equals_a_sliding_window(words, window):
    from analysis.statistics.frequency import _mattr
    if len(words) < window:
        expected = len(set(words)) / len(words) if words else None
    else:
        total = sum(len(set(words[s:s + window])) for s in range(len(words) - window + 1))
        expected = total / ((len(words) - window + 1) * window)
    got = _mattr(words, window)
    assert (expected is None and got != got) or got == expected
