"""Slogans: the formulas of political speech as units of analysis.

:func:`slogans` returns one row per occurrence, of five kinds:

* ``quoted``: formulas in Chinese quotation marks (“一把手工程”, 「…」, 『…』); masked
  quotes (“XXX工程”) are flagged ``masked``.  A formula quoted somewhere is also
  found where it stands without quotes (``in_quotes`` False), so that recurrence
  across speeches is seen (一把手 in speeches 2 and 5).
* ``parallel``: runs of sibling headings, or of clauses in one sentence, that share
  a frame with one variable slot (``要□促招商``), found from the text alone;
  ``slot`` holds what each member puts in the slot.
* ``numbered``: formulas that count themselves (“7个抓”, 三点承诺, 四大难题, 八策之首).
* ``repeated``: maximal repeated word sequences (two words or more, four characters
  or more, at least one content word) used twice or more in the corpus.
* ``idiom``: four-character idioms and set phrases tagged ``i`` / ``l`` by jieba.

Columns: ``speech``, ``slogan`` (normalised form), ``surface`` (as written),
``kind``, ``frame``, ``slot``, ``start``, ``end`` (offsets in the speech text),
``masked``, ``in_quotes``.
"""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

import numpy as np
import pandas as pd

from ..chinese import CLAUSE_RUN, HOLDS_MASK, QUOTATION, SENTENCE_RUN
from ..errors import check_choice
from ..parallel import map_speeches
from ..reading.script import original_surfaces, working_texts
from ..segmentation.tokens import tokenize
from .outline import outline_rows

SLOGAN_COLUMNS = ["speech", "slogan", "surface", "kind", "frame", "slot", "start", "end", "masked", "in_quotes"]
SLOT = "□"
SLOGAN_KINDS = ("quoted", "parallel", "numbered", "repeated", "idiom")

_NUM = r"(?:[一二三四五六七八九十两]|\d{1,2})"
_NUMBERED = re.compile(
    r"(?<![第\d一二三四五六七八九十])((?:[二三四五六七八九十两]|[2-9]|1\d)(?:个|大|点|项|条|句|只|种)"
    r"(?:承诺|要求|意见|难题|工程|战略|抓|方面|问题|措施|任务|举措|转变|原则|机制|手|效应|坚持|必须|行动|主义))"
    r"|([一二三四五六七八九十]策之首)"
)
_FILLERS = ("就是要", "就是", "要", "是")
_FUNCTION_CHARS = set("的了是不也就都还和与在有这那个一我你他们要把被对为等之其而且或及")


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", re.sub(r"\s+", "", s))


def _row(speech, slogan, surface, kind, start, end, *, frame="", slot="", in_quotes=False):
    return {"speech": speech, "slogan": slogan, "surface": surface, "kind": kind, "frame": frame, "slot": slot,
            "start": start, "end": end, "masked": bool(HOLDS_MASK.search(surface)), "in_quotes": in_quotes}


def _quoted_marks(speech, text: str) -> list[dict]:
    rows = []
    for m in QUOTATION.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if re.search(r"[。！？]", inner):
            continue  # a quoted sentence is a citation, not a formula
        rows.append(_row(speech, _norm(inner), m.group(0), "quoted", m.start(), m.end(), in_quotes=True))
    return rows


def _echoes(speech, text: str, *, formulas: tuple[str, ...], spans: dict) -> list[dict]:
    """A formula quoted somewhere, used here without quotes (outside this speech's quotes)."""
    covered = bytearray(len(text))
    for a, b in spans.get(speech, ()):
        covered[a:b] = b"\x01" * (b - a)
    return [_row(speech, m.group(0), m.group(0), "quoted", m.start(), m.end(), in_quotes=False)
            for m in _finder(formulas)(text) if not covered[m.start()]]


def _echo_formulas(marks: list[dict]) -> tuple[str, ...]:
    # longest first, so that the longest formula wins
    return tuple(sorted({r["slogan"] for r in marks if not r["masked"] and len(r["slogan"]) >= 3},
                        key=lambda s: (-len(s), s)))


