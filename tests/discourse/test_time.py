"""Formula timelines and target series on small annual reports written for the purpose."""
import analysis as an

GDP = {2020: ("增长6%左右", "增长6.1%"), 2021: ("增长6%以上", "增长2.3%"), 2022: ("增长5.5%左右", "增长8.1%"),
       2023: (None, "增长3%"), 2024: ("增长5%—5.5%", "增长5.2%")}


def _report(year, target, actual, formula):
    goal = f"今年发展主要预期目标是：国内生产总值{target}，城镇新增就业1100万人以上。" if target else "今年要稳中求进。"
    return (f"政府工作报告\n——{year}年3月5日在全国人民代表大会上\n各位代表：\n"
            f"过去一年，国内生产总值{actual}。{formula}\n{goal}\n")


def _corpus(tmp_path):
    for year, (target, actual) in GDP.items():
        formula = "我们要坚持“新质生产力”，发展“新质生产力”。" if year >= 2023 else "要抓项目、抓招商、抓落实。"
        (tmp_path / f"{year}_政府工作报告.txt").write_text(_report(year, target, actual, formula), encoding="utf-8")
    return an.read_corpus(tmp_path).speeches


def test_target_series_reads_targets_bounds_ranges_and_last_years_results(tmp_path):
    speeches = _corpus(tmp_path)
    series = an.target_series(an.numeric_targets(speeches), speeches, indicators=["gdp"])
    targets = series[series["role"] == "target"].set_index("year")
    assert targets.index.tolist() == [2020, 2021, 2022, 2024]  # 2023 set no GDP target
    assert targets.loc[2020, ["value", "bound"]].tolist() == [6.0, "about"]
    assert targets.loc[2021, "bound"] == "at_least"
    assert targets.loc[2024, ["value", "value_max"]].tolist() == [5.0, 5.5]
    actual = series[series["role"] == "actual"].set_index("year")["value"]
    assert actual.to_dict() == {2019: 6.1, 2020: 2.3, 2021: 8.1, 2022: 3.0, 2023: 5.2}


def test_formula_born_in_the_middle_has_its_first_year(tmp_path):
    speeches = _corpus(tmp_path)
    found = an.slogans(speeches, tokens=an.tokenize(speeches))
    lifecycle = an.formula_lifecycle(an.formula_timeline(found, speeches)).set_index("formula")
    assert lifecycle.loc["新质生产力", "first_period"] == "2023" and bool(lifecycle.loc["新质生产力", "born"])
    assert lifecycle.loc["抓□", "last_period"] == "2022" and bool(lifecycle.loc["抓□", "retired"])


def test_time_tables_are_written_for_three_years_and_explained_otherwise(tmp_path):
    from analysis.build import build_tables

    speeches_dir = tmp_path / "reports"
    speeches_dir.mkdir()
    _corpus(speeches_dir)
    tables = build_tables(an.read_corpus(speeches_dir), ("time",))
    assert {"term_trends.csv", "formula_timeline.csv", "formula_lifecycle.csv", "target_series.csv",
            "trending_terms.csv"} <= set(tables.frames)
    one_year = build_tables(an.read_corpus(an.config.SEED_CORPUS), ("time",))
    assert not one_year.frames and "time tables not written" in one_year.notes[0]


def test_time_plots_draw_their_frames(tmp_path):
    speeches = _corpus(tmp_path)
    series = an.target_series(an.numeric_targets(speeches), speeches)
    fig = an.plot_target_series(series)
    assert {a.get_title() for a in fig.axes if a.get_visible()} >= {"gdp（%）", "new_urban_jobs（万人）"}
    found = an.slogans(speeches, tokens=an.tokenize(speeches))
    fig = an.plot_formula_timeline(an.formula_timeline(found, speeches))
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2020", "2021", "2022", "2023", "2024"]


def test_target_series_of_annual_reports_as_the_state_council_writes_them():
    """Three national reports in their own layout (fixtures written from the 2014–2016 reports)."""
    from pathlib import Path

    speeches = an.read_corpus(Path(__file__).parent / "fixtures" / "annual_reports").speeches
    series = an.target_series(an.numeric_targets(speeches), speeches, indicators=["gdp", "cpi", "new_urban_jobs"])
    got = {(r.indicator_norm, r.role, r.year): (r.value, r.value_max, r.bound) for r in series.itertuples()}
    assert got[("gdp", "target", 2014)] == (7.5, 7.5, "about")
    assert got[("gdp", "target", 2016)] == (6.5, 7.0, "range")
    assert got[("gdp", "actual", 2013)][0] == 7.7  # 达到56.9万亿元，比上年增长7.7%: the growth, not the level
    assert got[("cpi", "target", 2015)] == (3.0, 3.0, "about")
    assert got[("new_urban_jobs", "target", 2016)] == (1000.0, 1000.0, "at_least")
    assert got[("new_urban_jobs", "actual", 2014)][0] == 1322.0
