"""The ``speaker_attribution`` component: who speaks where.

Reads ``doc._.actors`` / ``doc._.person_at`` (from ``person_index``) and assigns

* ``doc._.speech``: a list of Speech records in reading order (speakers, kind, the region of
  tokens they speak in, the speech verb, the quote);
* ``doc.spans["speech"]``: the same regions as spans, label = kind, kb_id = first speaker.

What is matched: direct quotes (curly or straight double quotes, also several sentences long and
introduced by a colon: "X confirmed this in a post: “...”"), attributed by the speech verb after
or before them; indirect speech (subject of a speech verb, analysis/data/speech.toml), content
before an attribution ("..., she said"), "According to X, ..."; pronouns resolved to the nearest
compatible person (grammatical gender from the text's own "Mr"/"Ms" and pronouns, else from the
first name via gender-guesser; number: "they" to groups); definite titles ("the chancellor said")
to the last person with that role. Not matched: speakers named only in a previous paragraph's
quote, or "it" standing for a body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from analysis.components import doc_text, media_nouns, role_words
from analysis.countries import country_code, demonym, institution
from analysis.lexicon import data_cache, load, phrase_pattern
from analysis.people import (add_actor, add_government, bloc_members, coordinated_governments, ent_at, entity_actor,
                             envoy_body, envoy_country, envoy_nouns, group_actor, group_nouns, names_government_body,
                             reported_country, shared_group_noun, state_group_members)
from analysis.verbs import forms, verb_lemma, written_forms

SPEECH_KEY = "speech"
# An opening curly quote may be closed by a straight one (outlets mix them): never run past it.
# A quote over several paragraphs leaves each paragraph but the last open and opens the next one
# again (“...\n\n“...”): it is one quote, so a paragraph without an attribution is the speaker's too.
QUOTE_RE = re.compile(r"(?:“[^”“\"\n]{3,}\n\s*)*“[^”“\"]{3,}[”\"]|(?:\"[^\"\n“”]{3,}\n\s*)*\"[^\"\n“”]{3,}[\"”]")
PRONOUNS = {"he": "male", "she": "female", "they": "plural", "we": "plural", "i": "person"}
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
HONORIFICS = {"mr": "male", "mr.": "male", "ms": "female", "ms.": "female", "mrs": "female", "mrs.": "female",
              "sir": "male", "madam": "female", "dame": "female", "lord": "male", "lady": "female"}
QUOTING_VERBS = {"quoted", "quotes", "quoting", "cited", "cites", "citing", "reported", "reports", "reporting"}
HEAD_TITLES = ("president", "prime minister", "chancellor", "premier", "king", "emir", "crown prince", "leader",
               "taoiseach")
OWN_PRONOUNS = {"his": "male", "him": "male", "himself": "male", "her": "female", "hers": "female", "herself": "female"}

if not Doc.has_extension("speech"):
    Doc.set_extension("speech", default=None)


@dataclass
class Speech:
    """One act of speaking: who, with which verb, over which tokens."""

    speakers: list[str]
    kind: str  # direct | indirect | reported
    region: Span
    lead: Span | None  # the speech verb, when it belongs to the claim ("ruled out talks")
    quote: str = ""
    pronoun: bool = False
    sentence: Span | None = None


# Subordinators of an adverbial clause whose speech verb has a speaker of its own.
OWN_CLAUSE_MARKS = {"while", "whereas", "after", "when", "since", "before", "although", "though"}

# Subordinators of a clause that concedes or contrasts before the main clause.
FRONTED_MARKS = {"while", "although", "though", "whereas", "whilst"}


@data_cache()
def speech_kinds():
    data = load("speech")
    kinds = {lemma: "indirect" for lemma in data["indirect"]}
    kinds.update({lemma: "reported" for lemma in data["reported"]})
    return kinds, {k: set(v) for k, v in data["particle_verbs"].items()}


@data_cache(maxsize=None)
def _verb_forms(key: str) -> frozenset:
    """Written forms (regular ones, ``forms``) of the verbs speech.toml lists under ``key``
    (intent_verbs, clause_verbs, bringing_in_verbs): there is no lemmatizer in the pipeline."""
    return frozenset(f for v in load("speech")[key] for f in forms(v))


def _states_intent(token: Token) -> bool:
    """The verb, in the active voice, says what its subject means to do: "threatened to impose ...",
    "threatened Y with ..."; not "Y was threatened by X", "Y feels threatened", "acts that threaten peace"."""
    if any(c.dep_ in ("auxpass", "agent") for c in token.children) or (
            token.tag_ == "VBN" and token.dep_ in ("acomp", "oprd", "amod", "acl")):
        return False
    return any((c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
               or (c.dep_ == "prep" and c.lower_ == "with") for c in token.children)


def _says_clause(token: Token) -> bool:
    """"Foreign Minister Berg mentioned that talks must resume": a clause verb in the active voice,
    a person named as its subject and a that-clause as its complement, says that clause; not "the
    plan mentioned above", "X was mentioned", nor a body's or a pronoun's mention."""
    if token.lower_ not in _verb_forms("clause_verbs") or any(c.dep_ in ("auxpass", "agent", "nsubjpass") for c in token.children):
        return False
    if not any(c.dep_ == "nsubj" and c.i in token.doc._.person_at for c in token.children):
        return False
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in token.children)


@data_cache()
def _defending_words() -> tuple[frozenset, frozenset]:
    """Written forms of speech.toml's defending_verbs, and the nouns of what is defended by fighting."""
    data = load("speech")
    return frozenset(f for v in data["defending_verbs"] for f in forms(v)), frozenset(data["defended_places"])


def _defends_a_stance(token: Token) -> bool:
    """"X defended the decision", "defended Y's right to ...", "defended that the duties are fair":
    a verb of defending in the active voice whose object is a common noun that is no place or people
    (a decision, a policy, a right), or a clause. Not "defended the border", "defending Ukraine",
    "defend itself", "must be defended"."""
    verbs, places = _defending_words()
    if token.lower_ not in verbs or any(c.dep_ in ("auxpass", "agent") for c in token.children):
        return False
    return any((c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lower_ not in places) or c.dep_ == "ccomp"
               for c in token.children)


def _brings_in_measure(token: Token) -> bool:
    """"Norland introduced duties on steel", "Oslo has introduced a ban on ...": a verb of bringing in a
    measure, finite and active, with its own subject and an object, states the subject's stance on the
    measure. Not its participle ("by introducing the package", "asked about introducing curbs") nor
    its passive ("the duties were introduced")."""
    if token.lower_ not in _verb_forms("bringing_in_verbs") or token.tag_ == "VBG":
        return False
    children = list(token.children)
    if any(c.dep_ in ("auxpass", "agent", "nsubjpass") for c in children):
        return False
    return any(c.dep_ == "nsubj" for c in children) and any(c.dep_ == "dobj" for c in children)


@data_cache()
def statement_nouns() -> frozenset:
    return frozenset(load("speech")["statement_nouns"])


@data_cache()
def _showing_verbs() -> frozenset:
    return frozenset(load("speech")["showing_verbs"])


def _shows_event(verb: Token, kinds: dict) -> bool:
    """"The party stood in opposition, highlighting a deep division": a participle of a verb of
    pointing hung on a verb that is no verb of saying says what the event shows, not what anyone
    said; on a verb of saying ("backed the plan, highlighting its promise") it goes on speaking."""
    return (verb_lemma(verb.text) in _showing_verbs() and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl", "conj")
            and verb.head is not verb and verb_lemma(verb.head.text) not in kinds)


@data_cache()
def _stance_states() -> dict:
    return {word: frozenset(preps) for word, preps in load("speech")["stance_states"].items()}


STATE_VERBS = {"is", "are", "was", "were", "been", "be", "remain", "remains", "remained", "stay", "stays", "stayed"}


def _holds_state(token: Token) -> bool:
    """"Latvia remains committed to a two-state solution", "Latvia is a staunch supporter of
    sanctions": a verb of being whose predicate is a state of commitment or support, with what is
    supported after its preposition."""
    if token.lower_ not in STATE_VERBS:
        return False
    states = _stance_states()
    predicates = [c for c in token.children if c.dep_ in ("acomp", "attr", "oprd")] + _counted_among(token)
    return any(c.lower_ in states and any(g.dep_ == "prep" and g.lower_ in states[c.lower_] for g in c.children)
               for c in predicates)


@data_cache()
def _assertion_states() -> frozenset:
    return frozenset(load("speech")["assertion_states"])


def _asserts_conviction(token: Token) -> bool:
    """"Latvia has been clear it will keep the sanctions", "the minister is convinced that talks
    must resume", "Talks will resume, the minister is sure": a verb of being whose predicate is an
    adjective of a conviction held, with the clause held (after it or before the verb). Not "it is
    clear that ..." (no one holds it: the subject is no actor), "was not sure whether ..."."""
    if token.lower_ not in STATE_VERBS or any(c.dep_ == "neg" for c in token.children):
        return False
    states = [c for c in token.children if c.dep_ == "acomp" and c.lower_ in _assertion_states()]
    clauses = [g for c in states + [token] for g in c.children if g.dep_ == "ccomp"]
    return bool(states) and any(not any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children)
                                for c in clauses)


def _counted_among(token: Token) -> list[Token]:
    """The nouns a verb of being counts its subject among: "was among the strongest supporters of
    the duties", "has been one of the loudest advocates of talks" (the noun after "among", or after
    "one of"); the subject holds the state of that group."""
    found = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "among":
            found += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("attr", "nsubj") and child.lower_ == "one":
            found += [g for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"]
    return found


@data_cache()
def _echo_words() -> tuple[frozenset, frozenset]:
    data = load("speech")
    return frozenset(data["echo_verbs"]), frozenset(data["echo_nouns"])


ECHO_MODIFIERS = {"similar", "same", "like"}


@data_cache()
def _light_words() -> tuple[frozenset, frozenset]:
    data = load("speech")
    return written_forms(data["light_verbs"]), frozenset(data["light_nouns"])


def _light_verb(token: Token) -> bool:
    """"made a plea for air defence", "issued a call for a ceasefire", "renewed her pledge to send
    tanks": the noun of asking or promising carries the speech, the verb only bears it."""
    verbs, nouns = _light_words()
    if token.lower_ not in verbs:
        return False
    for noun in (c for c in token.children if c.dep_ == "dobj" and c.lower_ in nouns):
        # the content hangs on the noun, or the parser hung "for ..." on the verb right after it
        content = [g for g in noun.children if (g.dep_ == "prep" and g.lower_ in ("for", "on", "against"))
                   or (g.dep_ == "acl" and g.tag_ == "VB")]
        content += [g for g in token.children if g.dep_ == "prep" and g.lower_ in ("for", "against")
                    and g.i == noun.right_edge.i + 1]
        if content:
            return True
    return False


@data_cache()
def _content_words() -> tuple[frozenset, frozenset]:
    data = load("speech")
    return frozenset(f for lemma in data["content_verbs"] for f in forms(lemma)), frozenset(data["content_nouns"])


def _owned_plan_holds(token: Token) -> bool:
    """"Y's peace formula includes the withdrawal of troops", "the plan of Y envisages ...": a verb
    of containing whose subject is a plan with a named person or country as its owner."""
    verbs, nouns = _content_words()
    if token.lower_ not in verbs:
        return False
    doc = token.doc
    for subject in (c for c in token.children if c.dep_ == "nsubj" and c.lower_ in nouns):
        for owner in subject.children:
            if owner.dep_ == "poss" and (owner.i in doc._.person_at or owner.ent_type_ == "GPE"):
                return True
            if owner.dep_ == "prep" and owner.lower_ == "of" and any(
                    g.i in doc._.person_at for g in owner.children if g.dep_ == "pobj"):
                return True
    return False


@data_cache()
def _drafting_words() -> tuple[dict, frozenset, dict]:
    """Written forms of speech.toml's drafting_verbs with their lemma, the nouns of a plan drawn up
    (content_nouns and drafting_nouns), and the particle some of the verbs need."""
    data = load("speech")
    verbs = {form: lemma for lemma in data["drafting_verbs"] for form in written_forms([lemma])}
    return verbs, frozenset(data["content_nouns"]) | frozenset(data["drafting_nouns"]), dict(data["drafting_particles"])


def _drafts_plan(token: Token) -> bool:
    """"produced a plan for the withdrawal of the troops", "drew up a list of goods for retaliatory
    duties", "put forward a proposal to ...": a verb of drawing up, in the active voice,
    whose object is a plan or a list, states what that plan holds. Not "produced more shells", "the
    plan was drafted", "drew attention to"."""
    verbs, nouns, particles = _drafting_words()
    lemma = verbs.get(token.lower_)
    if lemma is None or any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return False
    if lemma in particles and not any(c.dep_ == "prt" and c.lower_ == particles[lemma] for c in token.children):
        return False
    return any(c.dep_ == "dobj" and c.lower_ in nouns for c in token.children)


@data_cache()
def _means_words() -> tuple[frozenset, frozenset]:
    data = load("speech")
    return frozenset(f for lemma in data["means_verbs"] for f in forms(lemma)), frozenset(data["means_nouns"])


def _seeks_means(token: Token) -> bool:
    """"met Y to discuss ways to establish a ceasefire", "is exploring how to cut the duties": a verb
    of weighing whose object is a way to an act (an infinitive after it) states that act as an aim."""
    verbs, nouns = _means_words()
    if token.lower_ not in verbs:
        return False
    for noun in (c for c in token.children if c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ in nouns):
        if any(g.dep_ in ("acl", "relcl", "xcomp", "advcl") and g.tag_ == "VB" for g in noun.children):
            return True  # "ways to establish ...": the infinitive hangs on the noun
    # "discuss how to strengthen ...": the parser hangs "how" on the infinitive
    return any(c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB" and any(g.lower_ in nouns and g.dep_ == "advmod"
                                                                          for g in c.children)
               for c in token.children)


