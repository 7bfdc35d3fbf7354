"""Word, PDF and HTML files are read into the same speeches as their plain-text copy."""

import pytest

import analysis as an

LINES = ["在全市项目建设调度会上的讲话", "县长 王明", "同志们：", "今年要抓项目、抓招商，投资增长10%，",
         "开工率达到44.2%。", "一、抓项目建设", "项目是经济工作的生命线。"]


def _docx(path):
    import docx

    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    document.save(path)


def _pdf(path):
    import matplotlib.pyplot as plt

    with an.figure_style(), plt.rc_context({"pdf.fonttype": 42}):
        fig = plt.figure(figsize=(8.27, 11.69))
        for k, line in enumerate(LINES):
            fig.text(0.1, 0.9 - k * 0.04, line, fontsize=12)
        fig.savefig(path, format="pdf")
        plt.close(fig)


def _html(path):
    body = "".join(f"<p>{line}</p>" if k else f"<h1>{line}</h1>" for k, line in enumerate(LINES))
    page = (f"<html><head><title>某某网站</title><style>p {{color: red}}</style></head><body>"
            f"<nav><a href='/'>首页</a></nav><div class='content'>{body}</div>"
            f"<script>var x = 1;</script></body></html>")
    path.write_text(page, encoding="utf-8")


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    (folder / "speech.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    for suffix, write in ((".docx", _docx), (".pdf", _pdf), (".html", _html)):
        write(folder / f"speech{suffix}")
    return folder


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_each_format_gives_the_speech_of_the_text_copy(copies, suffix):
    text = an.read_corpus(copies / "speech.txt").speeches.iloc[0]
    other = an.read_corpus(copies / f"speech{suffix}").speeches.iloc[0]
    for column in ("title", "speaker", "role", "salutation", "text"):
        assert other[column] == text[column], column
    assert text["text"].startswith("今年要抓项目、抓招商，投资增长10%，开工率")  # the PDF's wrap joined
    assert other["encoding"].split()[0] == suffix[1:]


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_tables_of_each_format_equal_those_of_the_text(copies, suffix):
    text = an.read_corpus(copies / "speech.txt").speeches
    other = an.read_corpus(copies / f"speech{suffix}").speeches
    for table in (an.numeric_targets, an.outline):
        assert table(other).drop(columns=[]).equals(table(text))


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_spans_tile_the_extracted_text(copies, suffix):
    comp = an.read_corpus(copies / f"speech{suffix}")
    extracted = an.read_text(copies / f"speech{suffix}").text
    spans = comp.spans
    assert spans["start"].iloc[0] == 0 and spans["end"].iloc[-1] == len(extracted)
    assert (spans["start"].iloc[1:].to_numpy() == spans["end"].iloc[:-1].to_numpy()).all()
    assert "".join(spans["text"]) == extracted


def test_html_leaves_out_scripts_styles_and_navigation(copies):
    text = an.read_text(copies / "speech.html").text
    assert "var x" not in text and "color" not in text and "首页" not in text
    assert text.splitlines()[0] == "某某网站" and text.splitlines()[1] == LINES[0]


def test_a_folder_reads_every_format_and_names_what_it_cannot(copies, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for f in copies.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(200))
    (folder / "README.md").write_text("notes", encoding="utf-8")
    with pytest.warns(an.CorpusWarning, match=r"old\.doc.*formats read are"):
        comp = an.read_corpus(folder)
    assert sorted(comp.speeches["file"]) == ["speech.docx", "speech.html", "speech.pdf", "speech.txt"]
    assert comp.errors["file"].tolist() == ["old.doc"]


def test_an_unsupported_binary_is_one_line_naming_the_formats(tmp_path):
    path = tmp_path / "speech.wps"
    path.write_bytes(bytes(range(256)))
    with pytest.raises(an.BinaryFileError, match=r"speech\.wps: is a WPS file.*\.docx.*\.pdf") as error:
        an.read_corpus(path)
    assert "\n" not in str(error.value)


def test_a_damaged_docx_is_a_corpus_error(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(an.CorpusError, match="broken.docx"):
        an.read_corpus(path)
