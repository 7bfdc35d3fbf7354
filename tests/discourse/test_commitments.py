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


@pytest.mark.parametrize("sentence, surface, value, value_max, unit", [
    ("完成率达到百分之百。", "百分之百", 100.0, 100.0, "%"),
    ("不良率控制在千分之三以内。", "千分之三以内", 0.3, 0.3, "%"),
    ("覆盖率达到万分之五。", "万分之五", 0.05, 0.05, "%"),
    ("增长三成半。", "三成半", 35.0, 35.0, "%"),
    ("运来一吨半钢材。", "一吨半", 1.5, 1.5, "吨"),
    ("长两米半。", "两米半", 2.5, 2.5, "米"),
    ("三斤半大米。", "三斤半", 3.5, 3.5, "斤"),
    ("修路三百米。", "三百米", 300.0, 300.0, "米"),
    ("四十克黄金。", "四十克", 40.0, 40.0, "克"),
    ("投资在20和30之间。", "20和30之间", 20.0, 30.0, ""),
    ("一千到一千五百人。", "一千到一千五百人", 1000.0, 1500.0, "人"),
    ("最多100最少20个。", "最多100最少20个", 20.0, 100.0, "个"),
    ("五元三毛钱。", "五元三毛", 5.3, 5.3, "元"),
    ("粮食产量稳定在1.3万亿斤以上。", "1.3万亿斤以上", 1.3, 1.3, "万亿斤"),
])
def test_the_expressions_peers_read(sentence, surface, value, value_max, unit):
    row = an.extract_numbers(sentence).iloc[0]
    assert (row["surface"], row["unit"]) == (surface, unit)
    assert row["value"] == pytest.approx(value) and row["value_max"] == pytest.approx(value_max)


def test_a_deadline_is_a_date_with_no_role():
    row = an.extract_numbers("确保6月底前全部开工。").iloc[0]
    assert row["kind"] == "date" and row["role"] == "other"


@pytest.mark.parametrize("sentence, surface, period", [
    ("1至5月，开工率达到51.2%。", "51.2%", "1至5月"),
    ("一季度完成投资占年度计划的23.5%。", "23.5%", "一季度"),
    ("上半年，规上工业增加值增长6.1%。", "6.1%", "上半年"),
    ("前三季度，固定资产投资增长4.2%。", "4.2%", "前三季度"),
    ("前五个月，进出口总额增长8.3%。", "8.3%", "前五个月"),
    ("1-5月，社会消费品零售总额增长5%。", "5%", "1-5月"),
])
def test_a_part_of_the_year_already_past_gives_results(sentence, surface, period):
    row = an.extract_numbers(sentence).set_index("surface").loc[surface]
    assert row["role"] == "actual" and row["period"] == period


def test_a_plan_gives_its_years():
    assert an.extract_numbers("“十五五”期间增长50%。").iloc[0]["period"] == "2026-2030"
    assert an.extract_numbers("第十四个五年规划期间增长40%。").iloc[0]["period"] == "2021-2025"
    # a sentence's own plan or part of a year only: the next sentence's names none for this one
    rows = an.extract_numbers("投资增长9%。1至5月，出口增长2%。“十四五”期间增长30%。").set_index("surface")
    assert rows.loc[["9%", "2%", "30%"], "period"].tolist() == ["", "1至5月", "2021-2025"]


def test_respectively_gives_one_indicator_per_figure():
    rows = an.extract_numbers("城镇和农村居民人均可支配收入分别增长4.3%、5.5%。")
    assert rows["indicator"].tolist() == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert rows["indicator_norm"].tolist() == ["disposable_income", "disposable_income"]


def test_an_indicator_is_never_a_fragment_of_the_figure_before():
    rows = an.extract_numbers("建成106个省市重点项目，完成投资增长4.3%、5.5%。")
    assert not rows["indicator"].str.contains(r"\d").any()


def test_every_number_of_the_reports_target_paragraphs_is_a_target(provincial):
    numbers = an.numeric_targets(provincial)
    listed = numbers[numbers["sentence"].str.contains("主要预期目标")]
    assert len(listed) >= 80 and (listed["role"] == "target").all()
    assert (listed["indicator"].str.len() >= 2).all() and (listed["indicator_norm"] != "").mean() > 0.95
    assert (listed["year"] == 2026).mean() > 0.95


def test_the_reports_review_headlines_are_last_years_actuals(provincial):
    table = an.target_table(an.numeric_targets(provincial))
    gdp = table[(table["indicator_norm"] == "gdp") & (table["change"] == "growth")]
    actual = gdp[gdp["role"] == "actual"]
    assert len(actual) >= 10 and (actual["year"] == 2025).all()
    assert actual["value"].between(0, 10).all()


