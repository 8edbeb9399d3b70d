"""From one parsed Doc to Actor, Position and Reaction records.

The steps, each a small function over the Doc:

1. ``find_quotes``       direct quotations (curly or straight double quotes).
2. ``PersonIndex``       people: full names, later surname-only mentions, role and country from
                         the title before the name, an apposition after it, a possessive
                         ("Ukraine's leader, ..."), "of <country>", or the institution in the role.
3. ``speech_acts``       who speaks in each sentence: subjects of speech verbs
                         (analysis/data/speech.toml), pronouns resolved to the last person who
                         spoke, quotes attributed to the verb after or before them.
4. claims                issue cues and stance in the spoken region (analysis.stance).
5. reactions             who answers whom (analysis/data/reactions.toml).

Nothing here knows any particular person or article: knowledge comes from the text and from the
data files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from analysis import countries
from analysis.catalog import Issue
from analysis.components import PARTICLES, ROLE_KEY, name_position, surname
from analysis.lexicon import load
from analysis.records import Actor, Position, Reaction
from analysis.stance import find_claims
from analysis.verbs import verb_lemma

QUOTE_RE = re.compile(r"“[^”]{3,}”|\"[^\"\n]{3,}\"")
PRONOUNS = {"he": "person", "she": "person", "they": "plural", "we": "plural", "i": "person"}
BASE_CONFIDENCE = {"direct": 0.9, "indirect": 0.8, "reported": 0.65}
INHERITED_CONFIDENCE = 0.45  # a stance taken over from the statement the actor reacted to
INVERSE = {"support": "oppose", "oppose": "support", "neutral": "neutral"}


@lru_cache(maxsize=1)
def _speech():
    data = load("speech")
    kinds = {lemma: "indirect" for lemma in data["indirect"]}
    kinds.update({lemma: "reported" for lemma in data["reported"]})
    return kinds, {k: set(v) for k, v in data["particle_verbs"].items()}


@lru_cache(maxsize=1)
def _reaction_patterns():
    return [
        (p["relation"], p["target"], re.compile("|".join(p["phrases"]), re.IGNORECASE))
        for p in load("reactions")["pattern"]
    ]


@lru_cache(maxsize=1)
def _group_nouns() -> frozenset:
    return frozenset(load("roles")["group_nouns"])


@lru_cache(maxsize=1)
def _government_nouns() -> frozenset:
    return frozenset(load("roles")["government_nouns"])


@dataclass
class _Actor:
    name: str
    actor_type: str
    country: str = ""
    role: str = ""
    mentions: int = 0


@dataclass
class _Speech:
    """One act of speaking: who, with which verb, over which tokens."""

    speakers: list[str]
    kind: str
    region: Span
    lead: Span | None
    quote: str = ""
    pronoun: bool = False
    sentence: Span | None = None


@dataclass
class _State:
    actors: dict[str, _Actor] = field(default_factory=dict)
    last_person: str = ""
    last_speaker: str = ""
    last_plural: str = ""
    last_subject: str = ""  # person who was the grammatical subject of the previous sentence

    def add(self, name: str, actor_type: str, country: str = "", role: str = "", mentions: int = 1) -> str:
        actor = self.actors.get(name)
        if actor is None:
            actor = self.actors[name] = _Actor(name, actor_type, country, role, 0)
        actor.mentions += mentions
        actor.country = actor.country or country
        actor.role = actor.role or role
        return name


# ---------------------------------------------------------------- quotes


def find_quotes(doc: Doc) -> list[Span]:
    """Spans of direct quotations, quote marks included. Unbalanced quotes are ignored."""
    spans = []
    for m in QUOTE_RE.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span) > 2:
            spans.append(span)
    return spans


# ---------------------------------------------------------------- people


def _clean_name(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    return re.sub(r"^(the|The)\s+", "", text).strip(" ,.")


def _role_text(role: Span) -> str:
    """The role as written, extended left over an institution that belongs to it ("CIA Director")."""
    doc = role.doc
    start = role.start
    for ent in doc.ents:
        if ent.label_ == "ORG" and ent.start < start <= ent.end and (countries.institution(ent.text) or ent.text.isupper()):
            start = ent.start
        elif ent.label_ == "ORG" and ent.end == start and (countries.institution(ent.text) or ent.text.isupper()):
            start = ent.start
    return doc[start:role.end].text


def _country_near(doc: Doc, start: int, end: int) -> str:
    """Country named in tokens [start, end): an entity or demonym, nearest to ``end`` first."""
    for i in range(end - 1, start - 1, -1):
        token = doc[i]
        if token.ent_type_ in ("GPE", "NORP", "ORG") and token.ent_iob_ in ("B", "I"):
            ent = next((e for e in doc.ents if e.start <= i < e.end), None)
            if ent is not None:
                code = countries.country_code(ent.text)
                if code:
                    return code
        code = countries.demonym(token.text) or (countries.institution(token.text) or ("", ""))[0]
        if code:
            return code
    return ""


def _left_modifier_start(doc: Doc, i: int, limit: int = 4) -> int:
    """How far left of token ``i`` the modifiers of a title reach (stops at punctuation)."""
    start = i
    while start > 0 and i - start < limit:
        prev = doc[start - 1]
        if prev.is_punct and prev.text not in ("'s", "’s", "."):
            break
        if prev.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ") and prev.lower_ != "of":
            break
        start -= 1
    return start


class PersonIndex:
    """Canonical names of the people in a Doc, with their roles and countries."""

    def __init__(self, doc: Doc, state: _State):
        self.doc = doc
        self.state = state
        self.by_token: dict[int, str] = {}
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        full = {}
        for ent in persons:
            name = _clean_name(ent.text)
            if len(name.split()) >= 2 and name.split()[0].lower() not in PARTICLES:
                full.setdefault(surname(name).lower(), name)
        for ent in persons:
            name = _clean_name(ent.text)
            if not name or not any(c.isupper() for c in name):
                continue
            canonical = full.get(name.lower(), name)
            role, country = self._role_and_country(ent)
            state.add(canonical, "person", country, role)
            for i in range(ent.start, ent.end):
                self.by_token[i] = canonical
        self._fallback_countries(persons)

    def _role_and_country(self, ent: Span) -> tuple[str, str]:
        doc = self.doc
        roles = doc.spans.get(ROLE_KEY, [])
        for role in roles:
            of_country = self._of_country(role)
            # "German Foreign Minister X" / "Ukraine's leader, X" / "the foreign minister of Italy, X"
            if name_position(doc, role.end) == ent.start:
                left = _left_modifier_start(doc, role.start)
                country = _country_near(doc, role.start, role.end) or _country_near(doc, left, role.start)
                return _role_text(role), of_country or country
            if ent.end < len(doc) and doc[ent.end].text == "," and ent.end < role.start <= ent.end + 5:
                between = doc[ent.end + 1:role.start]
                if all(not t.is_punct or t.text in ("'s", "’s") for t in between) and not any(
                    t.pos_ in ("VERB", "AUX") for t in between
                ):
                    # "X, the EU's foreign policy chief," / "X, head of the ... committee,"
                    country = _country_near(doc, role.start, role.end) or _country_near(doc, ent.end + 1, role.start)
                    return _role_text(role), country or self._of_country(role)
        # "Ukraine's X" without a title
        if ent.start >= 2 and doc[ent.start - 1].text in ("'s", "’s"):
            return "", _country_near(doc, ent.start - 2, ent.start - 1)
        return "", ""

    def _of_country(self, role: Span) -> str:
        """"foreign minister of Italy", "spokesperson for the Kremlin"; "a spokesman for <person>"
        takes that person's country."""
        doc = self.doc
        if role.end + 1 < len(doc) and doc[role.end].lower_ in ("of", "for"):
            code = _country_near(doc, role.end + 1, min(role.end + 4, len(doc)))
            boss = self.by_token.get(role.end + 1)
            return code or (self.state.actors[boss].country if boss in self.state.actors else "")
        return ""

    def _fallback_countries(self, persons: list[Span]) -> None:
        """A person still without country takes the place the introducing sentence opens with
        ("In Budapest, ..."), else the one country named in that sentence, if exactly one is."""
        seen = set()
        for ent in persons:
            name = self.by_token.get(ent.start)
            if name is None or name in seen:
                continue
            seen.add(name)
            actor = self.state.actors[name]
            if actor.country:
                continue
            sent = ent.sent
            place = _fronted_place(sent)
            if place:  # "In Budapest, Prime Minister X ..."
                actor.country = place
                continue
            codes = {countries.country_code(e.text) for e in sent.ents if e.label_ in ("GPE", "NORP", "ORG")}
            codes |= {countries.demonym(t.text) for t in sent}
            codes.discard("")
            if len(codes) == 1:
                actor.country = codes.pop()


