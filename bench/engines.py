"""Compare the project's numpy cutter with rjieba (jieba-rs) under the project dictionary.

    .venv/bin/pip install rjieba && .venv/bin/python bench/engines.py [--pipeline 10,50]

Prints how many files of the two corpora each engine cuts differently from jieba, with the
first difference of each, how many of 20,000 random texts, and the time of each engine over
all the files.  rjieba joins ASCII runs that jieba splits (PM_2.5, 5G-A, 2-3); ``adapted`` is
rjieba with those runs split as jieba's HMM splits them.  ``--pipeline`` also times the whole
pipeline (:func:`analysis.build.build_tables`, one process, each run in a fresh process) on
the 25 reports replicated that many times, once with the numpy cutter and once with adapted
rjieba cutting instead.  rjieba is not a dependency; this script is how docs/scaling.md's
decision to keep the numpy cutter was measured.
"""
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import analysis as an  # noqa: E402
from analysis import config  # noqa: E402


def rjieba_cutter(seg):
    """rjieba under the segmenter's dictionary, its ASCII runs split as jieba's HMM splits them."""
    import rjieba

    from analysis.segmentation.jieba_files import FINALSEG_RE_SKIP

    engine = rjieba.Jieba()
    for r in seg.entries.itertuples():
        freq = None if r.freq is None or r.freq != r.freq else int(r.freq)
        engine.add_word(r.word, freq, r.pos)

    def adapted(text: str) -> list[str]:
        out = []
        for token in engine.cut(text, True):
            if len(token) > 1 and token.isascii() and seg.tags.get(token) is None:
                out += [x for x in FINALSEG_RE_SKIP.split(token) if x]
            else:
                out.append(token)
        return out

    return engine, adapted


def compare(seg) -> None:
    engine, adapted = rjieba_cutter(seg)
    texts = list(an.load_speeches()["text"]) + list(an.load_speeches(config.PROVINCIAL_CORPUS)["text"])
    jieba_words = [seg.tk.lcut(t) for t in texts]
    rng = random.Random(1)
    alphabet = ("招商引资项目推进开工率新质生产力一把手工程的了是在和与鑫犇淼嬲巭中国经济发展高质量"
                "abcXYZ0123.-_%+# \n，。、：“”（）")
    noise = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(20_000)]
    engines = (("numpy cutter", seg.cutter.lcut), ("rjieba", lambda t: list(engine.cut(t, True))), ("adapted", adapted))
    for name, cut in engines:
        started = time.perf_counter()
        words = [cut(t) for t in texts]
        seconds = time.perf_counter() - started
        differ = [(a, b) for a, b in zip(jieba_words, words) if a != b]
        odd = sum(seg.tk.lcut(t) != cut(t) for t in noise)
        print(f"{name}: {len(differ)} of {len(texts)} files and {odd} of {len(noise)} random texts differ "
              f"from jieba; {seconds:.2f} s over the files")
        for a, b in differ[:5]:
            i = next(k for k, (x, y) in enumerate(zip(a, b)) if x != y)
            print(f"    jieba {a[i:i + 3]}  {name} {b[i:i + 3]}")


def pipeline_child(folder: str, engine: str) -> None:
    from analysis import build

    seg = an.get_segmenter()
    if engine == "rjieba":
        _, adapted = rjieba_cutter(seg)
        seg.cutter.lcut = adapted
    start = time.perf_counter()
    tables = build.build_tables(an.read_corpus(folder), processes=1, cache=False, sink=lambda name, frame: None,
                                 pieces=True)
    print(json.dumps({"pipeline_s": time.perf_counter() - start, "segment_s": tables.seconds["segment"]}))


def pipelines(sizes: list[int]) -> None:
    import shutil

    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            for k in range(n):
                for f in sorted(config.PROVINCIAL_CORPUS.glob("*.txt")):
                    shutil.copyfile(f, Path(tmp) / f"{k:03d}_{f.name}")
            for engine in ("cutter", "rjieba"):
                out = subprocess.run([sys.executable, __file__, "--child", tmp, engine], check=True,
                                     capture_output=True, text=True).stdout
                got = json.loads(out.strip().splitlines()[-1])
                print(f"pipeline x{n} engine={engine} pipeline_s={got['pipeline_s']:.2f} "
                      f"segment_s={got['segment_s']:.2f}", flush=True)


def main() -> int:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        print("rjieba is not installed: .venv/bin/pip install rjieba")
        return 1
    if sys.argv[1:2] == ["--child"]:
        pipeline_child(sys.argv[2], sys.argv[3])
        return 0
    compare(an.get_segmenter())
    if sys.argv[1:2] == ["--pipeline"]:
        pipelines([int(x) for x in sys.argv[2].split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
