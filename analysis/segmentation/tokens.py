"""Segmenting speeches into tokens with jieba, the project's dictionary and one stopword policy.

The words are jieba's (accurate mode, HMM on) under jieba's own dictionary plus
``data/dict/user_dict.txt`` (:mod:`.dictionary`), cut by :mod:`.cutter` (jieba's
words, 4-5 times faster) and cached (:mod:`.segmenter`).  Part-of-speech tags
come from the dictionaries' tag tables (the tag jieba.posseg gives a known word);
only the few words jieba's HMM makes up are tagged by jieba.posseg's model, once
per word type, with its Viterbi search done in numpy (:mod:`.tagger`, identical
output).  That keeps tagging nearly free: posseg over the whole text is 6-7 times
slower than jieba's cut.  The table itself is built in :mod:`.token_table`.

Columns of :func:`tokenize` (one row per token; white space is not a token):

===========  ==============================================================
speech       the speech number
paragraph    1.. within the speech
sentence     1.. within the speech (ends at 。！？!? ； and paragraph ends)
position     0.. index of the token within the speech
token        the token as written
pos          jieba part-of-speech tag (``x`` punctuation, ``m`` numerals,
             ``mask`` masked placeholders, ``nz`` quoted formulas ...)
start, end   offsets into the speech's cleaned ``text``
is_stopword  in the stopword list
is_punct     punctuation or symbols only
is_masked    a masked placeholder (XX, XXX, xx, x as a mask, 20XX)
is_number    a numeral (digits, Chinese numerals, percentages)
is_quoted    a quoted formula kept whole (“一把手工程”)
is_vocab     counts as vocabulary: not a stopword, punctuation, mask or number
===========  ==============================================================
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

from .. import parallel
from ..reading.script import working_texts
from .dictionary import read_stopwords
from .segmenter import Segmenter, get_segmenter
from .token_table import TOKEN_COLUMNS, TypeIds, merge_quotes, token_frame, word_places

__all__ = ["CONTENT_POS", "TOKEN_COLUMNS", "tokenize", "vocabulary"]

#: Part-of-speech tag prefixes that make a content word (nouns, verbs, adjectives,
#: idioms, set phrases, abbreviations, quoted formulas).
CONTENT_POS = ("n", "v", "a", "i", "l", "j", "nz", "vn", "an")


_WORKER: tuple[Segmenter, bool, TypeIds] | None = None


def _worker_init(user_dict: str, cache: bool) -> None:
    global _WORKER
    _WORKER = (get_segmenter(user_dict), cache, TypeIds())


def _worker_segment(text: str) -> tuple[int, dict[str, np.ndarray], list[str]]:
    """Segment a speech in a worker, join its quoted formulas and work out where each word
    is (:func:`word_places`).  The worker numbers the types it meets across all its
    speeches (so each type's facts are worked out once per worker) and sends back: its
    pid, the places with type ids in its numbering, and the types it met for the first
    time.  A worker's results reach the caller in the order it made them."""
    seg, cache, types = _WORKER
    known = len(types)
    ids, quoted = merge_quotes(types.ids_at(text, seg.boundaries(text, cache=cache), np.int32), types)
    return os.getpid(), word_places(types, None, ids, quoted), types.facts()["token"][known:].tolist()


def tokenize(speeches: pd.DataFrame, *, user_dict: str | Path | None = None,
             processes: int = 1, cache: bool = True, progress: bool = False) -> pd.DataFrame:
    r"""One row per token of every speech (see the module doc for the columns).

    ``processes > 1`` segments on up to that many processes (0 or None: every core),
    fewer for a small corpus (:data:`analysis.parallel.MIN_CHARS_PER_SEGMENTING_PROCESS`);
    the result is identical.
    ``cache=False`` segments afresh instead of reusing ``.cache/segments``.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> tokens[tokens['speech'] == 2]['token'].head(4).tolist()
    ['要', '抓', '开工', '、']
    """
    seg = get_segmenter(user_dict)
    table = seg.type_table(read_stopwords())
    texts = list(zip(speeches["speech"], working_texts(speeches)["text"]))  # Traditional: its Simplified form
    processes = parallel.useful_processes(processes, [t for _, t in texts], parallel.MIN_CHARS_PER_SEGMENTING_PROCESS)
    parts: list = [None] * len(texts)  # each speech's word places
    progress_bar = None
    if progress:
        from tqdm.auto import tqdm
        progress_bar = tqdm(total=len(texts), desc="segmenting", unit="speech")
    if parallel.dask_client() is not None:
        places = _segment_on_dask(seg, table, texts, cache)
    elif processes > 1:
        places = _segment_in_workers(seg, table, texts, processes, cache)
    else:
        places = ((k, _places(seg, table, speech, text, cache)) for k, (speech, text) in enumerate(texts))
    for k, speech_places in places:
        parts[k] = speech_places
        if progress_bar is not None:
            progress_bar.update()
    if progress_bar is not None:
        progress_bar.close()
    if cache:
        seg.save_tags()
    frame = token_frame(table, parts)
    parts.clear()
    parallel.return_freed_memory()
    return frame


def _places(seg: Segmenter, table, speech, text: str, cache: bool) -> dict[str, np.ndarray]:
    """One speech segmented, its quoted formulas joined, and where each word is."""
    return word_places(table, speech, *merge_quotes(table.ids_at(text, seg.boundaries(text, cache=cache)), table))


def _segment_in_workers(seg: Segmenter, table, texts: list, processes: int, cache: bool):
    """(index, word places) of every speech, segmented on ``processes`` workers.

    Much of segmenting is still Python per run or per speech, so threads would not help:
    processes do.  Each worker segments whole speeches, largest first so that none is left
    with a long one at the end.  The workers also join quotes and work out where each word
    is; this process maps their type ids to its own as each result comes (type ids depend
    on that order; the table does not)."""
    order = sorted(range(len(texts)), key=lambda k: -len(texts[k][1]))
    to_global: dict[int, np.ndarray] = {}  # per worker: its type ids -> this table's
    with ProcessPoolExecutor(processes, initializer=_worker_init, initargs=(str(seg.user_dict), cache)) as pool:
        with parallel.objects_left_alone():  # the workers are forked now: they leave this process's objects alone
            results = pool.map(_worker_segment, [texts[k][1] for k in order])
        for k, (pid, places, new_types) in zip(order, results):
            ids = to_global[pid] = np.concatenate([to_global.get(pid, np.array([], np.int64)),
                                                   table.ids(new_types)])
            places["wid"] = ids[places["wid"]].astype(np.int32)
            places["speech"] = texts[k][0]
            table.facts()  # tag the new types now, while the workers go on
            yield k, places


def _cut_texts(texts: list[str], user_dict: str, cache: bool) -> list[list[str]]:
    """jieba's words of each text, on a Dask worker (its own segmenter, built once per worker)."""
    seg = get_segmenter(user_dict)
    return [seg.lcut(text, cache=cache) for text in texts]


def _segment_on_dask(seg: Segmenter, table, texts: list, cache: bool):
    """(index, word places) of every speech, cut on the workers of the Dask cluster of a
    :func:`analysis.parallel.dask_cluster` block; the words come back and this process numbers
    them, so the table is the one a single process makes.  Every worker must read the user
    dictionary at the same path (the project installed on every worker)."""
    client = parallel.dask_client()
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    pairs = list(enumerate(texts))
    chunks = parallel.speech_chunks([(k, text) for k, (_, text) in pairs], n_workers * 4)
    futures = client.map(_cut_texts, [[text for _, text in chunk] for chunk in chunks],
                         user_dict=str(seg.user_dict), cache=cache, pure=False)
    try:
        for chunk, future in zip(chunks, futures):
            for (k, _), words in zip(chunk, future.result()):
                yield k, word_places(table, texts[k][0], *merge_quotes(table.ids(words), table))
    finally:
        client.cancel(futures)


def factorized(values, *, sort: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize`` of an array of strings (codes, and the distinct values as an object array),
    the same codes, numbered faster where equal strings are one object, as in a token table.

    The token table's strings are gathered from its type table, so each word is one object:
    numbering the objects by their addresses (integers) and then the few distinct objects by
    value gives pandas's codes in a fifth of the time; strings that are not shared only cost
    the second numbering.  Missing values get code -1.

    >>> words = np.array(["抓", "项目", "抓", None, "落实"], dtype=object)
    >>> codes, distinct = factorized(words, sort=True)
    >>> codes.tolist(), distinct.tolist()
    ([0, 2, 0, -1, 1], ['抓', '落实', '项目'])
    """
    values = np.ascontiguousarray(values, dtype=object)
    # the objects' addresses (the memoryview keeps the array alive as long as they are used)
    address = np.frombuffer(memoryview(values), dtype=np.intp) if len(values) else np.zeros(0, np.intp)
    object_codes, _ = pd.factorize(address)
    # codes are numbered in order of first appearance: an object is new where its code exceeds all before it
    reach = np.maximum.accumulate(object_codes) if len(values) else object_codes
    first = np.flatnonzero(np.r_[True, reach[1:] > reach[:-1]]) if len(values) else object_codes
    codes, distinct = pd.factorize(values[first], sort=sort)
    return codes[object_codes], np.asarray(distinct, dtype=object)


def stable_order(values: np.ndarray) -> np.ndarray:
    """``np.argsort(values, kind="stable")``, for non-negative integers below 2**32 in numpy's sort
    of 16-bit integers (a radix sort, five times faster than the merge sort it does for wider ones):
    by the low 16 bits, then stably by the high 16.

    >>> stable_order(np.array([70000, 3, 70000, 2, 3])).tolist()
    [3, 1, 4, 0, 2]
    """
    values = np.asarray(values)
    if not len(values) or values.dtype.kind not in "iu" or values.min() < 0 or int(values.max()) >= 1 << 32:
        return np.argsort(values, kind="stable")
    order = np.argsort((values & 0xFFFF).astype(np.uint16), kind="stable")
    if int(values.max()) < 1 << 16:
        return order
    return order[np.argsort((values[order] >> 16).astype(np.uint16), kind="stable")]


def per_distinct(values, test) -> np.ndarray:
    """``test`` of each value, called once per distinct value (a few dozen tags, or a chunk's
    vocabulary) rather than once per token; False for a missing value."""
    return per_code(*factorized(values), test)


def per_code(codes: np.ndarray, distinct, test) -> np.ndarray:
    """``test`` of each value given as its code among ``distinct`` (as :func:`factorized` numbers
    them), called once per distinct value; False for a missing value (code -1)."""
    return np.array([bool(test(v)) for v in distinct] + [False], dtype=bool)[codes]


def tags_starting(pos: pd.Series, prefixes: tuple[str, ...]) -> np.ndarray:
    """Which tags begin with one of ``prefixes``."""
    return per_distinct(pos, lambda tag: str(tag).startswith(prefixes))


def vocabulary(tokens: pd.DataFrame, *, content_only: bool = False, columns: list[str] | None = None) -> pd.DataFrame:
    r"""The tokens that count as vocabulary under the one stopword policy.

    ``content_only`` also keeps only content parts of speech (:data:`CONTENT_POS`);
    ``columns`` keeps only those columns (on a large corpus, far less memory).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> an.vocabulary(tokens, content_only=True)['token'].head(3).tolist()
    ['抓', '项目', '抓']
    """
    keep = tokens["is_vocab"].to_numpy()
    if content_only:
        keep = keep & tags_starting(tokens["pos"], CONTENT_POS)
    return tokens.loc[keep, columns] if columns is not None else tokens[keep]
