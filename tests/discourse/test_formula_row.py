"""One formula occurrence as a row."""
import pytest

from analysis.discourse.formula_row import EVIDENCE, SLOGAN_COLUMNS, normal_form, occurrence_row


def test_normal_form_ignores_width_and_white_space():
    assert normal_form("稳中 求进\u3000") == normal_form("稳中求进") == "稳中求进"
    assert normal_form("ＡＢ１") == "AB1"


def test_a_row_has_every_column_and_flags_a_mask():
    row = occurrence_row(3, "XXX工程", "“XXX工程”", "quoted", 5, 12, in_quotes=True)
    assert list(row) == SLOGAN_COLUMNS
    assert row["masked"] and row["evidence"] == "quoted"
    assert not occurrence_row(3, "抓□", "抓开工", "parallel", 0, 3)["masked"]


def test_evidence_defaults_follow_the_kind_and_are_ranked():
    assert occurrence_row(1, "七个抓", "7个抓", "numbered", 0, 3)["evidence"] == "self-counting"
    assert EVIDENCE.index("quoted") < EVIDENCE.index("frame") < EVIDENCE.index("termhood")
    with pytest.raises(KeyError):
        occurrence_row(1, "x", "x", "repeated", 0, 1)  # repeated rows always say their evidence
