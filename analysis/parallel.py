"""Per-speech work on several processes, with output identical to one process.

Most extraction is done speech by speech (numbers, outlines, slogans, segmentation).
:func:`map_speeches` runs such a function over contiguous chunks of speeches, of
about equal length, on a pool of processes and returns the rows in speech order,
exactly as a single loop would.  The same per-speech functions are what a Dask
or multiprocessing user maps over files of a corpus too large for one machine
(see the README).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial

import numpy as np
import pandas as pd


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_processes(processes: int | None) -> int:
    """``None`` or 0 means every available core; otherwise at least 1."""
    if not processes:
        return available_cores()
    return max(1, int(processes))


def speech_chunks(pairs: list, n_chunks: int) -> list[list]:
    """Split (speech, text) pairs into at most ``n_chunks`` contiguous runs of about equal text length."""
    if not pairs:
        return []
    sizes = np.cumsum([len(text) for _, text in pairs])
    bounds = np.searchsorted(sizes, np.linspace(0, sizes[-1], n_chunks + 1)[1:-1], side="right")
    edges = [0, *sorted({int(b) for b in bounds}), len(pairs)]
    return [pairs[a:b] for a, b in zip(edges, edges[1:]) if b > a]


def _run_chunk(func: Callable, chunk: list, kwargs: dict) -> list:
    rows: list = []
    for speech, text in chunk:
        rows += func(speech, text, **kwargs)
    return rows


#: Below this many characters per process, starting processes and sending rows back
#: costs more than it saves (measured: numbers and slogans of the 25 reports, 470,000
#: characters, take longer on 2 processes than on 1) ...
MIN_CHARS_PER_PROCESS = 500_000
#: ... and so does segmentation (measured: the 25 reports segment in 0.6 s on 1
#: process or 2; three copies of them, 1.4 million characters, 1.2-1.6 times faster on 2).
MIN_CHARS_PER_SEGMENTING_PROCESS = 300_000


def useful_processes(processes: int | None, texts: list[str], min_chars: int) -> int:
    """How many of the ``processes`` asked for are worth starting for ``texts``."""
    chars = sum(len(t) for t in texts)
    return max(1, min(resolve_processes(processes), len(texts), chars // min_chars))


def map_speeches(func: Callable[..., list], speeches: pd.DataFrame, *, processes: int = 1, **kwargs) -> list:
    """``func(speech, text, **kwargs)`` (a list of rows) for every speech, concatenated in
    speech order; on up to ``processes`` processes, fewer when the corpus is too small to
    gain from them (``func`` and ``kwargs`` must be picklable: module-level functions and
    plain data).  The rows are the same whatever the number of processes."""
    pairs = list(zip(speeches["speech"], speeches["text"]))
    processes = useful_processes(processes, [text for _, text in pairs], MIN_CHARS_PER_PROCESS)
    if processes <= 1:
        return _run_chunk(func, pairs, kwargs)
    chunks = speech_chunks(pairs, processes * 4)  # several per process, so none waits for a long one
    with ProcessPoolExecutor(processes) as pool:
        parts = pool.map(partial(_run_chunk, func, kwargs=kwargs), chunks)
        return [row for part in parts for row in part]
