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
    assert [c for c in clean.text if is_han(c)] == [c for c in text if is_han(c)]
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
