"""Where words occur: keyword in context, collocations and dispersion."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from ..segmentation.tokens import vocabulary
from .keyness import keyness_table


def concordance(tokens: pd.DataFrame, term: str, *, window: int = 10) -> pd.DataFrame:
    r"""Keyword in context: one row per occurrence of ``term``.

    Columns: ``speech``, ``sentence``, ``position``, ``start``, ``end`` (offsets into
    the speech text), ``left``, ``keyword``, ``right`` (``window`` tokens each side,
    within the same speech, punctuation included).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> an.concordance(tokens, '项目', window=2)[['left', 'keyword', 'right']].values.tolist()[0]
    ['抓', '项目', '、抓']
    """
    rows = []
    for speech, g in tokens.groupby("speech", sort=True):
        toks = g["token"].tolist()
        hits = np.flatnonzero(g["token"].to_numpy() == term)
        for i in hits:
            rec = g.iloc[i]
            rows.append({"speech": speech, "sentence": int(rec["sentence"]), "position": int(rec["position"]),
                         "start": int(rec["start"]), "end": int(rec["end"]),
                         "left": "".join(toks[max(0, i - window):i]), "keyword": term,
                         "right": "".join(toks[i + 1:i + 1 + window])})
    return pd.DataFrame(rows, columns=["speech", "sentence", "position", "start", "end", "left", "keyword", "right"])


def collocations(tokens: pd.DataFrame, node: str | None = None, *, window: int = 5,
                 measure: Literal["llr", "pmi", "t"] = "llr", min_count: int = 2,
                 content_only: bool = False) -> pd.DataFrame:
    r"""Collocates of ``node`` within ``window`` words, or, with no node, bigram collocations.

    Counts run over vocabulary tokens (the stopword policy), within each speech.
    Columns: ``node``, ``collocate``, ``n`` (co-occurrences), ``expected``, ``llr``
    (log-likelihood, Dunning 1993), ``pmi`` (log2 observed/expected), ``t`` (t-score),
    sorted by ``measure`` descending, ties by collocate.  For bigrams ``node`` is
    the first word and ``collocate`` the word right after it.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> an.collocations(tokens, '抓', window=1, min_count=1)['collocate'].tolist()[:2]
    ['开工', '招商']
    """
    vocab = vocabulary(tokens, content_only=content_only).sort_values(["speech", "position"])
    freq = vocab["token"].value_counts()
    total = float(len(vocab))
    pairs, span = _co_occurrences(vocab, node, window)
    cols = ["node", "collocate", "n", "expected", "llr", "pmi", "t"]
    if not pairs:
        return pd.DataFrame(columns=cols)
    frame = pd.DataFrame([(a, b, n) for (a, b), n in pairs.items()], columns=["node", "collocate", "n"])
    frame = frame[frame["n"] >= min_count]
    if frame.empty:
        return pd.DataFrame(columns=cols)
    f_node = frame["node"].map(freq).to_numpy(dtype=float)
    f_coll = frame["collocate"].map(freq).to_numpy(dtype=float)
    o11 = frame["n"].to_numpy(dtype=float)
    expected = f_node * f_coll * span / total
    # 2x2 table: the node's window slots against the rest of the corpus
    slots = f_node * span
    llr = keyness_table(o11, np.maximum(f_coll - o11, 0), slots, np.maximum(total * span - slots, 1.0))["g2"].to_numpy()
    frame["expected"] = expected
    frame["llr"] = llr
    frame["pmi"] = np.log2(o11 / expected)
    frame["t"] = (o11 - expected) / np.sqrt(o11)
    frame = frame.sort_values([measure, "collocate", "node"], ascending=[False, True, True], kind="mergesort")
    return frame[cols].reset_index(drop=True)


def _co_occurrences(vocab: pd.DataFrame, node: str | None, window: int) -> tuple[dict, float]:
    """Counts of (node, collocate) pairs, and the window slots each node occurrence opens."""
    pairs: dict[tuple[str, str], int] = {}
    if node is None:  # bigrams within a sentence
        for _, g in vocab.groupby("speech", sort=True):
            toks, sents = g["token"].tolist(), g["sentence"].tolist()
            for x, y, s1, s2 in zip(toks, toks[1:], sents, sents[1:]):
                if s1 == s2:
                    pairs[(x, y)] = pairs.get((x, y), 0) + 1
        return pairs, 1.0
    for _, g in vocab.groupby("speech", sort=True):
        toks = g["token"].tolist()
        for i, t in enumerate(toks):
            if t != node:
                continue
            for j in range(max(0, i - window), min(len(toks), i + window + 1)):
                if j != i:
                    pairs[(node, toks[j])] = pairs.get((node, toks[j]), 0) + 1
    return pairs, 2.0 * window


def dispersion(tokens: pd.DataFrame, terms: Iterable[str]) -> pd.DataFrame:
    r"""Every occurrence of ``terms``, placed along its speech, for an x-ray plot.

    Columns: ``speech``, ``term``, ``position`` (index among the speech's words),
    ``relative_position`` (0..1 through the speech), ``n_words`` (words in the speech).
    Sorted by term (in the order given), speech and position.  ``term`` and ``speech``
    are categorical: their categories are every term asked for and every speech, so
    that a term or speech with no occurrence is still known (and drawn).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> an.dispersion(tokens, ['项目'])[['speech', 'position']].values.tolist()
    [[1, 1], [2, 5]]
    """
    terms = list(dict.fromkeys(terms))
    words = tokens[~tokens["is_punct"]].copy()
    words["word_index"] = words.groupby("speech").cumcount()
    sizes = words.groupby("speech").size()
    hits = words[words["token"].isin(terms)]
    out = pd.DataFrame({
        "speech": hits["speech"].to_numpy(), "term": hits["token"].to_numpy(),
        "position": hits["word_index"].to_numpy(),
        "relative_position": (hits["word_index"] / hits["speech"].map(sizes)).to_numpy(),
        "n_words": hits["speech"].map(sizes).to_numpy(),
    })
    out["_t"] = out["term"].map({t: i for i, t in enumerate(terms)})
    out = out.sort_values(["_t", "speech", "position"]).drop(columns="_t").reset_index(drop=True)
    # every term asked for and every speech stay in the frame as categories, hit or not
    out["term"] = pd.Categorical(out["term"], categories=terms)
    out["speech"] = pd.Categorical(out["speech"], categories=sorted(int(s) for s in tokens["speech"].unique()))
    return out


def dispersion_measures(tokens: pd.DataFrame, terms: Iterable[str], *, parts: int = 10) -> pd.DataFrame:
    r"""How evenly each term spreads through each speech, and across speeches.

    Each speech is cut into ``parts`` equal stretches of words.  Columns: ``term``,
    ``speech`` (0 = across the corpus, with the speeches as parts), ``n``,
    ``dp`` (Gries' deviation of proportions: 0 even, near 1 clumped) and
    ``juilland_d`` (1 even, 0 clumped; NaN when the term is absent).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> an.dispersion_measures(tokens, ['项目'], parts=2).query('speech == 0')['n'].item()
    2
    """
    terms = list(dict.fromkeys(terms))
    words = tokens[~tokens["is_punct"]].copy()
    words["word_index"] = words.groupby("speech").cumcount()
    sizes = words.groupby("speech").size()
    rows = []

    def measures(observed: np.ndarray, expected_share: np.ndarray) -> tuple[float, float]:
        n = observed.sum()
        if n == 0:
            return float("nan"), float("nan")
        dp = 0.5 * float(np.abs(observed / n - expected_share).sum())
        rel = observed / np.maximum(expected_share, 1e-12)  # frequency per unit of size
        mean = rel.mean()
        k = len(observed)
        d = 1 - (rel.std(ddof=0) / mean) / np.sqrt(k - 1) if k > 1 and mean > 0 else float("nan")
        return dp, float(d)

    for term in terms:
        hits = words[words["token"] == term]
        per_speech = []
        for speech, size in sizes.items():
            h = hits[hits["speech"] == speech]["word_index"].to_numpy()
            bins = np.minimum((h * parts) // max(size, 1), parts - 1)
            observed = np.bincount(bins, minlength=parts).astype(float)
            edges = np.linspace(0, size, parts + 1)
            share = np.diff(edges) / max(size, 1)
            dp, d = measures(observed, share)
            rows.append({"term": term, "speech": int(speech), "n": int(len(h)), "dp": dp, "juilland_d": d})
            per_speech.append(len(h))
        dp, d = measures(np.array(per_speech, dtype=float), (sizes / sizes.sum()).to_numpy())
        rows.append({"term": term, "speech": 0, "n": int(sum(per_speech)), "dp": dp, "juilland_d": d})
    return pd.DataFrame(rows, columns=["term", "speech", "n", "dp", "juilland_d"])
