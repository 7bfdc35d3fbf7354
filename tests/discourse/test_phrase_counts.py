"""Word windows counted by chunk add up to the counts of the whole."""
import numpy as np
import pandas as pd

import analysis as an
from analysis.discourse.phrase_counts import (
    Keys,
    candidate_summary,
    chunk_windows,
    code_of_words,
    kept_places,
    merge_counts,
    window_codes,
    window_counts,
)
from analysis.discourse.phrases import clauses


def _windows(text):
    sp = an.read_compilation(text=text).speeches
    return chunk_windows(clauses(an.tokenize(sp)))


HALF_A = "第一篇：在全市招商大会上的讲话\n同志们：\n要全程服务，抓项目、抓招商。全程服务企业。\n"
HALF_B = "第二篇：在项目推进会上的讲话\n同志们：\n提供全程服务，抓落实。要扎实推进项目建设。\n"


def _as_dict(counts, which):
    return {(s, int(c)): int(n) for s, (codes, ns) in getattr(counts, which).items() for c, n in zip(codes, ns)}


def test_counts_of_two_chunks_merged_are_the_counts_of_the_whole():
    whole = window_counts(_windows(HALF_A + HALF_B))
    merged = merge_counts([window_counts(_windows(HALF_A)), window_counts(_windows(HALF_B))])
    assert _as_dict(merged, "every") == _as_dict(whole, "every")
    assert _as_dict(merged, "shaped") == _as_dict(whole, "shaped")
    assert merged.n_words == whole.n_words > 10


def test_a_phrase_is_named_by_its_words_in_every_chunk():
    cw = _windows(HALF_A)
    words = list(cw.vocab[cw.word])
    at = words.index("全程")
    code = next(c for size, c, _ in window_codes(cw, sizes=(2,)))[at]
    assert int(code) == code_of_words(("全程", "服务"))
    counts = merge_counts([window_counts(cw), window_counts(_windows(HALF_B))])
    assert counts.count(2, [code_of_words(("全程", "服务"))]).tolist() == [3]


def test_candidates_summed_over_chunks_and_placed_by_their_words():
    parts = [_windows(HALF_A), _windows(HALF_B)]
    counts = merge_counts(window_counts(p) for p in parts)
    keys = Keys(counts.candidates(2))
    summaries = [candidate_summary(p, keys) for p in parts]
    stats = pd.concat([_with_words(s) for s in summaries]).groupby(level=0)
    total = stats["n"].sum()
    named = stats["words"].first()
    key = named[named == ("全程", "服务")].index[0]
    assert total[key] == 3 and stats["n_documents"].sum()[key] == 2
    places = pd.concat([kept_places(p, keys, dict(named)) for p in parts])
    assert len(places[places["key"] == key]) == 3
    wrong = dict(named) | {key: ("全程", "招商")}  # a use whose words differ is never placed
    assert not (pd.concat([kept_places(p, keys, wrong) for p in parts])["key"] == key).any()


def _with_words(summary: dict) -> pd.DataFrame:
    return summary["stats"].assign(words=summary["words"].every())


def test_a_key_is_named_only_where_no_chunk_before_named_it():
    from analysis.discourse.termhood import _Seconds

    parts = [_windows(HALF_A), _windows(HALF_B)]
    keys = Keys(merge_counts(window_counts(p) for p in parts).candidates(2))
    summaries = [candidate_summary(p, keys) for p in parts]
    seconds = _Seconds(keys)
    for summary in summaries:
        seconds.add(summary, {})
    named = pd.concat([_with_words(s) for s in summaries]).groupby(level=0)["words"].first()
    assert seconds.words[named.index].tolist() == named.tolist()
    assert all(isinstance(w, tuple) and len(w) == keys.size_of()[k] for k, w in named.items())
    second = summaries[1]["words"]  # the words a later chunk sends are numbers into its few words only
    assert len(second.vocab) < len(parts[1].vocab) and all(c.dtype == np.int32 for c in second.codes)


def test_an_empty_chunk_gives_empty_counts():
    empty = an.no_reference().windows  # the windows of no words at all
    counts = window_counts(empty)
    assert counts.n_words == 0 and Keys(counts.candidates(2)).n == 0
    assert np.array_equal(counts.count(1, [1, 2]), [0, 0])


def test_documents_per_candidate_are_counted_whether_or_not_each_documents_words_stand_together():
    from dataclasses import replace

    together = _windows(HALF_A + HALF_B + HALF_A.replace("第一篇", "第三篇"))
    mixed = replace(together, speech=np.where(together.clause % 2 == 0, 1, 2))  # documents interleaved
    for cw in (together, mixed):
        keys = Keys(window_counts(cw).candidates(2))
        stats = _with_words(candidate_summary(cw, keys))
        named = dict(stats["words"])
        places = kept_places(cw, keys, named)
        expected = places.groupby("key")["speech"].nunique()
        assert stats["n_documents"].to_dict() == expected.to_dict()
        assert stats["n"].to_dict() == places.groupby("key").size().to_dict()
        assert stats["n_documents"].max() >= 2


def test_the_key_filter_lets_every_key_through_and_stops_most_other_codes():
    rng = np.random.default_rng(7)
    codes = np.unique(rng.integers(0, 2**63, size=3000, dtype=np.uint64) * np.uint64(2))
    keys = Keys({2: codes})
    assert keys.maybe(2, codes).all()
    others = rng.integers(0, 2**63, size=100_000, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    assert keys.maybe(2, others).mean() < 0.01


def test_neighbour_sums_are_groupby_sums_in_the_order_triples_first_come():
    from analysis.discourse.phrase_counts import neighbour_sums

    rng = np.random.default_rng(11)
    for n_rows in (0, 1, 500):
        frame = pd.DataFrame({"key": rng.integers(0, 9, n_rows).astype(np.int64),
                              "side": rng.integers(0, 2, n_rows).astype(np.int8),
                              "word": rng.choice(np.array([0, 7, 2**63 + 5, 42], dtype=np.uint64), n_rows),
                              "n": rng.integers(1, 5, n_rows).astype(np.int64)})
        columns = [frame[c].to_numpy() for c in ("key", "side", "word")]
        grouped = frame.groupby(["key", "side", "word"], sort=False)
        pd.testing.assert_frame_equal(neighbour_sums(*columns), grouped.size().rename("n").reset_index())
        pd.testing.assert_frame_equal(neighbour_sums(*columns, frame["n"].to_numpy()), grouped["n"].sum().reset_index())


def test_one_word_windows_are_tallied_as_every_window_is():
    from analysis.discourse.phrase_counts import _tally, _tally_words

    cw = _windows(HALF_A + HALF_B)
    rng = np.random.default_rng(3)
    for at in (np.ones(len(cw), dtype=bool), rng.random(len(cw)) < 0.5, np.zeros(len(cw), dtype=bool)):
        codes, counts = _tally_words(cw, at)
        want_codes, want_counts = _tally(cw.h[at])
        assert codes.tolist() == want_codes.tolist() and counts.tolist() == want_counts.tolist()
