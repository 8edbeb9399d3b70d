"""Checks a hand-edited TOML file against a small schema and names every problem by file and line.

``parse(text, file)`` returns the parsed data and a ``TomlIndex`` of where each table header, key
and string literal stands (tomllib gives values but no line numbers), or one Problem when the text
is not TOML. ``Checker`` collects Problems while a schema walks the data: ``check_table`` flags
unknown keys (with the nearest known key as a suggestion) and missing ones, then runs one check
per key. Checks are small functions ``check(value, at)`` that call ``at.error(message, index)``;
``words``, ``patterns``, ``integer``, ``code``, ``mapping`` and ``choice`` cover the data files.
A Problem prints as ``file:line: label: message``.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

BODIES = ("EU", "NATO", "UN", "WTO")
SHOWN = 3  # problems named in an exception's one-line message; all of them are in ``problems``


class Problem(NamedTuple):
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def summary(what: str, problems: list[Problem], hint: str = "") -> str:
    """One line naming the first SHOWN problems of one file: "<what> has 2 errors: line 3: ...; line 9: ...."."""
    n = len(problems)
    shown = "; ".join(f"line {p.line}: {p.message}" for p in problems[:SHOWN])
    more = f"; and {n - SHOWN} more" if n > SHOWN else ""
    return f"{what} has {n} error{'s' if n > 1 else ''}: {shown}{more}.{' ' + hint if hint else ''}"


# ------------------------------------------------------------------ where things stand in the text

@dataclass
class Entry:
    line: int  # line of ``key =``
    strings: list[int] = field(default_factory=list)  # line of each string literal in the value, in order
    items: list[int] = field(default_factory=list)  # line where each item of an array value starts, in order


@dataclass
class Block:
    name: str  # "" for the root table
    line: int  # line of the ``[name]`` / ``[[name]]`` header; 1 for the root
    array: bool
    entries: dict[str, Entry] = field(default_factory=dict)


KEY = re.compile(r"""((?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*)\s*=""")
HEADER = re.compile(r"\[\[\s*([^\]\n]*?)\s*\]\]|\[\s*([^\]\n]*?)\s*\]")


def _key_name(raw: str) -> str:
    parts = re.findall(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+)""", raw)
    return ".".join(next(p for p in part if p) if any(part) else "" for part in parts)


class TomlIndex:
    """Lines of the headers, keys and string literals of a TOML text that tomllib parsed.

    Scans once, outside strings and comments; a key counts only at the start of a line outside
    any bracket, so a multi-line array's items are never taken for headers or keys. Keys inside
    inline tables belong to the key that holds the inline table."""

    def __init__(self, text: str):
        self.blocks = [Block("", 1, False)]
        entry = None
        depth, line, i, n = 0, 1, 0, len(text)
        line_start = True
        item = False  # the next value starts an item of the entry's array (after ``key = [`` or a comma)
        while i < n:
            c = text[i]
            if item and depth == 1 and entry is not None and c not in " \t\r\n#,]":
                entry.items.append(line)
                item = False
            if c == "\n":
                line += 1
                line_start = depth == 0
                i += 1
            elif c in " \t\r":
                i += 1
            elif c == "#":
                end = text.find("\n", i)
                i = n if end < 0 else end
            elif line_start and c == "[" and (m := HEADER.match(text, i)):
                self.blocks.append(Block(_key_name(m.group(1) or m.group(2) or ""), line, m.group(1) is not None))
                entry, line_start, i = None, False, m.end()
            elif line_start and (m := KEY.match(text, i)):
                entry = self.blocks[-1].entries.setdefault(_key_name(m.group(1)), Entry(line))
                line_start, i, item = False, m.end(), False
            elif c in "'\"":
                quote = c * 3 if text.startswith(c * 3, i) else c
                j = i + len(quote)
                while j < n and not text.startswith(quote, j):
                    j += 2 if c == '"' and text[j] == "\\" else 1
                end = j + len(quote)
                while len(quote) == 3 and end < n and text[end] == c:  # '''it's''''' ends on the last quote
                    end += 1
                if entry is not None:
                    entry.strings.append(line)
                line += text.count("\n", i, end)
                line_start, i = False, end
            else:
                item = (c == "[" and depth == 0) or (c == "," and depth == 1)
                depth += c in "[{"
                depth -= c in "]}" and depth > 0
                line_start = False
                i += 1

    @property
    def root(self) -> Block:
        return self.blocks[0]

    def tables(self, name: str) -> list[Block]:
        """The ``[[name]]`` blocks in order (or the one ``[name]`` block)."""
        return [b for b in self.blocks[1:] if b.name == name]

    def line(self, block: Block, key: str | None = None, index: int | None = None, item: int | None = None) -> int:
        """Line of ``key`` in ``block`` (of its ``index``-th string literal, or of the ``item``-th
        item of its array, when given); a key that is a table of its own gives its header's line;
        anything unknown, the block's."""
        entry = block.entries.get(key) if key is not None else None
        if entry is not None:
            if item is not None and item < len(entry.items):
                return entry.items[item]
            return entry.strings[index] if index is not None and index < len(entry.strings) else entry.line
        if key is not None and block is self.root and self.tables(key):
            return self.tables(key)[0].line
        return block.line


