"""Country resolution: text ("German", "Ukraine's", "the Kremlin", "Moscow") -> ISO 3166-1 alpha-3.

Country names and codes come from country_converter and pycountry; demonyms, capitals and
institutions, which those libraries do not list, come from analysis/data/places.toml.
Bodies resolve to the pseudo-codes EU, NATO and UN.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import country_converter as coco
import pycountry

from analysis.lexicon import load

BODIES = {"EU": "European Union", "NATO": "NATO", "UN": "United Nations"}

logging.getLogger("country_converter").setLevel(logging.CRITICAL)
_converter = coco.CountryConverter()
_STRIP = re.compile(r"^(the)\s+|['’]s?$", re.IGNORECASE)


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.;:")
    text = _STRIP.sub("", text).strip()
    return _STRIP.sub("", text).strip()


@lru_cache(maxsize=4096)
def institution(text: str) -> tuple[str, str] | None:
    """(code, actor_type) for an institution or body ("the Kremlin", "European Commission")."""
    key = _clean(text).lower()
    found = load("places")["institutions"].get(key)
    return (found[0], found[1]) if found else None


@lru_cache(maxsize=4096)
def demonym(text: str) -> str:
    """Code for a demonym/adjective ("German", "U.S.", "European"), else ""."""
    demonyms = load("places")["demonyms"]
    return demonyms.get(text.strip().lower()) or demonyms.get(_clean(text).lower(), "")  # "U.S." keeps its dot


@lru_cache(maxsize=4096)
def country_code(text: str) -> str:
    """Best code for a country-ish phrase, or "" when it names no country or body."""
    cleaned = _clean(text)
    if not cleaned or len(cleaned) > 60:
        return ""
    if cleaned in ("US", "USA", "U.S", "U.S.A"):
        return "USA"
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
    code = _converter.convert(cleaned, to="ISO3", not_found=None)
    if isinstance(code, str) and len(code) == 3 and code.isalpha() and code.isupper():
        return code
    return ""


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """Display name for a code ("DEU" -> "Germany", "EU" -> "European Union")."""
    if code in BODIES:
        return BODIES[code]
    if not code:
        return ""
    name = _converter.convert(code, src="ISO3", to="name_short", not_found=None)
    return name if isinstance(name, str) else code


def is_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 code pycountry knows, or EU / NATO / UN."""
    return code in BODIES or pycountry.countries.get(alpha_3=code) is not None
