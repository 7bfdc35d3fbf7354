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
# The five speeches of the compilation, as the reader splits them: title, speaker, date,
# length, how much of each is masked (XX / XXX) and how deep its numbered outline goes.
# Every character of the source file belongs to one span (site header, teaser, heading,
# speaker line, body ...), so nothing is dropped silently. Speech 1 is a transcribed oral
# speech that the source cuts off mid-sentence; the others are written texts.
#
# To run this notebook on your own speeches, set `corpus` in the parameters cell to a
# compilation file, a single speech or a folder of `.txt` files.

# %% tags=["parameters"]
corpus = None
figures_dir = None

# %%
import analysis as an

study = an.open_study(corpus, figures_dir)
study.compilation.meta

# %%
an.speech_table(study.speeches)[["speech", "title", "speaker", "role", "date", "date_text",
                                  "n_chars", "n_paragraphs", "truncated"]]

# %% [markdown]
# How the source is accounted for: characters per kind of span.

# %%
spans = study.compilation.spans
spans.assign(chars=spans["end"] - spans["start"]).groupby("kind")["chars"].sum().sort_values(ascending=False)

# %% [markdown]
# Lengths, masked share and outline depth per speech. Speech 1 (oral) is the longest;
# speech 3, a short welcome address, the shortest.

# %%
stats = an.lexical_stats(study.tokens)
summary = an.outline_summary(an.outline(study.speeches))
stats[["speech", "n_tokens", "n_types", "masked_share", "n_masked"]].merge(
    summary.groupby("speech")["depth"].max().reset_index(), on="speech")

# %%
fig = an.plot_speech_lengths(study.speeches)
study.save(fig, "speech_lengths")

# %%
fig = an.plot_outline_summary(summary)
study.save(fig, "outline_levels_by_speech")
