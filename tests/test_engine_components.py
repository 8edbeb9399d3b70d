"""The engine's components one by one, on hand-built Docs (words, heads, deps, entities set by the
test, as spaCy's own component tests do): no trained model, so each test pins one component's rule."""

import pytest
import spacy
from spacy.tokens import Doc, Span

import analysis.pipeline  # noqa: F401  (registers the factories)
from analysis.speakers import Speech


def build(nlp, words, heads=None, deps=None, pos=None, ents=None, spaces=None):
    """A Doc with the given parse; ``ents`` as (start, end, label) token ranges."""
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    if ents:
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


@pytest.fixture()
def people_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("role_ruler", config={"titles": ["foreign minister", "president", "spokesman"], "spanning": []})
    nlp.add_pipe("person_index")
    return nlp


def run(nlp, doc):
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_person_index_reads_title_country_and_surname_mentions(people_nlp):
    # "U.K. Foreign Minister Anna Lindqvist spoke . Lindqvist left ."
    words = ["U.K.", "Foreign", "Minister", "Anna", "Lindqvist", "spoke", ".", "Lindqvist", "left", "."]
    heads = [2, 2, 4, 4, 5, 5, 5, 8, 8, 8]
    deps = ["compound", "compound", "compound", "compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]
    doc = run(people_nlp, build(people_nlp, words, heads, deps, pos, [(0, 1, "GPE"), (3, 5, "PERSON"), (7, 8, "PERSON")]))
    actor = doc._.actors["Anna Lindqvist"]
    assert (actor.country, actor.role, actor.mentions) == ("GBR", "Foreign Minister", 2)
    assert [(m.text, m.kb_id_) for m in doc.spans["people"]] == [("Anna Lindqvist", "Anna Lindqvist"),
                                                                  ("Lindqvist", "Anna Lindqvist")]


def test_person_index_takes_no_country_from_a_name_or_a_place_nearby(people_nlp):
    # "In a call , Lucia Ferraro urged Ukraine 's leader ." -- no title, a place named: empty, never a guess
    words = ["In", "a", "call", ",", "Lucia", "Ferraro", "urged", "Ukraine", "'s", "leader", "."]
    heads = [6, 2, 0, 6, 5, 6, 6, 9, 7, 6, 6]
    deps = ["prep", "det", "pobj", "punct", "compound", "nsubj", "ROOT", "poss", "case", "dobj", "punct"]
    doc = run(people_nlp, build(people_nlp, words, heads, deps, ents=[(4, 6, "PERSON"), (7, 8, "GPE")]))
    assert doc._.actors["Lucia Ferraro"].country == ""


def test_person_index_nearest_full_name_wins_for_a_shared_surname(people_nlp):
    words = ["Tom", "Berg", "spoke", ".", "Ann", "Berg", "replied", ".", "Berg", "left", "."]
    heads = [1, 2, 2, 2, 5, 6, 6, 6, 9, 9, 9]
    deps = ["compound", "nsubj", "ROOT", "punct", "compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"]
    doc = run(people_nlp, build(people_nlp, words, heads, deps,
                                ents=[(0, 2, "PERSON"), (4, 6, "PERSON"), (8, 9, "PERSON")]))
    assert doc.spans["people"][-1].kb_id_ == "Ann Berg"


def test_person_index_keys_a_person_without_a_gulf_honorific_before_the_full_name(people_nlp):
    # "Foreign Minister Sheikh Faris bin Hamad Al Kamil spoke . Sheikh Faris left ." -- the model took
    # "Sheikh" into both names: a style like "Mr", the full name without it, the short one joined to it
    words = ["Foreign", "Minister", "Sheikh", "Faris", "bin", "Hamad", "Al", "Kamil", "spoke", ".",
             "Sheikh", "Faris", "left", "."]
    heads = [1, 7, 7, 7, 7, 7, 7, 8, 8, 8, 11, 12, 12, 12]
    deps = ["compound", "compound", "compound", "compound", "compound", "compound", "compound", "nsubj", "ROOT",
            "punct", "compound", "nsubj", "ROOT", "punct"]
    doc = run(people_nlp, build(people_nlp, words, heads, deps, ents=[(2, 8, "PERSON"), (10, 12, "PERSON")]))
    assert [(a.name, a.role, a.mentions) for a in doc._.actors.values()] == [
        ("Faris bin Hamad Al Kamil", "Foreign Minister", 2)]
    assert [m.kb_id_ for m in doc.spans["people"]] == ["Faris bin Hamad Al Kamil"] * 2


@pytest.mark.parametrize("words, heads, deps, ents", [
    # "U.K. Foreign Minister Sir Tom Reed spoke ." -- the model left the honorific out of the name
    (["U.K.", "Foreign", "Minister", "Sir", "Tom", "Reed", "spoke", "."], [2, 2, 5, 5, 5, 6, 6, 6],
     ["compound", "compound", "compound", "compound", "compound", "nsubj", "ROOT", "punct"], [(0, 1, "GPE"), (4, 6, "PERSON")]),
    # "the U.K. foreign minister , Mr . Tom Reed , spoke ." -- after a comma, the honorific split from its full stop
    (["the", "U.K.", "foreign", "minister", ",", "Mr", ".", "Tom", "Reed", ",", "spoke", "."],
     [3, 3, 3, 10, 3, 8, 5, 8, 3, 3, 10, 10],
     ["det", "compound", "compound", "nsubj", "punct", "compound", "punct", "compound", "appos", "punct", "ROOT", "punct"],
     [(1, 2, "GPE"), (7, 9, "PERSON")]),
])
def test_person_index_reads_a_title_across_an_honorific_left_out_of_the_name(people_nlp, words, heads, deps, ents):
    doc = run(people_nlp, build(people_nlp, words, heads, deps, ents=ents))
    assert [(a.name, a.role.lower(), a.country) for a in doc._.actors.values()] == [("Tom Reed", "foreign minister", "GBR")]


@pytest.fixture()
def speaker_nlp(people_nlp):
    people_nlp.add_pipe("speaker_attribution")
    return people_nlp


def test_speaker_attribution_gives_she_to_the_nearest_woman(speaker_nlp):
    # "Tom Berg met Anna Lindqvist . She said talks must start ." -- the subject is a man: skipped
    words = ["Tom", "Berg", "met", "Anna", "Lindqvist", ".", "She", "said", "talks", "must", "start", "."]
    heads = [1, 2, 2, 4, 2, 2, 7, 7, 10, 10, 7, 7]
    deps = ["compound", "nsubj", "ROOT", "compound", "dobj", "punct", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "NOUN", "AUX", "VERB", "PUNCT"]
    sent_starts = [True] + [False] * 5 + [True] + [False] * 5
    doc = Doc(speaker_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=sent_starts)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 5, "PERSON")]
    doc = run(speaker_nlp, doc)
    [act] = doc._.speech
    assert act.speakers == ["Anna Lindqvist"] and act.pronoun and act.region.text == "talks must start ."



