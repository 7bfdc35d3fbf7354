"""The pipeline by chunk of documents gives the tables one pass over the whole corpus gives."""
import warnings

import pandas as pd
import pytest

import analysis as an
from analysis import build, chunks, config, parallel


@pytest.fixture(scope="module")
def congress():
    """The party-congress reports: 20 documents of a century, with years (so the time tables too)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", an.CorpusWarning)  # its stub line is skipped with a warning
        return an.read_corpus(config.CONGRESS_CORPUS)


def test_chunks_are_contiguous_cover_every_document_and_are_enough_for_every_worker(provincial):
    parts = chunks.document_chunks(provincial, chunk_chars=100_000)
    assert len(parts) > 3
    assert pd.concat(parts)["speech"].tolist() == provincial["speech"].tolist()
    assert len(chunks.document_chunks(provincial.head(3), chunk_chars=10**9, at_least=2)) == 2
    assert len(chunks.document_chunks(provincial.head(1), chunk_chars=10, at_least=4)) == 1  # a document is never split
    assert chunks.document_chunks(provincial.head(0)) == []


@pytest.mark.slow
@pytest.mark.parametrize("processes", [1, 2])
def test_every_table_is_the_same_in_chunks_of_any_size_on_any_number_of_processes(congress, monkeypatch, processes):
    whole = build.build_tables(congress)  # one chunk, held in memory
    assert "term_trends.csv" in whole.frames and "formula_lifecycle.csv" in whole.frames
    assert len(chunks.document_chunks(congress.speeches)) == 1 and congress.speeches["n_chars"].sum() < chunks.HELD_CHARS
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 50_000)
    monkeypatch.setattr(chunks, "HELD_CHARS", 100_000)  # on one process two chunks in memory, the rest on disk
    monkeypatch.setattr(parallel, "MIN_CHARS_PER_SEGMENTING_PROCESS", 1_000)  # let 2 processes start
    assert len(chunks.document_chunks(congress.speeches)) >= 5
    chunked = build.build_tables(congress, processes=processes)
    assert list(chunked.frames) == list(whole.frames)
    for name, frame in whole.frames.items():
        pd.testing.assert_frame_equal(chunked.frames[name], frame, obj=name)
    assert chunked.notes == whole.notes


def test_the_formulas_of_the_build_are_those_of_slogans(yearly_reports):
    """The chunked formula stage and an.slogans over the whole token table find the same rows."""
    ref = an.load_reference()
    direct = an.slogans(yearly_reports, an.tokenize(yearly_reports), reference=ref)
    with parallel.Runner(1) as runner:
        parts = chunks.corpus_parts(yearly_reports, ("slogans",), reference=ref, runner=runner, chunk_chars=200)
        pieces = list(parts.slogans)  # merged chunk by chunk, from what each chunk kept
    assert len(pieces) > 1
    pd.testing.assert_frame_equal(chunks.stacked(pieces), direct)
    assert {"新质生产力", "抓落实", "稳中求进"} <= set(direct["formula"])


def test_each_step_is_timed(yearly_folder):
    tables = build.build_tables(an.read_corpus(yearly_folder))
    assert {"reference", "segment", "slogans", "formulas", "numbers", "slogans, merged",
            "tables: slogans"} <= set(tables.seconds)
    assert all(s >= 0 for s in tables.seconds.values())


def test_quantities_are_written_chunk_by_chunk_as_they_are_whole(tmp_path, monkeypatch):
    """numeric_targets.csv comes from every chunk's kept quantities, appended in order: the file is
    the table of the whole corpus, and the corpus's quantities are never held at once."""
    whole = an.numeric_targets(an.read_corpus(config.PROVINCIAL_CORPUS).speeches)
    seen = []
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 60_000)
    real = chunks.kept_numbers
    monkeypatch.setattr(chunks, "kept_numbers", lambda runner: (seen.append(len(f)) or f for f in real(runner)))
    build.write_tables(config.PROVINCIAL_CORPUS, tmp_path, groups=("numbers",))
    assert len(seen) >= 5 and sum(seen) == len(whole)
    build.write_table(whole, tmp_path / "whole.csv")
    assert (tmp_path / "numeric_targets.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()


def test_outlines_numbered_formulas_and_dating_evidence_are_written_chunk_by_chunk(tmp_path, monkeypatch):
    """Each chunk keeps its outlines, numbered formulas and dating evidence where it was made; each file
    is every chunk's rows appended in order, byte for byte the table of the whole corpus."""
    from collections import Counter

    comp = an.read_corpus(config.PROVINCIAL_CORPUS)
    whole = build.build_tables(comp, groups=("slogans", "numbers")).frames
    pieces = Counter()
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 60_000)
    real = chunks.kept_rows
    monkeypatch.setattr(chunks, "kept_rows", lambda runner, name: (pieces.update([name]) or f
                                                                   for f in real(runner, name)))
    build.write_tables(config.PROVINCIAL_CORPUS, tmp_path, groups=("slogans", "numbers"))
    assert min(pieces[n] for n in ("outline", "numbered", "dating")) >= 5
    for name in ("outline.csv", "numbered_formulas.csv", "dating_evidence.csv"):
        build.write_table(whole[name], tmp_path / "whole.csv")
        assert (tmp_path / name).read_bytes() == (tmp_path / "whole.csv").read_bytes(), name


