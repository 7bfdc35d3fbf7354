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
