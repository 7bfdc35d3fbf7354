import math

import numpy as np
import pandas as pd
import pytest

import analysis as an
from analysis.statistics.keyness import keyness_table


def test_g2_against_hand_computed_value():
    # a=10 in 1000 target words, b=5 in 2000 reference words
    a, b, c, d = 10, 5, 1000, 2000
    # expected counts: c * 15 / 3000 = 5 and d * 15 / 3000 = 10
    g2 = 2 * (10 * math.log(10 / 5) + 5 * math.log(5 / 10))  # = 6.9315
    row = keyness_table([a], [b], c, d).iloc[0]
    assert row["g2"] == pytest.approx(6.931471805599453)
    assert row["g2"] == pytest.approx(g2)
    assert row["log_ratio"] == pytest.approx(math.log2((10 / 1000) / (5 / 2000)))  # 2.0
    assert row["pct_diff"] == pytest.approx(300.0)
    chi2 = 3000 * (10 * 1995 - 5 * 990) ** 2 / (15 * 2985 * 1000 * 2000)
    assert row["chi2"] == pytest.approx(chi2)
    assert row["p"] == pytest.approx(0.008469, abs=1e-5)


def test_negative_keyword_sign_and_zero_handling():
    row = keyness_table([0], [20], 1000, 1000).iloc[0]
    assert row["g2"] < 0 and row["chi2"] < 0
    assert row["log_ratio"] == pytest.approx(math.log2(0.5 / 20))
    assert keyness_table([5], [0], 1000, 1000).iloc[0]["pct_diff"] == np.inf


def test_keyness_on_tokens(tokens):
    k = an.keyness(tokens, 5)
    assert list(k.columns) == ["term", "n_target", "n_reference", "g2", "p", "log_ratio", "pct_diff", "chi2"]
    assert k.iloc[0]["term"] == "招商引资"
    assert (k["g2"] < 0).any()
    assert k["g2"].is_monotonic_decreasing
    grp = an.keyness(tokens, [2, 4], reference=[1])
    assert grp["n_target"].sum() > 0
    with pytest.raises(ValueError):
        an.keyness(tokens, 1, reference=[1])


def test_ties_broken_by_term():
    toks = pd.DataFrame({"speech": [1, 1, 2, 2], "token": ["二", "一", "丙", "丙"], "is_vocab": True, "pos": "n"})
    k = an.keyness(toks, 1)
    assert k["term"].tolist()[:2] == ["一", "二"]  # equal G2, code-point order


def test_distinctive_terms(tokens):
    d = an.distinctive_terms(an.term_counts(tokens, content_only=True), top=5, negative=True)
    assert set(d["direction"]) == {"positive", "negative"}
    assert d.groupby(["speech", "direction"]).size().max() == 5
    assert "需求" in d[(d["speech"] == 1) & (d["direction"] == "positive")]["term"].tolist()
    t = an.distinctive_terms(an.term_counts(tokens, content_only=True), top=5, scorer="tfidf")
    assert (t["score"] > 0).all()


@pytest.mark.parametrize("top, min_count", [(5, 2), (3, 1), (40, 2)])
def test_distinctive_terms_are_the_heads_of_each_speechs_keyness(tokens, top, min_count):
    counts = an.term_counts(tokens, content_only=True)
    d = an.distinctive_terms(counts, top=top, negative=True, min_count=min_count)
    for s in sorted(counts["speech"].unique()):
        k = an.keyness(counts, s, min_count=min_count)
        pos = k[k["g2"] > 0].head(top)
        neg = k[k["g2"] < 0].sort_values(["g2", "term"], kind="mergesort").head(top)
        got = d[d["speech"] == s]
        assert got["term"].tolist() == pos["term"].tolist() + neg["term"].tolist()
        assert got["score"].tolist() == pos["g2"].tolist() + neg["g2"].tolist()
        assert got["rank"].tolist() == list(range(1, len(pos) + 1)) + list(range(1, len(neg) + 1))


def test_keyness_by_speech_matches_keyness(tokens):
    fast = an.keyness_by_speech(tokens, min_count=2)
    for s in (1, 3):
        one = an.keyness(tokens, s, min_count=2)
        got = fast[fast["speech"] == s].drop(columns="speech").reset_index(drop=True)
        pd.testing.assert_frame_equal(got, one, check_dtype=False)


def test_keyness_by_speech_can_cap_absent_terms(tokens):
    full = an.keyness_by_speech(tokens, min_count=2)
    capped = an.keyness_by_speech(tokens, min_count=2, absent=5)
    for s in (1, 4):
        f, c = full[full["speech"] == s], capped[capped["speech"] == s]
        assert (c["n_target"] == 0).sum() == 5
        assert set(c.loc[c["n_target"] > 0, "term"]) == set(f.loc[f["n_target"] > 0, "term"])
        strongest = sorted(f[f["n_target"] == 0]["g2"])[:5]  # values, so ties at the cut do not matter
        assert sorted(c.loc[c["n_target"] == 0, "g2"]) == pytest.approx(strongest)


def test_keyness_by_speech_in_blocks_is_identical(tokens, monkeypatch):
    import importlib
    module = importlib.import_module("analysis.statistics.keyness")  # the package re-exports a function of that name
    whole = an.keyness_by_speech(tokens, min_count=2)
    monkeypatch.setattr(module, "_BLOCK_ROWS", 50)  # a block per speech or so
    assert an.keyness_by_speech(tokens, min_count=2).equals(whole)


def test_keyness_in_pieces_is_the_whole_table(tokens, monkeypatch):
    import pandas as pd

    from analysis.statistics import keyness

    counts = an.term_counts(tokens)
    whole = keyness.keyness_by_speech(counts, min_count=2, absent=20)
    monkeypatch.setattr(keyness, "_BLOCK_ROWS", 500)
    pieces = list(keyness.keyness_blocks(counts, min_count=2, absent=20))
    assert len(pieces) >= 3
    pd.testing.assert_frame_equal(pd.concat(pieces, ignore_index=True), whole)


def test_keyness_is_in_the_order_a_sort_by_its_columns_gives():
    rng = np.random.default_rng(4)
    words = ["抓", "项目", "招商", "落实", "a", "Z", "开工", "进度"]
    rows = [(g, w, int(rng.integers(1, 4))) for g in ("2020年代", "1990年代", "2000年代") for w in words
            if rng.random() < 0.8]  # grouped counts: the "speeches" are strings, measures tie often
    key = an.keyness_by_speech(pd.DataFrame(rows, columns=["group", "term", "n"]))
    expected = key.sort_values(["speech", "g2", "term"], ascending=[True, False, True], kind="mergesort")
    assert key.equals(expected.reset_index(drop=True)) and key["speech"].nunique() == 3
