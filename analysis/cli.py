"""The command line: ``python -m analysis COMMAND [--corpus PATH] [--out DIR] ...``."""
from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path

from . import __version__, config
from .errors import CorpusError, FontNotFoundError, OptionError, use_one_line_warnings

DESCRIPTION = """\
Read Chinese political speeches as a corpus linguist would: split a corpus into
speeches losslessly, segment it with jieba, and write tidy tables (frequencies,
keyness, slogans, outlines, numeric targets) and every figure of the notebooks."""

EPILOG = """\
input (--corpus):
  a compilation file (several speeches under 第一篇… headings), one speech file,
  or a folder of such files (.txt, .docx, .pdf, .html; a metadata.csv beside them
  joins its columns by file name); text in UTF-8, UTF-16 or GB18030/GBK (detected).
  Or a table with one document per row: .jsonl, .json, .csv, .tsv, .parquet, .xlsx
  (the text column is found by name, or named with --text-field; the other columns
  are kept as metadata, and a year or date column dates the documents).
  Without --corpus: the project's five-speech compilation in data/raw/.

output (--out DIR):
  DIR/tables/     the tables (--format csv, xlsx or parquet)
  DIR/figures/    every figure, PNG and SVG            (figures only)
  DIR/notebooks/  the executed notebooks and their HTML (figures only)
  Without --out: the project's own corpus goes to data/processed/, figures/ and
  notebooks/executed/; any other corpus to out/<its name>/, laid out as above.
  A folder written again keeps no table or figure of an earlier corpus that
  this one does not give (each is named as it is removed).

examples:
  python -m analysis speeches --corpus my_speeches/
  python -m analysis tables --corpus report.txt --format xlsx --out results
  python -m analysis figures --corpus data/raw/provincial-2026 --out /tmp/provinces --processes 2
"""

COMMANDS = {
    "speeches": ("print the speech table and write speeches and spans", ("speeches",)),
    "terms": ("write term frequencies and keyness", ("terms",)),
    "slogans": ("write slogans and outlines", ("slogans",)),
    "numbers": ("write numeric targets and dating evidence", ("numbers",)),
    "time": ("write the tables of change over time (documents of three years or more)", ("time",)),
    "tables": ("write every processed table", ("speeches", "terms", "slogans", "numbers", "time")),
    "figures": ("write every table, execute every notebook, write every figure", None),
}
#: Commands whose work can use several processes.
PARALLEL = ("terms", "slogans", "numbers", "time", "tables", "figures")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m analysis", description=DESCRIPTION, epilog=EPILOG,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (text, _) in COMMANDS.items():
        p = sub.add_parser(name, help=text, description=text, epilog=EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--corpus", type=Path, nargs="+", default=None,
                       help="a compilation file, a speech file, a folder or a table of documents")
        p.add_argument("--out", type=Path, default=None, help="output folder (see below)")
        p.add_argument("--text-field", default=None, metavar="COLUMN",
                       help="the text column of a table corpus (.jsonl, .csv, .xlsx ...), when its name is not "
                            "text, content, body, 正文 …")
        if name in ("time", "tables", "figures"):
            p.add_argument("--by", default="year", metavar="COLUMN",
                           help="the document column the time tables follow (default: year)")
        if name in ("slogans", "time", "tables", "figures"):
            p.add_argument("--reference", default=None, metavar="PATH",
                           help="the corpus of official language formulas are measured against (default: the 25 "
                                "provincial reports of 2026; none: general Chinese only)")
        if name in PARALLEL:
            p.add_argument("--processes", type=int, default=0,
                           help="work on this many processes (default 0: every core, one per GiB of memory at "
                                "most; a corpus too small to gain stays on one); the output is the same")
            p.add_argument("--dask", default=None, metavar="ADDRESS",
                           help="work on a Dask cluster: local (one worker per core) or tcp://HOST:8786; the "
                                "output is the same (needs pip install 'speech-analysis[dask]')")
        if name != "figures":
            p.add_argument("--format", choices=("csv", "xlsx", "parquet"), default="csv",
                           help="table format (xlsx needs openpyxl, parquet pyarrow)")
        else:
            p.add_argument("--force", action="store_true",
                           help="rebuild even when nothing the figures depend on has changed")
        p.add_argument("--quiet", action="store_true", help="no progress bars")
    return top