def test_an_indicator_table_names_as_its_patterns_asked_in_turn_would():
    import re

    from analysis.discourse.commitments import IndicatorTable

    rows = (("gdp", re.compile("生产总值|GDP")), ("cpi", re.compile("消费价格")), ("jobs", re.compile("就业")))
    # a pattern with a group of its own cannot be joined into one: asked in turn, the same names
    grouped = rows + (("exports", re.compile("(出口|外贸)总额")),)
    for table_rows in (rows, grouped):
        table = IndicatorTable(table_rows)
        for indicator in ("地区生产总值", "城镇新增就业", "居民消费价格涨幅", "进出口总额", "外贸总额", "开会", "", None):
            expected = next((n for n, rx in table_rows if rx.search(indicator or "")), "")
            assert table.name_of(indicator) == expected
    assert IndicatorTable(rows)._any is not None and IndicatorTable(grouped)._any is None


@pytest.mark.parametrize("sentence,figure,indicator", [
    ("全市国家级高新技术企业数量突破3万家。", "3万家", "国家级高新技术企业数量"),
    ("粮食播种面积稳定在6200万亩以上、年度产量首次突破2000万吨。", "2000万吨", "年度产量"),
    ("全区规模以上服务业企业突破2000户。", "2000户", "规模以上服务业企业"),
])
def test_an_indicator_is_the_item_before_its_figure_without_the_verb_of_reaching(sentence, figure, indicator):
    sp = an.read_compilation(text=f"同志们：\n{sentence}\n").speeches
    rows = an.numeric_targets(sp)
    assert rows.loc[rows["surface"] == figure, "indicator"].tolist() == [indicator]


def test_residents_and_emissions_are_no_comparison():
    """居 and 排 cue a comparison (居全国第3位, 排名前5): not in 居民 or 排放."""
    d = an.extract_numbers("城乡居民收入增长5%，碳排放强度下降3%，居全国第3位，排名前5名。")
    assert d["role"].tolist() == ["other", "other", "comparison", "comparison"]


def test_a_share_compares_nothing_and_names_no_total():
    """比重 and 占比 hold 比 but measure a share: not a comparison, and 增加值占地区生产总值比重 is not GDP."""
    d = an.extract_numbers("数字经济核心产业增加值占地区生产总值比重达到12%，民间投资占比55%，增速比全国高1个百分点。")
    assert d["role"].tolist()[2] == "comparison" and "comparison" not in d["role"].tolist()[:2]
    assert d["indicator_norm"].tolist()[:2] == ["", ""]


@pytest.mark.parametrize("sentence,figure,indicator", [
    ("PM2.5年均浓度下降到28微克/立方米。", "28微克/立方米", "PM2.5年均浓度"),
    ("PM2.5平均浓度降至28.5微克每立方米。", "28.5微克每立方米", "PM2.5平均浓度"),
    ("累计建成5G基站12万个。", "12万个", "累计建成5G基站"),
    ("城乡居民收入比2020年增长30%。", "30%", "城乡居民收入"),
    ("优良天数比例同比提升2个百分点。", "2个百分点", "优良天数比例"),
])
def test_an_indicator_keeps_a_latin_name_whole_and_never_holds_the_base_it_is_compared_with(
        sentence, figure, indicator):
    rows = an.extract_numbers(sentence)
    assert rows.loc[rows["surface"] == figure, "indicator"].tolist() == [indicator]


def test_a_change_after_a_figure_measures_what_the_figure_does():
    """营收达到8400亿元、同比增长7%: the 7% is the growth of 营收, whose name the clause gives once."""
    d = an.extract_numbers("省级重点产业链营收达到8400亿元、同比增长7%，规上工业增加值增长6%。")
    assert d["indicator"].tolist() == ["省级重点产业链营收", "省级重点产业链营收", "规上工业增加值"]


@pytest.mark.parametrize("sentence,name", [
    ("常住人口城镇化率达到70%。", "urbanization_rate"),
    ("单位地区生产总值二氧化碳排放下降3%。", "carbon_intensity"),  # not GDP, though 生产总值 is in it
    ("人均预期寿命达到80岁。", "life_expectancy"),
    ("森林覆盖率达到45%。", "forest_coverage"),
    ("技术合同成交额1000亿元。", "technology_contracts"),
    ("粮食播种面积稳定在1.2亿亩。", "grain_sown_area"),
    ("城市空气质量优良天数比率88%。", "good_air_days"),
    ("国考断面水质优良比例90%。", "surface_water_quality"),
])
def test_the_targets_every_report_sets_have_a_name(sentence, name):
    assert an.extract_numbers(sentence)["indicator_norm"].tolist() == [name]


def test_every_indicator_name_has_a_panel_title():
    from analysis.discourse.commitments import indicator_table
    from analysis.figures.quantities import INDICATOR_NAMES

    assert {name for name, _ in indicator_table().rows} <= set(INDICATOR_NAMES)