def test_quotes_and_turns_read_the_text_given_as_doc_text(speaker_nlp):
    """speech_acts joins the Doc's text once and hands it to both finders."""
    from analysis.speakers import find_quotes, find_turns

    doc = speaker_nlp.make_doc('Anna Berg: We will not wait.\nTom Reed said “talks must start now”.')
    for token in doc:
        token.is_sent_start = token.i == 0 or doc[token.i - 1].text == "\n"
    doc.ents = [Span(doc, 0, 2, "PERSON")]
    doc = run(speaker_nlp, doc)
    assert [s.text for s in find_quotes(doc, doc.text)] == [s.text for s in find_quotes(doc)] == ["“talks must start now”"]
    assert [(name, s.text) for name, s in find_turns(doc, doc.text)] == [("Anna Berg", "We will not wait.")]
    assert find_turns(doc, doc.text) == find_turns(doc)

def test_speaker_attribution_gives_a_colon_quote_to_the_clause_before_it(speaker_nlp):
    # 'Tom Berg confirmed it in a post : “ Talks start now . No more delay ! ” Anna Lindqvist said .'
    # -- the quote is Tom Berg's, not the next person's who speaks after it
    words = ["Tom", "Berg", "confirmed", "it", "in", "a", "post", ":", "“", "Talks", "start", "now", ".", "No",
             "more", "delay", "!", "”", "Anna", "Lindqvist", "said", "."]
    heads = [1, 2, 2, 2, 2, 6, 4, 2, 10, 10, 10, 10, 10, 15, 15, 20, 15, 15, 19, 20, 20, 20]
    deps = ["compound", "nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct", "punct", "nsubj", "ROOT", "advmod",
            "punct", "det", "amod", "ccomp", "punct", "punct", "compound", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PRON", "ADP", "DET", "NOUN", "PUNCT", "PUNCT", "NOUN", "VERB", "ADV", "PUNCT",
           "DET", "ADJ", "NOUN", "PUNCT", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"]
    sent_starts = [True] + [False] * 8 + [True] + [False] * 3 + [True] + [False] * 8
    doc = Doc(speaker_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=sent_starts)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 18, 20, "PERSON")]
    doc = run(speaker_nlp, doc)
    direct = [a for a in doc._.speech if a.kind == "direct"]
    assert [a.speakers for a in direct] == [["Tom Berg"]]
    assert " ".join(direct[0].quote.split()) == "Talks start now . No more delay !"


