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
  after it; a clause edge counts as a new neighbour each time.  0 when the phrase always
  stands inside the same longer one (项目推进过程 is always followed by 中);
* ``specificity``: log10 of the phrase's rate per million words in the pooled official
  text over the rate in general Chinese of its rarest word, from jieba's dictionary
  frequencies (60 million words).  That rate bounds the phrase's own general rate from
  above, so a phrase built of everyday words (经济发展, 主要领导) comes out below 0.

A phrase is ``formulaic`` when its shape can be a formula (it neither opens on a deictic,
preposition or pronoun nor ends on a general head such as 工作, 问题, 领导, 部门, and has no
的 / 地 / 得 / 了 inside: :mod:`analysis.chinese`), it is not a fragment (boundary > 0), and
either it carries a formula word (抓, 攻坚战, 双赢: ``formula word``) or it is specific to
official language (specificity ≥ 0) with its words associated (association ≥ 1 bit):
``termhood``.  Generic collocations (经济发展, 开展工作, 这项工作, 项目的建设, 主要领导)
fail one of these and are not slogans.
"""
from __future__ import annotations

import itertools
import math
import warnings
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import config
from ..chinese import (
    FORMULA_FILLERS,
    FORMULA_NOUNS,
    FORMULA_WORDS,
    LIGHT_HEADS,
    LIGHT_OPENERS,
    LINKING_WORDS,
    NAME_TAGS,
    NOUN_TAGS,
    is_han,
)
from ..errors import CorpusWarning

TERMHOOD_COLUMNS = ["phrase", "n_words", "n", "n_speeches", "n_reference", "association", "boundary",
                    "specificity", "evidence", "formulaic"]
MAX_WORDS = 6
#: Thresholds of :func:`termhood` (see the module doc).
MIN_ASSOCIATION = 5.0
MIN_SPECIFICITY = 0.0
MIN_SET_PHRASE_SPECIFICITY = 1.0


def clauses(tokens: pd.DataFrame) -> list[tuple[object, list[tuple]]]:
    """Each clause of each speech as ``(speech, [(word, start, end, is_content, is_name), ...])``,
    fillers left out; a mask or a number ends the clause, since a formula holds neither."""
    out = []
    for speech, g in tokens.groupby("speech", sort=True):
        run: list[tuple] = []
        for tok, start, end, punct, masked, number, vocab, pos in zip(
                g["token"], g["start"], g["end"], g["is_punct"], g["is_masked"], g["is_number"], g["is_vocab"],
                g["pos"]):
            if punct or masked or number or not any(is_han(c) for c in tok):
                if run:
                    out.append((speech, tuple(run)))
                run = []
            elif tok not in FORMULA_FILLERS:
                run.append((tok, start, end, bool(vocab), pos in NAME_TAGS, pos in NOUN_TAGS, pos))
        if run:
            out.append((speech, tuple(run)))
    return out


def _shape_ok(window: list[tuple]) -> bool:
    """Opens and ends on a content word that is neither light nor a name, holds no 的 / 了, and
    is not a term (nouns ending on a noun); a formula word makes any phrase a formula."""
    words = [w[0] for w in window]
    if any(w[4] and w[0] not in FORMULA_WORDS for w in window) or not (window[0][3] and window[-1][3]):
        return False
    if len(words) == 1:
        return True
    if all(w[5] for w in window) and window[-1][6] != "vn" and not any(w in FORMULA_WORDS for w in words):
        return False
    if words[0] in LIGHT_OPENERS or words[-1] in LIGHT_HEADS or len("".join(words)) < 3:
        return False
    return not any(w in LINKING_WORDS for w in words)


class PhraseCounts:
    """Counts of word sequences (up to six words) in clauses, with the words on either side."""

    def __init__(self, clause_list, wanted: set[tuple[str, ...]]):
        self.n: Counter = Counter()
        self.left: dict[tuple, Counter] = {}
        self.right: dict[tuple, Counter] = {}
        self.words = 0
        for _, run in clause_list:
            seq = [w[0] for w in run]
            self.words += len(seq)
            for size in range(1, MAX_WORDS + 1):
                for i in range(len(seq) - size + 1):
                    key = tuple(seq[i:i + size])
                    if key not in wanted:
                        continue
                    self.n[key] += 1  # a clause edge is a new neighbour every time: object()
                    self.left.setdefault(key, Counter())[seq[i - 1] if i else object()] += 1
                    self.right.setdefault(key, Counter())[seq[i + size] if i + size < len(seq) else object()] += 1


@lru_cache(maxsize=2)
def _reference_clauses(path: str) -> tuple:
    from ..reading.corpus import read_corpus
    from ..segmentation.tokens import tokenize

    return tuple(clauses(tokenize(read_corpus(path).speeches)))


def reference_clauses(reference) -> tuple:
    """The clauses of the reference corpus: a path (read and segmented once per process), a token
    table, or None for none."""
    if reference is None:
        return ()
    if isinstance(reference, pd.DataFrame):
        return tuple(clauses(reference))
    path = Path(reference)
    if not path.exists():
        warnings.warn(f"{path}: the reference corpus does not exist; formulas are measured against general "
                      "Chinese only (set ANALYSIS_REFERENCE or pass reference=)", CorpusWarning, stacklevel=3)
        return ()
    return _reference_clauses(str(path))


@lru_cache(maxsize=1)
def general_frequencies() -> tuple[dict[str, int], int]:
    """jieba's dictionary frequencies of general Chinese, and their total."""
    from ..segmentation.segmenter import get_segmenter

    tk = get_segmenter().tk
    return tk.FREQ, tk.total


