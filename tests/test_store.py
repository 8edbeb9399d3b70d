"""The corpus database: dedup, re-processing, corrections that stick, migrations, transactions,
concurrent writers and bad input through the same path the app and CLI use."""

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from analysis import pipeline as pipeline_module
from analysis.errors import InputError
from analysis.evaluate import evaluate
from analysis.reader import decode, parse_article, read_file
from analysis.store import MIGRATIONS, Store, position_key

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_6f88fa4361e87f91.txt"
NORDIC = ROOT / "tests" / "articles" / "nordic-ceasefire-split.txt"


@pytest.fixture()
def db(tmp_path, nlp):
    s = Store(tmp_path / "corpus.db")
    s.ingest([(str(SEED), read_file(SEED))])
    return s


def stance_of(tables, actor, issue):
    rows = tables.statements[(tables.statements.actor == actor) & (tables.statements.issue == issue)]
    return sorted(set(rows.stance))


def test_same_article_twice_is_recognised(db):
    results = db.ingest([("again.txt", read_file(SEED))])
    assert [r.status for r in results] == ["duplicate"]
    assert "already in the corpus" in results[0].message
    assert len(db.tables().articles) == 1


def test_article_with_nothing_is_stored_and_says_so(db):
    [result] = db.ingest([("wheat", read_file(ROOT / "tests/articles/wheat-market-no-actors.txt"))])
    assert result.status == "added" and "no positions found" in result.message
    assert len(db.tables().articles) == 2


def test_corrections_apply_and_survive_reprocessing(db, monkeypatch):
    t = db.tables()
    row = t.statements[(t.statements.actor == "Jean-Noël Barrot")].iloc[0]
    db.correct([{"action": "edit", "article": row.article, "target": row.key, "stance": "neutral"},
                {"action": "country", "article": row.article, "target": "Kremlin", "country": "RUS"},
                {"action": "delete", "article": row.article,
                 "target": t.statements[t.statements.actor == "John Healey"].iloc[0].key}], analyst="ana")
    def check():
        t2 = db.tables()
        assert stance_of(t2, "Jean-Noël Barrot", "nato_membership") == ["neutral"]
        assert "John Healey" not in set(t2.statements.actor)
        assert t2.statements[t2.statements.actor == "Jean-Noël Barrot"].corrected.all()
    check()
    # a pipeline upgrade re-analyses the article; the corrections are kept
    monkeypatch.setattr(pipeline_module, "engine_version", lambda: "upgraded")
    assert db.refresh() == 1
    check()
    assert set(db.corrections().analyst) == {"ana"}


def test_added_position_links_to_its_sentence(db):
    t = db.tables()
    article = t.articles.iloc[0]
    start = article.text.index("Several European leaders")
    end = article.text.index("approach.", start) + len("approach.")
    db.correct([{"action": "add", "article": article.id, "target": "", "actor": "British officials", "country": "GBR",
                 "issue": "negotiations", "stance": "neutral", "evidence": article.text[start:end], "start": start,
                 "end": end}])
    added = db.tables().statements.query("actor == 'British officials' and issue == 'negotiations'")
    assert len(added) == 1 and article.text[added.start.iloc[0]:added.end.iloc[0]] == added.evidence.iloc[0]
    assert added.actor_type.iloc[0] == "group"  # taken from the actor table


def test_gold_export_is_accepted_by_evaluate(db, tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(db.gold()), encoding="utf-8")
    assert evaluate([path])["positions"]["f1"] == 1.0
    t = db.tables()
    row = t.statements.iloc[0]
    db.correct([{"action": "edit", "article": row.article, "target": row.key,
                 "stance": "oppose" if row.stance != "oppose" else "support"}])
    path.write_text(json.dumps(db.gold()), encoding="utf-8")
    assert evaluate([path])["positions"]["f1"] < 1.0  # the analyst now disagrees with the engine


def test_migration_from_version_one_keeps_data(tmp_path):
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript(MIGRATIONS[0] + "; CREATE TABLE schema_version (version INTEGER NOT NULL); "
                      "INSERT INTO schema_version VALUES (1);")
    con.execute("INSERT INTO articles VALUES ('a1', 'Old', '', '2024-01-01', 'Old text.', '', 'then', 'v0')")
    con.commit()
    con.close()
    s = Store(path)
    assert s.schema_version() == len(MIGRATIONS)
    assert s.revision() == 0 and "a1" in s.known()


