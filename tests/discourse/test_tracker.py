"""Formulas across documents: counts with zeros or without, spread, scope, DP."""
import pandas as pd
import pytest

import analysis as an


def compilation(*bodies: str) -> pd.DataFrame:
    text = "".join(f"第{n}篇：在全市项目推进会上的讲话\n同志们：\n{body}\n" for n, body in enumerate(bodies, 1))
    return an.read_compilation(text=text).speeches


def test_tracker_counts_every_document():
    sp = compilation("抓项目、抓招商、抓服务。", "抓开工、抓进度、抓投产。", "要实现“双赢”。")
    tracker = an.formula_tracker(an.slogans(sp, an.tokenize(sp), reference=an.no_reference()), sizes=sp.set_index("speech")["n_chars"])
    frame = tracker[tracker["formula"] == "抓□"]
    assert frame["n"].tolist() == [3, 3, 0] and frame["scope"].iloc[0] == "most"
    assert tracker.groupby("formula").size().eq(3).all()  # zeros included
    scope = an.formula_scope(tracker)
    assert scope["formula"].is_unique and set(scope["scope"]) <= {"all", "most", "some", "few"}
    with pytest.raises(an.OptionError):
        an.formula_tracker(an.slogans(sp, an.tokenize(sp), reference=an.no_reference()), scopes=("local",))


def test_without_zeros_only_the_documents_that_use_a_formula_are_listed():
    sp = compilation("抓项目、抓招商、抓服务。", "抓开工、抓进度、抓投产。", "要实现“双赢”。")
    found = an.slogans(sp, kinds=("parallel", "quoted"))
    full = an.formula_tracker(found, sizes=sp.set_index("speech")["n_chars"])
    used = an.formula_tracker(found, sizes=sp.set_index("speech")["n_chars"], zeros=False)
    pd.testing.assert_frame_equal(used, full[full["n"] > 0].reset_index(drop=True))
    assert (used["n"] > 0).all() and len(used) < len(full)


def test_dp_is_zero_when_a_formula_is_spread_as_the_documents_are_long_and_grows_when_it_is_not():
    found = pd.DataFrame({"speech": [1, 2, 1, 1], "formula": ["甲", "甲", "乙", "乙"], "surface": ["甲", "甲", "乙", "乙"],
                          "kind": "quoted", "evidence": "quoted", "frame": "", "slot": "", "start": [0, 0, 5, 9],
                          "end": [1, 1, 6, 10], "masked": False, "in_quotes": True})
    t = an.formula_scope(an.formula_tracker(found, sizes=pd.Series({1: 100, 2: 100}))).set_index("formula")
    assert t.loc["甲", "dp"] == 0.0 and t.loc["乙", "dp"] == 0.5  # 乙 only in one of two equal documents
    assert t.loc["甲", "scope"] == "all" and t.loc["乙", "n_documents"] == 1
