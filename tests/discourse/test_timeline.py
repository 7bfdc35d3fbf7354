"""Formula timelines: when each formula is used, born and retired."""
import analysis as an


def test_formula_born_in_the_middle_has_its_first_year(yearly_reports):
    speeches = yearly_reports
    found = an.slogans(speeches, an.tokenize(speeches), reference=an.load_reference())
    lifecycle = an.formula_lifecycle(an.formula_timeline(found, speeches)).set_index("formula")
    assert lifecycle.loc["新质生产力", "first_period"] == "2023" and bool(lifecycle.loc["新质生产力", "born"])
    assert lifecycle.loc["抓□", "last_period"] == "2022" and bool(lifecycle.loc["抓□", "retired"])
