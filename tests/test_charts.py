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
    fig = charts.alignment_map(charts.score_basis(scores, al, s), s, "USA", LABELS, "europe")
    solid, single = [t for t in fig.data if t.type == "choropleth"][:2]
    # DEU shares two issues with the reference, FRA one: FRA is drawn faded, in its own trace
    assert dict(zip(solid.locations, solid.z)) == {"DEU": 0.0} and solid.marker.opacity == 1.0
    assert dict(zip(single.locations, single.z)) == {"FRA": -1.0} and single.marker.opacity < 0.5
    bodies = [t for t in fig.data if t.type == "scattergeo" and t.name and t.name.startswith("diamond")]
    assert list(bodies[0].text) == ["1"]  # the EU's score rests on the ceasefire alone: marked like a country
    labels = [t for t in fig.data if t.name == "seat labels"][0]
    # the name stands left of the seat (over the sea), not over the neighbours' marks to its east
    assert list(labels.text) == ["EU"] and labels.textposition == "middle left"
    assert list(labels.lon) == list(bodies[0].lon) and list(labels.lat) == list(bodies[0].lat)
    reference = [t for t in fig.data if t.name == "reference"][0]
    assert list(reference.locations) == ["USA"]


def test_map_shows_the_wto_at_its_seat_like_the_eu():
    s = statements([("Ann", "USA", "sanctions", "support"), ("Gus", "WTO", "sanctions", "oppose")])
    al = alignment(s, "USA", list(LABELS))
    fig = charts.alignment_map(charts.score_basis(country_scores(al), al, s), s, "USA", LABELS, "europe")
    body = [t for t in fig.data if t.type == "scattergeo" and t.name and t.name.startswith("diamond")][0]
    assert (round(body.lat[0]), round(body.lon[0])) == (46, 6)  # Geneva
    assert "World Trade Organization" in body.customdata[0] and "seat: Geneva" in body.customdata[0]
    assert [t for t in fig.data if t.type == "choropleth" and "WTO" in list(t.locations)] == []


def test_score_rests_on_shared_issues_and_positions(sample):
    s, al, scores = sample
    basis = charts.score_basis(scores, al, s).set_index("country")
    assert basis.loc["DEU", ["issues", "positions"]].tolist() == [2, 2]
    assert basis.loc["FRA", ["issues", "positions"]].tolist() == [1, 1]
    fig = charts.alignment_map(basis.reset_index(), s, "USA", LABELS, "europe")
    hover = " ".join(" ".join(t.text) for t in fig.data if t.type == "choropleth" and t.name != "reference")
    assert "score +0.00 from 2 shared issues, 2 positions" in hover
    assert "score -1.00 from 1 shared issue, 1 position (faded: one issue only)" in hover
    marks = [t for t in fig.data if t.name and t.name.startswith("faded, marked 1")]
    assert list(marks[0].text) == ["1"]  # one mark, on France
    lon, lat = marks[0].lon[0], marks[0].lat[0]
    assert -5 < lon < 8 and 42 < lat < 51


def test_map_legend_explains_every_colour_and_mark(sample):
    s, al, scores = sample
    lonely = statements([("Gil", "NOR", "peacekeeping", "support")])  # no issue shared with the reference
    both = pd.concat([s, lonely])
    fig = charts.alignment_map(charts.score_basis(scores, al, both), both, "USA",
                               {**LABELS, "peacekeeping": "Peacekeeping"}, "world")
    legend = [t.name for t in fig.data if t.showlegend is not False and t.type == "scattergeo"]
    assert [n.replace("<br>", " ") for n in legend] == [
        "faded, marked 1: score rests on one shared issue",
        "grey, marked 0: positions, but none on an issue United States addressed",
        "reference: United States", "diamond: EU / NATO / UN / WTO at their seats (colour = score)",
        "white: no positions in the articles"]
    colourbar = [t for t in fig.data if t.type == "choropleth" and t.showscale][0].colorbar
    assert list(colourbar.ticktext) == ["−1 divergent", "0", "+1 aligned"]


