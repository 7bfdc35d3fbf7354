"""Metadata of official texts: title, occasion, speaker, role and date in the layouts they use."""
import pytest

import analysis as an

BODY = "各位代表：\n现在，我代表政府报告工作。\n"


@pytest.mark.parametrize("head, title, speaker, role, date, occasion", [
    ("政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上 国务院总理 李强\n", "政府工作报告", "李强",
     "国务院总理", "2024-03-05", "第十四届全国人民代表大会第二次会议"),
    ("2026年浙江省政府工作报告\n（2026年1月27日在浙江省第十四届人民代表大会第四次会议上）\n浙江省省长 刘捷\n",
     "2026年浙江省政府工作报告", "刘捷", "浙江省省长", "2026-01-27", "浙江省第十四届人民代表大会第四次会议"),
    ("政府工作报告\n――2026年1月27日在福建省第十四届人民代表大会第四次会议上\n福建省人民政府省长 赵龙\n",
     "政府工作报告", "赵龙", "福建省人民政府省长", "2026-01-27", "福建省第十四届人民代表大会第四次会议"),
    ("政府工作报告\n——2026年1月27日在河南省第十四届人民代表大会\n第四次会议上\n河南省人民政府省长 王凯\n",
     "政府工作报告", "王凯", "河南省人民政府省长", "2026-01-27", "河南省第十四届人民代表大会第四次会议"),
])
def test_official_report_layouts(head, title, speaker, role, date, occasion):
    sp = an.read_compilation(text=head + BODY).speeches.iloc[0]
    assert (sp["title"], sp["speaker"], sp["role"], sp["date"], sp["occasion"]) == (title, speaker, role, date, occasion)
    assert sp["text"] == "现在，我代表政府报告工作。"


@pytest.mark.parametrize("title, role, occasion", [
    ("常务副市长在全市项目建设调度会上的讲话", "常务副市长", "全市项目建设调度会"),
    ("县长在全县招商引资工作会议上的讲话", "县长", "全县招商引资工作会议"),
])
def test_a_role_in_the_title(title, role, occasion):
    sp = an.read_compilation(text=f"{title}\n同志们：\n要抓项目。\n").speeches.iloc[0]
    assert (sp["role"], sp["occasion"], sp["title"]) == (role, occasion, title)


def test_labels_name_the_place_else_the_speaker_else_the_occasion(provincial):
    assert provincial["label"].tolist()[:4] == ["上海", "云南", "内蒙古", "北京"]
    assert provincial["label"].is_unique
    sp = an.read_compilation(text="第一篇：在全市招商大会上的讲话\n市委书记 张三\n同志们：\n要抓项目。\n"
                                  "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工。\n").speeches
    assert sp["label"].tolist() == ["张三", "项目推进会"]


def test_an_untitled_speech_still_gets_a_label():
    sp = an.read_compilation(text="同志们：\n要抓开工、抓进度。\n").speeches
    assert sp["label"].tolist() == ["第1篇"]


@pytest.mark.parametrize("head", [
    "标题：在全市招商引资工作会议上的讲话\n作者：张三\n日期：2021年3月5日\n来源：市政府网站\n\n",
    "作者：张三\n日期：2021-03-05\n标题：在全市招商引资工作会议上的讲话\n\n",
])
def test_a_title_block_of_labelled_lines_gives_title_speaker_and_date(head):
    comp = an.read_compilation(text=head + "同志们：\n今年要抓项目、抓招商，投资增长5%左右。\n")
    sp = comp.speeches.iloc[0]
    assert (sp["title"], sp["speaker"], sp["date"]) == ("在全市招商引资工作会议上的讲话", "张三", "2021-03-05")
    assert sp["text"] == "今年要抓项目、抓招商，投资增长5%左右。"
    kinds = dict(zip(comp.spans["text"].str.strip(), comp.spans["kind"]))
    assert kinds["作者：张三"] == "speaker" and kinds["标题：在全市招商引资工作会议上的讲话"] == "title"


@pytest.mark.parametrize("line,date", [
    ("2024.03.05", "2024-03-05"), ("2024-03-05", "2024-03-05"), ("2024/3/5", "2024-03-05"),
    ("2024年03月05日 10:30", "2024-03-05"),  # a page's time stamp, the only date there is
])
def test_a_date_printed_alone_under_the_title_is_the_date_not_part_of_the_title(line, date):
    sp = an.read_compilation(text=f"在全市招商大会上的讲话\n{line}\n张三\n同志们：\n今年要抓项目。\n").speeches
    assert sp[["title", "date", "speaker"]].values.tolist() == [["在全市招商大会上的讲话", date, "张三"]]


def test_a_pages_time_stamp_gives_way_to_the_date_of_the_title_block():
    text = "政府工作报告\n2026-02-03 09:02:33\n——2026年1月28日在省第十四届人民代表大会第四次会议上\n各位代表：\n现在报告工作。\n"
    sp = an.read_compilation(text=text).speeches
    assert sp["date"].item() == "2026-01-28"


@pytest.mark.parametrize("line,speaker,role", [
    ("市长：张三", "张三", "市长"),
    ("市委副书记、市长　李四", "李四", "市委副书记、市长"),
    ("中共XX市委书记 王五", "王五", "中共XX市委书记"),
])
def test_speaker_lines_with_a_colon_several_offices_or_a_masked_place(line, speaker, role):
    sp = an.read_compilation(text=f"在全市招商大会上的讲话\n{line}\n同志们：\n今年要抓项目。\n").speeches
    assert sp[["title", "speaker", "role"]].values.tolist() == [["在全市招商大会上的讲话", speaker, role]]


@pytest.mark.parametrize("head,title,speaker", [
    ("在全市招商大会上的讲话\n张三\n各位领导、同志们：", "在全市招商大会上的讲话", "张三"),  # a name alone before the salutation
    ("在全市招商大会\n上的讲话\n同志们：", "在全市招商大会上的讲话", None),  # a title over two lines, no name
])
def test_a_name_alone_under_the_title_is_the_speaker_and_a_titles_second_line_is_not(head, title, speaker):
    sp = an.read_compilation(text=f"{head}\n今年要抓项目，投资增长10%。\n").speeches
    assert sp[["title", "speaker"]].values.tolist() == [[title, speaker]]


@pytest.mark.parametrize("mask", ["XX", "××", "ＸＸ"])
def test_a_template_masked_with_multiplication_signs_keeps_its_title_speaker_and_date_apart(mask):
    """Official templates mask places, names and dates with × as often as with X (××市委书记 ×××,
    2024年×月×日): the title block is read the same whatever the letter."""
    one, three = mask[0], mask[0] * 3
    text = f"在全市招商大会上的讲话\n{mask}市委书记 {three}\n（2024年{one}月{one}日）\n同志们：\n今年要抓项目。\n"
    row = an.read_compilation(text=text).speeches.iloc[0]
    assert row["title"] == "在全市招商大会上的讲话" and row["role"] == f"{mask}市委书记"
    assert row["speaker"] is None and row["speaker_masked"]
    assert row["date_masked"] and row["date_text"] == f"2024年{one}月{one}日" and row["date"] is None
