"""Per-speech work on several processes gives what one process gives."""
import pandas as pd
import pytest

import analysis as an
from analysis import parallel
from analysis.parallel import resolve_processes, speech_chunks

KINDS = ("quoted", "parallel", "numbered", "idiom")


def test_chunks_are_contiguous_cover_everything_and_balance():
    pairs = [(i, "字" * n) for i, n in enumerate([5, 100, 3, 50, 50, 1, 80, 7, 9, 200])]
    chunks = speech_chunks(pairs, 4)
    assert 1 < len(chunks) <= 4
    assert [p for c in chunks for p in c] == pairs
    sizes = [sum(len(t) for _, t in c) for c in chunks]
    assert max(sizes) <= 300  # the 200-character speech cannot share with much
    assert speech_chunks([], 3) == []
    assert speech_chunks(pairs[:1], 8) == [pairs[:1]]


def test_processes_zero_means_every_core_the_memory_allows(monkeypatch):
    from analysis import parallel

    monkeypatch.setattr(parallel, "available_cores", lambda: 64)
    monkeypatch.setattr(parallel, "physical_memory", lambda: 16 * parallel.WORKER_MEMORY)
    assert resolve_processes(0) == resolve_processes(None) == 16
    monkeypatch.setattr(parallel, "physical_memory", lambda: 512 * 2**20)
    assert resolve_processes(0) == 1  # never none
    monkeypatch.setattr(parallel, "physical_memory", lambda: None)
    assert resolve_processes(0) == 64
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    monkeypatch.setattr(parallel, "physical_memory", lambda: 24 * 2**30)
    assert resolve_processes(0) == 2 and resolve_processes(3) == 3 and resolve_processes(-3) == 1


def test_a_containers_memory_limit_counts(tmp_path, monkeypatch):
    from analysis import parallel

    v2, v1 = tmp_path / "memory.max", tmp_path / "limit_in_bytes"
    monkeypatch.setattr(parallel, "CGROUP_LIMITS", (str(v2), str(v1)))
    machine = parallel.physical_memory()
    assert machine and machine > 2**20  # neither file: the machine's memory
    v2.write_text("max\n")
    v1.write_text(f"{2 * parallel.WORKER_MEMORY}\n")
    assert parallel.physical_memory() == min(machine, 2 * parallel.WORKER_MEMORY)


def test_the_command_line_uses_every_core_by_default():
    from analysis.cli import parser

    assert parser().parse_args(["tables"]).processes == 0


@pytest.fixture
def small_chunks(monkeypatch):
    """Let even the 25 reports go to several processes (they are below the threshold)."""
    from analysis import parallel
    monkeypatch.setattr(parallel, "MIN_CHARS_PER_PROCESS", 1000)


def test_small_corpora_stay_in_one_process(provincial, monkeypatch):
    import concurrent.futures

    from analysis import parallel

    def refuse(*args, **kwargs):
        raise AssertionError("a pool was started for a small corpus")
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", refuse)
    assert len(an.numeric_targets(provincial.head(3), processes=2)) > 0
    assert concurrent.futures.ProcessPoolExecutor is not refuse


def test_numbers_on_two_processes_are_identical(provincial, small_chunks):
    one = an.numeric_targets(provincial)
    assert len(one) > 1000
    assert an.numeric_targets(provincial, processes=2).equals(one)


def test_slogans_on_two_processes_are_identical(provincial, small_chunks, provincial_tokens):
    tokens = provincial_tokens
    one = an.slogans(provincial, tokens, kinds=KINDS, reference=an.load_reference())
    assert (one["kind"] == "quoted").sum() > 1000 and not one["in_quotes"].all()
    assert an.slogans(provincial, tokens, kinds=KINDS, reference=an.load_reference(), processes=2).equals(one)


def test_tokens_on_two_processes_are_identical(provincial):
    assert an.tokenize(provincial, processes=2, cache=False).equals(an.tokenize(provincial, cache=False))


