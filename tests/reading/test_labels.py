"""A short, distinct, visible name for every document."""
import pandas as pd

import analysis as an
from analysis.reading.labels import place_labels, place_of, speech_labels


def test_places_are_read_from_titles_and_file_names():
    assert place_of("2026_内蒙古自治区_政府工作报告") == "内蒙古"
    assert place_of(None, "杭州市市长") == "杭州"
    assert place_of("在全市推进会上的讲话") is None
    assert place_labels(["上海", "2024 习近平", "浙江", "上海"]) == ("上海", "浙江")


def test_labels_are_distinct_and_never_empty(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("同志们：\n要抓项目、抓招商。\n", encoding="utf-8")
    labels = an.read_corpus(tmp_path).speeches["label"]
    assert labels.is_unique and labels.str.strip().str.len().gt(0).all()


def test_documents_of_several_years_carry_their_year(yearly_reports):
    labels = speech_labels(yearly_reports)
    assert isinstance(labels, pd.Series) and labels.str.contains("2020").any() and labels.is_unique


def test_an_untitled_file_is_named_by_its_file_and_a_table_row_by_its_number(tmp_path):
    (tmp_path / "untitled.txt").write_text("同志们：\n要抓项目、抓招商。\n", encoding="utf-8")
    (tmp_path / "讲话汇编.txt").write_text("第一篇\n同志们：\n要抓开工。\n第二篇\n同志们：\n要抓进度。\n", encoding="utf-8")
    labels = an.read_corpus(tmp_path).speeches.set_index("file")["label"]
    assert labels["untitled.txt"] == "untitled"
    assert not labels["讲话汇编.txt"].str.contains("讲话汇编").any()  # a file of two speeches names neither
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"text": "同志们：\\n要抓项目。"}\n{"text": "同志们：\\n要抓招商。"}\n', encoding="utf-8")
    assert an.read_corpus(rows).speeches["label"].tolist() == ["第1篇", "第2篇"]
