"""The issue catalog: a TOML file with a header (id, name, description, reference country) and
one ``[[issue]]`` table per issue (id, label, description, cue patterns).

``load_catalog_file(path)`` returns a Catalog; ``load_catalog(path)`` its issues (a tuple of
Issue records). Both check the whole file first and raise CatalogError naming every problem as
``file:line: message`` (an unknown key, a duplicate id, an issue without cues, a pattern that
does not compile): a catalog with an error is never loaded. ``check_catalog(path)`` returns the
problems without raising (``python -m analysis catalog check FILE``).

The header keys are optional, so catalogs written before they existed still load: the id is
then made from the file name, the name is the id, the description empty and the reference
country the DASHBOARD_REFERENCE setting. ``catalog_version(path)`` is a short hash of the file,
stored with results so an edit is visible as a version change. Files are cached by content: an
edited catalog is read again on the next call.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis import schema, settings
from analysis.errors import CatalogError
from analysis.schema import At, Checker, Problem, patterns, text

HEADER_KEYS = ("id", "name", "description", "reference")
ISSUE_KEYS = ("id", "label", "description", "support", "oppose", "weak")
CUE_KEYS = {"support": (+1, False), "oppose": (-1, False), "weak": (+1, True)}  # key -> (polarity, weak)
CATALOG_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern
    polarity: int  # +1: the words back the issue; -1: they go against it
    weak: bool


@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    description: str
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class Catalog:
    id: str  # stable, lower-case ("ukraine-war"); from the file name when the header has none
    name: str  # shown to analysts
    description: str  # which diplomatic moment it covers
    reference: str  # default reference country for alignment (ISO alpha-3, or EU / NATO / UN)
    version: str  # catalog_version: a short hash of the file's bytes
    path: str
    issues: tuple[Issue, ...]


def _path(path: str | os.PathLike | None) -> str:
    return str(path or settings.get("DASHBOARD_CATALOG"))


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise CatalogError(f"Issue catalog not found at {path}; set DASHBOARD_CATALOG to a TOML file.") from exc
    except IsADirectoryError as exc:
        raise CatalogError(f"Issue catalog {path} is a folder; give the path of a .toml file.") from exc
    except OSError as exc:
        raise CatalogError(f"Issue catalog {path} cannot be read ({exc.strerror}).") from exc


def _slug(stem: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-_") or "catalog"


def _check_header(checker: Checker, data: dict) -> None:
    root = checker.index.root
    for key in data:
        if key not in HEADER_KEYS and key != "issue":
            checker.add(checker.index.line(root, key), "catalog header",
                        f"unknown key {key!r}{schema.suggestion(key, HEADER_KEYS + ('issue',))}")
    if "name" in data:
        schema.name(data["name"], At(checker, root, "name", "catalog name"))
    if "description" in data:
        text(data["description"], At(checker, root, "description", "catalog description"))
    if "id" in data and not (isinstance(data["id"], str) and CATALOG_ID.fullmatch(data["id"])):
        checker.add(checker.index.line(root, "id"), "catalog id",
                    f"{data['id']!r} must be lower-case letters, digits, '-' or '_' (e.g. 'ukraine-war')")
    if "reference" in data:
        schema.code(data["reference"], At(checker, root, "reference", "catalog reference"))


def _unknown_issue_key(key: str) -> str:
    if key in HEADER_KEYS:  # written after an [[issue]] header, a header key lands in that issue
        return f"unknown key {key!r} (the catalog's {key} goes at the top of the file, before the first [[issue]])"
    return f"unknown key {key!r}{schema.suggestion(key, ISSUE_KEYS)}"


def _check_issues(checker: Checker, data: dict) -> list[Issue]:
    index = checker.index
    entries = data.get("issue")
    if entries is None:
        checker.add(1, "", "the catalog defines no issues: add one [[issue]] table per issue")
        return []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        checker.add(index.line(index.root, "issue"), "", "write each issue as an [[issue]] table (double brackets)")
        return []
    if not entries:
        checker.add(index.line(index.root, "issue"), "", "the catalog defines no issues: add one [[issue]] table per issue")
        return []
    blocks = index.tables("issue")
    if len(blocks) != len(entries):  # written as inline tables: place problems at the `issue =` line
        blocks = [schema.Block("issue", index.line(index.root, "issue"), True)] * len(entries)
    issues, first_line = [], {}
    for number, (entry, block) in enumerate(zip(entries, blocks), start=1):
        issue_id = entry.get("id")
        named = isinstance(issue_id, str) and issue_id.strip() == issue_id and bool(issue_id)
        label = f"issue {issue_id!r}" if named else f"issue {number}"
        for key in entry:
            if key not in ISSUE_KEYS:
                checker.add(index.line(block, key), label, _unknown_issue_key(key))
        if "id" not in entry:
            checker.add(block.line, label, "missing key 'id' (a stable id such as \"ceasefire\")")
        elif not named:
            checker.add(index.line(block, "id"), label,
                        f"the id {issue_id!r} must be a non-empty string without spaces around it")
        elif issue_id in first_line:
            checker.add(index.line(block, "id"), label, f"duplicate id (first used at line {first_line[issue_id]})")
        else:
            first_line[issue_id] = index.line(block, "id")
        if "label" in entry:
            schema.name(entry["label"], At(checker, block, "label", f"{label}: label"))
        if "description" in entry:
            text(entry["description"], At(checker, block, "description", f"{label}: description"))
        cues = []
        for key, (polarity, weak) in CUE_KEYS.items():
            if key in entry:
                cues += [Cue(p, polarity, weak) for p in patterns(entry[key], At(checker, block, key, f"{label}: {key}"))]
        if not any(entry.get(key) for key in CUE_KEYS):
            checker.add(block.line, label, "no cues: give at least one pattern in support, oppose or weak")
        issues.append(Issue(issue_id, entry.get("label", issue_id), entry.get("description", ""), tuple(cues)))
    return issues


def _parse(path: str, raw: bytes) -> tuple[Catalog | None, list[Problem]]:
    name = path
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(name, 1, f"not UTF-8 text ({exc.reason}); save the catalog as UTF-8")]
    data, index, problem = schema.parse(content, name)
    if problem:
        return None, [problem]
    checker = Checker(name, index)
    _check_header(checker, data)
    issues = _check_issues(checker, data)
    found = checker.sorted()
    if found:  # the Issue records built so far may hold wrong types: never returned
        return None, found
    catalog_id = data.get("id") or _slug(Path(path).stem)
    return Catalog(id=catalog_id, name=data.get("name") or catalog_id, description=data.get("description", ""),
                   reference=data.get("reference") or settings.get("DASHBOARD_REFERENCE").upper(),
                   version=hashlib.sha256(raw).hexdigest()[:12], path=path, issues=tuple(issues)), []


@lru_cache(maxsize=16)
def _parse_cached(path: str, raw: bytes, reference: str) -> tuple[Catalog | None, tuple[Problem, ...]]:
    catalog, found = _parse(path, raw)  # ``reference``: the setting a header-less catalog falls back on
    return catalog, tuple(found)


def check_catalog(path: str | os.PathLike | None = None) -> tuple[Catalog | None, list[Problem]]:
    """(Catalog, []) when the file at ``path`` (default: DASHBOARD_CATALOG) is valid, else
    (None, every problem in line order). Raises CatalogError only when the file cannot be read."""
    path = _path(path)
    catalog, found = _parse_cached(path, _read(path), settings.get("DASHBOARD_REFERENCE"))
    return catalog, list(found)


def load_catalog_file(path: str | os.PathLike | None = None) -> Catalog:
    """The catalog at ``path`` (default: DASHBOARD_CATALOG). Raises CatalogError when it cannot
    be read or has any problem (``.problems`` lists them all; the message names the first few)."""
    path = _path(path)
    catalog, found = check_catalog(path)
    if found:
        raise CatalogError(schema.summary(f"Issue catalog {path}", found,
                                          f"Run `python -m analysis catalog check {path}` to list them all."), found)
    return catalog


def load_catalog(path: str | os.PathLike | None = None) -> tuple[Issue, ...]:
    """Issues of the catalog at ``path`` (default: the DASHBOARD_CATALOG setting); see load_catalog_file."""
    return load_catalog_file(path).issues


def catalog_version(path: str | os.PathLike | None = None) -> str:
    """Short hash of the catalog file's bytes (CatalogError when it cannot be read)."""
    return hashlib.sha256(_read(_path(path))).hexdigest()[:12]


def reference_country(catalog: Catalog) -> str:
    """The reference country when none is chosen: DASHBOARD_REFERENCE when it is set in the
    environment (an explicit choice), else the catalog's ``reference``."""
    chosen = os.environ.get("DASHBOARD_REFERENCE", "").strip()
    return chosen.upper() if chosen else catalog.reference


def issue_labels(path: str | os.PathLike | None = None) -> dict[str, str]:
    """Issue id -> display label, in catalog order."""
    return {issue.id: issue.label for issue in load_catalog(path)}