def test_speaker_attribution_gives_a_split_list_of_titled_names_to_each_of_them(speaker_nlp):
    # "Amid tensions , President Anna Berg and Commission President Tom Reed agreed talks must start ."
    # -- the parser hangs the first name on the fronted preposition and the title words on each
    # other: both people in the list speak
    words = ["Amid", "tensions", ",", "President", "Anna", "Berg", "and", "Commission", "President", "Tom", "Reed",
             "agreed", "talks", "must", "start", "."]
    heads = [11, 0, 0, 5, 5, 0, 5, 8, 10, 10, 11, 11, 14, 14, 11, 11]
    deps = ["prep", "pobj", "punct", "compound", "compound", "pobj", "cc", "compound", "compound", "compound", "nsubj",
            "ROOT", "nsubj", "aux", "ccomp", "punct"]
    pos = ["ADP", "NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB",
           "NOUN", "AUX", "VERB", "PUNCT"]
    doc = Doc(speaker_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 4, 6, "PERSON"), Span(doc, 9, 11, "PERSON")]
    doc = run(speaker_nlp, doc)
    [act] = doc._.speech
    assert sorted(act.speakers) == ["Anna Berg", "Tom Reed"]


def test_speaker_attribution_reads_a_list_of_titled_names_parsed_as_two_subjects(speaker_nlp):
    # "President Anna Berg , Latvian President Karl Weber and Estonian Emir Tom Reed said talks must start ."
    # -- two subjects on the verb, the middle name a modifier of the last: the three speak; a name
    # before a fronted phrase's comma is no member ("After talks with Karl Weber , Tom Reed said ...")
    words = ["President", "Anna", "Berg", ",", "Latvian", "President", "Karl", "Weber", "and", "Estonian", "Emir", "Tom",
             "Reed", "said", "talks", "must", "start", "."]
    heads = [2, 2, 13, 2, 5, 12, 7, 12, 7, 10, 12, 12, 13, 13, 16, 16, 13, 13]
    deps = ["compound", "compound", "nsubj", "punct", "amod", "compound", "compound", "amod", "cc", "amod", "compound",
            "compound", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "ADJ", "PROPN", "PROPN", "PROPN", "CCONJ", "ADJ", "PROPN", "PROPN",
           "PROPN", "VERB", "NOUN", "AUX", "VERB", "PUNCT"]
    doc = Doc(speaker_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 1, 3, "PERSON"), Span(doc, 6, 8, "PERSON"), Span(doc, 11, 13, "PERSON")]
    doc = run(speaker_nlp, doc)
    [act] = doc._.speech
    assert sorted(act.speakers) == ["Anna Berg", "Karl Weber", "Tom Reed"]

    words = ["After", "talks", "with", "Anna", "Berg", "and", "Karl", "Weber", ",", "Tom", "Reed", "said", "talks",
             "must", "start", "."]
    heads = [11, 0, 1, 4, 2, 4, 7, 4, 11, 10, 11, 11, 14, 14, 11, 11]
    deps = ["prep", "pobj", "prep", "compound", "pobj", "cc", "compound", "conj", "punct", "compound", "nsubj", "ROOT",
            "nsubj", "aux", "ccomp", "punct"]
    pos = ["ADP", "NOUN", "ADP", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "NOUN",
           "AUX", "VERB", "PUNCT"]
    doc = Doc(speaker_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 3, 5, "PERSON"), Span(doc, 6, 8, "PERSON"), Span(doc, 9, 11, "PERSON")]
    doc = run(speaker_nlp, doc)
    [act] = doc._.speech
    assert act.speakers == ["Tom Reed"]


