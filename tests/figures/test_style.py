"""Scoped style, deterministic files, and no missing glyph ever drawn as a box."""
import warnings

import pytest

import analysis as an
from analysis.figures import style


def test_missing_glyph_warning_fails(tmp_path):
    import matplotlib.pyplot as plt
    with style.figure_style():
        fig, ax = plt.subplots()
        ax.set_title("\U00017000 不存在的字形")  # a Tangut character: neither the CJK font nor DejaVu has it
    with pytest.raises(UserWarning, match="missing"):
        an.save_figure(fig, "x", tmp_path)
    plt.close(fig)


def test_plots_leave_global_matplotlib_settings_alone(speeches):
    import matplotlib
    before = dict(matplotlib.rcParams)
    backend = matplotlib.get_backend()
    fig = an.plot_speech_lengths(speeches)
    assert dict(matplotlib.rcParams) == before and matplotlib.get_backend() == backend
    # drawn later, outside the plot's style (as a notebook shows it), it still uses the CJK font
    assert "CJK" in fig.axes[0].title.get_fontname()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()


def _all_figures(speeches, tokens):
    content = an.term_counts(tokens, content_only=True)
    freqs = an.term_frequencies(content)
    found = an.slogans(speeches, tokens, reference=an.load_reference())
    heads = an.outline(speeches)
    numbers = an.numeric_targets(speeches)
    labels = dict(zip(speeches["speech"], speeches["label"]))
    return {
        "lengths": an.plot_speech_lengths(speeches),
        "outline_summary": an.plot_outline_summary(an.outline_summary(heads), labels=labels),
        "outline": an.plot_outline(heads, labels=labels),
        "top": an.plot_top_terms(an.top_terms(freqs, n=12), labels=labels),
        "cloud": an.plot_wordclouds(an.top_terms(freqs, n=60), labels=labels),
        "shared": an.plot_shared_vocabulary_summary(an.shared_vocabulary_summary(an.shared_vocabulary(content))),
        "keyness": an.plot_distinctive_terms(an.distinctive_terms(content, negative=True)),
        "sim": an.plot_similarity(an.similarity(content)),
        "xray": an.plot_dispersion(an.dispersion(tokens, ["项目", "招商"])),
        "register": an.plot_register_markers(an.register_markers(tokens)),
        "slogans": an.plot_slogan_matrix(an.slogan_matrix(found, top=25)),
        "frames": an.plot_parallel_frames(an.parallel_frames(found)),
        "numbers": an.plot_percentages_and_money(an.percentages_and_money(numbers)),
        "masked": an.plot_masked_counts(an.masked_counts(numbers)),
        "dating": an.plot_dating_evidence(an.dating_evidence(an.numeric_targets(speeches), speeches)),
    }


@pytest.mark.slow
def test_every_plot_renders_without_missing_glyphs_and_reproducibly(tmp_path, speeches, tokens):
    import matplotlib.pyplot as plt
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning (a missing glyph first of all) fails
        figs = _all_figures(speeches, tokens)
        for name, fig in figs.items():
            an.save_figure(fig, name, tmp_path / "a")
        plt.close("all")
        figs = _all_figures(speeches, tokens)
        for name, fig in figs.items():
            an.save_figure(fig, name, tmp_path / "b")
        plt.close("all")
    for p in sorted((tmp_path / "a").iterdir()):
        assert p.stat().st_size > 2000
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes(), p.name


def test_every_plot_takes_ax_and_touches_nothing_outside_it():
    """Drawn into a caller's axes, a plot sets no figure title, adds no figure legend, moves no other axes."""
    import inspect

    import matplotlib.pyplot as plt

    import analysis as an

    plots = [getattr(an, name) for name in an.__all__ if name.startswith("plot_")]
    assert all("ax" in inspect.signature(p).parameters for p in plots), [p.__name__ for p in plots
                                                                           if "ax" not in inspect.signature(p).parameters]
    sp = an.load_speeches()
    fig, axes = plt.subplots(2, 2)
    other = axes[1, 1].get_position().bounds
    an.plot_register_markers(an.register_markers(an.tokenize(sp)), ax=axes[0])
    an.plot_percentages_and_money(an.percentages_and_money(an.numeric_targets(sp)), ax=axes[1])
    assert fig._suptitle is None and not fig.legends
    assert axes[1, 1].get_position().bounds == other
    plt.close(fig)
    own = an.plot_register_markers(an.register_markers(an.tokenize(sp)))  # its own figure: titled, with a legend
    assert own._suptitle is not None and own.legends
    plt.close(own)


def test_small_multiples_with_nothing_to_draw_say_so(tmp_path):
    """A document whose words are all stopwords (同志们：好。) has no top terms: the figure says
    there is nothing to draw, in glyphs the font has, instead of failing."""
    import matplotlib.pyplot as plt
    sp = an.read_compilation(text="同志们：\n好。\n").speeches
    top = an.top_terms(an.term_frequencies(an.term_counts(an.tokenize(sp))), n=12)
    assert top.empty
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for plot in (an.plot_top_terms, an.plot_wordclouds):
            fig = plot(top)
            assert [t.get_text() for ax in fig.axes for t in ax.texts] == [style.NOTHING_TO_DRAW]
            an.save_figure(fig, plot.__name__, tmp_path)
        fig, ax = plt.subplots()
        assert an.plot_top_terms(top, ax=ax) is not None and ax.texts[0].get_text() == style.NOTHING_TO_DRAW
    plt.close("all")


# The count axes of figures/quantities.py and figures/corpus.py (a test file of either name would clash
# with tests/discourse/test_quantities.py and tests/reading/test_corpus.py under pytest's import mode).
COUNTED_SPEECH = ("在全市招商引资大会上的讲话\n××市委书记 ×××\n同志们：\n一、抓招商\n今年到位资金××亿元，增长××%，"
                  "引进项目×××个。\n二、抓项目\n要抓开工、抓进度。\n")


def _count_ticks(fig) -> list[float]:
    import matplotlib.pyplot as plt

    ax = fig.axes[0]
    low, high = ax.get_xlim()
    ticks = [t for t in ax.get_xticks() if low <= t <= high]
    plt.close(fig)
    return ticks


def test_the_masked_figures_axis_ticks_whole_numbers_for_one_speech_with_three():
    sp = an.read_compilation(text=COUNTED_SPEECH).speeches
    ticks = _count_ticks(an.plot_masked_counts(an.masked_counts(an.numeric_targets(sp))))
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks), ticks


def test_the_outline_levels_axis_ticks_whole_numbers_for_one_speech_with_two_headings():
    sp = an.read_compilation(text=COUNTED_SPEECH).speeches
    ticks = _count_ticks(an.plot_outline_summary(an.outline_summary(an.outline(sp))))
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks), ticks
