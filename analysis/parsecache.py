"""The parse cache: each stored article's Doc up to the point where the issue catalog matters.

Parsing is most of the cost of analysing an article (tagger, parser, NER), then finding people
and speech acts; only the last components (``issue_cues``, ``stance``, ``reaction_matcher``)
read the catalog. The catalog preview (analysis.preview) loads cached Docs and re-runs only
those, so showing what a draft catalog would change takes a second, not minutes.

One row per article in the table ``parse_cache`` (created here with ``CREATE TABLE IF NOT
EXISTS``; no schema migration): the article id, the cache version, and the Doc as
``pipeline.prepare`` leaves it (the trained model, then our components before ``issue_cues``):
the token attributes spaCy's ``DocBin`` keeps (tags, parse, entities as repaired, sentence
starts), the span groups, and the extension attributes our components set (``doc._.actors``,
``doc._.person_at``, ``doc._.speech``, ...; spans and tokens by offset, the engine's records by
class), as zlib-compressed msgpack. Not DocBin itself: its msgpack calls scan the installed
packages' entry points on every call, which was half the preview's time.

* **Written with the article.** ``Store.ingest`` (and so ``refresh``) keeps each Doc as it is
  analysed (``pipeline.parse(..., keep=...)``) and writes it in the article's own transaction;
  re-analysing an article replaces its row.
* **Dropped with the article:** the row references ``articles(id) ON DELETE CASCADE``.
* **Stale when the model or the code changes:** ``parse_version(nlp)`` hashes the model's name
  and version, spaCy's version, the engine's code and data (``pipeline.engine_version``) and this
  module; a row with another version counts as missing and is rebuilt when next needed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import sqlite3
import zlib
from pathlib import Path
from typing import Iterable, NamedTuple

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from srsly.msgpack import _Packer, _unpackb

TABLE = "parse_cache"
FORMAT = 1
# The token attributes kept, as spaCy's DocBin keeps them (plus NORM); ORTH first.
ATTRS = ["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "LEMMA", "MORPH", "POS",
         "SENT_START", "NORM"]
STRING_COLUMNS = [ATTRS.index(a) for a in ("ORTH", "TAG", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "LEMMA", "MORPH", "NORM")]
DDL = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    doc BLOB NOT NULL
)"""


# The forms and lemmas of each article's words, so a preview of a new phrase cue knows which
# articles cannot match it without decoding their Docs (analysis.preview).
WORDS_TABLE = "parse_words"
WORDS_DDL = f"""CREATE TABLE IF NOT EXISTS {WORDS_TABLE} (
    article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    words TEXT NOT NULL
)"""


class Parsed(NamedTuple):
    """One article's cached Doc: the cache version it was made with, ``encode``'s bytes and
    ``words`` (its distinct lower-cased words and lemmas, space-separated)."""

    version: str
    data: bytes
    words: str = ""


def words(doc: Doc, lemmas) -> str:
    """The distinct lower-cased forms and lemmas (``lemmas``: analysis.cues.Lemmas) of a Doc's
    words, space-separated: what a phrase cue's words are compared with."""
    found = set()
    for token in doc:
        if not token.is_space:
            found.add(token.lower_)
            found.add(lemmas.of(token))
    return " ".join(sorted(w for w in found if w and not any(c.isspace() for c in w)))


def parse_version(nlp: Language) -> str:
    """Hash of what shapes a cached Doc: the model (name and version, as loaded, so the fallback
    model counts as another), spaCy, the engine's code and data files (our components and their
    cue lists), and this module."""
    import spacy

    from analysis.pipeline import engine_version

    meta = nlp.meta
    h = hashlib.sha256(f"{meta.get('lang')}_{meta.get('name')}:{meta.get('version')}:{spacy.__version__}".encode())
    h.update(engine_version().encode())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


class Unsupported(TypeError):
    """A value in the Doc's extension attributes that ``encode`` cannot store (the article is then
    not cached, and the preview parses it from its text)."""


