"""Issue cues and stance: which issues a stretch of speech speaks to, and which way.

Two pipeline components:

* ``issue_cues`` matches the catalog's cues once over the whole Doc (regular expressions on the
  text; plain-word phrases and token patterns with one spaCy Matcher, see analysis.cues) and keeps
  the longest of overlapping matches, whatever their kind: ``doc.spans["issue_cues"]``, label =
  issue id, kb_id = "support" or "oppose" (the cue's own polarity), id = "weak" for vaguer cues.
  With phrase cues or LEMMA patterns it also fills ``token.lemma_`` (lower-cased).
* ``stance`` reads, for every speech act of ``speaker_attribution``, the cues inside its region
  and decides the stance: negators before the cue, reversing verbs before it ("ruled out"),
  reversing or confirming predicates after it, the predicate that governs the cue through the
  dependency tree ("X's hopes of joining the alliance were unrealistic"), a negated attribution
  verb ("does not believe that ..."), hedges (neutral). A cue inside speech the speaker reports of
  someone else ("they tell us it will not be membership") is not the speaker's claim. Assigns
  ``doc._.claims``: (Speech, Claim) pairs, and ``doc.spans["claims"]`` (label issue, kb_id stance).

``find_claims(span, issues)`` runs the same reading on any span with the catalog's regex cues
(used by tests; phrase and token cues need a pipeline's lemmatizer, so only the ``issue_cues``
component matches them). Nothing here resolves what "it" or "this goal" refers to: a sentence
without a cue word gives nothing, except a generic noun judged as an act told before ("Y condemned
the move", "Y criticised the bloc's decision", ``_recalled_acts``), which becomes a cue of that act's
issue.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parser
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from analysis.catalog import Issue, catalog_toml, load_catalog, load_catalog_text
from analysis.components import doc_text
from analysis.cues import CueMatcher
from analysis.countries import country_code, country_name, demonym
from analysis.lexicon import data_cache, load, phrase_pattern
from analysis.people import add_government, ent_at, entity_actor
from analysis.speakers import (OWN_PRONOUNS, Speech, approving_forms, first_name_gender, names_participants,
                               participants_before, reversing_words, speech_kinds, under_obligation)
from analysis.verbs import forms, verb_lemma, written_forms

CUES_KEY, CLAIMS_KEY = "issue_cues", "claims"
# Dependencies that keep a cue inside the noun phrase or clause a predicate judges.
NOMINAL_PATH = {"pobj", "prep", "pcomp", "acl", "compound", "amod", "poss", "conj", "cc", "dobj", "appos",
                "nmod", "npadvmod", "relcl", "xcomp", "advcl"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
FIRST_PERSON = {"i", "we"}

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)

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


@data_cache()
def _lexicon():
    data = load("stance")

    def phrases(key):
        return phrase_pattern(data[key])

    return {
        "negators": set(data["negators"]) | {w.replace("'", "’") for w in data["negators"]},
        "not_negating": [p.split() for p in data["not_negating"]],
        # the verbs of "not deter", "not change" ...: a negator of one keeps the cue also at a distance
        "unchanging": {p.split()[1] for p in data["not_negating"] if len(p.split()) == 2
                       and p.split()[0] in ("not", "n't", "never")},
        "before": reversing_words(),
        "purpose": phrases("purpose_before"),
        "undoing": re.compile(r"\b((" + "|".join(re.escape(w) for w in data["undoing_nouns"]) + r")\s+(of|to|in|on|over)"
                              r"|(" + "|".join(re.escape(w) for w in data["undoing_participles"]) + r"))\b", re.IGNORECASE),
        "undoing_nouns": {w.lower() for w in data["undoing_nouns"]},
        "allegation": re.compile(r"\b(" + "|".join(re.escape(w) for w in data["allegation_nouns"]) + r")\s+(of|that|about)\b",
                                 re.IGNORECASE),
        "after": phrases("reversal_after"),
        "direct": {w.lower() for w in data["reversal_direct"]},
        "backing": {w.lower() for w in data["backing_gerunds"]},
        "case_dropping": {w.lower() for w in data["case_dropping"]},
        "case_nouns": set(data["case_nouns"]),
        "topic_heads": {w.lower() for w in data["topic_heads"]},
        "meeting_nouns": set(data["meeting_nouns"]),
        "meeting_content": set(data["meeting_content"]),
        "meeting_course": set(data["meeting_course"]),
        "meeting_holding": set(data["meeting_holding"]),
        "stopping": set(data["stopping_verbs"]),
        "absence": set(data["absence_verbs"]),
        # by stem: the pipeline has no lemmatizer
        "accusing": re.compile("(" + "|".join(data["accusing_stems"]) + r")\w*"),
        "confirm": phrases("confirm_after"),
        "threats": phrases("threats"),
        "hedges": phrases("hedges"),
        "harms": phrases("harms"),
        "window": int(data["negation_window"]),
        "harsh": {w.lower() for w in data["harsh"]} | {"illegitimate", "unlawful"},
        "temporal": set(data["temporal"]),
        "discussing": {w.lower() for w in data["discussing"]},
        "proposals": set(data["proposal_nouns"]),
        "rejectable": set(data["proposal_nouns"]) | set(data["view_nouns"]),
        "owned": set(data["proposal_nouns"]) | set(data["owned_nouns"]),
        "acts": set(data["act_nouns"]),
        "recalling": set(data["recalling_nouns"]),
        "ballots": set(data["ballot_nouns"]),
        "ballot_preps": {**{w: 1 for w in data["ballot_for"]}, **{w: -1 for w in data["ballot_against"]}},
        "voting": set(forms("vote")),
        "judging_against": written_forms(data["judging_against"]),
        "authoring": set(data["authoring_participles"]),
        "bodies": set(data["bodies"]),
        "approving": approving_forms(),
        "upholding": written_forms(data["upholding"]),
        "helping": {form for lemma in data["helping"] for form in forms(lemma)},
        "fear": set(data["fear_words"]),
        "fear_preps": set(data["fear_preps"]),
        "fear_carriers": set(data["fear_carriers"]) | set(data["proposal_nouns"]),
        "frames": re.compile(r"\b(" + "|".join(re.escape(p) for p in data["frames_before"]) + r")(\s+(an?|the|any))?\s*$",
                             re.IGNORECASE),
    }


def _presupposed(doc, cue_tokens) -> bool:
    """A cue opening with "any"/"every" that is the subject of its clause ("any peace deal must
    include guarantees") or hangs on a preposition ("NATO's involvement in any peace deal") is a
    frame for something else, not a stance on the cue."""
    inside = {t.i for t in cue_tokens}
    heads = [t for t in cue_tokens if t.head.i not in inside or t.head.i == t.i]
    first = cue_tokens[0].i
    return (bool(heads) and heads[0].dep_ in ("nsubj", "nsubjpass", "pobj") and first > 0
            and doc[first - 1].lower_ in ("any", "every"))


def _new_clause(doc, i: int) -> bool:
    """"and argued", "but warned": a coordinated speech verb starts a new statement (while in
    "would freeze the conflict and reward Moscow" both verbs still describe the same subject)."""
    if doc[i].lower_ not in ("and", "but") or i + 1 >= len(doc):
        return False
    following = doc[i + 1]
    # "said the court has no jurisdiction and that the operation will continue": a second
    # reported clause, so a negator of the first does not reach into it
    return (following.pos_ in ("VERB", "AUX") and bool(verb_lemma(following.text))) or following.lower_ == "that"


# The non-ASCII letters re.IGNORECASE takes for ASCII ones (tests/test_stance.py checks the list
# against the re module): folded to them, a text holds a cue's literal words wherever the cue matches.
FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _folded(text: str) -> str:
    return text.translate(FOLD).lower()


def _literal_words(items) -> frozenset[str] | None:
    """Lower-cased ASCII strings one of which every match of the parsed regex ``items`` contains
    (a run of literal characters, or each branch's own), or None when none is certain."""
    best, run = None, []

    def consider(words):
        nonlocal best
        if words and (best is None or (min(map(len, words)), -len(words)) > (min(map(len, best)), -len(best))):
            best = words

    for op, av in list(items) + [(None, None)]:
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        consider(frozenset(["".join(run)]) if run else None)
        run = []
        if op is _sre.SUBPATTERN:
            consider(_literal_words(av[3]))
        elif op is _sre.ATOMIC_GROUP:
            consider(_literal_words(av))
        elif op is _sre.BRANCH:
            branches = [_literal_words(b) for b in av[1]]
            if all(branches):
                consider(frozenset().union(*branches))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_literal_words(av[2]))
    return best


@lru_cache(maxsize=None)
def _needed(pattern: re.Pattern) -> tuple[frozenset[str] | None, int]:
    """(the strings one of which a text (``_folded``) must hold for ``pattern`` to match in it,
    or None when any text may match; the most characters a match spans)."""
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
        return _literal_words(parsed), parsed.getwidth()[1]
    except Exception:  # the re module's private parser changed: match every pattern everywhere
        return None, 0


def _regex_matches(text: str, offset: int, issues: tuple[Issue, ...]) -> list[tuple[int, int, str, int, bool]]:
    """(start_char, end_char, issue id, polarity, weak) of every regex cue match in ``text``.

    A cue whose literal words (``_needed``) are all absent from the text is not run: most cues
    are absent from most articles, and a substring test is far cheaper than the regex's scan.
    Nor is the text scanned where no match can start: a match holds one of the words and is at
    most so many characters wide, so none starts that far before the first word."""
    folded = _folded(text)  # as long as the text: its positions are the text's

    def scan_from(pattern) -> int | None:
        needed, widest = _needed(pattern)
        if needed is None:
            return 0
        found = [i for i in map(folded.find, needed) if i >= 0]
        return max(0, min(found) - widest) if found else None

    return [(m.start() + offset, m.end() + offset, issue.id, cue.polarity, cue.weak)
            for issue in issues for cue in issue.cues if (start := scan_from(cue.pattern)) is not None
            for m in cue.pattern.finditer(text, start)]


def _longest(found: list[tuple[int, int, str, int, bool]]) -> list[tuple[int, int, str, int, bool]]:
    """The longest of overlapping matches, in text order. Of two of the same length at the same
    place, the one listed first wins (regex cues are listed before phrase and token cues)."""
    ranked = sorted(enumerate(found), key=lambda f: (-(f[1][1] - f[1][0]), f[1][0], f[0]))
    taken: set[int] = set()  # characters covered by kept matches (cues are short: linear overall)
    kept = []
    for _, f in ranked:
        if not any(i in taken for i in range(f[0], f[1])):
            kept.append(f)
            taken.update(range(f[0], f[1]))
    return sorted(kept)


def _matches(text: str, offset: int, issues: tuple[Issue, ...]):
    return _longest(_regex_matches(text, offset, issues))


# Modals of a step that may or may not come: "could impose duties", "might send troops".
POSSIBILITY_MODALS = {"could", "might", "may"}
# What a clause may do, not what anyone wants: "the duties would hurt us" speculates about them.
SPECULATING_MODALS = POSSIBILITY_MODALS | {"would"}
# Nouns that weigh what a measure does: "the cost of these duties".
EFFECT_NOUNS = {"impact", "impacts", "effect", "effects", "consequence", "consequences", "cost", "costs"}


def _anaphoric_topic(cue_tokens) -> bool:
    """A cue that only names again what was named before ("the duties", "these planned
    duties on steel": a noun with such a determiner, a participle at most before it) and is what a
    clause speculates about ("the duties would wreck our farms", "these sanctions could hit the
    poorest regions") or whose effects are weighed ("study the cost of these duties"): the topic
    of the sentence, no stance taken on it."""
    noun = _cue_head(cue_tokens)
    if noun.pos_ != "NOUN" or any(t.i != noun.i for t in cue_tokens):
        return False
    children = list(noun.children)
    if not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in children) or not all(
            (c.dep_ in ("det", "predet") and c.lower_ in ANAPHORIC_DETS) or (c.dep_ == "amod" and c.tag_ == "VBN")
            or c.dep_ == "prep" for c in children):
        return False
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return any(c.dep_ == "aux" and c.lower_ in SPECULATING_MODALS for c in head.children)
    return noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in EFFECT_NOUNS