@data_cache()
def _talking_verbs() -> frozenset:
    """Written forms of speech.toml's talking_verbs (no lemmatizer in the pipeline), irregular ones too."""
    return written_forms(load("speech")["talking_verbs"])


def _talks_with_about(token: Token) -> bool:
    """"spoke with Y about the urgency of a deal", "talked to Y about reaching a truce": a verb of
    talking with a partner ("with"/"to" and a noun) and what it was about states a view on it; "spoke
    about the restrictions" with no one named to talk with may only name a topic."""
    if token.lower_ not in _talking_verbs():
        return False
    preps = [c for c in token.children if c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children)]
    partners = [g for c in preps if c.lower_ in ("with", "to") for g in c.children if g.dep_ == "pobj"]
    # "talked to her colleague about ...": the parser may hang the topic on the partner
    return bool(partners) and any(c.lower_ == "about" and any(g.dep_ == "pobj" for g in c.children)
                                  for c in preps + [c for p in partners for c in p.children if c.dep_ == "prep"])


def _echo_noun(token: Token) -> bool:
    """An echo noun with no content of its own: "his words", "similar statements", "the same view"."""
    _, nouns = _echo_words()
    return token.lower_ in nouns and not any(c.dep_ in ("acl", "relcl", "ccomp", "prep") for c in token.children)


def _made_similar(verb: Token) -> bool:
    """"made similar statements", "Similar statements were also made by X": a statement that only
    says it repeats the one before."""
    if verb_lemma(verb.text) not in ("make", "issue", "voice", "express"):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and _echo_noun(c)
               and any(m.lower_ in ECHO_MODIFIERS for m in c.children if m.dep_ in ("amod", "det", "predet"))
               for c in verb.children)


DEFINITE_DETS = {"the", "this", "these", "those"}


def _made_the_statement(verb: Token) -> bool:
    """"Anna Berg made the pledge at the conference", "He made these remarks in Kyiv": a definite
    statement noun without a content of its own names the speech act told just before."""
    if verb_lemma(verb.text) not in ("make", "issue", "deliver", "give"):
        return False
    _, echo_nouns = _echo_words()
    _, light_nouns = _light_words()
    for noun in (c for c in verb.children if c.dep_ == "dobj" and (c.lower_ in echo_nouns or c.lower_ in light_nouns)):
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in noun.children):
            continue
        if any(c.dep_ in ("acl", "relcl", "ccomp", "amod", "compound") or (c.dep_ == "prep" and c.lower_ in ("for", "on", "against", "to", "of"))
               for c in noun.children):
            continue  # "the pledge to send tanks", "the same remarks": a content or a kind of its own
        return True
    return False


def _echoed(acts: list[Speech], names: list[str], since: int) -> Speech | None:
    """The speech act just before, which ``names`` take up as their own: when others spoke it, in a
    sentence that ends after token ``since``; else None."""
    echoed = acts[-1] if acts else None
    if (echoed is None or not names or set(names) & set(echoed.speakers) or echoed.sentence is None
            or echoed.sentence.end <= since):
        return None
    return echoed


def _echoes(verb: Token) -> bool:
    """The verb repeats what was said before without a content of its own ("X echoed his words",
    "Y agreed.", "Z agreed with him", "made similar statements"). "echoed calls for talks" or
    "agreed to send tanks" carry their own content."""
    if _made_similar(verb):
        return True
    verbs, _ = _echo_words()
    if verb_lemma(verb.text) not in verbs:
        return False
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "advcl", "conj") or (child.dep_ == "dobj" and not _echo_noun(child)):
            return False
        if child.dep_ == "prep" and (child.lower_ != "with" or any(
                g.pos_ not in ("PRON", "PROPN") and not _echo_noun(g) for g in child.children if g.dep_ == "pobj")):
            return False
    return True


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


def first_name_gender(name: str) -> str:
    """"male" / "female" for a first name the gender-guesser tables know well, else ""."""
    words = name.split()
    if len(words) < 2:
        return ""
    first = words[0].split("-")[0]
    guess = _gender_detector().get_gender(first)
    return {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}.get(guess, "")


NAME_PARTICLES = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "&"}


def _quoted_name(words: Span) -> bool:
    """“Inflation Reduction Act”, “America First”: a few capitalised words without a verb or a
    closing punctuation name a law, a policy or a slogan; nobody is quoted."""
    tokens = [t for t in words if not t.is_space]
    if not 2 <= len(tokens) <= 6 or any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in tokens):
        return False
    return all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in tokens) and tokens[0].text[:1].isupper()


def find_quotes(doc: Doc, text: str | None = None) -> list[Span]:
    """Spans of direct quotations, quote marks included, in text order; a quote left open to the
    end of its paragraph runs to that end (``_open_quotes``). Other unbalanced quotes and quoted
    names are ignored. ``text`` is ``doc.text`` when the caller has it (Doc.text joins every token
    anew)."""
    text = doc_text(doc) if text is None else text
    spans, closed = [], []
    for m in QUOTE_RE.finditer(text):
        closed.append((m.start(), m.end()))
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span) > 2 and not _quoted_name(span[1:-1]):
            spans.append(span)
    for start, end in _open_quotes(text, closed):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 3 and any(t.pos_ in ("VERB", "AUX") for t in span):
            spans.append(span)
    return sorted(spans, key=lambda s: s.start)


PARAGRAPH_RE = re.compile(r"[^\n]+")
OPEN_QUOTE_RE = re.compile(r"(?:^|(?<=[.:!?]\s)|(?<=[.:!?]))\s*([“\"])[^“”\"]{3,}[.!?…]\s*$")


def _open_quotes(text: str, closed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of quotes opened and never closed before their paragraph ends ("The president
    said more must be done. “Aid must reach the city. Lives come first." then a new paragraph): the
    page left the closing mark out, the words still the quoted speaker's. The mark opens the
    paragraph or a sentence (after a full stop or a colon), no other mark follows it in the
    paragraph, and the paragraph ends a sentence (a text cut off mid-word is no quote). Marks inside
    the ``closed`` quotes are not looked at."""
    found = []
    for para in PARAGRAPH_RE.finditer(text):
        m = OPEN_QUOTE_RE.search(para.group())
        if m is None:
            continue
        start = para.start() + m.start(1)
        if not any(a <= start < b for a, b in closed):
            found.append((start, para.start() + len(para.group().rstrip())))
    return found


TURN_RE = re.compile(r"(?m)^[^\S\n]*([^\n:]{2,110}?)[^\S\n]*:[^\S\n]+(\S[^\n]*)")


def find_turns(doc: Doc, text: str | None = None) -> list[tuple[str, Span]]:
    """Transcript turns: a line that opens with a person's name (and a description of them after a
    comma) and a colon ("Anna Berg: We will ...", "Anna Berg, Foreign Minister of Estonia: ..."),
    as in press-conference transcripts and interviews -> (name, the rest of the line). ``text`` as
    in ``find_quotes``."""
    turns = []
    titled = None  # the tokens of role phrases, gathered at the first line that looks like a turn
    for m in TURN_RE.finditer(doc_text(doc) if text is None else text):
        label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        said = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if label is None or said is None or not len(said):
            continue
        # "Anna Berg, Permanent Representative of Estonia to the UN: ...": the name, then a
        # description of the speaker without a verb
        comma = next((t.i for t in label if t.text == ","), label.end)
        rest = label.doc[comma:label.end]
        if any(t.pos_ in ("VERB", "AUX") for t in rest):
            continue
        # the name may follow its title ("President Anna Berg: ...", "Latvia's foreign minister Anna Berg: ...")
        if titled is None:
            titled = {i for r in doc.spans.get("roles", []) for i in range(r.start, r.end)}
        names = {doc._.person_at.get(t.i) for t in label.doc[label.start:comma]
                 if not t.is_punct and t.i not in titled and t.lower_ not in ("the", "'s", "’s")
                 and not (t.i + 1 < comma and doc[t.i + 1].lower_ in ("'s", "’s") and country_code(t.text))
                 and not demonym(t.text)}
        if len(names) == 1 and None not in names:
            turns.append((names.pop(), said))
    return turns


class _Context:
    """What a pronoun or a definite title may refer to, updated sentence by sentence."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.last_speaker = ""
        self.last_plural = ""
        self.last_subject = ""  # person who was the grammatical subject of the previous sentence
        self.recent: list[str] = []  # people by last mention, most recent last
        self.gender: dict[str, str] = {}
        self.group: list[str] = []  # the last people who spoke together ("A, B and C said")
        self.group_last = False  # the group came after the last plural body: "they" stands for it
        self.last_pair: list[str] = []  # people joined as the previous sentence's subject ("A and B met")
        self.met: list[str] = []  # the people of the last meeting told ("A met B", "A's talks with B")
        self.met_at = -1  # the number of the sentence that told it
        self.sent_no = 0  # the number of the sentence being read
        self.spoke_before: set[str] = set()  # who spoke in the sentence before
        self._first_at: dict[str, int] | None = None
        self._appositives: dict[str, list[Token]] | None = None

    @property
    def first_at(self) -> dict[str, int]:
        """Each person's first mention (token index), read once per Doc."""
        if self._first_at is None:
            self._first_at = {}
            for mention in self.doc.spans.get("people", []):
                self._first_at.setdefault(mention.kb_id_, mention.start)
        return self._first_at

    def appositives(self, word: str) -> list[Token]:
        """The title words ``word`` set in apposition to a named person, in text order; the Doc is
        read once, not once per definite title (that grew with the square of its length)."""
        if self._appositives is None:
            self._appositives = {}
            person_at = self.doc._.person_at
            for t in self.doc:
                if t.dep_ == "appos" and t.head.i in person_at:
                    self._appositives.setdefault(t.lower_, []).append(t)
        return self._appositives.get(word, [])

    def saw_person(self, name: str) -> None:
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)

    def remember(self, names: list[str]) -> None:
        people = []
        for name in names:
            self.last_speaker = name
            actor = self.doc._.actors.get(name)
            if actor and actor.actor_type == "person":
                self.saw_person(name)
                people.append(name)
            elif actor:
                self.last_plural = name
                self.group_last = False
        if len(people) > 1:
            self.group, self.group_last = people, True

    def participants(self) -> list[str]:
        """The people of the meeting told in this sentence or one of the few before it (see
        names_participants), else []."""
        return self.met if self.met and 0 <= self.sent_no - self.met_at <= MEETING_REACH else []

    def person_for(self, pronoun: str) -> str:
        """The nearest person a "he"/"she"/"I" can stand for: the previous sentence's subject, the
        last speaker, then people by recency; one whose gender contradicts the pronoun is skipped."""
        want = PRONOUNS[pronoun]
        actors = self.doc._.actors
        candidates = [self.last_subject, self.last_speaker] + self.recent[::-1]
        for name in candidates:
            actor = actors.get(name)
            if not actor or actor.actor_type != "person":
                continue
            if want in ("male", "female") and self.gender.get(name, want) != want:
                continue
            return name
        return ""


def _genders(doc: Doc) -> dict[str, str]:
    """Each person's grammatical gender: "Mr"/"Ms" before a mention, else an own-pronoun ("his",
    "her") right after the first mention in the same clause, else the first name's usual gender."""
    found: dict[str, str] = {}
    for mention in doc.spans.get("people", []):
        name = mention.kb_id_
        if name in found:
            continue
        before = doc[mention.start - 1].lower_ if mention.start > 0 else ""
        if before in HONORIFICS:
            found[name] = HONORIFICS[before]
    for mention in doc.spans.get("people", []):
        if mention.kb_id_ not in found and (own := _own_pronoun_gender(mention)):
            found[mention.kb_id_] = own
    for name, actor in doc._.actors.items():
        if actor.actor_type == "person" and name not in found:
            gender = first_name_gender(name)
            if gender:
                found[name] = gender
    return found


def _own_pronoun_gender(mention: Span) -> str:
    """"Anna Berg said in her briefing ...": the gender of a possessive or reflexive pronoun in
    the clause the person is the subject of, after the name and before any other person; "" when
    there is none. The text's own word outweighs what a first name usually is."""
    doc, subject = mention.doc, mention.root
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return ""
    for token in doc[mention.end:subject.head.sent.end]:
        if token.i in doc._.person_at:
            return ""  # another person: a pronoun after it may be theirs
        if token.tag_ != "PRP$" and token.lower_ not in ("himself", "herself") or token.lower_ not in OWN_PRONOUNS:
            continue
        # the nearest clause above the pronoun with a subject must be the person's own
        clause = next((a for a in token.ancestors if any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children)), None)
        owner = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")] if clause is not None else []
        return OWN_PRONOUNS[token.lower_] if owner and owner[0].i == subject.i else ""
    return ""


