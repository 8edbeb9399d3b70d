"""End to end on articles with hand-written expected tables (tests/gold/*.json).

Each test compares whole rows, so a regression shows exactly which actor or position changed.
tests/heldout/ holds an article written after tuning; its known gaps are xfail, not deleted.
"""

import json
from pathlib import Path

import pytest

from analysis.corpus import analyze
from analysis.reader import read_file

HERE = Path(__file__).resolve().parent
GOLD = sorted((HERE / "gold").glob("*.json"))


def _load(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    tables = analyze([read_file(path.parent / gold["file"])])
    return gold, tables


@pytest.fixture(scope="module", params=GOLD, ids=[p.stem for p in GOLD])
def case(request, nlp):
    return _load(request.param)


def test_actor_rows(case):
    gold, tables = case
    got = sorted(tuple(r) for r in tables.actors[["name", "actor_type", "country", "role"]].itertuples(index=False))
    want = sorted((a["name"], a["actor_type"], a["country"], a["role"]) for a in gold["actors"])
    assert got == want


def test_position_rows(case):
    gold, tables = case
    got = sorted(set(tables.statements[["actor", "issue", "stance"]].itertuples(index=False, name=None)))
    want = sorted({(p["actor"], p["issue"], p["stance"]) for p in gold["positions"]})
    assert got == want


def test_reaction_rows(case):
    gold, tables = case
    got = sorted(tables.reactions[["source", "target", "relation"]].itertuples(index=False, name=None))
    want = sorted((r["source"], r["target"], r["relation"]) for r in gold["reactions"])
    assert got == want


def test_every_position_carries_its_sentence(case):
    gold, tables = case
    article = read_file(Path(HERE / "gold" / "x").parent / gold["file"])
    for row in tables.statements.itertuples():
        assert article.text[row.start:row.end].strip() == row.evidence
        assert row.kind in ("direct", "indirect", "reported")
        assert 0 < row.confidence <= 1
        if row.kind == "direct":
            assert row.quote and row.quote in article.text


def test_seed_has_all_fifteen_people_with_countries(nlp):
    _, tables = _load(HERE / "gold" / "seed.json")
    people = tables.actors[tables.actors.actor_type == "person"]
    assert len(people) == 15
    assert people.country.astype(bool).all()


def test_multi_sentence_quote_is_one_direct_position(nlp):
    _, tables = _load(HERE / "gold" / "seed.json")
    direct = tables.statements[(tables.statements.kind == "direct") & (tables.statements.issue == "seat_at_table")]
    assert len(direct) == 1
    quote = direct.iloc[0].quote  # both sentences of the quote, without the trailing comma
    assert "at the table." in quote and quote.endswith("without Ukraine")


HELDOUT = HERE / "heldout" / "central-europe-reactions.json"


def test_heldout_people_and_reactions(nlp):
    gold, tables = _load(HELDOUT)
    assert set(tables.actors.name) == {a["name"] for a in gold["actors"]}
    got = set(tables.reactions[["source", "target", "relation"]].itertuples(index=False, name=None))
    assert got == {(r["source"], r["target"], r["relation"]) for r in gold["reactions"]}


@pytest.mark.xfail(reason="'warned against any recognition of the annexation' after 'not opposed to talks but' is "
                          "missed: the clause after 'but <verb>' loses its speaker", strict=True)
def test_heldout_positions(nlp):
    gold, tables = _load(HELDOUT)
    got = set(tables.statements[["actor", "issue", "stance"]].itertuples(index=False, name=None))
    assert got == {(p["actor"], p["issue"], p["stance"]) for p in gold["positions"]}


@pytest.mark.xfail(reason="'A spokesman for the Kremlin, X': a role followed by 'for <institution>' gives no country yet",
                   strict=True)
def test_heldout_countries(nlp):
    gold, tables = _load(HELDOUT)
    got = dict(zip(tables.actors.name, tables.actors.country))
    assert got == {a["name"]: a["country"] for a in gold["actors"]}