def test_speaker_attribution_gives_a_clause_hung_outside_the_first_speech_to_its_own_speaker(speaker_nlp):
    # "The row began when Anna Berg urged talks , to which Tom Reed responded with a warning ."
    # -- the parser hangs the relative clause on "began", outside what Anna Berg urged: what
    # follows "responded" is Tom Reed's, and no longer Anna Berg's
    words = ["The", "row", "began", "when", "Anna", "Berg", "urged", "talks", ",", "to", "which", "Tom", "Reed",
             "responded", "with", "a", "warning", "."]
    heads = [1, 2, 2, 6, 5, 6, 2, 6, 2, 13, 9, 12, 13, 2, 13, 16, 14, 2]
    deps = ["det", "nsubj", "ROOT", "advmod", "compound", "nsubj", "advcl", "dobj", "punct", "prep", "pobj",
            "compound", "nsubj", "relcl", "prep", "det", "pobj", "punct"]
    pos = ["DET", "NOUN", "VERB", "SCONJ", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT", "ADP", "PRON", "PROPN", "PROPN",
           "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    doc = Doc(speaker_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 4, 6, "PERSON"), Span(doc, 11, 13, "PERSON")]
    doc = run(speaker_nlp, doc)
    assert [(a.speakers, a.region.text) for a in doc._.speech] == [(["Anna Berg"], "talks"),
                                                                  (["Tom Reed"], "with a warning")]


@pytest.mark.parametrize("text, expected", [
    # "X and other Y": the rest of a class, named by no one, is no speaker beside X
    ("Norway and other Nordic states said talks must start.", [["Norway"]]),
    ("Norway and other EU members said talks must start.", [["Norway"]]),
    # each member of a list named speaks
    ("Norway and Denmark said talks must start.", [["Norway", "Denmark"]]),
])
def test_speaker_attribution_leaves_out_the_other_members_of_a_class(nlp, text, expected):
    doc = nlp(text)
    assert [a.speakers for a in doc._.speech] == expected


def test_issue_cues_mark_catalog_cues_with_their_polarity():
    nlp = spacy.blank("en")
    nlp.add_pipe("issue_cues")
    doc = nlp("They want a ceasefire and reject territorial concessions.")
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["issue_cues"]] == [
        ("ceasefire", "ceasefire", "support"), ("territorial concessions", "territorial_integrity", "oppose")]


@pytest.fixture()
def stance_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("issue_cues")
    nlp.add_pipe("stance")
    return nlp


def _with_speech(nlp, words, heads, deps, pos, region, lead=None, kind="indirect"):
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc._.actors, doc._.person_at = {}, {}
    doc._.speech = [Speech(["X"], kind, doc[region[0]:region[1]], doc[lead:lead + 1] if lead is not None else None,
                           "", False, doc[:])]
    return run(nlp, doc)


# (words, heads, deps, pos, speech region, speech verb), each a turned cue -> nato_membership oppose
TURNED_CUES = {
    "the predicate governing the cue": (  # "X said hopes of joining NATO were unrealistic"
        ["X", "said", "hopes", "of", "joining", "NATO", "were", "unrealistic"], [1, 1, 6, 2, 3, 4, 1, 6],
        ["nsubj", "ROOT", "nsubj", "prep", "pcomp", "dobj", "ccomp", "acomp"],
        ["PROPN", "VERB", "NOUN", "ADP", "VERB", "PROPN", "AUX", "ADJ"], (2, 8), 1),
    "a negated belief": (  # "X does not believe NATO membership is realistic"
        ["X", "does", "not", "believe", "NATO", "membership", "is", "realistic"], [3, 3, 3, 3, 5, 6, 3, 6],
        ["nsubj", "aux", "neg", "ROOT", "compound", "nsubj", "ccomp", "acomp"],
        ["PROPN", "AUX", "PART", "VERB", "PROPN", "NOUN", "AUX", "ADJ"], (4, 8), 3),
}


