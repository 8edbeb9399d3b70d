"""Rule components on spacy.blank("en"): no trained model needed."""

import pytest
import spacy
from spacy.tokens import Span

from analysis.components import surname


@pytest.fixture()
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("role_ruler", config={"titles": ["foreign minister", "defence secretary", "leader"],
                                       "spanning": [{"open": ["head"], "close": ["committee"]}]})
    return nlp


@pytest.mark.parametrize("text, expected", [
    ("German Foreign Minister Anna Schmidt spoke.", ["Foreign Minister"]),
    ("Ana Silva, head of the parliament's defence committee, spoke.", ["head of the parliament's defence committee"]),
    ("The Defence Secretary and the leader met.", ["Defence Secretary", "leader"]),
    ("Nothing to see here.", []),
])
def test_role_ruler_marks_roles(blank, text, expected):
    doc = blank(text)
    assert [s.text for s in doc.spans["roles"]] == expected


def test_ner_repair_joins_particle_names_and_surnames():
    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.make_doc("Ursula von der Leyen spoke . Later Leyen and von der Leyen met Kyiv officials .")
    doc.ents = [Span(doc, 0, 3, "PERSON"), Span(doc, 3, 4, "GPE"), Span(doc, 13, 14, "PERSON")]
    doc = repair(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Ursula von der Leyen", "PERSON"), ("von der Leyen", "PERSON"), ("Kyiv", "GPE")]


@pytest.mark.parametrize("text, full, expected", [
    ("Tom van Dam spoke . Later Van Dam and Dam left .", (0, 3), ["Tom van Dam", "Van Dam"]),
    ("Νίκος Παπαδόπουλος spoke . Later Παπαδόπουλος left .", (0, 2), ["Νίκος Παπαδόπουλος", "Παπαδόπουλος"]),
    ("Anna Berg spoke . Later Berger and Berg left .", (0, 2), ["Anna Berg", "Berg"]),
])
def test_ner_repair_finds_lone_surnames_of_named_people(text, full, expected):
    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, *full, "PERSON")]
    assert [e.text for e in repair(doc).ents if e.label_ == "PERSON"] == expected


@pytest.mark.parametrize("name, expected", [
    ("Ursula von der Leyen", "von der Leyen"), ("Anna Schmidt", "Schmidt"), ("Madonna", "Madonna"),
    ("John F. Smith", "Smith"),
])
def test_surname(name, expected):
    assert surname(name) == expected


@pytest.mark.parametrize("words, ent, expected", [
    # a place and a name the model joined across a comma
    ("In Kyiv , Rudi Hartono spoke .", (1, 5), "Rudi Hartono"),
    # a demonym and a title in front, a headline's verb and its object behind
    ("British PM Tom Hale Confirms Tank Delivery", (0, 7), "Tom Hale"),
    # a headline's verb at the end of the span
    ("Anna Novak Says Talks Go On", (0, 3), "Anna Novak"),
    # an aside between spaced dashes is no part of the name
    ("signed by Anna Novak - last August - it", (2, 6), "Anna Novak"),
    # a double-barrelled surname the model cut at its hyphen
    ("Anna Berg-Lind said so", (0, 2), "Anna Berg-Lind"),
])
def test_ner_repair_trims_person_spans(words, ent, expected):
    nlp = spacy.blank("en")
    nlp.add_pipe("role_ruler", config={"titles": ["pm"], "spanning": []})
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.get_pipe("role_ruler")(nlp.make_doc(words))
    doc.ents = [Span(doc, *ent, "PERSON")]
    assert [e.text for e in repair(doc).ents if e.label_ == "PERSON"] == [expected]


def test_ner_repair_drops_a_name_alone_on_its_line():
    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.make_doc("Talks resume\n\nRudi Hartono\nAnna Berg said talks resume .")
    names = {t.text: t.i for t in doc}
    doc.ents = [Span(doc, names["Rudi"], names["Hartono"] + 1, "PERSON"),
                Span(doc, names["Anna"], names["Berg"] + 1, "PERSON")]
    assert [e.text for e in repair(doc).ents] == ["Anna Berg"]  # the byline goes, the speaker stays


def test_role_ruler_from_disk_marks_the_loaded_titles_not_the_old_ones(tmp_path):
    """Regression: from_disk used to keep the matchers built from the constructor's lists."""
    saved = spacy.blank("en")
    saved.add_pipe("role_ruler", config={"titles": ["envoy"], "spanning": [{"open": ["head"], "close": ["committee"]}]})
    saved.get_pipe("role_ruler").to_disk(tmp_path / "ruler")
    saved.to_disk(tmp_path / "nlp")
    text = "The envoy met the ambassador and the head of the defence committee."
    for load in (lambda nlp: nlp.get_pipe("role_ruler").from_disk(tmp_path / "ruler"),
                 lambda nlp: nlp.from_disk(tmp_path / "nlp")):
        nlp = spacy.blank("en")
        nlp.add_pipe("role_ruler", config={"titles": ["ambassador"], "spanning": [{"open": ["chair"], "close": ["panel"]}]})
        doc = nlp(text)
        assert [s.text for s in doc.spans["roles"]] == ["ambassador"]
        load(nlp)
        assert nlp.get_pipe("role_ruler").titles == ["envoy"]
        doc = nlp(text)
        assert [s.text for s in doc.spans["roles"]] == ["envoy", "head of the defence committee"]


@pytest.mark.parametrize("words, ents, expected", [
    # people on both sides: the item the model tagged ORG is a person too
    ("Anna Berg , Tom Reed , Eva Lind and Deutsche Bank agreed .",
     [(0, 2, "PERSON"), (3, 5, "ORG"), (6, 8, "PERSON"), (9, 11, "ORG")],
     [("Anna Berg", "PERSON"), ("Tom Reed", "PERSON"), ("Eva Lind", "PERSON"), ("Deutsche Bank", "ORG")]),
    # one side a person and the item opens with "<Country>'s"
    ("France’s Anna Berg and Germany’s Tom Reed agreed .",
     [(0, 1, "GPE"), (2, 4, "PERSON"), (5, 6, "GPE"), (7, 9, "ORG")],
     [("France", "GPE"), ("Anna Berg", "PERSON"), ("Germany", "GPE"), ("Tom Reed", "PERSON")]),
    # one side only, no country: left as the model said
    ("Anna Berg and Tom Reed agreed .", [(0, 2, "PERSON"), (3, 5, "ORG")],
     [("Anna Berg", "PERSON"), ("Tom Reed", "ORG")]),
])
def test_ner_repair_names_in_lists_of_people(words, ents, expected):
    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.make_doc(words)
    doc.ents = [Span(doc, s, e, label) for s, e, label in ents]
    assert sorted((e.text, e.label_) for e in repair(doc).ents) == sorted(expected)


def test_ner_repair_a_name_after_an_honorific_tagged_org_is_a_person():
    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.make_doc("The talks failed , Mr Novak said .")
    doc.ents = [Span(doc, 4, 6, "ORG")]
    assert [(e.text, e.label_) for e in repair(doc).ents] == [("Novak", "PERSON")]


@pytest.mark.parametrize("words, ent", [
    ("They met at Halvorsen Palace on Monday .", (3, 4)),       # a place noun right after the name
    ("They met near the palace , Halvorsen , on Monday .", (6, 7)),  # a one-word name in apposition to one
])
def test_ner_repair_drops_names_of_places(words, ent):
    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.make_doc(words)
    doc.ents = [Span(doc, *ent, "PERSON")]
    assert [e.text for e in repair(doc).ents if e.label_ == "PERSON"] == []