def sentence_subject(sent: Span) -> str:
    """The person the sentence is about: the named subject of its main verb, if a person."""
    person_at = sent.doc._.person_at
    for child in sent.root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.i in person_at:
                return person_at[child.i]
            inside = [t.i for t in child.subtree if t.i in person_at]
            if inside and child.pos_ in ("NOUN", "PROPN"):
                return person_at[inside[0]]
    return ""


def _subject_people(sent: Span) -> list[str]:
    """"Anna Berg and Karl Weber met in Riga": two or more people named, joined, as the subject of
    the main verb; else []."""
    person_at = sent.doc._.person_at
    for child in sent.root.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i in person_at and child.conjuncts:
            people = list(dict.fromkeys(person_at[t.i] for t in (child, *child.conjuncts) if t.i in person_at))
            return people if len(people) > 1 else []
    return []


# How many sentences after a meeting is told "the two leaders" may still stand for its people.
MEETING_REACH = 6


@data_cache()
def _meeting_words() -> tuple[frozenset, frozenset, frozenset]:
    """speech.toml participant_nouns, meeting_verbs (written forms) and meeting_nouns."""
    data = load("speech")
    return frozenset(data["participant_nouns"]), frozenset(data["meeting_verbs"]), frozenset(data["meeting_nouns"])


def _side_people(token: Token) -> list[str]:
    """The people one side of a meeting names: the token and its conjuncts, each a person or a
    title with the person in apposition."""
    person_at = token.doc._.person_at
    found = []
    for side in (token, *token.conjuncts):
        name = person_at.get(side.i) or next((person_at[c.i] for c in side.children
                                              if c.dep_ == "appos" and c.i in person_at), "")
        if name and name not in found:
            found.append(name)
    return found


def _meeting_people(sent: Span) -> list[str]:
    """"A met B", "A met with B", "A and B met", "A held talks with B", "A's meeting with B", "a
    meeting between A and B", "..., following a meeting with B" (A the clause's subject): the
    the people of each side of the first meeting the sentence tells, the ones the text names as
    people; [] when it tells none or names no one on either side."""
    _, verbs, nouns = _meeting_words()
    for token in sent:
        sides: list[Token] = []
        if token.lower_ in verbs and token.pos_ in ("VERB", "AUX"):
            subject = subject_of(token)
            partners = [c for c in token.children if c.dep_ == "dobj"] + [
                g for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
            if subject is None or not (partners or subject.conjuncts):
                continue
            sides = [subject] + partners
        elif token.lower_ in nouns and token.pos_ == "NOUN":
            preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "between")]
            partners = [g for c in preps for g in c.children if g.dep_ == "pobj"]
            if not partners:
                continue
            owners = [c for c in token.children if c.dep_ == "poss"]
            if preps[0].lower_ == "between":
                sides = partners
            elif owners:
                sides = owners + partners
            else:
                # "A had talks with B", "A announced ..., following a meeting with B": the subject of
                # the verb that the noun (or the phrase holding it) hangs on
                head = token.head.head if token.dep_ == "pobj" else token.head
                subject = subject_of(head) if head.pos_ in ("VERB", "AUX") and token.dep_ in ("dobj", "pobj") else None
                if subject is None:
                    continue
                sides = [subject] + partners
        else:
            continue
        people = list(dict.fromkeys(name for side in sides for name in _side_people(side)))
        if people:
            return people
    return []


def names_participants(token: Token) -> bool:
    """"the two leaders", "both ministers", "the leaders": a plural title (participant_nouns) after
    "the" or "both" (a number allowed) and nothing that says whose ("the EU leaders", "leaders of
    the bloc")."""
    if token.lower_ not in _meeting_words()[0] or token.tag_ != "NNS":
        return False
    kids = [c for c in token.children if c.dep_ != "punct"]
    return any(c.lower_ in ("the", "both") for c in kids) and all(
        (c.dep_ in ("det", "predet") and c.lower_ in ("the", "both"))
        or (c.dep_ == "nummod" and c.lower_ in ("two", "three", "both")) for c in kids)


def participants_before(token: Token) -> list[str]:
    """The people of the last meeting told in the token's sentence or the MEETING_REACH sentences
    before it (as the speaker attribution reads them, see _Context.participants), else []."""
    doc = token.doc
    sent = token.sent
    sents = []
    while len(sents) <= MEETING_REACH:
        sents.append(sent)
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    for sent in sents:
        people = _meeting_people(sent)
        if people:
            return people
    return []


def _quote_participants(doc: Doc, quote: Span, ctx: _Context) -> list[str]:
    """“The ministers discussed ways to ...,” the ministry said: a quote (a readout) with the people
    of a meeting just told as the subject of one of its clauses (see names_participants) relays
    their words; those people, else []."""
    for token in doc[quote.start + 1:quote.end - 1]:
        if token.dep_ in ("nsubj", "nsubjpass") and quote.start < token.head.i < quote.end and names_participants(token):
            return ctx.participants()
    return []


def _holder_of(token: Token) -> str:
    """The one person of the article whose role ends with this title word ("adviser"), other than
    the people named inside the subject; "" when none or several."""
    inner = {token.doc._.person_at[t.i] for t in token.subtree if t.i in token.doc._.person_at}
    holders = [a.name for a in token.doc._.actors.values()
               if a.actor_type == "person" and a.name not in inner and a.role.lower().split()[-1:] == [token.lower_]]
    return holders[0] if len(holders) == 1 else ""


def _described_person(token: Token, ctx: _Context) -> str:
    """"The chancellor added ...", "the vice president told ...": a definite title names the
    last person whose role ends with it (the fullest match wins)."""
    if token.pos_ not in ("NOUN", "PROPN") or not any(c.lower_ in ("the", "this") for c in token.children if c.dep_ == "det"):
        return ""
    actors = token.doc._.actors
    before = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
    modifiers = [c.lower_ for c in before]
    title = " ".join(modifiers + [token.lower_])
    # "the Dutch prime minister": a country among the modifiers must be the person's own
    codes = {country_code(c.text) for c in before} - {""}
    plain = " ".join([c.lower_ for c in before if not country_code(c.text)] + [token.lower_])
    # people named later come last: a title looks back ("the Foreign Minister announced" is not
    # another country's foreign minister named further down)
    first_at = ctx.first_at
    later = [n for n in reversed(actors) if first_at.get(n, -1) > token.sent.end]
    in_sentence = [n for n in reversed(actors) if token.i < first_at.get(n, -1) < token.sent.end]
    earlier = [n for n in reversed(actors) if n not in later and n not in in_sentence]
    candidates = [ctx.last_speaker] + ctx.recent[::-1] + earlier + in_sentence + later
    def holds(name: str, wanted: str, stated: bool) -> bool:
        """``name`` holds the title; with a country in it, that country (``stated``) or none known."""
        actor = actors.get(name)
        if not actor or actor.actor_type != "person":
            return False
        if codes and (actor.country not in codes if stated else (actor.country and actor.country not in codes)):
            return False
        role = actor.role.lower()
        return role.endswith(wanted) and (wanted == token.lower_ or role == wanted or role.endswith(" " + wanted))

    # "the Ukrainian president": one whose country is Ukraine first; someone whose country the
    # text never gave only when they are the one such person of that title named so far (else no one)
    unknown = {n for n in candidates for w in (title, plain, token.lower_)
               if codes and n not in later and holds(n, w, False) and not actors[n].country}
    passes = [True] + ([False] if len(unknown) == 1 else []) if codes else [False]
    for stated in passes:
        for group in ([ctx.last_speaker] + ctx.recent[::-1] + earlier, in_sentence, later if stated or not codes else []):
            for wanted in dict.fromkeys((title, plain, token.lower_)):
                for name in group:
                    if holds(name, wanted, stated):
                        return name
            untitled = [n for n in group if group is in_sentence and (a := actors.get(n)) and a.actor_type == "person"
                        and not a.role]
            if stated == passes[-1] and len(untitled) == 1:
                return untitled[0]  # "..., the minister announced in a post by Anna Berg": named right there
    holder = _appositive_holder(token, ctx)
    if holder:
        return holder
    covered = tuple(load("roles")["title_words"].get(token.lower_, ()))
    if covered:
        # "the top diplomat said" of the foreign minister named before: the last such person (of the
        # country named with the word, if any); no one named later
        for name in [ctx.last_speaker] + ctx.recent[::-1] + earlier + in_sentence:
            actor = actors.get(name)
            if (actor and actor.actor_type == "person" and (not codes or actor.country in codes)
                    and actor.role.lower().endswith(covered)):
                return name
    if token.lower_ == "leader":
        # "the French leader said": the head of state or government of that country
        for name in candidates:
            actor = actors.get(name)
            if (actor and actor.actor_type == "person" and actor.country in codes
                    and actor.role.lower().endswith(HEAD_TITLES)):
                return name
    if codes and token.lower_ in role_words() and all(c.ent_type_ in ("NORP", "GPE") for c in before
                                                       if country_code(c.text)):
        # "the Latvian president said" of the one Latvian named before whose title the text did not
        # give, or gave only as someone's "counterpart": the description gives it (a country's people
        # or place, not a body: "the Commission president")
        untitled = {n for n in [ctx.last_speaker] + ctx.recent[::-1] + earlier
                    if (a := actors.get(n)) and a.actor_type == "person" and a.country in codes
                    and a.role.lower() in UNTITLED_ROLES}
        if len(untitled) == 1:
            return untitled.pop()
    if codes or any(c.ent_type_ in ("GPE", "NORP") for c in before):
        return ""  # "the Ruritanian president": a country's office is left to that country's people
    return _untitled_holder(token, ctx)


# Roles that give no title of one's own: "his Latvian counterpart Anna Berg" holds the office of whoever
# "his" is, which the role does not say.
UNTITLED_ROLES = ("", "counterpart", "colleague")


def _untitled_holder(token: Token, ctx: _Context) -> str:
    """"Anna Berg has signalled a shift ... . Speaking in Riga, the foreign minister said ...": a
    definite title of a high office that no one of the article holds stands for the person the
    sentence before is about when the text gave that person no title: its subject, else a person
    named in it or who spoke in it. A title of a spokesperson or an official is someone else's, and
    so is one the text used before for someone it did not name (not as a subject)."""
    if token.lower_ not in _office_words():
        return ""
    doc = token.doc
    if any(t.lower_ == token.lower_ and t.dep_ not in ("nsubj", "nsubjpass") for t in doc[:token.i]):
        return ""  # "Anna Berg met the prime minister. The prime minister said ...": the title is another's
    actors, person_at = doc._.actors, doc._.person_at
    start = token.sent.start
    previous = doc[doc[start - 1].sent.start:start] if start else doc[0:0]
    named = [person_at[t.i] for t in previous if t.i in person_at]
    for name in dict.fromkeys([ctx.last_subject, *named, *sorted(ctx.spoke_before)]):
        actor = actors.get(name)
        if actor and actor.actor_type == "person" and not actor.role:
            return name
    return ""


@data_cache()
def _office_words() -> frozenset:
    """Head words of the titles of a high office (roles.toml office_words)."""
    return frozenset(load("roles")["office_words"])


def _epithet_person(token: Token, ctx: _Context) -> str:
    """"the Italian said", "the Dutchman added": a nationality alone, after "the", stands for the
    nearest person of that country (the previous subject, the last speaker, then by recency)."""
    if token.tag_ in ("NNS", "NNPS") or [c.lower_ for c in token.children if c.dep_ != "punct"] != ["the"]:
        return ""
    word = token.text
    if token.ent_type_ in ("GPE", "LOC") or token.is_upper:
        return ""  # "the US", "the U.S.": the country itself
    # a demonym, not a country or an institution ("the Kremlin"); "Dutchman" is "Dutch" + "man"
    code = demonym(word) or (demonym(re.sub(r"(?:wo)?man$", "", word)) if re.search(r"[a-z](?:wo)?man$", word) else "")
    if not code:
        return ""
    actors = token.doc._.actors
    for name in [ctx.last_subject, ctx.last_speaker] + ctx.recent[::-1]:
        actor = actors.get(name)
        if actor and actor.actor_type == "person" and actor.country == code:
            return name
    return ""


def _former_or_latter(token: Token) -> str:
    """"the latter" / "the former" as a subject: the last / the one before the last of two people
    named before it in the sentence (or the one before)."""
    if token.lower_ not in ("latter", "former") or not any(c.lower_ == "the" for c in token.children):
        return ""
    doc = token.doc
    start = token.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    people: list[str] = []
    for i in range(start, token.i):
        name = doc._.person_at.get(i)
        if name:
            if name in people:
                people.remove(name)
            people.append(name)
    if len(people) < 2:
        return ""
    return people[-1] if token.lower_ == "latter" else people[-2]


def _title_phrase(token: Token) -> list[str]:
    """The words of a title up to its head, without the article: "General Council Chair"."""
    return [t.lower_ for t in token.doc[token.left_edge.i:token.i + 1] if t.dep_ != "det"]


