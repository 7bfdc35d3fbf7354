r"""How formulaic a repeated phrase is: termhood against general Chinese and official language.

A candidate is a run of words inside one clause that the corpus uses twice or more (the
filler words of :data:`analysis.chinese.FORMULA_FILLERS` are skipped, so 主要领导要亲自抓
counts as 主要领导亲自抓), or a single word that is a formula word or a set phrase of
three characters or more that jieba tags ``i`` / ``l`` (攻坚战, 稳中求进).  Each is
measured over the corpus pooled with a reference corpus of official language, which the
caller prepares and passes (``reference=``: :func:`analysis.load_reference`, by default the 25
provincial government work reports of 2026; :func:`analysis.reference_from_tokens`; or
:func:`analysis.no_reference`).  Documents the corpus shares with its reference are left out of
the reference, so the 25 reports are never measured against themselves:

* ``association``: pointwise mutual information, in bits, at the phrase's weakest joint,
  ``log2(f(xy)·N / (f(x)·f(y)))`` over the ways of cutting it in two (single words: none);
* ``boundary``: the smaller of the entropies, in bits, of the word before it and the word
  after it; a clause edge counts as a new neighbour each time.  0 when the phrase stands
  inside the same longer one in more than 80 % of its uses (项目推进过程 is always followed
  by 中, 贯彻新 nearly always by 发展理念).  Measured only for phrases the other measures
  leave a chance (empty otherwise): counting neighbours is the costly part;
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

import numpy as np
import pandas as pd

from ..chinese import FORMULA_WORDS
from .lexicons import jieba_dictionary
from .phrases import (
    PhraseCounts,
    candidate_occurrences,
    clauses,
    established_phrases,
    pieces,
    variant_occurrences,
)
from .reference import ESTABLISHED_IN, Reference, fingerprints

__all__ = ["termhood", "formulaic_occurrences", "pieces", "general_frequencies"]

TERMHOOD_COLUMNS = ["phrase", "n_words", "n", "n_speeches", "n_reference", "association", "boundary",
                    "specificity", "evidence", "formulaic"]
#: Thresholds of :func:`termhood` (see the module doc).
MIN_ASSOCIATION = 5.0
MIN_SPECIFICITY = 0.0
MIN_SET_PHRASE_SPECIFICITY = 1.0
MAX_NEIGHBOUR_SHARE = 0.8
MAX_GAP = 6  # characters inserted between two pieces of a variant


def general_frequencies() -> tuple[dict[str, int], int]:
    """jieba's dictionary frequencies of general Chinese, and their total (:func:`.lexicons.jieba_dictionary`)."""
    freq, _, total = jieba_dictionary()
    return freq, total


def _boundaries(sides: pd.DataFrame, n_keys: int) -> np.ndarray:
    """Each key's smaller neighbour entropy (bits) over both sides, from :attr:`PhraseCounts.sides`
    (keys numbered from 0; 0 for a key without sides)."""
    out = np.zeros(n_keys)
    if sides.empty:
        return out
    n = sides.groupby(["key", "side", "word"], sort=False).size()
    p = n / n.groupby(level=["key", "side"]).transform("sum")
    entropy = (-(p * np.log2(p))).groupby(level=["key", "side"]).sum().groupby(level="key").min()
    dominant = p.groupby(level="key").max().reindex(entropy.index)
    # a neighbour that takes most uses makes the phrase a fragment (贯彻新 → 发展理念): no boundary
    kept = np.where(dominant.to_numpy() <= MAX_NEIGHBOUR_SHARE, np.maximum(entropy.to_numpy(), 0.0), 0.0)
    out[entropy.index.to_numpy()] = kept
    return out


def _scores(keys: list[tuple], target: PhraseCounts, ref: PhraseCounts, formula_words) -> pd.DataFrame:
    """Association, specificity and the formula-word flag of every key (see the module doc)."""
    freq, total = general_frequencies()
    words = target.words + ref.words

    t, r = target.n, ref.n

    def pooled(key) -> int:
        return t.get(key, 0) + r.get(key, 0)

    n = np.array([pooled(k) for k in keys], dtype=float)
    association = np.array([min(math.log2(pooled(k) * words / (pooled(k[:i]) * pooled(k[i:])))
                                for i in range(1, len(k))) if len(k) > 1 else np.nan for k in keys])
    rarest = np.array([max(min(freq.get(w, 0) for w in k), 1) for k in keys], dtype=float)
    specificity = np.log10(n / max(words, 1) * 1e6 / (rarest / total * 1e6))
    return pd.DataFrame({"n_reference": [r.get(k, 0) for k in keys], "association": association,
                         "specificity": specificity, "n_words": [len(k) for k in keys],
                         "formula_word": [any(w in formula_words for w in k) for k in keys]})


def _evidence(s: pd.DataFrame, boundary: np.ndarray, *, has_reference: bool) -> np.ndarray:
    """The evidence each measured key gives (module doc): "" for none."""
    single = s["n_words"].to_numpy(dtype=int) == 1
    set_phrase = single & (s["specificity"].to_numpy(dtype=float) >= MIN_SET_PHRASE_SPECIFICITY) & (
        (s["n_reference"].to_numpy(dtype=int) > 0) | (not has_reference))
    termhood = ~single & (s["specificity"].to_numpy(dtype=float) >= MIN_SPECIFICITY) & (
        np.nan_to_num(s["association"].to_numpy(dtype=float), nan=-np.inf) >= MIN_ASSOCIATION)
    formula = s["formula_word"].to_numpy(dtype=bool)
    evidence = np.select([formula, set_phrase, termhood], ["formula word", "set phrase", "termhood"], "")
    return np.where(boundary > 0, evidence, "").astype(object)


