"""The corpus database: articles, extracted records and analysts' corrections in one SQLite file.

Why SQLite: it ships with Python (nothing to install on a locked-down machine), one file is the
whole corpus, and in WAL mode several app sessions and the CLI can read while one writes;
writes are serialised with ``BEGIN IMMEDIATE`` and a busy timeout, so nobody's work is lost.

* Articles are keyed by a hash of their text: the same article added twice is recognised.
* Each article remembers the pipeline version (model, code, catalog and cue files) it was
  analysed with, and the issue catalog (id, version); ``refresh()`` re-analyses only articles
  whose version is stale, each with the current version of its own catalog.
* Several issue catalogs side by side (analysis.catalogs): ``catalogs()`` lists the shipped
  files and the versions analysts saved (``save_catalog``; the latest saved version of an id
  overrides its shipped file), ``tables(catalog)`` reads one catalog's articles.
* Corrections are stored apart from machine output, keyed by the machine position they
  change (article, actor, evidence offset, original issue and stance), and applied when
  tables are read, so they survive re-processing and pipeline upgrades.
* The schema carries a version; ``migrate()`` upgrades old files step by step.
* Every write happens in one transaction: a crash half-way leaves the file as it was.
* The file is checked before anything is written to it: a folder, another application's
  database, a schema from a newer version or a damaged file is refused with a message; an
  existing corpus in a folder that cannot be written is opened read-only (``read_only``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import quote

import pandas as pd

from analysis import catalogs as shipped_catalogs
from analysis import parsecache, settings
from analysis.catalog import Catalog, load_catalog_file
from analysis.catalogs import Available
from analysis.corpus import Tables, extract_records
from analysis.countries import is_code
from analysis.errors import AnalysisError, CatalogError, StoreError
from analysis.records import Actor, Article, Position, Reaction, columns
from analysis.registry import EDIT_ACTIONS, Edit, Fact, Imported, Person, Registry, build, resolve


MIGRATIONS = [
    # 1: the initial schema
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL, date TEXT NOT NULL,
        text TEXT NOT NULL, origin TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL,
        pipeline_version TEXT NOT NULL
    );
    CREATE TABLE actors (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, name TEXT NOT NULL,
        actor_type TEXT NOT NULL, country TEXT NOT NULL, role TEXT NOT NULL, mentions INTEGER NOT NULL
    );
    CREATE TABLE positions (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, actor TEXT NOT NULL,
        actor_type TEXT NOT NULL, country TEXT NOT NULL, role TEXT NOT NULL, issue TEXT NOT NULL,
        stance TEXT NOT NULL, evidence TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        quote TEXT NOT NULL, kind TEXT NOT NULL, confidence REAL NOT NULL
    );
    CREATE TABLE reactions (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, source TEXT NOT NULL,
        source_country TEXT NOT NULL, target TEXT NOT NULL, target_country TEXT NOT NULL,
        relation TEXT NOT NULL, evidence TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
    );
    CREATE INDEX actors_article ON actors(article);
    CREATE INDEX positions_article ON positions(article);
    CREATE INDEX reactions_article ON reactions(article);
    """,
    # 2: corrections and a revision counter readers use to notice changes
    """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT, article TEXT NOT NULL, action TEXT NOT NULL,
        target TEXT NOT NULL, issue TEXT, stance TEXT, country TEXT, actor TEXT, evidence TEXT,
        start INTEGER, "end" INTEGER, analyst TEXT NOT NULL DEFAULT '', at TEXT NOT NULL
    );
    CREATE INDEX corrections_article ON corrections(article);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta VALUES ('revision', '0');
    """,
    # 3: the actor registry (analysis.registry): where each person's country/role was stated,
    # the people with their variants (rebuilt after every write), imported lists; registry
    # edits are corrections with a role column
    """
    ALTER TABLE actors ADD COLUMN evidence_start INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE actors ADD COLUMN evidence_end INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE corrections ADD COLUMN role TEXT;
    CREATE TABLE registry (
        name TEXT PRIMARY KEY, variants TEXT NOT NULL, country TEXT NOT NULL, country_source TEXT NOT NULL,
        country_article TEXT NOT NULL, country_evidence TEXT NOT NULL, role TEXT NOT NULL, role_source TEXT NOT NULL,
        role_article TEXT NOT NULL, role_evidence TEXT NOT NULL, articles INTEGER NOT NULL, mentions INTEGER NOT NULL, not_person INTEGER NOT NULL
    );
    CREATE TABLE registry_names (name TEXT PRIMARY KEY, person TEXT NOT NULL);
    CREATE TABLE registry_import (
        id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, variants TEXT NOT NULL, country TEXT NOT NULL,
        role TEXT NOT NULL, origin TEXT NOT NULL, at TEXT NOT NULL
    );
    CREATE INDEX actors_name ON actors(name);
    """,
    # 4: several issue catalogs: each article records the catalog (id, version) it was analysed
    # with (existing rows: the default catalog, filled in by _assign_default_catalog); analysts'
    # saved catalog versions. The latest saved version of an id is the one with the highest rowid.
    """
    ALTER TABLE articles ADD COLUMN catalog TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN catalog_version TEXT NOT NULL DEFAULT '';
    CREATE INDEX articles_catalog ON articles(catalog);
    CREATE TABLE catalogs (
        id TEXT NOT NULL, version TEXT NOT NULL, name TEXT NOT NULL, toml TEXT NOT NULL, saved_at TEXT NOT NULL,
        UNIQUE (id, version)
    );
    """,
]