@pytest.mark.parametrize("parse", TURNED_CUES.values(), ids=TURNED_CUES.keys())
def test_stance_turns_the_cue(stance_nlp, parse):
    words, heads, deps, pos, region, lead = parse
    doc = _with_speech(stance_nlp, words, heads, deps, pos, region, lead=lead)
    assert [(c.issue, c.stance) for _, c in doc._.claims] == [("nato_membership", "oppose")]
    assert [(s.label_, s.kb_id_) for s in doc.spans["claims"]] == [("nato_membership", "oppose")]


def test_stance_leaves_a_third_party_claim_inside_a_quote_to_them(stance_nlp):
    # quote: "they tell us sanctions will end" -- reported of others, not the speaker's claim
    words = ["they", "tell", "us", "sanctions", "will", "end"]
    heads = [1, 1, 1, 5, 5, 1]
    deps = ["nsubj", "ROOT", "dobj", "nsubj", "aux", "ccomp"]
    pos = ["PRON", "VERB", "PRON", "NOUN", "AUX", "VERB"]
    doc = _with_speech(stance_nlp, words, heads, deps, pos, (0, 6), kind="direct")
    assert doc._.claims == []


def test_reaction_matcher_finds_the_target_and_takes_over_its_stance():
    nlp = spacy.blank("en")
    nlp.add_pipe("reaction_matcher")
    doc = nlp("Ann Berg called for a ceasefire. Tom Lind rejected that idea.")
    from analysis.people import ActorInfo
    from analysis.stance import Claim

    doc._.actors = {"Ann Berg": ActorInfo("Ann Berg", "person"), "Tom Lind": ActorInfo("Tom Lind", "person")}
    doc._.person_at = {0: "Ann Berg", 1: "Ann Berg", 7: "Tom Lind", 8: "Tom Lind"}
    first, second = list(doc.sents) if doc.has_annotation("SENT_START") else (doc[0:7], doc[7:])
    proposal = Speech(["Ann Berg"], "indirect", doc[3:6], doc[2:3], "", False, first)
    answer = Speech(["Tom Lind"], "reported", doc[9:12], doc[8:9], "", False, second)
    doc._.speech = [proposal, answer]
    doc._.claims = [(proposal, Claim("ceasefire", "support", 0, 0, "ceasefire", False, False, False))]
    doc = nlp.get_pipe("reaction_matcher")(doc)
    assert [(s, t, r) for s, t, r, _ in doc._.reactions] == [("Tom Lind", "Ann Berg", "disagrees")]
    assert [(s, i, st) for s, i, st, _ in doc._.inherited] == [("Tom Lind", "ceasefire", "oppose")]


# ------------------------------------------------------------ issue cues: plain-word phrases and token patterns

TRADE_CATALOG = r"""
[[issue]]
id = "tariffs"
label = "Tariffs"
support = ['\btariff wall\b', '\bimposed tariffs on steel\b']
support_phrases = ["impose tariffs", "retaliatory duty"]
oppose_phrases = ["lift * tariff"]
support_tokens = [[{LEMMA = "raise"}, {LOWER = "the", OP = "?"}, {LEMMA = "levy"}]]

[[issue]]
id = "hostages"
label = "Hostages"
weak_phrases = ["release of the hostages"]
oppose_tokens = [[{LOWER = "hostage"}, {LOWER = "taking"}]]
"""


def cues(doc):
    return [(s.text, s.label_, s.kb_id_, s.id_) for s in doc.spans["issue_cues"]]


@pytest.fixture()
def trade_catalog(tmp_path):
    path = tmp_path / "trade.toml"
    path.write_text(TRADE_CATALOG, encoding="utf-8")
    return path


@pytest.fixture()
def blank_cues(trade_catalog):
    nlp = spacy.blank("en")
    nlp.add_pipe("issue_cues", config={"catalog": str(trade_catalog)})
    return nlp


