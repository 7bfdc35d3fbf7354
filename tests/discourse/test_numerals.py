"""What a written quantity is worth: numerals, scales, fuzzy numbers, ranges, masks, 角 and 分."""
import math

from analysis.discourse.numerals import jiao_fen, split_scale, value_of


def test_scales_move_into_the_unit_but_hundreds_stay_in_the_numeral():
    assert split_scale("18万") == ("18", "万") and split_scale("三百") == ("三百", "")
    assert value_of("1.5亿")[:2] == (1.5, 1.5) and value_of("1.5亿")[3] == "亿"


def test_ranges_fuzzy_numbers_and_masks():
    assert value_of("5%—5.5%")[:2] == (5.0, 5.5)
    lo, hi, masked, _, approx = value_of("几十")
    assert (lo, hi, masked, approx) == (20, 90, False, "几")
    lo, hi, masked, _, _ = value_of("XX")
    assert masked and math.isnan(lo) and math.isnan(hi)  # a masked figure is never guessed


def test_jiao_and_fen_belong_to_the_amount():
    text = "收入五元三毛"
    assert jiao_fen(text, 4, 5.0, 5.0) == (5.3, 5.3, 6)
    assert jiao_fen("5元3角5分", 2, 5.0, 5.0)[:2] == (5.35, 5.35)
    assert jiao_fen("5元钱", 2, 5.0, 5.0) == (5.0, 5.0, 2)