def parse(text: str, file: str) -> tuple[dict | None, TomlIndex | None, Problem | None]:
    """(data, index, None), or (None, None, Problem) when ``text`` is not TOML."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\((?:at line (\d+), column \d+|at end of document)\)$", message)
        line = int(found.group(1)) if found and found.group(1) else max(1, len(text.splitlines()))
        message = message[:found.start()].strip() if found else message
        return None, None, Problem(file, line, f"not valid TOML: {message}")
    return data, TomlIndex(text), None


# ------------------------------------------------------------------ checking values

class Checker:
    """Collects Problems for one file."""

    def __init__(self, file: str, index: TomlIndex):
        self.file, self.index, self.problems = file, index, []

    def add(self, line: int, label: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, f"{label}: {message}" if label else message))

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: p.line)


@dataclass
class At:
    """Where a value stands: its block and key, and the words a message names it by."""
    checker: Checker
    block: Block
    key: str | None
    label: str

    def error(self, message: str, index: int | None = None, item: int | None = None) -> None:
        self.checker.add(self.checker.index.line(self.block, self.key, index, item), self.label, message)

    def table(self, key: str) -> At:
        """The place of ``key`` inside the table this value is (``[name]`` or an inline table)."""
        blocks = self.checker.index.tables(self.key) if self.block is self.checker.index.root else []
        if blocks and not blocks[0].array:
            return At(self.checker, blocks[0], key, f"{self.label}: {key!r}")
        return At(self.checker, self.block, self.key, f"{self.label}: {key!r}")


Check = Callable[[object, At], None]


def suggestion(key: str, allowed) -> str:
    """" (did you mean 'support'?)", or the allowed keys when none is close."""
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else f" (allowed: {', '.join(allowed)})"


def check_table(checker: Checker, value: dict, block: Block, schema: dict[str, Check], label: str,
                required=()) -> None:
    """Unknown keys, missing ``required`` keys, then each key's own check."""
    for key in value:
        if key not in schema:
            checker.add(checker.index.line(block, key), label, f"unknown key {key!r}{suggestion(key, schema)}")
    for key in required:
        if key not in value:
            checker.add(block.line, label, f"missing key {key!r}")
    for key, check in schema.items():
        if key in value:
            check(value[key], At(checker, block, key, f"{label}: {key}" if label else key))


def _strings(value, at: At) -> list[tuple[int, str]]:
    """(index, item) of a list of non-empty strings; other shapes are reported."""
    if not isinstance(value, list):
        at.error("must be a list of strings, written [\"...\", \"...\"]")
        return []
    good = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            at.error(f"item {i + 1} must be a non-empty string, not {item!r}", i)
        else:
            good.append((i, item))
    return good


def words(value, at: At) -> None:
    """A list of lower-case words or phrases (they are compared with lower-cased text)."""
    for i, item in _strings(value, at):
        if item != item.lower():
            at.error(f"{item!r} must be written in lower case (it is matched on lower-cased text)", i)


