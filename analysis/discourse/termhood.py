r"""How formulaic a repeated phrase is: termhood against general Chinese and official language.

A candidate is a run of words inside one clause that the corpus uses twice or more (the
filler words of :data:`analysis.chinese.FORMULA_FILLERS` are skipped, so 主要领导要亲自抓
counts as 主要领导亲自抓), or a single word that is a formula word or a set phrase of
three characters or more that jieba tags ``i`` / ``l`` (攻坚战, 稳中求进).  Each is
measured over the corpus pooled with a reference corpus of official language (by default
the 25 provincial government work reports of 2026, :data:`analysis.config.REFERENCE_CORPUS`;
``reference=`` takes another corpus, its tokens, or None):

* ``association``: pointwise mutual information, in bits, at the phrase's weakest joint,
  ``log2(f(xy)·N / (f(x)·f(y)))`` over the ways of cutting it in two (single words: none);
* ``boundary``: the smaller of the entropies, in bits, of the word before it and the word
  after it; a clause edge counts as a new neighbour each time.  0 when the phrase stands
  inside the same longer one in more than 80 % of its uses (项目推进过程 is always followed
  by 中, 贯彻新 nearly always by 发展理念);
* ``specificity``: log10 of the phrase's rate per million words in the pooled official
  text over the rate in general Chinese of its rarest word, from jieba's dictionary
  frequencies (60 million words).  That rate bounds the phrase's own general rate from
  above, so a phrase built of everyday words (经济发展, 主要领导) comes out below 0.

A phrase is ``formulaic`` when its shape can be a formula (it neither opens on a deictic,
preposition or pronoun nor ends on a general head such as 工作, 问题, 领导, 部门, and has no
的 / 地 / 得 / 了 inside: :mod:`analysis.chinese`), it is not a fragment (boundary > 0), and
either it carries a formula word (抓, 攻坚战, 双赢: ``formula word``) or it is specific to
official language (specificity ≥ 0) with its words associated (association ≥ 5 bits):
``termhood``.  Generic collocations (经济发展, 开展工作, 这项工作, 项目的建设, 主要领导)
fail one of these and are not slogans.
"""
from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .. import config
from ..caches import cached, content_key
from ..chinese import FORMULA_WORDS
from ..errors import CorpusWarning
from .lexicons import jieba_dictionary
from .phrases import (
    Clauses,
    PhraseCounts,
    candidate_occurrences,
    clauses,
    established_phrases,
    pieces,
    variant_occurrences,
)

__all__ = ["termhood", "formulaic_occurrences", "pieces", "reference_clauses", "general_frequencies"]

TERMHOOD_COLUMNS = ["phrase", "n_words", "n", "n_speeches", "n_reference", "association", "boundary",
                    "specificity", "evidence", "formulaic"]
#: Thresholds of :func:`termhood` (see the module doc).
MIN_ASSOCIATION = 5.0
MIN_SPECIFICITY = 0.0
MIN_SET_PHRASE_SPECIFICITY = 1.0
MAX_NEIGHBOUR_SHARE = 0.8
#: A verb phrase of official language that the reference uses in this many documents is looked
#: for in the corpus with characters inserted too (承接东南沿海地产业梯度转移 is a 承接产业转移).
ESTABLISHED_IN = 3
MAX_GAP = 6  # characters inserted between two pieces of a variant


@cached(maxsize=2)
def _reference_clauses(path: str, _content: str) -> Clauses:
    from ..reading.corpus import read_corpus
    from ..segmentation.tokens import tokenize

    return clauses(tokenize(read_corpus(path).speeches))


def reference_clauses(reference) -> Clauses:
    """The clauses of the reference corpus: a path (read and segmented once per process), a token
    table, or None for none."""
    if isinstance(reference, pd.DataFrame):
        return clauses(reference)
    if reference is not None:
        path = Path(reference)
        if path.exists():
            return _reference_clauses(str(path), content_key(path))  # an edited corpus is read again
        warnings.warn(f"{path}: the reference corpus does not exist; formulas are measured against general "
                      "Chinese only (set ANALYSIS_REFERENCE or pass reference=)", CorpusWarning, stacklevel=3)
    return clauses(pd.DataFrame({k: pd.Series(dtype=t) for k, t in [
        ("speech", int), ("token", object), ("pos", object), ("start", int), ("end", int), ("is_punct", bool),
        ("is_masked", bool), ("is_number", bool), ("is_vocab", bool)]}))