def _appositive_holder(token: Token, ctx: _Context) -> str:
    """"Anna Berg of Norway, the General Council Chair, ... The General Council Chair stressed":
    the one person an earlier apposition gave the same title; "" when none or several."""
    person_at = token.doc._.person_at
    words = _title_phrase(token)
    holders = {person_at[t.head.i] for t in ctx.appositives(token.lower_)
               if t.i < token.i and _title_phrase(t) == words}
    return holders.pop() if len(holders) == 1 else ""


def _accredited(title: Token, person: Token) -> bool:
    """"Ambassador to the U.N. Anna Berg", "Envoy for the Middle East Anna Berg": a name the parser
    hangs under the body an envoy is sent to is the envoy (an envoy is never sent to a person)."""
    if title.lower_ not in envoy_nouns() or person.dep_ != "pobj" or person.head.head.i != title.i:
        return False
    return any(c.dep_ == "compound" and c.i not in person.doc._.person_at for c in person.children)


def actor_for_token(token: Token, ctx: _Context) -> tuple[str, bool] | None:
    """The actor a subject token stands for, and whether it was a pronoun."""
    doc = token.doc
    person_at = doc._.person_at
    if token.i in person_at:
        return person_at[token.i], False
    if token.pos_ in ("NOUN", "PROPN"):
        # "Ukraine's leader, X, said" / "A spokesperson for the Kremlin, X, said" / "X's office said":
        # the subject is a title or an office; the person named inside it speaks.
        inside = [t for t in token.subtree if t.i in person_at and t.i != token.i]
        if token.lower_ in role_words() and inside:
            # "Novak's spokesman said", "An adviser to Novak says": the title holder speaks, not the
            # person whose title it is; a person in apposition ("..., X, said") is the holder
            inside = [t for t in inside if t.dep_ == "appos" or t.head.dep_ == "appos" or _accredited(token, t)]
            if not inside:
                holder = _holder_of(token)
                return (holder, True) if holder else None
        # the person in apposition ("A spokesman for X, Y, said" -> Y) before one in a phrase
        inside.sort(key=lambda t: (t.dep_ != "appos" and t.head.dep_ != "appos", t.i))
        if inside and _leads(token, inside[0]):
            # the executive speaks, not its leader in person; of a country the text does not give, no one
            led = _led_government(token, inside[0])
            return (led, False) if led else None
        if inside:
            return person_at[inside[0].i], False
    referred = _former_or_latter(token)
    if referred:
        return referred, True
    described = _described_person(token, ctx) or _epithet_person(token, ctx)
    if described:
        return described, True
    lower = token.lower_
    if lower == "it" and token.pos_ == "PRON" and token.dep_ == "nsubj" and token.head.i == token.sent.root.i:
        # "The ministry said ... . It also called for ...": the body that spoke in the sentence before
        # (as the main clause's subject; "a strike that it said hit ..." is the strike's author)
        body = doc._.actors.get(ctx.last_plural)
        before = doc[doc[token.sent.start - 1].sent.start:token.i] if token.sent.start else doc[token.sent.start:token.i]
        if any(t.lower_ in statement_nouns() for t in before):
            return None  # "... the statement also called for ... . “...,” it said": the statement
        if body is not None and body.actor_type in ("government", "organization") and ctx.last_plural in ctx.spoke_before:
            return ctx.last_plural, True
        return None
    if (lower in statement_nouns() or lower in _light_words()[1]) and token.dep_ == "nsubj" and any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in token.children):
        # "“...,” read the appeal the ministers sent. The appeal also called for ...": a statement or
        # an appeal speaks for the government, body or group that spoke in the sentence before; one
        # issued by an actor the text names ("said the statement issued by X") for that actor
        issued = _issued_by(token, ctx)
        if issued:
            return issued
        body = doc._.actors.get(ctx.last_plural)
        if body is not None and body.actor_type != "person" and ctx.last_plural in ctx.spoke_before:
            return ctx.last_plural, True
        return None
    if lower in PRONOUNS and token.pos_ == "PRON":
        bound = _governing_person(token, ctx)
        if bound:
            return bound, True
        name = ctx.last_plural if PRONOUNS[lower] == "plural" else ctx.person_for(lower)
        return (name, True) if name else None
    members = state_group_members(token)
    if members:
        return members, False  # "the G7 countries agreed": the group of states speaks
    group = group_actor(token)
    if group:
        return add_actor(doc, group[0], group[2], group[1], mentions=0), False
    bloc = bloc_members(token)
    if bloc:
        return add_actor(doc, bloc[0], "group", bloc[1], mentions=0), False  # "EU countries said": not the EU
    named = _group_named_before(token)
    if named:
        return named, True
    body = envoy_body(token)
    if body:
        return body, False  # "a spokeswoman for the European Commission said": the body speaks
    code = envoy_country(token)
    if code:
        # "Argentina's delegate said": the envoy of that country named elsewhere, else its government
        for name, actor in doc._.actors.items():
            if actor.actor_type == "person" and actor.country == code and actor.role.lower().endswith(lower):
                return name, True
        return add_government(doc, code), False
    ent = ent_at(doc, token.i)
    if ent is None:
        if lower in role_words() and lower not in envoy_nouns():
            return None  # "the European Commission president said": a person speaks, not the body
        for child in token.children:  # "the Kremlin" parsed with the head outside the entity
            if child.dep_ == "compound":
                ent = ent_at(doc, child.i)
        if ent is None:
            return None
        if lower in LED_BODIES and ent.label_ == "ORG" and len(ent) == 1 and not institution(ent.text):
            # "the Berg administration" with the leader's name tagged a body: the executive speaks, of
            # the country of the one person so named, else no one (see _led_government)
            owners = [a for a in doc._.actors.values() if a.actor_type == "person" and ent.text in a.name.split()]
            led = _leader_government(doc, owners[0] if len(owners) == 1 else None)
            return (led, False) if led else None
    name = entity_actor(ent)
    return (name, False) if name else None


def _governing_person(token: Token, ctx: _Context) -> str:
    """"Anna Berg surprised everyone when she called for ...", "Berg has made clear he wants ...": a
    "he"/"she" in a clause under a verb whose subject is a person named before it in the sentence
    stands for that person (the nearest such verb, the gender permitting); "" when there is none."""
    want = PRONOUNS.get(token.lower_)
    if want not in ("male", "female"):
        return ""
    person_at = token.doc._.person_at
    for verb in token.ancestors:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < token.i and child.i in person_at:
                name = person_at[child.i]
                if ctx.gender.get(name, want) == want:
                    return name
    return ""


# Nouns of the whole executive a head of government leads ("the Berg government", "the Drex administration").
LED_BODIES = {"government", "administration", "cabinet"}


def _leads(token: Token, person: Token) -> bool:
    """"The Berg government", "Berg's administration", "the government of Anna Berg": ``token`` is
    the executive that the named ``person`` leads."""
    if token.lower_ not in LED_BODIES or person.head.i != token.i and not (
            person.dep_ == "pobj" and person.head.lower_ == "of" and person.head.head.i == token.i):
        return False
    return person.dep_ in ("compound", "poss", "pobj", "amod")  # "the Berg government": "Berg" may be tagged an adjective


def _led_government(token: Token, person: Token) -> str:
    """The government of the country the leader ``person`` of ``token`` governs (see _leads), added
    to the actors; "" when the text gives no country for them."""
    if not _leads(token, person):
        return ""
    return _leader_government(token.doc, token.doc._.actors.get(token.doc._.person_at[person.i]))


def _leader_government(doc: Doc, leader) -> str:
    """The government of the country of ``leader`` (an actor, or None), added to the actors; ""
    when the text gives no country for them."""
    code = leader.country if leader is not None else ""
    return add_government(doc, code) if len(code) == 3 else ""


def _group_named_before(token: Token) -> str:
    """"The G-7 ministers demanded ... The ministers reiterated ...": a bare definite group noun
    ("the ministers", "the officials") is the last group that spoke with that noun; "" when none did."""
    if token.lower_ not in group_nouns() or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return ""
    if any(c.dep_ in ("amod", "compound", "nmod", "poss", "prep", "appos") for c in token.children):
        return ""
    for name, actor in reversed(token.doc._.actors.items()):
        if actor.actor_type == "group" and name.lower().split()[-1] == token.lower_:
            return name
    return ""


# the dashes that close a dateline ("BRUSSELS —"); a colon may close one too ("Riga, March 3:")
DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
DATELINE_MARKS = DATELINE_DASHES | {":"}


