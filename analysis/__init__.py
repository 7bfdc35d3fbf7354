"""Reading Chinese political speeches the way a corpus linguist would.

Every public function is importable from here::

    import analysis as an
    speeches = an.load_speeches()          # the five-speech compilation in data/raw
    tokens = an.tokenize(speeches)
    an.keyness(an.term_counts(tokens), 1).head()

The stages live in subpackages, each module named for what it holds:
``reading`` (decode, split, clean), ``segmentation`` (dictionary, cutter, tagger,
token table), ``statistics`` (counts, frequency, keyness, similarity, correspondence,
lexical, occurrences),
``discourse`` (outline, slogans, quantities), ``figures`` (style, fonts, one
module per family of plots), ``build`` (tables, notebooks, manifest) and
``study``.  Every rule about Chinese text is in :mod:`analysis.chinese`.
Importing the package loads neither jieba nor a matplotlib backend.
"""
from .caches import clear_caches
from .chinese import chinese_number
from .discourse.amounts import masked_counts, percentages_and_money
from .discourse.boilerplate import boilerplate, boilerplate_spans, outside_boilerplate
from .discourse.commitments import target_table
from .discourse.dating import dating_evidence
from .discourse.lexicons import FORMULA_VARIANTS, NATIONAL_FORMULAS
from .discourse.numbered import numbered_formulas
from .discourse.outline import assign_sections, outline, outline_summary
from .discourse.quantities import extract_numbers, numeric_targets
from .discourse.ranking import parallel_frames, recurring_slogans, slogan_matrix
from .discourse.reference import Reference, load_reference, no_reference, reference_from_tokens
from .discourse.series import target_series
from .discourse.slogans import slogans
from .discourse.termhood import FormulaMeasures, measure_formulas, termhood
from .discourse.timeline import formula_lifecycle, formula_timeline
from .discourse.tracker import formula_scope, formula_tracker
from .errors import (
    BinaryFileError,
    CorpusError,
    CorpusNotFoundError,
    CorpusWarning,
    DictionaryError,
    EmptyCorpusError,
    EncodingError,
    FontNotFoundError,
    MissingExtraError,
    NoSpeechesError,
    OptionError,
    TableError,
    TooFewSpeechesError,
    TooLargeError,
)
from .figures import (
    figure_style,
    n_pages,
    plot_correspondence,
    plot_dating_evidence,
    plot_dispersion,
    plot_distinctive_terms,
    plot_formula_timeline,
    plot_formula_tracker,
    plot_masked_counts,
    plot_outline,
    plot_outline_summary,
    plot_parallel_frames,
    plot_percentages_and_money,
    plot_register_markers,
    plot_shared_vocabulary_summary,
    plot_similarity,
    plot_similarity_tree,
    plot_slogan_matrix,
    plot_speech_lengths,
    plot_target_series,
    plot_target_table,
    plot_term_trends,
    plot_top_terms,
    plot_wordclouds,
    save_figure,
)
from .figures.fonts import find_cjk_font, use_cjk_font
from .reading.catalogue import add_metadata
from .reading.corpus import (
    Compilation,
    load_speeches,
    read_compilation,
    read_corpus,
    read_table_corpus,
    speech_table,
    to_source_offset,
)
from .reading.dates import date_documents
from .reading.formats import read_text
from .reading.labels import speech_labels
from .reading.tables import read_records
from .segmentation.dictionary import read_places, read_stopwords, read_user_dict
from .segmentation.segmenter import get_segmenter
from .segmentation.tokens import tokenize, vocabulary
from .statistics.correspondence import correspondence
from .statistics.counts import term_counts
from .statistics.frequency import shared_vocabulary, shared_vocabulary_summary, term_frequencies, top_terms
from .statistics.groups import group_counts, is_ordered, periods
from .statistics.keyness import distinctive_terms, keyness, keyness_by_speech
from .statistics.lexical import lexical_stats, register_markers
from .statistics.occurrences import collocations, concordance, dispersion, dispersion_measures
from .statistics.similarity import similarity, similarity_tree
from .statistics.trends import term_trends, trending_terms
from .study import Study, open_study

__version__ = "0.1.0"

__all__ = [
    # reading
    "Compilation", "load_speeches", "read_compilation", "read_corpus", "read_table_corpus", "read_records",
    "read_text", "speech_table", "speech_labels", "to_source_offset", "add_metadata", "date_documents",
    # segmentation
    "get_segmenter", "read_stopwords", "read_places", "read_user_dict", "tokenize", "vocabulary",
    # statistics
    "collocations", "concordance", "dispersion", "dispersion_measures", "distinctive_terms", "keyness",
    "keyness_by_speech", "lexical_stats", "register_markers", "shared_vocabulary", "shared_vocabulary_summary",
    "similarity", "similarity_tree", "correspondence", "term_counts", "term_frequencies", "top_terms",
    "group_counts", "periods", "is_ordered", "term_trends", "trending_terms",
    # discourse
    "assign_sections", "dating_evidence", "extract_numbers", "numeric_targets", "outline", "outline_summary",
    "masked_counts", "parallel_frames", "target_table", "percentages_and_money", "recurring_slogans", "slogan_matrix",
    "slogans", "numbered_formulas", "termhood", "measure_formulas", "FormulaMeasures", "Reference", "load_reference",
    "no_reference", "reference_from_tokens", "formula_tracker", "formula_scope",
    "formula_timeline", "formula_lifecycle", "target_series", "boilerplate", "boilerplate_spans",
    "outside_boilerplate", "NATIONAL_FORMULAS", "FORMULA_VARIANTS",
    # figures and the study
    "plot_speech_lengths", "plot_outline_summary", "plot_outline", "plot_top_terms", "plot_wordclouds",
    "plot_shared_vocabulary_summary", "plot_distinctive_terms", "plot_similarity", "plot_dispersion",
    "plot_register_markers", "plot_slogan_matrix", "plot_formula_tracker", "plot_parallel_frames",
    "plot_percentages_and_money",
    "plot_masked_counts", "plot_dating_evidence", "plot_similarity_tree", "plot_correspondence",
    "plot_target_table", "plot_term_trends", "plot_formula_timeline", "plot_target_series",
    "figure_style", "n_pages", "save_figure",
    "find_cjk_font", "use_cjk_font", "Study", "open_study", "clear_caches",
    # Chinese text and errors
    "chinese_number", "BinaryFileError", "CorpusError", "CorpusNotFoundError", "CorpusWarning", "DictionaryError",
    "EmptyCorpusError", "EncodingError", "FontNotFoundError", "MissingExtraError", "NoSpeechesError", "OptionError",
    "TableError", "TooFewSpeechesError", "TooLargeError",
]

