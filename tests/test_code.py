"""The code itself: lint clean, functions of modest size, modules named for what they hold."""
import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import config

PACKAGE = config.PROJ_ROOT / "analysis"
#: The segmentation engine: numpy ports of jieba's loops, kept in jieba's own shape so
#: that each step can be compared with the code it reproduces.
ENGINE = {PACKAGE / "segmentation" / "cutter.py", PACKAGE / "segmentation" / "tagger.py"}
MAX_FUNCTION_LINES = 60
MAX_CLASS_LINES = 150


def _definitions():
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                yield path, node, node.end_lineno - node.lineno + 1


def test_ruff_finds_nothing():
    ruff = Path(sys.executable).with_name("ruff")
    done = subprocess.run([str(ruff), "check", "analysis", "tests", "notebooks", "bench"], cwd=config.PROJ_ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_functions_and_classes_are_of_modest_size():
    too_long = [f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({n} lines)"
                for path, node, n in _definitions() if path not in ENGINE
                and n > (MAX_CLASS_LINES if isinstance(node, ast.ClassDef) else MAX_FUNCTION_LINES)]
    assert not too_long, "\n".join(too_long)


def _module_names_bound_twice(source: str) -> list[str]:
    bound = [n.id for node in ast.parse(source).body if isinstance(node, (ast.Assign, ast.AnnAssign))
             for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
             for n in ast.walk(target) if isinstance(n, ast.Name)]
    return sorted({name for name in bound if bound.count(name) > 1})


def test_no_module_binds_a_constant_twice():
    # a second SPACES once shadowed the first: every module that imported it got the other one
    assert _module_names_bound_twice("SPACES = ' '\nRUN = SPACES\nSPACES = '\\t'\n") == ["SPACES"]
    twice = {path.relative_to(PACKAGE).as_posix(): names for path in sorted(PACKAGE.rglob("*.py"))
             if (names := _module_names_bound_twice(path.read_text(encoding="utf-8")))}
    assert not twice


def test_no_module_is_named_for_its_speed_or_shadows_the_standard_library():
    # the stage packages (analysis.statistics ...) are only ever reached by their full name;
    # a module is what a stray sys.path entry could put in front of the standard library's
    modules = {p.stem for p in PACKAGE.rglob("*.py")} - {"__init__", "__main__"}
    assert not {n for n in modules if n.startswith(("fast", "quick", "speedy"))}
    assert not modules & set(sys.stdlib_module_names)


@pytest.mark.parametrize("package", ["reading", "segmentation", "statistics", "discourse", "figures"])
def test_tests_mirror_the_packages(package):
    modules = {p.stem for p in (PACKAGE / package).glob("*.py") if p.stem != "__init__"}
    tested = {p.stem.removeprefix("test_") for p in (config.PROJ_ROOT / "tests" / package).glob("test_*.py")}
    assert tested, f"tests/{package}/ holds no tests"
    assert tested <= modules | {"scaling", "bad_inputs"}, tested - modules


def test_the_flat_api_is_explicit_and_complete():
    import analysis as an

    assert len(an.__all__) == len(set(an.__all__))
    missing = [name for name in an.__all__ if not hasattr(an, name)]
    assert not missing
    undocumented = [name for name in an.__all__ if callable(getattr(an, name)) and not getattr(an, name).__doc__]
    assert not undocumented, undocumented
    # every public function shows one runnable example (pytest runs them as doctests)
    functions = [name for name in an.__all__ if callable(getattr(an, name)) and not isinstance(getattr(an, name), type)]
    without = [name for name in functions if ">>>" not in getattr(an, name).__doc__]
    assert not without, without


def test_importing_the_package_loads_neither_jieba_nor_a_matplotlib_backend():
    code = ("import sys, analysis; "
            "print(any(m == 'jieba' or m.startswith('jieba.') for m in sys.modules), 'matplotlib.pyplot' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=config.PROJ_ROOT)
    assert done.stdout.split() == ["False", "False"], done.stdout + done.stderr


def test_caches_follow_the_content_of_their_files(tmp_path):
    """Editing the indicator table or the stopword list in a live session takes effect at once."""
    import analysis as an

    table = tmp_path / "indicators.tsv"
    table.write_text("gdp\t生产总值\n", encoding="utf-8")
    assert an.discourse.commitments.normalised_indicator("城镇新增就业", str(table)) == ""
    table.write_text("gdp\t生产总值\nnew_urban_jobs\t新增就业\n", encoding="utf-8")
    assert an.discourse.commitments.normalised_indicator("城镇新增就业", str(table)) == "new_urban_jobs"
    stop = tmp_path / "stop.txt"
    stop.write_text("的\n", encoding="utf-8")
    assert "了" not in an.read_stopwords(stop)
    stop.write_text("的\n了\n", encoding="utf-8")
    assert "了" in an.read_stopwords(stop)
    an.clear_caches()
    from analysis.caches import _REGISTERED

    assert _REGISTERED and all(f.cache_info().currsize == 0 for f in _REGISTERED)


#: What writes a Chinese-text rule inline: a Han range, a class of five numerals or more, a
#: class of sentence ends (``[。！？…`` or ``[^。！？…``).
INLINE_RULE = re.compile(r"\\u4e00|\\u9fff|[一二三四五六七八九十两百零〇]{5,}|\[\^?[。！？；!?]{2,}")


def test_every_chinese_text_rule_is_written_once_in_chinese_py():
    """Han ranges, numeral classes and sentence-end classes are defined in analysis/chinese.py
    (the segmentation engine, jieba's own rules, aside) and named wherever they are used."""
    segmentation = PACKAGE / "segmentation"
    inline = [f"{path.relative_to(PACKAGE)}:{n}: {line.strip()[:80]}"
              for path in sorted(PACKAGE.rglob("*.py"))
              if path != PACKAGE / "chinese.py" and segmentation not in path.parents
              for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if INLINE_RULE.search(line)]
    assert not inline, "\n".join(inline)


#: A line-length rule written as a bare number (``len(s) <= 40``): the thresholds of reading lines
#: are named in chinese.py (SHORT_LINE, PROSE_LINE, RUNNING_TEXT).
BARE_LENGTH = re.compile(r"len\((?:s|line|text|raw)\)\s*[<>]=?\s*\d{2}\b|\bend\b[^=]*\s[<>]=?\s*\d{2}\b")


def test_line_length_thresholds_are_named():
    bare = [f"{path.relative_to(PACKAGE)}:{n}: {line.strip()[:80]}"
            for folder in ("reading", "discourse")
            for path in sorted((PACKAGE / folder).rglob("*.py"))
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if BARE_LENGTH.search(line)]
    assert not bare, "\n".join(bare)
    assert BARE_LENGTH.search("if len(s) <= 40:") and not BARE_LENGTH.search("if len(s) <= SHORT_LINE:")


def test_the_rule_test_would_see_an_inline_rule():
    assert INLINE_RULE.search('re.compile(r"[一二三四五六七八九十]+")')
    assert INLINE_RULE.search('re.finditer("[。；\\n]", text)') and INLINE_RULE.search(r'"[\u4e00-\u9fff]"')
    assert not INLINE_RULE.search('re.compile(rf"[{CN_SMALL}]+")')