def _assign_default_catalog(con: sqlite3.Connection) -> None:
    """Migration 4: articles stored before catalogs were recorded were analysed with the default
    catalog (DASHBOARD_CATALOG)."""
    path = settings.get("DASHBOARD_CATALOG")
    try:
        catalog = load_catalog_file(path)
        catalog_id, version = catalog.id, catalog.version
    except CatalogError:  # a broken default file: its id from the file name; refresh() reports the error
        catalog_id, version = Path(path).stem, ""
    con.execute("UPDATE articles SET catalog = ?, catalog_version = ? WHERE catalog = ''", (catalog_id, version))


# Python steps run after a migration's SQL, in its transaction.
AFTER_MIGRATION = {4: _assign_default_catalog}

ACTIONS = ("edit", "delete", "add", "country")
# Audit-trail rows that are not corrections of a position (kept in the same table, never applied).
AUDIT_ACTIONS = ("delete_article", "registry_import")
ROLE_LIMIT = 80
# Analysts' edits of the actor registry, in the same audit trail: "person_merge", "person_country", ...
REGISTRY_ACTIONS = tuple(f"person_{a}" for a in EDIT_ACTIONS)


def pipeline_version(catalog_path: str | None = None) -> str:
    """Hash of everything that shapes extraction output: the model setting, the catalog and the
    engine's own source and data files (analysis.pipeline.engine_version): editing any of them
    re-analyses the stored articles, with no number to bump by hand."""
    from analysis.pipeline import engine_version

    h = hashlib.sha256(f"{settings.get('DASHBOARD_MODEL')}:{engine_version()}".encode())
    h.update(Path(catalog_path or settings.get("DASHBOARD_CATALOG")).read_bytes())
    return h.hexdigest()[:16]


def registry_version() -> str:
    """Hash of the registry's code: the stored registry is rebuilt when it changes (no article
    needs re-analysis for that)."""
    import analysis.registry

    return hashlib.sha256(Path(analysis.registry.__file__).read_bytes()).hexdigest()[:16]


def check_date(value: str) -> str:
    """"" when ``value`` is empty (undated) or a real YYYY-MM-DD date, else what is wrong with it."""
    if not value:
        return ""
    try:
        if len(value) == 10 and date.fromisoformat(value):
            return ""
    except ValueError:
        pass
    return f"the date {value!r} is not a date in the form YYYY-MM-DD (e.g. 2025-02-14); correct it or leave it empty."


def position_key(article: str, actor: str, start: int, issue: str, stance: str) -> str:
    """Stable identity of a machine position, used by corrections."""
    return f"{article}|{actor}|{start}|{issue}|{stance}"


@dataclass(frozen=True)
class IngestResult:
    name: str
    article_id: str
    status: str  # added | updated | duplicate | error
    message: str
    actors: int = 0
    positions: int = 0


def _check_location(path: Path) -> str:
    """Raise StoreError when ``path`` cannot hold the corpus; return why it is read-only, or ""."""
    if path.is_dir():
        raise StoreError(f"DASHBOARD_DB points at the folder {path}, not a file; set it to a file such as "
                         f"{path / 'dashboard.db'}.")
    folder = path.parent
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"The folder {folder} for the corpus database cannot be created ({exc.strerror}); "
                             "set DASHBOARD_DB to a file in a writable folder.") from exc
    if not path.exists():
        if not os.access(folder, os.W_OK | os.X_OK):
            raise StoreError(f"A new corpus database cannot be created in {folder}: the folder is not writable; "
                             "set DASHBOARD_DB to a file in a writable folder.")
        return ""
    if not os.access(path, os.R_OK):
        raise StoreError(f"The corpus database {path} cannot be read (permission denied); check its permissions "
                         "or point DASHBOARD_DB at another file.")
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is not writable"
    if not os.access(path, os.W_OK):
        return f"the file {path.name} is not writable"
    return ""


def _read_only_uri(path: Path) -> str:
    """SQLite URI that reads ``path`` without writing anything next to it.

    ``mode=ro`` still needs the WAL index (``-shm``) file; when it cannot be created in a
    read-only folder, ``immutable=1`` reads the main file without locks or the WAL."""
    base = "file:" + quote(str(path.resolve()))
    try:
        con = sqlite3.connect(f"{base}?mode=ro", uri=True)
        try:
            con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return f"{base}?mode=ro"
        finally:
            con.close()
    except sqlite3.Error:
        return f"{base}?immutable=1"


