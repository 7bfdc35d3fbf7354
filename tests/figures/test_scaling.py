"""Every figure is readable at 1, 2, 5, 25 and 100 speeches.

The corpora are synthetic: the seed's statistics repeated under new speech numbers
and labels, which is all a plot sees.  Each figure must draw without error, fit the
page limit, have no two texts overlapping, and name speeches by their labels.
"""
import io

import numpy as np
import pandas as pd
import pytest

import analysis as an
from analysis.figures import style

SIZES = [1, 2, 5, 25, 100, 400]
PROVINCES = ["上海", "云南", "内蒙古", "北京", "吉林", "四川", "天津", "宁夏回族自治区", "安徽", "新疆维吾尔自治区"]


def _label(k: int) -> str:
    return f"{PROVINCES[(k - 1) % len(PROVINCES)]}{k}"


def _repeat(frame: pd.DataFrame, n: int, column: str = "speech") -> pd.DataFrame:
    """``frame`` for ``n`` speeches: speech k is the seed's speech ((k - 1) % 5) + 1."""
    parts = []
    for k in range(1, n + 1):
        part = frame[frame[column] == (k - 1) % 5 + 1].copy()
        part[column] = k
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


class Corpus:
    def __init__(self, n, speeches, tokens, found, numbers, evidence, targets):
        self.n = n
        self.labels = {k: _label(k) for k in range(1, n + 1)}
        self.speeches = _repeat(speeches, n).assign(label=lambda f: f["speech"].map(self.labels))
        self.tokens = _repeat(tokens, n)
        self.counts = _repeat(an.term_counts(tokens, content_only=True), n)
        self.found = _repeat(found, n)
        self.numbers = _repeat(numbers, n)
        self.evidence = _repeat(evidence, n)
        self.targets = _repeat(targets, n)


@pytest.fixture(scope="module")
def seed_frames(speeches, tokens):
    # targets come from a report: the seed's speeches set few; repeated as speeches 1..5
    report = an.numeric_targets(an.read_compilation(an.config.PROVINCIAL_CORPUS / "2026_北京市_政府工作报告.txt").speeches)
    report = pd.concat([report.assign(speech=k) for k in range(1, 6)], ignore_index=True)
    numbers = an.numeric_targets(speeches)
    return (an.slogans(speeches, tokens, reference=an.load_reference()), numbers, an.dating_evidence(numbers, speeches), report)


@pytest.fixture(scope="module", params=[pytest.param(n, marks=pytest.mark.slow) if n > 5 else n for n in SIZES],
                ids=[f"{n}speeches" for n in SIZES])
def corpus(request, speeches, tokens, seed_frames):
    return Corpus(request.param, speeches, tokens, *seed_frames)


def _figures(c: Corpus):
    """Every figure of the notebooks, page 1, for corpus ``c``."""
    freqs = an.term_frequencies(c.counts)
    heads = an.outline(c.speeches)
    terms = ["项目", "招商", "企业"]
    figs = {
        "lengths": lambda: an.plot_speech_lengths(c.speeches),
        "outline_summary": lambda: an.plot_outline_summary(an.outline_summary(heads), labels=c.labels),
        "outline": lambda: an.plot_outline(heads, labels=c.labels),
        "top_terms": lambda: an.plot_top_terms(an.top_terms(freqs, n=12), labels=c.labels),
        "clouds": lambda: an.plot_wordclouds(an.top_terms(freqs, n=60), labels=c.labels),
        "xray": lambda: an.plot_dispersion(an.dispersion(c.tokens, terms), labels=c.labels),
        "register": lambda: an.plot_register_markers(an.register_markers(c.tokens), labels=c.labels),
        "frames": lambda: an.plot_parallel_frames(an.parallel_frames(c.found), labels=c.labels),
        "slogans": lambda: an.plot_slogan_matrix(an.slogan_matrix(c.found, top=25), labels=c.labels),
        "numbers": lambda: an.plot_percentages_and_money(an.percentages_and_money(c.numbers), labels=c.labels),
        "masked": lambda: an.plot_masked_counts(an.masked_counts(c.numbers), labels=c.labels),
        "dating": lambda: an.plot_dating_evidence(c.evidence, labels=c.labels),
        "targets": lambda: an.plot_target_table(an.target_table(c.targets, top=6), labels=c.labels),
    }
    if c.n > 1:
        figs.update({
            "shared": lambda: an.plot_shared_vocabulary_summary(
                an.shared_vocabulary_summary(an.shared_vocabulary(c.counts)), labels=c.labels),
            "keyness": lambda: an.plot_distinctive_terms(an.distinctive_terms(c.counts, top=8, negative=True),
                                                         labels=c.labels),
            "similarity": lambda: an.plot_similarity(an.similarity(c.counts), labels=c.labels),
            "tree": lambda: an.plot_similarity_tree(an.similarity_tree(an.similarity(c.counts)), labels=c.labels),
            "map": lambda: an.plot_correspondence(an.correspondence(c.counts), labels=c.labels),
        })
    return figs