def _entropy(neighbours: Counter) -> float:
    total = sum(neighbours.values())
    return -sum(v / total * math.log2(v / total) for v in neighbours.values())


def _association(key, pooled: _Pooled) -> float | None:
    if len(key) == 1:
        return None
    n = pooled(key)
    return min(math.log2(n * pooled.words / (pooled(key[:i]) * pooled(key[i:]))) for i in range(1, len(key)))


class _Pooled:
    def __init__(self, target: PhraseCounts, reference: PhraseCounts):
        self.target, self.reference = target, reference
        self.words = target.words + reference.words

    def __call__(self, key) -> int:
        return self.target.n[key] + self.reference.n[key]

    def neighbours(self, key, side: str) -> Counter:
        a = getattr(self.target, side).get(key, Counter())
        return a + getattr(self.reference, side).get(key, Counter())


def _measure(key, pooled: _Pooled, general: tuple[dict[str, int], int], formula_words) -> dict:
    """The three measures of ``key`` and the evidence they give (see the module doc)."""
    freq, total = general
    rarest = min(freq.get(w, 0) for w in key) if len(key) > 1 else freq.get(key[0], 0)
    general_rate = max(rarest, 1) / total * 1e6
    specificity = math.log10(pooled(key) / pooled.words * 1e6 / general_rate)
    boundary = min(_entropy(pooled.neighbours(key, "left")), _entropy(pooled.neighbours(key, "right")))
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
    ``formulaic``.  Sorted by ``formulaic``, ``n_speeches`` and ``n``, descending.

    >>> import analysis as an
    >>> sp = an.read_compilation(text="同志们：\n要全程服务，促进经济发展。\n要全程服务企业，促进经济发展。\n").speeches
    >>> t = an.termhood(an.tokenize(sp)).set_index("phrase")  # against the 25 reports
    >>> t.loc[["全程服务", "经济发展"], "formulaic"].tolist()
    [True, False]
    """
    occurrences, measured = _measured(tokens, reference=reference, formula_words=formula_words, min_count=min_count)
    rows = [{"phrase": "".join(key), "n_words": len(key), "n": len(occ), "n_speeches": len({s for s, _, _ in occ}),
             **measured[key]} for key, occ in occurrences.items()]
    out = pd.DataFrame(rows, columns=TERMHOOD_COLUMNS[:-1])
    out["formulaic"] = out["evidence"] != ""
    return out.sort_values(["formulaic", "n_speeches", "n", "phrase"], ascending=[False, False, False, True],
                           kind="mergesort").reset_index(drop=True)


def _measured(tokens, *, reference, formula_words, min_count):
    target = clauses(tokens)
    ref = _other_documents(reference_clauses(reference), target)
    occurrences = candidate_occurrences(target, min_count=min_count, formula_words=formula_words)
    for key, occ in variant_occurrences(target, established_phrases(ref)).items():
        if len({s for s, _, _ in occ}) >= 2:
            known = {o[1] for o in occurrences.get(key, ())}
            occurrences[key] = sorted(occurrences.get(key, []) + [o for o in occ if o[1] not in known])
    wanted = {k[a:b] for k in occurrences for a in range(len(k)) for b in range(a + 1, len(k) + 1)}
    pooled = _Pooled(PhraseCounts(target, wanted), PhraseCounts(ref, wanted))
    general = general_frequencies()
    measured = {key: {"n_reference": pooled.reference.n[key], **_measure(key, pooled, general, formula_words)}
                for key in occurrences}
    return occurrences, measured


def formulaic_occurrences(tokens: pd.DataFrame, *, reference=config.REFERENCE_CORPUS,
                          formula_words=FORMULA_WORDS) -> list[tuple]:
    """Every occurrence of a formulaic phrase as ``(speech, phrase, start, end, evidence)``; a phrase
    inside a longer formulaic one that occurs as often is left out (only the longer is a formula)."""
    occurrences, measured = _measured(tokens, reference=reference, formula_words=formula_words, min_count=2)
    kept = {k: v for k, v in occurrences.items() if measured[k]["evidence"]}
    most_within: dict[tuple, int] = {}
    for key, occ in kept.items():
        for a in range(len(key)):
            for b in range(a + 1, len(key) + 1):
                if (a, b) != (0, len(key)) and key[a:b] in kept:
                    most_within[key[a:b]] = max(most_within.get(key[a:b], 0), len(occ))
    return [(speech, "".join(key), start, end, measured[key]["evidence"])
            for key, occ in kept.items() if most_within.get(key, 0) < len(occ) for speech, start, end in occ]


def _other_documents(ref: tuple, target: list) -> tuple:
    """The reference without the documents the corpus itself holds (the reports read against themselves)."""
    def prints(clause_list):
        by_doc: dict = {}
        for speech, run in clause_list:
            by_doc.setdefault(speech, []).append(tuple(w[0] for w in run))
        return {speech: hash(tuple(runs)) for speech, runs in by_doc.items()}

    own = set(prints(target).values())
    drop = {speech for speech, h in prints(ref).items() if h in own}
    return tuple(c for c in ref if c[0] not in drop) if drop else ref


#: A phrase of official language that the reference uses in this many documents is looked for
#: in the corpus with characters inserted too (承接东南沿海地产业梯度转移 is a 承接产业转移).
ESTABLISHED_IN = 3
MAX_GAP = 6  # characters inserted between two pieces of a variant


def pieces(words: tuple[str, ...]) -> tuple[str, ...]:
    """The pieces a variant may be split into: each word, a word of four characters or more
    in two-character pieces (产业转移 is 产业 + 转移, as 产业梯度转移 writes it).

    >>> pieces(("承接", "产业转移"))
    ('承接', '产业', '转移')
    """
    out: list[str] = []
    for w in words:
        out += [w[i:i + 2] for i in range(0, len(w), 2)] if len(w) >= 4 and len(w) % 2 == 0 else [w]
    return tuple(out)


@lru_cache(maxsize=2)
def established_phrases(ref: tuple) -> frozenset[tuple[str, ...]]:
    """Phrases of two to four words, in three pieces or more, opening on a verb, that the reference
    uses in :data:`ESTABLISHED_IN` documents or more.  Only a verb phrase is looked for with words
    inserted (承接…产业…转移): words inserted into a noun phrase modify it (经济社会全面发展)."""
    docs: dict[tuple, set] = {}
    for speech, run in ref:
        for size in (2, 3, 4):
            for i in range(len(run) - size + 1):
                win = run[i:i + size]
                key = tuple(w[0] for w in win)
                if win[0][6] in ("v", "vd") and len(pieces(key)) >= 3 and _shape_ok(win):
                    docs.setdefault(key, set()).add(speech)
    return frozenset(k for k, d in docs.items() if len(d) >= ESTABLISHED_IN)


def variant_occurrences(clause_list, phrases: frozenset) -> dict[tuple[str, ...], list[tuple]]:
    """Where each phrase stands in the clauses, as written or with up to :data:`MAX_GAP` characters
    between its pieces, starting and ending on a word's edge, as ``{words: [(speech, start, end)]}``."""
    by_first: dict[str, list[tuple]] = {}
    for key in phrases:
        by_first.setdefault(pieces(key)[0], []).append(key)
    found: dict[tuple, list[tuple]] = {}
    for speech, run in clause_list:
        chars = "".join(w[0] for w in run)
        offsets = [w[1] + k for w in run for k in range(len(w[0]))]  # text offset of each character
        ends = set(itertools.accumulate(len(w[0]) for w in run))
        pos = 0
        for w in run:
            for key in by_first.get(pieces((w[0],))[0], ()):
                end = _match_pieces(chars, pos, pieces(key))
                if end is not None and end in ends:
                    found.setdefault(key, []).append((speech, w[1], offsets[end - 1] + 1))
            pos += len(w[0])
    return found


