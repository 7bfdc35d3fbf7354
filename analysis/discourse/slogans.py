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

from ..caches import shared_strings
from ..chinese import CLAUSE_RUN, CN_NUMERAL, HAN, HOLDS_MASK, QUOTATION, SENTENCE_MARKS, SENTENCE_RUN
from ..errors import OptionError, check_choice
from ..parallel import map_speeches
from ..reading.script import original_surfaces, working_texts
from .lexicons import (
    CORRELATIVE_FRAMES,
    IDIOM_BY_TAG,
    IDIOM_LEXICON,
    NUMBERED_FORMULA,
    SAYING_BY_SHAPE,
    SAYING_SHAPES,
    idiom_evidence,
    idiom_lexicon,
    numbered_key,
)
from .outline import outline_rows
from .reference import Reference
from .termhood import formulaic_occurrences

SLOGAN_COLUMNS = ["speech", "slogan", "surface", "kind", "evidence", "frame", "slot", "start", "end", "masked",
                  "in_quotes"]
SLOT = "□"
SLOGAN_KINDS = ("quoted", "parallel", "numbered", "repeated", "idiom")

_FILLERS = ("就是要", "就是", "要", "是")
_FUNCTION_CHARS = set("的了是不也就都还和与在有这那个一我你他们要把被对为等之其而且或及")


def normal_form(s: str) -> str:
    """A formula as it is compared: NFKC, no white space (“稳中求进 ” and 稳中求进 are one)."""
    return unicodedata.normalize("NFKC", re.sub(r"\s+", "", s))


#: Why a candidate is a formula, strongest first (the ``evidence`` column).
EVIDENCE = ("quoted", "quoted elsewhere", "self-counting", "frame", "formula word", IDIOM_LEXICON, SAYING_BY_SHAPE,
            "termhood", "set phrase", IDIOM_BY_TAG)
_DEFAULT_EVIDENCE = {"quoted": "quoted", "parallel": "frame", "numbered": "self-counting"}
def _row(speech, slogan, surface, kind, start, end, *, frame="", slot="", in_quotes=False, evidence=None):
    return {"speech": speech, "slogan": slogan, "surface": surface, "kind": kind,
            "evidence": evidence or _DEFAULT_EVIDENCE[kind], "frame": frame, "slot": slot,
            "start": start, "end": end, "masked": bool(HOLDS_MASK.search(surface)), "in_quotes": in_quotes}


def _quoted_marks(speech, text: str) -> list[dict]:
    rows = []
    for m in QUOTATION.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if re.search(f"[{SENTENCE_MARKS}]", inner) or not re.search(rf"[{HAN}]", inner):
            continue  # a quoted sentence is a citation, a quoted number (“12345”) a hotline or a code
        formula = normal_form(inner)
        if NUMBERED_FORMULA.fullmatch(formula):  # “7个抓” is the 七个抓 the speech counts
            formula = numbered_key(formula)
        rows.append(_row(speech, formula, m.group(0), "quoted", m.start(), m.end(), in_quotes=True))
    return rows


def _echoes(speech, text: str, *, formulas: tuple[str, ...], spans: dict) -> list[dict]:
    """A formula quoted somewhere, used here without quotes (outside this speech's quotes)."""
    covered = bytearray(len(text))
    for a, b in spans.get(speech, ()):
        covered[a:b] = b"\x01" * (b - a)
    return [_row(speech, m.group(0), m.group(0), "quoted", m.start(), m.end(), evidence="quoted elsewhere")
            for m in _finder(formulas)(text) if not covered[m.start()]]


#: A quoted word's unquoted uses count as the formula only while this share of its uses is quoted:
#: a word quoted once and used unquoted a hundred times (示范区) is an ordinary word someone stressed.
MIN_QUOTED_SHARE = 0.1


def _mostly_unquoted_dropped(marks: pd.DataFrame, echoes: list[dict]) -> list[dict]:
    quoted = marks["slogan"].value_counts()
    unquoted = pd.Series([r["slogan"] for r in echoes], dtype=object).value_counts()
    share = quoted.reindex(unquoted.index, fill_value=0) / (quoted.reindex(unquoted.index, fill_value=0) + unquoted)
    keep = set(share[share >= MIN_QUOTED_SHARE].index)
    return [r for r in echoes if r["slogan"] in keep]


def _echo_formulas(marks: pd.DataFrame) -> tuple[str, ...]:
    # longest first, so that the longest formula wins
    wanted = marks.loc[~marks["masked"].astype(bool) & (marks["slogan"].str.len() >= 3), "slogan"]
    return tuple(sorted(set(wanted.tolist()), key=lambda s: (-len(s), s)))


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
_VALUE_SLOT = re.compile(rf"^(?:[\d０-９.．%％]+|[{CN_NUMERAL}]+|\d+[年月日号]?|第.+)$")


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
        clauses = [_without_filler(c.group(0), sm.start() + c.start()) for c in CLAUSE_RUN.finditer(sm.group(0))]
        if len(clauses) >= 2:
            rows += [r for r in _parallel_clauses(speech, clauses) if r["start"] not in seen]
    return rows


