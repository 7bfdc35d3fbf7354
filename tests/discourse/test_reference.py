"""The reference corpus: the caller's choice, prepared once and kept on disk, never the corpus itself."""
import analysis as an


def test_a_prepared_reference_is_kept_on_disk_and_read_again_when_edited(tmp_path, monkeypatch):
    from analysis import config
    from analysis.discourse import reference

    monkeypatch.setattr(config, "CACHE_DIR", tmp_path / "cache")
    corpus = tmp_path / "ref"
    corpus.mkdir()
    (corpus / "a.txt").write_text("同志们：\n要全程服务，抓落实。\n", encoding="utf-8")
    first = an.load_reference(corpus)
    assert len(list((tmp_path / "cache" / "reference").glob("*.pkl"))) == 1
    an.clear_caches()
    again = an.load_reference(corpus)  # read from disk
    assert list(again.clauses.word) == list(first.clauses.word)
    (corpus / "a.txt").write_text("同志们：\n要扩大有效投资。\n", encoding="utf-8")
    edited = an.load_reference(corpus)
    assert "投资" in set(edited.clauses.word) and "全程" not in set(edited.clauses.word)
    assert reference.FORMAT


def test_a_corpus_holding_the_reference_documents_is_not_measured_against_them(provincial_tokens):
    ref = an.load_reference()
    from analysis.discourse.phrases import clauses
    from analysis.discourse.reference import fingerprints

    own = set(fingerprints(clauses(provincial_tokens)).values())
    assert len(own) == 25 and len(ref.without(own)) == 0
    assert an.no_reference().n_words == 0 and an.load_reference("none").n_words == 0
