"""Table corpora: one document per row, from every table format, with their metadata."""
import json

import pandas as pd
import pytest

import analysis as an

REPORT_2023 = ("政府工作报告\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n国务院总理　\n李　克　强\n各位代表：\n"
               "过去一年，国内生产总值增长3%。今年发展主要预期目标是：国内生产总值增长5%左右。")
REPORT_2024 = ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　\n李　强\n各位代表：\n"
               "过去一年，国内生产总值增长5.2%。今年发展主要预期目标是：国内生产总值增长5%左右。")
FOOTER = ("\n\n\n本作品来自中华人民共和国政府文件，依据《中华人民共和国著作权法》第五条，\n不适用于著作权法保护，属于\n公有领域\n。"
          "\n\n\nPublic domain\nPublic domain\nfalse\nfalse")


def _records():
    return [{"title": "政府工作报告", "content": REPORT_2023 + FOOTER, "place": "全国", "url": "https://example.org/2023"},
            {"title": "政府工作报告", "content": REPORT_2024 + FOOTER, "place": "全国", "url": "https://example.org/2024"}]


def _write(path, records):
    suffix = path.suffix
    frame = pd.DataFrame(records)
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    elif suffix == ".json":
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    elif suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".tsv":
        frame.to_csv(path, index=False, sep="\t")
    elif suffix == ".xlsx":
        frame.to_excel(path, index=False)
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv", ".tsv", ".xlsx"])
def test_each_table_format_is_one_document_per_row(tmp_path, suffix):
    comp = an.read_corpus(_write(tmp_path / f"reports{suffix}", _records()))
    sp = comp.speeches
    assert len(sp) == 2
    assert sp["year"].tolist() == [2023, 2024]
    assert sp["date"].tolist() == ["2023-03-05", "2024-03-05"]
    assert sp["date_source"].tolist() == ["title block", "title block"]
    assert sp["speaker"].tolist() == ["李克强", "李强"]
    assert sp["label"].tolist() == ["2023 李克强", "2024 李强"]  # several years: the year comes first
    assert sp["place"].tolist() == ["全国", "全国"] and sp["url"].str.startswith("https://").all()
    assert not sp["text"].str.contains("Public domain|著作权").any()


def test_footer_is_web_clutter_and_spans_tile_every_row(tmp_path):
    comp = an.read_corpus(_write(tmp_path / "reports.jsonl", _records()))
    for file, spans in comp.spans.groupby("file"):
        line = int(file.rsplit(":", 1)[1])
        source = _records()[line - 1]["content"]
        assert "".join(spans.sort_values("start")["text"]) == source
        clutter = "".join(spans.loc[spans["kind"] == "web_clutter", "text"])
        assert "Public domain" in clutter and "著作权法" in clutter


def test_a_text_given_as_a_list_of_paragraphs_is_read_one_paragraph_per_line(tmp_path):
    as_text = an.read_corpus(_write(tmp_path / "reports.jsonl", _records())).speeches
    listed = [{"year": r["url"][-4:], "paragraphs": [p for p in r["content"].split("\n") if p.strip()]}
              for r in _records()]
    sp = an.read_corpus(_write(tmp_path / "paragraphs.jsonl", listed)).speeches
    assert sp["text"].tolist() == as_text["text"].tolist()  # the licence footer is clutter here too
    assert sp["speaker"].tolist() == ["李克强", "李强"]


def test_a_cell_holding_html_is_read_as_its_visible_text(tmp_path):
    as_text = an.read_corpus(_write(tmp_path / "reports.jsonl", _records())).speeches
    pages = [{**r, "content": "".join(f'<p style="text-indent:2em">{p.replace("“", "&ldquo;")}</p>'
                                      for p in r["content"].split("\n") if p.strip())} for r in _records()]
    comp = an.read_corpus(_write(tmp_path / "pages.jsonl", pages))
    sp = comp.speeches
    assert sp["text"].tolist() == as_text["text"].tolist()  # no tag, no entity; the footer still clutter
    assert sp["encoding"].str.contains("html via beautifulsoup4").all()
    assert sp["speaker"].tolist() == ["李克强", "李强"]
    assert not comp.spans["text"].str.contains("<p|&ldquo;").any()


