"""Dataset mode (DASHBOARD_DATASET): the library over a generated dataset, then AppTest over every
page and behaviour through widget keys. Names and sentences are invented (tests/dataset_fixture.py)."""

import csv
import io
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest, app_test

from analysis.catalog import issue_labels
from analysis.dataset import Dataset, DatasetError, Filters, open_dataset
from analysis.registry import Edit, build
from analysis.store import Store, apply_corrections, position_key
from dataset_fixture import COLUMNS, synthetic_tables, write_dataset
from test_app import PAGES, ROOT, _NavigationPagesManager

FORMULA = "=HYPERLINK(\"http://example.invalid\",\"x\")"


def fixture_tables() -> dict[str, pd.DataFrame]:
    """About 600 positions in 60 articles, one evidence sentence that a spreadsheet would run."""
    tables = synthetic_tables(600, seed=11)
    tables["positions"].loc[0, "evidence"] = FORMULA
    return tables


@pytest.fixture(scope="module")
def machine(tmp_path_factory):
    """(folder, tables) of a dataset written in the batch layout, in chunks of 20 articles."""
    tables = fixture_tables()
    folder = write_dataset(tmp_path_factory.mktemp("data") / "dataset", tables, chunk_articles=20)
    return folder, tables


@pytest.fixture()
def app(monkeypatch, tmp_path, machine):
    monkeypatch.setattr(app_test, "PagesManager", _NavigationPagesManager)
    monkeypatch.setenv("DASHBOARD_DATASET", str(machine[0]))
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "corrections.db"))
    monkeypatch.chdir(ROOT)
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)


# ------------------------------------------------------------------ the layout and the library

def test_fixture_writes_the_batch_layout(machine):
    folder, tables = machine
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["format"] == 1 and manifest["tables"] == COLUMNS
    assert set(manifest) >= {"pipeline_version", "created", "updated", "inputs", "chunks"}
    for table in COLUMNS:
        files = sorted((folder / table).glob("*.parquet"))
        assert [f.name for f in files] == [f"chunk-{k}.parquet" for k in manifest["chunks"]]
    assert len(manifest["chunks"]) == 3


def store_rules(tables, corrections, edits):
    """The tables as the SQLite store shows them: the same registry rules, the same corrections."""
    actors = tables["actors"].drop(columns=["file", "country_source"])
    people = actors[actors["actor_type"] == "person"]
    registry = build(people, {}, edits, [])
    return apply_corrections(actors, tables["positions"].drop(columns=["file", "country_source"]),
                             tables["reactions"].drop(columns=["file"]), corrections, registry)


def some_corrections(tables) -> tuple[pd.DataFrame, list[Edit]]:
    """An edit, a deletion, a country for one actor, two added positions (one then edited), a
    government's country emptied; registry edits: a merge of two people of one article (their
    rows collapse), a person marked not a person, a country and a role set by an analyst."""
    pos = tables["positions"]
    key = [position_key(*r) for r in pos[["article", "actor", "start", "issue", "stance"]].itertuples(index=False)]
    p2 = pos.iloc[9]
    gov = pos[pos["actor_type"] == "government"].iloc[0]
    rows = [
        dict(action="edit", article=pos.iloc[0]["article"], target=key[0], issue="sanctions"),
        dict(action="delete", article=pos.iloc[5]["article"], target=key[5]),
        dict(action="country", article=p2["article"], target=p2["actor"], country="FRA"),
        dict(action="add", article=p2["article"], issue="ceasefire", stance="oppose", country="", actor=p2["actor"],
             evidence="Added by hand.", start=0, end=10),
        dict(action="add", article=p2["article"], issue="ceasefire", stance="support", country="DEU",
             actor="Invented Person", evidence="Also added.", start=3, end=9),
        dict(action="edit", article=p2["article"], target="added:5", stance="neutral"),
        dict(action="country", article=gov["article"], target=gov["actor"], country=""),
    ]
    corrections = pd.DataFrame([{"id": i + 1, "target": "", "issue": None, "stance": None, "country": None,
                                 "actor": None, "evidence": None, "start": None, "end": None, **r}
                                for i, r in enumerate(rows)])
    people = tables["actors"][tables["actors"]["actor_type"] == "person"]
    names = sorted(set(people["name"]))
    pair = next(v for v in people.groupby("article")["name"].apply(list) if len(v) >= 2)
    edits = [Edit("merge", pair[0], pair[1]), Edit("not_person", names[2]), Edit("country", names[3], value="ITA"),
             Edit("role", names[4], value="negotiator")]
    return corrections, edits


