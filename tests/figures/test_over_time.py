"""The figures of change over time draw their frames."""
import analysis as an


def test_time_plots_draw_their_frames(yearly_reports):
    speeches = yearly_reports
    series = an.target_series(an.numeric_targets(speeches), speeches)
    fig = an.plot_target_series(series)
    assert {a.get_title() for a in fig.axes if a.get_visible()} >= {"gdp（%）", "new_urban_jobs（万人）"}
    found = an.slogans(speeches, an.tokenize(speeches), reference=an.load_reference())
    fig = an.plot_formula_timeline(an.formula_timeline(found, speeches))
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2020", "2021", "2022", "2023", "2024"]
