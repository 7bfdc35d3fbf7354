
import pandas as pd
import pytest

import analysis as an
from analysis.reading.corpus import to_source_offset


def test_seed_has_exactly_five_speeches_with_titles(speeches):
    assert speeches["speech"].tolist() == [1, 2, 3, 4, 5]
    assert speeches["title"].tolist() == [
        "在全市项目招商推进会上的讲话2024年", "在项目推进会上的讲话", "在重点招商项目推介会上的讲话",
        "在全市项目工作推进会上的讲话", "书记在全市大招商暨项目落实工作推进会上的讲话"]


def test_seed_speakers_roles_and_dates(speeches):
    s = speeches.set_index("speech")
    assert s.loc[5, "speaker"] == "张笑东" and s.loc[5, "role"] == "市委书记" and s.loc[5, "date"] == "2024-05-04"
    assert s.loc[2, "role"] == "县委书记" and bool(s.loc[2, "speaker_masked"]) and pd.isna(s.loc[2, "speaker"])
    assert bool(s.loc[2, "date_masked"]) and s.loc[2, "date_text"] == "20XX年X月X日" and pd.isna(s.loc[2, "date"])
    assert pd.isna(s.loc[1, "speaker"]) and not bool(s.loc[1, "date_masked"])
    assert s.loc[5, "title_in_text"] == "在全市大招商暨项目落实工作推进会上的讲话"  # 讲 / 话 joined


def test_seed_first_and_last_sentences(speeches):
    t = speeches.set_index("speech")["text"]
    assert t[1].startswith("今天和XX同志一起来推进15年的招商引资工作。")
    assert t[1].endswith("他是中部地区第......")
    assert t[2].startswith("XX县文化旅游产业起步较晚") and t[2].endswith("幸福XX出积极的贡献！")
    assert t[3].startswith("今天是个好日子。") and t[3].endswith("谢谢大家！")
    assert t[4].startswith("今天，市委、市政府召开项目工作推进会") and t[4].endswith("打下坚实基础。")
    assert t[5].startswith("今天，市委、市政府召开全市大招商暨项目落实工作推进会") and t[5].endswith("谢谢大家！")


def test_teaser_is_metadata_and_speech_1_truncated(seed):
    assert "teaser" in set(seed.spans["kind"])
    assert seed.meta["teaser"].endswith("...")
    assert seed.speeches["truncated"].tolist() == [True, False, False, False, False]
    assert seed.meta["n_claimed"] == 5 and seed.meta["updated"] == "2025-04-30" and seed.meta["site"] == "中词库"


def test_spans_tile_the_source(seed):
    spans = seed.spans.sort_values("start")
    assert spans["start"].iloc[0] == 0 and spans["end"].iloc[-1] == len(seed.source)
    assert (spans["start"].to_numpy()[1:] == spans["end"].to_numpy()[:-1]).all()
    assert "".join(spans["text"]) == seed.source


def test_a_body_cleaning_leaves_as_it_was_is_held_once(seed):
    """The body span and the speech's text are one string where they are equal: a corpus's texts are
    held once, not twice; where cleaning changed the body, each keeps its own."""
    import analysis as an
    from analysis import config

    for comp, shared in ((an.read_corpus(config.PROVINCIAL_CORPUS), 19), (seed, 2)):
        body = comp.spans[comp.spans["kind"] == "body"].set_index("speech")["text"]
        pairs = [(body[s], t) for s, t in zip(comp.speeches["speech"], comp.speeches["text"])]
        assert all((a is b) == (a == b) for a, b in pairs)
        assert sum(a is b for a, b in pairs) == shared


def test_cleaning_joins_page_breaks_and_removes_stray_spaces(speeches):
    t = speeches.set_index("speech")["text"]
    assert "企业要尽快做出规划" in t[2]
    assert "高科技畜牧基地" in t[2]
    assert "全市上下必须进一步统一思想" in t[4]
    assert "经济增长的内生动力不足" in t[5] and "经 济" not in t[5]
    assert "招商项目签的再多" in t[5]
    assert "44.2 %" in t[5]  # a space between a figure and its unit is not inside a Chinese word
    assert "[bookmark" not in "".join(t)


