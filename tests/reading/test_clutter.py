"""Site clutter is recognised as spans and kept out of titles, bodies and statistics."""
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
