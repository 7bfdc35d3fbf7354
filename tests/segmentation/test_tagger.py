"""analysis.segmentation.tagger gives what jieba.posseg gives, faster."""
import re

import jieba.posseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P
from jieba.posseg.viterbi import viterbi as jieba_viterbi

import analysis as an
from analysis.segmentation import tagger as fastpos

HAN = re.compile(r"[\u4e00-\u9fd5]+")


def jieba_path(s):
    return jieba_viterbi(s, char_state_tab_P, start_P, trans_P, emit_P)[1]


def unknown_words(tokens):
    """The words jieba's HMM found that no dictionary has: the ones tagged by Viterbi."""
    tags = an.get_segmenter().tags
    words = sorted({t for t in tokens["token"].unique() if HAN.fullmatch(t) and tags.get(t) is None})
    assert words, "the corpus has words outside the dictionaries"
    return words


@pytest.mark.slow
def test_viterbi_equals_jieba_on_every_unknown_word(tokens, provincial, provincial_tokens):
    words = unknown_words(tokens) + unknown_words(provincial_tokens)
    assert len(words) > 1000
    mismatches = [w for w in words if fastpos.viterbi(w) != jieba_path(w)]
    assert mismatches == []


# characters jieba's model knows well, knows little, and does not know at all
ALPHABET = "招商引资项目推进开工率新质生产力一把手工程的了是在和与鑫犇淼嬲巭"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=14))
def test_viterbi_equals_jieba_on_arbitrary_text(s):
    assert fastpos.viterbi(s) == jieba_path(s)


@pytest.fixture(scope="module")
def jieba_tags():
    """jieba's own tag table for the project dictionary: dict.txt, then the user words' tags."""
    seg = an.get_segmenter()
    tags = jieba.posseg.POSTokenizer(seg.tk).word_tag_tab
    tags.update({row.word: row.pos for row in seg.entries.itertuples()})
    return tags


@pytest.fixture(scope="module")
def jieba_posseg(jieba_tags):
    """jieba.posseg over the project dictionary, as jieba gives it."""
    theirs = jieba.posseg.POSTokenizer(an.get_segmenter().tk)
    theirs.word_tag_tab = jieba_tags
    return theirs


def test_tag_table_equals_jieba_tag_table(jieba_tags):
    table = an.get_segmenter().tags
    assert len(table) == len(jieba_tags)
    for word in list(jieba_tags)[::7] + list(an.get_segmenter().entries["word"]):
        assert table.get(word) == jieba_tags[word], word
    assert table.get("不是一个词语吧") is None
    assert table.get("") is None
    assert "招商引资" in table
    words = list(jieba_tags)[::50] + ["不是一个词语吧", "", "中国\x00", "\x00", "招商引资", "龘龘"]
    assert table.get_many(words) == [table.get(w) for w in words]
    assert table.get_many(["中国\x00"]) == [None] and table.get("中国") is not None


def test_tagger_equals_jieba_posseg_on_the_seed(speeches, jieba_posseg):
    seg = an.get_segmenter()
    ours, theirs = fastpos.POSCutter(seg.tk, seg.tags), jieba_posseg
    for paragraph in "\n".join(speeches["text"]).split("\n")[:400]:
        assert [tuple(p) for p in ours.lcut(paragraph)] == [tuple(p) for p in theirs.lcut(paragraph)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET + "ab1 2.5G\r\n，。%＃①", min_size=1, max_size=24))
def test_tagger_equals_jieba_posseg_on_arbitrary_text(jieba_posseg, s):
    seg = an.get_segmenter()
    assert fastpos.POSCutter(seg.tk, seg.tags).lcut(s) == [tuple(p) for p in jieba_posseg.lcut(s)]


@pytest.mark.slow
def test_unknown_words_are_tagged_as_jieba_posseg_tags_them(tokens, provincial, jieba_posseg, provincial_tokens):
    """The segmenter hands posseg only the dictionary entries found inside the words it tags."""
    from analysis.segmentation.segmenter import Segmenter
    seg = Segmenter()
    seg.tagger.learned = {}  # no tags kept from earlier runs
    words = unknown_words(tokens) + unknown_words(provincial_tokens)
    expected = [max(jieba_posseg.lcut(w), key=lambda p: len(p.word)).flag for w in words]
    assert seg.tags_of(words) == expected
    assert len(seg.tagger._posseg.tokenizer.FREQ) < 100_000  # not jieba's whole dictionary


def test_a_segmenter_does_not_load_jieba_posseg_until_a_word_needs_it():
    # importing jieba.posseg re-reads jieba's whole dictionary (half a second of every run):
    # the tag tables stand in for it, and only a word no dictionary lists needs its model
    import subprocess
    import sys

    an.get_segmenter()  # the dictionaries built (and cached) here, if they were not
    code = "import sys, analysis as an; an.get_segmenter(); print('jieba.posseg' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False"


def test_a_tag_table_of_short_and_long_words_finds_each_as_a_dict_would():
    tags = {"发展": "vn", "一": "m", "招商引资": "l", "中华人民共和国": "ns", "全面建成小康社会": "l", "𠀀字": "n"}
    table = fastpos.TagTable.from_dict(tags)
    assert len(table) == len(tags) and sorted(table.words) == sorted(tags)
    queries = list(tags) + ["", "发", "中华人民", "全面建成小康社会吧", "发展\x00", "\x00"]
    assert table.get_many(queries) == [tags.get(q) for q in queries]
    assert [table.get(q) for q in queries] == [tags.get(q) for q in queries]
    only_short = fastpos.TagTable.from_dict({"发展": "vn"})
    assert only_short.get_many(["发展", "中华人民共和国"]) == ["vn", None]
