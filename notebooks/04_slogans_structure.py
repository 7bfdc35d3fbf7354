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
# # 4. Slogans and structure
#
# Political speeches are built from formulas. Each formula below is found for a reason the
# `evidence` column states: quoted (in quotation marks here, or elsewhere in the corpus),
# self-counting (三个方面, 7个抓), a frame whose slot each item fills differently (抓□,
# 先□后□), a formula word (抓, 攻坚战, 双赢), an idiom of the 成语 lexicon, or termhood: a
# phrase that is repeated, not a fragment of a longer one, whose words belong together and
# that is more frequent in official language than its rarest word is in general Chinese
# (the measures are in `an.termhood`; generic collocations such as 经济发展 fail them).
# Below: the parallel frames with their fillers (the forty with the most distinct fillers),
# the formulas that recur across speeches, the formula tracker (every formula by speech,
# grouped by how many speeches use it: the shared ones first, the local ones last), the
# numbered formulas with the items they announce, and the numbered outlines side by side,
# up to five speeches to a page (red marks a numbering slip of the source).

# %% tags=["parameters"]
corpus = None
figures_dir = None

# %%
import analysis as an

study = an.open_study(corpus, figures_dir)
measured = an.measure_formulas(study.tokens, reference=study.reference)  # termhood, measured once
found = an.slogans(study.speeches, study.tokens, measured=measured)
found = an.outside_boilerplate(found, an.boilerplate_spans(study.speeches))
found.groupby(["speech", "kind"]).size().unstack(fill_value=0)

# %%
found[found["kind"] == "quoted"][["speech", "formula", "masked", "in_quotes"]].drop_duplicates().head(30)

# %%
frames = an.parallel_frames(found, min_members=3, top=40)
study.save(an.plot_parallel_frames(frames, labels=study.labels), "parallel_frames")

# %%
an.recurring_slogans(found, corpus_size=study.n_documents).head(20)

# %% [markdown]
# Why a repeated phrase is, or is not, a formula: the three measures of every candidate.

# %%
measured.termhood.head(30)

# %%
tracker = an.formula_tracker(found, sizes=study.speeches.set_index("speech")["n_chars"], top_per_scope=12)
study.save(an.plot_formula_tracker(tracker, labels=study.labels), "formula_tracker")
an.formula_scope(tracker)

# %%
numbered = an.numbered_formulas(study.speeches)
numbered[["speech", "formula", "n_claimed", "n_listed", "item", "item_text"]]

# %%
matrix = an.slogan_matrix(found, kinds=("quoted", "numbered", "listed", "repeated", "idiom"), top=25,
                          min_documents=min(2, study.n_documents))
study.save(an.plot_slogan_matrix(matrix, labels=study.labels), "recurring_slogans")

# %%
headings = an.outline(study.speeches)
headings[headings["note"] != ""]

# %%
study.save_pages(an.plot_outline, headings, "outlines_side_by_side", per_page=5)
