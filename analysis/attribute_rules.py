"""The trained model's attribute ruler, matched over whole columns of token attributes.

The model's ``attribute_ruler`` (tag map and morphology rules: about 180 patterns, nearly all of
one token) runs spaCy's ``Matcher``, which tries every pattern at every token: a fifth of the
model's time on news text. Its patterns only compare a few token attributes (TAG, LOWER, DEP,
IS_SPACE) with a value, a list of values or a regular expression, without operators, so
``AttributeMatches`` finds the same matches with one NumPy comparison per pattern token over the
Doc's attribute array. The ruler's patterns, attributes and ``set_annotations`` are untouched.

``speed_up(nlp)`` installs it on the pipeline's attribute ruler when every pattern is of that
plain kind (else the ruler keeps spaCy's matcher); ``AttributeMatches(ruler)(doc)`` gives the
list ``AttributeRuler.match(doc)`` gives.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

# Attributes whose Doc.to_array value is the value spaCy's Matcher compares.
ATTRIBUTES = ("ORTH", "LOWER", "TAG", "DEP", "IS_SPACE")


class Unsupported(ValueError):
    """A pattern this matcher does not reproduce (the ruler then keeps spaCy's Matcher)."""


def _predicate(column: int, value):
    """(column, kind, operand) of one attribute test, as spaCy's Matcher reads it."""
    if isinstance(value, bool):
        return column, "eq", int(value)
    if isinstance(value, (str, int)):
        return column, "eq", get_string_id(value)
    if isinstance(value, dict) and len(value) == 1:
        (op, operand), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, (str, int)) for v in operand):
            return column, op.lower(), tuple(sorted({get_string_id(v) for v in operand}))
        if op == "REGEX" and isinstance(operand, str):
            return column, "regex", re.compile(operand)
    raise Unsupported(f"value {value!r}")


def _compile(pattern: list[dict]) -> tuple[int, tuple | None, list[tuple]]:
    """(width, anchor, other tests) of a pattern; a test is (token offset, column, kind, operand).
    The anchor is a test for one value (or a list of values) whose positions the Doc's index
    gives directly: the rarest kind of value first (a word before a tag before a space flag)."""
    tests = []
    for offset, spec in enumerate(pattern):
        for key, value in spec.items():
            name = {"TEXT": "ORTH"}.get(key.upper(), key.upper()) if isinstance(key, str) else key
            if name not in ATTRIBUTES:
                raise Unsupported(f"attribute {key!r}")
            tests.append((offset, *_predicate(ATTRIBUTES.index(name), value)))
    if not pattern:
        raise Unsupported("empty pattern")
    anchors = [t for t in tests if t[2] in ("eq", "in")]
    anchor = min(anchors, key=lambda t: (t[2] != "eq", t[1]), default=None)  # ATTRIBUTES is in that order
    return len(pattern), anchor, [t for t in tests if t is not anchor]


class AttributeMatches:
    """``ruler.match`` over attribute arrays: the same (attribute id, match id, start, end) list."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self.vocab = ruler.vocab
        self.columns = [IDS[name] for name in ATTRIBUTES]
        self.size = len(ruler.matcher)
        self.patterns = []  # (attribute id, match id, width, anchor, other tests)
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            if key not in ruler.matcher:
                continue
            on_match, patterns = ruler.matcher.get(key)
            if on_match is not None:
                raise Unsupported("a callback")
            match_id = self.vocab.strings.add(key)
            for pattern in patterns:
                self.patterns.append((attr_id, match_id, *_compile(pattern)))
        self._regex_hits: dict[tuple[re.Pattern, int], bool] = {}

    def _regex(self, regex: re.Pattern, values: np.ndarray) -> np.ndarray:
        hits, strings = self._regex_hits, self.vocab.strings
        result = []
        for value in values.tolist():
            found = hits.get((regex, value))
            if found is None:
                found = hits[(regex, value)] = bool(regex.search(strings[value]))
            result.append(found)
        return np.array(result, dtype=bool)

    def __call__(self, doc: Doc):
        if len(self.ruler.matcher) != self.size:  # patterns added since: spaCy's own matching
            return type(self.ruler).match(self.ruler, doc)
        n = len(doc)
        array = doc.to_array(self.columns).reshape((n, len(self.columns)))
        index: dict[int, tuple[np.ndarray, dict]] = {}

        def positions(column: int, value: int) -> np.ndarray:
            """Token positions whose ``column`` holds ``value``, in order."""
            if column not in index:
                order = np.argsort(array[:, column], kind="stable")
                values, first = np.unique(array[order, column], return_index=True)
                bounds = first.tolist() + [n]
                index[column] = (order, {v: (bounds[i], bounds[i + 1]) for i, v in enumerate(values.tolist())})
            order, where = index[column]
            lo, hi = where.get(value, (0, 0))
            return order[lo:hi]

        matches = []
        for attr_id, match_id, width, anchor, tests in self.patterns:
            last = n - width  # the last start a pattern of this width fits
            if last < 0:
                continue
            if anchor is None:
                starts = np.arange(last + 1)
            else:
                offset, column, kind, operand = anchor
                if kind == "eq":
                    found = positions(column, operand)
                else:
                    found = [p for p in (positions(column, v) for v in operand) if len(p)]
                    found = np.concatenate(found) if found else ()
                if not len(found):
                    continue  # most patterns: their word or tag is not in the Doc
                starts = found - offset
                if offset or width > 1:
                    starts = starts[(starts >= 0) & (starts <= last)]
            for offset, column, kind, operand in tests:
                if not len(starts):
                    break
                values = array[starts + offset, column]
                if kind == "eq":
                    starts = starts[values == operand]
                elif kind == "in":
                    starts = starts[np.isin(values, operand)]
                elif kind == "not_in":
                    starts = starts[~np.isin(values, operand)]
                else:
                    starts = starts[self._regex(operand, values)]
            matches += [(attr_id, match_id, start, start + width) for start in starts.tolist()]
        matches.sort()
        return matches


def speed_up(nlp: Language) -> None:
    """Give the pipeline's attribute ruler ``AttributeMatches`` when its patterns allow (in place)."""
    for _, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            try:
                component.match = AttributeMatches(component)
            except Unsupported:
                pass
