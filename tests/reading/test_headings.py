"""Compilation layouts as a family: every way sites number the speeches of a page."""
import warnings

import pytest

import analysis as an

TWO = ("{h1}在全市招商大会上的讲话\n同志们：\n要抓项目。\n{h2}在项目推进会上的讲话\n同志们：\n要抓开工。\n")


@pytest.mark.parametrize("h1, h2", [
    ("第一篇：", "第二篇："), ("篇一：", "篇二："), ("【篇一】", "【篇二】"), ("[篇1]", "[篇2]"), ("（第一篇）", "（第二篇）"),
    ("范文一：", "范文二："), ("材料1：", "材料2："), ("第1篇 ", "第2篇 "), ("篇①", "篇②"),
])
def test_numbered_headings_in_any_style(h1, h2):
    sp = an.read_compilation(text=TWO.format(h1=h1, h2=h2)).speeches
    assert sp["title"].tolist() == ["在全市招商大会上的讲话", "在项目推进会上的讲话"]
    assert sp["text"].tolist() == ["要抓项目。", "要抓开工。"]
    assert sp["salutation"].tolist() == ["同志们：", "同志们："]


def test_a_heading_run_into_the_line_before():
    text = "第一篇：在全市招商大会上的讲话\n同志们：\n要抓项目。第二篇：在项目推进会上的讲话\n同志们：\n要抓开工。\n"
    comp = an.read_compilation(text=text)
    assert comp.speeches["text"].tolist() == ["要抓项目。", "要抓开工。"]
    assert "".join(comp.spans["text"]) == text


def test_the_collection_title_with_a_number_and_a_preamble():
    text = ("在全市项目建设大会上的讲话\n下面是小编为大家收集的在全市项目建设大会上的讲话，供大家参考。\n"
            "在全市项目建设大会上的讲话1\n同志们：\n要抓项目。\n在全市项目建设大会上的讲话2\n同志们：\n要抓开工。\n")
    comp = an.read_compilation(text=text)
    assert comp.speeches["text"].tolist() == ["要抓项目。", "要抓开工。"]
    assert "preamble" in set(comp.spans["kind"])
    assert not comp.speeches["text"].str.contains("小编").any()


def test_a_table_of_contents_in_traditional_characters():
    text = ("目錄\n第一篇 在全市招商大會上的講話\n第二篇 在項目推進會上的講話\n"
            "第一篇 在全市招商大會上的講話\n同志們：\n要抓項目。\n第二篇 在項目推進會上的講話\n同志們：\n要抓開工。\n")
    sp = an.read_compilation(text=text).speeches
    assert sp["text"].tolist() == ["要抓項目。", "要抓開工。"]


def test_outline_headings_never_open_a_speech():
    text = "在全县大会上的讲话\n同志们：\n一、抓项目\n要抓开工。\n二、抓招商\n要抓落实。\n（一）抓服务\n"
    assert len(an.read_compilation(text=text).speeches) == 1


@pytest.mark.parametrize("claim", ["讲话稿精选5篇", "讲话稿【5篇】", "讲话稿范文5篇"])
def test_a_count_the_page_claims_is_checked(claim):
    text = claim + "\n" + TWO.format(h1="第一篇：", h2="第二篇：")
    with pytest.warns(an.CorpusWarning, match="says it holds 5 speeches, but 2 were found"):
        an.read_compilation(text=text)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        an.read_compilation(text="讲话稿精选2篇\n" + TWO.format(h1="第一篇：", h2="第二篇："))


def test_a_compilation_copied_without_its_line_breaks_is_read_speech_by_speech():
    """第一篇：在…上的讲话同志们：… on one line: the heading ends where the salutation begins."""
    text = ("第一篇：在全市招商大会上的讲话同志们：今天我们召开大会，要抓项目、抓招商、抓落实。"
            "第二篇：在项目推进会上的讲话各位代表：要抓开工、抓进度。项目是生命线。")
    comp = an.read_compilation(text=text)
    assert comp.speeches["title"].tolist() == ["在全市招商大会上的讲话", "在项目推进会上的讲话"]
    assert comp.speeches["text"].str.startswith(("同志们：", "各位代表：")).all()
    assert comp.spans["start"].iloc[0] == 0 and (comp.spans["start"].iloc[1:].values == comp.spans["end"].iloc[:-1].values).all()
    # a heading whose title holds the word, with no colon after it, is left whole
    one = an.read_compilation(text="第一篇：致全市广大同志们的一封信\n同志们：\n要抓项目。\n").speeches
    assert one["title"].tolist() == ["致全市广大同志们的一封信"]
