"""The ``person_index`` component: the actors of a Doc, starting with its people.

It reads PERSON entities (after ``ner_repair``) and the ``roles`` spans, and assigns

* ``doc.spans["people"]``: every mention of a person, ``kb_id_`` = the canonical name (the full
  name first written; a later surname-only mention takes the nearest full name before it);
* ``doc._.actors``: canonical name -> ActorInfo (type, country, role, mentions). Later
  components add governments, bodies and groups to it when they speak;
* ``doc._.person_at``: token index -> canonical name, and ``doc._.ent_at``: token index -> entity.

A person's country comes only from what the article states: a title with a country modifier
("German Foreign Minister X", "U.K. Defense Minister X", "Ukraine's leader, X"), "<title> of
<country>", an apposition ("X, the EU's foreign policy chief"), the institution in the role
("CIA Director"), or the place a sentence opens with ("In Budapest, Prime Minister X"). Nothing
is read from a person's own name, and empty is preferred to a guess.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from analysis import countries
from analysis.components import (
    PARTICLES,
    ROLE_KEY,
    _line_end,
    _name_titles,
    _organization_nouns,
    caption_lines,
    doc_text,
    media_nouns,
    name_position,
    nickname,
    of_chain_end,
    surname,
)
from analysis.lexicon import data_cache, load

PEOPLE_KEY = "people"
RELATIONAL_NOUNS = {"allies", "partners", "counterparts", "backers", "supporters", "neighbours", "neighbors", "critics"}
POSSESSIVE = ("'s", "’s")
BODIES = set(countries.BODIES)
# titles that head an international body, not a state: with no country of their own, the one body
# their sentence names is theirs
BODY_TITLES = {"secretary-general", "director-general"}
POSTED = {"ambassador", "envoy", "representative"}  # titles held at a body for a country
LEANING_PREFIXES = {"pro", "anti"}  # "pro-European", "anti-Western": a leaning, not whose a person is
# The party and state of a US lawmaker after the name: "X, R-S.C.,", "X (D-NY)", "X, I-Vt."
PARTY_STATE = re.compile(r"\s*[,(]\s*[DRI]-[A-Z][A-Za-z.]{0,8}\s*[,)]")
ABBREVIATION = re.compile(r"[A-Z](\.[A-Z])+\.?")  # "U.S", "U.K", "U.S."

for _name in ("actors", "person_at", "ent_at"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass
class ActorInfo:
    name: str
    actor_type: str  # person | government | organization | group
    country: str = ""
    role: str = ""
    mentions: int = 0
    # character offsets of the sentence that stated the country (else the role): the evidence
    # the actor registry shows for "Russian President X"; (0, 0) when nothing was stated
    evidence: tuple[int, int] = (0, 0)

    def state(self, country: str, role: str, sent: Span | None) -> None:
        """Keep the first country and role stated, and the sentence that stated the country."""
        if sent is not None and ((country and not self.country) or (role and not self.role and not self.country)):
            self.evidence = (sent.start_char, sent.end_char)
        self.country = self.country or country
        self.role = self.role or role


def add_actor(doc: Doc, name: str, actor_type: str, country: str = "", role: str = "", mentions: int = 1,
              sent: Span | None = None) -> str:
    """Register (or count once more) an actor of ``doc``; the first country and role stated stay."""
    actors = doc._.actors
    actor = actors.get(name)
    if actor is None:
        actor = actors[name] = ActorInfo(name, actor_type)
    actor.mentions += mentions
    actor.state(country, role, sent)
    return name


def add_government(doc: Doc, code: str) -> str:
    """Register the government of the country ``code`` as an actor of ``doc`` (named as the
    country, no mention counted: it speaks only where a rule gives it a claim)."""
    return add_actor(doc, countries.country_name(code), "government", code, mentions=0)


def clean_name(text: str) -> str:
    """A name as the registry keys it: no possessive, no leading "the", "Mr"/"Mrs"/"Ms" or "Sheikh" (before a
    full name), no nickname in quotes ("Joko “Jokowi” Novak" -> "Joko Novak"), no stray brackets ("Anna] Novak") or quote marks, and the space a
    typo lost between two names of four letters or more ("AnnaLindqvist"; not "DeSantis")."""
    text = re.sub(r"['’]s$", "", text.strip())
    text = re.sub(r"\s*[“\"‘][^”\"’]{1,30}[”\"’]\s*", " ", text)
    text = " ".join(re.sub(r"[\[\]{}()<>]", "", text).split())
    text = re.sub(r"\b([A-Z][a-z]{3,})([A-Z][a-z]{3,})\b", r"\1 \2", text)  # "AnnaLindqvist": a lost space
    text = re.sub(r"^(?:Mr|Mrs|Ms|Mx)\.?\s+(?=\S)", "", text)  # "Mrs van der Berg": the honorific is no name
    # "Sheikh Khalid bin Omar Al Nasser": a Gulf honorific before a full name is no name either (the
    # registry reads it as a title, see registry._words); before one word it may be a name ("Sheikh Hasan")
    text = re.sub(r"^Sheikha?\s+(?=\S+\s+\S)", "", text)
    return re.sub(r"^(the|The)\s+", "", text).strip(" ,.\"“”‘’")  # a quote mark glued on ("”Berg")


def ent_at(doc: Doc, i: int) -> Span | None:
    """The entity covering token ``i`` (index built once per Doc: no scan of doc.ents)."""
    index = doc._.ent_at
    if index is None:
        index = doc._.ent_at = {t: ent for ent in doc.ents for t in range(ent.start, ent.end)}
    return index.get(i)


def role_text(role: Span) -> str:
    """The role as written, extended left over an institution that belongs to it ("CIA Director")."""
    doc = role.doc
    ent = ent_at(doc, role.start - 1) if role.start > 0 else None
    if ent is not None and ent.label_ == "ORG" and (countries.institution(ent.text) or ent.text.isupper()):
        return doc[ent.start:role.end].text
    return role.text


def _abbreviation(doc: Doc, i: int) -> tuple[str, int]:
    """A country written as an abbreviation ending at token ``i`` ("U.S.", "U.K.", "US", "EU"), as
    (code, first token), else ("", i). The tokenizer splits "U.K." in several ways."""
    for width in (1, 2, 3, 4):
        start = i - width + 1
        if start < 0:
            break
        text = doc[start:i + 1].text.replace(" ", "")
        if not re.fullmatch(r"(?:[A-Z]\.){1,3}|[A-Z]{2,3}", text):
            continue
        code = countries.country_code(text)
        if code:
            return code, start
    return "", i


def country_near(doc: Doc, start: int, end: int) -> str:
    """Country named in tokens [start, end): an entity, demonym or abbreviation, nearest to ``end``."""
    for i in range(end - 1, start - 1, -1):
        token = doc[i]
        if i + 1 < len(doc) and doc[i + 1].lower_ == "affairs" and doc[i + 1].is_title:
            continue  # "Minister of Foreign and European Affairs", "vice president for European Affairs": a portfolio
        ent = ent_at(doc, i) if token.ent_type_ in ("GPE", "NORP", "ORG") else None
        if ent is not None:
            code = countries.country_code(ent.text)
            if code:
                return code
            if ent.label_ == "ORG":  # "White House National Security Council": an institution's own body
                code = next((inst[0] for k in (3, 2, 1) if k < len(ent)
                             and (inst := countries.institution(ent[:k].text))), "")
                if code:
                    return code
            code = countries.party(ent.text)  # "CSU chairman", "the Law and Justice party's X"
            if code:
                return code
        if _leaning(doc, i):
            continue
        code = (countries.demonym(token.text) or ("" if _inside_longer_name(doc, i) else
                                                  (countries.institution(token.text) or ("", ""))[0])
                or countries.party(token.text))
        if not code and "." in token.text.strip("."):  # "U.S" or "U.K" cut from its last dot
            code = countries.country_code(token.text)
        if not code and token.is_title and not token.ent_type_ and i + 1 < len(doc) and doc[i + 1].text in POSSESSIVE:
            code = countries.country_code(token.text)  # "Latvia’s Deputy Ambassador" with "Latvia" left untagged
        if code:
            return code
        # a country of two or three words the model did not tag: "United States Trade Representative"
        code = next((c for j in (i - 1, i - 2) if j >= start and token.is_title and doc[j].is_title
                     and not any(t.ent_type_ == "PERSON" for t in doc[j:i + 1])
                     and (c := countries.country_code(doc[j:i + 1].text))), "")
        if code:
            return code
        # an institution of two or three words outside any entity: "White House", "State Duma"
        code = next((inst[0] for j in (i - 1, i - 2) if j >= start and token.is_title
                     and (inst := countries.institution(doc[j:i + 1].text))), "")
        if code:
            return code
        code, _ = _abbreviation(doc, i)
        if code:
            return code
    return ""


def _inside_longer_name(doc: Doc, i: int) -> bool:
    """Whether token ``i`` closes a longer capitalised name that is no body of its own: the
    "Commission" of "the African Union Commission" or "the U.S. International Trade Commission" is not
    the EU's (a title spanning to the body leaves no entity there); "European Commission" is."""
    if i < 1 or doc[i].lower_ not in _organization_nouns():  # a body's generic last word, not "Duma"
        return False
    prev = doc[i - 1]
    return (prev.is_title and prev.is_alpha and prev.pos_ != "DET" and not countries.demonym(prev.text)
            and not countries.country_code(prev.text) and not countries.institution(doc[i - 1:i + 1].text))