def test_the_slogan_table_is_merged_chunk_by_chunk_as_it_is_written(monkeypatch):
    """Each chunk's slogans are merged only when slogans.csv comes to them, and handed on at once: when
    a chunk's piece is written, no chunk after it has been merged (the corpus's table is never held).
    The pieces make the table the corpus gives whole."""
    from analysis.discourse import slogans

    comp = an.read_corpus(config.PROVINCIAL_CORPUS)
    whole = build.build_tables(comp, groups=("slogans",)).frames
    merged, seen = [], []
    real = slogans.merged_slogans
    monkeypatch.setattr(slogans, "merged_slogans", lambda *a: merged.append(1) or real(*a))
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 60_000)
    build.build_tables(comp, groups=("slogans",), sink=lambda name, f: seen.append((name, len(merged), f)),
                       pieces=True)
    written = [(n, f) for name, n, f in seen if name == "slogans.csv"]
    assert len(written) >= 5 and [n for n, _ in written] == list(range(1, len(written) + 1))
    pd.testing.assert_frame_equal(chunks.stacked([f for _, f in written]), whole["slogans.csv"])
    for name in ("recurring_slogans.csv", "boilerplate.csv", "outline.csv"):
        pd.testing.assert_frame_equal(chunks.stacked([f for n, _, f in seen if n == name]), whole[name], obj=name)


def test_the_chunks_tallies_are_summed_as_they_come_not_held_one_per_chunk():
    """The quotation marks and the boilerplate candidates' documents come from every chunk; summed
    whenever those waiting outgrow the sum, memory holds a few of them, whatever the chunks."""
    from analysis.chunks import _Summed
    from analysis.discourse.boilerplate import summed_documents
    from analysis.discourse.slogans import summed_tally

    tallies = [pd.DataFrame({"formula": ["稳中求进", f"第{k % 7}条"], "masked": [False, k % 2 == 0], "n": [1, k]})
               for k in range(200)]
    sums, most = _Summed(summed_tally), 0
    for tally in tallies:
        sums.add(tally)
        most = max(most, sum(len(p) for p in sums.parts))
    pd.testing.assert_frame_equal(sums.total(), summed_tally(tallies))
    assert most <= 2 * len(sums.total()) + 2 < sum(len(t) for t in tallies) / 10  # rows held: twice the sum
    documents = [pd.Series([1, 2], index=pd.Index([k % 5, 99], dtype="uint64"), name="count") for k in range(50)]
    sums = _Summed(summed_documents)
    for d in documents:
        sums.add(d)
    assert sums.total().sort_index().tolist() == [10, 10, 10, 10, 10, 100] and sum(map(len, sums.parts)) <= 14


def test_a_part_read_back_is_named_on_the_progress_bar_as_a_reader_knows_it():
    from analysis.chunks import KEPT, kept_rows

    class Runner:
        def kept(self, part, *, desc):
            self.asked = (part, desc)
            return iter([])

    runner = Runner()
    for name, shown in [("edges", "boilerplate candidates"), ("dating", "dating evidence"), ("outline", "outline")]:
        kept_rows(runner, name)
        assert runner.asked == (KEPT.index(name), shown)