def sorted_rows(df: pd.DataFrame, columns: list[str], by: list[str]) -> pd.DataFrame:
    return df[columns].astype(str).sort_values(by).reset_index(drop=True)


def test_corrections_and_registry_apply_as_in_the_store(machine):
    folder, tables = machine
    corrections, edits = some_corrections(tables)
    actors, positions, reactions = store_rules(tables, corrections, edits)
    ds = Dataset(folder, corrections, edits, cache=False)
    cols = ["article", "name", "actor_type", "country", "role", "mentions", "evidence_start", "evidence_end",
            "country_source"]
    pd.testing.assert_frame_equal(sorted_rows(ds.table("actors"), cols, ["article", "name"]),
                                  sorted_rows(actors, cols, ["article", "name"]))
    cols = ["article", "actor", "actor_type", "country", "role", "issue", "stance", "evidence", "start", "end", "quote",
            "kind", "confidence", "key", "corrected", "country_source"]
    pd.testing.assert_frame_equal(sorted_rows(ds.table("statements"), cols, ["article", "key"]),
                                  sorted_rows(positions, cols, ["article", "key"]))
    cols = ["article", "source", "source_country", "target", "target_country", "relation", "evidence", "start", "end"]
    pd.testing.assert_frame_equal(sorted_rows(ds.table("reactions"), cols, ["article", "start", "source", "target"]),
                                  sorted_rows(reactions, cols, ["article", "start", "source", "target"]))
    # the corrections did something: a deletion, two added rows, a person dropped, a merged pair
    assert corrections["target"][1] not in set(positions["key"]) and {"added:4", "added:5"} <= set(positions["key"])
    assert edits[1].name not in set(positions["actor"])
    assert len(set(actors["name"]) & {edits[0].name, edits[0].other}) == 1