def test_migration_from_schema_three_records_the_default_catalog_and_keeps_data(tmp_path):
    from analysis.catalog import load_catalog_file

    path = tmp_path / "three.db"
    con = sqlite3.connect(path)
    con.executescript(";".join(MIGRATIONS[:3]) + "; CREATE TABLE schema_version (version INTEGER NOT NULL); "
                      "INSERT INTO schema_version VALUES (1); INSERT INTO schema_version VALUES (2); "
                      "INSERT INTO schema_version VALUES (3);")
    con.execute("INSERT INTO articles VALUES ('a1', 'Old', 'Wire', '2024-01-01', 'Old text.', 'old.txt', 'then', 'v0')")
    con.execute("INSERT INTO positions VALUES ('a1', 'Anna Berg', 'person', 'DEU', '', 'sanctions', 'support', "
                "'Old text.', 0, 9, '', 'reported', 0.9)")
    con.execute("INSERT INTO corrections (article, action, target, stance, analyst, at) VALUES "
                "('a1', 'edit', 'a1|Anna Berg|0|sanctions|support', 'neutral', 'ana', 'then')")
    con.commit()
    con.close()
    s = Store(path)
    assert s.schema_version() == len(MIGRATIONS) == 4
    default = load_catalog_file()
    articles = s.articles()
    assert articles[["id", "title", "source", "origin", "catalog", "catalog_version"]].values.tolist() == [
        ["a1", "Old", "Wire", "old.txt", default.id, default.version]]
    assert s.known() == {"a1": "v0"}  # still stale: refresh() re-analyses it under that catalog
    positions = s.tables(default.id).statements
    assert list(zip(positions["actor"], positions["stance"], positions["corrected"])) == [("Anna Berg", "neutral", True)]
    assert s.catalog_counts() == {default.id: 1}
    assert s.available_catalogs()[0].catalog.id == default.id  # no saved catalogs: the catalogs table is there


def test_crash_during_write_leaves_database_consistent(db, monkeypatch):
    before = db.tables()
    real = Store._insert

    def failing(con, table, record_type, records):
        if table == "reactions":
            raise RuntimeError("power cut")
        return real(con, table, record_type, records)

    monkeypatch.setattr(Store, "_insert", staticmethod(failing))
    with pytest.raises(RuntimeError):
        db.ingest([("nordic", read_file(NORDIC))])
    after = db.tables()
    assert len(after.articles) == len(before.articles)
    assert len(after.statements) == len(before.statements) and len(after.actors) == len(before.actors)


def test_two_writers_at_once_lose_nothing(db, tmp_path):
    articles = [(p.name, read_file(p)) for p in sorted((ROOT / "tests" / "articles").iterdir())]
    key = db.tables().statements.iloc[0]
    errors = []

    def adder():
        try:
            Store(db.path).ingest(articles)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def corrector():
        try:
            other = Store(db.path)
            for i in range(20):
                other.correct([{"action": "edit", "article": key.article, "target": key.key, "stance": "neutral"}],
                              analyst=f"b{i}")
        except Exception as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=adder), threading.Thread(target=corrector)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(db.tables().articles) == 1 + len(articles)
    assert len(db.corrections()) == 20


@pytest.mark.parametrize("name, raw, message", [
    ("empty.txt", b"", "empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("huge.txt", b"a" * 6_000_000, "over the 5.0 MB limit"),
])
def test_bad_input_is_refused_and_corpus_intact(db, name, raw, message):
    with pytest.raises(InputError, match=message):
        parse_article(decode(raw, name), name)
    assert len(db.tables().articles) == 1


def test_latin1_and_hostile_html_are_stored_as_clean_text(db):
    latin = "Title: Paris\n\nLe ministre a déclaré que la sécurité européenne était essentielle.".encode("latin-1")
    html = (b"<html><body><article><p onmouseover=\"alert(1)\">Portugal welcomed the idea of a European "
            b"reassurance force.</p><script>document.write('x')</script></article></body></html>")
    results = db.ingest([("fr.txt", parse_article(decode(latin, "fr.txt"), "fr.txt")),
                         ("page.html", parse_article(decode(html, "page.html"), "page.html", ".html"))])
    assert [r.status for r in results] == ["added", "added"]
    texts = set(db.tables().articles.text)
    assert any("déclaré" in t for t in texts)
    assert not any("<" in t or "alert" in t or "document.write" in t for t in texts)


def test_position_key_is_stable():
    assert position_key("a", "X", 3, "sanctions", "support") == "a|X|3|sanctions|support"


# ------------------------------------------------------------ location, ownership and damage

from analysis.errors import StoreError  # noqa: E402
from readonly_fs import assert_read_only, read_only  # noqa: E402


def test_database_path_that_is_a_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="points at the folder .* not a file"):
        Store(tmp_path)


