"""Benchmark: the whole pipeline against bare ``jieba.lcut`` on corpora of growing size.

Usage: ``make bench`` (or ``python bench/run.py [--sizes 1,10,50,100] [--processes 1,2]``).

For each corpus it times bare ``jieba.lcut`` (defaults) over the speech texts, then the
whole pipeline: reading, then every table ``python -m analysis tables`` writes
(:func:`analysis.build.build_tables`: segmentation, term counts and keyness, every kind of
slogan with the formula stage, outlines, quantities and targets, the time tables when
the documents carry years), by chunks of documents on 1 process and on 2.  Every
measurement runs in a fresh Python process, as a user's would: it loads the dictionaries
and the prepared reference corpus inside the timing (from the warm cache, on both sides:
the parent prepares them once, as a user's first run does) and its peak memory is its own
(RSS high-water mark; with workers, the largest worker's peak is printed beside it).  A small
corpus is run several times on each side, the sides in turn, and the fastest run of each kept
(:data:`RUNS_BY_SIZE`: three runs below 3 MB, two below 200 MB, so 50x and 100x too), as ``timeit``
does: a two-second run varies by a fifth from one run to the next on a shared machine, a two-minute
run by a tenth.  It prints the time of every step (the steps done chunk by chunk are summed over the chunks),
the wall time, the ratio of the pipeline to bare jieba and the speed-up of 2 processes
over 1, and ends with one line per corpus and process count in the form::

    bench corpus=NAME chars=N pipeline_s=X jieba_s=Y ratio=R peak_mib=M

where NAME ends in ``_2proc`` for the run on 2 processes (not run for a corpus too small
to split: it would repeat the one-process run).  The segmentation cache is switched off
and a fresh cache folder is used, so that both sides segment for real.
"""
from __future__ import annotations

import argparse
import atexit
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if "--child" not in sys.argv:
    # a fresh cache, so the first run pays for everything a first run pays for
    # (each measured run is a child process and inherits it)
    # and removed at exit: 84 MiB a run, left in the temporary folder otherwise
    os.environ["ANALYSIS_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-cache-")
    atexit.register(shutil.rmtree, os.environ["ANALYSIS_CACHE_DIR"], ignore_errors=True)

import analysis as an  # noqa: E402
from analysis import config  # noqa: E402

#: The steps done chunk by chunk: their times are summed over the chunks (on several processes, the
#: workers' time, which is more than the wall time).
CHUNK_STEPS = ("segment", "counts", "slogans", "formulas", "numbers", "outline")
#: Runs of each side by the corpus's size on disk: (below this many bytes, runs).
RUNS_BY_SIZE = ((3_000_000, 3), (200_000_000, 2), (float("inf"), 1))


def peak_mib() -> float:
    """This process's own peak resident memory.  On Linux getrusage also counts the peak of
    the process it was forked from before exec (the bench's parent), so VmHWM is read."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_peak_mib() -> float:
    """The largest peak of any finished worker, pages shared with this process included."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def replicate(folder: Path, times: int, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    for k in range(times):
        for f in sorted(folder.glob("*.txt")):
            shutil.copyfile(f, into / f"{k:03d}_{f.name}")
    return into


def pipeline(corpus: Path, processes: int) -> dict:
    """Time the whole pipeline (in this fresh process): reading, then every table ``make tables``
    writes (:func:`analysis.build.build_tables`: segmentation, counts, keyness, every kind of
    slogan with the formula stage, outlines, quantities and targets, the time tables when the
    documents carry years), by chunks of documents on ``processes``."""
    from analysis import build

    start = time.perf_counter()
    comp = an.read_corpus(corpus, processes=processes)  # as ``python -m analysis tables --processes N`` reads
    read_s = time.perf_counter() - start
    # each table handed on and let go as it is made, as ``python -m analysis tables`` writes them
    # (the writing itself is not timed)
    tables = build.build_tables(comp, processes=processes, cache=False, sink=lambda name, frame: None,
                                  pieces=True)
    wall = time.perf_counter() - start
    return {"stages": {"read": read_s, **tables.seconds}, "pipeline_s": wall,
            "chars": int(comp.speeches["text"].str.len().sum()), "peak_mib": peak_mib(),
            "worker_mib": worker_peak_mib(), "tables": len(tables.names)}


def bare_jieba(corpus: Path) -> dict:
    """Bare jieba as a user calls it: a fresh tokenizer with its defaults, its first call
    loading the (warm, cached) dictionary, as the pipeline's segmenter does."""
    import jieba

    texts = an.read_corpus(corpus).speeches["text"].tolist()
    t = time.perf_counter()
    bare = jieba.Tokenizer()
    bare.tmp_dir = str(config.CACHE_DIR / "jieba")
    for text in texts:
        bare.lcut(text)
    return {"jieba_s": time.perf_counter() - t}