def general_frequencies() -> tuple[dict[str, int], int]:
    """jieba's dictionary frequencies of general Chinese, and their total (:func:`.lexicons.jieba_dictionary`)."""
    freq, _, total = jieba_dictionary()
    return freq, total


def _other_documents(ref: Clauses, target: Clauses) -> Clauses:
    """The reference without the documents the corpus itself holds (the reports read against themselves)."""
    def prints(c: Clauses) -> dict:  # a hash of each document's words in order
        h = pd.util.hash_array(c.word.astype(object))
        starts = np.flatnonzero(np.r_[True, c.speech[1:] != c.speech[:-1]])
        weight = (np.arange(len(h)) - np.repeat(starts, np.diff(np.r_[starts, len(h)])) + 1).astype(np.uint64)
        return dict(zip(c.speech[starts].tolist(), np.add.reduceat(h * weight, starts).tolist()))

    if not len(ref) or not len(target):
        return ref
    own = set(prints(target).values())
    drop = [s for s, h in prints(ref).items() if h in own]
    return ref.subset(~np.isin(ref.speech, drop)) if drop else ref


def _association(key, pooled: _Pooled) -> float | None:
    if len(key) == 1:
        return None
    n = pooled(key)
    return min(math.log2(n * pooled.words / (pooled(key[:i]) * pooled(key[i:]))) for i in range(1, len(key)))


class _Pooled:
    def __init__(self, target: PhraseCounts, reference: PhraseCounts, numbers: dict):
        self.target, self.reference = target, reference
        self.words = target.words + reference.words
        self.boundary = _boundaries(pd.concat([target.sides, reference.sides], ignore_index=True), numbers)

    def __call__(self, key) -> int:
        return self.target.n[key] + self.reference.n[key]


def _boundaries(sides: pd.DataFrame, numbers: dict) -> dict:
    """Each key's smaller neighbour entropy (bits) over both sides, from :attr:`PhraseCounts.sides`."""
    if sides.empty:
        return {}
    n = sides.groupby(["key", "side", "word"], sort=False).size()
    p = n / n.groupby(level=["key", "side"]).transform("sum")
    entropy = (-(p * np.log2(p))).groupby(level=["key", "side"]).sum().groupby(level="key").min()
    dominant = p.groupby(level="key").max()
    keys = {v: k for k, v in numbers.items()}
    # a neighbour that takes most uses makes the phrase a fragment (贯彻新 → 发展理念): no boundary
    return {keys[k]: max(float(h), 0.0) if dominant[k] <= MAX_NEIGHBOUR_SHARE else 0.0 for k, h in entropy.items()}


def _measure(key, pooled: _Pooled, general: tuple[dict[str, int], int], formula_words) -> dict:
    """The three measures of ``key`` and the evidence they give (see the module doc)."""
    freq, total = general
    rarest = min(freq.get(w, 0) for w in key) if len(key) > 1 else freq.get(key[0], 0)
    general_rate = max(rarest, 1) / total * 1e6
    specificity = math.log10(pooled(key) / pooled.words * 1e6 / general_rate)
    boundary = pooled.boundary.get(key, 0.0)
    association = _association(key, pooled)
    has_formula_word = any(w in formula_words for w in key)
    evidence = ""
    if boundary <= 0:
        pass
    elif has_formula_word:
        evidence = "formula word"
    elif association is None:  # a set phrase: established in official language, not one speaker's
        if specificity >= MIN_SET_PHRASE_SPECIFICITY and (pooled.reference.n[key] or not pooled.reference.words):
            evidence = "set phrase"
    elif specificity >= MIN_SPECIFICITY and association >= MIN_ASSOCIATION:
        evidence = "termhood"
    return {"association": None if association is None else round(association, 2), "boundary": round(boundary, 2),
            "specificity": round(specificity, 2), "evidence": evidence}