def _hyphened_start(doc: Doc, k: int) -> int:
    """The first token of the hyphened word that ends at token ``k`` ("newly-elected",
    "pro-European": the parts and hyphens written without spaces); ``k`` for a plain word."""
    start = k
    while (start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
           and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha):
        start -= 2
    return start


def _leaning(doc: Doc, i: int) -> bool:
    """Token ``i`` is the second part of "pro-European", "anti-Western": a leaning, not a nationality."""
    return i >= 2 and _hyphened_start(doc, i) == i - 2 and doc[i - 2].lower_ in LEANING_PREFIXES


def _left_modifier_start(doc: Doc, i: int, limit: int = 4) -> int:
    """How far left of token ``i`` the modifiers of a title reach (stops at punctuation); a
    hyphened word ("newly-elected", "pro-European") is one modifier."""
    start, joined = i, 0
    while start > 0 and i - start - joined < limit:
        first = _hyphened_start(doc, start - 1)
        if first < start - 1:
            joined += start - 1 - first
            start = first
            continue
        prev = doc[start - 1]
        if "\n" in prev.text:
            break  # a line break ends a headline: "... after Russian strikes\n\nPresident X"
        if prev.text in ("]", ")"):
            opening = next((k for k in range(start - 2, max(start - 5, -1), -1) if doc[k].text in ("[", "(")), None)
            if opening is not None:
                start = opening  # "[Russian] President": an editor's insertion; "the European Union's (EU's) Trade Commissioner"
                continue
        if prev.is_punct and prev.text not in POSSESSIVE and prev.text != ".":
            break
        if prev.text == "." and not (start >= 2 and ABBREVIATION.fullmatch(doc[start - 2].text)):
            break  # a full stop ends the sentence unless it closes "U.S."
        if prev.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ") and prev.lower_ != "of":
            break
        start -= 1
    return start


def fronted_place(sent: Span) -> str:
    """Country of a sentence-opening "In <place>," phrase, or ""."""
    if len(sent) > 3 and sent[0].lower_ == "in" and sent[1].ent_type_ == "GPE":
        end = 1
        while end < len(sent) and sent[end].ent_type_ == "GPE":
            end += 1
        if end < len(sent) and sent[end].text == ",":
            return countries.country_code(sent[1:end].text)
    return ""