def _cue_head(cue_tokens):
    inside = {t.i for t in cue_tokens}
    heads = [t for t in cue_tokens if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads else cue_tokens[0]


def _claim_head(doc: Doc, claim: Claim) -> Token | None:
    """The head token of the cue a claim was read from (None when its characters make no tokens)."""
    span = doc.char_span(claim.start_char, claim.end_char, alignment_mode="expand")
    return _cue_head(list(span)) if span is not None and len(span) else None


FINITE = {"VBD", "VBZ", "VBP", "MD"}  # a finite verb starts another clause; "sending", "to reclaim" do not
SUBORDINATORS = {"if", "when", "unless", "because", "while", "whereas", "although", "though", "as"}


# marks of a clause that tells what happened meanwhile ("after"/"before" name the action that led to
# the reaction: "reacted with fury after the UK suspended arms licences" is the UK's stance; "while"
# sets another speaker against the first: "X said ..., while Y called for ...")
NARRATING = {"as", "when"}


def _narrated(cue_tokens) -> bool:
    """The cue is in a past-tense clause of its own attached to the sentence's main verb by a time
    word: "rejected the plan as the first aid convoy entered the city", "launched strikes as it
    rescued two hostages" narrate what happened meanwhile; the speaker takes no stance on it. A
    verb of saying heading that clause makes it a statement of its own ("as Y insisted that ...")."""
    head = _cue_head(cue_tokens)
    for verb in (head, *head.ancestors):
        if verb.dep_ == "advcl":
            return (verb.head.dep_ == "ROOT" and verb.tag_ == "VBD" and verb_lemma(verb.text) not in speech_kinds()[0]
                    and any(c.dep_ == "mark" and c.lower_ in NARRATING for c in verb.children)
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
                    and not any(c.tag_ == "MD" for c in verb.children))
    return False


def _describing_as(token, char_end: int) -> bool:
    """"as" heading a description of the object of the reversing verb that ends at ``char_end``:
    "rejected the plan as a sham" (not "such measures as tariffs", which lists examples, nor "ruled
    out sending soldiers as peacekeepers", where the "as" is the sending's)."""
    if token.lower_ != "as" or token.dep_ != "prep" or token.doc[token.i - 1].lower_ == "such":
        return False
    verb = token.head
    if verb.dep_ == "dobj" and verb.pos_ in ("NOUN", "PROPN", "PRON"):  # the parser may hang "as" on the object
        if any(c.lower_ == "such" for c in verb.children):
            return False
        verb = verb.head
    return (verb.pos_ == "VERB" and verb.i < token.i and verb.idx < char_end <= verb.idx + len(verb.text) + 12
            and any(c.dep_ == "dobj" and c.i < token.i for c in verb.children))


def _undone(cue_tokens, lex) -> bool:
    """The cue is what an undoing noun undoes: "the evasion of sanctions", "sanctions evasion",
    "violations of the truce" (stance.toml undoing_nouns). A judgement or a reversing verb on that
    noun ("... is unacceptable", "act against sanctions evasion") turns the undoing back, not the cue."""
    token = _cue_head(cue_tokens)
    if token.dep_ == "compound":
        return token.head.lower_ in lex["undoing_nouns"]
    return (token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in ("of", "on")
            and token.head.head.lower_ in lex["undoing_nouns"])


def _reaches_cue(doc, char_end: int, c0: int, lex) -> bool:
    """No finite verb or subordinating word stands between a reversing phrase (ending at
    ``char_end``) and the cue (starting at token ``c0``), nor a purpose phrase ("in a bid to")."""
    between = [t for t in doc[max(0, c0 - 12):c0] if t.idx >= char_end]
    if lex["purpose"].search(doc_text(doc)[char_end:doc[c0].idx]):
        return False
    # a coordinated verb starts its own action: "halt the aggression and secure lasting peace",
    # also when the cue opens with it ("lift the siege and let aid in"); a relative clause
    # describes the object ("opposes taxes that discriminate against ..."), it is not the object
    # a participle clause starts another act too: "criticised the plan, arguing that a truce would not
    # last", "rejected the idea, emphasizing Israel's right to defend itself" (the second action says
    # what the speaker holds instead)
    # "criticized the tariffs as violating trade rules", "condemned the move as a blow to talks": the
    # "as" phrase is the speaker's own description of the object, which the verb does not turn
    return not any((t.lower_ in SUBORDINATORS and t.dep_ == "mark") or t.tag_ in FINITE or t.tag_ in ("WDT", "WP")
                   or _describing_as(t, char_end)
                   or (t.pos_ == "VERB" and t.dep_ == "conj")
                   or (t.dep_ == "advcl" and (t.tag_ == "VBG" or (t.tag_ == "VBN" and t.i > 0 and doc[t.i - 1].text == ",")))
                   for t in between) and not (
        doc[c0].pos_ == "VERB" and doc[c0].dep_ == "conj" and doc[c0].idx >= char_end)


SUFFICIENCY = {"enough", "sufficient", "insufficient"}
CAUSATIVES = {"make", "makes", "made", "making", "render", "renders", "rendered", "rendering"}


def _made_by_another(doc, c0: int, start: int) -> bool:
    """The cue is the object of "make"/"render" ("it would make negotiations impossible", "rendered
    the sanctions meaningless"): the judging word after it blames the cause, not the cue."""
    i = c0 - 1
    while i >= start and i > c0 - 3 and doc[i].pos_ == "DET":
        i -= 1
    return i >= start and doc[i].lower_ in CAUSATIVES


def _run_on(doc, i: int) -> bool:
    """An ellipsis before a capital ("condemn the attack against X… X has the right to ..."): a
    quote that runs two sentences together, so a negator of the first stays there."""
    return doc[i].text in ("…", "...") and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()


def _clause_start(doc, c0: int, first: int) -> int:
    """Where the clause of the token at ``c0`` starts: after the last clause break (";", ", and",
    "and <verb>") before it, never before ``first`` (the lead)."""
    for i in range(c0 - 1, first - 1, -1):
        if doc[i + 1].is_sent_start:
            return i + 1  # a quote of several sentences: a negator of the one before stays there
        if doc[i].text in CLAUSE_BREAKS or _new_clause(doc, i) or _run_on(doc, i) or (
            doc[i].text == "," and i + 1 < c0 and doc[i + 1].lower_ in ("and", "but")
        ) or (doc[i].text == "," and _closes_condition(doc, i, first)):
            return i + 1
    return first


def _negated_conjunct(doc, cue_tokens, first: int, lex) -> int:
    """1 when the cue is a later item of a coordination whose first item a negator governs: "does
    not accept any plan that means losing land or freezing the war" negates the freezing too.
    "X but Y" sets Y apart, so the negation stays with X."""
    token = _cue_head(cue_tokens)
    if token.dep_ != "conj":
        return 0
    while token.dep_ == "conj" and token.head.i < token.i:
        if any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in token.head.children) or any(
                t.lower_ in ("but", "yet") for t in doc[token.head.i + 1:token.i]):
            return 0
        token = token.head
    if token.i < first:
        return 0
    c0 = token.i
    left = doc[max(_clause_start(doc, c0, first), c0 - lex["window"]):c0]
    condition = max((t.i for t in left if t.lower_ in SUBORDINATORS and t.dep_ == "mark"), default=-1)
    return int(any(_negates(doc, t, lex) and t.i > condition and not _not_negating(doc, t.i, lex)
                   and not _sibling_negator(t, [token]) for t in left))


def _negated_without(cue_tokens, first: int, counted: list, lex) -> int:
    """1 when the cue is what a negated clause cannot do without ("no talks can take place without
    Ukraine", "will not normalise relations with Y without a Palestinian state", "there will be no
    relations without a state"): the clause's negation turns the "without" back, the cue is
    required. The "without" opens the cue or is counted as its negator; the clause's negator (of
    its verb, or the "no" of the noun the "without" hangs on or of the verb's subject or object)
    adds a turn only when it is not counted yet (out of the window, or taken as an earlier cue's)."""
    if cue_tokens[0].lower_ == "without":
        without = cue_tokens[0]
    else:
        without = next((t for t in _cue_head(cue_tokens).ancestors if t.lower_ == "without" and t.dep_ == "prep"), None)
        if without is None or without not in counted:
            return 0
    governor = without.head
    nodes = [governor]
    if governor.pos_ not in ("VERB", "AUX") and governor.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"):
        nodes.append(governor.head)  # "normalise relations ... without": the verb over the object
    nouns = [c for n in nodes for c in n.children if c.dep_ in ("nsubj", "nsubjpass", "attr", "dobj")] + nodes
    negator = next((c for n in nodes + nouns for c in n.children if first <= c.i < without.i and (
        (c.dep_ == "neg" and c.lower_ in lex["negators"]) or (n in nouns and c.dep_ == "det" and c.lower_ == "no"))), None)
    return int(negator is not None and negator not in counted)


def _negates(doc, token, lex) -> bool:
    """A word that negates what follows: a negator ("not", "never", "no" ...) or "yet to"."""
    return token.lower_ in lex["negators"] or _yet_to(doc, token.i)


def _yet_to(doc, i: int) -> bool:
    """"has yet to approve the sanctions", "the only state yet to ratify the deal": "yet to" and a
    verb says the act has not happened, a negation like "not"."""
    return (doc[i].lower_ == "yet" and i + 2 < len(doc) and doc[i + 1].lower_ == "to" and doc[i + 2].tag_ == "VB"
            and not (i > 0 and doc[i - 1].lower_ in ("and", "but", "not", "n't")))


# Verbs whose negation affirms what they govern ("did not hesitate to impose sanctions").
AFFIRMED_UNDER_NEGATION = {"hesitate", "hesitated", "hesitates", "fail", "failed", "fails", "stop", "stopped", "stops",
                           "cease", "ceased", "ceases", "tire", "tired", "shy", "shied"}


def _negated_lead(verb) -> bool:
    """The speech verb is what a negated verb takes part in ("has not joined its neighbours in
    imposing sanctions", "did not take part in imposing")."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "in":
        head = head.head
    elif verb.dep_ != "xcomp":
        return False
    return (head.i != verb.i and head.pos_ in ("VERB", "AUX") and head.lower_ not in AFFIRMED_UNDER_NEGATION
            and any(c.dep_ == "neg" for c in head.children))


FEAR_PATH = {"pobj", "prep", "pcomp", "acl", "ccomp", "xcomp", "advcl", "dobj", "nsubj", "nsubjpass", "compound",
             "amod", "conj", "cc", "poss"}


def _feared(cue_tokens, first: int, lex) -> bool:
    """The cue is what a word of fear is about: "voiced concern that China will push for a
    ceasefire", "fears over the prospect of talks". Climbing from the cue through clauses,
    prepositions and nouns that only carry it ("the possibility", "calls for"); a relative clause
    describes its noun and is not itself feared, another noun ("concern over delays in aid") ends
    the climb; "concern for" is care, and a negated fear ("not worried about") is none. A fear
    straight about the cue's noun ("concerns about overcapacity") is not enough: such a noun may
    name the grievance itself; a clause or a carrying noun must stand between."""
    token = _cue_head(cue_tokens)
    if _viewed_with_fear(token, lex):
        return True
    inside = {t.i for t in cue_tokens}
    carried = False
    for _ in range(10):
        head = token.head
        if head.i == token.i or head.i < first or token.dep_ not in FEAR_PATH:
            return False
        if head.lower_ in lex["fear"]:
            if not carried or any(c.dep_ == "neg" or c.lower_ in ("no", "little") for c in head.children):
                return False
            return token.dep_ in ("ccomp", "acl") or (token.dep_ == "prep" and token.lower_ in lex["fear_preps"])
        if head.i not in inside:
            if head.pos_ in ("NOUN", "PROPN") and head.lower_ not in lex["fear_carriers"]:
                return False
            carried = carried or head.pos_ in ("VERB", "AUX", "NOUN", "PROPN")
        token = head
    return False


def _viewed_with_fear(token, lex) -> bool:
    """The cue is the object of a verb taken "with concern" or "with alarm": "note with concern the
    new export controls", "watched with alarm the build-up of sanctions"."""
    for _ in range(4):
        if token.dep_ == "dobj":
            verb = token.head
            return any(p.dep_ == "prep" and p.lower_ == "with" and any(
                o.dep_ == "pobj" and o.lower_ in lex["fear"] and not any(c.dep_ == "neg" for c in o.children)
                for o in p.children) for p in verb.children)
        if token.dep_ not in ("compound", "amod", "conj", "appos") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _in_purpose_clause(negator, cue_tokens) -> bool:
    """The cue is in the purpose clause of the verb the negator negates, after that verb's object
    ("will not give up its land to join NATO"): what is refused is the act, not its purpose."""
    return _purpose_of(negator.head, cue_tokens)


