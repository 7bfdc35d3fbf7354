"""Sentences that state what a table shows, computed from it, for notebooks to print.

Each takes the frame of one statistic (and the speech labels) and returns plain
text that is true of whatever corpus the frame came from.
"""
from __future__ import annotations

import pandas as pd

from .figures.style import speech_name


def lengths(speeches: pd.DataFrame) -> str:
    """The longest and the shortest speech, and how many the source cuts off."""
    if len(speeches) == 1:
        r = speeches.iloc[0]
        return f"One speech, {r['label']}: {r['n_chars']:,} characters in {r['n_paragraphs']} paragraphs."
    by = speeches.sort_values(["n_chars", "speech"], ascending=[False, True])
    long, short = by.iloc[0], by.iloc[-1]
    cut = int(speeches["truncated"].sum())
    text = (f"{len(speeches)} speeches, {int(speeches['n_chars'].sum()):,} characters in all. The longest is "
            f"{long['label']} ({long['n_chars']:,} characters), the shortest {short['label']} "
            f"({short['n_chars']:,}); the longest is {long['n_chars'] / max(short['n_chars'], 1):.1f} times as long.")
    return text + (f" The source cuts off {cut} of them mid-text." if cut else "")


def most_similar(sim: pd.DataFrame, labels: dict) -> str:
    """The most and the least similar pair of different speeches."""
    pairs = sim[sim["speech_a"] < sim["speech_b"]].sort_values(["similarity", "speech_a", "speech_b"],
                                                                ascending=[False, True, True])
    top, bottom = pairs.iloc[0], pairs.iloc[-1]

    def name(r):
        return f"{speech_name(r['speech_a'], labels)} and {speech_name(r['speech_b'], labels)}"
    return (f"Most alike: {name(top)} ({top['similarity']:.2f}); least alike: {name(bottom)} "
            f"({bottom['similarity']:.2f}); all pairs lie between {pairs['similarity'].min():.2f} and "
            f"{pairs['similarity'].max():.2f} ({sim['method'].iloc[0]}).")


def distinctive(distinctive_terms: pd.DataFrame, labels: dict, *, n: int = 3) -> str:
    """Each speech's ``n`` most distinctive terms, one line per speech."""
    pos = distinctive_terms[distinctive_terms["direction"] == "positive"]
    lines = [f"{speech_name(s, labels)}: {'、'.join(g.sort_values('rank')['term'].head(n))}"
             for s, g in pos.groupby("speech", sort=True)]
    return "Most distinctive terms (G², against all other speeches):\n" + "\n".join(lines)


def spread(measures: pd.DataFrame) -> str:
    """Which of the terms spreads most evenly across the corpus, and which clumps most."""
    corpus = measures[(measures["speech"] == 0) & measures["dp"].notna()].sort_values(["dp", "term"])
    if corpus.empty:
        return "None of the terms occurs."
    even, clumped = corpus.iloc[0], corpus.iloc[-1]
    return (f"Across the corpus, {even['term']} spreads most evenly (DP {even['dp']:.2f}) and "
            f"{clumped['term']} clumps most (DP {clumped['dp']:.2f}).")