def test_a_date_of_publication_dates_only_what_nothing_else_dates(tmp_path):
    rows = [{"title": "在全市招商推进会上的讲话", "content": "同志们：\n要抓项目。", "发布时间": "2019-03-05 10:00"},
            {"title": "一九五四年政府工作报告", "content": "各位代表：\n要抓生产。", "pubdate": "2006-02-16"},
            {"title": "讲话", "content": "同志们：\n要抓落实。", "pubdate": ""}]
    sp = an.read_corpus(_write(tmp_path / "archive.jsonl", rows)).speeches
    assert sp["year"].fillna(0).tolist() == [2019, 1954, 0]  # the archive posted the 1954 report in 2006
    assert sp["date_source"].fillna("").tolist() == ["published", "title", ""]
    assert sp["date"].fillna("").tolist()[:2] == ["2019-03-05", ""]


@pytest.mark.parametrize("name", ["text", "content", "full_text", "Full-Text", "body", "正文", "全文", "内容", "內容"])
def test_text_column_is_found_under_each_common_name(tmp_path, name):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": 1, name: REPORT_2024}, ensure_ascii=False) + "\n", encoding="utf-8")
    comp = an.read_corpus(path)
    assert comp.meta["text_column"] == name and len(comp.speeches) == 1


def test_text_column_can_be_given(tmp_path, monkeypatch):
    path = tmp_path / "docs.csv"
    pd.DataFrame({"summary": ["短"], "wenben": [REPORT_2024]}).to_csv(path, index=False)
    assert an.read_corpus(path, text_field="wenben").speeches["n_chars"].iloc[0] > 20
    monkeypatch.setenv("ANALYSIS_TEXT_FIELD", "wenben")  # what --text-field sets for the notebooks
    assert an.read_corpus(path).meta["text_column"] == "wenben"


def test_missing_text_column_is_one_line_listing_the_columns(tmp_path):
    path = tmp_path / "docs.csv"
    pd.DataFrame({"id": [1], "title": ["政府工作报告"], "year": [2024]}).to_csv(path, index=False)
    with pytest.raises(an.TableError) as error:
        an.read_corpus(path)
    message = str(error.value)
    assert "\n" not in message and "docs.csv" in message and "id, title, year" in message and "--text-field" in message


def test_broken_json_line_names_its_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"text": REPORT_2023}, ensure_ascii=False) + '\n\n{"text": "同志们：\n',
                    encoding="utf-8")
    with pytest.raises(an.TableError, match=r"docs\.jsonl: line 3 is not valid JSON"):
        an.read_corpus(path)