class PersonIndex:
    """Canonical names, roles and countries of the people in a Doc (see the module docstring)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors, doc._.person_at, doc._.ent_at = {}, {}, None
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        roles = list(doc.spans.get(ROLE_KEY, []))
        before_name: dict[int, Span] = {}  # token where a name after the role would start -> role
        for role in roles:
            before_name.setdefault(name_position(doc, role.end), role)
        role_starting = {role.start: role for role in roles}
        full_names: dict[str, str] = {}  # surname -> the latest full name seen with it
        # every name of two words or more with where it stands, cleaned once (not once per mention)
        multiword = [(e.start, full) for e in persons if len((full := clean_name(e.text)).split()) >= 2]
        nicknames = {nick.lower(): clean_name(e.text) for e in persons if (nick := nickname(e.text))}
        mentions = []
        for ent in persons:
            name = clean_name(ent.text)
            if not name or not any(c.isupper() for c in name):
                continue
            words = name.split()
            if len(words) == 2 and words[0].lower() in given_name_titles():
                # "Prince Anwar" after "Crown Prince Anwar bin Tariq": the one full name opening with it
                owner = self._family_name_first(multiword, words[1])
                name, words = (owner, owner.split()) if owner != words[1] else (name, words)
            if len(words) >= 2 and words[0].lower() not in PARTICLES:
                full_names[_folded(surname(name))] = name
                canonical = name
            else:
                # the nearest full name before it with that surname ("Johnson" after two Johnsons),
                # else the one full name that has it as an inner name ("Lima" in "Ana Paula Lima da Costa")
                # accents aside: "Kovačević" written "Kovacevic" further on is the same person
                canonical = (full_names.get(_folded(name)) or nicknames.get(name.lower())
                             or self._later_full_name(multiword, ent, name))
                if canonical == name and len(words) == 1:
                    canonical = self._inner_name(multiword, name)
                if canonical == name and len(words) == 1:
                    canonical = self._family_name_first(multiword, name)
            # "King Harald V": the title is part of the name, and still the title before the name
            titled = len(ent) > 1 and ent[0].lower_ in _name_titles() and ent.start in role_starting
            role, country = self._role_and_country(doc, ent[1:] if titled else ent, before_name, role_starting)
            # a title only one state has, before the name or inside it ("Pope X" is one entity): that
            # state, also over a nationality or the country a nuncio is posted to
            country = national_title(role) or country or national_title(ent[0].text if len(ent) > 1 else "")
            add_actor(doc, canonical, "person", country, role, sent=ent.sent)
            mentions.append(Span(doc, ent.start, ent.end, label="PERSON", kb_id=canonical))
            for i in range(ent.start, ent.end):
                doc._.person_at[i] = canonical
        mentions = self._join_misspellings(doc, mentions)
        mentions = self._drop_unsupported_single_names(doc, mentions)
        mentions = self._drop_people_only_in_captions(doc, mentions)
        doc.spans[PEOPLE_KEY] = mentions
        self._fallback_countries(doc, mentions, before_name)
        return doc

    @staticmethod
    def _drop_unsupported_single_names(doc: Doc, mentions: list[Span]) -> list[Span]:
        """A one-word "name" the model tagged (a weapon, a newspaper, a metaphor: "Javelin",
        "Politico", "Goliath") stays a person only with some sign of one: a title, a full name it
        belongs to, or a mention as the subject or possessor of something ("Lima said", "Lima's")."""
        keep = []
        by_name: dict[str, list[Span]] = {}
        for m in mentions:
            by_name.setdefault(m.kb_id_, []).append(m)
        for name, spans in by_name.items():
            actor = doc._.actors[name]
            person_like = (len(name.split()) > 1 or actor.role or any(
                m.root.dep_ in ("nsubj", "nsubjpass", "poss", "appos") or (m.end < len(doc) and doc[m.end].text in POSSESSIVE)
                for m in spans))
            if person_like:
                keep.extend(spans)
                continue
            del doc._.actors[name]
            for m in spans:
                for i in range(m.start, m.end):
                    doc._.person_at.pop(i, None)
        return sorted(keep, key=lambda m: m.start)

    @staticmethod
    def _join_misspellings(doc: Doc, mentions: list[Span]) -> list[Span]:
        """One person written two ways in one article, a letter dropped or two swapped by a typo or a
        broken encoding ("Anna Lindqvst" / "Anna Lindqvist", "Berg" / "Bregs", "Tom Hjlm" / "Tom
        Hjälm"): the name written more often (else the longer) stands for both, a full name for its surname alone. Only the surname may
        differ, and only when it has five letters or more. A name written without its first given name
        ("Maria Lind" beside "Anna Maria Lind") is the one longer name that ends with it, one written
        without its middle name ("Anna Lind" beside "Anna Maria Lind") the one longer name that opens
        and ends as it does."""
        counts: dict[str, int] = {}
        for m in mentions:
            counts[m.kb_id_] = counts.get(m.kb_id_, 0) + 1
        # a full name first: a surname alone joins it, not the reverse
        names = sorted(counts, key=lambda n: (-len(n.split()), -counts[n], -len(n), n))
        into: dict[str, str] = {}
        for k, name in enumerate(names):
            # "Maria Lind" in a caption, "Anna Maria Lind" in the story: the one longer name
            longer = [other for other in names[:k] if _given_name_dropped(name, other) or _middle_name_dropped(name, other)]
            if len(longer) == 1 and longer[0] not in into:
                into[name] = longer[0]
                continue
            for other in names[:k]:
                if other not in into and (_misspelling(name, other) or (_cut_short(name, other) and all(
                        _line_end(doc, m.end) for m in mentions if m.kb_id_ == name))):
                    into[name] = other
                    break
            if name not in into and all(_line_end(doc, m.end) for m in mentions if m.kb_id_ == name):
                # "... is that Anna Lindq" where the text ends, beside "Lindqvist" alone: the one surname it begins
                cut = [other for other in names if other != name and other not in into and _surname_cut_short(name, other)]
                if len(cut) == 1:
                    into[name] = cut[0]
        if not into:
            return mentions
        out = []
        for m in mentions:
            target = into.get(m.kb_id_)
            if target is None:
                out.append(m)
                continue
            source = doc._.actors.pop(m.kb_id_, None)
            if source is not None:
                actor = doc._.actors[target]
                actor.mentions += source.mentions
                if source.country and not actor.country:
                    actor.country, actor.evidence = source.country, source.evidence
                actor.role = actor.role or source.role
            for i in range(m.start, m.end):
                doc._.person_at[i] = target
            out.append(Span(doc, m.start, m.end, label="PERSON", kb_id=target))
        return out

    @staticmethod
    def _drop_people_only_in_captions(doc: Doc, mentions: list[Span]) -> list[Span]:
        """Someone named only in photo captions ("Anna Berg (left) meets ...", "... Photograph:
        Eva Lind/AFP") is in the pictures, not in the story: no actor."""
        captions = caption_lines(doc_text(doc))
        if not captions:
            return mentions

        def in_caption(m: Span) -> bool:
            return any(s <= m.start_char < e for s, e in captions)

        story = {m.kb_id_ for m in mentions if not in_caption(m)}
        for m in mentions:
            if m.kb_id_ not in story:
                doc._.actors.pop(m.kb_id_, None)
                for i in range(m.start, m.end):
                    doc._.person_at.pop(i, None)
        return [m for m in mentions if m.kb_id_ in story]

    @staticmethod
    def _inner_name(multiword: list[tuple[int, str]], name: str) -> str:
        owners = {f for _, f in multiword if len(f.split()) >= 3 and name.lower() in (w.lower() for w in f.split()[1:-1])}
        return owners.pop() if len(owners) == 1 else name

    @staticmethod
    def _family_name_first(multiword: list[tuple[int, str]], name: str) -> str:
        """A family name written first ("Wang" for "Wang Jun", as Chinese, Korean or Hungarian
        names are): the one full name that opens with it, when no full name ends with it."""
        owners = {f for _, f in multiword if f.split()[0].lower() == name.lower()}
        return owners.pop() if len(owners) == 1 else name

    @staticmethod
    def _later_full_name(multiword: list[tuple[int, str]], ent: Span, name: str) -> str:
        """A surname seen before its full name (a headline "Merz warns ..."): the first full name after."""
        for start, full in multiword:
            if start > ent.start and _folded(surname(full)) == _folded(name):
                return full
        return name

    def _role_and_country(self, doc: Doc, ent: Span, before_name: dict, role_starting: dict) -> tuple[str, str]:
        # "German Foreign Minister X" / "Ukraine's leader, X" / "the foreign minister of Italy, X"
        role = before_name.get(ent.start)
        if role is not None and not _subject_after_phrase(doc, role, ent):
            left = _left_modifier_start(doc, role.start)
            inner, outer = country_near(doc, role.start, role.end), country_near(doc, left, role.start)
            country = inner or outer or _coordinated_title_country(doc, left) or _portfolio_list_country(doc, left)
            if country in BODIES and role[-1].lower_ in POSTED:
                # "Algeria's U.N. Ambassador": posted to the body, speaking for the country further left
                country = next((code for end in range(role.start - 1, left, -1)
                                if (code := country_near(doc, left, end)) and code not in BODIES), country)
            referred = _referred_country(doc, left, role.start)
            if referred and (not country or role[-1].lower_ in POSTED):
                # "Latvia and its President X", "... the country's president, X": the country the
                # sentence named before; "its UN ambassador" is the one it posts there
                country = referred
            if not country and ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of":
                # "President Anton Vela of Moldova", not the next name's "... of Moldova and Latvian Minister X"
                stop = next((k for k in range(ent.end + 1, min(ent.end + 4, len(doc))) if doc[k].lower_ in ("and", ",")),
                            min(ent.end + 4, len(doc)))
                country = country_near(doc, ent.end + 1, stop)
            if role.end < len(doc) and doc[role.end].lower_ == "to":
                # "China's ambassador to the United Nations": posted there, China's own
                country = country or self._of_country(doc, role)
            else:
                country = self._of_country(doc, role) or country
            if not country:
                # "Ambassador X, special representative of the Chinese government,": the title after
                # the name states the country the one before it left open
                _, country = self._title_after(doc, ent, role_starting) or ("", "")
            if not country:
                # "Latvia's envoy to the OSCE, Ambassador X": the title the name is set beside
                _, country = self._apposed_title(doc, ent, role.start) or ("", "")
            return role_text(role), country
        found = self._title_after(doc, ent, role_starting)
        if found is not None:
            return found
        return self._other_statements(doc, ent)

    def _title_after(self, doc: Doc, ent: Span, role_starting: dict) -> tuple[str, str] | None:
        """"X, the EU's foreign policy chief," / "X, head of the ... committee,": (role, country), else None."""
        if ent.end < len(doc) and doc[ent.end].text == ",":
            for start in range(ent.end + 1, min(ent.end + 8, len(doc))):
                role = role_starting.get(start)
                if role is None:
                    continue
                between = doc[ent.end + 1:role.start]
                boss = ent_at(doc, name_position(doc, role.end))
                if boss is not None and boss.label_ == "PERSON":
                    # "X, US President Y's national security adviser": X holds the title after
                    # the possessive, for Y's country; "X, Turkish President Y said": nothing for X
                    return self._boss_title(doc, role, boss, role_starting)
                if all(not t.is_punct or t.text in POSSESSIVE for t in between) and not any(
                    t.pos_ in ("VERB", "AUX") for t in between
                ):
                    country = country_near(doc, role.start, role.end) or country_near(doc, ent.end + 1, role.start)
                    return role_text(role), country or self._of_country(doc, role)
                break
        return None

    def _apposed_title(self, doc: Doc, ent: Span, first: int) -> tuple[str, str] | None:
        """"Lithuania's former minister of defence and foreign affairs, X, said" / "Latvia's envoy
        to the OSCE, Ambassador X,": the name (with its own title from token ``first``) set in
        apposition to a title before the comma; (role, country) of that title, else None."""
        root = ent.root
        if root.dep_ == "appos" and root.head.i < first and first > 0 and doc[first - 1].text == ",":
            role = next((r for r in doc.spans.get(ROLE_KEY, []) if r.start <= root.head.i < r.end), None)
            if role is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc[role.end:first]):
                left = _left_modifier_start(doc, role.start)
                country = country_near(doc, role.start, role.end) or country_near(doc, left, role.start)
                return role_text(role), country or self._of_country(doc, role)
        return None

    def _other_statements(self, doc: Doc, ent: Span) -> tuple[str, str]:
        found = self._apposed_title(doc, ent, ent.start)
        if found is not None:
            return found
        # "X, who chairs the Bundestag's defence committee,": an institution in a relative clause
        relative = [t for t in ent.root.children if t.dep_ == "relcl"]
        for clause in relative:
            for t in clause.subtree:
                inst = countries.institution(t.text) if t.ent_type_ in ("ORG", "GPE", "NORP") else None
                if inst:
                    return "", inst[0]
        # "Ukraine's X" without a title
        if ent.start >= 2 and doc[ent.start - 1].text in POSSESSIVE:
            return "", country_near(doc, ent.start - 2, ent.start - 1)
        # "A, B of Australia and C of Canada": a listed name without a title of its own
        if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of" and ent.root.dep_ in ("conj", "appos"):
            return "", country_near(doc, ent.end + 1, min(ent.end + 3, len(doc)))
        return "", ""

    @staticmethod
    def _boss_title(doc: Doc, boss_role: Span, boss: Span, role_starting: dict) -> tuple[str, str]:
        # the possessive may follow the name or sit inside the entity ("Dan Hart's")
        after = boss.end + 1 if boss.end < len(doc) and doc[boss.end].text in POSSESSIVE else (
            boss.end if doc[boss.end - 1].text in POSSESSIVE else None)
        if after is not None and after < len(doc):
            own = next((role_starting[i] for i in range(after, min(after + 3, len(doc))) if i in role_starting), None)
            if own is not None:
                left = _left_modifier_start(doc, boss_role.start)
                country = country_near(doc, boss_role.start, boss_role.end) or country_near(doc, left, boss_role.start)
                return role_text(own), country
        return "", ""

    @staticmethod
    def _of_country(doc: Doc, role: Span) -> str:
        """"foreign minister of Italy", "spokesperson for the Kremlin", "his counterpart from
        Denmark"; "a spokesman for <person>", "adviser to <person>" take that person's country."""
        if role.end + 1 < len(doc) and doc[role.end].lower_ == "to" and role[-1].lower_ in POSTED:
            return ""  # "a former ambassador to Moscow": the host, not whom he speaks for
        if role.end + 1 < len(doc) and doc[role.end].lower_ in ("of", "for", "to", "from"):
            code = country_near(doc, role.end + 1, min(role.end + 4, len(doc)))
            boss = doc._.person_at.get(role.end + 1)
            if not code and boss is None and (end := of_chain_end(doc, role.end)):
                # "head of the press service of the Latvian ministry, X": the first country of the chain
                code = next((c for k in range(role.end + 2, end + 1) if (c := country_near(doc, role.end + 1, k))), "")
            return code or (doc._.actors[boss].country if boss in doc._.actors else "")
        if role.end + 1 < len(doc) and doc[role.end].lower_ in ("at", "in"):
            # "an adviser at the Élysée", "a lawmaker in the Sejm": only an institution or a party
            # says whose; a place does not ("a fellow at a think tank in Washington")
            code = _body_after(doc, role.end)
            return "" if code in BODIES and role[-1].lower_ in POSTED else code  # "an envoy at the UN": posted there
        return ""

    @staticmethod
    def _fallback_countries(doc: Doc, mentions: list[Span], before_name: dict) -> None:
        """Two more statements of a country, for people the title next to their name left without one:

        * the place the introducing sentence opens with ("In Budapest, Prime Minister X ...");
        * the country of the person whose title it is ("Anna Berg's spokesman, X", "X, Anna Berg's
          spokesman");
        * a US party and state tag after the name ("X, R-S.C.,");
        * an unnamed title with a country elsewhere in the text ("U.S. President Announces ..."
          in a headline, "the Polish foreign minister said") when exactly one person without a
          country holds that title and no one named holds it for that country.

        No country is taken from other places merely named near a person: empty beats wrong.
        """
        people_at = {m.start for m in mentions}
        unnamed: dict[str, dict[str, Span]] = {}  # title -> country -> a sentence stating it
        definite: list[tuple[Span, str]] = []  # "the Russian president", "Latvia's premier": (title, country)
        for role in doc.spans.get(ROLE_KEY, []):
            if name_position(doc, role.end) in people_at:
                continue
            left = _left_modifier_start(doc, role.start)
            code = country_near(doc, role.start, role.end) or country_near(doc, left, role.start)
            if code:
                unnamed.setdefault(role.text.lower(), {}).setdefault(code, role.sent)
                if doc[left].lower_ == "the" or any(t.text in POSSESSIVE for t in doc[left:role.start]):
                    definite.append((role, code))
        seen = set()
        for mention in mentions:
            name = mention.kb_id_
            actor = doc._.actors[name]
            if not actor.country and name not in seen:  # where the person is introduced
                actor.state(fronted_place(mention.sent) or _listed_member_of(mention), "", mention.sent)
            if not actor.country:  # any mention: "X reiterated India's position"
                actor.state(_own_position(mention), "", mention.sent)
            if not actor.country and PARTY_STATE.match(doc_text(doc), mention.end_char):
                actor.state("USA", "", mention.sent)  # "Sen. X, R-S.C.," / "X (D-NY)": a US lawmaker
            if not actor.country:  # "X (SPD)", "X of the Bundestag", "X of the ruling Law and Justice party"
                actor.state(_member_of_body(mention), "", mention.sent)
            seen.add(name)
        for k, mention in enumerate(mentions):  # "A and B, both deputy foreign ministers of Russia": a shared label
            code = _shared_label_country(doc, mention)
            if not code:
                continue
            listed = [mention]
            for earlier in reversed(mentions[:k]):  # the names listed before it with only "," / "and" between
                if (len(listed) == 2 and doc[mention.end + 1].lower_ == "both") or earlier.sent != mention.sent or any(
                        t.text not in (",", "and") for t in doc[earlier.end:listed[-1].start]):
                    break
                listed.append(earlier)
            for m in listed:
                actor = doc._.actors.get(m.kb_id_)
                if actor is not None and not actor.country:
                    actor.state(code, "", mention.sent)
        for mention in mentions:  # "Anna Berg's spokesman, Tom Reed": the country of the one he speaks for
            actor = doc._.actors[mention.kb_id_]
            role = before_name.get(mention.start)
            if actor.country or role is None:
                continue
            left = _left_modifier_start(doc, role.start)
            owner = next((doc._.person_at.get(k - 1) for k in range(role.start - 1, left - 1, -1)
                          if doc[k].text in POSSESSIVE and k > 0 and doc._.person_at.get(k - 1)), None)
            if owner and owner != mention.kb_id_ and owner in doc._.actors:
                actor.state(doc._.actors[owner].country, "", mention.sent)
        role_starts = {r.start for r in doc.spans.get(ROLE_KEY, [])}
        for mention in mentions:  # "Tom Reed, Anna Berg's spokesman,": the same, the title after the name
            actor = doc._.actors[mention.kb_id_]
            if actor.country or mention.end + 3 >= len(doc) or doc[mention.end].text != ",":
                continue
            j = mention.end + 1
            owner = doc._.person_at.get(j)
            k = j
            while k < len(doc) and doc._.person_at.get(k) == owner and doc[k].text not in POSSESSIVE:
                k += 1  # past the owner's name, to the possessive (which may sit inside the entity)
            if (owner and owner != mention.kb_id_ and owner in doc._.actors and k < len(doc)
                    and doc[k].text in POSSESSIVE and any(i in role_starts for i in range(k + 1, min(k + 4, len(doc))))):
                actor.state(doc._.actors[owner].country, "", mention.sent)
        for title, codes in unnamed.items():
            holders = [a for a in doc._.actors.values()
                       if a.actor_type == "person" and not a.country and a.role.lower() == title]
            if len(codes) == 1 and len(holders) == 1:
                (code, sent), = codes.items()
                if any(a.country == code and a.role.lower() == title for a in doc._.actors.values()):
                    continue  # "the French President" is the one already named as such
                first = min((m.start for m in doc.spans.get(PEOPLE_KEY, []) if m.kb_id_ == holders[0].name), default=0)
                # a title refers back, not to someone named only further down; a headline announces
                if first < sent.start or sent.start == 0:
                    holders[0].state(code, "", sent)
        for mention in mentions:  # "... urged UN members to back Secretary-General X": the body's own title
            actor = doc._.actors.get(mention.kb_id_)
            role = before_name.get(mention.start)
            if actor is None or actor.country or role is None or role.text.lower().replace(" ", "-") not in BODY_TITLES:
                continue
            before = doc[role.start - 1] if role.start > 0 else None
            if before is not None and (before.is_title or before.is_upper) and before.is_alpha:
                continue  # "Foreign Ministry Director-General X": a title of that ministry, not of a body
            named = {code for ent in mention.sent.ents if ent.label_ in ("ORG", "GPE", "NORP")
                     and (code := (countries.institution(ent.text) or ("", ""))[0]) in BODIES}
            if len(named) == 1:
                actor.state(named.pop(), "", mention.sent)
        # "A Chinese special envoy held talks ... The envoy, Li Wei, said": a definite title before a
        # name refers back to the one title of that kind with a country before it
        for mention in mentions:
            actor = doc._.actors.get(mention.kb_id_)
            role = before_name.get(mention.start)
            if actor is None or actor.country or role is None or role.start < 1 or doc[role.start - 1].lower_ != "the":
                continue
            title = role.text.lower()
            earlier = {code: sent for t, codes in unnamed.items() if t == title or t.endswith(" " + title)
                       for code, sent in codes.items() if sent.end <= role.start}
            if len(earlier) == 1:
                (code, sent), = earlier.items()
                actor.state(code, "", sent)
        for role, code in definite:
            _refer_back(doc, mentions, role, code)


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if c.isalpha())