def _is_dateline(token: Token) -> bool:
    """"BRUSSELS —" at the head of a story: a place, not a speaker."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.is_upper and len(token) > 2 and nxt is not None and nxt.text in DATELINE_DASHES


DATELINE_PLACES = {"GPE", "LOC"}


def _dateline_end(token: Token) -> int | None:
    """Where the dateline at the head of ``token``'s sentence ends (its dash or colon), when
    ``token`` is its place: a place name or words in capitals, maybe in brackets, then at most a
    country or a date after a comma and a news agency in brackets ("Riga, March 3:", "[Norland],
    May 2 —", "BORGO, Italy:", "NEW TOWN (AP) —"). Words of any other kind, or a place the sentence
    goes on from ("RIGA, Estonia said ..."), make no dateline."""
    doc, sent = token.doc, token.sent

    def place(t: Token) -> bool:
        return t.ent_type_ in DATELINE_PLACES or (t.is_upper and t.is_alpha and len(t) > 1)

    i = sent.start + (doc[sent.start].text in ("[", "("))
    start = i
    while i < sent.end and place(doc[i]) and i - start < 4:
        i += 1
    if i == start or not start <= token.i < i or i >= sent.end:
        return None
    if doc[i].text in ("]", ")"):
        i += 1
    if i + 1 < sent.end and doc[i].text == ",":
        after = i + 1
        while after < sent.end and (doc[after].ent_type_ == "DATE" or place(doc[after])) and after - i <= 4:
            after += 1
        if after == i + 1:
            return None
        i = after
    if i + 2 < sent.end and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3  # the news agency: "(AP)", "(Reuters)"
    return i if i + 1 < sent.end and doc[i].text in DATELINE_MARKS else None


def subject_of(verb: Token) -> Token | None:
    """nsubj of the verb, climbing through participles and conjuncts ("echoed ..., asserting");
    a relative pronoun stands for the noun it hangs on ("Slovakia, which has opposed ...");
    a participle on a statement object speaks for the one who issued it ("issued a statement
    saying ...")."""
    agents = [c for c in verb.children if c.dep_ == "agent"]
    if agents and (any(c.dep_ == "auxpass" for c in verb.children) or _authored(verb)):
        # "X was criticised by Y", "the approach suggested by Y": Y acts
        by = [c for c in agents[0].children if c.dep_ == "pobj"]
        return by[0] if by else None
    absolute = _with_absolute(verb)
    if absolute is not None:
        return absolute
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "as":
        head = head.head  # "quoted Novak as saying", parsed through the preposition
    if verb.dep_ in ("xcomp", "advcl", "prep", "pcomp") and verb_lemma(verb.text) == "say" and head.lower_ in QUOTING_VERBS:
        # "A newspaper quoted Novak as saying ...": the one quoted speaks
        quoted = [c for c in head.children if c.dep_ == "dobj"]
        if quoted:
            return quoted[0]
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) > 1 and subjects[0].is_upper and len(subjects[0]) > 2:
            # "WASHINGTON, June 10 (Reuters) - The council backed ...": the dateline is a second subject
            return subjects[-1]
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
                end = _dateline_end(child)
                if end is not None and end < verb.i:
                    # "Riga, March 3: Prime Minister X called ...", "NEW TOWN (AP) — The assembly
                    # approved ...": the dateline's place is no speaker; the subject after it is the
                    # last person before the verb, else a body set beside the place, else none
                    others = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > end]
                    people = [t for t in verb.doc[end + 1:verb.i] if t.ent_type_ == "PERSON"]
                    bodies = [c for c in child.children if c.dep_ == "appos" and c.i > end
                              and c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")]
                    return others[0] if others else people[-1] if people else bodies[0] if bodies else None
                return child
        if current.dep_ in ("advcl", "xcomp", "conj", "ccomp", "pcomp", "acl") and current.head is not current:
            current = current.head
        elif current.dep_ == "prep" and current.pos_ == "ADP" and current.head is not current:
            current = current.head  # "X led the effort by calling for ...": through the preposition
        elif current.dep_ == "dobj" and current.lower_ in statement_nouns() and current is not verb:
            current = current.head
        else:
            break
    return None


def _with_absolute(verb: Token) -> Token | None:
    """"..., with her counterpart in Latvia, Anna Berg, also saying ...": a participle without a
    subject after ", with" (or a sentence-opening "With") and a noun phrase speaks for that noun
    phrase (its last person named, else the object of "with"); never across another verb."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.tag_ != "VBG" or (subjects and doc[max(subjects[0].left_edge.i - 1, 0)].lower_ != "with"):
        return None  # a subject of its own, unless the parser made one of the noun after "with"
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - 20) - 1, -1):
        token = doc[i]
        if token.lower_ == "with" and token.dep_ == "prep":
            if i + 1 == verb.i or (i > verb.sent.start and doc[i - 1].text != ","):
                return None  # "met with Anna Berg, calling for ...": the object of a verb
            people = [t for t in doc[i + 1:verb.i] if t.i in doc._.person_at]
            objects = [c for c in token.children if c.dep_ == "pobj" and c.i < verb.i]
            return people[-1] if people else (objects[0] if objects else None)
        if token.pos_ in ("VERB", "AUX") or token.text in (";", ":"):
            return None
    return None




@data_cache()
def companion_preps() -> frozenset:
    return frozenset(load("speech")["companion_preps"])


def _companions(verb: Token) -> Token | None:
    """When the parser found no subject: the actor a sentence-opening "Alongside X, Y and Z"
    names (the parser hangs the whole list there); its conjuncts act with it."""
    for prep in verb.children:
        # the parser may even take the preposition for the subject
        if prep.dep_ in ("prep", "nsubj") and prep.i < verb.i and prep.lower_ in companion_preps():
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects and objects[0].conjuncts:
                return objects[0]
    return None


def _fronted_subordinate(verb: Token) -> bool:
    """The speech verb heads a subordinate clause before its main clause ("While X insisted that
    ..., Y showed ..."; "Although X said ..., ...")."""
    return (verb.dep_ == "advcl" and verb.i < verb.head.i
            and any(c.dep_ == "mark" and c.lower_ in FRONTED_MARKS for c in verb.children))


def _authored(verb: Token) -> Token | None:
    """"the approach suggested by X", "a plan proposed by X": the agent phrase of a participle
    that describes a noun, else None."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return None
    return next((c for c in verb.children if c.dep_ == "agent"), None)


def _name_before(verb: Token) -> Token | None:
    """When the parser found no subject: a person named right before the verb (", X, said")."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and doc[i].is_punct:
        i -= 1
    return doc[i] if i >= verb.sent.start and i in doc._.person_at and verb.i - i <= 2 else None


def speech_verbs(sent: Span, inside_quote: set[int], silent: frozenset = frozenset()):
    """Speech verbs of a sentence, outermost first; a verb inside what another speech verb
    reports ("saying Moscow would never agree") is content, not a new speaker, unless that verb is
    one of the ``silent`` ones (its subject is no actor: "Reports claim that X requested ...")."""
    kinds, particles = speech_kinds()
    found = []
    for token in sent:
        if token.i in inside_quote or token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = verb_lemma(token.text)
        kind = kinds.get(lemma)
        if kind is None and token.lower_ in ("continued", "continues") and _says_before(token):
            kind = "indirect"  # "..., the ambassador continued.": an attribution, not an action going on
        if kind is None and token.lower_ in _verb_forms("intent_verbs") and _states_intent(token):
            kind = "indirect"  # "threatened to impose ...": what the subject means to do
        if kind is None and _says_clause(token):
            kind = "indirect"  # "Berg mentioned that talks must resume": the clause is what she says
        if kind is None and token.lower_ in ("join", "joins", "joined", "joining") and any(
                c.dep_ == "dobj" and (c.lower_ in statement_nouns() or c.lower_ in ("call", "calls", "appeal", "appeals"))
                for c in token.children):
            kind = "reported"  # "joined the declaration on ...", "joined calls for ...": signing up to it
        light = _light_verb(token)
        if kind is None and light:
            kind = "indirect"
        if kind is None and _owned_plan_holds(token):
            kind = "reported"
        if kind is None and _holds_state(token):
            kind = "reported"
        if kind is None and _asserts_conviction(token):
            kind = "indirect"  # "has been clear it will ...": the subject asserts the clause
        if kind is None and _drafts_plan(token):
            kind = "reported"  # "produced a plan for ...": drawing up a plan states what it holds
        if kind is None and _seeks_means(token):
            kind = "reported"
        if kind is None and _talks_with_about(token):
            kind = "reported"  # "spoke with Y about the need for a truce": the talk's subject is a view
        if kind is None and _defends_a_stance(token):
            kind = "reported"  # "defended the decision": standing up for it is a stance on it
        if kind is None and _brings_in_measure(token):
            kind = "reported"  # "introduced duties on steel": bringing in a measure is a stance on it
        if kind is None or _relays_as_saying(token) or _shows_event(token, kinds):
            continue
        needed = particles.get(lemma)
        # "called the plan absurd": without its particle "call" still judges what it names;
        # "made similar statements" repeats the statement before
        judged = (lemma == "call" and any(c.dep_ == "oprd" for c in token.children)) or _made_similar(token) or light \
            or _calls_to_act(token)
        if needed and not judged and not any(t.lower_ in needed for t in token.doc[token.i + 1:token.i + 3]):
            continue
        found.append((token, kind))
    verbs = {t.i for t, _ in found} - silent
    for token, kind in found:
        if not _reported_by_another(token, verbs):
            yield token, kind


@data_cache()
def _call_purposes() -> frozenset:
    """What a phone call is made for ("called to congratulate her"): a chat, no call for an act."""
    return frozenset(load("speech")["call_purposes"])


def _calls_to_act(verb: Token) -> bool:
    """"X called to continue supporting Ukraine": "call" with a to-infinitive of an act is "call for"
    that act. A phone call made for a chat ("called to congratulate her"), a call with an object
    ("called her to discuss ...") or a summons ("was called to testify") is none."""
    if verb_lemma(verb.text) != "call" or any(c.dep_ in ("dobj", "dative", "auxpass", "nsubjpass") for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" and c.i > verb.i and c.lower_ not in _call_purposes()
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)


def _relays_as_saying(token: Token) -> bool:
    """"The Courier reported Anna Berg as saying ...": the outlet only relays; "saying" speaks for
    the one reported (see subject_of)."""
    if token.lower_ not in QUOTING_VERBS or not any(c.dep_ == "dobj" for c in token.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(verb_lemma(g.text) == "say" for g in c.children)
               for c in token.children)


def _reported_by_another(token: Token, verbs: set[int]) -> bool:
    """The speech verb sits in what another speech verb reports ("said Moscow would never agree").
    An adverbial clause with a subject of its own ("While X insisted ..., Y ruled out ...") is a
    statement of its own, not content; so is "..., with Anna Berg saying ..." ."""
    if _with_absolute(token) is not None:
        return False
    child = token
    for head in token.ancestors:
        if head.i in verbs and child.dep_ in ("ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "pobj", "dobj"):
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in child.children)
            if not (child.dep_ == "advcl" and child.i == token.i and own_subject):
                return True
        child = head
    return False


def _named_relative(clause: Token) -> bool:
    """A relative clause of "who" on a person the text names ("Anna Berg, who told reporters that
    ..."): what it says is that person's own, also inside what a verb around it reports."""
    if clause.dep_ != "relcl" or not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who"
                                         for c in clause.children):
        return False
    head = clause.head
    return head.i in head.doc._.person_at


def _content_before(sent: Span, verb: Token, inside: set[int]) -> list[int]:
    """"A ceasefire ... would give Moscow time, she said.": the content precedes the attribution."""
    subject = subject_of(verb)
    first = subject.left_edge.i if subject is not None else verb.i
    tokens = [t.i for t in sent if t.i < first and t.i not in inside]
    while tokens and sent.doc[tokens[-1]].is_punct:
        tokens.pop()
    if tokens and _quote_follows(verb, inside) and sent.doc[tokens[0]].pos_ in ("ADP", "SCONJ"):
        return []  # "In a message on X, Berg wrote: “...”", "When asked about it, Berg said, “...”": the scene
    return tokens


def _quote_follows(verb: Token, inside: set[int]) -> bool:
    """A quote opens right after the verb (punctuation at most between): "Berg said, “...”"."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and i not in inside and (doc[i].is_punct or doc[i].is_space):
        i += 1
    return i < len(doc) and i in inside


def _says_before(verb: Token) -> bool:
    """"Novak has agreed to ..., the ministry said on Wednesday / in a statement": what is said
    stands before the verb, and only a time or a channel follows it."""
    # "..., X told reporters / the BBC": the object of "tell" after it is whom X told, not what
    after = ("ccomp", "xcomp", "advcl", "attr", "oprd") if verb_lemma(verb.text) == "tell" else (
        "ccomp", "xcomp", "dobj", "advcl", "attr", "oprd", "dative")
    return (any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
            and not any(c.dep_ in after and c.i > verb.i and not _time_clause(c) for c in verb.children))


# Subordinators of a clause that dates an attribution ("..., X said Tuesday, a day after ...").
TIME_MARKS = {"after", "before", "when", "as", "since", "until", "once"}


def _time_clause(clause: Token) -> bool:
    """A clause that says when, not what: "..., a day after parliament voted", "as talks resumed"."""
    return any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in clause.children)


def _act_before(verb: Token, inside: set[int]) -> list[int]:
    """"X prioritises a full ceasefire, stating that ...", "X renewed the call for talks and
    indicated that ...": a verb of saying that goes on from a verb of another kind with the same
    subject; that verb and what it acts on are the speaker's too. The tokens from that verb up to
    the verb of saying's clause, else []."""
    doc, head = verb.doc, verb.head
    if head.i >= verb.i or head.pos_ != "VERB" or verb.dep_ not in ("advcl", "conj"):
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return []  # a subject or a subordinator of its own: another clause ("..., after Y said")
    if verb.dep_ == "advcl" and verb.tag_ != "VBG":
        return []
    if verb_lemma(head.text) in speech_kinds()[0] or not any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i
                                                              for c in verb.children):
        return []  # "..., announced the minister": an attribution after its content, not a going on
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if not subjects or getattr(subject_of(verb), "i", None) != subjects[0].i:
        return []  # the speaker must be the one who acts ("the Senate passed ..., with X urging ...")
    skip = {t.i for t in verb.subtree} | {t.i for t in subjects[0].subtree}
    tokens = [t.i for t in head.subtree if head.i <= t.i < verb.left_edge.i and t.i not in skip and t.i not in inside]
    if any(doc[i].pos_ in ("VERB", "AUX") for i in tokens if i != head.i):
        return []  # a clause inside ("blamed the deaths on crowds that surrounded ..."): the event, not a stance
    while tokens and (doc[tokens[-1]].is_punct or doc[tokens[-1]].dep_ == "cc"):
        tokens.pop()
    return tokens


@data_cache()
def _ballot_nouns() -> frozenset:
    """The nouns of a text put to a vote (stance.toml ballot_nouns)."""
    return frozenset(load("stance")["ballot_nouns"])


def _ballot_before(verb: Token, inside: set[int]) -> list[int]:
    """"The resolution was supported by 28 countries": a text put to a vote, the subject of a
    passive verb whose agent acts, is what the agent backs or rejects; the tokens from that subject
    to the verb, else []."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or not any(c.dep_ == "agent" for c in verb.children):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ in _ballot_nouns()), None)
    if subject is None:
        return []
    return [i for i in range(subject.i, verb.i + 1) if i not in inside]


def _relative_head(verb: Token, inside: set[int]) -> list[int]:
    """"sanctions, which X insisted would stay", "the land they propose to give up": a verb of
    saying in a relative clause, with a subject of its own, whose content is the noun the clause
    hangs on; that noun phrase is the speaker's too. Its tokens before the clause, else []."""
    doc, head = verb.doc, verb.head
    if verb.dep_ != "relcl" or head.i >= verb.i or head.pos_ not in ("NOUN", "PROPN"):
        return []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    relative = [t for t in verb.subtree if t.i < verb.i and t.tag_ in ("WDT", "WP", "WRB")]
    if not subjects or subjects[0].tag_ in ("WDT", "WP") or subjects[0].lower_ == "that":
        return []  # "Berg, who said ...": the noun is the speaker, not what is said
    if any(t.tag_ == "WRB" or t.dep_ not in ("nsubj", "nsubjpass", "dobj") or t.head.i == verb.i and t.dep_ != "dobj"
           for t in relative):
        return []  # "the town where ...", "the conference at which ...": a place or a time, not the content
    tokens = [t.i for t in head.subtree if t.i < verb.left_edge.i and t.i not in inside]
    while tokens and doc[tokens[-1]].is_punct:
        tokens.pop()
    return tokens


def _asked_clause(sent: Span, verb: Token, inside: set[int]) -> list[int]:
    """"Asked whether troops should be sent, X said ...": the question belongs to the answer."""
    if sent[0].lower_ != "asked":
        return []
    return [t.i for t in sent if t.i < verb.i and t.i not in inside and t.ent_type_ != "PERSON"]


def _according_to(sent: Span, ctx: _Context, inside: set[int] = frozenset()):
    """"According to X, ..." -> (speaker names, pronoun?, region without the attribution). Inside a
    quote (the ``inside`` tokens) the speaker cites X: X is not the one who speaks there."""
    doc = sent.doc
    for token in sent:
        if token.lower_ == "according" and token.i not in inside and token.i + 2 < sent.end and doc[token.i + 1].lower_ == "to":
            objects = [t for t in doc[token.i + 1].children if t.dep_ == "pobj"]
            if not objects:
                continue
            subject_form = OBJECT_PRONOUNS.get(objects[0].lower_) if objects[0].pos_ == "PRON" else None
            if subject_form:
                # "According to her, ...": the person a "she" would stand for
                name = ctx.last_plural if subject_form == "they" else ctx.person_for(subject_form)
                found = (name, True) if name else None
            else:
                found = actor_for_token(objects[0], ctx)
            if not found:
                # "according to a statement by / from X", "... a statement issued by X": who issued it
                found = _issued_by(objects[0], ctx)
            if found:
                skip = {t.i for t in token.subtree} | {token.i + 1} | {t.i for t in doc[token.i + 1].subtree}
                return [found[0]], found[1], [t.i for t in sent if t.i not in skip]
    return None


