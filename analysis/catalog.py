"""The issue catalog: a TOML file with a header (id, name, description, reference country) and
one ``[[issue]]`` table per issue (id, label, description, cues).

Cues come in three senses (support, oppose, weak) and three kinds: regular expressions
(``support``, ``oppose``, ``weak``: Cue), plain-word phrases matched by lemma
(``support_phrases`` ...: PhraseCue) and spaCy Matcher token patterns (``support_tokens`` ...:
TokenCue); analysis.cues says how phrases and patterns match.

``load_catalog_file(path)`` returns a Catalog; ``load_catalog(path)`` its issues (a tuple of
Issue records). Both check the whole file first and raise CatalogError naming every problem as
``file:line: message`` (an unknown key, a duplicate id, an issue without cues, a pattern that
does not compile, a bad phrase, a token pattern spaCy's Matcher rejects): a catalog with an
error is never loaded. ``check_catalog(path)`` returns the problems without raising
(``python -m analysis catalog check FILE``). ``check_catalog_text(text, name)`` and
``load_catalog_text(text, name)`` do the same for a draft that is not a file. ``catalog_toml``
writes a catalog (or a form's table of it) back as TOML text; ``dump_catalog`` checks it and
writes it to a file.

The header keys are optional, so catalogs written before they existed still load: the id is
then made from the file name, the name is the id, the description empty and the reference
country the DASHBOARD_REFERENCE setting. ``catalog_version(path)`` is a short hash of the file,
stored with results so an edit is visible as a version change. Files are cached by content: an
edited catalog is read again on the next call.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis import schema, settings
from analysis.cues import EXAMPLE, phrase_problem, token_pattern_problems
from analysis.errors import CatalogError
from analysis.schema import At, Checker, Problem, patterns, text

HEADER_KEYS = ("id", "name", "description", "reference")
CUE_KEYS = {"support": (+1, False), "oppose": (-1, False), "weak": (+1, True)}  # key -> (polarity, weak)
PHRASE_KEYS = {f"{key}_phrases": sense for key, sense in CUE_KEYS.items()}
TOKEN_KEYS = {f"{key}_tokens": sense for key, sense in CUE_KEYS.items()}
ISSUE_KEYS = ("id", "label", "description", "target", *CUE_KEYS, *PHRASE_KEYS, *TOKEN_KEYS)
CATALOG_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass(frozen=True)
class Cue:
    """A regular-expression cue (keys support, oppose, weak)."""
    pattern: re.Pattern
    polarity: int  # +1: the words back the issue; -1: they go against it
    weak: bool


@dataclass(frozen=True)
class PhraseCue:
    """A plain-word phrase cue (keys support_phrases ...), matched by lemma (analysis.cues)."""
    phrase: str
    polarity: int
    weak: bool


@dataclass(frozen=True)
class TokenCue:
    """A spaCy Matcher token pattern (keys support_tokens ...): a tuple of token dicts."""
    pattern: tuple[dict, ...]
    polarity: int
    weak: bool

    def __hash__(self) -> int:  # dicts are not hashable; their JSON is
        return hash((json.dumps(self.pattern, sort_keys=True), self.polarity, self.weak))


@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    description: str
    cues: tuple[Cue, ...]  # regular expressions
    phrases: tuple[PhraseCue, ...] = ()
    tokens: tuple[TokenCue, ...] = ()
    # the country the issue's measures are aimed at (ISO alpha-3): its own speakers support none of
    # them, so a cue they use for one reads as opposition ("" for none)
    target: str = ""


@dataclass(frozen=True)
class Catalog:
    id: str  # stable, lower-case ("ukraine-war"); from the file name when the header has none
    name: str  # shown to analysts
    description: str  # which diplomatic moment it covers
    reference: str  # default reference country for alignment (ISO alpha-3, or EU / NATO / UN / WTO)
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
        if "target" in entry:
            schema.code(entry["target"], At(checker, block, "target", f"{label}: target"))
        cues, phrases, tokens = [], [], []
        for key, (polarity, weak) in CUE_KEYS.items():
            if key in entry:
                cues += [Cue(p, polarity, weak) for p in patterns(entry[key], At(checker, block, key, f"{label}: {key}"))]
        for key, (polarity, weak) in PHRASE_KEYS.items():
            if key in entry:
                phrases += [PhraseCue(p, polarity, weak) for p in _phrases(entry[key], At(checker, block, key, f"{label}: {key}"))]
        for key, (polarity, weak) in TOKEN_KEYS.items():
            if key in entry:
                tokens += [TokenCue(p, polarity, weak) for p in _token_patterns(entry[key], At(checker, block, key, f"{label}: {key}"))]
        if not any(entry.get(key) for key in (*CUE_KEYS, *PHRASE_KEYS, *TOKEN_KEYS)):
            checker.add(block.line, label, "no cues: give at least one cue in support, oppose or weak, or in their "
                                           "_phrases or _tokens keys")
        issues.append(Issue(issue_id, entry.get("label", issue_id), entry.get("description", ""), tuple(cues),
                            tuple(phrases), tuple(tokens), entry.get("target", "")))
    return issues


def _phrases(value, at: At) -> list[str]:
    """Plain-word phrases, each with at least one word; spaces inside are normalised."""
    good = []
    for i, item in schema._strings(value, at):
        problem = phrase_problem(item)
        if problem:
            at.error(problem, i)
        else:
            good.append(" ".join(item.split()))
    return good


def _token_patterns(value, at: At) -> list[tuple[dict, ...]]:
    """spaCy Matcher token patterns (a list of lists of inline tables), each checked by the Matcher."""
    if not isinstance(value, list):
        at.error(f"must be a list of token patterns, written [{EXAMPLE}, ...]")
        return []
    good = []
    for i, pattern in enumerate(value):
        found = token_pattern_problems(pattern)
        for problem in found:
            at.error(f"pattern {i + 1}: {problem}", item=i)
        if not found:
            good.append(tuple(copy.deepcopy(pattern)))
    return good


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


def check_catalog_text(text: str, name: str = "<draft>") -> tuple[Catalog | None, list[Problem]]:
    """check_catalog for a catalog given as text (a draft that is not a file): the same checks,
    problems named ``name:line: message``. A header without ``id`` takes it from ``name``."""
    if not isinstance(text, str):
        raise CatalogError(f"Issue catalog {name}: the draft must be text, not {type(text).__name__}.")
    raw = text.encode("utf-8", errors="surrogatepass")  # a lone surrogate is reported as "not UTF-8 text"
    catalog, found = _parse_cached(name, raw, settings.get("DASHBOARD_REFERENCE"))
    return catalog, list(found)


def load_catalog_text(text: str, name: str = "<draft>") -> Catalog:
    """load_catalog_file for a catalog given as text; CatalogError (with ``.problems``) when it
    has any problem."""
    catalog, found = check_catalog_text(text, name)
    if found:
        raise CatalogError(schema.summary(f"Issue catalog {name}", found), found)
    return catalog


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


# ------------------------------------------------------------------ writing a catalog

BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _toml_string(value: str) -> str:
    """A literal string ('\\bword\\b', as regexes are written by hand) when it can be one,
    else a basic string with every character TOML requires escaped."""
    if "'" not in value and not any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return f"'{value}'"
    escapes = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
    out = []
    for c in value:
        if c in escapes:
            out.append(escapes[c])
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04X}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _toml_key(key: str) -> str:
    return key if BARE_KEY.fullmatch(key) else _toml_string(key)


def _toml_value(value) -> str:
    """One TOML value on one line (token patterns are inline tables, which TOML keeps on one line)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return "nan" if value != value else ("inf" if value == float("inf") else "-inf" if value == float("-inf")
                                             else repr(value))
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(str(k))} = {_toml_value(v)}" for k, v in value.items()) + "}" \
            if value else "{}"
    raise CatalogError(f"Cannot write {value!r} ({type(value).__name__}) into a catalog: use text, numbers, "
                       "true/false, lists and tables.")