def _fronted_place(sent: Span) -> str:
    """Country of a sentence-opening "In <place>," phrase, or ""."""
    if len(sent) > 3 and sent[0].lower_ == "in" and sent[1].ent_type_ == "GPE":
        end = 1
        while end < len(sent) and sent[end].ent_type_ == "GPE":
            end += 1
        if end < len(sent) and sent[end].text == ",":
            return countries.country_code(sent[1:end].text)
    return ""


# ---------------------------------------------------------------- speakers


def _ent_at(doc: Doc, i: int) -> Span | None:
    token = doc[i]
    if token.ent_iob_ == "O" or not token.ent_type_:
        return None
    for ent in doc.ents:
        if ent.start <= i < ent.end:
            return ent
    return None


def _group_actor(token: Token) -> tuple[str, str, str] | None:
    """(name, country, actor_type) for a group noun with a country: "British officials",
    "officials in Berlin" (groups), "the German government" (a government)."""
    lower = token.lower_
    kind = "group" if lower in _group_nouns() else "government" if lower in _government_nouns() else ""
    if not kind:
        return None
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < token.i:
            code = countries.demonym(child.text) or countries.country_code(child.text)
            if code:  # the whole modifier chain: "Dutch foreign ministry"
                return token.doc[child.i:token.i + 1].text, code, kind
        if child.dep_ == "prep" and child.lower_ in ("in", "from") and kind == "group":
            places = [t for t in child.children if t.dep_ == "pobj" and t.ent_type_ == "GPE"]
            code = countries.country_code(places[0].text) if places else ""
            if code:
                return f"{token.text} {child.text} {places[0].text}", code, kind
    return None


