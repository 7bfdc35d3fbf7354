"""The counts layer: how often each term occurs in each speech (quanteda's dfm, long).

Every statistic that compares speeches (frequencies, keyness, distinctive
terms, similarity, shared vocabulary) takes this frame, so the options that
decide what is counted (content words only, n-grams) are chosen once, in
:func:`term_counts`, and agree between every table and figure built on it.
Counts add up: counts of parts of a corpus, concatenated and summed by
``speech, term``, are the counts of the whole (the README's Dask recipe).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import TooFewSpeechesError
from ..segmentation.tokens import factorized, tags_starting, vocabulary

COUNT_COLUMNS = ["speech", "term", "n"]


def _ngrams(vocab: pd.DataFrame, n: int) -> pd.DataFrame:
    """n-grams of consecutive vocabulary tokens within a sentence."""
    if n == 1:
        return vocab[["speech", "token"]].rename(columns={"token": "term"})
    v = vocab.sort_values(["speech", "position"])
    pieces = [v["token"].shift(-k) for k in range(n)]
    same = np.ones(len(v), dtype=bool)
    for k in range(1, n):
        same &= (v["speech"].shift(-k) == v["speech"]).to_numpy()
        same &= (v["sentence"].shift(-k) == v["sentence"]).to_numpy()
        same &= (v["position"].shift(-k) - v["position"] == k).to_numpy()
    term = pieces[0].str.cat(pieces[1:], sep=" ")
    out = pd.DataFrame({"speech": v["speech"].to_numpy(), "term": term.to_numpy()})
    return out[same & term.notna().to_numpy()]


#: jieba's tags of names: places (ns) and people (nr, nrfg, nrt).
NAME_POS = ("ns", "nr")
_PLACE_SUFFIXES = ("", "省", "市", "县", "区", "自治区", "州")


def term_counts(tokens: pd.DataFrame, *, content_only: bool = False, ngram: int = 1,
                drop_names: bool = False, drop_terms=()) -> pd.DataFrame:
    """Count each term in each speech, under the one stopword policy (``is_vocab``).

    ``content_only`` keeps only content words (nouns, verbs, adjectives, idioms ...);
    ``ngram=2`` counts pairs of adjacent words (joined by a space) that cross no
    sentence end or gap.  ``drop_names`` sets aside place and personal names (jieba's
    ``ns`` and ``nr`` tags, and the places of :func:`analysis.read_places`), and
    ``drop_terms`` words of the corpus's own (its labels, such as 上海, also as 上海市), so
    that documents compared across regions
    are not told apart by their names.  Columns: ``speech``, ``term``, ``n`` (int),
    one row per pair that occurs, sorted by speech and term.

    >>> import analysis as an
    >>> tokens = an.tokenize(an.read_compilation(text="抓项目，抓落实。再抓项目。").speeches)
    >>> term_counts(tokens).to_dict("records")
    [{'speech': 1, 'term': '抓', 'n': 3}, {'speech': 1, 'term': '落实', 'n': 1}, {'speech': 1, 'term': '项目', 'n': 2}]
    """
    columns = ["speech", "token"] if ngram == 1 else ["speech", "sentence", "position", "token"]
    dropping = drop_names or any(isinstance(t, str) and t for t in drop_terms)
    vocab = vocabulary(tokens, content_only=content_only, columns=columns + (["pos"] if dropping else []))
    if dropping:
        vocab = vocab.loc[~_is_name(vocab, drop_names, drop_terms), columns]
    if ngram == 1:
        return _count_pairs(vocab["speech"].to_numpy(), vocab["token"])
    grams = _ngrams(vocab, ngram)
    return _count_pairs(grams["speech"].to_numpy(), grams["term"])


def comparison_options(speeches: pd.DataFrame) -> dict:
    """The one counts configuration that the tables and the figures comparing documents share
    (``keyness.csv`` and the keyness figure show the same numbers): content words only, and,
    when two documents or more are labelled by the region they come from, place and personal
    names set aside with the labels themselves (上海, 上海市), which would otherwise be what tells
    the documents apart.  Pass it on: ``term_counts(tokens, **comparison_options(speeches))``.

    >>> import pandas as pd
    >>> comparison_options(pd.DataFrame({"label": ["上海", "浙江", "2024 习近平"]}))
    {'content_only': True, 'drop_names': True, 'drop_terms': ('上海', '浙江')}
    """
    from ..reading.labels import place_labels

    places = place_labels(speeches["label"])
    drop = len(places) >= 2
    return {"content_only": True, "drop_names": drop, "drop_terms": places if drop else ()}


def _count_pairs(speech: np.ndarray, terms: pd.Series) -> pd.DataFrame:
    """(speech, term) counts from integer codes: one hashing pass over the terms, then
    sorting integers, far less memory and time than grouping by strings.  Terms are coded
    in sorted order, so the pairs come out sorted by speech, then term."""
    codes, words = factorized(terms.to_numpy(dtype=object), sort=True)
    speech_codes, speeches = pd.factorize(speech, sort=True)
    width = max(len(words), 1)
    keys, n = np.unique(speech_codes.astype(np.int64) * width + codes, return_counts=True)
    return pd.DataFrame({"speech": np.asarray(speeches)[keys // width],
                         "term": pd.Series(np.asarray(words, dtype=object)[keys % width], dtype=terms.dtype),
                         "n": n.astype(np.int64)}, columns=COUNT_COLUMNS)


def _is_name(vocab: pd.DataFrame, drop_names: bool, drop_terms) -> np.ndarray:
    out = np.zeros(len(vocab), dtype=bool)
    if drop_names:  # tagged as a name, or a place jieba tags otherwise (合肥 n, 包头 v)
        from ..segmentation.dictionary import read_places

        out |= tags_starting(vocab["pos"], NAME_POS) | vocab["token"].isin(read_places()).to_numpy()
    words = {t + suffix for t in drop_terms if isinstance(t, str) and t for suffix in _PLACE_SUFFIXES}
    if words:
        out |= vocab["token"].isin(words).to_numpy()
    return out


def as_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` if it is a counts frame; a token table is counted with :func:`term_counts`'s defaults.

    Grouped counts (``group, term, n`` from :func:`~analysis.group_counts`) are read with
    each group standing where a speech stands, so every comparing statistic takes them."""
    if "token" in frame.columns and "is_vocab" in frame.columns:
        return term_counts(frame)
    if "group" in frame.columns and "speech" not in frame.columns:
        frame = frame.rename(columns={"group": "speech"})
    missing = [c for c in COUNT_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"expected a counts frame (speech, term, n) or a token table; missing {missing}")
    return frame