def _cut_short(a: str, b: str) -> bool:
    """``a`` is ``b`` with its last word cut short ("Anna Lindq" / "Anna Lindqvist"): a text or line
    that a page cut off in the middle of a name."""
    wa, wb = a.split(), b.split()
    return (len(wa) == len(wb) >= 2 and wa[:-1] == wb[:-1] and len(wa[-1]) >= 2
            and len(wa[-1]) < len(wb[-1]) and wb[-1].startswith(wa[-1]))


def _surname_cut_short(a: str, b: str) -> bool:
    """``a`` is a full name whose surname is cut short, ``b`` the surname alone ("Anna Lindq" /
    "Lindqvist")."""
    wa, wb = a.split(), b.split()
    return len(wb) == 1 and len(wa) >= 2 and len(wa[-1]) >= 2 and len(wa[-1]) < len(wb[0]) and wb[0].startswith(wa[-1])


def _given_name_dropped(a: str, b: str) -> bool:
    """``a`` is ``b`` without its first given name(s): two names or more, the same last words
    ("Maria Lind" / "Anna Maria Lind"; accents aside)."""
    wa, wb = [_folded(w) for w in a.split()], [_folded(w) for w in b.split()]
    return 2 <= len(wa) < len(wb) and wb[-len(wa):] == wa


