"""Property-based tests: arbitrary text never crashes the reader, the cleaner or the extractor."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis as an
from analysis.chinese import is_han
from analysis.reading.cleaning import clean_body, text_to_source

ALPHABET = st.sampled_from(list("招商引资项目推进会讲话同志们第一篇二三四五十百千万亿元亩%％．.，。、；：！？“”（）XxX0123456789 \n\r\u3000-至个"))
speechy = st.text(ALPHABET, min_size=0, max_size=300)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(speechy)
def test_reader_raises_only_its_own_errors(text):
    try:
        comp = an.read_compilation(text=text)
    except an.CorpusError:
        return
    spans = comp.spans.sort_values("start")
    assert "".join(spans["text"]) == text
    for row in comp.speeches.itertuples():
        for i, ch in enumerate(row.text):
            assert text[text_to_source(row.source_map, i)] == ch


@SETTINGS
@given(speechy)
def test_cleaning_never_drops_a_chinese_character(text):
    clean = clean_body(text, 0, len(text))
    # but a page number's (第3页 alone on its line), which is the page's, not the speech's
    pages = {i for d in clean.deletions if d.reason == "page_number" for i in range(d.start, d.end)}
    assert [c for c in clean.text if is_han(c)] == [c for i, c in enumerate(text) if is_han(c) and i not in pages]
    for i, ch in enumerate(clean.text):
        assert text[text_to_source(clean.runs, i)] == ch


@SETTINGS
@given(speechy)
def test_numbers_offsets_always_match(text):
    frame = an.extract_numbers(text)
    for r in frame.itertuples():
        assert text[r.start:r.end] == r.surface
        assert r.masked or r.value == r.value or r.kind == "number"


def test_a_line_is_trimmed_of_web_text_spaces_zero_width_and_bom_included():
    # a zero-width space or a BOM is no str.isspace() white space, but web text indents with it
    source = "\ufeff\u200b\u3000招商引资是一号工程。\n项目推进要快。"
    clean = clean_body(source, 0, len(source))
    assert clean.text == "招商引资是一号工程。\n项目推进要快。"
    assert [(d.start, d.end, d.reason) for d in clean.deletions] == [(0, 3, "indent")]


def test_a_page_number_alone_on_its_line_is_dropped_and_the_sentence_it_splits_joined():
    for footer in ("— 3 —", "- 12 -", "·3·", "第3页 共20页", "第 3 页", "Page 3 of 20"):
        source = f"一、抓项目\n要坚持项目为王，加快\n{footer}\n建设一批重大项目。\n二、抓招商\n"
        clean = clean_body(source, 0, len(source))
        assert clean.text == "一、抓项目\n要坚持项目为王，加快建设一批重大项目。\n二、抓招商", footer
        assert "page_number" in [d.reason for d in clean.deletions]
    # a year or a bare number on its line stays: a library's footnote mark is [\n2\n]
    for line in ("— 2024 —", "2", "[", "-2.5%"):
        source = f"要坚持项目为王。\n{line}\n建设一批重大项目。\n"
        assert line in clean_body(source, 0, len(source)).text, line
    sp = an.read_compilation(text="同志们：\n投资增长5%左右，\n— 2 —\n利用外资增长10%。\n").speeches
    assert an.numeric_targets(sp)["surface"].tolist() == ["5%左右", "10%"]  # the page is no quantity


def test_a_body_line_laid_out_one_character_at_a_time_loses_its_gaps_and_keeps_every_character():
    source = "同志们：\n今 年 全 市 投 资 增 长 1 0 % ， 引 进 M 1 0 2 线 项 目 。\nPublic domain and more，增长 5% 左右。"
    clean = clean_body(source, 0, len(source))
    assert clean.text.splitlines()[1] == "今年全市投资增长10%，引进M102线项目。"
    assert clean.text.splitlines()[2] == "Public domain and more，增长 5% 左右。"  # a few spaces: kept
    assert {d.reason for d in clean.deletions} == {"stray_space"}
    kept = "".join(source[s:s + n] for _, s, n in clean.runs)
    assert kept == clean.text and kept.replace(" ", "") == source.replace(" ", "")


def test_the_audiences_part_in_a_transcript_is_deleted_with_its_reason():
    source = ("同志们：\n我们要抓项目、抓招商。（掌声）\n去年增长15%。（热烈掌声）\n"
              "我们一定能够实现目标！（全场起立，长时间热烈鼓掌）（笑声）\n他的讲话（摘要）很长。\n")
    clean = clean_body(source, 0, len(source))
    assert "掌声" not in clean.text and "鼓掌" not in clean.text and "笑声" not in clean.text
    assert "（摘要）" in clean.text  # a bracket that is no audience's part stays
    removed = [source[d.start:d.end] for d in clean.deletions if d.reason == "stage_direction"]
    assert removed == ["（掌声）", "（热烈掌声）", "（全场起立，长时间热烈鼓掌）（笑声）"]
