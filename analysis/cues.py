"""Phrase cues and token-pattern cues of the issue catalog, as one spaCy ``Matcher``.

A catalog issue may give cues three ways: regular expressions (``support``, ``oppose``, ``weak``,
matched by ``analysis.stance``), plain-word phrases (``support_phrases`` ...) and spaCy token
patterns (``support_tokens`` ...). This module turns the last two into Matcher patterns.

A phrase becomes one token per word, compared by lemma:

* each word matches any token whose lower-cased lemma is the word's lower-cased lemma, both
  computed by the same pipeline (the word's lemma from the phrase, as written, parsed on its
  own): "impose tariffs" matches "imposed tariffs", "Imposing tariffs", "imposes tariff", but not
  "imposed a tariff": the words stand next to each other in the text, in the phrase's order.
  Case does not matter where the model lemmatizes the words; words it takes for names (often in
  ALL-CAPS or Title Case headlines) keep their form as lemma;
* ``*`` written as a word of its own matches any one token: "impose * tariff" matches "imposed a
  tariff", "imposes new tariffs", not "imposed tariffs" (exactly one token);
* punctuation is matched as spaCy splits it ("Anna Berg's plan": "anna", "berg", "'s", "plan");
  characters of regular expressions are refused (``phrase_problem``): nothing else is special.

``phrase_pattern(phrase, nlp)`` shows the pattern a phrase becomes. Without a lemmatizer (a blank
pipeline) the "lemma" of a word is its lower-cased text, so phrases match their exact words.

Token patterns are spaCy's own (https://spacy.io/usage/rule-based-matching): the catalog checks
them with ``Matcher(vocab, validate=True)`` on a blank English vocabulary
(``token_pattern_problems``), so checking a catalog never needs the trained model. Their LEMMA
values are compared with the same lower-cased lemmas as phrases.

``CueMatcher(nlp, issues)`` holds the patterns of a whole catalog; calling it on a Doc gives
``(start_char, end_char, issue id, polarity, weak)`` per match, and fills ``token.lemma_``
(lower-cased) first when a pattern needs lemmas: the trained pipeline leaves its lemmatizer out
of the parse (analysis.pipeline), so the cue matcher runs it itself, on each distinct word once.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

from analysis.errors import CatalogError

WILDCARD = "*"
# Components that tag a phrase's words before it is lemmatized; the parser, NER and our rule
# components are not needed for a lemma.
TAGGING = ("tok2vec", "tagger", "morphologizer", "attribute_ruler")
# Characters that mean a regular expression was written where plain words were expected.
REGEX_CHARS = re.compile(r"[\\|()\[\]{}?+^$]")


# ------------------------------------------------------------------ lemmas

def _lemmatizer(nlp: Language) -> Lemmatizer | None:
    """The pipeline's lemmatizer, also when it is disabled (the trained pipeline keeps it
    disabled: it is run here, only when a cue needs lemmas)."""
    for _, component in nlp.components:
        if isinstance(component, Lemmatizer):
            return component
    return None


class Lemmas:
    """Lower-cased lemmas of tokens, from the pipeline's lemmatizer (or the lower-cased text when
    it has none), cached per (word, part of speech) as spaCy's own lemmatizer does."""

    def __init__(self, nlp: Language):
        self.lemmatizer = _lemmatizer(nlp)
        self.cache: dict[tuple[int, int], str] = {}

    def of(self, token: Token) -> str:
        if token.lemma:  # set before us: by the attribute ruler ("is" -> "be") or an enabled lemmatizer
            return token.lemma_.lower()
        key = (token.orth, token.pos)
        lemma = self.cache.get(key)
        if lemma is None:
            found = self.lemmatizer.lemmatize(token) if self.lemmatizer is not None else None
            lemma = self.cache[key] = (found[0] if found else token.text).lower()
        return lemma

    def fill(self, doc: Doc) -> None:
        """Set every token's ``lemma_`` to its lower-cased lemma."""
        add = doc.vocab.strings.add
        for token in doc:
            token.lemma = add(self.of(token))


