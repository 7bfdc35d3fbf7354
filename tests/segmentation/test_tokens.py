import numpy as np
import pytest

import analysis as an
from analysis.chinese import MASK_TOKEN as MASK


def test_token_columns_and_offsets(speeches, tokens):
    assert list(tokens.columns)[:11] == ["speech", "paragraph", "sentence", "position", "token", "pos", "start",
                                          "end", "is_stopword", "is_punct", "is_masked"]
    text = speeches.set_index("speech")["text"]
    sample = tokens.sample(500, random_state=1)
    for r in sample.itertuples():
        assert text[r.speech][r.start:r.end] == r.token


def test_user_dictionary_terms_are_whole(tokens):
    vocab = set(tokens["token"])
    for term in ["招商引资", "产业集聚区", "开工率", "资金到位率", "新常态", "一把手"]:
        assert term in vocab, term


def test_quoted_formulas_are_kept_whole(tokens):
    quoted = set(tokens.loc[tokens["is_quoted"], "token"])
    assert {"一把手", "一号工程", "快半拍", "稳中求进"} <= quoted


def test_masks_are_one_kind_and_never_vocabulary(tokens):
    masked = tokens[tokens["is_masked"]]
    assert set(masked["pos"]) == {"mask"}
    assert {"XX", "XXX", "xx", "x", "20XX"} <= set(masked["token"])
    assert not masked["is_vocab"].any()
    assert not MASK.match("4S")


def test_dictionary_validation_reports_bad_entries(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text("招商引资 n\n招商 引资\n招商引资\n“口号”\n", encoding="utf-8")
    d = an.read_user_dict(p)
    assert d["problem"].tolist()[0] == ""
    assert "white space or punctuation" in d["problem"].tolist()[1]
    assert d["problem"].tolist()[2].startswith("duplicate")
    assert "punctuation" in d["problem"].tolist()[3]


def test_project_dictionary_is_clean():
    assert (an.read_user_dict()["problem"] == "").all()


def test_result_does_not_depend_on_global_jieba(speeches, tokens):
    import jieba
    jieba.add_word("推进会上", 10**6)  # pollute the global tokenizer
    try:
        again = an.tokenize(speeches, cache=False)
    finally:
        jieba.del_word("推进会上")
    assert again.equals(tokens)


def test_parallel_segmentation_is_identical(speeches, tokens, monkeypatch):
    from analysis import parallel
    monkeypatch.setattr(parallel, "MIN_CHARS_PER_SEGMENTING_PROCESS", 1000)  # the seed is small
    assert parallel.useful_processes(2, speeches["text"].tolist(), 1000) == 2
    assert an.tokenize(speeches, processes=2, cache=False).equals(tokens)


@pytest.mark.slow
def test_dictionary_cache_is_built_reused_and_repaired(tmp_path, monkeypatch, speeches):
    from analysis import config
    from analysis.segmentation.segmenter import Segmenter
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    text = speeches["text"].iloc[1][:3000]
    first = Segmenter()  # builds the cache
    built = sorted(p.name for p in (tmp_path / "jieba").glob("project-*"))
    assert [p.split(".", 1)[1] for p in built] == ["freq.npz", "tags.npz", "trie.npz"]
    second = Segmenter()  # loads it
    assert second.tk.FREQ == first.tk.FREQ and second.tk.total == first.tk.total
    assert np.array_equal(second.trie.keys, first.trie.keys) and np.array_equal(second.trie.child, first.trie.child)
    assert second.lcut(text, cache=False) == first.lcut(text, cache=False)
    for p in (tmp_path / "jieba").glob("project-*"):
        p.write_bytes(b"damaged")
    third = Segmenter()  # rebuilds it
    assert third.lcut(text, cache=False) == first.lcut(text, cache=False)
    assert third.tags.get("招商引资") == first.tags.get("招商引资")


@pytest.mark.slow
def test_dictionary_cache_follows_the_user_dictionary(tmp_path, monkeypatch):
    from analysis import config
    from analysis.segmentation.segmenter import Segmenter
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    joined, split = tmp_path / "joined.txt", tmp_path / "split.txt"
    joined.write_text("项目推进会 100000 n\n", encoding="utf-8")
    split.write_text("项目推进 0\n", encoding="utf-8")  # freq 0: never one word
    sentence = "召开项目推进会"
    for _ in range(2):  # built, then loaded from the cache
        assert "项目推进会" in Segmenter(joined).lcut(sentence, cache=False)
        assert "项目推进" not in Segmenter(split).lcut(sentence, cache=False)
    assert len(list((tmp_path / "jieba").glob("project-*.trie.npz"))) == 2


def test_tags_starting_tests_each_tag_as_str_startswith_does():
    import pandas as pd

    from analysis.segmentation.tokens import tags_starting

    pos = pd.Series(["n", "vn", "x", "nr", "uj", "eng", "ns", "v", "a", "ad"] * 3, dtype="str")
    assert tags_starting(pos, ("n", "v")).tolist() == pos.str.startswith(("n", "v")).tolist()
    assert tags_starting(pos.iloc[:0], ("n",)).tolist() == []


def test_ids_found_by_code_points_are_the_ids_of_the_words_as_strings():
    import random

    from analysis.segmentation.token_table import TypeIds

    rng = random.Random(3)
    alphabet = "抓项目招商，。\n 1a\U00020000\U0010ffff"
    by_string, by_points = TypeIds(), TypeIds()
    for round_ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        cuts = sorted({0, len(text), *rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randrange(0, 30)))})
        words = [text[a:b] for a, b in zip(cuts, cuts[1:])]
        if round_ % 7 == 0:  # words met through the string path first are found by their code points too
            by_points.ids(words[:3])
            by_string.ids(words[:3])
        got = by_points.ids_at(text, np.array(cuts, dtype=np.int64))
        assert got.tolist() == by_string.ids(words).tolist()
    assert list(by_points) == list(by_string)  # every type, numbered in the same order


