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
