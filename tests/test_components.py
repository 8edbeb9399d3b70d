"""Rule components on spacy.blank("en"): no trained model needed."""

import pytest
import spacy
from spacy.tokens import Span

from analysis.components import caption_lines, doc_text, name_position, surname


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
    # a surname only ever named with a title, tagged there alone: its untagged mentions earlier too
    ("“ We will win , ” Lindqvist said . Later President Lindqvist left .", (11, 12), ["Lindqvist", "Lindqvist"]),
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
    # a headline's verb in capitals after a one-word name
    ("President Novak SLAMS Berg over tariffs", (1, 4), "Novak"),
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


@pytest.mark.parametrize("text, kept", [
    # a caption whose last full stop is followed by the photographer's name, bare or in brackets
    ("Farmers in Riga greet the minister . Eva Lind\n\nTom Reed said talks resume .", False),
    ("Farmers in Riga greet the minister . ( Eva Lind )\nTom Reed said talks resume .", False),
    # no line break after it: a text cut off there may go on with that person
    ("Farmers in Riga greet the minister . Eva Lind", True),
    # a name opening a sentence that goes on stays
    ("Farmers in Riga greet the minister . Eva Lind said so .\nTom Reed agreed .", True),
])
def test_ner_repair_drops_a_credit_closing_a_caption_line(text, kept):
    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.make_doc(text)
    eva = next(t.i for t in doc if t.text == "Eva")
    doc.ents = [Span(doc, eva, eva + 2, "PERSON")]
    assert ("Eva Lind" in [e.text for e in repair(doc).ents]) is kept


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


def test_ner_repair_a_nickname_quoted_in_a_full_name_is_that_person_later():
    """"Anna “Annie” Berg" makes a later "Annie" a person, alone or in "Oslo, Annie" tagged ORG."""
    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.make_doc("President Anna “ Annie ” Berg spoke . In Oslo , Annie met Annie .")
    doc.ents = [Span(doc, 1, 6, "PERSON"), Span(doc, 9, 12, "ORG"), Span(doc, 13, 14, "ORG")]
    assert [(e.text, e.label_) for e in repair(doc).ents] == [
        ("Anna “ Annie ” Berg", "PERSON"), ("Oslo", "GPE"), ("Annie", "PERSON"), ("Annie", "PERSON")]


@pytest.mark.parametrize("text, expected", [
    ("Deputy head of the Estonian delegation Anna Berg spoke.", ["Deputy head of the Estonian delegation"]),
    ("Commander-in-Chief of the Latvian Armed Forces Tom Reed spoke.", ["Commander-in-Chief of the Latvian Armed Forces"]),
])
def test_role_ruler_matches_opening_titles_of_several_words(text, expected):
    nlp = spacy.blank("en")
    nlp.add_pipe("role_ruler", config={"titles": [], "spanning": [
        {"open": ["deputy head"], "close": ["delegation"]}, {"open": ["commander-in-chief"], "close": ["forces"]}]})
    doc = nlp(text)
    assert [s.text for s in doc.spans["roles"]] == expected


def test_ner_repair_a_lone_organization_noun_tagged_person_is_an_organization():
    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.make_doc("Russian Embassy in London says talks are over .")
    doc.ents = [Span(doc, 0, 1, "NORP"), Span(doc, 1, 2, "PERSON"), Span(doc, 3, 4, "GPE")]
    assert [(e.text, e.label_) for e in repair(doc).ents] == [("Russian", "NORP"), ("Embassy", "ORG"), ("London", "GPE")]


def test_caption_lines_are_lines_with_a_credit_and_their_repeats():
    text = ("Talks go on\n"
            "Anna Berg speaks\n"                       # the caption of a credit alone on the next line
            "(photo credit: REUTERS)\n"
            "Anna Berg said talks must start.\n"
            "PHOTO: Tom Reed speaks at a press conference in Riga.\n"
            "Tom Reed speaks at a press conference in Riga.\n"  # alt text repeating the caption
            "Eva Lind (left) meets Tom Reed.\n"
            "Tom Reed said the talks would go on for as long as it takes, and that the two sides "
            "had agreed on a date for the next round in Riga.\n"  # a paragraph before a credit stays story
            "Photo: AP")
    lines = text.split("\n")
    found = [text[s:e] for s, e in caption_lines(text)]
    assert found == lines[1:3] + lines[4:7] + lines[8:]