@pytest.mark.slow
def test_readme_dask_recipe_matches_one_process(provincial, provincial_tokens):
    """The Dask block of docs/scaling.md, run as written on a local cluster over the 25 reports."""
    import re

    from analysis import config

    readme = (config.PROJ_ROOT / "docs" / "scaling.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- dask-recipe[^>]*-->\n```python\n(.*?)```", readme, re.S).group(1)
    assert 'Path("my_speeches")' in block
    namespace: dict = {}
    exec(block.replace('Path("my_speeches")', f"Path({str(config.PROVINCIAL_CORPUS)!r})"), namespace)

    whole = an.numeric_targets(provincial)
    numbers = namespace["numbers"]
    assert numbers["file"].nunique() == 25
    assert numbers.drop(columns=["speech", "file"]).equals(whole.drop(columns=["speech"]))
    counts = an.term_counts(provincial_tokens)
    summed = namespace["counts"]  # one speech per file, as the recipe numbers them
    assert summed["n"].sum() == counts["n"].sum()
    assert summed.groupby("term")["n"].sum().equals(counts.groupby("term")["n"].sum())
    pd.testing.assert_frame_equal(namespace["keywords"], an.keyness(counts, 1))


@pytest.mark.slow
def test_a_dask_cluster_writes_every_table_byte_for_byte_as_one_process(tmp_path, capsys):
    from analysis import build, config
    from analysis.parallel import dask_cluster

    one = build.write_tables(config.PROVINCIAL_CORPUS, tmp_path / "one")
    with dask_cluster("local", n_workers=2) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        on_dask = build.write_tables(config.PROVINCIAL_CORPUS, tmp_path / "dask")
    assert [p.name for p in one] == [p.name for p in on_dask] and len(one) >= 10
    for a, b in zip(one, on_dask):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_an_unreachable_cluster_is_one_line_naming_it(capsys):
    from analysis import parallel
    from analysis.cli import main

    parallel.CONNECT_TIMEOUT_S, before = 1, parallel.CONNECT_TIMEOUT_S
    try:
        assert main(["numbers", "--dask", "tcp://127.0.0.1:9", "--quiet"]) == 2
    finally:
        parallel.CONNECT_TIMEOUT_S = before
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: --dask tcp://127.0.0.1:9: no Dask cluster") and "\n" not in err


