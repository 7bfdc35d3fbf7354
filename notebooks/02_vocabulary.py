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
# # 2. Vocabulary
#
# Which content words each speech uses most, drawn as small multiples on one scale
# (frequency per 10,000 words, so long and short speeches compare), one word cloud per
# speech with the same font, size scale and random seed, and how much of the vocabulary
# all five speeches share against what only one of them uses. Stopwords, punctuation,
# numerals and masked placeholders (XX, XXX) are never counted as words.

# %% tags=["parameters"]
corpus = None
figures_dir = None

# %%
import analysis as an

study = an.open_study(corpus, figures_dir)
content = an.term_counts(study.tokens, content_only=True)
freqs = an.term_frequencies(content)
an.top_terms(freqs, n=5)

# %%
fig = an.plot_top_terms(freqs)
study.save(fig, "top_terms_by_speech")

# %%
fig = an.plot_wordclouds(freqs)
study.save(fig, "wordclouds_by_speech")

# %% [markdown]
# Shared and unique vocabulary: the few words all speeches use are the genre's core
# (项目, 招商引资 ...); the words only one speech uses say what it is about.

# %%
shared = an.shared_vocabulary(content)
shared[shared["category"] == "all"].head(20)

# %%
fig = an.plot_shared_vocabulary(an.shared_vocabulary_summary(shared))
study.save(fig, "shared_vocabulary")
