"""Per-speech lexical statistics: richness, sentence length, masking, register."""
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis as an


def test_register_separates_the_oral_speech(tokens):
    st = an.lexical_stats(tokens).set_index("speech")
    assert st["spoken_per_1k"].idxmax() == 1
    assert st.loc[1, "spoken_per_1k"] > 3 * st.drop(index=1)["spoken_per_1k"].max()
    assert st["n_tokens"].idxmin() == 3
    assert (st["mattr"] <= 1).all() and (st["ttr"] <= 1).all()
    assert st.loc[5, "masked_share"] == 0 and st.loc[2, "masked_share"] > 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("甲乙丙丁戊己庚辛"), max_size=60), st.integers(1, 12))
def test_mattr_equals_a_sliding_window(words, window):
    from analysis.statistics.lexical import _mattr
    if len(words) < window:
        expected = len(set(words)) / len(words) if words else None
    else:
        total = sum(len(set(words[s:s + window])) for s in range(len(words) - window + 1))
        expected = total / ((len(words) - window + 1) * window)
    got = _mattr(words, window)
    assert (expected is None and got != got) or got == expected