def _issued_by(noun: Token, ctx: _Context) -> tuple[str, bool] | None:
    """"a statement by / from X", "a post published by X", "the statement issued by X": the actor
    X who issued ``noun``, as actor_for_token gives it; None when no actor is named so."""
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            preps = [child]
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            preps = [g for g in child.children if g.dep_ in ("agent", "prep") and g.lower_ == "by"]
        else:
            continue
        for prep in preps:
            found = next((f for f in (actor_for_token(t, ctx) for t in prep.children if t.dep_ == "pobj") if f), None)
            if found:
                return found
    return None


@data_cache()
def _answering() -> tuple[frozenset, frozenset]:
    """Forms of the verbs of answering, and the nouns of what is answered."""
    data = load("speech")
    return frozenset(f for lemma in data["answer_verbs"] for f in forms(lemma)), frozenset(data["request_nouns"])


def _request_answered(verb: Token) -> str:
    """"X responded to a request by Y for Z", "X replied to Y's call for Z": what is asked for is
    Y's position, not X's; "" when the verb is no such answer or the asker is no named person."""
    answers, requests = _answering()
    if verb.lower_ not in answers or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return ""
    person_at = verb.doc._.person_at
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lower_.removesuffix("s") in requests):
            for c in noun.children:
                if c.dep_ == "poss" and c.i in person_at:
                    return person_at[c.i]
                if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                    asker = [g for g in c.children if g.dep_ == "pobj" and g.i in person_at]
                    if asker:
                        return person_at[asker[0].i]
    return ""


@data_cache()
def _relay_nouns() -> frozenset:
    """Nouns of a news report or an outlet (speech.toml's relay nouns, the last words of outlets' names)."""
    return frozenset(load("speech")["relay_nouns"]) | media_nouns()


def _relays_only(verb: Token, ctx: _Context) -> bool:
    """"Reports claim that X requested ...", "the newspaper said X had agreed to ...": a verb of
    saying whose subject is a news report or an outlet, and no actor, only relays what it reports."""
    if speech_kinds()[0].get(verb_lemma(verb.text)) != "indirect":
        return False
    subject = subject_of(verb)
    return (subject is not None and subject.lower_ in _relay_nouns()
            and not speakers_of(verb, ctx, count=False)[0])


def speakers_of(verb: Token, ctx: _Context, count: bool = True) -> tuple[list[str], bool]:
    """The actors who speak with ``verb`` and whether a pronoun named them; ``count``: a pronoun
    counts as a mention of its actor (off when only asking whether anyone speaks)."""
    asker = _request_answered(verb)
    if asker:
        return [asker], False
    subject = subject_of(verb) or _name_before(verb)
    if subject is None or subject.pos_ == "ADP":
        subject = _companions(verb)
    if subject is None:
        return [], False
    if subject.lower_ == "they" and subject.pos_ == "PRON" and ctx.last_pair:
        return list(ctx.last_pair), True  # "A and B met in Riga. They said ...": the people just named together
    if subject.lower_ == "they" and subject.pos_ == "PRON" and ctx.group_last:
        return list(ctx.group), True  # "A, B and C ... They say ...": the people who spoke together
    governments = coordinated_governments(subject)
    if governments:  # "the Danish and Chilean ministries said": each country's government speaks
        return [add_government(verb.doc, code) for code in governments], False
    shared = shared_group_noun(subject)
    if shared:  # "the AU and SADC leaders agreed": one group, not the first body and the second's leaders
        return [add_actor(verb.doc, shared, "group", "", mentions=0)], False
    found = actor_for_token(subject, ctx)
    if not found:
        # "the resolution was backed by 28 countries, including A, B and C": a group of voters that
        # is no actor names its members
        return (_included(subject, ctx) if _ballot_before(verb, set()) else []), False
    actors = verb.doc._.actors
    own = _own_official(verb, subject, found[0], ctx)
    if own:
        return [own], False
    if found[1] and count:
        actors[found[0]].mentions += 1
    names = [found[0]]
    for conj in subject.conjuncts:
        if (any(c.dep_ == "amod" and c.lower_ == "other" for c in conj.children)
                and not any(c.dep_ == "nummod" for c in conj.children) and verb.doc._.person_at.get(conj.i) is None):
            continue  # "Norway and other Nordic states": the rest of a class, named by no one (not "16 other leaders")
        more = actor_for_token(conj, ctx)
        if more and more[0] not in names:
            names.append(more[0])
    for member in (subject, *subject.conjuncts):
        # "A, B, C and D agreed": the parser hangs B on A as an apposition; a named person there is
        # another member of the list (a description of A would be a title, not a name)
        for appos in (c for c in member.children if c.dep_ == "appos"):
            # and the people listed with the apposition ("The EU's president, A, and the council's president B")
            for token in (appos, *appos.conjuncts):
                other = verb.doc._.person_at.get(token.i)
                if other and other not in names:
                    names.append(other)
            if appos.i in verb.doc._.person_at:
                # "..., B and 16 other world leaders": the list goes on from the apposition
                for more in (actor_for_token(c, ctx) for c in appos.conjuncts):
                    if more and not more[1] and more[0] not in names:
                        names.append(more[0])
    for other in (_listed_after_places(subject) + _joined_by(verb, subject, ctx) + _listed_before(subject, verb, ctx)
                  + _serial_list(subject, ctx) + _joined_in_content(verb) + _titled_list(subject, verb)):
        if other not in names:
            names.append(other)
    return names, found[1]


def _own_official(verb: Token, subject: Token, name: str, ctx: _Context) -> str:
    """A country named by its name as the subject ("Norland calls for a truce"; not its capital) where one of its own
    officials is speaking: the official who reports what the country says ("Minister Berg noted
    that Norland wants ..."), or the one official of it who spoke in the sentence before, in the
    present of a statement ("Berg stressed the following: First, Norland demands ..."). That official speaks, in the country's
    name; "" when there is none (or several)."""
    doc = verb.doc
    actor = doc._.actors.get(name)
    place = ent_at(doc, subject.i)
    if (actor is None or actor.actor_type != "government" or not actor.country or subject.conjuncts
            or place is None or place.label_ != "GPE" or country_code(place.text) != actor.country
            or place.text.lower() in load("places")["capitals"]  # "Berlin insisted ...": the government acts
            or any(c.dep_ in ("amod", "poss") for c in subject.children)):
        return ""

    def official(person: str) -> bool:
        other = doc._.actors.get(person)
        return other is not None and other.actor_type == "person" and other.country == actor.country and bool(other.role)

    head = verb
    for _ in range(4):  # up from the verb to the one that reports it ("noted that Norland wants to ...")
        if head.dep_ not in ("ccomp", "conj", "xcomp") or head.head is head:
            break
        head = head.head
        for child in (c for c in head.children if c.dep_ == "nsubj"):
            if official(doc._.person_at.get(child.i, "")):
                return doc._.person_at[child.i]
    if verb.tag_ != "VBZ" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return ""  # "Norland has refused ...", "Norland is calling for ...": the writer tells what the country does
    before = [n for n in ctx.spoke_before if official(n)]
    return before[0] if len(before) == 1 else ""


def _included(subject: Token, ctx: _Context) -> list[str]:
    """A common noun of a group with its members after "including" ("The draft was backed by 28
    countries, including A, B and C"): each member named there that is an actor speaks."""
    if subject.pos_ != "NOUN":
        return []
    found: list[str] = []
    for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "including"):
        for member in (t for g in prep.children if g.dep_ == "pobj" for t in (g, *g.conjuncts)):
            other = actor_for_token(member, ctx)
            if other and not other[1] and other[0] not in found:
                found.append(other[0])
    return found


def _joined_in_content(verb: Token) -> list[str]:
    """"Anna Berg said she and Tom Reed had agreed to ...": the speaker, as a pronoun subject of what
    she reports, names people who act with her; those named in that subject's list speak too."""
    doc = verb.doc
    found: list[str] = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for subject in (c for c in clause.children if c.dep_ == "nsubj"):
            if subject.lower_ not in ("he", "she", "i", "we") or not subject.conjuncts:
                continue
            found += [doc._.person_at[c.i] for c in subject.conjuncts if c.i in doc._.person_at]
    return found


NAMED = {"GPE", "ORG", "NORP", "PERSON"}


def _listed_before(subject: Token, verb: Token, ctx: _Context) -> list[str]:
    """A list joined by commas alone, as headlines write it ("Latvia, Estonia say ...", "Anna Berg,
    Tom Reed call for ..."): the parser hangs the names before the last one on the verb (as an
    adverbial noun or a second subject); each one that ends right before the next name, with only
    a comma between them, speaks too. A dateline in capitals ("RIGA, Estonia said") is no speaker."""
    doc = verb.doc
    found: list[str] = []
    edge = subject.left_edge.i
    for child in sorted((c for c in verb.children if c.dep_ in ("npadvmod", "nsubj", "nsubjpass") and c.i < edge),
                        key=lambda c: -c.i):
        if ((child.is_upper and len(child) > 2) or not (child.i in doc._.person_at or child.ent_type_ in NAMED)
                or any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)):
            break  # a dateline, or a time ("Midway through August, ...")
        last = child.right_edge.i
        while last > child.i and doc[last].is_punct:
            last -= 1
        if doc[last + 1:edge].text != ",":
            break
        other = actor_for_token(child, ctx)
        if not other or other[1]:
            break
        found.append(other[0])
        edge = child.left_edge.i
    return found


def _serial_list(subject: Token, ctx: _Context) -> list[str]:
    """"Chile, Peru, and Ghana called for ...", "In May, Chile, Peru, and Ghana recognised ...": a
    list with a comma before its "and" (the serial comma), which the parser breaks so that only
    the last name is the subject; the names before it, each of the subject's kind (place or
    person) with only a comma after it, speak too. The list stops at anything else (a date, a
    fronted phrase, a preposition's object)."""
    doc = subject.doc
    kind = ent_at(doc, subject.i)
    if kind is None or kind.label_ not in ("GPE", "PERSON"):
        return []
    edge = kind.start
    if edge < 3 or doc[edge - 1].lower_ != "and" or doc[edge - 2].text != ",":
        return []
    found: list[str] = []
    end = edge - 2
    while end > 0:
        item = ent_at(doc, end - 1)
        if item is None or item.label_ != kind.label_ or item.end != end or item.root.dep_ in ("pobj", "dobj", "poss"):
            break
        other = actor_for_token(item.root, ctx)
        if not other or other[1]:
            break
        found.append(other[0])
        if item.start == 0 or doc[item.start - 1].text != ",":
            break
        end = item.start - 1
    return found[::-1]


TITLE_ENTS = {"", "NORP", "GPE", "ORG"}


def _titled_list(subject: Token, verb: Token) -> list[str]:
    """"President A and Commission President B agreed", "US President A, Egyptian President B and
    Qatari Emir C said": titled names listed as the subject, which the parser splits (the first
    hung on a preposition before it, the last as a second subject, one as a modifier); each
    person of the list speaks too. The list runs from the subject's name over the titles before
    each name, commas and an "and"; one that follows the subject must end at the verb. Without
    an "and" it is no list ("Berg's deputy, Karl Weber, said"), nor is a name before the comma of
    a fronted phrase ("After talks with Anna Berg, Karl Weber said")."""
    doc = verb.doc
    person_at = doc._.person_at
    if subject.i not in person_at:
        return []
    sent = subject.sent

    def is_title(token: Token) -> bool:
        return (token.i not in person_at and (token.is_title or token.is_upper) and token.is_alpha
                and token.ent_type_ in TITLE_ENTS and token.i != verb.i)

    def name_edges(i: int) -> tuple[int, int]:
        start, end = i, i
        while start - 1 >= sent.start and person_at.get(start - 1) == person_at[i]:
            start -= 1
        while end + 1 < sent.end and person_at.get(end + 1) == person_at[i]:
            end += 1
        return start, end

    found: list[str] = []
    joined = False
    start, end = name_edges(subject.i)
    i = start - 1
    while i > sent.start:  # back from the subject: titles, then "and" or "," after another name
        while i > sent.start and start - i <= 5 and is_title(doc[i]):
            i -= 1
        if doc[i].lower_ not in ("and", ",") or i - 1 not in person_at or (doc[i].text == "," and not joined):
            break  # a comma lists only before an "and" ("A, B and C"); "After talks with A, C said" is none
        joined = joined or doc[i].lower_ == "and"
        found.append(person_at[i - 1])
        start = name_edges(i - 1)[0]
        i = start - 1
    after: list[str] = []
    j, ended = end + 1, False
    while j < verb.i:  # on from the subject up to the verb
        if doc[j].lower_ not in ("and", ","):
            break
        joined_here = doc[j].lower_ == "and"
        j += 1
        first = j
        while j < verb.i and j - first < 5 and is_title(doc[j]):
            j += 1
        if j not in person_at:
            break
        joined = joined or joined_here
        after.append(person_at[j])
        j = name_edges(j)[1] + 1
        ended = j == verb.i
    if ended:
        found += after
    names = [name for name in dict.fromkeys(found) if name != person_at[subject.i]]
    return names if joined else []


