"""What each number commits to: bound, direction, change, year, indicator and role by scope."""
import pytest

import analysis as an

REPORT = ("政府工作报告\n——2026年1月25日在市人民代表大会上\n市长 王明\n各位代表：\n一、2025年工作回顾\n"
          "过去一年，全市地区生产总值增长5.4%，一般公共预算收入完成了1200亿元。\n二、2026年工作安排\n"
          "今年经济社会发展的主要预期目标是：全市生产总值增长5%左右，地方一般公共预算收入增长2%，城镇调查失业率5%以内，"
          "居民消费价格涨幅2%左右，单位地区生产总值能耗下降2.5%，研发投入强度5.5%—6%。\n"
          "要确保全年完成固定资产投资85亿元以上。\n")


@pytest.fixture(scope="module")
def report():
    numbers = an.numeric_targets(an.read_compilation(text=REPORT).speeches)
    return numbers.set_index("surface")


def test_every_number_of_the_target_list_is_a_target_with_an_indicator(report):
    listed = ["5%左右", "2%", "5%以内", "2%左右", "2.5%", "5.5%—6%"]
    assert report.loc[listed, "role"].tolist() == ["target"] * 6
    assert report.loc[listed, "indicator_norm"].tolist() == [
        "gdp", "general_public_budget_revenue", "surveyed_unemployment", "cpi", "energy_intensity", "rd_intensity"]
    assert (report.loc[listed, "year"] == 2026).all()


def test_the_review_section_is_last_years_actuals(report):
    assert report.loc[["5.4%", "1200亿元"], "role"].tolist() == ["actual", "actual"]
    assert report.loc[["5.4%", "1200亿元"], "year"].tolist() == [2025, 2025]


def test_bounds_ranges_and_direction(report):
    assert report.loc["5%左右", "bound"] == "about" and report.loc["5%以内", "bound"] == "at_most"
    assert report.loc["85亿元以上", "bound"] == "at_least" and report.loc["2%", "bound"] == "exact"
    assert report.loc["5.5%—6%", ["bound", "value", "value_max"]].tolist() == ["range", 5.5, 6.0]
    assert report.loc["2.5%", "direction"] == "down" and report.loc["2.5%", "value"] == 2.5  # never flipped
    assert report.loc["5%左右", "change"] == "growth" and report.loc["5%以内", "change"] == "level"


def test_a_firm_commitment_is_a_target_whatever_verb_follows(report):
    assert report.loc["85亿元以上", ["role", "indicator", "indicator_norm"]].tolist() == [
        "target", "固定资产投资", "fixed_asset_investment"]


def test_outline_markers_and_years_never_form_a_range(report):
    assert "一、2025年" not in report.index and report.loc["2025年", "value"] == 2025


@pytest.mark.parametrize("sentence, surface, value, value_max, bound", [
    ("增速控制在4.5-5%之间。", "4.5-5%", 4.5, 5.0, "range"),
    ("居民收入增长5.5%以内。", "5.5%以内", 5.5, 5.5, "at_most"),
    ("出口下降-2.5%。", "-2.5%", -2.5, -2.5, "exact"),
    ("增速为负13.5个百分点。", "负13.5个百分点", -13.5, -13.5, "exact"),
    ("投资约30亿元。", "约30亿元", 30.0, 30.0, "about"),
    ("投资不超过30亿元。", "超过30亿元", 30.0, 30.0, "at_most"),
    ("投资不低于30亿元。", "30亿元", 30.0, 30.0, "at_least"),
])
def test_one_quantity(sentence, surface, value, value_max, bound):
    row = an.extract_numbers(sentence).iloc[0]
    assert (row["surface"], row["value"], row["value_max"], row["bound"]) == (surface, value, value_max, bound)


def test_a_share_is_a_share():
    row = an.extract_numbers("民营经济占全市经济总量的比重达到60%。").iloc[0]
    assert row["change"] == "share"


def test_relative_years_resolve_against_the_documents_date():
    sp = an.read_compilation(text="政府工作报告\n——2026年1月25日在市人民代表大会上\n各位代表：\n"
                                  "去年全市粮食产量达到1200万吨。今年要确保粮食产量稳定在1200万吨以上。\n").speeches
    numbers = an.numeric_targets(sp)
    assert numbers["year"].tolist() == [2025, 2026]
    assert numbers["role"].tolist()[1] == "target"
