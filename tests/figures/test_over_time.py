"""The figures of change over time draw their frames."""
import pandas as pd

import analysis as an


def test_time_plots_draw_their_frames(yearly_reports):
    speeches = yearly_reports
    series = an.target_series(an.numeric_targets(speeches), speeches)
    fig = an.plot_target_series(series)
    assert {a.get_title() for a in fig.axes if a.get_visible()} >= {"生产总值（%）", "城镇新增就业（万人）"}
    found = an.slogans(speeches, an.tokenize(speeches), reference=an.load_reference())
    fig = an.plot_formula_timeline(an.formula_timeline(found, speeches))
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2020", "2021", "2022", "2023", "2024"]


def test_a_formula_first_used_after_periods_it_is_not_shown_in_is_outlined_as_born():
    frame = pd.DataFrame({"formula": ["新常态", "新常态"], "period": ["2014", "2015"], "period_start": [2014, 2015],
                          "n": [2, 4], "n_documents": [1, 1]})
    alone = an.plot_formula_timeline(frame)
    within = an.plot_formula_timeline(frame, periods=["2012", "2013", "2014", "2015"])
    assert [t.get_text() for t in within.axes[0].get_xticklabels()] == ["2012", "2013", "2014", "2015"]
    assert len(within.axes[0].patches) == 1 and len(alone.axes[0].patches) == 0  # born in 2014, after 2012