def test_without_dask_the_message_says_how_to_install_it(monkeypatch):
    import builtins

    from analysis.parallel import dask_cluster

    real = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.startswith("dask") or name.startswith("distributed"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(an.OptionError, match=r"pip install 'speech-analysis\[dask\]'"), dask_cluster("local"):
        pass


def _halves(item):
    return len(item), (list(item), max(item))  # (small, large parts): the large parts are kept where they were made


def _total(kept, *, plus):
    return sum(kept) + plus


def _plus(kept, *, plus):
    return kept + plus


@pytest.mark.parametrize("processes, in_memory", [(1, 0), (1, 2), (2, 2)])
def test_a_runner_keeps_each_chunks_large_part_and_gives_results_in_order(processes, in_memory):
    import os

    from analysis.parallel import Runner

    items = [[1, 2], [3], [4, 5, 6]]
    with Runner(processes) as runner:
        assert list(runner.keep(_halves, items, in_memory=in_memory)) == [2, 1, 3]
        assert list(runner.on_kept(_total, plus=10)) == [13, 13, 25]
        assert list(runner.on_kept(_plus, part=1, plus=10)) == [12, 13, 16]
        assert list(runner.kept(0)) == items and list(runner.kept(1)) == [2, 3, 6]  # read back as they were kept
        assert runner.keep_from(_plus, part=1, into=2, plus=10) is None  # kept, not given back
        assert list(runner.kept(2, desc=None)) == [12, 13, 16] and list(runner.kept(1)) == [2, 3, 6]
        folder = runner._folder.name
        # on one process the first chunks stay in memory; a pool's workers write every chunk to disk
        held = in_memory if processes == 1 else 0
        assert {name.split(".")[0] for name in os.listdir(folder)} == {str(i) for i in range(held, len(items))}
        assert sorted(os.listdir(folder))[-3:] == ["2.0.pkl", "2.1.pkl", "2.2.pkl"]  # a pass's results beside
    assert not os.path.exists(folder)  # the kept parts are removed with the runner


class _CountingPool:
    """A pool that runs each call as it is handed out, counting them."""

    def __init__(self):
        self.handed_out = 0

    def submit(self, func, *args):
        from concurrent.futures import Future

        self.handed_out += 1
        future = Future()
        future.set_result(func(*args))
        return future

    def shutdown(self):
        pass


def test_a_pool_is_handed_only_a_few_chunks_ahead_of_the_reader():
    """Results a slow reader has not read yet wait in memory: the pool gets two chunks per process
    ahead of the one read, never the corpus's every chunk at once."""
    from analysis.parallel import AHEAD_PER_PROCESS, Runner

    items = [[k, k + 1] for k in range(10)]
    with Runner(1) as runner:
        list(runner.keep(_halves, items))
        runner.processes, runner._pool = 2, _CountingPool()
        results = runner.on_kept(_total, plus=0)
        assert runner._pool.handed_out == 2 * AHEAD_PER_PROCESS == 4  # handed out at once, before any is read
        assert next(results) == 1 and runner._pool.handed_out == 5
        assert list(results) == [2 * k + 1 for k in range(1, 10)] and runner._pool.handed_out == 10


def test_the_passes_over_kept_chunks_show_the_documents_done(capsys):
    from analysis.parallel import Runner, counted, progress_bars

    with progress_bars(True), Runner(1) as runner:
        list(runner.keep(_halves, [[1, 2], [3], [4, 5, 6]]))
        list(runner.on_kept(_total, desc="formulas, second pass", plus=10))
        list(runner.kept(0, desc="keyness"))
        assert list(counted(["terms", "slogans"], desc="tables", unit="group", shown=True)) == ["terms", "slogans"]
    shown = capsys.readouterr().err
    assert "formulas, second pass:   0%|          | 0/6 [00:00<?, ?doc/s]" in shown  # the documents to go
    assert "keyness:   0%|          | 0/6 [00:00<?, ?doc/s]" in shown  # a table made from the kept parts too
    assert "slogans]" in shown.split("tables")[-1]  # the table being made is named


def test_no_huge_pages_are_asked_for_inside_the_block_and_the_setting_comes_back_after():
    from analysis.parallel import _hugepage_switch, small_pages

    switch = _hugepage_switch()
    assert switch is not None  # numpy has it: the pipeline's arrays are short-lived
    before = switch(True)
    try:
        with small_pages():
            assert switch(False) is False  # off inside
        assert switch(True) is True  # and on again after
    finally:
        switch(before)


def test_freed_memory_is_handed_back_only_when_enough_of_it_lies_free(monkeypatch):
    import analysis.parallel as parallel

    class FakeLibc:  # glibc, with 100 MiB free in its heap
        def __init__(self):
            self.trims = 0
            self.mallinfo2 = lambda: parallel._MallInfo2(fordblks=100 * 2**20)

        def malloc_trim(self, pad):
            self.trims += 1

        def mallopt(self, param, value):
            return 1

    libc = FakeLibc()
    monkeypatch.setattr(parallel.ctypes, "CDLL", lambda name: libc)
    parallel.return_freed_memory(at_least=256 * 2**20)
    assert libc.trims == 0  # not worth the faults of using those pages again
    parallel.return_freed_memory(at_least=64 * 2**20)
    parallel.return_freed_memory()
    assert libc.trims == 2
    with parallel.memory_reused():  # the heap's holes are used again inside: handed back once, at the end
        parallel.return_freed_memory()
        assert libc.trims == 2
    assert libc.trims == 3
    # and it is the real glibc that is asked otherwise: the call works on this machine
    monkeypatch.undo()
    parallel.return_freed_memory(at_least=parallel.FREED_MEMORY_WORTH_RETURNING)


def test_texts_sent_to_a_worker_or_kept_on_disk_leave_no_utf8_copy_behind():
    """Pickling a str leaves its UTF-8 form inside it for good (CPython): the corpus's texts would grow by
    1.5 times their size once their chunks are sent or kept.  Texts and Documents travel as bytes."""
    import pickle
    import sys

    texts = ["招商引资，项目为王。" * 2000 + str(k) for k in range(3)]
    frame = pd.DataFrame({"speech": [1, 2, 3], "title": ["一", "二", "三"], "text": texts}, index=[4, 5, 6])
    sizes = [sys.getsizeof(t) for t in texts]
    arrived = pickle.loads(pickle.dumps(parallel.Documents(frame), protocol=pickle.HIGHEST_PROTOCOL))
    pd.testing.assert_frame_equal(arrived.frame, frame)
    assert list(pickle.loads(pickle.dumps(parallel.Texts(texts)))) == texts and len(parallel.Texts(texts)) == 3
    assert [sys.getsizeof(t) for t in texts] == sizes
    pickle.dumps(texts)  # as a plain list, they keep their UTF-8 copy
    assert all(sys.getsizeof(t) > 2 * s for t, s in zip(texts, sizes))


def test_the_objects_made_before_the_tables_are_left_alone_by_the_collector_while_they_are_made():
    import gc

    from analysis import build
    from analysis.parallel import objects_left_alone

    comp = an.read_compilation(text="第一篇：讲话\n同志们：\n抓项目、抓招商。\n第二篇：讲话\n同志们：\n抓开工、抓进度。\n")
    frozen = []
    build.build_tables(comp, groups=("terms",), sink=lambda name, frame: frozen.append(gc.get_freeze_count()))
    assert frozen and min(frozen) > 0  # while the tables were made
    assert gc.get_freeze_count() == 0  # and given back after
    gc.freeze()  # a caller's own freeze is left as it is by a block inside it
    try:
        with objects_left_alone():
            pass
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def _mapped_bytes_for_an_array(n_bytes: int = 8 * 2**20) -> int:
    """How many more bytes glibc holds in mapped regions while an array of ``n_bytes`` lives."""
    import ctypes

    import numpy as np

    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = parallel._MallInfo2
    before = libc.mallinfo2().hblkhd
    array = np.ones(n_bytes, dtype=np.uint8)
    grown = libc.mallinfo2().hblkhd - before
    del array
    return grown


def _reused_in_a_forked_process() -> tuple[bool, int]:
    return parallel._REUSED, _mapped_bytes_for_an_array()


def test_inside_the_tables_block_large_arrays_reuse_the_heap_and_nothing_is_handed_back_until_it_ends():
    from concurrent.futures import ProcessPoolExecutor

    from analysis import build

    if parallel._glibc() is None:  # not glibc: the block changes nothing, and nothing fails
        with parallel.memory_reused():
            parallel.return_freed_memory()
        assert not parallel._REUSED
        return
    seen = []
    comp = an.read_compilation(text="第一篇：讲话\n同志们：\n抓项目、抓招商。\n第二篇：讲话\n同志们：\n抓开工、抓进度。\n")
    build.build_tables(comp, groups=("terms",), sink=lambda name, frame: seen.append(parallel._REUSED))
    assert seen and all(seen) and not parallel._REUSED
    with parallel.memory_reused():
        assert _mapped_bytes_for_an_array() == 0  # from the heap, not mapped afresh
        with parallel.memory_reused():  # nested: the inner block changes nothing
            pass
        assert parallel._REUSED
        with ProcessPoolExecutor(1) as pool:  # a process forked in the block inherits it
            assert pool.submit(_reused_in_a_forked_process).result() == (True, 0)
    assert not parallel._REUSED


#: A fresh interpreter (its heap holds nothing the earlier tests freed, which a large array could reuse
#: whatever the threshold): an array inside the block and after it.
_MAPPED_AFTER_THE_BLOCK = """
import ctypes, numpy as np
from analysis import parallel
libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = parallel._MallInfo2
def mapped():
    before = libc.mallinfo2().hblkhd
    array = np.ones(8 * 2**20, dtype=np.uint8)
    return libc.mallinfo2().hblkhd - before
with parallel.memory_reused():
    inside = mapped()
print(inside, mapped())
"""


def test_after_the_block_glibcs_threshold_is_restored_and_large_arrays_are_mapped_again():
    import subprocess
    import sys

    if parallel._glibc() is None:
        return  # covered by the test above: the block changes nothing
    out = subprocess.run([sys.executable, "-c", _MAPPED_AFTER_THE_BLOCK], capture_output=True, text=True, check=True)
    inside, after = map(int, out.stdout.split())
    assert inside == 0 and after >= 8 * 2**20
