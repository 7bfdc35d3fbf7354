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
# Every quantity the speeches state, with its unit, its bound (about, at least, at most,
# a range), the direction and kind of change (growth, share, level), what it measures (the
# indicator, and a normalised name such as gdp or cpi), the year it belongs to, and whether
# it is a target, an actual figure or a comparison: every number of a 主要预期目标 list is a
# target, a review section's numbers are actuals, and cue words decide elsewhere. Masked values
# (XXX亿元) are reported as masked and never guessed. The first figure shows the
# unmasked percentages and money amounts (a vertical line is a range; labels are drawn
# only where they do not collide). The dating evidence compares the years the text
# points to (explicit years, five-year plans such as 十四五, terms of an era such as
# 新常态) with the year the title claims.

# %% tags=["parameters"]
corpus = None
figures_dir = None

# %%
import analysis as an

study = an.open_study(corpus, figures_dir)
numbers = an.numeric_targets(study.speeches)
numbers[~numbers["masked"] & numbers["kind"].isin(["percent", "percentage_point", "money", "price", "rank"])][
    ["speech", "surface", "value", "value_max", "unit", "bound", "direction", "change", "indicator",
     "indicator_norm", "role", "year"]]

# %%
study.save(an.plot_percentages_and_money(an.percentages_and_money(numbers), labels=study.labels),
           "percentages_and_money_by_speech")

# %% [markdown]
# Targets beside results: for each normalised indicator (the six that most speeches set a
# target for), this year's target with its bound and last year's actual figure. A speech
# with no target statement of a known indicator has no row.

# %%
targets = an.target_table(numbers, top=6)
if not targets.empty:
    study.save(an.plot_target_table(targets, labels=study.labels), "targets_and_results")
targets

# %%
masked = an.masked_counts(numbers)
masked

# %%
study.save(an.plot_masked_counts(masked, labels=study.labels), "masked_values_by_speech")

# %%
evidence = an.dating_evidence(numbers, study.speeches)
evidence

# %%
study.save(an.plot_dating_evidence(evidence, labels=study.labels), "dating_evidence")
