"""The catalog workbench's draft: an editable copy of an issue catalog kept as plain data.

A draft is a dict with the header keys (id, name, description, reference) and ``issues``, a
list of dicts of the issue keys (analysis.catalog ISSUE_KEYS): what ``catalog_toml`` writes and
``check_catalog_text`` checks. The draft may be invalid while the analyst edits it (an issue
without cues yet); nothing is saved or previewed until it checks clean. No Streamlit here: the
page draws widgets, these functions turn their text into draft values and back.
"""

from __future__ import annotations

import json
import tomllib

from analysis.catalog import CUE_KEYS, HEADER_KEYS, PHRASE_KEYS, TOKEN_KEYS, Catalog, issue_fields
from analysis.errors import CatalogError

NEW_ISSUE = "new_issue"


def draft_of(catalog: Catalog) -> dict:
    """An editable copy of ``catalog``."""
    return {"id": catalog.id, "name": catalog.name, "description": catalog.description,
            "reference": catalog.reference, "issues": [issue_fields(i) for i in catalog.issues]}


def blank_draft() -> dict:
    """A new catalog with one issue to fill in."""
    return {"id": "", "name": "", "description": "", "reference": "USA", "issues": [blank_issue([])]}


def blank_issue(taken: list[str]) -> dict:
    """An issue with a free id ("new_issue", "new_issue_2", ...) and no cues yet."""
    issue_id, n = NEW_ISSUE, 1
    while issue_id in taken:
        n += 1
        issue_id = f"{NEW_ISSUE}_{n}"
    return {"id": issue_id, "label": "New issue", "description": ""}


def draft_from_toml(text: str, name: str) -> dict:
    """A draft from a catalog file's text (an import). Raises CatalogError when the text is not
    TOML at all; a TOML file with catalog problems still becomes a draft, so the analyst sees
    the problems named and fixes them in the form."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{name} is not a TOML file ({exc}); export a catalog from this page or write one "
                           "as described in the README.") from exc
    issues = data.get("issue", [])
    if not isinstance(issues, list) or not all(isinstance(i, dict) for i in issues):
        raise CatalogError(f"{name}: write each issue as an [[issue]] table (double brackets).")
    draft = {key: data[key] for key in HEADER_KEYS if key in data}
    draft["issues"] = [dict(i) for i in issues]
    extra = sorted(set(data) - set(HEADER_KEYS) - {"issue"})
    for key in extra:  # kept, so the check names them with their line
        draft[key] = data[key]
    return draft


def lines(text: str) -> list[str]:
    """One entry per non-empty line, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def token_patterns(text: str, field: str) -> list[list[dict]]:
    """One spaCy token pattern per non-empty line, written as JSON (``[{"LEMMA": "impose"},
    {"LOWER": "tariffs"}]``). Raises CatalogError naming the field and the line."""
    patterns = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CatalogError(f"{field}, line {n}: not JSON ({exc.msg}); write one pattern per line, "
                               '[{"LEMMA": "impose"}, {"LOWER": "tariffs"}]') from exc
        patterns.append(value)
    return patterns


def as_lines(values) -> str:
    """The text area's text for a list of phrases or patterns."""
    return "\n".join(str(v) for v in values or [])


def as_json_lines(values) -> str:
    """The text area's text for a list of token patterns: one JSON line each."""
    return "\n".join(json.dumps(list(v), ensure_ascii=False) for v in values or [])


def issue_from_form(values: dict) -> dict:
    """An issue dict from the form's text: id, label, description, target (if any), then one list per cue key
    (phrases and regular expressions one per line, token patterns one JSON per line). Empty
    lists are left out. Raises CatalogError for a token pattern that is not JSON."""
    issue = {key: values.get(key, "").strip() for key in ("id", "label", "description")}
    if target := values.get("target", "").strip().upper():
        issue["target"] = target  # the country the issue's measures are aimed at (checked with the catalog)
    for key in (*PHRASE_KEYS, *CUE_KEYS):
        if found := lines(values.get(key, "")):
            issue[key] = found
    for key in TOKEN_KEYS:
        if found := token_patterns(values.get(key, ""), key):
            issue[key] = found
    return issue


def cue_count(issue: dict) -> int:
    """How many cues of any kind the issue has."""
    return sum(len(issue.get(key) or []) for key in (*CUE_KEYS, *PHRASE_KEYS, *TOKEN_KEYS))
