"""Batch extraction on a Dask cluster into a partitioned Parquet dataset (``python -m analysis batch``).

``run(inputs, out)`` reads article files (.txt/.md/.html) and article dumps (JSONL or Parquet with a
``text`` column and optional ``title``, ``source``, ``date``, ``url``), cuts the articles into chunks,
has Dask workers run the pipeline and the readers on each chunk (the model and components load once
per worker process, see ``LoadPipeline``) and writes what comes back. Without a scheduler address
it starts a ``LocalCluster`` (one worker process per core); with ``tcp://host:8786`` it uses that
cluster, and the code is the same.

Where things happen: this process (the *client*) reads the inputs, writes the dataset and the
manifest; workers only receive (id, file, text) triples and return the small per-article tables,
never Docs. So the inputs and DATASET_DIR only need to be on the machine that runs the command;
the workers need the project and its environment (same engine version, checked before any work).

Dataset layout (the contract the app's dataset mode, ``DASHBOARD_DATASET``, reads):

* ``DATASET_DIR/manifest.json``::

    {"format": 1, "pipeline_version": "...", "created": ISO time, "updated": ISO time,
     "inputs": [INPUT as given, ...],
     "chunks": {chunk_key: {"articles": n, "errors": n, "files": ["articles/chunk-<key>.parquet", ...]}},
     "tables": {"articles": [columns], "actors": [...], "positions": [...], "reactions": [...], "errors": [...]}}

  ``files`` lists the chunk's five Parquet files, relative to DATASET_DIR. The manifest is
  rewritten atomically (temporary file, fsync, ``os.replace``) after each finished chunk.
* ``DATASET_DIR/{articles,actors,positions,reactions,errors}/chunk-<chunk_key>.parquet``: one file
  per finished chunk and table, also when the table is empty (it still has the schema). Each is
  written under a temporary name (``.chunk-<key>.parquet.tmp``) and renamed when complete, so a
  killed run never leaves a half file under a final name. **A chunk is finished only when its five
  files and its manifest entry exist**; readers should take the chunk list from the manifest.
  Files are renamed into place before the manifest names them, and an older chunk that a new one
  replaces is removed from the manifest and the disk before the new files appear, so a reader that
  lists ``*.parquet`` instead never sees an article twice either (it may see a chunk the
  manifest does not name yet, or, after a killed run, until the next run).
* Columns: ``articles``: id, file, title, source, date, text, url ("" when the input had none);
  ``actors``, ``positions`` (the CLI's ``statements``) and ``reactions``: exactly the columns of
  ``python -m analysis extract`` (``file`` after ``article``; ``country_source`` "text" when the
  article states the country, else ""). Rows are per-article machine output: the corpus-level actor
  registry (``corpus.resolve_corpus``) is *not* applied, the reader applies it over the whole
  dataset. ``errors``: file, article (the id when the text was read, else ""), reason.
* ``chunk_key`` = sha256 of the chunk's article ids (``reader.article_id``, 16 hex digits each)
  concatenated in order, followed by the pipeline version (``store.pipeline_version``); its first
  16 hex digits.

Resuming: chunks are formed in a fixed order (files sorted as ``extract`` sorts them, rows in file
order, each text once under its first file), so re-running the same command finds the same keys and
skips finished chunks; a killed run loses at most the chunks in flight. A chunk that holds an
article already stored under another key (the inputs changed) replaces that older chunk (removed
before the new files appear), and chunks of articles no longer in the inputs are removed at the
end, so no article is ever listed twice. A different pipeline version starts the dataset afresh.

Failures: a file or dump row that cannot be read, and an article the pipeline fails on, become rows
of ``errors`` with their reason, and the run goes on. A chunk whose task fails as a whole (a worker
that keeps dying, a worker with another engine version) is not written; the command says so and
exits 1, and re-running retries it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import uuid
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from distributed.diagnostics.plugin import WorkerPlugin

from analysis.errors import AnalysisError, InputError
from analysis.records import Actor, Article, Position, Reaction

FORMAT = 1
TABLES = ("articles", "actors", "positions", "reactions", "errors")
DEFAULT_CHUNK_SIZE = 64
DUMP_SUFFIXES = {".jsonl", ".parquet"}
DUMP_FIELDS = ("title", "source", "date", "url")
BATCH_SIZE = 32  # nlp.pipe batch inside a chunk, as analysis.corpus
MANIFEST = "manifest.json"

ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}


def _record_fields(record_type) -> list[tuple[str, pa.DataType]]:
    return [(f.name, ARROW_TYPES[f.type if isinstance(f.type, str) else f.type.__name__]) for f in fields(record_type)]


def _with_file(cols: list[tuple[str, pa.DataType]], country_source: bool) -> list[tuple[str, pa.DataType]]:
    """The CLI's column order: ``file`` right after ``article``, ``country_source`` last (analysis.cli)."""
    at = [name for name, _ in cols].index("article") + 1
    cols = cols[:at] + [("file", pa.string())] + cols[at:]
    return cols + [("country_source", pa.string())] if country_source else cols


SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([("id", pa.string()), ("file", pa.string()), ("title", pa.string()),
                           ("source", pa.string()), ("date", pa.string()), ("text", pa.string()),
                           ("url", pa.string())]),
    "actors": pa.schema(_with_file(_record_fields(Actor), country_source=True)),
    "positions": pa.schema(_with_file(_record_fields(Position), country_source=True)),
    "reactions": pa.schema(_with_file(_record_fields(Reaction), country_source=False)),
    "errors": pa.schema([("file", pa.string()), ("article", pa.string()), ("reason", pa.string())]),
}


class Item(NamedTuple):
    """One input article (``article`` set) or one input that could not be read (``error`` set)."""
    name: str  # the file as given; "dump.jsonl#12" for line 12 of a JSONL dump, "dump.parquet#3" for row 3
    article: Article | None
    url: str = ""
    error: str = ""


class Chunk(NamedTuple):
    key: str
    items: list[Item]  # readable articles, each text once
    failed: list[Item]  # inputs that could not be read, kept with the chunk they came before


@dataclass
class Summary:
    analysed: int = 0  # articles written by this run
    skipped: int = 0  # articles in chunks a previous run finished
    chunks: int = 0
    chunks_skipped: int = 0
    errors: int = 0  # error rows written by this run
    duplicates: int = 0
    positions: int = 0
    failed: list[str] = field(default_factory=list)  # one reason per chunk that could not be analysed
    stale: int = 0  # older chunks replaced or removed
    dashboard: str = ""


# ------------------------------------------------------------------ reading inputs

def expand_inputs(paths: Iterable[str]) -> list[Path]:
    """Files named, and inside folders the article files and dumps, sorted; a missing path raises."""
    from analysis.reader import SUFFIXES

    wanted = SUFFIXES | DUMP_SUFFIXES
    found = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in wanted)
        elif p.exists():
            found.append(p)
        else:
            raise InputError(f"{p}: no such file or folder.")
    return found


def count_items(files: list[Path]) -> int:
    """How many articles the inputs hold (files, JSONL lines, Parquet rows), for the progress bar."""
    total = 0
    for f in files:
        try:
            if f.suffix.lower() == ".jsonl":
                with open(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif f.suffix.lower() == ".parquet":
                total += pq.ParquetFile(f).metadata.num_rows
            else:
                total += 1
        except Exception:  # unreadable: read_items reports it as one error
            total += 1
    return total


def _reason(message: str, name: str) -> str:
    """The message without its leading "name: " (the errors table has the file in its own column)."""
    prefix = f"{name}: "
    return message[len(prefix):] if message.startswith(prefix) else message


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value).strip()


def dump_article(record: dict, name: str) -> tuple[Article, str]:
    """(Article, url) from one dump row: ``text`` required, ``title``/``source``/``date``/``url`` optional.
    The text goes through the same reader as a file (header lines, HTML detected by its tags)."""
    from analysis.reader import parse_article

    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{name}: no article text (the `text` field is missing or empty).")
    meta = {k: _cell(record.get(k)) for k in DUMP_FIELDS}
    article = parse_article(text, name, "auto", title=meta["title"], source=meta["source"], date=meta["date"])
    return article, meta["url"]