# A blank pipeline has no lemmatizer: a phrase word's "lemma" is its lower-cased text, so phrases
# match their own words in any case. Polarity and weak come from the key; the longest cue wins
# across regex, phrase and token cues.
@pytest.mark.parametrize("text, expected", [
    ("Anna Berg wants to IMPOSE Tariffs now.", [("IMPOSE Tariffs", "tariffs", "support", "")]),
    ("Anna Berg imposed tariffs on steel.", [("imposed tariffs on steel", "tariffs", "support", "")]),  # regex longer
    ("They will impose tariffs behind a tariff wall.", [("impose tariffs", "tariffs", "support", ""),
                                                        ("tariff wall", "tariffs", "support", "")]),
    ("They will lift the tariff.", [("lift the tariff", "tariffs", "oppose", "")]),
    ("They will lift tariff rules.", []),  # '*' is exactly one word
    ("They raise the levy and the levy.", [("raise the levy", "tariffs", "support", "")]),
    ("They raise levy rates.", [("raise levy", "tariffs", "support", "")]),
    ("A release of the hostages, not hostage taking.", [("release of the hostages", "hostages", "support", "weak"),
                                                        ("hostage taking", "hostages", "oppose", "")]),
    ("They released the hostages and imposed duties.", []),
])
def test_issue_cues_match_phrases_and_token_patterns_with_their_polarity(blank_cues, text, expected):
    assert cues(blank_cues(text)) == expected


