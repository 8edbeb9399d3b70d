"""Rule components registered as spaCy factories (see STYLE.md: shaped like spaCy's span_ruler).

* ``role_ruler``  marks titles and roles ("Foreign Minister", "head of ... committee") in
  ``doc.spans["roles"]``.
* ``paragraph_breaks`` starts a sentence after every blank line (before the parser runs).
* ``ner_repair``  mends the small model's typical errors on news text: an ORG inside a title
  ("Secretary of State"), particle names split apart ("Maria van der" + "Berg"), a surname alone tagged ORG/GPE
  after the full name was seen, places tagged PERSON/ORG ("Kyiv" as PERSON, "Dolmabahce Palace", a dateline's
  "<Place>, <Country>:"), demonyms tagged PERSON, bylines and authors' lines, a name after an honorific tagged
  ORG ("Mr Novak"), a given name in brackets ("(Anna) Berg"), a full name in square brackets after a title,
  a given name opening a sentence left out of the name, a name tagged ORG or left untagged in a list of
  people, the last word of a name after a title that the model left out ("Prime Minister <Name Name> <Name>"),
  a name after a title's portfolio of capitalised words ("Minister for Energy, Trade and Industry <Name Name>"),
  and unnamed proper nouns right after a title ("Foreign Minister <Name Name>", "President of <Country>
  <Name Name>") or right before one ("<Name Name>, Finland's junior foreign minister,"), also where the model
  took such a name for a body or a place.

Both read their cue lists from analysis/data/roles.toml unless the config gives them.
"""

from __future__ import annotations

import json
import re
import unicodedata
import weakref
from difflib import SequenceMatcher
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from analysis import countries
from analysis.lexicon import data_cache, load
from analysis.verbs import verb_lemma

ROLE_KEY = "roles"
PARTICLES = {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "le", "la", "bin", "al", "ter", "zu"}
HONORIFIC_WORDS = {"mr", "mrs", "ms", "dr", "sir", "dame", "madam", "sheikh", "sheikha"}
# the regnal number after a monarch's given name ("Harald V", "Margrethe II"); not "I" (a pronoun) nor "X" (a platform)
REGNAL = re.compile(r"II|III|IV|V|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI")
# Entity labels the small model gives to people's names by mistake.
MISLABELLED = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"}

_TEXTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token anew on each access, so a rule
    that reads it once per name or per claim grows with the square of the article's length. A
    Doc's text never changes (merging tokens keeps it), and the entry goes with the Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


class RoleRuler:
    """Marks role phrases; ``doc.spans["roles"]`` holds the longest non-overlapping matches."""

    def __init__(self, nlp: Language, name: str, titles: list[str], spanning: list[dict]):
        self.name = name
        self.vocab = nlp.vocab
        self.titles = list(titles)
        self.spanning = list(spanning)
        self._build(nlp.vocab)

    def _build(self, vocab) -> None:
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.phrases.add("ROLE", [self._tokenizer_doc(vocab, t) for t in self.titles])
        self.matcher = Matcher(vocab)
        for i, spec in enumerate(self.spanning):
            # an opening title of several words ("deputy head", "commander-in-chief") is matched
            # word by word, split the way the tokenizer splits it
            patterns = [[{"LOWER": t.lower_} for t in self._tokenizer_doc(vocab, title)]
                        + [{"LOWER": "of"}, {"IS_PUNCT": False, "OP": "{0,8}"}, {"LOWER": {"IN": spec["close"]}}]
                        for title in spec["open"]]
            self.matcher.add(f"SPAN{i}", patterns, greedy="FIRST")

    @staticmethod
    def _tokenizer_doc(vocab, text: str) -> Doc:
        # Split on spaces and hyphens the way the English tokenizer does for these titles.
        words = text.replace("-", " - ").split()
        return Doc(vocab, words=words)

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label="ROLE") for _, s, e in self.phrases(doc)]
        spans += [Span(doc, s, e, label="ROLE") for _, s, e in self.matcher(doc)]
        doc.spans[ROLE_KEY] = filter_spans(spans)
        return doc

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps({"titles": self.titles, "spanning": self.spanning}))

    def from_disk(self, path, *, exclude=()):
        cfg = json.loads((Path(path) / "cfg.json").read_text())
        self.titles, self.spanning = list(cfg["titles"]), list(cfg["spanning"])
        self._build(self.vocab)  # the matchers follow the loaded lists, not the ones the ruler was built with
        return self


@Language.factory("role_ruler", default_config={"titles": None, "spanning": None})
def make_role_ruler(nlp: Language, name: str, titles: list[str] | None, spanning: list[dict] | None):
    roles = load("roles")
    return RoleRuler(nlp, name, titles if titles is not None else roles["titles"],
                     spanning if spanning is not None else roles["spanning"])


def _media_titles() -> frozenset:
    return frozenset(load("roles")["media_titles"])


def _place_nouns() -> frozenset:
    return frozenset(load("places")["place_nouns"])


def _organization_nouns() -> frozenset:
    """Last words of organizations and outlets ("Deutsche Bank", "Evening Post")."""
    places = load("places")
    return frozenset(places["organization_nouns"]) | frozenset(places["media_nouns"])


@data_cache()
def media_nouns() -> frozenset:
    """Last words of news outlets ("Evening Post", "Kyodo News")."""
    return frozenset(load("places")["media_nouns"])


# Nouns for a news outlet that name it right after them ("the newspaper Dagens Blad").
OUTLET_WORDS = {"newspaper", "daily", "weekly", "tabloid", "magazine", "broadcaster", "outlet", "channel", "agency",
                "newswire", "website", "network"}


CREDIT_WORDS = {"photo", "photo:", "photograph", "credit", "credit:", "pictured", "image", "(photo", ":"}


# A photo credit or the place of someone in a picture: the line is a caption ("Anna Berg (left) meets
# Tom Reed. Photograph: Eva Lind/AFP", "(photo credit: REUTERS)", "PHOTO: Anna Berg speaks").
CAPTION_MARK = re.compile(
    r"\((?:photo\s+)?credit\b|\bphoto\s*credit\b|^\W*(?:photo|photograph|picture|image)\s*:|\bphotograph\s*:"
    r"|\bshutterstock\b|\bgetty\s+images\b|\b(?:ap|afp)\s+photo\b|/\s*(?:reuters|afp|ap|epa|getty|pap)\b"
    r"|\((?:(?:second |third )?(?:from )?(?:left|right)|centre|center)\)"
    r"|\.[—–](?:afp|reuters|ap|epa|getty images|anadolu|xinhua)\s*$", re.IGNORECASE)  # "... on Monday.—AFP"


QUOTE_MARKS = set("\"“”«»")


def _caption_key(line: str) -> str:
    """A line's letters for comparing two captions ("PHOTO:" before one of them does not count)."""
    line = re.sub(r"^\W*(?:photo|photograph|picture|image)\s*:", "", line, flags=re.IGNORECASE)
    folded = unicodedata.normalize("NFKD", line.lower())
    return " ".join(re.sub(r"[^a-z0-9 ]", "", folded).split())


def _repeats(line: str, caption: str) -> bool:
    """``line`` says again what ``caption`` begins with (or the reverse), letters lost to a
    broken encoding aside: a picture's alt text next to its caption."""
    a, b = sorted((_caption_key(line), _caption_key(caption)), key=len)
    if len(a.split()) < 3:
        return False
    return SequenceMatcher(None, a, b[:len(a) + 2]).ratio() >= 0.85