def _jsonl_items(path: Path) -> Iterator[Item]:
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            name = f"{path}#{n}"
            try:
                record = json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield Item(name, None, error=f"line {n} is not a JSON object ({exc}); write one article per line.")
                continue
            if not isinstance(record, dict):
                yield Item(name, None, error=f"line {n} is not a JSON object; write one article per line.")
                continue
            try:
                article, url = dump_article(record, name)
                yield Item(name, article, url)
            except AnalysisError as exc:
                yield Item(name, None, error=_reason(str(exc), name))


def _parquet_items(path: Path) -> Iterator[Item]:
    dump = pq.ParquetFile(path)
    names = dump.schema_arrow.names
    if "text" not in names:
        raise InputError(f"{path}: no `text` column (the columns are {', '.join(names)}); "
                         "a dump needs one article text per row in `text`.")
    wanted = ["text"] + [c for c in DUMP_FIELDS if c in names]
    n = 0
    for batch in dump.iter_batches(batch_size=1024, columns=wanted):
        for record in batch.to_pylist():
            n += 1
            name = f"{path}#{n}"
            try:
                article, url = dump_article(record, name)
                yield Item(name, article, url)
            except AnalysisError as exc:
                yield Item(name, None, error=_reason(str(exc), name))


def read_items(files: list[Path]) -> Iterator[Item]:
    """Every input article in order, or one error Item for what cannot be read; never raises for a file."""
    from analysis.reader import read_file

    for f in files:
        suffix = f.suffix.lower()
        try:
            if suffix == ".jsonl":
                yield from _jsonl_items(f)
            elif suffix == ".parquet":
                yield from _parquet_items(f)
            else:
                yield Item(str(f), read_file(f))
        except AnalysisError as exc:
            yield Item(str(f), None, error=_reason(str(exc), str(f)))
        except (OSError, pa.ArrowException) as exc:
            yield Item(str(f), None, error=f"cannot be read ({exc}).")


def chunk_key(ids: list[str], version: str) -> str:
    return hashlib.sha256(("".join(ids) + version).encode("ascii")).hexdigest()[:16]


def plan_chunks(items: Iterable[Item], size: int, version: str,
                on_item: Callable[[str], None] = lambda kind: None) -> Iterator[Chunk]:
    """Chunks of ``size`` readable articles, in input order, each text once (under its first name,
    as ``extract`` does). Unreadable inputs ride with the chunk being filled. ``on_item`` hears
    "duplicate" and "failed" for inputs that do not become a chunk's article."""
    seen: set[str] = set()
    batch: list[Item] = []
    failed: list[Item] = []
    for item in items:
        if item.article is None:
            failed.append(item)
            on_item("failed")
            continue
        if item.article.id in seen:
            on_item("duplicate")
            continue
        seen.add(item.article.id)
        batch.append(item)
        if len(batch) == size:
            yield Chunk(chunk_key([i.article.id for i in batch], version), batch, failed)
            batch, failed = [], []
    if batch or failed:
        yield Chunk(chunk_key([i.article.id for i in batch], version), batch, failed)


# ------------------------------------------------------------------ the worker side

def worker_version() -> str:
    """The pipeline version of the process this runs in (model setting, catalog, engine files)."""
    from analysis.store import pipeline_version

    return pipeline_version()


# glibc's mallopt parameters, and the ceilings its own sliding thresholds reach on 64-bit systems.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD = 32 * 1024 * 1024
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD
# Any of these in the environment turns glibc's sliding thresholds off (mallopt(3)).
FIXED_MALLOC_SETTINGS = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_")


def keep_model_buffers_on_heap() -> bool:
    """Let the model's large work arrays reuse freed heap memory instead of fresh pages from the
    kernel, as in a plain process; returns whether anything was changed.

    Dask's nanny starts each worker with ``MALLOC_TRIM_THRESHOLD_=65536`` (its setting
    ``distributed.nanny.pre-spawn-environ``) so that workers give freed memory back to the system
    at once. Setting it also freezes glibc's mmap threshold at 128 KiB, which otherwise rises to
    the size of the blocks a program frees: every array of the parser and tagger above 128 KiB is
    then mapped and unmapped on each use, and the kernel zeroes its pages again (about 200,000
    page faults and a fifth more CPU time per chunk of 64 articles, measured). This puts both
    thresholds where glibc's own sliding takes them in a plain process (32 MiB and twice that).
    Only on glibc, and only when the sliding is off and nobody chose an mmap threshold
    (``MALLOC_MMAP_THRESHOLD_``)."""
    if (not sys.platform.startswith("linux") or "MALLOC_MMAP_THRESHOLD_" in os.environ
            or not any(name in os.environ for name in FIXED_MALLOC_SETTINGS)):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version  # glibc only: musl's mallopt does nothing
        return bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) and libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
    except (OSError, AttributeError):
        return False


