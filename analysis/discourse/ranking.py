"""Formulas ranked and tabled: which recur, how strongly each is a formula, which speeches use it.

:func:`recurring_slogans` ranks the formulas :func:`~analysis.slogans` found by a score
(:func:`formula_score`: evidence first, recurrence second; ``docs/formulas.md``);
:func:`slogan_matrix` is formula × speech; :func:`parallel_frames` lists the frames with
their fillers; :func:`formula_rows` is one row per occurrence, frames as their template,
each place once (what the tracker and the timeline count).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import check_choice
from ..segmentation.tokens import factorized
from .formula_row import SLOGAN_KINDS, evidence_rank
from .formula_uses import FormulaUses
from .lexicons import (
    FORMULA_LIST,
    IDIOM_BY_TAG,
    IDIOM_LEXICON,
    SAYING_BY_SHAPE,
    SET_EXPRESSION,
    enumerates,
    jieba_dictionary,
)

#: How formula-like each kind of evidence makes a phrase: the first component of the score.
#: A speaker's own quotation marks and self-counting (三个方面) say it most plainly; a set phrase
#: of the general dictionary least.
EVIDENCE_WEIGHT = {"quoted": 6.0, "quoted elsewhere": 5.0, "self-counting": 5.0, FORMULA_LIST: 4.5, "frame": 4.0,
                   "formula word": 4.0, IDIOM_LEXICON: 3.0, SET_EXPRESSION: 3.0, SAYING_BY_SHAPE: 3.0, "termhood": 2.0,
                   "set phrase": 1.0, IDIOM_BY_TAG: 1.0}
#: Recurrence adds up to 1 and saturates at this many documents: being in every document is no
#: more evidence of a formula than being in three.
SPREAD_SATURATES = 3
#: In a corpus of at least ``ORDINARY_FROM`` documents, a phrase in this share of them whose only
#: evidence is weaker than a frame is the corpus's ordinary vocabulary, and loses ``ORDINARY_PENALTY``.
ORDINARY_SHARE, ORDINARY_FROM, ORDINARY_PENALTY = 0.8, 10, 1.5
#: So is such a phrase quoted by fewer than this share of the documents using it, when it is a word
#: of general Chinese (jieba's dictionary): one report quoting 一体化, which all 25 use, does not
#: make the everyday word a formula.  专精特新, quoted by 2 of its 24, is no word of general Chinese.
QUOTED_SHARE = 0.25
#: A lone character in quotation marks is emphasis (一个人在家“守”着) as often as a label (姓“社”姓“资”,
#: “米”袋子), which one document's quotes cannot tell apart: unless this many documents quote it (“左”,
#: in seven congress reports), its quotes weigh as a set expression's, less than a frame's.
LONE_QUOTED_FROM = 2
LONE_QUOTE_WEIGHT = EVIDENCE_WEIGHT[SET_EXPRESSION]
#: A numbered formula that only counts what a speech is about to list (三个方面, 四点意见: its head is a
#: general one, :func:`.lexicons.enumerates`) is the field's everyday way of speaking, not a slogan: its
#: self-counting weighs as termhood does, below every frame.  两个维护, 五个必须 keep theirs.
ENUMERATION_WEIGHT = EVIDENCE_WEIGHT["termhood"]


def slogan_matrix(slogan_frame: pd.DataFrame, *, kinds: tuple[str, ...] | None = None,
                  top: int | None = None, min_documents: int = 1) -> pd.DataFrame:
    r"""Slogan-by-speech counts in long form, zeros included.

    Columns: ``formula``, ``kind``, ``speech``, ``n``.  Formulas in the order of
    :func:`recurring_slogans` (:func:`formula_score`: the evidence first, recurrence second, so
    that what every document of a large corpus says does not come first), then by uses and
    slogan; speeches in order.  ``min_documents`` keeps the formulas used in that many speeches
    or more; ``top=N`` keeps the first N.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度、抓项目。\n")).speeches
    >>> m = an.slogan_matrix(an.slogans(sp, kinds=('parallel',)), top=1)
    >>> m[['formula', 'speech', 'n']].values.tolist()
    [['抓项目', 1, 1], ['抓项目', 2, 1]]
    """
    if kinds is not None:
        for k in kinds:
            check_choice("kinds", k, SLOGAN_KINDS)
    f = slogan_frame if kinds is None else slogan_frame[slogan_frame["kind"].isin(kinds)]
    f = one_per_place(f[~f["masked"].astype(bool)])
    speeches = sorted(slogan_frame["speech"].unique())
    counts = f.groupby(["formula", "speech"]).size().rename("n").reset_index()
    g = f.assign(_e=evidence_rank(f["evidence"])).sort_values("_e", kind="mergesort").groupby("formula", sort=True)
    each = pd.DataFrame({"kind": f.groupby("formula")["kind"].agg(lambda k: sorted(set(k))[0]),
                         "evidence": g["evidence"].first(), "spread": counts.groupby("formula")["speech"].nunique(),
                         "total": counts.groupby("formula")["n"].sum()})
    rarely, emphasis = quote_weights(f, each.index, each["spread"])
    each["score"] = formula_score(each["evidence"], each["spread"], len(speeches), rarely_quoted=rarely,
                                  emphasis=emphasis, formulas=each.index)
    each = each[each["spread"] >= min_documents].reset_index()
    chosen = each.sort_values(["score", "total", "formula"], ascending=[False, False, True], kind="mergesort")
    chosen = chosen["formula"].tolist()[:top] if top is not None else chosen["formula"].tolist()
    full = pd.MultiIndex.from_product([chosen, speeches], names=["formula", "speech"])
    m = counts.set_index(["formula", "speech"])["n"].reindex(full, fill_value=0).reset_index()
    m["kind"] = m["formula"].map(each.set_index("formula")["kind"])
    return m[["formula", "kind", "speech", "n"]]


def one_per_place(f: pd.DataFrame) -> pd.DataFrame:
    """The rows of a slogan frame with each place counted once: where two kinds find the same
    slogan at overlapping offsets (“一把手” quoted, and 一把手 a formula word), the strongest stays."""
    f = f.assign(start=f["start"].astype("int64"), end=f["end"].astype("int64"))
    return f.iloc[_first_at_each_place(f["speech"].to_numpy(), f["formula"], f["start"].to_numpy(),
                                       f["end"].to_numpy(), f["evidence"])]


def _first_at_each_place(speech: np.ndarray, formula, start: np.ndarray, end: np.ndarray, evidence) -> np.ndarray:
    """The positions (in order) of the rows :func:`one_per_place` keeps."""
    code = factorized(np.asarray(formula, dtype=object))[0]
    # in order of speech, slogan (as a number: sorting millions of strings is slow), start, evidence
    order = _place_order(speech.astype(np.int64), code.astype(np.int64), start, evidence_rank(evidence))
    speech, code, start, end = speech[order], code[order], start[order], end[order]
    first = np.r_[True, (speech[1:] != speech[:-1]) | (code[1:] != code[:-1])] if len(order) else np.zeros(0, bool)
    # the furthest end so far in each group: the groups' ends raised by a step per group, so that one
    # running maximum over all rows starts again at each group
    step = np.int64(end.max() + 1) if len(end) else np.int64(1)
    raised = np.cumsum(first, dtype=np.int64) * step
    reach = np.maximum.accumulate(end + raised) - raised if len(end) else end
    same = ~first & (start < np.r_[np.iinfo(np.int64).min, reach[:-1]])
    return np.sort(order[~same])


def _place_order(speech: np.ndarray, code: np.ndarray, start: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """``np.lexsort((rank, start, code, speech))``, made as one integer per row when the four fit in
    64 bits: one sort of integers takes a fifth of the time of four sorts."""
    if not len(speech):
        return np.zeros(0, dtype=np.intp)
    speech = speech - speech.min()
    sizes = [int(x.max()) + 1 for x in (code, start, rank)]
    if (int(speech.max()) + 1) * sizes[0] * sizes[1] * sizes[2] >= 2 ** 63 or min(start.min(), rank.min()) < 0:
        return np.lexsort((rank, start, code, speech))
    key = ((speech * sizes[0] + code) * sizes[1] + start) * sizes[2] + rank
    return np.argsort(key, kind="stable")


def formula_rows(slogan_frame: pd.DataFrame) -> pd.DataFrame:
    """One row per occurrence of a formula: each slogan, and each frame as its template (抓□, 先□后□).
    Built from the columns' arrays, each copied once: a large corpus has millions of rows."""
    return joined_formula_rows([formula_row_parts(slogan_frame)])


