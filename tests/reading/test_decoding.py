import codecs

import pytest

import analysis as an

TEXT = "第一篇：在会上的讲话\r\n同志们：\r\n今年完成投资１２亿元，增长10%。\r\n第二篇：另一篇\r\n正文“一把手工程”。\r\n"


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""),
                                          ("gbk", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_same_text_in_every_encoding_gives_identical_tables(tmp_path, encoding, bom):
    ref = an.read_compilation(text=TEXT).speeches.drop(columns=["encoding", "file"])
    p = tmp_path / "c.txt"
    p.write_bytes(bom + TEXT.encode(encoding))
    got = an.read_compilation(p).speeches.drop(columns=["encoding", "file"])
    assert got.equals(ref)
    assert got.loc[0, "text"] == "今年完成投资１２亿元，增长10%。"


def test_big5_text_is_read_and_named_as_big5(tmp_path):
    text = "在全縣項目建設調度會上的講話\n同志們：\n" + ("今年以來，全縣上下堅持項目為王，抓招商、抓開工、抓投產，"
                                                "完成固定資產投資十二億元，增長百分之十。我們要進一步解放思想，轉變作風，"
                                                "優化營商環境，讓投資者放心、安心、舒心，推動經濟社會高質量發展。\n") * 3
    (tmp_path / "big5.txt").write_bytes(text.encode("big5"))
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    big5, utf8 = (an.read_corpus(tmp_path / name).speeches for name in ("big5.txt", "utf8.txt"))
    assert big5["encoding"].tolist() == ["big5"]  # not gb18030, which it was never read as
    assert big5.drop(columns=["encoding", "file"]).equals(utf8.drop(columns=["encoding", "file"]))


def test_crlf_is_removed_from_text():
    sp = an.read_compilation(text=TEXT).speeches
    assert "\r" not in "".join(sp["text"])


@pytest.mark.parametrize("content,error,words", [
    (b"", an.EmptyCorpusError, "empty"),
    (b"   \n\n ", an.EmptyCorpusError, "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, an.BinaryFileError, "binary"),
    ("第一篇：标题\n".encode(), an.NoSpeechesError, "no speech"),
    (b"hello world, no chinese here\n", an.NoSpeechesError, "Chinese"),
])
def test_bad_input_gives_one_clear_error(tmp_path, content, error, words):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(error) as info:
        an.read_compilation(p)
    msg = str(info.value)
    assert "\n" not in msg and "bad.txt" in msg and words in msg
    assert isinstance(info.value, an.CorpusError)


def test_missing_path(tmp_path):
    with pytest.raises(an.CorpusNotFoundError, match="no such file"):
        an.read_corpus(tmp_path / "nope.txt")


def test_folder_with_one_bad_file_reads_the_rest(tmp_path, fixtures):
    (tmp_path / "good.txt").write_bytes((fixtures / "single_speech.txt").read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.warns(an.CorpusWarning, match="empty.txt"):
        comp = an.read_corpus(tmp_path)
    assert len(comp.speeches) == 1
    assert comp.errors["file"].tolist() == ["empty.txt"]


def test_cli_error_is_one_line(tmp_path, capsys):
    from analysis.__main__ import main
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert main(["speeches", "--corpus", str(p)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "empty.txt" in err and "empty" in err


def test_cli_on_another_corpus_leaves_the_project_tables_alone(tmp_path, monkeypatch, capsys):
    from analysis import config
    from analysis.__main__ import main
    gbk = tmp_path / "mine.txt"
    gbk.write_bytes("第一篇 在全市招商引资工作会议上的讲话\n同志们：今年项目开工率44.2%，投资增长10%。\n".encode("gbk"))
    before = {p.name: p.read_bytes() for p in config.PROCESSED_DIR.glob("*.csv")}
    monkeypatch.chdir(tmp_path)
    assert main(["numbers", "--corpus", str(gbk)]) == 0
    assert "wrote out/mine/tables/numeric_targets.csv" in capsys.readouterr().out
    written = (tmp_path / "out" / "mine" / "tables" / "numeric_targets.csv").read_text(encoding="utf-8")
    assert "44.2" in written and "开工率" in written
    assert {p.name: p.read_bytes() for p in config.PROCESSED_DIR.glob("*.csv")} == before


def test_utf8_cut_off_in_the_middle_of_a_character_is_read_with_a_warning(tmp_path):
    text = "同志们：\n今年要抓项目、抓招商，投资增长10%。\n要抓开工"
    path = tmp_path / "cut.txt"
    path.write_bytes(text.encode("utf-8")[:-2])  # the last character cut in half
    with pytest.warns(an.CorpusWarning, match=r"cut\.txt: ends in the middle of a character"):
        sp = an.read_corpus(path).speeches
    assert sp["encoding"].tolist() == ["utf-8"]
    assert sp["text"].iloc[0] == "今年要抓项目、抓招商，投资增长10%。\n要抓开\ufffd"
    # a bad byte elsewhere is still refused, not patched over
    (tmp_path / "bad.txt").write_bytes(text.encode("utf-8")[:7] + b"\xff" + text.encode("utf-8")[7:])
    with pytest.raises(an.CorpusError):
        an.read_corpus(tmp_path / "bad.txt")
