"""Figures.  Each ``plot_*`` function takes exactly the frame one statistic returns
and gives back a matplotlib Figure; :func:`save_figure` writes it deterministically.

Chinese text is drawn with the font :func:`analysis.fonts.find_cjk_font` finds; the
same file feeds wordcloud.  A missing glyph raises instead of drawing a box.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from .. import config  # noqa: E402
from .fonts import find_cjk_font, use_cjk_font  # noqa: E402

SEED = 20240504
PALETTE = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#30638e", "#a0a0a0"]


def setup_style(font_path: str | None = None) -> Path:
    """Agg backend, the CJK font, fixed SVG hash salt: call once before plotting."""
    path = use_cjk_font(font_path)
    matplotlib.rcParams.update({
        "svg.hashsalt": "speech-analysis", "figure.dpi": 100, "savefig.dpi": 150,
        "axes.spines.top": False, "axes.spines.right": False, "axes.titleweight": "normal",  # the packaged CJK font has one weight: never fake bold
        "font.size": 10, "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    })
    # a glyph missing from the font must fail loudly, never draw tofu
    warnings.filterwarnings("error", message=r".*[Gg]lyph .* missing from.*")
    return path


def save_figure(fig, name: str, out_dir: str | Path | None = None, *, formats=("png", "svg")) -> list[Path]:
    """Write ``fig`` as ``name.png`` and ``name.svg`` with no timestamps, so reruns are byte-identical."""
    out = Path(out_dir) if out_dir else config.FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        p = out / f"{name}.{fmt}"
        meta = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
        fig.savefig(p, format=fmt, metadata=meta, bbox_inches="tight")
        paths.append(p)
    return paths


def _speech_label(s) -> str:
    return f"第{s}篇"


def _grid(n: int, ncols: int = 3, size=(4.2, 3.4)):
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(size[0] * ncols, size[1] * nrows), squeeze=False)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    return fig, axes.flat


# --------------------------------------------------------------------------- corpus


def plot_speech_lengths(speeches: pd.DataFrame):
    """Characters and paragraphs per speech (from :func:`load_speeches`)."""
    fig, ax = plt.subplots(figsize=(7.5, 3.6))
    # two short lines of the title under each bar, so neighbouring labels never collide
    labels = [f"{_speech_label(s)}\n{(t or '')[:8]}\n{(t or '')[8:15]}{'…' if len(t or '') > 15 else ''}"
              for s, t in zip(speeches["speech"], speeches["title"])]
    bars = ax.bar(labels, speeches["n_chars"], color=PALETTE[0])
    for b, n, p, trunc in zip(bars, speeches["n_chars"], speeches["n_paragraphs"], speeches["truncated"]):
        ax.annotate(f"{n:,} 字 · {p} 段" + ("\n(原文截断)" if trunc else ""), (b.get_x() + b.get_width() / 2, n),
                    ha="center", va="bottom", fontsize=8)
    ax.set_ylabel("正文字数（不含换行）")
    ax.set_title("各篇讲话的篇幅")
    ax.tick_params(axis="x", labelsize=8)
    ax.set_ylim(0, speeches["n_chars"].max() * 1.18)
    fig.tight_layout()
    return fig


def plot_outline_summary(summary: pd.DataFrame):
    """Headings per level and speech (from :func:`outline_summary`)."""
    fig, ax = plt.subplots(figsize=(7, 3.4))
    wide = summary.pivot(index="speech", columns="level", values="n_headings").fillna(0)
    bottom = np.zeros(len(wide))
    for lvl in wide.columns:
        ax.bar([_speech_label(s) for s in wide.index], wide[lvl], bottom=bottom, label=f"第{lvl}级标题")
        bottom += wide[lvl].to_numpy()
    ax.set_ylabel("标题数")
    ax.set_title("各篇讲话的提纲层级")
    ax.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def plot_outline(outline_frame: pd.DataFrame, speeches: pd.DataFrame | None = None):
    """The outlines side by side: level-1 and level-2 headings down each speech (from :func:`outline`)."""
    o = outline_frame[~outline_frame["inline"] & (outline_frame["level"] <= 2)]
    ids = sorted(outline_frame["speech"].unique()) if speeches is None else list(speeches["speech"])
    fig, axes = plt.subplots(1, len(ids), figsize=(3.3 * len(ids), 6.5), squeeze=False)
    for ax, s in zip(axes[0], ids):
        rows = o[o["speech"] == s].reset_index(drop=True)
        ax.set_xlim(0, 1)
        ax.set_ylim(max(len(rows), 1) + 0.5, 0.3)
        ax.axis("off")
        ax.set_title(_speech_label(s), fontsize=11)
        for i, r in rows.iterrows():
            indent = 0.02 + 0.08 * (r["level"] - 1)
            heading = r["heading"] if len(r["heading"]) <= 13 else r["heading"][:12] + "…"  # a cut is marked
            text = f"{r['marker']}{heading}"
            ax.text(indent, i + 1, text, fontsize=8 if r["level"] > 1 else 9,
                    color="#b22222" if r["note"].startswith("numbered") else ("black" if r["level"] == 1 else "#444444"),
                    va="center")
    fig.suptitle("各篇讲话的提纲（一、二级标题；红色为原文编号错误）", fontsize=12)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- vocabulary


def plot_top_terms(freqs: pd.DataFrame, *, n: int = 12):
    """Small multiples: the ``n`` most frequent terms of each speech (from :func:`term_frequencies`)."""
    speeches = sorted(freqs["speech"].unique())
    fig, axes = _grid(len(speeches))
    xmax = freqs.groupby("speech").head(n)["per_10k"].max() * 1.1
    for ax, s in zip(axes, speeches):
        top = freqs[freqs["speech"] == s].head(n).iloc[::-1]
        ax.barh(top["term"], top["per_10k"], color=PALETTE[(s - 1) % len(PALETTE)])
        ax.set_title(_speech_label(s))
        ax.set_xlim(0, xmax)
        ax.set_xlabel("每万词出现次数")
        ax.tick_params(axis="y", labelsize=9)
    fig.suptitle("各篇讲话的高频实词（同一横轴刻度）", fontsize=12)
    fig.tight_layout()
    return fig


def plot_wordclouds(freqs: pd.DataFrame, *, max_words: int = 60, font_path: str | None = None, seed: int = SEED):
    """One word cloud per speech, same font, size scale and seed (from :func:`term_frequencies`).

    Word sizes are proportional to frequency per 10,000 words on one scale shared by
    all speeches, so a word as frequent in two speeches is drawn the same size.
    """
    from wordcloud import WordCloud

    font = str(find_cjk_font(font_path))
    speeches = sorted(freqs["speech"].unique())
    top_all = freqs.groupby("speech").head(max_words)
    ceiling = float(top_all["per_10k"].max())
    fig, axes = _grid(len(speeches), size=(4.6, 3.2))
    for ax, s in zip(axes, speeches):
        top = freqs[freqs["speech"] == s].head(max_words)
        weights = dict(zip(top["term"], top["per_10k"]))
        # a shared ceiling: the largest word of each cloud is scaled against the corpus maximum
        largest = max(weights.values())
        cloud = WordCloud(font_path=font, width=640, height=440, background_color="white", random_state=seed,
                          max_words=max_words, prefer_horizontal=1.0, relative_scaling=1.0,
                          max_font_size=int(20 + 90 * largest / ceiling), min_font_size=8,
                          colormap="viridis").generate_from_frequencies(weights)
        ax.imshow(cloud.to_array(), interpolation="bilinear")
        ax.axis("off")
        ax.set_title(_speech_label(s))
    fig.suptitle("各篇讲话词云（字号按每万词频率，五篇同一刻度）", fontsize=12)
    fig.tight_layout()
    return fig


def plot_shared_vocabulary(summary: pd.DataFrame):
    """Terms shared by all, by some, or unique to one speech (from :func:`shared_vocabulary_summary`)."""
    fig, ax = plt.subplots(figsize=(7.5, 3.4))
    labels, values, colors = [], [], []
    for r in summary.itertuples():
        if r.category == "all":
            labels.append("五篇共有" if summary["speech"].max() == 5 else "各篇共有")
            colors.append(PALETTE[3])
        elif r.category == "some":
            labels.append("部分共有")
            colors.append(PALETTE[2])
        else:
            labels.append(f"仅{_speech_label(r.speech)}")
            colors.append(PALETTE[1])
        values.append(r.n_terms)
    bars = ax.bar(labels, values, color=colors)
    for b, v in zip(bars, values):
        ax.annotate(f"{v}", (b.get_x() + b.get_width() / 2, v), ha="center", va="bottom", fontsize=8)
    ax.set_ylabel("实词词种数")
    ax.set_title("共有词汇与独有词汇")
    fig.tight_layout()
    return fig


def plot_keyness(distinctive: pd.DataFrame):
    """Diverging bars of positive and negative keywords per speech (from
    :func:`distinctive_terms` with ``negative=True``)."""
    speeches = sorted(distinctive["speech"].unique())
    fig, axes = _grid(len(speeches), size=(4.4, 4.0))
    lim = distinctive["score"].abs().max() * 1.1
    for ax, s in zip(axes, speeches):
        d = distinctive[distinctive["speech"] == s]
        pos = d[d["direction"] == "positive"].sort_values("score")
        neg = d[d["direction"] == "negative"].sort_values("score", ascending=False)
        rows = pd.concat([neg, pos])
        ax.barh(range(len(rows)), rows["score"], color=[PALETTE[0] if v > 0 else PALETTE[1] for v in rows["score"]])
        ax.set_yticks(range(len(rows)), rows["term"], fontsize=8)
        ax.axvline(0, color="black", lw=0.6)
        ax.set_xlim(-lim, lim)
        ax.set_title(_speech_label(s))
        ax.set_xlabel("G² 对数似然（右：多用；左：少用）", fontsize=8)
    fig.suptitle("关键词：每篇与其余各篇相比多用和少用的词", fontsize=12)
    fig.tight_layout()
    return fig


def plot_similarity(sim: pd.DataFrame):
    """Heatmap of speech similarity in clustering order (from :func:`similarity`)."""
    order = sim.drop_duplicates("speech_a").sort_values("order_a")["speech_a"].tolist()
    m = sim.pivot(index="speech_a", columns="speech_b", values="similarity").loc[order, order]
    fig, ax = plt.subplots(figsize=(5.2, 4.4))
    im = ax.imshow(m.to_numpy(), cmap="Blues", vmin=0, vmax=1)
    labels = [_speech_label(s) for s in order]
    ax.set_xticks(range(len(order)), labels)
    ax.set_yticks(range(len(order)), labels)
    for i in range(len(order)):
        for j in range(len(order)):
            v = m.iat[i, j]
            ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=8, color="white" if v > 0.6 else "black")
    method = sim["method"].iloc[0]
    ax.set_title(f"讲话相似度（{method}，按聚类顺序排列）")
    fig.colorbar(im, ax=ax, shrink=0.8)
    fig.tight_layout()
    return fig


def plot_dispersion(disp: pd.DataFrame):
    """X-ray plot: where each term occurs through each speech (from :func:`dispersion`)."""
    terms = disp.attrs.get("terms") or list(dict.fromkeys(disp["term"]))
    speeches = disp.attrs.get("speeches") or sorted(disp["speech"].unique())
    fig, axes = plt.subplots(len(terms), 1, figsize=(8, 0.9 + 0.75 * len(speeches) * len(terms) / 2), squeeze=False)
    for ax, term in zip(axes[:, 0], terms):
        d = disp[disp["term"] == term]
        for k, s in enumerate(speeches):
            x = d[d["speech"] == s]["relative_position"]
            ax.vlines(x, k - 0.35, k + 0.35, color=PALETTE[k % len(PALETTE)], lw=1)
        ax.set_yticks(range(len(speeches)), [_speech_label(s) for s in speeches], fontsize=8)
        ax.set_ylim(len(speeches) - 0.5, -0.5)
        ax.set_xlim(0, 1)
        ax.set_ylabel(term, rotation=0, ha="right", va="center", fontsize=11)
        ax.tick_params(axis="x", labelsize=8)
    axes[-1, 0].set_xlabel("在讲话中的位置（0 = 开头，1 = 结尾）")
    fig.suptitle("词语分布图（每条竖线为一次出现）", fontsize=12)
    fig.tight_layout()
    return fig


def plot_register(stats: pd.DataFrame):
    """Spoken-register markers per 1,000 words and speech (from :func:`lexical_stats`)."""
    cols = {"spoken_per_1k": "口语标记合计", "oral_markers": "语气词/填充词", "first_person": "第一人称",
            "second_person": "第二人称", "directive_yao": "指令“要”"}
    fig, ax = plt.subplots(figsize=(8, 3.8))
    width = 0.8 / len(cols)
    x = np.arange(len(stats))
    for i, (c, label) in enumerate(cols.items()):
        ax.bar(x + i * width - 0.4 + width / 2, stats[c], width, label=label, color=PALETTE[i])
    ax.set_xticks(x, [_speech_label(s) for s in stats["speech"]])
    ax.set_ylabel("每千词次数")
    ax.set_title("语体标记：口头讲话与书面讲稿")
    ax.legend(frameon=False, fontsize=8, ncol=3)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- slogans


def plot_slogan_matrix(matrix: pd.DataFrame, *, top: int = 25):
    """Slogan-by-speech counts for the ``top`` most widespread slogans (from :func:`slogan_matrix`)."""
    slogans = list(dict.fromkeys(matrix["slogan"]))[:top]
    m = matrix[matrix["slogan"].isin(slogans)].pivot(index="slogan", columns="speech", values="n").loc[slogans]
    fig, ax = plt.subplots(figsize=(6.5, 0.32 * len(slogans) + 1.4))
    im = ax.imshow(m.to_numpy(), cmap="Oranges", aspect="auto", vmin=0)
    ax.set_xticks(range(m.shape[1]), [_speech_label(s) for s in m.columns])
    ax.set_yticks(range(len(slogans)), slogans, fontsize=9)
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            if m.iat[i, j]:
                ax.text(j, i, int(m.iat[i, j]), ha="center", va="center", fontsize=8)
    ax.set_title("跨篇复现的提法（次数）")
    fig.colorbar(im, ax=ax, shrink=0.6)
    fig.tight_layout()
    return fig


def plot_parallel_frames(slogan_frame: pd.DataFrame, *, min_members: int = 3):
    """Parallel frames (排比) per speech with their slot fillers (from :func:`slogans`)."""
    p = slogan_frame[slogan_frame["kind"] == "parallel"]
    groups = [(s, f, g["slot"].tolist()) for (s, f), g in p.groupby(["speech", "frame"], sort=False)
              if g["slot"].nunique() >= min_members]
    fig, ax = plt.subplots(figsize=(9, 0.42 * max(len(groups), 1) + 1.2))
    ax.axis("off")
    for i, (s, frame, slots) in enumerate(groups):
        ax.text(0.0, i, _speech_label(s), fontsize=9, va="center", color="#555555")
        ax.text(0.09, i, frame, fontsize=10.5, va="center", color=PALETTE[0])
        ax.text(0.33, i, " / ".join(slots), fontsize=9, va="center")
    ax.set_ylim(len(groups) - 0.5, -0.8)
    ax.set_xlim(0, 1)
    ax.set_title(f"排比框架（□为可替换的槽位；至少{min_members}项）", loc="left")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- numbers


def plot_numeric_targets(numbers: pd.DataFrame):
    """Percentages and money amounts stated in each speech (from :func:`numeric_targets`)."""
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(10, 3.8))
    speeches = sorted(numbers["speech"].unique())
    for ax, kind, unit, title in ((a1, "percent", "%", "百分比（%）"), (a2, "money", "亿元", "金额（亿元）")):
        d = numbers[(numbers["kind"] == kind) & (numbers["unit"] == unit) & ~numbers["masked"]]
        for s in speeches:
            v = d[d["speech"] == s]
            ax.scatter(np.full(len(v), s), v["value"], color=PALETTE[(s - 1) % len(PALETTE)], s=28, zorder=3)
            ranged = v[v["value_max"] > v["value"]]
            ax.vlines(np.full(len(ranged), s), ranged["value"], ranged["value_max"], color="black", lw=1)
            # one label per distinct value, so repeated figures do not print over each other
            for value, same in v.groupby("value", sort=True):
                # the figure as written, and what it measures when the indicator names a measure
                measures = [x for x in same["indicator"] if re.search(r"(率|额|速度|增幅|价|量|总值|规模)$", x)]
                forms = same["surface"].value_counts(sort=False)  # each way of writing it, with its count
                label = ", ".join(f + (f" ×{n}" if n > 1 else "") for f, n in forms.items())
                if measures:
                    label += f"（{measures[0][-8:]}）"
                ax.annotate(label, (s, value), xytext=(5, 0), textcoords="offset points", fontsize=7, va="center")
        ax.set_xticks(speeches, [_speech_label(s) for s in speeches])
        ax.set_xlim(min(speeches) - 0.5, max(speeches) + 0.9)
        ax.set_title(title)
        ax.set_ylim(bottom=0)
    fig.suptitle("讲话中给出的百分比与金额（未打码的数值；竖线为区间）", fontsize=12)
    fig.tight_layout()
    return fig


def plot_masked_values(numbers: pd.DataFrame):
    """How many quantities each speech states, and how many of them are masked (from :func:`numeric_targets`)."""
    speeches = sorted(numbers["speech"].unique())
    g = numbers.groupby(["speech", "masked"]).size().unstack(fill_value=0).reindex(speeches, fill_value=0)
    fig, ax = plt.subplots(figsize=(7, 3.4))
    open_ = g.get(False, pd.Series(0, index=g.index))
    masked = g.get(True, pd.Series(0, index=g.index))
    labels = [_speech_label(s) for s in speeches]
    ax.bar(labels, open_, label="给出数值", color=PALETTE[0])
    ax.bar(labels, masked, bottom=open_, label="打码（XXX）", color=PALETTE[7])
    ax.set_ylabel("数量表达个数")
    ax.set_title("各篇讲话中的数字：公开与打码")
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig


def plot_dating(evidence: pd.DataFrame):
    """Years the text points to against the year the title claims (from :func:`dating_evidence`)."""
    from matplotlib.ticker import MaxNLocator

    fig, ax = plt.subplots(figsize=(8.5, 3.8))
    speeches = sorted(evidence["speech"].unique()) if not evidence.empty else []
    row = {s: i for i, s in enumerate(speeches)}  # one row per speech with evidence, evenly spaced
    styles = {"year": ("o", "文中年份（如15年）"), "plan": ("s", "五年规划（如十一五，画出其年份跨度）"),
              "term": ("^", "时代用语（如新常态，标出最早年份）")}
    for k, (kind, (marker, label)) in enumerate(styles.items()):
        d = evidence[evidence["kind"] == kind].drop_duplicates(["speech", "evidence"])
        y = d["speech"].map(row)
        ax.scatter(d["year_min"], y, marker=marker, s=40, label=label, zorder=3, color=PALETTE[k])
        if kind == "plan":
            ax.hlines(y, d["year_min"], d["year_max"].astype(float), color=PALETTE[k], lw=3, zorder=2)
        for r, yy in zip(d.itertuples(), y):
            ax.annotate(r.evidence, (r.year_min, yy), xytext=(0, 7), textcoords="offset points",
                        fontsize=7, ha="center")
    claimed = evidence.dropna(subset=["claimed_year"]).drop_duplicates("speech")
    ax.scatter(claimed["claimed_year"].astype(float), claimed["speech"].map(row), marker="|", s=400,
               color="#b22222", label="标题声称的年份", zorder=4)
    ax.set_yticks(range(len(speeches)), [_speech_label(s) for s in speeches])
    ax.set_ylim(len(speeches) - 0.4, -0.6)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("年份")
    ax.set_title("断代证据：文本指向的年份与标题声称的年份（仅列出有证据的讲话）")
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2)
    fig.tight_layout()
    return fig
