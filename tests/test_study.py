"""What a notebook works with: the study, and how many pages of small multiples it draws."""
import analysis as an
from analysis import study as study_module


def test_small_multiples_of_a_large_corpus_draw_documents_taken_evenly_through_it(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for year in range(1990, 2030):
        (folder / f"{year}.txt").write_text(f"同志们：\n{year}年要抓项目、抓招商、抓落实，推进高质量发展。\n", encoding="utf-8")
    study = an.open_study(folder, tmp_path / "figures")
    monkeypatch.setattr(study_module, "MAX_PAGES", 1)
    drawn = []

    def plot(frame, *, page, labels):
        drawn.append(sorted(frame["speech"].unique()))
        return an.plot_top_terms(frame, page=page, labels=labels)

    freqs = an.term_frequencies(study.counts())
    study.save_pages(plot, an.top_terms(freqs, n=3), "top_terms", per_page=4)
    assert drawn == [[1, 14, 27, 40]]  # the first, the last, and two between
    assert sorted(p.name for p in (tmp_path / "figures").glob("*.png")) == ["top_terms.png"]
    assert "drawn: 4 of 40 documents" in capsys.readouterr().out