@pytest.mark.slow
def test_every_character_maps_back_to_the_source(seed):
    for row in seed.speeches.itertuples():
        for i, ch in enumerate(row.text):
            j = to_source_offset(seed.speeches, row.speech, i)
            assert seed.source[j] == ch
            assert row.start <= j < row.end


def test_nothing_but_whitespace_and_markup_is_dropped(seed):
    d = seed.deletions
    removed = "".join(d["removed"])
    assert set(removed) <= set(" \n\r\t\u3000") | set("[bookmark: _Toc1]")
    body = seed.spans[seed.spans["kind"] == "body"]
    kept = sum(seed.speeches["text"].str.len())
    dropped = int((d["end"] - d["start"]).sum())
    assert kept + dropped == int((body["end"] - body["start"]).sum())


def test_toc_and_bracket_headings(fixtures):
    comp = an.read_compilation(fixtures / "compilation_bracket_toc.txt")
    sp = comp.speeches
    assert sp["title"].tolist() == ["在项目观摩会上的讲话", "在招商大会上的致辞"]
    assert sp.loc[0, "speaker"] == "李明" and sp.loc[0, "role"] == "县长" and sp.loc[0, "date"] == "2023-03-08"
    assert sp.loc[1, "salutation"] == "各位来宾："
    assert (comp.spans["kind"] == "toc_entry").sum() == 2


def test_arabic_numbered_headings(fixtures):
    sp = an.load_speeches(fixtures / "compilation_arabic.txt")
    assert sp["title"].tolist() == ["在经济工作会议上的讲话", "在项目推进会上的讲话"]


@pytest.mark.parametrize("heading", ["第一篇：", "第一篇:", "【第一篇】", "第1篇", "[第一篇]"])
def test_heading_styles(heading):
    text = f"{heading}在某会上的讲话\n同志们：\n这是正文。\n{heading.replace('一', '二').replace('1', '2')}另一篇讲话\n正文二。\n"
    sp = an.read_compilation(text=text).speeches
    assert len(sp) == 2 and sp.loc[0, "text"] == "这是正文。" and sp.loc[1, "text"] == "正文二。"


def test_single_speech_file_and_folder(tmp_path, fixtures):
    sp = an.load_speeches(fixtures / "single_speech.txt")
    assert len(sp) == 1 and sp.loc[0, "title"] == "在全县招商引资工作会议上的讲话"
    assert sp.loc[0, "text"].startswith("招商引资是")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes((fixtures / "single_speech.txt").read_bytes())
    comp = an.read_corpus(tmp_path)
    assert comp.speeches["speech"].tolist() == [1, 2] and comp.speeches["file"].tolist() == ["a.txt", "b.txt"]


def test_provincial_report_clutter_is_spans_not_text():
    from analysis import config
    comp = an.read_corpus(config.PROVINCIAL_CORPUS / "2026_上海市_政府工作报告.txt")
    sp = comp.speeches.iloc[0]
    assert sp["text"].startswith("现在，我代表上海市人民政府")
    assert "相关报道" not in sp["text"] and "【字号" not in sp["text"]
    assert sp["speaker"] == "龚正" and sp["salutation"] == "各位代表："
    assert "web_clutter" in set(comp.spans["kind"])


def test_all_provincial_reports_read_with_speaker_and_date():
    from analysis import config
    comp = an.read_corpus(config.PROVINCIAL_CORPUS)
    sp = comp.speeches
    assert len(sp) == 25 and comp.errors.empty
    assert sp["speaker"].notna().all() and sp["date"].notna().all()
    assert sp["text"].str.contains("^(?:现在，)?我代表", regex=True).all()
    assert sp.set_index("file").loc["2026_新疆维吾尔自治区_政府工作报告.txt", "speaker"] == "艾尔肯·吐尼亚孜"
    assert not sp["text"].str.contains("相关报道|【字号|关闭窗口|扫一扫").any()


