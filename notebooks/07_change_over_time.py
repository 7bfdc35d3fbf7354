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
# # 7. Change over time
#
# For a corpus whose documents span several years (`make figures` runs it on the political
# reports of the party congresses, 1921–2022; give it your own annual reports): which words
# rise and which fall, when each formula first appears and when it leaves, and what each
# year's document sets as targets beside what the next one reports as achieved.
#
# * **Trending terms**: each content word's rate per 10,000 words in each period, tested
#   against time with the Mann–Kendall test (Kendall's tau of rate against year), the
#   p-values adjusted for the number of words tested (Benjamini–Hochberg); words used fewer
#   than 20 times are not tested. The small multiples show the strongest risers, then the
#   strongest fallers; a period with no documents leaves a gap, not a line.
# * **Formula timeline**: the formulas the finder finds (notebook 4: quoted, self-counting,
#   national formulas, frames, formula words, idioms, termhood), the 60 that rank highest as
#   formulas (`recurring_slogans`: the evidence first, recurrence second, so that what every
#   document says does not crowd them out), by the period they are used in; a black outline
#   marks where a formula first appears after the corpus's first period.
# * **Target series**: per indicator, each document's headline target for its own year
#   (▲ at least, ▼ at most, a bar for a range) and the result it reports for the year
#   before (×).
# * **Keyness between the first and the last period**: what the latest documents say more
#   than the earliest, and less.
#
# It needs documents of at least three distinct years (a `year` column, a year in the file
# names or in the title blocks: see docs/reading.md); otherwise it says so and stops.

# %% tags=["parameters"]
corpus = None
figures_dir = None
timeline = None
by = "year"

# %%
import analysis as an

study = an.open_study(timeline or corpus, figures_dir)
periods = an.periods(study.speeches, by=by)
enough = periods["period"].nunique() >= 3
print(f"{study.n_documents} documents in {periods['period'].nunique()} periods of {by!r}" if enough else
      f"nothing to show: the documents carry {periods['period'].nunique()} distinct values of {by!r}; "
      "change over time needs at least 3")

# %%
if enough:
    content = study.counts(content_only=True)
    trends = an.term_trends(content, study.speeches, by=by)
    trending = None
    if not an.is_ordered(study.speeches, by):
        print(f"{by!r} holds names, not years, dates or numbers: no trend across its groups is tested")
    else:
        try:
            trending = an.trending_terms(trends)
        except an.OptionError as exc:  # fewer than four periods: no trend can be tested
            print(exc)
    if trending is not None and not trending.empty:
        shown = (trending[trending["direction"] == "rising"].head(8)["term"].tolist()
                 + trending[trending["direction"] == "falling"].head(8)["term"].tolist())
        study.save(an.plot_term_trends(trends.set_index("term").loc[shown].reset_index()), "time_term_trends")
        display(trending.head(30))
    else:
        print("no word rises or falls significantly over these periods")

# %%
if enough:
    found = an.outside_boilerplate(an.slogans(study.speeches, study.tokens, reference=study.reference),
                                   an.boilerplate_spans(study.speeches))
    formula_times = an.formula_timeline(found, study.speeches, by=by)
    lifecycle = an.formula_lifecycle(formula_times)
    top = an.recurring_slogans(found, corpus_size=study.n_documents).head(60)["formula"]
    if len(top):
        every_period = formula_times.drop_duplicates("period").sort_values("period_start")["period"].tolist()
        study.save(an.plot_formula_timeline(formula_times[formula_times["formula"].isin(top)], periods=every_period),
                   "time_formula_timeline")
    display(lifecycle[lifecycle["born"]].head(30))

# %%
if enough:
    series = an.target_series(an.numeric_targets(study.speeches), study.speeches)
    if series.empty:
        print("no document states a target with a known indicator")
    else:
        study.save(an.plot_target_series(series), "time_target_series")
        display(series.pivot_table(index="year", columns=["indicator_norm", "role"], values="value",
                                   aggfunc="first").round(2))

# %%
if enough:
    first, last = periods.sort_values("period_start")["period"].iloc[[0, -1]]
    ends = an.group_counts(content, study.speeches, by=by)
    ends = ends[ends["group"].isin([first, last])]
    display(an.keyness(ends, last, min_count=3).head(20))
