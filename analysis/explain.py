"""Why a Position exists: the spans the pipeline wrote over its evidence sentence.

``why_spans(doc, start_char, end_char)`` returns displaCy's manual span format for the sentence
that covers [start_char, end_char): its tokens and, as labelled spans, the people named
(``person_index``), the speech regions and their speakers (``speaker_attribution``), the issue
cues (``issue_cues``) and the claims read from them (``stance``). Labels are plain text; the
caller escapes them before rendering (displaCy escapes tokens, not labels).
"""

from __future__ import annotations

from spacy.tokens import Doc


def why_spans(doc: Doc, start_char: int, end_char: int) -> dict:
    """displaCy manual data {"text", "tokens", "spans"} for the evidence sentence."""
    sent = doc.char_span(start_char, end_char, alignment_mode="expand")
    if sent is None or not len(sent):
        return {"text": "", "tokens": [], "spans": []}
    first, last = sent.start, sent.end
    spans = []

    def add(span, label):
        s, e = max(span.start, first), min(span.end, last)
        if s < e:
            spans.append({"start_token": s - first, "end_token": e - first, "label": label})

    for mention in doc.spans.get("people", []):
        add(mention, f"person: {mention.kb_id_}")
    for act in doc._.speech or []:
        add(act.region, f"speech ({act.kind}): {', '.join(act.speakers)}")
    for cue in doc.spans.get("issue_cues", []):
        add(cue, f"cue: {cue.label_} ({cue.kb_id_}{', weak' if cue.id_ == 'weak' else ''})")
    for claim in doc.spans.get("claims", []):
        add(claim, f"claim: {claim.label_} = {claim.kb_id_}")
    tokens = [t.text for t in doc[first:last]]
    return {"text": doc[first:last].text, "tokens": tokens, "spans": spans}


def why_rows(data: dict) -> list[dict]:
    """The same spans as plain rows (what, label, words) for a table beside the picture."""
    rows = []
    for span in data["spans"]:
        kind, _, label = span["label"].partition(": ")
        words = " ".join(data["tokens"][span["start_token"]:span["end_token"]])
        rows.append({"what": kind, "reading": label, "words": words})
    return rows