def caption_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines that are photo captions: a line with a credit or a place in
    the picture ("(left)"), a short line right before a line that is only a credit, and a line
    that repeats an adjacent caption (alt text and caption, one of them without the credit).
    People named only there are in the picture, not in the story."""
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, start + len(line), line))
        start += len(line) + 1
    caption = [bool(CAPTION_MARK.search(line)) for _, _, line in lines]
    for k, (_, _, line) in enumerate(lines):
        if caption[k] and len(line.split()) <= 6:  # a credit alone: the short line before is its caption
            j = k - 1
            while j >= 0 and not lines[j][2].strip():
                j -= 1
            if j >= 0 and len(lines[j][2].split()) <= 20 and not QUOTE_MARKS & set(lines[j][2]):
                caption[j] = True  # (a quote is the story's, not a picture's)
    changed = True
    while changed:  # repeats of a caption, before or after it
        changed = False
        for k, (_, _, line) in enumerate(lines):
            if caption[k] or not line.strip():
                continue
            if any(0 <= j < len(lines) and caption[j] and _repeats(line, lines[j][2]) for j in (k - 1, k + 1)):
                caption[k] = changed = True
    return [(s, e) for (s, e, _), c in zip(lines, caption) if c]


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text_with_ws


def _line_end(doc: Doc, i: int) -> bool:
    """Token ``i`` begins a new line, or the text ends before it."""
    return i >= len(doc) or "\n" in doc[i - 1].whitespace_ or (doc[i].is_space and "\n" in doc[i].text)


def _alone_on_its_line(doc: Doc, ent: Span) -> bool:
    """A name (two or three words) that is a whole line by itself: a byline or a caption credit,
    not someone in the story."""
    if not 2 <= len(ent) <= 3:
        return False
    before = ent.start == 0 or "\n" in doc[ent.start - 1].text_with_ws
    after = ent.end == len(doc) or "\n" in doc[ent.end - 1].whitespace_ or (
        doc[ent.end].is_space and "\n" in doc[ent.end].text)
    return before and after


def _caption_credit(doc: Doc, ent: Span) -> bool:
    """A name (two or three words) that closes its line right after the line's last full stop,
    bare or in brackets ("... meets Tom Reed in Riga. Eva Lind", "... in Riga. (Eva Lind)"): the
    credit of the photograph the line describes, not someone in the story. A line break must
    follow: a text that ends there may only have been cut off."""
    if not 2 <= len(ent) <= 3:
        return False
    start, end = ent.start, ent.end
    if start > 0 and doc[start - 1].text == "(":
        if end >= len(doc) or doc[end].text != ")":
            return False
        start, end = start - 1, end + 1
    if start < 2 or doc[start - 1].text != "." or "\n" in doc[start - 1].whitespace_ or _line_start(doc, start - 1):
        return False
    return end < len(doc) and _line_end(doc, end)


def _names_only_line(doc: Doc, ent: Span, person_tokens: set[int]) -> bool:
    """A line made of names alone ("Anna Berg (now); Tom Reed and Eva Lind (earlier)"): the
    authors of a live page, not people in the story. Besides the names the line may hold only
    punctuation, "and", and lower-case words in brackets."""
    limit = 30  # a longer line is prose; the scan stops there (no cost on text without line breaks)
    start = ent.start
    while start > 0 and ent.start - start < limit and "\n" not in doc[start - 1].text_with_ws and not doc[start - 1].is_space:
        start -= 1
    end = ent.end
    while end < len(doc) and end - ent.end < limit and "\n" not in doc[end - 1].whitespace_ and not doc[end].is_space:
        end += 1
    if end - start >= limit:
        return False
    names = {e for e in range(start, end) if e in person_tokens}
    if len(names) == len(ent):
        return False  # one name alone is `_alone_on_its_line`'s case
    depth = 0
    for t in doc[start:end]:
        depth += t.text == "("
        depth -= t.text == ")"
        if t.i in names or t.is_punct or t.lower_ == "and" or (depth > 0 and t.is_lower):
            continue
        return False
    return True


def _only_in_heading(doc: Doc, ent: Span) -> bool:
    """A "name" on a headline or section heading that the text never mentions again ("…, Only Way
    to End War, Assembly President Tells Delegates"): capitalised headline words, no one's name.
    Someone named in a headline is named in the story too (the first letters of the surname are
    enough, for spellings that differ)."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    end = len(text) if end < 0 else end
    if (ent.text.isupper() or ent[-1].lower_ in PARTICLES or not _is_heading(text[start:end])
            or not (text[:start].strip() or text[end:].strip())):  # a headline alone is all the story there is
        return False
    stem = ent[-1].text[:5].lower()
    # a name is written with a capital ("war" in the story does not make "End War" a name)
    return not any(t.lower_.startswith(stem) and t.text[:1].isupper() for t in doc if t.idx < start or t.idx >= end)


def _names_a_place(doc: Doc, ent: Span) -> bool:
    """A name that is a place's: "Dolmabahce Palace" (a place noun right after it), "the palace,
    Dolmabahce," (in apposition to one), or a dateline "Borgo Egnazia, Italy:"."""
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.is_title and after.lower_ in _place_nouns():
        return True
    if len(ent) == 1 and ent.start >= 2 and doc[ent.start - 1].text == "," and doc[ent.start - 2].lower_ in _place_nouns():
        return True  # one word: "the palace, Anna Berg," may still be a person
    return (ent.end + 2 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 2].text == ":"
            and bool(countries.country_code(doc[ent.end + 1].text)))


def _described_as_journalist(doc: Doc, ent: Span) -> bool:
    """"Anna Berg is the news editor of ...", "Anna Berg, a correspondent for ...": the name is
    described as a journalist's, so it is no actor of the story."""
    i = ent.end
    if i >= len(doc) or doc[i].lower_ not in ("is", ","):
        return False
    words = [t for t in doc[i + 1:i + 5] if not t.is_punct]
    for t in words:
        if t.lower_ in _media_titles():
            return True
        if t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN"):
            return False
    return False


def _after_possessive_pronoun(doc: Doc, ent: Span) -> bool:
    """"his insane Electric Vehicle mandate": capitalised words after a possessive pronoun (and its
    adjectives) name a thing of his, no one's name."""
    i = ent.start - 1
    while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1
    return i >= 0 and doc[i].tag_ == "PRP$" and doc[i].lower_ in ("his", "her", "their", "its", "our", "my", "your")


def _without_spaces(doc: Doc, ent: Span) -> Span | None:
    """The entity without the line breaks the model sometimes takes into it ("Anna Berg\n")."""
    start, end = ent.start, ent.end
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start == end:
        return None
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


def _bracketed_place(token: Token) -> bool:
    """"2 May – (Riga) Anna Berg": a dateline's city in round brackets before a name, no given name."""
    doc, i = token.doc, token.i
    # only where a dateline stands: a line's start or after a dash ("President (Anna) Berg" is a name)
    dateline = i >= 2 and (_line_start(doc, i - 1) or doc[i - 2].text in ("-", "–", "—"))
    return doc[i - 1].text == "(" and dateline and bool(_is_place(token.text) or countries.city_country(token.text))


@data_cache()
def _web_address() -> re.Pattern:
    """A web address as a name ("Kyiv.ua reports"): a site, no person (places.toml: web_domains)."""
    domains = "|".join(re.escape(d) for d in load("places")["web_domains"])
    return re.compile(r"\w\.(?:" + domains + r")$", re.IGNORECASE)


@data_cache()
def _body_nouns(alone: bool = False) -> frozenset:
    """Nouns that say a name is a body's (analysis/data/places.toml: body_nouns; unless ``alone``,
    also organization_nouns, which right before a name may end a title: "head of government X")."""
    places = load("places")
    return frozenset(places["body_nouns"]) | (frozenset() if alone else frozenset(places["organization_nouns"]))


def _body_noun(token: Token, alone: bool = False) -> bool:
    word, nouns = token.lower_, _body_nouns(alone)
    return token.is_lower and (word in nouns or (word.endswith("s") and word[:-1] in nouns))


def _describes_a_body(ent: Span) -> bool:
    """The name ``ent`` is called a body: the subject of "is" with a body noun ("<Name> is a
    chipmaker"), a common noun for a company or an NGO right before it ("the organizations <Name>",
    "chipmaker <Name>") or a body noun in an apposition after it ("<Name>, a Dutch firm,")."""
    token = ent.root
    head = token.head
    if token.dep_ == "nsubj" and head.lower_ in ("is", "was", "remains"):
        return any(c.dep_ == "attr" and _body_noun(c) for c in head.children)
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and _body_noun(before, alone=True) and (
            (token.dep_ == "appos" and head == before) or before.head == token):
        return True  # not "the company, Anna Berg" (a comma between: she is its head)
    # "<Name>, a Dutch firm,": the apposition opens with an article and holds no title before the noun
    # ("<Name>, CEO of Russia's wealth fund" is a person the parser hung the fund on)
    return any(c.dep_ == "appos" and c.i > token.i and _body_noun(c) and c.left_edge.lower_ in ("a", "an", "the")
               and not any(t.lower_ in role_words() or t.lower_ == "of" for t in ent.doc[c.left_edge.i:c.i])
               for c in token.children)


def _common_noun_word(token: Token) -> bool:
    """A lower-case noun or adjective the model took into a name ("volunteer Ann Lind", "veteran Ann
    Lind"): no part of it; a particle ("van", "al", "bin") is."""
    return (token.is_lower and token.is_alpha and len(token) >= 3 and token.pos_ in ("NOUN", "ADJ")
            and token.lower_ not in PARTICLES)


def _quote_glued_word(token: Token) -> bool:
    """A token of quote marks and a common word ("”“We": two quotes with no space between, one
    token for the tokenizer): the start of a quote, no name."""
    word = token.text.lstrip("”“\"‘’'")
    return word != token.text and word.lower() in STOP_WORDS


def _ent_length(doc: Doc, i: int) -> int:
    """Length of the model's entity covering token ``i`` (0 outside any)."""
    if not doc[i].ent_type_:
        return 0
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end - start


