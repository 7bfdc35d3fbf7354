"""A figure that counts things (figures stated or masked, headings per level) ticks whole numbers only."""
import matplotlib
import pytest

import analysis as an

matplotlib.use("Agg")

ONE_SPEECH = ("在全市招商引资大会上的讲话\n××市委书记 ×××\n同志们：\n一、抓招商\n今年到位资金××亿元，增长××%，引进项目×××个。\n"
              "二、抓项目\n要抓开工、抓进度。\n")


def _ticks(fig) -> list[float]:
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    return [t for t in ax.get_xticks() if low <= t <= high]


@pytest.mark.parametrize("draw", ["masked", "outline"])
def test_a_count_axis_ticks_whole_numbers_for_one_speech_with_few(draw):
    sp = an.read_compilation(text=ONE_SPEECH).speeches
    if draw == "masked":
        fig = an.plot_masked_counts(an.masked_counts(an.numeric_targets(sp)))
    else:
        fig = an.plot_outline_summary(an.outline_summary(an.outline(sp)))
    ticks = _ticks(fig)
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks), ticks
    matplotlib.pyplot.close(fig)