def _reversal_purpose(doc, char: int, cue_tokens) -> bool:
    """The cue is in the purpose clause of the reversing verb starting at ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span is not None and _purpose_of(span[0], cue_tokens)


def _purpose_of(verb, cue_tokens) -> bool:
    """The cue is in the purpose clause ("to ...") of ``verb``, after the verb's object. Not an
    infinitive right after an object that names a proposal ("dismissed calls to tighten sanctions"):
    that tells what is proposed, whatever the parser hangs it on."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    for token in [_cue_head(cue_tokens), *_cue_head(cue_tokens).ancestors]:
        if token.head.i == verb.i and token.i != verb.i:
            to = next((c for c in token.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            return (token.dep_ == "advcl" and token.i > objects[0].i and to is not None
                    and not (objects[0].lower_ in _lexicon()["proposals"] and to.i == objects[0].i + 1))
    return False


def _not_negating(doc, i: int, lex) -> bool:
    """"nothing but", "not only": a negator that intensifies instead; "if Russia does not leave
    the occupied territories": a negated condition names what the speaker demands."""
    for words in lex["not_negating"]:
        if (doc[i].lower_.replace("’", "'") == words[0]
                and [t.lower_.replace("’", "'") for t in doc[i:i + len(words)]] == words):
            return True
    return (_in_negated_condition(doc, i) or _waived_on_condition(doc[i]) or _unstopped(doc[i], lex)
            or _unchanging(doc[i], lex))


def _unchanging(negator, lex) -> bool:
    """The negator negates a verb of the phrases above that it does not stand next to: "the threats
    are not going to deter our support" (through "going to"), "would not significantly alter our
    aid" (past an adverb). Found on the parse: the negated verb, or the verb its "to" clause heads."""
    if negator.dep_ != "neg":
        return False
    verb = negator.head
    for _ in range(3):
        if verb.pos_ == "VERB" and verb.lower_ in lex["unchanging"]:
            return True
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if verb is None:
            return False
    return False


def _unstopped(negator, lex) -> bool:
    """"will never stop calling for a ceasefire", "would not cease pressing for talks": a negated
    verb of stopping with a gerund keeps that act going; the negator turns back the stopping, not
    the call. Not a stopping of a thing ("would not stop military operations")."""
    head = negator.head
    return (negator.dep_ == "neg" and head.lower_ in lex["stopping"]
            and any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in head.children))


def _waived_on_condition(negator) -> bool:
    """"would not go ahead with the tariffs if borders were secured": a step the speaker would
    forgo only if a condition (itself not negated) is met is the step held meanwhile, not refused."""
    verb = negator.head
    if negator.dep_ != "neg" or verb.pos_ not in ("VERB", "AUX"):
        return False
    for clause in verb.children:
        if (clause.dep_ == "advcl" and clause.i > verb.i
                and any(c.dep_ == "mark" and c.lower_ == "if" for c in clause.children)
                and not any(t.dep_ == "neg" for t in clause.subtree)):
            return True
    return False


def _closes_condition(doc, comma: int, first: int) -> bool:
    """The comma at ``comma`` ends a fronted "if"/"when"/"unless" clause ("even if talks do not
    start, sanctions will stay"): what the clause negates does not reach the main clause."""
    for j in range(comma - 1, max(first - 1, comma - 12), -1):
        if doc[j].is_punct:
            return False
        if doc[j].lower_ in SUBORDINATORS and doc[j].dep_ == "mark":
            return True
    return False


def _in_negated_condition(doc, i: int) -> bool:
    """The negator at ``i`` is the one of an "if" clause ("talks only if Moscow does not ...",
    "if we do not send weapons, ..."): nothing but the condition's subject and verb between."""
    for j in range(i - 1, max(-1, i - 8), -1):
        token = doc[j]
        if token.lower_ == "if":
            return j == 0 or doc[j - 1].lower_ not in ("what", "even", "as")
        if token.is_punct or token.lower_ in SUBORDINATORS or token.lower_ in ("that", "and", "but", "or"):
            return False
    return False


def _threatened(doc, cue_tokens, lex) -> bool:
    """"If Israel proceeds with an offensive, we will stop the arms deliveries": the cue sits in an
    "if" clause whose main clause threatens (analysis/data/stance.toml threats); the speaker opposes it."""
    head = _cue_head(cue_tokens)
    for clause in (head, *head.ancestors):
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "if" for c in clause.children):
            own = {t.i for t in clause.subtree}
            main = " ".join(t.text for t in clause.head.subtree if t.i not in own)
            return bool(lex["threats"].search(main))
    return False


EVENT_PATH = {"pobj", "prep", "dobj", "compound", "amod", "conj", "cc", "nmod", "appos", "npadvmod", "poss"}


def _described_event(cue_tokens, lead, lex) -> bool:
    """A vague cue is a place in a past event someone else made: "as Russia invaded the
    territories", "referendums that took place in these territories", "the army has recaptured half
    of the territories". Climbing from the cue through its noun phrase and prepositions to the
    verb: a past tense (or "has" + participle) with a subject that is not "I"/"we" tells what
    happened, not what the speaker wants; a judging adverb ("illegally annexed"), a verb of speech
    ("has criticized assistance for Ukraine"), a reversing verb ("lifted the duties") or the act
    reported of the speaker (``lead``) still is a stance."""
    token = _cue_head(cue_tokens)
    for _ in range(8):
        if token.dep_ not in EVENT_PATH or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            break
    else:
        return False
    if (verb_lemma(token.text) in speech_kinds()[0] or lex["before"].fullmatch(token.text)
            or (lead is not None and lead.start <= token.i < lead.end)):
        return False  # "has criticized assistance for Ukraine", "lifted the duties": the speaker's own act
    past = token.tag_ == "VBD" or (token.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in token.children))
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    return (past and bool(subjects) and subjects[0].lower_ not in FIRST_PERSON
            and not any(c.dep_ == "advmod" and c.lower_.removesuffix("ly") in lex["harsh"]
                        for c in token.children))


QUESTION_VERBS = {"ask", "question"}


def _question_topic(cue_tokens) -> bool:
    """The cue is what a question put to someone was about: "when asked about future talks, X said
    it depends", "were disapproving when asked about the tariff increase". The topic of the
    question is no stance; the answer is (an "Asked whether ..." question keeps its clause)."""
    token = _cue_head(cue_tokens)
    for _ in range(6):
        if token.dep_ not in ("pobj", "conj", "compound", "amod", "prep", "nmod", "cc", "appos"):
            return False
        token = token.head
        if (token.dep_ == "prep" and token.lower_ in ("about", "on", "over", "regarding")
                and token.head.pos_ in ("VERB", "AUX") and verb_lemma(token.head.text) in QUESTION_VERBS):
            return True
    return False


# not "what": mostly a free relative ("retreating from what he called a principled position")
WH_WORDS = {"which", "how", "who", "whom"}


def _indirect_question(cue_tokens, first: int) -> bool:
    """The cue is in an indirect question: "would not comment on which countries are considering
    sending troops", "asked which side wants talks", "debated how the bloc can respond to the duties".
    What is asked or left open is no stance (nor is "how important sanctions are" a question: the
    wh-word there belongs to an adjective). "discussed how to send more weapons" presupposes the
    sending: an infinitive after "how" is no open question."""
    token = _cue_head(cue_tokens)
    for verb in (token, *token.ancestors):
        if verb.i < first or verb.dep_ in ("relcl", "ROOT", "advcl", "acl"):
            return False
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ccomp", "pcomp", "xcomp") or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            continue
        edge = verb.left_edge
        for wh in (edge, verb.doc[edge.i - 1] if edge.i > 0 else edge):
            if (wh.i >= first and wh.lower_ in WH_WORDS and wh.tag_ in ("WDT", "WP", "WRB")
                    and (wh.head in (verb, verb.head) or (wh.dep_ == "det" and wh.head.head == verb))):
                return True
    return False


def _names_body(cue_tokens, lex) -> bool:
    """The cue only qualifies a noun that names a body or its people: "the UN aid agency", "aid
    workers were killed", "the bloc's sanctions envoy" say who someone is, not a stance."""
    head = _cue_head(cue_tokens)
    return (head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i
            and head.head.lower_ in lex["bodies"] and head.head.i >= cue_tokens[-1].i + 1)


def _in_time_phrase(cue_tokens, lex) -> bool:
    """The cue hangs (through nouns and coordination) on a time preposition: "after months of
    training and political negotiations"."""
    token = _cue_head(cue_tokens)
    for _ in range(5):
        if token.dep_ not in ("pobj", "conj", "compound", "amod", "prep", "nmod", "cc"):
            return False
        token = token.head
        if token.dep_ == "prep" and token.lower_ in lex["temporal"]:
            return True
    return False


def _earlier_clause_negator(negator, cue_tokens) -> bool:
    """"the current truce is not enough and a permanent ceasefire is necessary": a negator of the
    first of two coordinated clauses, each with its own subject, stays in its clause and does not
    reach a cue of the second."""
    verb = _cue_head(cue_tokens)
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return (verb.pos_ in ("VERB", "AUX") and verb.dep_ == "conj" and verb.head.i == negator.head.i
            and negator.i < verb.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _sibling_negator(negator, cue_tokens) -> bool:
    """"urged it not to stop there, to go further and introduce tariffs": a "not" of a verb the cue
    does not hang from (through objects, complements and clauses, not across "and" to another verb)
    negates that verb's own clause, not the cue in a clause beside it. A cue that is itself a later
    verb of a negated coordination ("did not sign and ratify it") is ``_negated_conjunct``'s."""
    if negator.dep_ != "neg" or negator.head.pos_ not in ("VERB", "AUX"):
        return False
    token = _cue_head(cue_tokens)
    for _ in range(12):
        if token.i == negator.head.i:
            return False
        if token.dep_ == "conj" or token.head.i == token.i:
            break
        token = token.head
    return token.i != negator.head.i


def _party_against(negator, cue_tokens) -> bool:
    """"filed the complaint against Norland at the tribunal": an "against" whose object is a party named
    before the cue only says whom the act is aimed at; it turns a cue inside its object ("voted
    against the resolution", "spoke out against sanctions"), not one after it."""
    if negator.lower_ != "against" or negator.dep_ != "prep":
        return False
    objects = [c for c in negator.children if c.dep_ == "pobj"]
    cue = {t.i for t in cue_tokens}
    return bool(objects) and all(o.right_edge.i < min(cue) and not cue & {t.i for t in o.subtree} for o in objects)


def _absence_named(negator, cue_tokens, lex) -> bool:
    """"the text does not include a ceasefire", "we did not have any humanitarian support", "made
    no mention of a ceasefire": a negated including, having or mentioning of the cue names a lack,
    a complaint, and does not turn the cue. "Have" only with "any" or "enough" on the cue ("does
    not have the right to ..." stays denied), and only for the cue as the verb's own object ("do
    not have plans to send troops" stays refused)."""
    head = _cue_head(cue_tokens)
    if negator.dep_ == "neg":
        verb = negator.head
        if head.dep_ != "dobj" or head.head.i != verb.i or verb.lower_ not in lex["absence"]:
            return False
        return verb.lower_ not in ("have", "has", "had") or any(c.lower_ in ("any", "enough") for c in head.children)
    mention = negator.head
    return (negator.lower_ == "no" and mention.lower_ == "mention" and head.dep_ == "pobj"
            and head.head.lower_ == "of" and head.head.head.i == mention.i)


def _negated_governor(doc, cue_tokens, far, condition: int, in_reversal: set, lex) -> int:
    """1 when a negator beyond the window (``far``) negates the verb whose phrase holds the cue
    ("not to vote in favour of such tariffs"): the cue hangs on that verb through nominal and
    prepositional links only; else 0."""
    for t in far:
        if (t.dep_ != "neg" or t.lower_ not in lex["negators"] or t.idx in in_reversal or t.i <= condition
                or _not_negating(doc, t.i, lex) or _absence_named(t, cue_tokens, lex)):
            continue
        token = _cue_head(cue_tokens)
        for _ in range(8):
            if token.i == t.head.i:
                return 1
            if token.dep_ not in NOMINAL_PATH - {"advcl", "relcl", "acl", "conj", "cc", "appos"} or token.head.i == token.i:
                break
            token = token.head
    return 0


def _governing_predicate(doc, cue_tokens, stop: int):
    """The verb whose subject contains the cue ("[hopes of joining NATO] were unrealistic"), found
    by climbing nominal dependencies from the cue's head; None when the cue is not in a subject."""
    token = _cue_head(cue_tokens)
    for _ in range(10):
        head = token.head
        if head.i == token.i or head.i < stop:
            return None
        if token.dep_ in SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
            return head
        if token.dep_ not in NOMINAL_PATH:
            return None
        token = head
    return None


def _extraposed_judge(cue_tokens, stop: int):
    """(the judging words, the negator of their verb or None, the "consider" verb of a small clause or
    None) when the cue is in an infinitive that an adjective or noun judges through an "it" that
    stands for it: "it would be a mistake to lift sanctions", "it is unacceptable to impose new
    duties", "considers it pathetic to deliver weapons". None otherwise."""
    token = _cue_head(cue_tokens)
    for _ in range(8):
        head = token.head
        if head.i == token.i or head.i < stop:
            return None
        if (token.pos_ in ("VERB", "AUX") and token.dep_ in ("xcomp", "acl", "ccomp", "advcl") and head.i < token.i
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
            if head.pos_ in ("VERB", "AUX"):  # the parser may hang the infinitive on "is" or "considers" itself
                head = next((c for c in head.children if c.dep_ in ("acomp", "attr", "ccomp", "oprd") and c.i < token.i
                             and c.pos_ in ("ADJ", "NOUN")), None)
                if head is None:
                    return None
            if head.pos_ not in ("ADJ", "NOUN"):
                return None
            verb = head.head
            if head.dep_ in ("acomp", "attr") and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children):
                inner = {t.i for t in token.subtree}
                words = [t for t in head.subtree if t.i not in inner]
                return " ".join(t.text for t in words), next((c for c in verb.children if c.dep_ == "neg"), None), None
            if (head.dep_ in ("ccomp", "oprd", "xcomp") and verb.lower_ in ("consider", "considers", "considered", "considering")
                    and any(c.dep_ in ("nsubj", "dobj") and c.lower_ == "it" for c in (*head.children, *verb.children))):
                inner = {t.i for t in token.subtree}
                words = [t for t in head.subtree if t.i not in inner and t.lower_ != "it"]
                return " ".join(t.text for t in words), next((c for c in verb.children if c.dep_ == "neg"), None), verb
            return None
        if token.dep_ not in NOMINAL_PATH | {"dobj"}:
            return None
        token = head
    return None


def _words(text: str) -> list[str]:
    """The words of a matched phrase, a contracted "n't" apart from the word it hangs on
    ("wouldn't work" -> would, n't, work)."""
    return re.findall(r"\w+?(?=n['’]t\b)|n['’]t|\w+", text)


def _negated_predicate(predicate, cue_tokens, c1: int, after_match, confirmed: bool, polarity: int, lex) -> int:
    """1 when the verb that judges the cue in its subject is negated and the negation is not yet
    counted: "sanctions will not be lifted" (a reversing predicate, negated), "the transfer of
    weapons will not help", "new sanctions will not stop Russia" (the cue, acting, will fail).
    A judging phrase that holds the negator itself ("not realistic") has counted it; a confirming
    one ("not negotiable") turns nothing. Without a judging phrase only an active prediction (a
    modal) counts: a negated event ("aid has not arrived") describes, a negated passive ("must
    not be changed") says only what is not done to the cue, and a negated end ("aid will not
    stop") is a continuation. A cue that names an act with contempt ("appeasement will not stop
    him", "the illegal annexation will never stand") is left as it is: its failure agrees with it."""
    if predicate is None or predicate.i < c1 or confirmed or not any(c.dep_ == "neg" for c in predicate.children):
        return 0
    if after_match is not None:
        words = _words(after_match.group().lower())
        return int(not any(w.replace("’", "'") in lex["negators"] for w in words))
    if polarity < 0 or any(t.lower_ in lex["harsh"] for t in cue_tokens) or predicate.pos_ != "VERB" or not any(c.dep_ == "aux" and c.tag_ == "MD" for c in predicate.children):
        return 0
    head = _cue_head(cue_tokens)
    subject = next((c for c in predicate.children if c.dep_ in SUBJECT_DEPS
                    and c.left_edge.i <= head.i <= c.right_edge.i), None)
    if subject is None or subject.dep_ != "nsubj" or any(c.dep_ == "auxpass" for c in predicate.children):
        return 0
    objects = any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in predicate.children)
    return int(objects or predicate.lower_ not in ENDINGS)


