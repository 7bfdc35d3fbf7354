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
# **Keyness** compares each speech with all the others. G² (log-likelihood) is on the
# right for words a speech uses more than the rest, on the left for words it uses less;
# |G²| above 3.84, 6.63 and 10.83 means p below 0.05, 0.01 and 0.001 for one test (with
# hundreds of words tested, read only the top of each list as evidence). G² grows with
# size; the log ratio in the tables is the effect size (1 = twice as frequent).
#
# The **similarity** heatmap (cosine of relative word frequencies) is ordered by an
# average-linkage clustering, so speeches that talk alike sit together; its colour
# scale spans the values found between different speeches.
#
# The **x-ray** plot shows where the corpus's most frequent words occur through each
# speech. Gries' DP runs from 0 (spread evenly) to 1 (all in one stretch).
#
# The **register** chart separates spoken from written style: particles and fillers
# (那么, 呢, 这个), 我讲 and the second person, which add up to the spoken-register total.

# %% tags=["parameters"]
corpus = None
figures_dir = None

# %%
import analysis as an
from analysis import findings

study = an.open_study(corpus, figures_dir)
tokens = study.tokens
print(study.names_note())
content = study.counts(content_only=True)
distinctive = study.compare(an.distinctive_terms, content, top=8, negative=True)
if distinctive is not None:
    print(findings.distinctive(distinctive, study.labels))

# %%
if distinctive is not None:
    study.save_pages(an.plot_distinctive_terms, distinctive, "keyness_by_speech")

# %%
sim = study.compare(an.similarity, content, method="cosine")
if sim is not None:
    print(findings.most_similar(sim, study.labels))
    study.save(an.plot_similarity(sim, labels=study.labels), "speech_similarity")

# %%
totals = content.groupby("term")["n"].sum()  # sorted by term, so ties stay in that order
terms = totals.sort_values(ascending=False, kind="mergesort").head(5).index.tolist()
measures = an.dispersion_measures(tokens, terms)
print(findings.spread(measures))
measures.pivot(index="term", columns="speech", values="dp").round(2)

# %%
study.save(an.plot_dispersion(an.dispersion(tokens, terms), labels=study.labels), "dispersion_xray")

# %%
an.lexical_stats(tokens)[["speech", "spoken_per_1k", "oral_markers", "wo_jiang", "second_person",
                          "first_person", "directive_yao", "mattr"]].round(2)

# %%
study.save(an.plot_register_markers(an.register_markers(tokens), labels=study.labels), "register_markers")