def termhood(tokens: pd.DataFrame, *, reference=config.REFERENCE_CORPUS, formula_words=FORMULA_WORDS,
             min_count: int = 2) -> pd.DataFrame:
    r"""Every candidate phrase the corpus repeats, with how formulaic it is (see the module doc).

    Columns: ``phrase``, ``n_words``, ``n`` (occurrences in the corpus), ``n_speeches``,
    ``n_reference`` (occurrences in the reference), ``association``, ``boundary``,
    ``specificity``, ``evidence`` (``formula word``, ``termhood`` or empty) and
    ``formulaic``.  Sorted by ``formulaic``, ``n_speeches`` and ``n``, descending, then phrase and
    ``n_words`` (a phrase jieba cuts two ways, 任务艰巨 and 任务/很/艰巨, is two candidates; as
    slogans they are one).

    >>> import analysis as an
    >>> sp = an.read_compilation(text="同志们：\n要全程服务，促进经济发展。\n要全程服务企业，促进经济发展。\n").speeches
    >>> t = an.termhood(an.tokenize(sp)).set_index("phrase")  # against the 25 reports
    >>> t.loc[["全程服务", "经济发展"], "formulaic"].tolist()
    [True, False]
    """
    occurrences, measured = _measured(tokens, reference=reference, formula_words=formula_words, min_count=min_count)
    rows = [{"phrase": "".join(key), "n_words": len(key), "n": len(occ[0]), "n_speeches": len(set(occ[0].tolist())),
             **measured[key]} for key, occ in occurrences.items()]
    out = pd.DataFrame(rows, columns=TERMHOOD_COLUMNS[:-1])
    out["formulaic"] = out["evidence"] != ""
    return out.sort_values(["formulaic", "n_speeches", "n", "phrase", "n_words"],
                           ascending=[False, False, False, True, True], kind="mergesort").reset_index(drop=True)


def _measured(tokens, *, reference, formula_words, min_count):
    target = clauses(tokens)
    ref = _other_documents(reference_clauses(reference), target)
    occurrences = candidate_occurrences(target, min_count=min_count, formula_words=formula_words)
    for key, occ in variant_occurrences(target, established_phrases(ref, in_documents=ESTABLISHED_IN),
                                        max_gap=MAX_GAP).items():
        if len({s for s, _, _ in occ}) >= 2:
            occurrences[key] = _merged(occurrences.get(key), occ)
    wanted = {k[a:b] for k in occurrences for a in range(len(k)) for b in range(a + 1, len(k) + 1)}
    numbers = {k: i for i, k in enumerate(occurrences)}
    pooled = _Pooled(PhraseCounts(target, wanted, numbers, corpus=1), PhraseCounts(ref, wanted, numbers, corpus=2),
                     numbers)
    general = general_frequencies()
    measured = {key: {"n_reference": pooled.reference.n[key], **_measure(key, pooled, general, formula_words)}
                for key in occurrences}
    return occurrences, measured


def _merged(found: tuple | None, variants: list[tuple]) -> tuple:
    """A phrase's occurrences as written and as variants, each place once, in order of place."""
    frame = pd.DataFrame(variants, columns=["speech", "start", "end"])
    if found is not None:
        frame = pd.concat([pd.DataFrame(dict(zip(["speech", "start", "end"], found))), frame], ignore_index=True)
    frame = frame.drop_duplicates(["speech", "start"]).sort_values(["speech", "start"], kind="mergesort")
    return tuple(frame[c].to_numpy() for c in ("speech", "start", "end"))


def formulaic_occurrences(tokens: pd.DataFrame, *, reference=config.REFERENCE_CORPUS,
                          formula_words=FORMULA_WORDS) -> pd.DataFrame:
    """Every occurrence of a formulaic phrase: ``speech``, ``phrase``, ``start``, ``end``, ``evidence``.
    A phrase inside a longer formulaic one that occurs as often is left out (only the longer is
    a formula)."""
    occurrences, measured = _measured(tokens, reference=reference, formula_words=formula_words, min_count=2)
    kept = {k: v for k, v in occurrences.items() if measured[k]["evidence"]}
    most_within: dict[tuple, int] = {}
    for key, occ in kept.items():
        for a in range(len(key)):
            for b in range(a + 1, len(key) + 1):
                if (a, b) != (0, len(key)) and key[a:b] in kept:
                    most_within[key[a:b]] = max(most_within.get(key[a:b], 0), len(occ[0]))
    keys = [k for k, occ in kept.items() if most_within.get(k, 0) < len(occ[0])]
    if not keys:
        return pd.DataFrame(columns=["speech", "phrase", "start", "end", "evidence"])
    sizes = [len(kept[k][0]) for k in keys]
    return pd.DataFrame({
        "speech": np.concatenate([kept[k][0] for k in keys]),
        "phrase": np.repeat(np.array(["".join(k) for k in keys], dtype=object), sizes),
        "start": np.concatenate([kept[k][1] for k in keys]), "end": np.concatenate([kept[k][2] for k in keys]),
        "evidence": np.repeat(np.array([measured[k]["evidence"] for k in keys], dtype=object), sizes)})