def actor_for_token(token: Token, people: PersonIndex, state: _State) -> tuple[str, bool] | None:
    """The actor a subject token stands for, and whether it was a pronoun."""
    doc = token.doc
    if token.i in people.by_token:
        return people.by_token[token.i], False
    if token.pos_ in ("NOUN", "PROPN"):
        # "Ukraine's leader, X, said" / "A spokesperson for the Kremlin, X, said" / "X's office said":
        # the subject is a title or an office; the person named inside it speaks.
        inside = [t for t in token.subtree if t.i in people.by_token and t.i != token.i]
        # the person in apposition ("A spokesman for X, Y, said" -> Y) before one in a phrase
        inside.sort(key=lambda t: (t.dep_ != "appos" and t.head.dep_ != "appos", t.i))
        if inside:
            return people.by_token[inside[0].i], False
    described = _described_person(token, state)
    if described:
        return described, True
    lower = token.lower_
    if lower in PRONOUNS and token.pos_ == "PRON":
        if PRONOUNS[lower] == "person":
            # the person the previous sentence was about, else the last person who spoke
            speaker = state.actors.get(state.last_speaker)
            name = state.last_subject or (state.last_speaker if speaker and speaker.actor_type == "person"
                                          else state.last_person)
        else:
            name = state.last_plural
        return (name, True) if name else None
    group = _group_actor(token)
    if group:
        return state.add(group[0], group[2], group[1], mentions=0), False
    ent = _ent_at(doc, token.i)
    if ent is None:
        for child in token.children:  # "the Kremlin" parsed with the head outside the entity
            if child.dep_ == "compound":
                ent = _ent_at(doc, child.i)
        if ent is None:
            return None
    name = _entity_actor(ent, state)
    return (name, False) if name else None


def _entity_actor(ent: Span, state: _State) -> str:
    """The actor a place or body entity stands for: an institution ("the Kremlin"), a country's
    government ("France", "Washington" -> United States) or an organization; "" otherwise."""
    if ent.label_ not in ("GPE", "ORG"):
        return ""
    name = _clean_name(ent.text)
    inst = countries.institution(name)
    if inst:
        return state.add(name, inst[1], inst[0], mentions=0)
    code = countries.country_code(name)
    if ent.label_ == "GPE" and code:
        return state.add(countries.country_name(code), "government", code, mentions=0)
    if ent.label_ == "ORG":
        return state.add(name, "organization", code, mentions=0)
    return ""


def _sentence_subject(sent: Span, people: PersonIndex) -> str:
    """The person the sentence is about: the named subject of its main verb, if a person."""
    root = sent.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.i in people.by_token:
                return people.by_token[child.i]
            inside = [t.i for t in child.subtree if t.i in people.by_token]
            if inside and child.pos_ in ("NOUN", "PROPN"):
                return people.by_token[inside[0]]
    return ""


