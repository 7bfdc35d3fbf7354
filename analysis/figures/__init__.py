"""Figures: one ``plot_<statistic>`` per statistic, grouped by family.

The families: corpus, vocabulary, comparison, maps, formulas, quantities, over_time.

Each takes exactly the frame its statistic returns, draws it (computing nothing),
accepts ``labels=`` (speech -> name, e.g. ``study.labels``) and, where it has one
panel, ``ax=``; style is scoped with ``rc_context`` (:mod:`.style`).  Importing
this package does not import matplotlib.
"""
from .comparison import plot_dispersion, plot_distinctive_terms, plot_register_markers, plot_similarity
from .corpus import plot_outline, plot_outline_summary, plot_speech_lengths
from .formulas import plot_formula_tracker, plot_parallel_frames, plot_slogan_matrix
from .maps import plot_correspondence, plot_similarity_tree
from .over_time import plot_formula_timeline, plot_target_series, plot_term_trends
from .quantities import plot_dating_evidence, plot_masked_counts, plot_percentages_and_money, plot_target_table
from .style import figure_style, n_pages, save_figure
from .vocabulary import plot_shared_vocabulary_summary, plot_top_terms, plot_wordclouds

__all__ = [
    "plot_speech_lengths", "plot_outline_summary", "plot_outline",
    "plot_top_terms", "plot_wordclouds", "plot_shared_vocabulary_summary",
    "plot_distinctive_terms", "plot_similarity", "plot_dispersion", "plot_register_markers",
    "plot_slogan_matrix", "plot_formula_tracker", "plot_parallel_frames",
    "plot_percentages_and_money", "plot_masked_counts", "plot_dating_evidence",
    "plot_similarity_tree", "plot_correspondence", "plot_target_table",
    "plot_term_trends", "plot_formula_timeline", "plot_target_series",
    "figure_style", "n_pages", "save_figure",
]
