import pytest

import analysis as an


@pytest.fixture(scope="module")
def found(speeches, tokens):
    return an.slogans(speeches, tokens=tokens)


def members(found, speech, frame):
    p = found[(found["kind"] == "parallel") & (found["speech"] == speech) & (found["frame"] == frame)]
    return p["slot"].tolist()


def test_parallel_frames_of_the_seed(found):
    assert members(found, 1, "□招商") == ["按需求", "凭条件", "循规律"]
    assert members(found, 1, "凭□招商") == ["优势", "平台", "实力"]
    assert members(found, 5, "要□促招商") == ["强化领导", "抓好落实", "优化载体", "主导产业", "破解瓶颈", "优化环境"]
    assert members(found, 4, "抓□") == ["开工", "进度", "土地申报", "资金落实", "项目申报", "项目信息", "责任落实", "督查"]
    assert members(found, 3, "以最□客商") == ["优的环境服务", "佳的平台承接", "大的收益回报"]
    assert members(found, 2, "□抓") == ["主要领导亲自", "分管领导重点", "落实专人具体"]


def test_quoted_and_masked(found, speeches):
    q = found[found["kind"] == "quoted"]
    assert {"一把手工程", "一号工程", "7个抓", "快半拍"} <= set(q["slogan"])
    masked = q[q["masked"]]
    assert "XXX工程" in set(masked["slogan"])
    text = speeches.set_index("speech")["text"]
    for r in found.itertuples():
        assert text[r.speech][r.start:r.end] == r.surface


def test_numbered(found):
    n = set(found[found["kind"] == "numbered"]["slogan"])
    assert {"7个抓", "三点承诺", "四大难题", "八策之首"} <= n


def test_recurring(found):
    r = an.recurring_slogans(found).set_index("slogan")
    assert r.loc["一把手", "n_speeches"] == 2 and r.loc["一把手", "kind"] == "quoted"  # speeches 2 and 5, below
    m = an.slogan_matrix(found)
    assert set(m.columns) == {"slogan", "kind", "speech", "n"}
    assert m[m["slogan"] == "一把手"].set_index("speech")["n"].to_dict() == {1: 0, 2: 1, 3: 0, 4: 0, 5: 1}


def test_repeated_are_cut_at_content_words(found, tokens):
    rep = found[found["kind"] == "repeated"]
    assert len(rep) > 0
    assert not rep["slogan"].str.endswith("的").any()
