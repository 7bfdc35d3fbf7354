"""Boilerplate: sentences a collection repeats verbatim at the same place in most documents.

A fixed opening (现在，我代表国务院，向大会报告政府工作，请予审议…), a closing formula of the
genre, a header or footer an archive left in: the same sentence, within the first or the
last tenth of most documents.  It is reported as boilerplate (:func:`boilerplate`) and the
formulas found inside it are set aside (:func:`outside_boilerplate`), so that what every
document repeats by convention never ranks as a formula.  Archive licence notices are
taken out earlier, as clutter, by the reader; this is the second line of defence.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..chinese import ANY_SPACE, CLAUSE_RUN, SENTENCE_RUN, SENTENCE_RUN_ENDS, squeeze

BOILERPLATE_COLUMNS = ["text", "n_documents", "share", "position"]
SPAN_COLUMNS = ["speech", "start", "end", "text", "position"]
#: A sentence shorter than this (characters) is too short to call boilerplate (一、, 同志们).
MIN_CHARS = 8
#: A clause of a sentence at the edges (请予审议) is boilerplate from this length.
MIN_CLAUSE = 4
#: Boilerplate stands at the edges: at least this share of its uses are there.
EDGE_SHARE = 0.9


def edge_units(speeches: pd.DataFrame, *, edge: float = 0.1) -> pd.DataFrame:
    """The candidates of :func:`boilerplate_spans`: every sentence and clause long enough in the
    first or last ``edge`` of each text, one row each (``speech, start, end``, ``key``: a 64-bit
    hash of its text, spaces squeezed; ``opening``: where it stands).  Made chunk by chunk of
    documents on the workers and passed to :func:`boilerplate_spans` (``units=``); a hash, not the
    text, so that a chunk's hundreds of thousands of candidates cost bytes, not string objects.

    >>> import pandas as pd
    >>> units = edge_units(pd.DataFrame({"speech": [1], "text": ["请予审议。" + "抓项目。" * 20]}))
    >>> units[["start", "end", "opening"]].values.tolist()
    [[0, 4, True]]
    """
    rows = [row for speech, text in zip(speeches["speech"], speeches["text"]) for row in _units_of(speech, text, edge)]
    speech, start, end, key, position = zip(*rows) if rows else ((), (), (), (), ())
    return pd.DataFrame({"speech": np.array(speech, dtype=speeches["speech"].dtype),
                         "start": np.array(start, dtype=np.int64), "end": np.array(end, dtype=np.int64),
                         "key": pd.util.hash_array(np.array(key, dtype=object)),
                         "opening": np.array(position, dtype=object) == "opening"})


def edge_documents(units: pd.DataFrame) -> pd.Series:
    """How many documents each hash of :func:`edge_units` stands in (by ``key``).  A document is
    never split between chunks, so the counts of the chunks' units, summed (:func:`summed_documents`),
    are the corpus's: the units themselves can wait where their chunk was made."""
    return units.drop_duplicates(["key", "speech"])["key"].value_counts()


def summed_documents(counts: list[pd.Series]) -> pd.Series:
    """The :func:`edge_documents` of several chunks, summed by key."""
    if len(counts) == 1:
        return counts[0]
    return pd.concat(counts).groupby(level=0, sort=False).sum()


def _edge_units(speeches: pd.DataFrame, units, need: int, documents: pd.Series | None) -> pd.DataFrame:
    """Of the :func:`edge_units` (one frame, or a frame per chunk with their ``documents``), those
    whose hash stands at the edges of ``need`` documents or more, with their text read back from
    the documents."""
    if documents is None:
        units, documents = [units], edge_documents(units)
    frequent = documents.index[documents >= need]
    units = pd.concat([u[u["key"].isin(frequent)] for u in units] or [edge_units(speeches.iloc[:0])],
                      ignore_index=True)
    texts = dict(zip(speeches["speech"].tolist(), speeches["text"].tolist()))
    # two texts sharing a hash are told apart when the caller counts the documents of each text
    rows = [(speech, a, b, _key(texts[speech][a:b]), "opening" if opening else "closing") for speech, a, b, opening
            in zip(units["speech"].tolist(), units["start"].tolist(), units["end"].tolist(), units["opening"].tolist())]
    found = pd.DataFrame(rows, columns=SPAN_COLUMNS).astype(
        {"speech": speeches["speech"].dtype, "start": np.int64, "end": np.int64})  # typed when empty too
    return found.drop_duplicates(["speech", "start", "end"])


