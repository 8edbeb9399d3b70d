"""Command line: ``python -m analysis extract|evaluate`` (the contract in PRODUCT.md).

Errors print one line on stderr and exit non-zero; an article with nothing in it gives a valid
empty table (header only for CSV, nothing for JSONL).
"""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from analysis import settings
from analysis.alignment import alignment
from analysis.catalog import load_catalog
from analysis.errors import AnalysisError

TABLES = ("actors", "statements", "reactions", "alignment")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract", help="extract a table from article files or folders")
    ext.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .md or .html files, or folders of them")
    ext.add_argument("--table", choices=TABLES, default="statements")
    ext.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    ext.add_argument("--out", help="write to this file instead of stdout")
    ext.add_argument("--reference", default=None, help="reference country for --table alignment (default: DASHBOARD_REFERENCE)")
    ext.add_argument("--catalog", default=None, help="issue catalog TOML (default: DASHBOARD_CATALOG)")
    ev = sub.add_parser("evaluate", help="precision/recall/F1 against gold JSON files")
    ev.add_argument("gold", nargs="+", metavar="GOLD")
    ev.add_argument("--json", action="store_true", help="print the full result as JSON")
    return parser


def write_table(df: pd.DataFrame, fmt: str, out) -> None:
    if fmt == "csv":
        df.to_csv(out, index=False)
    else:
        for row in df.to_dict("records"):
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def _extract(args) -> pd.DataFrame:
    from analysis.corpus import analyze
    from analysis.reader import expand_paths, read_file

    files = expand_paths(args.paths)
    if not files:
        raise AnalysisError("no .txt, .md or .html files found in the paths given.")
    articles = [read_file(f) for f in files]
    tables = analyze(articles, args.catalog)
    if args.table == "alignment":
        issues = [i.id for i in load_catalog(args.catalog)]
        ref = (args.reference or settings.get("DASHBOARD_REFERENCE")).upper()
        return alignment(tables.statements, ref, issues)
    return getattr(tables, args.table)


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            df = _extract(args)
            if args.out:
                with open(args.out, "w", encoding="utf-8", newline="") as fh:
                    write_table(df, args.format, fh)
            else:
                write_table(df, args.format, sys.stdout)
        else:
            from analysis.evaluate import evaluate, report

            result = evaluate(args.gold)
            print(json.dumps(result, indent=2, default=str) if args.json else report(result))
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head & co.
        return 0
    return 0
