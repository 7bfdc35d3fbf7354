"""The ranking: its counting helpers give what pandas' groupbys and numpy's lexsort give, on random rows;
what a lone quoted character weighs."""
import numpy as np
import pandas as pd
import pytest

import analysis as an
from analysis.discourse import ranking
from analysis.discourse.formula_row import EVIDENCE
from analysis.segmentation.tokens import factorized


def _rows(seed: int, n: int = 2_000) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    words = np.array(["抓项目", "稳中求进", "一把手", "新质生产力", "抓□", "营商环境"], dtype=object)
    evidence = np.array(["quoted", "frame", "termhood", "set phrase", "unlisted evidence"], dtype=object)
    return pd.DataFrame({"speech": rng.integers(3, 40, n), "formula": words[rng.integers(0, len(words), n)],
                         "kind": np.array(["quoted", "parallel", "repeated"], dtype=object)[rng.integers(0, 3, n)],
                         "evidence": evidence[rng.integers(0, len(evidence), n)], "start": rng.integers(0, 500, n)})


def test_evidence_it_does_not_list_or_missing_ranks_last():
    rank = ranking.evidence_rank(pd.Series(["quoted", "no such evidence", None, "termhood"], dtype=object))
    assert rank.tolist()[:3] == [0, len(EVIDENCE), len(EVIDENCE)]
    assert rank[3] == EVIDENCE.index("termhood")


@pytest.mark.parametrize("seed", range(5))
def test_the_order_of_places_is_the_four_key_lexsort(seed):
    rows = _rows(seed)
    code, _ = factorized(rows["formula"].to_numpy(dtype=object), sort=True)
    speech, start = rows["speech"].to_numpy(), rows["start"].to_numpy()
    rank = ranking.evidence_rank(rows["evidence"])
    expected = np.lexsort((rank, start, code, speech)).tolist()
    assert ranking._place_order(speech, code.astype(np.int64), start, rank).tolist() == expected
    huge = start + np.int64(2) ** 50  # four keys that do not fit one integer: the lexsort itself
    assert ranking._place_order(speech, code.astype(np.int64), huge, rank).tolist() == expected


def test_a_lone_character_one_document_quotes_ranks_below_formulas_and_frames():
    import analysis as an

    def row(speech, formula, kind, evidence, start):
        return {"speech": speech, "formula": formula, "surface": formula, "kind": kind, "evidence": evidence,
                "frame": "", "slot": "", "start": start, "end": start + len(formula), "masked": False,
                "in_quotes": kind == "quoted"}

    found = pd.DataFrame([row(1, "守", "quoted", "quoted", 0), row(1, "一把手工程", "quoted", "quoted", 10),
                          row(2, "抓", "repeated", "formula word", 0), row(2, "先上项目后补手续", "parallel", "frame", 5),
                          row(2, "左", "quoted", "quoted", 20), row(3, "左", "quoted", "quoted", 0)])
    order = an.recurring_slogans(found, min_documents=1)["formula"].tolist()
    assert order.index("守") > order.index("先上项目后补手续")  # emphasis, or a label one quote cannot tell
    assert order.index("守") > order.index("抓")  # a lone formula word keeps its weight
    assert order[:2] == ["左", "一把手工程"]  # quoted by two documents, a lone character is a label (“左”)
    _, emphasis = ranking.quote_weights(found, ["守", "左", "抓", "一把手工程"], [1, 2, 1, 1])
    assert emphasis.tolist() == [True, False, True, False]