def _tagged(phrase: str, nlp: Language) -> Doc:
    doc = nlp.make_doc(phrase)
    for name, component in nlp.pipeline:  # run directly: select_pipes would change a shared pipeline
        if name in TAGGING:
            doc = component(doc)
    return doc


def phrase_problem(phrase: str) -> str | None:
    """Why ``phrase`` cannot be a phrase cue, or None. Needs no model."""
    words = phrase.split()
    if not words:
        return "a phrase must have at least one word"
    if all(w == WILDCARD for w in words):
        return f"phrase {phrase!r} has only '*': give at least one word"
    if any(WILDCARD in w and w != WILDCARD for w in words):
        return f"phrase {phrase!r}: write '*' as a word of its own ('impose * tariffs': any one word between)"
    if REGEX_CHARS.search(phrase):
        return (f"phrase {phrase!r} looks like a regular expression: write plain words here, or move it to the "
                "regex keys (support, oppose, weak)")
    return None


def phrase_pattern(phrase: str, nlp: Language, lemmas: Lemmas | None = None) -> list[dict]:
    """The Matcher pattern ``phrase`` becomes in ``nlp``: one ``{"LEMMA": lemma}`` per word
    (lower-cased lemma, from the same pipeline that parses articles), ``{}`` for a ``*`` word.
    "Imposed tariffs" -> ``[{"LEMMA": "impose"}, {"LEMMA": "tariff"}]`` with the trained model;
    with a blank pipeline, ``[{"LEMMA": "imposed"}, {"LEMMA": "tariffs"}]``.
    Raises CatalogError for a phrase that ``phrase_problem`` rejects."""
    problem = phrase_problem(phrase) if isinstance(phrase, str) else f"a phrase must be text, not {phrase!r}"
    if problem:
        raise CatalogError(problem)
    lemmas = lemmas or Lemmas(nlp)
    doc = _tagged(" ".join(phrase.split()), nlp)
    return [{} if t.text == WILDCARD else _lemma_token(lemmas.of(t), t.lower_) for t in doc if not t.is_space]


def _lemma_token(lemma: str, word: str) -> dict:
    """One phrase word: its lemma, and the word itself when that differs, since a word's lemma
    depends on how it is used ("fighting" alone is read as the verb "fight", in "the fighting"
    as a noun whose lemma is "fighting")."""
    return {"LEMMA": lemma} if lemma == word else {"LEMMA": {"IN": sorted({lemma, word})}}


# ------------------------------------------------------------------ token patterns

ATTRIBUTES = ("ORTH", "TEXT", "LOWER", "NORM", "LEMMA", "POS", "TAG", "MORPH", "DEP", "SHAPE", "ENT_TYPE", "ENT_IOB",
              "ENT_ID", "ENT_KB_ID", "LENGTH", "SPACY", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER",
              "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT",
              "IS_CURRENCY", "IS_STOP", "IS_SENT_START", "SENT_START", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "OP")
EXAMPLE = '[{LEMMA = "impose"}, {LOWER = "tariffs"}]'


@lru_cache(maxsize=1)
def _blank_vocab():
    import spacy

    return spacy.blank("en").vocab


