"""Each formula's uses, gathered a piece of the slogan table at a time: all that the two tables that
count formulas read (:func:`.ranking.recurring_slogans`, :func:`.tracker.formula_tracker`).

A large corpus has millions of occurrences of formulas, and they are never held together.  Each
piece (whole documents, in order) adds to running totals per formula: its uses, its documents, the
kinds that found it, the documents that put it in quotation marks and its strongest evidence (the
first of the strongest, in the order of :func:`.ranking.formula_rows`: every piece's slogans, then
every piece's templates); and it keeps its pairs of formula and document with their counts, which
the tracker lists.  Each total is a sum, a union or a minimum, so the pieces give what the whole does.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import OptionError
from ..segmentation.tokens import factorized
from .formula_row import SLOGAN_KINDS, evidence_rank

#: An occurrence's key is its place among the occurrences (the low bits), under its evidence's rank
#: and whether it is a template: the smallest key of a formula is the first of its strongest.
_PLACE_BITS = 40
#: The kinds that found a formula are bits of one integer.
_MAX_KINDS = 63
_TOTALS = ("n", "n_documents", "quoting", "kinds", "best", "best_kind", "best_evidence")


class FormulaUses:
    """The uses of every formula: :meth:`add` a piece's occurrences (:func:`.ranking.formula_row_parts`),
    then read :meth:`summary` (one row per formula) and :meth:`pairs` (formula by document)."""

    def __init__(self):
        self._formulas: dict = {}  # formula -> its number, in order of first use
        self._kinds: dict = {}  # kind -> its bit
        self._evidence: dict = {}  # evidence -> its number
        self._dtype = None  # the formulas' dtype, for the tables
        self._places = [0, 0]  # the slogans' and the templates' occurrences added so far
        self._totals = {name: np.zeros(0, dtype=np.int64) for name in _TOTALS}
        self._pairs: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    @classmethod
    def of(cls, parts) -> FormulaUses:
        """The uses in the :func:`.ranking.formula_row_parts` of each piece, in order."""
        uses = cls()
        for slogans, templates in parts:
            uses.add(slogans, templates)
        return uses

    @property
    def empty(self) -> bool:
        return not self._formulas

    def add(self, slogans: pd.DataFrame, templates: pd.DataFrame) -> None:
        """Add one piece's occurrences: its slogans' rows, then its templates' (columns ``speech``,
        ``formula``, ``kind``, ``evidence``); the piece's documents come after those added before."""
        if self._dtype is None and (len(slogans) or len(templates)):
            self._dtype = (slogans if len(slogans) else templates)["formula"].dtype
        if not len(slogans) + len(templates):
            return
        both = (slogans, templates)
        formula = _numbered(self._formulas, _joined(both, "formula"))
        kind, evidence = _numbered(self._kinds, _joined(both, "kind")), _joined(both, "evidence")
        if len(self._kinds) > _MAX_KINDS:
            raise OptionError(f"kind: a slogan table's kinds are a few (the slogans give {', '.join(SLOGAN_KINDS)}), "
                              f"this one names {len(self._kinds)}")
        self._grow(len(self._formulas))
        place = np.r_[np.arange(len(slogans)) + self._places[0], np.arange(len(templates)) + self._places[1]]
        template = np.repeat(np.array([0, 1], dtype=np.int64), [len(slogans), len(templates)])
        key = ((evidence_rank(evidence) * 2 + template) << _PLACE_BITS) | place
        self._add_totals(formula, kind, _numbered(self._evidence, evidence), key)
        speech = _joined(both, "speech", dtype=np.int64)
        self._add_pairs(formula, speech, evidence == "quoted")
        self._places[0] += len(slogans)
        self._places[1] += len(templates)

    def _grow(self, n_formulas: int) -> None:
        """Room for ``n_formulas`` in the totals: twice as much as before at least, so that a corpus of
        many chunks does not copy them at every chunk."""
        room = len(self._totals["n"])
        if room >= n_formulas:
            return
        more = max(n_formulas, 2 * room) - room
        for name, values in self._totals.items():
            fill = np.iinfo(np.int64).max if name == "best" else 0
            self._totals[name] = np.r_[values, np.full(more, fill, dtype=np.int64)]

    def _add_totals(self, formula: np.ndarray, kind: np.ndarray, evidence: np.ndarray, key: np.ndarray) -> None:
        t = self._totals
        t["n"] += np.bincount(formula, minlength=len(t["n"]))
        np.bitwise_or.at(t["kinds"], formula, np.left_shift(1, kind))
        np.minimum.at(t["best"], formula, key)
        won = key == t["best"][formula]  # keys are unique: the occurrence that holds its formula's minimum
        t["best_kind"][formula[won]] = kind[won]
        t["best_evidence"][formula[won]] = evidence[won]

    def _add_pairs(self, formula: np.ndarray, speech: np.ndarray, quoted: np.ndarray) -> None:
        """The piece's pairs of formula and document, by formula then document, with their uses."""
        low = speech.min()
        span = speech.max() - low + 1
        # one integer per pair: grouping by strings is many times slower
        pair, at, n = np.unique(formula * span + (speech - low), return_inverse=True, return_counts=True)
        number = pair // span
        quoting = np.zeros(len(pair), dtype=bool)
        quoting[at[quoted]] = True
        room = len(self._totals["n"])
        self._totals["n_documents"] += np.bincount(number, minlength=room)
        self._totals["quoting"] += np.bincount(number[quoting], minlength=room)
        speech = pair % span + low
        self._pairs.append((number.astype(np.int32), speech.astype(np.int32) if _fits_int32(speech) else speech,
                            n.astype(np.int32)))

    def by_number(self) -> np.ndarray:
        """The formulas, each at its number."""
        return np.array(list(self._formulas), dtype=object)

    def formulas(self) -> tuple[np.ndarray, np.ndarray]:
        """The formulas sorted (as a groupby by formula orders them), and the number of each."""
        names = self.by_number()
        order = np.argsort(names, kind="stable")
        return names[order], order

    def summary(self) -> pd.DataFrame:
        """One row per formula, sorted: ``formula``, ``kind`` and ``evidence`` (its strongest; ``_e`` the
        rank of that evidence), ``n_kinds``, ``n_documents``, ``n``, ``quoting`` (the documents that put
        it in quotation marks), and ``_number`` (the formula's number in :meth:`pairs`)."""
        names, order = self.formulas()
        t = {name: values[:len(names)][order] for name, values in self._totals.items()}
        kinds, evidence = (np.array(list(d), dtype=object) for d in (self._kinds, self._evidence))
        return pd.DataFrame({
            "formula": pd.array(names, dtype=self._dtype), "kind": kinds[t["best_kind"]],
            "evidence": evidence[t["best_evidence"]], "n_kinds": np.bitwise_count(t["kinds"]).astype(np.int64),
            "n_documents": t["n_documents"], "n": t["n"], "_e": t["best"] >> (_PLACE_BITS + 1),
            "quoting": t["quoting"], "_number": order})

    def pairs(self, documents=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each pair of formula and document (of ``documents``, by default all): the formula's number,
        the document, and the formula's uses in it; by formula, then document."""
        if not self._pairs:
            return tuple(np.zeros(0, dtype=np.int64) for _ in range(3))
        if len(self._pairs) > 1:  # grouped by formula once, and the pieces let go
            pieces, self._pairs = self._pairs, []
            self._pairs = [_by_formula(pieces)]
        number, speech, n = self._pairs[0]
        if documents is None:
            return number, speech, n
        inside = np.isin(speech, np.asarray(documents))
        return (number, speech, n) if inside.all() else (number[inside], speech[inside], n[inside])


def _by_formula(pieces: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of ``pieces`` (each by formula then document, the pieces in order of document) as
    one, by formula then document: each piece's pairs put straight where they belong, and the piece
    let go (emptying ``pieces``).  A stable sort of the pieces joined gives the same; it held the
    pairs twice, and an order of 8 bytes a pair (at 100x, 90 MiB above the pairs)."""
    size = max(int(p[0].max(initial=-1)) for p in pieces) + 1
    uses = np.zeros(size, dtype=np.int64)
    for p in pieces:
        uses += np.bincount(p[0], minlength=size)
    going = np.cumsum(uses) - uses  # where each formula's next pair goes
    out = [np.empty(int(uses.sum()), dtype=np.result_type(*(p[k] for p in pieces))) for k in range(3)]
    while pieces:
        piece = pieces.pop(0)
        number = piece[0]
        # a pair's place: its formula's next, plus its rank among the piece's pairs of that formula
        to = going[number] + (np.arange(len(number)) - np.searchsorted(number, number))
        for column, values in zip(out, piece):
            column[to] = values
        going += np.bincount(number, minlength=size)
        del piece, number, to
    return tuple(out)


def _joined(parts: tuple[pd.DataFrame, pd.DataFrame], column: str, *, dtype=object) -> np.ndarray:
    """A column of the two parts, one after the other."""
    return np.concatenate([p[column].to_numpy(dtype=dtype) for p in parts])


def _fits_int32(values: np.ndarray) -> bool:
    return not len(values) or (values.min() >= np.iinfo(np.int32).min and values.max() <= np.iinfo(np.int32).max)


def _numbered(numbers: dict, values: np.ndarray) -> np.ndarray:
    """Each value's number in ``numbers``, a value new to it numbered after the others (a missing
    value as ``None``); looked up once per distinct value."""
    codes, distinct = factorized(values)
    known = [numbers.setdefault(v, len(numbers)) for v in distinct.tolist()]
    if (codes < 0).any():  # code -1: the last
        known.append(numbers.setdefault(None, len(numbers)))
    return np.array(known, dtype=np.int64)[codes] if len(codes) else np.zeros(0, dtype=np.int64)
