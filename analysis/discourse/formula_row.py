"""One formula occurrence as a row: the columns every slogan table shares, the kinds, the order
of evidence, and the normal form in which formulas are compared."""
from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from ..chinese import HOLDS_MASK
from ..segmentation.tokens import factorized
from .lexicons import FORMULA_LIST, IDIOM_BY_TAG, IDIOM_LEXICON, SAYING_BY_SHAPE, SET_EXPRESSION

SLOGAN_COLUMNS = ["speech", "formula", "surface", "kind", "evidence", "frame", "slot", "start", "end", "masked",
                  "in_quotes"]
SLOT = "□"
SLOGAN_KINDS = ("quoted", "parallel", "numbered", "listed", "repeated", "idiom")


_SPACE_RUN = re.compile(r"\s+")


def normal_form(s: str) -> str:
    """A formula as it is compared: NFKC, no white space (“稳中求进 ” and 稳中求进 are one)."""
    return unicodedata.normalize("NFKC", _SPACE_RUN.sub("", s))


#: Why a candidate is a formula, strongest first (the ``evidence`` column).
EVIDENCE = ("quoted", "quoted elsewhere", "self-counting", FORMULA_LIST, "frame", "formula word", IDIOM_LEXICON,
            SET_EXPRESSION, SAYING_BY_SHAPE, "termhood", "set phrase", IDIOM_BY_TAG)
_DEFAULT_EVIDENCE = {"quoted": "quoted", "parallel": "frame", "numbered": "self-counting",
                     "listed": FORMULA_LIST}


def evidence_rank(evidence) -> np.ndarray:
    """The place of each evidence in :data:`EVIDENCE`, strongest 0; evidence it does not list (or
    missing) comes last.  Looked up once per distinct value: a lookup per row of a large corpus's
    millions is many times slower."""
    if isinstance(getattr(evidence, "dtype", None), pd.CategoricalDtype):  # its codes number it already
        values = evidence.array if isinstance(evidence, pd.Series) else evidence
        codes, distinct = values.codes, values.categories
    else:
        codes, distinct = factorized(np.asarray(evidence, dtype=object))
    rank = pd.Index(EVIDENCE).get_indexer(distinct)
    return np.r_[np.where(rank < 0, len(EVIDENCE), rank), len(EVIDENCE)][codes]


def occurrence_row(speech, formula, surface, kind, start, end, *, frame="", slot="", in_quotes=False,
                   evidence=None) -> dict:
    """One occurrence as a row of :data:`SLOGAN_COLUMNS`; ``masked`` when the surface holds a mask."""
    return {"speech": speech, "formula": formula, "surface": surface, "kind": kind,
            "evidence": evidence or _DEFAULT_EVIDENCE[kind], "frame": frame, "slot": slot,
            "start": start, "end": end, "masked": bool(HOLDS_MASK.search(surface)), "in_quotes": in_quotes}