# Intransitive verbs whose negation is a continuation: "support for Ukraine will not waver".
ENDINGS = {"stop", "end", "cease", "change", "waver", "fade", "diminish", "weaken", "falter", "wane", "decline",
           "decrease", "disappear", "dwindle", "flag", "slow", "go"}


def _rejected_proposal(doc, cue_tokens, stop: int, lex) -> bool:
    """The cue is the content of a proposal that a reversing verb takes as its object: "vetoed
    the resolution that called for an immediate ceasefire", "rejected a proposal to lift the
    duties". Found by climbing from the cue through nominal and clausal links (relative clause,
    participle, infinitive) to a proposal noun; the verb governing it must be a reversing one. A
    noun of a stated view counts as one ("rejected the envoy's comments on sending troops"), and so
    does its author's relative clause ("dismissed the stance taken by the general, who urged ...")."""
    token = _cue_head(cue_tokens)
    own = True  # still the cue itself or an item listed with it: "rejected two demands - X and Y"
    for _ in range(8):
        head = token.head
        if head.i == token.i or head.i < stop:
            return False
        proposal = token.dep_ in ("dobj", "nsubjpass") and token.lower_ in lex["rejectable"]
        object_of = proposal or (token.dep_ == "dobj" and own and bool(lex["before"].fullmatch(head.text)))
        if (token.dep_ == "pobj" and token.lower_ in lex["proposals"] and head.lower_ in ("over", "against", "to", "at")
                and head.head.i != head.i):  # "protested over the decision calling for ...", "objected to the plan"
            head, object_of = head.head, True
        if not object_of and token.dep_ == "advcl" and token.tag_ == "VBG":
            # "vetoed a resolution on Friday demanding a ceasefire": a participle hung on the verb past
            # a time or place phrase still tells the proposal's content, when no comma sets it apart
            # and it has no subject or marker of its own ("rejected the plan, calling for talks" is not)
            proposal_noun = next((c for c in head.children if c.dep_ == "dobj" and c.i < token.i
                                  and c.lower_ in lex["proposals"]), None)
            object_of = proposal_noun is not None and not any(
                t.is_punct for t in doc[proposal_noun.i + 1:token.i]) and not any(
                c.dep_ in ("nsubj", "mark", "aux") for c in token.children)
        if object_of:
            if any(c.dep_ == "amod" and lex["undoing"].fullmatch(c.text) for c in token.children):
                return False  # "criticised the postponed decision on the supply of tanks": the hold-up is turned back
            negated = any(c.dep_ == "neg" or c.lower_ in lex["negators"] for c in head.children) or (
                head.i >= 2 and doc[head.i - 2].lower_ == "no" and doc[head.i - 1].lower_ == "longer")
            return bool(lex["before"].fullmatch(head.text)) and not negated  # "no longer opposed the idea"
        if token.dep_ not in NOMINAL_PATH | {"relcl", "acl", "xcomp", "ccomp", "appos", "agent"}:
            return False
        own = own and token.dep_ in ("conj", "appos")
        token = head
    return False


def _blocked_block(doc, char: int, counted: int, negated: int, stop: int, lex) -> bool:
    """The reversing word at ``char`` that reaches a cue ("a bill to prevent the agency from working",
    "a motion to stop arms shipments") lies in what a reversing verb takes as its object
    ("condemned the approval of a bill to ..."), or in what a vote goes against ("voted against a
    motion to ..."), which stands before the tokens where reversing words (from ``counted``) or
    negators (from ``negated``, "against") were already counted, and not before ``stop``. Climbed
    through nominal links and the clause that hangs on a noun; any other verb on the way ends the
    climb."""
    token = next((t for t in doc[max(0, counted - 1):] if t.idx >= char), None)
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return False
    for _ in range(10):
        head = token.head
        if head.i == token.i or head.i < stop or token.dep_ not in NOMINAL_PATH - {"advcl", "conj", "cc"}:
            return False
        if token.dep_ == "prep" and token.lower_ in lex["ballot_preps"] and lex["ballot_preps"][token.lower_] < 0:
            return head.lower_ in lex["voting"] and token.i < negated
        if head.pos_ in ("VERB", "AUX"):
            return (token.dep_ in ("dobj", "xcomp") and head.i < counted and bool(lex["before"].fullmatch(head.text))
                    and not any(c.dep_ == "neg" for c in head.children))
        token = head
    return False


def _unhelped(cue_tokens, first: int, lex) -> bool:
    """The cue is what a negated verb of helping says a third thing does not help: "the arms deliveries
    will not help the talks", "his remarks did not help with de-escalation". The clause judges its
    subject as an obstacle; the speaker takes no stance on the cue there. A first-person subject
    ("we will not help the talks") is the speaker's own refusal."""
    below = _cue_head(cue_tokens)
    for verb in below.ancestors:
        if verb.i < first:
            return False
        if verb.pos_ in ("VERB", "AUX"):
            clause = verb.head if verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) else verb
            subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)  # "were grave and did not help"
            return (verb.lower_ in lex["helping"] and any(c.dep_ == "neg" for c in verb.children)
                    and subject is not None and subject != below and subject.lower_ not in FIRST_PERSON)
        below = verb
    return False


def _topic_only(cue_tokens, lex) -> bool:
    """The cue is what a question, dispute or review is about: "asked about the tariff increase",
    "a dispute with China over wine tariffs", "the review of barley duties"."""
    head = _cue_head(cue_tokens)
    prep = head.head
    return (head.dep_ == "pobj" and prep.lower_ in ("about", "over", "of", "on", "regarding", "concerning")
            and prep.head.i != prep.i and prep.head.lower_ in lex["topic_heads"])


def _discussed_only(cue_tokens, lex) -> bool:
    """The cue is only what talks, a discussion or a review deal with (stance.toml discussing): the
    object of such a noun's "about"/"over"/"on" ("negotiations over the levies"), or the object or
    passive subject of such a verb ("the duties were not discussed", "time to review the tariffs")."""
    head = _cue_head(cue_tokens)
    governor = head.head
    if head.dep_ == "pobj" and governor.lower_ in ("about", "over", "on", "regarding", "concerning"):
        return governor.head.i != governor.i and governor.head.pos_ == "NOUN" and governor.head.lower_ in lex["discussing"]
    return head.dep_ in ("dobj", "nsubjpass") and governor.pos_ == "VERB" and governor.lower_ in lex["discussing"]


def _meeting_told(cue_tokens, lex) -> bool:
    """The cue is a meeting the sentence reports, not talks anyone argues for (stance.toml
    meeting_*): the subject of a verb telling what the talks dealt with ("the talks covered
    energy") or, in a past tense, how they went ("the negotiations had begun on Monday"); the
    object of a verb holding or previewing them, as a participle beside a clause or a noun
    ("said so, holding talks with partners", "a statement previewing the talks") or in a past
    tense ("talks were held in the capital"). A modal keeps the stance: "talks must begin",
    "will hold talks" want or plan them."""
    noun = _cue_head(cue_tokens)
    verb = noun.head
    if noun.lower_ not in lex["meeting_nouns"] or verb.i == noun.i or verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    word = verb.lower_
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in verb.children))
    if noun.dep_ == "nsubj":
        return word in lex["meeting_content"] or (past and word in lex["meeting_course"])
    if word not in lex["meeting_holding"]:
        return False
    if noun.dep_ == "dobj":
        return past or (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl")
                        and not any(c.dep_ == "aux" for c in verb.children))
    return noun.dep_ == "nsubjpass" and past


def _dropped_case(cue_tokens, stop: int, lex) -> bool:
    """The cue is inside a legal case that a verb drops or pauses: "suspended its complaint over
    the duties", "will abandon its WTO challenge", "withdrew a complaint it filed with the WTO".
    Found by climbing from the cue's head through nominal and clausal links to a case noun that is
    the object of such a verb."""
    token = _cue_head(cue_tokens)
    for _ in range(8):
        head = token.head
        if head.i == token.i or head.i < stop:
            return False
        if token.dep_ in ("dobj", "nsubjpass") and token.lower_ in lex["case_nouns"]:
            return head.lower_ in lex["case_dropping"]
        # the forum told beside the verb: "suspended its complaint over the duties at the WTO"
        if (token.dep_ == "prep" and token.lower_ in ("at", "with", "before", "in") and head.lower_ in lex["case_dropping"]
                and any(c.dep_ == "dobj" and c.lower_ in lex["case_nouns"] for c in head.children)):
            return True
        if token.dep_ not in NOMINAL_PATH | {"relcl", "acl"}:
            return False
        token = head
    return False


def _blamed_conjunct(cue_tokens, stop: int, lex) -> bool:
    """The cue is (the object of) a later gerund in a list a reversing verb blames someone for:
    "criticised Y for delivering weapons and providing aid" blames the aid too."""
    token = _cue_head(cue_tokens)
    verb = token.head if token.dep_ == "dobj" else token
    if verb.tag_ != "VBG" or verb.dep_ != "conj":
        return False
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    prep = first.head
    return (first.tag_ == "VBG" and first.dep_ == "pcomp" and prep.lower_ == "for" and prep.head.i >= stop
            and bool(lex["before"].fullmatch(prep.head.text)))


def _accused_act(doc, cue_tokens, reaching, base: int, polarity: int, lex) -> bool:
    """The act that turns the cue around is what someone is blamed for: "accused Y of rejecting a
    ceasefire deal", "criticises Y for blocking efforts to cease hostilities", "blamed Y for obstructing
    aid" (the cue opening with the act). The blame turns it back: the accuser wants what was
    rejected. Counted once: a blaming verb that reaches the cue as a reversal of its own already has."""
    acts = []
    for m in reaching:
        span = doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
        if span is not None and len(span):
            acts.append(span[0])
    if polarity < 0 and cue_tokens[0].pos_ == "VERB":
        acts.append(cue_tokens[0])
    for act in acts:
        prep = act.head
        if not (act.dep_ == "pcomp" and act.tag_ == "VBG" and prep.lower_ in ("of", "for") and prep.head.i != prep.i):
            continue
        accuser = prep.head
        if accuser.pos_ == "VERB" and lex["accusing"].fullmatch(accuser.lower_):
            return not any(base + m.start() <= accuser.idx < base + m.end() for m in reaching)
    return False


def _owned_proposal(doc, start_char: int, end_char: int, lex, pronouns: bool = False):
    """(actor, proposal noun) when the cue is the content of a named actor's proposal ("Y's call
    for a ceasefire", "Y's threat to suspend military aid", "China's plan") or a measure with its
    author after a participle ("the tariff proposed by Y"): climbing from the cue through nominal
    and clausal links to a proposal noun with a possessive person. None otherwise."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = _cue_head(list(span))
    for _ in range(8):
        # any measure with its author told: "the 25% tariff proposed by Y" is Y's, whoever reacts to it
        if token.lower_ in lex["owned"] or any(c.dep_ == "acl" and c.lower_ in lex["authoring"]
                                               and any(g.dep_ == "agent" for g in c.children) for c in token.children):
            name = _proposal_owner(token, lex) or (_pronoun_owner(token) if pronouns else "")
            return (name, token) if name else None
        head = token.head
        if head.i == token.i or token.dep_ not in NOMINAL_PATH | {"relcl", "acl", "xcomp"}:
            return None
        token = head
    return None


def _approved(noun, lex) -> bool:
    """The proposal noun is the object of an approving verb ("welcomed the decision by Y to send
    aid", "praised Y's plan"): the speaker takes its content as their own."""
    head = noun.head
    return noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lower_ in lex["approving"] and not any(
        c.dep_ == "neg" or c.lower_ in lex["negators"] for c in head.children)


def _pronoun_owner(noun) -> str:
    """"Y, straight off a trip where his pleas for more aid went unheard": a "his"/"her" owner is
    the nearest person named before it in the sentence whose first name does not say otherwise."""
    doc = noun.doc
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS), None)
    if owner is None:
        return ""
    for i in range(owner.i - 1, owner.sent.start - 1, -1):
        name = doc._.person_at.get(i)
        if name and first_name_gender(name) in ("", OWN_PRONOUNS[owner.lower_]):
            return name
    return ""


def _own_government(doc, owner: str, own: frozenset) -> bool:
    """The proposal's owner is the government of a country the speakers speak for (``own``):
    "Berg said Norland's demands ..." is still the speaker's."""
    owner_actor = doc._.actors.get(owner)
    return owner_actor is not None and owner_actor.actor_type == "government" and owner_actor.country in own