def in_fresh_process(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def splits(corpus: Path, processes: int) -> bool:
    """Would the pipeline use more than one process for this corpus?  (Below the measured
    thresholds of :mod:`analysis.parallel` it stays on one, so a second run would only
    measure the same work again.)"""
    from analysis import parallel

    texts = an.read_corpus(corpus).speeches["text"].tolist()
    return max(parallel.useful_processes(processes, texts, parallel.MIN_CHARS_PER_SEGMENTING_PROCESS),
               parallel.useful_processes(processes, texts, parallel.MIN_CHARS_PER_PROCESS)) > 1


def runs_of(corpus: Path) -> int:
    """How many times each side is run on ``corpus``, its best time kept (as ``timeit`` does): a run
    of a few seconds varies by a fifth from one to the next on a shared machine, more than the
    difference measured; a run of minutes far less."""
    size = sum(f.stat().st_size for f in ([corpus] if corpus.is_file() else corpus.rglob("*")) if f.is_file())
    return next(runs for bytes_below, runs in RUNS_BY_SIZE if size < bytes_below)


def fastest_in_turn(corpus: Path, processes: list[int], runs: int) -> tuple[dict, dict[int, dict]]:
    """Bare jieba's fastest run and the pipeline's on each of ``processes``, of ``runs`` rounds in which
    each side runs once, in turn (fresh processes: each one's peak memory is its own), so that a slow
    spell of the machine falls on both sides alike rather than on whichever ran during it."""
    jieba, pipelines = None, {}
    for _ in range(runs):
        got = in_fresh_process("jieba", str(corpus))
        jieba = got if jieba is None or got["jieba_s"] < jieba["jieba_s"] else jieba
        for p in processes:
            got = in_fresh_process("pipeline", str(corpus), str(p))
            if p not in pipelines or got["pipeline_s"] < pipelines[p]["pipeline_s"]:
                pipelines[p] = got
    return jieba, pipelines


def run(name: str, corpus: Path, processes: list[int]) -> list[dict]:
    runs = runs_of(corpus)
    for p in processes:
        if p > 1 and not splits(corpus, p):
            print(f"  {name + f'_{p}proc':<20} not run: the corpus is too small to split, so {p} processes "
                  f"would run the very same one-process work", flush=True)
    processes = [p for p in processes if p == 1 or splits(corpus, p)]
    jieba, pipelines = fastest_in_turn(corpus, processes, runs)
    jieba_s, results = jieba["jieba_s"], []
    for p, got in pipelines.items():
        label = name if p == 1 else f"{name}_{p}proc"
        if runs > 1:
            print(f"  {label:<20} the fastest of {runs} runs, as bare jieba's (the two run in turn)", flush=True)
        for key, secs in got["stages"].items():
            summed = "   (summed over chunks)" if key in CHUNK_STEPS else ""
            print(f"  {label:<20} {key:<34} {secs:8.2f} s{summed}")
        pipeline_s = got["pipeline_s"]
        result = {"corpus": label, "chars": got["chars"], "pipeline_s": pipeline_s, "jieba_s": jieba_s,
                  "ratio": pipeline_s / jieba_s, "peak_mib": got["peak_mib"],
                  "segment_s": got["stages"].get("wall: chunks and formula passes", pipeline_s)}
        workers = f"   largest worker {got['worker_mib']:.0f} MiB (shared pages included)" if p > 1 else ""
        print(f"  {label:<20} {'TOTAL (wall, ' + str(got['tables']) + ' tables)':<34} {pipeline_s:8.2f} s   "
              f"bare jieba {jieba_s:.2f} s   ratio {result['ratio']:.2f}   peak {result['peak_mib']:.0f} MiB{workers}",
              flush=True)
        results.append(result)
    for r in results[1:]:
        one = results[0]
        print(f"  {r['corpus']:<20} speed-up over 1 process: chunks and formula passes "
              f"{one['segment_s'] / r['segment_s']:.2f}x, whole pipeline {one['pipeline_s'] / r['pipeline_s']:.2f}x",
              flush=True)
    return results


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        what, corpus = sys.argv[2], Path(sys.argv[3])
        print(json.dumps(bare_jieba(corpus) if what == "jieba" else pipeline(corpus, int(sys.argv[4]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,50,100", help="replication factors of the provincial corpus")
    parser.add_argument("--processes", default="1,2",
                        help="comma-separated process counts to run the per-speech stages on (segmentation, "
                             "slogans, numbers); each is timed against the same bare-jieba run")
    args = parser.parse_args()
    processes = [int(x) for x in args.processes.split(",")]
    an.get_segmenter()  # build the dictionary caches once, for both sides alike
    an.load_reference()  # and prepare the reference corpus once, as any run after a user's first finds it
    results = run("seed", config.SEED_CORPUS, processes)
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(x) for x in args.sizes.split(",")]:
            name = "provincial" if n == 1 else f"provincial_x{n}"
            folder = config.PROVINCIAL_CORPUS if n == 1 else replicate(config.PROVINCIAL_CORPUS, n, Path(tmp) / name)
            results += run(name, folder, processes)
            if n != 1:
                shutil.rmtree(folder)
    for r in results:
        print(f"bench corpus={r['corpus']} chars={r['chars']} pipeline_s={r['pipeline_s']:.2f} "
              f"jieba_s={r['jieba_s']:.2f} ratio={r['ratio']:.2f} peak_mib={r['peak_mib']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
