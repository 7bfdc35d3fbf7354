"""A short, distinct, visible name for every document."""
import json

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


def test_a_report_given_at_a_party_congress_is_named_by_the_congress():
    rows = pd.DataFrame({"speech": [1, 2, 3, 4], "year": [1992, 1997, 1921, 1921], "speaker": ["江泽民", "江泽民", None, None],
                         "title": ["加快改革开放和现代化建设步伐 (十四大)", "在中国共产党第十五次全国代表大会上的报告",
                                   "北京共产主义组织的报告 (一大)", "廣州共產黨報告 (一大)"],
                         "file": ["c.jsonl:1", "c.jsonl:2", "c.jsonl:3", "c.jsonl:4"]})
    # the congress, not the speaker who gave three; a place still tells two reports to one congress apart
    assert speech_labels(rows).tolist() == ["1992 十四大", "1997 十五大", "1921 北京", "1921 廣州"]
    topic = rows.assign(title=["学习贯彻党的二十大精神"] * 4, speaker=["江泽民", "胡锦涛", "李鹏", "朱镕基"])
    assert speech_labels(topic).tolist() == ["1992 江泽民", "1997 胡锦涛", "1921 李鹏", "1921 朱镕基"]


def test_a_file_named_by_its_year_is_labelled_by_it_once(tmp_path):
    for name in ("1921.txt", "1921_2.txt", "1945.txt", "2024年政府工作报告.txt"):
        (tmp_path / name).write_text("同志们：\n要抓项目、抓招商。\n", encoding="utf-8")
    labels = an.read_corpus(tmp_path).speeches.set_index("file")["label"]
    assert labels.to_dict() == {"1921.txt": "1921", "1921_2.txt": "1921_2", "1945.txt": "1945",
                                "2024年政府工作报告.txt": "2024年政府工作报告"}


def test_a_shared_label_gets_its_year_when_that_tells_it_apart_else_its_number():
    sp = pd.DataFrame({"speech": [1, 2, 3, 4], "file": [f"p.jsonl:{k}" for k in range(1, 5)],
                       "title": ["在全市招商大会上的讲话"] * 3 + ["在项目推进会上的讲话"], "year": [2010, 2010, 2011, 2010],
                       "date": [None] * 4})
    assert speech_labels(sp).tolist() == ["2010 全市招商 #1", "2010 全市招商 #2", "2011 全市招商", "2010 项目推进会"]


def test_a_metadata_column_naming_the_place_names_the_document(tmp_path):
    rows = [{"province": "浙江", "year": 2023, "content": "同志们：\n要抓项目。"},
            {"province": "全国", "year": 2024, "content": "同志们：\n要抓招商。"},
            {"省份": "广西壮族自治区", "year": 2024, "content": "同志们：\n要抓落实。"}]
    (tmp_path / "posts.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert an.read_corpus(tmp_path / "posts.jsonl").speeches["label"].tolist() == ["2023 浙江", "2024", "2024 广西"]