def termhood(tokens: pd.DataFrame, *, reference: Reference, formula_words=FORMULA_WORDS,
             min_count: int = 2) -> pd.DataFrame:
    r"""Every candidate phrase the corpus repeats, with how formulaic it is (see the module doc),
    measured against ``reference`` (:func:`analysis.load_reference`, or
    :func:`analysis.no_reference` for general Chinese only).

    Columns: ``phrase``, ``n_words``, ``n`` (occurrences in the corpus), ``n_speeches``,
    ``n_reference`` (occurrences in the reference), ``association``, ``boundary``,
    ``specificity``, ``evidence`` (``formula word``, ``set phrase``, ``termhood`` or empty) and
    ``formulaic``.  Sorted by ``formulaic``, ``n_speeches`` and ``n``, descending, then phrase and
    ``n_words`` (a phrase jieba cuts two ways, 任务艰巨 and 任务/很/艰巨, is two candidates; as
    slogans they are one).

    >>> import analysis as an
    >>> sp = an.read_compilation(text="同志们：\n要全程服务，促进经济发展。\n要全程服务企业，促进经济发展。\n").speeches
    >>> t = an.termhood(an.tokenize(sp), reference=an.load_reference()).set_index("phrase")
    >>> t.loc[["全程服务", "经济发展"], "formulaic"].tolist()
    [True, False]
    """
    occurrences, measured = _measured(tokens, reference=reference, formula_words=formula_words, min_count=min_count)
    out = pd.DataFrame({"phrase": ["".join(k) for k in occurrences], "n_words": [len(k) for k in occurrences],
                        "n": [len(occ[0]) for occ in occurrences.values()],
                        "n_speeches": [len(set(occ[0].tolist())) for occ in occurrences.values()]})
    out = pd.concat([out, measured.drop(columns=["n_words", "formula_word"]).reset_index(drop=True)], axis=1)
    out["association"] = out["association"].round(2).astype(object).where(out["association"].notna(), None)
    out[["boundary", "specificity"]] = out[["boundary", "specificity"]].round(2)
    out = out[TERMHOOD_COLUMNS[:-1]].assign(formulaic=out["evidence"] != "")
    return out.sort_values(["formulaic", "n_speeches", "n", "phrase", "n_words"],
                           ascending=[False, False, False, True, True], kind="mergesort").reset_index(drop=True)


def _measured(tokens, *, reference: Reference, formula_words, min_count) -> tuple[dict, pd.DataFrame]:
    """The candidates with their occurrences, and their measures in the same order."""
    target = clauses(tokens)
    ref = reference.without(set(fingerprints(target).values()))  # the reports read against themselves
    established = (reference.established if len(ref) == reference.n_words
                   else established_phrases(ref, in_documents=ESTABLISHED_IN))
    occurrences = candidate_occurrences(target, min_count=min_count, formula_words=formula_words)
    for key, occ in variant_occurrences(target, established, max_gap=MAX_GAP).items():
        if len({s for s, _, _ in occ}) >= 2:
            occurrences[key] = _merged(occurrences.get(key), occ)
    keys = list(occurrences)
    wanted = {k[a:b] for k in keys for a in range(len(k)) for b in range(a + 1, len(k) + 1)}
    measured = _scores(keys, PhraseCounts(target, wanted), PhraseCounts(ref, wanted), formula_words)
    # the neighbours are counted only for keys the other measures leave a chance
    maybe = _evidence(measured, np.ones(len(keys)), has_reference=len(ref) > 0) != ""
    numbers = {keys[i]: i for i in np.flatnonzero(maybe).tolist()}
    sides = [PhraseCounts(c, set(numbers), numbers, corpus=i).sides for i, c in ((1, target), (2, ref))]
    boundary = _boundaries(pd.concat(sides, ignore_index=True), len(keys))
    measured["boundary"] = np.where(maybe, boundary, np.nan)  # not measured where nothing could pass
    measured["evidence"] = _evidence(measured, boundary, has_reference=len(ref) > 0)
    return occurrences, measured


def _merged(found: tuple | None, variants: list[tuple]) -> tuple:
    """A phrase's occurrences as written and as variants, each place once, in order of place."""
    frame = pd.DataFrame(variants, columns=["speech", "start", "end"])
    if found is not None:
        frame = pd.concat([pd.DataFrame(dict(zip(["speech", "start", "end"], found))), frame], ignore_index=True)
    frame = frame.drop_duplicates(["speech", "start"]).sort_values(["speech", "start"], kind="mergesort")
    return tuple(frame[c].to_numpy() for c in ("speech", "start", "end"))


def formulaic_occurrences(tokens: pd.DataFrame, *, reference: Reference,
                          formula_words=FORMULA_WORDS) -> pd.DataFrame:
    """Every occurrence of a formulaic phrase: ``speech``, ``phrase``, ``start``, ``end``, ``evidence``.
    A phrase inside a longer formulaic one that occurs as often is left out (only the longer is
    a formula)."""
    occurrences, measured = _measured(tokens, reference=reference, formula_words=formula_words, min_count=2)
    evidence = dict(zip(occurrences, measured["evidence"]))
    kept = {k: v for k, v in occurrences.items() if evidence[k]}
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
        "evidence": np.repeat(np.array([evidence[k] for k in keys], dtype=object), sizes)})
