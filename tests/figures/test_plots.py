import warnings

import pytest

import analysis as an
from analysis.figures import fonts, plots


def test_font_is_found_and_covers_chinese():
    path = an.find_cjk_font()
    assert path.exists()
    assert not fonts.covers(path, "招商引资项目推进会讲话第一篇词云关键词")


def test_bad_explicit_font_says_what_is_wrong(tmp_path):
    with pytest.raises(an.FontNotFoundError, match="does not exist"):
        an.find_cjk_font(str(tmp_path / "none.otf"))


def test_missing_glyph_warning_fails(tmp_path):
    import matplotlib.pyplot as plt
    plots.setup_style()
    fig, ax = plt.subplots()
    ax.set_title("\U0001F600 不存在的字形")  # an emoji the CJK font lacks
    with pytest.raises(UserWarning, match="missing"):
        fig.savefig(tmp_path / "x.png")
    plt.close(fig)


def _all_figures(speeches, tokens):
    freqs = an.term_frequencies(an.term_counts(tokens, content_only=True))
    found = an.slogans(speeches, tokens=tokens)
    heads = an.outline(speeches)
    numbers = an.numeric_targets(speeches)
    return {
        "lengths": plots.plot_speech_lengths(speeches),
        "outline_summary": plots.plot_outline_summary(an.outline_summary(heads)),
        "outline": plots.plot_outline(heads, speeches),
        "top": plots.plot_top_terms(freqs),
        "cloud": plots.plot_wordclouds(freqs),
        "shared": plots.plot_shared_vocabulary(an.shared_vocabulary_summary(an.shared_vocabulary(an.term_counts(tokens, content_only=True)))),
        "keyness": plots.plot_keyness(an.distinctive_terms(an.term_counts(tokens, content_only=True), negative=True)),
        "sim": plots.plot_similarity(an.similarity(an.term_counts(tokens, content_only=True))),
        "xray": plots.plot_dispersion(an.dispersion(tokens, ["项目", "招商"])),
        "register": plots.plot_register(an.lexical_stats(tokens)),
        "slogans": plots.plot_slogan_matrix(an.slogan_matrix(found)),
        "frames": plots.plot_parallel_frames(found),
        "numbers": plots.plot_numeric_targets(numbers),
        "masked": plots.plot_masked_values(numbers),
        "dating": plots.plot_dating(an.dating_evidence(speeches)),
    }


def test_every_plot_renders_without_missing_glyphs_and_reproducibly(tmp_path, speeches, tokens):
    import matplotlib.pyplot as plt
    plots.setup_style()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning (a missing glyph first of all) fails
        figs = _all_figures(speeches, tokens)
        for name, fig in figs.items():
            plots.save_figure(fig, name, tmp_path / "a")
        plt.close("all")
        figs = _all_figures(speeches, tokens)
        for name, fig in figs.items():
            plots.save_figure(fig, name, tmp_path / "b")
        plt.close("all")
    for p in sorted((tmp_path / "a").iterdir()):
        assert p.stat().st_size > 2000
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes(), p.name


def test_font_covers_every_character_the_figures_print(speeches, tokens):
    freqs = an.term_frequencies(an.term_counts(tokens, content_only=True))
    found = an.slogans(speeches, tokens=tokens)
    printed = "".join(freqs["term"].head(2000)) + "".join(found["slogan"]) + "".join(speeches["title"])
    printed += "".join(an.outline(speeches)["heading"]) + "".join(an.numeric_targets(speeches)["indicator"])
    assert not fonts.covers(an.find_cjk_font(), printed)