def _key(unit: str) -> str:
    """What a unit is counted by: its text, spaces squeezed (a text without white space is its own)."""
    return squeeze(unit.strip()) if ANY_SPACE.search(unit) else unit


def _units_of(speech, text: str, edge: float) -> list[tuple]:
    """One document's edge sentences and their clauses: ``(speech, start, end, text, position)``."""
    rows = []
    size = max(len(text), 1)
    for m in _edge_sentences(text, size, edge):
        position = "opening" if m.start() / size <= edge else "closing"
        sentence = m.group(0)
        spaced = ANY_SPACE.search(sentence) is not None  # else every unit is its own key
        units = [(m.start(), sentence, MIN_CHARS)]
        units += [(m.start() + c.start(), c.group(0), MIN_CLAUSE) for c in CLAUSE_RUN.finditer(sentence)]
        for start, unit, least in units:
            key = _key(unit) if spaced else unit
            if len(key) >= least:
                rows.append((speech, start, start + len(unit), key, position))
    return rows


def _edge_sentences(text: str, size: int, edge: float):
    """The sentences that start in the first ``edge`` of ``text`` or end in its last ``edge``."""
    opening = []
    for m in SENTENCE_RUN.finditer(text):
        if m.start() / size > edge:
            break
        opening.append(m)
    yield from opening
    cut = int((1 - edge) * size)
    # the closing scan starts where a sentence starts, so it cuts the sentences the full scan cuts
    begin = max([text.rfind(c, 0, cut) for c in SENTENCE_RUN_ENDS] + [-1]) + 1
    for m in SENTENCE_RUN.finditer(text, begin):
        if m.start() / size > edge and m.end() / size >= 1 - edge:
            yield m


def _only_at_edges(found: pd.DataFrame, speeches: pd.DataFrame, texts: pd.Index) -> list[str]:
    """Of ``texts``, those (nearly) never written elsewhere than at the edges: a formula the
    documents also use in their bodies is no boilerplate."""
    at_edges = found.groupby("text").size()
    uses = dict.fromkeys(texts, 0)
    if uses:
        # a document at a time: the corpus joined would be a copy of all of it (no sentence holds a
        # line end, so none is counted across two documents either way)
        for text in speeches["text"]:
            body = squeeze(text)
            for t in uses:
                uses[t] += body.count(t)
    return [t for t in texts if at_edges[t] >= EDGE_SHARE * uses[t]]


def boilerplate_spans(speeches: pd.DataFrame, *, min_share: float = 0.5, min_documents: int = 3,
                      edge: float = 0.1, units=None, documents: pd.Series | None = None) -> pd.DataFrame:
    """Every place a boilerplate sentence stands: ``speech, start, end, text, position`` (offsets
    in the speech's text; ``opening`` or ``closing``).  A sentence, or a clause of four
    characters or more, is boilerplate when it stands, verbatim but for spaces, in the first or
    the last ``edge`` of at least ``min_share`` of the documents and of ``min_documents``, and
    (nearly) nowhere else.  ``units``: the :func:`edge_units` of ``speeches`` (under the same
    ``edge``), when the caller has them already: one frame, or with ``documents`` (their
    :func:`edge_documents`, summed) a frame per chunk of documents, read one at a time.

    >>> import pandas as pd
    >>> opening = "现在，我代表国务院，向大会报告政府工作，请予审议。"
    >>> sp = pd.DataFrame({"speech": [1, 2, 3], "text": [opening + "抓项目。" * 20, opening + "抓招商。" * 20,
    ...                                                  opening + "稳增长。" * 20]})
    >>> boilerplate_spans(sp)[["speech", "start", "end"]].values.tolist()
    [[1, 0, 24], [2, 0, 24], [3, 0, 24]]
    """
    need = max(min_documents, math.ceil(min_share * speeches["speech"].nunique()))
    found = _edge_units(speeches, edge_units(speeches, edge=edge) if units is None else units, need, documents)
    counts = found.groupby("text")["speech"].nunique()
    repeated = found[found["text"].isin(_only_at_edges(found, speeches, counts.index[counts >= need]))]
    repeated = repeated.sort_values(["speech", "start", "end"], ascending=[True, True, False], kind="mergesort")
    reach = repeated.groupby("speech")["end"].cummax().groupby(repeated["speech"]).shift()
    within = reach.notna() & (repeated["end"] <= reach)  # a clause of a boilerplate sentence: the sentence says it
    return repeated.loc[~within, SPAN_COLUMNS].reset_index(drop=True)


