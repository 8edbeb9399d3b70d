"""Dataset mode: a batch dataset read in place with DuckDB (no Streamlit here).

Layout, as ``python -m analysis batch INPUT... --out DIR`` writes it::

    DIR/manifest.json                  {"format": 1, "pipeline_version", "created", "updated", "inputs",
                                        "chunks": {key: {...}}, "tables": {table: [columns]}}
    DIR/<table>/chunk-<key>.parquet    one file per chunk of articles, for each of the tables
                                       articles, actors, positions, reactions, errors

The Parquet files hold per-article machine output. ``Dataset`` puts SQL views over them and
answers what the pages ask with **aggregates** (counts, the per-country/issue values alignment
and the stance matrix rest on, timeline points, reaction links) and **one page of rows**
(``page(query, offset, limit)`` with a stable ORDER BY); ``export_csv`` writes a whole filtered
table with DuckDB's COPY. Nothing loads a whole table into pandas, so memory does not grow
with the dataset.

Corrections and the actor registry live in the SQLite store (DASHBOARD_DB) and apply on read,
with the rules of ``analysis.store.apply_corrections``: position edits and deletions by their
key, hand-added positions, the registry (canonical names, countries and roles from the corpus,
entries marked "not a person" dropped), then an analyst's country for one actor in one article.
The small tables (the registry's names, the corrections) become DuckDB tables joined to the
Parquet scans. The registry is applied per *name*: the engine writes a position's and a
reaction's actor type, country and role from the same record as the actor row
(``analysis.extract``), so a person's row resolves the same way in every table. The few rows
where that shortcut is not exact (two spellings of one person in one article, collapsed into
one actor row; positions added by hand) are resolved with ``analysis.registry.resolve`` itself
and joined in.

The registry of a dataset is built from the dataset's own person rows (``registry.build``,
without evidence sentences), plus the store's analyst edits and imports. It costs about 4 s
at a million positions (350,000 person rows), so it is computed once per dataset version
(manifest ``updated``) and set of edits, and kept in ``DIR/.dashboard-cache/`` (or, when the
folder cannot be written, in memory for the life of the process). The unfiltered Overview's
aggregates (counts, the per-country/issue values, the map's hover rows, the countries, the
summary) and the slim tables the queries run on are computed at that first open too and kept
beside it, keyed by the manifest, the name, size and time of every chunk file, the corrections
and registry edits, and the code (DuckDB's version included): a new server process reads the
aggregates and attaches the slim tables read-only instead of scanning every row
(``Dataset._kept``, ``_keep_slim``).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import warnings
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

import pandas as pd

from analysis.alignment import STANCE_VALUE, alignment_of, country_scores
from analysis.csvout import FORMULA_START
from analysis.errors import AnalysisError
from analysis.records import Position, columns
from analysis.registry import Edit, Fact, Imported, Person, Registry, build, resolve
from analysis.store import ACTIONS, apply_corrections

FORMAT = 1
CACHE_DIR = ".dashboard-cache"
_TEXT, _INT, _FLOAT = "VARCHAR", "BIGINT", "DOUBLE"
SCHEMA: dict[str, dict[str, str]] = {
    "articles": dict.fromkeys(["id", "file", "title", "source", "date", "text", "url"], _TEXT),
    "actors": {"article": _TEXT, "file": _TEXT, "name": _TEXT, "actor_type": _TEXT, "country": _TEXT, "role": _TEXT,
               "mentions": _INT, "evidence_start": _INT, "evidence_end": _INT, "country_source": _TEXT},
    "positions": {"article": _TEXT, "file": _TEXT, "actor": _TEXT, "actor_type": _TEXT, "country": _TEXT,
                  "role": _TEXT, "issue": _TEXT, "stance": _TEXT, "evidence": _TEXT, "start": _INT, "end": _INT,
                  "quote": _TEXT, "kind": _TEXT, "confidence": _FLOAT, "country_source": _TEXT},
    "reactions": {"article": _TEXT, "file": _TEXT, "source": _TEXT, "source_country": _TEXT, "target": _TEXT,
                  "target_country": _TEXT, "relation": _TEXT, "evidence": _TEXT, "start": _INT, "end": _INT},
    "errors": dict.fromkeys(["file", "article", "reason"], _TEXT),
}
HOVER_ACTORS = 9  # the map's hover lists 8 actors per country and "…" when there are more
EXPORT_SORTED = 100_000  # larger CSV exports are written in the dataset's order (see Dataset.export_csv)


class DatasetError(AnalysisError):
    """DASHBOARD_DATASET does not point at a readable dataset (missing, not a dataset, newer format)."""


class Filters(NamedTuple):
    """The sidebar selection: empty means everything (as ui.filters.Selection)."""
    country: tuple[str, ...] = ()
    issue: tuple[str, ...] = ()
    stance: tuple[str, ...] = ()
    actor_type: tuple[str, ...] = ()
    article: tuple[str, ...] = ()


class Query(NamedTuple):
    """A filtered table. ``sql`` selects its rows (for positions only the slim columns and
    ``rid``); ``order`` is a stable ORDER BY over them (alias ``p``); ``columns`` are the shown
    columns as SQL over p and, with ``fetch``, the view the rest comes from (``s``: statements by
    rid, ``t``: article titles)."""
    sql: str
    params: tuple
    order: str
    columns: tuple[str, ...] = ()
    fetch: str = ""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def read_manifest(path: str | Path) -> dict:
    """The dataset's manifest.json; DatasetError saying what is wrong and what to do."""
    folder = Path(path)
    if not folder.is_dir():
        raise DatasetError(f"DASHBOARD_DATASET points at {folder}, which is not a folder; set it to the folder "
                           "`python -m analysis batch ... --out DIR` wrote.")
    manifest = folder / "manifest.json"
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"{folder} is not a dataset (it has no manifest.json); point DASHBOARD_DATASET at the "
                           "folder `python -m analysis batch ... --out DIR` wrote.") from None
    except (OSError, ValueError) as exc:
        raise DatasetError(f"The dataset manifest {manifest} cannot be read ({exc}); run the batch command again "
                           "or restore the folder.") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DatasetError(f"{manifest} has format {data.get('format') if isinstance(data, dict) else '?'!r}; this "
                           f"version of the dashboard reads format {FORMAT}. Update the dashboard or rebuild the "
                           "dataset with its batch command.")
    return data


def manifest_stamp(path: str | Path) -> str:
    """Changes whenever the batch command rewrites the manifest (cheap: one stat)."""
    try:
        st = (Path(path) / "manifest.json").stat()
    except OSError:
        return "missing"
    return f"{st.st_mtime_ns}-{st.st_size}"


# --------------------------------------------------------------------------- registry

def registry_names(registry: Registry) -> pd.DataFrame:
    """One row per name the registry knows: name, canonical, country, country_source, role,
    role_source, not_person, shared (the person has more than one spelling)."""
    rows = [(n, p.name, p.country.value, p.country.source, p.role.value, p.role.source, p.not_person,
             len(p.variants) > 1) for n, p in ((n, registry.people[i]) for n, i in registry.index.items())]
    return pd.DataFrame(rows, columns=["name", "canonical", "country", "country_source", "role", "role_source",
                                       "not_person", "shared"])


