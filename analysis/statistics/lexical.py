"""Per-speech lexical statistics: size, richness, sentence length, masking, spoken register."""
from __future__ import annotations

import numpy as np
import pandas as pd

#: Oral particles and fillers of spoken Chinese; with 我讲 and the second person
#: they make up ``spoken_per_1k`` in :func:`lexical_stats`.
ORAL_MARKERS = ("那么", "呢", "啊", "吧", "嘛", "呀", "哦", "哈", "这个", "那个", "就是说", "应该说",
                "所谓", "其实", "反正", "的话", "一下", "怎么", "什么")
FIRST_PERSON = ("我", "我们", "咱们", "俺")
SECOND_PERSON = ("你", "你们", "您")
DIRECTIVE = ("要",)


def _mattr(words, window: int) -> float:
    """Moving-average type/token ratio, summed without sliding a window: a word counts in
    every window that holds it and not its previous occurrence (exact integer sums).
    ``words`` may be the words or integer codes of them."""
    n = len(words)
    if n < window:
        return len(set(words)) / n if n else float("nan")
    codes = np.asarray(words)
    if codes.dtype.kind not in "iu":
        codes = pd.factorize(pd.Series(words, dtype=object))[0]
    order = np.argsort(codes, kind="stable")
    prev = np.full(n, -1, dtype=np.int64)
    same = codes[order[1:]] == codes[order[:-1]]
    prev[order[1:][same]] = order[:-1][same]
    i = np.arange(n, dtype=np.int64)
    first = np.maximum(np.maximum(prev + 1, i - window + 1), 0)  # first window start holding i, not prev
    last = np.minimum(i, n - window)  # last window start holding i
    total = int(np.clip(last - first + 1, 0, None).sum())
    return total / ((n - window + 1) * window)


def lexical_stats(tokens: pd.DataFrame, *, mattr_window: int = 100) -> pd.DataFrame:
    r"""Size, richness, sentence length, masking and spoken-register markers per speech.

    Columns: ``speech``, ``n_tokens`` (words, punctuation excluded), ``n_types``,
    ``ttr``, ``mattr`` (moving-average TTR over ``mattr_window`` words),
    ``n_sentences``, ``sentence_mean``, ``sentence_sd`` (words per sentence),
    ``n_masked``, ``masked_share`` (masked characters / characters of words),
    ``oral_markers``, ``first_person``, ``second_person``, ``directive_yao``,
    ``wo_jiang`` (我讲; each per 1,000 words), and ``spoken_per_1k``: oral particles and
    fillers (那么, 呢, 啊, 这个 ...), 我讲 and second-person pronouns per 1,000 words, the
    sum of ``oral_markers``, ``wo_jiang`` and ``second_person``.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> an.lexical_stats(tokens)[['speech', 'n_sentences']].values.tolist()
    [[1, 2], [2, 2]]
    """
    rows = []
    # one speech at a time on plain arrays: nothing as large as the token table is copied
    punct, masked_all = tokens["is_punct"].to_numpy(), tokens["is_masked"].to_numpy()
    token_all, sentence_all = tokens["token"].to_numpy(dtype=object), tokens["sentence"].to_numpy()
    width = (tokens["end"] - tokens["start"]).to_numpy()
    marker_words = {"oral": ORAL_MARKERS, "first": FIRST_PERSON, "second": SECOND_PERSON, "directive": DIRECTIVE}
    marker_sets = {name: tokens["token"].isin(words).to_numpy() for name, words in marker_words.items()}
    for speech, where in sorted(tokens.groupby("speech", sort=True).indices.items()):
        idx = where[~punct[where]]
        toks = token_all[idx]
        n = len(toks)
        per_k = 1000 / n if n else float("nan")
        is_masked = masked_all[idx]
        real_codes, real_types = pd.factorize(token_all[idx[~is_masked]])
        n_types = len(real_types)
        sent = pd.Series(np.unique(sentence_all[idx], return_counts=True)[1])
        oral, first, second, directive = (int(marker_sets[k][idx].sum()) for k in marker_words)
        wo_jiang = int(((toks[:-1] == "我") & (toks[1:] == "讲")).sum())
        chars = int(width[idx].sum())
        masked_chars = int(width[idx[is_masked]].sum())
        rows.append({
            "speech": speech, "n_tokens": n, "n_types": n_types,
            "ttr": n_types / len(real_codes) if len(real_codes) else float("nan"),
            "mattr": _mattr(real_codes, mattr_window),
            "n_sentences": int(len(sent)), "sentence_mean": float(sent.mean()),
            "sentence_sd": float(sent.std(ddof=1)) if len(sent) > 1 else 0.0,
            "n_masked": int(is_masked.sum()), "masked_share": masked_chars / chars if chars else 0.0,
            "oral_markers": oral * per_k,
            "first_person": first * per_k,
            "second_person": second * per_k,
            "directive_yao": directive * per_k,
            "wo_jiang": wo_jiang * per_k,
            "spoken_per_1k": (oral + wo_jiang + second) * per_k,
        })
    return pd.DataFrame(rows)


def register_markers(tokens: pd.DataFrame) -> pd.DataFrame:
    r"""Long form of the register columns of :func:`lexical_stats`, for plotting.

    Columns: ``speech``, ``marker`` (oral_markers / wo_jiang / second_person /
    first_person / directive_yao / spoken_per_1k), ``per_1k``.

    >>> import analysis as an
    >>> sp = an.read_compilation(text=(
    ...     "第一篇：在全市招商大会上的讲话\n同志们：\n抓项目、抓招商、抓落实。投资增长5%左右。\n"
    ...     "第二篇：在项目推进会上的讲话\n同志们：\n要抓开工、抓进度。项目是生命线。\n")).speeches
    >>> tokens = an.tokenize(sp)
    >>> an.register_markers(tokens)['marker'].unique().tolist()[:3]
    ['oral_markers', 'wo_jiang', 'second_person']
    """
    stats = lexical_stats(tokens)
    cols = ["oral_markers", "wo_jiang", "second_person", "first_person", "directive_yao", "spoken_per_1k"]
    return stats.melt(id_vars="speech", value_vars=cols, var_name="marker", value_name="per_1k")
