from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "reading" / "fixtures"


@pytest.fixture(scope="session")
def seed():
    import analysis as an
    return an.read_compilation()


@pytest.fixture(scope="session")
def speeches(seed):
    return seed.speeches


@pytest.fixture(scope="session")
def tokens(speeches):
    import analysis as an
    return an.tokenize(speeches)


@pytest.fixture
def fixtures():
    return FIXTURES


@pytest.fixture(scope="session")
def provincial():
    """The 25 provincial reports, as speeches."""
    import analysis as an
    from analysis import config
    return an.read_corpus(config.PROVINCIAL_CORPUS).speeches


@pytest.fixture(scope="session")
def provincial_tokens(provincial):
    """The 25 reports' tokens, segmented once for the whole session."""
    import analysis as an
    return an.tokenize(provincial)


# --------------------------------------------------------------------------- annual reports with known answers

GDP = {2020: ("增长6%左右", "增长6.1%"), 2021: ("增长6%以上", "增长2.3%"), 2022: ("增长5.5%左右", "增长8.1%"),
       2023: (None, "增长3%"), 2024: ("增长5%—5.5%", "增长5.2%")}


def _report(year, target, actual, formula):
    goal = f"今年发展主要预期目标是：国内生产总值{target}，城镇新增就业1100万人以上。" if target else "今年要稳中求进。"
    return (f"政府工作报告\n——{year}年3月5日在全国人民代表大会上\n各位代表：\n"
            f"过去一年，国内生产总值{actual}。{formula}\n{goal}\n")


def _write_yearly(folder):
    for year, (target, actual) in GDP.items():
        formula = "我们要坚持“新质生产力”，发展“新质生产力”。" if year >= 2023 else "要抓项目、抓招商、抓落实。"
        (folder / f"{year}_政府工作报告.txt").write_text(_report(year, target, actual, formula), encoding="utf-8")
    return folder


@pytest.fixture
def yearly_folder(tmp_path):
    """Five 政府工作报告, 2020–2024: a GDP target each year but 2023, one a range, one a bound;
    新质生产力 from 2023 on, 抓□ until 2022."""
    return _write_yearly(tmp_path)


@pytest.fixture
def yearly_reports(yearly_folder):
    """The speech table of :func:`yearly_folder`."""
    import analysis as an

    return an.read_corpus(yearly_folder).speeches
