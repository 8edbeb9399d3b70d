"""Issue cues and stance in one sentence: which issues a span of text speaks to, and which way.

``find_claims(tokens, issues)`` takes the tokens of the region an actor is speaking in (a quote
or the clause after a speech verb) and yields Claim tuples. It matches the catalog cues, keeps
the longest of overlapping cues, then reads negators before the cue and reversing or
confirming predicates after it (analysis/data/stance.toml). It does not resolve what "it" or
"this goal" refers to: a sentence without a cue word gives nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, NamedTuple

from analysis.catalog import Issue
from analysis.lexicon import load
from analysis.verbs import verb_lemma

CLAUSE_BREAKS = {";", ":", "—", "–"}


class Claim(NamedTuple):
    issue: str
    stance: str  # support | oppose | neutral
    start_char: int
    end_char: int
    cue: str
    weak: bool
    flipped: bool
    confirmed: bool


@lru_cache(maxsize=1)
def _lexicon():
    data = load("stance")

    def phrases(key):
        return re.compile(r"\b(" + "|".join(re.escape(p) for p in data[key]) + r")\b", re.IGNORECASE)

    return {
        "negators": set(data["negators"]),
        "before": phrases("reversal_before"),
        "after": phrases("reversal_after"),
        "confirm": phrases("confirm_after"),
        "hedges": phrases("hedges"),
        "window": int(data["negation_window"]),
        "temporal": set(data["temporal"]),
        "frames": re.compile(r"\b(" + "|".join(re.escape(p) for p in data["frames_before"]) + r")\s+(an?|the)?\s*$",
                             re.IGNORECASE),
    }


def _presupposed(doc, cue_tokens) -> bool:
    """A cue that is the subject of its clause and opens with "any"/"every" is a frame, not a stance."""
    inside = {t.i for t in cue_tokens}
    heads = [t for t in cue_tokens if t.head.i not in inside or t.head.i == t.i]
    first = cue_tokens[0].i
    return bool(heads) and heads[0].dep_ in ("nsubj", "nsubjpass") and first > 0 and doc[first - 1].lower_ in ("any", "every")


def _new_clause(doc, i: int) -> bool:
    """"and argued", "but warned": a coordinated speech verb starts a new statement (while in
    "would freeze the conflict and reward Moscow" both verbs still describe the same subject)."""
    return (doc[i].lower_ in ("and", "but") and i + 1 < len(doc) and doc[i + 1].pos_ in ("VERB", "AUX")
            and bool(verb_lemma(doc[i + 1].text)))


def _matches(text: str, offset: int, issues: tuple[Issue, ...]):
    found = []
    for issue in issues:
        for cue in issue.cues:
            for m in cue.pattern.finditer(text):
                found.append((m.start() + offset, m.end() + offset, issue.id, cue))
    # Longest first; drop any match inside or overlapping a longer one already kept.
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept = []
    for f in found:
        if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
            kept.append(f)
    return sorted(kept)


def find_claims(span, issues: tuple[Issue, ...], lead=None) -> Iterator[Claim]:
    """Claims made in ``span`` (a spaCy Span or Doc slice).

    ``lead`` is an optional token range before the span that still belongs to the same clause
    (the speech verb itself, so "ruled out a ceasefire" reverses the cue).
    """
    if len(span) == 0:
        return
    lex = _lexicon()
    doc = span.doc
    text = span.text
    first = lead.start if lead is not None and lead.start <= span.start else span.start
    for start, end, issue_id, cue in _matches(text, span.start_char, issues):
        cue_span = doc.char_span(start, end, alignment_mode="expand")
        if cue_span is None or len(cue_span) == 0:
            continue
        cue_tokens = list(cue_span)
        c0, c1 = cue_tokens[0].i, cue_tokens[-1].i + 1
        # Clause start: the last clause break (";", ", and", "and <verb>") before the cue, never
        # before the lead.
        left_start = first
        for i in range(c0 - 1, first - 1, -1):
            if doc[i].text in CLAUSE_BREAKS or _new_clause(doc, i) or (
                doc[i].text == "," and i + 1 < c0 and doc[i + 1].lower_ in ("and", "but")
            ):
                left_start = i + 1
                break
        left = doc[max(left_start, c0 - lex["window"]):c0]
        wide_left = doc[max(left_start, c0 - lex["window"] - 2):c0]
        if any(t.lower_ in lex["temporal"] for t in doc[max(left_start, c0 - 2):c0]):
            continue  # "before the talks started": a time reference, not a claim
        if lex["frames"].search(doc[max(left_start, c0 - 5):c0].text):
            continue  # "in exchange for a ceasefire": the price named, not a stance taken
        right_end = c1
        while (right_end < span.end and right_end - c1 < 12 and doc[right_end].text not in CLAUSE_BREAKS | {",", "."}
               and not _new_clause(doc, right_end)):
            right_end += 1
        right = doc[c1:right_end]
        reversals = list(lex["before"].finditer(wide_left.text))
        in_reversal = {wide_left.start_char + i for m in reversals for i in range(m.start(), m.end())}
        # a negator inside a reversal phrase ("warned against") is counted once, with the phrase
        judged_after = len(lex["after"].findall(right.text))
        confirmed = bool(lex["confirm"].search(right.text))
        if not judged_after and not confirmed and _presupposed(doc, cue_tokens):
            continue  # "any peace deal must include guarantees": the claim is about the guarantees
        flips = sum(1 for t in left if t.lower_ in lex["negators"] and t.idx not in in_reversal)
        flips += len(reversals)
        flips += judged_after
        polarity = cue.polarity * (-1 if flips % 2 else 1)
        stance = "support" if polarity > 0 else "oppose"
        if lex["hedges"].search(wide_left.text):
            stance = "neutral"
        yield Claim(issue_id, stance, start, end, text[start - span.start_char:end - span.start_char],
                    cue.weak, flips > 0, confirmed)
