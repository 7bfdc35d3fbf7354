"""Years and dates for every document the corpus dates; labels a reader knows; metadata beside files."""
import warnings

import pytest

import analysis as an

BODY = "各位代表：\n现在，我代表政府向大会报告工作。过去一年，经济运行稳中向好。"


def _folder(tmp_path, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name,year,date", [
    ("1954_政府工作报告.txt", 1954, None),
    ("政府工作报告_2024.txt", 2024, None),
    ("2024-03-05.txt", 2024, "2024-03-05"),
    ("report20190305.txt", 2019, "2019-03-05"),
    ("１９８４年报告.txt", 1984, None),
    ("一九五四年政府工作报告.txt", 1954, None),  # as archives name them
    ("二〇二四年 报告.txt", 2024, None),
])
def test_years_from_file_names(tmp_path, name, year, date):
    sp = an.read_corpus(_folder(tmp_path, {name: BODY, "other.txt": BODY})).speeches
    row = sp[sp["file"] == name].iloc[0]
    assert row["year"] == year and row["date_source"] == "file name"
    assert (row["date"] if isinstance(row["date"], str) else None) == date


@pytest.mark.parametrize("subtitle,date", [
    ("——１９８４年５月１５日在第六届全国人民代表大会第二次会议上", "1984-05-15"),
    ("——1 9 9 7 年 3 月 1 日在第八届全国人民代表大会第五次会议上", "1997-03-01"),
    ("（2022年10月16日）", "2022-10-16"),
])
def test_dates_from_title_blocks_in_full_width_and_spaced_digits(subtitle, date):
    sp = an.read_compilation(text=f"政府工作报告\n{subtitle}\n{BODY}").speeches
    assert sp["date"].item() == date and sp["year"].item() == int(date[:4])
    assert sp["date_source"].item() == "title block"


def test_title_block_over_several_lines_gives_the_speaker():
    text = ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　\n李　强\n" + BODY)
    sp = an.read_compilation(text=text).speeches
    assert sp["speaker"].item() == "李强" and sp["role"].item() == "国务院总理" and sp["title"].item() == "政府工作报告"


def test_two_line_title_then_date_then_spaced_name():
    text = ("高举中国特色社会主义伟大旗帜\n\n为全面建设社会主义现代化国家而团结奋斗\n\n——在中国共产党第二十次全国代表大会上的报告"
            "\n\n（2022年10月16日）\n\n习　近　平\n\n同志们：\n现在，我代表第十九届中央委员会向大会作报告。")
    sp = an.read_compilation(text=text).speeches
    assert sp["speaker"].item() == "习近平" and sp["date"].item() == "2022-10-16"
    assert sp["title"].item() == "高举中国特色社会主义伟大旗帜为全面建设社会主义现代化国家而团结奋斗"
    assert sp["text"].item().startswith("现在，我代表")


def test_year_named_files_get_year_labels(tmp_path):
    files = {f"{y}_政府工作报告.txt": f"政府工作报告\n{BODY}" for y in (1954, 1978, 2024)}
    sp = an.read_corpus(_folder(tmp_path, files)).speeches
    assert sp["label"].tolist() == ["1954", "1978", "2024"]


def test_labels_are_never_empty_or_invisible_and_stay_distinct(tmp_path):
    files = {"a.txt": f"\u200b\n{BODY}", "b.txt": f"\u200b\n{BODY}", "c.txt": BODY}
    labels = an.read_corpus(_folder(tmp_path, files)).speeches["label"]
    assert labels.is_unique
    assert all(an.chinese.visible(label) == label.replace(" ", "") and label.strip() for label in labels)


def test_places_keep_their_labels_in_one_year(tmp_path):
    files = {"2026_上海市_政府工作报告.txt": BODY, "2026_云南省_政府工作报告.txt": BODY}
    assert an.read_corpus(_folder(tmp_path, files)).speeches["label"].tolist() == ["上海", "云南"]


def test_places_over_several_years_carry_the_year(tmp_path):
    files = {"2025_上海市_政府工作报告.txt": BODY, "2026_上海市_政府工作报告.txt": BODY, "2026_云南省_政府工作报告.txt": BODY}
    assert an.read_corpus(_folder(tmp_path, files)).speeches["label"].tolist() == ["2025 上海", "2026 上海", "2026 云南"]


