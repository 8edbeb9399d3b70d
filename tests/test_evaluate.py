"""The scorer's name matching: what makes two spellings one actor, and what does not."""

import pandas as pd

from analysis.evaluate import score


def _tables(actor: str, actor_type: str = "organization"):
    actors = pd.DataFrame([{"name": actor, "actor_type": actor_type, "country": ""}])
    statements = pd.DataFrame([{"actor": actor, "issue": "ceasefire", "stance": "support"}])
    reactions = pd.DataFrame(columns=["source", "target", "relation"])
    return actors, statements, reactions


def _gold(actor: str, actor_type: str = "organization") -> dict:
    return {"actors": [{"name": actor, "actor_type": actor_type, "country": ""}],
            "positions": [{"actor": actor, "issue": "ceasefire", "stance": "support"}]}


def test_full_stops_of_an_initialism_do_not_make_another_actor():
    counts = score(_gold("U.N. General Assembly"), *_tables("UN General Assembly"))
    assert counts["positions"][0] == 1 and counts["actors"][0] == 1


def test_case_and_accents_do_not_make_another_actor():
    counts = score(_gold("Ana Lindqvíst", "person"), *_tables("ana lindqvist", "person"))
    assert counts["positions"][0] == 1 and counts["people"][0] == 1


def test_an_initial_inside_a_name_still_counts():
    # "J." is one initial, not an initialism: the two spellings stay apart (gold names the fullest form)
    counts = score(_gold("Tomas J. Berg", "person"), *_tables("Tomas Berg", "person"))
    assert counts["positions"][0] == 0