def _texts(fig):
    import matplotlib.text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    hidden = set()  # tick labels of axes drawn without axes, and anything in hidden axes
    for ax in fig.axes:
        if not ax.get_visible() or not ax.axison:
            hidden |= {id(t) for t in ax.get_xticklabels() + ax.get_yticklabels()}
        if not ax.get_visible():
            hidden |= {id(t) for t in ax.findobj(matplotlib.text.Text)}
    return [(t.get_text(), t.get_window_extent(renderer)) for t in fig.findobj(matplotlib.text.Text)
            if t.get_visible() and t.get_text().strip() and id(t) not in hidden]


def _overlaps(texts):
    """Pairs of texts whose boxes overlap by more than a pixel each way."""
    if len(texts) < 2:
        return []
    boxes = np.array([[b.x0, b.y0, b.x1, b.y1] for _, b in texts])
    x0, y0, x1, y1 = (boxes[:, k] for k in range(4))
    dx = np.minimum(x1[:, None], x1[None, :]) - np.maximum(x0[:, None], x0[None, :])
    dy = np.minimum(y1[:, None], y1[None, :]) - np.maximum(y0[:, None], y0[None, :])
    hit = np.triu((dx > 1) & (dy > 1), k=1)
    return [(texts[i][0], texts[j][0]) for i, j in zip(*np.nonzero(hit))]


def test_every_figure_fits_the_page_and_no_texts_collide(corpus):
    import warnings

    import matplotlib.pyplot as plt
    from PIL import Image

    problems = []
    for name, draw in _figures(corpus).items():
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a layout matplotlib cannot fit fails too
            fig = draw()
        with style.figure_style():
            texts = _texts(fig)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", bbox_inches="tight")
        width, height = Image.open(buffer).size
        dpi = style.STYLE["savefig.dpi"]
        if width > style.MAX_WIDTH * dpi * 1.05 or height > style.MAX_HEIGHT * dpi * 1.05:
            problems.append(f"{name}: {width}x{height} px")
        clashes = _overlaps(texts)
        if clashes:
            problems.append(f"{name}: {len(clashes)} overlapping texts, e.g. {clashes[:3]}")
        shown = {t for t, _ in texts}
        # clouds are images; repeated speeches leave no word to one speech alone
        if name not in ("clouds", "shared") and not any(label in t for t in shown for label in corpus.labels.values()):
            problems.append(f"{name}: no speech label shown")
        if any(t.startswith("第") and t.endswith("篇") for t in shown):
            problems.append(f"{name}: a speech is named 第N篇 although it has a label")
        plt.close(fig)
    assert not problems, "\n".join(problems)


def test_small_multiples_paginate(corpus):
    top = an.top_terms(an.term_frequencies(corpus.counts), n=12)
    pages = an.n_pages(top["speech"].nunique())
    assert pages == -(-corpus.n // style.PANELS_PER_PAGE)
    import matplotlib.pyplot as plt
    last = an.plot_top_terms(top, labels=corpus.labels, page=pages)
    titles = {ax.get_title() for ax in last.axes if ax.get_visible()}
    assert _label(corpus.n) in titles
    plt.close(last)
    with pytest.raises(ValueError, match="page must be between 1 and"):
        an.plot_top_terms(top, page=pages + 1)
