# Every target sets itself up: a fresh machine needs only Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup figures tables test test-fast lint lab bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is needed (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -c 'import analysis; print("CJK font:", analysis.find_cjk_font())'
	@touch $(STAMP)

setup: $(STAMP) ## create .venv and install the project with its font (Noto Sans CJK SC)

tables: setup ## write every processed table to data/processed
	$(PY) -m analysis tables

figures: setup ## write the tables, execute every notebook, write every figure (FORCE=1: even if up to date)
	$(PY) -m analysis figures $(if $(FORCE),--force)

# pytest exits 5 when it collects no tests: that must fail, never pass silently
test: setup ## run the whole test suite (unit tests, doctests, lint, the notebooks)
	$(PY) -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

test-fast: setup ## the quick loop (under a minute): everything but the tests marked slow
	$(PY) -m pytest -m "not slow" -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

lint: setup ## ruff over the package, the tests, the notebooks and the benchmark
	$(VENV)/bin/ruff check analysis tests notebooks bench

lab: setup ## open the notebooks in JupyterLab from the project's environment
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

bench: setup ## time the whole pipeline against bare jieba on the seed, the 25 reports, 10x, 50x and 100x
	$(PY) bench/run.py

clean: ## remove the environment and caches (not data or figures)
	rm -rf $(VENV) .cache .pytest_cache