def _pack(value):
    """A value of a Doc extension attribute as plain msgpack data; spans and tokens by offset."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Span):
        return {"~span": [value.start, value.end, value.label_, value.kb_id_, value.id_]}
    if isinstance(value, Token):
        return {"~token": value.i}
    if dataclasses.is_dataclass(value) and not isinstance(value, type) and type(value).__module__.startswith("analysis."):
        return {"~record": f"{type(value).__module__}:{type(value).__qualname__}",
                "fields": {f.name: _pack(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, tuple) and hasattr(value, "_fields") and type(value).__module__.startswith("analysis."):
        return {"~named": f"{type(value).__module__}:{type(value).__qualname__}", "items": [_pack(v) for v in value]}
    if isinstance(value, tuple):
        return {"~tuple": [_pack(v) for v in value]}
    if isinstance(value, list):
        return [_pack(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return {"~set": [_pack(v) for v in value]}
    if isinstance(value, dict):
        return {"~dict": [[_pack(k), _pack(v)] for k, v in value.items()]}
    raise Unsupported(f"cannot cache a {type(value).__name__} in a Doc's extension attributes")


def _class(path: str):
    module, _, name = path.partition(":")
    if not module.startswith("analysis."):
        raise Unsupported(f"{path} is not one of the engine's records")
    value = importlib.import_module(module)
    for part in name.split("."):
        value = getattr(value, part)
    return value


def _unpack(value, doc: Doc):
    if isinstance(value, list):
        return [_unpack(v, doc) for v in value]
    if not isinstance(value, dict):
        return value
    if "~span" in value:
        start, end, label, kb_id, span_id = value["~span"]
        return Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id)
    if "~token" in value:
        return doc[value["~token"]]
    if "~record" in value:
        cls = _class(value["~record"])
        record = cls.__new__(cls)
        for name, item in value["fields"].items():
            object.__setattr__(record, name, _unpack(item, doc))
        return record
    if "~named" in value:
        return _class(value["~named"])(*(_unpack(v, doc) for v in value["items"]))
    if "~tuple" in value:
        return tuple(_unpack(v, doc) for v in value["~tuple"])
    if "~set" in value:
        return {_unpack(v, doc) for v in value["~set"]}
    return {_unpack(k, doc): _unpack(v, doc) for k, v in value["~dict"]}


def encode(doc: Doc) -> bytes:
    """A Doc from ``pipeline.prepare`` as bytes: its token attributes (ATTRS, as ``DocBin`` keeps
    them), span groups and extension attributes (people, speech acts, ...; spans and tokens by
    offset), msgpack, zlib-compressed. Call it before the catalog's components change the Doc.
    Raises Unsupported for an extension value it cannot store."""
    table = doc.to_array(ATTRS)
    # string attributes are 64-bit hashes (or symbol ids) that do not compress: keep each distinct
    # value once, with its string, and the table as positions in that list
    values = numpy.unique(table[:, STRING_COLUMNS])
    table[:, STRING_COLUMNS] = numpy.searchsorted(values, table[:, STRING_COLUMNS])
    strings = [doc.vocab.strings[v] if v else "" for v in values.tolist()]
    payload = {
        "format": FORMAT,
        "strings": strings,
        # the values that are not simply the hash of their string (0 for "", should spaCy differ)
        "values": [[i, v] for i, (v, text) in enumerate(zip(values.tolist(), strings))
                   if v != (doc.vocab.strings.add(text) if text else 0)],
        "tokens": numpy.ascontiguousarray(table.view("<i8"), dtype="<i4").tobytes(),
        "spaces": bytes(bool(t.whitespace_) for t in doc),
        "spans": {key: [_pack(span)["~span"] for span in group] for key, group in doc.spans.items()},
        "user_data": [[_pack(key), _pack(value)] for key, value in doc.user_data.items()],
    }
    return zlib.compress(_Packer(use_bin_type=True).pack(payload))


def decode(data: bytes, nlp: Language) -> Doc:
    """A new Doc, equal to the one given to ``encode``, in ``nlp``'s vocabulary."""
    # srsly's msgpack_loads (and DocBin) look up msgpack extensions in the installed packages'
    # entry points on every call, a millisecond or two each; the raw unpacker does not.
    payload = _unpackb(zlib.decompress(data), raw=False)
    strings = nlp.vocab.strings
    values = numpy.array([strings.add(text) if text else 0 for text in payload["strings"]], dtype="uint64")
    for i, value in payload["values"]:
        values[i] = value
    tokens = numpy.frombuffer(payload["tokens"], dtype="<i4").reshape((-1, len(ATTRS))).astype("int64").view("uint64")
    tokens[:, STRING_COLUMNS] = values[tokens[:, STRING_COLUMNS]]
    words = [strings[h] for h in tokens[:, 0].tolist()]
    doc = Doc(nlp.vocab, words=words, spaces=[bool(b) for b in payload["spaces"]]).from_array(ATTRS, tokens)
    for key, group in payload["spans"].items():
        doc.spans[key] = [Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id)
                          for start, end, label, kb_id, span_id in group]
    for key, value in payload["user_data"]:
        doc.user_data[_unpack(key, doc)] = _unpack(value, doc)
    return doc


def ensure(con: sqlite3.Connection) -> None:
    con.execute(DDL)
    con.execute(WORDS_DDL)


def exists(con: sqlite3.Connection) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone() is not None


def put(con: sqlite3.Connection, article_id: str, parsed: Parsed | None) -> None:
    """Replace the article's cached parse (inside the caller's write transaction); ``None``
    drops it (an article analysed without keeping its parse must not keep an older one)."""
    ensure(con)
    con.execute(f"DELETE FROM {TABLE} WHERE article = ?", (article_id,))
    con.execute(f"DELETE FROM {WORDS_TABLE} WHERE article = ?", (article_id,))
    if parsed is not None:
        con.execute(f"INSERT INTO {TABLE} (article, version, doc) VALUES (?, ?, ?)",
                    (article_id, parsed.version, sqlite3.Binary(parsed.data)))
        if parsed.words:
            con.execute(f"INSERT INTO {WORDS_TABLE} (article, version, words) VALUES (?, ?, ?)",
                        (article_id, parsed.version, parsed.words))


def fetch_words(con: sqlite3.Connection, article_ids: Iterable[str], version: str) -> dict[str, frozenset[str]]:
    """article id -> its words and lemmas (``words``), for the given articles cached with ``version``."""
    if con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (WORDS_TABLE,)).fetchone() is None:
        return {}
    ids = list(dict.fromkeys(article_ids))
    found: dict[str, frozenset[str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        found.update((a, frozenset(w.split(" "))) for a, w in con.execute(
            f"SELECT article, words FROM {WORDS_TABLE} WHERE version = ? AND article IN ({', '.join('?' * len(chunk))})",
            (version, *chunk)))
    return found


def fetch(con: sqlite3.Connection, article_ids: Iterable[str], version: str) -> dict[str, bytes]:
    """article id -> ``encode`` bytes for the given articles whose cached Doc has ``version``."""
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
