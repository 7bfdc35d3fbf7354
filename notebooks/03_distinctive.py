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
# # 3. What sets each speech apart
#
# Keyness compares one speech with the other four: G² (log-likelihood) on the right
# for words it uses more, on the left for words it uses less. The similarity heatmap
# (cosine of relative word frequencies) is ordered by an average-linkage clustering, so
# speeches that talk alike sit together. The x-ray plot shows where chosen words occur
# through each speech, and the register chart separates the spoken transcript (speech 1:
# 那么, 我讲, 你) from the written texts.

# %% tags=["parameters"]
corpus = None
figures_dir = None

# %%
import analysis as an

study = an.open_study(corpus, figures_dir)
tokens = study.tokens
content = an.term_counts(tokens, content_only=True)
distinctive = an.distinctive_terms(content, top=8, negative=True)
distinctive[distinctive["direction"] == "positive"].groupby("speech").head(3)

# %%
fig = an.plot_keyness(distinctive)
study.save(fig, "keyness_by_speech")

# %%
sim = an.similarity(content, method="cosine")
fig = an.plot_similarity(sim)
study.save(fig, "speech_similarity")

# %% [markdown]
# Dispersion of the genre's key words. Gries' DP near 0 means a word is spread evenly
# through a speech; near 1, that it clusters in one stretch.

# %%
terms = [t for t in ["招商引资", "项目", "招商", "企业", "政府"] if t in set(tokens["token"])]
an.dispersion_measures(tokens, terms).pivot(index="term", columns="speech", values="dp").round(2)

# %%
fig = an.plot_dispersion(an.dispersion(tokens, terms))
study.save(fig, "dispersion_xray")

# %%
stats = an.lexical_stats(tokens)
stats[["speech", "spoken_per_1k", "oral_markers", "first_person", "second_person", "directive_yao", "mattr"]].round(2)

# %%
fig = an.plot_register(stats)
study.save(fig, "register_markers")