def test_a_numbered_formula_that_only_enumerates_ranks_below_frames_and_numbered_slogans():
    import analysis as an

    def row(speech, formula, kind, evidence, start):
        return {"speech": speech, "formula": formula, "surface": formula, "kind": kind, "evidence": evidence,
                "frame": "抓□" if kind == "parallel" else "", "slot": "", "start": start, "end": start + len(formula),
                "masked": False, "in_quotes": False}

    # 从八个方面 … in seven of ten documents: a speech announcing its list, whatever it lists
    found = pd.DataFrame([row(s, "八个方面", "numbered", "self-counting", 0) for s in range(1, 8)]
                         + [row(s, "两个维护", "numbered", "self-counting", 20) for s in (1, 2)]
                         + [row(s, "抓开工", "parallel", "frame", 40) for s in (3, 4)]
                         + [row(s, "十二条措施", "numbered", "self-counting", 60) for s in (5, 6)]
                         + [row(s, "项目", "repeated", "termhood", 80) for s in range(1, 11)])
    order = an.recurring_slogans(found, min_documents=1)["formula"].tolist()
    assert order[0] == "两个维护"  # a numbered slogan keeps its weight
    assert order.index("八个方面") > order.index("抓□") and order.index("十二条措施") > order.index("抓□")


def test_a_row_without_a_formula_is_not_counted():
    import analysis as an

    # slogans.csv read back: an empty cell is a missing value
    found = pd.DataFrame([{"speech": s, "formula": f, "surface": "x", "kind": k, "evidence": e, "frame": fr,
                           "slot": "", "start": 0, "end": 1, "masked": False, "in_quotes": False}
                          for s, f, k, e, fr in [(1, "两个维护", "numbered", "self-counting", ""),
                                                 (2, None, "quoted", "quoted", ""),
                                                 (2, "抓开工", "parallel", "frame", None),
                                                 (2, "两个维护", "numbered", "self-counting", "")]])
    table = an.recurring_slogans(found, min_documents=1)
    assert table["formula"].tolist() == ["两个维护", "抓开工"]
    assert table.set_index("formula").loc["两个维护", "n_documents"] == 2


def test_a_score_is_a_number_when_there_is_no_evidence_to_score():
    # with pyarrow installed an empty str column maps to an empty str column: adding to it failed, and
    # every notebook of a corpus without recurring formulas with it
    empty = pd.Series([], dtype="str")
    score = ranking.formula_score(empty, pd.Series([], dtype=np.int64), 2, rarely_quoted=np.zeros(0, bool),
                                  emphasis=np.zeros(0, bool), formulas=empty)
    assert score.dtype == np.float64 and score.empty
    table = an.recurring_slogans(pd.DataFrame(columns=["speech", "formula", "surface", "kind", "evidence", "frame",
                                                       "slot", "start", "end", "masked", "in_quotes"]),
                                 corpus_size=2)
    assert table.empty and table["score"].dtype == np.float64


def test_parallel_frames_with_too_few_members_is_an_empty_table_with_its_columns():
    sp = an.read_compilation(text="同志们：\n稳企业、稳市场、稳预期。\n要抓项目。\n").speeches
    found = an.slogans(sp, kinds=("parallel",))
    assert len(an.parallel_frames(found, min_members=3, top=40)) == 3
    for top in (40, None):  # a frame of three members, four asked for
        frames = an.parallel_frames(found, min_members=4, top=top)
        assert frames.empty and list(frames.columns) == ["speech", "frame", "slot", "member", "n", "n_slots"]


def test_the_occurrences_of_a_slogan_table_in_pieces_of_whole_speeches_are_those_of_the_whole(provincial):
    """Slogans first, then frames as their templates, overlapping places counted once: made piece by piece, the
    rows are the whole table's, in its order (the slogan tables of a large corpus take them so)."""
    sp = provincial.head(8)
    found = an.slogans(sp, an.tokenize(sp), reference=an.load_reference())
    whole = ranking.formula_rows(found)
    assert whole["formula"].str.contains("□").sum() > 100 and whole["speech"].nunique() == 8  # with templates
    speech = found["speech"].to_numpy()
    cuts = [0] + [int(np.searchsorted(speech, s)) for s in (3, 4, 7)] + [len(found)]
    pieces = [found.iloc[a:b] for a, b in zip(cuts, cuts[1:])]
    assert ranking.joined_formula_rows([ranking.formula_row_parts(p) for p in pieces]).equals(whole)
    assert not pd.concat([ranking.formula_rows(p) for p in pieces], ignore_index=True).equals(whole)  # the order
