import analysis as an


def test_seed_outline_levels(speeches):
    o = an.outline(speeches)
    s1 = o[(o["speech"] == 1) & (o["level"] == 1)]
    assert s1["heading"].tolist() == ["按需求招商", "凭条件招商", "循规律招商"]
    slip = o[o["note"].str.startswith("numbered")]
    assert slip[["speech", "marker", "number", "level"]].values.tolist() == [[1, "第三条，", 3, 1]]
    s5 = o[(o["speech"] == 5) & (o["level"] == 1)]
    assert s5["heading"].tolist()[1] == "认真谋划下步工作，坚决打赢招商引资攻坚战"
    s5b = o[(o["speech"] == 5) & (o["marker_type"] == "paren_cn")]
    assert len(s5b) == 9 and set(s5b["level"]) == {2}
    s4 = o[(o["speech"] == 4) & (o["level"] == 1)]
    assert s4["number"].tolist() == [1, 2, 3, 4]
    assert o[(o["speech"] == 3)]["heading"].tolist() == ["以最优的环境服务客商", "以最佳的平台承接客商", "以最大的收益回报客商"]


def test_heading_styles_on_invented_text():
    text = "一、总体要求\n（一）抓项目。项目是根本。\n1、抓开工。\n2、抓进度。\n（二）抓招商\n二、保障措施\n第一个，讲落实。要落实。\n"
    o = an.outline(an.read_compilation(text=f"第一篇：讲话\n{text}").speeches)
    assert o["level"].tolist() == [1, 2, 3, 3, 2, 1, 2]
    assert o["heading"].tolist() == ["总体要求", "抓项目", "抓开工", "抓进度", "抓招商", "保障措施", "讲落实"]


def test_summary(speeches):
    s = an.outline_summary(an.outline(speeches))
    assert s.groupby("speech")["depth"].first().to_dict() == {1: 2, 2: 1, 3: 1, 4: 3, 5: 3}
    assert s[s["speech"] == 1]["n_slips"].iloc[0] == 1