def _without_filler(clause: str, start: int) -> tuple[str, int]:
    """A clause without its leading 要 / 就是要 (要抓开工、抓进度 is the frame 抓□)."""
    for f in _FILLERS:
        if clause.startswith(f) and len(clause) - len(f) >= 2:
            return clause[len(f):], start + len(f)
    return clause, start


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
    """Self-counting formulas, their numeral in Chinese (3个方面 and 三个方面 are one)."""
    return [_row(speech, numbered_key(normal_form(m.group(0))), m.group(0), "numbered", m.start(), m.end())
            for m in NUMBERED_FORMULA.finditer(text)]


def _correlatives(speech, text: str) -> list[dict]:
    """Two-slot frames of one sentence: 先造平台后招商, 先上项目、后补手续 (frame 先□后□)."""
    rows = []
    for frame, pattern in CORRELATIVE_FRAMES.items():
        for m in pattern.finditer(text):
            slots = m.groups()
            if all(len(x) >= 1 and not _VALUE_SLOT.match(x) for x in slots):
                rows.append(_row(speech, normal_form(m.group(0)), m.group(0), "parallel", m.start(), m.end(),
                                 frame=frame, slot="／".join(slots)))
    return rows


def _saying_key(shape: str, m: re.Match) -> str:
    """One form for a saying and its variant: the first in character order of 言必信，行必果 and
    言必行，信必果 (a chiasmus is its own variant)."""
    if shape == "X必Y，Z必W":
        x, y, z, w = m.groups()
        return min(f"{x}必{y}，{z}必{w}", f"{x}必{z}，{y}必{w}")
    return normal_form(m.group(0)).replace(",", "，")


def _sayings(speech, text: str) -> list[dict]:
    """Sayings by their shape (:data:`.lexicons.SAYING_SHAPES`), variants as one."""
    return [_row(speech, _saying_key(shape, m), m.group(0), "idiom", m.start(), m.end(), evidence=SAYING_BY_SHAPE)
            for shape, pattern in SAYING_SHAPES.items() for m in pattern.finditer(text)]


def _speech_slogans(speech, text: str, *, kinds: tuple[str, ...]) -> list[dict]:
    """The slogans of one speech that need no other speech: quotation marks, parallel
    frames, numbered formulas."""
    rows = _quoted_marks(speech, text) if "quoted" in kinds else []
    if "parallel" in kinds:
        rows += _parallel(speech, text) + _correlatives(speech, text)
    if "numbered" in kinds:
        rows += _numbered(speech, text)
    if "idiom" in kinds:
        rows += _sayings(speech, text)
    return rows


def _idioms(tokens: pd.DataFrame) -> list[dict]:
    """Four-character words of the idiom lexicon, or tagged ``i`` / ``l`` with the shape of one; an
    idiom jieba cuts into two to four words (全力/以赴) is found across them: only runs that open on
    the beginning of an idiom and close on the end of one are joined and looked up."""
    t = tokens.sort_values(["speech", "position"], kind="mergesort")
    token, speech = t["token"].to_numpy(dtype=object), t["speech"].to_numpy()
    start, end, pos = t["start"].to_numpy(), t["end"].to_numpy(), t["pos"].to_numpy(dtype=object)
    codes, types = pd.factorize(pd.Series(token, dtype=object))
    opens, closes = (pd.Series(types, dtype=object).isin(part).to_numpy()[codes] for part in _idiom_parts())
    rows = []
    for size in range(1, 5):
        last = np.minimum(np.arange(len(t)) + size - 1, max(len(t) - 1, 0))
        near = (speech[last] == speech) & (end[last] - start == 4)
        near &= (np.isin(pos, ["i", "l"]) | opens) if size == 1 else opens & closes[last]
        for i in np.flatnonzero(near).tolist():
            word = "".join(token[i:i + size])
            evidence = idiom_evidence(word, pos[i] if size == 1 else None) if len(word) == 4 else ""
            if evidence:
                rows.append(_row(speech[i].item(), word, word, "idiom", int(start[i]), int(end[last[i]]),
                                 evidence=evidence))
    return rows


@lru_cache(maxsize=1)
def _idiom_parts() -> tuple[frozenset, frozenset]:
    """The beginnings (一 to 四 characters) and the ends (一 to 三) of the lexicon's idioms."""
    lexicon = idiom_lexicon()
    return (frozenset(w[:k] for w in lexicon for k in range(1, 5)),
            frozenset(w[k:] for w in lexicon for k in range(1, 4)))