def _match_pieces(chars: str, pos: int, parts: tuple[str, ...]) -> int | None:
    """The end of ``parts`` found in order from ``pos`` with at most :data:`MAX_GAP` characters
    between two of them, or None."""
    if not chars.startswith(parts[0], pos):
        return None
    end = pos + len(parts[0])
    for part in parts[1:]:
        at = chars.find(part, end, end + MAX_GAP + len(part))
        if at < 0:
            return None
        end = at + len(part)
    return end


def candidate_occurrences(clause_list, *, min_count: int = 2,
                          formula_words=FORMULA_WORDS) -> dict[tuple[str, ...], list[tuple]]:
    """Word sequences used ``min_count`` times or more, as ``{words: [(speech, start, end), ...]}``:
    two words or more, or one word that is a formula word or a set phrase (see the module doc)."""
    from .lexicons import set_phrase

    found: dict[tuple[str, ...], list[tuple]] = {}
    for speech, run in clause_list:
        for size in range(1, MAX_WORDS + 1):
            for i in range(len(run) - size + 1):
                win = run[i:i + size]
                key = tuple(w[0] for w in win)
                if not _shape_ok(win) or size == 1 and not (key[0] in FORMULA_NOUNS or set_phrase(key[0])):
                    continue
                found.setdefault(key, []).append((speech, win[0][1], win[-1][2]))
    return {k: v for k, v in found.items() if len(v) >= min_count}