@data_cache()
def _join_verbs() -> frozenset:
    return frozenset(f for lemma in load("speech")["join_verbs"] for f in forms(lemma))


def _joined_by(verb: Token, subject: Token, ctx: _Context) -> list[str]:
    """"X joined with Y (and Z) to express concern", "X, together with Y, said": the people the
    speaker acts with speak too; "the leaders of A and B" are the heads of those countries the
    article names. Set off by commas right after the subject ("A, along with B and C, recognised
    ...", "A, alongside B, said"), any actor named there acts with the subject, a country or a
    body as well as a person, wherever the parser hangs the phrase."""
    doc = verb.doc
    found: list[str] = []
    start = subject.i + 2
    if start < len(doc) - 1 and doc[subject.i + 1].text == ",":
        word = doc[start]
        prep = (word if word.lower_ == "alongside"
                else doc[start + 1] if word.lower_ in ("along", "together") and doc[start + 1].lower_ == "with"
                else None)
        objects = [c for c in prep.children if c.dep_ == "pobj"] if prep is not None else []
        for member in (m for pobj in objects for m in (pobj, *pobj.conjuncts)):
            other = actor_for_token(member, ctx)
            if other and not other[1]:
                found.append(other[0])
    current = verb
    for _ in range(3):
        for prep in current.children:
            if prep.dep_ != "prep" or prep.lower_ != "with":
                continue
            together = prep.i > 0 and doc[prep.i - 1].lower_ in ("together", "along")
            if not (together or current.lower_ in _join_verbs()):
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for member in (pobj, *pobj.conjuncts):
                    name = doc._.person_at.get(member.i)
                    found.extend([name] if name else _leaders_of(member))
        if current.dep_ in ("advcl", "xcomp", "conj") and current.head is not current:
            current = current.head
        else:
            break
    return found


def _leaders_of(noun: Token) -> list[str]:
    """"the leaders of Australia and Canada": for each country, the one person of the article who
    heads its state or government; none when the article names no such person or several."""
    if noun.lower_ not in ("leaders", "heads"):
        return []
    found = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for place in (p for c in prep.children if c.dep_ == "pobj" for p in (c, *c.conjuncts)):
            code = country_code(place.text)
            people = [a for a in noun.doc._.actors.values() if code and a.actor_type == "person" and a.country == code]
            heads = [a.name for a in people if a.role.lower().endswith(HEAD_TITLES)]
            if not heads and len(people) == 1 and not people[0].role:
                heads = [people[0].name]  # the one person of that country, named without a title
            if len(heads) == 1:
                found.append(heads[0])
    return found


def _listed_after_places(subject: Token) -> list[str]:
    """"A of X, B of Y and C of Z said": the parser hangs C on the place Z as a conjunct; a person
    conjoined or in apposition through such "of <place>" phrases is one more member of the list."""
    doc = subject.doc
    if subject.i not in doc._.person_at:
        return []
    found = []
    for token in subject.subtree:
        if token.dep_ not in ("conj", "appos") or token.i not in doc._.person_at or token.i == subject.i:
            continue
        head = token.head
        for _ in range(12):
            if head.i == subject.i:
                found.append(doc._.person_at[token.i])
                break
            if head.dep_ in ("conj", "appos"):
                head = head.head
            elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.ent_type_ in ("GPE", "NORP"):
                head = head.head.head
            else:
                break
    return found


@data_cache()
def reversing_words() -> re.Pattern:
    """The reversing words before a cue (stance.toml: reversal_before); analysis.stance reads its
    cues' polarity with the same pattern."""
    return phrase_pattern(load("stance")["reversal_before"])


def _reversing_act(token: Token) -> bool:
    """The act one is blamed for turns what it acts on around ("accused Y of rejecting a truce",
    "criticizes Y for blocking efforts to cease hostilities"): blaming it wants what is rejected,
    the accuser's own stance (read by analysis.stance), not a reported act."""
    return bool(reversing_words().fullmatch(token.text))


@data_cache()
def approving_forms() -> frozenset[str]:
    """Every form of the approving verbs (stance.toml: approving); analysis.stance reads them too."""
    return written_forms(load("stance")["approving"])


def _approved_act(verb: Token) -> bool:
    """The act named after "for" is one the speaker approves of ("X thanked Y for helping free the
    hostages", "X praised Y for pushing for a truce"): thanking or praising someone for it backs it,
    the speaker's own stance (read by analysis.stance), not a reported act."""
    return verb.lower_ in approving_forms()


def _inner_speaker(sent: Span, verb: Token, outer: list[str], region: set[int], ctx: _Context):
    """A speech verb inside what ``verb`` reports (the ``region`` tokens, after the verb or, for
    "..., Y said", before it), whose subject is a named person other than the outer speakers:
    (inner verb, kind, [person]) or None."""
    kinds, _ = speech_kinds()
    doc = sent.doc
    for token in sent:
        if token.i not in region or token.pos_ not in ("VERB", "AUX"):
            continue
        kind = kinds.get(verb_lemma(token.text))
        if (kind != "indirect" and token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ in ("for", "of")
                and token.head.head.i == verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
                and not _reversing_act(token) and not _approved_act(verb)):
            # "X accused Y of rejecting a truce", "X criticised Y for blocking aid": the act
            # named after "of"/"for" is what X blames the object for, not X's stance; nor is it
            # the object's own word (a verb of saying there is: "slammed Y for suggesting ...")
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            found = actor_for_token(objects[0], ctx) if objects else None
            if found and not found[1] and found[0] not in outer:
                return token, "reported", []
        if kind is None or not any(a.i == verb.i for a in token.ancestors):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        # a parse may give the verb a second subject (a dateline word before the name): the person counts
        named = [c for c in subjects if c.i in doc._.person_at]
        if named and doc._.person_at[named[0].i] not in outer:
            return token, kind, [doc._.person_at[named[0].i]]
        if subjects and not named and outer and all((a := doc._.actors.get(n)) and a.actor_type == "group" for n in outer):
            # "Norland will challenge the duties, two Norland diplomats said": unnamed sources report
            # what a government or a body does; that one holds the position, not the sources
            found = actor_for_token(subjects[0], ctx)
            actor = doc._.actors.get(found[0]) if found and not found[1] else None
            if actor is not None and actor.actor_type != "person" and found[0] not in outer:
                return token, kind, [found[0]]
        # a clause of its own under a subordinator: "..., while Y ruled out ...", "..., after Moscow urged ..."
        contrast = token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in OWN_CLAUSE_MARKS for c in token.children)
        if subjects and (token.dep_ == "conj" or contrast):
            # a statement of its own, coordinated: "Latvia backed sanctions, and the Netherlands ruled out ..."
            found = actor_for_token(subjects[0], ctx)
            if found and not found[1] and found[0] not in outer:
                return token, kind, [found[0]]
        if not subjects and token.dep_ == "pcomp" and token.head.lower_ == "for" and token.head.head.i == verb.i:
            # "X slammed Y for suggesting that ...": what is suggested is Y's
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            inner = [t for t in objects[0].subtree if t.i in doc._.person_at] if objects else []
            if inner and doc._.person_at[inner[-1].i] not in outer:
                return token, kind, [doc._.person_at[inner[-1].i]]
    return None


def _speaker_after(verb: Token, verbs: list, outer: list[str], ctx: _Context):
    """A later speech verb of the sentence outside what ``verb`` reports, whose named subject is
    another actor: the main clause after a fronted "while"/"although" clause that holds
    ``verb`` ("While X insisted on talks, Y ruled them out"), or a clause hung elsewhere ("X imposed
    tariffs, to which Y responded with ..."). Not the verb a parenthetical "he said" hangs on ("The
    U.S., he said, would support ..."): there the speaker reports the subject. (verb, kind, names)
    or None."""
    subtree = {t.i for t in verb.subtree}
    ancestors = {t.i for t in verb.ancestors}
    fronted = _fronted_subordinate(verb)
    for other, kind in verbs:
        if (other.i <= verb.i or other.i in subtree or kind != "indirect"
                or (other.i in ancestors and not (fronted and other.i == verb.head.i))):
            continue  # a verb of saying only: a reported act there ("Russia launched ...") is the scene
        subject = subject_of(other)
        if subject is None or subject.i in subtree or subject.pos_ == "PRON":
            continue
        found = actor_for_token(subject, ctx)
        if found and not found[1] and found[0] not in outer:
            return other, kind, [found[0]]
    return None


def _introduces_quote(doc: Doc, quote: Span) -> bool:
    """"X confirmed this in a post: “...”": a colon right before the opening quote mark."""
    i = quote.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and doc[i].text == ":"


def _statement_after(doc: Doc, quote: Span) -> Token | None:
    """“...,” the statement said / read, “...,” read a post published by X: a statement, not an
    actor, follows the quote as its source; that statement noun, else None."""
    words = [t for t in doc[quote.end:min(quote.end + 6, len(doc))] if not (t.is_punct or t.is_space)]
    if words and words[0].lower_ in ("read", "reads", "said", "says"):
        words = words[1:]
    if len(words) >= 2 and words[0].lower_ in ("the", "a", "its", "their") and words[1].lower_ in statement_nouns():
        return words[1]
    return None


def _quote_body(doc: Doc, quote: Span, ctx: _Context) -> str:
    """A body or a government the quote opens with as its subject (“The union reaffirms ...”), else ""."""
    for token in doc[quote.start + 1:quote.end - 1]:
        if token.dep_ in ("nsubj", "nsubjpass") and token.left_edge.i <= quote.start + 2 and quote.start < token.head.i < quote.end:
            found = actor_for_token(token, ctx)
            actor = doc._.actors.get(found[0]) if found and not found[1] else None
            return found[0] if actor is not None and actor.actor_type != "person" else ""
    return ""


def _relayed_person(doc: Doc, quote: Span, names: list[str], ctx: _Context) -> str:
    """“The minister urged Russia to ...,” the spokesman said: a quote that opens with a title of
    someone the article names, as the subject of a verb of speech, relays that person's words."""
    kinds, _ = speech_kinds()
    for token in doc[quote.start + 1:quote.end - 1]:
        if token.dep_ == "nsubj" and token.left_edge.i <= quote.start + 2 and quote.start < token.head.i < quote.end:
            if verb_lemma(token.head.text) not in kinds:
                return ""
            person = _described_person(token, ctx)
            return person if person and person not in names else ""
    return ""


@data_cache()
def _obligation_words() -> tuple[frozenset, frozenset]:
    """Modals of obligation and predicates of necessity (speech.toml)."""
    data = load("speech")
    return frozenset(data["obligation_modals"]), frozenset(data["necessity_words"])


def _says_what_must_be(sent: Span) -> bool:
    """"Talks must resume soon.", "Another truce is necessary.": the main clause says what must be
    done, with a modal of obligation on its verb or a predicate of necessity."""
    _, necessary = _obligation_words()
    return under_obligation(sent.root) or any(c.dep_ in ("acomp", "attr") and c.lower_ in necessary
                                              for c in sent.root.children)


def under_obligation(verb: Token) -> bool:
    """A verb under a modal of obligation ("all parties must allow ...", "Europe should support ...")."""
    modals, _ = _obligation_words()
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def _same_paragraph(before: Span, sent: Span) -> bool:
    """No line break between the two sentences."""
    doc = sent.doc
    words = [t for t in before if not t.is_space]
    first = next((t for t in sent if not t.is_space), None)
    if not words or first is None:
        return False
    return "\n" not in doc_text(doc)[words[-1].idx + len(words[-1]):first.idx]


def _sentence_after(doc: Doc, quote: Span) -> Span | None:
    """The short sentence that starts right after a closing quote mark (an attribution), or None."""
    i = quote.end
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i >= len(doc) or not doc[i].is_sent_start:
        return None
    sent = doc[i].sent
    return sent if len(sent) <= 8 else None