def test_metadata_csv_joins_by_file_and_warns_of_missing_and_extra_files(tmp_path):
    folder = _folder(tmp_path, {"a.txt": BODY, "b.txt": BODY, "c.txt": BODY})
    (folder / "metadata.csv").write_text("file,year,province\na.txt,2001,上海\nb,2002,云南\nz.txt,2003,北京\n",
                                         encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sp = an.read_corpus(folder).speeches
    messages = [str(w.message) for w in caught if issubclass(w.category, an.CorpusWarning)]
    assert any("metadata.csv" in m and "z.txt" in m and "not read" in m for m in messages)
    assert any("metadata.csv" in m and "does not name c.txt" in m for m in messages)
    assert sp["year"].tolist()[:2] == [2001, 2002] and sp["province"].tolist()[:2] == ["上海", "云南"]
    assert sp["date_source"].tolist()[:2] == ["metadata", "metadata"]


def test_metadata_without_a_file_column_is_one_line(tmp_path):
    folder = _folder(tmp_path, {"a.txt": BODY})
    (folder / "metadata.csv").write_text("name,year\na,2001\n", encoding="utf-8")
    with pytest.raises(an.TableError, match=r"metadata\.csv: has no file column"):
        an.read_corpus(folder)


def test_provincial_reports_carry_their_region():
    sp = an.read_corpus(an.config.PROVINCIAL_CORPUS).speeches
    assert set(sp["region"]) == {"东部", "中部", "西部", "东北"}
    assert (sp["year"] == 2026).all() and sp["label"].iloc[0] == "上海"


def test_a_report_given_at_a_party_congress_is_dated_by_the_congress(tmp_path):
    import json


    rows = [{"title": "北京共产主义组织的报告 (一大)", "content": "同志们，北京共产主义组织仅仅是在十个月以前才产生的。"},
            {"title": "在中国共产党第九次全国代表大会上的报告", "content": "同志们！我们党的第九次全国代表大会开幕了。"},
            {"title": "学习贯彻党的二十大精神", "content": "同志们，我们要认真学习贯彻党的精神。"}]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    speeches = an.read_corpus(path).speeches
    assert speeches["year"].tolist()[:2] == [1921, 1969] and speeches["year"].isna().tolist()[2]
    assert speeches["date_source"].tolist()[:2] == ["title", "title"]


def test_files_named_by_years_in_chinese_numerals_are_read_in_year_order(tmp_path):
    names = ["一九七五年政府工作报告.txt", "一九五四年政府工作报告.txt", "二〇二四年政府工作报告.txt"]  # path order: 七 < 五
    sp = an.read_corpus(_folder(tmp_path, {n: BODY.replace("过去一年", n[:4]) for n in names})).speeches
    assert sp["year"].tolist() == [1954, 1975, 2024] and sp["speech"].tolist() == [1, 2, 3]
    mixed = an.read_corpus(_folder(tmp_path, {"说明以外的讲话.txt": BODY + "补充。"})).speeches  # a name without a year
    assert mixed["file"].tolist()[:3] == sorted(names + ["说明以外的讲话.txt"])[:3]  # then path order, as before


def test_a_title_block_of_another_year_than_the_folder_is_kept_and_named_in_one_warning(tmp_path):
    """Folders named by year (``2019/report.txt``) date their files; a title block that writes another
    year (a wrong folder, or a year's summary given early the next) keeps its date and is named."""
    for year, written in ((2019, "2019年3月5日"), (2020, "2021年1月8日")):
        (tmp_path / str(year)).mkdir()
        (tmp_path / str(year) / "report.txt").write_text(f"政府工作报告\n——{written}\n{BODY}{year}。", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sp = an.read_corpus(tmp_path).speeches
    assert sp["year"].tolist() == [2019, 2020] and sp["date_source"].tolist() == ["file name"] * 2
    assert sp["date"].tolist() == ["2019-03-05", "2021-01-08"]
    said = [str(w.message) for w in caught if issubclass(w.category, an.CorpusWarning)]
    assert len(said) == 1 and "2020/report.txt: file name 2020, title block 2021年1月8日" in said[0]
    assert "2019/report.txt" not in said[0]


@pytest.mark.parametrize("written", ["二○二四年三月五日", "二0二四年三月五日", "二〇二四年三月五日"])
def test_a_date_line_in_chinese_digits_with_any_zero_dates_the_speech(written):
    sp = an.read_compilation(text=f"政府工作报告\n——{written}在会议上\n国务院总理 李强\n各位代表：\n经济增长5%。\n").speeches
    assert sp[["date", "year"]].values.tolist() == [["2024-03-05", 2024]]
