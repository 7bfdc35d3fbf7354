"""Compare the project's numpy cutter with rjieba (jieba-rs) under the project dictionary.

    .venv/bin/pip install rjieba && .venv/bin/python bench/engines.py

Prints how many files of the two corpora each engine cuts differently from jieba, the
first difference of each, and the time of each engine over all the files.  rjieba is not a
dependency; this script is how the README's decision to keep the numpy cutter was measured.
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import analysis as an  # noqa: E402
from analysis import config  # noqa: E402


def main() -> int:
    try:
        import rjieba
    except ImportError:
        print("rjieba is not installed: .venv/bin/pip install rjieba")
        return 1
    seg = an.get_segmenter()
    started = time.perf_counter()
    engine = rjieba.Jieba()
    for r in seg.entries.itertuples():
        freq = None if r.freq is None or r.freq != r.freq else int(r.freq)
        engine.add_word(r.word, freq, r.pos)
    print(f"rjieba {rjieba.__version__ if hasattr(rjieba, '__version__') else ''} dictionary: "
          f"{time.perf_counter() - started:.2f} s")
    texts = list(an.load_speeches()["text"]) + list(an.load_speeches(config.PROVINCIAL_CORPUS)["text"])
    jieba_words = [seg.tk.lcut(t) for t in texts]
    for name, cut in (("numpy cutter", seg.cutter.lcut), ("rjieba", lambda t: list(engine.cut(t, True)))):
        started = time.perf_counter()
        words = [cut(t) for t in texts]
        seconds = time.perf_counter() - started
        differ = [(a, b) for a, b in zip(jieba_words, words) if a != b]
        print(f"{name}: {len(differ)} of {len(texts)} files differ from jieba; {seconds:.2f} s")
        for a, b in differ[:5]:
            i = next(k for k, (x, y) in enumerate(zip(a, b)) if x != y)
            print(f"    jieba {a[i:i + 3]}  {name} {b[i:i + 3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
