"""Command line: ``python -m analysis extract|evaluate|ingest|export|delete|backup|registry|catalog|batch`` (PRODUCT.md's contract).

Errors print one line on stderr and exit non-zero; an article with nothing in it gives a valid
empty table (header only for CSV, nothing for JSONL). ``extract`` and ``ingest`` process every
readable file, print one ``error:`` line per unreadable one and then exit non-zero.
CSV cells that a spreadsheet would run as formulas are neutralised (analysis.csvout).
Every actors, statements and reactions row carries ``file`` right after ``article`` (see
``with_file``), so outside tools can join rows to the files they came from.
``registry export`` writes the actor registry as CSV (name, variants, country, role, source;
analysis.registry_io); ``registry import FILE`` adds such a list to the database, or on any bad
row prints one ``error:`` line naming the bad lines and changes nothing.
``catalog list`` prints the available catalogs (shipped files and versions saved in the database:
id, name, version, source, articles); ``catalog check FILE`` prints every problem of an issue catalog as ``FILE:LINE: message`` and
exits 1, or one ``ok: N issues ...`` line and exits 0. ``extract`` and ``ingest`` take
``--catalog FILE`` and refuse a catalog with an error before reading any article.
``batch`` writes the same tables as a partitioned Parquet dataset on a Dask cluster (analysis.batch).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from analysis import settings
from analysis.alignment import alignment
from analysis.catalog import check_catalog, load_catalog, load_catalog_file, reference_country
from analysis.csvout import to_csv
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
    ext.add_argument("--reference", default=None, help="reference country for --table alignment "
                                                       "(default: DASHBOARD_REFERENCE if set, else the catalog's reference)")
    ext.add_argument("--catalog", default=None, help="issue catalog TOML (default: DASHBOARD_CATALOG)")
    ing = sub.add_parser("ingest", help="add article files to the corpus database (DASHBOARD_DB)")
    ing.add_argument("paths", nargs="+", metavar="PATH")
    ing.add_argument("--db", default=None, help="database file (default: DASHBOARD_DB)")
    ing.add_argument("--catalog", default=None, help="issue catalog TOML (default: DASHBOARD_CATALOG)")
    exp = sub.add_parser("export", help="a table from the corpus database, corrections applied")
    exp.add_argument("--table", choices=TABLES + ("articles", "corrections", "gold"), default="statements")
    exp.add_argument("--format", choices=("csv", "jsonl", "json"), default="csv")
    exp.add_argument("--out", help="write to this file instead of stdout")
    exp.add_argument("--reference", default=None)
    exp.add_argument("--db", default=None, help="database file (default: DASHBOARD_DB)")
    dele = sub.add_parser("delete", help="delete articles (with their actors, positions, reactions and corrections) "
                                         "from the corpus database; the deletion is kept in the audit trail")
    dele.add_argument("ids", nargs="+", metavar="ARTICLE_ID", help="article ids (export --table articles lists them)")
    dele.add_argument("--db", default=None, help="database file (default: DASHBOARD_DB)")
    dele.add_argument("--analyst", default="", help="name stored with the deletion in the audit trail")
    bak = sub.add_parser("backup", help="copy the corpus database to FILE (safe while the app is running)")
    bak.add_argument("target", metavar="FILE")
    bak.add_argument("--db", default=None, help="database file (default: DASHBOARD_DB)")
    reg = sub.add_parser("registry", help="the actor registry as CSV (name, variants, country, role, source)")
    actions = reg.add_subparsers(dest="action", required=True)
    rexp = actions.add_parser("export", help="write the registry as CSV (people marked 'not a person' are left out)")
    rexp.add_argument("--out", help="write to this file instead of stdout")
    rexp.add_argument("--db", default=None, help="database file (default: DASHBOARD_DB)")
    rimp = actions.add_parser("import", help="add a CSV list of people to the registry; a bad row changes nothing")
    rimp.add_argument("file", metavar="FILE", help="CSV with a header; name required, variants, country, role optional")
    rimp.add_argument("--db", default=None, help="database file (default: DASHBOARD_DB)")
    rimp.add_argument("--analyst", default="", help="name stored with the import in the audit trail")
    cat = sub.add_parser("catalog", help="issue catalogs")
    cat_actions = cat.add_subparsers(dest="action", required=True)
    chk = cat_actions.add_parser("check", help="list every problem of an issue catalog with its line; exit 1 if there is any")
    chk.add_argument("file", metavar="FILE", nargs="?", default=None, help="catalog TOML (default: DASHBOARD_CATALOG)")
    lst = cat_actions.add_parser("list", help="the available catalogs: shipped files and versions saved in the database")
    lst.add_argument("--db", default=None, help="database file (default: DASHBOARD_DB)")
    bat = sub.add_parser("batch", help="extract on a Dask cluster into a Parquet dataset (resumable; analysis.batch)")
    bat.add_argument("inputs", nargs="+", metavar="INPUT",
                     help=".txt, .md or .html files, JSONL or Parquet dumps with a `text` column, or folders of them")
    bat.add_argument("--out", required=True, metavar="DATASET_DIR", help="dataset folder (created; re-running resumes)")
    bat.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786 "
                                                              "(default: a local cluster on this machine)")
    bat.add_argument("--workers", type=int, metavar="N", help="local worker processes (default: one per core)")
    bat.add_argument("--chunk-size", type=int, metavar="K", default=None,
                     help="articles per chunk, the unit of work and of resuming (default: 64)")
    ev = sub.add_parser("evaluate", help="precision/recall/F1 against gold JSON files")
    ev.add_argument("gold", nargs="+", metavar="GOLD")
    ev.add_argument("--json", action="store_true", help="print the full result as JSON")
    return parser


def write_table(df: pd.DataFrame, fmt: str, out) -> None:
    if fmt == "csv":
        to_csv(df, out)
    else:
        for row in df.to_dict("records"):
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def with_file(table: pd.DataFrame, files: dict[str, str]) -> pd.DataFrame:
    """A copy of ``table`` with a ``file`` column right after ``article``: ``files[article id]``,
    or "" for an article not in ``files``. The app's tables stay as they are; only the CLI adds it."""
    out = table.copy()
    out.insert(out.columns.get_loc("article") + 1, "file", [files.get(a, "") for a in out["article"]])
    return out


