"""Correspondence analysis: terms used as often weigh the same, whatever order their shares would sum in."""
import pandas as pd

import analysis as an


def test_terms_used_as_often_have_the_same_mass_and_keep_the_order_of_their_names():
    # 甲 once in each of three speeches, 乙 three times in one: summed as shares of 10, 0.1 + 0.1 + 0.1 is
    # 0.30000000000000004 and 0.3 is 0.3, so the map ordered (and labelled) them by a last bit, which
    # depends on the order of the sum (the machine, the pandas), not by name
    counts = pd.DataFrame({"speech": [1, 1, 1, 2, 2, 3, 3], "term": ["甲", "乙", "丙", "甲", "丙", "甲", "丁"],
                           "n": [1, 3, 2, 1, 1, 1, 1]})
    ca = an.correspondence(counts).set_index("term")
    assert ca.loc["甲", "mass"] == ca.loc["乙", "mass"] == 0.3
    assert ca.loc[["丙", "丁"], "mass"].tolist() == [0.3, 0.1]
    terms = ca[ca["kind"] == "term"].reset_index().sort_values(["mass", "term"], ascending=[False, True])
    assert terms["term"].tolist()[:3] == sorted(["甲", "乙", "丙"])