class LoadPipeline(WorkerPlugin):
    """Loads the pipeline when a worker starts (and on workers that join later), so each worker
    process loads the model and components once; ``load_pipeline`` is cached per process. First
    the worker's allocator is set as in a plain process (``keep_model_buffers_on_heap``)."""

    name = "analysis-load-pipeline"

    def setup(self, worker):
        from analysis.pipeline import load_pipeline

        keep_model_buffers_on_heap()
        load_pipeline()


class VersionMismatch(AnalysisError):
    """A worker runs another engine version than the client."""


def analyse_chunk(articles: list[tuple[str, str, str]], version: str) -> dict:
    """Run on a worker: (id, file, text) triples -> {"actors", "positions", "reactions": DataFrames
    with the CLI's columns, "errors": [(file, id, reason)]}. An article the pipeline fails on
    becomes an error; the others are kept."""
    from analysis.cli import with_file
    from analysis.corpus import frame
    from analysis.extract import extract_doc
    from analysis.pipeline import load_pipeline, parse
    from analysis.registry import Registry, resolve

    mine = worker_version()
    if mine != version:
        raise VersionMismatch(f"worker runs pipeline version {mine}, the client {version}; "
                              "give every machine the same project files, model and catalog.")
    nlp = load_pipeline()
    results, errors = [], []
    try:
        docs = parse(nlp, (text for _, _, text in articles), batch_size=BATCH_SIZE)
        results = [extract_doc(doc, article_id) for (article_id, _, _), doc in zip(articles, docs)]
    except Exception:  # find the article(s) at fault: one at a time, keep the rest
        results = []
        for article_id, name, text in articles:
            try:
                [doc] = list(parse(nlp, [text], batch_size=1))
                results.append(extract_doc(doc, article_id))
            except Exception as exc:
                errors.append((name, article_id, f"the pipeline failed on this article ({type(exc).__name__}: {exc})."))
    actors = [r for found in results for r in found[0]]
    positions = [r for found in results for r in found[1]]
    reactions = [r for found in results for r in found[2]]
    # The registry's resolution with no registry: what `extract` gives for one file, country_source included.
    tables = resolve(frame(actors, Actor), frame(positions, Position), frame(reactions, Reaction), Registry())
    files = {article_id: name for article_id, name, _ in articles}
    return {"actors": with_file(tables.actors, files), "positions": with_file(tables.positions, files),
            "reactions": with_file(tables.reactions, files), "errors": errors}


# ------------------------------------------------------------------ the dataset on disk