def registry_from_names(names: pd.DataFrame) -> Registry:
    """A Registry with what resolution uses (names, countries, roles, flags) from ``registry_names``."""
    registry = Registry()
    groups: dict[str, list[str]] = {}
    facts = {}
    for row in names.itertuples(index=False):
        groups.setdefault(row.canonical, []).append(row.name)
        facts[row.canonical] = row
    for canonical, members in groups.items():
        row = facts[canonical]
        registry.index.update({n: len(registry.people) for n in members})
        registry.people.append(Person(canonical, tuple([canonical] + sorted(set(members) - {canonical})),
                                      Fact(row.country, row.country_source), Fact(row.role, row.role_source),
                                      not_person=bool(row.not_person)))
    return registry


@lru_cache(maxsize=1)
def _registry_code() -> str:
    """Hash of the code that shapes the registry: a new version builds it again."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in ("registry.py", "components.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:12]


_REGISTRIES: dict[str, pd.DataFrame] = {}


@lru_cache(maxsize=1)
def _aggregates_code() -> str:
    """Hash of the code that shapes the views and the aggregates: a new version computes them again."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in ("dataset.py", "alignment.py", "registry.py", "components.py", "store.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:12]


# --------------------------------------------------------------------------- corrections

def _split_key(key: str) -> tuple[str, str, int, str, str] | None:
    """(article, actor, start, issue, stance) of a position key (analysis.store.position_key)."""
    article, _, rest = key.partition("|")
    parts = rest.rsplit("|", 3)
    if len(parts) != 4 or not parts[1].lstrip("-").isdigit():
        return None
    return article, parts[0], int(parts[1]), parts[2], parts[3]


def position_fixes(corrections: pd.DataFrame) -> pd.DataFrame:
    """Edits and deletions of machine positions, one row per key: the key's parts, the new
    issue / stance / country (None: unchanged; later corrections win) and ``deleted``."""
    fixes: dict[str, dict] = {}
    for c in corrections.itertuples():
        if c.action not in ("edit", "delete") or str(c.target).startswith("added:"):
            continue
        parts = _split_key(str(c.target))
        if parts is None:
            continue
        fix = fixes.setdefault(c.target, dict(zip(("article", "actor", "start", "m_issue", "m_stance"), parts),
                                              issue=None, stance=None, country=None, deleted=False))
        if c.action == "delete":
            fix["deleted"] = True
        else:
            fix.update({f: getattr(c, f) for f in ("issue", "stance", "country") if getattr(c, f)})
    return pd.DataFrame(list(fixes.values()), columns=["article", "actor", "start", "m_issue", "m_stance", "issue",
                                                       "stance", "country", "deleted"])


def country_fixes(corrections: pd.DataFrame, registry: Registry) -> pd.DataFrame:
    """An analyst's country for one actor (by canonical name) in one article; the last one wins."""
    fixes: dict[tuple[str, str], str] = {}
    for c in corrections[corrections["action"] == "country"].itertuples():
        person = registry.get(c.target)
        fixes[(c.article, person.name if person is not None else c.target)] = c.country or ""
    return pd.DataFrame([(a, n, v) for (a, n), v in fixes.items()], columns=["article", "name", "country"])


# --------------------------------------------------------------------------- the dataset