def first_of_each_text(articles: list) -> list:
    """[(name, Article)] with each text once, under the first name it was given with.

    The article id is a hash of the text, so two files holding the same text are one article:
    its rows are extracted once and carry the first file's name, as ``ingest`` stores it once
    under that name. One ``note:`` line on stderr says so for each later copy."""
    first: dict[str, str] = {}
    kept = []
    for name, article in articles:
        if article.id not in first:
            first[article.id] = name
            kept.append((name, article))
        elif name != first[article.id]:
            print(f"note: {name}: the same text as {first[article.id]}; its rows are listed once, "
                  f"with file {first[article.id]}.", file=sys.stderr)
    return kept


def _read_all(paths) -> tuple[list, int]:
    """[(name, Article)] of every readable file, and how many were not; one stderr line per failure."""
    from analysis.reader import expand_paths, read_file

    files = expand_paths(paths)
    if not files:
        raise AnalysisError("no .txt, .md or .html files found in the paths given.")
    articles, failures = [], 0
    for f in files:
        try:
            articles.append((str(f), read_file(f)))
        except AnalysisError as exc:
            failures += 1
            print(f"error: {exc}", file=sys.stderr)
    return articles, failures


def _check_out(out_path: str | None) -> None:
    """Fail before any work when --out cannot be written."""
    if not out_path:
        return
    out = Path(out_path)
    if out.is_dir():
        raise AnalysisError(f"--out {out} is a folder; give a file name, e.g. {out / 'table.csv'}.")
    if not out.parent.is_dir():
        raise AnalysisError(f"--out {out}: the folder {out.parent} does not exist; create it or write elsewhere.")


def _extract(args) -> tuple[pd.DataFrame | None, int]:
    from analysis.corpus import analyze, resolve_corpus

    _check_out(args.out)
    catalog = load_catalog_file(args.catalog)  # a catalog with an error stops here, before any work
    articles, failures = _read_all(args.paths)
    if not articles:
        return None, failures
    articles = first_of_each_text(articles)
    tables = resolve_corpus(analyze([a for _, a in articles], args.catalog))  # one registry over all files
    if args.table == "alignment":
        ref = (args.reference or reference_country(catalog)).upper()
        return alignment(tables.statements, ref, [i.id for i in catalog.issues]), failures
    return with_file(getattr(tables, args.table), {a.id: name for name, a in articles}), failures


def _ingest(args) -> int:
    from tqdm import tqdm

    from analysis.store import Store

    load_catalog(args.catalog)  # a catalog with an error stops here, before the database is touched
    store = Store(args.db)
    store.require_writable()
    articles, failures = _read_all(args.paths)
    with tqdm(total=len(articles), unit="article", desc="ingest", file=sys.stderr) as bar:
        results = store.ingest(articles, progress=lambda n, r: bar.update(1), catalog_path=args.catalog)
    for r in results:
        if r.status == "error":
            failures += 1
            print(f"error: {r.message}", file=sys.stderr)
    counts = {s: sum(r.status == s for r in results) for s in ("added", "updated", "duplicate")}
    print(f"{counts['added']} added, {counts['updated']} updated, {counts['duplicate']} already stored, "
          f"{failures} unreadable; {sum(r.positions for r in results)} positions found; database {store.path}")
    return 1 if failures else 0