def test_a_folder_read_on_two_processes_is_the_folder_read_on_one(tmp_path, monkeypatch):
    import shutil
    import warnings

    from analysis import config
    from analysis.reading import corpus as reading

    for f in sorted(config.PROVINCIAL_CORPUS.glob("*.txt"))[:3]:
        shutil.copyfile(f, tmp_path / f.name)
    shutil.copyfile(config.SEED_CORPUS, tmp_path / "zz_compilation.txt")  # five speeches in one file
    (tmp_path / "b_empty.txt").write_bytes(b"")
    monkeypatch.setattr(reading, "MIN_BYTES_PER_READING_PROCESS", 1)  # a small folder split all the same
    read = {}
    for processes in (1, 2):
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            read[processes] = an.read_corpus(tmp_path, processes=processes)
        read[processes].said = [str(w.message) for w in said]
    one, two = read[1], read[2]
    assert one.speeches["speech"].tolist() == list(range(1, 9))
    assert set(one.spans["speech"]) == set(range(9)) and set(one.deletions["speech"]) <= set(range(1, 9))
    for name in ("speeches", "spans", "deletions", "errors"):
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name))
    assert one.meta == two.meta
    assert one.said == two.said and any("b_empty.txt" in s for s in one.said)


def test_reading_a_folder_shows_the_files_read_when_progress_is_shown(capsys):
    from analysis import config
    from analysis.parallel import progress_bars

    with progress_bars(True):
        an.read_corpus(config.PROVINCIAL_CORPUS)
    assert "reading:   0%|          | 0/25 [00:00<?, ?file/s]" in capsys.readouterr().err
    an.read_corpus(config.PROVINCIAL_CORPUS)
    assert "reading" not in capsys.readouterr().err  # outside such a block, nothing


def test_a_folder_of_subfolders_is_read_whole_each_file_named_by_its_path(tmp_path):
    """A corpus kept by year or by province (2020/报告.txt, 浙江/报告.txt): every file is read, each
    named by its path inside the folder (two 报告.txt stay apart), the year and place taken from it;
    hidden folders (.ipynb_checkpoints) and documentation are passed over."""
    speech = "在全市招商大会上的讲话\n同志们：\n要抓项目、抓招商、抓落实。\n"
    for where in ("2020", "2021", "浙江", ".ipynb_checkpoints"):
        (tmp_path / where).mkdir()
        (tmp_path / where / "报告.txt").write_text(speech, encoding="utf-8")
    (tmp_path / "2021" / "README.md").write_text("# notes\n", encoding="utf-8")
    comp = an.read_corpus(tmp_path)
    sp = comp.speeches
    assert sp["file"].tolist() == ["2020/报告.txt", "2021/报告.txt", "浙江/报告.txt"]
    assert sp["year"].tolist()[:2] == [2020, 2021] and sp["label"].tolist()[2].endswith("浙江")
    assert set(comp.spans["file"]) == set(sp["file"]) and comp.errors.empty
    assert an.read_corpus(tmp_path, processes=2).speeches["file"].tolist() == sp["file"].tolist()


def test_a_document_that_repeats_another_word_for_word_is_read_with_one_warning_naming_both(tmp_path):
    text = "同志们：\n要抓项目、抓招商、抓落实。\n"
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(text if name != "c.txt" else text + "还要抓开工。\n", encoding="utf-8")
    with pytest.warns(an.CorpusWarning) as said:
        sp = an.read_corpus(tmp_path).speeches
    assert len(sp) == 3  # each is still read
    repeats = [str(w.message) for w in said if "word for word" in str(w.message)]
    assert repeats == [f"{tmp_path}: a document repeats an earlier one word for word (b.txt speech 2 = a.txt speech 1); "
                       "each is read and counted"]
