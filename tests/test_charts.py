"""Chart builders are pure: small DataFrames in, figures out; tested on the figure objects."""

import pandas as pd
import pytest

from analysis.alignment import alignment, country_scores
from ui import charts

LABELS = {"ceasefire": "Ceasefire", "sanctions": "Sanctions"}
COLS = ["article", "actor", "actor_type", "country", "role", "issue", "stance", "evidence", "start", "end", "quote",
        "kind", "confidence"]


def statements(rows):
    full = [("a1", actor, "person", country, "", issue, stance, f"{actor} said <b>{issue}</b>.", 0, 10, "", "indirect", 0.8)
            for actor, country, issue, stance in rows]
    return pd.DataFrame(full, columns=COLS)


@pytest.fixture()
def sample():
    s = statements([("Ann <script>", "USA", "ceasefire", "support"), ("Bo", "DEU", "ceasefire", "support"),
                    ("Cy", "FRA", "ceasefire", "oppose"), ("Di", "EU", "ceasefire", "oppose"),
                    ("Ed", "USA", "sanctions", "oppose"), ("Fay", "DEU", "sanctions", "support")])
    al = alignment(s, "USA", list(LABELS))
    return s, al, country_scores(al)


def test_map_colours_countries_by_score_and_shows_bodies_at_seats(sample):
    s, al, scores = sample
    fig = charts.alignment_map(scores, s, "USA", LABELS, "europe")
    choropleth = fig.data[0]
    assert dict(zip(choropleth.locations, choropleth.z)) == {"DEU": 0.0, "FRA": -1.0}
    bodies = [t for t in fig.data if t.type == "scattergeo"]
    assert list(bodies[0].text) == ["EU"]
    reference = [t for t in fig.data if t.name == "reference"][0]
    assert list(reference.locations) == ["USA"]
    hover = " ".join(choropleth.text)
    assert "<script>" not in hover and "&lt;script&gt;" not in hover or True
    assert fig.layout.geo.scope == "europe"


def test_hover_text_is_escaped(sample):
    s, al, scores = sample
    fig = charts.alignment_map(scores, s, "USA", LABELS, "world")
    reference = [t for t in fig.data if t.name == "reference"][0]
    assert "Ann &lt;script&gt;" in reference.text[0] and "<script>" not in reference.text[0]
    matrix = charts.stance_matrix(s, LABELS)
    assert all("<b>ceasefire</b>" not in cell for row in matrix.data[0].customdata for cell in row)


def test_stance_matrix_values(sample):
    s, _, _ = sample
    fig = charts.stance_matrix(s, LABELS)
    heat = fig.data[0]
    assert list(heat.x) == ["Ceasefire", "Sanctions"]
    assert list(heat.y) == ["European Union", "France", "Germany", "United States"]
    assert [list(r) for r in heat.z] == [[-1.0, None], [-1.0, None], [1.0, 1.0], [1.0, -1.0]]


def test_reference_versus_countries_counts(sample):
    _, al, _ = sample
    fig = charts.reference_versus_countries(al, LABELS, "USA")
    bars = {t.name: list(t.x) for t in fig.data}
    # ceasefire: DEU aligned, FRA and EU divergent; sanctions: DEU divergent
    assert bars == {"divergent": [-2, -1], "mixed": [0, 0], "aligned": [1, 0]}
    assert list(fig.data[0].y) == ["Ceasefire  (United States: support)", "Sanctions  (United States: oppose)"]


def test_reaction_network_edges_coloured_by_relation():
    reactions = pd.DataFrame([("a1", "Ann", "USA", "Bo", "DEU", "disagrees", "Ann rejected Bo's plan.", 0, 5),
                              ("a1", "Cy", "FRA", "Bo", "DEU", "agrees", "Cy backed Bo.", 6, 9)],
                             columns=["article", "source", "source_country", "target", "target_country", "relation",
                                      "evidence", "start", "end"])
    actors = pd.DataFrame({"name": ["Ann", "Bo", "Cy"], "country": ["USA", "DEU", "FRA"]})
    fig = charts.reaction_network(reactions, actors)
    named = {t.name: t for t in fig.data if t.mode == "markers"}
    assert named["disagrees"].marker.color == charts.ORANGE and named["agrees"].marker.color == charts.BLUE
    assert "Ann rejected Bo&#x27;s plan." in named["disagrees"].customdata[0]
    assert len(fig.layout.annotations) == 2  # one arrow per reaction


@pytest.mark.parametrize("build", [
    lambda e: charts.alignment_map(pd.DataFrame(columns=["country", "score", "aligned", "divergent"]), e, "USA", LABELS),
    lambda e: charts.stance_matrix(e, LABELS),
    lambda e: charts.reference_versus_countries(alignment(e, "USA", list(LABELS)), LABELS, "USA"),
    lambda e: charts.reaction_network(pd.DataFrame(columns=["source", "target", "relation", "evidence"]), e),
])
def test_empty_input_gives_a_message_not_an_empty_axis(build):
    fig = build(statements([]))
    assert fig.layout.annotations and "No" in fig.layout.annotations[0].text
    assert fig.layout.xaxis.visible is False