@data_cache()
def _party_members() -> frozenset:
    return frozenset(load("roles")["party_members"])


@data_cache()
def _name_titles() -> frozenset:
    return frozenset(load("roles")["name_titles"])


@data_cache()
def _speech_lemmas() -> frozenset:
    """Lemmas of the verbs that report what someone said (analysis/data/speech.toml: indirect)."""
    return frozenset(load("speech")["indirect"])


@data_cache()
def role_words() -> frozenset:
    """Last words of the role titles in analysis/data/roles.toml ("spokesman", "minister", "chair")."""
    return frozenset(t.split()[-1] for t in load("roles")["titles"])


def _known_word(text: str) -> bool:
    """A country, city, institution or nationality our lists know: no one's name."""
    return bool(countries.country_code(text) or countries.city_country(text)
                or countries.institution(text) or countries.demonym(text))


def _definite_title(doc: Doc, ent: Span) -> bool:
    """"the General Council Chair": capitalised words after "the" that end with a title describe
    someone; they are no one's name."""
    if ent[-1].lower_ not in role_words():
        return False
    i = ent.start - 1
    while i >= 0 and ent.start - i <= 3 and doc[i].is_title and doc[i].lower_ != "the":
        i -= 1
    return i >= 0 and doc[i].lower_ == "the"


def _name_words(ent: Span) -> bool:
    """Two or three capitalised words, a given name joined by hyphens counting as one ("Anne-Marie")."""
    words = ent.text.split()
    return 2 <= len(words) <= 3 and all(
        all(part[:1].isupper() and part[1:].islower() and part.isalpha() for part in word.split("-")) for word in words)


def _is_name_token(token) -> bool:
    return token.is_title and token.is_alpha and not token.is_stop and token.pos_ in ("PROPN", "NOUN", "ADJ", "X", "")


def _name_hyphen(doc: Doc, i: int, start: int) -> bool:
    """Token ``i`` is the hyphen inside a double name ("Marie-Anne", "Berg-Lindqvist"): no spaces
    around it, a capitalised name word on each side."""
    return (start < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
            and _is_name_token(doc[i - 1]) and _is_name_token(doc[i + 1]))


def _lone_name_after_title(doc: Doc, i: int, role_end: int, ents: list[Span]) -> bool:
    """One capitalised word right after a title (ending at ``role_end``), then no other capitalised
    word: a name written alone ("Ambassador Nowak said"), unless the model or our lists know it as
    a place, a body, a nationality or a date, or it is a headline's verb ("Minister Warns"). The
    model's entity may hold it alone or end with it after a body ("the United Nations Nowak"), not
    join it to the title word ("General Motors")."""
    token = doc[i]
    if not (_is_name_token(token) and token.pos_ == "PROPN") or verb_lemma(token.text):
        return False
    if i + 1 < len(doc) and (doc[i + 1].is_title or doc[i + 1].lower_ in PARTICLES):
        return False
    first = i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    if first < role_end:
        return False  # the model's entity runs from the title into the word
    ent = next((e for e in ents if e.start <= i < e.end), None)
    if ent is not None and (ent.label_ not in ("GPE", "ORG", "NORP", "LOC") or ent.end != i + 1
                            or ent.start < role_end):
        return False
    lower = token.lower_
    return not (_known_word(token.text) or lower in _organization_nouns() or lower in _place_nouns()
                or lower in role_words())


def _last_word_left_out(doc: Doc, start: int, end: int, ents: list[Span]) -> Span | None:
    """Three capitalised words after a title (tokens ``start``..``end``) of which the model tagged
    only the first two as a PERSON, the parse making the third the head of the name ("Prime Minister
    Anna Maria Lindqvist" with "Anna Maria" tagged and "Lindqvist" untagged, taken for a nationality
    or for a name of its own): the whole name. Not when the third word is a place, body, nationality,
    title or date, a headline's verb or word ("President Anna Berg Warns"), a word the text also
    writes in lower case, or one the text leaves out where it names the person again ("Raquel Ortiz",
    then "Minister Raquel Ortiz Vidal"). Else None."""
    if end - start != 3:
        return None
    person = next((e for e in ents if e.label_ == "PERSON" and e.start == start), None)
    if person is None or person.end != end - 1:
        return None
    last = doc[end - 1]
    other = next((e for e in ents if e.start <= last.i < e.end), None)
    if other is not None and (len(other) != 1 or other.label_ not in ("NORP", "ORG", "GPE", "PERSON")):
        return None
    if (not last.is_alpha or last.pos_ != "PROPN" or verb_lemma(last.text) or _known_word(last.text)
            or last.lower_ in _organization_nouns() or last.lower_ in _place_nouns() or last.lower_ in role_words()):
        return None
    if not all(t.dep_ == "compound" and t.head.i == last.i for t in person):
        return None
    text = doc_text(doc)
    line_start, line_end = text.rfind("\n", 0, last.idx) + 1, text.find("\n", last.idx)
    if _is_heading(text[line_start:line_end if line_end >= 0 else len(text)]):
        return None  # a headline's next word: "President Anna Berg Tariffs Plan"
    if any(t.text == last.lower_ for t in doc):
        return None  # a word the text also writes in lower case is no surname
    first, second = person[0].text, person[1].text
    if any(t.text == first and doc[t.i + 1].text == second and (t.i + 2 >= len(doc) or doc[t.i + 2].text != last.text)
           for t in doc[:-1]):
        return None  # the text names the person by the two words elsewhere: a second surname it leaves out
    return Span(doc, start, end, label="PERSON")