def _toml_list(key: str, items: list) -> str:
    if len(items) <= 1:
        return f"{key} = {_toml_value(list(items))}"
    return f"{key} = [\n" + "".join(f"  {_toml_value(item)},\n" for item in items) + "]"


def issue_fields(issue) -> dict:
    """An Issue record or a mapping (as a form gives it) as the mapping of its TOML keys."""
    if isinstance(issue, Issue):
        fields = {"id": issue.id, "label": issue.label, "description": issue.description, "target": issue.target}
        for key, sense in CUE_KEYS.items():
            fields[key] = [c.pattern.pattern for c in issue.cues if (c.polarity, c.weak) == sense]
        for key, sense in PHRASE_KEYS.items():
            fields[key] = [c.phrase for c in issue.phrases if (c.polarity, c.weak) == sense]
        for key, sense in TOKEN_KEYS.items():
            fields[key] = [list(c.pattern) for c in issue.tokens if (c.polarity, c.weak) == sense]
        return fields
    if isinstance(issue, dict):
        return dict(issue)
    raise CatalogError(f"An issue to write must be an Issue or a table of its keys, not {type(issue).__name__}.")


def catalog_toml(catalog) -> str:
    """TOML text of ``catalog``: a Catalog, or a mapping with the header keys (id, name,
    description, reference; each optional) and ``issues``, a list of Issue records or mappings
    of the issue keys (id, label, description, the regex lists support / oppose / weak, the
    phrase lists support_phrases ..., the token-pattern lists support_tokens ...). Empty values
    are left out. The text loads back with load_catalog_text to the same issues; it is not
    checked here (dump_catalog checks before it writes)."""
    if isinstance(catalog, Catalog):
        header = {"id": catalog.id, "name": catalog.name, "description": catalog.description,
                  "reference": catalog.reference}
        issues = catalog.issues
    elif isinstance(catalog, dict):
        header = {key: catalog.get(key) for key in HEADER_KEYS}
        issues = catalog.get("issues", ())
    else:
        raise CatalogError(f"A catalog to write must be a Catalog or a table, not {type(catalog).__name__}.")
    lines = ["# Issue catalog: a header, then one [[issue]] table per issue (see the comment at the top of",
             "# analysis/data/catalogs/ukraine-war.toml for every key)."]
    lines += [f"{key} = {_toml_value(value)}" for key, value in header.items() if value not in (None, "")]
    for issue in issues:
        fields = issue_fields(issue)
        lines += ["", "[[issue]]"]
        for key, value in fields.items():
            if value in (None, "", [], ()):
                continue
            lines.append(_toml_list(key, list(value)) if isinstance(value, (list, tuple))
                         else f"{_toml_key(key)} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


def dump_catalog(catalog, path: str | os.PathLike) -> Catalog:
    """Write ``catalog`` (see catalog_toml) to ``path`` as TOML and return it as loaded back.
    The text is checked first: a catalog with an error is never written (CatalogError, with
    ``.problems`` placed in the text that would have been written); the file is replaced at once,
    never left half-written."""
    path = Path(path)
    text = catalog_toml(catalog)
    load_catalog_text(text, str(path))
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise CatalogError(f"Issue catalog {path} cannot be written ({exc.strerror}).") from exc
    return load_catalog_file(path)
