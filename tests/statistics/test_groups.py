"""Counts by group and period, and the trend test, on small corpora with known answers."""
import numpy as np
import pandas as pd
import pytest

import analysis as an


def _counts(rows):
    return pd.DataFrame(rows, columns=["speech", "term", "n"])


def test_group_counts_sums_by_a_metadata_column_and_keyness_takes_them():
    counts = _counts([(1, "海洋", 9), (1, "发展", 10), (2, "海洋", 7), (2, "发展", 10),
                      (3, "草原", 8), (3, "发展", 10), (4, "草原", 8), (4, "发展", 10)])
    speeches = pd.DataFrame({"speech": [1, 2, 3, 4], "region": ["东部", "东部", "西部", "西部"]})
    grouped = an.group_counts(counts, speeches, by="region")
    assert grouped.columns.tolist() == ["group", "term", "n"]
    assert grouped.set_index(["group", "term"])["n"].to_dict() == {
        ("东部", "发展"): 20, ("东部", "海洋"): 16, ("西部", "发展"): 20, ("西部", "草原"): 16}
    key = an.keyness(grouped, "东部")
    assert key.iloc[0]["term"] == "海洋" and key.iloc[0]["n_target"] == 16 and key.iloc[0]["n_reference"] == 0
    assert key.set_index("term").loc["发展", "g2"] == pytest.approx(0, abs=1e-9)  # used alike: no keyness
    assert set(an.similarity(grouped)["speech_a"]) == {"东部", "西部"}


@pytest.mark.parametrize("bins,expected", [
    (None, ["2005", "2006", "2011", "2016"]),
    (5, ["2005–2009", "2010–2014", "2015–2019"]),
    ("plan", ["十五 (2001–2005)", "十一五 (2006–2010)", "十二五 (2011–2015)", "十三五 (2016–2020)"]),
    ([2000, 2010], ["2000–2009", "2010–"]),
])
def test_periods_bin_years(bins, expected):
    speeches = pd.DataFrame({"speech": [1, 2, 3, 4], "year": pd.array([2005, 2006, 2011, 2016], dtype="Int64")})
    assert an.periods(speeches, bins=bins).drop_duplicates("period")["period"].tolist() == expected


def test_bad_bins_and_missing_columns_are_one_line_errors():
    speeches = pd.DataFrame({"speech": [1], "year": [2000]})
    with pytest.raises(an.OptionError, match="bins must be"):
        an.periods(speeches, bins="decade")
    with pytest.raises(an.OptionError, match="no column 'region'"):
        an.group_counts(_counts([(1, "a", 1)]), speeches, by="region")


def _trend_corpus():
    """Twelve years: 新质生产力 rises from nothing, 阶级斗争 falls to nothing, 发展 stays level."""
    rows, years = [], list(range(2010, 2022))
    for k in range(1, len(years) + 1):
        rise, fall = (k if k > 2 else 0), (12 - k if k < 10 else 0)
        rows += [(k, "发展", 50), (k, "其他", 950 - rise - fall)]  # every year 1,000 tokens
        rows += [(k, "新质生产力", rise)] if rise else []
        rows += [(k, "阶级斗争", fall)] if fall else []
    return _counts(rows), pd.DataFrame({"speech": range(1, 13), "year": years})


def test_term_trends_include_zeros_and_rates():
    counts, speeches = _trend_corpus()
    trends = an.term_trends(counts, speeches)
    rise = trends[trends["term"] == "新质生产力"]
    assert len(rise) == 12 and rise["n"].iloc[:2].tolist() == [0, 0]
    assert (trends.groupby("period")["n"].sum() == trends.drop_duplicates("period").set_index("period")["n_tokens"]).all()
    assert rise["per_10k"].iloc[-1] == pytest.approx(12 / 1000 * 10_000)


def test_trending_terms_find_the_rise_and_the_fall_and_not_the_level():
    counts, speeches = _trend_corpus()
    trending = an.trending_terms(an.term_trends(counts, speeches), min_count=10).set_index("term")
    assert trending.loc["新质生产力", "direction"] == "rising" and trending.loc["阶级斗争", "direction"] == "falling"
    assert trending.loc["新质生产力", "first_period"] == "2012" and trending.loc["阶级斗争", "last_period"] == "2018"
    assert "发展" not in trending.index  # 50 in every 1,000: level


def test_trend_statistic_is_scipys_kendall_tau_and_p_values_are_adjusted():
    from scipy.stats import false_discovery_control, kendalltau

    counts, speeches = _trend_corpus()
    trends = an.term_trends(counts, speeches)
    out = an.trending_terms(trends, min_count=10, alpha=1.0).set_index("term")
    rise = trends[trends["term"] == "新质生产力"]
    tau, p = kendalltau(rise["period_start"], rise["per_10k"])
    assert out.loc["新质生产力", "statistic"] == pytest.approx(tau) and out.loc["新质生产力", "p_raw"] == pytest.approx(p)
    assert np.allclose(out.sort_index()["p_value"], false_discovery_control(out.sort_index()["p_raw"], method="bh"))


def test_trending_terms_need_four_periods():
    counts, speeches = _trend_corpus()
    trends = an.term_trends(counts, speeches.head(3))
    with pytest.raises(an.OptionError, match="at least 4 periods"):
        an.trending_terms(trends)