def test_json_line_that_is_no_object_is_refused(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('["a", "b"]\n', encoding="utf-8")
    with pytest.raises(an.TableError, match="line 1 is a JSON list"):
        an.read_corpus(path)


def test_rows_without_text_are_skipped_with_one_warning_listing_them(tmp_path):
    path = tmp_path / "docs.csv"
    pd.DataFrame({"year": [2022, 2023, 2024], "text": ["", REPORT_2023, " "]}).to_csv(path, index=False)
    with pytest.warns(an.CorpusWarning, match=r"2 rows have no text and were skipped \(row 2, 4\)") as record:
        comp = an.read_corpus(path)
    assert len([w for w in record if "no text" in str(w.message)]) == 1
    assert comp.speeches["year"].tolist() == [2023] and comp.speeches["file"].tolist() == ["docs.csv:3"]


def test_library_stub_is_skipped(tmp_path):
    path = tmp_path / "docs.jsonl"
    rows = [{"text": REPORT_2024}, {"text": "論聯合政府\n的版本包括：\n\n論聯合政府 (1945年)\n論聯合政府 (1953年)"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    with pytest.warns(an.CorpusWarning, match="line 2: a library's stub"):
        assert len(an.read_corpus(path).speeches) == 1


def test_metadata_columns_that_collide_get_a_prefix_and_year_comes_first(tmp_path):
    path = tmp_path / "docs.jsonl"
    row = {"text": REPORT_2024, "file": "2024_国务院_政府工作报告.txt", "label": "x", "year": "1999", "tags": ["a"]}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    sp = an.read_corpus(path).speeches
    assert sp["meta_file"].iloc[0] == "2024_国务院_政府工作报告.txt" and sp["meta_label"].iloc[0] == "x"
    assert sp["year"].iloc[0] == 1999 and sp["date_source"].iloc[0] == "metadata"  # metadata before the text
    assert sp["tags"].iloc[0] == '["a"]'


def test_parquet_without_pyarrow_says_how_to_install(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name == "pyarrow":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    path = tmp_path / "docs.parquet"
    path.write_bytes(b"PAR1")
    with pytest.raises(an.MissingExtraError, match=r"needs the pyarrow package: pip install 'speech-analysis\[tables\]'"):
        an.read_corpus(path)


def test_parquet_is_read_through_pandas(tmp_path, monkeypatch):
    monkeypatch.setattr("analysis.reading.tables._need", lambda path: None)
    monkeypatch.setattr(pd, "read_parquet", lambda path: pd.DataFrame({"year": [2024], "text": [REPORT_2024]}))
    path = tmp_path / "docs.parquet"
    path.write_bytes(b"PAR1")
    sp = an.read_corpus(path).speeches
    assert sp["file"].tolist() == ["docs.parquet:1"] and sp["year"].tolist() == [2024]


def test_expanding_spreadsheet_is_refused(tmp_path, monkeypatch):
    path = _write(tmp_path / "docs.xlsx", _records())
    monkeypatch.setattr(an.config, "MAX_EXPANDED_BYTES", 1000)
    with pytest.raises(an.TooLargeError, match=r"docs\.xlsx: expands to .* past the limit"):
        an.read_corpus(path)


def test_a_catalogue_beside_a_table_joins_on_a_shared_column(tmp_path):
    rows = [{"congress": 14, "text": REPORT_2023}, {"congress": 15, "text": REPORT_2024}]
    path = tmp_path / "congress.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("congress,year,name\n14,1992,十四大\n15,1997,十五大\n", encoding="utf-8")
    sp = an.read_corpus(path).speeches
    assert sp["year"].tolist() == [1992, 1997] and sp["name"].tolist() == ["十四大", "十五大"]
    assert (sp["date_source"] == "metadata").all()


def test_the_party_congress_corpus_reads_as_published(recwarn):
    sp = an.read_corpus(an.config.RAW_DIR / "cpc-congress" / "cpc_congress_reports.jsonl").speeches
    assert len(sp) == 15  # 16 rows, one a stub page
    assert sp["year"].notna().all() and sp["year"].is_monotonic_increasing
    assert not sp["text"].str.contains("Public domain|公有领域|公有領域|维基文库|↑").any()
    assert sp["label"].is_unique and sp["label"].str.len().gt(0).all()
    assert sp.loc[sp["year"] == 2022, "speaker"].item() == "习近平"
    assert sp.loc[sp["year"] == 2022, "date"].item() == "2022-10-16"


def test_every_sheet_of_a_workbook_is_read_each_row_named_by_sheet_and_row(tmp_path):
    """A workbook with a sheet per year: no sheet is left out; each document is WORKBOOK:SHEET:ROW,
    its sheet a column, and a sheet named by a year dates its rows where nothing else does."""
    path = tmp_path / "reports.xlsx"
    speech = "同志们：\n要抓项目、抓招商、抓落实。\n"
    with pd.ExcelWriter(path) as book:
        pd.DataFrame({"content": [speech, speech]}).to_excel(book, sheet_name="2019", index=False)
        pd.DataFrame({"content": [speech]}).to_excel(book, sheet_name="2020", index=False)
        pd.DataFrame({"content": []}).to_excel(book, sheet_name="说明", index=False)
    sp = an.read_corpus(path).speeches
    assert sp["file"].tolist() == ["reports.xlsx:2019:2", "reports.xlsx:2019:3", "reports.xlsx:2020:2"]
    assert sp["sheet"].tolist() == ["2019", "2019", "2020"] and sp["year"].tolist() == [2019, 2019, 2020]
    one = tmp_path / "one.xlsx"
    pd.DataFrame({"content": [speech]}).to_excel(one, index=False)
    assert an.read_corpus(one).speeches["file"].tolist() == ["one.xlsx:2"]  # one sheet: named by row alone


def test_a_json_document_wrapped_as_an_api_answers_is_read_by_its_records(tmp_path):
    answer = {"code": 0, "msg": "ok", "data": {"total": 2, "tags": ["报告"], "items": _records()}}
    path = tmp_path / "api.json"
    path.write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
    sp = an.read_corpus(path).speeches
    assert sp["year"].tolist() == [2023, 2024] and sp["file"].tolist() == ["api.json:1", "api.json:2"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_title_row_above_the_header_is_passed_over(tmp_path, suffix):
    rows = [["2023–2024年政府工作报告汇总", None, None], ["地区", "标题", "正文"]]
    rows += [["全国", r["title"], r["content"]] for r in _records()]
    path = tmp_path / f"titled{suffix}"
    frame = pd.DataFrame(rows)
    frame.to_csv(path, index=False, header=False) if suffix == ".csv" else frame.to_excel(path, index=False, header=False)
    sp = an.read_corpus(path).speeches
    assert sp["file"].tolist() == [f"titled{suffix}:3", f"titled{suffix}:4"]  # the rows as the sheet numbers them
    assert sp["year"].tolist() == [2023, 2024] and sp["地区"].tolist() == ["全国", "全国"]
    assert not sp["text"].str.startswith("正文").any()


def test_columns_named_in_traditional_characters_are_known(tmp_path):
    path = tmp_path / "archive.jsonl"
    rows = [{"標題": "在全市招商大會上的講話", "內容": "同志們：\n要抓項目。", "發布時間": "2019-03-05", "省份": "臺灣"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    sp = an.read_corpus(path).speeches
    assert sp[["title", "year", "date_source"]].values.tolist() == [["在全市招商大會上的講話", 2019, "published"]]


def test_a_table_of_paragraphs_is_read_a_document_per_doc_id(tmp_path):
    as_text = an.read_corpus(_write(tmp_path / "reports.jsonl", _records())).speeches
    rows = [{"doc_id": f"r{k}", "para_no": n, "place": r["place"], "text": para}
            for k, r in enumerate(_records()) for n, para in enumerate(p for p in r["content"].split("\n") if p.strip())]
    last_of_first = max(k for k, r in enumerate(rows) if r["doc_id"] == "r0")
    rows = rows[:last_of_first] + rows[last_of_first + 1:] + [rows[last_of_first]]  # rows need not stand together
    sp = an.read_corpus(_write(tmp_path / "paragraphs.jsonl", rows)).speeches
    assert sp["text"].tolist() == as_text["text"].tolist()
    assert sp["speaker"].tolist() == ["李克强", "李强"] and sp["file"].tolist()[0] == "paragraphs.jsonl:1"
    assert "para_no" not in sp.columns and sp["place"].tolist() == ["全国", "全国"]


def test_dates_as_apis_give_them_date_their_documents(tmp_path):
    rows = [{"date": 1709596800, "text": "同志们：\n要抓项目。"}, {"date": "1709596800000", "text": "同志们：\n要抓招商。"},
            {"date": "20230305", "text": "同志们：\n要抓落实。"}, {"date": "2022/3/5 10:00", "text": "同志们：\n要抓开工。"}]
    sp = an.read_corpus(_write(tmp_path / "api.jsonl", rows)).speeches
    assert sp["date"].tolist() == ["2024-03-05", "2024-03-05", "2023-03-05", "2022-03-05"]  # epochs in UTC+8
    assert sp["year"].tolist() == [2024, 2024, 2023, 2022] and set(sp["date_source"]) == {"metadata"}


@pytest.mark.parametrize("sep", [";", "|", "\t"])
def test_a_csv_saved_with_another_delimiter_is_read_by_its_columns(tmp_path, sep):
    """Excel in many locales saves .csv with ``;``; export tools use ``|`` or tabs."""
    path = tmp_path / "reports.csv"
    pd.DataFrame(_records()).to_csv(path, index=False, sep=sep)
    sp = an.read_corpus(path).speeches
    assert len(sp) == 2 and sp["year"].tolist() == [2023, 2024]
    assert sp["place"].tolist() == ["全国", "全国"] and sp["text"].str.startswith("过去一年").all()


def test_a_comma_csv_whose_text_holds_semicolons_stays_a_comma_csv(tmp_path):
    records = [{**r, "title": "政府工作报告；全文"} for r in _records()]
    path = tmp_path / "reports.csv"
    pd.DataFrame(records).to_csv(path, index=False)
    sp = an.read_corpus(path).speeches
    assert sp["title"].tolist() == ["政府工作报告；全文"] * 2 and sp["place"].tolist() == ["全国", "全国"]


def test_a_text_escaped_twice_is_read_with_its_line_breaks_and_characters(tmp_path):
    """Exports that escape a text twice store ``\\n`` for its line breaks (a scraper's repr) or the whole
    text as a JSON string's body (``\\u653f…``): both read as the text they escape."""
    breaks = {"title": "政府工作报告", "content": REPORT_2023.replace("\n", "\\n")}
    body = {"title": "政府工作报告", "content": json.dumps(REPORT_2024)[1:-1]}  # ASCII: \u escapes
    assert "\n" not in breaks["content"] and body["content"].isascii()
    path = tmp_path / "escaped.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (breaks, body)), encoding="utf-8")
    comp = an.read_corpus(path)
    sp = comp.speeches
    assert sp["date"].tolist() == ["2023-03-05", "2024-03-05"] and sp["speaker"].tolist() == ["李克强", "李强"]
    assert not sp["text"].str.contains("\\\\", regex=False).any()
    for file, spans in comp.spans.groupby("file"):  # the spans tile the text as read
        source = (REPORT_2023, REPORT_2024)[int(file.rsplit(":", 1)[1]) - 1]
        assert "".join(spans.sort_values("start")["text"]) == source


def test_one_escaped_line_break_in_a_text_is_kept_as_written(tmp_path):
    record = {"title": "说明", "content": REPORT_2023 + "路径写作 C:\\new 不变。"}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert "C:\\new" in an.read_corpus(path).speeches["text"].iloc[0]


def test_fields_nested_in_objects_are_columns_named_by_the_field(tmp_path):
    """Archives nest a record's fields (``{"meta": {...}, "body": {"text": ...}}``): each field is a
    column under its own name, or under its path when two objects share it."""
    records = [{"meta": {"year": 2023 + k, "place": r["place"]}, "source": {"title": "中国政府网"},
                "body": {"title": r["title"], "text": r["content"]}} for k, r in enumerate(_records())]
    path = tmp_path / "nested.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    sp = an.read_corpus(path).speeches
    assert sp["year"].tolist() == [2023, 2024] and sp["date_source"].tolist() == ["metadata"] * 2
    assert sp["place"].tolist() == ["全国", "全国"] and sp["source.title"].tolist() == ["中国政府网"] * 2
    assert sp["body.title"].tolist() == ["政府工作报告"] * 2 and sp["speaker"].tolist() == ["李克强", "李强"]


def test_dates_in_chinese_numerals_or_with_a_time_zone_date_their_documents(tmp_path):
    """Older archives write 一九五四年九月二十三日; APIs give ISO times in UTC, read in Beijing's day."""
    records = [{"date": "二〇二三年三月五日", "content": REPORT_2023.split("\n", 4)[-1]},
               {"pubdate": "2024-03-04T22:00:00Z", "content": REPORT_2024.split("\n", 4)[-1]}]
    path = tmp_path / "dates.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    sp = an.read_corpus(path).speeches
    assert sp["date"].tolist() == ["2023-03-05", "2024-03-05"] and sp["year"].tolist() == [2023, 2024]
    assert sp["date_source"].tolist() == ["metadata", "published"]
