"""The project itself: environment files in step, raw data untouched, notebooks run and reproduce."""
import hashlib
import re
import tomllib
from pathlib import Path

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
    assert len(lines) == 26
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((config.RAW_DIR / name).read_bytes()).hexdigest() == digest, name


def test_notebooks_are_paired_and_thin():
    scripts = sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.py"))
    assert len(scripts) == 5
    for s in scripts:
        src = s.read_text(encoding="utf-8")
        assert "formats: py:percent" in src and 'tags=["parameters"]' in src
        assert "../data" not in src and "def " not in src


def test_notebooks_execute_and_figures_are_byte_identical(tmp_path):
    from analysis.pipeline import build_all
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
    assert len([p for p in executed if p.suffix == ".html"]) == 5
    for p in executed:  # executed notebooks and their HTML are reproducible too (but for the output folder)
        a = p.read_text(encoding="utf-8").replace(str(first), str(second))
        assert a == (second / "notebooks" / p.name).read_text(encoding="utf-8"), p.name


def test_committed_notebooks_do_not_depend_on_the_checkout():
    for p in sorted((config.NOTEBOOKS_DIR / "executed").iterdir()):
        text = p.read_text(encoding="utf-8")
        assert str(config.PROJ_ROOT) not in text, p.name
        if p.suffix == ".ipynb":
            assert text.count('"image/png"') >= 2, p.name