def boilerplate(spans: pd.DataFrame, n_documents: int) -> pd.DataFrame:
    """The boilerplate of :func:`boilerplate_spans`, one row a sentence: ``text, n_documents,
    share`` (of the corpus's ``n_documents``), ``position`` (``opening`` or ``closing``: where most
    of its uses stand).

    >>> import pandas as pd
    >>> spans = pd.DataFrame({"speech": [1, 2], "start": [0, 0], "end": [9, 9], "text": ["请予审议并提出意见"] * 2,
    ...                       "position": ["opening"] * 2})
    >>> boilerplate(spans, 4).values.tolist()
    [['请予审议并提出意见', 2, 0.5, 'opening']]
    """
    if spans.empty:
        return pd.DataFrame(columns=BOILERPLATE_COLUMNS)
    g = spans.groupby("text", sort=True)
    out = pd.DataFrame({"n_documents": g["speech"].nunique(),
                        "position": g["position"].agg(lambda p: p.value_counts().index[0])}).reset_index()
    out["share"] = out["n_documents"] / max(n_documents, 1)
    out = out.sort_values(["n_documents", "text"], ascending=[False, True], kind="mergesort")
    return out[BOILERPLATE_COLUMNS].reset_index(drop=True)


def outside_boilerplate(found: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """The rows of a slogan frame that do not stand inside boilerplate.

    >>> import pandas as pd
    >>> found = pd.DataFrame({"speech": [1, 1], "formula": ["请予审议", "抓项目"], "start": [19, 30], "end": [23, 33]})
    >>> spans = pd.DataFrame({"speech": [1], "start": [0], "end": [24], "text": ["…"]})
    >>> outside_boilerplate(found, spans)["formula"].tolist()
    ['抓项目']
    """
    if spans.empty or found.empty:
        return found
    inside = _inside_spans(found["speech"].to_numpy(), found["start"].to_numpy(dtype=np.int64),
                           found["end"].to_numpy(dtype=np.int64), spans)
    if not inside.any():
        return found  # nothing to set aside: no copy of a frame of millions of rows
    return found[~inside]


def _inside_spans(speech: np.ndarray, start: np.ndarray, end: np.ndarray, spans: pd.DataFrame) -> np.ndarray:
    """Whether each place (speech, start, end) lies inside a span of its own speech.  Found by
    bisection among the spans in order of (speech, start), with the furthest end reached so far
    in the speech (so that overlapping spans count too): no row is paired with every span of its
    speech, which for a corpus of millions of rows would be a frame several times its size."""
    docs = pd.Index(pd.unique(spans["speech"]))
    span_doc, row_doc = docs.get_indexer(spans["speech"]), docs.get_indexer(speech)
    width = int(max(spans["end"].max(), end.max(), 0)) + 1  # (speech, start) as one sortable number
    span_key = span_doc.astype(np.int64) * width + spans["start"].to_numpy(dtype=np.int64)
    order = np.argsort(span_key, kind="stable")
    span_key, span_doc = span_key[order], span_doc[order]
    reach = pd.Series(spans["end"].to_numpy(dtype=np.int64)[order]).groupby(span_doc).cummax().to_numpy()
    k = np.searchsorted(span_key, row_doc.astype(np.int64) * width + start, side="right") - 1
    found = (row_doc >= 0) & (k >= 0)
    k = np.where(found, k, 0)
    return found & (span_doc[k] == row_doc) & (reach[k] >= end)
