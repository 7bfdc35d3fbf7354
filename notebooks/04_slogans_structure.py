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
# Political speeches are built from formulas: quoted slogans (“一把手工程”), parallel
# frames (排比) such as 要□促招商 whose slot each item fills differently, self-counting
# formulas (“7个抓”, 三点承诺) and phrases repeated across speeches. Below: the parallel
# frames of each speech with their fillers, the slogans that recur across speeches, and
# the numbered outlines side by side (red marks the source's own numbering slip).

# %% tags=["parameters"]
corpus = None
figures_dir = None

# %%
import analysis as an

study = an.open_study(corpus, figures_dir)
found = an.slogans(study.speeches, tokens=study.tokens)
found.groupby(["speech", "kind"]).size().unstack(fill_value=0)

# %%
found[found["kind"] == "quoted"][["speech", "slogan", "masked", "in_quotes"]].drop_duplicates().head(30)

# %%
fig = an.plot_parallel_frames(found)
study.save(fig, "parallel_frames")

# %%
an.recurring_slogans(found).head(20)

# %%
fig = an.plot_slogan_matrix(an.slogan_matrix(found, kinds=("quoted", "numbered", "repeated", "idiom")))
study.save(fig, "recurring_slogans")

# %%
headings = an.outline(study.speeches)
headings[headings["note"] != ""]

# %%
fig = an.plot_outline(headings, study.speeches)
study.save(fig, "outlines_side_by_side")
