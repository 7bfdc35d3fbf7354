"""Boilerplate: what a collection repeats at the same place is reported, never ranked as a formula."""
import pandas as pd

import analysis as an

OPENING = "现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员提出意见。"
FOOTER = "本文来源：某某市人民政府门户网站，转载请注明出处。"
BODIES = ["今年要抓项目、抓招商、抓落实，坚持“稳中求进”。", "要扑下身子抓项目，坚持“稳中求进”，全力以赴。",
          "坚持“稳中求进”，抓开工、抓进度、抓投产。", "要抓项目建设，坚持“稳中求进”，打好攻坚战。"]


def _speeches():
    texts = [OPENING + body * 6 + FOOTER for body in BODIES]
    return pd.DataFrame({"speech": [1, 2, 3, 4], "text": texts})


def test_fixed_opening_and_footer_are_boilerplate_with_their_place():
    sp = _speeches()
    table = an.boilerplate(an.boilerplate_spans(sp), len(sp)).set_index("text")
    assert table.loc[OPENING.rstrip("。"), "position"] == "opening"
    assert table.loc[FOOTER.rstrip("。"), "position"] == "closing"
    assert (table["n_documents"] == 4).all()
    assert not any("稳中求进" in t for t in table.index)  # used in every body: a formula, not boilerplate


def test_formulas_inside_boilerplate_are_not_ranked():
    sp = an.read_compilation(text="\n".join(f"第{n}篇：在全市会议上的讲话\n同志们：\n{t}" for n, t in
                                            zip("一二三四", _speeches()["text"]))).speeches
    found = an.slogans(sp, an.tokenize(sp), reference=an.load_reference())
    kept = an.outside_boilerplate(found, an.boilerplate_spans(sp))
    assert len(kept) < len(found)  # the finder did find something in the boilerplate: it is set aside
    ranked = set(an.recurring_slogans(kept)["formula"])
    assert "稳中求进" in ranked
    assert not {"请予审议", "转载请注明出处"} & ranked


def test_a_corpus_without_boilerplate_reports_none(speeches):
    assert an.boilerplate(an.boilerplate_spans(speeches), len(speeches)).empty


def test_rows_inside_spans_are_those_a_span_of_their_own_speech_contains():
    """The bisection over spans (overlapping and nested ones too) gives what pairing every row with
    every span of its speech gives."""
    import numpy as np

    from analysis.discourse.boilerplate import outside_boilerplate

    rng = np.random.default_rng(7)
    starts = rng.integers(0, 200, 40)
    spans = pd.DataFrame({"speech": rng.integers(1, 6, 40), "start": starts, "end": starts + rng.integers(1, 60, 40),
                          "text": "…"})
    a = rng.integers(0, 250, 3000)
    found = pd.DataFrame({"speech": rng.integers(1, 8, 3000), "start": a, "end": a + rng.integers(1, 12, 3000)})
    expected = [not any(s == r.speech and b <= r.start and r.end <= e for s, b, e in
                        zip(spans["speech"], spans["start"], spans["end"])) for r in found.itertuples()]
    kept = outside_boilerplate(found, spans)
    assert kept.index.tolist() == found.index[expected].tolist()
    assert 0 < len(kept) < len(found)


def test_edge_units_made_chunk_by_chunk_give_the_spans_of_the_whole():
    from analysis.discourse.boilerplate import edge_units

    sp = _speeches()
    sp.loc[2, "text"] = sp.loc[2, "text"].replace("向大会报告工作", "向大会 报告工作")  # counted spaces squeezed
    whole = an.boilerplate_spans(sp)
    by_chunks = pd.concat([edge_units(sp.iloc[:1]), edge_units(sp.iloc[1:])], ignore_index=True)
    pd.testing.assert_frame_equal(an.boilerplate_spans(sp, units=by_chunks), whole)
    assert set(whole["speech"]) == {1, 2, 3, 4} and len(whole) == 8


def test_edge_units_kept_by_chunk_are_read_one_chunk_at_a_time_with_their_documents_summed():
    """The candidates can wait where their chunk was made: each chunk's documents per hash, summed,
    decide which are read back, and the spans are those of the whole."""
    from analysis.discourse.boilerplate import edge_documents, edge_units, summed_documents

    sp = _speeches()
    whole = an.boilerplate_spans(sp)
    chunks = [edge_units(sp.iloc[[0]]), edge_units(sp.iloc[[1, 2]]), edge_units(sp.iloc[[3]])]
    documents = summed_documents([edge_documents(u) for u in chunks])
    assert documents.max() == 4 and documents.dtype == "int64"
    read = []

    def one_at_a_time():
        for k, units in enumerate(chunks):
            read.append(k)
            yield units

    pd.testing.assert_frame_equal(an.boilerplate_spans(sp, units=one_at_a_time(), documents=documents), whole)
    assert read == [0, 1, 2] and len(whole) == 8
    empty = an.boilerplate_spans(sp.iloc[:0], units=iter([]), documents=documents.iloc[:0])
    assert empty.empty and list(empty.columns) == list(whole.columns)


def test_a_unit_sharing_the_hash_of_boilerplate_is_not_counted_with_it():
    from analysis.discourse.boilerplate import edge_units

    sp = _speeches()
    sp["text"] = [f"这是第{n}次全体会议的开幕。" + text for n, text in zip("一二三四", sp["text"])]
    units = edge_units(sp)
    firsts = units.index[(units["start"] == 0) & (units["end"] == 12)]  # 这是第n次全体会议的开幕: one document each
    assert units.loc[firsts, "speech"].nunique() == 4
    # given the opening's hash, counted by hash they would be in four documents
    units.loc[firsts, "key"] = units.loc[(units["start"] == 13) & (units["end"] == 13 + len(OPENING) - 1), "key"].iloc[0]
    pd.testing.assert_frame_equal(an.boilerplate_spans(sp, units=units), an.boilerplate_spans(sp))
    assert not (an.boilerplate_spans(sp)["start"] == 0).any()


def test_finding_boilerplate_never_holds_a_copy_of_the_corpus():
    """Whether a sentence is also written in the documents' bodies is counted a document at a time:
    the corpus joined into one string would be a copy of all of it (a large corpus's hundreds of MiB)."""
    import tracemalloc

    from analysis.discourse.boilerplate import edge_units

    # twenty documents of 30,000 characters, each body its own long sentences
    bodies = ["".join(f"要抓{chr(0x4E00 + k * 300 + j)}" + "项目建设产业发展" * 12 + "。" for j in range(300))
              for k in range(20)]
    sp = pd.DataFrame({"speech": range(1, 21), "text": [OPENING + b + FOOTER for b in bodies]})
    units = edge_units(sp)
    tracemalloc.start()
    spans = an.boilerplate_spans(sp, units=units)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    corpus_bytes = sum(2 * len(t) for t in sp["text"])  # two bytes a character, as Python holds them
    assert set(spans["text"]) == {OPENING.rstrip("。"), FOOTER.rstrip("。")}
    assert peak < corpus_bytes / 4, (peak, corpus_bytes)
