"""For the doctests of the package (the tests in tests/ have their own conftest.py)."""
import sys

import pytest


@pytest.fixture(autouse=True)
def _close_figures():
    """Every docstring example that draws a figure leaves it open; close them after each."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
