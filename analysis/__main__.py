"""Command line: ``python -m analysis {speeches,terms,slogans,numbers,tables,figures}``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import CorpusError, FontNotFoundError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("speeches", "print the speech table and write speeches.csv, spans.csv"),
                       ("terms", "write term_frequencies.csv and keyness.csv"),
                       ("slogans", "write slogans.csv and outline.csv"),
                       ("numbers", "write numeric_targets.csv and dating_evidence.csv"),
                       ("tables", "write every processed table"),
                       ("figures", "write every table, execute every notebook, write every figure")):
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument("--corpus", type=Path, default=None, help="a compilation file, a speech file or a folder")
        p.add_argument("--out", type=Path, default=None,
                       help="output folder (default: data/processed or figures/ for the project's corpus, "
                       "out/<corpus name>/ for any other)")
        if name in ("terms", "tables", "figures"):
            p.add_argument("--processes", type=int, default=1,
                           help="segment and extract on this many processes (0: every core); same output")
        if name == "figures":
            p.add_argument("--force", action="store_true",
                           help="rebuild even when nothing the figures depend on has changed")
    args = parser.parse_args(argv)
    from . import build as pipeline
    from . import config

    if args.corpus is not None and args.out is None and args.corpus.resolve() != config.DEFAULT_CORPUS.resolve():
        # someone else's speeches must not overwrite the project's own tables and figures
        # (the "wrote ..." lines say where they went)
        args.out = Path("out") / args.corpus.resolve().stem
    try:
        if args.command == "figures":
            paths = pipeline.build_all(args.corpus, args.out, processes=args.processes, force=args.force)
        else:
            if args.command == "speeches":
                from .reading.corpus import read_corpus, speech_table
                table = speech_table(read_corpus(args.corpus).speeches)
                shown = table[["speech", "title", "speaker", "role", "date", "n_chars"]]
                print(shown.astype(object).where(shown.notna(), "").to_string(index=False))  # unknown: blank
            groups = tuple(pipeline.TABLE_GROUPS) if args.command == "tables" else (args.command,)
            paths = pipeline.write_tables(args.corpus, args.out, groups=groups,
                                          processes=getattr(args, "processes", 1))
    except (CorpusError, FontNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for p in paths:
        print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
