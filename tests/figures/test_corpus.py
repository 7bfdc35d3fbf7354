"""Figures of the corpus: a count axis ticks whole numbers only."""
import matplotlib

import analysis as an

matplotlib.use("Agg")

ONE_SPEECH = ("在全市招商引资大会上的讲话\n××市委书记 ×××\n同志们：\n一、抓招商\n今年到位资金××亿元，增长××%，引进项目×××个。\n"
              "二、抓项目\n要抓开工、抓进度。\n")


def _whole_ticks(fig) -> list[float]:
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    ticks = [t for t in ax.get_xticks() if low <= t <= high]
    matplotlib.pyplot.close(fig)
    return ticks


def test_the_outline_levels_axis_ticks_whole_numbers_for_one_speech_with_two_headings():
    sp = an.read_compilation(text=ONE_SPEECH).speeches
    ticks = _whole_ticks(an.plot_outline_summary(an.outline_summary(an.outline(sp))))
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks), ticks
