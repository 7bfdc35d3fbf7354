"""Site clutter is recognised as spans and kept out of titles, bodies and statistics."""
import re

import analysis as an

PAGE = ("在全市项目建设大会上的讲话三味园范文网\n在全市项目建设大会上的讲话.docx\nVIP专免\n20.57KB\n14 页\n侵权投诉\n"
        "同志们：\n今年要抓项目、抓招商。\n项目是经济工作的生命线。\n预览结束，喜欢就下载吧！\n全文共16204字，当前仅显示2914字\n")


def test_document_site_clutter_is_spans_not_text():
    comp = an.read_compilation(text=PAGE)
    sp = comp.speeches.iloc[0]
    assert sp["title"] == "在全市项目建设大会上的讲话"
    assert sp["text"] == "今年要抓项目、抓招商。\n项目是经济工作的生命线。"
    clutter = comp.spans[comp.spans["kind"] == "web_clutter"]["text"].str.strip().tolist()
    for line in ("VIP专免", "20.57KB", "14 页", "侵权投诉", "预览结束，喜欢就下载吧！"):
        assert line in clutter, line
    assert "".join(comp.spans["text"]) == PAGE


def test_clutter_is_never_counted():
    tokens = an.tokenize(an.read_compilation(text=PAGE).speeches)
    assert not {"VIP", "KB", "下载", "侵权"} & set(an.term_counts(tokens)["term"])


def test_document_site_teasers_are_clutter():
    from analysis.reading.clutter import is_clutter

    for line in ("省略1038字", "全文共16204字，当前仅显示2914字", "2024年政府工作报告全文.docx", "由会员分享",
                 "首页 > 政府信息公开 > 政府工作报告", "当前位置：首页 > 新闻中心"):
        assert is_clutter(line), line
    assert not is_clutter("要坚持稳中求进，以进促稳。")


def test_library_notice_ends_the_body_but_a_sentence_about_copyright_does_not():
    from analysis.chinese import split_lines
    from analysis.reading.clutter import notice_start

    body = "同志们：\n我们要加强知识产权保护，完善著作权制度。\n谢谢大家！\n"
    lines = split_lines(body)
    assert notice_start(lines, 0, len(lines)) is None
    footnotes = body + "\n\n↑\n \n原文無貨幣單位。\n\n\n↑\n \n音譯。\n"
    lines = split_lines(footnotes)
    assert lines[notice_start(lines, 0, len(lines))].text == "↑"
    notice = body + "\n\n这部作品在1931年1月1日以前发表，在\n美國\n以及版權期限是\n匿名作品发表起95年\n以下的国家属于\n公有領域\n。\n\n" \
                    "Public domain\nPublic domain\nfalse\nfalse"
    lines = split_lines(notice)
    assert lines[notice_start(lines, 0, len(lines))].text.startswith("这部作品")
    # paragraphs one per line, without blank lines (an archive's list of paragraphs, an HTML page):
    # the notice follows a finished sentence; a line that runs on into it is no start
    packed = split_lines(re.sub(r"\n+", "\n", notice))
    assert packed[notice_start(packed, 0, len(packed))].text.startswith("这部作品")
    run_on = split_lines("同志们：\n我们要保护\n版权和著作权\n公有领域\n")
    assert notice_start(run_on, 0, len(run_on)) is None


def test_run_in_heading_after_a_colon_opens_a_speech():
    import analysis as an

    text = ("精选讲话稿，以下是小编整理的，供大家参考：第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商。\n"
            "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工。")
    assert an.read_compilation(text=text).speeches["title"].tolist() == ["在全市招商大会上的讲话", "在项目推进会上的讲话"]