@lru_cache(maxsize=2)
def _finder(words: tuple[str, ...]):
    """A function giving what ``re.compile(trie_pattern(words)).finditer(text)`` gives, trying
    the pattern only where a word's first characters stand (up to three; found with numpy
    over the code points): a regex alternation of hundreds of branches is otherwise tried
    branch by branch at every position of the text."""
    pattern = re.compile(trie_pattern(words))
    k = min(3, min(len(w) for w in words))
    starts = np.array(sorted({_prefix_key(w[:k]) for w in words}), dtype=np.int64)

    def find_all(text: str):
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        if len(points) < k:
            return
        keys = points[:len(points) - k + 1].copy()
        for j in range(1, k):
            keys = (keys << 21) | points[j:len(points) - k + 1 + j]
        last = 0
        for i in np.flatnonzero(np.isin(keys, starts)).tolist():
            if i < last:
                continue
            m = pattern.match(text, i)
            if m:
                yield m
                last = m.end()

    return find_all


def _prefix_key(prefix: str) -> int:
    key = 0
    for ch in prefix:
        key = (key << 21) | ord(ch)  # a code point fits in 21 bits
    return key


def trie_pattern(words) -> str:
    """One regex for many words, factored as a trie (一把手(?:工程)?): far faster than a flat
    alternation on long texts, and, trying the longer continuation first, the longest word wins."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


#: A slot that holds a figure, a date or a list marker rather than a word.
_VALUE_SLOT = re.compile(r"^(?:[\d０-９.．%％]+|[一二三四五六七八九十百零〇两]+|\d+[年月日号]?|第.+)$")


def _frame(members: list[str]) -> tuple[str, str, list[str]] | None:
    """Common prefix and suffix of ``members`` with a non-empty slot in each, or None."""
    if len(set(members)) < 2:
        return None
    prefix = os.path.commonprefix(members)
    suffix = os.path.commonprefix([m[::-1] for m in members])[::-1]
    while prefix and any(len(m) - len(prefix) - len(suffix) < 1 for m in members):
        if len(suffix) >= len(prefix) and suffix:
            suffix = suffix[1:]
        else:
            prefix = prefix[:-1]
    while suffix and any(len(m) - len(prefix) - len(suffix) < 1 for m in members):
        suffix = suffix[1:]
    slots = [m[len(prefix):len(m) - len(suffix)] for m in members]
    if not (prefix or suffix) or any(not s for s in slots) or max(len(s) for s in slots) > 6:
        return None
    shared = len(prefix) + len(suffix)
    if shared < 2 and len(members) < 3:
        return None
    if HOLDS_MASK.search(prefix + suffix) or any(HOLDS_MASK.search(x) for x in slots):
        return None
    # the frame and every filler must carry meaning, not only function characters
    if all(c in _FUNCTION_CHARS for c in prefix + suffix):
        return None
    if any(all(c in _FUNCTION_CHARS for c in x) for x in slots):
        return None
    if any(_VALUE_SLOT.match(x) for x in slots):  # □% with 11.5 / 17.4, □号线 with 19 / 20: figures, not words
        return None
    return prefix, suffix, slots


def _strip_fillers(members: list[str]) -> list[str]:
    """Drop a leading 要 / 就是要 that only some members have (要凭平台招商 / 凭实力招商)."""
    for f in _FILLERS:
        if any(m.startswith(f) for m in members) and not all(m.startswith(f) for m in members):
            members = [m[len(f):] if m.startswith(f) else m for m in members]
    return members


def _parallel(speech, text: str) -> list[dict]:
    """Parallel frames among sibling headings, then among the clauses of each sentence."""
    rows = _parallel_headings(speech, text)
    seen = {r["start"] for r in rows}
    for sm in SENTENCE_RUN.finditer(text):
        clauses = [(c.group(0), sm.start() + c.start()) for c in CLAUSE_RUN.finditer(sm.group(0))]
        if len(clauses) >= 2:
            rows += [r for r in _parallel_clauses(speech, clauses) if r["start"] not in seen]
    return rows


def _sibling_groups(headings: list[dict]) -> list[list[dict]]:
    """Headings of the same level, parent heading and kind of marker, in order."""
    groups: dict[tuple, list[dict]] = {}
    stack: dict[int, int] = {}
    for i, h in enumerate(headings):
        stack = {lvl: idx for lvl, idx in stack.items() if lvl < h["level"]}
        groups.setdefault((h["level"], stack.get(h["level"] - 1, -1), h["marker_type"]), []).append(h)
        stack[h["level"]] = i
    return list(groups.values())


def _parallel_headings(speech, text: str) -> list[dict]:
    """Sibling headings that share a frame (要□促招商), a heading's 、-joined parts counted apart."""
    rows = []
    for group in _sibling_groups(sorted(outline_rows(text, speech), key=lambda h: h["start"])):
        items = []  # (text, start, end)
        for h in group:
            offset, pos = h["end"] - len(h["heading"]), 0
            for part in re.split(r"[，,。；]", h["heading"])[0].split("、"):
                items.append((part, offset + pos, offset + pos + len(part)))
                pos += len(part) + 1
        members = _strip_fillers([t for t, _, _ in items]) if len(items) >= 2 else []
        fr = _frame(members) if members else None
        if fr is None:
            continue
        prefix, suffix, slots = fr
        for (t, a, b), m, slot in zip(items, members, slots):
            a2 = a + (len(t) - len(m))
            rows.append(_row(speech, m, text[a2:b], "parallel", a2, b, frame=prefix + SLOT + suffix, slot=slot))
    return rows


