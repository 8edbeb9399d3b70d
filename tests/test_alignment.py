import pandas as pd

from analysis.alignment import alignment, country_scores


def positions(rows):
    return pd.DataFrame(rows, columns=["actor", "country", "issue", "stance", "confidence"])


def test_alignment_statuses_and_score():
    df = positions([
        ("A", "USA", "ceasefire", "support", 0.8), ("B", "USA", "sanctions", "oppose", 0.8),
        ("C", "DEU", "ceasefire", "support", 0.8), ("D", "DEU", "sanctions", "support", 0.8),
        ("E", "FRA", "military_aid", "support", 0.8),
    ])
    table = alignment(df, "USA", ["ceasefire", "sanctions", "military_aid"])
    got = {(r.country, r.issue): r.status for r in table.itertuples()}
    assert got == {
        ("DEU", "ceasefire"): "aligned", ("DEU", "sanctions"): "divergent", ("DEU", "military_aid"): "no reference position",
        ("FRA", "ceasefire"): "no position", ("FRA", "sanctions"): "no position", ("FRA", "military_aid"): "no reference position",
    }
    scores = country_scores(table).set_index("country")
    assert scores.loc["DEU", "score"] == 0.0
    assert pd.isna(scores.loc["FRA", "score"])


def test_alignment_of_nothing_is_empty():
    assert alignment(positions([]), "USA").empty