def shown(pattern: str) -> str:
    """A pattern as it is written in the file ('\\bword\\b', not repr's doubled backslashes)."""
    return f"'{pattern}'" if "'" not in pattern and "\n" not in pattern else repr(pattern)


def word(value, at: At) -> None:
    """One lower-case word or phrase."""
    if not isinstance(value, str) or not value.strip():
        at.error(f"must be a non-empty string, not {value!r}")
    elif value != value.lower():
        at.error(f"{value!r} must be written in lower case (it is matched on lower-cased text)")


def patterns(value, at: At) -> list[re.Pattern]:
    """A list of Python regular expressions, compiled case-insensitively. One that matches the
    empty string would mark every sentence, so it is an error too."""
    compiled = []
    for i, item in _strings(value, at):
        try:
            pattern = re.compile(item, re.IGNORECASE)
        except re.error as exc:
            at.error(f"pattern {shown(item)} does not compile ({exc})", i)
            continue
        if pattern.search("") is not None or any(m.start() == m.end() for m in pattern.finditer("a word, a word.")):
            at.error(f"pattern {shown(item)} matches the empty string, so it would match every sentence", i)
            continue
        compiled.append(pattern)
    return compiled


def integer(minimum: int) -> Check:
    def check(value, at: At) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            at.error(f"must be a whole number of at least {minimum}, not {value!r}")
    return check


def text(value, at: At) -> None:
    if not isinstance(value, str):
        at.error(f"must be a string in quotes, not {value!r}")


def name(value, at: At) -> None:
    """A non-empty string (shown to analysts)."""
    if not isinstance(value, str) or not value.strip():
        at.error(f"must be a non-empty string in quotes, not {value!r}")


def choice(*allowed: str) -> Check:
    def check(value, at: At) -> None:
        if value not in allowed:
            at.error(f"{value!r} is not one of {', '.join(allowed)}")
    return check


def is_code(value) -> bool:
    """An ISO 3166-1 alpha-3 code pycountry knows, or EU / NATO / UN / WTO."""
    import pycountry

    return isinstance(value, str) and (value in BODIES or (len(value) == 3 and value.isupper()
                                                           and pycountry.countries.get(alpha_3=value) is not None))


def code(value, at: At) -> None:
    if isinstance(value, str) and value != value.upper() and is_code(value.upper()):
        at.error(f"{value!r} must be written in capitals ({value.upper()!r})")
    elif not is_code(value):
        at.error(f"{value!r} is not an ISO 3166-1 alpha-3 code (e.g. 'DEU') nor EU / NATO / UN / WTO")


def mapping(value_check: Check, keys: str = "lower") -> Check:
    """A table of key -> value; keys written in ``keys`` case ("lower" or "upper")."""
    def check(value, at: At) -> None:
        if not isinstance(value, dict):
            at.error("must be a table: a [header] followed by \"key\" = value lines")
            return
        for key, item in value.items():
            place = at.table(key)
            wanted = key.lower() if keys == "lower" else key.upper()
            if key != wanted:
                place.error(f"the key must be written in {keys} case ({wanted!r})")
            value_check(item, place)
    return check


def pair(first: Check, second: Check) -> Check:
    """A list of exactly two values, e.g. ["EU", "organization"]."""
    def check(value, at: At) -> None:
        if not isinstance(value, list) or len(value) != 2:
            at.error(f"must be a list of two values, e.g. [\"EU\", \"organization\"], not {value!r}")
            return
        first(value[0], at)
        second(value[1], at)
    return check


def list_of_tables(schema: dict[str, Check], name: str, required=()) -> Check:
    """An array of tables (``[[name]]`` blocks or inline tables), each checked with ``schema``;
    messages name them "name 1", "name 2", ..."""
    def check(value, at: At) -> None:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            at.error(f"must be a list of tables ([[{name}]] blocks or {{ ... }} entries)")
            return
        index = at.checker.index
        blocks = index.tables(at.key) if at.block is index.root else []
        if len(blocks) != len(value):  # inline tables: every problem is placed at the key's line
            blocks = [Block(at.key or "", index.line(at.block, at.key), True)] * len(value)
        for i, entry in enumerate(value):
            check_table(at.checker, entry, blocks[i], schema, f"{at.label} {i + 1}", required)
    return check
