"""Several issue catalogs side by side: the files shipped with the project and the versions
analysts save in the corpus database.

* **Shipped**: every ``*.toml`` in ``analysis/data/catalogs`` (SHIPPED_DIR), plus the
  DASHBOARD_CATALOG file when it lives elsewhere. That file's catalog is the *default* one.
* **Saved**: rows of the store's ``catalogs`` table (id, version, name, TOML text, saved_at).
  The latest saved version of an id overrides the shipped file of that id.
* The pipeline reads catalogs from files, so a saved version is written once (``materialise``)
  into a cache folder next to the database, as ``<id>-<version>.toml``; the same bytes give the
  same ``catalog_version``.

This module knows files and text; analysis.store keeps the rows, records which catalog each
article was analysed with and re-analyses when a new version is saved.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from analysis import schema, settings
from analysis.catalog import Catalog, _parse, load_catalog_file
from analysis.errors import CatalogError

SHIPPED_DIR = settings.PACKAGE_DIR / "data" / "catalogs"
SOURCES = ("shipped", "saved")


@dataclass(frozen=True)
class Available:
    """One catalog an analyst can choose: where its current version comes from."""

    catalog: Catalog
    source: str  # "shipped" (a file of SHIPPED_DIR or DASHBOARD_CATALOG) | "saved" (the store's catalogs table)
    saved_at: str = ""  # when the saved version was stored (UTC, ISO 8601); "" for a shipped file


def default_path() -> Path:
    return Path(settings.get("DASHBOARD_CATALOG"))


def default_catalog() -> Catalog:
    """The catalog of the DASHBOARD_CATALOG file (CatalogError when it cannot be used)."""
    return load_catalog_file(default_path())


def shipped_files() -> list[Path]:
    """DASHBOARD_CATALOG first, then every other ``*.toml`` of SHIPPED_DIR by file name."""
    first = default_path()
    others = sorted(SHIPPED_DIR.glob("*.toml")) if SHIPPED_DIR.is_dir() else []
    return [first] + [p for p in others if p.resolve() != first.resolve()]


def shipped() -> list[Catalog]:
    """The shipped catalogs, the default first. A file with an error raises CatalogError naming
    it; two files with one id keep the first (so DASHBOARD_CATALOG wins)."""
    found: dict[str, Catalog] = {}
    for path in shipped_files():
        catalog = load_catalog_file(path)
        found.setdefault(catalog.id, catalog)
    return list(found.values())


def merge(files: list[Catalog], saved: dict[str, tuple[Catalog, str]]) -> list[Available]:
    """Shipped catalogs with each id's latest saved version (``saved``: id -> (catalog, saved_at))
    in its place; the default catalog first, then by name."""
    out = [Available(saved[c.id][0], "saved", saved[c.id][1]) if c.id in saved else Available(c, "shipped")
           for c in files]
    known = {c.id for c in files}
    out += [Available(c, "saved", at) for cid, (c, at) in saved.items() if cid not in known]
    head, rest = out[:1], sorted(out[1:], key=lambda a: (a.catalog.name.lower(), a.catalog.id))
    return head + rest


def parse_text(text: str) -> Catalog:
    """Validate catalog TOML text (as ``catalog check`` does a file). Returns the Catalog (its
    ``path`` is empty: see ``materialise``); raises CatalogError naming every problem. A saved
    catalog must name its ``id`` in the header: no file name to take it from."""
    raw = text.encode("utf-8")
    catalog, problems = _parse("catalog", raw)
    if problems:
        raise CatalogError(schema.summary("The catalog", problems, "Nothing was saved."), problems)
    if not isinstance(tomllib.loads(text).get("id"), str):
        problem = schema.Problem("catalog", 1, "the catalog has no id: add a line such as id = \"trade-tariffs\" at the top")
        raise CatalogError(schema.summary("The catalog", [problem], "Nothing was saved."), [problem])
    return catalog


def cache_dir(db_path: str | os.PathLike) -> Path:
    """``<database stem>-catalogs/`` next to the database; a folder under the system's temporary
    folder when that one cannot be written (a read-only corpus)."""
    db = Path(db_path)
    folder = db.parent / f"{db.stem}-catalogs"
    try:
        folder.mkdir(exist_ok=True)
        if os.access(folder, os.W_OK):
            return folder
    except OSError:
        pass
    fallback = Path(tempfile.gettempdir()) / f"dashboard-catalogs-{os.getuid() if hasattr(os, 'getuid') else 0}"
    fallback.mkdir(exist_ok=True)
    return fallback


def materialise(db_path: str | os.PathLike, catalog_id: str, version: str, text: str) -> Path:
    """The file holding a saved catalog version, written once (atomically) in ``cache_dir``."""
    target = cache_dir(db_path) / f"{catalog_id}-{version}.toml"
    raw = text.encode("utf-8")
    if not target.is_file() or target.read_bytes() != raw:
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.replace(tmp, target)
    return target
