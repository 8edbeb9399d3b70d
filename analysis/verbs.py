"""Speech verbs by their written forms, so the pipeline can leave out spaCy's lemmatizer.

The lemmatizer was a quarter of the parse time and we only ever asked it one thing: is this
verb "say", "argue", "rule", ...? ``verb_lemma("argued") == "argue"``. Forms are generated
from the lemmas in analysis/data/speech.toml with the regular English rules (-s, -ed, -ing,
e-dropping, y -> ies/ied, final consonant doubling) plus the irregular forms listed there.
"""

from __future__ import annotations


from analysis.lexicon import data_cache, load

VOWELS = set("aeiou")


def forms(lemma: str) -> set[str]:
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        forms |= {lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"), lemma + "ed", lemma + "ing"}
        if len(lemma) >= 3 and lemma[-1] not in VOWELS | {"w", "x", "y"} and lemma[-2] in VOWELS and lemma[-3] not in VOWELS:
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # admit -> admitted
    return forms


@data_cache()
def _table() -> dict[str, str]:
    data = load("speech")
    table = {}
    for lemma in list(data["indirect"]) + list(data["reported"]):
        for form in forms(lemma):
            table.setdefault(form, lemma)
    for form, lemma in data["irregular"].items():
        table[form] = lemma
    return table


def written_forms(lemmas) -> frozenset[str]:
    """Every written form of these verbs (lemmas): the regular ones (``forms``) and the irregular
    ones speech.toml lists ("spoke" for "speak", "made" for "make")."""
    lemmas = set(lemmas)
    irregular = {form for form, lemma in load("speech")["irregular"].items() if lemma in lemmas}
    return frozenset({form for lemma in lemmas for form in forms(lemma)} | irregular)


def verb_lemma(word: str) -> str:
    """Lemma of a speech-verb form ("said" -> "say"), or "" for any other word."""
    return _table().get(word.lower(), "")
