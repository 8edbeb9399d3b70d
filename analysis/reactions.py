"""The ``reaction_matcher`` component: who answers whom.

For every indirect or reported speech act (``doc._.speech``), and every direct one whose quoted
reaction has the speaker as its subject ("“We agree with Y ...,” X said"), it matches the phrases of
analysis/data/reactions.toml on the act's sentence and finds the target: the first actor named
after the phrase ("dismissed Novak's statements", "supported the U.S. plan", "rejected the
American proposal" -> the country the demonym names), or, for phrases that point back ("echoed
this sentiment", "called it naive", "welcomed the pause"), the speaker of the previous statement
by someone else. Assigns

* ``doc._.reactions``: (source, target, relation, sentence) tuples in reading order;
* ``doc._.inherited``: (speaker, issue, stance, sentence): when the reaction names a proposal and
  the sentence makes no claim of its own, the reacting actor takes over the target's last stance
  (the opposite one when disagreeing), as a low-confidence reported position.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from analysis import countries, verbs
from analysis.components import doc_text
from analysis.lexicon import data_cache, load
from analysis.people import add_actor, add_government, ent_at, entity_actor, group_actor

INVERSE = {"support": "oppose", "oppose": "support", "neutral": "neutral"}

for _name in ("reactions", "inherited"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@data_cache()
def reaction_patterns() -> tuple:
    """(relation, target rule, compiled phrases) of each reaction pattern (asked for at every verb)."""
    return tuple(
        (p["relation"], p["target"], re.compile("|".join(p["phrases"]), re.IGNORECASE))
        for p in load("reactions")["pattern"]
    )


@data_cache()
def _inherit_nouns() -> frozenset:
    return frozenset(load("reactions")["inherit_nouns"])


def _explicit_target(sent: Span, char_end: int) -> str:
    """The first actor named in the object after the phrase (up to eight tokens, not past "that",
    "to", a verb or a clause break): a person, a body or country, or a demonym on a proposal noun
    ("the American proposal" -> the United States, "a call between X and Y" -> X)."""
    doc = sent.doc
    after = [t for t in sent if t.idx >= char_end][:8]
    for token in after:
        if token.lower_ in ("that", "to", ";", "—", "–") or token.pos_ in ("VERB", "AUX") or (token.text == "," and token.i > after[0].i + 1):
            return ""
        if token.i in doc._.person_at:
            return doc._.person_at[token.i]
        holder = _title_holder(token)
        if holder:
            return holder  # "slammed former U.S. Secretary of State X": X, not the United States
        ent = ent_at(doc, token.i)
        if ent is not None and (name := entity_actor(ent)):
            return name
        code = countries.demonym(token.text) or (countries.country_code(token.text) if token.text.isupper() else "")
        if code and token.head.lower_ in _inherit_nouns():
            # a demonym alone names no one; on a proposal noun it names that country's government
            return add_government(doc, code)
    return ""


def _title_holder(token) -> str:
    """The person whose title ``token`` is part of ("U.S." in "former U.S. Secretary of State
    Anna Berg"): climbing at most four heads forward through the title's modifiers."""
    doc = token.doc
    for _ in range(4):
        head = token.head
        if head.i <= token.i or token.dep_ not in ("compound", "nmod", "amod", "poss", "pobj", "prep"):
            return ""
        if head.i in doc._.person_at:
            return doc._.person_at[head.i]
        token = head
    return ""


def _phrase_is_anothers(sent: Span, char_start: int, source: str) -> bool:
    """Whether the reaction verb at ``char_start`` has another person as its subject ("A slammed
    B for suggesting ...": the reaction is A's, not that of B, who suggests). Creates no actor."""
    verb = next((t for t in sent if t.idx >= char_start), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    person = _person_of(subjects[0])
    return bool(person) and person != source


def _participle_not_the_speakers(sent: Span, char_start: int) -> bool:
    """Whether a reaction verb in "-ing" at ``char_start`` is no act of the speaker: it has a
    subject or auxiliary of its own ("said leaders should be condemning Y") or is what someone
    refrained from ("refrained from condemning Y", "without condemning Y"). A bare participle
    ("issued a statement denouncing Y", "Criticizing Y, Anna Berg said") is the speaker's."""
    verb = next((t for t in sent if t.idx >= char_start), None)
    if verb is None or verb.tag_ != "VBG":
        return False
    if any(c.dep_ in ("nsubj", "aux", "auxpass") for c in verb.children):
        return True
    return verb.dep_ == "pcomp" and verb.head.lower_ in ("from", "without")


def _names_a_proposal(sent: Span, char_end: int) -> bool:
    """"dismissed Farkas's proposal": the object is something the target proposed."""
    nouns = _inherit_nouns()
    return any(t.lower_ in nouns for t in [t for t in sent if t.idx >= char_end][:4])


def _first_person(sent: Span, char_start: int) -> bool:
    """Whether the reaction verb at ``char_start`` has "I" or "we" as its subject."""
    verb = next((t for t in sent if t.idx >= char_start), None)
    return verb is not None and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


def match_reaction(sent: Span, source: str, previous: str, first_person: bool = False) -> list[tuple[str, str, bool]]:
    """[(target, relation, whether it takes over the target's last stance)]: one per actor named
    in a coordinated object ("thanked A, B and C"); a "responds" whose sentence judges harshly
    ("absurd", "a mistake", "unacceptable": the stance reversal words) is a disagreement."""
    text = sent.text  # Span.text joins the tokens anew at every access
    for relation, target_rule, pattern in reaction_patterns():
        m = pattern.search(text)
        if not m or (first_person and not _first_person(sent, sent.start_char + m.start())) \
                or _phrase_is_anothers(sent, sent.start_char + m.start(), source) \
                or _participle_not_the_speakers(sent, sent.start_char + m.start()):
            continue
        if target_rule == "previous":
            targets, inherit = [previous] if previous and previous != source else [], True
        else:
            targets = _explicit_targets(sent, sent.start_char + m.end())
            inherit = _names_a_proposal(sent, sent.start_char + m.end())
        targets = [t for t in targets if t != source]
        if targets:
            if relation == "responds" and (_harsh(sent) or _distanced(sent, sent.start_char + m.end())):
                relation = "disagrees"
            return [(t, relation, inherit and relation != "responds") for t in targets]
    return []


@data_cache()
def _judged_nouns() -> frozenset:
    return _inherit_nouns() | frozenset(load("reactions")["judged_nouns"])


def judged_reaction(sent: Span, source: str) -> list[tuple[str, str, bool]]:
    """"Anna Berg said Tom Reed's visit was an appeasement mission", "called Tom Reed's terms a
    sham": a speaker who judges harshly what another person said or did disagrees with them. The
    judged thing is a noun of reactions.toml owned by that person ("Tom Reed's"); the judgment is a
    harsh word of the sentence. [(target, "disagrees", False)]: the speaker takes over no stance
    (what the judged thing proposed is often not the target's last claim)."""
    if not _harsh(sent):
        return []
    doc = sent.doc
    for token in sent:
        if token.lower_ not in _judged_nouns():
            continue
        owner = next((c for c in token.children if c.dep_ == "poss" and c.i in doc._.person_at), None)
        if owner is not None and doc._.person_at[owner.i] != source:
            return [(doc._.person_at[owner.i], "disagrees", False)]
    return []


@data_cache()
def _judging_forms() -> frozenset:
    """Every written form of the judging verbs ("call" -> calls, called, calling)."""
    return frozenset(form for lemma in load("reactions")["judging_verbs"] for form in verbs.forms(lemma))


def _subject_person(verb) -> str:
    """The person a verb's subject names, "" when it names none."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _person_of(subject) if subject is not None else ""


def judging_reactions(sent: Span) -> list[tuple[str, str, str]]:
    """"Anna Berg called Tom Reed's terms a sham": a judging verb whose subject is a person, with
    the judgment of ``judged_reaction``, also when no speech act carries it."""
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lower_ not in _judging_forms():
            continue
        source = _subject_person(verb)
        if source:
            out += [(source, target, relation) for target, relation, _ in judged_reaction(sent, source)]
    return out


@data_cache()
def _disagreeing():
    words = load("reactions")["disagreeing"]
    return re.compile(r"\b(" + "|".join(re.escape(w).replace("'", "['’]") for w in words) + r")\b", re.IGNORECASE)


def said_of_reactions(sent: Span) -> list[tuple[str, str, str]]:
    """"In response, Anna Berg said of Tom Reed: 'I do not agree at all.'": a person who says of
    another person something that disagrees (reactions.toml: disagreeing) or judges harshly
    disagrees with them, also when the words are quoted."""
    if not (_disagreeing().search(sent.text) or _harsh(sent)):
        return []
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lower_ not in ("said", "says", "saying"):
            continue
        about = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        source = _subject_person(verb)
        target = _person_of(about[0]) if about else ""
        if source and target and source != target:
            out.append((source, target, "disagrees"))
    return out


def _any_of(words) -> re.Pattern:
    """One case-blind pattern matching any of ``words`` as whole words."""
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


@data_cache()
def _harsh_words():
    data = load("stance")
    return _any_of(data["reversal_after"] + data["harsh"])


def _harsh(sent: Span) -> bool:
    return bool(_harsh_words().search(sent.text))


@data_cache()
def _distancing_words():
    return _any_of(load("reactions")["distancing"])


def _distanced(sent: Span, char_end: int) -> bool:
    """"commenting on Anna Berg's self-proclaimed peace mission", "responded to Tom Reed's
    so-called plan": the object of the reaction (the words after the phrase, up to a clause
    break, at most ten) carries a word that distances the speaker from what it names
    (reactions.toml: distancing)."""
    rest = doc_text(sent.doc)[char_end:sent.end_char]
    obj = " ".join(re.split(r"[,;:—–]|\bthat\b", rest, maxsplit=1)[0].split()[:10])
    return bool(_distancing_words().search(obj))


def _explicit_targets(sent: Span, char_end: int) -> list[str]:
    """The target, and the actors coordinated with it ("thanked Mr Berg, Senator
    Ann Lind and the lawmakers")."""
    first = _explicit_target(sent, char_end)
    if not first:
        return []
    doc = sent.doc
    targets = [first]
    head = next((t for t in sent if t.idx >= char_end and doc._.person_at.get(t.i) == first), None)
    while head is not None and head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head  # "Senator Ann Berg": the phrase the coordination hangs on
    if head is not None:
        for conj in head.conjuncts:
            inner = [t for t in conj.subtree if t.i in doc._.person_at]
            name = doc._.person_at.get(conj.i) or (doc._.person_at[inner[-1].i] if inner else "")
            if name and name not in targets:
                targets.append(name)
    return targets


def passive_reactions(sent: Span) -> list[tuple[str, str, str]]:
    """"X was blasted by Y" -> (Y, X, disagrees): a reaction verb in the passive with its agent."""
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        for relation, target_rule, pattern in reaction_patterns():
            if target_rule != "explicit" or not pattern.fullmatch(verb.text):
                continue
            agents = [a for a in verb.children if a.dep_ == "agent"]
            subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if not agents or not subjects:
                break
            objects = [t for t in agents[0].children if t.dep_ == "pobj"]
            target = _actor_of(subjects[0])
            for obj in objects[:1] + (list(objects[0].conjuncts) if objects else []):
                source = _actor_of(obj)
                if source and target and source != target:
                    out.append((source, target, relation))
            break
    return out


def active_reactions(sent: Span) -> list[tuple[str, str, str]]:
    """"A slammed B for ...", "A thanked B": a reaction verb with a person as its subject and a
    person as its direct object, also when no speech act carries it."""
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in verb.children):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not subjects or not objects:
            continue
        for relation, target_rule, pattern in reaction_patterns():
            if target_rule != "explicit" or not pattern.fullmatch(verb.text):
                continue
            source = _person_of(subjects[0])
            for obj in objects[:1] + list(objects[0].conjuncts):
                target = _person_of(obj)
                if source and target and source != target:
                    out.append((source, target, relation))
            if not source and not out:
                out += _state_reaction(subjects[0], objects[0], relation)
            break
    return out


def _state_reaction(subject, obj, relation: str) -> list[tuple[str, str, str]]:
    """"Kyiv dismissed Beijing's call", "Latvia rejected Estonia's proposal": a country (its
    capital) reacting to what another country or a person proposed or did (an inherit or judged
    noun of reactions.toml owned by them)."""
    doc = subject.doc
    if obj.lower_ not in _judged_nouns():
        return []
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    if owner is None:
        return []
    target = doc._.person_at.get(owner.i, "") or _state_of(owner)
    source = _state_of(subject) if target else ""
    return [(source, target, relation)] if source and target and source != target else []


def _state_of(token) -> str:
    """The government a country or capital name stands for ("Kyiv", "Latvia"), also when the
    model tagged no entity on a one-word subject; "" for anything else."""
    ent = ent_at(token.doc, token.i)
    if ent is not None:
        return entity_actor(ent) if ent.label_ == "GPE" else ""
    code = countries.country_code(token.text) if token.pos_ == "PROPN" and not list(token.children) else ""
    return add_government(token.doc, code) if code else ""


def _person_of(token) -> str:
    """The person a noun phrase names: its head, else the first person in it ("Ann Berg's
    remarks" -> Ann Berg; "Ann Berg, who met Tom Reed," -> Ann Berg)."""
    doc = token.doc
    if token.i in doc._.person_at:
        return doc._.person_at[token.i]
    inside = [t for t in token.subtree if t.i in doc._.person_at]
    return doc._.person_at[inside[0].i] if inside else ""


def _actor_of(token) -> str:
    doc = token.doc
    if token.i in doc._.person_at:
        return doc._.person_at[token.i]
    inside = [t for t in token.subtree if t.i in doc._.person_at]
    if inside:
        return doc._.person_at[inside[-1].i]
    group = group_actor(token)
    if group:
        return add_actor(doc, group[0], group[2], group[1], mentions=0)
    ent = ent_at(doc, token.i)
    return entity_actor(ent) if ent is not None else ""


def _own_country(doc: Doc, source: str, target: str) -> bool:
    """Whether ``target`` is the country of the person ``source``, named as a country ("Tom Reed
    rejected calls for the U.S. to withdraw", "Anna Berg welcomed the US-brokered truce" of a US
    official): a country named in a person's own sentence is what they speak for or about, not
    someone they answer."""
    person, state = doc._.actors.get(source), doc._.actors.get(target)
    return (person is not None and state is not None and person.actor_type == "person"
            and state.actor_type == "government" and bool(state.country) and person.country == state.country
            and target == countries.country_name(state.country))


class ReactionMatcher:
    """Assigns ``doc._.reactions`` and ``doc._.inherited`` (see the module docstring)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        claims_of: dict[int, list] = {}
        for act, claim in doc._.claims or []:
            claims_of.setdefault(id(act), []).append(claim)
        reactions, inherited = [], []
        latest: dict[str, tuple[str, str]] = {}  # actor -> (issue, stance) of their last claim
        previous_speaker = ""
        seen: set[tuple[str, int]] = set()
        for act in doc._.speech or []:
            sent = act.sentence
            claims = claims_of.get(id(act), [])
            for name in act.speakers:
                if claims:  # what "that idea" / "X's proposal" will refer to: the last claim made
                    latest[name] = (claims[-1].issue, claims[-1].stance)
                if (name, sent.start) in seen:
                    continue
                if act.kind == "direct":  # only "I welcome ...", "we reject ..." in the words quoted
                    found = [f for f in match_reaction(sent, name, previous_speaker, first_person=True)
                             if f[1] != "responds"]
                    if not found:
                        continue
                else:
                    found = match_reaction(sent, name, previous_speaker) or judged_reaction(sent, name)
                seen.add((name, sent.start))
                for target, relation, inherit in found:
                    reactions.append((name, target, relation, sent))
                    if inherit and not claims and target in latest:
                        issue, stance = latest[target]
                        inherited.append((name, issue, INVERSE[stance] if relation == "disagrees" else stance, sent))
            if act.speakers and act.speakers[-1] != previous_speaker:
                previous_speaker = act.speakers[-1]
        seen_pairs = {(s, t) for s, t, _, _ in reactions}
        for sent in (doc.sents if doc.has_annotation("DEP") else []):  # these need the parse
            for source, target, relation in (passive_reactions(sent) + active_reactions(sent) + judging_reactions(sent)
                                             + said_of_reactions(sent)):
                if (source, target) not in seen_pairs:
                    seen_pairs.add((source, target))
                    reactions.append((source, target, relation, sent))
        reactions = [r for r in reactions if not _own_country(doc, r[0], r[1])]
        reactions.sort(key=lambda r: r[3].start)
        doc._.reactions, doc._.inherited = reactions, inherited
        return doc


@Language.factory("reaction_matcher", assigns=["doc._.reactions", "doc._.inherited"],
                  requires=["doc._.speech", "doc._.claims"])
def make_reaction_matcher(nlp: Language, name: str):
    return ReactionMatcher(nlp, name)
