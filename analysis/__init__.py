"""Reading Chinese political speeches the way a corpus linguist would.

Every public function is importable from here::

    import analysis as an
    speeches = an.load_speeches()          # the five-speech compilation in data/raw
    tokens = an.tokenize(speeches)
    an.keyness(tokens, 1).head()
"""
from .context import collocations, concordance, dispersion, dispersion_measures
from .corpus import (Compilation, chinese_number, load_speeches, read_compilation, read_corpus, speech_table,
                     to_source_offset)
from .errors import (BinaryFileError, CorpusError, CorpusNotFoundError, CorpusWarning, DictionaryError,
                     EmptyCorpusError, EncodingError, FontNotFoundError, NoSpeechesError)
from .fonts import find_cjk_font, use_cjk_font
from .frequency import (lexical_stats, register_markers, shared_vocabulary, shared_vocabulary_summary,
                        term_frequencies, top_terms)
from .keyness import distinctive_terms, keyness, keyness_by_speech, similarity
from .numbers import dating_evidence, extract_numbers, numeric_targets
from .outline import assign_sections, outline, outline_summary
from .pipeline import Study, open_study
from .slogans import recurring_slogans, slogan_matrix, slogans
from .textio import read_text
from .tokens import get_segmenter, read_stopwords, read_user_dict, tokenize, vocabulary

__version__ = "0.1.0"

__all__ = [name for name in dir() if not name.startswith("_")]