def test_a_cached_empty_text_has_no_words(tmp_path):
    from analysis.segmentation.segmenter import SegmentCache

    cache = SegmentCache(tmp_path)
    cache.put("", [])
    cache.put("抓项目", ["抓", "项目"])
    assert cache.get("") == [] and cache.get("抓项目") == ["抓", "项目"]


def test_factorized_gives_the_codes_of_pandas_whether_or_not_equal_strings_are_one_object():
    import random

    import pandas as pd

    from analysis.segmentation.tokens import factorized

    rng = random.Random(5)
    shared = ["抓", "项目", "落实", "招商", ""]
    for round_ in range(100):
        # shared objects, equal strings made afresh (other objects), and missing values mixed
        values = [rng.choice(shared) if rng.random() < 0.6 else "".join(rng.sample("抓项目落实招商", rng.randrange(0, 3)))
                  for _ in range(rng.randrange(0, 40))]
        values += [None, float("nan")] if round_ % 5 == 0 else []
        rng.shuffle(values)
        array = np.array(values, dtype=object)
        for sort in (False, True):
            codes, distinct = factorized(array, sort=sort)
            want_codes, want_distinct = pd.factorize(array, sort=sort)
            assert codes.tolist() == want_codes.tolist()
            assert distinct.tolist() == list(want_distinct)


def test_stable_order_is_numpys_stable_argsort_for_every_width_of_integer():
    from analysis.segmentation.tokens import stable_order

    rng = np.random.default_rng(3)
    for top in (1, 300, 70_000, 2**31, 2**40):
        for dtype in (np.int64, np.int32, np.uint64):
            values = rng.integers(0, top, size=rng.integers(0, 5_000), dtype=np.int64)
            if dtype is np.int32 and top >= 2**31:
                continue
            values = values.astype(dtype)
            assert stable_order(values).tolist() == np.argsort(values, kind="stable").tolist()
    assert stable_order(np.array([-1, 5, -1])).tolist() == [0, 2, 1]  # negative: numpy's own sort
    assert stable_order(np.array([2.5, 1.0])).tolist() == [1, 0]  # and any other type