def _proposal_owner(noun, lex) -> str:
    """Who a proposal noun belongs to: a possessive person ("Y's call"); else the author after a
    participle ("the resolution drafted by Algeria", "a plan outlined by Y") or a country or body
    before the noun ("the Algerian draft", "the UAE resolution"). "" when none is named."""
    doc = noun.doc
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        if owner.i in doc._.person_at:
            return doc._.person_at[owner.i]
        ent = ent_at(doc, owner.i)  # "China's proposal": a country owns it too
        return entity_actor(ent) if ent is not None and ent.label_ == "GPE" else ""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i == noun.i + 1:
            # "a proposal by the Commission to ...", "a plan from Y": the author right after the noun
            for author in (c for c in child.children if c.dep_ == "pobj"):
                if author.i in doc._.person_at:
                    return doc._.person_at[author.i]
                ent = ent_at(doc, author.i)
                if ent is None:
                    ent = next((ent_at(doc, c.i) for c in author.children if c.dep_ == "compound" and ent_at(doc, c.i)), None)
                return entity_actor(ent) if ent is not None and ent.label_ in ("GPE", "ORG") else ""
        if child.dep_ == "acl" and child.lower_ in lex["authoring"]:
            for agent in (c for c in child.children if c.dep_ == "agent"):
                for author in (c for c in agent.children if c.dep_ == "pobj"):
                    if author.i in doc._.person_at:
                        return doc._.person_at[author.i]
                    ent = ent_at(doc, author.i)
                    return entity_actor(ent) if ent is not None and ent.label_ in ("GPE", "ORG") else ""
    for child in noun.children:
        # a country only: "a Security Council resolution" is put to the council, not its own
        if child.dep_ in ("compound", "amod") and child.i < noun.i and child.ent_type_ in ("GPE", "NORP"):
            code = demonym(child.text) or country_code(child.text)
            if len(code) == 3:
                return add_government(doc, code)
    return ""


def _predicate_text(verb) -> str:
    """The words that judge the subject: the verb with its complements and negation."""
    parts = [verb]
    for child in verb.children:
        if child.dep_ in ("acomp", "attr", "oprd", "xcomp", "neg", "dobj", "ccomp", "advmod", "aux", "prep"):
            parts.extend(child.subtree)
    return " ".join(t.text for t in sorted(set(parts), key=lambda t: t.i))


def _own_side(subject, own: frozenset) -> bool:
    """The subject names the country the speaker speaks for ("Norway opposes ..." in a Norwegian
    minister's quote): the speaker's own voice, no third party."""
    if not own:
        return False
    words = " ".join(t.text for t in subject.subtree if t.dep_ != "det")
    return (country_code(words) or "") in own


def _reported_inside(doc, cue_tokens, region, own: frozenset = frozenset()) -> bool:
    """The cue sits in what a third party is said to say inside the speaker's quote ("they tell us
    it will not be membership"): that is the third party's claim, not the speaker's. ``own``: the
    countries the speakers speak for, whose name as that subject is the speaker's own voice."""
    kinds, _ = speech_kinds()
    token = _cue_head(cue_tokens)
    for head in token.ancestors:
        if head.i < region.start or head.i >= region.end:
            return False
        if head.pos_ in ("VERB", "AUX") and verb_lemma(head.text) in kinds:
            if under_obligation(head):
                return False  # "all parties must allow access": the speaker demands it, no third party's word
            subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
            # a subject outside the quote is the frame's ("his government “does not want to ...”")
            # "“The two presidents agreed that ...,” the minister said" after a meeting is told: the quote
            # is theirs (speakers.participants_before), no third party's word
            return (bool(subjects) and subjects[0].lower_ not in FIRST_PERSON and region.start <= subjects[0].i < region.end
                    and not _own_side(subjects[0], own)
                    and not (names_participants(subjects[0]) and participants_before(subjects[0])))
    return False


INNER_QUOTES = {"‘": "’", "'": "'"}


def _voiced_inside(doc, c0: int, region) -> bool:
    """The cue sits in a quote inside the speaker's quote that holds a whole clause ("a phony
    off-ramp, by which I mean, ‘Oh, let's have a ceasefire’", "the proposal is in the style of
    ‘we are ready for talks if ...’"): the speaker mimics or cites another voice. A quoted term
    ("a ‘frozen conflict’") is still the speaker's."""
    opener = None
    for i in range(region.start, c0):
        token = doc[i]
        if opener is None and token.text in INNER_QUOTES and (i == 0 or doc[i - 1].whitespace_ or doc[i - 1].is_punct):
            opener = i
        elif opener is not None and token.text == INNER_QUOTES[doc[opener].text]:
            opener = None
    if opener is None:
        return False
    end = next((i for i in range(c0, region.end) if doc[i].text == INNER_QUOTES[doc[opener].text]), region.end)
    inner = doc[opener + 1:end]
    return len(inner) >= 4 and any(t.pos_ in ("VERB", "AUX") for t in inner)


def find_claims(span, issues: tuple[Issue, ...], lead=None, direct: bool = False) -> Iterator[Claim]:
    """Claims made in ``span`` (a spaCy Span or Doc slice), matching the catalog's cues in it.

    ``lead`` is an optional token range before the span that still belongs to the same clause
    (the speech verb itself, so "ruled out a ceasefire" reverses the cue).
    """
    if len(span) == 0:
        return iter(())
    return claims_in(span, _matches(span.text, span.start_char, issues), lead, direct)


def claims_in(span, matches, lead=None, direct: bool = False, own: frozenset = frozenset(),
              frame: int | None = None, tail: int | None = None) -> Iterator[Claim]:
    """Claims of the cue ``matches`` (start_char, end_char, issue, polarity, weak) inside ``span``;
    ``own``: the countries its speakers speak for; ``frame``: where the clause a quoted fragment
    continues starts (its negators reach into the fragment); ``tail``: where a quoted fragment that
    ends the clause after ``span`` ends (its judging words reach back to the cue)."""
    lex = _lexicon()
    doc = span.doc
    first = lead.start if lead is not None and lead.start <= span.start else span.start
    if frame is not None:
        first = min(first, frame)
    lead_negated = lead is not None and (any(c.dep_ == "neg" for c in doc[lead.start].children)
                                         or (lead.start >= 2 and _yet_to(doc, lead.start - 2)))
    # "has not joined its neighbours in imposing sanctions": negated through the verb above the lead,
    # for what the lead itself governs (not "... and has refused requests to supply ammunition")
    lead_governed = lead is not None and not lead_negated and _negated_lead(doc[lead.start])
    for start, end, issue_id, polarity, weak in matches:
        cue_span = doc.char_span(start, end, alignment_mode="expand")
        if cue_span is None or len(cue_span) == 0:
            continue
        cue_tokens = list(cue_span)
        c0, c1 = cue_tokens[0].i, cue_tokens[-1].i + 1
        # an accusation of harm stays one when the harm is rejected or judged (stance.toml: harms),
        # and so does a cue that names its object with contempt ("condemned the sham referendums",
        # "rejected appeasement"): the condemnation agrees with it. Not a cue that opens with a verb
        # of its own ("refused to recognise the sham votes": the recognising is refused)
        harm = (polarity < 0 and bool(lex["harms"].search(cue_span.text))) or (
            cue_tokens[0].pos_ not in ("VERB", "AUX") and any(t.lower_ in lex["harsh"] for t in cue_tokens))
        left_start = _clause_start(doc, c0, first)
        left = doc[max(left_start, c0 - lex["window"]):c0]
        wide_left = doc[max(left_start, c0 - lex["window"] - 2):c0]
        if any(t.lower_ in lex["temporal"] for t in doc[max(left_start, c0 - 2):c0]) or _in_time_phrase(cue_tokens, lex):
            continue  # "before the talks started", "after months of negotiations": a time reference
        if _names_body(cue_tokens, lex):
            continue  # "the aid agency", "aid workers": who someone is
        if _question_topic(cue_tokens):
            continue  # "when asked about future talks": what was asked, not what was answered
        if _indirect_question(cue_tokens, first):
            continue  # "would not comment on which countries are sending troops": an open question, no stance
        if weak and _described_event(cue_tokens, lead, lex):
            continue  # "as Russia invaded the territories": where something happened, no stance
        if lex["frames"].search(doc[max(left_start, c0 - 5):c0].text) or _narrated(cue_tokens):
            continue  # "in exchange for a ceasefire": the price named, not a stance taken
        if direct and (_reported_inside(doc, cue_tokens, span, own) or _voiced_inside(doc, c0, span)):
            continue
        if _unhelped(cue_tokens, first, lex):
            continue  # "the deliveries will not help the talks": the deliveries are judged, not the talks
        if _topic_only(cue_tokens, lex):
            continue  # "asked about the tariff increase": the topic of a question or dispute, no stance
        if weak and _discussed_only(cue_tokens, lex):
            continue  # "negotiations over the tariffs": a vague cue as what is talked over, no stance
        if _dropped_case(cue_tokens, first, lex):
            continue  # "suspended its WTO complaint over the duties": a step in the procedure, no stance
        if _meeting_told(cue_tokens, lex):
            continue  # "the talks covered energy", "holding talks with partners": the meeting reported, no stance
        right_end, right_limit = c1, max(span.end, tail or 0)
        while (right_end < right_limit and right_end - c1 < 12 and doc[right_end].text not in CLAUSE_BREAKS | {",", "."}
               and not _new_clause(doc, right_end)):
            right_end += 1
        right = doc[c1:right_end]
        reversals = list(lex["before"].finditer(wide_left.text))
        in_reversal = {wide_left.start_char + i for m in reversals for i in range(m.start(), m.end())}
        # a negator inside a reversal phrase ("warned against") is counted once, with the phrase
        after_match = lex["after"].search(right.text)
        judged_after = int(bool(after_match))  # "absurd and outrageous" judge once
        if judged_after and (harm or _made_by_another(doc, c0, left_start)):
            judged_after = 0  # "the offensive would make negotiations impossible": it is the offensive that is blamed
        confirmed = bool(lex["confirm"].search(right.text))
        predicate = _governing_predicate(doc, cue_tokens, first)
        if not judged_after and not confirmed:
            if predicate is not None and predicate.i >= c1:
                judged = _predicate_text(predicate)
                after_match = lex["after"].search(judged)
                judged_after = int(bool(after_match)) and not harm
                confirmed = bool(lex["confirm"].search(judged))
        small_clause = None  # the "consider" of "considers it pathetic to ...": a judgement, no hedge
        if not judged_after and not confirmed and (predicate is None or predicate.i < c1):
            extraposed = _extraposed_judge(cue_tokens, first)
            if extraposed is not None:
                judged, negator, small_clause = extraposed
                after_match = lex["after"].search(judged)
                judged_after = int(bool(after_match)) and not harm
                # "it is not a mistake to ...": the negation turns the judgement back; within the
                # window it is counted as a negator before the cue already, and a judging phrase
                # that holds it ("it is not realistic to ...") counts it once
                if judged_after and negator is not None:
                    counted = negator.i >= max(left_start, c0 - lex["window"])
                    holds = any(w.replace("’", "'") in lex["negators"]
                                for w in _words(after_match.group().lower()))
                    judged_after = 0 if counted and holds else 2 if not counted and not holds else 1
                confirmed = bool(lex["confirm"].search(judged))
        if not judged_after and not confirmed and _presupposed(doc, cue_tokens):
            continue  # "any peace deal must include guarantees": the claim is about the guarantees
        if not judged_after and not confirmed and _anaphoric_topic(cue_tokens):
            continue  # "since the duties would wreck our farms": named again as the topic
        if predicate is not None and predicate.i >= c1 and any(
                c.dep_ == "acomp" and c.lower_ in SUFFICIENCY and any(g.dep_ in ("xcomp", "prep") for g in c.children)
                for c in predicate.children):
            continue  # "a ceasefire will not be enough to lift sanctions": measured for another end, no stance on it
        # a negator before a subordinate clause the cue is in stays in the main clause ("no
        # talks unless Russia withdraws its troops")
        condition = max((t.i for t in left if t.lower_ in SUBORDINATORS and t.dep_ == "mark"), default=-1)
        # "no ground troops, no soldiers on its soil": a negator of an earlier cue in a list is that cue's
        # "measures against the evasion of sanctions": what negates or judges an undoing noun turns
        # the undoing back, not the cue it undoes
        undone = _undone(cue_tokens, lex)
        negators = [t for t in left if not undone and _negates(doc, t, lex) and t.idx not in in_reversal
                    and t.i > condition and not _not_negating(doc, t.i, lex) and not _absence_named(t, cue_tokens, lex)
                    and not _earlier_clause_negator(t, cue_tokens) and not _sibling_negator(t, cue_tokens)
                    and not _party_against(t, cue_tokens)
                    and not (t.dep_ == "det" and t.head.idx < start and any(s <= t.head.idx < e for s, e, *_ in matches))
                    and not _in_purpose_clause(t, cue_tokens)]
        flips = len(negators)
        if not flips:
            flips = _negated_conjunct(doc, cue_tokens, first, lex)
        if not flips:
            flips += _negated_governor(doc, cue_tokens, doc[left_start:max(left_start, c0 - lex["window"])], condition,
                                       in_reversal, lex)
        flips += _negated_without(cue_tokens, first, negators, lex)
        # a reversing verb counts when nothing but the cue's own phrase follows it ("ruled out
        # sending troops"), not across a verb or a condition ("to end the war if it gives up land")
        # "prevent" reaches no cue across another verb ("prevent Russia from circumventing sanctions") but a
        # gerund of backing ("prevent Y from supporting sanctions": stance.toml backing_gerunds)
        # nor does a reversing verb reach its own purpose clause ("give up land to join NATO")
        reaching = [m for m in reversals if _reaches_cue(doc, wide_left.start_char + m.end(), c0, lex)
                    and not (m.group().lower() in lex["direct"] and any(
                        t.pos_ == "VERB" and t.idx >= wide_left.start_char + m.end() and t.lower_ not in lex["backing"]
                        for t in doc[max(0, c0 - 12):c0]))
                    and not _reversal_purpose(doc, wide_left.start_char + m.start(), cue_tokens)]
        if reaching and any(lex["allegation"].search(doc_text(doc)[wide_left.start_char + m.end():start]) for m in reversals):
            continue  # "rejects claims of a lack of cooperation": the accuser's words, denied
        # "oppose any violations of trade rules": the reversing verb turns the violation back, not the cue
        reached = sum(1 for m in reaching if not undone
                      and not lex["undoing"].search(doc_text(doc)[wide_left.start_char + m.end():start]))
        flips += not harm and (reached or _rejected_proposal(doc, cue_tokens, first, lex)
                               or _blamed_conjunct(cue_tokens, first, lex))
        flips += not harm and _accused_act(doc, cue_tokens, reaching, wide_left.start_char, polarity, lex)
        # "condemned the adoption by the assembly of a law to prevent the agency from working": the block
        # that reaches the cue is itself what a reversing verb or a vote against takes, too far back to
        # be counted above; the two blocks turn each other back
        flips += not harm and bool(reached) and any(
            _blocked_block(doc, wide_left.start_char + m.start(), wide_left.start, left.start, first, lex) for m in reaching)
        if reached and judged_after and right.text and after_match is not None and after_match.string == right.text and any(
                _describing_as(t, wide_left.start_char + m.end()) and t.head.i < c1
                and t.idx < right.start_char + after_match.start() for t in right for m in reaching):
            judged_after = 0  # "rejected new sanctions as counterproductive": the description says the rejection again
        flips += 0 if undone else judged_after  # "the evasion of sanctions is unacceptable": the evasion is judged
        flips += _negated_predicate(predicate, cue_tokens, c1, after_match if judged_after else None, confirmed, polarity,
                                    lex)
        # "fear that talks would only reward aggression": the judging predicate already says what is feared
        flips += not judged_after and not harm and _feared(cue_tokens, first, lex)
        flips += lead_negated  # "does not believe that ...", "has not ruled out ..."
        flips += lead_governed and (_cue_head(cue_tokens).i == lead.start
                                    or any(t.i == lead.start for t in _cue_head(cue_tokens).ancestors))
        flips += _threatened(doc, cue_tokens, lex)
        value = polarity * (-1 if flips % 2 else 1)
        stance = "support" if value > 0 else "oppose"
        # a condition the speaker sets names a demand ("ready to talk on condition that Kyiv renounces
        # NATO membership"): only a hedge of the cue's own clause makes it tentative
        if any(m.group().lower() not in CONDITIONS and not (small_clause is not None and small_clause.idx == wide_left.start_char + m.start())
               for m in lex["hedges"].finditer(wide_left.text)):
            stance = "neutral"
        # the cue's words from its own (expanded) span: Doc.text would join the whole document
        # for every claim
        yield Claim(issue_id, stance, start, end, cue_span.text[start - cue_span.start_char:end - cue_span.start_char],
                    weak, flips > 0, confirmed)