def _run_reach(clauses: list[tuple[str, int]]) -> list[int]:
    """reach[i]: the end of the longest run from clause i whose clauses all begin alike or all
    end alike.  A frame is shared by all its members, so longer runs need not be tried."""
    reach = [0] * len(clauses)
    first_end = last_end = len(clauses)
    for k in range(len(clauses) - 2, -1, -1):
        c, d = clauses[k][0], clauses[k + 1][0]
        first_end = first_end if c[0] == d[0] else k + 1
        last_end = last_end if c[-1] == d[-1] else k + 1
        reach[k] = max(first_end, last_end)
    return reach


def _parallel_clauses(speech, clauses: list[tuple[str, int]]) -> list[dict]:
    """Runs of clauses of one sentence that share a frame: 抓开工、抓进度 / 主要领导亲自抓、分管领导重点抓."""
    rows = []
    short = [2 <= len(c) <= 12 for c, _ in clauses]
    reach = _run_reach(clauses)
    i = 0
    while i < len(clauses) - 1:
        if reach[i] < i + 2 or not short[i]:  # no run of two or more can start here
            i += 1
            continue
        stop = i  # only runs of consecutive short clauses, at most ten long, can be a frame
        while stop < len(clauses) and short[stop] and stop - i < 10:
            stop += 1
        best = None
        for j in range(min(stop, reach[i]), i + 1, -1):
            fr = _frame([c for c, _ in clauses[i:j]])
            if fr and (len(fr[0]) + len(fr[1]) >= 2 or j - i >= 3):
                best = (j, fr)
                break
        if best is None:
            i += 1
            continue
        j, (prefix, suffix, slots) = best
        rows += [_row(speech, c, c, "parallel", a, a + len(c), frame=prefix + SLOT + suffix, slot=slot)
                 for (c, a), slot in zip(clauses[i:j], slots)]
        i = j
    return rows


def _numbered(speech, text: str) -> list[dict]:
    return [_row(speech, _norm(m.group(0)), m.group(0), "numbered", m.start(), m.end())
            for m in _NUMBERED.finditer(text)]


def _speech_slogans(speech, text: str, *, kinds: tuple[str, ...]) -> list[dict]:
    """The slogans of one speech that need no other speech: quotation marks, parallel
    frames, numbered formulas."""
    rows = _quoted_marks(speech, text) if "quoted" in kinds else []
    if "parallel" in kinds:
        rows += _parallel(speech, text)
    if "numbered" in kinds:
        rows += _numbered(speech, text)
    return rows


def _repeated(tokens: pd.DataFrame, *, max_words: int = 6, min_chars: int = 4) -> list[dict]:
    """Maximal repeats of word sequences within sentences."""
    words = tokens[~tokens["is_punct"] & ~tokens["is_masked"]]
    seqs = []  # (speech, [(token, start, end, is_vocab)])
    for (speech, _), g in words.groupby(["speech", "sentence"], sort=True):
        seqs.append((speech, list(zip(g["token"], g["start"], g["end"], g["is_vocab"], g["position"]))))
    counts: dict[tuple, list] = {}
    for speech, seq in seqs:
        for n in range(2, max_words + 1):
            for i in range(len(seq) - n + 1):
                win = seq[i:i + n]
                if win[-1][4] - win[0][4] != n - 1:  # a masked token or gap inside
                    continue
                key = tuple(w[0] for w in win)
                # cut at word boundaries: a repeat starts and ends on a content word
                if sum(len(k) for k in key) < min_chars or not (win[0][3] and win[-1][3]):
                    continue
                counts.setdefault(key, []).append((speech, win[0][1], win[-1][2]))
    repeats = {k: v for k, v in counts.items() if len(v) >= 2}
    # maximal: drop a repeat contained in a longer one that occurs as often
    keep = repeats
    longer_index: dict[tuple, int] = {}
    for k, occ in repeats.items():
        for a in range(len(k)):
            for b in range(a + 1, len(k) + 1):
                if (a, b) != (0, len(k)):
                    sub = k[a:b]
                    if sub in repeats:
                        longer_index[sub] = max(longer_index.get(sub, 0), len(occ))
    rows = []
    for k, occ in keep.items():
        if longer_index.get(k, 0) >= len(occ):
            continue
        phrase = "".join(k)
        for speech, a, b in occ:
            rows.append(_row(speech, phrase, phrase, "repeated", a, b))
    return rows