def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _write_synced(path: Path, write: Callable[[Path], None]) -> Path:
    """``write(tmp)`` to the temporary name of ``path`` (".NAME.tmp"), fsynced; returns the temporary path."""
    tmp = path.with_name(f".{path.name}.tmp")
    write(tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    return tmp


def _write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """``write`` then rename: a reader (or a killed run) never sees a half file."""
    os.replace(_write_synced(path, write), path)


def chunk_files(key: str) -> list[str]:
    return [f"{table}/chunk-{key}.parquet" for table in TABLES]


class Dataset:
    """DATASET_DIR: the manifest and the per-chunk Parquet files (layout in the module docstring)."""

    def __init__(self, root: str | Path, version: str, inputs: list[str]):
        self.root = Path(root)
        self.version = version
        self._lock = None
        self._prepare_folder()
        self._take_lock()
        old = self._load()
        self.discarded = 0
        if old is not None and old.get("pipeline_version") != version:
            self.discarded = len(old.get("chunks", {}))  # another engine: start afresh
        now = _now()
        self.manifest = {"format": FORMAT, "pipeline_version": version,
                         "created": old["created"] if old else now, "updated": now, "inputs": list(inputs),
                         "chunks": old["chunks"] if old and not self.discarded else {},
                         "tables": {name: schema.names for name, schema in SCHEMAS.items()}}
        self._remove_unlisted()
        self.save()
        self.owner: dict[str, str] = {}  # article id -> chunk key, to replace chunks when inputs change
        self.members: dict[str, list[str]] = {}
        for key in self.manifest["chunks"]:
            self._remember(key, self._ids_on_disk(key))

    @staticmethod
    def check(root: str | Path) -> None:
        """Refuse, before any work, a file or a folder that holds something else than a dataset."""
        root = Path(root)
        if root.exists() and not root.is_dir():
            raise AnalysisError(f"--out {root} is a file; give a folder for the dataset.")
        if root.is_dir() and not (root / MANIFEST).exists() and any(
                p.name not in {".lock", *TABLES} for p in root.iterdir()):
            raise AnalysisError(f"--out {root} is a folder with other files and no {MANIFEST}; "
                                "give a new or empty folder, or a dataset folder written by this command.")

    def _prepare_folder(self) -> None:
        self.check(self.root)
        try:
            for table in TABLES:
                (self.root / table).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AnalysisError(f"--out {self.root} cannot be created ({exc.strerror}); choose another folder.") from exc

    def _take_lock(self) -> None:
        try:
            import fcntl
        except ImportError:  # Windows: no advisory lock; one run per folder is then up to the user
            return
        self._lock = open(self.root / ".lock", "w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise AnalysisError(f"another batch run is writing {self.root}; wait for it to end "
                                "or choose another --out.") from None

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def _load(self) -> dict | None:
        path = self.root / MANIFEST
        if not path.exists():
            return None
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise AnalysisError(f"{path} cannot be read ({exc}); move the folder away to start a new dataset.") from exc
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise AnalysisError(f"{path} is not a dataset manifest of format {FORMAT}; "
                                "move the folder away to start a new dataset.")
        return manifest

    def _remove_unlisted(self) -> None:
        """Files of chunks the manifest does not list (a killed run, a discarded version) and temporary files."""
        listed = {f for key in self.manifest["chunks"] for f in chunk_files(key)}
        for table in TABLES:
            for path in (self.root / table).iterdir():
                if f"{table}/{path.name}" not in listed and path.name.endswith((".parquet", ".tmp")):
                    path.unlink()

    def _ids_on_disk(self, key: str) -> list[str]:
        ids = pq.read_table(self.root / "articles" / f"chunk-{key}.parquet", columns=["id"]).column("id").to_pylist()
        errs = pq.read_table(self.root / "errors" / f"chunk-{key}.parquet", columns=["article"]).column("article")
        return ids + [i for i in errs.to_pylist() if i]

    def _remember(self, key: str, ids: list[str]) -> None:
        self.members[key] = ids
        for i in ids:
            self.owner[i] = key

    def save(self) -> None:
        self.manifest["updated"] = _now()
        text = json.dumps(self.manifest, ensure_ascii=False, indent=1)
        _write_atomic(self.root / MANIFEST, lambda tmp: tmp.write_text(text, encoding="utf-8"))

    def done(self, key: str) -> bool:
        return key in self.manifest["chunks"]

    def commit(self, key: str, tables: dict[str, pd.DataFrame]) -> int:
        """Write one chunk's five tables, then its manifest entry. An older chunk holding any of its
        articles (the inputs changed) leaves the manifest and the disk first, so no reader, whether
        it follows the manifest or lists the folders, ever sees an article twice. Returns how many
        older chunks were replaced."""
        ready = []
        for table in TABLES:
            arrow = pa.Table.from_pandas(tables[table], schema=SCHEMAS[table], preserve_index=False)
            path = self.root / table / f"chunk-{key}.parquet"
            ready.append((_write_synced(path, lambda tmp: pq.write_table(arrow, tmp)), path))
        ids = list(tables["articles"]["id"]) + [i for i in tables["errors"]["article"] if i]
        stale = {self.owner[i] for i in ids if i in self.owner and self.owner[i] != key}
        if stale:
            self._drop(stale)
        for tmp, path in ready:
            os.replace(tmp, path)
        self.manifest["chunks"][key] = {"articles": len(tables["articles"]), "errors": len(tables["errors"]),
                                        "files": chunk_files(key)}
        self.save()
        self._remember(key, ids)
        return len(stale)

    def keep_only(self, keys: set[str]) -> int:
        """Remove the chunks not in ``keys`` (their articles left the inputs); returns how many."""
        stale = set(self.manifest["chunks"]) - keys
        if stale:
            self._drop(stale)
        return len(stale)

    def _drop(self, keys: set[str]) -> None:
        for key in keys:
            self.manifest["chunks"].pop(key, None)
            for i in self.members.pop(key, []):
                if self.owner.get(i) == key:
                    del self.owner[i]
        self.save()  # the manifest first: a file is deleted only once no manifest lists it
        for key in keys:
            for name in chunk_files(key):
                (self.root / name).unlink(missing_ok=True)


def articles_table(chunk: Chunk, failed_ids: set[str]) -> pd.DataFrame:
    rows = [{"id": i.article.id, "file": i.name, "title": i.article.title, "source": i.article.source,
             "date": i.article.date, "text": i.article.text, "url": i.url}
            for i in chunk.items if i.article.id not in failed_ids]
    return pd.DataFrame(rows, columns=SCHEMAS["articles"].names)


def errors_table(chunk: Chunk, worker_errors: list[tuple[str, str, str]]) -> pd.DataFrame:
    rows = [(i.name, "", i.error) for i in chunk.failed] + list(worker_errors)
    return pd.DataFrame(rows, columns=SCHEMAS["errors"].names)


def _empty(table: str) -> pd.DataFrame:
    return SCHEMAS[table].empty_table().to_pandas()


# ------------------------------------------------------------------ the run

def _local_cluster(workers: int | None):
    """A LocalCluster of ``workers`` processes (one per core by default), one thread each.

    Its workers run without Dask's sampling profiler (``distributed.worker.profile``): every
    10 ms of wall time it takes the GIL to walk the running task's stack, for a profile nobody
    reads in a batch run. It is small: about 7 ms of CPU per second of wall time
    (bench/benchmark_batch_worker.py: 0.1-0.2 s per chunk of 64 articles on a machine so busy
    that a chunk took 25-35 s, so under 1 % of a worker's CPU when the machine is quiet). A
    cluster started by hand (``dask worker``) keeps its own configuration (README: set
    DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False there)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.worker.profile.enabled": False}):
        return LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                            silence_logs=logging.ERROR)


def _connect(scheduler: str):
    import dask
    from distributed import Client

    try:  # how long to try: Dask's setting distributed.comm.timeouts.connect (30 s unless configured)
        return Client(scheduler, timeout=dask.config.get("distributed.comm.timeouts.connect"))
    except (OSError, TimeoutError, ValueError) as exc:
        raise AnalysisError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                            "`dask scheduler` and give its address, e.g. tcp://host:8786.") from exc


def _check_workers(client, version: str) -> None:
    versions = client.run(worker_version)
    other = {addr: v for addr, v in versions.items() if v != version}
    if other:
        addr, v = next(iter(other.items()))
        raise VersionMismatch(f"worker {addr} runs pipeline version {v}, this machine {version} "
                              f"({len(other)} of {len(versions)} workers differ); give every machine the same "
                              "project files, model (DASHBOARD_MODEL) and catalog (DASHBOARD_CATALOG).")


def run(inputs: list[str], out: str | Path, *, scheduler: str | None = None, workers: int | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE, client=None, progress: bool = True,
        log: Callable[[str], None] = print) -> Summary:
    """Analyse ``inputs`` into the dataset folder ``out`` on a Dask cluster; returns what was done.

    ``client``: an existing ``distributed.Client`` (tests, notebooks); else ``scheduler`` (an
    address) or a LocalCluster of ``workers`` processes. Raises AnalysisError for bad arguments,
    an unreachable scheduler or workers with another engine version, before anything is written.
    """
    from tqdm import tqdm

    from analysis.store import pipeline_version

    if chunk_size < 1:
        raise AnalysisError(f"--chunk-size {chunk_size}: give a number of articles of 1 or more.")
    if workers is not None and workers < 1:
        raise AnalysisError(f"--workers {workers}: give a number of worker processes of 1 or more.")
    if workers is not None and (scheduler or client):
        raise AnalysisError("--workers sets the size of the local cluster; with --scheduler, start workers "
                            "on each machine with `dask worker ADDRESS`.")
    files = expand_inputs(inputs)
    if not files:
        raise AnalysisError("no .txt, .md, .html, .jsonl or .parquet files found in the inputs given.")
    Dataset.check(out)
    version = pipeline_version()
    summary = Summary()
    cluster = None
    own_client = client is None
    if own_client:
        if scheduler:
            client = _connect(scheduler)
        else:
            cluster = _local_cluster(workers)
            from distributed import Client

            client = Client(cluster)
    dataset = None
    try:
        _check_workers(client, version)
        dataset = Dataset(out, version, [str(p) for p in inputs])
        if dataset.discarded:
            log(f"note: {out} held {dataset.discarded} chunks of another pipeline version; they were removed.")
        client.register_plugin(LoadPipeline())
        summary.dashboard = client.dashboard_link or ""
        n_workers = len(client.scheduler_info()["workers"])
        log(f"scheduler {client.scheduler.address}, {n_workers} workers; Dask dashboard: {summary.dashboard or '(none)'}"
            + ("" if scheduler or _has_bokeh() else " (needs the bokeh package, not installed here)"))
        if n_workers == 0:
            log(f"note: no workers yet; start them with `dask worker {client.scheduler.address}`.")
        with tqdm(total=count_items(files), unit="article", desc="batch", file=sys.stderr, disable=not progress) as bar:
            _run_chunks(client, dataset, files, chunk_size, version, summary, bar)
    finally:
        if dataset is not None:
            dataset.close()
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()
    return summary


def _has_bokeh() -> bool:
    import importlib.util

    return importlib.util.find_spec("bokeh") is not None


def _run_chunks(client, dataset: Dataset, files: list[Path], chunk_size: int, version: str, summary: Summary, bar) -> None:
    from distributed import as_completed

    def on_item(kind: str) -> None:
        summary.duplicates += kind == "duplicate"
        bar.update(1)

    run_id = uuid.uuid4().hex[:8]
    pending = as_completed()
    waiting: dict[str, Chunk] = {}
    planned: set[str] = set()

    def finish(future) -> None:
        chunk = waiting.pop(future.key)
        try:
            result = future.result()
        except Exception as exc:  # the whole task failed: leave the chunk unfinished, re-running retries it
            summary.failed.append(f"chunk {chunk.key}: {type(exc).__name__}: {exc}")
        else:
            _commit(dataset, chunk, result, summary)
        finally:
            future.release()
        bar.update(len(chunk.items))

    for chunk in plan_chunks(read_items(files), chunk_size, version, on_item):
        planned.add(chunk.key)
        if dataset.done(chunk.key):
            summary.chunks_skipped += 1
            summary.skipped += len(chunk.items)
            bar.update(len(chunk.items))
            continue
        if not chunk.items:  # only unreadable inputs: nothing for a worker
            _commit(dataset, chunk, {"actors": _empty("actors"), "positions": _empty("positions"),
                                     "reactions": _empty("reactions"), "errors": []}, summary)
            continue
        payload = [(i.article.id, i.name, i.article.text) for i in chunk.items]
        future = client.submit(analyse_chunk, payload, version, key=f"analyse-chunk-{chunk.key}-{run_id}",
                               retries=1)
        waiting[future.key] = chunk
        pending.add(future)
        # Read ahead only as far as the cluster can work: memory stays flat on big archives.
        while pending.count() >= max(4, 2 * sum(client.nthreads().values())):
            finish(next(pending))
    for future in pending:
        finish(future)
    summary.stale += dataset.keep_only(planned)


def _commit(dataset: Dataset, chunk: Chunk, result: dict, summary: Summary) -> None:
    failed_ids = {article_id for _, article_id, _ in result["errors"]}
    tables = {"articles": articles_table(chunk, failed_ids), "actors": result["actors"],
              "positions": result["positions"], "reactions": result["reactions"],
              "errors": errors_table(chunk, result["errors"])}
    summary.stale += dataset.commit(chunk.key, tables)
    summary.chunks += 1
    summary.analysed += len(tables["articles"])
    summary.errors += len(tables["errors"])
    summary.positions += len(tables["positions"])
