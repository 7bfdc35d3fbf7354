"""Word, PDF, HTML and Markdown files are read into the same speeches as their plain-text copy."""

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


def _markdown(path):
    # a heading, emphasis and a paragraph's lines as written: the markup goes, the lines stay
    lines = [line.replace("抓项目建设", "**抓项目建设**") for line in LINES[1:]]
    path.write_text(f"# {LINES[0]}\n\n" + "\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    (folder / "speech.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    for suffix, write in ((".docx", _docx), (".pdf", _pdf), (".html", _html), (".md", _markdown)):
        write(folder / f"speech{suffix}")
    return folder


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html", ".md"])
def test_each_format_gives_the_speech_of_the_text_copy(copies, suffix):
    text = an.read_corpus(copies / "speech.txt").speeches.iloc[0]
    other = an.read_corpus(copies / f"speech{suffix}").speeches.iloc[0]
    for column in ("title", "speaker", "role", "salutation", "text"):
        assert other[column] == text[column], column
    assert text["text"].startswith("今年要抓项目、抓招商，投资增长10%，开工率")  # the PDF's wrap joined
    assert other["encoding"].split()[0] == {".md": "markdown"}.get(suffix, suffix[1:])


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html", ".md"])
def test_tables_of_each_format_equal_those_of_the_text(copies, suffix):
    text = an.read_corpus(copies / "speech.txt").speeches
    other = an.read_corpus(copies / f"speech{suffix}").speeches
    for table in (an.numeric_targets, an.outline):
        assert table(other).drop(columns=[]).equals(table(text))


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html", ".md"])
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
    # the page has an <h1>: it is the title, and <title> (the site's name) is left out
    assert text.splitlines()[0] == LINES[0] and "某某网站" not in text


def test_html_leaves_out_a_site_footer_but_not_a_long_block_named_so(tmp_path):
    from analysis.reading.formats import html_text

    body = "".join(f"<p>{line}</p>" for line in LINES)
    footer = "<p>主办：某某市人民政府办公室</p><p>版权所有 © 某某市人民政府 网站标识码 1100000088</p><p>京ICP备05060933号</p>"
    for named in ('class="footer"', 'id="bottom"', 'class="copyright"'):
        text, _ = html_text(f"<html><body><div>{body}</div><div {named}>{footer}</div></body></html>".encode())
        assert text.splitlines() == LINES, named
    wrapped, _ = html_text(f'<html><body><div class="bottom">{body * 10}</div></body></html>'.encode())
    assert LINES[-1] in wrapped  # a page's main text, however its block is named, stays


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


def test_markdown_keeps_a_numbered_lists_numbers_and_its_blocks_apart():
    from analysis.reading.formats import markdown_text

    text, _, metadata = markdown_text("一、总体要求\n\n3) 抓项目\n4) 抓[招商](http://x)\n\n> 引用\n\n- 甲\n- 乙\n".encode())
    assert text == "一、总体要求\n\n3) 抓项目\n4) 抓招商\n\n引用\n\n甲\n乙"
    assert metadata == {}


def test_a_folder_of_markdown_speeches_is_read_but_not_its_readme(copies, tmp_path):
    for name in ("2023.md", "2024.md", "README.md", "SOURCES.md"):
        (tmp_path / name).write_bytes((copies / "speech.md").read_bytes())
    assert an.read_corpus(tmp_path).speeches["file"].tolist() == ["2023.md", "2024.md"]


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


def _cid_font_pdf(path):
    """A PDF as word processors write CJK: the font embedded as a CID font (fpdf2, Noto Sans CJK)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("noto", fname=str(an.find_cjk_font()))
    pdf.set_font("noto", size=12)
    for line in LINES:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def test_pdf_with_an_embedded_cid_font_reads_without_nul_bytes(tmp_path):
    _cid_font_pdf(tmp_path / "speech.pdf")
    comp = an.read_corpus(tmp_path / "speech.pdf")
    sp = comp.speeches.iloc[0]
    assert "\x00" not in comp.spans["text"].str.cat()
    assert sp["title"] == LINES[0] and sp["speaker"] == "王明"
    assert "投资增长10%" in sp["text"] and sp["encoding"].startswith("pdf via pypdfium2")


def test_html_title_comes_from_h1_not_the_breadcrumb(tmp_path):
    page = ("<html><head><title>政府工作报告_某某市人民政府门户网站</title></head><body>"
            "<div class='breadcrumb'>首页 > 政务公开</div><p>首页 > 政府信息公开 > 政府工作报告</p>"
            "<h1>政府工作报告</h1><p>——2026年1月20日在某某市第十六届人民代表大会第四次会议上</p>"
            "<p>各位代表：</p><p>现在，我代表市人民政府向大会报告工作。</p></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    comp = an.read_corpus(tmp_path / "page.html")
    assert comp.speeches["title"].item() == "政府工作报告"
    assert comp.speeches["date"].item() == "2026-01-20"
    crumbs = comp.spans[comp.spans["text"].str.contains("首页")]
    assert (crumbs["kind"] == "web_clutter").all() and len(crumbs) == 1


def test_docx_that_expands_past_the_limit_is_refused(tmp_path, monkeypatch):
    _docx(tmp_path / "speech.docx")
    monkeypatch.setattr(an.config, "MAX_EXPANDED_BYTES", 10_000)
    with pytest.raises(an.TooLargeError, match=r"speech\.docx: expands to .* past the limit") as error:
        an.read_corpus(tmp_path / "speech.docx")
    assert "\n" not in str(error.value)


def test_file_larger_than_the_limit_is_refused(tmp_path, monkeypatch):
    (tmp_path / "big.txt").write_text("同志们：\n" + "抓项目。" * 1000, encoding="utf-8")
    monkeypatch.setattr(an.config, "MAX_FILE_BYTES", 1000)
    with pytest.raises(an.TooLargeError, match=r"big\.txt: is 0 MB, past the limit"):
        an.read_corpus(tmp_path / "big.txt")


def test_a_markdown_files_front_matter_is_its_metadata_not_its_text(tmp_path):
    body = "\n# 在全市招商大会上的讲话\n\n同志们：\n\n要抓项目、抓招商。\n"
    (tmp_path / "a.md").write_text("---\ntitle: 招商大会讲话\ndate: 2019-03-05\nauthor: 张三\ntags: [招商]\n---" + body,
                                   encoding="utf-8")
    (tmp_path / "b.md").write_text('+++\ntitle = "项目推进会讲话"\ndate = 2020-04-01\n+++' + body, encoding="utf-8")
    (tmp_path / "c.md").write_text("---\n\n同志们：\n\n要抓落实。\n", encoding="utf-8")  # a rule, then text
    (tmp_path / "metadata.csv").write_text("file,author\nb.md,李四\n", encoding="utf-8")
    sp = an.read_corpus(tmp_path).speeches
    assert sp["title"].tolist()[:2] == ["招商大会讲话", "项目推进会讲话"]
    assert sp["date"].tolist()[:2] == ["2019-03-05", "2020-04-01"] and sp["year"].tolist()[:2] == [2019, 2020]
    assert sp["speaker"].tolist()[:2] == ["张三", "李四"]  # the catalogue wins over the file's own
    assert not sp["text"].str.contains("title|date|---|\\+\\+\\+").any()
    assert sp["text"].iloc[2] == "要抓落实。"
    one = an.read_corpus(tmp_path / "a.md").speeches
    assert one[["title", "date", "speaker"]].values.tolist() == [["招商大会讲话", "2019-03-05", "张三"]]


def _numbered_docx(path):
    """A report whose headings Word numbers itself (一、 then （一）, in Chinese counting), a
    table between two paragraphs, and a list of the template's List Number style (1.)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text, level):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
        assert paragraph._p.pPr.find(qn("w:numPr")) is not None

    document.add_paragraph("同志们：")
    numbered("总体要求", 0)
    numbered("抓项目", 1)
    numbered("抓招商", 1)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "投资增长", "10%"
    numbered("保障措施", 0)
    numbered("抓落实", 1)
    document.add_paragraph("抓开工", style="List Number")
    document.add_paragraph("抓进度", style="List Number")
    document.save(path)


def test_word_shows_its_own_numbers_and_tables_where_they_stand(tmp_path):
    _numbered_docx(tmp_path / "report.docx")
    text = an.read_corpus(tmp_path / "report.docx").speeches["text"].item()
    assert text.split("\n") == ["一、总体要求", "（一）抓项目", "（二）抓招商", "投资增长\t10%", "二、保障措施",
                                "（一）抓落实", "1.抓开工", "2.抓进度"]
    outline = an.outline(an.read_corpus(tmp_path / "report.docx").speeches)
    assert outline["marker"].tolist()[:3] == ["一、", "（一）", "（二）"]


def test_a_pdfs_running_header_is_cleared_and_the_sentence_it_split_joined(tmp_path):
    from fpdf import FPDF

    class Gazette(FPDF):
        def header(self):
            self.cell(0, 6, "海南省人民政府公报 2026年第3期", align="C", new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            self.set_y(-15)
            self.cell(0, 6, f"— {self.page_no()} —", align="C")

    pdf = Gazette()
    pdf.add_font("noto", fname=str(an.find_cjk_font()))
    pdf.set_font("noto", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 7, "同志们：", new_x="LMARGIN", new_y="NEXT")
    for k in range(120):
        pdf.multi_cell(0, 7, f"第{k + 1}项工作要抓项目、抓招商、抓落实，城乡居民人均可支配收入增长{k % 9}%。",
                       new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "gazette.pdf"))
    comp = an.read_corpus(tmp_path / "gazette.pdf")
    text = comp.speeches["text"].item()
    assert pdf.page_no() >= 4 and "公报" not in text
    headers = comp.deletions[comp.deletions["reason"] == "running_header"]
    assert len(headers) >= pdf.page_no() - 1  # the first page's may stand above the title block
    assert text.count("城乡居民人均可支配收入") == 120  # no sentence split by the header


def test_a_line_said_again_is_no_running_header():
    text = "同志们：\n" + "".join(f"第{k}条，抓项目。\n揭榜\n挂帅是好办法。\n毛主席教导我们：“\n要抓落实。”\n"
                                for k in range(5))  # lines a page's layout broke, not a header
    comp = an.read_compilation(text=text)
    assert "running_header" not in set(comp.deletions["reason"])


def test_a_text_file_holding_a_page_or_its_entities_is_read_as_the_page_shows_it(tmp_path):
    page = ("<!DOCTYPE html>\n<html><head><title>讲话</title></head><body><div class='nav'>首页 &gt; 领导讲话</div>"
            "<h1>在全市招商大会上的讲话</h1><p>同志们：</p><p>今年要抓&ldquo;项目&rdquo;、抓招商。</p></body></html>\n")
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    (tmp_path / "entities.txt").write_text("&nbsp;&nbsp;同志们：\n&nbsp;&nbsp;今年要抓&ldquo;项目&rdquo;。\n",
                                           encoding="utf-8")
    sp = an.read_corpus(tmp_path / "page.txt").speeches
    assert sp["title"].item() == "在全市招商大会上的讲话" and sp["text"].item() == "今年要抓“项目”、抓招商。"
    assert sp["encoding"].item().startswith("html in a text file (utf-8)")
    sp = an.read_corpus(tmp_path / "entities.txt").speeches
    assert sp["text"].item() == "今年要抓“项目”。" and sp["salutation"].item() == "同志们："


def test_a_text_laid_out_one_character_at_a_time_is_read_as_its_words(tmp_path):
    """A PDF's text layer or an OCR may space every character, title block and all: the title,
    speaker and date are read as from the unspaced text, and ``encoding`` says the spacing went."""
    plain = ("2026年北京市政府工作报告\n——2026年1月25日在北京市第十六届人民代表大会第四次会议上\n北京市市长  殷勇\n"
             "各位代表：\n现在，我代表市人民政府向大会报告工作。全市地区生产总值增长5.4%，引进M102线项目。\n")
    (tmp_path / "plain.txt").write_text(plain, encoding="utf-8")
    (tmp_path / "spaced.txt").write_text("\n".join(" ".join(line) for line in plain.split("\n")), encoding="utf-8")
    both = an.read_corpus(tmp_path).speeches.set_index("file")
    columns = ["title", "speaker", "role", "date", "text"]
    assert both.loc["spaced.txt", columns].tolist() == both.loc["plain.txt", columns].tolist()
    assert both.loc["spaced.txt", "encoding"] == "utf-8, letter spacing removed"
    assert both.loc["plain.txt", "speaker"] == "殷勇" and both.loc["plain.txt", "date"] == "2026-01-25"
