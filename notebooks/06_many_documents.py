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
# # 6. Many documents: how a corpus divides
#
# For a corpus of many documents (run by `make figures` on the 25 provincial government
# work reports of 2026, or on your own folder): which documents talk alike, what sets each
# apart, and how documents and words arrange themselves on one map.
#
# * The **dendrogram** joins documents by average linkage on 1 − cosine similarity of
#   their content-word frequencies: documents that join further left are more alike.
# * The **correspondence-analysis map** (the classic textometry view of KH Coder and
#   Iramuteq) places documents and their most frequent words on the two axes that show
#   most of the table's departure from independence (the inertia each shows is on the axis).
#   A document lies towards the words it uses more than the corpus does; words near the
#   centre are used alike everywhere.
# * **Targets and results**: for the six indicators most documents set a target for, this
#   year's target with its bound (左右, 以上, 以内, a range) beside last year's result, so a
#   reader sees who sets targets above the others (the 层层加码 question).
# * The **formula tracker**: every formula (quoted, self-counting, frames, formula words,
#   idioms, termhood: see notebook 4) counted in every document and grouped by how many use
#   it, from those every document shares to those only one or a few use.
# * **Keyness** per document: each against all the others, G² on the right for words it
#   uses more (|G²| > 3.84, 6.63, 10.83: p < 0.05, 0.01, 0.001 for one test), on the left
#   for words it uses less.

# %% tags=["parameters"]
corpus = None
figures_dir = None
documents = None

# %%
import analysis as an
from analysis import findings

study = an.open_study(documents or an.config.PROVINCIAL_CORPUS, figures_dir)
print(f"{study.n_documents} documents")
print(study.names_note())
content = study.counts(content_only=True)
an.speech_table(study.speeches)[["speech", "label", "title", "speaker", "date", "n_chars"]]

# %%
sim = study.compare(an.similarity, content, method="cosine")
if sim is not None:
    print(findings.most_similar(sim, study.labels))
    study.save(an.plot_similarity_tree(an.similarity_tree(sim), labels=study.labels), "corpus_similarity_tree")

# %%
ca = study.compare(an.correspondence, content, terms=80)
if ca is not None:
    study.save(an.plot_correspondence(ca, labels=study.labels), "corpus_correspondence_map")

# %%
distinctive = study.compare(an.distinctive_terms, content, top=8, negative=True)
if distinctive is not None:
    print(findings.distinctive(distinctive, study.labels))
    study.save_pages(an.plot_distinctive_terms, distinctive, "corpus_keyness_by_document")

# %% [markdown]
# The formula tracker: every formula by document, the ones every document shares (the
# centre's language) first, the ones only one or a few documents use (local ones) last.

# %%
found = an.slogans(study.speeches, study.tokens, reference=study.reference)
found = an.outside_boilerplate(found, an.boilerplate_spans(study.speeches))
tracker = an.formula_tracker(found, sizes=study.speeches.set_index("speech")["n_chars"], top_per_scope=12)
study.save(an.plot_formula_tracker(tracker, labels=study.labels), "corpus_formula_tracker")
scope = an.formula_scope(tracker)
scope[scope["scope"].isin(["all", "few"])]

# %%
numbers = an.numeric_targets(study.speeches)
targets = an.target_table(numbers, top=6)
if not targets.empty:
    study.save(an.plot_target_table(targets, labels=study.labels), "corpus_targets_and_results")
targets.pivot_table(index="speech", columns=["indicator_norm", "role"], values="value", aggfunc="first").round(2)

# %% [markdown]
# Groups: when a metadata column divides the documents into groups of two or more (the 25
# reports' `region`, from the `metadata.csv` beside them), the words each group uses more
# than the others, and less: keyness of each group's summed counts against the rest.

# %%
by_group = study.group_column
if by_group is None:
    print("no metadata column divides these documents into groups of two or more")
else:
    grouped = an.group_counts(content, study.speeches, by=by_group)
    group_terms = an.distinctive_terms(grouped, top=8, negative=True)
    group_names = {g: g for g in grouped["group"].unique()}
    print(f"grouped by {by_group}: " + ", ".join(group_names))
    study.save(an.plot_distinctive_terms(group_terms, labels=group_names), "corpus_keyness_by_group")
