"""Target series: each year's headline targets and last year's results."""
import analysis as an


def test_target_series_reads_targets_bounds_ranges_and_last_years_results(yearly_reports):
    speeches = yearly_reports
    series = an.target_series(an.numeric_targets(speeches), speeches, indicators=["gdp"])
    targets = series[series["role"] == "target"].set_index("year")
    assert targets.index.tolist() == [2020, 2021, 2022, 2024]  # 2023 set no GDP target
    assert targets.loc[2020, ["value", "bound"]].tolist() == [6.0, "about"]
    assert targets.loc[2021, "bound"] == "at_least"
    assert targets.loc[2024, ["value", "value_max"]].tolist() == [5.0, 5.5]
    actual = series[series["role"] == "actual"].set_index("year")["value"]
    assert actual.to_dict() == {2019: 6.1, 2020: 2.3, 2021: 8.1, 2022: 3.0, 2023: 5.2}


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


def test_time_tables_are_written_for_three_years_and_explained_otherwise(yearly_folder):
    from analysis.build import build_tables

    tables = build_tables(an.read_corpus(yearly_folder), ("time",))
    assert {"term_trends.csv", "formula_timeline.csv", "formula_lifecycle.csv", "target_series.csv",
            "trending_terms.csv"} <= set(tables.frames)
    one_year = build_tables(an.read_corpus(an.config.SEED_CORPUS), ("time",))
    assert not one_year.frames and "time tables not written" in one_year.notes[0]


def test_older_reports_state_last_years_growth_as_a_comparison():
    text = ("政府工作报告\n——一九八四年五月十五日在第六届全国人民代表大会第二次会议上\n国务院总理　赵紫阳\n各位代表：\n"
            "去年国民生产总值比上年增长9%。今年国民生产总值计划增长5%左右。")
    sp = an.read_compilation(text=text).speeches
    assert sp["year"].item() == 1984 and sp["speaker"].item() == "赵紫阳"
    series = an.target_series(an.numeric_targets(sp), sp)
    assert series[["year", "role", "value", "bound"]].values.tolist() == [[1983, "actual", 9.0, "exact"],
                                                                            [1984, "target", 5.0, "about"]]


def test_the_rows_a_series_reads_are_their_own_series(provincial):
    """A corpus taken by chunks keeps only the quantities the series reads; the series is the same."""
    from analysis.discourse.series import series_rows

    numbers = an.numeric_targets(provincial)
    kept = series_rows(numbers)
    assert 0 < len(kept) < len(numbers) / 2
    assert not kept["masked"].any() and kept["indicator_norm"].astype(bool).all()
    whole = an.target_series(numbers, provincial)
    assert len(whole) > 100
    assert an.target_series(kept, provincial).equals(whole)