def test_a_share_keeps_its_part_and_its_whole():
    """A share names two things: 民营经济占全市经济总量的比重 whole (it had been 比重), 产业投资占固定资产投资比重
    uncut (it had been 业投资占…), and 我国 keeps its 我 (it had been 国经济总量…)."""
    d = an.extract_numbers("民营经济占全市经济总量的比重达到60%，产业投资占固定资产投资比重提高到55%，"
                           "我国经济总量占世界经济的比重达百分之十八点五。")
    assert d["indicator"].tolist() == ["民营经济占全市经济总量的比重", "产业投资占固定资产投资比重", "我国经济总量占世界经济的比重"]
    assert d["change"].tolist() == ["share", "share", "share"]


def test_a_level_reached_is_no_rate_of_change_but_a_growth_rate_is():
    """提高到42.5% and 下降到5% say what a measure comes to (a level); 提高5% is a change, and 增速提高到6% and
    涨幅控制在3%左右 rates, whatever verb brings them to their figure."""
    d = an.extract_numbers("森林覆盖率提高到42.5%，失业率下降到5%，收入提高5%，增速提高到6%，居民消费价格涨幅控制在3%左右。")
    assert d["change"].tolist() == ["level", "level", "growth", "growth", "growth"]


def test_a_share_is_named_by_a_pattern_written_for_a_share():
    """研发经费支出相当于生产总值的比例 is R&D intensity; 增加值占地区生产总值比重 is no GDP."""
    d = an.extract_numbers("全社会研发经费支出相当于全市生产总值的比例达到4.5%左右，制造业增加值占地区生产总值比重达33.5%。")
    assert d["indicator_norm"].tolist() == ["rd_intensity", ""]


def test_the_verb_of_commitment_is_no_part_of_an_indicator():
    d = an.extract_numbers("今年全市招商引资到位资金要确保完成500亿元。")
    assert d["indicator"].tolist() == ["招商引资到位资金"] and d["indicator_norm"].tolist() == ["investment_attraction"]


@pytest.mark.parametrize("sentence,indicators", [
    ("国内生产总值从五十四万亿元增长到一百一十四万亿元。", ["国内生产总值", "国内生产总值"]),
    ("每千人拥有床位数由6.4张增至7.6张。", ["每千人拥有床位数", "每千人拥有床位数"]),
    ("结合我从事这一工作16年的体会。", ["结合我从事这一工作"]),  # 从事 is no start of a change
    ("按照理由3条。", ["按照理由"]),
])
def test_where_a_change_starts_is_no_part_of_what_changes(sentence, indicators):
    assert an.extract_numbers(sentence)["indicator"].tolist() == indicators


def test_per_capita_gdp_and_contributions_to_growth_are_not_gdp():
    d = an.extract_numbers("人均地区生产总值达到7.8万元，消费对经济增长贡献率55%左右，地区生产总值增长5%。")
    assert d["indicator_norm"].tolist() == ["gdp_per_capita", "", "gdp"]


def test_the_level_a_change_came_to_measures_what_changed():
    """城镇化率提高十一点六个百分点，达到百分之六十四点七: the 64.7 % is the urbanization rate; a verb of reaching
    after a figure of another kind (引进项目30个，达到50亿元) names nothing."""
    d = an.extract_numbers("城镇化率提高十一点六个百分点，达到百分之六十四点七。地区生产总值增加500亿元，达到8400亿元。"
                           "引进项目30个，达到50亿元。")
    assert d["indicator"].tolist() == ["城镇化率", "城镇化率", "地区生产总值", "地区生产总值", "引进项目", ""]
    assert d["indicator_norm"].tolist()[:4] == ["urbanization_rate", "urbanization_rate", "gdp", "gdp"]


def test_the_year_a_level_is_due_and_an_adverb_are_no_part_of_an_indicator():
    """非常规天然气产量2030年达到300亿立方米 measures 非常规天然气产量 (before: nothing); 人均GDP从2020年的5.2万元
    提高到2025年的7.4万元 gives 人均GDP to both; 稳步达到 after a figure continues it; 快于2024年 compares, names nothing."""
    d = an.extract_numbers("非常规天然气产量2030年达到300亿立方米。人均GDP从2020年的5.2万元提高到2025年的7.4万元。"
                           "一般公共预算收入增加近1000亿元，稳步达到3000亿元以上。全年GDP增长4%，快于2024年1.8个百分点。")
    named = dict(zip(d["surface"], d["indicator"]))
    assert named["300亿立方米"] == "非常规天然气产量" and named["5.2万元"] == named["7.4万元"] == "人均GDP"
    assert named["3000亿元以上"] == "一般公共预算收入" and named["1.8个百分点"] == ""
    assert d.loc[d["surface"] == "7.4万元", "indicator_norm"].tolist() == ["gdp_per_capita"]