@pytest.mark.parametrize("words, expected", [
    (["Kaland", "said", "so", "."], [("Kaland", "PERSON")]),
    (["Anna", "von", "der", "Kaland", "said", "so", "."], [("Anna von der Kaland", "PERSON")]),  # the whole name
    (["Kyiv", "said", "so", "."], [("Kyiv", "GPE")]),  # a known place that speaks stays one
    (["Kaland", "grew", "fast", "."], [("Kaland", "GPE")]),  # no speech verb: a place it may be
])
def test_ner_repair_an_unknown_place_that_speaks_is_a_person(words, expected):
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    verb = len(words) - 3
    heads = [verb] * verb + [verb, verb, verb]
    deps = ["compound"] * (verb - 1) + ["nsubj", "ROOT", "advmod", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, verb - 1, verb, "GPE")]
    assert [(e.text, e.label_) for e in repair(doc).ents] == expected


def test_ner_repair_names_a_pope_with_the_title():
    """"Pope" + "Casimir" tagged alone: the title belongs to the name, as when the model takes both."""
    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.make_doc("He travels on Pope Casimir's behalf with Anna Berg .")
    doc.ents = [Span(doc, 4, 5, "PERSON"), Span(doc, 8, 10, "PERSON")]
    assert [e.text for e in repair(doc).ents] == ["Pope Casimir", "Anna Berg"]


def test_ner_repair_names_a_king_with_the_title_and_the_regnal_number():
    """"King" + "Harald" + "V" with only "Harald" tagged: the title and the number belong to the name."""
    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.make_doc("He met King Harald V and Queen Sonja II of Latvia with Anna Berg .")
    doc.ents = [Span(doc, 3, 4, "PERSON"), Span(doc, 7, 8, "PERSON"), Span(doc, 12, 14, "PERSON")]
    assert [e.text for e in repair(doc).ents] == ["King Harald V", "Queen Sonja II", "Anna Berg"]


@pytest.mark.parametrize("first, last, expected", [
    ("Anna", "Kovalczyk", [("Anna Kovalczyk", "PERSON"), ("Kovalczyk", "PERSON")]),
    ("Deutsche", "Bank", [("Deutsche Bank", "ORG")]),  # a body's last word stays a body's
])
def test_ner_repair_a_full_name_tagged_org_is_a_person_when_its_surname_speaks(first, last, expected):
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    words = [first, last, "announced", "a", "plan", ".", "Later", last, "insisted", "on", "it", "."]
    heads = [1, 2, 2, 4, 2, 2, 8, 8, 8, 8, 9, 8]
    deps = ["compound", "nsubj", "ROOT", "det", "dobj", "punct", "advmod", "nsubj", "ROOT", "prep", "pobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "ADV", "PROPN", "VERB", "ADP", "PRON", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 0, 2, "ORG")]
    assert [(e.text, e.label_) for e in repair(doc).ents] == expected


def test_ner_repair_a_full_name_with_a_hyphenated_given_name_tagged_org_is_a_person():
    """"Anne-Marie Lindqvist" tagged ORG, then "Lindqvist insisted ...": the hyphenated given name is one word."""
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    repair = nlp.add_pipe("ner_repair")
    words = ["Anne", "-", "Marie", "Lindqvist", "announced", "a", "plan", ".", "Later", "Lindqvist", "insisted", "on",
             "it", "."]
    spaces = [False, False, True, True, True, True, False, True, True, True, True, True, False, False]
    heads = [2, 2, 3, 4, 4, 6, 4, 4, 10, 10, 10, 10, 11, 10]
    deps = ["compound", "punct", "compound", "nsubj", "ROOT", "det", "dobj", "punct", "advmod", "nsubj", "ROOT", "prep",
            "pobj", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "ADV", "PROPN", "VERB", "ADP", "PRON",
           "PUNCT"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 0, 4, "ORG")]
    assert [(e.text, e.label_) for e in repair(doc).ents] == [("Anne-Marie Lindqvist", "PERSON"), ("Lindqvist", "PERSON")]


