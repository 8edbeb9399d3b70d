"""The "Why?" view: the spans behind a Position, and that they reach the page escaped."""

from pathlib import Path

from analysis.explain import why_rows, why_spans

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_6f88fa4361e87f91.txt"


def test_why_shows_speaker_cue_and_claim_of_the_sentence(nlp):
    text = SEED.read_text(encoding="utf-8")
    doc = nlp(text)
    start = text.index("He informed allies")
    end = text.index("unattainable.", start) + len("unattainable.")
    data = why_spans(doc, start, end)
    labels = {s["label"] for s in data["spans"]}
    assert data["text"].startswith("He informed allies") and data["text"].endswith("unattainable.")
    assert "speech (indirect): Pete Hegseth" in labels
    assert "cue: territorial_integrity (support)" in labels  # the cue says support ...
    assert "claim: territorial_integrity = oppose" in labels  # ... the predicate turns it
    assert "person: Volodymyr Zelenskyy" in labels
    for span in data["spans"]:
        assert 0 <= span["start_token"] < span["end_token"] <= len(data["tokens"])
    claim = [r for r in why_rows(data) if r["what"] == "claim"]
    assert {"what": "claim", "reading": "territorial_integrity = oppose", "words": "pre-2014 borders"} in claim
    assert all(row["reading"] == "territorial_integrity = oppose" for row in claim)


def test_why_html_escapes_labels_and_text(monkeypatch):
    from ui import data as ui_data

    fake = {"text": "<b>x</b> said", "tokens": ["<b>x</b>", "said"],
            "spans": [{"start_token": 0, "end_token": 1, "label": "person: <img src=x>"}]}
    monkeypatch.setattr("analysis.explain.why_spans", lambda doc, s, e: fake)
    monkeypatch.setattr(ui_data, "pipeline", lambda: (lambda text: None))
    html, rows = ui_data.why.__wrapped__("a1", "irrelevant", 0, 5)
    assert rows == [{"what": "person", "reading": "<img src=x>", "words": "<b>x</b>"}]  # a table cell: text
    assert "<img" not in html and "&lt;img src=x&gt;" in html
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
