"""Splitting a file into speeches and spans that tile it, every character accounted for."""
import pytest

import analysis as an


def _tiles(comp, text):
    spans = comp.spans.sort_values("start")
    assert spans["start"].iloc[0] == 0 and spans["end"].iloc[-1] == len(text)
    assert (spans["start"].to_numpy()[1:] == spans["end"].to_numpy()[:-1]).all()


def test_a_compilation_is_split_at_its_headings_and_its_spans_tile_it():
    text = ("招商引资讲话稿（精选2篇）\n第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商。\n"
            "第二篇：在项目推进会上的讲话\n同志们：\n抓开工、抓进度。\n")
    comp = an.read_compilation(text=text)
    assert len(comp.speeches) == 2
    _tiles(comp, text)
    assert comp.speeches["title"].tolist() == ["在全市招商大会上的讲话", "在项目推进会上的讲话"]


def test_a_heading_run_into_the_line_before_still_opens_a_speech():
    text = ("第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商。第二篇：在项目推进会上的讲话\n"
            "同志们：\n抓开工、抓进度。\n")
    comp = an.read_compilation(text=text)
    assert len(comp.speeches) == 2
    _tiles(comp, text)


def test_a_speech_that_breaks_off_is_marked_truncated_whatever_follows_its_dots():
    from analysis import read_compilation

    endings = {"要抓开工……": True, "要抓开工...\n\n": True, "要抓开工..": False, "要抓开工。": False,
               "要抓开工…… 　": True}
    for ending, truncated in endings.items():
        sp = read_compilation(text=f"第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商。\n{ending}").speeches
        assert sp["truncated"].tolist() == [truncated], ending


def test_a_speech_before_the_first_heading_is_a_speech_and_a_compilations_preamble_is_not():
    body = "今年以来，全县上下坚持项目为王，抓招商、抓开工、抓投产，各项工作取得明显成效。" * 6
    copied = (f"在全县项目推进会上的讲话\n县委书记 XXX\n同志们：\n{body}\n"
              "第三篇：在重点招商项目推介会上的讲话\n尊敬的各位朋\n")
    comp = an.read_compilation(text=copied)
    _tiles(comp, copied)
    assert comp.speeches["title"].tolist() == ["在全县项目推进会上的讲话", "在重点招商项目推介会上的讲话"]
    assert comp.speeches["text"].iloc[0].strip() == body and comp.speeches["salutation"].iloc[0] == "同志们："
    # a compilation's own words, however long, address no one: front matter, as before
    preamble = f"招商引资讲话稿（精选2篇）\n编者按：{body}\n"
    compilation = (f"{preamble}第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商。\n"
                   "第二篇：在项目推进会上的讲话\n同志们：\n抓开工、抓进度。\n")
    comp = an.read_compilation(text=compilation)
    assert len(comp.speeches) == 2
    assert comp.spans.loc[comp.spans["end"] <= len(preamble), "speech"].eq(0).all()


def test_a_trailer_ends_the_body_but_a_trailer_word_followed_by_the_speech_going_on_does_not():
    body = "今年以来，全县上下坚持项目为王，抓招商、抓开工、抓投产，各项工作取得明显成效。\n"
    page = f"同志们：\n{body}相关报道：\n全县项目建设观摩会召开\n招商引资签约仪式举行\n"
    assert an.read_compilation(text=page).speeches["text"].tolist() == [body.strip()]
    # two pages saved into one file: the first page's trailer is followed by the second page's prose
    pages = page + body * 30
    sp = an.read_compilation(text=pages).speeches
    assert sp["text"].iloc[0].endswith(body.strip()) and len(sp["text"].iloc[0]) > 30 * len(body.strip())


def test_speeches_run_on_without_numbers_are_split_at_each_title():
    text = ("在全市招商引资大会上的讲话\n（2024年3月5日）\n张三\n同志们：\n今年要抓项目、抓招商，投资增长10%。\n谢谢大家！\n\n"
            "在全市项目推进会上的讲话\n（2024年5月8日）\n李四\n同志们：\n要抓开工、抓进度。\n\n"
            "在重点项目调度会上的讲话\n同志们：\n要抓调度、抓服务。\n")
    comp = an.read_compilation(text=text)
    sp = comp.speeches
    assert sp["title"].tolist() == ["在全市招商引资大会上的讲话", "在全市项目推进会上的讲话", "在重点项目调度会上的讲话"]
    assert sp["speaker"].tolist()[:2] == ["张三", "李四"] and sp["date"].tolist()[:2] == ["2024-03-05", "2024-05-08"]
    assert sp["text"].tolist()[1:] == ["要抓开工、抓进度。", "要抓调度、抓服务。"]
    assert "".join(comp.spans.sort_values("start")["text"]) == text  # the spans still tile the file
    one = an.read_compilation(text=text.split("\n\n")[0] + "\n").speeches  # one speech's own title splits nothing
    assert len(one) == 1 and one["title"].item() == "在全市招商引资大会上的讲话"


@pytest.mark.parametrize("first,second", [
    ("一、", "二、"), ("讲话一：", "讲话二："), ("【1】", "【2】"), ("［1］", "［2］"), ("===== ", "===== "), ("*** ", "*** ")])
def test_speeches_listed_with_numbers_or_rules_are_titled_without_them(first, second):
    closing = {"===== ": " =====", "*** ": " ***"}.get(first, "")
    text = (f"领导讲话汇编\n{first}在全市招商引资大会上的讲话{closing}\n同志们：\n今年要抓项目。\n"
            f"{second}在全市项目推进会上的讲话{closing}\n同志们：\n要抓开工、抓进度。\n")
    comp = an.read_compilation(text=text)
    sp = comp.speeches
    assert sp["title"].tolist() == ["在全市招商引资大会上的讲话", "在全市项目推进会上的讲话"]
    assert sp["heading"].tolist()[0] == f"{first}在全市招商引资大会上的讲话{closing}"
    assert "".join(comp.spans.sort_values("start")["text"]) == text
