import numpy as np

import analysis as an


def test_concordance_rows_point_at_the_term(speeches, tokens):
    c = an.concordance(tokens, "一把手", window=5)
    assert c["speech"].tolist() == [2, 5]
    text = speeches.set_index("speech")["text"]
    for r in c.itertuples():
        assert text[r.speech][r.start:r.end] == "一把手"


def test_collocations(tokens):
    c = an.collocations(tokens, "招商", window=3, measure="llr")
    assert c["llr"].is_monotonic_decreasing and (c["n"] >= 2).all()
    b = an.collocations(tokens)
    assert ("投资", "亿元") in set(zip(b["node"], b["collocate"]))


def test_dispersion(tokens):
    d = an.dispersion(tokens, ["项目", "招商"])
    assert d["relative_position"].between(0, 1).all()
    m = an.dispersion_measures(tokens, ["项目"])
    assert m[m["speech"] > 0]["dp"].between(0, 1).all()
    assert np.isnan(an.dispersion_measures(tokens, ["不存在的词"]).iloc[0]["dp"])


def test_sections_group_tokens(speeches, tokens):
    t = an.assign_sections(tokens, an.outline(speeches))
    assert sorted(t[t["speech"] == 5]["section"].unique()) == [0, 1, 2, 3]