def test_alignment_matches_the_pandas_view(machine):
    from analysis.alignment import alignment, country_scores

    folder, tables = machine
    ds = Dataset(folder, cache=False)
    statements = ds.table("statements")
    issues = list(issue_labels())
    aligned, scores, _ = ds.alignment(Filters(country=("DEU", "FRA")), "USA", issues)
    expected = alignment(statements, "USA", issues)
    expected = expected[expected["country"].isin(["DEU", "FRA"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(aligned, expected, check_exact=False, rtol=1e-9)
    pd.testing.assert_frame_equal(scores, country_scores(expected), check_exact=False, rtol=1e-9)


def expected_samples(ds: Dataset) -> dict[int, str]:
    rows = ds._df("SELECT rid, quote, evidence FROM statements")
    return {int(r): q or e for r, q, e in zip(rows["rid"], rows["quote"], rows["evidence"])}


def test_samples_are_the_quote_else_the_evidence_of_each_position(machine):
    folder, tables = machine
    corrections, edits = some_corrections(tables)
    ds = Dataset(folder, corrections, edits, cache=False)
    expected = expected_samples(ds)
    assert any(r < 0 for r in expected)  # the positions added by hand are asked for too
    some = sorted(expected)[::7] + [r for r in expected if r < 0]
    assert ds.samples(some) == {r: expected[r] for r in some}
    assert ds.samples(expected) == expected  # the first ones again (read once), with all the others
    assert ds.samples([123456789]) == {}


def test_the_matrix_hover_shows_the_new_quotes_after_the_dataset_is_rewritten(app, machine, monkeypatch, tmp_path):
    """Samples are read once per dataset version: a rewritten dataset (a new manifest) shows its
    own quotes, never those read from the old files."""
    folder, tables = machine
    copy = write_dataset(tmp_path / "copy", tables, chunk_articles=20, updated="2026-01-01T00:00:00+00:00")
    monkeypatch.setenv("DASHBOARD_DATASET", str(copy))
    app.run()
    spec = " ".join(c.proto.spec for c in app.get("plotly_chart"))
    assert "We backed" in spec and "Rewritten" not in spec
    changed = {**tables, "positions": tables["positions"].assign(
        quote=["Rewritten " + q if q else q for q in tables["positions"]["quote"]],
        evidence="Rewritten " + tables["positions"]["evidence"])}
    write_dataset(copy, changed, chunk_articles=20, updated="2026-01-02T00:00:00+00:00")
    app.run()
    assert not app.exception
    spec = " ".join(c.proto.spec for c in app.get("plotly_chart"))
    assert "Rewritten We backed" in spec and "We backed" not in spec.replace("Rewritten We backed", "")


def test_the_registry_object_is_built_only_when_corrections_need_it(machine, monkeypatch):
    """Opening machine output with no corrections resolves names in SQL only; the Registry
    object (slow to build at a million positions) is made for corrections that need it."""
    import analysis.dataset as dataset

    folder, tables = machine
    built = []
    real = dataset.registry_from_names
    monkeypatch.setattr(dataset, "registry_from_names", lambda names: built.append(len(names)) or real(names))
    ds = Dataset(folder, cache=False)
    assert ds.counts(Filters())["positions"] == len(tables["positions"]) and not built
    assert ds.registry.people and len(built) == 1
    corrections, edits = some_corrections(tables)
    Dataset(folder, corrections, edits, cache=False)
    assert len(built) == 2


def test_registry_is_built_once_and_cached_in_the_folder(machine):
    folder, _ = machine
    Dataset(folder)
    cached = list((folder / ".dashboard-cache").glob("registry-*.parquet"))
    assert len(cached) == 1
    names = pd.read_parquet(cached[0])
    assert set(names.columns) == {"name", "canonical", "country", "country_source", "role", "role_source",
                                  "not_person", "shared"}


def test_a_read_only_dataset_folder_is_read(machine, tmp_path):
    from readonly_fs import read_only

    folder = write_dataset(tmp_path / "locked", fixture_tables(), chunk_articles=20)
    with read_only(folder):
        ds = Dataset(folder)
        assert ds.counts(Filters())["positions"] == len(machine[1]["positions"])
    assert not (folder / ".dashboard-cache").exists()


@pytest.mark.parametrize("case, message", [
    ("missing", "not a folder"),
    ("no manifest", "has no manifest.json"),
    ("newer format", "this version of the dashboard reads format 1"),
])
def test_unusable_dataset_is_refused_with_what_to_do(tmp_path, case, message):
    folder = tmp_path / "d"
    if case != "missing":
        folder.mkdir()
    if case == "newer format":
        (folder / "manifest.json").write_text(json.dumps({"format": 7}))
    with pytest.raises(DatasetError, match=message):
        Dataset(folder)


def test_empty_tables_and_missing_columns_read_as_empty(tmp_path):
    import pyarrow.parquet as pq

    tables = fixture_tables()
    tables["reactions"] = tables["reactions"].iloc[:0]
    folder = write_dataset(tmp_path / "d", tables, chunk_articles=20)
    for f in (folder / "errors").glob("*.parquet"):
        f.unlink()  # a batch that wrote no errors at all
    files = sorted((folder / "positions").glob("*.parquet"))
    for f in files[1:]:  # chunks of an older batch without quotes: the first chunk keeps them
        pq.write_table(pq.read_table(f).drop_columns(["quote"]), f)
    for f in (folder / "actors").glob("*.parquet"):
        pq.write_table(pq.read_table(f).drop_columns(["evidence_start", "evidence_end"]), f)
    ds = Dataset(folder, cache=False)
    assert ds.count(ds.reactions_query(Filters())) == 0
    assert ds.count(ds.errors_query()) == 0
    assert ds.counts(Filters())["positions"] == len(tables["positions"])
    statements = ds.table("statements")
    first = set(pq.read_table(files[0], columns=["article"]).column("article").to_pylist())
    kept = tables["positions"][tables["positions"]["article"].isin(first)]
    assert sorted(statements.loc[statements["article"].isin(first), "quote"]) == sorted(kept["quote"])
    assert set(statements.loc[~statements["article"].isin(first), "quote"]) == {""}
    assert set(ds.table("actors")["evidence_start"]) == {0}
    assert ds.samples(expected_samples(ds)) == expected_samples(ds)  # evidence where the files have no quotes


def test_export_streams_the_filtered_rows_with_formula_cells_neutralised(machine, tmp_path):
    folder, tables = machine
    ds = Dataset(folder, cache=False)
    labels = issue_labels()
    first = tables["positions"].iloc[0]
    f = Filters(country=(first["country"],) if first["country"] else (), issue=(first["issue"],))
    target = ds.export_csv(ds.positions_query(f, labels=labels), tmp_path / "out.csv")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    statements = ds.table("statements")
    expected = statements[(statements["issue"] == first["issue"])
                          & (statements["country"] == first["country"] if first["country"] else True)]
    assert sorted(r["key"] for r in rows) == sorted(expected["key"])
    assert {r["issue_label"] for r in rows} == {labels[first["issue"]]}
    mine = next(r for r in rows if r["key"] == position_key(first["article"], first["actor"], first["start"],
                                                            first["issue"], first["stance"]))
    assert mine["evidence"] == "'" + FORMULA and mine["corrected"] == "False"
    # the page shows the same rows in the same order
    page = ds.page(ds.positions_query(f, labels=labels), 0, 1000)
    assert list(page["key"]) == [r["key"] for r in rows]


def test_search_finds_words_in_evidence_and_actor(machine):
    folder, tables = machine
    ds = Dataset(folder, cache=False)
    statements = ds.table("statements")
    hay = (statements["actor"] + " " + statements["role"] + " " + statements["evidence"] + " "
           + statements["quote"]).str.lower()
    for words in ("rejected", "KEPT AN OPEN", statements["actor"].iloc[3]):
        query = ds.positions_query(Filters(), words)
        assert ds.count(query) == int(hay.str.contains(words.lower(), regex=False).sum()) > 0


# ------------------------------------------------------------------ the app in dataset mode

@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_dataset_mode(app, page):
    app.run()
    app.switch_page(page).run()
    assert not app.exception
    assert app.title, f"{page} shows no title"


def test_overview_counts_come_from_the_dataset(app, machine):
    tables = machine[1]
    app.run()
    assert [m.value for m in app.metric] == [
        f"{len(tables['articles']):,}", f"{app.session_state['tables'].counts(Filters())['actors']:,}",
        f"{app.session_state['tables'].counts(Filters())['countries']:,}", f"{len(tables['positions']):,}"]
    assert any("Dataset mode" in c.value for c in app.sidebar.caption)


def test_country_filter_changes_the_counts_and_the_url(app):
    app.run()
    everything = app.metric[3].value
    app.multiselect(key="flt_country").set_value(["DEU", "FRA"]).run()
    assert not app.exception
    ds = app.session_state["tables"]
    expected = ds.counts(Filters(country=("DEU", "FRA")))["positions"]
    assert app.metric[3].value == f"{expected:,}" != everything
    assert app.query_params["country"] == ["DEU", "FRA"]
    app.switch_page("pages/positions.py").run()
    assert set(app.dataframe(key="pos_table").value["country"]) <= {"DEU", "FRA"}


def test_a_new_country_selection_reuses_the_values_alignment_rests_on(app, monkeypatch):
    """The per-country/issue values do not depend on the country filter: a new country selection
    filters them (as Dataset.alignment does) instead of querying every position again."""
    import streamlit as st

    st.cache_data.clear()
    calls = []
    real = Dataset.country_issue
    monkeypatch.setattr(Dataset, "country_issue", lambda self, f: calls.append(f) or real(self, f))
    app.run()
    assert len(calls) == 1
    ds = app.session_state["tables"]
    for selection in (["DEU", "FRA"], ["POL"]):
        app.multiselect(key="flt_country").set_value(selection).run()
        assert not app.exception
        view = app.session_state["view"]
        aligned, scores, values = ds.alignment(view.filters, view.reference, view.issue_order)
        pd.testing.assert_frame_equal(view.alignment, aligned)
        pd.testing.assert_frame_equal(view.scores, scores)
        pd.testing.assert_frame_equal(view.country_issue, values)
    assert len(calls) == 1 + 2  # the two checks above, not the app


def test_filters_and_an_article_come_from_the_url(app, machine, monkeypatch):
    from ui import filters

    monkeypatch.setattr(filters, "ARTICLE_CHOICES", 3)  # the URL's article is not among those offered
    tables = machine[1]
    newest = set(tables["articles"].sort_values(["date", "title"], ascending=False)["id"].head(3))
    article = next(a for a in tables["articles"]["id"] if a not in newest)
    app.query_params["issue"] = ["sanctions"]
    app.query_params["article"] = [article]
    app.run()
    assert not app.exception
    assert app.session_state["flt_issue"] == ["sanctions"] and app.session_state["flt_article"] == [article]
    statements = app.session_state["tables"].table("statements")
    expected = ((statements["issue"] == "sanctions") & (statements["article"] == article)).sum()
    assert app.metric[3].value == f"{expected:,}"
    title = tables["articles"].set_index("id").loc[article, "title"]
    assert title in app.multiselect(key="flt_article").options  # offered: it is chosen


def test_find_articles_by_title_narrows_the_article_filter(app, machine):
    title = machine[1]["articles"]["title"].iloc[7]
    app.run()
    app.text_input(key="flt_article_find").input(title).run()
    options = app.multiselect(key="flt_article").options
    assert options == [title]


def test_paging_shows_the_next_rows(app):
    app.run()
    app.switch_page("pages/positions.py").run()
    first = app.dataframe(key="pos_table").value
    assert len(first) == 100
    assert any("Rows 1–100 of" in c.value for c in app.caption)
    app.number_input(key="pos_page").set_value(2).run()
    assert not app.exception
    second = app.dataframe(key="pos_table").value
    ds = app.session_state["tables"]
    expected = ds.page(ds.positions_query(Filters(), labels=issue_labels()), 100, 100)
    assert list(second["key"]) == list(expected["key"]) and not set(second["key"]) & set(first["key"])
    assert any("Rows 101–200 of" in c.value for c in app.caption)
    # a filter with fewer rows takes the table back to its first page
    app.multiselect(key="flt_country").set_value(["DEU"]).run()
    assert app.number_input(key="pos_page").value == 1


def test_search_narrows_the_positions_table(app):
    app.run()
    app.switch_page("pages/positions.py").run()
    app.text_input(key="pos_search").input("rejected").run()
    rows = app.dataframe(key="pos_table").value
    assert len(rows) > 0 and rows["evidence"].str.contains("rejected").all()


def test_correction_in_the_store_shows_in_dataset_mode(app, machine):
    folder, tables = machine
    first = tables["positions"].iloc[1]
    key = position_key(first["article"], first["actor"], first["start"], first["issue"], first["stance"])
    flipped = "oppose" if first["stance"] != "oppose" else "support"
    Store(os.environ["DASHBOARD_DB"]).correct([{"action": "edit", "article": first["article"], "target": key,
                                                 "stance": flipped}], "ana")
    app.query_params["article"] = [first["article"]]
    app.run()
    app.switch_page("pages/positions.py").run()
    rows = app.dataframe(key="pos_table").value
    fixed = rows[rows["key"] == key]
    assert list(fixed["stance"]) == [flipped] and bool(fixed["corrected"].iloc[0])


def test_correcting_a_stance_in_the_app_is_stored_and_shown(app, machine):
    app.run()
    app.switch_page("pages/positions.py").run()
    app.toggle(key="pos_edit").set_value(True).run()
    assert not app.exception
    page = app.session_state["tables"].page(
        app.session_state["tables"].positions_query(Filters(), labels=issue_labels()), 0, 100)
    row = page.iloc[3]
    flipped = "oppose" if row["stance"] != "oppose" else "support"
    app.session_state["pos_editor"] = {"edited_rows": {3: {"stance": flipped}}, "added_rows": [], "deleted_rows": []}
    app.button(key="pos_save").click().run()
    assert not app.exception
    stored = Store(os.environ["DASHBOARD_DB"]).corrections()
    assert list(zip(stored["action"], stored["target"], stored["stance"])) == [("edit", row["key"], flipped)]
    statements = app.session_state["tables"].table("statements")
    fixed = statements[statements["key"] == row["key"]]
    assert list(fixed["stance"]) == [flipped] and bool(fixed["corrected"].iloc[0])


def test_adding_articles_and_positions_by_hand_is_off_in_dataset_mode(app):
    app.run()
    app.switch_page("pages/add.py").run()
    assert any("read-only for extraction" in i.value for i in app.info)
    assert not app.get("file_uploader") and not app.get("text_area")
    app.switch_page("pages/positions.py").run()
    assert any("extraction is read-only" in i.value for i in app.info)


def test_unusable_dataset_shows_one_error(app, monkeypatch, tmp_path):
    monkeypatch.setenv("DASHBOARD_DATASET", str(tmp_path / "nowhere"))
    app.run()
    assert not app.exception
    assert len(app.error) == 1 and "which is not a folder" in app.error[0].value


def test_damaged_chunk_shows_one_error(app, monkeypatch, tmp_path):
    folder = write_dataset(tmp_path / "damaged", fixture_tables(), chunk_articles=20)
    (folder / "positions" / "chunk-00000.parquet").write_bytes(b"not parquet at all")
    monkeypatch.setenv("DASHBOARD_DATASET", str(folder))
    app.run()
    assert not app.exception
    assert len(app.error) == 1 and "cannot be read" in app.error[0].value


def test_reaction_network_and_timeline_from_aggregates(app):
    app.run()
    app.switch_page("pages/reactions.py").run()
    assert not app.exception and len(app.dataframe[0].value) > 0  # a read-only table has no key in AppTest
    assert app.get("plotly_chart")
    app.switch_page("pages/timeline.py").run()
    assert not app.exception and app.get("plotly_chart")


def test_selecting_an_actor_opens_its_positions_and_sentences(app):
    import html

    app.run()
    app.switch_page("pages/actors.py").run()
    first = app.dataframe(key="act_table").value.iloc[0]
    app.session_state["act_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    app.run()
    assert not app.exception
    assert [s.value for s in app.subheader] == [f"{first['name']} — {first['positions']} position(s)"]
    positions = next(d.value for d in app.dataframe if "issue" in d.value.columns)  # the actor's positions
    assert len(positions) == first["positions"]
    boxes = [h.proto.body for h in app.get("html") if "evidence-box" in h.proto.body]
    assert len(boxes) == 1 and all(f"<mark style='background:#fde0b6;padding:0 2px'>{html.escape(e)}</mark>" in boxes[0]
                                   for e in positions["evidence"])


def test_open_dataset_reads_the_store(machine, tmp_path):
    store = Store(tmp_path / "c.db")
    ds = open_dataset(machine[0], store)
    assert ds.counts(Filters())["positions"] == len(machine[1]["positions"])
    assert Path(str(ds.key).split("|")[0]) == machine[0].resolve()


# ------------------------------------------------------------------ aggregates kept per dataset version

KEPT = ["summary", "countries", "counts", "country_issue", "hover_rows"]


def unfiltered(ds: Dataset) -> dict:
    """The kept aggregates, and filtered ones (computed on the slim tables, kept or built)."""
    some = Filters(stance=("support",))
    return {"summary": ds.summary(), "countries": ds.countries(), "counts": ds.counts(Filters()),
            "country_issue": ds.country_issue(Filters()), "hover_rows": ds.hover_rows(Filters()),
            "filtered counts": ds.counts(some), "filtered values": ds.country_issue(some),
            "filtered page": ds.page(ds.positions_query(some), 0, 50)}


def assert_same(got: dict, expected: dict) -> None:
    for name, value in expected.items():
        if isinstance(value, pd.DataFrame):
            pd.testing.assert_frame_equal(got[name], value)
        else:
            assert got[name] == value, name


def no_queries(monkeypatch) -> None:
    """Computing a kept aggregate, or building the slim tables, fails the test."""
    for name in KEPT + ["materialise"]:
        real = getattr(Dataset, f"_{name}")

        def guard(self, *args, _n=name, _real=real):
            if not args or args[0]._replace(country=()) == Filters():
                pytest.fail(f"{_n} computed again")
            return _real(self, *args)
        monkeypatch.setattr(Dataset, f"_{name}", guard)


def test_unfiltered_aggregates_are_computed_at_the_first_open_and_read_back(machine, tmp_path, monkeypatch):
    """The Overview's unfiltered aggregates and the slim tables are computed once per dataset
    version (with the registry) and stored in the dataset folder; a new process (here: a new
    Dataset, as the app opens it with an empty corrections store) reads them, and they equal what
    the queries give."""
    folder = write_dataset(tmp_path / "d", machine[1], chunk_articles=20)
    expected = unfiltered(Dataset(folder, cache=False))
    Dataset(folder)
    assert {p.name.split("-", 2)[2].split(".")[0] for p in (folder / ".dashboard-cache").glob("aggregates-*")} == {
        *KEPT, "slim"}
    no_queries(monkeypatch)
    assert_same(unfiltered(open_dataset(folder, Store(tmp_path / "c.db"))), expected)
    assert_same(unfiltered(Dataset(folder)), expected)
    got = Dataset(folder).country_issue(Filters(country=("DEU",)))  # country_issue does not filter on country
    pd.testing.assert_frame_equal(got, expected["country_issue"])


@pytest.mark.parametrize("change", ["rewritten", "chunk replaced", "correction", "registry edit"])
def test_stored_aggregates_are_never_served_after_the_dataset_or_the_corrections_change(machine, tmp_path, change):
    import pyarrow.parquet as pq

    folder, tables = machine
    copy = write_dataset(tmp_path / "d", tables, chunk_articles=20, updated="2026-01-01T00:00:00+00:00")
    before = unfiltered(Dataset(copy))
    corrections, edits = None, []
    if change == "rewritten":  # the batch command wrote the dataset again (same files, same dates, other rows)
        dropped = set(tables["articles"]["id"][:5])
        write_dataset(copy, {**tables, "positions": tables["positions"][~tables["positions"]["article"].isin(dropped)]},
                      chunk_articles=20, updated="2026-01-01T00:00:00+00:00")
    elif change == "chunk replaced":  # a chunk file changed in place, the manifest did not
        f = sorted((copy / "positions").glob("*.parquet"))[0]
        pq.write_table(pq.read_table(f).slice(0, 5), f)
    elif change == "correction":
        corrections, _ = some_corrections(tables)
    else:
        people = tables["actors"][tables["actors"]["actor_type"] == "person"]
        edits = [Edit("not_person", sorted(set(people["name"]))[2])]
    after = unfiltered(Dataset(copy, corrections, edits))
    fresh = unfiltered(Dataset(copy, corrections, edits, cache=False))
    assert_same(after, fresh)
    assert after["counts"] != before["counts"] and after["filtered counts"] != before["filtered counts"]


def test_slim_tables_are_kept_for_machine_output_and_built_in_memory_for_a_new_correction(machine, tmp_path):
    folder, tables = machine
    copy = write_dataset(tmp_path / "d", tables, chunk_articles=20)
    Dataset(copy)
    for f in (copy / ".dashboard-cache").glob("aggregates-*"):
        f.unlink()  # as after a code update: the registry is still valid, nothing else is
    ds = Dataset(copy)
    assert ds._slim_path().is_file()
    corrections, _ = some_corrections(tables)
    ds = Dataset(copy, corrections)  # the registry is cached: a new correction is not written to the folder
    assert not ds._slim_path().is_file()
    assert ds.counts(Filters()) == Dataset(copy, corrections, cache=False).counts(Filters())
