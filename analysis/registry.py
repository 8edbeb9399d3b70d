"""The actor registry: one identity per person across the corpus.

Built from the actors table of every stored article (machine output), the analysts' edits and
imported lists; pure functions, no database (analysis.store keeps the result in two tables).

* **Variants** of one person are grouped conservatively. Names match when they are equal after
  folding accents, case, punctuation and common transliteration differences (y/i inside a word,
  ks/x, doubled letters: "Andriy"/"Andrii", "Oleksandr"/"Olexandr"); when the first name and the
  surname match and one of them differs by one letter (first names of 4+ letters, surnames of
  7+); and a surname alone joins the one full name in the corpus with that surname; when several
  full names have it, only the one named in three times as many articles as all the others, and
  only when all of them are stated for one country (else it joins none and takes their country
  only when they all share one). Two different full names are never joined when both appear as
  actors of the same article (two people sharing a surname in one article stay apart), and no
  two groups when the articles state different countries for them.
* **Facts**: a person's country is the majority of the countries that articles state for them
  (one vote per article; a tie leaves it empty), with one article and sentence as evidence; the
  role likewise. An analyst's value beats everything; an imported value fills what no article
  states.
* **Imported rows** (``Imported``, e.g. a registry CSV) are people as a team keeps them: a row's
  variants always join its name, names of two different rows are never joined automatically (an
  analyst's merge still can), and a row's name is its person's canonical name.
* **Resolution** (``resolve``): every row of a registry person gets the canonical name; a row
  whose article states no country (or role) gets the registry's, and ``country_source`` says
  where the row's country came from: text | corpus | analyst | import ("" when unknown). A
  country stated in the article wins for that article, except over an analyst's edit.

Analysts' edits are ``Edit`` records applied in order: ``merge`` (two names are one person),
``split`` (a name leaves its group: its automatic links are cut), ``not_person`` / ``person``,
``country`` and ``role`` (an empty value gives back what the articles say). A merge is undone by
splitting either name out again; a split by merging the name back.
"""

from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, NamedTuple

import pandas as pd

from analysis.components import PARTICLES, accents_off, surname
from analysis.people import given_name_titles

SOURCES = ("text", "corpus", "analyst", "import")
# A lone surname several full names share joins the one named in this many times as many articles
# as all the others together (and only when they are all stated for one country).
DOMINANT = 3
EDIT_ACTIONS = ("merge", "split", "not_person", "person", "country", "role")


def fold(name: str) -> str:
    """Lower case without accents or punctuation: "Novakk’s" -> "novakk s", "Šťastná" -> "stastna"."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", accents_off(name).lower()).split())


def _word_key(word: str) -> str:
    """One word's spelling key: y inside a word is i, ks is x, doubled letters are single, and a
    final -ij is -i ("Oleksandr"/"Olexandr", "Andriy"/"Andrii", "Serhiy"/"Serhij" agree)."""
    if len(word) <= 3:
        return word
    word = word[0] + word[1:].replace("y", "i").replace("ks", "x")
    word = re.sub(r"(.)\1+", r"\1", word)
    return re.sub(r"ij$", "i", word)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The key two spellings of one name share: folded, doubled letters single, endings -i."""
    return " ".join(_word_key(w) for w in fold(name).split())


@lru_cache(maxsize=65536)
def _words(name: str) -> tuple[str, ...]:
    """The words of a name without possessive, initials, or a title written before a given name
    ("Sheikh Anwar bin Tariq Al Nasser": the given name is Anwar)."""
    words = [w for w in re.sub(r"['’]s$", "", name.strip()).split() if not (w.endswith(".") and len(w) <= 2)]
    while len(words) > 2 and words[0].lower() in given_name_titles():
        words = words[1:]
    return tuple(words)


@lru_cache(maxsize=65536)
def _parts(name: str) -> tuple[str, str]:
    """(first-name key, surname key) of a name of two words or more, else ("", surname key)."""
    words = _words(name)
    last = name_key(surname(" ".join(words))) if words else ""
    if len(words) < 2 or words[0].lower() in PARTICLES or len(surname(" ".join(words)).split()) == len(words):
        return "", last
    return name_key(words[0]), last


def _middle(name: str) -> str:
    """The key of the words between the given name and the surname ("bin Tariq"), "" if none."""
    words = _words(name)
    return name_key(" ".join(words[1:len(words) - len(surname(" ".join(words)).split())])) if len(words) > 2 else ""


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one substitution, insertion or deletion."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