CONDITIONS = {"only if", "on condition", "provided that"}


ANAPHORIC_DETS = {"the", "these", "those", "such"}


def _definite_noun(cue: Span):
    """The bare definite noun inside a cue ("introduction of [the tariffs]", "such duties"): a
    noun with nothing but such a determiner, which points back to what was named before."""
    for token in cue:
        children = list(token.children)
        if (token.pos_ == "NOUN" and children and all(c.lower_ in ANAPHORIC_DETS and c.dep_ in ("det", "amod", "predet")
                                                      for c in children)):
            return token
    return None


def _same_word(a: str, b: str) -> bool:
    return a == b or a.rstrip("s") == b.rstrip("s")


def _answered(noun, cue: Span) -> bool:
    """The noun is what the cue's verb answers: the object of "against" / "over" inside the cue."""
    return any(t.dep_ == "prep" and t.lower_ in ("against", "over") and cue.start <= t.i < cue.end
               for t in noun.ancestors if t.i >= cue.start)


def _names_country(cue: Span) -> bool:
    return any(t.ent_type_ in ("GPE", "NORP") for t in cue)


def _resolve_definite(spans: list[Span]) -> list[Span]:
    """A cue whose noun is a bare definite mention ("voted against the tariffs") speaks of what
    the nearest earlier cue with that noun named ("tariffs on cars from <country>"): it takes that
    cue's issue, keeping its own polarity and strength; a cue naming a country of its own keeps its
    issue, and so does one whose earlier cue names none, itself or through its own earlier cue ("the
    trade deal", "retaliatory tariffs"): that cue told what was said of the thing, not which thing
    it is, and this cue says its own ("rejected the deal" is a view of the deal, not of the talks).
    Cues in text order; chains resolve in turn."""
    resolved: list[Span] = []
    placed: set[int] = set()  # indexes in resolved of the cues that name a country, or take one's issue
    for cue in spans:
        noun = _definite_noun(cue)
        # a cue that names a country itself ("the tariffs block China's push") needs no antecedent
        if _names_country(cue):
            placed.add(len(resolved))
        elif noun is not None:
            # a noun the earlier cue answers ("retaliate against the steel tariffs") names what is
            # answered, not that cue's issue
            before = next((i for i in reversed(range(len(resolved))) if resolved[i].end <= cue.start
                           and any(_same_word(t.lower_, noun.lower_) and not _answered(t, resolved[i])
                                   for t in resolved[i] if t.pos_ == "NOUN")),
                          None)
            if before is not None and before in placed:
                placed.add(len(resolved))
                if resolved[before].label_ != cue.label_:
                    cue = Span(cue.doc, cue.start, cue.end, label=resolved[before].label_, kb_id=cue.kb_id_,
                               span_id=cue.id_)
        resolved.append(cue)
    return resolved


def _bare_noun(cue: Span):
    """The cue is a noun and nothing more, or only its determiner ("opposed starting [talks]",
    "the decision to start [the talks]"): a mention that names nothing of its own."""
    nouns = [t for t in cue if t.pos_ in ("NOUN", "PROPN")]
    if len(nouns) != 1 or any(t.pos_ not in ("DET", "NOUN", "PROPN") for t in cue):
        return None
    noun = nouns[0]
    # a noun its own words qualify ("talks with Moscow", "Russia's talks") names something itself
    # ("starting talks" parsed as a modifier is the verb, not a kind of talks)
    if any((c.dep_ in ("prep", "compound", "amod", "nmod", "poss", "appos", "nummod") and c.tag_ != "VBG")
           or (c.dep_ in ("det", "predet") and c.lower_ not in ANAPHORIC_DETS) for c in noun.children):
        return None
    return noun


RECALL_SENTENCES = 3  # how far back a bare noun looks for what it names


def _recent_sentences(sent: Span) -> list[Span]:
    """``sent`` and the RECALL_SENTENCES before it, nearest first: where a noun that names
    something again looks for what it names."""
    sents = [sent]
    while len(sents) <= RECALL_SENTENCES and sents[-1].start > 0:
        sents.append(sent.doc[sents[-1].start - 1].sent)
    return sents


def _drop_other_sense(spans: list[Span], issues) -> list[Span]:
    """A bare noun cue ("start talks") speaks of what the nearest earlier mention of that noun,
    in its sentence or the three before, named: when that mention is no cue ("accession talks",
    "talks on EU membership" the catalog leaves out: the word alone would be a cue of that issue,
    its context made it none), the bare one is none either."""
    if not spans:
        return spans
    doc = spans[0].doc
    covered = {i for s in spans for i in range(s.start, s.end)}
    kept = []
    for cue in spans:
        noun = _bare_noun(cue)
        if noun is not None:
            back = _recent_sentences(noun.sent)[-1].start
            earlier = next((t for t in reversed(doc[back:cue.start])
                            if t.pos_ == "NOUN" and _same_word(t.lower_, noun.lower_)), None)
            if earlier is not None and earlier.i not in covered and any(
                    issue == cue.label_ and start == 0 and end == len(earlier.text)
                    for start, end, issue, *_ in _regex_matches(earlier.text, 0, issues)):
                continue
        kept.append(cue)
    return kept


RECALLING_DETS = ANAPHORIC_DETS | {"this", "that"}
SIDE_CLAUSES = {"acl", "relcl", "advcl"}
ACTING_DEPS = {"nsubj", "nsubjpass", "agent"}  # where a sentence names who acts


def _recalling_sign(noun, lex) -> int:
    """``noun`` names again an act told before: a generic noun of stance.toml recalling_nouns with
    nothing but a determiner of RECALLING_DETS or its owner ("the bloc's decision", "its plan"),
    the object of a verb that judges it. 1 for an approving or upholding verb ("welcomed this
    decision", "defended its decision"), -1 for one that judges against (stance.toml
    judging_against: "rejected the plan", "denounced the move"), 0 for anything else: "the plan to
    send tanks" or "the trade deal" name the act in their own words, "announced the plan" or
    "vetoed the move" judge nothing."""
    verb = noun.head
    if not (noun.pos_ == "NOUN" and noun.lower_ in lex["recalling"] and noun.dep_ == "dobj" and verb.i < noun.i
            and verb.pos_ == "VERB" and any(c.dep_ in ("det", "poss") for c in noun.children)
            and all(c.dep_ == "poss" or (c.dep_ in ("det", "predet") and c.lower_ in RECALLING_DETS)
                    for c in noun.children)):
        return 0
    return _judging_sign(verb, lex)


def _judging_sign(verb, lex) -> int:
    """1 when ``verb`` approves or upholds what it governs ("welcomed", "defended", "backed"), -1
    when it judges against it (stance.toml judging_against: "rejected", "denounced"), else 0."""
    if verb.lower_ in lex["approving"] or verb.lower_ in lex["upholding"]:
        return 1
    return -1 if verb.lower_ in lex["judging_against"] else 0


def _ballot_sign(noun, lex):
    """(sign, verb) when ``noun`` names again a text put to a vote (stance.toml ballot_nouns, with
    nothing but a determiner of RECALLING_DETS) and ``verb`` casts a vote on it: 1 for "voted for
    the resolution", "voted in favour of the draft", "backed the motion" or "the resolution was
    supported by ...", -1 for "voted against the resolution", "rejected the draft" or "the motion
    was opposed by ..."; (0, None) for anything else ("the resolution calling for a truce" names
    what it asks for in its own words)."""
    if not (noun.pos_ == "NOUN" and noun.lower_ in lex["ballots"] and any(c.dep_ == "det" for c in noun.children)
            and all((c.dep_ in ("det", "predet") and c.lower_ in RECALLING_DETS) or c.dep_ in ("cc", "conj")
                    for c in noun.children)):
        return 0, None
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in lex["ballot_preps"]:
        verb = head.head
        if head.lower_ == "of":  # "in favour of": the noun of favour under "in", under the verb
            if verb.lower_ not in ("favour", "favor") or verb.head.lower_ != "in":
                return 0, None
            verb = verb.head.head
        if verb.pos_ == "VERB" and verb.lower_ in lex["voting"] and verb.i < noun.i:
            return lex["ballot_preps"][head.lower_], verb
        return 0, None
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and (sign := _judging_sign(head, lex)):
        return sign, head
    return 0, None


def _cue_path(cue: Span) -> list:
    """The cue's head and every token above it, up to its sentence's root."""
    head = _cue_head(cue)
    return [head, *head.ancestors]


def _in_main_clause(cue: Span) -> bool:
    """The cue is told by its sentence's main clause, not inside a clause of its own under it ("a
    warning that it could jeopardize the truce")."""
    return not any(t.dep_ in SIDE_CLAUSES or (t.dep_ == "ccomp" and t.head.pos_ == "NOUN") for t in _cue_path(cue))


def _outside_relative(cue: Span) -> bool:
    """The cue is not told by a relative clause ("a move that risks a trade war")."""
    return not any(t.dep_ == "relcl" for t in _cue_path(cue))


