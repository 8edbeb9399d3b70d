"""The chart pages in AppTest: what an analyst reads around the charts (score basis, undated
articles, plain entity labels, a neutral confidence bar) and the export size choice."""

import json
import shutil
from pathlib import Path

import pytest
import spacy
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest, app_test

from ui import data

ROOT = Path(__file__).resolve().parent.parent
UNDATED = ("Title: Berlin keeps the pressure on\n\nGerman Chancellor Max Weber said Germany would keep sanctions on "
           "Russia in place until the war ends.\n")


class _NavigationPagesManager(PagesManager):
    """As in test_app.py: keep the navigation mode that st.navigation sets (AppTest resets it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture()
def app(monkeypatch, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in (ROOT / "seeds").iterdir():
        shutil.copy(seed, corpus / seed.name)
    (corpus / "berlin-undated.txt").write_text(UNDATED, encoding="utf-8")
    monkeypatch.setattr(app_test, "PagesManager", _NavigationPagesManager)
    monkeypatch.setenv("DASHBOARD_CORPUS", str(corpus))
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "app.db"))
    monkeypatch.chdir(ROOT)
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)


def plotly_config(app, index=0) -> dict:
    charts = [e for e in app.main if getattr(e, "type", "") == "plotly_chart"]
    return json.loads(charts[index].proto.config)


def test_timeline_counts_undated_articles(app):
    app.run()
    app.switch_page("pages/timeline.py").run()
    assert not app.exception
    notes = [i.value for i in app.info]
    # the seed article carries no date line, and the test adds one undated article
    assert any(n.startswith("2 article(s) with") and "have no valid date" in n for n in notes), notes
    undated, positions = app.dataframe[0].value, app.dataframe[1].value  # read-only tables carry no key here
    assert "Berlin keeps the pressure on" in undated["title"].tolist() and len(undated) == 2
    assert "undated" in set(positions["date"])  # the article's positions are still listed


def test_map_scores_say_what_they_rest_on(app):
    app.run()
    app.switch_page("pages/map.py").run()
    scores = app.dataframe[0].value
    assert {"shared issues", "positions"} <= set(scores.columns)
    scored = scores["score"].notna()
    assert scored.any() and (scores.loc[scored, "shared issues"] >= 1).all()
    assert (scores.loc[~scored, "shared issues"] == 0).all()  # no score: nothing in common with the reference
    assert (scores["positions"] >= scores["shared issues"]).all()


def test_png_size_choice_sets_both_downloads(app):
    app.run()
    assert plotly_config(app)["toImageButtonOptions"]["width"] == 1600
    app.selectbox(key="ov_map_size").set_value("1000 × 1000 (square)").run()
    assert not app.exception
    options = plotly_config(app)["toImageButtonOptions"]
    assert (options["width"], options["height"]) == (1000, 1000)
    assert options["filename"].startswith("alignment-map-europe") and "size-1000x1000" in options["filename"]


def test_confidence_is_drawn_in_a_neutral_colour(app):
    app.run()
    app.switch_page("pages/positions.py").run()
    config = json.loads(app.dataframe(key="pos_table").proto.columns)
    assert config["confidence"]["type_config"]["color"] == "#8a8a8a"


def test_entity_view_uses_plain_labels():
    nlp = spacy.blank("en")
    doc = nlp("German officials in Berlin met NATO staff and Ann Lee near the Alps.")
    doc.ents = [spacy.tokens.Span(doc, 0, 1, "NORP"), spacy.tokens.Span(doc, 3, 4, "GPE"),
                spacy.tokens.Span(doc, 5, 6, "ORG"), spacy.tokens.Span(doc, 8, 10, "PERSON"),
                spacy.tokens.Span(doc, 12, 13, "LOC")]
    from spacy import displacy

    html = displacy.render(data.plain_entities(doc), style="ent", manual=True, page=False,
                           options={"colors": data.ENTITY_COLOURS})
    for label in ("nationality/group", "country/city", "organisation", "person", "place"):
        assert f">{label}</span>" in html
    for jargon in ("NORP", "GPE", "ORG", "LOC"):
        assert jargon not in html


def test_articles_page_shows_plain_entity_labels(app):
    app.run()
    app.switch_page("pages/articles.py").run()
    assert not app.exception
    html = " ".join(e.proto.body for e in app.main if getattr(e, "type", "") == "html")
    assert "country/city" in html and "GPE" not in html and "NORP" not in html