def _middle_name_dropped(a: str, b: str) -> bool:
    """``a`` is ``b`` without its middle name(s): a given name and a surname, the first and last
    words of the longer ``b`` ("Anna Lind" / "Anna Maria Lind"; accents aside)."""
    wa, wb = [_folded(w) for w in a.split()], [_folded(w) for w in b.split()]
    return len(wa) == 2 < len(wb) and wa[0] == wb[0] and wa[-1] == wb[-1]


def _misspelling(a: str, b: str) -> bool:
    """Two names alike but for the surname, of five letters or more, where one letter is dropped or
    two neighbouring letters swapped (accents aside: "Hjälm" and "Hjlm" differ by one letter)."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        # a surname alone, misspelt, and the full name ("Lindqvst" / "Anna Lindqvist")
        return min(len(wa), len(wb)) == 1 and _misspelling(wa[-1], wb[-1])
    diff = [(_folded(x), _folded(y)) for x, y in zip(wa, wb) if _folded(x) != _folded(y)]
    if len(diff) != 1 or _folded(wa[-1]) == _folded(wb[-1]):
        return False  # given names a letter apart are often two people ("Paul" and "Paula")
    x, y = sorted(diff[0], key=len)
    if len(y) < 5:
        return False
    if len(y) == len(x) + 1:
        return any(y[:i] + y[i + 1:] == x for i in range(len(y)))
    if len(y) == len(x):
        swaps = [i for i in range(len(x)) if x[i] != y[i]]
        return len(swaps) == 2 and swaps[1] == swaps[0] + 1 and x[swaps[0]] == y[swaps[1]] and x[swaps[1]] == y[swaps[0]]
    return False


def _refer_back(doc: Doc, mentions: list[Span], role: Span, code: str) -> None:
    """"Anna Berg rejected the plan. The Latvian president said ...": a definite title with a country
    and no name after it, as the subject of its clause (or what the copula says of a name), refers
    back to a person named in its sentence or the one before, when that person is the only one named
    so far with neither a country nor a title, the name stands outside a quote and no one named in the
    article has that country. Else nothing: empty beats wrong."""
    actors = doc._.actors
    if any(a.country == code for a in actors.values() if a.actor_type == "person"):
        return  # "the French President" may be the French minister named elsewhere under another title
    sent = role.sent
    near = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    before = [m for m in mentions if m.start < role.start and m.kb_id_ in actors]
    open_names = {m.kb_id_ for m in before if actors[m.kb_id_].actor_type == "person"
                  and not actors[m.kb_id_].country and not actors[m.kb_id_].role}
    if len(open_names) != 1:
        return
    name = open_names.pop()
    root = role.root
    if root.dep_ == "attr":  # "Anna Berg is the highest-ranking Latvian official": the subject of the copula
        subjects = [c for c in root.head.children if c.dep_ == "nsubj"]
        if any(doc._.person_at.get(c.i) == name for c in subjects):
            actors[name].state(code, "", sent)
        return
    # the subject of its clause ("The Latvian president said"), not an object ("X urged Latvia's
    # leader"); named near it and outside a quote (a name in someone's quote is not whom it names)
    if root.dep_ in ("nsubj", "nsubjpass") and any(m.kb_id_ == name and m.start >= near and not _quoted(m) for m in before):
        actors[name].state(code, "", sent)


def _quoted(mention: Span) -> bool:
    """Whether the mention stands inside a quotation opened earlier in its sentence."""
    head = mention.doc[mention.sent.start:mention.start].text
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom", "republic"})
ANTECEDENT_LABELS = ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC")


def _referred_country(doc: Doc, left: int, start: int) -> str:
    """A title's modifiers (tokens ``left``..``start``) that point back to a country instead of
    naming it: "Latvia and its President X" (the nearest name before "its" is that country's),
    "Latvia's ministry said a delegation, with the country's president, X, ..." ("the country's":
    a country the sentence named before). Only when the sentence named one country before the
    title, and no other: "" otherwise (and when the country was named in an earlier sentence)."""
    words = doc[left:start]
    pronoun = any(t.lower_ == "its" for t in words)
    noun = any(t.lower_ in COUNTRY_NOUNS and t.i >= 1 and doc[t.i - 1].lower_ == "the" and t.i + 1 < len(doc)
               and doc[t.i + 1].text in POSSESSIVE for t in words)
    if not (pronoun or noun):
        return ""
    sent = doc[left].sent
    before = [e for e in sent.ents if e.end <= left and e.label_ in ANTECEDENT_LABELS]
    codes = {code for e in before if e.label_ != "PERSON"
             and (code := countries.country_code(e.text) or countries.demonym(e.text))}
    if noun:
        codes -= BODIES  # "the country" is a country, not the EU
    if len(codes) != 1:
        return ""
    code = codes.pop()
    if pronoun and (countries.country_code(before[-1].text) or countries.demonym(before[-1].text)) != code:
        return ""  # "its" belongs to the nearest name before it: "Latvia's bank and its chief"
    return code


def _coordinated_title_country(doc: Doc, left: int) -> str:
    """"Latvia's foreign minister and deputy prime minister X": a title joined by "and" to the one
    before the name (whose modifiers start at ``left``) gives that title's country."""
    if left < 2 or doc[left - 1].lower_ not in ("and", "&"):
        return ""
    first = next((r for r in doc.spans.get(ROLE_KEY, []) if r.end == left - 1), None)
    if first is None:
        return ""
    return country_near(doc, first.start, first.end) or country_near(doc, _left_modifier_start(doc, first.start), first.start)


def _shared_label_country(doc: Doc, mention: Span) -> str:
    """", both deputy foreign ministers of Russia" after a listed name: the country of the label the
    names share (up to the next comma or verb), else ""."""
    i = mention.end
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("both", "all"):
        return ""
    end = i + 2
    while end < min(i + 10, len(doc)) and not doc[end].is_punct and doc[end].pos_ not in ("VERB", "AUX"):
        end += 1
    return country_near(doc, i + 2, end)


def _portfolio_list_country(doc: Doc, left: int) -> str:
    """"Japan's Economy, Trade and Industry Minister X", "the Malaysian Plantation Industries and
    Commodities Minister X": a portfolio of several capitalised words joined by commas and "and"
    before the title, whose modifiers stopped at the first comma or "and": the country before it."""
    if left < 2 or doc[left - 1].lower_ not in (",", "and", "&"):
        return ""
    k, words = left, 0
    while k > 0 and left - k < 10:
        prev = doc[k - 1]
        if prev.lower_ in (",", "and", "&"):
            k -= 1
        elif prev.is_title and prev.is_alpha and prev.ent_type_ not in ("PERSON", "GPE", "NORP") and not countries.demonym(prev.text):
            k, words = k - 1, words + 1
        else:
            break
    if not words or k < 1:
        return ""
    # the portfolio's owner right before it: "Japan's", "the Malaysian"; not "attacked Ukraine, and"
    if doc[k - 1].text in POSSESSIVE and k >= 2:
        return country_near(doc, _left_modifier_start(doc, k - 1), k - 1)
    return countries.demonym(doc[k - 1].text) or ""


def _subject_after_phrase(doc: Doc, role: Span, ent: Span) -> bool:
    """"According to the head of the Pentagon, Novak cannot ...": a title inside a prepositional
    phrase, then a comma, then the subject of the main clause: the title is not the name's."""
    if not (role.start <= ent.start - 1 and doc[ent.start - 1].text == ","):
        return False
    if role.root.dep_ != "pobj":
        return False  # no prepositional phrase: "Japan's minister of trade, Anna Berg was told"
    return ent.root.dep_ in ("nsubj", "nsubjpass") and ent.end < len(doc) and doc[ent.end].text != ","


def _listed_member_of(mention: Span) -> str:
    """"The American delegation will include A, B and C" / "A, B and C will lead the American side" /
    "Ukrainian officials including A":
    people on one side of the main verb take the country of the demonym on a delegation-like noun
    on the other side."""
    nouns = member_nouns()
    # "Ukrainian officials including President X": a member listed after a group with a demonym
    head = mention.root.head
    if mention.root.dep_ == "pobj" and head.lower_ == "including" and head.head.lower_ in nouns | group_nouns():
        code = next((countries.demonym(m.text) for m in head.head.children
                     if m.dep_ in ("amod", "compound") and countries.demonym(m.text)), "")
        if code and code not in countries.BODIES:  # "European leaders including X": X's own country is not "EU"
            return code
    root = mention.root
    while root.pos_ not in ("VERB", "AUX") and root.head.i != root.i:
        root = root.head
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    objects = [c for c in root.children if c.dep_ in ("dobj", "attr", "oprd")]
    for group_side, people_side in ((subjects, objects), (objects, subjects)):
        for noun in (t for t in group_side if t.lower_ in nouns):
            code = next((countries.demonym(m.text) for m in noun.children
                         if m.dep_ in ("amod", "compound") and countries.demonym(m.text)), "")
            if code and any(mention.root.i in {t.i for t in o.subtree} for o in people_side):
                return code
    return ""


def _member_of_body(mention: Span) -> str:
    """The country of the party or institution a name is written with: a party in brackets right
    after it ("Anna Berg (SPD)"), or a party or an institution after "of" ("Anna Berg of the
    Bundestag", "Tom Reed of the ruling Law and Justice party", "Anna Berg of NATO"). A country
    named after "of" is not read here: only a party or an institution says whom the person speaks for."""
    doc, end = mention.doc, mention.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        return countries.party(doc[end + 1].text)
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "of":
        end += 1  # "Anna Berg, of the ruling Law and Justice party, said"
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return ""
    return _body_after(doc, end, doc[end].head.i in range(mention.start, mention.end))


def _body_after(doc: Doc, prep: int, attached: bool = True) -> str:
    """The country of the party or institution after the preposition at ``prep`` ("of the
    Bundestag", "at the Élysée"), else "". ``attached``: the parse hangs the preposition on the
    name or title before it, so its object phrase is read too."""
    heads = [t for t in doc[prep].children if t.dep_ == "pobj"] if attached else []
    phrases = [doc[h.left_edge.i:h.i + 1] for h in heads]
    # the body right after the preposition, also where the parse hung it elsewhere
    if prep + 1 < len(doc):
        body = ent_at(doc, prep + 1) or (ent_at(doc, prep + 2) if doc[prep + 1].lower_ == "the" and prep + 2 < len(doc) else None)
        if body is not None and body.label_ == "ORG" and body.start <= prep + 2:
            phrases.append(body)
    for phrase in phrases:
        code = countries.party(phrase.text) or (countries.institution(phrase.text) or ("", ""))[0]
        if code:
            return code
    return ""


def _own_position(mention: Span) -> str:
    """"X reiterated India's position on the war": the country whose position its subject sets out
    (verbs and nouns in roles.toml: own_position_verbs, own_position_nouns)."""
    root = mention.root
    verbs, nouns = own_position_words()
    if root.dep_ != "nsubj" or root.head.lower_ not in verbs:
        return ""
    for obj in root.head.children:
        if obj.dep_ == "dobj" and obj.lower_ in nouns:
            owner = next((c for c in obj.children if c.dep_ == "poss"), None)
            if owner is not None:
                return country_near(mention.doc, owner.i, owner.i + 1)
    return ""


def national_title(title: str) -> str:
    """The country of a title only one state has (roles.toml: national_titles), else ""."""
    return load("roles")["national_titles"].get(title.strip().lower(), "")


@data_cache()
def own_position_words() -> tuple[frozenset, frozenset]:
    """Written forms of the own-position verbs (no lemmatizer in the pipeline), and the nouns."""
    from analysis.verbs import forms

    data = load("roles")
    return frozenset(f for v in data["own_position_verbs"] for f in forms(v)), frozenset(data["own_position_nouns"])


@data_cache()
def given_name_titles() -> frozenset:
    return frozenset(load("roles")["given_name_titles"])


@data_cache()
def member_nouns() -> frozenset:
    return frozenset(load("roles")["member_nouns"])


@Language.factory("person_index", assigns=["doc.spans", "doc._.actors", "doc._.person_at"],
                  requires=["doc.ents", "doc.sents"])
def make_person_index(nlp: Language, name: str):
    return PersonIndex(nlp, name)


# ---------------------------------------------------------------- non-person actors


@data_cache()
def group_nouns() -> frozenset:
    return frozenset(load("roles")["group_nouns"])


@data_cache()
def government_nouns() -> frozenset:
    return frozenset(load("roles")["government_nouns"])


def names_government_body(words) -> bool:
    """A body's name holds a government noun ("Ministry of Commerce", "the U.S. Department of State")."""
    nouns = government_nouns()
    return any(word.lower() in nouns for word in words)


def _plural_of_government_noun(token: Token) -> bool:
    """"ministries", "governments", "GOVERNMENTS": the plural of a government noun (see names_government_body)."""
    lower = token.lower_
    singular = lower[:-3] + "y" if lower.endswith("ies") else lower[:-1] if lower.endswith("s") else ""
    return singular in government_nouns()


def coordinated_governments(token: Token) -> list[str]:
    """The countries whose governments a plural government noun names over a list of countries ("the
    Danish and Chilean foreign ministries", "the governments of Peru, Ghana and Fiji") -> their codes,
    one body each; [] for any other noun or for fewer than two countries ("the Danish ministries")."""
    if not _plural_of_government_noun(token):
        return []
    doc = token.doc
    words = []
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
            words += [child, *child.conjuncts]
        elif child.dep_ == "prep" and child.lower_ == "of" and child.i == token.i + 1:
            words += [w for c in child.children if c.dep_ == "pobj" for w in (c, *c.conjuncts)]
    codes = []
    for word in words:
        ent = ent_at(doc, word.i)
        text = ent.text if ent is not None and ent.label_ in ("GPE", "NORP") else word.text
        code = countries.demonym(text) or countries.country_code(text)
        if len(code) == 3 and code not in codes:
            codes.append(code)
    return codes if len(codes) > 1 else []


def shared_group_noun(token: Token) -> str:
    """"the AU and SADC leaders agreed": two bodies or blocs joined by "and" before one group noun name
    one group (the parser hangs the first on the verb and the noun on it as its conjunct) -> the
    group's name, of no one country; "" otherwise, and where either is a person or a country
    ("Poland and Baltic leaders": two actors)."""
    if len(token.conjuncts) != 1 or any(c.dep_ not in ("cc", "conj", "compound", "det") for c in token.children):
        return ""
    noun = token.conjuncts[0]
    if noun.lower_ not in group_nouns() or noun.left_edge.i != token.i + 2 or token.nbor().lower_ != "and":
        return ""
    return _bodies_before(token, token.doc[token.i + 2:noun.i], noun)


def _bodies_before(first: Token, second: Span, noun: Token) -> str:
    """The name of a group written as two bodies or blocs and its noun ("the Arab League and OIC
    ministers" -> "Arab League and OIC ministers"), if every word of both names is a body's."""
    doc = first.doc
    start = first.left_edge.i + (first.left_edge.pos_ == "DET")
    words = [*doc[start:first.i + 1], *second]
    return doc[start:noun.i + 1].text if len(second) and all(_body_word(w) for w in words) else ""


def _body_word(word: Token) -> bool:
    """A word of the proper name or acronym of a body or bloc ("SADC", "Mercosur", "G7"): no
    person's, no country's."""
    doc = word.doc
    ent = ent_at(doc, word.i)
    code = countries.country_code(ent.text if ent is not None else word.text)
    return not (word.i in doc._.person_at or word.ent_type_ in ("PERSON", "GPE", "NORP") or len(code) == 3
                or not (word.pos_ == "PROPN" or word.is_upper or state_group_at(doc, word.i)))


def group_actor(token: Token) -> tuple[str, str, str] | None:
    """(name, country, actor_type) for a group noun with a country: "British officials",
    "officials in Berlin" (groups), "the German government" (a government)."""
    lower = token.lower_
    kind = "group" if lower in group_nouns() else "government" if lower in government_nouns() else ""
    if not kind:
        return None
    for child in token.children:
        if child.dep_ == "poss" and lower in RELATIONAL_NOUNS:
            continue  # "Ukraine's allies" are not Ukraine
        if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < token.i:
            code = countries.demonym(child.text) or countries.country_code(child.text)
            start = child.i
            if not code and child.ent_type_ == "GPE" and child.left_edge.i < child.i:
                # a country of several words: "Saudi Arabia's foreign ministry", "New Zealand officials"
                start = child.left_edge.i
                code = countries.country_code(token.doc[start:child.i + 1].text)
            if code:  # the whole modifier chain: "Dutch foreign ministry"
                end = token.i + 1
                ent = ent_at(token.doc, token.i)
                if kind == "government" and ent is not None and ent.label_ == "ORG" and ent.end > end:
                    end = ent.end  # "the U.S. Department of Commerce": the body's whole name
                return token.doc[start:end].text, code, kind
            if child.lower_ == "world" and kind == "group" and child.i == token.i - 1:
                return token.doc[child.i:token.i + 1].text, "", kind  # "world leaders": of no one country
            if (kind == "group" and child.dep_ == "amod" and child.ent_type_ == "NORP" and child.conjuncts
                    and not any(countries.demonym(c.text) for c in (child, *child.conjuncts))):
                # "African and Asian leaders (in <city>)": peoples or faiths of no one country, listed, name
                # the group; the place after the noun is where they meet, not whom they speak for
                return token.doc[child.left_edge.i:token.i + 1].text, "", kind
            if (kind == "group" and child.dep_ in ("nmod", "compound") and len(child.conjuncts) == 1
                    and child.nbor().lower_ == "and" and child.conjuncts[0].right_edge.i == token.i - 1):
                # "the OSCE and NATO officials": one group of both bodies
                named = _bodies_before(child, token.doc[child.i + 2:token.i], token)
                if named:
                    return named, "", kind
        if child.dep_ == "prep" and child.lower_ in ("in", "from") and kind == "group":
            places = [t for t in child.children if t.dep_ == "pobj" and t.ent_type_ == "GPE"]
            code = countries.country_code(places[0].text) if places else ""
            if code:
                return f"{token.text} {child.text} {places[0].text}", code, kind
        if child.dep_ == "prep" and child.lower_ == "of" and kind == "group" and child.i == token.i + 1:
            # "the foreign ministers of the Nordic countries": a group of a group of states
            bloc = next((bloc_members(t) for t in child.children if t.dep_ == "pobj"), None)
            if bloc:
                start = token.left_edge.i + (token.left_edge.pos_ == "DET")
                end = max(t.i for t in child.subtree) + 1
                return token.doc[start:end].text, bloc[1], kind
        if child.dep_ == "prep" and child.lower_ == "of" and kind == "government" and child.i == token.i + 1:
            # "the Office of the United States Trade Representative": the country leads the office's title
            heads = [t for t in child.children if t.dep_ == "pobj"]
            first = next((t for t in heads[0].lefts if t.dep_ in ("compound", "amod", "nmod")), None) if heads else None
            code = countries.country_code(token.doc[first.left_edge.i:first.i + 1].text) if first is not None else ""
            if code:
                return token.doc[token.i:heads[0].i + 1].text, code, kind
    found = _state_group_modifier(token) if kind == "group" else None
    if found is not None:
        # "G-7 trade ministers", "leaders of the Group of Seven": of a group of states, no one country
        start, end = found
        if start < token.i:
            return token.doc[start:token.i + 1].text, "", kind
        return _short_state_group_name(token) or token.doc[token.i:end].text, "", kind
    return None


def _short_state_group_name(token: Token) -> str:
    """"Foreign ministers of the Group of Seven ... the G7 ministers": the group named after its
    noun goes by the shortest form the article writes with the group of states before that noun
    ("G7 ministers"); "" when the article has none."""
    forms = []
    for other in token.doc:
        if other.lower_ == token.lower_ and other.i != token.i:
            found = _state_group_modifier(other)
            if found is not None and found[0] < other.i:
                forms.append(token.doc[found[0]:other.i + 1])
    return min(forms, key=lambda span: (len(span), len(span.text))).text if forms else ""


@data_cache()
def _state_groups() -> tuple[frozenset, frozenset]:
    places = load("places")
    return frozenset(places["state_groups"]), frozenset(places["member_state_nouns"])


def state_group_at(doc: Doc, i: int) -> int:
    """How many tokens from ``i`` (after a "the") name a group of states ("G7", "Group of Seven"), 0 if none."""
    groups = _state_groups()[0]
    return next((n for n in (3, 2, 1) if i + n <= len(doc) and doc[i:i + n].text.lower() in groups), 0)


def _state_group_modifier(token: Token) -> tuple[int, int] | None:
    """(start, end) of the group of states that modifies ``token``: "the G7 nations", "G-7 trade
    ministers", "members of the G20", "ministers from the Group of Seven"; the modifier nearest the noun wins ("the Group of Seven (G7)
    countries" -> G7)."""
    doc = token.doc
    for child in sorted(token.children, key=lambda c: abs(c.i - token.i)):
        if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
            start = child.i
        elif child.dep_ == "prep" and child.lower_ in ("of", "from") and child.i == token.i + 1:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                continue
            start = objects[0].left_edge.i
            start += doc[start].pos_ == "DET"
        else:
            continue
        n = state_group_at(doc, start)
        if n:
            return start, start + n
    return None


def state_group_members(token: Token) -> str:
    """The group of states its member states stand for ("the G7 countries agreed", "all members of
    the G20 signed" -> "G7", "G20"), added to the actors; "" otherwise."""
    if token.lower_ not in _state_groups()[1]:
        return ""
    found = _state_group_modifier(token)
    if found is None:
        return ""
    return add_actor(token.doc, token.doc[found[0]:found[1]].text, "organization", "", mentions=0)


# Plural nouns of states a bloc names ("EU countries"); not "members" ("House members" are lawmakers).
BLOC_NOUNS = frozenset({"countries", "nations", "states", "economies", "democracies"})


def bloc_members(token: Token) -> tuple[str, str] | None:
    """(name, country) of a group of states a proper modifier names ("EU countries", "Several
    European Union countries", "Thirteen Western countries", "Arab states"): the group speaks, not
    the body that names it; its country is the body's ("EU") or "". None for any other noun, a
    lower-case modifier ("other countries") or a noun inside a name ("United States")."""
    if token.lower_ not in BLOC_NOUNS or ent_at(token.doc, token.i) is not None:
        return None
    # a name or a capital the sentence's start does not explain ("Western"), not "Several" / "Other"
    mods = [c.left_edge if c.left_edge.ent_type_ or c.left_edge.pos_ == "PROPN" else c for c in token.lefts
            if c.dep_ in ("amod", "compound", "nmod")]
    mods = [c for c in mods if c.text[:1].isupper() and c.pos_ not in ("NUM", "DET") and not c.is_stop
            and (c.ent_type_ in ("NORP", "ORG", "GPE", "LOC") or c.pos_ == "PROPN" or not c.is_sent_start)]
    if not mods:
        return None
    words = token.doc[mods[0].i:token.i + 1]
    ent = ent_at(token.doc, mods[0].i)
    found = countries.institution(ent.text if ent is not None else words[:-1].text)
    if not found and countries.country_code(words[:-1].text) not in ("", "EU"):
        return None  # "Latvian states": of one country, not a group of states
    return words.text, found[0] if found else ""


@data_cache()
def envoy_nouns() -> frozenset:
    return frozenset(load("roles")["envoy_nouns"])


def envoy_country(token: Token) -> str:
    """The country an unnamed envoy noun speaks for: "Argentina's delegate", "the Norwegian
    ambassador", "the representative of Chile" -> its code; "" when the noun names no country."""
    if token.lower_ not in envoy_nouns():
        return ""
    doc = token.doc
    for child in token.children:
        before = child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < token.i
        after = child.dep_ == "prep" and child.lower_ in ("of", "for", "from") and child.i == token.i + 1
        for word in [child] if before else [c for c in child.children if c.dep_ == "pobj"] if after else []:
            ent = ent_at(doc, word.i)
            text = ent.text if ent is not None and ent.label_ in ("GPE", "NORP") else word.text
            if countries.institution(text):
                return ""  # "a Kremlin spokesman": the institution speaks, read as such
            code = countries.demonym(text) or countries.country_code(text)
            if len(code) == 3:
                return code
    return ""


def envoy_body(token: Token) -> str:
    """The body or government an unnamed envoy noun speaks for: "a spokeswoman for the European
    Commission" -> that body, "a spokesperson for the German government" -> that government (added
    to the actors); "" for a country (see envoy_country), a person or anything else."""
    if token.lower_ not in envoy_nouns():
        return ""
    doc = token.doc
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for") or prep.i != token.i + 1:
            continue
        for word in (c for c in prep.children if c.dep_ == "pobj"):
            group = group_actor(word)
            if group and group[2] == "government" and group[1]:
                return add_actor(doc, group[0], "government", group[1], mentions=0)
            ent = ent_at(doc, word.i)
            if ent is not None and ent.label_ == "ORG" and countries.institution(ent.text):
                return entity_actor(ent)
            code = reported_country(token.head) if ent is not None and ent.label_ == "ORG" else ""
            if code and names_government_body(t.text for t in ent):
                # "a spokesman for the Ministry of Commerce said China opposes ...": see reported_country
                return add_actor(doc, clean_name(ent.text), "government", code, mentions=0)
    return ""


def reported_country(verb: Token) -> str:
    """The country a verb of saying reports as the subject of what is said ("said that China opposes
    ...", "said the Philippines has proposed ...") -> its code; "" for any other subject. A ministry
    named without its country names its own state so."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        ent = ent_at(verb.doc, subject.i) if subject is not None else None
        code = countries.country_code(ent.text) if ent is not None and ent.label_ == "GPE" else ""
        if len(code) == 3:
            return code
    return ""


def entity_actor(ent: Span) -> str:
    """The actor a place or body entity stands for: an institution ("the Kremlin"), a country's
    government ("France", "Washington" -> United States) or an organization; "" otherwise."""
    if ent.label_ not in ("GPE", "ORG"):
        return ""
    doc = ent.doc
    name = clean_name(ent.text)
    if ent.label_ == "ORG":
        # "the Security Council" after "the United Nations Security Council": the one body named in full
        # (an actor already, else the one such entity)
        longer = {a.name for a in doc._.actors.values() if a.actor_type == "organization" and a.name.endswith(" " + name)}
        longer = longer or {full for e in doc.ents if e.label_ == "ORG" and (full := clean_name(e.text)).endswith(" " + name)}
        if len(longer) == 1:
            name = longer.pop()
    inst = countries.institution(name)
    if inst:
        return add_actor(doc, name, inst[1], inst[0], mentions=0)
    if name.lower() in _state_groups()[0]:
        return add_actor(doc, name, "organization", "", mentions=0)  # "the G7": of no one country
    code = countries.country_code(name)
    if ent.label_ == "GPE" and code:
        return add_government(doc, code)
    if ent.label_ == "ORG" and ent[-1].lower_ in media_nouns():
        return ""  # a news outlet reports positions, it holds none
    if ent.label_ == "ORG" and names_government_body(t.text for t in ent):
        # "the French Foreign Ministry", "the Dutch Cabinet", "the U.S. Department of Commerce": a
        # country's ministry is its government, the country before the noun or after its "of" (the
        # name may be the body's full name written earlier, which holds the country)
        found = (countries.demonym(word) or countries.country_code(word) for word in name.split()
                 if word.lower() not in government_nouns())
        code = next((c for c in found if len(c) == 3), "")
        if code:
            return add_actor(doc, name, "government", code, mentions=0)
    if ent.label_ == "ORG" and len(ent) == 1:
        # one word of a person's name the model took for a body ("Raimondo and Wang held talks")
        owners = {a.name for a in doc._.actors.values()
                  if a.actor_type == "person" and len(a.name.split()) > 1 and ent.text in a.name.split()}
        if len(owners) == 1:
            return owners.pop()
    if ent.label_ == "ORG" and not any(t.tag_ in ("VBZ", "VBD", "VBP") for t in ent[1:]):
        # a finite verb inside is a mis-tagged headline ("British PM Novak Confirms"), not a body
        return add_actor(doc, name, "organization", code, mentions=0)
    return ""