def _idioms(tokens: pd.DataFrame) -> list[dict]:
    t = tokens[tokens["pos"].isin(["i", "l"]) & (tokens["token"].str.len() == 4)]
    return [_row(r.speech, r.token, r.token, "idiom", r.start, r.end) for r in t.itertuples()]


def slogans(speeches: pd.DataFrame, *, tokens: pd.DataFrame | None = None,
            kinds: tuple[str, ...] = ("quoted", "parallel", "numbered", "repeated", "idiom"),
            processes: int = 1) -> pd.DataFrame:
    r"""Every slogan occurrence of every speech (see the module doc).  Pass ``tokens`` to reuse
    a segmentation; ``processes > 1`` finds them on that many processes (identical result).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> an.slogans(sp, kinds=('parallel',))[['speech', 'frame', 'slot']].head(2).values.tolist()
    [[1, '抓□', '项目'], [1, '抓□', '招商']]
    """
    for k in kinds:
        check_choice("kinds", k, SLOGAN_KINDS)
    shown, speeches = speeches, working_texts(speeches)  # Traditional texts are read in Simplified
    rows = map_speeches(_speech_slogans, speeches, processes=processes, kinds=tuple(kinds))
    if "quoted" in kinds:
        marks = [r for r in rows if r["kind"] == "quoted"]
        formulas = _echo_formulas(marks)
        if formulas:
            spans: dict = {}
            for r in marks:
                spans.setdefault(r["speech"], []).append((r["start"], r["end"]))
            rows += map_speeches(_echoes, speeches, processes=processes, formulas=formulas, spans=spans)
    if "repeated" in kinds or "idiom" in kinds:
        tokens = tokens if tokens is not None else tokenize(speeches)
        if "repeated" in kinds:
            rows += _repeated(tokens)
        if "idiom" in kinds:
            rows += _idioms(tokens)
    frame = pd.DataFrame(rows, columns=SLOGAN_COLUMNS).astype({"masked": bool, "in_quotes": bool})
    order = {k: i for i, k in enumerate(("quoted", "parallel", "numbered", "repeated", "idiom"))}
    frame = frame.assign(_k=frame["kind"].map(order)).sort_values(["speech", "start", "_k", "end"], kind="mergesort")
    return original_surfaces(frame.drop(columns="_k").reset_index(drop=True), shown)


def slogan_matrix(slogan_frame: pd.DataFrame, *, kinds: tuple[str, ...] | None = None,
                  top: int | None = None) -> pd.DataFrame:
    r"""Slogan-by-speech counts in long form, zeros included.

    Columns: ``slogan``, ``kind``, ``speech``, ``n``.  Sorted by the number of speeches
    using the slogan (descending), then total count, then slogan, then speech;
    ``top=N`` keeps the first N slogans of that order.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> m = an.slogan_matrix(an.slogans(sp, kinds=('parallel',)), top=1)
    >>> m[['slogan', 'speech', 'n']].values.tolist()
    [['抓招商', 1, 1]]
    """
    if kinds is not None:
        for k in kinds:
            check_choice("kinds", k, SLOGAN_KINDS)
    f = slogan_frame if kinds is None else slogan_frame[slogan_frame["kind"].isin(kinds)]
    f = f[~f["masked"].astype(bool)]
    counts = f.groupby(["slogan", "speech"]).size().rename("n").reset_index()
    kind = f.groupby("slogan")["kind"].agg(lambda k: sorted(set(k))[0])
    speeches = sorted(slogan_frame["speech"].unique())
    full = pd.MultiIndex.from_product([sorted(counts["slogan"].unique()), speeches], names=["slogan", "speech"])
    m = counts.set_index(["slogan", "speech"]).reindex(full, fill_value=0).reset_index()
    m["kind"] = m["slogan"].map(kind)
    spread = m[m["n"] > 0].groupby("slogan")["speech"].nunique()
    total = m.groupby("slogan")["n"].sum()
    m["_s"], m["_t"] = m["slogan"].map(spread), m["slogan"].map(total)
    m = m.sort_values(["_s", "_t", "slogan", "speech"], ascending=[False, False, True, True])
    if top is not None:
        m = m[m["slogan"].isin(list(dict.fromkeys(m["slogan"]))[:top])]
    return m[["slogan", "kind", "speech", "n"]].reset_index(drop=True)


