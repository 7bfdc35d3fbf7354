"""Traditional Chinese: detected, and read through its Simplified form, character for character.

OpenCC (``t2s``, the maintained converter) gives the Simplified form; it is applied
line by line and, where a phrase conversion would change a line's length, character
by character, so the Simplified text has the same length as the original and every
offset holds in both.  The reader parses the Simplified text (speaker lines,
salutations, 萬 and 億, stopwords all work) and keeps the original characters in
``text``, spans and every surface form; ``text_simplified`` holds the other.
"""
from __future__ import annotations

from functools import lru_cache

from ..chinese import NOT_HAN, code_points

#: Share of Han characters that t2s changes above which a text is Traditional (a
#: Simplified text changes almost none: OpenCC leaves Simplified characters alone).
TRADITIONAL_SHARE = 0.04
_SAMPLE = 3_000  # characters looked at: enough to tell the script, cheap on a large corpus


@lru_cache(maxsize=2)
def _converter(config: str = "t2s"):
    import opencc

    return opencc.OpenCC(config)


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in Traditional characters.

    >>> is_traditional("北京市市長殷勇"), is_traditional("北京市市长殷勇")
    (True, False)
    """
    sample = NOT_HAN.sub("", text[:_SAMPLE])
    if not sample:
        return False
    converted = _converter().convert(sample)
    if len(converted) != len(sample):
        converted = "".join(_converter().convert(c) for c in sample)
    n = min(len(sample), len(converted))  # compared as far as both go, as zip would
    changed = int((code_points(sample[:n]) != code_points(converted[:n])).sum())
    return changed / len(sample) > TRADITIONAL_SHARE or (changed >= 2 and len(sample) < 50)


def to_simplified(text: str) -> str:
    """``text`` in Simplified characters, of exactly the same length (offsets hold in both).

    >>> to_simplified("同志們：經濟增長5.2萬億元，提高0.4個百分點。")
    '同志们：经济增长5.2万亿元，提高0.4个百分点。'
    """
    cc = _converter()
    lines = text.split("\n")
    out = []
    for line in lines:
        converted = cc.convert(line)
        if len(converted) != len(line):  # a phrase changed length: convert one character at a time
            converted = "".join(c2 if len(c2 := cc.convert(c)) == 1 else c for c in line)
        out.append(converted)
    return "\n".join(out)


def working_texts(speeches):
    """The speeches with ``text`` in the form that is parsed and counted: Simplified for a
    Traditional speech (same length, so every offset holds), else the text itself."""
    if "text_simplified" not in speeches.columns or speeches["text_simplified"].isna().all():
        return speeches
    return speeches.assign(text=speeches["text_simplified"].where(speeches["text_simplified"].notna(),
                                                                  speeches["text"]))


def original_surfaces(frame, speeches, *, column: str = "surface"):
    """``frame`` with ``column`` re-cut from the original characters of each speech
    (``start``, ``end`` are offsets into its text), where the speech is Traditional."""
    if "text_simplified" not in speeches.columns or speeches["text_simplified"].isna().all() or frame.empty:
        return frame
    originals = dict(zip(speeches["speech"], speeches["text"]))
    traditional = set(speeches.loc[speeches["text_simplified"].notna(), "speech"])
    values = [originals[s][a:b] if s in traditional else v
              for s, a, b, v in zip(frame["speech"], frame["start"], frame["end"], frame[column])]
    return frame.assign(**{column: values})