def _export(args):
    from analysis.store import Store

    _check_out(args.out)
    store = Store(args.db)
    if args.table == "gold":
        return store.gold()
    if args.table == "corrections":
        return store.corrections()
    if args.table == "articles":  # ``file`` next to the id as in the other tables; ``origin`` stays for older scripts
        articles = store.articles()
        articles.insert(1, "file", articles["origin"])
        return articles
    tables = store.tables()
    if args.table == "alignment":
        catalog = load_catalog_file()
        ref = (args.reference or reference_country(catalog)).upper()
        return alignment(tables.statements, ref, [i.id for i in catalog.issues])
    # Read after tables(): a row of an article deleted in between gets file "".
    articles = store.articles()
    return with_file(getattr(tables, args.table), dict(zip(articles["id"], articles["origin"])))


def _delete(args) -> int:
    from analysis.store import Store

    store = Store(args.db)
    for article_id in args.ids:
        title = store.delete_article(article_id, args.analyst)
        print(f"deleted {article_id} ({title}) with its actors, positions, reactions and corrections")
    return 0


def _registry(args) -> int:
    from analysis.registry_io import read_registry_csv, registry_csv
    from analysis.store import Store

    if args.action == "export":
        _check_out(args.out)
        text = registry_csv(Store(args.db).registry())
        if not args.out:
            sys.stdout.write(text)
            return 0
        try:
            Path(args.out).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise AnalysisError(f"--out {args.out} cannot be written ({exc.strerror}); choose another file.") from exc
        return 0
    path = Path(args.file)
    if not path.is_file():
        raise AnalysisError(f"{path}: no such file; give the path of a registry CSV.")
    rows = read_registry_csv(path.read_bytes(), str(path))  # validated before the database is opened
    store = Store(args.db)
    store.require_writable()
    if not rows:
        print(f"imported 0 people from {path}: it has a header but no rows; database {store.path} unchanged")
        return 0
    store.import_registry(rows, str(path), args.analyst)
    registry = store.registry()
    found = sum(1 for r in rows if (p := registry.get(r.name)) is not None and p.articles)
    print(f"imported {len(rows)} people from {path} ({sum(bool(r.country) for r in rows)} with a country, {found} "
          f"named in stored articles); the registry has {len(registry.people)} entries; database {store.path}")
    return 0


def _catalog_check(args) -> int:
    """Every problem as ``FILE:LINE: message`` on stderr and exit 1, or one ``ok:`` line."""
    catalog, problems = check_catalog(args.file)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"error: {problems[0].file}: {len(problems)} error{'s' if len(problems) > 1 else ''}; "
              "the catalog cannot be used until they are fixed.", file=sys.stderr)
        return 1
    print(f"ok: {len(catalog.issues)} issues in {catalog.path} (catalog {catalog.id!r}, reference {catalog.reference})")
    return 0


def _catalog_list(args) -> int:
    """One row per available catalog: id, name, version, source (shipped | saved), articles."""
    from analysis.store import Store

    store = Store(args.db)
    counts = store.catalog_counts()
    rows = [(a.catalog.id, a.catalog.name, a.catalog.version, a.source, str(counts.get(a.catalog.id, 0)))
            for a in store.available_catalogs()]
    header = ("id", "name", "version", "source", "articles")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    return 0


def _batch(args) -> int:
    from analysis.batch import DEFAULT_CHUNK_SIZE, run

    s = run(args.inputs, args.out, scheduler=args.scheduler, workers=args.workers,
            chunk_size=DEFAULT_CHUNK_SIZE if args.chunk_size is None else args.chunk_size)
    print(f"{s.analysed} articles analysed in {s.chunks} chunks, {s.skipped} already done ({s.chunks_skipped} chunks), "
          f"{s.errors} errors (see {Path(args.out) / 'errors'}), {s.duplicates} repeated texts listed once; "
          f"{s.positions} positions found; dataset {args.out}")
    if s.failed:
        print(f"error: {len(s.failed)} chunks could not be analysed ({s.failed[0]}); run the same command "
              "again to retry them.", file=sys.stderr)
        return 1
    return 0


def _output(result, fmt: str, out_path: str | None) -> None:
    try:
        out = open(out_path, "w", encoding="utf-8", newline="") if out_path else sys.stdout
    except OSError as exc:
        raise AnalysisError(f"--out {out_path} cannot be written ({exc.strerror}); choose another file.") from exc
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
            table, failures = _extract(args)
            if table is not None:
                _output(table, args.format, args.out)
            return 1 if failures else 0
        elif args.command == "ingest":
            return _ingest(args)
        elif args.command == "export":
            _output(_export(args), args.format, args.out)
        elif args.command == "delete":
            return _delete(args)
        elif args.command == "registry":
            return _registry(args)
        elif args.command == "catalog":
            return _catalog_check(args) if args.action == "check" else _catalog_list(args)
        elif args.command == "batch":
            return _batch(args)
        elif args.command == "backup":
            from analysis.store import Store

            store = Store(args.db)
            print(f"backed up {store.path} to {store.backup(args.target)}")
        else:
            from analysis.evaluate import evaluate, report

            result = evaluate(args.gold)
            print(json.dumps(result, indent=2, default=str) if args.json else report(result))
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # disk full, permissions: one line, never a traceback
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}; nothing more was written.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head & co.
        return 0
    return 0
