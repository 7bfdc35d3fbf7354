# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 1. Corpus overview
#
# The speeches as the reader splits them: a short label for each (the place, else the
# speaker, else the occasion), title, speaker, date, length, how much is masked (XX /
# XXX) and how deep the numbered outline goes. Every character of the source belongs
# to one span (site header, heading, speaker line, body, web clutter ...), so nothing
# is dropped silently: the span table below accounts for all of it.
#
# To run this notebook on your own speeches, set `corpus` in the parameters cell to a
# compilation file, a single speech or a folder of files.

# %% tags=["parameters"]
corpus = None
figures_dir = None

# %%
import analysis as an
from analysis import findings

study = an.open_study(corpus, figures_dir)
study.compilation.meta

# %%
an.speech_table(study.speeches)[["speech", "label", "title", "speaker", "role", "date", "n_chars",
                                  "n_paragraphs", "truncated"]]

# %% [markdown]
# How the source is accounted for: characters per kind of span.

# %%
spans = study.compilation.spans
spans.assign(chars=spans["end"] - spans["start"]).groupby("kind")["chars"].sum().sort_values(ascending=False)

# %% [markdown]
# Size, masked share and outline depth per speech. The bars of the first figure are
# characters of body text (line breaks excluded); a speech the source cuts off is marked.

# %%
print(findings.lengths(study.speeches))
stats = an.lexical_stats(study.tokens)
summary = an.outline_summary(an.outline(study.speeches))
stats[["speech", "n_tokens", "n_types", "masked_share", "n_masked"]].merge(
    summary.groupby("speech")["depth"].max().reset_index(), on="speech", how="left")

# %%
study.save(an.plot_speech_lengths(study.speeches), "speech_lengths")

# %% [markdown]
# Headings per level of the numbered outline (一、 / （一） / 1. ...), stacked.

# %%
study.save(an.plot_outline_summary(summary, labels=study.labels), "outline_levels_by_speech")