class Store:
    """One SQLite corpus file. Each method opens its own connection: safe from any thread.

    ``read_only`` is True when the file exists but its folder (or the file) cannot be written:
    it is then opened with SQLite's ``mode=ro`` (or ``immutable=1`` when the WAL index cannot
    be created either), reading works and every write raises StoreError saying why.
    """

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path or settings.get("DASHBOARD_DB"))
        self.read_only_reason = _check_location(self.path)
        self.created = not self.path.exists() or self.path.stat().st_size == 0  # a new, empty file
        self.read_only = bool(self.read_only_reason)
        self._uri = None
        if self.read_only:
            self._uri = _read_only_uri(self.path)
        self._check_schema()
        if not self.read_only:
            self.migrate()

    def _open(self) -> sqlite3.Connection:
        try:
            if self._uri:
                return sqlite3.connect(self._uri, uri=True, timeout=60, isolation_level=None)
            return sqlite3.connect(self.path, timeout=60, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"The corpus database {self.path} cannot be opened ({exc}); "
                             "check the DASHBOARD_DB setting.") from exc

    @contextmanager
    def _connect(self):
        con = self._open()
        try:
            if not self._uri:
                con.execute("PRAGMA journal_mode=WAL")
                con.execute("PRAGMA foreign_keys=ON")
            con.execute("PRAGMA busy_timeout=60000")
            yield con
        except (sqlite3.DatabaseError, pd.errors.DatabaseError) as exc:
            cause = str(exc.__cause__ if isinstance(exc, pd.errors.DatabaseError) and exc.__cause__ else exc)
            if "locked" in cause or "busy" in cause:
                what = "another program kept it busy for a minute; try again, or stop the other program"
            elif "readonly" in cause:
                what = "it cannot be written here; check the permissions of the file and its folder"
            else:
                what = "it may be damaged: restore it from a backup or point DASHBOARD_DB at another file"
            raise StoreError(f"The corpus database {self.path} cannot be used ({cause}); {what}.") from exc
        finally:
            con.close()

    def require_writable(self) -> None:
        """Raise StoreError saying why, when the database is open read-only."""
        if self.read_only:
            raise StoreError(f"The corpus database {self.path} is open read-only ({self.read_only_reason}); "
                             "nothing can be added, corrected or deleted. Copy it to a writable folder and "
                             "point DASHBOARD_DB at the copy.")

    @contextmanager
    def write(self):
        """One write transaction (BEGIN IMMEDIATE): all or nothing; bumps the revision."""
        self.require_writable()
        with self._connect() as con:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
                con.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    # ------------------------------------------------------------ schema

    def _check_schema(self) -> None:
        """Refuse another application's database and a schema newer than this code knows."""
        with self._connect() as con:
            tables = {r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
            version = 0
            if "schema_version" in tables:
                version = con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
        if tables and "schema_version" not in tables:
            names = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
            raise StoreError(f"{self.path} is not a dashboard corpus database (it holds other tables: {names}); "
                             "nothing was changed. Point DASHBOARD_DB at a new file or at an existing corpus.")
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path} was written by a newer version of the dashboard (schema {version}; this "
                             f"version knows up to {len(MIGRATIONS)}); nothing was changed. Update the dashboard, "
                             "or point DASHBOARD_DB at another file.")
        if self.read_only and version < len(MIGRATIONS):
            raise StoreError(f"{self.path} needs an upgrade (schema {version} to {len(MIGRATIONS)}) but is read-only "
                             f"({self.read_only_reason}); copy it to a writable folder and point DASHBOARD_DB at the copy.")

    def schema_version(self) -> int:
        with self._connect() as con:
            if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_version'").fetchone():
                return 0
            row = con.execute("SELECT MAX(version) FROM schema_version").fetchone()
            return row[0] or 0

    def migrate(self) -> int:
        """Apply the migrations this file lacks, each in its own transaction. Returns the version."""
        current = self.schema_version()
        for version, script in enumerate(MIGRATIONS, start=1):
            if version <= current:
                continue
            with self._connect() as con:
                con.execute("BEGIN IMMEDIATE")
                try:
                    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                    done = con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
                    if done < version:  # another process may have migrated meanwhile
                        for statement in script.split(";"):
                            if statement.strip():
                                con.execute(statement)
                        if version in AFTER_MIGRATION:
                            AFTER_MIGRATION[version](con)
                        con.execute("INSERT INTO schema_version VALUES (?)", (version,))
                    con.execute("COMMIT")
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
        return len(MIGRATIONS)

    def revision(self) -> int:
        with self._connect() as con:
            return int(con.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0])

    # ------------------------------------------------------------ articles

    def known(self) -> dict[str, str]:
        """article id -> pipeline version it was analysed with."""
        with self._connect() as con:
            return dict(con.execute("SELECT id, pipeline_version FROM articles"))

    def ingest(self, articles: list[tuple[str, Article]], progress: Callable[[int, IngestResult], None] | None = None,
               catalog_path: str | os.PathLike | None = None, check_dates: bool = True) -> list[IngestResult]:
        """Analyse and store (name, Article) pairs with the issue catalog at ``catalog_path``
        (default: the current version of the default catalog, a saved version when there is one);
        each article records that catalog's id and version. Unchanged duplicates, and a text
        given twice in the same call, are skipped with a message under their own name; an article
        stored under another catalog (or an older version) is analysed again and moves to this
        one ("updated"); an article whose date is not YYYY-MM-DD is refused. Each article is
        written in its own transaction, so a failure loses only that article. A catalog with an
        error raises CatalogError before anything is read. ``progress(done, result)`` is called
        once per article as it is done; the results come back in input order."""
        return self._ingest(articles, progress, catalog_path, check_dates, force=False)

    def _ingest(self, articles, progress, catalog_path, check_dates: bool, force: bool) -> list[IngestResult]:
        """``ingest``; with ``force`` every article is analysed again, also when nothing changed."""
        if articles:
            self.require_writable()
        path = str(catalog_path) if catalog_path else str(self.catalog_path(shipped_catalogs.default_catalog().id))
        catalog = load_catalog_file(path)
        version = pipeline_version(path)
        known = self.known()
        results: list[tuple[int, IngestResult]] = []
        todo: list[tuple[int, str, Article]] = []
        first_name: dict[str, str] = {}

        def report(index: int, result: IngestResult) -> None:
            results.append((index, result))
            if progress:
                progress(len(results), result)

        for index, (name, article) in enumerate(articles):
            problem = check_date(article.date) if check_dates else ""
            if problem:
                report(index, IngestResult(name, article.id, "error", f"{name}: {problem}"))
            elif article.id in first_name:
                report(index, IngestResult(name, article.id, "duplicate",
                                           f"{name}: the same text as {first_name[article.id]} in this upload; "
                                           "stored once."))
            elif known.get(article.id) == version and not force:
                first_name[article.id] = name
                report(index, IngestResult(name, article.id, "duplicate",
                                           f"{name}: already in the corpus (same text); nothing changed."))
            else:
                first_name[article.id] = name
                todo.append((index, name, article))
        if todo:
            self._remember(catalog)
        pending = iter(todo)
        for article, actors, positions, reactions, parsed in extract_records(
                [a for _, _, a in todo], path, per_article=progress is not None, keep_parse=True):
            index, name, _ = next(pending)
            status = "updated" if article.id in known else "added"
            self._replace(article, actors, positions, reactions, version, name, catalog, parsed)
            known[article.id] = version
            found = f"{len(actors)} actors, {len(positions)} positions" if positions else "no positions found"
            report(index, IngestResult(name, article.id, status, f"{name}: {status}; {found}.", len(actors),
                                       len(positions)))
        if todo:
            with self.write() as con:  # people in earlier articles may now have a country
                self._rebuild_registry(con)
        return [result for _, result in sorted(results, key=lambda pair: pair[0])]

    def _replace(self, article: Article, actors, positions, reactions, version: str, origin: str,
                 catalog: Catalog, parsed: parsecache.Parsed | None = None) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.write() as con:
            con.execute("DELETE FROM actors WHERE article = ?", (article.id,))
            con.execute("DELETE FROM positions WHERE article = ?", (article.id,))
            con.execute("DELETE FROM reactions WHERE article = ?", (article.id,))
            con.execute(
                "INSERT INTO articles (id, title, source, date, text, origin, added_at, pipeline_version, catalog, "
                "catalog_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "pipeline_version = excluded.pipeline_version, catalog = excluded.catalog, "
                "catalog_version = excluded.catalog_version",
                (article.id, article.title, article.source, article.date, article.text, origin, now, version,
                 catalog.id, catalog.version))
            self._insert(con, "actors", Actor, actors)
            self._insert(con, "positions", Position, positions)
            self._insert(con, "reactions", Reaction, reactions)
            parsecache.put(con, article.id, parsed)  # the model's parse, for analysis.preview

    @staticmethod
    def _insert(con, table: str, record_type, records: Iterable) -> None:
        cols = columns(record_type)
        sql = f"INSERT INTO {table} ({', '.join(chr(34) + c + chr(34) for c in cols)}) VALUES ({', '.join('?' * len(cols))})"
        con.executemany(sql, [tuple(getattr(r, c) for c in cols) for r in records])

    def _stored(self, where: str = "", args: tuple = ()) -> list[tuple]:
        """(name, Article, pipeline_version, catalog id) of the stored articles matching ``where``."""
        with self._connect() as con:
            rows = con.execute("SELECT id, title, source, date, text, origin, pipeline_version, catalog FROM articles "
                               + where + " ORDER BY rowid", args).fetchall()
        return [(r[5] or r[1], Article(*r[:5]), r[6], r[7]) for r in rows]

    def refresh(self, catalog_path: str | os.PathLike | None = None) -> int:
        """Re-analyse articles stored with an older pipeline version, each with the current
        version of its own catalog (``catalog_path``: use that file for the articles of its
        catalog id instead), and rebuild the actor registry when its code changed. Articles
        of a catalog that is no longer available are left as they are. Returns how many
        articles were re-analysed."""
        override = load_catalog_file(catalog_path) if catalog_path else None
        available = {c.id for c in self.catalogs()}
        by_catalog: dict[str, list[tuple]] = {}
        for row in self._stored():
            by_catalog.setdefault(row[3], []).append(row)
        count = 0
        for catalog_id, rows in by_catalog.items():
            if override is not None and override.id == catalog_id:
                path = override.path
            elif catalog_id in available:
                path = str(self.catalog_path(catalog_id))
            else:
                continue
            version = pipeline_version(path)
            stale = [(name, article) for name, article, stored_version, _ in rows if stored_version != version]
            if stale:  # stored before dates were checked: keep them as they are
                self.ingest(stale, catalog_path=path, check_dates=False)
                count += len(stale)
        if not count:
            with self._connect() as con:
                built_with = con.execute("SELECT value FROM meta WHERE key = 'registry_version'").fetchone()
            if (built_with or [""])[0] != registry_version():
                with self.write() as con:
                    self._rebuild_registry(con)
        return count

    # ------------------------------------------------------------ issue catalogs

    def _saved(self) -> dict[str, tuple[str, str, str]]:
        """Catalog id -> (version, TOML text, saved_at) of its latest saved version."""
        with self._connect() as con:
            rows = con.execute("SELECT id, version, toml, saved_at FROM catalogs ORDER BY rowid").fetchall()
        return {r[0]: (r[1], r[2], r[3]) for r in rows}  # a later row (higher rowid) wins

    def available_catalogs(self) -> list[Available]:
        """Every catalog an analyst can choose, with where its current version comes from: the
        shipped files (analysis.catalogs) with each id's latest saved version in its place, then
        the ids only saved; the default catalog first, then by name."""
        saved = {}
        for catalog_id, (version, text, at) in self._saved().items():
            saved[catalog_id] = (load_catalog_file(self._materialise(catalog_id, version, text)), at)
        return shipped_catalogs.merge(shipped_catalogs.shipped(), saved)

    def catalogs(self) -> list[Catalog]:
        """The available catalogs (current versions), the default first; see available_catalogs."""
        return [a.catalog for a in self.available_catalogs()]

    def catalog(self, catalog_id: str) -> Catalog:
        """The current version of one catalog; CatalogError when no catalog has that id."""
        for catalog in self.catalogs():
            if catalog.id == catalog_id:
                return catalog
        raise CatalogError(f"No issue catalog with id {catalog_id!r}; `python -m analysis catalog list` lists them.")

    def _materialise(self, catalog_id: str, version: str, text: str) -> Path:
        return shipped_catalogs.materialise(self.path, catalog_id, version, text)

    def catalog_path(self, catalog_id: str, version: str | None = None) -> Path:
        """The file the pipeline reads for a catalog: a saved version (``version``, default the
        latest saved) written once to the cache folder next to the database
        (``<db stem>-catalogs/<id>-<version>.toml``), else the shipped file of that id.
        CatalogError when neither exists."""
        with self._connect() as con:
            if version is None:
                row = con.execute("SELECT version, toml FROM catalogs WHERE id = ? ORDER BY rowid DESC LIMIT 1",
                                  (catalog_id,)).fetchone()
            else:
                row = con.execute("SELECT version, toml FROM catalogs WHERE id = ? AND version = ?",
                                  (catalog_id, version)).fetchone()
        if row:
            return self._materialise(catalog_id, row[0], row[1])
        for catalog in shipped_catalogs.shipped():
            if catalog.id == catalog_id and (version is None or catalog.version == version):
                return Path(catalog.path)
        which = f"version {version} of " if version else ""
        raise CatalogError(f"No {which}issue catalog with id {catalog_id!r}; `python -m analysis catalog list` lists them.")

    def _remember(self, catalog: Catalog) -> None:
        """A catalog file given to ``ingest`` that is neither a shipped file nor a saved version
        (``ingest --catalog my.toml``) is saved, so the app lists it and ``refresh`` finds it;
        it becomes the current version of its id."""
        if any(c.id == catalog.id and c.version == catalog.version for c in shipped_catalogs.shipped()):
            return
        with self._connect() as con:
            if con.execute("SELECT 1 FROM catalogs WHERE id = ? AND version = ?", (catalog.id, catalog.version)).fetchone():
                return
        text = Path(catalog.path).read_bytes().decode("utf-8")
        now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
        with self.write() as con:
            con.execute("INSERT OR IGNORE INTO catalogs (id, version, name, toml, saved_at) VALUES (?, ?, ?, ?, ?)",
                        (catalog.id, catalog.version, catalog.name, text, now))

    def catalog_names(self, catalog_id: str) -> set[str]:
        """The actor names (as the machine wrote them) in the articles analysed with a catalog;
        also those the registry resolves away (an entry marked not a person)."""
        with self._connect() as con:
            return {r[0] for r in con.execute("SELECT DISTINCT name FROM actors WHERE article IN "
                                              "(SELECT id FROM articles WHERE catalog = ?)", (catalog_id,))}

    def catalog_counts(self) -> dict[str, int]:
        """Catalog id -> number of stored articles analysed with it."""
        with self._connect() as con:
            return dict(con.execute("SELECT catalog, COUNT(*) FROM articles GROUP BY catalog"))

    def save_catalog(self, text: str, progress: Callable[[int, int], None] | None = None) -> tuple[Catalog, int]:
        """Store a new version of a catalog from its TOML text and re-analyse exactly the stored
        articles that were analysed with that catalog id (any version), calling
        ``progress(done, total)`` after each. Corrections and the actor registry apply as after
        any re-analysis. A catalog with an error (or without an ``id``) raises CatalogError and
        changes nothing. Returns (the saved catalog, the number of articles re-analysed)."""
        self.require_writable()
        parsed = shipped_catalogs.parse_text(text)
        path = self._materialise(parsed.id, parsed.version, text)
        catalog = load_catalog_file(path)
        now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
        with self.write() as con:  # a version saved again becomes the latest (REPLACE gives it a new rowid)
            con.execute("INSERT OR REPLACE INTO catalogs (id, version, name, toml, saved_at) VALUES (?, ?, ?, ?, ?)",
                        (catalog.id, catalog.version, catalog.name, text, now))
        mine = [(name, article) for name, article, _, catalog_id in self._stored("WHERE catalog = ?", (catalog.id,))]
        if progress:
            progress(0, len(mine))
        if mine:
            self._ingest(mine, (lambda done, _: progress(done, len(mine))) if progress else None, path,
                         check_dates=False, force=True)
        return catalog, len(mine)

    def backup(self, target: str | Path) -> Path:
        """A consistent copy of the database at ``target`` (SQLite's online backup: safe while
        the app or an ingest is writing). Refuses to overwrite an existing file."""
        target = Path(target)
        if target.exists():
            raise StoreError(f"{target} already exists; choose a new file name for the backup.")
        if not target.parent.is_dir():
            raise StoreError(f"{target}: the folder {target.parent} does not exist; create it or write elsewhere.")
        with self._connect() as con:
            try:
                out = sqlite3.connect(target)
            except sqlite3.Error as exc:
                raise StoreError(f"{target} cannot be written ({exc}); choose another place.") from exc
            try:
                con.backup(out)
            finally:
                out.close()
        return target

    def articles(self) -> pd.DataFrame:
        """id, title, source, date, origin, added_at and the catalog (id, version) each stored
        article was analysed with (no text), oldest date first."""
        with self._connect() as con:
            return pd.read_sql_query("SELECT id, title, source, date, origin, added_at, catalog, catalog_version "
                                     "FROM articles ORDER BY date, title", con)

    def delete_article(self, article_id: str, analyst: str = "") -> str:
        """Delete an article with its actors, positions, reactions and corrections in one
        transaction, and record the deletion in the audit trail. Returns the deleted title."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.write() as con:
            row = con.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise StoreError(f"No article with id {article_id!r} in {self.path}; list the ids with "
                                 "`python -m analysis export --table articles`.")
            for table in ("actors", "positions", "reactions"):
                con.execute(f"DELETE FROM {table} WHERE article = ?", (article_id,))
            con.execute("DELETE FROM corrections WHERE article = ? AND action NOT IN "
                        f"({', '.join('?' * len(AUDIT_ACTIONS))})", (article_id, *AUDIT_ACTIONS))
            con.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            con.execute("INSERT INTO corrections (article, action, target, analyst, at) VALUES (?, 'delete_article', ?, ?, ?)",
                        (article_id, row[0], analyst.strip(), now))
            self._rebuild_registry(con)
        return row[0]

    # ------------------------------------------------------------ corrections

    def correct(self, corrections: list[dict], analyst: str = "") -> int:
        """Store corrections in one transaction. Each is a dict with ``action`` (edit | delete |
        country | add), ``article``, ``target`` (a position_key, or the actor name for country)
        and the new values (issue, stance, country; for add also actor, evidence, start, end)."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        rows = []
        for c in corrections:
            if c.get("action") not in ACTIONS:
                raise AnalysisError(f"unknown correction action {c.get('action')!r}")
            rows.append((c["article"], c["action"], c.get("target", ""), c.get("issue"), c.get("stance"),
                         c.get("country"), c.get("actor"), c.get("evidence"), c.get("start"), c.get("end"),
                         analyst.strip(), now))
        with self.write() as con:
            con.executemany(
                'INSERT INTO corrections (article, action, target, issue, stance, country, actor, evidence, start, "end", '
                "analyst, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    def corrections(self) -> pd.DataFrame:
        with self._connect() as con:
            return pd.read_sql_query("SELECT * FROM corrections ORDER BY id", con)

    # ------------------------------------------------------------ actor registry

    def edit_registry(self, edits: list[Edit], analyst: str = "") -> int:
        """Store analysts' registry edits in the audit trail (in one transaction) and rebuild the
        registry: they apply to every article, now and after re-analysis."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        rows = []
        known = self.registry()
        for e in edits:
            if e.action not in EDIT_ACTIONS:
                raise AnalysisError(f"unknown registry edit {e.action!r}")
            if e.action == "merge" and not e.other:
                raise AnalysisError(f"merging {e.name!r} needs a second name; nothing was changed.")
            for name in (e.name, e.other if e.action == "merge" else None):
                if name is not None and known.get(name) is None:
                    raise AnalysisError(f"{name!r} is not in the actor registry; nothing was changed.")
            if e.action == "country" and e.value and not is_code(e.value):
                raise AnalysisError(f"{e.value!r} is not a country code (ISO 3166 alpha-3, or EU, NATO, UN, WTO); "
                                    "nothing was changed.")
            if e.action == "role" and len(e.value) > ROLE_LIMIT:
                raise AnalysisError(f"a role of {len(e.value)} characters is longer than {ROLE_LIMIT}; nothing was changed.")
            rows.append(("", f"person_{e.action}", e.name, e.other or None, e.value if e.action == "country" else None,
                         e.value if e.action == "role" else None, analyst.strip(), now))
        with self.write() as con:
            con.executemany("INSERT INTO corrections (article, action, target, actor, country, role, analyst, at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            self._rebuild_registry(con)
        return len(rows)

    def import_registry(self, rows: list[Imported], origin: str, analyst: str = "") -> int:
        """Add an imported list of people (already validated) and rebuild the registry; one
        audit-trail row records the import."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.write() as con:
            con.executemany("INSERT INTO registry_import (name, variants, country, role, origin, at) VALUES (?, ?, ?, ?, ?, ?)",
                            [(r.name, "; ".join(r.variants), r.country, r.role, origin, now) for r in rows])
            con.execute("INSERT INTO corrections (article, action, target, analyst, at) VALUES ('', 'registry_import', ?, ?, ?)",
                        (f"{origin}: {len(rows)} people", analyst.strip(), now))
            self._rebuild_registry(con)
        return len(rows)

    def _rebuild_registry(self, con: sqlite3.Connection) -> Registry:
        """Recompute the registry from every stored person, the edits and the imports (inside the
        caller's write transaction) and store it."""
        actors = pd.read_sql_query("SELECT article, name, actor_type, country, role, mentions, evidence_start, "
                                   "evidence_end FROM actors WHERE actor_type = 'person'", con)
        edits, imported = self._registry_inputs(con)
        registry = build(actors, _Texts(con), edits, imported)
        con.execute("DELETE FROM registry")
        con.execute("DELETE FROM registry_names")
        frame = registry.frame()
        con.executemany(f"INSERT INTO registry ({', '.join(frame.columns)}) VALUES ({', '.join('?' * len(frame.columns))})",
                        [(*r[:-1], int(r[-1])) for r in frame.itertuples(index=False)])
        con.executemany("INSERT INTO registry_names VALUES (?, ?)",
                        [(n, registry.people[i].name) for n, i in registry.index.items()])
        con.execute("INSERT OR REPLACE INTO meta VALUES ('registry_version', ?)", (registry_version(),))
        return registry

    @staticmethod
    def _registry_inputs(con: sqlite3.Connection) -> tuple[list[Edit], list[Imported]]:
        """The analysts' registry edits (in order) and the imported people."""
        edits = [Edit(a[len("person_"):], t, o or "", c or r or "") for a, t, o, c, r in con.execute(
            f"SELECT action, target, actor, country, role FROM corrections WHERE action IN "
            f"({', '.join('?' * len(REGISTRY_ACTIONS))}) ORDER BY id", REGISTRY_ACTIONS)]
        imported = [Imported(n, tuple(v for v in vs.split("; ") if v), c, r) for n, vs, c, r in
                    con.execute("SELECT name, variants, country, role FROM registry_import ORDER BY id")]
        return edits, imported

    def registry_edits(self) -> tuple[list[Edit], list[Imported]]:
        """What analysts added to the registry (edits and imports): dataset mode builds the
        registry of a dataset from its own actors plus these."""
        with self._connect() as con:
            return self._registry_inputs(con)

    @staticmethod
    def _read_registry(con: sqlite3.Connection) -> Registry:
        registry = Registry()
        position = {}
        for row in con.execute("SELECT name, variants, country, country_source, country_article, country_evidence, "
                               "role, role_source, role_article, role_evidence, articles, mentions, not_person "
                               "FROM registry ORDER BY name"):
            position[row[0]] = len(registry.people)
            registry.people.append(Person(row[0], tuple(row[1].split("; ")), Fact(*row[2:6]), Fact(*row[6:10]),
                                          row[10], row[11], bool(row[12])))
        registry.index = {n: position[p] for n, p in con.execute("SELECT name, person FROM registry_names")}
        return registry

    def registry(self) -> Registry:
        """The actor registry as last rebuilt (after every ingest, deletion, edit and import)."""
        with self._connect() as con:
            return self._read_registry(con)

    # ------------------------------------------------------------ reading

    def tables(self, catalog: str | None = None) -> Tables:
        """All tables with corrections applied; with ``catalog`` (an id) only the articles analysed
        with that catalog and their rows. statements gain ``key`` and ``corrected`` columns;
        articles carry ``catalog`` and ``catalog_version``."""
        with self._connect() as con:
            con.execute("BEGIN")  # one consistent snapshot of all tables
            articles = pd.read_sql_query("SELECT id, title, source, date, text, catalog, catalog_version FROM articles "
                                         "ORDER BY date, title", con)
            actors = pd.read_sql_query(f"SELECT {', '.join(columns(Actor))} FROM actors", con)
            positions = pd.read_sql_query(f"SELECT {', '.join(chr(34) + c + chr(34) for c in columns(Position))} FROM positions", con)
            reactions = pd.read_sql_query(f"SELECT {', '.join(chr(34) + c + chr(34) for c in columns(Reaction))} FROM reactions", con)
            corrections = pd.read_sql_query("SELECT * FROM corrections ORDER BY id", con)
            registry = self._read_registry(con)
            con.execute("COMMIT")
        actors, positions, reactions = apply_corrections(actors, positions, reactions, corrections, registry)
        if catalog is not None:  # after the corrections: a position added by hand belongs to its article's catalog
            articles = articles[articles["catalog"] == catalog]
            mine = set(articles["id"])
            actors, positions, reactions = (t[t["article"].isin(mine)].reset_index(drop=True)
                                            for t in (actors, positions, reactions))
        return Tables(articles.reset_index(drop=True), actors, positions, reactions)

    def gold(self, article_ids: list[str] | None = None) -> list[dict]:
        """Corrected tables as gold records for ``python -m analysis evaluate`` (text inline)."""
        t = self.tables()
        out = []
        for art in t.articles.itertuples():
            if article_ids and art.id not in article_ids:
                continue
            a = t.actors[t.actors["article"] == art.id]
            p = t.statements[t.statements["article"] == art.id]
            r = t.reactions[t.reactions["article"] == art.id]
            out.append({
                "title": art.title, "date": art.date, "source": art.source, "text": art.text,
                "actors": a[["name", "actor_type", "country", "role"]].to_dict("records"),
                "positions": p[["actor", "issue", "stance"]].drop_duplicates().to_dict("records"),
                "reactions": r[["source", "target", "relation"]].to_dict("records"),
            })
        return out


class _Texts:
    """Article texts read on demand, for the registry's evidence sentences."""

    def __init__(self, con: sqlite3.Connection):
        self.con, self.cache = con, {}

    def get(self, article: str, default: str = "") -> str:
        if article not in self.cache:
            row = self.con.execute("SELECT text FROM articles WHERE id = ?", (article,)).fetchone()
            self.cache[article] = row[0] if row else default
        return self.cache[article]


def apply_corrections(actors: pd.DataFrame, positions: pd.DataFrame, reactions: pd.DataFrame,
                      corrections: pd.DataFrame, registry: Registry | None = None):
    """Machine tables + corrections + the actor registry -> the tables analysts see.

    Position edits come first (their keys name the actor as the machine wrote it), then the
    registry (canonical names, countries from the corpus), then country corrections of one
    actor in one article, which beat everything (``country_source`` "analyst")."""
    positions = positions.copy()
    positions["key"] = [position_key(a, n, s, i, st) for a, n, s, i, st in
                        zip(positions["article"], positions["actor"], positions["start"], positions["issue"], positions["stance"])]
    positions["corrected"] = False
    corrections = corrections[corrections["action"].isin(ACTIONS)]
    actors, positions = _position_corrections(actors, positions, corrections)
    actors, positions, reactions = resolve(actors, positions, reactions, registry or Registry())
    for c in corrections[corrections["action"] == "country"].itertuples():
        person = (registry or Registry()).get(c.target)
        name = person.name if person is not None else c.target
        for table, column in ((actors, "name"), (positions, "actor")):
            mask = (table["article"] == c.article) & (table[column] == name)
            table.loc[mask, "country"] = c.country or ""
            table.loc[mask, "country_source"] = "analyst" if c.country else ""
        positions.loc[(positions["article"] == c.article) & (positions["actor"] == name), "corrected"] = True
    return actors, positions, reactions


def _position_corrections(actors: pd.DataFrame, positions: pd.DataFrame, corrections: pd.DataFrame):
    """Edits, deletions and hand-added positions (later corrections win)."""
    if corrections.empty:
        return actors, positions
    actors = actors.copy()
    added = []
    by_key = {k: i for i, k in enumerate(positions["key"])}
    drop = set()
    for c in corrections.itertuples():
        if c.action == "country":
            continue  # applied last, so it also reaches positions added by hand
        if c.action == "add":
            added.append({"article": c.article, "actor": c.actor or "", "actor_type": "person", "country": c.country or "",
                          "role": "", "issue": c.issue, "stance": c.stance, "evidence": c.evidence or "",
                          "start": int(c.start or 0), "end": int(c.end or 0), "quote": "", "kind": "reported",
                          "confidence": 1.0, "key": f"added:{c.id}", "corrected": True})
        elif c.target in by_key:
            i = positions.index[by_key[c.target]]
            if c.action == "delete":
                drop.add(i)
            else:
                for field in ("issue", "stance", "country"):
                    value = getattr(c, field)
                    if value:
                        positions.at[i, field] = value
                positions.at[i, "corrected"] = True
        elif c.target.startswith("added:"):
            match = [x for x in added if x["key"] == c.target]
            for x in match:
                if c.action == "delete":
                    added.remove(x)
                else:
                    x.update({f: getattr(c, f) for f in ("issue", "stance", "country") if getattr(c, f)})
    positions = positions.drop(index=list(drop))
    if added:
        known = actors.set_index(["article", "name"])
        for x in added:
            if (x["article"], x["actor"]) in known.index:
                row = known.loc[(x["article"], x["actor"])]
                x["actor_type"], x["role"] = row["actor_type"], row["role"]
                x["country"] = x["country"] or row["country"]
        positions = pd.concat([positions, pd.DataFrame(added)], ignore_index=True)
    return actors, positions.reset_index(drop=True)