def _lemma_values(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key.upper() in ("IN", "NOT_IN") and isinstance(item, list):
                yield from (v for v in item if isinstance(v, str))
            elif key.upper() in ("==", "!="):
                yield from _lemma_values(item)


def _matcher_problems(pattern: list[dict], message: str) -> list[str]:
    """Matcher's validation errors ("- [pattern -> 0 -> LOWER -> str] Input should be ...") as
    "token 1: LOWER = 3 is rejected by spaCy's Matcher (...)", one per token attribute."""
    found: dict[tuple[int, str], list[str]] = {}
    for path, text in re.findall(r"^- \[(.*?)\] (.*)$", message, re.MULTILINE):
        parts = [p.strip() for p in path.split("->")]
        if len(parts) >= 3 and parts[1].isdigit():
            found.setdefault((int(parts[1]), parts[2]), []).append(text)
    problems = []
    for (i, attr), texts in found.items():
        value = next((v for k, v in pattern[i].items() if k == attr), None) if i < len(pattern) else None
        reason = min(texts, key=len)  # of a union's alternatives, the plainest ("Input should be a valid string")
        problems.append(f"token {i + 1}: {attr} = {value!r} is rejected by spaCy's Matcher ({reason})")
    return problems or [" ".join(message.split())]


def token_pattern_problems(pattern) -> list[str]:
    """Why ``pattern`` (a list of token dicts, as written in the catalog) cannot be a token cue;
    [] when spaCy's Matcher accepts it. Checked on a blank English vocabulary: no model needed."""
    if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
        return [f"must be a non-empty list of token tables, e.g. {EXAMPLE}, not {pattern!r}"]
    problems = []
    for i, token in enumerate(pattern, start=1):
        for key, value in token.items():
            if key == "_":
                problems.append(f"token {i}: custom attributes ('_') cannot be used in a catalog")
            elif key.upper() not in ATTRIBUTES:
                close = difflib.get_close_matches(key.upper(), ATTRIBUTES, n=1, cutoff=0.6)
                hint = f" (did you mean {close[0]!r}?)" if close else " (see spaCy's token attributes: LEMMA, LOWER, POS ...)"
                problems.append(f"token {i}: unknown attribute {key!r}{hint}")
            elif key.upper() == "LEMMA":
                for lemma in _lemma_values(value):
                    if lemma != lemma.lower():
                        problems.append(f"token {i}: LEMMA {lemma!r} must be written in lower case "
                                        "(lemmas are compared lower-cased)")
    if problems:
        return problems
    matcher = Matcher(_blank_vocab(), validate=True)
    try:
        matcher.add("cue", [pattern])
    except re.error as exc:
        return [f"a REGEX value does not compile ({exc})"]
    except ValueError as exc:  # spaCy's MatchPatternError is a ValueError, as are its other pattern errors
        return _matcher_problems(pattern, str(exc))
    return []


def needs_lemmas(pattern: list[dict]) -> bool:
    return any(key.upper() == "LEMMA" for token in pattern for key in token)


# ------------------------------------------------------------------ the matcher of a catalog

class CueMatcher:
    """The phrase and token cues of ``issues`` (catalog Issue records) in one Matcher over
    ``nlp.vocab``. Build it once per catalog: the phrases are lemmatized here."""

    def __init__(self, nlp: Language, issues):
        self.matcher = Matcher(nlp.vocab)
        self.labels: dict[int, tuple[int, str, int, bool]] = {}  # match id -> (order, issue, polarity, weak)
        lemmas = Lemmas(nlp)
        self.lemmas: Lemmas | None = None
        for issue in issues:
            groups: dict[tuple[int, bool], list[list[dict]]] = {}
            for cue in getattr(issue, "phrases", ()):
                groups.setdefault((cue.polarity, cue.weak), []).append(phrase_pattern(cue.phrase, nlp, lemmas))
                self.lemmas = lemmas
            for cue in getattr(issue, "tokens", ()):
                groups.setdefault((cue.polarity, cue.weak), []).append([dict(t) for t in cue.pattern])
                if needs_lemmas(cue.pattern):
                    self.lemmas = lemmas
            for (polarity, weak), patterns in groups.items():
                key = f"{issue.id}\x1f{polarity}\x1f{int(weak)}"
                try:
                    self.matcher.add(key, patterns)
                except (ValueError, KeyError, re.error) as exc:  # issues not from a checked catalog
                    raise CatalogError(f"Issue {issue.id!r}: a token pattern cannot be matched ({exc}); check the "
                                       "catalog with `python -m analysis catalog check FILE`.") from exc
                self.labels[nlp.vocab.strings[key]] = (len(self.labels), issue.id, polarity, weak)

    def __len__(self) -> int:
        return len(self.matcher)

    def __call__(self, doc: Doc) -> list[tuple[int, int, str, int, bool]]:
        """(start_char, end_char, issue id, polarity, weak) of every match, overlapping ones
        included, in text order."""
        if self.lemmas is not None:
            self.lemmas.fill(doc)
        found = []
        for match_id, start, end in self.matcher(doc):
            order, issue_id, polarity, weak = self.labels[match_id]
            found.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), order, issue_id, polarity, weak))
        found.sort()
        return [(s, e, issue_id, polarity, weak) for s, e, _, issue_id, polarity, weak in found]
