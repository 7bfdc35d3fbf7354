"""Segmenting speeches into tokens with jieba, the project's dictionary and one stopword policy.

The words are jieba's (accurate mode, HMM on) under jieba's own dictionary plus
``data/dict/user_dict.txt``, built into a private :class:`jieba.Tokenizer`, so
results never depend on what else a notebook did to jieba's global tokenizer.
The combined dictionary, a trie of it and the tag table are built once into
``.cache/jieba``; the text is cut by :mod:`analysis.fastcut`, which gives jieba's
words 4-5 times faster.  Part-of-speech tags come from the dictionaries' tag tables
(the tag jieba.posseg gives a known word); only the few words jieba's HMM makes up
are tagged by jieba.posseg's model, once per word type, with its Viterbi search
done in numpy (:mod:`analysis.fastpos`, identical output).  That keeps tagging
nearly free: posseg over the whole text is 6-7 times slower than jieba's cut.

Segmentations are cached in ``.cache/segments`` under a key made of the text,
both dictionaries and the jieba version, so a repeat run skips segmentation.

Columns of :func:`tokenize` (one row per token; white space is not a token):

===========  ==============================================================
speech       the speech number
paragraph    1.. within the speech
sentence     1.. within the speech (ends at 。！？!? ； and paragraph ends)
position     0.. index of the token within the speech
token        the token as written
pos          jieba part-of-speech tag (``x`` punctuation, ``m`` numerals,
             ``mask`` masked placeholders, ``nz`` quoted formulas ...)
start, end   offsets into the speech's cleaned ``text``
is_stopword  in the stopword list
is_punct     punctuation or symbols only
is_masked    a masked placeholder (XX, XXX, xx, x as a mask, 20XX)
is_number    a numeral (digits, Chinese numerals, percentages)
is_quoted    a quoted formula kept whole (“一把手工程”)
is_vocab     counts as vocabulary: not a stopword, punctuation, mask or number
===========  ==============================================================
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import unicodedata
import warnings
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import config, fastcut, fastpos, parallel
from .errors import CorpusWarning, DictionaryError

TOKEN_COLUMNS = ["speech", "paragraph", "sentence", "position", "token", "pos", "start", "end",
                 "is_stopword", "is_punct", "is_masked", "is_number", "is_quoted", "is_vocab"]

#: Part-of-speech tag prefixes that make a content word (nouns, verbs, adjectives,
#: idioms, set phrases, abbreviations, quoted formulas).
CONTENT_POS = ("n", "v", "a", "i", "l", "j", "nz", "vn", "an")

MASK = re.compile(r"^(?:[XxＸｘ×＊*]+|\d{2}[Xx]{2}|[Xx]{2}\d{2})$")
_NUMBER = re.compile(r"^(?:[\d０-９]+(?:[.．][\d０-９]+)?[%％]?|[零〇一二两三四五六七八九十百千万亿]+)$")
_SENTENCE_END = set("。！？!?；;")
_OPEN_QUOTE = {"“": "”", "「": "」", "『": "』", "‘": "’", "\"": "\""}
_CACHE_FORMAT = 3  # bumped when the files in .cache/jieba change form
_DICT_BAD = re.compile(r"[\s\u3000，。、；：！？,.;:!?“”\"'（）()【】\[\]《》<>]")


def _is_punct(token: str) -> bool:
    return all(unicodedata.category(c)[0] in "PSZ" for c in token)


# --------------------------------------------------------------------------- dictionaries


def read_user_dict(path: str | Path | None = None) -> pd.DataFrame:
    """The user dictionary as a table: ``word``, ``freq``, ``pos``, ``line``, ``problem``.

    ``problem`` is empty for a usable entry, else why the entry can never match
    (white space or punctuation inside, duplicate, empty).
    """
    path = Path(path) if path else config.USER_DICT
    if not path.exists():
        raise DictionaryError(path, "the user dictionary does not exist")
    rows, seen = [], {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        m = re.match(r"^(.+?)(?:\s+(\d+))?(?:\s+([a-z]+))?$", s)
        word, freq, pos = m.group(1), m.group(2), m.group(3)
        problem = ""
        if not word.strip():
            problem = "empty entry"
        elif _DICT_BAD.search(word):
            problem = "contains white space or punctuation, so jieba can never produce it"
        elif word in seen:
            problem = f"duplicate of line {seen[word]}"
        seen.setdefault(word, lineno)
        rows.append({"word": word, "freq": int(freq) if freq else None, "pos": pos or "n",
                     "line": lineno, "problem": problem})
    return pd.DataFrame(rows, columns=["word", "freq", "pos", "line", "problem"])


@lru_cache(maxsize=4)
def read_stopwords(path: str | Path | None = None) -> frozenset[str]:
    """The stopword list (``data/dict/stopwords.txt``; stopwords-iso zh plus project additions)."""
    path = Path(path) if path else config.STOPWORDS
    if not path.exists():
        raise DictionaryError(path, "the stopword list does not exist")
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines()
                     if w.strip() and not w.startswith("#"))


def _file_digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(Path(p).read_bytes())
    return h.hexdigest()[:16]


class Segmenter:
    """A private jieba tokenizer with the project's dictionary, plus POS lookup and a cache."""

    def __init__(self, user_dict: str | Path | None = None):
        import jieba
        import jieba.posseg

        self.user_dict = Path(user_dict) if user_dict else config.USER_DICT
        entries = read_user_dict(self.user_dict)
        for row in entries[entries.problem != ""].itertuples():
            warnings.warn(f"{self.user_dict}:{row.line}: dictionary entry {row.word!r} is not used: {row.problem}",
                          CorpusWarning, stacklevel=2)
        self.entries = entries[entries.problem == ""]
        jieba.setLogLevel(60)  # jieba logs its cache use to stderr at every start
        self._tk = jieba.Tokenizer()
        cache_dir = config.CACHE_DIR / "jieba"
        cache_dir.mkdir(parents=True, exist_ok=True)
        self._tk.tmp_dir = str(cache_dir)
        self._freq_path: Path | None = None
        self.tags = self._load_dictionaries(cache_dir / f"project-{self._dict_key()}")
        self.cutter = fastcut.Cutter(self.trie)
        self._posseg: fastpos.POSTokenizer | None = None
        self._prepared: set[str] = set()  # tokens whose dictionary entries posseg has
        self.key = hashlib.sha256(
            (_file_digest(self.user_dict) + jieba.__version__ + "v2").encode()).hexdigest()[:16]
        self.cache_dir = config.CACHE_DIR / "segments" / self.key
        self._tables: dict[frozenset[str], _TypeTable] = {}
        # tags of words jieba's HMM found (not in any dictionary): tagging one costs a posseg
        # Viterbi run, so they are kept on disk per dictionary, like the segmentations
        self._oov_path = self.cache_dir / "oov_tags.json"
        self._oov_tags: dict[str, str] = {}
        self._oov_loaded = 0
        if self._oov_path.exists():
            self._oov_tags = json.loads(self._oov_path.read_text(encoding="utf-8"))
            self._oov_loaded = len(self._oov_tags)

    def _dict_key(self) -> str:
        import jieba

        size = (Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME).stat().st_size
        return hashlib.sha256(f"{_file_digest(self.user_dict)} {jieba.__version__} {size} {_CACHE_FORMAT}"
                              .encode()).hexdigest()[:16]

    @property
    def tk(self):
        """The jieba tokenizer with the project dictionary.  Nothing here needs it (the cutter
        and the tagger work from the trie), so its 500,000-entry ``FREQ`` is loaded only
        when asked for, e.g. to compare with jieba."""
        if self._freq_path is not None:
            words, freq, total = _load_freq(self._freq_path)
            self._tk.FREQ, self._tk.total = dict(zip(words, freq)), total
            self._tk.initialized = True
            self._freq_path = None
        return self._tk

    def _load_dictionaries(self, stem: Path) -> fastpos.TagTable:
        """Load the project dictionary, built and stored the first time: jieba's dictionary
        with the user's words added (``stem.freq.npz``), the same as a trie for the cutter
        (``stem.trie.npz``) and the tag table (``stem.tags.npz``).  jieba alone adds user
        words one by one and re-reads dict.txt for the tags at every start of every process."""
        import jieba
        import jieba.finalseg
        import jieba.posseg

        paths = {part: stem.with_name(f"{stem.name}.{part}.npz") for part in ("freq", "trie", "tags")}
        if all(p.exists() for p in paths.values()):
            try:
                self.trie = fastcut.Trie.load(paths["trie"])
                tags = fastpos.TagTable.load(paths["tags"])
                with np.load(paths["freq"], allow_pickle=False) as z:
                    z["freq"]  # a damaged file fails here, not later
                self._freq_path = paths["freq"]
                for row in self.entries.itertuples():
                    if row.freq == 0:  # add_word(word, 0) also tells jieba's HMM never to join it
                        jieba.finalseg.add_force_split(row.word)
                return tags
            except (OSError, EOFError, ValueError, TypeError, KeyError):
                pass  # a damaged cache is rebuilt below
        tk = self._tk
        tk.initialize()
        for row in self.entries.itertuples():
            tk.add_word(row.word, row.freq, row.pos)
        posseg = jieba.posseg.POSTokenizer(tk)
        posseg.makesure_userdict_loaded()
        tags = fastpos.TagTable.from_dict(posseg.word_tag_tab)
        self.trie = fastcut.Trie.from_freq(tk.FREQ, tk.total)
        saves = {"freq": lambda f: _save_freq(f, tk.FREQ, tk.total), "trie": self.trie.save, "tags": tags.save}
        for part, path in paths.items():
            tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
            saves[part](tmp)
            tmp.replace(path)  # atomic: a parallel run never reads half a file
        return tags

    def save_tags(self) -> None:
        """Persist the tags of newly met out-of-dictionary words (atomically)."""
        if len(self._oov_tags) == self._oov_loaded:
            return
        self._oov_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._oov_path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(self._oov_tags, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        tmp.replace(self._oov_path)
        self._oov_loaded = len(self._oov_tags)

    def lcut(self, text: str, *, cache: bool = True) -> list[str]:
        """jieba's accurate-mode segmentation (HMM on; :mod:`analysis.fastcut`, the same words),
        cached by content unless ``cache=False``."""
        if not cache:
            return self.cutter.lcut(text)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        path = self.cache_dir / digest[:2] / f"{digest}.txt"
        if path.exists():
            tokens = path.read_text(encoding="utf-8").split("\x1f")
            if "".join(tokens) == text:
                return tokens
        tokens = self.cutter.lcut(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text("\x1f".join(tokens), encoding="utf-8")
        tmp.replace(path)
        return tokens

    def tag(self, token: str) -> str:
        """The POS tag jieba.posseg would give ``token`` as a word."""
        tag = self.tags.get(token)
        return tag if tag is not None else self._tag_unlisted(token)

    def tags_of(self, tokens: list[str]) -> list[str]:
        """:meth:`tag` for many tokens, looked up in the tag table together."""
        tags = self.tags.get_many(tokens)
        self._prepare_posseg([t for t, tag in zip(tokens, tags) if tag is None])
        return [self._tag_unlisted(t) if tag is None else tag for t, tag in zip(tokens, tags)]

    def _needs_posseg(self, token: str) -> bool:
        return _tag_by_form(token) is None and token not in self._oov_tags

    def _prepare_posseg(self, tokens: list[str]) -> None:
        """Give jieba.posseg the dictionary entries it will look at to tag these tokens.

        posseg looks up only parts of the token it tags, so instead of jieba's
        500,000-entry dictionary (0.3 s to load) it gets those parts, found in the trie."""
        tokens = [t for t in tokens if t not in self._prepared and self._needs_posseg(t)]
        if not tokens:
            return
        self._prepared.update(tokens)
        if self._posseg is None:
            import jieba
            small = jieba.Tokenizer()
            small.FREQ, small.total, small.initialized = {}, self.trie.total, True
            self._posseg = fastpos.POSTokenizer(small, self.tags)
        self._posseg.tokenizer.FREQ.update(self.trie.entries_within(tokens))

    def _tag_unlisted(self, token: str) -> str:
        """The tag of a token that no dictionary lists."""
        tag = _tag_by_form(token) or self._oov_tags.get(token)
        if tag is None:  # only these cost a Viterbi run, so only these are kept on disk
            self._prepare_posseg([token])
            pairs = self._posseg.lcut(token)
            tag = self._oov_tags[token] = max(pairs, key=lambda p: len(p.word)).flag if pairs else "x"
        return tag

    def type_table(self, stopwords: frozenset[str]) -> "_TypeTable":
        """The token -> type id table of this segmenter under a stopword list."""
        table = self._tables.get(stopwords)
        if table is None:
            table = self._tables[stopwords] = _TypeTable(self, stopwords)
        return table


def _tag_by_form(token: str) -> str | None:
    """The tag a token's form alone decides (mask, numeral, punctuation, Latin), else None."""
    if MASK.match(token):
        return "mask"
    if _NUMBER.match(token):
        return "m"
    if _is_punct(token):
        return "x"
    if token.isascii():
        return "eng"
    return None


def _save_freq(path, freq: dict[str, int], total: int) -> None:
    """jieba's ``FREQ`` as one text of its words and an array of counts: it loads four times
    faster than jieba's own marshal cache, which decodes every word on its own."""
    with open(path, "wb") as f:
        np.savez(f, words=np.frombuffer("\n".join(freq).encode("utf-8"), dtype=np.uint8),
                 freq=np.fromiter(freq.values(), dtype=np.int64, count=len(freq)), total=np.int64(total))


def _load_freq(path) -> tuple[list[str], list[int], int]:
    with np.load(path, allow_pickle=False) as z:
        return z["words"].tobytes().decode("utf-8").split("\n"), z["freq"].tolist(), int(z["total"])


def get_segmenter(user_dict: str | Path | None = None) -> Segmenter:
    """The shared :class:`Segmenter` for a user dictionary (built once per process)."""
    return _segmenter(str(Path(user_dict or config.USER_DICT).resolve()))


@lru_cache(maxsize=4)
def _segmenter(user_dict: str) -> Segmenter:
    return Segmenter(user_dict)


# --------------------------------------------------------------------------- tokenize


class _Ids(dict):
    """token -> id, numbered in the order tokens are first met."""

    def __missing__(self, token: str) -> int:
        i = self[token] = len(self)
        return i

    def ids(self, tokens: list[str], dtype=np.int64) -> np.ndarray:
        return np.fromiter(map(self.__getitem__, tokens), dtype=dtype, count=len(tokens))


def _shape_facts(token: str) -> tuple:
    """The facts about a token type that need no dictionary, in the order of :data:`_Facts.FACTS`."""
    if token.isspace():
        return (token, True, False, False, token.count("\n"), False, len(token), True, None)
    masked = bool(MASK.match(token))
    punct = _is_punct(token)
    number = not masked and bool(_NUMBER.match(token))
    ends = token in _SENTENCE_END or (punct and token[-1] in _SENTENCE_END)
    return (token, punct, masked, number, 0, ends, len(token), False, _OPEN_QUOTE.get(token))


class _Facts(_Ids):
    """token -> type id.  A token met for the first time gets the next id and the facts
    about it (:meth:`row`) once; :meth:`facts` holds them as numpy columns indexed by
    type id, so per-token work is one dict lookup and array gathers."""

    FACTS = ("token", "punct", "masked", "number", "newlines", "ends", "length", "space", "closer")
    _DTYPES = {"token": object, "pos": object, "closer": object, "newlines": np.int64, "length": np.int64}

    def __init__(self):
        super().__init__()
        self._pending: list[tuple] = []
        self._facts = {name: np.array([], dtype=self._DTYPES.get(name, bool)) for name in self.FACTS}

    def row(self, token: str) -> tuple:
        return _shape_facts(token)

    def __missing__(self, token: str) -> int:
        self._pending.append(self.row(token))
        return super().__missing__(token)

    def facts(self) -> dict[str, np.ndarray]:
        if self._pending:
            for name, column in zip(self.FACTS, zip(*self._pending)):
                new = np.array(column, dtype=self._DTYPES.get(name, bool))
                self._facts[name] = np.concatenate([self._facts[name], new])
            self._pending = []
        return self._facts


class _TypeTable(_Facts):
    """:class:`_Facts` plus the facts that need the dictionaries: the tag and the stopword flag."""

    FACTS = _Facts.FACTS + ("pos", "stop")

    def __init__(self, seg: Segmenter, stopwords: frozenset[str]):
        self.seg, self.stopwords = seg, stopwords
        super().__init__()

    def facts(self) -> dict[str, np.ndarray]:
        if self._pending:  # tag the new types together
            token, space, masked = (_Facts.FACTS.index(name) for name in ("token", "space", "masked"))
            tags = iter(self.seg.tags_of([row[token] for row in self._pending if not (row[space] or row[masked])]))
            self._pending = [row + ("x" if row[space] else "mask" if row[masked] else next(tags),
                                    not row[space] and row[token] in self.stopwords) for row in self._pending]
        return super().facts()


def _merge_quotes(ids: np.ndarray, table: _Facts) -> tuple[np.ndarray, np.ndarray]:
    """Join the tokens of a short quoted formula (“一把手工程”) into one token.

    A formula is at most 12 characters in at most 12 tokens between an opening mark and
    its closing mark, with no punctuation, white space or mask inside.  Returns the new
    type ids and the positions of the joined formulas.  Each kind of mark is handled at
    once for all its openings: the first stop after an opening is found by a search."""
    facts = table.facts()
    closer = facts["closer"]
    opens = closer[ids] != None  # noqa: E711 - elementwise
    if not opens.any():
        return ids, np.array([], dtype=np.int64)
    n = len(ids)
    text_of, stops = facts["token"], facts["punct"] | facts["space"]
    length = np.concatenate(([0], np.cumsum(facts["length"][ids])))
    masked = np.concatenate(([0], np.cumsum(facts["masked"][ids])))
    stop_at = stops[ids]
    found: list[tuple[int, int]] = []
    for close in sorted(set(closer[ids[opens]].tolist())):
        close_id = table.get(close)
        if close_id is None:
            continue
        openings = np.flatnonzero(opens & (closer[ids] == close))
        halts = np.flatnonzero(stop_at | (ids == close_id))
        k = np.searchsorted(halts, openings + 1)
        j = np.where(k < len(halts), halts[np.minimum(k, len(halts) - 1)], n)
        ok = (j < n) & (j - openings <= 13) & (j > openings + 1)
        ok[ok] &= ids[j[ok]] == close_id
        ok &= (length[j] - length[openings + 1] <= 12) & (masked[j] == masked[openings + 1])
        found += zip(openings[ok].tolist(), j[ok].tolist())
    if not found:
        return ids, np.array([], dtype=np.int64)
    ids = ids.copy()
    keep = np.ones(n, dtype=bool)
    quoted: list[int] = []
    resume = 0
    for i, j in sorted(found):
        if i < resume:  # the closing mark of the last formula, when it is also an opening (")
            continue
        ids[i + 1] = table["".join(text_of[ids[i + 1:j]])]
        keep[i + 2:j] = False
        quoted.append(i + 1)
        resume = j + 1
    new_position = np.cumsum(keep) - 1
    return ids[keep], new_position[np.array(quoted)]


_PLACES = ("wid", "paragraph", "sentence", "start", "end", "is_quoted")


def _tokenize_ids(table: _Facts, speech, ids: np.ndarray, quoted: np.ndarray) -> dict[str, np.ndarray]:
    """Where each word of one speech is, from its tokens' type ids (quotes merged): its type
    id, paragraph, sentence, offsets and whether it is a joined formula (21 bytes a word;
    everything else about it is gathered from its type, for all speeches at once, by
    :func:`_token_frame`).  Offsets, paragraphs and sentences come from cumulative sums."""
    f = table.facts()
    lengths = f["length"][ids]
    end = np.cumsum(lengths)
    start = end - lengths
    space = f["space"][ids]
    newlines = f["newlines"][ids]
    ends = f["ends"][ids] & ~space
    # a sentence closes at 。！？； and at the first paragraph break after a word that no
    # sentence end follows
    close = ends.copy()
    word_idx, end_idx = np.flatnonzero(~space), np.flatnonzero(ends)
    breaks = np.flatnonzero(newlines > 0)
    if len(breaks) and len(word_idx):
        last_word = np.concatenate(([-1], word_idx))[np.searchsorted(word_idx, breaks)]
        last_end = np.concatenate(([-1], end_idx))[np.searchsorted(end_idx, breaks)]
        previous_break = np.concatenate(([-1], breaks[:-1]))
        close[breaks[(last_word > last_end) & (previous_break < last_word)]] = True
    closes_before = np.cumsum(close) - close
    breaks_before = np.cumsum(newlines) - newlines
    is_quoted = np.zeros(len(ids), dtype=bool)
    is_quoted[quoted] = True
    w = word_idx
    return {"speech": speech, "wid": ids[w].astype(np.int32), "paragraph": (1 + breaks_before[w]).astype(np.int32),
            "sentence": (1 + closes_before[w]).astype(np.int32), "start": start[w].astype(np.int32),
            "end": end[w].astype(np.int32), "is_quoted": is_quoted[w]}


_WORKER: tuple[Segmenter, bool, _Facts] | None = None


def _worker_init(user_dict: str, cache: bool) -> None:
    global _WORKER
    _WORKER = (get_segmenter(user_dict), cache, _Facts())


def _worker_segment(text: str) -> tuple[int, dict[str, np.ndarray], list[str]]:
    """Segment a speech in a worker, join its quoted formulas and work out where each word
    is (:func:`_tokenize_ids`).  The worker numbers the types it meets across all its
    speeches (so each type's facts are worked out once per worker) and sends back: its
    pid, the places with type ids in its numbering, and the types it met for the first
    time.  A worker's results reach the caller in the order it made them."""
    seg, cache, types = _WORKER
    known = len(types)
    ids, quoted = _merge_quotes(types.ids(seg.lcut(text, cache=cache), np.int32), types)
    return os.getpid(), _tokenize_ids(types, None, ids, quoted), types.facts()["token"][known:].tolist()


def tokenize(speeches: pd.DataFrame, *, user_dict: str | Path | None = None,
             processes: int = 1, cache: bool = True, progress: bool = False) -> pd.DataFrame:
    """One row per token of every speech (see the module doc for the columns).

    ``processes > 1`` segments on up to that many processes (0 or None: every core),
    fewer for a small corpus (:data:`analysis.parallel.MIN_CHARS_PER_SEGMENTING_PROCESS`);
    the result is identical.
    ``cache=False`` segments afresh instead of reusing ``.cache/segments``.
    """
    seg = get_segmenter(user_dict)
    table = seg.type_table(read_stopwords())
    texts = list(zip(speeches["speech"], speeches["text"]))
    processes = parallel.useful_processes(processes, [t for _, t in texts], parallel.MIN_CHARS_PER_SEGMENTING_PROCESS)
    parts: list = [None] * len(texts)  # each speech's word places
    progress_bar = None
    if progress:
        from tqdm.auto import tqdm
        progress_bar = tqdm(total=len(texts), desc="segmenting", unit="speech")

    def take(k: int, places: dict) -> None:
        parts[k] = places
        if progress_bar is not None:
            progress_bar.update()

    if processes > 1:
        # much of segmenting is still Python per run or per speech, so threads would not
        # help: processes do.  Each worker segments whole speeches, largest first so that
        # none is left with a long one at the end.  The workers also join quotes and work out
        # where each word is; this process maps their type ids to its own as each result
        # comes (type ids depend on that order; the table does not).
        order = sorted(range(len(texts)), key=lambda k: -len(texts[k][1]))
        to_global: dict[int, np.ndarray] = {}  # per worker: its type ids -> this table's
        with ProcessPoolExecutor(processes, initializer=_worker_init,
                                 initargs=(str(seg.user_dict), cache)) as pool:
            gc.freeze()  # the workers are forked now: their collector leaves this process's objects alone
            try:
                results = pool.map(_worker_segment, [texts[k][1] for k in order])
            finally:
                gc.unfreeze()
            for k, (pid, places, new_types) in zip(order, results):
                ids = to_global[pid] = np.concatenate([to_global.get(pid, np.array([], np.int64)),
                                                       table.ids(new_types)])
                places["wid"] = ids[places["wid"]].astype(np.int32)
                places["speech"] = texts[k][0]
                table.facts()  # tag the new types now, while the workers go on
                take(k, places)
    else:
        for k, (speech, text) in enumerate(texts):
            take(k, _tokenize_ids(table, speech, *_merge_quotes(table.ids(seg.lcut(text, cache=cache)), table)))
    if progress_bar is not None:
        progress_bar.close()
    if cache:
        seg.save_tags()
    frame = _token_frame(table, parts)
    del parts
    _return_freed_memory()
    return frame


def _return_freed_memory() -> None:
    """Hand the memory freed while building the table back to the system.  glibc keeps freed
    heap pages for reuse, and the many per-speech arrays (unpickled from the workers, or
    made here) leave a few hundred MiB of them at 50x, which every later step would carry."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def _token_frame(table: _TypeTable, parts: list[dict]) -> pd.DataFrame:
    """The token table from each speech's word places (:func:`_tokenize_ids`), joined one
    column at a time (each speech's piece dropped as it is joined); the rest is gathered
    from the type table once."""
    sizes = np.array([len(part["wid"]) for part in parts], dtype=np.int64)
    before = np.repeat(np.cumsum(sizes) - sizes, sizes)
    joined = {c: np.concatenate([part.pop(c) for part in parts]) if parts else
              np.array([], dtype=bool if c == "is_quoted" else np.int32) for c in _PLACES}
    f = table.facts()
    wid = joined.pop("wid")
    stop, punct, masked, number = (f[name][wid] for name in ("stop", "punct", "masked", "number"))
    pos = f["pos"][wid]
    pos[joined["is_quoted"]] = "nz"
    columns = {
        "speech": np.repeat(np.array([part["speech"] for part in parts], dtype=np.int64), sizes),
        "paragraph": joined["paragraph"], "sentence": joined["sentence"],
        "position": (np.arange(len(wid)) - before).astype(np.int32),
        "token": pd.Series(f["token"][wid], copy=False).astype("str"), "pos": pd.Series(pos, copy=False).astype("str"),
        "start": joined["start"], "end": joined["end"],
        "is_stopword": stop, "is_punct": punct, "is_masked": masked, "is_number": number,
        "is_quoted": joined["is_quoted"], "is_vocab": ~(stop | punct | masked | number),
    }
    return pd.DataFrame(columns, columns=TOKEN_COLUMNS, copy=False)


def vocabulary(tokens: pd.DataFrame, *, content_only: bool = False, columns: list[str] | None = None) -> pd.DataFrame:
    """The tokens that count as vocabulary under the one stopword policy.

    ``content_only`` also keeps only content parts of speech (:data:`CONTENT_POS`);
    ``columns`` keeps only those columns (on a large corpus, far less memory).
    """
    keep = tokens["is_vocab"].to_numpy()
    if content_only:
        keep = keep & tokens["pos"].str.startswith(CONTENT_POS).to_numpy()
    return tokens.loc[keep, columns] if columns is not None else tokens[keep]
