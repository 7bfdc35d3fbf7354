"""Per-speech work on several processes or a Dask cluster, with output identical to one process.

Most extraction is done speech by speech (numbers, outlines, slogans, segmentation).
:func:`map_speeches` runs such a function over contiguous chunks of speeches, of
about equal length, and returns the rows in speech order, exactly as a single loop
would: on this process, on a pool of processes (``processes=``), or, inside a
:func:`dask_cluster` block, on the workers of a Dask cluster (``--dask`` on the command
line; docs/scaling.md).  Inside a :func:`progress_bars` block it shows how many
speeches are done.
"""
from __future__ import annotations

import ctypes
import gc
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial

import numpy as np
import pandas as pd


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: Memory set aside for each worker when the number of processes is left to the machine: a
#: worker's peak is one chunk's work, 190 to 470 MiB in ``make bench`` (docs/scaling.md).
WORKER_MEMORY = 2**30


#: Where a container's memory limit is written (cgroup v2, then v1): a container on a large
#: machine may use far less than the machine has.
CGROUP_LIMITS = ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")


def physical_memory() -> int | None:
    """The memory this process may use, in bytes: the machine's, or its container's limit when
    lower; None when the system does not say."""
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # not on a POSIX system
        return None
    for path in CGROUP_LIMITS:
        try:
            with open(path) as f:
                limit = f.read().strip()
        except OSError:
            continue
        if limit.isdigit():  # "max": no limit
            memory = min(memory, int(limit))
    return memory