def _recalled_sentence(spans: list[Span], noun) -> tuple[Span, list[Span]]:
    """The sentence that tells the act ``noun`` (judged by its head verb) names again, with its cues
    in a main clause: its own sentence before the verb, or the nearest of the RECALL_SENTENCES
    before that holds any. A noun owned by a named actor ("the bloc's decision") names that
    actor's act: the nearest such sentence whose subject or agent names the owner, if one does,
    with its cues anywhere but in a relative clause (what the owner announced it would do is
    its act; "a move that risks a trade war" is not)."""
    verb = noun.head
    owner = next((c.lower_ for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
    sents = [(noun.sent, verb.i)] + [(sent, sent.end) for sent in _recent_sentences(noun.sent)[1:]]

    def cues(sent, end, told=_in_main_clause):
        return [c for c in spans if c.start >= sent.start and c.end <= end and told(c)]

    if owner is not None:
        for sent, end in sents:
            named = cues(sent, end, _outside_relative)
            if named and any(t.lower_ == owner and any(a.dep_ in ACTING_DEPS for a in (t, *t.ancestors))
                             for t in sent):
                return sent, named
    return next(((sent, cues(sent, end)) for sent, end in sents if cues(sent, end)), (noun.sent, []))


def _recalled_acts(doc: Doc, spans: list[Span]) -> list[Span]:
    """Cues for generic nouns that name an act told before, with the verb that judges them
    (``_recalling_sign``: "X imposed duties on steel. Y condemned the move."): the act is the one
    the nearest cues before the verb name in a main clause (``_in_main_clause``), in its own
    sentence or the nearest of the RECALL_SENTENCES before that holds any. The new
    cue ("condemned the move") takes that act's issue, supported by an approving verb, opposed by one
    that judges against. Only an act read as a step taken on one issue counts: nothing when those
    cues read as more than one issue or stance, or against it, or turned, or with a harsh word
    ("lifted the sanctions", "called the polls a sham" may answer another act). Cues in text order."""
    lex = _lexicon()
    covered = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for noun in doc:
        sign = _recalling_sign(noun, lex) if noun.i not in covered else 0
        verb = noun.head
        if not sign or any(i in covered for i in range(verb.i, noun.i)):
            continue
        sent, earlier = _recalled_sentence(spans, noun)
        if not earlier:
            continue
        claims = list(claims_in(sent, _cue_matches(earlier)))
        read = {(c.issue, c.stance) for c in claims}
        # the act is a step taken on the issue ("imposed sanctions", "sought arrest warrants"); a
        # reading against it, turned ("lifted the sanctions") or judged ("called the polls a sham")
        # may be a reaction itself, to an act it does not name: the noun is left alone
        if not claims or read != {(claims[0].issue, "support")} or any(
                c.flipped or any(t.lower_ in lex["harsh"] for t in doc.char_span(
                    c.start_char, c.end_char, alignment_mode="expand")) for c in claims):
            continue
        issue, stance = claims[0].issue, "support" if sign > 0 else "oppose"
        weak = all(c.id_ == "weak" for c in earlier if c.label_ == issue)
        added.append(Span(doc, verb.i, noun.i + 1, label=issue, kb_id=stance, span_id="weak" if weak else ""))
    added += _ballots_cast(doc, spans, covered, lex)
    return sorted(spans + added, key=lambda s: s.start) if added else spans


def _cue_matches(cues) -> list[tuple[int, int, str, int, bool]]:
    """Cue spans as ``claims_in`` reads them: (start_char, end_char, issue, polarity, weak)."""
    return [(c.start_char, c.end_char, c.label_, 1 if c.kb_id_ == "support" else -1, c.id_ == "weak") for c in cues]


def _introduced_text(spans: list[Span], noun, lex) -> tuple[Span | None, list[Span]]:
    """The sentence that first tells the text ``noun`` names again, with the cues that say what it
    asks for: the nearest sentence before (or its own sentence before the noun) that names a text
    of the same kind with "a"/"an" ("The council called for a truce in a resolution", "adopted a
    draft calling for ..."), with its cues in a main clause or inside that text's own phrase. (None,
    []) when no such sentence is near: what a sentence in between says of the text may be
    anyone's reading of it."""
    for sent in _recent_sentences(noun.sent):
        end = noun.i if sent.start == noun.sent.start else sent.end
        texts = [t for t in sent if t.i < end and t.lower_ in lex["ballots"]
                 and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)]
        if texts:
            inside = {t.i for text in texts for t in text.subtree}
            return sent, [c for c in spans if c.start >= sent.start and c.end <= end
                          and (_in_main_clause(c) or _cue_head(c).i in inside)]
    return None, []


def _ballots_cast(doc: Doc, spans: list[Span], covered: set[int], lex) -> list[Span]:
    """Cues for a vote cast on a text named again (``_ballot_sign``: "The assembly called for a
    ceasefire in a resolution. Y voted against the resolution."): the text asks for what the cues
    of the sentence that first tells it name (``_introduced_text``), read as they are there, turned
    or not ("called for an end to arms sales" asks against the sales); a vote for the text takes
    each issue so read with its stance, a vote against it the other stance. Nothing when an issue
    reads both ways."""
    added = []
    for noun in doc:
        sign, verb = _ballot_sign(noun, lex) if noun.i not in covered else (0, None)
        if not sign:
            continue
        start, end = min(verb.i, noun.i), max(verb.i, noun.i) + 1
        if any(i in covered for i in range(start, end)):
            continue
        sent, earlier = _introduced_text(spans, noun, lex)
        if not earlier:
            continue
        read: dict[str, set[str]] = {}
        for claim in claims_in(sent, _cue_matches(earlier)):
            read.setdefault(claim.issue, set()).add(claim.stance)
        for issue, stances in read.items():
            if len(stances) != 1 or stances == {"neutral"}:
                continue
            asked = 1 if stances == {"support"} else -1
            weak = all(c.id_ == "weak" for c in earlier if c.label_ == issue)
            added.append(Span(doc, start, end, label=issue, kb_id="support" if sign * asked > 0 else "oppose",
                              span_id="weak" if weak else ""))
    return added


class IssueCues:
    """Marks every catalog cue in the Doc: ``doc.spans["issue_cues"]`` (see the module docstring).

    Regex cues are matched on the text, phrase and token cues by one spaCy Matcher
    (analysis.cues); the longest of overlapping matches is kept across all three kinds.
    ``use_issues(issues)`` swaps the catalog in a loaded pipeline (a draft catalog previewed
    without loading the model again); ``to_disk``/``from_disk`` save and restore the issues in use
    as a catalog file."""

    def __init__(self, nlp: Language, name: str, catalog: str | None):
        self.name = name
        self.catalog = catalog
        self._nlp = nlp
        self.use_issues(load_catalog(catalog))

    @property
    def issues(self) -> tuple[Issue, ...]:
        return self._state[0]

    def use_issues(self, issues) -> None:
        """Match ``issues`` (a catalog's Issue records) from now on. The matcher is built here,
        once; the swap is one assignment, so a Doc being processed meanwhile sees the old catalog
        or the new one, never a mix."""
        issues = tuple(issues)
        matcher = CueMatcher(self._nlp, issues) if any(i.phrases or i.tokens for i in issues) else None
        self._state = (issues, matcher)  # one assignment: __call__ reads both from the same catalog

    def __call__(self, doc: Doc) -> Doc:
        issues, matcher = self._state
        found = _regex_matches(doc_text(doc), 0, issues)
        if matcher is not None:
            found += matcher(doc)
        spans = []
        for start, end, issue_id, polarity, weak in _longest(found):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(Span(doc, span.start, span.end, label=issue_id,
                                  kb_id="support" if polarity > 0 else "oppose", span_id="weak" if weak else ""))
        if doc.has_annotation("DEP"):
            spans = _recalled_acts(doc, _drop_other_sense(_resolve_definite(spans), issues))
        doc.spans[CUES_KEY] = spans
        return doc

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "catalog.toml").write_text(catalog_toml({"issues": self.issues}), encoding="utf-8")

    def from_disk(self, path, *, exclude=()):
        file = Path(path) / "catalog.toml"
        if file.exists():  # saved before the issues were saved: keep the catalog of the config
            self.use_issues(load_catalog_text(file.read_text(encoding="utf-8"), str(file)).issues)
        return self


class Stance:
    """Claims of every speech act: ``doc._.claims`` and ``doc.spans["claims"]``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self._nlp = nlp

    def _issues(self) -> tuple[Issue, ...]:
        """The issues of the pipeline's catalog, read on each call so that a catalog edit takes effect
        (none without an ``issue_cues`` component)."""
        try:
            return self._nlp.get_pipe("issue_cues").issues
        except KeyError:
            return ()

    def _targets(self) -> dict[str, str]:
        """Issue id -> the country its measures are aimed at (the catalog's ``target``)."""
        return {issue.id: issue.target for issue in self._issues() if issue.target}

    def _aimed(self) -> dict[str, tuple[Issue, ...]]:
        """Country code -> the issues whose measures are aimed at it (the catalog's ``target``)."""
        aimed: dict[str, tuple[Issue, ...]] = {}
        for issue in self._issues():
            if issue.target:
                aimed[issue.target] = aimed.get(issue.target, ()) + (issue,)
        return aimed

    def _named_by_weak_cues(self) -> dict[str, list[re.Pattern]]:
        """Issue id -> the patterns of its vague (weak) regex cues, which a body's name may match."""
        return {issue.id: [cue.pattern for cue in issue.cues if cue.weak] for issue in self._issues()}

    def __call__(self, doc: Doc) -> Doc:
        targets = self._targets()
        aimed = self._aimed()
        cues = sorted(doc.spans.get(CUES_KEY, []), key=lambda s: s.start)
        starts = [c.start for c in cues]
        lex = _lexicon()
        claims = []
        heard = set()  # start chars of the cues some speech act's region holds
        for act in doc._.speech or []:
            if _background_act(doc, act):
                continue  # "..., while Western nations imposed sanctions": the scene, not a position
            if _possible_act(doc, act):
                continue  # "Norland could choose to raise duties": a step that may come, no position
            if _accused_subject(doc, act, lex):
                continue  # "Y has been accused of supplying arms": an allegation against Y, no position of Y
            region = act.region
            # a cue may open with the speech verb itself ("recognised the State of Palestine", "allowed
            # Kyiv to strike ...")
            first = act.lead.start if act.lead is not None and act.lead.start < region.start else region.start
            lo, hi = bisect_left(starts, first), bisect_left(starts, region.end)
            matches = _cue_matches(c for c in cues[lo:hi] if c.end <= region.end)
            heard.update(m[0] for m in matches)
            own = frozenset(doc._.actors[name].country for name in act.speakers
                            if name in doc._.actors and doc._.actors[name].country)
            found = list(claims_in(region, matches, act.lead, act.kind == "direct", own,
                                   _fragment_frame(doc, region) if act.kind == "direct" else None,
                                   None if act.kind == "direct" else _fragment_tail(doc, region)))
            # a vague cue yields to a clear one on the same issue that says the opposite ("the subsidy
            # policy constitutes discrimination": the subsidies named are the topic, not a support)
            clear = {(c.issue, c.stance) for c in found if not c.weak}
            found = [c for c in found if not c.weak or not any(i == c.issue and s != c.stance for i, s in clear)]
            # "A, not B" on one issue ("de-risk, not decouple"): the speaker takes A; B is denied
            # only to set it apart, so its turned reading does not stand against A
            denied = [_contrasted(doc, c) for c in found]
            asserted = {(c.issue, c.stance) for c, d in zip(found, denied) if not d}
            found = [c for c, d in zip(found, denied)
                     if not d or not any(i == c.issue and s != c.stance for i, s in asserted)]
            # "neither Ukraine nor Russia was ready for concessions": the speaker describes others
            found = [c for c in found if not _others_readiness(doc, c, act, own)]
            # "the ministry said Peru has agreed to a truce": the step of the actor it names
            found = [c for c in found if not _others_act(doc, c, act, own)]
            # "talks with countries that have not offered aid": what the others named do not do
            found = [c for c in found if not _others_lacking(doc, c, act, own)]
            # "Y requested tanks, but the howitzers are missing from the aid": the writer's clause after the deed
            found = [c for c in found if not _writers_clause(doc, c, act)]
            for claim in found:
                owned = _owned_proposal(doc, claim.start_char, claim.end_char, lex)
                if owned is not None and owned[0] not in act.speakers and not _own_government(doc, owned[0], own):
                    # "X responded to Y's threat to suspend aid": the content is Y's position, read
                    # inside Y's phrase; X takes it only by judging it ("X rejected Y's call for ...")
                    name, noun = owned
                    phrase = doc[noun.left_edge.i:noun.right_edge.i + 1]
                    match = [m for m in matches if m[0] == claim.start_char]
                    own = next(iter(claims_in(phrase, match)), None)
                    # a step the speaker attacks ("criticised Y's decision to ...") is told in the critic's
                    # words; one the speaker welcomes is the decider's position and the speaker's
                    if own is not None and (noun.lower_ not in lex["acts"] or _approved(noun, lex)):
                        claims.append((Speech([name], "reported", phrase, None, "", False, act.sentence), own))
                    if act.kind != "reported" and (own is None or own.stance == claim.stance) \
                            and not _approved(noun, lex):
                        continue
                claims.append((act, _as_target(doc, act, claim, targets)))
                claims += [(act, c) for c in _on_own_goods(doc, act, claim, aimed)]
        claims += _owned_outside_speech(doc, [c for c in cues if c.start_char not in heard], lex)
        # "the court ordered Israel to prevent genocide", "the agency said its mandate stands": a body
        # whose own name is a vague cue of the issue (the court, the agency) takes no stance on it
        # by a vague cue; its order or its words about itself are the case, not a view of it
        named = self._named_by_weak_cues()
        claims = [(act, claim) for act, claim in claims
                  if not (claim.weak and act.speakers and all(any(p.search(name) for p in named.get(claim.issue, ()))
                                                              for name in act.speakers))]
        doc._.claims = claims
        spans = ((doc.char_span(c.start_char, c.end_char, alignment_mode="expand"), c) for _, c in claims)
        doc.spans[CLAIMS_KEY] = [Span(doc, span.start, span.end, label=c.issue, kb_id=c.stance) for span, c in spans]
        return doc


# marks of a clause that sets a scene beside the main clause ("after"/"before" name the act a
# reaction answers, see NARRATING)
BACKGROUND_MARKS = {"while", "whereas", "as", "when"}


def _background_act(doc: Doc, act: Speech) -> bool:
    """A reported act told in a past-tense "while"/"as"/"when" clause beside another main clause:
    "imports have grown since the invasion, while Western nations imposed sanctions", "met the
    minister as the country joined the talks" set the scene for what the sentence is about; the
    writer reports no position there. A verb of saying is a statement of its own ("..., while Y
    called for ...")."""
    if act.kind != "reported" or act.lead is None:
        return False
    verb = doc[act.lead.start]
    return (verb.dep_ == "advcl" and verb.tag_ == "VBD" and verb.head.i != verb.i
            and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in verb.children)
            and any(c.dep_ in SUBJECT_DEPS for c in verb.children))


