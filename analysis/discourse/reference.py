r"""The reference corpus of official language that formulas are measured against, prepared once.

Termhood (:mod:`.termhood`) compares a corpus with general Chinese (jieba's dictionary
frequencies) and with a reference corpus of official language.  The reference is a
choice the caller makes and passes (``reference=``): :func:`load_reference` reads and
segments a corpus (by default the 25 provincial government work reports of 2026,
:data:`analysis.config.REFERENCE_CORPUS`), :func:`reference_from_tokens` takes a token
table already made, and :func:`no_reference` measures against general Chinese only.

A loaded reference is kept on disk under ``.cache/reference``, keyed by a digest of the
corpus, the user dictionary, the stopword list and the jieba version, so every run after
the first loads it in a fraction of a second; editing any of them prepares it again.
"""
from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .. import config
from ..caches import cached, content_key, stored
from ..errors import CorpusWarning
from .phrase_counts import ChunkWindows, chunk_windows, word_hashes
from .phrases import Clauses, clauses, established_phrases

#: Bump when what a prepared reference holds changes, so that old files on disk are not used.
FORMAT = "3"
#: A verb phrase of official language that the reference uses in this many documents is looked
#: for in the corpus with characters inserted too (承接东南沿海地产业梯度转移 is a 承接产业转移).
ESTABLISHED_IN = 3


@dataclass(frozen=True)
class Reference:
    """A reference corpus ready to measure against: its clauses, the verb phrases it has
    established (:data:`ESTABLISHED_IN` documents or more), and a fingerprint of each of its
    documents (so that documents a corpus shares with its reference are left out)."""

    name: str
    clauses: Clauses = field(repr=False)
    established: frozenset = field(repr=False)
    fingerprints: dict = field(repr=False)
    windows: ChunkWindows = field(repr=False)  # the clauses as termhood counts them

    @property
    def n_words(self) -> int:
        return len(self.clauses)

    def without(self, fingerprints: set) -> Clauses:
        """The reference's clauses without the documents whose fingerprint is given."""
        drop = [s for s, h in self.fingerprints.items() if h in fingerprints]
        return self.clauses.subset(~np.isin(self.clauses.speech, drop)) if drop else self.clauses


def fingerprints(c: Clauses | ChunkWindows) -> dict:
    """A hash of each document's words in order, by document (the same words give the same hash)."""
    if not len(c):
        return {}
    h = c.h if isinstance(c, ChunkWindows) else word_hashes(c.word)
    starts = np.flatnonzero(np.r_[True, c.speech[1:] != c.speech[:-1]])
    weight = (np.arange(len(h)) - np.repeat(starts, np.diff(np.r_[starts, len(h)])) + 1).astype(np.uint64)
    return dict(zip(c.speech[starts].tolist(), np.add.reduceat(h * weight, starts).tolist()))


def reference_from_tokens(tokens: pd.DataFrame, *, name: str = "tokens") -> Reference:
    r"""A reference made from a token table (:func:`analysis.tokenize`).

    >>> import analysis as an
    >>> sp = an.read_compilation(text="同志们：\n要全程服务，促进经济发展。\n").speeches
    >>> an.reference_from_tokens(an.tokenize(sp), name="mine").n_words > 0
    True
    """
    c = clauses(tokens)
    return Reference(name, c, established_phrases(c, in_documents=ESTABLISHED_IN), fingerprints(c), chunk_windows(c))


def no_reference() -> Reference:
    """No reference corpus: formulas are measured against general Chinese only.

    >>> import analysis as an
    >>> an.no_reference().n_words
    0
    """
    empty = {k: pd.Series(dtype=t) for k, t in [
        ("speech", int), ("token", object), ("pos", object), ("start", int), ("end", int), ("is_punct", bool),
        ("is_masked", bool), ("is_number", bool), ("is_vocab", bool)]}
    return reference_from_tokens(pd.DataFrame(empty), name="none")


def load_reference(path: str | Path | None = None, *, user_dict: str | Path | None = None) -> Reference:
    """The reference corpus at ``path`` (default :data:`analysis.config.REFERENCE_CORPUS`), read,
    segmented and prepared once (kept in this process and on disk).  ``"none"`` gives
    :func:`no_reference`; a missing path warns and gives it too.

    >>> import analysis as an
    >>> ref = an.load_reference()  # the 25 provincial reports of 2026
    >>> ref.name, ref.n_words > 100_000
    ('provincial-2026', True)
    """
    from ..segmentation.segmenter import get_segmenter

    if str(path) == "none":
        return no_reference()
    path = Path(path or config.REFERENCE_CORPUS)
    if not path.exists():
        warnings.warn(f"{path}: the reference corpus does not exist; formulas are measured against general "
                      "Chinese only (set ANALYSIS_REFERENCE or pass reference=an.load_reference(PATH))",
                      CorpusWarning, stacklevel=2)
        return no_reference()
    seg = get_segmenter(user_dict)
    rules = [content_key(Path(__file__).with_name(f"{m}.py")) for m in ("reference", "phrases", "phrase_counts",
                                                                         "lexicons")]  # what it is prepared by
    key = hashlib.sha256("\0".join([FORMAT, str(path.resolve()), content_key(path), seg.key,
                                    content_key(config.STOPWORDS), *rules]).encode()).hexdigest()[:16]
    return _prepared(str(path), str(seg.user_dict), key)


@cached(maxsize=2)
def _prepared(path: str, user_dict: str, key: str) -> Reference:
    def prepare() -> Reference:
        from ..reading.corpus import read_corpus
        from ..segmentation.tokens import tokenize

        return reference_from_tokens(tokenize(read_corpus(path).speeches, user_dict=user_dict), name=Path(path).stem)

    return stored(config.CACHE_DIR / "reference" / f"{key}.pkl", prepare)