def speech_sizes(counts: pd.DataFrame) -> pd.Series:
    """Counted tokens per speech (the denominator of every rate), indexed by speech."""
    return counts.groupby("speech", sort=True)["n"].sum()


def term_totals(counts: pd.DataFrame) -> pd.DataFrame:
    """What the comparing tables need of the whole corpus, from its counts or one chunk's: each
    term's uses (``n``) and the documents using it (``n_documents``), indexed by term in sorted
    order, and the documents with words to count (``.attrs["n_speeches"]``).  Chunks of whole
    documents add up (:func:`summed_totals`), so the tables of a corpus taken by chunks need these,
    not every chunk's counts at once.

    >>> c = pd.DataFrame({"speech": [1, 1, 2], "term": ["改革", "开放", "开放"], "n": [1, 1, 2]})
    >>> t = summed_totals(term_totals(c.iloc[:2]), term_totals(c.iloc[2:]))
    >>> t.to_dict("index"), t.attrs["n_speeches"]
    ({'开放': {'n': 3, 'n_documents': 2}, '改革': {'n': 1, 'n_documents': 1}}, 2)
    """
    codes, words = factorized(counts["term"].to_numpy(dtype=object), sort=True)
    out = pd.DataFrame({"n": np.bincount(codes, weights=counts["n"].to_numpy(), minlength=len(words)).astype(np.int64),
                        "n_documents": np.bincount(codes, minlength=len(words)).astype(np.int64)},
                       index=pd.Index(words, dtype=counts["term"].dtype, name="term"))
    out.attrs["n_speeches"] = int(counts["speech"].nunique())
    return out


def summed_totals(a: pd.DataFrame | None, b: pd.DataFrame) -> pd.DataFrame:
    """The :func:`term_totals` of two parts of a corpus with no document in common."""
    if a is None:
        return b
    out = a.add(b, fill_value=0).astype(np.int64).sort_index()
    out.attrs["n_speeches"] = a.attrs["n_speeches"] + b.attrs["n_speeches"]
    return out


def require_speeches(counts: pd.DataFrame, statistic: str, *, at_least: int = 2) -> list:
    """The speeches of ``counts``; :class:`TooFewSpeechesError` if there are fewer than ``at_least``."""
    speeches = sorted(counts["speech"].unique().tolist())
    if len(speeches) < at_least:
        raise TooFewSpeechesError(statistic, len(speeches))
    return speeches