def _described_person(token: Token, state: _State) -> str:
    """"The chancellor added ...", "the vice president told ...": a definite title names the
    last person whose role ends with it (the fullest match wins)."""
    if token.pos_ not in ("NOUN", "PROPN") or not any(c.lower_ in ("the", "this") for c in token.children if c.dep_ == "det"):
        return ""
    modifiers = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
    title = " ".join(modifiers + [token.lower_])
    candidates = [state.last_speaker, state.last_person] + list(reversed(state.actors))
    for wanted in (title, token.lower_):
        for name in candidates:
            actor = state.actors.get(name)
            if actor and actor.actor_type == "person" and actor.role.lower().endswith(wanted):
                if wanted != title or actor.role.lower() == title or actor.role.lower().endswith(" " + title):
                    return name
    return ""


def _is_dateline(token: Token) -> bool:
    """"BRUSSELS —" at the head of a story: a place, not a speaker."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.is_upper and len(token) > 2 and nxt is not None and nxt.text in ("—", "–", "-", "--")


def _subject_of(verb: Token) -> Token | None:
    """nsubj of the verb, climbing through participles and conjuncts ("echoed ..., asserting");
    a relative pronoun stands for the noun it hangs on ("Slovakia, which has opposed ...")."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("which", "who", "that") and current.dep_ == "relcl":
                return current.head
            if child.dep_ in ("nsubj", "nsubjpass"):
                if _is_dateline(child):
                    # the parser hung the real subject under the dateline: take the last person
                    # between the dash and the verb, else the first named place or body there
                    between = verb.doc[child.i + 2:verb.i]
                    people = [t for t in between if t.ent_type_ == "PERSON"]
                    named = [t for t in between if t.ent_type_ in ("GPE", "ORG", "NORP")]
                    return people[-1] if people else (named[0] if named else None)
                return child
        if current.dep_ in ("advcl", "xcomp", "conj", "ccomp", "pcomp", "acl") and current.head is not current:
            current = current.head
        else:
            break
    return None


