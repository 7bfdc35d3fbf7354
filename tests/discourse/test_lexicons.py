"""The word lists formulas are judged by: the 成语 lexicon and jieba's own dictionary."""
from pathlib import Path

from analysis.discourse import lexicons


def test_the_idiom_lexicon_and_jiebas_tags():
    assert len(lexicons.idiom_lexicon()) == 29502 and "全力以赴" in lexicons.idiom_lexicon()
    assert lexicons.idiom_evidence("全力以赴") == lexicons.IDIOM_LEXICON
    assert lexicons.idiom_evidence("互惠互利", "i") == lexicons.IDIOM_BY_TAG
    assert lexicons.idiom_evidence("不惜代价", "i") == lexicons.SET_EXPRESSION  # the project's list before the tag
    assert lexicons.idiom_evidence("今年以来", "l") == ""  # a set phrase of the field, no idiom
    assert lexicons.set_phrase("稳中求进") and not lexicons.set_phrase("全力以赴")


def test_general_frequencies_are_jiebas_own_and_kept_on_disk(tmp_path, monkeypatch):
    from analysis import config

    monkeypatch.setattr(config, "CACHE_DIR", tmp_path)
    lexicons.jieba_dictionary.cache_clear()
    try:
        general = lexicons.jieba_dictionary()
        total = general.total
        assert total > 60_000_000 and general.frequencies(["发展"])[0] > 0 and general.get("发展") == "vn"
        # the project's user dictionary is left out on purpose
        assert general.get("一把手工程") is None and general.frequencies(["一把手工程", "", "发展\x00"]).tolist() == [0, 0, 0]
        assert list(tmp_path.glob("jieba/general-*.pkl"))
        lexicons.jieba_dictionary.cache_clear()
        assert lexicons.jieba_dictionary().total == total  # read back from disk
        import jieba

        with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as f:
            some = [line.split() for _, line in zip(range(2000), f)]
        assert general.frequencies([w for w, _, _ in some]).tolist() == [int(n) for _, n, _ in some]
        assert [general.get(w) for w, _, _ in some] == [t for _, _, t in some]
    finally:
        lexicons.jieba_dictionary.cache_clear()


def test_national_formulas_set_phrases_and_the_congresses_numbered_formulas():
    assert {"小康社会", "依法治国", "中国梦", "以经济建设为中心"} <= lexicons.NATIONAL_FORMULAS
    assert lexicons.set_phrase("改革开放") and lexicons.set_phrase("共同富裕")  # tagged nz by jieba
    text = "实现四个现代化，为两个一百年奋斗，坚持三个有利于，坚持两个基本点，4个现代化，坚持四项基本原则。"
    found = [m.group(0) for m in lexicons.NUMBERED_FORMULA.finditer(text)]
    assert found == ["四个现代化", "两个一百年", "三个有利于", "两个基本点", "4个现代化", "四项基本原则"]  # not 四项基本


def test_set_phrases_are_set_phrase_of_each_word():
    import numpy as np

    words = lexicons.jieba_dictionary().words[::37] + ["稳中求进", "攻坚战", "改革开放", "全力以赴", "", "发展\x00"]
    assert lexicons.set_phrases(words).tolist() == [lexicons.set_phrase(w) for w in words]
    assert lexicons.set_phrases(words).sum() > 100 and lexicons.set_phrases([]).dtype == np.bool_