def test_new_database_in_a_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only(folder):
        assert_read_only(folder)
        with pytest.raises(StoreError, match="cannot be created in .*locked: the folder is not writable"):
            Store(folder / "new.db")
        with pytest.raises(StoreError, match=r"folder .*sub for the corpus database cannot be created"):
            Store(folder / "sub" / "new.db")
    assert list(folder.iterdir()) == []


def test_existing_database_in_a_read_only_folder_opens_read_only(db, tmp_path):
    before = db.tables()
    folder = db.path.parent
    with read_only(folder):
        assert_read_only(folder)
        ro = Store(db.path)
        assert ro.read_only and "not writable" in ro.read_only_reason
        after = ro.tables()
        assert after.statements.drop(columns="key").equals(before.statements.drop(columns="key"))
        with pytest.raises(StoreError, match="open read-only .* Copy it to a writable folder"):
            ro.correct([{"action": "delete", "article": before.statements.article[0], "target": "x"}])
        with pytest.raises(StoreError, match="open read-only"):
            ro.ingest([("n.txt", read_file(NORDIC))])


def test_another_applications_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a dashboard corpus database .*invoices"):
        Store(path)
    con = sqlite3.connect(path)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["invoices"]


def test_schema_from_a_newer_version_is_refused(db):
    con = sqlite3.connect(db.path)
    con.execute("INSERT INTO schema_version VALUES (99)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match=r"newer version of the dashboard \(schema 99"):
        Store(db.path)


def damage(path: Path) -> None:
    """Overwrite every page after the first with noise (the schema page stays readable)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = bytes((i * 7 + 3) % 256 for i in range(len(data) - page))
    path.write_bytes(bytes(data))


def test_damaged_database_gives_a_store_error(db):
    damage(db.path)
    with pytest.raises(StoreError, match="cannot be used .* restore it from a backup"):
        Store(db.path).tables()


# ------------------------------------------------------------ one upload, dates, deleting

def test_same_text_twice_in_one_upload_is_stored_once(tmp_path, nlp):
    s = Store(tmp_path / "c.db")
    article = read_file(NORDIC)
    results = s.ingest([("first.txt", article), ("second.txt", article)])
    assert [(r.name, r.status) for r in results] == [("first.txt", "added"), ("second.txt", "duplicate")]
    assert results[0].message.startswith("first.txt: added;")
    assert results[1].message == "second.txt: the same text as first.txt in this upload; stored once."
    assert len(s.tables().articles) == 1


def test_invalid_date_is_refused_by_the_store(tmp_path, nlp):
    s = Store(tmp_path / "c.db")
    good = read_file(NORDIC)
    bad = type(good)(id="x1", title="t", source="", date="14/02/2025", text="Some text.")
    results = s.ingest([("bad.txt", bad), ("good.txt", good)])
    assert [r.status for r in results] == ["error", "added"]
    assert "bad.txt: the date '14/02/2025' is not a date in the form YYYY-MM-DD" in results[0].message
    assert list(s.tables().articles.id) == [good.id]


def test_delete_article_removes_everything_and_is_audited(db):
    db.ingest([("nordic", read_file(NORDIC))])
    t = db.tables()
    seed_id = t.articles[t.articles.text.str.contains("Rubio")].id.iloc[0]
    other = t.articles[t.articles.id != seed_id].id.iloc[0]
    row = t.statements[t.statements.article == seed_id].iloc[0]
    db.correct([{"action": "edit", "article": seed_id, "target": row.key, "stance": "neutral"}], analyst="ana")
    title = db.delete_article(seed_id, analyst="bo")
    assert "Negotiations with Russia" in title  # the seed's headline
    after = db.tables()
    assert list(after.articles.id) == [other]
    for table in (after.actors, after.statements, after.reactions):
        assert seed_id not in set(table.article)
    assert len(after.statements) == len(t.statements[t.statements.article == other])
    audit = db.corrections()
    assert list(zip(audit.action, audit.article, audit.analyst)) == [("delete_article", seed_id, "bo")]
    con = sqlite3.connect(db.path)
    for table in ("actors", "positions", "reactions"):
        assert con.execute(f"SELECT COUNT(*) FROM {table} WHERE article = ?", (seed_id,)).fetchone()[0] == 0
    with pytest.raises(StoreError, match="No article with id 'nope'"):
        db.delete_article("nope")
    # the same article can be added again afterwards
    assert [r.status for r in db.ingest([("again", read_file(SEED))])] == ["added"]