def joined_formula_rows(parts: list[tuple[pd.DataFrame, pd.DataFrame]]) -> pd.DataFrame:
    """:func:`formula_rows` of a slogan frame from the :func:`formula_row_parts` of its pieces (each of
    whole speeches), in order: every piece's slogans, then every piece's templates, as in the whole."""
    if len(parts) == 1 and not len(parts[0][1]):
        return parts[0][0]
    frames = [f for f in [p[0] for p in parts] + [p[1] for p in parts] if len(f)] or [parts[0][0]]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)


def formula_row_parts(slogan_frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`formula_rows` of one piece of a slogan frame as two parts: its slogans' rows, then its
    templates' (:func:`joined_formula_rows` puts the parts of the pieces together)."""
    # a row without a formula (an empty cell of a table read back) names nothing to count
    named = pd.notna(slogan_frame["formula"].to_numpy(dtype=object))
    shown = np.flatnonzero(~slogan_frame["masked"].to_numpy(dtype=bool) & named)
    frames = shown[slogan_frame["kind"].to_numpy(dtype=object)[shown] == "parallel"]
    frames = frames[pd.notna(slogan_frame["frame"].to_numpy(dtype=object)[frames])]
    rows = np.r_[shown, frames]  # every slogan, then each frame member again as its template

    def column(name: str, instead: str | None = None) -> np.ndarray:
        values = slogan_frame[name].to_numpy()
        return np.r_[values[shown], slogan_frame[instead or name].to_numpy()[frames]]

    speech, formula, start = column("speech"), column("formula", "frame"), column("start").astype("int64")
    evidence = column("evidence")
    keep = _first_at_each_place(speech, formula, start, column("end").astype("int64"), evidence)
    kind = slogan_frame["kind"].to_numpy(dtype=object)[rows[keep]]
    out = pd.DataFrame({"speech": speech[keep], "formula": formula[keep], "kind": kind,
                        "evidence": evidence[keep], "start": start[keep]})
    cut = int(np.searchsorted(keep, len(shown)))  # keep is in order: the slogans' rows come first
    return out.iloc[:cut], out.iloc[cut:]


def recurring_slogans(slogan_frame: pd.DataFrame, *, min_documents: int = 2,
                      corpus_size: int | None = None) -> pd.DataFrame:
    r"""Formulas used in ``min_documents`` documents or more, parallel frames among them as their
    template (抓□, 先□后□).

    Columns: ``formula``, ``kind`` and ``evidence`` (the strongest reason it is a formula, in
    the order of :data:`.formula_row.EVIDENCE`: quoted, quoted elsewhere, self-counting, frame, formula
    word, idiom from the lexicon, termhood, set phrase, idiom by jieba's tag), ``n_kinds``
    (how many kinds of evidence found it), ``n_documents`` (the documents that use it), ``n``, ``score``
    (:func:`formula_score`: the evidence first, recurrence second, so that what every
    document of a large corpus says does not rank above its formulas; ``corpus_size`` is
    the corpus's size, by default the documents ``slogan_frame`` holds).  Which speeches use
    it is :func:`slogan_matrix`.  Sorted by score, then ``n`` descending, then slogan.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度、抓投产。\n")).speeches
    >>> found = an.slogans(sp, kinds=('parallel',))
    >>> an.recurring_slogans(found)[['formula', 'evidence', 'n_documents']].values.tolist()
    [['抓□', 'frame', 2]]
    """
    uses = FormulaUses.of([formula_row_parts(slogan_frame)])
    return recurring_formulas(uses, min_documents=min_documents,
                              corpus_size=corpus_size or slogan_frame["speech"].nunique())


def recurring_formulas(uses: FormulaUses, *, min_documents: int, corpus_size: int) -> pd.DataFrame:
    """:func:`recurring_slogans` from the formulas' uses, gathered a piece of the slogan table at a
    time (:class:`.formula_uses.FormulaUses`): a large corpus's occurrences are never held at once."""
    out = uses.summary().drop(columns="_number")
    out = out[out["n_documents"] >= min_documents]
    rarely, emphasis = quoting_weights(out["quoting"].to_numpy(), out["formula"], out["n_documents"])
    out["score"] = formula_score(out["evidence"], out["n_documents"], corpus_size,
                                 rarely_quoted=rarely, emphasis=emphasis, formulas=out["formula"])
    out = out.sort_values(["score", "n", "formula"], ascending=[False, False, True], kind="mergesort")
    return out.drop(columns=["_e", "quoting"]).reset_index(drop=True)


def formula_score(evidence: pd.Series, n_documents: pd.Series, corpus_size: int, *,
                  rarely_quoted=None, emphasis=None, formulas=None) -> pd.Series:
    """How formula-like a phrase is, for ranking: the weight of its evidence
    (:data:`EVIDENCE_WEIGHT`), plus up to 1 for recurring (saturating at
    :data:`SPREAD_SATURATES` documents), less :data:`ORDINARY_PENALTY` when it is the corpus's
    ordinary vocabulary: in nearly every document of a large corpus, with evidence weaker than a
    frame, or with quotation marks as evidence when it is ``rarely_quoted`` (in the order of
    ``evidence``; without it, how often a phrase is quoted is not weighed).  The quotes of a lone
    character that may be ``emphasis`` weigh :data:`LONE_QUOTE_WEIGHT` (both: :func:`quote_weights`).
    ``formulas`` (in the same order): the self-counting of one that only enumerates (三个方面) weighs
    :data:`ENUMERATION_WEIGHT`.

    >>> import pandas as pd
    >>> formula_score(pd.Series(["quoted", "set phrase"]), pd.Series([2, 12]), 12).round(2).tolist()
    [6.67, 0.5]
    >>> formula_score(pd.Series(["quoted", "quoted"]), pd.Series([12, 12]), 12, rarely_quoted=[True, False]).tolist()
    [5.5, 7.0]
    >>> formula_score(pd.Series(["quoted", "quoted"]), pd.Series([1, 1]), 5, emphasis=[True, False]).round(2).tolist()
    [3.33, 6.33]
    >>> formula_score(pd.Series(["self-counting"] * 2), pd.Series([3, 3]), 5,
    ...               formulas=["八个方面", "两个维护"]).tolist()
    [3.0, 6.0]
    """
    # numbers even when there is no evidence: with pyarrow installed an empty str column maps to an empty
    # str column, which then cannot be added to
    weight = evidence.map(EVIDENCE_WEIGHT).astype(float).fillna(1.0)
    if formulas is not None:
        counting = np.flatnonzero((evidence == "self-counting").to_numpy())
        listing = np.zeros(len(evidence), dtype=bool)
        # only the self-counting ones asked, from an object array: a str column read an element at a time is slow
        listing[counting] = [enumerates(f) for f in np.asarray(formulas, dtype=object)[counting].tolist()]
        weight = weight.where(~listing, ENUMERATION_WEIGHT)
    if emphasis is not None:  # only the quotes are discounted: a lone formula word (抓) keeps its weight
        quotes = evidence.isin(["quoted", "quoted elsewhere"]).to_numpy()
        weight = weight.where(~(np.asarray(emphasis, dtype=bool) & quotes), LONE_QUOTE_WEIGHT)
    spread = np.minimum(n_documents, SPREAD_SATURATES) / SPREAD_SATURATES
    weak = (weight < 4).to_numpy()
    if rarely_quoted is not None:
        weak = weak | (evidence.isin(["quoted", "quoted elsewhere"]).to_numpy() & np.asarray(rarely_quoted, dtype=bool))
    ordinary = (corpus_size >= ORDINARY_FROM) & (np.asarray(n_documents) / max(corpus_size, 1) >= ORDINARY_SHARE) & weak
    return weight + spread - ORDINARY_PENALTY * ordinary


def quote_weights(rows: pd.DataFrame, formulas, n_documents) -> tuple[np.ndarray, np.ndarray]:
    """For :func:`formula_score`, from how many documents quote each of ``formulas`` (used in
    ``n_documents``; ``rows``: :func:`formula_rows` or a slogan frame): whether it is *rarely quoted*
    (a word of general Chinese that fewer than :data:`QUOTED_SHARE` of those documents put in
    quotation marks) and whether its quotes may be *emphasis* (a lone character that fewer than
    :data:`LONE_QUOTED_FROM` documents quote; only its quotes are discounted).

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"formula": ["一体化", "专精特新", "守", "左", "左"], "speech": [1, 1, 1, 1, 2],
    ...                      "evidence": ["quoted"] * 5})
    >>> rarely, emphasis = quote_weights(rows, ["一体化", "专精特新", "守", "左"], [25, 24, 1, 2])
    >>> rarely.tolist(), emphasis.tolist()
    ([True, False, False, False], [False, False, True, False])
    """
    formulas = pd.Index(list(formulas))
    quoted = rows[rows["evidence"].to_numpy(dtype=object) == "quoted"]
    quoting = quoted.groupby("formula")["speech"].nunique().reindex(formulas, fill_value=0).to_numpy()
    return quoting_weights(quoting, formulas, n_documents)


def quoting_weights(quoting: np.ndarray, formulas, n_documents) -> tuple[np.ndarray, np.ndarray]:
    """:func:`quote_weights` from how many documents quote each formula (``quoting``)."""
    names = np.asarray(formulas, dtype=object).tolist()  # at once: a str column read an element at a time is slow
    general = jieba_dictionary().frequencies(names) > 0
    rarely = general & (quoting < QUOTED_SHARE * np.asarray(n_documents, dtype=float))
    emphasis = np.fromiter(map(len, names), dtype=np.int64, count=len(names)) == 1
    emphasis &= quoting < LONE_QUOTED_FROM
    return rarely, emphasis


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
        # a mask, not a list: an empty list would select no columns
        counted = counted[np.fromiter((k in keep for k in zip(counted["speech"], counted["frame"])), dtype=bool,
                                      count=len(counted))]
    return counted[cols].reset_index(drop=True)
