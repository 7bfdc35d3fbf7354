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
# The content words (nouns, verbs, adjectives, idioms) each speech uses most, as small
# multiples on one scale: frequency per 10,000 counted words, so long and short
# speeches compare. One word cloud per speech, with the same font, size scale and
# random seed. Then how much of the vocabulary all speeches share, and how much only
# one uses. Stopwords, punctuation, numerals and masked placeholders (XX, XXX) are never
# counted as words. With more than sixteen speeches the small multiples run over
# several pages (`_p2`, `_p3` ...), six at most: a larger corpus draws 96 documents taken
# evenly through it, and says so; the tables hold every document.

# %% tags=["parameters"]
corpus = None
figures_dir = None

# %%
import analysis as an

study = an.open_study(corpus, figures_dir)
print(study.names_note())
content = study.counts(content_only=True)
freqs = an.term_frequencies(content)
an.top_terms(freqs, n=5)

# %%
study.save_pages(an.plot_top_terms, an.top_terms(freqs, n=12), "top_terms_by_speech")

# %%
study.save_pages(an.plot_wordclouds, an.top_terms(freqs, n=60), "wordclouds_by_speech")

# %% [markdown]
# Shared and unique vocabulary: the words every speech uses are the genre's core; the
# words only one speech uses say what it alone is about. This needs two speeches or more.

# %%
shared = study.compare(an.shared_vocabulary, content)
if shared is not None:
    print(shared["category"].value_counts().to_string())
    display(shared[shared["category"] == "all"].head(20))

# %%
if shared is not None:
    study.save(an.plot_shared_vocabulary_summary(an.shared_vocabulary_summary(shared), labels=study.labels),
               "shared_vocabulary")
