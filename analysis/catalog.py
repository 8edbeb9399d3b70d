"""The issue catalog: ids, labels, descriptions and cue patterns, read from an editable TOML file.

``load_catalog(path)`` returns a tuple of Issue records; a malformed file raises CatalogError.
``catalog_version(path)`` is a short hash of the file, stored with results so a catalog edit
is visible as a version change.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis import settings
from analysis.errors import CatalogError


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


def _compile(issue_id: str, raw: str, polarity: int, weak: bool) -> Cue:
    try:
        return Cue(re.compile(raw, re.IGNORECASE), polarity, weak)
    except re.error as exc:
        raise CatalogError(f"Issue catalog: cue {raw!r} of issue {issue_id!r} is not a valid pattern ({exc}).") from exc


@lru_cache(maxsize=8)
def load_catalog(path: str | None = None) -> tuple[Issue, ...]:
    """Issues of the catalog at ``path`` (default: the DASHBOARD_CATALOG setting)."""
    path = path or settings.get("DASHBOARD_CATALOG")
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise CatalogError(f"Issue catalog not found at {path}; set DASHBOARD_CATALOG to a TOML file.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"Issue catalog {path} is not valid TOML: {exc}.") from exc
    issues = []
    seen = set()
    for entry in data.get("issue", []):
        issue_id = entry.get("id")
        if not issue_id or issue_id in seen:
            raise CatalogError(f"Issue catalog {path}: every [[issue]] needs a unique id (problem at {issue_id!r}).")
        seen.add(issue_id)
        cues = [_compile(issue_id, raw, +1, False) for raw in entry.get("support", [])]
        cues += [_compile(issue_id, raw, -1, False) for raw in entry.get("oppose", [])]
        cues += [_compile(issue_id, raw, +1, True) for raw in entry.get("weak", [])]
        issues.append(Issue(issue_id, entry.get("label", issue_id), entry.get("description", ""), tuple(cues)))
    if not issues:
        raise CatalogError(f"Issue catalog {path} defines no [[issue]] entries.")
    return tuple(issues)


def catalog_version(path: str | None = None) -> str:
    path = path or settings.get("DASHBOARD_CATALOG")
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def issue_labels(path: str | None = None) -> dict[str, str]:
    """Issue id -> display label, in catalog order."""
    return {issue.id: issue.label for issue in load_catalog(path)}
