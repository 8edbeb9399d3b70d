"""Several issue catalogs side by side (analysis.catalogs and the store): shipped and saved
catalogs, the catalog each article records, saving a new version and what it re-analyses."""

import shutil
import sqlite3
from pathlib import Path

import pytest

import analysis.store as store_module
from analysis import catalogs
from analysis import pipeline as pipeline_module
from analysis.catalog import load_catalog_file
from analysis.errors import CatalogError
from analysis.store import Store
from catalog_fixture import PORTS, PORTS_ARTICLES, TRADE, TRADE_ARTICLES, TRADE_WITH_QUOTAS, articles, build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp):
    """Two catalogs with articles in each, built once and copied for each test."""
    return build(tmp_path_factory.mktemp("catalogs") / "two.db").path


@pytest.fixture()
def db(corpus, tmp_path):
    shutil.copy(corpus, tmp_path / "two.db")
    return Store(tmp_path / "two.db")


def rows(store, catalog_id):
    s = store.tables(catalog_id).statements
    return sorted(zip(s["actor"], s["country"], s["issue"], s["stance"]))


def dump(store) -> list[str]:
    con = sqlite3.connect(store.path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_every_shipped_catalog_file_is_valid_and_listed():
    files = catalogs.shipped_files()
    assert files[0] == Path(catalogs.default_path())
    assert set(files) >= set(catalogs.SHIPPED_DIR.glob("*.toml"))
    shipped = catalogs.shipped()
    assert shipped[0].id == "ukraine-war" and len({c.id for c in shipped}) == len(shipped)


def test_a_catalog_file_outside_the_folder_is_listed_as_the_default(tmp_path, monkeypatch):
    own = tmp_path / "own.toml"
    own.write_text(PORTS, encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_CATALOG", str(own))
    ids = [c.id for c in catalogs.shipped()]
    assert ids[0] == "ports-test" and "ukraine-war" in ids[1:]


def test_store_queries_show_each_catalogs_articles_only(db):
    assert rows(db, "trade-test") == [("Anna Berg", "DEU", "steel_tariffs", "support"),
                                      ("Luc Moreau", "FRA", "steel_tariffs", "oppose")]
    assert rows(db, "ports-test") == [("Pieter Vos", "NLD", "port_access", "support")]
    assert sorted(db.tables("trade-test").articles["title"]) == ["Steel talks", "Tariff row"]
    assert set(db.tables("ports-test").actors["name"]) == {"Pieter Vos"}
    assert len(db.tables().statements) == 3  # no catalog given: the whole corpus
    assert db.catalog_counts() == {"trade-test": 2, "ports-test": 1}
    listed = db.articles()
    assert sorted(zip(listed["title"], listed["catalog"])) == [
        ("Harbour plan", "ports-test"), ("Steel talks", "trade-test"), ("Tariff row", "trade-test")]
    assert set(listed.loc[listed["catalog"] == "trade-test", "catalog_version"]) == {db.catalog("trade-test").version}


def test_catalogs_lists_shipped_and_saved_and_a_saved_version_overrides_the_shipped_file(db):
    available = {a.catalog.id: a for a in db.available_catalogs()}
    assert list(available)[0] == "ukraine-war"  # the default first
    assert {k: a.source for k, a in available.items()} == {
        "ukraine-war": "shipped", "trade-tariffs": "shipped", "middle-east": "shipped",
        "trade-test": "saved", "ports-test": "saved"}
    assert [c.id for c in db.catalogs()] == list(available)
    trade = db.catalog("trade-test")
    assert (trade.name, trade.reference, [i.label for i in trade.issues]) == (
        "Trade quarrel (test)", "DEU", ["Steel tariffs"])
    with pytest.raises(CatalogError, match="No issue catalog with id 'nowhere'"):
        db.catalog("nowhere")

    shipped = load_catalog_file()
    text = Path(shipped.path).read_text(encoding="utf-8").replace(
        'name = "', 'name = "Edited: ', 1)
    saved, count = db.save_catalog(text)
    assert count == 0  # no article of this corpus was analysed with it
    mine = {a.catalog.id: a for a in db.available_catalogs()}["ukraine-war"]
    assert mine.source == "saved" and mine.catalog.name.startswith("Edited: ")
    assert mine.catalog.version == saved.version != shipped.version
    assert db.catalog("ukraine-war").version == saved.version


def test_the_path_of_a_saved_version_is_a_file_next_to_the_database(db):
    path = db.catalog_path("trade-test")
    assert path == db.path.parent / "two-catalogs" / f"trade-test-{db.catalog('trade-test').version}.toml"
    assert path.read_text(encoding="utf-8") == TRADE
    assert db.catalog_path("ukraine-war") == Path(load_catalog_file().path)  # shipped: the file itself
    new, _ = db.save_catalog(TRADE_WITH_QUOTAS)
    assert db.catalog_path("trade-test").name == f"trade-test-{new.version}.toml"
    assert db.catalog_path("trade-test", load_catalog_file(path).version) == path  # an older version still there


def test_save_catalog_reanalyses_only_that_catalogs_articles(db, monkeypatch):
    trade = db.tables("trade-test").statements
    row = trade[trade["actor"] == "Luc Moreau"].iloc[0]
    db.correct([{"action": "edit", "article": row.article, "target": row.key, "stance": "neutral"}], "ana")
    before_ports = rows(db, "ports-test")
    analysed, calls = [], []
    real = store_module.extract_records

    def spy(items, *args, **kwargs):
        analysed.extend(a.title for a in items)
        return real(items, *args, **kwargs)

    monkeypatch.setattr(store_module, "extract_records", spy)
    catalog, count = db.save_catalog(TRADE_WITH_QUOTAS, progress=lambda done, total: calls.append((done, total)))
    assert (catalog.id, count) == ("trade-test", 2)
    assert sorted(analysed) == ["Steel talks", "Tariff row"]
    assert calls == [(0, 2), (1, 2), (2, 2)]
    # the cue added gives a new position; the analyst's correction survives the re-analysis
    assert rows(db, "trade-test") == [("Anna Berg", "DEU", "export_quotas", "support"),
                                      ("Anna Berg", "DEU", "steel_tariffs", "support"),
                                      ("Luc Moreau", "FRA", "steel_tariffs", "neutral")]
    assert rows(db, "ports-test") == before_ports
    listed = db.articles()
    assert set(listed.loc[listed["catalog"] == "trade-test", "catalog_version"]) == {catalog.version}
    assert set(listed.loc[listed["catalog"] == "ports-test", "catalog_version"]) == {db.catalog("ports-test").version}
    assert db.refresh() == 0  # everything is current


@pytest.mark.parametrize("text, message", [
    (TRADE.replace("support = ", "suport = "), "unknown key 'suport'"),
    (TRADE.replace("steel tariffs?", "(steel"), "does not compile"),
    (TRADE.replace('id = "trade-test"\n', ""), "the catalog has no id"),
    ("this is not toml = = =", "The catalog has 1 error"),
])
def test_a_broken_catalog_raises_and_changes_nothing(db, text, message):
    before = dump(db)
    db.catalogs()  # the saved versions are in the cache folder
    cache = sorted(p.name for p in (db.path.parent / "two-catalogs").iterdir())
    with pytest.raises(CatalogError, match=message):
        db.save_catalog(text, progress=lambda done, total: pytest.fail("nothing may be re-analysed"))
    assert dump(db) == before
    assert sorted(p.name for p in (db.path.parent / "two-catalogs").iterdir()) == cache


def test_an_article_ingested_under_another_catalog_moves_to_it(db):
    [result] = db.ingest(articles({"steel.txt": TRADE_ARTICLES["steel.txt"]}), catalog_path=db.catalog_path("ports-test"))
    assert result.status == "updated"
    assert sorted(db.tables("trade-test").articles["title"]) == ["Tariff row"]
    assert sorted(db.tables("ports-test").articles["title"]) == ["Harbour plan", "Steel talks"]
    assert rows(db, "ports-test") == [("Pieter Vos", "NLD", "port_access", "support")]  # no port cue in it
    [again] = db.ingest(articles({"steel.txt": TRADE_ARTICLES["steel.txt"]}), catalog_path=db.catalog_path("ports-test"))
    assert again.status == "duplicate"


def test_refresh_reanalyses_each_article_under_its_own_catalog(db, monkeypatch):
    db.save_catalog(TRADE_WITH_QUOTAS)  # trade's current version is now a newer one
    monkeypatch.setattr(pipeline_module, "engine_version", lambda: "upgraded")
    assert db.refresh() == 3
    assert db.catalog_counts() == {"trade-test": 2, "ports-test": 1}
    assert ("Anna Berg", "DEU", "export_quotas", "support") in rows(db, "trade-test")
    assert rows(db, "ports-test") == [("Pieter Vos", "NLD", "port_access", "support")]
    assert db.refresh() == 0


def test_ingest_without_a_catalog_uses_the_default_and_records_it(tmp_path, nlp):
    store = Store(tmp_path / "one.db")
    store.ingest(articles(PORTS_ARTICLES))
    default = load_catalog_file()
    assert list(zip(store.articles()["catalog"], store.articles()["catalog_version"])) == [(default.id, default.version)]
