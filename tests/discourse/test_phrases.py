"""Word sequences in clauses: the candidates' shape, and variants with words inserted."""
import analysis as an
from analysis.discourse.phrases import candidate_occurrences, clauses, pieces, variant_occurrences


def _clauses(*bodies):
    text = "".join(f"第{n}篇：在全市项目推进会上的讲话\n同志们：\n{b}\n" for n, b in enumerate(bodies, 1))
    return clauses(an.tokenize(an.read_compilation(text=text).speeches))


def test_a_candidate_has_a_formulas_shape():
    c = _clauses("要全程服务，这项工作很重要，主要领导要带头。", "全程服务企业，这项工作要落实，主要领导要过问。")
    found = {"".join(k) for k in candidate_occurrences(c)}
    assert "全程服务" in found
    assert not found & {"这项工作", "主要领导"}  # a deictic opens one, a light head ends the other


def test_fillers_are_skipped_and_numbers_end_a_clause():
    c = _clauses("主要领导要亲自抓，增长5%以上。", "主要领导亲自抓，增长6%以上。")
    assert "要" not in set(c.word) and "5" not in set(c.word)
    assert ("主要", "领导", "亲自", "抓") in candidate_occurrences(c)  # the same four words in both


def test_variants_with_words_inserted_start_and_end_on_a_words_edge():
    c = _clauses("要积极承接产业转移。", "成为承接东南沿海产业梯度转移的高地。", "承接产业的转移。")
    found = variant_occurrences(c, frozenset({("承接", "产业转移")}), max_gap=6)
    assert [s for s, _, _ in found[("承接", "产业转移")]] == [1, 2, 3]
    assert pieces(("承接", "产业转移")) == ("承接", "产业", "转移")
    assert variant_occurrences(c, frozenset({("承接", "产业转移")}), max_gap=1)[("承接", "产业转移")][0][0] == 1


def test_the_nations_name_is_no_name_and_long_noun_runs_are_measured():
    c = _clauses("坚持中国特色社会主义，云南高原特色农业，壮大产业集群，构建人类命运共同体。",
                 "发展中国特色社会主义，云南高原特色农业，发展产业集群，推动人类命运共同体。")
    found = {"".join(k) for k in candidate_occurrences(c)}
    assert {"中国特色社会主义", "人类命运共同体"} <= found  # 中国 is the nation; three nouns name a policy
    assert not found & {"产业集群", "云南高原特色农业"}  # two nouns are a term; 云南 is a place
    assert not c.name[list(c.word).index("中国")] and c.name[list(c.word).index("云南高原")]
