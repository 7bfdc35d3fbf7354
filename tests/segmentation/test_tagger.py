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


def test_tagger_equals_jieba_posseg_on_the_seed(speeches, jieba_tags):
    seg = an.get_segmenter()
    ours = fastpos.POSTokenizer(seg.tk, seg.tags)
    theirs = jieba.posseg.POSTokenizer(seg.tk)
    theirs.word_tag_tab = jieba_tags
    for paragraph in "\n".join(speeches["text"]).split("\n")[:400]:
        assert [tuple(p) for p in ours.lcut(paragraph)] == [tuple(p) for p in theirs.lcut(paragraph)]


@pytest.mark.slow
def test_unknown_words_are_tagged_as_jieba_posseg_tags_them(tokens, provincial, jieba_tags, provincial_tokens):
    """The segmenter hands posseg only the dictionary entries found inside the words it tags."""
    from analysis.segmentation.segmenter import Segmenter
    seg = Segmenter()
    seg.tagger.learned = {}  # no tags kept from earlier runs
    words = unknown_words(tokens) + unknown_words(provincial_tokens)
    theirs = jieba.posseg.POSTokenizer(an.get_segmenter().tk)
    theirs.word_tag_tab = jieba_tags
    expected = [max(theirs.lcut(w), key=lambda p: len(p.word)).flag for w in words]
    assert seg.tags_of(words) == expected
    assert len(seg.tagger._posseg.tokenizer.FREQ) < 100_000  # not jieba's whole dictionary