class Dataset:
    """A dataset folder with the store's corrections and registry edits applied on read.

    Views: ``articles``, ``actors``, ``statements`` (positions, with ``key``, ``corrected`` and
    ``country_source`` as ``Store.tables()`` gives them) and ``reactions``, ``errors``. Every
    query opens its own DuckDB cursor, so one Dataset serves several sessions at once. A Dataset
    is immutable: new corrections or a new manifest make a new one (``key`` tells them apart)."""

    def __init__(self, path: str | Path, corrections: pd.DataFrame | None = None, edits: Iterable[Edit] = (),
                 imported: Iterable[Imported] = (), revision: int | str = 0, cache: bool = True):
        import duckdb

        self.path = Path(path)
        self.manifest = read_manifest(self.path)
        self.key = f"{self.path.resolve()}|{self.manifest.get('updated', '')}|{manifest_stamp(self.path)}|{revision}"
        try:
            self._open(corrections, list(edits), list(imported), cache)
        except duckdb.Error as exc:
            raise DatasetError(f"The dataset {self.path} cannot be read ({' '.join(str(exc).split())[:300]}); run the "
                               "batch command again for it, or restore the folder.") from exc

    def _open(self, corrections: pd.DataFrame | None, edits: list[Edit], imported: list[Imported], cache: bool) -> None:
        import duckdb

        self._con = duckdb.connect(":memory:")
        self._samples: dict[int, str] = {}  # rid -> quote or evidence, read once (see samples)
        # a query larger than memory spills here, never into the working folder
        spill = Path(tempfile.gettempdir()) / f"dashboard-duckdb-{os.getpid()}"
        self._con.execute(f"SET temp_directory = {_literal(str(spill))}")
        self._files: list[tuple[str, str, int, int]] = []
        for table in SCHEMA:
            self._con.execute(f"CREATE VIEW m_{table} AS {self._machine_sql(table)}")
        self._registry_built = False
        names = self._names = self._registry(edits, imported, cache)
        corrections = corrections if corrections is not None else pd.DataFrame(columns=["id", "article", "action",
                                                                                           "target"])
        corrections = corrections[corrections["action"].isin(ACTIONS)]
        self._create_views(names, corrections)
        self._stored: dict[str, object] = {}
        self._store_dir = self.path / CACHE_DIR if cache else None
        self._store_key = self._aggregates_key(corrections, edits, imported)
        if not self._attach_slim():
            self._materialise()
            # kept at the first open of a dataset version, and for machine output with no
            # corrections (after a code update too); a new correction is built in memory only
            if cache and (self._registry_built or (corrections.empty and not edits and not imported)):
                self._keep_slim()
        if self._registry_built and cache:  # a new dataset version: the unfiltered Overview's aggregates too
            self.summary(), self.countries(), self.counts(Filters()), self.country_issue(Filters())
            self.hover_rows(Filters())

    @cached_property
    def registry(self) -> Registry:
        """The registry as resolution uses it, built from its names when something needs it
        (rows to collapse, corrections to resolve): about 0.2 s at a million positions that a
        dataset without corrections does not spend when it opens."""
        return registry_from_names(self._names)

    # ---------------------------------------------------------------- set-up

    def _machine_sql(self, table: str) -> str:
        """Typed SELECT over a table's chunk files; a column no file has reads as empty."""
        schema = SCHEMA[table]
        files = sorted((self.path / table).glob("*.parquet"))
        for f in files:  # what the stored aggregates were computed from (see _aggregates_key)
            st = f.stat()
            self._files.append((table, f.name, st.st_size, st.st_mtime_ns))
        empty = {_TEXT: "''", _INT: "0", _FLOAT: "0.0"}
        if not files:
            if table == "positions":
                self._positions = None
            cols = ", ".join(f"CAST({empty[t]} AS {t}) AS {_q(c)}" for c, t in schema.items())
            return f"SELECT {cols}{', CAST(0 AS BIGINT) AS rid' if table == 'positions' else ''} WHERE false"
        glob = str(self.path / table / "*.parquet").replace("'", "''")
        source = f"read_parquet('{glob}', union_by_name = true)"
        # the columns of all chunks together (their footers only)
        present = {name: kind for name, kind, *_ in self._con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
        cols = []
        for c, t in schema.items():
            if c not in present:
                cols.append(f"CAST({empty[t]} AS {t}) AS {_q(c)}")
            elif c in ("id", "article") and present[c] == "VARCHAR":
                cols.append(_q(c))  # plain: a filter on it reaches the file scan
            else:
                cols.append(f"coalesce(CAST({_q(c)} AS {t}), {empty[t]}) AS {_q(c)}")
        if table == "positions":  # a row's place in the files: pages fetch their full rows by it
            cols.append("(CAST(file_index AS BIGINT) << 32) | file_row_number AS rid")
            self._positions = (source, dict(zip([*schema, "rid"], cols)))
        return f"SELECT {', '.join(cols)} FROM {source}"

    def _registry(self, edits: list[Edit], imported: list[Imported], cache: bool) -> pd.DataFrame:
        """The registry's names (see registry_names), built once per dataset version and edits."""
        h = hashlib.sha256(json.dumps([str(self.path.resolve()), self.manifest.get("updated", ""),
                                       self.manifest.get("created", ""), _registry_code(),
                                       [list(e.__dict__.values()) for e in edits],
                                       [[i.name, list(i.variants), i.country, i.role] for i in imported]]).encode())
        key = h.hexdigest()[:20]
        if cache and key in _REGISTRIES:
            return _REGISTRIES[key]
        stored = self.path / CACHE_DIR / f"registry-{key}.parquet"
        names = None
        if cache and stored.is_file():
            try:
                names = pd.read_parquet(stored)
            except (OSError, ValueError):
                names = None
        if names is None:
            people = self._df("SELECT article, name, actor_type, country, role, mentions, evidence_start, evidence_end "
                              "FROM m_actors WHERE actor_type = 'person'")
            names = registry_names(build(people, {}, edits, imported))
            self._registry_built = True
            if cache:
                self._store_registry(stored, names)
        if cache:
            _REGISTRIES.clear()  # one dataset per process is the normal case: keep the last one only
            _REGISTRIES[key] = names
        return names

    @staticmethod
    def _store_registry(target: Path, names: pd.DataFrame) -> None:
        try:
            target.parent.mkdir(exist_ok=True)
            for old in target.parent.glob("registry-*.parquet"):
                old.unlink(missing_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            os.close(fd)
            names.to_parquet(tmp, index=False)
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only dataset folder: the registry stays in memory

    def _aggregates_key(self, corrections: pd.DataFrame, edits: list[Edit], imported: list[Imported]) -> str:
        """What the unfiltered aggregates depend on: the dataset (its manifest, and the name,
        size and time of every chunk file), the corrections and registry edits, and the code."""
        import duckdb

        fixes = "" if corrections.empty else corrections.astype(str).to_json(orient="split", index=False)
        return hashlib.sha256(json.dumps([
            str(self.path.resolve()), self.manifest.get("created", ""), self.manifest.get("updated", ""),
            manifest_stamp(self.path), self._files, _aggregates_code(), duckdb.__version__, fixes,
            [list(e.__dict__.values()) for e in edits],
            [[i.name, list(i.variants), i.country, i.role] for i in imported]]).encode()).hexdigest()[:20]

    def _slim_path(self) -> Path | None:
        return None if self._store_dir is None else self._store_dir / f"aggregates-{self._store_key}-slim.duckdb"

    def _attach_slim(self) -> bool:
        """``slim`` and ``slim_actors`` as kept by ``_keep_slim`` for this dataset version,
        corrections and code, attached read-only (no scan of the files, nothing to build);
        False when there are none (or they cannot be read: they are built again)."""
        import duckdb

        path = self._slim_path()
        if path is None or not path.is_file():
            return False
        try:
            self._con.execute(f"ATTACH {_literal(str(path))} AS kept (READ_ONLY)")
            self._con.execute("CREATE VIEW slim AS SELECT * FROM kept.slim")
            self._con.execute("CREATE VIEW slim_actors AS SELECT * FROM kept.slim_actors")
        except duckdb.Error:
            for undo in ("DROP VIEW IF EXISTS slim", "DROP VIEW IF EXISTS slim_actors", "DETACH DATABASE IF EXISTS kept"):
                self._con.execute(undo)
            return False
        return True

    def _keep_slim(self) -> None:
        """Write ``slim`` and ``slim_actors`` to a DuckDB file beside the registry (a new process
        attaches it instead of building them: about 0.6 s at a million positions)."""
        import duckdb

        target = self._slim_path()
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            self._clear_kept(target.parent)
            self._con.execute(f"ATTACH {_literal(str(tmp))} AS keep")
            try:
                self._con.execute("CREATE TABLE keep.slim AS SELECT * FROM slim")
                self._con.execute("CREATE TABLE keep.slim_actors AS SELECT * FROM slim_actors")
            finally:
                self._con.execute("DETACH keep")
            os.replace(tmp, target)
        except (OSError, duckdb.Error):
            tmp.unlink(missing_ok=True)  # a read-only dataset folder: built in memory by every process

    def _clear_kept(self, folder: Path) -> None:
        """Make the cache folder and drop what other versions kept there."""
        folder.mkdir(exist_ok=True)
        for old in folder.glob("aggregates-*"):
            if not old.name.startswith(f"aggregates-{self._store_key}-"):
                old.unlink(missing_ok=True)

    def _kept(self, name: str, compute):
        """``compute()`` (a DataFrame, dict or list) once per dataset version, corrections and
        code: kept in memory and in DIR/.dashboard-cache/aggregates-<key>-<name>.* (Parquet for a
        table, JSON otherwise), so a new server process reads it instead of scanning every row.
        A copy is returned (callers may change it)."""
        if name not in self._stored:
            value = self._read_kept(name)
            if value is None:
                value = compute()
                self._write_kept(name, value)
            self._stored[name] = value
        value = self._stored[name]
        return value.copy() if isinstance(value, (pd.DataFrame, dict, list)) else value

    def _kept_path(self, name: str, value=None) -> Path | None:
        if self._store_dir is None:
            return None
        table = isinstance(value, pd.DataFrame) if value is not None else None
        stem = f"aggregates-{self._store_key}-{name}"
        if table is None:
            return next((p for p in (self._store_dir / f"{stem}.parquet", self._store_dir / f"{stem}.json")
                         if p.is_file()), None)
        return self._store_dir / f"{stem}.{'parquet' if table else 'json'}"

    def _read_kept(self, name: str):
        path = self._kept_path(name)
        if path is None:
            return None
        try:
            if path.suffix == ".parquet":
                return pd.read_parquet(path)
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _write_kept(self, name: str, value) -> None:
        target = self._kept_path(name, value)
        if target is None:
            return
        try:
            self._clear_kept(target.parent)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            os.close(fd)
            if isinstance(value, pd.DataFrame):
                value.to_parquet(tmp, index=False)
            else:
                Path(tmp).write_text(json.dumps(value), encoding="utf-8")
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only dataset folder: kept in memory only

    def _table(self, name: str, df: pd.DataFrame) -> None:
        self._con.register("_frame", df)
        self._con.execute(f"CREATE TABLE {name} AS SELECT * FROM _frame")
        self._con.unregister("_frame")

    def _create_views(self, names: pd.DataFrame, corrections: pd.DataFrame) -> None:
        self._table("reg", names)
        collapsed = self._collapsed()
        fixes = position_fixes(corrections)
        countries = country_fixes(corrections, self.registry if (corrections["action"] == "country").any() else Registry())
        added = self._added(corrections)
        self._table("collapsed", collapsed)
        self._table("pos_fix", fixes.astype({"start": "int64", "deleted": bool}))
        self._table("country_fix", countries)
        self._table("added", added)
        has_collapsed, has_fix, has_country, has_added = (not collapsed.empty, not fixes.empty, not countries.empty,
                                                          not added.empty)

        def country(alias: str, own: str) -> tuple[str, str]:
            """The registry's country for a person row of ``alias`` (reg) whose own country is ``own``."""
            takes = f"{alias}.country <> '' AND ({alias}.country_source = 'analyst' OR {own} = '')"
            source = f"CASE WHEN {alias}.country_source = 'text' THEN 'corpus' ELSE {alias}.country_source END"
            return takes, source

        def role(alias: str, own: str) -> str:
            return f"CASE WHEN {alias}.role <> '' AND ({alias}.role_source = 'analyst' OR {own} = '') " \
                   f"THEN {alias}.role ELSE {own} END"

        takes, source = country("g", "a.country")
        collapse_join = "LEFT JOIN collapsed k ON k.article = a.article AND k.name = g.canonical" if has_collapsed else ""
        collapse_skip = "AND k.article IS NULL" if has_collapsed else ""
        actors = f"""
            SELECT a.article, a.file, CASE WHEN g.name IS NULL THEN a.name ELSE g.canonical END AS name, a.actor_type,
                   CASE WHEN {takes} THEN g.country ELSE a.country END AS country, {role('g', 'a.role')} AS role,
                   a.mentions, a.evidence_start, a.evidence_end,
                   CASE WHEN {takes} THEN {source} WHEN a.country <> '' THEN 'text' ELSE '' END AS country_source
            FROM m_actors a LEFT JOIN reg g ON a.actor_type = 'person' AND g.name = a.name {collapse_join}
            WHERE NOT coalesce(g.not_person, false) {collapse_skip}"""
        if has_collapsed:
            actors += """ UNION ALL SELECT article, file, name, actor_type, country, role, mentions, evidence_start,
                          evidence_end, country_source FROM collapsed"""
        self._con.execute(f"CREATE VIEW actors AS {self._country_fixed(actors, has_country, 'name')}")

        fixed = f"""
            SELECT p.article, p.file, p.actor, p.actor_type, {'coalesce(x.issue, p.issue)' if has_fix else 'p.issue'} AS issue,
                   {'coalesce(x.stance, p.stance)' if has_fix else 'p.stance'} AS stance,
                   {'coalesce(x.country, p.country)' if has_fix else 'p.country'} AS country, p.country AS machine_country,
                   p.role, p.evidence, p.start, p."end", p.quote, p.kind, p.confidence,
                   p.article || '|' || p.actor || '|' || CAST(p.start AS VARCHAR) || '|' || p.issue || '|' || p.stance AS key,
                   {'x.article IS NOT NULL' if has_fix else 'false'} AS corrected, p.rid
            FROM m_positions p"""
        if has_fix:
            fixed += """ LEFT JOIN pos_fix x ON x.article = p.article AND x.actor = p.actor AND x.start = p.start
                         AND x.m_issue = p.issue AND x.m_stance = p.stance WHERE NOT coalesce(x.deleted, false)"""
        takes, source = country("g", "p.machine_country")
        person = "p.actor_type = 'person' AND g.name IS NOT NULL"
        collapse_join = "LEFT JOIN collapsed k ON k.article = p.article AND k.name = g.canonical" if has_collapsed else ""
        when_collapsed = "WHEN k.article IS NOT NULL THEN k.{0}" if has_collapsed else ""
        named = f"""
            SELECT p.article, p.file, CASE WHEN {person} THEN g.canonical ELSE p.actor END AS actor, p.actor_type,
                   CASE WHEN NOT ({person}) THEN p.country {when_collapsed.format('country')}
                        WHEN {takes} THEN g.country ELSE p.machine_country END AS country,
                   CASE WHEN NOT ({person}) THEN p.role {when_collapsed.format('role')}
                        ELSE {role('g', 'p.role')} END AS role,
                   p.issue, p.stance, p.evidence, p.start, p."end", p.quote, p.kind, p.confidence, p.key, p.corrected,
                   CASE WHEN NOT ({person}) THEN (CASE WHEN p.country <> '' THEN 'text' ELSE '' END)
                        {when_collapsed.format('country_source')}
                        WHEN {takes} THEN {source} WHEN p.machine_country <> '' THEN 'text' ELSE '' END AS country_source,
                   p.rid
            FROM ({fixed}) p LEFT JOIN reg g ON g.name = p.actor {collapse_join}
            WHERE NOT (p.actor_type = 'person' AND coalesce(g.not_person, false))"""
        if has_added:
            named += f" UNION ALL SELECT {', '.join(_q(c) for c in STATEMENT_COLUMNS)}, rid FROM added"
        self._con.execute(f"CREATE VIEW statements AS {self._country_fixed(named, has_country, 'actor', True)}")

        sides = []
        for side in ("source", "target"):
            alias = side[0]
            takes, source = country(f"g{alias}", f"r.{side}_country")
            c_join = (f"LEFT JOIN collapsed k{alias} ON k{alias}.article = r.article AND k{alias}.name = g{alias}.canonical"
                      if has_collapsed else "")
            c_when = (f"WHEN k{alias}.article IS NOT NULL THEN coalesce(nullif(k{alias}.country, ''), r.{side}_country)"
                      if has_collapsed else "")
            sides.append((f"CASE WHEN g{alias}.name IS NULL THEN r.{side} ELSE g{alias}.canonical END AS {side}, "
                          f"CASE WHEN g{alias}.name IS NULL THEN r.{side}_country {c_when} "
                          f"WHEN {takes} THEN g{alias}.country ELSE r.{side}_country END AS {side}_country",
                          f"LEFT JOIN reg g{alias} ON g{alias}.name = r.{side} {c_join}",
                          f"NOT coalesce(g{alias}.not_person, false)"))
        self._con.execute(f"""
            CREATE VIEW reactions AS SELECT r.article, r.file, {sides[0][0]}, {sides[1][0]}, r.relation, r.evidence,
                   r.start, r."end"
            FROM m_reactions r {sides[0][1]} {sides[1][1]} WHERE {sides[0][2]} AND {sides[1][2]}""")
        self._con.execute("CREATE VIEW articles AS SELECT * FROM m_articles")
        self._con.execute("CREATE VIEW errors AS SELECT * FROM m_errors")

    @staticmethod
    def _country_fixed(sql: str, has_country: bool, name: str, corrected: bool = False) -> str:
        """``sql`` with the analysts' country per actor and article applied last (it beats everything)."""
        if not has_country:
            return sql
        cols = ", ".join(
            "CASE WHEN f.article IS NOT NULL THEN f.country ELSE s.country END AS country" if c == "country" else
            "CASE WHEN f.article IS NOT NULL THEN (CASE WHEN f.country <> '' THEN 'analyst' ELSE '' END) "
            "ELSE s.country_source END AS country_source" if c == "country_source" else
            "s.corrected OR f.article IS NOT NULL AS corrected" if c == "corrected" and corrected else f"s.{_q(c)}"
            for c in (STATEMENT_COLUMNS + ["rid"] if corrected else ACTOR_COLUMNS))
        return f"SELECT {cols} FROM ({sql}) s LEFT JOIN country_fix f ON f.article = s.article AND f.name = s.{name}"

    def _collapsed(self) -> pd.DataFrame:
        """Actor rows of two spellings of one person in one article, collapsed as the store does
        (registry.resolve): one row per article and person."""
        rows = self._df("""
            SELECT a.article, a.file, a.name, a.actor_type, a.country, a.role, a.mentions, a.evidence_start,
                   a.evidence_end
            FROM m_actors a JOIN reg g ON a.actor_type = 'person' AND g.name = a.name AND g.shared AND NOT g.not_person
            QUALIFY count(*) OVER (PARTITION BY a.article, g.canonical) > 1""")
        if rows.empty:
            return pd.DataFrame(columns=ACTOR_COLUMNS)
        files = dict(zip(rows["article"], rows["file"]))
        empty_pos = pd.DataFrame(columns=columns(Position))
        empty_re = pd.DataFrame(columns=REACTION_MACHINE)
        actors = rows.drop(columns=["file"])
        resolved = resolve(actors, empty_pos, empty_re, self.registry).actors
        resolved.insert(1, "file", resolved["article"].map(files).fillna(""))
        return resolved[ACTOR_COLUMNS]

    def _added(self, corrections: pd.DataFrame) -> pd.DataFrame:
        """Positions added by hand (and the corrections of them), resolved exactly as the store does."""
        mine = corrections[(corrections["action"] == "add") | corrections["target"].astype(str).str.startswith("added:")]
        if mine.empty:
            return pd.DataFrame(columns=STATEMENT_COLUMNS + ["rid"])
        ids = sorted(set(mine["article"]))
        marks = ", ".join("?" * len(ids))
        actors = self._df(f"SELECT article, name, actor_type, country, role, mentions, evidence_start, evidence_end "
                          f"FROM m_actors WHERE article IN ({marks})", ids)
        files = dict(self._con.execute(f"SELECT id, file FROM m_articles WHERE id IN ({marks})", ids).fetchall())
        positions = pd.DataFrame(columns=columns(Position))
        with warnings.catch_warnings():  # pandas warns about concatenating to an empty frame
            warnings.simplefilter("ignore", FutureWarning)
            _, added, _ = apply_corrections(actors, positions, pd.DataFrame(columns=REACTION_MACHINE), mine,
                                            self.registry)
        added.insert(1, "file", added["article"].map(files).fillna(""))
        added["rid"] = [-int(k.split(":")[1]) for k in added["key"]]  # no row in the files: negative ids
        return added.astype({"start": "int64", "end": "int64", "confidence": "float64", "corrected": bool})[
            STATEMENT_COLUMNS + ["rid"]]

    # ---------------------------------------------------------------- the columns queries filter on

    def _materialise(self) -> None:
        """``slim`` and ``slim_actors``: the resolved statements and actors without their texts,
        low-cardinality columns as ENUMs, each statement with its article's date. Filters and
        aggregates run on these (about 70 bytes a position, ~1 s to build at a million); texts
        stay in the Parquet files and are fetched for one page of rows by ``rid``."""
        domain = {
            "country": "SELECT country FROM m_positions UNION SELECT country FROM m_actors UNION SELECT country FROM reg "
                       "UNION SELECT country FROM country_fix UNION SELECT country FROM added",
            "issue": "SELECT issue FROM m_positions UNION SELECT issue FROM pos_fix WHERE issue IS NOT NULL "
                     "UNION SELECT issue FROM added",
            "stance": "SELECT unnest(['support', 'oppose', 'neutral']) UNION SELECT stance FROM m_positions "
                      "UNION SELECT stance FROM pos_fix WHERE stance IS NOT NULL UNION SELECT stance FROM added",
            "actor_type": "SELECT actor_type FROM m_positions UNION SELECT actor_type FROM m_actors "
                          "UNION SELECT actor_type FROM added",
        }
        for column, sql in domain.items():
            values = sorted({v for (v,) in self._con.execute(sql).fetchall() if v is not None})
            literal = ", ".join("'" + v.replace("'", "''") + "'" for v in values) or "''"
            self._con.execute(f"CREATE TYPE t_{column} AS ENUM ({literal})")
        self._con.execute("""
            CREATE TABLE slim AS
            SELECT s.rid, s.article, s.actor, CAST(s.actor_type AS t_actor_type) AS actor_type,
                   CAST(s.country AS t_country) AS country, CAST(s.issue AS t_issue) AS issue,
                   CAST(s.stance AS t_stance) AS stance, s.confidence, CAST(s.start AS INTEGER) AS start, s.corrected,
                   d.day
            FROM statements s
            LEFT JOIN (SELECT id, TRY_CAST(any_value(date) AS DATE) AS day FROM m_articles GROUP BY id) d
              ON d.id = s.article""")
        self._con.execute("""
            CREATE TABLE slim_actors AS
            SELECT article, name, CAST(actor_type AS t_actor_type) AS actor_type, CAST(country AS t_country) AS country,
                   role, mentions FROM actors""")

    # ---------------------------------------------------------------- plain queries

    def _df(self, sql: str, params: Iterable = ()) -> pd.DataFrame:
        with self._con.cursor() as cur:
            return cur.execute(sql, list(params)).df()

    def _one(self, sql: str, params: Iterable = ()):
        with self._con.cursor() as cur:
            return cur.execute(sql, list(params)).fetchone()

    def table(self, name: str) -> pd.DataFrame:
        """A whole view as a DataFrame (``rid`` left out): for tests and small datasets only."""
        return self._df(f"SELECT * EXCLUDE (rid) FROM {name}" if name == "statements" else f"SELECT * FROM {name}")

    def summary(self) -> dict:
        """Rows per table (machine output) and the manifest's dates, for the dataset notice."""
        return self._kept("summary", self._summary)

    def _summary(self) -> dict:
        counts = self._one("SELECT (SELECT count(*) FROM m_articles), (SELECT count(*) FROM m_positions), "
                           "(SELECT count(*) FROM m_errors)")
        return {"articles": counts[0], "positions": counts[1], "errors": counts[2],
                "created": self.manifest.get("created", ""), "updated": self.manifest.get("updated", ""),
                "chunks": len(self.manifest.get("chunks") or {})}

    # ---------------------------------------------------------------- filter options

    def countries(self) -> list[str]:
        """Every country or body of an actor or a position (as ui.filters.options)."""
        return self._kept("countries", self._countries)

    def _countries(self) -> list[str]:
        rows = self._df("SELECT CAST(country AS VARCHAR) AS c FROM slim_actors WHERE country <> '' UNION "
                        "SELECT CAST(country AS VARCHAR) FROM slim WHERE country <> ''")
        return sorted(rows["c"])

    def article_choices(self, find: str = "", limit: int = 200) -> pd.DataFrame:
        """id, title, date of the newest ``limit`` articles whose title contains ``find`` (any case)."""
        where, params = ("WHERE contains(lower(title), ?)", [find.strip().lower()]) if find.strip() else ("", [])
        return self._df(f"SELECT id, title, date FROM articles {where} ORDER BY date DESC, title, id LIMIT ?",
                        [*params, limit])

    def article_titles(self, ids: Iterable[str]) -> dict[str, str]:
        """id -> title of the articles among ``ids`` that exist."""
        ids = sorted(set(ids))
        if not ids:
            return {}
        rows = self._df(f"SELECT id, title FROM articles WHERE id IN ({', '.join('?' * len(ids))})", ids)
        return dict(zip(rows["id"], rows["title"]))

    def article(self, article_id: str) -> dict | None:
        """One article with its text."""
        row = self._df("SELECT id, file, title, source, date, text, url FROM articles WHERE id = ? LIMIT 1", [article_id])
        return None if row.empty else row.iloc[0].to_dict()

    # ---------------------------------------------------------------- filters

    @staticmethod
    def _where(parts: list[tuple[str, Iterable]], extra: Iterable[tuple[str, list]] = ()) -> tuple[str, list]:
        sql, params = [], []
        for column, values in parts:
            values = list(values)
            if values:
                sql.append(f"{column} IN ({', '.join('?' * len(values))})")
                params += values
        for clause, values in extra:
            sql.append(clause)
            params += values
        return (" WHERE " + " AND ".join(sql)) if sql else "", params

    def _slim_where(self, f: Filters, country: bool = True, search: str = "", more: Iterable = ()) -> tuple[str, list]:
        """WHERE over ``slim`` for the sidebar filters (as ui.filters.apply), optionally without
        the country filter, and the Positions page's search in actor, role, evidence and quote."""
        parts = [("issue", f.issue), ("stance", f.stance), ("actor_type", f.actor_type), ("article", f.article)]
        if country:
            parts.append(("country", f.country))
        extra = list(more)
        if search.strip():  # the texts are in the files: the same filters first, then the words
            inner, inner_params = self._where(parts, [
                ("contains(lower(actor || ' ' || role || ' ' || evidence || ' ' || quote), ?)", [search.strip().lower()])])
            extra.append((f"rid IN (SELECT rid FROM statements{inner})", inner_params))
        return self._where(parts, extra)

    def _actors_where(self, f: Filters) -> tuple[str, list]:
        return self._where([("country", f.country), ("actor_type", f.actor_type), ("article", f.article)])

    def _reactions_where(self, f: Filters) -> tuple[str, list]:
        extra = []
        if f.country:
            marks = ", ".join("?" * len(f.country))
            extra.append((f"(source_country IN ({marks}) OR target_country IN ({marks}))", [*f.country, *f.country]))
        return self._where([("article", f.article)], extra)

    # ---------------------------------------------------------------- aggregates

    def counts(self, f: Filters) -> dict[str, int]:
        """The Overview's figures: articles (article filter only, as the SQLite mode), distinct
        actor names, countries and bodies with positions, positions."""
        if f == Filters():
            return self._kept("counts", lambda: self._counts(f))
        return self._counts(f)

    def _counts(self, f: Filters) -> dict[str, int]:
        aw, ap = self._where([("id", f.article)])
        cw, cp = self._actors_where(f)
        sw, sp = self._slim_where(f)
        row = self._one(f"""SELECT (SELECT count(*) FROM articles{aw}), (SELECT count(DISTINCT name) FROM slim_actors{cw}),
                                  (SELECT count(DISTINCT country) FILTER (WHERE country <> '') FROM slim{sw}),
                                  (SELECT count(*) FROM slim{sw})""", [*ap, *cp, *sp, *sp])
        return {"articles": row[0], "actors": row[1], "countries": row[2], "positions": row[3]}

    def country_issue(self, f: Filters) -> pd.DataFrame:
        """Per (country, issue) with positions under ``f`` *without* its country filter (alignment
        needs the reference even when the filter leaves it out): positions, value (confidence-
        weighted mean stance, as analysis.alignment.country_issue_values), actors (", "-joined,
        sorted) and first (the rid of its first position, for ``samples``)."""
        if f._replace(country=()) == Filters():
            return self._kept("country_issue", lambda: self._country_issue(f))
        return self._country_issue(f)

    def _country_issue(self, f: Filters) -> pd.DataFrame:
        where, params = self._slim_where(f, country=False, more=[("country <> ''", [])])
        case = " ".join(f"WHEN '{s}' THEN {v}" for s, v in STANCE_VALUE.items())
        return self._df(f"""
            WITH per_actor AS (
                SELECT country, issue, actor, count(*) AS n, min(rid) AS first,
                       sum(coalesce(CASE CAST(stance AS VARCHAR) {case} END, 0.0) * confidence) AS v,
                       sum(confidence) AS w
                FROM slim{where} GROUP BY country, issue, actor)
            SELECT CAST(country AS VARCHAR) AS country, CAST(issue AS VARCHAR) AS issue, sum(n) AS positions,
                   greatest(-1.0, least(1.0, sum(v) / sum(w))) AS value,
                   string_agg(actor, ', ' ORDER BY actor) AS actors, min(first) AS first
            FROM per_actor GROUP BY country, issue ORDER BY country, issue""", params)

    def samples(self, rids: Iterable[int]) -> dict[int, str]:
        """rid -> the position's quote, else its evidence (the stance matrix's hover).

        Each is read once per Dataset (the matrix under a new filter mostly shows cells it has
        shown), from the files that hold it only: a rid is (file, row), and DuckDB skips the
        other files and row groups when the scan is filtered on file_index and file_row_number.
        Quote and evidence are the machine's (corrections never change them); hand-added
        positions (negative rids) come from their table."""
        rids = sorted({int(r) for r in rids})
        todo = [r for r in rids if r not in self._samples]
        if todo:
            self._samples.update(self._read_samples(todo))
        return {r: self._samples[r] for r in rids if r in self._samples}

    def _read_samples(self, rids: list[int]) -> dict[int, str]:
        sample = "CASE WHEN quote <> '' THEN quote ELSE evidence END"
        out = {}
        added = [r for r in rids if r < 0]
        if added:
            rows = self._df(f"SELECT rid, {sample} AS sample FROM added WHERE rid IN ({', '.join(map(str, added))})")
            out.update(zip(rows["rid"], rows["sample"]))
        machine = [r for r in rids if r >= 0]
        if machine and self._positions is not None:
            source, cols = self._positions
            files = sorted({r >> 32 for r in machine})
            numbers = sorted({r & 0xFFFFFFFF for r in machine})
            rows = self._df(f"""
                SELECT * FROM (SELECT {cols['quote']}, {cols['evidence']}, {cols['rid']} FROM {source}
                               WHERE file_index IN ({', '.join(map(str, files))})
                                 AND file_row_number IN ({', '.join(map(str, numbers))}))
                WHERE rid IN ({', '.join(map(str, machine))})""")
            out.update(zip(rows["rid"], (q if q != "" else e for q, e in zip(rows["quote"], rows["evidence"]))))
        return {int(r): s for r, s in out.items()}

    def alignment(self, f: Filters, reference: str, issue_order: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """(alignment rows, per-country scores, country_issue) as ui.filters.apply computes them."""
        values = self.country_issue(f)
        issues = [i for i in issue_order if not f.issue or i in f.issue]
        aligned = alignment_of(values[["country", "issue", "value", "actors"]], reference, issues)
        if f.country:
            aligned = aligned[aligned["country"].isin(f.country)]
        return aligned.reset_index(drop=True), country_scores(aligned), values

    def hover_rows(self, f: Filters) -> pd.DataFrame:
        """Distinct (country, actor, issue, stance) of the first HOVER_ACTORS actors (by name) of
        each country: all the map's hover shows, and every country with positions."""
        if f == Filters():
            return self._kept("hover_rows", lambda: self._hover_rows(f))
        return self._hover_rows(f)

    def _hover_rows(self, f: Filters) -> pd.DataFrame:
        where, params = self._slim_where(f)
        return self._df(f"""
            WITH rows AS (SELECT DISTINCT CAST(country AS VARCHAR) AS country, actor, CAST(issue AS VARCHAR) AS issue,
                                 CAST(stance AS VARCHAR) AS stance FROM slim{where}),
                 firsts AS (SELECT country, actor FROM (SELECT DISTINCT country, actor FROM rows)
                            QUALIFY row_number() OVER (PARTITION BY country ORDER BY actor) <= {HOVER_ACTORS})
            SELECT r.country, r.actor, r.issue, r.stance FROM rows r SEMI JOIN firsts USING (country, actor)
            ORDER BY r.country, r.actor, r.issue, r.stance""", params)

    def timeline(self, f: Filters, max_rows: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame, int]:
        """(points, undated, rows in all): points are per (day, country, issue) the mean stance
        value and the actors, as ui.charts.positions_by_date draws them, for at most ``max_rows``
        (country, issue) rows, those with the most positions; undated lists the articles with
        positions but no valid date (article, title, date, positions)."""
        where, params = self._slim_where(f)
        case = " ".join(f"WHEN '{s}' THEN {v}" for s, v in STANCE_VALUE.items())
        keep = f"QUALIFY row_number() OVER (ORDER BY n DESC, country, issue) <= {int(max_rows)}" if max_rows else ""
        points = self._df(f"""
            WITH dated AS (SELECT day, CAST(country AS VARCHAR) AS country, CAST(issue AS VARCHAR) AS issue, actor,
                                  CASE CAST(stance AS VARCHAR) {case} END AS value
                           FROM slim{where}{' AND' if where else ' WHERE'} day IS NOT NULL AND country <> ''),
                 per_actor AS (SELECT day, country, issue, actor, count(*) AS n, sum(value) AS v FROM dated
                               GROUP BY ALL),
                 kept AS (SELECT country, issue FROM (SELECT country, issue, sum(n) AS n FROM per_actor GROUP BY ALL)
                          {keep})
            SELECT CAST(day AS TIMESTAMP) AS "when", country, issue, sum(v) / sum(n) AS value,
                   string_agg(actor, ', ' ORDER BY actor) AS actors
            FROM per_actor SEMI JOIN kept USING (country, issue)
            GROUP BY day, country, issue ORDER BY "when", country, issue""", params)
        total = self._one(f"""SELECT count(*) FROM (SELECT DISTINCT country, issue FROM slim{where}
                               {' AND' if where else ' WHERE'} day IS NOT NULL AND country <> '')""", params)[0]
        undated = self._df(f"""
            SELECT u.article, a.title, a.date, u.positions
            FROM (SELECT article, count(*) AS positions FROM slim{where}{' AND' if where else ' WHERE'} day IS NULL
                  GROUP BY article) u
            JOIN (SELECT id, any_value(title) AS title, any_value(date) AS date FROM articles GROUP BY id) a
              ON a.id = u.article
            ORDER BY u.article""", params)
        return points, undated, int(total)

    def reaction_links(self, f: Filters, limit: int) -> tuple[pd.DataFrame, int, dict[str, str]]:
        """(the ``limit`` most frequent links source -> target by relation with count and one
        evidence sentence, how many links in all, name -> country of the actors in them)."""
        where, params = self._reactions_where(f)
        edges = self._df(f"""
            SELECT source, target, relation, count(*) AS count, arg_min(evidence, (article, start)) AS evidence
            FROM reactions{where} GROUP BY source, target, relation
            ORDER BY count DESC, source, target, relation LIMIT ?""", [*params, limit])
        total = self._one(f"SELECT count(*) FROM (SELECT DISTINCT source, target, relation FROM reactions{where})",
                          params)[0]
        names = sorted(set(edges["source"]) | set(edges["target"]))
        country = {}
        if names:
            rows = self._df(f"""SELECT name, mode(CAST(country AS VARCHAR)) AS country FROM slim_actors
                                WHERE country <> '' AND name IN ({', '.join('?' * len(names))}) GROUP BY name""", names)
            country = dict(zip(rows["name"], rows["country"]))
        return edges, int(total), country

    # ---------------------------------------------------------------- tables (one page at a time)

    @staticmethod
    def _labelled(column: str, labels: dict[str, str] | None) -> str:
        """SQL for an issue id shown as its label (the catalog's labels, as the pages map them)."""
        if not labels:
            return column
        cases = " ".join(f"WHEN '{k.replace(chr(39), chr(39) * 2)}' THEN '{v.replace(chr(39), chr(39) * 2)}'"
                         for k, v in labels.items())
        return f"CASE {column} {cases} END"

    def positions_query(self, f: Filters, search: str = "", labels: dict[str, str] | None = None) -> Query:
        """The Positions table (the columns the SQLite mode shows), newest articles first."""
        where, params = self._slim_where(f, search=search)
        return Query(f"SELECT rid, day AS _day, article AS _article, start AS _start, actor AS _actor, "
                     f"CAST(issue AS VARCHAR) AS _issue, CAST(stance AS VARCHAR) AS _stance FROM slim{where}",
                     tuple(params), "p._day DESC NULLS LAST, p._article, p._start, p._actor, p._issue, p._stance, p.rid",
                     ("actor", "country", f"{self._labelled('issue', labels)} AS issue_label", "stance", "evidence",
                      "kind", "confidence", "role", "quote", "corrected", "article", "start", '"end"', "issue", "key"),
                     "statements")

    def actors_query(self, f: Filters) -> Query:
        """The Actors table: each actor in each article with its positions under the filters,
        most positions first."""
        aw, ap = self._actors_where(f)
        sw, sp = self._slim_where(f)
        return Query(f"""SELECT a.name, CAST(a.actor_type AS VARCHAR) AS actor_type, CAST(a.country AS VARCHAR) AS country,
                                a.role, a.mentions, coalesce(c.n, 0) AS positions, a.article
                         FROM (SELECT * FROM slim_actors{aw}) a
                         LEFT JOIN (SELECT article, actor, count(*) AS n FROM slim{sw} GROUP BY article, actor) c
                           ON c.article = a.article AND c.actor = a.name""",
                     tuple(ap + sp), "p.positions DESC, p.mentions DESC, p.name, p.article",
                     ("name", "actor_type", "country", "role", "mentions", "positions", 't.title AS "article title"',
                      "article"), "articles")

    def actor_positions_query(self, f: Filters, article: str, actor: str, labels: dict[str, str] | None = None) -> Query:
        """One actor's positions in one article under the filters (the Actors page)."""
        where, params = self._slim_where(f, more=[("actor = ? AND article = ?", [actor, article])])
        return Query(f"SELECT rid, article AS _article, start AS _start, CAST(issue AS VARCHAR) AS _issue FROM slim{where}",
                     tuple(params),
                     "p._start, p._issue, p.rid",
                     (f"{self._labelled('issue', labels)} AS issue", "stance", "kind", "confidence", "evidence", "quote",
                      "start", '"end"'), "statements")

    def reactions_query(self, f: Filters) -> Query:
        where, params = self._reactions_where(f)
        return Query(f"SELECT source, source_country, relation, target, target_country, evidence, article, start "
                     f"FROM reactions{where}", tuple(params), "p.article, p.start, p.source, p.target, p.relation",
                     ("source", "source_country", "relation", "target", "target_country", "evidence"))

    def articles_query(self, f: Filters) -> Query:
        """The articles the article filter leaves (as the SQLite mode: other filters do not apply)."""
        where, params = self._where([("id", f.article)])
        return Query(f"SELECT title, source, date, file, id FROM articles{where}", tuple(params), "p.date DESC, p.title, p.id")

    def article_actors_query(self, f: Filters, article: str) -> Query:
        """The actors of one article under the filters (the Articles page)."""
        where, params = self._actors_where(f)
        where += (" AND " if where else " WHERE ") + "article = ?"
        return Query(f"SELECT name, CAST(actor_type AS VARCHAR) AS actor_type, CAST(country AS VARCHAR) AS country, "
                     f"role, mentions FROM slim_actors{where}", tuple([*params, article]), "p.mentions DESC, p.name")

    def article_positions_query(self, f: Filters, article: str, labels: dict[str, str] | None = None) -> Query:
        """The positions of one article under the filters (the Articles page)."""
        where, params = self._slim_where(f, more=[("article = ?", [article])])
        return Query(f"SELECT rid, article AS _article, start AS _start, actor AS _actor FROM slim{where}", tuple(params),
                     "p._start, p._actor, p.rid",
                     ("actor", f"{self._labelled('issue', labels)} AS issue", "stance", "kind", "evidence"),
                     "statements")

    def timeline_query(self, f: Filters, labels: dict[str, str] | None = None) -> Query:
        """Positions by article date (undated last), as the Timeline table."""
        where, params = self._slim_where(f)
        return Query(f"""SELECT rid, coalesce(strftime(day, '%Y-%m-%d'), 'undated') AS _date,
                                CAST(country AS VARCHAR) AS _country, actor AS _actor, article AS _article,
                                start AS _start FROM slim{where}""",
                     tuple(params), "p._date, p._country, p._actor, p._article, p._start, p.rid",
                     ("p._date AS date", "country", "actor", f"{self._labelled('issue', labels)} AS issue", "stance",
                      "evidence"), "statements")

    def errors_query(self) -> Query:
        return Query("SELECT file, article, reason FROM errors", (), "p.file, p.article, p.reason")

    def count(self, query: Query) -> int:
        return int(self._one(f"SELECT count(*) FROM ({query.sql})", query.params)[0])

    def _columns(self, query: Query) -> list[tuple[str, str]]:
        """(SQL expression, column name) of what the query shows."""
        if not query.columns:
            with self._con.cursor() as cur:
                cur.execute(f"SELECT * FROM ({query.sql}) LIMIT 0", list(query.params))
                return [(f"p.{_q(d[0])}", d[0]) for d in cur.description]
        out = []
        for column in query.columns:
            expr, _, name = column.rpartition(" AS ")
            out.append((expr, name.strip('"')) if expr else (column, column.strip('"')))
        return out

    def _from(self, query: Query, rows: str, only: str | None = None) -> str:
        """FROM the query's rows (alias p) and the view its columns come from: ``s`` the
        statements (only those ``only`` selects, when given: the filter reaches the file scan
        before any join), ``t`` the titles of the articles."""
        if query.fetch == "statements":
            source = "statements" if only is None else f"(SELECT * FROM statements WHERE {only})"
            return f"FROM {rows} p JOIN {source} s ON s.rid = p.rid"
        if query.fetch == "articles":
            return (f"FROM {rows} p LEFT JOIN (SELECT id, any_value(title) AS title FROM articles GROUP BY id) t "
                    "ON t.id = p.article")
        return f"FROM {rows} p"

    def page(self, query: Query, offset: int = 0, limit: int = 100) -> pd.DataFrame:
        """Rows ``offset`` .. ``offset + limit`` of the query, in its order, with its columns.

        The order is found on the slim columns; only the rows of the page are then read in full
        (positions: from the Parquet files, by rid)."""
        cols = ", ".join(f"{e} AS {_q(n)}" for e, n in self._columns(query))
        with self._con.cursor() as cur:
            keys = cur.execute(f"SELECT * FROM ({query.sql}) p ORDER BY {query.order} LIMIT ? OFFSET ?",
                               [*query.params, int(limit), int(offset)]).df()
            keys.insert(0, "_ord", range(len(keys)))
            cur.register("page_keys", keys)
            only = None
            if query.fetch == "statements":  # by rid, and by article: that filter reaches the file scan
                only = f"rid IN ({', '.join(str(int(r)) for r in keys['rid']) or 'NULL'})"
                if "_article" in keys:
                    only += f" AND article IN ({', '.join(_literal(a) for a in sorted(set(keys['_article']))) or 'NULL'})"
            out = cur.execute(f"SELECT p._ord, {cols} {self._from(query, 'page_keys', only)} ORDER BY p._ord").df()
            cur.unregister("page_keys")
        return out.drop(columns=["_ord"])

    def export_csv(self, query: Query, target: str | Path) -> Path:
        """Every row of ``query`` with its columns, as CSV written by DuckDB's COPY straight to
        ``target`` (the table is never a DataFrame). The CSV is the one analysis.csvout.to_csv
        writes: a text cell that a spreadsheet would run as a formula gets a leading ', booleans
        are True/False, empty cells are empty. Rows come in the table's order up to
        EXPORT_SORTED rows; a larger export streams in the dataset's own order (sorting it would
        hold every row, texts included, in memory at once)."""
        columns_ = self._columns(query)
        source = self._from(query, f"({query.sql})")
        with self._con.cursor() as cur:
            cur.execute(f"SELECT {', '.join(f'{e} AS {_q(n)}' for e, n in columns_)} {source} LIMIT 0",
                        list(query.params))
            kinds = [str(d[1]).upper() for d in cur.description]
        starts = "[" + "".join("\\" + c if c in "\\]^-" else c for c in FORMULA_START) + "]"
        cols = []
        for (expr, name), kind in zip(columns_, kinds):
            if kind in ("VARCHAR", "STRING"):
                cols.append(f"nullif(CASE WHEN regexp_matches({expr}, '^{starts}') THEN '''' || {expr} ELSE {expr} END, "
                            f"'') AS {_q(name)}")
            elif kind in ("BOOLEAN", "BOOL"):
                cols.append(f"CASE WHEN {expr} THEN 'True' WHEN NOT {expr} THEN 'False' END AS {_q(name)}")
            else:
                cols.append(f"{expr} AS {_q(name)}")
        target = Path(target)
        path = str(target).replace("'", "''")
        with self._con.cursor() as cur:
            order = f" ORDER BY {query.order}" if self.count(query) <= EXPORT_SORTED else ""
            cur.execute(f"COPY (SELECT {', '.join(cols)} {source}{order}) TO '{path}' "
                        "(FORMAT csv, HEADER true, DELIMITER ',')", list(query.params))
        return target

    # ---------------------------------------------------------------- gold export of corrected articles

    def gold(self, article_ids: list[str]) -> list[dict]:
        """Corrected articles as gold records for ``python -m analysis evaluate`` (as Store.gold)."""
        out = []
        for article_id in article_ids:
            art = self.article(article_id)
            if art is None:
                continue
            a = self._df("SELECT name, actor_type, country, role FROM actors WHERE article = ? ORDER BY name", [article_id])
            p = self._df("SELECT DISTINCT actor, issue, stance FROM statements WHERE article = ? ORDER BY ALL", [article_id])
            r = self._df("SELECT source, target, relation FROM reactions WHERE article = ? ORDER BY start", [article_id])
            out.append({"title": art["title"], "date": art["date"], "source": art["source"], "text": art["text"],
                        "actors": a.to_dict("records"), "positions": p.to_dict("records"),
                        "reactions": r.to_dict("records")})
        return out

ACTOR_COLUMNS = ["article", "file", "name", "actor_type", "country", "role", "mentions", "evidence_start",
                 "evidence_end", "country_source"]
STATEMENT_COLUMNS = ["article", "file", "actor", "actor_type", "country", "role", "issue", "stance", "evidence", "start",
                     "end", "quote", "kind", "confidence", "key", "corrected", "country_source"]
REACTION_MACHINE = ["article", "source", "source_country", "target", "target_country", "relation", "evidence", "start",
                    "end"]


def open_dataset(path: str | Path, store=None, cache: bool = True) -> Dataset:
    """The dataset at ``path`` with the corrections and registry edits of ``store`` (an
    analysis.store.Store, or None for machine output with the dataset's own registry)."""
    if store is None:
        return Dataset(path, cache=cache)
    edits, imported = store.registry_edits()
    return Dataset(path, store.corrections(), edits, imported, revision=store.revision(), cache=cache)