def _deletions(word: str) -> set[str]:
    """The word and every word one deletion away: two words one edit apart share one of these."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def same_person_names(a: str, b: str) -> bool:
    """Whether two full names are spellings of one name (see the module docstring)."""
    if name_key(a) == name_key(b):
        return True
    (first_a, last_a), (first_b, last_b) = _parts(a), _parts(b)
    if not (first_a and first_b):
        return False
    middle_a, middle_b = _middle(a), _middle(b)
    if middle_a and middle_b and middle_a != middle_b:
        return False  # "Anwar bin Tariq Al Nasser" and "Anwar bin Omar Al Nasser": father's names differ
    if last_a == last_b:
        return first_a == first_b or (min(len(first_a), len(first_b)) >= 4 and _one_edit(first_a, first_b))
    return first_a == first_b and min(len(last_a), len(last_b)) >= 7 and _one_edit(last_a, last_b)


@dataclass(frozen=True)
class Edit:
    """One analyst's edit of the registry, by name (any variant of the entry)."""
    action: str  # one of EDIT_ACTIONS
    name: str
    other: str = ""  # merge: the second name
    value: str = ""  # country: code; role: text


@dataclass(frozen=True)
class Imported:
    """One row of an imported registry list."""
    name: str
    variants: tuple[str, ...] = ()
    country: str = ""
    role: str = ""


@dataclass(frozen=True)
class Fact:
    value: str = ""
    source: str = ""  # text | analyst | import ("" when unknown)
    article: str = ""  # evidence: the article and sentence that stated it (source text)
    evidence: str = ""


@dataclass(frozen=True)
class Person:
    name: str  # canonical name
    variants: tuple[str, ...]  # every name the corpus (or an import) uses, canonical first
    country: Fact = Fact()
    role: Fact = Fact()
    articles: int = 0
    mentions: int = 0
    not_person: bool = False


@dataclass
class Registry:
    people: list[Person] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)  # every variant -> position in people

    def get(self, name: str) -> Person | None:
        i = self.index.get(name)
        return None if i is None else self.people[i]

    def frame(self) -> pd.DataFrame:
        """One row per person: name, variants ("; "), country, country_source, country_article,
        country_evidence, role, role_source, role_article, role_evidence, articles, mentions, not_person."""
        rows = [{"name": p.name, "variants": "; ".join(p.variants), "country": p.country.value,
                 "country_source": p.country.source, "country_article": p.country.article,
                 "country_evidence": p.country.evidence, "role": p.role.value, "role_source": p.role.source,
                 "role_article": p.role.article, "role_evidence": p.role.evidence,
                 "articles": p.articles, "mentions": p.mentions, "not_person": p.not_person} for p in self.people]
        return pd.DataFrame(rows, columns=REGISTRY_COLUMNS)


REGISTRY_COLUMNS = ["name", "variants", "country", "country_source", "country_article", "country_evidence", "role",
                    "role_source", "role_article", "role_evidence", "articles", "mentions", "not_person"]