class SpeakerAttribution:
    """Assigns ``doc._.speech`` and ``doc.spans["speech"]`` (see the module docstring)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.speech = acts = self.speech_acts(doc)
        _place_bodies(doc, acts)
        doc.spans[SPEECH_KEY] = [Span(doc, a.region.start, a.region.end, label=a.kind, kb_id=a.speakers[0])
                                 for a in acts]
        return doc

    @staticmethod
    def speech_acts(doc: Doc) -> list[Speech]:
        """Every act of speaking in reading order: direct quotes first within their sentence."""
        ctx = _Context(doc)
        ctx.gender = _genders(doc)
        text = doc_text(doc)
        quotes = find_quotes(doc, text)
        turns = find_turns(doc, text)
        inside = {i for q in quotes for i in range(q.start, q.end)}
        in_turn = {i for _, said in turns for i in range(said.start, said.end)}
        quotes = [q for q in quotes if q.start not in in_turn]  # a quote inside a turn is the turn's own
        inside |= in_turn
        acts: list[Speech] = []
        next_turn = 0
        pending = sorted(quotes, key=lambda q: q.end)
        q_next = 0
        sents = list(doc.sents)
        acts_before = 0
        verbs_of: dict[int, list] = {}

        def verbs_in(sent: Span):
            if sent.start not in verbs_of:
                found = list(speech_verbs(sent, inside))
                # "Reports claim that X requested ...", "the newspaper said X had agreed to ...": a
                # news report only relays; the verbs of what it reports have speakers of their own
                silent = frozenset(v.i for v, _ in found if _relays_only(v, ctx))
                verbs_of[sent.start] = list(speech_verbs(sent, inside, silent)) if silent else found
            return verbs_of[sent.start]

        for k, sent in enumerate(sents):
            ctx.sent_no = k
            acts_before_sent = acts[acts_before:]  # the acts of the sentence before this one
            ctx.spoke_before = {n for act in acts_before_sent for n in act.speakers} if sent.start else set()
            acts_before = len(acts)
            verbs = verbs_in(sent)
            while next_turn < len(turns) and turns[next_turn][1].start < sent.end:
                name, said = turns[next_turn]
                next_turn += 1
                acts.append(Speech([name], "direct", said, None, said.text, False, said))
                ctx.remember([name])
            while q_next < len(pending) and pending[q_next].end - 1 < sent.end:
                quote = pending[q_next]
                q_next += 1
                first_sent = doc[quote.start].sent
                names, pronoun = [], False
                qsent = doc[min(quote.start, first_sent.start, sent.start):max(quote.end, sent.end)]
                after = [v for v in verbs if v[0].i >= quote.end]
                colon = _introduces_quote(doc, quote)
                if colon and first_sent.start == quote.start:
                    first_sent = doc[quote.start - 1].sent  # the parser cut at the colon: its clause
                before = [v for v in verbs_in(first_sent) if v[0].i < quote.start]
                # a colon introduces the quote, or the speech verb stands right before it ("X insisted
                # “...”, while Y ruled out ..."): the clause before it names the speaker
                adjacent = bool(before) and all(doc[i].is_punct or doc[i].is_space for i in range(before[-1][0].i + 1, quote.start))
                order = before[::-1] + after if colon or adjacent else after + before[::-1]
                # a verb of saying attributes a quote before a verb of acting ("The U.S., he said,
                # opposed the text, as it “would ...”": he speaks)
                order.sort(key=lambda v: v[1] != "indirect")
                for verb, _ in order:
                    names, pronoun = speakers_of(verb, ctx)
                    if names:
                        break
                if not names and colon:
                    subject = sentence_subject(first_sent)
                    names = [subject] if subject else []
                if not names and not after:
                    # “...!” Novak stated.  The parser may end the sentence at the closing mark.
                    following = _sentence_after(doc, quote)
                    for verb, _ in (verbs_in(following) if following is not None else []):
                        names, pronoun = speakers_of(verb, ctx)
                        if names:
                            break
                statement = _statement_after(doc, quote) if not names else None
                if statement is not None:
                    # “The union reaffirms its support ...,” the statement read: a body that names
                    # itself as the quote's subject speaks; else the one who issued the statement
                    # (“...,” read a post published by X)
                    body = _quote_body(doc, quote, ctx)
                    issued = None if body else _issued_by(statement, ctx)
                    if body or issued:
                        names, pronoun = ([body], False) if body else ([issued[0]], issued[1])
                if not names and not verbs and ctx.last_speaker and any(t.pos_ in ("VERB", "AUX") for t in quote):
                    # a continuing quote; a word or a name in quote marks without a verb (“genocide”)
                    # is the writer's scare quote, nobody's speech
                    names, pronoun = [ctx.last_speaker], True
                relayed = _relayed_person(doc, quote, names, ctx) if len(names) == 1 else ""
                if relayed:
                    names = [relayed] + names  # the spokesman speaks for the minister too
                met = _quote_participants(doc, quote, ctx) if names else []
                if met:
                    # “The two presidents agreed ...,” the ministry said: the people who met speak, the
                    # one who tells it too
                    names = met + [n for n in names if n not in met]
                if names:
                    acts.append(Speech(names, "direct", doc[quote.start + 1:quote.end - 1], None,
                                       quote.text.strip("“”\" ").rstrip(","), pronoun, qsent))
                    ctx.remember(names)
            attributed = False
            echo_since = sents[max(0, k - 2)].start  # an echo takes up an act of this sentence or the two before
            for token in sent:
                if acts and token.i not in inside and _made_the_statement(token):
                    # "The U.S. will provide $1bn. Anna Berg made the pledge in London": she speaks
                    # the act just before
                    names, pronoun = speakers_of(token, ctx)
                    echoed = _echoed(acts, names, echo_since)
                    if echoed is not None:
                        acts.append(Speech(names, echoed.kind, echoed.region, echoed.lead, echoed.quote, pronoun, sent))
                        ctx.remember(names)
                    break
            for verb, kind in verbs:
                region_tokens = [t.i for t in sent if t.i > verb.i and t.i not in inside]
                if _fronted_subordinate(verb):
                    # "While X insisted that ..., a report showed ...": the main clause is not X's
                    region_tokens = [i for i in region_tokens if i <= verb.right_edge.i]
                author = _authored(verb)
                if author is not None:
                    # "a plan proposed by X to lift the duties": what X proposed stays inside the
                    # noun phrase, after the author; the rest of the sentence says something of the plan
                    own = {t.i for t in verb.head.subtree}
                    region_tokens = [i for i in region_tokens if i in own and i > author.right_edge.i]
                    if not any(doc[i].is_alpha for i in region_tokens):
                        continue
                names, pronoun = speakers_of(verb, ctx)
                if not names:
                    continue
                echoed = _echoed(acts, names, echo_since) if _echoes(verb) else None
                if echoed is not None:
                    # "Similar statements were made by Y", "Y echoed his words": Y takes the position
                    # of the speech act just before, in this sentence or the two before it
                    acts.append(Speech(names, echoed.kind, echoed.region, echoed.lead, echoed.quote, pronoun, sent))
                    ctx.remember(names)
                    attributed = True
                    break
                if author is None and (not any(doc[i].is_alpha for i in region_tokens) or _says_before(verb)):
                    region_tokens = _content_before(sent, verb, inside)
                inner = _inner_speaker(sent, verb, names, set(region_tokens), ctx)
                if inner is not None:
                    # "The ministry said Novak had told the chancellor that ...", "Novak has agreed
                    # to ..., the ministry said": what follows the inner verb is the inner
                    # speaker's; the outer one only relays it
                    inner_verb, inner_kind, inner_names = inner
                    # what stands before the inner clause is still the outer speaker's own ("X said
                    # talks must start, while Y ruled out ...", "X backed sanctions, and Y said ...")
                    own = [i for i in region_tokens if i < inner_verb.left_edge.i]
                    while own and (doc[own[-1]].is_punct or doc[own[-1]].lower_ in ("and", "but", "while", "whereas")):
                        own.pop()
                    if any(doc[i].is_alpha for i in own):
                        acts.append(Speech(names, kind, doc[own[0]:own[-1] + 1], doc[verb.i:verb.i + 1], "", pronoun,
                                           sent))
                    tokens = [i for i in region_tokens if i > inner_verb.i]
                    if tokens and inner_names:
                        acts.append(Speech(inner_names, inner_kind, doc[tokens[0]:tokens[-1] + 1],
                                           doc[inner_verb.i:inner_verb.i + 1], "", False, sent))
                    ctx.remember(names + inner_names)
                    attributed = True
                    break
                region_tokens += (_asked_clause(sent, verb, inside) + _act_before(verb, inside) + _relative_head(verb, inside)
                                  + _ballot_before(verb, inside))
                region_tokens = sorted(set(region_tokens))
                after = _speaker_after(verb, verbs, names, ctx)
                if after is not None:
                    # "While X insisted on talks, Y ruled them out", "X imposed tariffs, to which Y
                    # responded with ...": a clause outside what X says, with a speaker of its own
                    other_verb, other_kind, other_names = after
                    own = {t.i for t in other_verb.subtree} - {t.i for t in verb.subtree}
                    region_tokens = [i for i in region_tokens if i not in own]
                    while region_tokens and doc[region_tokens[-1]].is_punct:
                        region_tokens.pop()
                    other = [i for i in sorted(own) if i > other_verb.i and i not in inside]
                    if _inner_speaker(sent, other_verb, other_names, set(other), ctx) is not None:
                        other = []  # Y only relays a third one ("..., Y said Z had agreed to ...")
                if region_tokens:
                    region = doc[region_tokens[0]:region_tokens[-1] + 1]
                    acts.append(Speech(names, kind, region, doc[verb.i:verb.i + 1], "", pronoun, sent))
                ctx.remember(names)
                if after is not None and other:
                    acts.append(Speech(other_names, other_kind, doc[other[0]:other[-1] + 1],
                                       doc[other_verb.i:other_verb.i + 1], "", False, sent))
                    ctx.remember(other_names)
                attributed = True
                break  # one speaker per clause outside quotes: the first verb with a subject
            # "According to Reuters, steelmakers expressed concerns ...": a verb of saying with a subject
            # of its own names who holds the position; the source only reports it
            own_subject = any((subject_of(verb) or _name_before(verb)) is not None for verb, _ in verbs)
            if not attributed and not own_subject and (according := _according_to(sent, ctx, inside)):
                names, pronoun, tokens = according
                acting = sentence_subject(sent)
                if acting and doc._.actors.get(names[0]) and doc._.actors[names[0]].actor_type != "person":
                    # "Anna Berg will travel to Beirut to follow up on the truce, according to a
                    # statement by the palace": the body only reports what the person does
                    names, pronoun = [acting], False
                tokens = [i for i in tokens if i not in inside]
                if tokens:
                    acts.append(Speech(names, "indirect", doc[tokens[0]:tokens[-1] + 1], None, "", pronoun, sent))
                    ctx.remember(names)
            if (not attributed and not own_subject and len(acts) == acts_before and acts_before_sent
                    and acts_before_sent[-1].kind != "reported" and not any(t.i in inside for t in sent)
                    and _same_paragraph(sents[k - 1], sent) and _says_what_must_be(sent)):
                # "Berg said the talks had stalled. They must resume soon.": with no verb of saying,
                # what must be done goes on with the words of the speaker just before
                acts.append(Speech(acts_before_sent[-1].speakers, "indirect", sent, None, "", True, sent))
            nested = speech_verbs(sent, inside, frozenset(range(sent.start, sent.end))) if any(
                t.lower_ == "who" for t in sent) else []
            for verb, kind in nested:
                # "X rejected the plan of Anna Berg, who suggested that ...", "His statement echoed the
                # remarks of Anna Berg, who told reporters that ...": what the relative clause says is
                # Berg's own, whoever speaks in the clause around it
                if _named_relative(verb) and not any(a.lead is not None and a.lead.start == verb.i for a in acts):
                    # a quote in the clause is Berg's too, unless it has a speaker already
                    quoted = {i for a in acts[acts_before:] if a.kind == "direct"
                              for i in range(a.region.start, a.region.end)}
                    tokens = [t.i for t in verb.subtree if t.i > verb.i and (t.i not in inside or t.i not in quoted)]
                    if any(doc[i].is_alpha for i in tokens):
                        acts.append(Speech([doc._.person_at[verb.head.i]], kind, doc[tokens[0]:tokens[-1] + 1],
                                           doc[verb.i:verb.i + 1], "", False, sent))
            # people named in this sentence, for later pronouns: subjects count as the most recent
            person_at = doc._.person_at  # an extension attribute costs a lookup per access
            named = [(doc[i].dep_ in ("nsubj", "nsubjpass"), i, person_at[i])
                     for i in range(sent.start, sent.end) if i in person_at]
            for _, _, name in sorted(named):
                ctx.saw_person(name)
            ctx.last_subject = sentence_subject(sent)
            ctx.last_pair = _subject_people(sent)
            met = _meeting_people(sent)
            if met:
                ctx.met, ctx.met_at = met, k
        return acts


@Language.factory("speaker_attribution", assigns=["doc._.speech", "doc.spans"],
                  requires=["doc._.actors", "doc._.person_at", "token.dep"])
def make_speaker_attribution(nlp: Language, name: str):
    return SpeakerAttribution(nlp, name)


def _place_bodies(doc: Doc, acts: list[Speech]) -> None:
    """A ministry or department named without its country ("the Ministry of Commerce said China
    opposes ...", "the Department of Trade and Industry said the Philippines has proposed ...") is
    the government of the country its reported clause has as subject (people.reported_country).
    Changes the actor in place; bodies with a country, and other speakers, stay."""
    actors = doc._.actors
    for act in acts:
        actor = actors.get(act.speakers[0]) if act.kind == "indirect" else None
        if actor is None or actor.actor_type != "organization" or actor.country:
            continue
        if not names_government_body(actor.name.split()):
            continue
        span = range(act.region.start, act.region.end)
        for verb in dict.fromkeys(t.head for t in act.region if t.dep_ == "ccomp" and t.head.i not in span):
            code = reported_country(verb)
            if code:
                actor.actor_type, actor.country = "government", code
                break
