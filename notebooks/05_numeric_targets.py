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
# # 5. Numeric targets
#
# Every quantity the speeches state, with its unit, what it measures (the indicator)
# and whether it is a target, an actual figure or a comparison. Masked values
# (XXX亿元) are reported as masked and never guessed. The dating evidence compares the
# years the text points to (15年, 新常态, 十一五) with the year the title claims: the
# seed labels speech 1 "2024" though it speaks of 2015.

# %% tags=["parameters"]
corpus = None
figures_dir = None

# %%
import analysis as an

study = an.open_study(corpus, figures_dir)
numbers = an.numeric_targets(study.speeches)
numbers[~numbers["masked"] & numbers["kind"].isin(["percent", "money", "price", "rank"])][
    ["speech", "surface", "value", "value_max", "unit", "kind", "indicator", "role"]]

# %%
fig = an.plot_numeric_targets(numbers)
study.save(fig, "percentages_and_money_by_speech")

# %%
numbers.groupby(["speech", "masked"]).size().unstack(fill_value=0)

# %%
fig = an.plot_masked_values(numbers)
study.save(fig, "masked_values_by_speech")

# %%
evidence = an.dating_evidence(study.speeches)
evidence

# %%
fig = an.plot_dating(evidence)
study.save(fig, "dating_evidence")