def recurring_slogans(slogan_frame: pd.DataFrame, *, min_speeches: int = 2) -> pd.DataFrame:
    r"""Slogans used in ``min_speeches`` speeches or more.

    Columns: ``slogan``, ``kind`` (the strongest kind of evidence it was found by, in
    the order quoted, numbered, parallel, repeated, idiom), ``n_kinds``,
    ``n_speeches``, ``n``.  Which speeches use it is :func:`slogan_matrix`.
    Sorted by ``n_speeches`` and ``n`` descending, then slogan.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> an.recurring_slogans(an.slogans(sp, kinds=('parallel',)), min_speeches=1)['slogan'].tolist()
    ['抓招商', '抓落实', '抓项目']
    """
    f = slogan_frame[~slogan_frame["masked"].astype(bool)]
    strength = {k: i for i, k in enumerate(("quoted", "numbered", "parallel", "repeated", "idiom"))}
    g = f.groupby("slogan")
    out = pd.DataFrame({
        "kind": g["kind"].agg(lambda k: min(set(k), key=strength.get)),
        "n_kinds": g["kind"].nunique(),
        "n_speeches": g["speech"].nunique(),
        "n": g.size(),
    }).reset_index()
    out = out[out["n_speeches"] >= min_speeches]
    return out.sort_values(["n_speeches", "n", "slogan"], ascending=[False, False, True]).reset_index(drop=True)


def parallel_frames(slogan_frame: pd.DataFrame, *, min_members: int = 3, top: int | None = 40) -> pd.DataFrame:
    r"""Parallel frames (排比) with what each member puts into the slot, for reading and drawing.

    One row per distinct filler of every frame of a speech whose members fill the slot with at
    least ``min_members`` different words: a frame used twice (稳企业、稳市场、稳预期 in two
    places) lists each filler once, with ``n`` its occurrences.  Columns: ``speech``,
    ``frame``, ``slot``, ``member`` (1.. in the order the fillers first appear), ``n``,
    ``n_slots`` (distinct fillers).  ``top=N`` keeps the N frames with the most distinct
    fillers (ties: document order).

    >>> import analysis as an
    >>> sp = an.read_compilation(text="同志们：\n稳企业、稳市场、稳预期。\n要坚持，稳企业、稳市场、稳预期。\n").speeches
    >>> an.parallel_frames(an.slogans(sp, kinds=("parallel",)))[["frame", "slot", "n"]].values.tolist()
    [['稳□', '企业', 2], ['稳□', '市场', 2], ['稳□', '预期', 2]]
    """
    p = slogan_frame[slogan_frame["kind"] == "parallel"]
    cols = ["speech", "frame", "slot", "member", "n", "n_slots"]
    if p.empty:
        return pd.DataFrame(columns=cols)
    counted = p.groupby(["speech", "frame", "slot"], sort=False).size().rename("n").reset_index()
    counted["member"] = counted.groupby(["speech", "frame"], sort=False).cumcount() + 1
    counted["n_slots"] = counted.groupby(["speech", "frame"], sort=False)["slot"].transform("size")
    counted = counted[counted["n_slots"] >= min_members]
    if top is not None:
        groups = counted.drop_duplicates(["speech", "frame"]).reset_index(drop=True)
        groups = groups.assign(_o=range(len(groups))).sort_values(["n_slots", "_o"], ascending=[False, True]).head(top)
        keep = set(zip(groups["speech"], groups["frame"]))
        counted = counted[[k in keep for k in zip(counted["speech"], counted["frame"])]]
    return counted[cols].reset_index(drop=True)
