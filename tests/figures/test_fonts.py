"""Finding a font that draws Chinese."""
import pytest

import analysis as an
from analysis.figures import fonts


def test_font_is_found_and_covers_chinese():
    path = an.find_cjk_font()
    assert path.exists()
    assert not fonts.covers(path, "招商引资项目推进会讲话第一篇词云关键词")


def test_bad_explicit_font_says_what_is_wrong(tmp_path):
    with pytest.raises(an.FontNotFoundError, match="does not exist"):
        an.find_cjk_font(str(tmp_path / "none.otf"))


def test_font_covers_every_character_the_figures_print(speeches, tokens):
    freqs = an.term_frequencies(an.term_counts(tokens, content_only=True))
    found = an.slogans(speeches, tokens, reference=an.load_reference())
    printed = "".join(freqs["term"].head(2000)) + "".join(found["formula"]) + "".join(speeches["title"])
    printed += "".join(an.outline(speeches)["heading"]) + "".join(an.numeric_targets(speeches)["indicator"])
    assert not fonts.covers(an.find_cjk_font(), printed)
