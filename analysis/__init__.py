"""Reading Chinese political speeches the way a corpus linguist would.

Every public function is importable from here::

    import analysis as an
    speeches = an.load_speeches()          # the five-speech compilation in data/raw
    tokens = an.tokenize(speeches)
    an.keyness(an.term_counts(tokens), 1).head()

The stages live in subpackages, each module named for what it holds:
``reading`` (decode, split, clean), ``segmentation`` (dictionary, cutter, tagger,
token table), ``statistics`` (counts, frequency, keyness, occurrences),
``discourse`` (outline, slogans, quantities), ``figures`` (style, fonts, one
module per family of plots), ``build`` (tables, notebooks, manifest) and
``study``.  Every rule about Chinese text is in :mod:`analysis.chinese`.
Importing the package loads neither jieba nor a matplotlib backend.
"""
from .chinese import chinese_number
from .discourse.outline import assign_sections, outline, outline_summary
from .discourse.quantities import dating_evidence, extract_numbers, numeric_targets
from .discourse.slogans import recurring_slogans, slogan_matrix, slogans
from .errors import (BinaryFileError, CorpusError, CorpusNotFoundError, CorpusWarning, DictionaryError,
                     EmptyCorpusError, EncodingError, FontNotFoundError, NoSpeechesError, OptionError, TooFewSpeechesError)
from .figures.fonts import find_cjk_font, use_cjk_font
from .reading.corpus import (Compilation, load_speeches, read_compilation, read_corpus, speech_table,
                             to_source_offset)
from .reading.decoding import read_text
from .segmentation.dictionary import read_stopwords, read_user_dict
from .segmentation.segmenter import get_segmenter
from .segmentation.tokens import tokenize, vocabulary
from .statistics.counts import term_counts
from .statistics.frequency import (lexical_stats, register_markers, shared_vocabulary, shared_vocabulary_summary,
                                   term_frequencies, top_terms)
from .statistics.keyness import distinctive_terms, keyness, keyness_by_speech, similarity
from .statistics.occurrences import collocations, concordance, dispersion, dispersion_measures
from .study import Study, open_study

__version__ = "0.1.0"

__all__ = [
    # reading
    "Compilation", "load_speeches", "read_compilation", "read_corpus", "read_text", "speech_table",
    "to_source_offset",
    # segmentation
    "get_segmenter", "read_stopwords", "read_user_dict", "tokenize", "vocabulary",
    # statistics
    "collocations", "concordance", "dispersion", "dispersion_measures", "distinctive_terms", "keyness",
    "keyness_by_speech", "lexical_stats", "register_markers", "shared_vocabulary", "shared_vocabulary_summary",
    "similarity", "term_counts", "term_frequencies", "top_terms",
    # discourse
    "assign_sections", "dating_evidence", "extract_numbers", "numeric_targets", "outline", "outline_summary",
    "recurring_slogans", "slogan_matrix", "slogans",
    # figures and the study
    "find_cjk_font", "use_cjk_font", "Study", "open_study",
    # Chinese text and errors
    "chinese_number", "BinaryFileError", "CorpusError", "CorpusNotFoundError", "CorpusWarning", "DictionaryError",
    "EmptyCorpusError", "EncodingError", "FontNotFoundError", "NoSpeechesError", "OptionError",
    "TooFewSpeechesError",
]

#: The plotting functions, re-exported flat but imported on first use, so that
#: ``import analysis`` does not load matplotlib.
_PLOTS = ("plot_dating", "plot_dispersion", "plot_keyness", "plot_masked_values", "plot_numeric_targets",
          "plot_outline", "plot_outline_summary", "plot_parallel_frames", "plot_register", "plot_shared_vocabulary",
          "plot_similarity", "plot_slogan_matrix", "plot_speech_lengths", "plot_top_terms", "plot_wordclouds",
          "save_figure")
__all__ += list(_PLOTS)


def __getattr__(name: str):
    if name in _PLOTS:
        from .figures import plots

        return getattr(plots, name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
