"""The project itself: environment files in step, raw data untouched, notebooks run and reproduce."""
import hashlib
import json
import os
import re
import tomllib

import pandas as pd
import pytest
import yaml

from analysis import config

ROOT = config.PROJ_ROOT


def _names(reqs):
    return {re.split(r"[<>=!~ ;\[]", r.strip(), maxsplit=1)[0].lower().replace("_", "-") for r in reqs}


def test_environment_yml_matches_pyproject():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())
    wanted = _names(py["project"]["dependencies"] + py["project"]["optional-dependencies"]["dev"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    have = _names(conda + [p for p in pip if not p.startswith("-e")]) - {"python", "pip"}
    assert have == wanted


def test_raw_data_matches_recorded_checksums():
    lines = (config.RAW_DIR / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    held = {p.relative_to(config.RAW_DIR).as_posix() for p in config.RAW_DIR.rglob("*")
            if p.is_file() and p.name not in ("SHA256SUMS", "SOURCES.md")}
    assert {line.split("  ", 1)[1] for line in lines} == held  # every raw file is recorded, none missing
    assert len(lines) == 29
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((config.RAW_DIR / name).read_bytes()).hexdigest() == digest, name


def test_notebooks_are_paired_and_thin():
    scripts = sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.py"))
    assert len(scripts) == 7
    for s in scripts:
        src = s.read_text(encoding="utf-8")
        assert "formats: py:percent" in src and 'tags=["parameters"]' in src
        assert "../data" not in src and "def " not in src


@pytest.mark.slow
def test_notebooks_execute_and_figures_are_byte_identical(tmp_path):
    from analysis.build import build_all
    first, second = tmp_path / "run1" / "out", tmp_path / "run2" / "out"
    build_all(config.SEED_CORPUS, first, progress=False)
    build_all(config.SEED_CORPUS, second, progress=False)
    figs = sorted(first.glob("*.png"))
    assert len(figs) >= 15
    for p in list(figs) + sorted(first.glob("*.svg")):
        assert p.stat().st_size > 2000
        assert p.read_bytes() == (second / p.name).read_bytes(), p.name
    for t in sorted((first / "tables").glob("*.csv")):
        assert t.read_bytes() == (second / "tables" / t.name).read_bytes(), t.name
    for nb in sorted((first / "notebooks").glob("*.ipynb")):
        assert '"image/png"' in nb.read_text(encoding="utf-8"), f"{nb.name} shows no figure"
    executed = sorted((first / "notebooks").iterdir())
    assert len([p for p in executed if p.suffix == ".html"]) == 7
    for p in executed:  # executed notebooks and their HTML are reproducible too (but for the output folder)
        a = p.read_text(encoding="utf-8").replace(str(first), str(second))
        assert a == (second / "notebooks" / p.name).read_text(encoding="utf-8"), p.name
    # nothing changed: a second build into the same folders writes nothing (that a touched
    # output is rebuilt is test_up_to_date_needs_the_same_inputs_and_untouched_outputs)
    assert build_all(config.SEED_CORPUS, first, progress=False) == []


def test_build_inputs_follow_corpus_dictionary_and_code(tmp_path, monkeypatch):
    import shutil

    from analysis.build import build_inputs
    corpus = tmp_path / "corpus.txt"
    shutil.copyfile(config.SEED_CORPUS, corpus)
    before = build_inputs(corpus)
    assert before == build_inputs(corpus)
    assert any(k.endswith("analysis/segmentation/tokens.py") for k in before) and any(k.endswith("01_corpus_overview.py") for k in before)
    with open(corpus, "a", encoding="utf-8") as f:
        f.write("。")
    assert build_inputs(corpus) != before
    changed = build_inputs(corpus)
    user_dict = tmp_path / "user_dict.txt"
    user_dict.write_text(config.USER_DICT.read_text(encoding="utf-8") + "新词语 n\n", encoding="utf-8")
    monkeypatch.setattr(config, "USER_DICT", user_dict)
    assert build_inputs(corpus) != changed


def test_up_to_date_needs_the_same_inputs_and_untouched_outputs(tmp_path):
    import json

    from analysis.build import _sha256, _up_to_date
    out = tmp_path / "figure.png"
    out.write_bytes(b"png")
    manifest = tmp_path / "m.json"
    manifest.write_text(json.dumps({"inputs": {"a": "1"}, "outputs": {str(out): _sha256(out)}}))
    assert _up_to_date(manifest, {"a": "1"}) == [out]
    assert _up_to_date(manifest, {"a": "2"}) is None
    out.write_bytes(b"other")
    assert _up_to_date(manifest, {"a": "1"}) is None
    out.unlink()
    assert _up_to_date(manifest, {"a": "1"}) is None
    assert _up_to_date(tmp_path / "missing.json", {"a": "1"}) is None


def test_committed_notebooks_do_not_depend_on_the_checkout():
    for p in sorted((config.NOTEBOOKS_DIR / "executed").iterdir()):
        text = p.read_text(encoding="utf-8")
        assert str(config.PROJ_ROOT) not in text, p.name
        if p.suffix == ".ipynb":
            assert text.count('"image/png"') >= 2, p.name


def test_the_tables_count_as_the_figures_do():
    """keyness.csv and the keyness figures share one counts configuration: content words, and for
    documents of different regions, names set aside (the 25 reports: 上海 is no keyword of 上海)."""
    import analysis as an
    from analysis import build

    comp = an.read_corpus(config.PROVINCIAL_CORPUS)
    tables = build.build_tables(comp, groups=("terms",))
    study = an.Study(config.PROVINCIAL_CORPUS, config.FIGURES_DIR, comp)
    figure_counts = study.counts()
    expected = an.keyness_by_speech(figure_counts, min_count=2, absent=build.ABSENT_KEYWORDS)
    pd.testing.assert_frame_equal(tables.frames["keyness.csv"], expected)
    assert study.compares_regions and "上海" not in set(tables.frames["term_frequencies.csv"]["term"])


def test_a_sink_gets_every_table_as_it_is_made_and_nothing_is_kept():
    import analysis as an
    from analysis import build

    comp = an.read_corpus(config.SEED_CORPUS)
    kept = build.build_tables(comp)
    handed: dict = {}
    sunk = build.build_tables(comp, sink=handed.__setitem__)
    assert sunk.frames == {} and sunk.names == list(kept.frames) == list(handed)
    for name, frame in kept.frames.items():
        pd.testing.assert_frame_equal(handed[name], frame, obj=name)
    assert sunk.notes == kept.notes  # five speeches of one year: the time tables are not made, and say so


def test_tables_written_in_pieces_are_the_files_written_whole(tmp_path, monkeypatch):
    """The largest tables reach the writer in pieces (only one held at a time), appended one after
    the other: the files are byte for byte the ones written in larger pieces."""
    from analysis import build
    from analysis.discourse import tracker
    from analysis.statistics import frequency, keyness

    whole = build.write_tables(config.SEED_CORPUS, tmp_path / "whole", groups=("terms", "slogans"))
    monkeypatch.setattr(frequency, "BLOCK_ROWS", 300)
    monkeypatch.setattr(keyness, "_BLOCK_ROWS", 300)
    monkeypatch.setattr(tracker, "BLOCK_ROWS", 100)
    handed: list = []
    write = build.write_table

    def recording(frame, path, fmt="csv", *, append=False):
        handed.append((path.name, len(frame), append))
        return write(frame, path, fmt, append=append)

    monkeypatch.setattr(build, "write_table", recording)
    pieces = build.write_tables(config.SEED_CORPUS, tmp_path / "pieces", groups=("terms", "slogans"))
    assert [p.name for p in pieces] == [p.name for p in whole]
    assert {"term_frequencies.csv", "keyness.csv", "formula_tracker.csv"} <= {p.name for p in pieces}
    assert sum(name == "keyness.csv" for name, _, _ in handed) >= 3
    assert sum(name == "formula_tracker.csv" for name, _, _ in handed) >= 3
    assert [append for name, _, append in handed if name == "keyness.csv"][:2] == [False, True]
    for a, b in zip(whole, pieces):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_the_readmes_layout_table_names_every_module():
    """The tour of the layout says where each module is: a new module missing from it fails."""
    rows = [line for line in (config.PROJ_ROOT / "README.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("| `analysis/")]
    missing = []
    for path in sorted((config.PROJ_ROOT / "analysis").rglob("*.py")):
        if path.name in ("__init__.py", "__main__.py"):
            continue
        folder = path.parent.relative_to(config.PROJ_ROOT).as_posix() + "/"
        named = [r for r in rows if f"`{folder}`" in r and f"`{path.stem}`" in r] if folder != "analysis/" else \
            [r for r in rows if f"`analysis/{path.name}`" in r or f"`{path.name}`" in r]
        if not named:
            missing.append(path.relative_to(config.PROJ_ROOT).as_posix())
    assert not missing, missing


def test_a_print_sent_in_pieces_is_one_output_and_nothing_moves_past_a_table():
    import nbformat

    from analysis import build

    out = nbformat.v4.new_output
    cell = nbformat.v4.new_code_cell("print(...)")
    cell.outputs = [out("stream", name="stdout", text="a\n"), out("stream", name="stdout", text="b\n"),
                    out("display_data", data={"text/plain": "table"}), out("stream", name="stdout", text="c\n")]
    nb = nbformat.v4.new_notebook(cells=[cell])
    build._join_split_streams(nb)
    assert [o.get("text", o.get("data")) for o in nb.cells[0].outputs] == ["a\nb\n", {"text/plain": "table"}, "c\n"]


def test_a_table_longer_than_an_excel_sheet_goes_on_to_further_sheets(tmp_path, monkeypatch):
    from analysis import build

    monkeypatch.setattr(build, "EXCEL_ROWS", 3)
    frame = pd.DataFrame({"term": list("抓项目招商引资"), "n": range(7)})
    path = build.write_table(frame, tmp_path / "term_frequencies.csv", "xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["rows 1-3", "rows 4-6", "rows 7-7"]
    assert pd.concat(sheets.values(), ignore_index=True).equals(frame)


def test_a_folder_never_mixes_the_tables_or_figures_of_two_corpora(tmp_path):
    from analysis import build

    two = tmp_path / "two"
    two.mkdir()
    for k, year in enumerate((2022, 2023, 2024)):
        (two / f"{year}.txt").write_text(f"同志们：\n要抓项目、抓招商、抓落实{k}。投资增长{k + 5}%。\n", encoding="utf-8")
    one = tmp_path / "one.txt"
    one.write_text("同志们：\n要抓项目、抓招商。\n", encoding="utf-8")
    out = tmp_path / "out"
    build.write_tables(two, out)
    assert (out / "keyness.csv").is_file() and (out / "term_trends.csv").is_file()
    notes = []
    written = build.write_tables(one, out, notes=notes)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)  # no keyness of the three
    assert any(n.startswith("removed keyness.csv, term_trends.csv") for n in notes)
    figures = tmp_path / "figures"
    figures.mkdir()
    for name in ("old.png", "kept.png", "notes.txt"):
        (figures / name).write_text("x")
    before = build._figure_files(figures)
    (figures / "kept.png").write_text("drawn again")
    os.utime(figures / "kept.png", ns=(1, before[figures / "old.png"] + 1))
    build._remove_stale_figures(figures, before)
    assert sorted(p.name for p in figures.iterdir()) == ["kept.png", "notes.txt"]


def test_no_trend_is_tested_across_groups_that_are_names(tmp_path):
    from analysis import build

    rows = [{"province": p, "year": 2020 + k, "text": f"同志们：\n要抓项目、抓招商{k}。投资增长{k}%。"}
            for k, p in enumerate(["浙江", "上海", "江苏", "安徽", "福建"])]
    corpus = tmp_path / "posts.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    notes = []
    written = build.write_tables(corpus, tmp_path / "by_province", groups=("time",), by="province", notes=notes)
    assert "trending_terms.csv" not in {p.name for p in written} and "term_trends.csv" in {p.name for p in written}
    assert any("'province' holds names" in n for n in notes)
    written = build.write_tables(corpus, tmp_path / "by_year", groups=("time",), notes=notes)
    assert "trending_terms.csv" in {p.name for p in written}
