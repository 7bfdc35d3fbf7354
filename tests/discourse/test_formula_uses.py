"""The formulas' uses gathered piece by piece: what pandas' groupbys give over the occurrences, the
same for pieces as for the whole, and the formula tables of the 25 reports made from pieces."""
import numpy as np
import pandas as pd
import pytest

import analysis as an
from analysis.discourse import ranking, tracker
from analysis.discourse.formula_row import evidence_rank
from analysis.discourse.formula_uses import FormulaUses


def _parts(seed: int, n: int = 3_000) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Random occurrences, in order of speech, as a slogans' part and a templates' part."""
    rng = np.random.default_rng(seed)
    words = np.array(["抓项目", "稳中求进", "一把手", "新质生产力", "抓□", "营商环境"], dtype=object)
    evidence = np.array(["quoted", "frame", "termhood", "set phrase", "unlisted evidence"], dtype=object)
    rows = pd.DataFrame({"speech": np.sort(rng.integers(3, 40, n)), "formula": words[rng.integers(0, len(words), n)],
                         "kind": np.array(["quoted", "parallel", "repeated"], dtype=object)[rng.integers(0, 3, n)],
                         "evidence": evidence[rng.integers(0, len(evidence), n)]})
    template = rng.random(n) < 0.3
    return rows[~template].reset_index(drop=True), rows[template].reset_index(drop=True)


def _by_speech(parts: tuple[pd.DataFrame, pd.DataFrame], cuts: list[int]) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    """The parts cut into pieces of whole speeches (each speech below the next cut)."""
    bounds = [-np.inf, *cuts, np.inf]
    return [tuple(p[(p["speech"] >= a) & (p["speech"] < b)] for p in parts) for a, b in zip(bounds, bounds[1:])]


@pytest.mark.parametrize("seed", range(4))
def test_the_summary_is_the_groupbys_of_the_occurrences(seed):
    slogans, templates = _parts(seed)
    rows = pd.concat([slogans, templates], ignore_index=True)  # the order of formula_rows: slogans, then templates
    got = FormulaUses.of([(slogans, templates)]).summary().set_index("formula")
    g = rows.groupby("formula", sort=True)
    assert got.index.tolist() == g.size().index.tolist()
    assert got["n"].tolist() == g.size().tolist()
    assert got["n_documents"].tolist() == g["speech"].nunique().tolist()
    assert got["n_kinds"].tolist() == g["kind"].nunique().tolist()
    quoting = rows[rows["evidence"] == "quoted"].groupby("formula")["speech"].nunique()
    assert got["quoting"].tolist() == quoting.reindex(got.index, fill_value=0).tolist()
    # the strongest evidence, the first row that has it (in the rows' order), with its kind
    ranked = rows.assign(_e=evidence_rank(rows["evidence"])).sort_values("_e", kind="mergesort")
    best = ranked.drop_duplicates("formula").set_index("formula").loc[got.index]
    assert got[["kind", "evidence", "_e"]].values.tolist() == best[["kind", "evidence", "_e"]].values.tolist()


@pytest.mark.parametrize("seed", range(4))
def test_pieces_of_whole_speeches_give_what_the_whole_gives(seed):
    parts = _parts(seed)
    whole = FormulaUses.of([parts])
    pieces = FormulaUses.of(_by_speech(parts, [9, 10, 25, 33]))
    pd.testing.assert_frame_equal(pieces.summary(), whole.summary())
    for got, want in zip(pieces.pairs(), whole.pairs()):
        assert got.tolist() == want.tolist()
    # the pairs: a groupby by formula and speech, by formula number then speech
    rows = pd.concat(parts, ignore_index=True)
    number, speech, n = pieces.pairs()
    expected = rows.groupby(["formula", "speech"]).size()
    got = pd.Series(n, index=pd.MultiIndex.from_arrays([pieces.by_number()[number], speech]))
    assert got.sort_index().tolist() == expected.tolist() and got.index.sort_values().equals(expected.index)
    assert (np.diff(number) >= 0).all()
    assert pieces.pairs([5, 6])[1].tolist() == speech[np.isin(speech, [5, 6])].tolist()


def test_a_piece_that_holds_only_templates_or_nothing_adds_what_it_holds():
    slogans, templates = _parts(0, 200)
    uses = FormulaUses()
    uses.add(slogans.iloc[:0], slogans.iloc[:0])
    assert uses.empty
    uses.add(slogans.iloc[:0], templates)
    assert uses.summary()["n"].sum() == len(templates)


def test_more_kinds_than_one_integer_holds_is_an_option_error():
    rows = pd.DataFrame({"speech": 1, "formula": "抓项目", "kind": [f"kind {k}" for k in range(70)],
                         "evidence": "quoted"})
    with pytest.raises(an.OptionError, match="this one names 70"):
        FormulaUses.of([(rows, rows.iloc[:0])])


def test_the_formula_tables_from_pieces_are_those_of_the_whole(provincial):
    """The build adds each chunk's occurrences as it comes: the recurring formulas and the tracker
    are the ones the whole slogan table gives, zeros or not."""
    sp = provincial.head(7)
    found = an.slogans(sp, an.tokenize(sp), reference=an.load_reference())
    speech = found["speech"].to_numpy()
    cuts = [0] + [int(np.searchsorted(speech, s)) for s in (2, 5, 6)] + [len(found)]
    uses = FormulaUses.of(ranking.formula_row_parts(found.iloc[a:b]) for a, b in zip(cuts, cuts[1:]))
    assert uses.summary()["n"].sum() == len(ranking.formula_rows(found))
    pd.testing.assert_frame_equal(ranking.recurring_formulas(uses, min_documents=2, corpus_size=7),
                                  an.recurring_slogans(found))
    sizes = sp.set_index("speech")["n_chars"]
    for zeros in (True, False):
        blocks = list(tracker.tracker_blocks(uses, documents=sorted(sizes.index), sizes=sizes, zeros=zeros))
        pd.testing.assert_frame_equal(pd.concat(blocks, ignore_index=True),
                                      an.formula_tracker(found, sizes=sizes, zeros=zeros))


def test_pairs_of_many_pieces_are_grouped_by_formula_without_a_second_copy():
    """Each piece's pairs (by formula, then document; the pieces in order of document) are put
    straight where they belong: the result is a stable sort of the pieces joined, and grouping
    them takes little more than the result itself (a sort held the pairs twice, and its order)."""
    import tracemalloc

    from analysis.discourse.formula_uses import _by_formula

    rng = np.random.default_rng(7)
    pieces = []
    for k in range(40):  # forty chunks of documents, 25,000 pairs each
        number = np.sort(rng.integers(0, 3000, 25_000)).astype(np.int32)
        speech = (k * 1000 + rng.integers(0, 1000, 25_000)).astype(np.int32)
        order = np.lexsort((speech, number))
        pieces.append((number[order], speech[order], rng.integers(1, 9, 25_000).astype(np.int32)))
    joined = [np.concatenate([p[k] for p in pieces]) for k in range(3)]
    by_sort = np.argsort(joined[0], kind="stable")
    result_bytes = sum(j.nbytes for j in joined)
    tracemalloc.start()
    got = _by_formula(pieces)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    for g, j in zip(got, joined):
        assert g.dtype == j.dtype and np.array_equal(g, j[by_sort])
    assert pieces == []  # each piece let go once placed
    assert peak < 1.2 * result_bytes, (peak, result_bytes)