def output_folders(corpus: Path | None, out: Path | None) -> dict[str, Path] | None:
    """Where tables, figures and notebooks go: DIR/tables, DIR/figures, DIR/notebooks, or the
    project's own folders for its own corpus (None)."""
    own = corpus is None or corpus.resolve() == config.DEFAULT_CORPUS.resolve()
    if out is None and own:
        return None
    # someone else's speeches never overwrite the project's own tables and figures
    out = out if out is not None else Path("out") / corpus.resolve().stem
    return {"tables": out / "tables", "figures": out / "figures", "notebooks": out / "notebooks"}


def _print_speeches(corpus: Path | None) -> None:
    from .reading.corpus import read_corpus, speech_table

    with warnings.catch_warnings():  # the tables written next read the corpus again and say what it warns of
        warnings.simplefilter("ignore")
        table = speech_table(read_corpus(corpus).speeches)
    shown = table[["speech", "label", "title", "speaker", "role", "date", "n_chars"]]
    print(shown.astype(object).where(shown.notna(), "").to_string(index=False))  # unknown: blank


def run(args: argparse.Namespace) -> tuple[list[Path], list[str], list[str]]:
    """Do the command: the paths written, notes (what could not be made) and failures."""
    from . import build

    folders = output_folders(args.corpus, args.out)
    notes: list[str] = []
    failures: list[str] = []
    progress = not args.quiet
    if args.command == "figures":
        kwargs = {} if folders is None else {"tables_dir": folders["tables"], "notebooks_out": folders["notebooks"]}
        paths = build.build_all(args.corpus, None if folders is None else folders["figures"], processes=args.processes,
                                force=args.force, progress=progress, failures=failures, by=args.by, **kwargs)
        return paths, notes, failures
    if args.command == "speeches":
        _print_speeches(args.corpus)
    paths = build.write_tables(args.corpus, None if folders is None else folders["tables"],
                               groups=COMMANDS[args.command][1], processes=getattr(args, "processes", 1),
                               fmt=args.format, progress=progress, notes=notes, by=getattr(args, "by", "year"))
    return paths, notes, failures


def _run_where_asked(args: argparse.Namespace) -> tuple[list[Path], list[str], list[str]]:
    """:func:`run` here, or with its per-speech work on the Dask cluster ``--dask`` names."""
    if not getattr(args, "dask", None):
        return run(args)
    from .parallel import dask_cluster

    with dask_cluster(args.dask):
        return run(args)


def _wrong_option(args: argparse.Namespace) -> str | None:
    """What is wrong with an option the user gave, in one line; None when nothing is."""
    if getattr(args, "processes", 0) < 0:
        return f"--processes {args.processes}: give a number of processes, or 0 for every core"
    reference = getattr(args, "reference", None)
    if reference and reference != "none" and not Path(reference).exists():
        return f"--reference {reference}: no such file or folder (none: general Chinese only)"
    return None


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # the output was piped into head or the like, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _main(argv: list[str] | None) -> int:
    args = parser().parse_args(argv)
    use_one_line_warnings()
    if args.corpus is not None and len(args.corpus) > 1:  # the shell expanded --corpus speeches/*.txt
        shown = ", ".join(map(str, args.corpus[:3])) + (" …" if len(args.corpus) > 3 else "")
        print(f"error: --corpus takes one file or folder, and {len(args.corpus)} were given ({shown}): "
              "give the folder that holds them", file=sys.stderr)
        return 2
    args.corpus = args.corpus[0] if args.corpus else None
    wrong = _wrong_option(args)
    if wrong:
        print(f"error: {wrong}", file=sys.stderr)
        return 2
    if args.text_field:  # read by read_corpus here and in the notebook kernels the figures start
        os.environ["ANALYSIS_TEXT_FIELD"] = args.text_field
    if getattr(args, "reference", None):  # likewise: the build and the notebook kernels measure against it
        os.environ["ANALYSIS_REFERENCE"] = args.reference
        config.REFERENCE_CORPUS = Path(args.reference)
    try:
        paths, notes, failures = _run_where_asked(args)
    except (CorpusError, FontNotFoundError, OptionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        raise
    except Exception as exc:  # a user's corpus never ends in a traceback: one line, and where to report it
        print(f"error: unexpected {type(exc).__name__}: {exc} (please report this with the corpus that caused it)",
              file=sys.stderr)
        return 3
    for p in paths:
        print(f"wrote {p}")
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    for failure in failures:
        print(f"failed: {failure}", file=sys.stderr)
    return 1 if failures else 0
