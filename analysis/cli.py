"""Command line: ``python -m analysis extract|evaluate|ingest|export`` (the contract in PRODUCT.md).

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
    ing = sub.add_parser("ingest", help="add article files to the corpus database (DASHBOARD_DB)")
    ing.add_argument("paths", nargs="+", metavar="PATH")
    ing.add_argument("--db", default=None, help="database file (default: DASHBOARD_DB)")
    exp = sub.add_parser("export", help="a table from the corpus database, corrections applied")
    exp.add_argument("--table", choices=TABLES + ("corrections", "gold"), default="statements")
    exp.add_argument("--format", choices=("csv", "jsonl", "json"), default="csv")
    exp.add_argument("--out", help="write to this file instead of stdout")
    exp.add_argument("--reference", default=None)
    exp.add_argument("--db", default=None, help="database file (default: DASHBOARD_DB)")
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


def _ingest(args) -> int:
    from tqdm import tqdm

    from analysis.reader import expand_paths, read_file
    from analysis.store import Store

    files = expand_paths(args.paths)
    if not files:
        raise AnalysisError("no .txt, .md or .html files found in the paths given.")
    store = Store(args.db)
    articles, failures = [], 0
    for f in files:
        try:
            articles.append((str(f), read_file(f)))
        except AnalysisError as exc:
            failures += 1
            print(f"skipped: {exc}", file=sys.stderr)
    with tqdm(total=len(articles), unit="article", desc="ingest", file=sys.stderr) as bar:
        results = store.ingest(articles, progress=lambda n, r: bar.update(1))
    counts = {s: sum(r.status == s for r in results) for s in ("added", "updated", "duplicate")}
    print(f"{counts['added']} added, {counts['updated']} updated, {counts['duplicate']} already stored, "
          f"{failures} unreadable; {sum(r.positions for r in results)} positions found; database {store.path}")
    return 1 if failures and not articles else 0


def _export(args):
    from analysis.store import Store

    store = Store(args.db)
    if args.table == "gold":
        return store.gold()
    if args.table == "corrections":
        return store.corrections()
    tables = store.tables()
    if args.table == "alignment":
        ref = (args.reference or settings.get("DASHBOARD_REFERENCE")).upper()
        return alignment(tables.statements, ref, [i.id for i in load_catalog()])
    return getattr(tables, args.table)


def _output(result, fmt: str, out_path: str | None) -> None:
    out = open(out_path, "w", encoding="utf-8", newline="") if out_path else sys.stdout
    try:
        if isinstance(result, list):  # gold records
            out.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        elif fmt == "json":
            out.write(result.to_json(orient="records", force_ascii=False) + "\n")
        else:
            write_table(result, fmt, out)
    finally:
        if out_path:
            out.close()


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            _output(_extract(args), args.format, args.out)
        elif args.command == "ingest":
            return _ingest(args)
        elif args.command == "export":
            _output(_export(args), args.format, args.out)
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
