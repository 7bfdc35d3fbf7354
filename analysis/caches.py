"""Caches keyed by the content they depend on, and one call that empties them all.

A table read from a file (the stopword list, the indicator table, the user dictionary, a
reference corpus) is cached under the file's path *and* a digest of what it holds
(:func:`content_key`), so editing the file in a live notebook takes effect at the next
call.  :func:`clear_caches` empties every cache the package keeps in this process.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

_REGISTERED: list = []


def cached(maxsize: int = 4):
    """``functools.lru_cache(maxsize)``, registered so that :func:`clear_caches` empties it."""
    def wrap(function):
        kept = functools.lru_cache(maxsize=maxsize)(function)
        _REGISTERED.append(kept)
        return kept
    return wrap


def content_key(path: str | Path) -> str:
    """A digest of what ``path`` holds: a file's bytes; for a folder, the name, size and
    modification time of every file in it (reading a whole corpus to key it would cost
    what the cache saves).  A missing path keys as ``missing``.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "words.txt"
    >>> _ = p.write_text("抓项目", encoding="utf-8"); before = content_key(p)
    >>> _ = p.write_text("抓落实", encoding="utf-8"); content_key(p) == before
    False
    """
    path = Path(path)
    h = hashlib.sha256()
    if path.is_file():
        h.update(path.read_bytes())
    elif path.is_dir():
        for f in sorted(p for p in path.rglob("*") if p.is_file()):
            stat = f.stat()
            h.update(f"{f.relative_to(path)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    else:
        return "missing"
    return h.hexdigest()[:16]


def clear_caches() -> None:
    """Empty every cache the package keeps in this process (dictionaries, tables, the
    reference corpus, segmenters), so that the next call reads everything afresh.

    >>> import analysis as an
    >>> an.clear_caches()
    """
    for function in _REGISTERED:
        function.cache_clear()


def shared_strings(frame):
    """``frame`` with each text column's equal strings made one object (a corpus's 100,000 rows of
    抓落实 then hold 100,000 references to one string, not 100,000 strings: a fraction of the memory,
    and pickled once when the frame is sent between processes).

    >>> import pandas as pd
    >>> f = shared_strings(pd.DataFrame({"formula": ["抓" + "落实", "抓落" + "实"]}))
    >>> f["formula"].iloc[0] is f["formula"].iloc[1]
    True
    """
    import numpy as np
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            codes, uniques = pd.factorize(out[column].to_numpy(dtype=object))  # faster than a "str" column
            values = np.asarray(uniques, dtype=object)[codes]
            values[codes < 0] = None
            out[column] = pd.Series(values, index=out.index, dtype=out[column].dtype)
    return out


def stored(path: Path, make):
    """What the pickle at ``path`` holds, or ``make()``, pickled there for the next time.  A damaged
    file is made again; the file is written whole or not at all (a parallel run never reads half
    a file).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.pkl"
    >>> stored(p, lambda: [1, 2]), stored(p, lambda: "not called")
    ([1, 2], [1, 2])
    """
    import os
    import pickle

    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    value = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return value