class _Groups:
    """Union-find over names, remembering each group's articles, stated countries and imported rows."""

    def __init__(self, names: Iterable[str], articles: dict[str, set], countries: dict[str, Counter],
                 rows: dict[str, set] | None = None):
        self.parent = {n: n for n in names}
        self.articles = {n: set(articles.get(n, ())) for n in self.parent}
        self.countries = {n: Counter(countries.get(n, {})) for n in self.parent}
        self.rows = {n: set((rows or {}).get(n, ())) for n in self.parent}

    def find(self, n: str) -> str:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def compatible(self, a: str, b: str, same_article: bool = False) -> bool:
        """Whether two groups may be one person: never when both are actors of one article
        (unless ``same_article``), nor when the articles state different countries."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not same_article and self.articles[ra] & self.articles[rb]:
            return False
        if self.rows[ra] and self.rows[rb] and not self.rows[ra] & self.rows[rb]:
            return False  # two rows of an imported list are two people
        ca, cb = _majority(self.countries[ra]), _majority(self.countries[rb])
        return not (ca and cb and ca != cb)

    def union(self, a: str, b: str, check: bool = True, same_article: bool = False) -> bool:
        if check and not self.compatible(a, b, same_article):
            return False
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.articles[ra] |= self.articles.pop(rb)
            self.countries[ra] += self.countries.pop(rb)
            self.rows[ra] |= self.rows.pop(rb)
        return True

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for n in self.parent:
            out[self.find(n)].append(n)
        return out


def _majority(votes: Counter) -> str:
    """The value with most votes; "" on a tie or with no votes."""
    top = votes.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return ""
    return top[0][0]


def _one_article_against_many(groups: _Groups, lone: str, full: str) -> bool:
    """Whether a lone surname stands apart from its one full name only by one article's word: one
    article states another country for "Novak", while "Anna Novak"'s country is stated in at
    least DOMINANT articles. Left apart, that one statement would become the corpus's country for
    "Novak" in every other article; joined, the full name's articles outvote it (and the article
    that states it keeps its own word). Two or more articles stating it make another person."""
    ra, rb = groups.find(lone), groups.find(full)
    if groups.rows[ra] or groups.rows[rb]:
        return False
    own, theirs = groups.countries[ra], groups.countries[rb]
    country = _majority(theirs)
    return sum(own.values()) == 1 and bool(country) and theirs[country] >= DOMINANT and not own[country]


def _automatic_links(names: list[str], groups: _Groups, separated: set[str]) -> None:
    """Join spellings of one name, then lone surnames to the one full name that has them."""
    parts = {n: _parts(n) for n in names if n not in separated}
    full = [n for n, (first, _) in parts.items() if first]
    by_key: dict[str, list[str]] = defaultdict(list)
    for n in parts:
        by_key[name_key(n)].append(n)
    for same in by_key.values():  # one name spelt two ways, also inside one article
        for other in same[1:]:
            groups.union(same[0], other, same_article=True)
    # one spelling per key; two spellings are compared only when they share the surname and a
    # first name one deletion apart, or the first name and a surname one deletion apart
    # (a symmetric-deletion index: no comparison of every pair)
    blocks: dict[tuple, list[str]] = defaultdict(list)
    for same in by_key.values():
        n = same[0]
        first, last = parts[n]
        if not first:
            continue
        for variant in _deletions(first) if len(first) >= 4 else {first}:
            blocks[("first", last, variant)].append(n)
        if len(last) >= 7:
            for variant in _deletions(last):
                blocks[("last", first, variant)].append(n)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if same_person_names(a, b):
                    groups.union(a, b)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in full:
        by_surname[parts[n][1]].append(n)
    for n, (first, last) in parts.items():
        if first:
            continue
        owners = {groups.find(m) for m in by_surname.get(last, ())}
        if len(owners) == 1:
            # the one full name in the corpus with this surname: also when an article names both
            # (it wrote the surname in another spelling, "Novakk" after "Anna Novak")
            owner = next(iter(owners))
            if not groups.union(n, owner, same_article=True) and _one_article_against_many(groups, n, owner):
                groups.union(n, owner, check=False)
        elif owners:
            # several: the one the corpus names far more often, when it is stated for a country
            # and no other is stated for another ("Novak" with "Anna Novak" in nine articles and
            # "Ana Novak" in one, both Slovenian: another spelling of her name more likely than
            # another person). One whose country no article states does not keep them apart: a
            # word glued before the surname in one article ("Following Novak") is such a name.
            ranked = sorted(owners, key=lambda r: -len(groups.articles[r]))
            top, rest = len(groups.articles[ranked[0]]), sum(len(groups.articles[r]) for r in ranked[1:])
            stated = {_majority(groups.countries[r]) for r in owners} - {""}
            if top >= DOMINANT * rest and stated == {_majority(groups.countries[ranked[0]])} - {""} and stated:
                groups.union(n, ranked[0], same_article=True)


def build(actors: pd.DataFrame, texts: dict[str, str] | None = None, edits: Iterable[Edit] = (),
          imported: Iterable[Imported] = ()) -> Registry:
    """The registry of the people in ``actors`` (the actors table: article, name, actor_type,
    country, role, mentions, evidence_start, evidence_end), with analysts' ``edits`` applied in
    order and ``imported`` rows. ``texts`` (article id -> text) supplies the evidence sentences."""
    # Many small short-lived objects and no cycles: with the language model loaded, the cyclic
    # garbage collector's full passes would take most of the time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(actors, texts, edits, imported)
    finally:
        if enabled:
            gc.enable()


def _build(actors, texts, edits, imported) -> Registry:
    texts = texts or {}
    people = actors[actors["actor_type"] == "person"]
    edits, imported = list(edits), list(imported)
    articles: dict[str, set] = defaultdict(set)
    countries: dict[str, Counter] = defaultdict(Counter)
    roles: dict[str, Counter] = defaultdict(Counter)
    mentions: Counter = Counter()
    evidence: dict[tuple[str, str, str], tuple[str, int, int]] = {}  # (name, kind, value) -> first article stating it
    written: dict[str, Counter] = defaultdict(Counter)  # role in lower case -> how articles write it
    for row in people.itertuples(index=False):
        articles[row.name].add(row.article)
        mentions[row.name] += int(row.mentions)
        start, end = int(getattr(row, "evidence_start", 0) or 0), int(getattr(row, "evidence_end", 0) or 0)
        if row.country:
            countries[row.name][row.country] += 1
            evidence.setdefault((row.name, "country", row.country), (row.article, start, end))
        if row.role:  # "Foreign Minister" and "foreign minister" are one vote; the commonest writing shows
            key = " ".join(row.role.lower().split())
            roles[row.name][key] += 1
            written[key][row.role] += 1
            evidence.setdefault((row.name, "role", key), (row.article, start, end))

    names = list(dict.fromkeys([*people["name"], *(n for i in imported for n in (i.name, *i.variants)),
                                *(n for e in edits for n in (e.name, e.other) if n)]))
    rows: dict[str, set] = defaultdict(set)
    for number, i in enumerate(imported):
        for n in (i.name, *i.variants):
            rows[n].add(number)
    groups = _Groups(names, articles, countries, rows)
    separated: set[str] = set()
    must: list[tuple[str, str]] = []
    for e in edits:
        if e.action == "split":
            separated.add(e.name)
            must = [pair for pair in must if e.name not in pair]
        elif e.action == "merge" and e.other:
            must.append((e.name, e.other))
    _automatic_links(names, groups, separated)
    for i in imported:
        for v in i.variants:
            groups.union(i.name, v, check=False)
    for a, b in must:
        groups.union(a, b, check=False)

    registry = Registry()
    chosen = {i.name for i in imported}
    for members in groups.members().values():
        registry.index.update({n: len(registry.people) for n in members})
        registry.people.append(_person(members, articles, mentions, countries, roles, evidence, texts, imported,
                                       written, rows, chosen))
    _shared_surname_countries(registry)
    automatic = list(registry.people)
    for e in edits:  # facts and flags: later edits win; an empty value gives the automatic one back
        person = registry.get(e.name)
        if person is None:
            continue
        i = registry.index[e.name]
        if e.action in ("not_person", "person"):
            registry.people[i] = replace(person, not_person=e.action == "not_person")
        elif e.action in ("country", "role"):
            fact = Fact(e.value, "analyst") if e.value else getattr(automatic[i], e.action)
            registry.people[i] = replace(person, **{e.action: fact})
    return registry


def _shared_surname_countries(registry: Registry) -> None:
    """A surname written alone that several full names of the corpus share stays its own entry
    (it may be any of them), but when all of them have one country it is that country: "Novak"
    with "Anna Novak" and "Ana Novak", both Slovenian. The evidence is the sentence that states
    it for the full name in most articles."""
    owners: dict[str, set[int]] = defaultdict(set)
    for i, person in enumerate(registry.people):
        for v in person.variants:
            first, last = _parts(v)
            if first:
                owners[last].add(i)
    for i, person in enumerate(registry.people):
        if person.country.value or any(_parts(v)[0] for v in person.variants):
            continue
        found = set().union(*(owners.get(_parts(v)[1], set()) for v in person.variants))
        if len(found) >= 2 and len({registry.people[j].country.value for j in found}) == 1:
            source = max(found, key=lambda j: (registry.people[j].articles, -j))
            if registry.people[source].country.value:
                registry.people[i] = replace(person, country=registry.people[source].country)


def _canonical(members: list[str], mentions: Counter, articles: dict[str, set], chosen: set[str] = frozenset()) -> str:
    """An imported row's name, then the fullest spelling (words that are not initials), the one
    most articles use, the most mentioned, the first alphabetically."""
    def full_words(name: str) -> int:
        return min(sum(1 for w in name.split() if not (w.endswith(".") and len(w) <= 2)), 3)

    return min(members, key=lambda n: (n not in chosen, -full_words(n), -len(articles.get(n, ())), -mentions[n], n))


def _person(members, articles, mentions, countries, roles, evidence, texts, imported, written, rows, chosen) -> Person:
    name = _canonical(members, mentions, articles, chosen)
    seen = set().union(*(articles[m] for m in members))
    facts = {}
    own_rows = [imported[k] for k in sorted(set().union(*(rows.get(m, ()) for m in members)))]  # import order
    for kind, table in (("country", countries), ("role", roles)):
        votes = sum((table[m] for m in members), Counter())
        value = _majority(votes)
        if value:
            article, start, end = next(evidence[(m, kind, value)] for m in members if (m, kind, value) in evidence)
            shown = written[value].most_common(1)[0][0] if kind == "role" else value
            facts[kind] = Fact(shown, "text", article, " ".join(texts.get(article, "")[start:end].split()))
        else:
            given = [getattr(i, kind) for i in own_rows if getattr(i, kind)]
            facts[kind] = Fact(given[-1], "import") if given else Fact()
    variants = tuple([name] + sorted(set(members) - {name}))
    return Person(name, variants, facts["country"], facts["role"], len(seen), sum(mentions[m] for m in members))


class Resolved(NamedTuple):
    actors: pd.DataFrame
    positions: pd.DataFrame
    reactions: pd.DataFrame


def resolve(actors: pd.DataFrame, positions: pd.DataFrame, reactions: pd.DataFrame, registry: Registry) -> Resolved:
    """Tables with registry people under their canonical name, empty countries and roles filled
    from the registry, entries marked "not a person" removed, and a ``country_source`` column on
    actors and positions (text | corpus | analyst | import | "")."""
    rows, dropped = [], set()
    for article, name, kind, country, role in zip(actors["article"], actors["name"], actors["actor_type"],
                                                  actors["country"], actors["role"]):
        person = registry.get(name) if kind == "person" else None
        source = "text" if country else ""
        if person is not None and person.not_person:
            dropped.add((article, name))
        elif person is not None:
            name = person.name
            if person.country.value and (person.country.source == "analyst" or not country):
                country = person.country.value
                source = "corpus" if person.country.source == "text" else person.country.source
            if person.role.value and (person.role.source == "analyst" or not role):
                role = person.role.value
        rows.append((name, country, source, role))
    actors = actors.assign(name=[r[0] for r in rows], country=[r[1] for r in rows],
                           country_source=[r[2] for r in rows], role=[r[3] for r in rows])
    keep = [(a, n) not in dropped for a, n in zip(actors["article"], actors["name"])]
    actors = _one_row_per_actor(_rows(actors, keep))
    lookup = {(a, n): (c, s, r) for a, n, t, c, s, r in zip(actors["article"], actors["name"], actors["actor_type"],
                                                            actors["country"], actors["country_source"], actors["role"])
              if t == "person"}

    def canonical(article: str, name: str) -> str | None:
        """The resolved name of ``name`` in ``article``; None for an entry that is not a person."""
        if (article, name) in dropped:
            return None
        person = registry.get(name)
        return person.name if person is not None and (article, person.name) in lookup else name

    names = [canonical(a, n) for a, n in zip(positions["article"], positions["actor"])]
    positions = _rows(positions.assign(actor=names), [n is not None for n in names])
    found = [lookup.get((a, n)) for a, n in zip(positions["article"], positions["actor"])]
    positions = positions.assign(
        country=[f[0] if f else c for f, c in zip(found, positions["country"])],
        country_source=[f[1] if f else ("text" if c else "") for f, c in zip(found, positions["country"])],
        role=[f[2] if f else r for f, r in zip(found, positions["role"])])
    for side, country in (("source", "source_country"), ("target", "target_country")):
        names = [canonical(a, n) for a, n in zip(reactions["article"], reactions[side])]
        reactions = _rows(reactions.assign(**{side: names}), [n is not None for n in names])
        reactions = reactions.assign(**{country: [lookup.get((a, n), (c,))[0] or c for a, n, c in
                                                  zip(reactions["article"], reactions[side], reactions[country])]})
    return Resolved(actors.reset_index(drop=True), positions.reset_index(drop=True), reactions.reset_index(drop=True))


def _rows(table: pd.DataFrame, keep: list[bool]) -> pd.DataFrame:
    return table[pd.Series(keep, index=table.index, dtype=bool)]


def _one_row_per_actor(actors: pd.DataFrame) -> pd.DataFrame:
    """Rows that became one person in one article (an analyst's merge) collapse: mentions add
    up, the first stated country and role stay."""
    if not actors.duplicated(["article", "name"]).any():
        return actors
    stated = actors.replace({"country": {"": None}, "role": {"": None}, "country_source": {"": None}})
    first = stated.groupby(["article", "name"], sort=False, as_index=False).first()
    first["mentions"] = actors.groupby(["article", "name"], sort=False)["mentions"].sum().to_numpy()
    return first[actors.columns].fillna({"country": "", "role": "", "country_source": ""})