def test_map_views_are_whole_and_centred():
    """Europe: the world's shapes zoomed on Europe (never the europe_110m file cut at 60°E);
    World: centred on the Atlantic without Antarctica."""
    empty = statements([("Ann", "DEU", "ceasefire", "support")])
    scores = pd.DataFrame(columns=["country", "score", "aligned", "divergent", "mixed", "issues", "positions"])
    europe = charts.alignment_map(scores, empty, "USA", LABELS, "europe").layout.geo
    assert europe.scope in (None, "world") and europe.lonaxis.range is None and europe.projection.scale > 2
    assert -10 < europe.center.lon < 40 and 45 < europe.center.lat < 60
    world = charts.alignment_map(scores, empty, "USA", LABELS, "world").layout.geo
    assert -40 <= world.projection.rotation.lon <= 0
    assert world.lataxis.range[0] > -60


def test_hover_text_is_escaped(sample):
    s, al, scores = sample
    fig = charts.alignment_map(charts.score_basis(scores, al, s), s, "USA", LABELS, "world")
    reference = [t for t in fig.data if t.name == "reference"][0]
    assert "Ann &lt;script&gt;" in reference.text[0] and "<script>" not in reference.text[0]
    matrix = charts.stance_matrix(s, LABELS)
    assert all("<b>ceasefire</b>" not in cell for row in matrix.data[0].customdata for cell in row)


def test_stance_matrix_values(sample):
    s, _, _ = sample
    fig = charts.stance_matrix(s, LABELS)
    heat = fig.data[0]
    assert fig.layout.yaxis.automargin and fig.layout.xaxis.automargin and fig.layout.yaxis.dtick == 1
    assert list(heat.colorbar.ticktext) == ["oppose (−)", "mixed (±)", "support (+)"]
    assert list(heat.x) == ["Ceasefire", "Sanctions"]
    assert list(heat.y) == ["European Union", "France", "Germany", "United States"]
    assert [list(r) for r in heat.z] == [[-1.0, None], [-1.0, None], [1.0, 1.0], [1.0, -1.0]]


def test_reference_versus_countries_counts(sample):
    _, al, _ = sample
    fig = charts.reference_versus_countries(al, LABELS, "USA")
    bars = {t.name: list(t.x) for t in fig.data}
    # ceasefire: DEU aligned, FRA and EU divergent; sanctions: DEU divergent
    assert bars == {"divergent": [-2, -1], "mixed": [0, 0], "aligned": [1, 0]}
    # counts left of zero are labelled as counts, not negative numbers
    assert list(fig.layout.xaxis.ticktext) == ["2", "1", "0", "1"] and fig.layout.xaxis.automargin
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
    assert len([a for a in fig.layout.annotations if a.showarrow]) == 2  # one arrow per reaction


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


def articles(dates):
    return pd.DataFrame({"id": [f"a{i}" for i in range(1, len(dates) + 1)],
                         "title": [f"Article {i}" for i in range(1, len(dates) + 1)], "date": dates})


def test_timeline_with_one_date_ticks_whole_days():
    fig = charts.positions_by_date(statements([("Ann", "USA", "ceasefire", "support")]), articles(["2025-02-14"]),
                                   LABELS)
    axis = fig.layout.xaxis
    assert list(axis.ticktext) == ["2025-02-14"] and axis.tickmode == "array"
    low, high = (pd.Timestamp(v) for v in axis.range)
    assert high - low >= pd.Timedelta(days=4)


@pytest.mark.parametrize("dates,shown,note", [
    (["2025-02-14", "", "not a date"], 1, "2 undated articles (2 positions) not shown"),
    (["2025-02-14", "2025-02-20", "2025-02-31"], 2, "1 undated article (1 position) not shown"),
    (["2025-02-14", "2025-02-20", "2025-03-01"], 3, None),
])
def test_timeline_counts_undated_articles(dates, shown, note):
    s = statements([("Ann", "USA", "ceasefire", "support"), ("Bo", "DEU", "ceasefire", "oppose"),
                    ("Cy", "FRA", "sanctions", "support")]).assign(article=["a1", "a2", "a3"])
    fig = charts.positions_by_date(s, articles(dates), LABELS)
    assert sum(len(t.x) for t in fig.data) == shown
    notes = [a.text for a in fig.layout.annotations]
    assert notes == ([note] if note else [])
    assert len(charts.undated(s, articles(dates))) == (0 if note is None else int(note[0]))


