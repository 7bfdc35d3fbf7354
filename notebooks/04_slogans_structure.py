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
# Political speeches are built from formulas: quoted slogans, parallel frames (排比)
# whose slot each item fills differently (要□促招商), self-counting formulas (三个方面,
# 7个抓) and phrases repeated across speeches. Below: the parallel frames with their
# fillers (the forty with the most distinct fillers), the slogans that recur across
# speeches (the twenty-five most widespread), and the numbered outlines side by side,
# five speeches to a page (red marks a numbering slip of the source).

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
frames = an.parallel_frames(found, min_members=3, top=40)
study.save(an.plot_parallel_frames(frames, labels=study.labels), "parallel_frames")

# %%
an.recurring_slogans(found).head(20)

# %%
matrix = an.slogan_matrix(found, kinds=("quoted", "numbered", "repeated", "idiom"), top=25)
study.save(an.plot_slogan_matrix(matrix, labels=study.labels), "recurring_slogans")

# %%
headings = an.outline(study.speeches)
headings[headings["note"] != ""]

# %%
study.save_pages(an.plot_outline, headings, "outlines_side_by_side", per_page=5)
