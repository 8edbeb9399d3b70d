"""Readers: from a Doc that went through the pipeline to Actor, Position and Reaction records.

The pipeline (analysis.pipeline) does the work, one component per step, each writing spans and
extension attributes: ``person_index`` (doc._.actors), ``speaker_attribution`` (doc._.speech),
``issue_cues`` + ``stance`` (doc._.claims), ``reaction_matcher`` (doc._.reactions,
doc._.inherited). The functions here only turn those into records; they decide nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.records import Actor, Position, Reaction

BASE_CONFIDENCE = {"direct": 0.9, "indirect": 0.8, "reported": 0.65}
INHERITED_CONFIDENCE = 0.45  # a stance taken over from the statement the actor reacted to


def confidence(kind: str, weak: bool, flipped: bool, confirmed: bool, pronoun: bool, stance: str) -> float:
    """How sure a Position is: direct quotes most, weak cues, turned cues and pronoun speakers less."""
    value = BASE_CONFIDENCE[kind]
    if weak:
        value *= 0.6
    if flipped:
        value *= 0.9
    if pronoun:
        value *= 0.9
    if stance == "neutral":
        value *= 0.7
    if confirmed:
        value = min(0.95, value + 0.05)
    return round(value, 2)


def positions(doc: Doc, article_id: str) -> list[Position]:
    """One Position per (actor, issue, stance, sentence), the most confident reading kept."""
    found: dict[tuple, Position] = {}

    def add(name, issue, stance, kind, conf, quote, sent):
        actor = doc._.actors[name]
        key = (name, issue, stance, sent.start_char)
        if key in found and found[key].confidence >= conf:
            return
        found[key] = Position(article_id, name, actor.actor_type, actor.country, actor.role, issue, stance,
                              sent.text.strip(), sent.start_char, sent.end_char, quote, kind, conf)

    for act, claim in doc._.claims:
        conf = confidence(act.kind, claim.weak, claim.flipped, claim.confirmed, act.pronoun, claim.stance)
        for name in act.speakers:
            add(name, claim.issue, claim.stance, act.kind, conf, act.quote, act.sentence)
    for name, issue, stance, sent in doc._.inherited:
        add(name, issue, stance, "reported", INHERITED_CONFIDENCE, "", sent)
    return list(found.values())


def reactions(doc: Doc, article_id: str) -> list[Reaction]:
    actors = doc._.actors
    return [Reaction(article_id, source, actors[source].country, target, actors[target].country, relation,
                     sent.text.strip(), sent.start_char, sent.end_char)
            for source, target, relation, sent in doc._.reactions]


def actors(doc: Doc, article_id: str) -> list[Actor]:
    """Every named person, and the governments, bodies and groups that speak or are answered
    (a group merely mentioned, "European leaders are expected to meet", is no actor)."""
    return [Actor(article_id, a.name, a.actor_type, a.country, a.role, max(a.mentions, 1), *a.evidence)
            for a in doc._.actors.values()]


def extract_doc(doc: Doc, article_id: str):
    """Actors, Positions and Reactions of one article the pipeline has run over."""
    return actors(doc, article_id), positions(doc, article_id), reactions(doc, article_id)