def _accused_subject(doc: Doc, act: Speech, lex) -> bool:
    """An act told by a passive verb of accusing with no agent: "Y has been accused of supplying
    arms", "Y was blamed for the failed talks". Y is the one accused, by no one named; what Y is
    said to have done is an allegation against Y, not a position Y takes (stance.toml accusing_stems)."""
    if act.lead is None:
        return False
    verb = doc[act.lead.start]
    return (any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)
            and bool(lex["accusing"].fullmatch(verb.lower_)))


LIKELIHOOD = {"possible", "likely", "unlikely", "conceivable", "probable"}


def _possible_act(doc: Doc, act: Speech) -> bool:
    """A reported act the writer only calls possible: "Norland could one day choose to raise its
    duties", "Y might send troops", "it is possible that Y would let ...": a modal of
    possibility on the act's verb or on the verb it completes ("could choose to raise"), or a
    clause that an adjective of likelihood governs."""
    if act.kind != "reported" or act.lead is None:
        return False
    verb = doc[act.lead.start]
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in verb.children):
            return True
        if verb.dep_ == "ccomp" and verb.head.pos_ == "AUX" and any(
                c.dep_ == "acomp" and c.lower_ in LIKELIHOOD for c in verb.head.children):
            return True  # "it is possible that Y would let ...": the writer weighs what may come
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _owned_outside_speech(doc: Doc, cues: list[Span], lex) -> list[tuple[Speech, Claim]]:
    """Claims of cues no speech act holds that are the content of a named owner's proposal noun
    ("Y's call for peace talks was rejected", "criticism of Y's push for a deal", "a request by Y
    for more weapons"): the owner's position, read inside the noun phrase. A cue with no owner
    named before or right after its noun stays nobody's."""
    out = []
    for cue in cues:
        owned = _owned_proposal(doc, cue.start_char, cue.end_char, lex, pronouns=True)
        if owned is None:
            continue
        name, noun = owned
        if noun.i == cue.end - 1 or name not in doc._.actors or doc._.actors[name].actor_type != "person":
            # "Y's peace plan": a cue ending in the noun names the plan, not what it holds (a cue
            # that opens with it, "his pleas for more weapons", holds it); a country's "bid" or "request"
            # outside any speech is mostly the writer's summary of a government's course
            continue
        phrase = doc[noun.left_edge.i:noun.right_edge.i + 1]
        # read on the phrase alone: what the sentence does with the proposal ("was rejected by
        # Moscow") is someone else's judgement, not the owner's stance
        shift = phrase.start_char
        match = (cue.start_char - shift, cue.end_char - shift, cue.label_, 1 if cue.kb_id_ == "support" else -1,
                 cue.id_ == "weak")
        claim = next(iter(claims_in(phrase.as_doc()[:], [match])), None)
        if claim is not None:
            claim = claim._replace(start_char=claim.start_char + shift, end_char=claim.end_char + shift)
            out.append((Speech([name], "reported", phrase, None, "", False, noun.sent), claim))
    return out


OPENING_QUOTES = {"“", '"', "‘", "'"}
CLOSING_QUOTES = {"”", '"', "’", "'"}


def _fragment_frame(doc: Doc, region: Span) -> int | None:
    """Where the clause starts that a quoted fragment continues (his nation won't “compromise on
    its sovereignty”): the quote opens right after a word of the same sentence, so the words
    before it frame what it says. None for a quote that opens a sentence or follows ":" or ","."""
    opener = region.start - 1
    if opener < 1 or doc[opener].text not in OPENING_QUOTES or doc[opener - 1].is_punct:
        return None
    sentence = doc[opener].sent
    return sentence.start if sentence.start < opener else None


def _fragment_tail(doc: Doc, region: Span) -> int | None:
    """Where a quoted fragment ends that completes the reported clause right after ``region`` (called
    the duties “counterproductive.”): the quote opens at the region's end, inside its sentence, so
    its words judge what the region names. None when no quote opens there."""
    opener = region.end
    if opener >= len(doc) or doc[opener].text not in OPENING_QUOTES or doc[opener].sent != region.sent:
        return None
    sentence_end = region.sent.end
    closer = next((t.i for t in doc[opener + 1:sentence_end] if t.text in CLOSING_QUOTES), None)
    return closer if closer is not None and closer > opener + 1 else None


READINESS = {"ready", "willing", "prepared", "unwilling", "unready", "eager", "reluctant", "open"}


def _others_readiness(doc: Doc, claim: Claim, act: Speech, own: frozenset) -> bool:
    """The cue is what a third party is said to be ready (willing, prepared ...) for: "said neither
    side was ready for territorial concessions" describes the parties, it is no stance of the
    speaker. A pronoun, the speaker, or the country the speaker speaks for as that party is the
    speaker's own readiness ("we are ready for talks", "Turkey is ready to host talks")."""
    token = _claim_head(doc, claim)
    if token is None:
        return False
    for _ in range(6):
        head = token.head
        if head.i == token.i or token.dep_ not in ("pobj", "prep", "pcomp", "xcomp", "dobj", "compound", "amod"):
            return False
        if head.lower_ in READINESS and head.dep_ in ("acomp", "amod", "oprd"):
            verb = head.head
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            if not subjects or subjects[0].pos_ == "PRON" or subjects[0].lower_ in FIRST_PERSON:
                return False
            subject = subjects[0]
            if any(doc._.person_at.get(t.i) in act.speakers for t in subject.subtree):
                return False
            return not _own_side(subject, own)
        token = head
    return False


# Entity types of a subject that names an actor of its own (a country, a body, a people).
ACTOR_ENTS = {"PERSON", "GPE", "ORG", "NORP"}


def _others_act(doc: Doc, claim: Claim, act: Speech, own: frozenset) -> bool:
    """The cue is what another named actor is said to do or have done: "the ministry said Peru has
    agreed to a truce", "she said Ms Doe called for new sanctions" report that actor's step, no
    stance of the speaker (ANNOTATION: "X said Russia rejects talks" is not X's).
    Only the main verb of an indirect act's content, in a plain tense: a modal clause is the
    speaker's demand or forecast ("said Russia must withdraw its troops"), and the speaker, a
    pronoun, or the country the speaker speaks for as that subject is the speaker's own voice."""
    if act.kind != "indirect":
        return False
    verb = _claim_head(doc, claim)
    if verb is None:
        return False
    region = act.region
    while verb.head.i != verb.i and region.start <= verb.head.i < region.end and verb.dep_ not in ("ccomp", "ROOT"):
        verb = verb.head
    kinds, _ = speech_kinds()
    if verb.pos_ != "VERB" or verb_lemma(verb.text) not in kinds or not region.start <= verb.i < region.end:
        return False  # "Israel aims to destroy ...": what the speaker blames on the actor is a judgement
    # a plain past, perfect or third-person present; not a modal, a subjunctive ("suggested that
    # Ukraine cede"), or a condition ("if the U.S. ends its support")
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if not (verb.tag_ in ("VBD", "VBZ") or perfect) or any(c.tag_ == "MD" for c in verb.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ != "that" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or not region.start <= subjects[0].i < region.end:
        return False
    subject = subjects[0]
    if subject.ent_type_ not in ACTOR_ENTS:
        return False
    person = doc._.person_at.get(subject.i)
    if person is not None:
        return person not in act.speakers
    if any(subject.text in name for name in act.speakers):
        return False
    # a country or body: only against a speaker whose own country is known
    return bool(own) and bool(country_code(subject.text)) and not _own_side(subject, own)


# the relative pronouns that open a clause about the noun before them as its subject
RELATIVE_SUBJECTS = {"who", "that", "which"}


def _others_lacking(doc: Doc, claim: Claim, act: Speech, own: frozenset) -> bool:
    """The cue is inside a negated relative clause whose subject is the noun it describes: "talks with
    the states that have not sent aid", "duties on goods from countries that do not have a trade
    deal", "the two premiers, who do not wish to renew the aid" tell who the others are by what
    they do not do or want; the speaker takes no stance by it, and no turned one either. A clause
    about the speaker, a first-person pronoun or the speaker's own country is the speaker's own."""
    token = _claim_head(doc, claim)
    if token is None:
        return False
    clause = next((t for t in (token, *token.ancestors) if t.dep_ == "relcl"), None)
    if clause is None or not any(c.dep_ == "neg" for c in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].lower_ not in RELATIVE_SUBJECTS or token.i in {t.i for t in subjects[0].subtree}:
        return False  # "said that support will not waver": a cue as the clause's own subject
    noun = clause.head
    described = [t for t in noun.subtree if t.i < clause.left_edge.i or t.i > clause.right_edge.i]
    if noun.lower_ in FIRST_PERSON or (own and (country_code(" ".join(t.text for t in described if t.dep_ != "det"))
                                                or "") in own):
        return False
    return not any(doc._.person_at.get(t.i) in act.speakers for t in described)


# marks of a clause set against the one before it ("even though" is "though" with an adverb)
CONTRAST_MARKS = {"though", "although", "while", "whereas"}


def _writers_clause(doc: Doc, claim: Claim, act: Speech) -> bool:
    """A reported deed (no verb of saying) runs on into a clause of the writer's with a subject of its
    own, joined by "but" or a concessive or contrasting mark ("though", "even though", "although",
    "while", "whereas"): "Y requested tanks, but the howitzers are missing from the aid", "Y
    opposed the budget, even though a third of it pays for arms for Z". What that clause
    tells is not the doer's position. The clause hangs on the deed's verb (or on a verb joined to it
    that shares its subject). Not a clause whose subject is the doer, a pronoun, or the doer's own
    (its government, his office)."""
    if act.kind != "reported" or act.lead is None:
        return False
    token = _claim_head(doc, claim)
    if token is None:
        return False
    lead = doc[act.lead.start]
    while token.head.i != token.i and token.i != lead.i:
        if token.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in token.children):
            break  # the first verb above the cue with a subject of its own: the cue's clause
        token = token.head
    if token.i == lead.i or token.pos_ not in ("VERB", "AUX"):
        return False
    clause = token
    host = clause.head
    while host.i != lead.i and host.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in host.children):
        host = host.head
    if host.i != lead.i:
        return False
    if clause.dep_ == "conj":
        joined = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") and c.i < clause.i for c in clause.head.children)
    elif clause.dep_ == "advcl":
        joined = any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in clause.children)
    else:
        return False
    if not joined:
        return False
    subject = next(c for c in clause.children if c.dep_ in SUBJECT_DEPS)
    if subject.pos_ == "PRON" or any(t.dep_ == "poss" and t.pos_ == "PRON" for t in subject.subtree):
        return False
    if any(doc._.person_at.get(t.i) in act.speakers for t in subject.subtree):
        return False
    return not any(subject.text in name or name in subject.text for name in act.speakers)


def _contrasted(doc: Doc, claim: Claim) -> bool:
    """The claim's cue is the denied half of "A, not B" / "A and not B": "not" right before it,
    after a comma, dash or "and"."""
    span = doc.char_span(claim.start_char, claim.end_char, alignment_mode="expand")
    i = span.start if span is not None else 0
    return i >= 2 and doc[i - 1].lower_ == "not" and doc[i - 2].text in (",", "-", "–", "—", "and")


def _as_target(doc: Doc, act: Speech, claim: Claim, targets: dict[str, str]) -> Claim:
    """The country a measure is aimed at does not support it: when every speaker speaks for the
    issue's target ("Beijing said decoupling is the real coercion", "announced an anti-dumping
    probe" in answer to curbs on its goods), a support reading is its opposition."""
    target = targets.get(claim.issue)
    actors = doc._.actors
    if (target and claim.stance == "support" and act.speakers
            and all(name in actors and actors[name].country == target for name in act.speakers)):
        return claim._replace(stance="oppose", flipped=True)
    return claim


def _on_own_goods(doc: Doc, act: Speech, claim: Claim, aimed: dict[str, tuple[Issue, ...]]) -> list[Claim]:
    """A measure opposed by the country an issue's measures are aimed at, in its own voice, is one on
    that country's goods ("Beijing firmly rejects the new duties": duties on Chinese goods): it
    also opposes that issue, when the issue's clear cues name the measure once aimed at the country
    (the cue's words followed by "on <country>")."""
    actors = doc._.actors
    if claim.stance != "oppose" or not act.speakers or any(name not in actors for name in act.speakers):
        return []
    countries = {actors[name].country for name in act.speakers}
    if len(countries) != 1:
        return []
    code = next(iter(countries))
    probe = f"{claim.cue} on {country_name(code)}"
    return [claim._replace(issue=issue.id, flipped=True) for issue in aimed.get(code, ())
            if issue.id != claim.issue
            and any(cue.polarity > 0 and not cue.weak and cue.pattern.search(probe) for cue in issue.cues)]


@Language.factory("issue_cues", assigns=["doc.spans", "token.lemma"], default_config={"catalog": None})
def make_issue_cues(nlp: Language, name: str, catalog: str | None):
    return IssueCues(nlp, name, catalog)


@Language.factory("stance", assigns=["doc._.claims", "doc.spans"], requires=["doc._.speech"])
def make_stance(nlp: Language, name: str):
    return Stance(nlp, name)
