"""The pipeline by chunk of documents: what each chunk gives, merged into what the corpus gives.

A corpus is taken a chunk of documents (about :data:`CHUNK_CHARS` characters) at a time.
Each chunk is segmented, and its tokens give the chunk's term counts, the slogans its
documents give on their own, its quantities and outlines, and the word windows the formula
stage counts (:mod:`analysis.discourse.phrase_counts`); then the tokens are let go, and the
windows and the chunk's texts are kept where the chunk was made, for the later passes.  So
memory holds one chunk's tokens, never the corpus's, and the chunks can be worked on in
any order, on several processes or on a Dask cluster (:class:`analysis.parallel.Runner`):
the tables are the ones a single pass over the whole corpus gives.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

import pandas as pd

#: Documents are taken in chunks of about this many characters (one chunk's tokens take
#: about 100 MiB; a document is never split).
CHUNK_CHARS = 1_000_000
#: What each chunk keeps where it was made, for the later passes and tables (:class:`analysis.parallel.Runner`).
KEPT = ("windows", "texts", "numbers", "counts", "slogans", "outline", "numbered", "dating", "places", "edges")
#: On one process, what the first chunks keep, about this many characters of documents, is held in
#: memory rather than pickled to disk and read back: at 10x the 25 reports (4.7 million characters, all
#: held) 0.55 s less of 12 s for 115 MiB more at the peak.  The chunks beyond it go to disk, so the
#: peak stops growing with the corpus there.
HELD_CHARS = 5_000_000
#: The kinds of slogans the pipeline finds.
KINDS = ("quoted", "parallel", "numbered", "listed", "repeated", "idiom")


def document_chunks(speeches: pd.DataFrame, *, chunk_chars: int | None = None, at_least: int = 1) -> list:
    """The speeches in contiguous chunks of about ``chunk_chars`` characters (default
    :data:`CHUNK_CHARS`; at least ``at_least`` chunks when there are that many speeches, so that
    every worker has one)."""
    from .parallel import speech_chunks

    chunk_chars = chunk_chars or CHUNK_CHARS
    total = int(speeches["text"].str.len().sum())
    n = max(at_least, -(-total // chunk_chars), 1)
    pairs = list(enumerate(speeches["text"].tolist()))
    return [speeches.iloc[[i for i, _ in c]] for c in speech_chunks(pairs, n)] if pairs else []


@dataclass
class ChunkParts:
    """What one chunk gives (each a frame or rows of the chunk's documents only)."""

    counts: pd.DataFrame | None = None  # for the time tables (the term tables read the kept counts)
    totals: pd.DataFrame | None = None  # the chunk's :func:`.statistics.counts.term_totals`
    quoted: pd.DataFrame | None = None  # its quotation marks counted (the slogans themselves are kept: :data:`KEPT`)
    series: pd.DataFrame | None = None  # the quantities the target series reads (:func:`.discourse.series.series_rows`)
    edges: pd.Series | None = None  # the documents of each candidate of boilerplate (the candidates are kept)
    first: tuple | None = None  # the formula stage's first pass (window counts, fingerprints)
    seconds: Counter = field(default_factory=Counter)  # time taken by each step


def chunk_parts(chunk: pd.DataFrame, *, groups: frozenset, counting: dict,
                cache: bool = True) -> tuple[ChunkParts, tuple]:
    """A chunk's parts, and what is kept where the chunk was made (:data:`KEPT`; each None when not
    asked for): its word windows (the formula stage), its working texts with their quotation marks
    (the formulas quoted elsewhere, :func:`.discourse.slogans.chunk_echoes`), its quantities
    (``numeric_targets.csv``, written chunk by chunk), its counts and the slogans its documents give
    on their own (both read again by the tables, chunk by chunk).  ``counting`` is the corpus's counts
    configuration (:func:`analysis.statistics.counts.comparison_options`)."""
    from .caches import shared_strings
    from .discourse.boilerplate import edge_documents, edge_units
    from .discourse.dating import dating_evidence
    from .discourse.numbered import numbered_formulas
    from .discourse.outline import outline
    from .discourse.phrase_counts import chunk_windows
    from .discourse.phrases import clauses
    from .discourse.quantities import numeric_targets
    from .discourse.series import series_rows
    from .discourse.slogans import local_slogans, quoted_rows, quoted_spans, quoted_tally
    from .discourse.termhood import first_pass
    from .parallel import Texts
    from .reading.script import working_texts
    from .segmentation.tokens import tokenize
    from .statistics.counts import term_counts, term_totals

    parts, kept = ChunkParts(), [None] * len(KEPT)
    clock = _Clock(parts.seconds)
    tokens = clock("segment", tokenize, chunk, cache=cache) if groups & {"terms", "slogans", "time"} else None
    if groups & {"terms", "time"}:
        counts = clock("counts", term_counts, tokens, **counting)
        if "terms" in groups:
            parts.totals, kept[KEPT.index("counts")] = clock("counts", term_totals, counts), counts
        parts.counts = counts if "time" in groups else None
    if groups & {"slogans", "time"}:
        texts = working_texts(chunk)
        own = clock("slogans", local_slogans, texts, tokens, kinds=KINDS)
        windows = clock("formulas", chunk_windows, clock("formulas", clauses, tokens))
        parts.first = clock("formulas", first_pass, windows)
        units = clock("boilerplate", edge_units, chunk)
        parts.edges, kept[KEPT.index("edges")] = edge_documents(units), units
        marks = quoted_rows(own)
        parts.quoted = quoted_tally(marks)
        kept[KEPT.index("windows")] = windows
        kept[KEPT.index("texts")] = texts["speech"].tolist(), Texts(texts["text"].tolist()), quoted_spans(marks)
        kept[KEPT.index("slogans")] = own
    if groups & {"numbers", "time"}:
        numbers = shared_strings(clock("numbers", numeric_targets, chunk))
        if "numbers" in groups:
            kept[KEPT.index("dating")] = clock("numbers", dating_evidence, numbers, chunk)
            kept[KEPT.index("numbers")] = numbers
        parts.series = clock("numbers", series_rows, numbers) if "time" in groups else None
    if "slogans" in groups:
        kept[KEPT.index("outline")] = clock("outline", outline, chunk)
        kept[KEPT.index("numbered")] = clock("outline", numbered_formulas, chunk)
    return parts, tuple(kept)


def documents_parts(documents, **kwargs) -> tuple[ChunkParts, tuple]:
    """:func:`chunk_parts` of a chunk as it travels to a worker (:class:`analysis.parallel.Documents`)."""
    return chunk_parts(documents.frame, **kwargs)


class _Clock:
    """Calls a function and adds the time it took to a step's total."""

    def __init__(self, seconds: Counter):
        self.seconds = seconds

    def __call__(self, step: str, func, *args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            self.seconds[step] += time.perf_counter() - start


@dataclass
class CorpusParts:
    """The chunks' parts merged: the corpus's counts, slogans, quantities and outlines."""

    counts: pd.DataFrame | None  # under the corpus's one counts configuration; for the time tables only
    totals: pd.DataFrame | None  # the term tables read the kept counts (:func:`kept_counts`) with these
    slogans: Iterator | None  # a frame per chunk, in order, each merged when asked for (:func:`merged_by_chunk`)
    series: pd.DataFrame | None  # the quantities are kept by chunk (:func:`kept_numbers`)
    edges: pd.Series | None  # each boilerplate candidate's documents (:func:`.discourse.boilerplate.edge_documents`)
    seconds: Counter  # per step: the chunks' time summed (on several workers, more than the wall time)


def corpus_parts(speeches: pd.DataFrame, groups, *, reference, runner, cache: bool = True,
                 chunk_chars: int | None = None) -> CorpusParts:
    """Every chunk's parts (on ``runner``), merged; the formula stage measured over all chunks."""
    from .discourse.slogans import chunk_echoes, echo_formulas
    from .discourse.termhood import measure_chunks
    from .parallel import FREED_MEMORY_WORTH_RETURNING, Documents, return_freed_memory
    from .statistics.counts import comparison_options

    groups = frozenset(groups)
    chunks = document_chunks(speeches, chunk_chars=chunk_chars, at_least=max(1, runner.workers))
    seconds: Counter = Counter()
    got = _Gathered(seconds)
    firsts = got.firsts(runner.keep(documents_parts, [Documents(c) for c in chunks], groups=groups,
                                    counting=comparison_options(speeches), cache=cache, desc="segmenting",
                                    in_memory=HELD_CHARS // (chunk_chars or CHUNK_CHARS)))

    found = None
    if groups & {"slogans", "time"}:
        start = time.perf_counter()
        table, places = measure_chunks(
            lambda func, **kw: runner.on_kept(func, desc=_pass_name(func), **kw), reference=reference,
            firsts=firsts, chunk_of=_chunk_of(chunks), keep=partial(_kept_beside, runner))  # the places, chunk by chunk
        seconds["wall: chunks and formula passes"] += time.perf_counter() - start
        return_freed_memory(at_least=FREED_MEMORY_WORTH_RETURNING)  # what the chunks' work freed
        quoted = got.summed("quoted")
        formulas = echo_formulas(quoted)
        start = time.perf_counter()
        # where the chunks are: each worker reads its chunk's texts and sends back four numbers a row
        echoes = list(runner.on_kept(chunk_echoes, part=KEPT.index("texts"), desc="formulas quoted elsewhere",
                                     formulas=formulas)) if formulas else None
        seconds["wall: quoted elsewhere"] += time.perf_counter() - start
        found = merged_by_chunk(chunks, runner, (table, places), echoes=echoes, formulas=formulas, quoted=quoted,
                                seconds=seconds)
        del table, places
    else:
        start = time.perf_counter()
        for _ in firsts:
            pass
        seconds["wall: chunks and formula passes"] += time.perf_counter() - start
    return CorpusParts(got.stacked("counts"), got.totals, found,
                       got.stacked("series"), got.summed("edges"), seconds)


def merged_by_chunk(chunks: list, runner, measured: tuple, *, echoes: list | None, formulas: tuple,
                    quoted: pd.DataFrame, seconds: Counter) -> Iterator[pd.DataFrame]:
    """The slogan table, one frame per chunk in order, each merged when it is asked for (so the
    corpus's table is never held: the slogan tables write each frame and let it go): the chunk's own
    slogans (kept where it was made, read back here), the formulas quoted elsewhere it uses (its
    ``echoes``, counted by the corpus's quoted share, from ``quoted``, its quotation marks as
    :func:`.discourse.slogans.quoted_tally` gives them) and its repeated phrases (the formula stage's
    ``measured`` table and places, its speeches' part).  The time it takes is ``seconds["slogans,
    merged"]``."""
    from .discourse.slogans import echoes_counted, joined_echoes

    start = time.perf_counter()
    counted = echoes_counted(quoted, joined_echoes(echoes), formulas) if echoes else None
    of_chunks = _places_by_chunk(*measured)
    own_rows = runner.kept(KEPT.index("slogans"), desc="slogan table")
    seconds["slogans, merged"] += time.perf_counter() - start
    return _merged_pieces(chunks, own_rows, of_chunks, echoes=echoes, formulas=formulas, counted=counted,
                          seconds=seconds)


def _merged_pieces(chunks, own_rows, of_chunks, *, echoes, formulas, counted, seconds) -> Iterator[pd.DataFrame]:
    from .discourse.slogans import counted_echo_rows, merged_slogans, repeated_rows
    from .reading.script import working_texts

    own_rows, of_chunks = iter(own_rows), iter(of_chunks)
    for k, chunk in enumerate(chunks):
        start = time.perf_counter()
        own, repeated = next(own_rows), next(of_chunks)  # read back, and found, in the time merging takes
        echoed = counted_echo_rows(echoes[k], formulas, counted) if echoes else None
        piece = merged_slogans(chunk, own, echoed, repeated_rows(repeated, working_texts(chunk)))
        del own, repeated, echoed
        seconds["slogans, merged"] += time.perf_counter() - start
        yield piece


def _pass_name(func) -> str:
    return f"formulas, {func.__name__.replace('_', ' ')}"


def _kept_beside(runner, func, **kwargs) -> Iterator:
    """A pass of the formula stage whose results are kept beside each chunk's windows (:data:`KEPT`'s
    places), read back a chunk at a time as the slogan table is merged."""
    runner.keep_from(func, part=KEPT.index("windows"), into=KEPT.index("places"), desc=_pass_name(func), **kwargs)
    return runner.kept(KEPT.index("places"), desc=None)  # read inside the slogan table's own progress


def _places_by_chunk(table: pd.DataFrame, places: Iterator) -> Iterator[pd.DataFrame]:
    """The occurrences of the formula stage's repeated phrases (``table`` and its ``places``, a frame
    per chunk, each read when asked for), one frame per chunk, in order."""
    from .discourse.termhood import occurrence_rows, phrases_of

    phrases = phrases_of(table)
    for mine in places:
        yield occurrence_rows(table, mine, phrases=phrases)


def _chunk_of(chunks: list) -> pd.Series:
    """Each speech's chunk (by its place in ``chunks``), by speech."""
    import numpy as np

    return pd.Series(np.repeat(np.arange(len(chunks)), [len(c) for c in chunks]),
                     index=np.concatenate([c["speech"].to_numpy() for c in chunks]) if chunks else [])


class _Summed:
    """Parts summed as they come (``summed`` sums a list of them) whenever those waiting outgrow the
    sum so far: memory holds about twice the sum, never every chunk's part."""

    def __init__(self, summed: Callable[[list], object]):
        self.summed, self.parts = summed, []

    def add(self, part) -> None:
        self.parts.append(part)
        if sum(len(p) for p in self.parts[1:]) > len(self.parts[0]):
            self.parts = [self.summed(self.parts)]

    def total(self):
        return self.summed(self.parts)


class _Gathered:
    """The chunks' small parts as they come: their frames kept in order, their term totals, quotation
    marks and boilerplate candidates' documents summed, their times added."""

    def __init__(self, seconds: Counter):
        from .discourse.boilerplate import summed_documents
        from .discourse.slogans import summed_tally

        self.frames: dict[str, list] = {k: [] for k in ("counts", "series")}
        self.sums = {"quoted": _Summed(summed_tally), "edges": _Summed(summed_documents)}
        self.totals: pd.DataFrame | None = None
        self.seconds = seconds

    def firsts(self, parts) -> Iterator:
        """Gathers each of ``parts`` and gives the formula stage's first pass of each, in order."""
        from .statistics.counts import summed_totals

        for part in parts:
            for k, v in self.frames.items():
                if getattr(part, k) is not None:
                    v.append(getattr(part, k))
            for k, v in self.sums.items():
                if getattr(part, k) is not None:
                    v.add(getattr(part, k))
            self.seconds.update(part.seconds)
            if part.totals is not None:
                self.totals = summed_totals(self.totals, part.totals)
            if part.first is not None:
                yield part.first

    def summed(self, name: str):
        """The chunks' parts of ``name`` summed (None when no chunk gave one), and let go here."""
        parts = self.sums.pop(name)
        return parts.total() if parts.parts else None

    def stacked(self, name: str) -> pd.DataFrame | None:
        """The chunks' frames of ``name`` joined, and let go here."""
        return stacked(self.frames.pop(name))


def kept_counts(runner, *, desc: str = "counts") -> Iterator[pd.DataFrame]:
    """The counts of every chunk :func:`corpus_parts` worked on with ``runner``, chunk by chunk in
    document order (the term tables are made chunk by chunk with the corpus's ``totals``); ``desc``
    names the table made of them on the progress bar."""
    return runner.kept(KEPT.index("counts"), desc=desc)


def kept_numbers(runner) -> Iterator[pd.DataFrame]:
    """The quantities of every chunk :func:`corpus_parts` worked on with ``runner``, chunk by chunk in
    document order: the corpus's ``numeric_targets`` never held at once (a large corpus has millions)."""
    return runner.kept(KEPT.index("numbers"), desc="quantities")


#: What the progress bar says while a kept part is read back, where its name in :data:`KEPT` says less.
READ_BACK = {"edges": "boilerplate candidates", "numbered": "numbered formulas", "dating": "dating evidence"}


def kept_rows(runner, name: str) -> Iterator[pd.DataFrame]:
    """The rows of ``name`` (of :data:`KEPT`: the outlines, numbered formulas, dating evidence or
    boilerplate candidates) of every chunk, chunk by chunk in document order: each table written a
    chunk at a time."""
    return runner.kept(KEPT.index(name), desc=READ_BACK.get(name, name))


def stacked(frames: list) -> pd.DataFrame | None:
    """The chunks' frames one after the other (chunks are in document order)."""
    if not frames:
        return None
    out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
    for column in out.columns:  # a column empty in one chunk (all missing) keeps the dtype of the others
        kinds = {f[column].dtype for f in frames if len(f)}
        if len(kinds) == 1 and out[column].dtype != next(iter(kinds)):
            out[column] = out[column].astype(next(iter(kinds)))
    return out

