"""The word lists the segmenter and the counts read: read again whenever they change."""
import pytest

import analysis as an
from analysis.segmentation.dictionary import read_places


def test_the_list_of_places_is_read_again_when_it_changes(tmp_path):
    places = tmp_path / "places.txt"
    places.write_text("# a comment\n合肥\n", encoding="utf-8")
    assert read_places(places) == {"合肥"}
    places.write_text("合肥\n包头\n", encoding="utf-8")
    assert read_places(places) == {"合肥", "包头"}
    with pytest.raises(an.DictionaryError):
        read_places(tmp_path / "missing.txt")
