"""Slogans: the formulas of political speech as units of analysis.

:func:`slogans` returns one row per occurrence, of six kinds:

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
* ``listed``: the national formulas of :data:`.lexicons.NATIONAL_FORMULAS` (小康社会, 依法治国).
* ``idiom``: four-character idioms and set phrases tagged ``i`` / ``l`` by jieba.

Columns: ``speech``, ``formula`` (normalised form), ``surface`` (as written),
``kind``, ``frame``, ``slot``, ``start``, ``end`` (offsets in the speech text),
``masked``, ``in_quotes``.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from ..caches import shared_strings
from ..chinese import HAN, HOLDS_MASK, PATTERN_SPACES, QUOTATION, SENTENCE_MARKS, char_table, code_points
from ..errors import OptionError, check_choice
from ..parallel import map_speeches
from ..reading.script import original_surfaces, working_texts
from ..segmentation.tokens import factorized, per_distinct
from .formula_row import SLOGAN_COLUMNS, SLOGAN_KINDS, normal_form
from .formula_row import occurrence_row as _row
from .frames import frame_rows
from .lexicons import (
    FORMULA_VARIANTS,
    IDIOM_INSERT,
    NATIONAL_FORMULAS,
    NUMBERED_FORMULA,
    SAYING_BY_SHAPE,
    SAYING_COMMAS,
    SAYING_SHAPES,
    SET_EXPRESSIONS,
    idiom_evidence,
    idiom_lexicon,
    numbered_key,
)
from .numbered import numbered_matches
from .reference import Reference
from .termhood import FormulaMeasures, measure_formulas

_SENTENCE_MARK = re.compile(f"[{SENTENCE_MARKS}]")
_HAN_CHAR = re.compile(f"[{HAN}]")


def _quoted_marks(speech, text: str) -> list[dict]:
    rows = []
    for m in QUOTATION.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if _SENTENCE_MARK.search(inner) or not _HAN_CHAR.search(inner):
            continue  # a quoted sentence is a citation, a quoted number (“12345”) a hotline or a code
        formula = normal_form(inner)
        if NUMBERED_FORMULA.fullmatch(formula):  # “7个抓” is the 七个抓 the speech counts
            formula = numbered_key(formula)
        rows.append(_row(speech, formula, m.group(0), "quoted", m.start(), m.end(), in_quotes=True))
    return rows


def _echoes(speech, text: str, *, formulas: tuple[str, ...], spans: dict) -> list[tuple]:
    """A formula quoted somewhere, used here without quotes (outside this speech's quotes), as
    ``(speech, the formula's place in formulas, start, end)``: a large corpus has millions, so no
    dict (and no string) per row."""
    covered = bytearray(len(text))
    for a, b in spans.get(speech, ()):
        covered[a:b] = b"\x01" * (b - a)
    place = _places_of(formulas)
    return [(speech, place[m.group(0)], m.start(), m.end()) for m in _finder(formulas)(text) if not covered[m.start()]]


@lru_cache(maxsize=4)
def _places_of(formulas: tuple[str, ...]) -> dict[str, int]:
    return {f: k for k, f in enumerate(formulas)}


def quoted_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`local_slogans` that are quotation marks (kind ``quoted``)."""
    return rows[rows["kind"] == "quoted"]


def quoted_tally(marks: pd.DataFrame) -> pd.DataFrame:
    """The quotation marks (:func:`quoted_rows`) counted: per ``formula`` and ``masked``, ``n``.  All
    that the formulas quoted elsewhere need of them; a corpus's is the sum of its chunks'
    (:func:`summed_tally`), a few thousand rows where the marks of a large corpus are millions."""
    masked = marks["masked"].astype(bool)
    return pd.DataFrame({"formula": marks["formula"].to_numpy(), "masked": masked.to_numpy()}).groupby(
        ["formula", "masked"], as_index=False).size().rename(columns={"size": "n"})


def summed_tally(tallies: list[pd.DataFrame]) -> pd.DataFrame:
    """The :func:`quoted_tally` of chunks, summed."""
    return pd.concat(tallies, ignore_index=True).groupby(["formula", "masked"], as_index=False)["n"].sum()


def quoted_spans(marks: pd.DataFrame) -> dict:
    """Where each speech's quotation marks (:func:`quoted_rows`) stand: speech -> ``[(start, end), ...]``
    (a formula inside them is quoted there, not an echo)."""
    spans: dict = {}
    for speech, a, b in zip(marks["speech"].tolist(), marks["start"].tolist(), marks["end"].tolist()):
        spans.setdefault(speech, []).append((a, b))
    return spans


def chunk_echoes(chunk: tuple, *, formulas: tuple[str, ...]) -> tuple[np.ndarray, ...]:
    """The echoes of ``formulas`` in a chunk of documents (its speeches, their working texts and
    :func:`quoted_spans`), as :func:`echo_columns`."""
    speeches, texts, spans = chunk
    return echo_columns([row for speech, text in zip(speeches, texts)
                         for row in _echoes(speech, text, formulas=formulas, spans=spans)])


def echo_columns(echoes: list[tuple]) -> tuple[np.ndarray, ...]:
    """Rows of :func:`_echoes` as four arrays: speech, the formula's place in the formulas, start, end
    (a few bytes a row for a worker to send back; joined chunk after chunk by concatenation)."""
    if not echoes:
        return tuple(np.zeros(0, dtype=np.int64) for _ in range(4))
    speech, formula, start, end = zip(*echoes)
    return (np.array(speech), np.array(formula, dtype=np.int64), np.array(start, dtype=np.int64),
            np.array(end, dtype=np.int64))


def joined_echoes(parts) -> tuple[np.ndarray, ...]:
    """The :func:`echo_columns` of several chunks, one after the other."""
    parts = [p for p in parts if len(p[0])] or [echo_columns([])]
    return tuple(np.concatenate([p[k] for p in parts]) for k in range(4))


def _echo_rows(echoes: tuple[np.ndarray, ...], formulas: tuple[str, ...]) -> pd.DataFrame:
    """The echoes (:func:`echo_columns`) as slogan rows, each formula one string object (formula and
    surface alike)."""
    speech, code, start, end = echoes
    if not len(speech):
        return pd.DataFrame(columns=SLOGAN_COLUMNS)
    formula = np.array(formulas, dtype=object)[code].tolist()
    return pd.DataFrame({"speech": speech.tolist(), "formula": formula, "surface": formula, "kind": "quoted",
                         "evidence": "quoted elsewhere", "frame": "", "slot": "", "start": start.tolist(),
                         "end": end.tolist(), "masked": False, "in_quotes": False}, columns=SLOGAN_COLUMNS)


#: A quoted word's unquoted uses count as the formula only while this share of its uses is quoted:
#: a word quoted once and used unquoted a hundred times (示范区) is an ordinary word someone stressed.
MIN_QUOTED_SHARE = 0.1


def echoes_counted(tally: pd.DataFrame, echoes: tuple[np.ndarray, ...], formulas: tuple[str, ...]) -> np.ndarray:
    """Whether the unquoted uses of each of ``formulas`` count (by its place in them): while
    :data:`MIN_QUOTED_SHARE` of its uses in the corpus (the quotation marks, as :func:`quoted_tally`,
    and ``echoes``, every unquoted use, as :func:`echo_columns`) are quoted."""
    quoted = tally.groupby("formula")["n"].sum().reindex(list(formulas), fill_value=0).to_numpy()
    unquoted = np.bincount(echoes[1], minlength=len(formulas))
    return quoted / (quoted + unquoted) >= MIN_QUOTED_SHARE  # each formula is quoted once at least


def counted_echo_rows(echoes: tuple[np.ndarray, ...], formulas: tuple[str, ...], counted: np.ndarray) -> pd.DataFrame:
    """The echoes (:func:`echo_columns`, of the corpus or of a chunk) of the formulas whose unquoted
    uses count (:func:`echoes_counted`), as slogan rows."""
    keep = counted[echoes[1]]
    return _echo_rows(tuple(column[keep] for column in echoes), formulas)


def echo_formulas(tally: pd.DataFrame) -> tuple[str, ...]:
    """The formulas in quotation marks (:func:`quoted_tally`) that are looked for unquoted everywhere
    (unmasked, three characters or more), longest first, so that the longest formula wins."""
    wanted = tally.loc[~tally["masked"].astype(bool) & (tally["formula"].str.len() >= 3), "formula"]
    return tuple(sorted(set(wanted.tolist()), key=lambda s: (-len(s), s)))


@lru_cache(maxsize=4)
def _finder(words: tuple[str, ...]):
    """A function giving what ``re.compile(trie_pattern(words)).finditer(text)`` gives, trying
    the pattern only where a word's first characters stand (up to three; found with numpy
    over the code points): a regex alternation of hundreds of branches is otherwise tried
    branch by branch at every position of the text."""
    pattern = re.compile(trie_pattern(words))
    k = min(3, min(len(w) for w in words))
    starts = np.array(sorted({_prefix_key(w[:k]) for w in words}), dtype=np.int64)
    first = np.zeros(0x110000, dtype=bool)  # the characters a word begins with
    first[[ord(w[0]) for w in words]] = True
    buckets = np.zeros(1 << _BUCKET_BITS, dtype=bool)  # a bit per hash of a word's first k characters
    buckets[_bucket(starts)] = True

    def find_all(text: str):
        points = code_points(text).astype(np.int64)
        if len(points) < k:
            return []
        places = np.flatnonzero(first[points[:len(points) - k + 1]])  # then the first k characters there
        keys = points[places]
        for j in range(1, k):
            keys = (keys << 21) | points[places + j]
        maybe = buckets[_bucket(keys)]  # most places fail here, without a search
        places, keys = places[maybe], keys[maybe]
        at = np.minimum(np.searchsorted(starts, keys), len(starts) - 1)
        return _matches_from(pattern, text, places[starts[at] == keys])

    return find_all


_BUCKET_BITS = 22


def _bucket(keys: np.ndarray) -> np.ndarray:
    """A multiplicative hash of prefix keys into :data:`_BUCKET_BITS` bits."""
    return ((keys.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(64 - _BUCKET_BITS)).astype(np.int64)


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


def _numbered(speech, text: str) -> list[dict]:
    """Self-counting formulas, their numeral in Chinese (3个方面 and 三个方面 are one)."""
    return [_row(speech, formula, surface, "numbered", start, end)
            for start, end, surface, formula in numbered_matches(text)]




def _saying_key(shape: str, m: re.Match) -> str:
    """One form for a saying and its variant, written with a comma: the first in character order
    of 言必信，行必果 and 言必行，信必果, and of a chiasmus's two halves in either order
    (店大欺客，客大欺店 and 客大欺店，店大欺客)."""
    if shape == "X必Y，Z必W":
        x, y, z, w = m.groups()
        return min(f"{x}必{y}，{z}必{w}", f"{x}必{z}，{y}必{w}")
    a, b, c, d = m.groups()
    return min(f"{a}{b}{c}{d}，{d}{b}{c}{a}", f"{d}{b}{c}{a}，{a}{b}{c}{d}")


def _idiom_variants(speech, text: str) -> list[dict]:
    """Idioms written with a word put between their halves (心中要有数): the idiom, as written,
    with the evidence of the idiom itself."""
    rows = []
    for m in IDIOM_INSERT.finditer(text, 2):
        at = m.start()
        word = text[at - 2:at] + text[at + 1:at + 3]
        evidence = idiom_evidence(word) if len(word) == 4 else ""
        if evidence:
            rows.append(_row(speech, word, text[at - 2:at + 3], "idiom", at - 2, at + 3, evidence=evidence))
    return rows


def _sayings(speech, text: str) -> list[dict]:
    """Sayings by their shape (:data:`.lexicons.SAYING_SHAPES`), variants as one."""
    points = code_points(text).astype(np.int64)
    return [_row(speech, _saying_key(shape, m), m.group(0), "idiom", m.start(), m.end(), evidence=SAYING_BY_SHAPE)
            for shape, pattern in SAYING_SHAPES.items()
            for m in _matches_from(pattern, text, _saying_places(shape, points))]


def _saying_places(shape: str, points: np.ndarray) -> np.ndarray:
    """Where a saying of ``shape`` can begin, found with numpy over the code points: the shape's
    pattern is then tried there only, not at each of a corpus's millions of characters.
    X必Y，Z必W has 必 second; ABCD，DBCA has D, B, C, A again after the optional comma and spaces."""
    if shape == "X必Y，Z必W":
        return np.flatnonzero(points[1:] == ord("必"))
    if shape != "ABCD，DBCA":  # a shape this does not know: tried everywhere
        return np.arange(len(points))
    n = len(points)
    if n < 8:
        return np.zeros(0, dtype=np.intp)
    at = np.arange(n)
    # the first character at or after each place that is not a space (n where none is)
    not_space = np.minimum.accumulate(np.where(_SPACE[points], n, at)[::-1])[::-1]
    first = at[:n - 7]
    half = first + 4 + _COMMA[points[first + 4]]  # the optional comma after the first half
    half = np.r_[not_space, n][half]  # then the spaces
    fits = half + 3 < n
    first, half = first[fits], half[fits]
    same = ((points[half] == points[first + 3]) & (points[half + 1] == points[first + 1])
            & (points[half + 2] == points[first + 2]) & (points[half + 3] == points[first]))
    return first[same]


_COMMA, _SPACE = char_table(SAYING_COMMAS), char_table(PATTERN_SPACES)


def _matches_from(pattern: re.Pattern, text: str, places) -> list[re.Match]:
    """What ``pattern.finditer(text)`` finds, when every match begins at one of ``places`` (in
    order): the pattern is tried at those places only, and a match hides the places it covers."""
    found, last = [], 0
    for i in places.tolist():
        if i < last:
            continue
        m = pattern.match(text, i)
        if m:
            found.append(m)
            last = m.end()
    return found


#: The national formulas, longest first (the finder takes the longest at a place).
def listed_formulas(formulas) -> tuple[str, ...]:
    """Formulas to find as written, in their normal form, longest first (the finder takes the
    longest at a place); ``None`` is the national formulas.  The variants of those listed
    (:data:`.lexicons.FORMULA_VARIANTS`: 跨越发展) are found too, and counted as their formula."""
    words = NATIONAL_FORMULAS if formulas is None else formulas
    if isinstance(words, str):
        raise OptionError("formulas: give a list of formulas (['一号工程', '双招双引']), not one string")
    normal = {normal_form(w) for w in words if normal_form(w)}
    normal |= {variant for variant, formula in FORMULA_VARIANTS.items() if formula in normal}
    return tuple(sorted(normal, key=lambda w: (-len(w), w)))


_LISTED = listed_formulas(None)


def _speech_slogans(speech, text: str, *, kinds: tuple[str, ...], listed: tuple[str, ...] = _LISTED) -> list[dict]:
    """The slogans of one speech that need no other speech: quotation marks, parallel
    frames, numbered formulas."""
    rows = _quoted_marks(speech, text) if "quoted" in kinds else []
    if "parallel" in kinds:
        rows += frame_rows(speech, text)
    if "numbered" in kinds:
        rows += _numbered(speech, text)
    if "listed" in kinds and listed:
        rows += [_row(speech, FORMULA_VARIANTS.get(m.group(0), m.group(0)), m.group(0), "listed", m.start(), m.end())
                 for m in _finder(listed)(text)]
    if "idiom" in kinds:
        rows += _sayings(speech, text) + _idiom_variants(speech, text)
    return rows


def _idioms(tokens: pd.DataFrame) -> list[dict]:
    """Four-character words of the idiom lexicon, or tagged ``i`` / ``l`` with the shape of one; an
    idiom jieba cuts into two to four words (全力/以赴) is found across them: only runs that open on
    the beginning of an idiom and close on the end of one are joined and looked up."""
    t = tokens if _in_order(tokens) else tokens.sort_values(["speech", "position"], kind="mergesort")
    token, speech = t["token"].to_numpy(dtype=object), t["speech"].to_numpy()
    start, end, pos = t["start"].to_numpy(), t["end"].to_numpy(), t["pos"].to_numpy(dtype=object)
    codes, types = factorized(token)
    opens, closes = (part[codes] for part in _idiom_parts(types.tolist()))
    tagged = per_distinct(pos, {"i", "l"}.__contains__)
    rows = []
    for size in range(1, 5):
        last = np.minimum(np.arange(len(t)) + size - 1, max(len(t) - 1, 0))
        near = (speech[last] == speech) & (end[last] - start == 4)
        near &= (tagged | opens) if size == 1 else opens & closes[last]
        for i in np.flatnonzero(near).tolist():
            word = "".join(token[i:i + size])
            evidence = idiom_evidence(word, pos[i] if size == 1 else None) if len(word) == 4 else ""
            if evidence:
                rows.append(_row(speech[i].item(), word, word, "idiom", int(start[i]), int(end[last[i]]),
                                 evidence=evidence))
    return rows


def _in_order(tokens: pd.DataFrame) -> bool:
    """Whether the token table is in speech order, then position (as :func:`analysis.tokenize` gives it)."""
    speech, position = tokens["speech"].to_numpy(), tokens["position"].to_numpy()
    later = speech[1:] > speech[:-1]
    return bool(np.all(later | ((speech[1:] == speech[:-1]) & (position[1:] > position[:-1]))))


@lru_cache(maxsize=1)
def _idiom_index() -> tuple[np.ndarray, np.ndarray]:
    """The lexicon's idioms and the set expressions (all of four characters), sorted, and the
    same read backwards, sorted."""
    lexicon = idiom_lexicon() | SET_EXPRESSIONS
    return np.array(sorted(lexicon)), np.array(sorted(w[::-1] for w in lexicon))


def _idiom_parts(types: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Which of these words begin an idiom (one to four characters) and which end one (one to
    three).  A prefix search in the sorted idioms: the first idiom not below a word begins with it
    if any idiom does."""
    forward, backward = _idiom_index()
    # numpy's strings drop trailing NULs: a word with one is no part of an idiom
    length = np.array([len(w) if "\x00" not in w else 0 for w in types], dtype=int)

    def begins(words: list[str], sorted_idioms: np.ndarray) -> np.ndarray:
        query = np.array(words, dtype=sorted_idioms.dtype) if words else np.zeros(0, dtype=sorted_idioms.dtype)
        at = np.minimum(np.searchsorted(sorted_idioms, query), len(sorted_idioms) - 1)
        return np.char.startswith(sorted_idioms[at], query) if len(query) else np.zeros(0, dtype=bool)

    opens = begins(types, forward) & (length >= 1) & (length <= 4)
    closes = begins([w[::-1] for w in types], backward) & (length >= 1) & (length <= 3)
    return opens, closes


def slogans(speeches: pd.DataFrame, tokens: pd.DataFrame | None = None, *,
            kinds: tuple[str, ...] = SLOGAN_KINDS,
            reference: Reference | None = None, measured: FormulaMeasures | None = None,
            formulas=None, processes: int = 1) -> pd.DataFrame:
    r"""Every slogan occurrence of every speech (see the module doc).  The inputs are the caller's:
    ``tokens`` (:func:`analysis.tokenize`) for the kinds ``repeated`` and ``idiom``, and the
    ``reference`` formulas are measured against for ``repeated`` (:func:`analysis.load_reference`,
    or :func:`analysis.no_reference`), or what :func:`analysis.measure_formulas` measured already
    (``measured=``).  ``formulas``: the formulas the kind ``listed`` finds as written (default
    the national formulas of :data:`.lexicons.NATIONAL_FORMULAS`; add your own with
    ``formulas=an.NATIONAL_FORMULAS | {"双招双引"}``).  ``processes > 1`` finds them on that many
    processes (identical result).

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
    if reference is None and measured is None and "repeated" in kinds:
        raise OptionError("slogans: the kind 'repeated' needs a reference corpus: reference=an.load_reference() "
                          "(the 25 provincial reports) or reference=an.no_reference() (general Chinese only)")
    shown, speeches = speeches, working_texts(speeches)  # Traditional texts are read in Simplified
    rows = local_slogans(speeches, tokens, kinds=kinds, formulas=formulas, processes=processes)
    if "repeated" in kinds and measured is None:
        measured = measure_formulas(tokens, reference=reference)
    repeated = repeated_rows(measured.occurrences, speeches) if "repeated" in kinds else None
    return corpus_slogans(shown, rows, repeated, kinds=kinds, processes=processes)


def local_slogans(speeches: pd.DataFrame, tokens: pd.DataFrame | None, *, kinds: tuple[str, ...],
                  formulas=None, processes: int = 1) -> pd.DataFrame:
    """The slogan rows each speech gives on its own (quotation marks, frames, numbered formulas,
    sayings, idioms) of speeches in their working (Simplified) text: a corpus taken by chunks of
    documents gives, chunk after chunk, the rows it gives whole.  Equal strings share one object
    (:func:`analysis.caches.shared_strings`), so a large corpus's rows take little memory."""
    rows = map_speeches(_speech_slogans, speeches, processes=processes, kinds=tuple(kinds),
                        listed=listed_formulas(formulas))
    if "idiom" in kinds:
        rows += _idioms(tokens)
    return shared_strings(pd.DataFrame(rows, columns=SLOGAN_COLUMNS))


def repeated_rows(found: pd.DataFrame, speeches: pd.DataFrame) -> pd.DataFrame:
    """Formulaic phrases the corpus repeats (the ``occurrences`` of :func:`.termhood.measure_formulas`), as slogan rows;
    the surface may hold a filler the phrase skips (任务很艰巨 is 任务艰巨)."""
    phrase = found["phrase"].to_numpy(dtype=object)
    start, end = found["start"].to_numpy(), found["end"].to_numpy()
    codes, phrases = factorized(phrase)
    # where no filler was skipped the surface is the phrase itself: one object, not a slice per use
    surface = phrase.copy()
    skipped = np.flatnonzero(end - start != np.array([len(p) for p in phrases] + [0], dtype=np.int64)[codes])
    if len(skipped):
        text = dict(zip(speeches["speech"].tolist(), speeches["text"].tolist()))
        one: dict[str, str] = {}  # equal slices made one object too
        cut = np.empty(len(skipped), dtype=object)
        for k, (s, a, b) in enumerate(zip(found["speech"].to_numpy()[skipped].tolist(), start[skipped].tolist(),
                                          end[skipped].tolist())):
            cut[k] = one.setdefault(text[s][a:b], text[s][a:b])
        surface[skipped] = cut
    return pd.DataFrame({
        "speech": found["speech"], "formula": found["phrase"], "surface": surface, "kind": "repeated",
        "evidence": found["evidence"], "frame": "", "slot": "", "start": found["start"], "end": found["end"],
        "masked": per_distinct(surface, HOLDS_MASK.search), "in_quotes": False}, columns=SLOGAN_COLUMNS,
        copy=False)  # its millions of rows not copied again into blocks of one dtype


#: The order of the kinds of slogans found at one place.
KIND_ORDER = ("quoted", "parallel", "numbered", "listed", "repeated", "idiom")


def corpus_slogans(shown: pd.DataFrame, rows: pd.DataFrame, repeated: pd.DataFrame | None, *,
                   kinds: tuple[str, ...], processes: int = 1) -> pd.DataFrame:
    """The slogan table of the speeches ``shown``, from their :func:`local_slogans` rows and
    :func:`repeated_rows`: a formula quoted in one speech is found unquoted in every other
    (``quoted elsewhere``), then every row is put in order of place.  (A corpus taken by chunks finds
    those places chunk by chunk, :func:`chunk_echoes`, and merges each chunk's rows on its own.)"""
    echoed = None
    if "quoted" in kinds:
        marks = quoted_rows(rows)
        tally = quoted_tally(marks)
        formulas = echo_formulas(tally)
        if formulas:
            echoes = echo_columns(map_speeches(_echoes, working_texts(shown), processes=processes,
                                               formulas=formulas, spans=quoted_spans(marks)))
            echoed = counted_echo_rows(echoes, formulas, echoes_counted(tally, echoes, formulas))
            del echoes
    return merged_slogans(shown, rows, echoed, repeated)


def merged_slogans(shown: pd.DataFrame, rows: pd.DataFrame, echoed: pd.DataFrame | None,
                   repeated: pd.DataFrame | None) -> pd.DataFrame:
    """The slogan table of the speeches ``shown`` from their own rows, the formulas quoted elsewhere
    they use (``echoed``) and the repeated phrases, in order of place.  Each speech's rows are its
    own, so a corpus taken by chunks of whole speeches is merged chunk by chunk."""
    frames = [f for f in (rows, echoed, repeated) if f is not None and len(f)] or [rows]
    return original_surfaces(in_order_of_place(frames), shown)


def in_order_of_place(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The slogan rows of ``frames`` in one table, in order of place, then kind, then end (one
    stable sort), made column by column: a large corpus's millions of rows are copied once, and
    never held twice whole (a concatenation, then a sorted copy of it, would hold them three times)."""
    def joined(column: str) -> pd.Series:
        return pd.concat([f[column] for f in frames], ignore_index=True) if len(frames) > 1 else frames[0][column]

    # the first columns of the table are kept from the sort; the offsets, its last, are joined again
    # there rather than held through the loop (at 100x, 74 MiB)
    keys = {column: joined(column) for column in ("speech", "kind")}
    kind = pd.Index(KIND_ORDER).get_indexer(keys["kind"])
    order = np.lexsort((joined("end").to_numpy(), kind, joined("start").to_numpy(), keys["speech"].to_numpy()))
    dtypes = {"masked": bool, "in_quotes": bool, "start": "int64", "end": "int64"}
    columns = {}
    for column in frames[0].columns:
        values = (keys.pop(column) if column in keys else joined(column)).take(order).reset_index(drop=True)
        columns[column] = values.astype(dtypes[column]) if column in dtypes else values
    return pd.DataFrame(columns, copy=False)  # not copied again into blocks of one dtype
