"""The command line explains itself, writes what it says, and never shows a user a traceback."""
import re
import subprocess
import sys

import pandas as pd
import pytest

from analysis import config
from analysis.cli import main

ONE_SPEECH = "在全市项目建设调度会上的讲话\n同志们：\n今年要抓项目、抓招商、抓落实，投资增长10%，开工率达到44.2%。\n"


@pytest.fixture
def one_speech(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(ONE_SPEECH, encoding="utf-8")
    return path


def test_help_describes_inputs_outputs_and_examples(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for part in ("compilation file", "GB18030", "DIR/tables", "DIR/figures", "examples:", "--corpus"):
        assert part in text, part


def test_version(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert "0.1.0" in capsys.readouterr().out


def test_every_command_that_can_use_processes_takes_them(one_speech, tmp_path, capsys):
    for command in ("terms", "slogans", "numbers", "tables"):
        assert main([command, "--corpus", str(one_speech), "--out", str(tmp_path / command),
                     "--processes", "1", "--quiet"]) == 0, command


def test_one_speech_keyness_is_one_line_not_inf(one_speech, tmp_path, capsys):
    assert main(["terms", "--corpus", str(one_speech), "--out", str(tmp_path), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "keyness compares speeches: this corpus has 1" in captured.err
    assert not (tmp_path / "tables" / "keyness.csv").exists()
    assert "inf" not in (tmp_path / "tables" / "term_frequencies.csv").read_text(encoding="utf-8")


def test_parquet_needs_pyarrow_and_says_so(one_speech, tmp_path, capsys):
    import importlib.util

    code = main(["numbers", "--corpus", str(one_speech), "--out", str(tmp_path), "--format", "parquet", "--quiet"])
    if importlib.util.find_spec("pyarrow") is None:  # the project's own environment: see pyproject.toml
        assert code == 2
        err = capsys.readouterr().err
        assert "pyarrow" in err and "pip install" in err and err.strip().count("\n") == 0
    else:
        assert code == 0
        assert pd.read_parquet(tmp_path / "tables" / "numeric_targets.parquet")["surface"].tolist() == ["10%", "44.2%"]


@pytest.mark.parametrize("fmt, suffix", [("csv", ".csv"), ("xlsx", ".xlsx")])
def test_tables_in_every_format_hold_the_same_rows(one_speech, tmp_path, fmt, suffix, capsys):
    assert main(["numbers", "--corpus", str(one_speech), "--out", str(tmp_path / fmt), "--format", fmt,
                 "--quiet"]) == 0
    path = tmp_path / fmt / "tables" / f"numeric_targets{suffix}"
    assert f"wrote {path}" in capsys.readouterr().out
    read = {"csv": pd.read_csv, "xlsx": pd.read_excel}[fmt]
    assert read(path)["surface"].tolist() == ["10%", "44.2%"]


def test_same_layout_with_and_without_out(one_speech, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["numbers", "--corpus", str(one_speech), "--quiet"]) == 0
    assert main(["numbers", "--corpus", str(one_speech), "--out", "mine", "--quiet"]) == 0
    assert (tmp_path / "out" / "one" / "tables" / "numeric_targets.csv").read_bytes() == \
        (tmp_path / "mine" / "tables" / "numeric_targets.csv").read_bytes()


def test_bad_corpus_is_one_line_without_traceback(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    done = subprocess.run([sys.executable, "-m", "analysis", "tables", "--corpus", str(binary), "--out",
                           str(tmp_path / "out"), "--quiet"], capture_output=True, text=True, cwd=config.PROJ_ROOT)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.strip().count("\n") == 0
    assert "photo.txt" in done.stderr


@pytest.mark.parametrize("command", ["speeches", "tables", "figures"])
def test_a_missing_corpus_is_one_line_naming_it_from_every_command(command, tmp_path):
    """figures reads its inputs for their digests before the corpus: it must say the same as the others."""
    missing = tmp_path / "nope.txt"
    done = subprocess.run([sys.executable, "-m", "analysis", command, "--corpus", str(missing), "--out",
                           str(tmp_path / "out"), "--quiet"], capture_output=True, text=True, cwd=config.PROJ_ROOT)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == f"error: {missing}: no such file or folder"


def test_several_corpora_from_a_shell_pattern_is_one_line_asking_for_the_folder(tmp_path, capsys):
    from analysis.cli import main

    files = [tmp_path / f"{k}.txt" for k in range(5)]
    assert main(["tables", "--corpus", *map(str, files), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    said = capsys.readouterr().err.strip()
    assert said.startswith("error: --corpus takes one file or folder, and 5 were given (") and "\n" not in said
    assert "give the folder" in said and str(files[0]) in said


@pytest.mark.parametrize("name,content,said", [
    ("empty_objects.jsonl", "{}\n{}\n", "empty_objects.jsonl: its rows have no fields"),
    ("empty_text.csv", "title,text\na,\nb,\n", "empty_text.csv: no row has any text in its 'text' column"),
    ("header_only.csv", "title,text\n", "header_only.csv: the table has no rows"),
])
def test_a_table_without_text_says_what_it_lacks_in_one_line(tmp_path, capsys, name, content, said):
    from analysis.cli import main

    (tmp_path / name).write_text(content, encoding="utf-8")
    assert main(["speeches", "--corpus", str(tmp_path / name), "--out", str(tmp_path / "out"), "--quiet"]) != 0
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and err.endswith(said) and "\n" not in err


#: Figures of change over time (three years or more) and of metadata groups: undated speeches have neither.
NEEDS_YEARS_OR_GROUPS = {"time_term_trends", "time_formula_timeline", "time_target_series", "corpus_keyness_by_group"}


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["one speech", "untitled file"])
def test_figures_on_small_and_untitled_corpora(corpus, one_speech, tmp_path):
    if corpus == "one speech":
        target = one_speech
        expected_missing = {"shared_vocabulary", "keyness_by_speech", "speech_similarity", "corpus_similarity_tree",
                            "corpus_correspondence_map", "corpus_keyness_by_document"} | NEEDS_YEARS_OR_GROUPS
    else:
        target = tmp_path / "folder"
        target.mkdir()
        (target / "a.txt").write_text(ONE_SPEECH, encoding="utf-8")
        (target / "b.txt").write_text("同志们：\n要抓开工、抓进度、抓服务。项目是经济工作的生命线。\n", encoding="utf-8")
        expected_missing = set(NEEDS_YEARS_OR_GROUPS)
    done = subprocess.run([sys.executable, "-m", "analysis", "figures", "--corpus", str(target), "--out",
                           str(tmp_path / "out"), "--quiet"], capture_output=True, text=True, cwd=config.PROJ_ROOT)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    drawn = {p.stem for p in (tmp_path / "out" / "figures").glob("*.png")}
    every = {p.stem for p in config.FIGURES_DIR.glob("*.png") if not re.search(r"_p\d+$", p.stem)}  # pages 2+
    # every figure the seed gets that this corpus can have (a corpus may get more: targets of its own)
    assert every - expected_missing <= drawn, sorted(every - expected_missing - drawn)
    assert not drawn & expected_missing


def test_output_piped_into_head_is_no_traceback():
    done = subprocess.run(f"{sys.executable} -m analysis speeches --quiet --out /tmp/analysis-pipe-test | head -1",
                          shell=True, capture_output=True, text=True, cwd=config.PROJ_ROOT)
    assert done.stdout.startswith("speech") and "Traceback" not in done.stderr and "error" not in done.stderr


@pytest.mark.parametrize("option,said", [
    (["--processes", "-3"], "error: --processes -3: give a number of processes, or 0 for every core"),
    (["--reference", "/no/such/reference"], "error: --reference /no/such/reference: no such file or folder"),
])
def test_a_wrong_option_is_one_line_before_any_work(option, said, tmp_path, capsys):
    from analysis.cli import main

    assert main(["tables", "--corpus", str(config.SEED_CORPUS), "--out", str(tmp_path / "out"), "--quiet", *option]) == 2
    assert capsys.readouterr().err.strip().startswith(said)
    assert not (tmp_path / "out").exists()