def test_caption_lines_end_with_an_agency_credit_glued_to_the_caption():
    text = ("Anna Berg speaks to Tom Reed during a meeting in Riga.—AFP\n"
            "Tom Reed said the talks would go on. - Reuters")  # a story line with the agency's tag stays
    assert [text[s:e] for s, e in caption_lines(text)] == [text.split("\n")[0]]


def test_caption_lines_leave_story_lines_with_a_party_tag_or_a_quote():
    text = ("Senator Tom Reed (R) said the aid must pass.\n"  # a party, not a place in a picture
            "“Talks must start,” Anna Berg said.\n"  # a quote before a credit alone is the story's
            "Photo: AP")
    assert [text[s:e] for s, e in caption_lines(text)] == ["Photo: AP"]


@pytest.mark.parametrize("text, ent, expected", [
    # capitalised headline words the model took for a name, never mentioned in the story
    ("Poland May Call Meeting After Missile Strike Kills Two\n\nThe government met on Wednesday .", (5, 8), []),
    # a name on a headline that the story names too stays
    ("Anna Berg Calls For Talks\n\nBerg spoke on Wednesday .", (0, 2), ["Anna Berg", "Berg"]),
    # words ending with a title are no one's name, and teach no "surname" to the rest of the text
    ("Talks Only Way , Says General Assembly President\n\nThe President of the Assembly spoke .", (6, 8), []),
])
def test_ner_repair_drops_headline_words_taken_for_names(text, ent, expected):
    nlp = spacy.blank("en")
    nlp.add_pipe("role_ruler", config={"titles": ["president"], "spanning": []})
    repair = nlp.add_pipe("ner_repair")
    doc = nlp(text)
    doc.ents = [Span(doc, *ent, "PERSON")]
    assert [e.text for e in repair(doc).ents if e.label_ == "PERSON"] == expected


def test_doc_text_is_joined_once_per_doc():
    """Rules read the text once per name or claim; joining every token each time made the time
    grow with the square of the article's length."""
    nlp = spacy.blank("en")
    doc = nlp("Anna Berg spoke.\n\nThe talks went on.")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first  # the same string, not joined again
    other = nlp("Anna Berg spoke.\n\nThe talks went on.")
    assert doc_text(other) == first and doc_text(other) is not first  # each Doc has its own entry


@pytest.mark.parametrize("text, word, expected", [
    # a lower-case word after a word or a comma on the same line goes on with the sentence
    ("Mira Holt wants the drones and radars her navy lacks.", "her", False),
    ("Video\nValdia and Ostmark reopen their border talks", "and", False),
    ("Tom Reed, who arrived late, spoke first.", "who", False),
    # after a full stop, a line break or a dash the parser decides as before
    ("Talks ended. then the envoys left.", "then", None),
    ("The envoys met on Monday\nin the old port", "in", None),
    ("Export rules:\n- new limits on parts", "new", None),
    # a capitalised word is left to the parser
    ("Mira Holt met Tom Reed Valdia signed.", "Valdia", None),
])
def test_paragraph_breaks_no_sentence_starts_at_a_lower_case_word_in_mid_line(text, word, expected):
    nlp = spacy.blank("en")
    nlp.add_pipe("paragraph_breaks")
    doc = nlp(text)
    assert next(t for t in doc if t.text == word).is_sent_start is expected