def _name_before(verb: Token, people: PersonIndex) -> Token | None:
    """When the parser found no subject: a person named right before the verb (", X, said")."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].is_punct:
        i -= 1
    return verb.doc[i] if i >= verb.sent.start and i in people.by_token and verb.i - i <= 2 else None


def _speech_verbs(sent: Span, inside_quote: set[int]):
    """Speech verbs of a sentence, outermost first; a verb inside what another speech verb
    reports ("saying Moscow would never agree") is content, not a new speaker."""
    kinds, particles = _speech()
    found = []
    for token in sent:
        if token.i in inside_quote or token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = verb_lemma(token.text)
        kind = kinds.get(lemma)
        if kind is None:
            continue
        needed = particles.get(lemma)
        if needed and not any(t.lower_ in needed for t in token.doc[token.i + 1:token.i + 3]):
            continue
        found.append((token, kind))
    verbs = {t.i for t, _ in found}
    for token, kind in found:
        if _reported_by_another(token, verbs):
            continue
        yield token, kind


def _reported_by_another(token: Token, verbs: set[int]) -> bool:
    child = token
    for head in token.ancestors:
        if head.i in verbs and child.dep_ in ("ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "pobj", "dobj"):
            return True
        child = head
    return False


def _content_before(sent: Span, verb: Token, inside: set[int]) -> list[int]:
    """"A ceasefire ... would give Moscow time, she said.": the content precedes the attribution."""
    subject = _subject_of(verb)
    first = subject.left_edge.i if subject is not None else verb.i
    tokens = [t.i for t in sent if t.i < first and t.i not in inside]
    while tokens and sent.doc[tokens[-1]].is_punct:
        tokens.pop()
    return tokens


def _asked_clause(sent: Span, verb: Token, inside: set[int]) -> list[int]:
    """"Asked whether troops should be sent, X said ...": the question belongs to the answer."""
    if sent[0].lower_ != "asked":
        return []
    return [t.i for t in sent if t.i < verb.i and t.i not in inside and t.ent_type_ != "PERSON"]


def _according_to(sent: Span, people: PersonIndex, state: _State):
    """"According to X, ..." -> (speaker names, region without the attribution)."""
    for token in sent:
        if token.lower_ == "according" and token.i + 2 < sent.end and token.doc[token.i + 1].lower_ == "to":
            objects = [t for t in token.doc[token.i + 1].children if t.dep_ == "pobj"]
            if not objects:
                continue
            found = actor_for_token(objects[0], people, state)
            if found:
                skip = {t.i for t in token.subtree} | {token.i + 1} | {t.i for t in token.doc[token.i + 1].subtree}
                return [found[0]], found[1], [t.i for t in sent if t.i not in skip]
    return None


def _speakers(verb: Token, people: PersonIndex, state: _State) -> tuple[list[str], bool]:
    subject = _subject_of(verb) or _name_before(verb, people)
    if subject is None:
        return [], False
    found = actor_for_token(subject, people, state)
    if not found:
        return [], False
    if found[1]:
        state.actors[found[0]].mentions += 1
    names = [found[0]]
    for conj in subject.conjuncts:
        more = actor_for_token(conj, people, state)
        if more and more[0] not in names:
            names.append(more[0])
    return names, found[1]


def _remember(state: _State, names: list[str]) -> None:
    for name in names:
        state.last_speaker = name
        actor = state.actors.get(name)
        if actor and actor.actor_type == "person":
            state.last_person = name
        elif actor:
            state.last_plural = name


def speech_acts(doc: Doc, people: PersonIndex, state: _State) -> list[_Speech]:
    """Every act of speaking in reading order: direct quotes first within their sentence."""
    quotes = find_quotes(doc)
    inside = {i for q in quotes for i in range(q.start, q.end)}
    acts: list[_Speech] = []
    quote_at = {q.start: q for q in quotes}
    done_quotes: set[int] = set()
    for sent in doc.sents:
        # remember people mentioned so far, for pronouns in this sentence
        verbs = list(_speech_verbs(sent, inside))
        for q_start, quote in quote_at.items():
            if q_start in done_quotes or not (sent.start <= quote.end - 1 < sent.end):
                continue
            done_quotes.add(q_start)
            names, pronoun = [], False
            qsent = doc[min(quote.start, sent.start):max(quote.end, sent.end)]
            after = [v for v in verbs if v[0].i >= quote.end]
            before = [v for v in verbs if v[0].i < quote.start]
            for verb, _ in after + before[::-1]:
                names, pronoun = _speakers(verb, people, state)
                if names:
                    break
            if not names and not verbs and state.last_speaker:
                names, pronoun = [state.last_speaker], True  # a continuing quote
            if names:
                acts.append(_Speech(names, "direct", doc[quote.start + 1:quote.end - 1], None,
                                    quote.text.strip("“”\" ").rstrip(","), pronoun, qsent))
                _remember(state, names)
        attributed = False
        for verb, kind in verbs:
            names, pronoun = _speakers(verb, people, state)
            if not names:
                continue
            region_tokens = [t.i for t in sent if t.i > verb.i and t.i not in inside]
            if not any(doc[i].is_alpha for i in region_tokens):
                region_tokens = _content_before(sent, verb, inside)
            region_tokens += _asked_clause(sent, verb, inside)
            region_tokens = sorted(set(region_tokens))
            if region_tokens:
                region = doc[region_tokens[0]:region_tokens[-1] + 1]
                acts.append(_Speech(names, kind, region, doc[verb.i:verb.i + 1], "", pronoun, sent))
            _remember(state, names)
            attributed = True
            break  # one speaker per sentence outside quotes: the first verb with a subject
        if not attributed and (according := _according_to(sent, people, state)):
            names, pronoun, tokens = according
            tokens = [i for i in tokens if i not in inside]
            if tokens:
                acts.append(_Speech(names, "indirect", doc[tokens[0]:tokens[-1] + 1], None, "", pronoun, sent))
                _remember(state, names)
        if not state.last_speaker:  # before anyone spoke, "he" is the last person named
            for ent in sent.ents:
                if ent.start in people.by_token:
                    state.last_person = people.by_token[ent.start]
        state.last_subject = _sentence_subject(sent, people)
    return acts


# ---------------------------------------------------------------- claims and reactions


def _confidence(kind: str, weak: bool, flipped: bool, confirmed: bool, pronoun: bool, stance: str) -> float:
    value = BASE_CONFIDENCE[kind]
    if weak:
        value *= 0.6
    if flipped:
        value *= 0.9
    if pronoun:
        value *= 0.9
    if stance == "neutral":
        value *= 0.7
    if confirmed:
        value = min(0.95, value + 0.05)
    return round(value, 2)


def _explicit_target(sent: Span, char_end: int, people: PersonIndex, state: _State) -> str:
    doc = sent.doc
    after = [t for t in sent if t.idx >= char_end][:3]
    for token in after:
        if token.lower_ in ("that", "to") or token.pos_ == "VERB":
            return ""
        if token.i in people.by_token:
            return people.by_token[token.i]
        ent = _ent_at(doc, token.i)
        # a demonym ("the European proposal") names no one in particular: only places and bodies
        if ent is not None and (name := _entity_actor(ent, state)):
            return name
    return ""


def extract_doc(doc: Doc, article_id: str, issues: tuple[Issue, ...]):
    """Actors, Positions and Reactions of one parsed article."""
    state = _State()
    people = PersonIndex(doc, state)
    acts = speech_acts(doc, people, state)

    positions: dict[tuple, Position] = {}
    reactions: list[Reaction] = []
    previous_speaker = ""
    seen_reaction_sents: set[tuple[str, int]] = set()
    latest: dict[str, list[tuple[str, str]]] = {}  # actor -> (issue, stance) of their last claim

    def add(name, issue, stance, kind, conf, quote):
        actor = state.actors[name]
        key = (name, issue, stance, sent.start_char)
        if key in positions and positions[key].confidence >= conf:
            return
        positions[key] = Position(article_id, name, actor.actor_type, actor.country, actor.role, issue, stance,
                                  sent.text.strip(), sent.start_char, sent.end_char, quote, kind, conf)

    for act in acts:
        sent = act.sentence
        for name in act.speakers:
            claims = list(find_claims(act.region, issues, act.lead))
            for claim in claims:
                conf = _confidence(act.kind, claim.weak, claim.flipped, claim.confirmed, act.pronoun, claim.stance)
                add(name, claim.issue, claim.stance, act.kind, conf, act.quote)
            if claims:  # what "that idea" / "X's proposal" will refer to: the last claim made
                latest[name] = [(claims[-1].issue, claims[-1].stance)]
            if act.kind != "direct" and (name, sent.start) not in seen_reaction_sents:
                seen_reaction_sents.add((name, sent.start))
                found = _reaction(sent, name, previous_speaker, people, state, article_id)
                if found:
                    reaction, inherit = found
                    reactions.append(reaction)
                    if inherit and not claims and latest.get(reaction.target):
                        # "welcomed the announcement", "dismissed X's proposal": the reaction takes a
                        # stance on what the target last said (opposite for disagreement)
                        flip = reaction.relation == "disagrees"
                        for issue, stance in latest[reaction.target]:
                            add(name, issue, INVERSE[stance] if flip else stance, "reported", INHERITED_CONFIDENCE, "")
        if act.speakers and act.speakers[-1] != previous_speaker:
            previous_speaker = act.speakers[-1]

    # Group actors mentioned anywhere ("European leaders are expected to meet")
    for token in doc:
        group = _group_actor(token)
        if group:
            state.add(group[0], group[2], group[1], mentions=1)

    actors = [
        Actor(article_id, a.name, a.actor_type, a.country, a.role, max(a.mentions, 1))
        for a in state.actors.values()
    ]
    return actors, list(positions.values()), reactions


def _reaction(sent: Span, source: str, previous: str, people: PersonIndex, state: _State, article_id: str):
    """(Reaction, whether it takes over the target's last stance) or None."""
    text = sent.text
    for relation, target_rule, pattern in _reaction_patterns():
        m = pattern.search(text)
        if not m:
            continue
        if target_rule == "previous":
            target, inherit = (previous if previous != source else ""), True
        else:
            target = _explicit_target(sent, sent.start_char + m.end(), people, state)
            inherit = _names_a_proposal(sent, sent.start_char + m.end())
        if target and target != source and relation in ("agrees", "disagrees", "responds"):
            s, t = state.actors[source], state.actors[target]
            reaction = Reaction(article_id, source, s.country, target, t.country, relation, text.strip(),
                                sent.start_char, sent.end_char)
            return reaction, inherit and relation != "responds"
    return None


def _names_a_proposal(sent: Span, char_end: int) -> bool:
    """"dismissed Farkas's proposal": the object is something the target proposed."""
    nouns = set(load("reactions")["inherit_nouns"])
    return any(t.lower_ in nouns for t in [t for t in sent if t.idx >= char_end][:4])
