"""Benchmark: the whole pipeline against bare ``jieba.lcut`` on corpora of growing size.

Usage: ``make bench`` (or ``python bench/run.py [--sizes 1,10,50] [--processes 1,2]``).

For each corpus it times bare ``jieba.lcut`` (defaults) over the speech texts once, then
the whole pipeline on 1 process and on 2 (segmentation, slogans and numeric targets
spread over the processes), printing wall time and peak memory per stage (the RSS
high-water mark of this process, which only grows, so corpora run smallest first), the
ratio of the pipeline to bare jieba, and the speed-up of 2 processes over 1.  It ends
with one line per corpus and process count in the form::

    bench corpus=NAME chars=N pipeline_s=X jieba_s=Y ratio=R peak_mib=M

where NAME ends in ``_2proc`` for the run on 2 processes.  The segmentation cache is
switched off and a fresh cache folder is used, so that both sides segment for real;
both sides load their (warm) dictionary inside the timing.  Slogans run without the
``repeated`` kind, whose maximal-repeat search is not linear.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# a fresh cache, so the first run pays for everything a first run pays for
# (jieba's dictionary cache and the tags of out-of-dictionary words included)
_CACHE = tempfile.mkdtemp(prefix="bench-cache-")
os.environ["ANALYSIS_CACHE_DIR"] = _CACHE

import analysis as an  # noqa: E402
from analysis import config  # noqa: E402


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_peak_mib() -> float:
    """The largest peak of any finished worker so far, pages shared with this process included."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def replicate(folder: Path, times: int, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    for k in range(times):
        for f in sorted(folder.glob("*.txt")):
            shutil.copyfile(f, into / f"{k:03d}_{f.name}")
    return into


def pipeline(name: str, corpus: Path, processes: int) -> tuple[dict[str, float], int]:
    """Time every stage of the whole pipeline; return the stage times and the characters read."""
    stages: dict[str, float] = {}
    peaks: dict[str, float] = {}

    def stage(label, fn):
        t = time.perf_counter()
        out = fn()
        stages[label] = time.perf_counter() - t
        peaks[label] = peak_mib()
        return out

    an.tokens._segmenter.cache_clear()  # each run pays for loading the dictionaries, like a fresh process
    comp = stage("read+clean", lambda: an.read_corpus(corpus))
    speeches = comp.speeches
    tokens = stage("segment", lambda: an.tokenize(speeches, cache=False, processes=processes))
    stage("frequencies", lambda: an.term_frequencies(tokens))
    # every term a speech never uses is a negative keyword: speeches x vocabulary rows in full,
    # so at scale only the 100 strongest absent terms per speech are kept
    stage("keyness", lambda: an.keyness_by_speech(tokens, min_count=2, absent=100))
    stage("lexical_stats", lambda: an.lexical_stats(tokens))
    stage("outline", lambda: an.outline(speeches))
    stage("slogans", lambda: an.slogans(speeches, tokens=tokens, processes=processes,
                                        kinds=("quoted", "parallel", "numbered", "idiom")))
    stage("numbers", lambda: an.numeric_targets(speeches, processes=processes))
    label = name if processes == 1 else f"{name}_{processes}proc"
    for key, secs in stages.items():
        print(f"  {label:<20} {key:<14} {secs:8.2f} s   peak so far {peaks[key]:6.0f} MiB")
    return stages, int(speeches["text"].str.len().sum())


def bare_jieba(corpus: Path) -> float:
    """Bare jieba as a user calls it: a fresh tokenizer with its defaults, its first call
    loading the (warm, cached) dictionary, as the pipeline's segmenter does."""
    import jieba

    texts = an.read_corpus(corpus).speeches["text"].tolist()
    t = time.perf_counter()
    bare = jieba.Tokenizer()
    bare.tmp_dir = str(an.config.CACHE_DIR / "jieba")
    for text in texts:
        bare.lcut(text)
    return time.perf_counter() - t


def run(name: str, corpus: Path, processes: list[int]) -> list[dict]:
    results = []
    jieba_s = bare_jieba(corpus)
    for p in processes:
        stages, chars = pipeline(name, corpus, p)
        pipeline_s = sum(stages.values())
        label = name if p == 1 else f"{name}_{p}proc"
        # this process's high-water mark; workers (forked, sharing its pages) are reported apart
        result = {"corpus": label, "chars": chars, "pipeline_s": pipeline_s, "jieba_s": jieba_s,
                  "ratio": pipeline_s / jieba_s, "peak_mib": peak_mib(), "segment_s": stages["segment"]}
        workers = f"   largest worker {worker_peak_mib():.0f} MiB" if p > 1 else ""
        print(f"  {label:<20} {'TOTAL':<14} {pipeline_s:8.2f} s   bare jieba {jieba_s:.2f} s"
              f"   ratio {result['ratio']:.2f}   peak {result['peak_mib']:.0f} MiB{workers}", flush=True)
        results.append(result)
    if len(results) > 1:
        one = results[0]
        for r in results[1:]:
            print(f"  {r['corpus']:<20} speed-up over 1 process: segment {one['segment_s'] / r['segment_s']:.2f}x,"
                  f" whole pipeline {one['pipeline_s'] / r['pipeline_s']:.2f}x", flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,50", help="replication factors of the provincial corpus")
    parser.add_argument("--processes", default="1,2",
                        help="comma-separated process counts to run the per-speech stages on (segmentation, "
                             "slogans, numbers); each is timed against the same bare-jieba run")
    args = parser.parse_args()
    processes = [int(x) for x in args.processes.split(",")]
    an.get_segmenter()  # warm jieba's dictionary cache once, for both sides alike
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