@pytest.mark.parametrize("tail, third, expected", [
    # the surname after a title left out of the two words tagged, untagged, taken for a nationality
    # or for a name of its own; the parse makes it the head of the name
    ([], None, ["Anna Maria Kaland"]),
    ([], "NORP", ["Anna Maria Kaland"]),
    ([], "PERSON", ["Anna Maria Kaland"]),
    # a word the text also writes in lower case, a second surname the text leaves out elsewhere: no
    (["The", "kaland", "grew", "."], None, ["Anna Maria"]),
    (["Later", "Anna", "Maria", "left", "."], None, ["Anna Maria", "Anna Maria"]),
])
def test_ner_repair_the_last_word_of_a_name_after_a_title_left_out_by_the_model(tail, third, expected):
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    nlp.add_pipe("role_ruler", config={"titles": ["prime minister"], "spanning": []})
    repair = nlp.add_pipe("ner_repair")
    # "Latvian Prime Minister Anna Maria Kaland spoke ." and the tail sentence, parsed as the model does
    words = ["Latvian", "Prime", "Minister", "Anna", "Maria", "Kaland", "spoke", "."] + tail
    heads = [5, 2, 5, 5, 5, 6, 6, 6] + [8 + (len(tail) - 2)] * len(tail)
    deps = ["amod", "compound", "compound", "compound", "compound", "nsubj", "ROOT", "punct"] + ["dep"] * len(tail)
    pos = ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"] + ["PROPN"] * len(tail)
    doc = nlp.get_pipe("role_ruler")(Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos))
    ents = [Span(doc, 0, 1, "NORP"), Span(doc, 3, 5, "PERSON")] + ([Span(doc, 5, 6, third)] if third else [])
    if tail[:3] == ["Later", "Anna", "Maria"]:
        ents.append(Span(doc, 9, 11, "PERSON"))
    doc.ents = ents
    assert [e.text for e in repair(doc).ents if e.label_ == "PERSON"] == expected


@pytest.mark.parametrize("text, ents, expected", [
    # a title, "for" or "of", a portfolio of capitalised words, then a known given name and a surname:
    # the model took them for one body, one person, or nothing
    ("Latvian Deputy Premier and Minister for Transport , Housing and Planning Anna Berg spoke .",
     [(6, 13, "ORG")], ["Anna Berg"]),
    ("Minister for Trade and Economic Development Mary Lind made a statement .", [(4, 8, "PERSON")], ["Mary Lind"]),
    ("“ It is wrong , ” said the Minister for Rural Affairs , Peter Reeve , at the debate .", [], ["Peter Reeve"]),
    ("Minister for Health and Sport Séamus Dunne said so .", [], ["Séamus Dunne"]),  # accents aside
    # a name listed after "and", a name of three words, no known given name: left as the model said
    ("The Minister of Trade and Anna Berg met .", [], []),
    ("Minister for Trade Anna Maria Berg said so .", [(3, 6, "PERSON")], ["Anna Maria Berg"]),
    ("Minister for Trade and Industry Policy Review said so .", [], []),
])
def test_ner_repair_a_name_after_a_title_and_its_portfolio(text, ents, expected):
    nlp = spacy.blank("en")
    nlp.add_pipe("role_ruler", config={"titles": ["minister", "deputy prime minister"], "spanning": []})
    repair = nlp.add_pipe("ner_repair")
    doc = nlp.get_pipe("role_ruler")(nlp.make_doc(text))
    doc.ents = [Span(doc, s, e, label) for s, e, label in ents]
    assert [e.text for e in repair(doc).ents if e.label_ == "PERSON"] == expected




@pytest.mark.parametrize("text, body, expected", [
    # a bracket between the title and the name: the title's short form, the body's short form before
    # the comma, or an editor's bracket opening before the name; the word a name would start at
    ("UN Secretary-General ( UNSG ) Anna Berg spoke .", "", "Anna"),
    ("She visited the Director-General of the World Trade Organization ( WTO ) , Anna Berg , in Geneva .",
     "World Trade Organization", "Anna"),
    ("“ We sent it to the UN Secretary-General [ Anna Berg ] who backed it , ” she said .", "", "Anna"),
    # a bracket of lower-case words is no short form: the name stays apart from the title
    ("UN Secretary-General ( in Geneva ) Anna Berg spoke .", "", "("),
])
def test_name_position_passes_a_bracket_between_the_title_and_the_name(text, body, expected):
    nlp = spacy.blank("en")
    nlp.add_pipe("role_ruler", config={"titles": ["secretary-general", "director-general"], "spanning": []})
    doc = nlp.get_pipe("role_ruler")(nlp.make_doc(text))
    words = [t.text for t in doc]
    ents = [Span(doc, words.index("Anna"), words.index("Anna") + 2, "PERSON")]
    if body:
        first = words.index(body.split()[0])
        ents.append(Span(doc, first, first + len(body.split()), "ORG"))
    doc.ents = ents
    role = doc.spans["roles"][-1]
    assert doc[name_position(doc, role.end)].text == expected