def test_timeline_of_undated_articles_only_says_so():
    s = statements([("Ann", "USA", "ceasefire", "support")])
    fig = charts.positions_by_date(s, articles([""]), LABELS)
    assert "No dated positions" in fig.layout.annotations[0].text
    assert "1 undated article (1 position) not shown" in fig.layout.annotations[0].text


def test_network_labels_at_top_and_bottom_do_not_overprint():
    names = [f"Minister Number {k:02d} of Somewhere" for k in range(30)]
    reactions = pd.DataFrame([("a1", names[k], "", names[(k + 7) % 30], "", "agrees", "x", 0, 1) for k in range(30)],
                             columns=["article", "source", "source_country", "target", "target_country", "relation",
                                      "evidence", "start", "end"])
    fig = charts.reaction_network(reactions, pd.DataFrame({"name": names, "country": [""] * 30}))
    nodes = [t for t in fig.data if t.name == "actor (country)"][0]
    spans = []
    for x, y, text, where in zip(nodes.x, nodes.y, nodes.text, nodes.textposition):
        if where in ("top center", "bottom center"):
            level = text.count("<br>")
            half = (6.5 * len(text.replace("<br>", "").strip()) + 8) / 170 / 2
            spans.append((x - half, x + half, abs(y) + level * 15 / 240, where))
    assert len(spans) > 6
    for i, (l1, r1, h1, w1) in enumerate(spans):
        for l2, r2, h2, w2 in spans[i + 1:]:
            assert w1 != w2 or not (l1 < r2 and r1 > l2 and abs(h1 - h2) < 15 / 240), "labels overprint"


@pytest.mark.parametrize("name", ["world_110m.json", "europe_110m.json"])
def test_shipped_borders_draw_crimea_as_ukraine(name):
    """UNGA resolution 68/262: Crimea (here Simferopol) lies in Ukraine's polygon, joined to its
    mainland (Kyiv in the same ring, no border at Perekop), and in no other country."""
    import json

    from ui import geo

    topo = json.loads((geo.TOPOJSON / name).read_text(encoding="utf-8"))
    arcs = geo.decode_arcs(topo)
    holders = {}
    for g in topo["objects"]["countries"]["geometries"]:
        for polygon in geo.polygons(g):
            if polygon and polygon[0] and geo.inside(geo.CRIMEA, geo.ring_points(arcs, polygon[0])):
                holders.setdefault(g["id"], []).append(geo.inside((30.52, 50.45), geo.ring_points(arcs, polygon[0])))
    assert holders == {"UKR": [True]}
    assert geo.move_crimea(topo) is False  # nothing left to move


def test_crimea_fix_joins_the_rings_of_natural_earth_data():
    """The data fix itself, on a small topology shaped like Natural Earth's: a Crimea ring in RUS
    sharing one arc (Perekop) with the UKR ring becomes one UKR ring without that arc."""
    from ui import geo

    # whole degrees; arcs: 0 Perekop (33,46)->(35,46), 1 the rest of UKR back to (33,46), 2 the rest
    # of Crimea from (33,46) round to (35,46), 3 a RUS ring elsewhere
    def arc(points):
        out, (px, py) = [], (0, 0)
        for x, y in points:
            out.append([x - px, y - py])
            px, py = x, y
        return out
    topo = {"transform": {"scale": [1, 1], "translate": [0, 0]},
            "arcs": [arc([(33, 46), (35, 46)]), arc([(35, 46), (40, 48), (30, 52), (24, 48), (33, 46)]),
                     arc([(33, 46), (32, 45), (34, 44), (36, 45), (35, 46)]),
                     arc([(40, 55), (50, 55), (50, 60), (40, 60), (40, 55)])],
            "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "id": "UKR", "arcs": [[0, 1]]},
                {"type": "MultiPolygon", "id": "RUS", "arcs": [[[3]], [[2, -1]]]}]}}}
    assert geo.owner(topo) == "RUS"
    assert geo.move_crimea(topo) is True
    countries = {g["id"]: g for g in topo["objects"]["countries"]["geometries"]}
    assert countries["RUS"] == {"type": "Polygon", "id": "RUS", "arcs": [[3]]}
    assert countries["UKR"]["arcs"] == [[1, 2]]  # Perekop (arc 0) is no longer a border
    assert geo.owner(topo) == "UKR"