def slogans(speeches: pd.DataFrame, tokens: pd.DataFrame | None = None, *,
            kinds: tuple[str, ...] = ("quoted", "parallel", "numbered", "repeated", "idiom"),
            reference: Reference | None = None, processes: int = 1) -> pd.DataFrame:
    r"""Every slogan occurrence of every speech (see the module doc).  The inputs are the caller's:
    ``tokens`` (:func:`analysis.tokenize`) for the kinds ``repeated`` and ``idiom``, and the
    ``reference`` formulas are measured against for ``repeated`` (:func:`analysis.load_reference`,
    or :func:`analysis.no_reference`).  ``processes > 1`` finds them on that many processes
    (identical result).

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> an.slogans(sp, kinds=('parallel',))[['speech', 'frame', 'slot']].head(2).values.tolist()
    [[1, '抓□', '项目'], [1, '抓□', '招商']]
    """
    for k in kinds:
        check_choice("kinds", k, SLOGAN_KINDS)
    if tokens is None and {"repeated", "idiom"} & set(kinds):
        raise OptionError("slogans: the kinds 'repeated' and 'idiom' need the token table: "
                          "an.slogans(speeches, an.tokenize(speeches), ...)")
    if reference is None and "repeated" in kinds:
        raise OptionError("slogans: the kind 'repeated' needs a reference corpus: reference=an.load_reference() "
                          "(the 25 provincial reports) or reference=an.no_reference() (general Chinese only)")
    shown, speeches = speeches, working_texts(speeches)  # Traditional texts are read in Simplified
    rows = local_slogans(speeches, tokens, kinds=kinds, processes=processes)
    repeated = (repeated_rows(formulaic_occurrences(tokens, reference=reference), speeches)
                if "repeated" in kinds else None)
    return corpus_slogans(shown, rows, repeated, kinds=kinds, processes=processes)


def local_slogans(speeches: pd.DataFrame, tokens: pd.DataFrame | None, *, kinds: tuple[str, ...],
                  processes: int = 1) -> pd.DataFrame:
    """The slogan rows each speech gives on its own (quotation marks, frames, numbered formulas,
    sayings, idioms) of speeches in their working (Simplified) text: a corpus taken by chunks of
    documents gives, chunk after chunk, the rows it gives whole.  Equal strings share one object
    (:func:`analysis.caches.shared_strings`), so a large corpus's rows take little memory."""
    rows = map_speeches(_speech_slogans, speeches, processes=processes, kinds=tuple(kinds))
    if "idiom" in kinds:
        rows += _idioms(tokens)
    return shared_strings(pd.DataFrame(rows, columns=SLOGAN_COLUMNS))


def repeated_rows(found: pd.DataFrame, speeches: pd.DataFrame) -> pd.DataFrame:
    """Formulaic phrases the corpus repeats (:func:`.termhood.formulaic_occurrences`), as slogan rows;
    the surface may hold a filler the phrase skips (任务很艰巨 is 任务艰巨)."""
    text = dict(zip(speeches["speech"].tolist(), speeches["text"].tolist()))
    places = zip(found["speech"].tolist(), found["start"].tolist(), found["end"].tolist())
    surface = [text[s][a:b] for s, a, b in places]
    return shared_strings(pd.DataFrame({
        "speech": found["speech"], "slogan": found["phrase"], "surface": surface, "kind": "repeated",
        "evidence": found["evidence"], "frame": "", "slot": "", "start": found["start"], "end": found["end"],
        "masked": [bool(HOLDS_MASK.search(x)) for x in surface], "in_quotes": False}, columns=SLOGAN_COLUMNS))


#: The order of the kinds of slogans found at one place.
KIND_ORDER = ("quoted", "parallel", "numbered", "repeated", "idiom")


def corpus_slogans(shown: pd.DataFrame, rows: pd.DataFrame, repeated: pd.DataFrame | None, *,
                   kinds: tuple[str, ...], processes: int = 1) -> pd.DataFrame:
    """The slogan table of the speeches ``shown``, from their :func:`local_slogans` rows and
    :func:`repeated_rows`: a formula quoted in one speech is found unquoted in every other
    (``quoted elsewhere``), then every row is put in order of place."""
    frames = [rows]
    if "quoted" in kinds:
        marks = rows[rows["kind"] == "quoted"]
        formulas = _echo_formulas(marks)
        if formulas:
            spans: dict = {}
            for speech, a, b in zip(marks["speech"].tolist(), marks["start"].tolist(), marks["end"].tolist()):
                spans.setdefault(speech, []).append((a, b))
            echoes = map_speeches(_echoes, working_texts(shown), processes=processes, formulas=formulas, spans=spans)
            frames.append(pd.DataFrame(_mostly_unquoted_dropped(marks, echoes), columns=SLOGAN_COLUMNS))
    if repeated is not None:
        frames.append(repeated)
    frame = pd.concat([f for f in frames if len(f)], ignore_index=True) if any(len(f) for f in frames) else rows
    # one stable sort by place, then kind, then end, made of the columns' arrays: a large corpus's
    # millions of rows are copied once, not once per step
    kind = pd.Index(KIND_ORDER).get_indexer(frame["kind"])
    order = np.lexsort((frame["end"].to_numpy(), kind, frame["start"].to_numpy(), frame["speech"].to_numpy()))
    frame = frame.take(order).reset_index(drop=True)
    for column, dtype in (("masked", bool), ("in_quotes", bool), ("start", "int64"), ("end", "int64")):
        frame[column] = frame[column].astype(dtype)
    return original_surfaces(frame, shown)
