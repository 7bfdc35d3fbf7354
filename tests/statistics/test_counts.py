"""The counts layer: what every comparing statistic takes."""
import pandas as pd
import pytest

import analysis as an


def test_counts_are_the_vocabulary_counted(tokens):
    counts = an.term_counts(tokens)
    assert list(counts.columns) == ["speech", "term", "n"]
    vocab = tokens[tokens["is_vocab"]]
    assert counts["n"].sum() == len(vocab)
    assert counts.set_index(["speech", "term"])["n"].equals(
        vocab.groupby(["speech", "token"]).size().rename_axis(["speech", "term"]).rename("n"))


def test_counts_of_parts_sum_to_the_counts_of_the_whole(tokens):
    whole = an.term_counts(tokens)
    parts = [an.term_counts(tokens[tokens["speech"].isin(group)]) for group in ([1, 2], [3, 4, 5])]
    summed = pd.concat(parts).groupby(["speech", "term"], as_index=False)["n"].sum()
    pd.testing.assert_frame_equal(summed, whole)


def test_statistics_agree_whether_given_tokens_or_default_counts(tokens):
    pd.testing.assert_frame_equal(an.keyness(tokens, 2), an.keyness(an.term_counts(tokens), 2))
    pd.testing.assert_frame_equal(an.term_frequencies(tokens), an.term_frequencies(an.term_counts(tokens)))


def test_content_only_and_ngrams_are_chosen_once_in_the_counts(tokens):
    content = an.term_counts(tokens, content_only=True)
    assert content["n"].sum() < an.term_counts(tokens)["n"].sum()
    assert set(an.keyness(content, 1)["term"]) <= set(content["term"])
    pairs = an.term_counts(tokens, ngram=2)
    assert pairs["term"].str.count(" ").eq(1).all()


def test_one_speech_cannot_be_compared(tokens):
    one = an.term_counts(tokens[tokens["speech"] == 3])
    for statistic in (lambda c: an.keyness(c, 3), an.keyness_by_speech, an.similarity, an.shared_vocabulary,
                      an.distinctive_terms):
        with pytest.raises(an.TooFewSpeechesError, match="compares speeches: this corpus has 1"):
            statistic(one)
    assert isinstance(an.TooFewSpeechesError("keyness", 1), an.CorpusError)


@pytest.mark.parametrize("call, allowed", [
    (lambda c: an.keyness(c, 1, measure="g3"), "g2, chi2, log_ratio, pct_diff"),
    (lambda c: an.similarity(c, method="euclid"), "cosine, tfidf, jaccard"),
    (lambda c: an.distinctive_terms(c, scorer="bm25"), "g2, tfidf"),
])
def test_fixed_choices_are_validated_and_listed(tokens, call, allowed):
    with pytest.raises(an.OptionError, match=allowed):
        call(an.term_counts(tokens))


def test_places_jieba_tags_otherwise_are_names_too():
    tokens = an.tokenize(an.read_compilation(text="同志们：\n合肥要抓项目，包头要抓招商，滇中要抓落实，来宾要抓开工。\n").speeches)
    kept = set(an.term_counts(tokens, drop_names=True)["term"])
    every = set(an.term_counts(tokens)["term"])
    assert {"合肥", "包头"} <= every and not {"合肥", "包头"} & kept
    assert "项目" in kept


def test_a_speech_with_no_word_to_count_is_told_as_such():
    """同志们：好。 counts no word: the message says the corpus has no speech with words to count,
    not that it has no speech."""
    counts = an.term_counts(an.tokenize(an.read_compilation(text="同志们：\n好。\n").speeches))
    assert counts.empty
    with pytest.raises(an.TooFewSpeechesError, match="this corpus has 0 with words to count"):
        an.keyness_by_speech(counts)


def test_term_tables_of_chunks_with_the_corpus_totals_are_the_whole_tables(provincial_tokens):
    """Frequencies and keyness made chunk by chunk, each chunk measured against the corpus's
    summed totals, are the tables of the whole corpus, row for row."""
    from analysis.statistics.counts import summed_totals, term_totals
    from analysis.statistics.frequency import term_frequency_blocks
    from analysis.statistics.keyness import keyness_blocks

    counts = an.term_counts(provincial_tokens)
    chunks = [counts[counts["speech"].between(lo, lo + 6)] for lo in range(1, 26, 7)]
    totals = None
    for chunk in chunks:
        totals = summed_totals(totals, term_totals(chunk))
    assert totals.attrs["n_speeches"] == 25
    assert totals["n"].sum() == counts["n"].sum() and totals.index.is_monotonic_increasing

    def joined(blocks):
        return pd.concat(list(blocks), ignore_index=True)

    whole = joined(term_frequency_blocks(counts))
    assert joined(b for c in chunks for b in term_frequency_blocks(c, corpus=totals)).equals(whole)
    assert not joined(b for c in chunks for b in term_frequency_blocks(c)).equals(whole)  # n_documents differ
    whole = joined(keyness_blocks(counts, min_count=2, absent=100))
    assert joined(b for c in chunks for b in keyness_blocks(c, min_count=2, absent=100, corpus=totals)).equals(whole)


def test_keyness_of_a_chunk_of_a_one_document_corpus_says_it_compares_documents(provincial_tokens):
    from analysis.statistics.counts import term_totals
    from analysis.statistics.keyness import keyness_blocks

    one = an.term_counts(provincial_tokens[provincial_tokens["speech"] == 1])
    with pytest.raises(an.TooFewSpeechesError, match="1 with words"):
        next(keyness_blocks(one, corpus=term_totals(one)))
