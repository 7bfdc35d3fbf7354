"""analysis.segmentation.cutter cuts text into the very words jieba.Tokenizer.lcut gives."""
import jieba
import jieba.finalseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis as an
from analysis.segmentation import cutter as fastcut


@pytest.fixture(scope="module")
def seg():
    return an.get_segmenter()


@pytest.mark.slow
def test_equals_jieba_on_every_speech_of_both_corpora(seg, speeches, provincial):
    texts = speeches["text"].tolist() + provincial["text"].tolist()
    assert sum(map(len, texts)) > 400_000
    for text in texts:
        assert seg.cutter.lcut(text) == seg.tk.lcut(text)


def test_equals_jieba_on_long_runs_and_across_batches(seg, speeches, monkeypatch):
    text = "".join(speeches["text"])
    # one run of 16,000 Chinese characters: most of the route is found one position at a time
    run = "".join(c for c in text if "\u4e00" <= c <= "\u9fd5")
    assert len(run) > 15_000
    assert seg.cutter.lcut(run) == seg.tk.lcut(run)
    monkeypatch.setattr(fastcut, "_BATCH_CHARS", 300)  # many batches, some runs longer than one
    assert seg.cutter.lcut(text) == seg.tk.lcut(text)
    assert seg.cutter.lcut(run[:2000] + "，" + text[:3000]) == seg.tk.lcut(run[:2000] + "，" + text[:3000])


# corpus words, dictionary-only characters, characters jieba's HMM has never seen, ASCII that
# jieba's runs take in (+#&._%-), white space of every kind and punctuation
PIECES = ["招商引资", "项目推进", "一把手工程", "新质生产力", "开工率", "亿元", "鑫犇淼", "嬲巭", "的", "了", "在",
          "AI", "5G", "10.5%", "C++", "a-b", "x", "XX", " ", "\n", "\r\n", "\r", "\t", "\u3000", "，", "。", "“", "”",
          "（", "）", "—", "γ射线", "Ｔ恤", "\U00020000"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.text(max_size=30))
def test_equals_jieba_on_arbitrary_text(seg, pieces, noise):
    text = "".join(pieces) + noise + "".join(reversed(pieces))
    assert seg.cutter.lcut(text) == seg.tk.lcut(text)


def _jieba_with(freq: dict[str, int], total: int) -> jieba.Tokenizer:
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = dict(freq), total, True
    return tk


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(alphabet="甲乙丙丁ab", min_size=1, max_size=4), st.integers(0, 6), max_size=25),
       st.text(alphabet="甲乙丙丁ab，", max_size=40))
def test_equals_jieba_under_any_small_dictionary(freq, text):
    """Small counts make exact ties between routes common (jieba takes the longer first word);
    a word whose prefix is missing is never reached, by jieba or here."""
    total = sum(freq.values()) + 1
    cutter = fastcut.Cutter(fastcut.Trie.from_freq(freq, total))
    assert cutter.lcut(text) == _jieba_with(freq, total).lcut(text)


def test_a_tie_goes_to_the_longer_first_word():
    freq = {"甲": 1, "乙": 1, "甲乙": 3, "乙甲": 3}
    # 甲乙|甲 and 甲|乙甲 are equally likely: jieba keeps the first that ends later
    cutter = fastcut.Cutter(fastcut.Trie.from_freq(freq, 10))
    assert cutter.lcut("甲乙甲") == _jieba_with(freq, 10).lcut("甲乙甲") == ["甲乙", "甲"]


def test_empty_and_runless_text(seg):
    for text in ["", " ", "，。\n", "\r\n\r\n"]:
        assert seg.cutter.lcut(text) == seg.tk.lcut(text)


HMM_ALPHABET = "招商引资项目推进开工率的了是在鑫犇淼嬲巭aZ09.%，\u3000 "


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=HMM_ALPHABET, max_size=25), max_size=12))
def test_hmm_equals_jieba_finalseg(bufs):
    assert fastcut.hmm_cut(bufs) == [list(jieba.finalseg.cut(b)) for b in bufs]


def test_hmm_keeps_jieba_force_split_words(monkeypatch):
    bufs = ["鑫犇淼嬲巭招商", "嬲巭"]
    joined = [w for w in fastcut.hmm_cut(bufs)[0] if len(w) > 1]
    assert joined, "the HMM joins some of these characters"
    monkeypatch.setattr(jieba.finalseg, "Force_Split_Words", {joined[0]})
    assert fastcut.hmm_cut(bufs) == [list(jieba.finalseg.cut(b)) for b in bufs]
    assert joined[0] not in fastcut.hmm_cut(bufs)[0]


def test_a_dictionary_never_inherits_another_ones_force_splits(tmp_path):
    """A word given frequency 0 is split by its own dictionary's segmenter only: jieba keeps such
    words in one set for the whole process, and a second dictionary used to inherit them."""
    import analysis as an

    text = "邬大光同志出席了会议。"
    splits = tmp_path / "splits.txt"
    splits.write_text("邬大光 0\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("招商引资 n\n", encoding="utf-8")
    assert an.get_segmenter(splits).lcut(text, cache=False)[:3] == ["邬", "大", "光"]
    assert an.get_segmenter(plain).lcut(text, cache=False)[0] == "邬大光"
    an.clear_caches()
    assert an.get_segmenter(plain).lcut(text, cache=False)[0] == "邬大光"  # built again, from the cache on disk
