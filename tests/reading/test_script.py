"""Traditional Chinese is read through its Simplified form, with the original characters kept."""
import analysis as an


def test_traditional_report_gets_its_metadata(fixtures):
    sp = an.read_corpus(fixtures / "traditional_report.txt").speeches.iloc[0]
    assert sp["script"] == "traditional" and sp["label"] == "北京"
    assert sp["title"] == "2026年北京市政府工作報告"  # as written
    assert sp["speaker"] == "殷勇" and sp["role"] == "北京市市长" and sp["date"] == "2026-01-25"
    assert sp["salutation"] == "各位代表："
    assert sp["text"].startswith("現在，我代表市人民政府") and sp["text_simplified"].startswith("现在，我代表市人民政府")


def test_offsets_hold_in_the_original_characters(fixtures):
    speeches = an.read_corpus(fixtures / "traditional_report.txt").speeches
    text = speeches["text"].iloc[0]
    numbers = an.numeric_targets(speeches)
    assert {"5.2%左右", "5.2萬億元", "0.4個百分點"} <= set(numbers["surface"])
    for r in numbers.itertuples():
        assert text[r.start:r.end] == r.surface
    units = dict(zip(numbers["surface"], numbers["unit"]))
    assert units["5.2萬億元"] == "万亿元" and units["0.4個百分點"] == "个百分点"
    tokens = an.tokenize(speeches)
    assert (tokens["end"] <= len(text)).all()
    assert "个" not in set(an.term_counts(tokens, content_only=True)["term"])  # 個 is a measure word, not content


def test_traditional_words_are_counted_in_their_simplified_form(fixtures):
    tokens = an.tokenize(an.read_corpus(fixtures / "traditional_report.txt").speeches)
    terms = set(an.term_counts(tokens)["term"])
    assert {"生产总值", "报告", "项目"} <= terms and "報告" not in terms


def test_simplified_texts_are_left_alone(speeches):
    assert (speeches["script"] == "simplified").all() and speeches["text_simplified"].isna().all()