def accents_off(text: str) -> str:
    """"Séamus" -> "Seamus": the first-name tables (and the registry's spelling keys) hold names
    without accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _plural_title(lower: str) -> bool:
    """"ministers", "presidents": a title word in the plural, before a list of names."""
    return len(lower) > 4 and lower.endswith("s") and lower[:-1] in role_words()


def _is_place(text: str) -> bool:
    code = countries.country_code(text)
    return bool(code) and countries.institution(text) is None and not countries.demonym(text)


def _untagged_runs(doc: Doc, in_ent: set[int]) -> list[Span]:
    """Runs of two or three capitalised proper nouns outside any entity (names the model missed)."""
    runs = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 3 and j not in in_ent and _is_name_token(doc[j]) and doc[j].pos_ == "PROPN":
            j += 1
        if j - i >= 2:
            runs.append(doc[i:j])
        i = max(j, i + 1)
    return runs


class NerRepair:
    """Rewrites ``doc.ents`` with the repairs listed in the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ents = self._drop_titles(doc, list(doc.ents))
        ents = self._not_names(doc, ents)
        ents = [self._relabel_place(self._honorific_names(e)) for e in ents]
        ents = self._join_particles(doc, ents)
        ents = self._bracketed_first_names(doc, ents)
        ents = self._given_names_left_out(doc, ents)
        ents = self._names_in_lists(doc, ents)
        ents = self._names_after_portfolios(doc, ents)
        ents = self._names_after_titles(doc, ents)
        ents = self._names_before_titles(doc, ents)
        ents = self._full_names_tagged_org(doc, ents)
        # "General Assembly President" on a headline: words ending with a title are no one's name
        # (and must not teach the next step a "surname")
        titles = role_words()
        ents = [e for e in ents if not (e.label_ == "PERSON" and len(e) >= 2 and e[-1].lower_ in titles)]
        ents = self._bodies_called_he_or_she(doc, ents)
        ents = self._known_surnames(doc, ents)
        ents = self._names_in_lists(doc, ents, untagged=False)  # once more: a neighbour found a person since
        ents = [self._speaking_unknown_place(e) for e in ents]
        ents = [self._with_name_title(e) for e in ents]
        ents = self._bodies_tagged_person(doc, ents)
        # "a fellow Christian Democrat": a party's member, whatever rule took it for a name
        ents = [Span(doc, e.start, e.end, label="NORP") if e.label_ == "PERSON" and e[-1].lower_ in _party_members()
                else e for e in ents]
        doc.ents = filter_spans(ents)
        return doc

    @staticmethod
    def _drop_titles(doc: Doc, ents: list[Span]) -> list[Span]:
        """"Secretary of State" / "National Security Adviser": the ORG the model sees inside a
        title is part of the title, unless it is a real institution ("CIA Director")."""
        in_role = {i for r in doc.spans.get(ROLE_KEY, []) for i in range(r.start, r.end)}
        keep = []
        for e in ents:
            inside = e.start in in_role or (e.end - 1) in in_role
            if e.label_ == "ORG" and inside and not countries.institution(e.text) and not e.text.isupper():
                continue
            keep.append(e)
        return keep

    @staticmethod
    def _not_names(doc: Doc, ents: list[Span]) -> list[Span]:
        """PERSON spans that are no one's name: photo credits and bylines ("Name/AFP", "Photo: Name",
        "By Name"), equipment with numbers ("Leopard 2", "F-16s"); a title the model swallowed
        ("Taoiseach Ann Lind") is cut off the name."""
        roles = {i for r in doc.spans.get(ROLE_KEY, []) for i in range(r.start, r.end)}
        person_tokens = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
        out = []
        for ent in ents:
            if ent.label_ == "PERSON":
                ent = _without_spaces(doc, ent)
                if ent is None:
                    continue
                before = doc[ent.start - 1].text if ent.start > 0 else ""
                after = doc[ent.end].text if ent.end < len(doc) else ""
                two_before = doc[ent.start - 2].lower_ if ent.start > 1 else ""
                if (any(c.isdigit() for c in ent.text) or "/" in ent.text or after in ("/", "via") or before == "/"
                        or before.lower() in CREDIT_WORDS or _alone_on_its_line(doc, ent) or _caption_credit(doc, ent)
                        or _names_only_line(doc, ent, person_tokens) or _described_as_journalist(doc, ent)
                        or before.lower() in _media_titles()
                        or before.lower() in OUTLET_WORDS or ent[-1].lower_ in media_nouns()
                        or _quote_glued_word(ent[0])
                        or (_line_start(doc, ent.start) and after == ":" and doc[ent.end - 1].whitespace_)  # "Kicker : ..."
                        or (after.lower() in _media_titles() and _line_end(doc, ent.end + 1))  # "Anna Berg Editor"
                        or (before.lower() == "by" and (_line_start(doc, ent.start - 1) or two_before in CREDIT_WORDS))
                        or ent[-1].lower_ in _place_nouns() or _names_a_place(doc, ent)
                        or any(t.is_title and countries.country_code(t.text) for t in ent[1:])
                        or _definite_title(doc, ent) or _only_in_heading(doc, ent)
                        or _after_possessive_pronoun(doc, ent)):
                    continue  # a credit, a byline, a building, or a headline fragment ("Ukraine Anti-Aircraft Tanks")
                start, end = ent.start, ent.end
                dash = next((t.i for t in ent[1:] if t.text in ("-", "–", "—") and doc[t.i - 1].whitespace_), None)
                if dash is not None:
                    end = dash  # "Anna Berg - last August -": an aside after a dash is no part of the name
                commas = [t.i for t in ent if t.text == "," and t.i < end]
                if commas and commas[-1] < end - 1:
                    start = commas[-1] + 1  # "Kyiv, Novak": a place and a name the model joined
                if start + 3 < end and doc[start].text == "(" and doc[start + 2].text == ")" and _bracketed_place(doc[start + 1]):
                    start += 3  # "2 May – (Riga) Anna Berg": a dateline's place in brackets, then the name
                if (end - start >= 2 and doc[start].is_title and doc[start].lower_.endswith("s")
                        and verb_lemma(doc[start].text) not in ("", doc[start].lower_)):
                    # a headline's verb in the third person opening the span ("Latvia Warns EU Against ...")
                    rest = doc[start + 1:end]
                    if rest.text.isupper() or countries.country_code(rest.text):
                        continue  # and its object, a body or country: no name at all
                    start += 1
                if (start + 3 < end and doc[start + 1].text in ("'s", "’s") and (start + 2) in roles
                        and countries.country_code(doc[start].text)):
                    out.append(Span(doc, start, start + 1, label="GPE"))
                    start += 2  # "Latvia's King Harald V": the country's possessive opens the title, not the name
                while start < end - 1 and (start in roles or countries.demonym(doc[start].text)
                                           or _plural_title(doc[start].lower_) or _common_noun_word(doc[start])):
                    start += 1  # "British PM Novak", "Prime Ministers Novak, Berg and ...", "volunteer Ann Lind"
                if (end - start > 2 and start == ent.start and start > 1 and doc[start - 1].lower_ == "of"
                        and start - 2 in roles):
                    start += 1  # "Minister of Economy Raquel Berg": the portfolio is the title's, not the name's
                if end - start > 1 and before.lower() in ("on", "via") and doc[start].text == "X.":
                    start += 1  # "he wrote on X. Berg also said": the platform ends the sentence, no initial
                # a headline's verb the model swallowed: "Anna Novak Confirms Tank Delivery"; a name
                # of one word before it stays whole ("Edward Said") unless the verb is in capitals
                # ("Novak SLAMS Berg")
                verb = next((t.i for t in doc[start + 1:end] if verb_lemma(t.text)
                             and (t.i >= start + 2 or (t.is_upper and len(t) > 2))), None)
                if verb is not None:
                    end = verb
                while end > start + 1 and verb_lemma(doc[end - 1].text):
                    end -= 1
                if (end == ent.end and end - start >= 2 and end + 1 < len(doc) and doc[end].is_title and doc[end].is_alpha
                        and doc[end + 1].text in ("'s", "’s") and not doc[end].ent_type_
                        and doc[end].lower_ not in _organization_nouns()):
                    end += 1  # "Juan Carlos Pérez Robles’s plan" with "Robles" left out: the last surname
                if (end == ent.end and end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
                        and not doc[end].whitespace_ and doc[end + 1].is_title and doc[end + 1].is_alpha):
                    end += 2  # "Anna Berg-Lind" with only "Anna Berg" tagged: a double-barrelled surname
                if (start, end) != (ent.start, ent.end):
                    ent = Span(doc, start, end, label="PERSON")
            out.append(ent)
        return out

    @staticmethod
    def _honorific_names(ent: Span) -> Span:
        """"Mr Novak" tagged ORG: a name after an honorific is a person's (the honorific stays out)."""
        if (ent.label_ in MISLABELLED and len(ent) >= 2 and ent[0].lower_.rstrip(".") in HONORIFIC_WORDS
                and all(t.is_title and t.is_alpha for t in ent[1:])):
            return Span(ent.doc, ent.start + 1, ent.end, label="PERSON")
        return ent

    @staticmethod
    def _relabel_place(ent: Span) -> Span:
        """"Kyiv" as PERSON -> GPE (a country, capital or city of 50,000+ people, one word);
        "Slovak" as PERSON -> NORP; "Embassy" alone as PERSON -> ORG."""
        if ent.label_ in ("PERSON", "ORG") and (_is_place(ent.text) or (len(ent) == 1 and countries.city_country(ent.text))):
            return Span(ent.doc, ent.start, ent.end, label="GPE")
        if ent.label_ == "PERSON" and len(ent) == 1 and ent[0].lower_ in _organization_nouns():
            return Span(ent.doc, ent.start, ent.end, label="ORG")
        if ent.label_ == "PERSON" and countries.demonym(ent.text):
            return Span(ent.doc, ent.start, ent.end, label="NORP")
        return ent

    @staticmethod
    def _full_names_tagged_org(doc: Doc, ents: list[Span]) -> list[Span]:
        """"Anna Kovalczyk" tagged ORG, then "Kovalczyk insisted ...": two or three capitalised words
        the model took for a body are a person's name when their last word, alone elsewhere in the
        text, is the subject of a speech verb. Bodies ("Deutsche Bank", the institutions we know)
        stay bodies."""
        speaking = {t.lower_ for t in doc if t.dep_ == "nsubj" and t.is_title and t.head.pos_ in ("VERB", "AUX")
                    and verb_lemma(t.head.text) in _speech_lemmas()
                    and (not t.ent_type_ or _ent_length(doc, t.i) == 1)}
        if not speaking:
            return ents
        out = []
        for e in ents:
            if (e.label_ == "ORG" and _name_words(e)
                    and e[-1].lower_ in speaking and e[-1].lower_ not in _organization_nouns()
                    and not countries.institution(e.text) and not countries.country_code(e.text)):
                # "his visit to Ukraine Lindqvist": a country the model joined to the surname is no first name
                first = e.start + 1 if len(e) > 1 and countries.country_code(e[0].text) else e.start
                e = Span(doc, first, e.end, label="PERSON")
            out.append(e)
        return out

    @staticmethod
    def _bodies_called_he_or_she(doc: Doc, ents: list[Span]) -> list[Span]:
        """"Berg caught the EU by surprise when he imposed tariffs" with "Berg" tagged ORG: one or two
        capitalised words the model took for a body, the subject of their clause, then "he" or "she"
        as the subject of a clause joined to that clause ("when he ...", "and she ...") with no
        name between, are a person's name (a body is "it" or "they"). Bodies our lists know stay
        bodies."""
        out = []
        for e in ents:
            if (e.label_ == "ORG" and len(e) <= 2 and all(t.is_title and t.is_alpha for t in e)
                    and e.root.dep_ in ("nsubj", "nsubjpass") and e[-1].lower_ not in _organization_nouns()
                    and not _known_word(e.text) and not any(_known_word(t.text) for t in e)):
                for t in doc[e.end:e.sent.end]:
                    if t.ent_type_ == "PERSON":
                        break
                    if (t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass")
                            and t.head.dep_ in ("advcl", "conj") and t.head.head == e.root.head):
                        e = Span(doc, e.start, e.end, label="PERSON")
                        break
            out.append(e)
        return out

    @staticmethod
    def _bodies_tagged_person(doc: Doc, ents: list[Span]) -> list[Span]:
        """A company, an NGO or a website the model tagged PERSON is a body (ORG): two words or more
        ending with a word for a body ("External Action Service"), a web address ("Kyiv.ua"), or a
        name the text describes as a body anywhere: "<Name> is Europe's largest tech company", "the
        organizations <Name>, ...", "chipmaker <Name>", "<Name>, a Dutch firm,". Every mention of
        that name is then the body's."""
        described = set()
        for e in ents:
            if e.label_ != "PERSON":
                continue
            # "Anna Berg Office": a body's last word, unless the words before it name a person elsewhere
            # ("the Berg Administration" after "Anna Berg")
            named = len(e) >= 2 and e[-1].lower_ in _organization_nouns() and not any(
                t.text in {w.text for o in ents if o.label_ == "PERSON" and o != e and o.text != e.text for w in o}
                for t in e[:-1])
            if named or _describes_a_body(e) or _web_address().search(e.text):
                described.add(e.text)
        if not described:
            return ents
        return [Span(doc, e.start, e.end, label="ORG") if e.label_ == "PERSON" and e.text in described else e
                for e in ents]

    @staticmethod
    def _with_name_title(ent: Span) -> Span:
        """"Pope" + "Gregory", "King" + "Harald V": a given name alone (with the regnal number of a
        monarch) after a title that belongs to the name (roles.toml: name_titles) is named with it,
        as "Pope Gregory" is when the model takes both. A regnal number the model left out
        ("Harald" + "V") joins the name."""
        doc = ent.doc
        if ent.label_ == "PERSON" and ent.end < len(doc) and REGNAL.fullmatch(doc[ent.end].text):
            ent = Span(doc, ent.start, ent.end + 1, label="PERSON")
        one_word = len(ent) == 1 or (len(ent) == 2 and (ent[1].text in ("'s", "’s") or REGNAL.fullmatch(ent[1].text)))
        if (ent.label_ == "PERSON" and one_word and ent.start > 0 and doc[ent.start - 1].is_title
                and doc[ent.start - 1].lower_ in _name_titles()):
            return Span(doc, ent.start - 1, ent.end, label="PERSON")
        return ent

    @staticmethod
    def _speaking_unknown_place(ent: Span) -> Span:
        """"Novakova said": one word tagged GPE that no list knows as a place, the subject of a
        speech verb, is a surname (a place that speaks is a known capital: "Kyiv said"); such a word
        with digits is a body's ("the G7 insisted"), no one's name."""
        token = ent[0]
        if (ent.label_ == "GPE" and len(ent) == 1 and token.dep_ == "nsubj" and token.is_title
                and any(c.isdigit() for c in token.text) and verb_lemma(token.head.text) in _speech_lemmas()):
            return Span(ent.doc, ent.start, ent.end, label="ORG")
        if (ent.label_ == "GPE" and len(ent) == 1 and token.dep_ == "nsubj" and token.is_title
                and verb_lemma(token.head.text) in _speech_lemmas()
                and not _known_word(token.text)):
            doc, start = ent.doc, ent.start
            while start > 0 and doc[start - 1].lower_ in PARTICLES:
                start -= 1
            if start < ent.start and start > 0 and doc[start - 1].is_title and not doc[start - 1].ent_type_:
                start -= 1  # "Anna van der Berg said": the whole name
            return Span(doc, start, ent.end, label="PERSON")
        return ent

    @staticmethod
    def _join_particles(doc: Doc, ents: list[Span]) -> list[Span]:
        """"Maria van der" PERSON + "Berg" GPE -> one PERSON over all four tokens; "Anna-Maria" PERSON
        + an untagged double surname "Berg-Lindqvist" right after it -> one PERSON."""
        covered = {i for e in ents for i in range(e.start, e.end)}
        out = []
        for ent in ents:
            end = ent.end
            if (ent.label_ == "PERSON" and end + 2 < len(doc) and doc[end - 1].whitespace_ and end not in covered
                    and _name_hyphen(doc, end + 1, end) and not (end + 3 < len(doc) and doc[end + 3].text == "-")
                    and not any(countries.country_code(doc[k].text) for k in (end, end + 2))):
                ent = Span(doc, ent.start, end + 3, label="PERSON")
            if ent.label_ == "PERSON":
                end = ent.end
                while end < len(doc) and doc[end].lower_ in PARTICLES:
                    end += 1
                if end > ent.end and end < len(doc) and doc[end].is_title:
                    ent = Span(doc, ent.start, end + 1, label="PERSON")
                elif ent.end - ent.start > 1 and doc[ent.end - 1].lower_ in PARTICLES and ent.end < len(doc) and doc[ent.end].is_title:
                    ent = Span(doc, ent.start, ent.end + 1, label="PERSON")
            out.append(ent)
        return filter_spans(out)

    @staticmethod
    def _bracketed_first_names(doc: Doc, ents: list[Span]) -> list[Span]:
        """"(Anna) Berg", "[Anna] Berg": a given name an editor put in brackets inside a quote belongs
        to the name after it (the registry key drops the brackets)."""
        out = []
        for ent in ents:
            s = ent.start
            if (ent.label_ == "PERSON" and s >= 3 and (doc[s - 3].text, doc[s - 1].text) in (("(", ")"), ("[", "]"))
                    and doc[s - 2].is_title and doc[s - 2].is_alpha and not _bracketed_place(doc[s - 2])):
                ent = Span(doc, s - 3, ent.end, label="PERSON")
            elif (ent.label_ == "PERSON" and s >= 1 and len(ent) > 2 and (doc[s - 1].text, ent[1].text) in (("(", ")"), ("[", "]"))
                  and not _bracketed_place(ent[0])):
                ent = Span(doc, s - 1, ent.end, label="PERSON")  # the model took the name from inside the bracket
            out.append(ent)
        # "the president [Anna Berg] has said": a full name an editor put in square brackets after a
        # title or a pronoun, whatever the model tagged it
        pointers = role_words() | {"he", "she", "him", "her", "his"}
        for token in doc[1:]:
            if token.text != "[" or doc[token.i - 1].lower_ not in pointers:
                continue
            close = next((t.i for t in doc[token.i + 1:token.i + 5] if t.text == "]"), None)
            inner = doc[token.i + 1:close] if close is not None else None
            if (inner is not None and _name_words(inner) and not _known_word(inner.text)
                    and not any(e.label_ == "PERSON" and e.start <= inner.start < e.end for e in out)):
                out = [e for e in out if e.end <= inner.start or e.start >= inner.end]
                out.append(Span(doc, inner.start, inner.end, label="PERSON"))
        return filter_spans(out)

    @staticmethod
    def _given_names_left_out(doc: Doc, ents: list[Span]) -> list[Span]:
        """A given name opening a sentence or a line that the model left out of the name after it
        ("Mehmet" of "Mehmet Kemal Aydin", tagged "Kemal Aydin"): an untagged capitalised word
        the first-name tables know, not a title, place or common word, joins the PERSON."""
        from analysis.speakers import first_name_gender  # speakers imports this module

        covered = {i for e in ents for i in range(e.start, e.end)}
        titles = role_words()
        out = []
        for ent in ents:
            s = ent.start
            if ent.label_ == "PERSON" and s >= 1 and (s - 1) not in covered:
                first = doc[s - 1]
                opens = s == 1 or first.is_sent_start or doc[s - 2].is_space or doc[s - 2].text in (".", "!", "?", ")", "]")
                if (opens and first.is_title and first.is_alpha and not first.is_stop and first.pos_ == "PROPN"
                        and first.lower_ not in titles and not _known_word(first.text)
                        and first_name_gender(f"{first.text} {ent[0].text}")):
                    ent = Span(doc, s - 1, ent.end, label="PERSON")
            out.append(ent)
        return out

    @staticmethod
    def _names_in_lists(doc: Doc, ents: list[Span], untagged: bool = True) -> list[Span]:
        """A name in a list of people that the model tagged ORG or nothing ("Anna Berg, Tom Reed,
        Eva Lind and ...", "France's Anna Berg, Germany's Tom Reed and ..."): a PERSON when the
        items on both sides are people, or one side is and the item opens with "<Country>'s". Not
        ``untagged``: only names the model tagged ORG."""
        person_at = {i: e for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
        in_ent = {i for e in ents for i in range(e.start, e.end)}
        candidates = [e for e in ents if e.label_ == "ORG" and 2 <= len(e) <= 3 and all(_is_name_token(t) for t in e)
                      and not countries.country_code(e.text) and not countries.institution(e.text)
                      and e[-1].lower_ not in _organization_nouns()]
        if untagged:
            candidates += _untagged_runs(doc, in_ent)

        def country_prefix(start: int) -> int:
            """Start of "<Country>'s" right before ``start`` (or ``start`` itself)."""
            if start >= 2 and doc[start - 1].text in ("'s", "’s") and countries.country_code(doc[start - 2].text):
                return start - 2
            return start

        def person_before(start: int) -> bool:
            k = start - 1
            if k >= 1 and doc[k].lower_ == "and" and doc[k - 1].text == ",":
                k -= 1
            return k >= 1 and doc[k].text in (",", "and") and (k - 1) in person_at

        def person_after(end: int) -> bool:
            k = end
            if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "and":
                k += 1
            if k + 1 >= len(doc) or doc[k].text not in (",", "and"):
                return False
            k += 1
            if k + 2 < len(doc) and doc[k + 1].text in ("'s", "’s") and countries.country_code(doc[k].text):
                k += 2
            return k in person_at

        added = []
        for c in candidates:
            start = country_prefix(c.start)
            before, after = person_before(start), person_after(c.end)
            if (before and after) or ((before or after) and start < c.start):
                added.append(Span(doc, c.start, c.end, label="PERSON"))
        covered = {i for c in added for i in range(c.start, c.end)}
        return [e for e in ents if not any(i in covered for i in range(e.start, e.end))] + added

    @staticmethod
    def _names_after_portfolios(doc: Doc, ents: list[Span]) -> list[Span]:
        """"Minister for Energy, Trade and Industry Anna Berg said", "the Minister for Rural Affairs,
        Tom Reed,": a title, "for" or "of", a portfolio of capitalised words (joined by "and", "&" or
        commas), then a given name the first-name tables know and a surname, the last capitalised
        words before the sentence goes on. The model often tags the portfolio and the name as one
        body or one person, or tags nothing: the two words are the PERSON, and an entity that joined
        them to the portfolio goes. Not a name listed after "and" ("Minister of Trade and Anna Berg").
        The run of capitalised words ends before the last "and" or comma when a next title follows
        ("Secretary of Commerce Anna Berg and Trade Minister ..."); a given name the tables do not
        know counts when the text also writes the surname alone as a person's; after "of the" the
        run is a body's name, "of" may join its words, and the name may have three words ("the
        Council of Coastal States Anna Maria Berg"), the body keeping the words before it."""
        from analysis.speakers import first_name_gender  # speakers imports this module

        # surnames the text also writes alone as a person's ("Berg said"): a given name the
        # tables do not know is a name's first word before one of them
        lone = {e.text for e in ents if e.label_ == "PERSON" and len(e) == 1 and e.text.istitle()}
        added, bodies = [], []
        for role in doc.spans.get(ROLE_KEY, []):
            if role.end + 3 >= len(doc) or doc[role.end].lower_ not in ("for", "of"):
                continue
            k = role.end + 1
            body = doc[k].lower_ == "the"  # "Secretary-General of the Union of Gulf States Anna Berg"
            k += body
            while k < len(doc) and k - role.end <= 16 and (
                    (doc[k].is_title and doc[k].is_alpha and doc[k].lower_ not in _one_word_titles())
                    or (doc[k].lower_ in ("and", "&", ",") and k + 1 < len(doc) and doc[k + 1].is_title)
                    or (body and doc[k].lower_ == "of" and k + 1 < len(doc) and doc[k + 1].is_title)):
                k += 1
            if k < len(doc) and doc[k].lower_ in _one_word_titles():
                # "Secretary of Commerce Anna Berg and Trade Minister Tom Reed": the run ran on into
                # the next title; the name ends before the last "and", "&" or comma
                k = next((j for j in range(k - 1, role.end + 1, -1) if doc[j].lower_ in ("and", "&", ",")), k)
            first, last = k - 2, k - 1
            if first < role.end + 2 or doc[first - 1].lower_ in ("and", "&") or not (
                    _is_name_token(doc[first]) and _is_name_token(doc[last])):
                continue
            if k < len(doc) and (doc[k].text == "-" or doc[k].text in ("'s", "’s")):
                continue  # the run goes on: "Anna Berg-Lind", "Latvia's"
            if not (first_name_gender(accents_off(f"{doc[first].text} {doc[last].text}")) or doc[last].text in lone) \
                    or doc[last].lower_ in (_organization_nouns() | _place_nouns() | role_words()):
                continue  # a surname may be a place's name ("Lima"), not a body's or a title's last word
            if first_name_gender(accents_off(f"{doc[first - 1].text} {doc[first].text}")):
                if not body or first - 1 < role.end + 3 or doc[first - 2].lower_ in ("of", "and", "&", ","):
                    continue  # a name of three words ("Anna Maria Berg"): left to the other readings
                first -= 1  # after a body's name, the whole name ("... of the Gulf Council Anna Maria Berg")
            if any(e.label_ == "PERSON" and (e.start, e.end) == (first, k) for e in ents):
                continue  # tagged as it is
            added.append(Span(doc, first, k, label="PERSON"))
            if body:
                bodies.append(Span(doc, role.end + 1, first, label="ORG"))  # the body keeps its name
        if not added:
            return ents
        covered = {i for a in added for i in range(a.start, a.end)}
        kept = [e for e in ents if not any(i in covered for i in range(e.start, e.end))]
        taken = {i for e in kept for i in range(e.start, e.end)}
        return kept + added + [b for b in bodies if not any(i in taken for i in range(b.start, b.end))]

    @staticmethod
    def _names_after_titles(doc: Doc, ents: list[Span]) -> list[Span]:
        """Two or three capitalised tokens right after a role, not already a person -> PERSON."""
        taken = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
        added = []
        for role in doc.spans.get(ROLE_KEY, []):
            # not after a longer chain of "of" phrases: a name found there is as often one who
            # reports another's words ("the head of the press service of X, Y, said the Pope meant")
            start = name_position(doc, role.end, chain=False)
            country_end = _country_after(doc, role.end + 1) if role.end < len(doc) and doc[role.end].lower_ in ("of", "to") else None
            if country_end is not None and not any(i in taken for i in range(role.end + 1, country_end)):
                first = role.end + 2 if doc[role.end + 1].lower_ == "the" else role.end + 1
                added.append(Span(doc, first, country_end, label="GPE"))  # "of Ukraine" inside an ORG the model made
            end = start
            while end < len(doc) and end - start - sum(t.text == "-" for t in doc[start:end]) < 4 and (
                    _is_name_token(doc[end]) or (doc[end].lower_ in PARTICLES and end > start) or _name_hyphen(doc, end, start)):
                end += 1
            if end > start and end < len(doc) and end in taken and end - start <= 2:
                # "Turkish President Ali Kemal Demir" with only "Kemal Demir" tagged: the
                # first names between the title and the tagged name belong to it
                person = next(e for e in ents if e.label_ == "PERSON" and e.start <= end < e.end)
                if person.start == end:
                    added.append(Span(doc, start, person.end, label="PERSON"))
                    continue
            last = _last_word_left_out(doc, start, end, ents)
            if last is not None:
                added.append(last)  # "Prime Minister Anna Maria Lindqvist" with only "Anna Maria" tagged
                continue
            if end - start == 1 and _lone_name_after_title(doc, start, role.end, ents):
                added.append(Span(doc, start, end, label="PERSON"))  # "Patriarch Kirill", "Ambassador Nowak"
                continue
            if end - start >= 2 and not any(i in taken for i in range(start, end)):
                candidate = Span(doc, start, end, label="PERSON")
                # "chairman of the Joint Chiefs of Staff of the US Armed Forces": no name
                # nor "the CEO Council Summit": an event or place named after a title
                if (not countries.country_code(candidate.text) and candidate[-1].lower_ not in _organization_nouns()
                        and candidate[-1].lower_ not in _place_nouns() and not _definite_title(doc, candidate)):
                    added.append(candidate)
        covered = {i for c in added for i in range(c.start, c.end)}
        return [e for e in ents if not any(i in covered for i in range(e.start, e.end))] + added

    @staticmethod
    def _names_before_titles(doc: Doc, ents: list[Span]) -> list[Span]:
        """Two or three capitalised words no entity covers, or that the model took for a body or a
        place, then a comma and a title ("Anna Berg, Finland's junior foreign minister, said",
        "according to Tom Reed, the secretary of the council") -> PERSON."""
        role_at = {r.start: r for r in doc.spans.get(ROLE_KEY, [])}
        ents = [NerRepair._titled_after_comma(doc, e, role_at) for e in ents]
        in_ent = {i for e in ents for i in range(e.start, e.end)}
        added = []
        for comma in (t for t in doc if t.text == ","):
            end = comma.i
            start = end
            words = 0  # a double name joined by a hyphen is one word ("Ben-Tov")
            while start > 0 and words < 3 and (start - 1) not in in_ent and (
                    (_is_name_token(doc[start - 1]) and doc[start - 1].pos_ == "PROPN")
                    or (start < end and _name_hyphen(doc, start - 1, 0))):
                start -= 1
                words += doc[start].text != "-" and not (start > 0 and _name_hyphen(doc, start - 1, 0))
            if doc[start].text == "-" or words < 2 or (start > 0 and (doc[start - 1].is_title or (start - 1) in in_ent)):
                continue  # not the whole name, or part of a longer capitalised run
            # the title within four words after the comma: "the", "<Country>'s", adjectives
            if NerRepair._title_after_comma(doc, end, role_at, 5) is None:
                continue
            candidate = Span(doc, start, end, label="PERSON")
            if (not countries.country_code(candidate.text) and not countries.institution(candidate.text)
                    and not _names_a_place(doc, candidate) and not _only_in_heading(doc, candidate)):
                added.append(candidate)  # (not headline words: "..., Only Way to End War, Assembly President Says")
        return ents + added

    @staticmethod
    def _title_after_comma(doc: Doc, comma: int, role_at: dict, reach: int) -> Span | None:
        """The title (a span of ``role_at``, keyed by its start) opening within ``reach`` tokens after
        the comma at ``comma``, with only words and possessives before it; None if there is none."""
        role = next((role_at[k] for k in range(comma + 1, min(comma + 1 + reach, len(doc))) if k in role_at), None)
        if role is None or any(t.is_punct and t.text not in ("'s", "’s") for t in doc[comma + 1:role.start]):
            return None
        return role

    @staticmethod
    def _titled_after_comma(doc: Doc, ent: Span, role_at: dict) -> Span:
        """A name the model tagged as a body or a place ("Tom Reed" ORG, "Anna Berg" LOC) with a
        title in apposition after it ("Tom Reed, the secretary of ...", "Anna Berg, his trade
        minister and ...") is a PERSON: a title describes a person. Not a body or place our lists
        know, nor one whose title belongs to the name after it ("Velmar Tessin, the chief executive Anna Berg")."""
        end = ent.end
        if ent.label_ not in MISLABELLED or not _name_words(ent) or end + 1 >= len(doc) or doc[end].text != ",":
            return ent
        role = NerRepair._title_after_comma(doc, end, role_at, 4)
        if role is None or (role.end < len(doc) and doc[role.end].is_title and not doc[role.end].is_stop):
            return ent
        first = ent[0].text  # a surname may be a city's name ("Lima"), a first word no country or body
        if (_known_word(ent.text) or countries.country_code(first) or countries.institution(first) or countries.demonym(first)
                or ent[-1].lower_ in _organization_nouns()
                or ent[-1].lower_ in _place_nouns() or _names_a_place(doc, ent) or _only_in_heading(doc, ent)):
            return ent
        return Span(doc, ent.start, ent.end, label="PERSON")

    @staticmethod
    def _known_surnames(doc: Doc, ents: list[Span]) -> list[Span]:
        """Once "Anna Lindqvist" (or "President Lindqvist") is seen, a lone "Lindqvist" anywhere in the
        text is a PERSON whatever the model said."""
        surnames = set()
        titles = role_words()
        for e in ents:
            if e.label_ == "PERSON" and len(e) >= 2:
                surnames.add(surname(e).lower())
                if nick := nickname(e.text):
                    surnames.add(nick.lower())  # "Anna “Annie” Berg", then "Annie said"
            elif e.label_ == "PERSON" and e.start > 0 and doc[e.start - 1].lower_ in titles and not _known_word(e.text):
                surnames.add(e.text.lower())  # a surname the text gives a title: "President Lindqvist"
        if not surnames:
            return ents
        out = []
        for e in ents:
            if e.label_ in MISLABELLED:
                comma = max((t.i for t in e if t.text == ","), default=None)
                if e.text.lower() in surnames:
                    e = Span(doc, e.start, e.end, label="PERSON")
                elif comma is not None and comma + 1 < e.end and doc[comma + 1:e.end].text.lower() in surnames:
                    out.append(NerRepair._relabel_place(Span(doc, e.start, comma, label=e.label_)))  # "Kyiv, Berg"
                    e = Span(doc, comma + 1, e.end, label="PERSON")
            out.append(e)
        covered = {i for e in out for i in range(e.start, e.end)}
        out += NerRepair._missed_full_names(doc, ents, covered, titles)
        longest = max(len(s.split()) for s in surnames)
        # a surname's text opens with its first token's: a token that opens none is passed over
        # without building its spans (a sigma lower-cases by context: such tokens are always tried)
        openings = {s[:k] for s in surnames for k in range(1, len(s) + 1)}
        for token in doc:
            if token.i in covered or not (token.is_title or token.lower_ in PARTICLES):
                continue
            if token.lower_ not in openings and not {"Σ", "σ", "ς"} & set(token.text):
                continue
            for n in range(longest, 0, -1):  # multi-word surnames first ("Van Dam")
                span = doc[token.i:token.i + n]
                if len(span) == n and span.text.lower() in surnames and not any(i in covered for i in range(span.start, span.end)):
                    out.append(Span(doc, span.start, span.end, label="PERSON"))
                    covered.update(range(span.start, span.end))
                    break
        return out


    @staticmethod
    def _missed_full_names(doc: Doc, ents: list[Span], covered: set[int], titles) -> list[Span]:
        """"Anna Berg and Tom Reed met" where the model tagged "Berg" alone elsewhere but not the full
        name: a known first name right before such a surname makes the two words a PERSON."""
        from analysis.speakers import first_name_gender  # speakers imports this module

        lone = {e.text for e in ents if e.label_ == "PERSON" and len(e) == 1 and e.text.istitle()}
        added = []
        for token in doc[1:]:
            first = doc[token.i - 1]
            if (token.text in lone and token.i not in covered and first.i not in covered and first.is_title
                    and first.is_alpha and first.lower_ not in titles and first_name_gender(f"{first.text} {token.text}")):
                added.append(Span(doc, first.i, token.i + 1, label="PERSON"))
                covered.update((first.i, token.i))
        return added


def name_position(doc: Doc, i: int, chain: bool = True) -> int:
    """Where a name would start after a title ending at ``i``: right there, after a comma, or
    after "of <Country>," / "for <institution>," / "to <body>," ("the foreign minister of Italy, Paola
    Ricci", "China's ambassador to the United Nations, Wei Lan", "the chairman of the Joint Chiefs of
    Staff of the Latvian Armed Forces, Tom Reed"); with ``chain`` also after a longer chain of "of"
    phrases ("the head of the press service of the Latvian ministry, Anna Berg"). A space the page
    doubled ("president  Anna Berg") is passed over."""
    i = _past_bracket(doc, _past_spaces(doc, i))
    if i < len(doc) and doc[i].lower_ in ("of", "for", "to"):
        start = i
        listed = _past_listed_portfolio(doc, i + 1)
        if listed is not None:
            return listed
        j = _country_after(doc, i + 1)
        if j is None:  # "of the Foreign Affairs Committee, ...": the body the model tagged
            j = i + 1
            while j < len(doc) and j - i < 4 and (doc[j].ent_type_ in ("GPE", "LOC", "ORG", "PERSON") or doc[j].lower_ == "the"):
                if j > i + 1 and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "B":
                    break  # "Undersecretary of State Anna Berg": the name the model tagged after the body
                j += 1
            # to the end of the body the model tagged: "of Economy, Trade and Industry Anna Berg"
            while j < len(doc) and j - i < 10 and j > i + 1 and doc[j].ent_iob_ == "I" and doc[j - 1].ent_type_ != "PERSON":
                j += 1
        if j == i + 1:  # "Secretary of Commerce Anna Berg": a portfolio in capitals, then the name the model tagged
            k = i + 1
            while k < len(doc) and k - i <= 4 and doc[k].is_title and doc[k].is_alpha and not doc[k].ent_type_:
                k += 1
            if k > i + 1 and k < len(doc) and doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ == "B":
                j = k
        i = j if j > i + 1 else i
        # "of the Latvian Armed Forces, Anna Berg": the rest of a body's name after its country
        k = i
        while k < len(doc) and k - i < 4 and (doc[k].is_title or doc[k].is_upper) and doc[k].ent_type_ != "PERSON":
            k += 1
        if k > i and k < len(doc) and doc[k].text == "," and doc[k - 1].lower_ in _organization_nouns():
            i = k
        if chain and i < len(doc) and doc[i].text != "," and doc[i].ent_type_ != "PERSON":
            # "the head of the press service of the Latvian ministry, Anna Berg": a longer chain
            i = of_chain_end(doc, start) or i
    i = _past_bracket(doc, i)
    if i < len(doc) and doc[i].text == ",":
        i = _past_spaces(doc, i + 1)
    return _past_honorific(doc, i)


def _past_bracket(doc: Doc, i: int) -> int:
    """"Secretary-General (SG) Anna Berg", "head of the Trade Agency (TA), Anna Berg": the short
    form of the title or body in brackets stands between it and the name; "the Secretary-General
    [Anna Berg]": an editor's bracket opens before the name the model tagged. The token after."""
    if (i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")"
            and doc[i + 1].is_upper and doc[i + 1].is_alpha and 2 <= len(doc[i + 1].text) <= 6):
        return i + 3
    if i + 1 < len(doc) and doc[i].text in ("(", "[") and doc[i + 1].ent_type_ == "PERSON" and doc[i + 1].ent_iob_ == "B":
        return i + 1
    return i


def _past_listed_portfolio(doc: Doc, i: int, limit: int = 12) -> int | None:
    """"Minister of Foreign and European Affairs Anna Berg", "Minister of Trade, Export Promotion and
    Development Anna Berg", "High Representative of the Union for Foreign and Security Policy, Anna
    Berg": a portfolio of capitalised words listed with "and", "&" or commas, from token ``i`` to a
    name the model tagged; that name's first token, else None (a portfolio of one phrase, or a
    second title in the list: "President of Latvia and Prime Minister Anna Berg", is left to the
    other readings)."""
    k, joined = i + 1 if i < len(doc) and doc[i].lower_ == "the" else i, False
    while k < len(doc) and k - i <= limit:
        t = doc[k]
        if t.ent_type_ == "PERSON" and t.ent_iob_ == "B":
            # "the prime minister of Latvia, and Anna Berg": a second person listed, no portfolio
            return k if joined and k > i and doc[k - 1].lower_ not in ("and", "&") else None
        if t.lower_ in ("and", "&", ",", "of", "for", "the") and k + 1 < len(doc) and (
                doc[k + 1].is_title or doc[k + 1].lower_ in ("and", "the")):
            joined = joined or t.lower_ in ("and", "&")
            k += 1
            continue
        if not (t.is_title and t.is_alpha) or t.lower_ in _one_word_titles() or "\n" in t.whitespace_:
            return None
        k += 1
    return None


@data_cache()
def _one_word_titles() -> frozenset:
    """The role titles of one word in analysis/data/roles.toml ("minister", "president")."""
    return frozenset(t for t in load("roles")["titles"] if " " not in t)


def _past_honorific(doc: Doc, i: int) -> int:
    """"Prime Minister Sir Anna Berg", "the interior minister, Mr Tom Reed": an honorific the model left
    out of the name that follows it stands between the title and the name; the name's first token."""
    k = i + 1 if i < len(doc) and doc[i].lower_.rstrip(".") in HONORIFIC_WORDS else i
    if k < len(doc) and doc[k].text == ".":
        k += 1  # "Mr . Reed" split by the tokenizer
    return k if k > i and k < len(doc) and doc[k].ent_type_ == "PERSON" and doc[k].ent_iob_ == "B" else i


def _past_spaces(doc: Doc, i: int) -> int:
    """The first token from ``i`` that is not a space inside a line."""
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    return i


CHAIN_POS = ("DET", "ADJ", "NOUN", "PROPN")


def of_chain_end(doc: Doc, i: int, limit: int = 10) -> int | None:
    """The comma that closes a chain of noun phrases joined by "of"/"for" from token ``i`` (itself
    "of", "for" or "to"): "of the press service of the Latvian ministry," -> the comma's index.
    None when a verb, another preposition, a conjunction or other punctuation comes first, or
    no comma within ``limit`` tokens."""
    k = i + 1
    while k < len(doc) and k - i <= limit:
        t = doc[k]
        after = doc[k + 1] if k + 1 < len(doc) else None
        listed = after is not None and after.is_lower and after.pos_ in ("NOUN", "ADJ")
        if t.text == "," and not listed:
            return k if k > i + 1 else None
        # a portfolio of several lower-case nouns: "minister of economy, trade and industry, X"
        if not (t.pos_ in CHAIN_POS or t.lower_ in ("of", "for") or t.text in ("'s", "’s") or (t.text in (",", "and") and listed)):
            return None
        k += 1
    return None


def _country_after(doc: Doc, i: int) -> int | None:
    """End of a country's name starting at ``i`` ("Ukraine", "the United Kingdom"), so that "President
    of Ukraine Anna Berg" finds the name even when the model tagged "Ukraine Anna Berg" as one ORG."""
    start = i + 1 if i < len(doc) and doc[i].lower_ == "the" else i
    for n in (3, 2, 1):
        words = doc[start:start + n]
        if len(words) == n and all(t.is_title or t.is_upper for t in words) and countries.country_code(words.text):
            return start + n
    return None


def surname(name: Span | str) -> str:
    """Last name of a full name, keeping particles ("Maria van der Berg" -> "van der Berg")."""
    text = name.text if isinstance(name, Span) else name
    words = re.sub(r"['’]s$", "", text.strip()).split()  # "Anna Berg’s" -> "Berg"
    words = [w for w in words if not w.endswith(".") or len(w) > 2]  # drop middle initials
    if not words:
        return ""
    i = len(words) - 1
    while i > 0 and words[i - 1].lower() in PARTICLES:
        i -= 1
    return " ".join(words[i:]) if i > 0 else words[-1]


def nickname(name: str) -> str:
    """The nickname quoted inside a full name ("Anna “Annie” Berg" -> "Annie"), else ""."""
    m = re.search(r"\S\s+[“\"‘]\s*([A-Z][^”\"’]{1,29}?)\s*[”\"’]\s+\S", name)
    return m.group(1).strip() if m else ""


SENTENCE_END = (".", "!", "?", ":", ";", "\"", "”", "’", "'", ")", "…")


def _is_heading(line: str) -> bool:
    """A line without final punctuation whose words are mostly capitalised: a headline or a
    section heading ("U.S. Moves Forward with Negotiations"), never the middle of a sentence."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if not words or line.rstrip().endswith(SENTENCE_END) or len(words) > 20:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


def _one_paragraph_per_line(text: str) -> bool:
    """Text kept one paragraph per line (as pages are usually extracted), not hard-wrapped: most
    lines end a sentence, so every line break ends one too (a headline in sentence case, a
    caption) even where the line has no final punctuation."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    return len(lines) >= 3 and sum(line.endswith(SENTENCE_END) for line in lines) >= 0.6 * len(lines)


def _continues_sentence(before: Token, token: Token) -> bool:
    """A lower-case word right after a word, a number or a comma on the same line goes on with
    that sentence: the parser sometimes starts one there, in mid-clause ("the arms and equipment
    || his army lacks") or after a headline's first word ("Oslo || and Bern resume talks")."""
    return (token.is_lower and token.is_alpha and "\n" not in before.whitespace_
            and (before.is_alpha or before.is_digit or before.text == ","))


class ParagraphBreaks:
    """A blank line ends a sentence, and so does a line break after a line that ends a sentence
    or after a heading: the parser alone sometimes runs a sentence on into the next paragraph,
    or joins a headline to the first line and makes its words an actor. A single line break
    inside a hard-wrapped sentence stays, and a lower-case word on the same line as the word
    before it starts no sentence. Runs before the parser, which keeps the boundaries it is given
    (both the starts and the non-starts)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ends_line = _one_paragraph_per_line(text)
        after_break = False
        line_start = 0
        for token in doc:
            if token.is_space:
                after_break = after_break or "\n\n" in token.text or token.text.count("\n") >= 2
                if "\n" in token.text and not after_break:
                    line = text[line_start:token.idx]
                    after_break = ends_line or line.rstrip().endswith(SENTENCE_END) or _is_heading(line)
                if "\n" in token.text:
                    line_start = token.idx + len(token.text)
                continue
            if after_break and token.i > 0:
                token.is_sent_start = True
            elif token.i > 0 and _continues_sentence(doc[token.i - 1], token):
                token.is_sent_start = False
            after_break = "\n\n" in token.whitespace_
            if "\n" in token.whitespace_:
                line = text[line_start:token.idx + len(token.text)]
                after_break = after_break or ends_line or line.rstrip().endswith(SENTENCE_END) or _is_heading(line)
                line_start = token.idx + len(token.text_with_ws)
        return doc


@Language.factory("paragraph_breaks")
def make_paragraph_breaks(nlp: Language, name: str):
    return ParagraphBreaks(nlp, name)


@Language.factory("ner_repair")
def make_ner_repair(nlp: Language, name: str):
    return NerRepair(nlp, name)
