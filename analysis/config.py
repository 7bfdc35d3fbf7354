"""Every path the project uses, defined once.

Notebooks, the CLI and the tests import these names; nothing else spells out
``data/`` or ``figures/``.  Environment variables let a user point the same
code at another corpus or output folder without editing anything.
"""
from __future__ import annotations

import os
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[1]

DATA_DIR = PROJ_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = Path(os.environ.get("ANALYSIS_PROCESSED_DIR", DATA_DIR / "processed"))
DICT_DIR = DATA_DIR / "dict"

#: The five-speech compilation, byte for byte as it was collected.
SEED_CORPUS = RAW_DIR / "000_30715ac9391e336e.txt"
#: 25 provincial government work reports of 2026 (one file per report).
PROVINCIAL_CORPUS = RAW_DIR / "provincial-2026"
#: The political reports of the national party congresses 1921–2022, one JSON line each,
#: as the Chinese Wikisource publishes them (with ``metadata.csv`` giving each its year).
CONGRESS_CORPUS = RAW_DIR / "cpc-congress" / "cpc_congress_reports.jsonl"
#: The reference corpus of official language that formulas are measured against
#: (:mod:`analysis.discourse.termhood`); a user can point it at their own.
REFERENCE_CORPUS = Path(os.environ.get("ANALYSIS_REFERENCE", PROVINCIAL_CORPUS))

#: The corpus a notebook or command reads when it is given none.
DEFAULT_CORPUS = Path(os.environ.get("ANALYSIS_CORPUS", SEED_CORPUS))

FIGURES_DIR = Path(os.environ.get("ANALYSIS_FIGURES_DIR", PROJ_ROOT / "figures"))
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"

#: Segmentation cache and the extracted font live here (git-ignored).
CACHE_DIR = Path(os.environ.get("ANALYSIS_CACHE_DIR", PROJ_ROOT / ".cache"))

USER_DICT = DICT_DIR / "user_dict.txt"
#: Normalised indicator names for target statements (a user can point this at their own table).
INDICATORS = Path(os.environ.get("ANALYSIS_INDICATORS", DICT_DIR / "indicators.tsv"))
STOPWORDS = DICT_DIR / "stopwords.txt"
PLACES = DICT_DIR / "places.txt"

#: Reading limits (bytes), so that no file can exhaust memory: a Word, Excel or PDF file
#: whose compressed parts expand past MAX_EXPANDED_BYTES is refused, and so is any
#: file larger than MAX_FILE_BYTES.  Both can be raised through the environment.
MAX_EXPANDED_BYTES = int(os.environ.get("ANALYSIS_MAX_EXPANDED_BYTES", 200 * 2**20))
MAX_FILE_BYTES = int(os.environ.get("ANALYSIS_MAX_FILE_BYTES", 2**30))
