"""The parse cache: each stored article's Doc as the trained model left it, before our rules.

Parsing is most of the cost of analysing an article (tagger, parser, NER); our rule components
and the catalog-dependent steps after them are a fraction of it. The catalog preview
(analysis.preview) re-runs only the rules over cached parses, so showing what a draft catalog
would change takes seconds, not minutes.

One row per article in the table ``parse_cache`` (created here with ``CREATE TABLE IF NOT
EXISTS``; no schema migration): the article id, the parse version, and a spaCy ``DocBin`` of
the Doc after the trained model's components (``pipeline.model_parse``): tokens, tags, parse,
entities and sentence starts, zlib-compressed, without user data or spans (the rules add those).

* **Written with the article.** ``Store.ingest`` (and so ``refresh``) keeps each Doc as it is
  analysed (``pipeline.parse(..., keep=...)``) and writes it in the article's own transaction;
  re-analysing an article replaces its row.
* **Dropped with the article:** the row references ``articles(id) ON DELETE CASCADE``.
* **Stale when the model or the code changes:** ``parse_version(nlp)`` hashes the model's name
  and version, spaCy's version, the engine's code and data (``pipeline.engine_version``) and this
  module; a row with another version counts as missing and is rebuilt when next needed.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Iterable, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, DocBin

TABLE = "parse_cache"
DDL = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    doc BLOB NOT NULL
)"""


class Parsed(NamedTuple):
    """One article's cached parse: the parse version it was made with and the DocBin bytes."""

    version: str
    data: bytes


def parse_version(nlp: Language) -> str:
    """Hash of what shapes a cached parse: the model (name and version, as loaded, so the
    fallback model counts as another), spaCy, the engine's code and data, and this module."""
    import spacy

    from analysis.pipeline import engine_version

    meta = nlp.meta
    h = hashlib.sha256(f"{meta.get('lang')}_{meta.get('name')}:{meta.get('version')}:{spacy.__version__}".encode())
    h.update(engine_version().encode())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


def encode(doc: Doc) -> bytes:
    """DocBin bytes of a Doc from ``pipeline.model_parse`` (call it before the rules change it)."""
    box = DocBin(store_user_data=False)
    box.add(doc)
    return box.to_bytes()


def decode(data: bytes, nlp: Language) -> Doc:
    """A new Doc from ``encode``'s bytes, in ``nlp``'s vocabulary."""
    return next(iter(DocBin().from_bytes(data).get_docs(nlp.vocab)))


def ensure(con: sqlite3.Connection) -> None:
    con.execute(DDL)


def exists(con: sqlite3.Connection) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone() is not None


def put(con: sqlite3.Connection, article_id: str, parsed: Parsed | None) -> None:
    """Replace the article's cached parse (inside the caller's write transaction); ``None``
    drops it (an article analysed without keeping its parse must not keep an older one)."""
    ensure(con)
    con.execute(f"DELETE FROM {TABLE} WHERE article = ?", (article_id,))
    if parsed is not None:
        con.execute(f"INSERT INTO {TABLE} (article, version, doc) VALUES (?, ?, ?)",
                    (article_id, parsed.version, sqlite3.Binary(parsed.data)))


def fetch(con: sqlite3.Connection, article_ids: Iterable[str], version: str) -> dict[str, bytes]:
    """article id -> DocBin bytes for the given articles whose cached parse has ``version``."""
    if not exists(con):
        return {}
    ids = list(dict.fromkeys(article_ids))
    found: dict[str, bytes] = {}
    for i in range(0, len(ids), 500):  # SQLite limits the number of parameters
        chunk = ids[i:i + 500]
        found.update((a, bytes(d)) for a, d in con.execute(
            f"SELECT article, doc FROM {TABLE} WHERE version = ? AND article IN ({', '.join('?' * len(chunk))})",
            (version, *chunk)))
    return found


def put_many(con: sqlite3.Connection, version: str, rows: Iterable[tuple[str, bytes]]) -> None:
    """Cache parses made outside an ingest (the preview's lazy build), inside the caller's
    transaction; an article deleted meanwhile gets no row."""
    ensure(con)
    con.executemany(f"INSERT OR REPLACE INTO {TABLE} (article, version, doc) SELECT ?, ?, ? "
                    "WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)",
                    [(a, version, sqlite3.Binary(d), a) for a, d in rows])