def resolve_processes(processes: int | None) -> int:
    """``None`` or 0 means every available core, but no more than one per :data:`WORKER_MEMORY`
    of :func:`physical_memory` (64 cores with 16 GiB start 16); otherwise at least 1."""
    if not processes:
        memory = physical_memory()
        return max(1, min(available_cores(), memory // WORKER_MEMORY if memory else available_cores()))
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
#: ... and so does the whole pipeline by chunks (measured 2026-12-06: the 25 reports, 470,000
#: characters, take 2.2 s on 1 process and 1.8 s on 2, since a run no longer imports jieba; the
#: seed, 21,000, gains nothing).
MIN_CHARS_PER_SEGMENTING_PROCESS = 150_000


def useful_processes(processes: int | None, texts: list[str], min_chars: int) -> int:
    """How many of the ``processes`` asked for are worth starting for ``texts``."""
    chars = sum(len(t) for t in texts)
    return max(1, min(resolve_processes(processes), len(texts), chars // min_chars))


#: Seconds to wait for the scheduler a ``--dask tcp://…`` address names.
CONNECT_TIMEOUT_S = 10
_DASK = None  # the Dask client work goes to, inside a dask_cluster block
_PROGRESS = False  # whether map_speeches shows progress, inside a progress_bars block


@contextmanager
def dask_cluster(address: str = "local", *, n_workers: int | None = None) -> Iterator:
    """Send the per-speech work (segmentation, slogans, numbers) to a Dask cluster while the block
    runs: ``"local"`` starts a ``LocalCluster`` with one single-threaded worker per core (or
    ``n_workers``),
    ``"tcp://host:8786"`` connects to a running scheduler.  Yields the client; the tables are
    identical to a one-process run.  Needs the ``dask`` extra."""
    global _DASK
    from .errors import ClusterError

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--dask needs Dask: pip install 'speech-analysis[dask]'") from None

    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=n_workers or available_cores(), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        client = Client(cluster if cluster is not None else address, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError, RuntimeError) as exc:
        if cluster is not None:
            cluster.close()
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ClusterError(f"--dask {address}: no Dask cluster could be reached ({reason})") from None
    previous, _DASK = _DASK, client
    try:
        yield client
    finally:
        _DASK = previous
        client.close()
        if cluster is not None:
            cluster.close()


def dask_client():
    """The Dask client of the :func:`dask_cluster` block running, or None."""
    return _DASK


def _hugepage_switch() -> Callable[[bool], bool] | None:
    """numpy's switch for asking Linux for huge pages (it returns the setting it replaces), if any."""
    for module in ("numpy._core.multiarray", "numpy.core.multiarray"):
        try:
            return getattr(__import__(module, fromlist=["_"]), "_set_madvise_hugepage", None)
        except ImportError:
            continue
    return None


@contextmanager
def small_pages() -> Iterator[None]:
    """While the block runs (and in the processes it starts), numpy does not ask Linux for
    transparent huge pages (``NUMPY_MADVISE_HUGEPAGE=0`` for this block only).  The pipeline's
    large arrays are made, read once and let go: with the kernel's usual ``madvise`` settings,
    each huge page costs a compaction on its first touch, which a single read never pays back
    (100x on one process, two pairs of runs: 149 and 154 s against 165 and 163 s)."""
    switch = _hugepage_switch()
    previous = switch(False) if switch is not None else None
    try:
        yield
    finally:
        if switch is not None:
            switch(previous)


@contextmanager
def objects_left_alone() -> Iterator[None]:
    """While the block runs, Python's cyclic collector leaves alone every object that exists when it
    starts (``gc.freeze``): the modules imported, the corpus read, a notebook's own.  Its full passes
    walk every object they hold, and a run makes millions of short-lived ones that trigger them:
    at 10x on one process they took 0.18 to 0.29 s, 0.03 s with those objects left alone.  Processes
    forked in the block leave them alone too, so their pages are not copied.  Nested, only the
    outermost block freezes and unfreezes (a caller's own freeze is left as it is)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


#: :func:`return_freed_memory` between the pipeline's stages hands memory back only when at least
#: this much lies free: handing it back takes time (0.16 s for 770 MiB of holes), and every page
#: handed back costs a fault when it is used again (measured at 10x, where about 100 MiB lie free,
#: the tables took 0.15 to 0.3 s longer when it was handed back each time).
FREED_MEMORY_WORTH_RETURNING = 256 * 2**20


def _glibc():
    """The C library, when it is glibc (its ``malloc_trim`` and ``mallopt``), else None."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None
    except OSError:
        return None


def return_freed_memory(*, at_least: int = 0) -> None:
    """Hand the memory freed so far back to the system, when at least ``at_least`` bytes of it lie
    free.  glibc keeps freed heap pages for reuse, but a large corpus's big arrays are mapped
    afresh, never put in those holes: after a chunk's token table, the chunks' loop or a group of
    tables, several hundred MiB of them would be carried into the next step's peak (at 100x,
    668 MiB before the slogan tables).  Inside :func:`memory_reused` the arrays come from those
    holes, so nothing is handed back until the block ends."""
    libc = _glibc()
    if libc is None or _REUSED:
        return
    if at_least:
        try:
            libc.mallinfo2.restype = _MallInfo2  # glibc 2.33 or later; before it, nothing is handed back here
        except AttributeError:
            return
        if libc.mallinfo2().fordblks < at_least:
            return
    libc.malloc_trim(0)


#: glibc's ``mallopt`` parameters (``malloc.h``) and their defaults.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD, _GLIBC_DEFAULT_THRESHOLD = -1, -3, 128 * 1024
#: Inside :func:`memory_reused`, allocations below this size come from the heap.
HEAP_ALLOCATIONS_BELOW = 64 * 2**20
_REUSED = False


@contextmanager
def memory_reused() -> Iterator[None]:
    """While the block runs (and in the processes it forks), glibc's malloc takes allocations below
    :data:`HEAP_ALLOCATIONS_BELOW` from its heap and keeps what is freed there for the next one
    (``mallopt``: ``M_MMAP_THRESHOLD``, ``M_TRIM_THRESHOLD``), where by default each array above
    128 KiB is mapped afresh and handed back when freed.  Every fresh page costs a fault on its first
    touch, dear on a virtual machine: at 100x on one process a run took 1.7 million faults and 7 to
    8 s of system time, 0.15 million (each page of its peak about once) and 3 to 4 s in this block,
    for a peak 24 MiB higher.  What lies free is handed back once, when the block ends, and the
    defaults restored (glibc's threshold then stays at 128 KiB).  Not glibc: nothing changes."""
    global _REUSED
    libc = _glibc()
    if libc is None or _REUSED:
        yield
        return
    libc.mallopt(_M_MMAP_THRESHOLD, HEAP_ALLOCATIONS_BELOW)
    libc.mallopt(_M_TRIM_THRESHOLD, 2**30)
    _REUSED = True
    try:
        yield
    finally:
        _REUSED = False
        libc.mallopt(_M_MMAP_THRESHOLD, _GLIBC_DEFAULT_THRESHOLD)
        libc.mallopt(_M_TRIM_THRESHOLD, _GLIBC_DEFAULT_THRESHOLD)
        libc.malloc_trim(0)


class _MallInfo2(ctypes.Structure):
    """glibc's ``struct mallinfo2``: ``fordblks`` is the bytes its heap holds free."""

    _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                     "fsmblks", "uordblks", "fordblks", "keepcost")]


@contextmanager
def progress_bars(enabled: bool = True) -> Iterator[None]:
    """Show progress (speeches done) for every :func:`map_speeches` while the block runs."""
    global _PROGRESS
    previous, _PROGRESS = _PROGRESS, enabled
    try:
        yield
    finally:
        _PROGRESS = previous


def map_speeches(func: Callable[..., list], speeches: pd.DataFrame, *, processes: int = 1, **kwargs) -> list:
    """``func(speech, text, **kwargs)`` (a list of rows) for every speech, concatenated in
    speech order; on up to ``processes`` processes, fewer when the corpus is too small to
    gain from them, or on the Dask cluster of a :func:`dask_cluster` block (``func`` and
    ``kwargs`` must be picklable: module-level functions and plain data).  The rows are the
    same wherever they are computed."""
    pairs = list(zip(speeches["speech"], speeches["text"]))
    work = partial(_run_chunk, func, kwargs=kwargs)
    desc = getattr(func, "__name__", "work").strip("_").replace("_", " ")
    if _DASK is not None:
        chunks = speech_chunks(pairs, max(1, len(_DASK.scheduler_info().get("workers", {}))) * 4)
        return _in_order(_on_dask(work, chunks), chunks, desc)
    processes = useful_processes(processes, [text for _, text in pairs], MIN_CHARS_PER_PROCESS)
    if processes <= 1:
        chunks = speech_chunks(pairs, min(len(pairs), 64)) if _PROGRESS else [pairs]
        return _in_order(map(work, chunks), chunks, desc)
    chunks = speech_chunks(pairs, processes * 4)  # several per process, so none waits for a long one
    with ProcessPoolExecutor(processes) as pool:
        return _in_order(pool.map(work, chunks), chunks, desc)


def _on_dask(work: Callable, chunks: list) -> Iterator[list]:
    """The results of ``work`` over ``chunks`` on the Dask cluster, in the order of the chunks."""
    futures = _DASK.map(work, chunks, pure=False)
    try:
        for future in futures:
            yield future.result()
    finally:
        _DASK.cancel(futures)


def _in_order(parts, chunks: list, desc: str) -> list:
    """The rows of every chunk's part, in chunk order, counting speeches as the parts come."""
    bar = None
    if _PROGRESS and chunks:
        from tqdm.auto import tqdm
        bar = tqdm(total=sum(len(c) for c in chunks), desc=desc, unit="speech", leave=False)
    rows: list = []
    for chunk, part in zip(chunks, parts):
        rows += part
        if bar is not None:
            bar.update(len(chunk))
    if bar is not None:
        bar.close()
    return rows


class Runner:
    """Work on chunks of a corpus here, on a pool of ``processes`` or on the Dask cluster of a
    :func:`dask_cluster` block, each chunk's large part kept where it was made: on disk (a
    temporary folder) here and in a pool (here the first chunks' in memory, :meth:`keep`'s
    ``in_memory``), in the workers' memory on Dask.  :meth:`keep` runs a
    function giving ``(small, large)`` per chunk, ``large`` a tuple of parts, and gives the small
    parts back in chunk order; :meth:`on_kept` runs a function over one of the large parts of every
    chunk (each part is read on its own) and gives its results in order."""

    def __init__(self, processes: int = 1):
        self.processes = processes
        self._pool = None
        self._kept: list = []
        self._sizes: list[int] = []  # the documents of each kept chunk, for progress
        self._folder = None

    def __enter__(self) -> Runner:
        return self

    @property
    def workers(self) -> int:
        """How many chunks are worked on at once."""
        if _DASK is not None:
            return max(1, len(_DASK.scheduler_info().get("workers", {})))
        return max(1, self.processes)

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if _DASK is not None and self._kept:
            _DASK.cancel(self._kept)
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
        self._kept, self._sizes = [], []

    def keep(self, func: Callable, items: list, *, desc: str = "chunks", in_memory: int = 0, **kwargs) -> Iterator:
        """``in_memory``: on one process, the large parts of the first that many items stay in this
        process's memory, where a pass reads them without unpickling (the rest go to disk)."""
        work = partial(func, **kwargs)
        self._sizes = [len(i) for i in items]
        bar = progress_bar(desc, sum(self._sizes), "doc")
        if _DASK is not None:
            self._kept = _DASK.map(work, items, pure=False)
            smalls = (_DASK.submit(_first_of, f, pure=False).result() for f in self._kept)
        else:
            import tempfile
            self._folder = tempfile.TemporaryDirectory(prefix="analysis-chunks-")
            held = in_memory if self.processes <= 1 else 0
            self._kept = [_Held() if i < held else os.path.join(self._folder.name, str(i)) for i in range(len(items))]
            smalls = self._map(partial(_keep_large, work), items, self._kept)
        for item, small in zip(items, smalls):
            if bar is not None:
                bar.update(len(item))
            yield small
        if bar is not None:
            bar.close()

    def on_kept(self, func: Callable, *, part: int = 0, desc: str = "chunks", **kwargs) -> Iterator:
        """``func`` over every chunk's large part ``part``; on a pool (its first chunks, a few per process)
        or on Dask (all of it) the work is handed out at once, so this process can do something else
        before it reads the results."""
        if _DASK is not None:
            futures = _DASK.map(partial(_on_large, func, part, kwargs), self._kept, pure=False)
            results = (future.result() for future in futures)
        else:
            results = self._map(partial(_on_kept_part, func, part, kwargs), self._kept)
        return self._counted(results, desc)

    def keep_from(self, func: Callable, *, part: int, into: int, desc: str = "chunks", **kwargs) -> None:
        """``func`` over every chunk's large part ``part``, each result kept beside it as part ``into``
        (read back later with :meth:`kept`): a pass whose results are needed a chunk at a time,
        later, is never held here whole."""
        if _DASK is not None:
            self._kept = _DASK.map(partial(_with_part, func, part, into, kwargs), self._kept, pure=False)
            from dask.distributed import wait

            results = (wait([future]) for future in self._kept)  # the results stay on the workers
        else:
            results = self._map(partial(_keep_large_from, func, part, into, kwargs), self._kept)
        for _ in self._counted(results, desc):
            pass

    def kept(self, part: int, *, desc: str | None = "chunks") -> Iterator:
        """Every chunk's large part ``part`` itself, in chunk order: read here from disk, or fetched
        from the Dask workers one chunk at a time (``desc`` None: without a progress bar of its own)."""
        if _DASK is not None:
            futures = _DASK.map(partial(_on_large, _itself, part, {}), self._kept, pure=False)
            results = (future.result() for future in futures)
        else:
            results = map(partial(_on_kept_part, _itself, part, {}), self._kept)
        return self._counted(results, desc)

    def _counted(self, results: Iterator, desc: str | None) -> Iterator:
        if desc is None:  # read inside a pass that shows its own progress
            return results
        return self._counted_shown(results, desc)

    def _counted_shown(self, results: Iterator, desc: str) -> Iterator:
        bar = progress_bar(desc, sum(self._sizes), "doc")  # a pass over every kept chunk takes seconds too
        for size, result in zip(self._sizes, results):
            if bar is not None:
                bar.update(size)
            yield result
        if bar is not None:
            bar.close()

    def _map(self, work: Callable, *iterables) -> Iterator:
        if self.processes <= 1:
            return map(work, *iterables)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.processes)
        return _ahead(self._pool, work, zip(*iterables), AHEAD_PER_PROCESS * self.processes)


#: Chunks handed to a pool ahead of the one whose result is read, per process: enough to keep every
#: process busy, few enough that results waiting to be read never grow with the corpus.
AHEAD_PER_PROCESS = 2


def _ahead(pool, work: Callable, calls: Iterator, ahead: int) -> Iterator:
    """``pool.map(work, ...)`` with ``ahead`` calls handed out beyond the one being read (the first
    ``ahead`` at once): ``pool.map`` hands out every call, and the results of a fast pool and a
    slower reader (the formula stage's merging) wait in memory, a corpus's worth of them."""
    pending = deque(pool.submit(work, *args) for args in itertools.islice(calls, ahead))
    return _read_ahead(pool, work, calls, pending)


def _read_ahead(pool, work: Callable, calls: Iterator, pending) -> Iterator:
    try:
        while pending:
            head = pending.popleft()
            for args in itertools.islice(calls, 1):  # the next handed out before this one is waited for
                pending.append(pool.submit(work, *args))
            yield head.result()
    finally:
        for future in pending:  # a reader that stops early leaves nothing running
            future.cancel()


def counted(items: list, *, desc: str, unit: str, shown: bool):
    """``items``, with a progress bar naming the one being worked on when ``shown`` (tqdm is
    imported only then: its import is a twentieth of a second of every run)."""
    if not shown:
        return items
    from tqdm.auto import tqdm
    return _named(tqdm(items, desc=desc, unit=unit))


def _named(bar):
    for item in bar:
        bar.set_postfix_str(str(item))  # tables 2/5 [slogans]: which step the seconds go to
        yield item


def progress_bar(desc: str, total: int, unit: str):
    """A progress bar over ``total`` ``unit``, when progress is shown (a :func:`progress_bars` block), else None."""
    if not _PROGRESS or not total:
        return None
    from tqdm.auto import tqdm
    return tqdm(total=total, desc=desc, unit=unit, leave=False)


class Texts:
    """Texts that are pickled as UTF-8 bytes, encoded as they are pickled and decoded where they are
    read.  CPython keeps the UTF-8 form of every str it pickles inside the str for the rest of the
    str's life; the corpus's texts, held to the end of a run, would each keep a copy half again
    their size (3 bytes a Chinese character beside 2) once sent to a worker or kept on disk."""

    __slots__ = ("items",)

    def __init__(self, items: list[str]):
        self.items = items

    def __iter__(self) -> Iterator[str]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __reduce__(self):
        return _decoded_texts, ([t.encode("utf-8", "surrogatepass") for t in self.items],)


def _decoded_texts(blobs: list[bytes]) -> Texts:
    return Texts([b.decode("utf-8", "surrogatepass") for b in blobs])


class Documents:
    """A chunk of documents (a frame with a ``text`` column) as it travels to a worker: its texts as
    :class:`Texts`, so that sending it leaves no UTF-8 copy inside this process's texts."""

    __slots__ = ("frame",)

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame

    def __len__(self) -> int:
        return len(self.frame)

    def __reduce__(self):
        return _arrived, (self.frame.drop(columns="text"), Texts(self.frame["text"].tolist()), list(self.frame.columns))


def _arrived(rest: pd.DataFrame, texts: Texts, columns: list) -> Documents:
    return Documents(rest.assign(text=texts.items)[columns])


def _itself(part):
    return part


def _first_of(pair: tuple):
    return pair[0]


def _on_large(func: Callable, part: int, kwargs: dict, pair: tuple):
    return func(pair[1][part], **kwargs)


def _with_part(func: Callable, part: int, into: int, kwargs: dict, pair: tuple) -> tuple:
    small, large = pair
    return small, large[:into] + (func(large[part], **kwargs),) + large[into + 1:]


class _Held(list):
    """A chunk's large parts held in this process's memory (:meth:`Runner.keep`'s ``in_memory``), where
    the other chunks' parts have a path on disk.  Every pass is given the same objects, where each
    pass over a chunk on disk reads a fresh copy: a pass never changes the part it is given."""


def _keep_large_from(func: Callable, part: int, into: int, kwargs: dict, where: str | _Held) -> None:
    import pickle

    result = _on_kept_part(func, part, kwargs, where)
    if isinstance(where, _Held):
        where.extend([None] * (into + 1 - len(where)))
        where[into] = result
        return
    with open(f"{where}.{into}.pkl", "wb") as f:
        pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)


def _keep_large(work: Callable, item, where: str | _Held):
    import pickle

    small, large = work(item)
    if isinstance(where, _Held):
        where[:] = large
        return small
    for k, piece in enumerate(large):  # each part in a file of its own: a pass reads only the one it needs
        with open(f"{where}.{k}.pkl", "wb") as f:
            pickle.dump(piece, f, protocol=pickle.HIGHEST_PROTOCOL)
    return small


def _on_kept_part(func: Callable, part: int, kwargs: dict, where: str | _Held):
    import pickle

    if isinstance(where, _Held):
        return func(where[part], **kwargs)
    with open(f"{where}.{part}.pkl", "rb") as f:
        return func(pickle.load(f), **kwargs)