def test_issue_cues_keep_the_longest_of_overlapping_regex_phrase_and_token_cues(tmp_path):
    path = tmp_path / "overlap.toml"
    path.write_text(r"""
[[issue]]
id = "short_regex"
support = ['\btariffs\b']

[[issue]]
id = "phrase"
oppose_phrases = ["impose tariffs"]

[[issue]]
id = "tokens"
weak_tokens = [[{LOWER = "impose"}, {LOWER = "tariffs"}, {LOWER = "on"}, {IS_ALPHA = true}]]
""", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("issue_cues", config={"catalog": str(path)})
    assert cues(nlp("They impose tariffs. Tariffs hurt. They impose tariffs on steel.")) == [
        ("impose tariffs", "phrase", "oppose", ""), ("Tariffs", "short_regex", "support", ""),
        ("impose tariffs on steel", "tokens", "support", "weak")]


def test_use_issues_swaps_the_catalog_of_a_loaded_pipeline(blank_cues, trade_catalog):
    from analysis.catalog import load_catalog, load_catalog_text

    text = "They want a ceasefire and will impose tariffs."
    component = blank_cues.get_pipe("issue_cues")
    assert cues(blank_cues(text)) == [("impose tariffs", "tariffs", "support", "")]
    component.use_issues(load_catalog())  # the shipped catalog: regex cues only
    assert cues(blank_cues(text)) == [("ceasefire", "ceasefire", "support", "")]
    component.use_issues(load_catalog_text('[[issue]]\nid = "truce"\noppose_phrases = ["a ceasefire"]\n').issues)
    assert cues(blank_cues(text)) == [("a ceasefire", "truce", "oppose", "")]
    assert [i.id for i in component.issues] == ["truce"]
    component.use_issues(load_catalog(trade_catalog))
    assert cues(blank_cues(text)) == [("impose tariffs", "tariffs", "support", "")]


def test_issue_cues_save_and_load_the_issues_in_use(blank_cues, tmp_path):
    from analysis.catalog import load_catalog_text

    blank_cues.get_pipe("issue_cues").use_issues(
        load_catalog_text('[[issue]]\nid = "truce"\nweak_tokens = [[{LOWER = "truce"}]]\n').issues)
    blank_cues.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    assert cues(loaded("A truce, said Anna Berg.")) == [("truce", "truce", "support", "weak")]


def test_phrase_pattern_without_a_lemmatizer_is_the_lower_cased_words():
    from analysis.cues import phrase_pattern
    from analysis.errors import CatalogError

    nlp = spacy.blank("en")
    assert phrase_pattern("Release of the  *  Hostages", nlp) == [
        {"LEMMA": "release"}, {"LEMMA": "of"}, {"LEMMA": "the"}, {}, {"LEMMA": "hostages"}]
    with pytest.raises(CatalogError, match="has only"):
        phrase_pattern("*", nlp)


# With the trained model (the session pipeline): each phrase word matches any inflection of it.
@pytest.fixture()
def model_trade(nlp, trade_catalog):
    from analysis.catalog import load_catalog

    component = nlp.get_pipe("issue_cues")
    shipped = component.issues
    component.use_issues(load_catalog(trade_catalog))
    try:
        yield nlp
    finally:
        component.use_issues(shipped)


@pytest.mark.parametrize("text, expected", [
    ("The ministry imposed tariffs on cars.", [("imposed tariffs", "tariffs", "support", "")]),
    ("Imposing tariffs would hurt farmers.", [("Imposing tariffs", "tariffs", "support", "")]),
    ("The council imposes tariff rules.", [("imposes tariff", "tariffs", "support", "")]),
    ("They announced retaliatory duties.", [("retaliatory duties", "tariffs", "support", "")]),
    ("The council lifted the tariffs.", [("lifted the tariffs", "tariffs", "oppose", "")]),
    ("They raised levies.", [("raised levies", "tariffs", "support", "")]),
    ("The releases of the hostages took weeks.", [("releases of the hostages", "hostages", "support", "weak")]),
    ("The ministry imposed a tariff.", []),  # a word between the phrase's words
    ("Tariffs were imposed.", []),  # another order
    ("The council lifted tariffs.", []),  # '*' needs one word
    ("They released the hostages and imposed taxes.", []),
    ("The imposing building hosted tariff talks.", []),
])
def test_phrase_cues_match_inflected_forms_with_the_trained_model(model_trade, text, expected):
    assert cues(model_trade(text)) == expected


def test_stance_reads_phrase_cues_like_regex_cues(model_trade):
    doc = model_trade("Anna Berg said the government must impose tariffs on cars. "
                      "Tom Lind ruled out imposing tariffs on cars.")
    assert [(act.speakers, c.issue, c.stance) for act, c in doc._.claims] == [
        (["Anna Berg"], "tariffs", "support"), (["Tom Lind"], "tariffs", "oppose")]


def test_phrase_pattern_shows_the_lemmas_of_the_trained_model(nlp):
    from analysis.cues import phrase_pattern

    assert phrase_pattern("imposed tariffs", nlp) == [{"LEMMA": {"IN": ["impose", "imposed"]}},
                                                      {"LEMMA": {"IN": ["tariff", "tariffs"]}}]
    assert phrase_pattern("release of the * hostages", nlp) == [
        {"LEMMA": "release"}, {"LEMMA": "of"}, {"LEMMA": "the"}, {}, {"LEMMA": {"IN": ["hostage", "hostages"]}}]
    # a word's lemma depends on its use: the phrase's word itself is kept too
    assert phrase_pattern("pause in * fighting", nlp)[-1] == {"LEMMA": {"IN": ["fight", "fighting"]}}
    assert nlp("Imposing tariffs hurts.")[0].lemma_ == ""  # the shipped catalog needs no lemmas: none are set


@pytest.mark.parametrize("text, bodies, expected", [
    # a title that heads an international body, with no country of its own: the one body its sentence names
    ("He asked every UN member state to back Secretary-General Anna Berg .", ["UN"], "UN"),
    ("At the close , Director-General Anna Berg called the WTO a pillar of strength .", ["WTO"], "WTO"),
    # a ministry's own director-general, or two bodies named: no country
    ("They sent Foreign Ministry Director-General Anna Berg to the EU meeting .", ["EU"], ""),
    ("Secretary-General Anna Berg met NATO and EU envoys .", ["NATO", "EU"], ""),
    ("Movement Secretary-General Anna Berg attacked the UN force .", ["UN"], ""),
])
def test_person_index_a_body_s_own_title_takes_the_one_body_its_sentence_names(text, bodies, expected):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("role_ruler", config={"titles": ["secretary-general", "director-general"], "spanning": []})
    nlp.add_pipe("person_index")
    doc = nlp.make_doc(text)
    words = [t.text for t in doc]
    ents = [Span(doc, words.index("Anna"), words.index("Anna") + 2, "PERSON")]
    ents += [Span(doc, words.index(b), words.index(b) + 1, "ORG") for b in bodies]
    doc.ents = sorted(ents, key=lambda e: e.start)
    assert run(nlp, doc)._.actors["Anna Berg"].country == expected
