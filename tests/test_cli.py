"""The command-line contract of PRODUCT.md, run as a real subprocess."""

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.cli import with_file
from analysis.reader import read_file

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds"


def run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("table, columns", [
    ("actors", ["article", "file", "name", "actor_type", "country", "role", "mentions", "evidence_start",
                "evidence_end", "country_source"]),
    ("statements", ["article", "file", "actor", "actor_type", "country", "role", "issue", "stance", "evidence", "start",
                    "end", "quote", "kind", "confidence", "country_source"]),
    ("reactions", ["article", "file", "source", "source_country", "target", "target_country", "relation", "evidence",
                   "start", "end"]),
])
def test_extract_csv_columns(table, columns):
    result = run("extract", str(SEED), "--table", table, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == columns and len(rows) > 1


def test_extract_alignment_jsonl_to_file(tmp_path):
    out = tmp_path / "al.jsonl"
    result = run("extract", str(SEED), "--table", "alignment", "--format", "jsonl", "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    ukr = {r["issue"]: r["status"] for r in rows if r["country"] == "UKR"}
    assert ukr["territorial_integrity"] == "divergent"  # Merezhko against Hegseth and Trump


def test_article_with_nothing_gives_valid_empty_table():
    result = run("extract", str(ROOT / "tests/articles/wheat-market-no-actors.txt"), "--table", "statements")
    assert result.returncode == 0
    assert result.stdout.strip().splitlines() == [
        "article,file,actor,actor_type,country,role,issue,stance,evidence,start,end,quote,kind,confidence,country_source"]


@pytest.mark.parametrize("make", [
    lambda p: (p / "empty.txt").write_bytes(b"") or p / "empty.txt",
    lambda p: p / "missing.txt",
    lambda p: (p / "pic.txt").write_bytes(b"\x89PNG\x00\x00") or p / "pic.txt",
])
def test_errors_are_one_line_and_non_zero(tmp_path, make):
    result = run("extract", str(make(tmp_path)))
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error:")


def test_evaluate_prints_figures():
    result = run("evaluate", str(ROOT / "tests/gold/seed.json"))
    assert result.returncode == 0, result.stderr
    assert "positions (a,i,stance)" in result.stdout and "country accuracy" in result.stdout


def test_ingest_then_export_with_corrections(tmp_path):
    db = str(tmp_path / "cli.db")
    first = run("ingest", str(SEED), str(ROOT / "tests/articles"), "--db", db)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("7 added, 0 updated, 0 already stored")
    again = run("ingest", str(SEED), "--db", db)
    assert "1 already stored" in again.stdout
    from analysis.store import Store

    store = Store(db)
    row = store.tables().statements.query("actor == 'Baiba Braže'").iloc[0]
    store.correct([{"action": "edit", "article": row.article, "target": row.key, "stance": "neutral"}])
    out = run("export", "--db", db, "--table", "statements", "--format", "csv")
    assert out.returncode == 0, out.stderr
    rows = [r for r in csv.DictReader(io.StringIO(out.stdout)) if r["actor"] == "Baiba Braže"]
    assert "neutral" in {r["stance"] for r in rows}
    gold = tmp_path / "gold.json"
    assert run("export", "--db", db, "--table", "gold", "--out", str(gold)).returncode == 0
    result = run("evaluate", str(gold))
    assert result.returncode == 0 and "positions (a,i,stance)" in result.stdout


# ------------------------------------------------------------ every row names its file

# Two short articles written for these tests (invented people).
SANCTIONS = ("Title: Two ministers on sanctions\nSource: Test fixture\nDate: 2025-04-01\n\n"
             "German Foreign Minister Anna Berg said sanctions on Russia must stay in place. Austrian Chancellor "
             "Paul Weber disagreed with Berg and said the sanctions should be eased.\n")
TRUCE = "# A minister on a truce\n\nDanish Defence Minister Karen Holm rejected calls for an immediate ceasefire.\n"


def two_articles(tmp_path):
    """A folder with a.txt and b.md, named as a user types it (relative to where `run` starts, with a
    trailing slash), and a copy of a.txt's text elsewhere. Returns (folder as given, copy as given, id a, id b)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SANCTIONS, encoding="utf-8")
    (folder / "b.md").write_text(TRUCE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(SANCTIONS, encoding="utf-8")
    return (os.path.relpath(folder, ROOT) + "/", os.path.relpath(tmp_path / "copy.txt", ROOT),
            read_file(folder / "a.txt").id, read_file(folder / "b.md").id)


def test_extract_rows_carry_the_file_as_given(tmp_path):
    folder, _, a, b = two_articles(tmp_path)
    result = run("extract", folder, "--table", "actors")
    assert result.returncode == 0 and not result.stderr, result.stderr
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["article", "file", "name", "actor_type", "country", "role", "mentions", "evidence_start", "evidence_end",
         "country_source"],
        [a, f"{folder}a.txt", "Anna Berg", "person", "DEU", "Foreign Minister", "2", "0", "78", "text"],
        [a, f"{folder}a.txt", "Paul Weber", "person", "AUT", "Chancellor", "1", "79", "169", "text"],
        [b, f"{folder}b.md", "Karen Holm", "person", "DNK", "Defence Minister", "1", "0", "77", "text"],
    ]


def test_the_same_text_twice_is_listed_once_under_the_first_file(tmp_path):
    folder, copy, a, b = two_articles(tmp_path)
    result = run("extract", copy, folder, "--table", "statements", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["article"], r["file"], r["actor"], r["issue"], r["stance"]) for r in rows] == [
        (a, copy, "Anna Berg", "sanctions", "support"),
        (a, copy, "Paul Weber", "sanctions", "oppose"),
        (b, f"{folder}b.md", "Karen Holm", "ceasefire", "oppose"),
    ]
    assert result.stderr.splitlines() == [
        f"note: {folder}a.txt: the same text as {copy}; its rows are listed once, with file {copy}."]
    reactions = run("extract", folder, "--table", "reactions", "--format", "jsonl")
    assert [json.loads(line) for line in reactions.stdout.splitlines()] == [{
        "article": a, "file": f"{folder}a.txt", "source": "Paul Weber", "source_country": "AUT",
        "target": "Anna Berg", "target_country": "DEU", "relation": "disagrees",
        "evidence": "Austrian Chancellor Paul Weber disagreed with Berg and said the sanctions should be eased.",
        "start": 79, "end": 169}]


def test_export_rows_carry_the_file_each_article_was_ingested_under(tmp_path):
    folder, copy, a, b = two_articles(tmp_path)
    db = str(tmp_path / "c.db")
    ingest = run("ingest", folder, copy, "--db", db)
    assert ingest.stdout.startswith("2 added, 0 updated, 1 already stored"), ingest.stderr

    def export(table):
        out = run("export", "--db", db, "--table", table, "--format", "csv")
        assert out.returncode == 0, out.stderr
        return list(csv.DictReader(io.StringIO(out.stdout)))

    assert [(r["id"], r["file"], r["origin"]) for r in export("articles")] == [  # undated first
        (b, f"{folder}b.md", f"{folder}b.md"), (a, f"{folder}a.txt", f"{folder}a.txt")]
    assert sorted(tuple(r.values()) for r in export("actors")) == [
        (a, f"{folder}a.txt", "Anna Berg", "person", "DEU", "Foreign Minister", "2", "0", "78", "text"),
        (a, f"{folder}a.txt", "Paul Weber", "person", "AUT", "Chancellor", "1", "79", "169", "text"),
        (b, f"{folder}b.md", "Karen Holm", "person", "DNK", "Defence Minister", "1", "0", "77", "text"),
    ]
    assert [(r["article"], r["file"], r["source"], r["target"]) for r in export("reactions")] == [
        (a, f"{folder}a.txt", "Paul Weber", "Anna Berg")]
    # A corpus stored before names were kept: the file is unknown, and empty.
    with sqlite3.connect(db) as con:
        con.execute("UPDATE articles SET origin = '' WHERE id = ?", (b,))
    con.close()
    out = run("export", "--db", db, "--table", "statements", "--format", "jsonl")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert sorted((r["article"], r["file"], r["actor"]) for r in rows) == [
        (a, f"{folder}a.txt", "Anna Berg"), (a, f"{folder}a.txt", "Paul Weber"), (b, "", "Karen Holm")]
    assert list(rows[0])[:3] == ["article", "file", "actor"]


def test_with_file_puts_the_file_after_article_and_leaves_the_table_alone():
    import pandas as pd

    table = pd.DataFrame({"article": ["x", "y"], "name": ["A", "B"]})
    assert with_file(table, {"x": "in/x.txt"}).to_dict("records") == [
        {"article": "x", "file": "in/x.txt", "name": "A"}, {"article": "y", "file": "", "name": "B"}]
    assert list(table.columns) == ["article", "name"]
    assert list(with_file(table.iloc[:0], {}).columns) == ["article", "file", "name"]


# ------------------------------------------------------------ bad files, bad places, CSV injection, delete

def one_error_line(result):
    lines = result.stderr.strip().splitlines()
    assert result.returncode != 0
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_extract_processes_good_files_and_reports_each_bad_one(tmp_path):
    good = ROOT / "tests/articles/nordic-ceasefire-split.txt"
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\x00\x00")
    result = run("extract", str(good), str(tmp_path / "empty.txt"), str(tmp_path / "pic.txt"), "--table", "statements")
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("error:") for e in errors)
    assert "empty.txt: the file is empty" in errors[0] and "pic.txt: this looks like a binary file" in errors[1]
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["article"] for r in rows} == {read_file(good).id}


def test_ingest_processes_good_files_and_reports_each_bad_one(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "dated.txt").write_text("Title: x\nDate: 31/12/2025\n\nSome text.", encoding="utf-8")
    db = str(tmp_path / "c.db")
    result = run("ingest", str(SEED), str(tmp_path / "empty.txt"), str(tmp_path / "dated.txt"), "--db", db)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "empty.txt" in errors[0] and "dated.txt: the date '31/12/2025'" in errors[1]
    assert result.stdout.startswith("1 added, 0 updated, 0 already stored, 2 unreadable")


def test_extract_out_into_a_missing_folder(tmp_path):
    line = one_error_line(run("extract", str(SEED), "--out", str(tmp_path / "nowhere" / "x.csv")))
    assert "nowhere does not exist" in line


@pytest.mark.parametrize("case", ["folder", "damaged", "foreign", "readonly-new", "readonly-subfolder"])
def test_database_problems_are_one_line(tmp_path, case):
    from readonly_fs import read_only

    if case == "folder":
        assert "points at the folder" in one_error_line(run("export", "--db", str(tmp_path)))
        return
    if case.startswith("readonly"):
        folder = tmp_path / "locked"
        folder.mkdir()
        target = folder / "new.db" if case == "readonly-new" else folder / "sub" / "new.db"
        with read_only(folder):
            line = one_error_line(run("ingest", str(SEED), "--db", str(target)))
        assert ("the folder is not writable" if case == "readonly-new" else "sub for the corpus database cannot be "
                "created") in line
        return
    db = tmp_path / "c.db"
    if case == "foreign":
        import sqlite3

        con = sqlite3.connect(db)
        con.execute("CREATE TABLE users (name TEXT)")
        con.commit()
        con.close()
        assert "not a dashboard corpus database" in one_error_line(run("export", "--db", str(db)))
        return
    assert run("ingest", str(SEED), "--db", str(db)).returncode == 0
    from test_store import damage

    damage(db)
    assert "restore it from a backup" in one_error_line(run("export", "--db", str(db), "--table", "statements"))


def test_csv_exports_neutralise_formula_cells(tmp_path):
    article = tmp_path / "formula.txt"
    article.write_text("Title: =HYPERLINK(\"http://example.invalid\",\"open\")\nSource: @evil\n\n"
                       "German Foreign Minister Anna Berg said sanctions on Russia must stay in place.", encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert run("ingest", str(article), "--db", db).returncode == 0
    out = run("export", "--db", db, "--table", "articles", "--format", "csv")
    [row] = list(csv.DictReader(io.StringIO(out.stdout)))
    assert row["title"] == "'=HYPERLINK(\"http://example.invalid\",\"open\")" and row["source"] == "'@evil"
    evidence = tmp_path / "minus.txt"
    evidence.write_text("-German Foreign Minister Anna Berg said sanctions on Russia must stay in place.", encoding="utf-8")
    ext = run("extract", str(evidence), "--table", "statements")
    rows = list(csv.DictReader(io.StringIO(ext.stdout)))
    assert rows and all(r["evidence"].startswith("'-") for r in rows)


def test_delete_removes_an_article_and_records_it(tmp_path):
    db = str(tmp_path / "c.db")
    assert run("ingest", str(SEED), str(ROOT / "tests/articles/nordic-ceasefire-split.txt"), "--db", db).returncode == 0
    articles = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--table", "articles").stdout)))
    assert len(articles) == 2
    doomed = articles[0]["id"]
    result = run("delete", doomed, "--db", db, "--analyst", "ana")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"deleted {doomed}")
    left = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--table", "articles").stdout)))
    assert [a["id"] for a in left] == [articles[1]["id"]]
    statements = list(csv.DictReader(io.StringIO(run("export", "--db", db).stdout)))
    assert statements and doomed not in {s["article"] for s in statements}
    audit = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--table", "corrections").stdout)))
    assert [(a["action"], a["article"], a["analyst"]) for a in audit] == [("delete_article", doomed, "ana")]
    assert "No article with id 'nope'" in one_error_line(run("delete", "nope", "--db", db))


def test_backup_is_a_readable_copy_and_never_overwrites(tmp_path):
    db = str(tmp_path / "c.db")
    assert run("ingest", str(SEED), "--db", db).returncode == 0
    copy = tmp_path / "copy.db"
    result = run("backup", str(copy), "--db", db)
    assert result.returncode == 0, result.stderr
    original = run("export", "--db", db).stdout
    assert original and run("export", "--db", str(copy)).stdout == original
    assert "already exists" in one_error_line(run("backup", str(copy), "--db", db))


# ------------------------------------------------------------ the actor registry as CSV

def registry_rows(text):
    return list(csv.reader(io.StringIO(text, newline="")))


def test_registry_export_then_import_into_a_new_database(tmp_path):
    folder, *_ = two_articles(tmp_path)
    db, new = str(tmp_path / "c.db"), str(tmp_path / "new.db")
    assert run("ingest", folder, "--db", db).returncode == 0
    exported = run("registry", "export", "--db", db)
    assert exported.returncode == 0 and not exported.stderr, exported.stderr
    assert registry_rows(exported.stdout) == [
        ["name", "variants", "country", "role", "source"],
        ["Anna Berg", "", "DEU", "Foreign Minister", "text"],
        ["Karen Holm", "", "DNK", "Defence Minister", "text"],
        ["Paul Weber", "", "AUT", "Chancellor", "text"],
    ]
    shared = tmp_path / "shared.csv"
    assert run("registry", "export", "--db", db, "--out", str(shared)).returncode == 0
    assert shared.read_text(encoding="utf-8") == exported.stdout
    imported = run("registry", "import", str(shared), "--db", new, "--analyst", "ana")
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines() == [
        (f"imported 3 people from {shared} (3 with a country, 0 named in stored articles); the registry has 3 entries; "
         f"database {new}")]
    again = registry_rows(run("registry", "export", "--db", new).stdout)
    assert [r[:4] for r in again] == [r[:4] for r in registry_rows(exported.stdout)]
    assert [r[4] for r in again[1:]] == ["import"] * 3
    audit = list(csv.DictReader(io.StringIO(run("export", "--db", new, "--table", "corrections").stdout)))
    assert [(r["action"], r["target"], r["analyst"]) for r in audit] == [
        ("registry_import", f"{shared}: 3 people", "ana")]
    # Back into the first database: the people are the ones its articles name.
    back = run("registry", "import", str(shared), "--db", db)
    assert "(3 with a country, 3 named in stored articles); the registry has 3 entries" in back.stdout


def snapshot(db):
    """Every row of the registry tables, the corrections and the revision, then the file's bytes."""
    con = sqlite3.connect(db)
    rows = {t: con.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            for t in ("registry", "registry_names", "registry_import", "corrections", "meta")}
    con.close()
    return rows, Path(db).read_bytes()


def test_registry_import_with_bad_rows_changes_nothing(tmp_path):
    folder, *_ = two_articles(tmp_path)
    db = str(tmp_path / "c.db")
    assert run("ingest", folder, "--db", db).returncode == 0
    good = tmp_path / "good.csv"
    good.write_text("name,country,role\nLena Novak,SVN,Envoy\n", encoding="utf-8")
    assert run("registry", "import", str(good), "--db", db).returncode == 0
    before = snapshot(db)
    assert before[0]["registry_import"] and before[0]["registry"]
    bad = tmp_path / "bad.csv"
    bad.write_text("name,variants,country\nAnna Berg,,DEU\nKaren Holm,,XYZ\n,,AUT\nMila Horvat,,HRV\n",
                   encoding="utf-8")
    line = one_error_line(run("registry", "import", str(bad), "--db", db))
    assert line == (f"error: {bad}: nothing imported, 2 bad lines: line 3: country 'XYZ' is not an ISO 3166-1 alpha-3 "
                    "or alpha-2 code (DEU or DE) nor EU/NATO/UN/WTO; line 4: the name is empty.")
    assert snapshot(db) == before
    missing = tmp_path / "none.db"
    assert "line 3: country 'XYZ'" in one_error_line(run("registry", "import", str(bad), "--db", str(missing)))
    assert not missing.exists()  # the file is checked before the database is opened


@pytest.mark.parametrize("name, data, message", [
    ("nowhere.csv", None, "nowhere.csv: no such file"),
    ("list.xlsx", b"PK\x03\x04\x14\x00", "list.xlsx: this is a spreadsheet workbook (.xlsx/.ods), not CSV"),
    ("list.csv", b"Anna Berg,DEU\n", "list.csv: line 1 must be a header with a 'name' column"),
])
def test_registry_import_of_a_file_that_is_no_registry_is_one_line(tmp_path, name, data, message):
    if data is not None:
        (tmp_path / name).write_bytes(data)
    assert message in one_error_line(run("registry", "import", str(tmp_path / name), "--db", str(tmp_path / "c.db")))


# ------------------------------------------------------------ issue catalogs: check, and --catalog

BAD_CATALOG = """[[issue]]
id = "ceasefire"
suport = ['\\btruce\\b']

[[issue]]
id = "talks"
support = ['\\btalks\\b', '\\b(peace']
"""
PRESSURE_CATALOG = """id = "pressure-test"
name = "One issue"
reference = "DEU"

[[issue]]
id = "pressure"
label = "Pressure"
support = ['\\bsanctions\\b']
"""


def test_catalog_check_exit_codes(tmp_path):
    ok = run("catalog", "check", "analysis/data/catalogs/ukraine-war.toml")
    assert ok.returncode == 0 and not ok.stderr, ok.stderr
    assert ok.stdout.splitlines() == ["ok: 10 issues in analysis/data/catalogs/ukraine-war.toml (catalog 'ukraine-war', reference USA)"]
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_CATALOG, encoding="utf-8")
    result = run("catalog", "check", str(bad))
    assert result.returncode == 1 and not result.stdout
    assert result.stderr.splitlines() == [
        f"{bad}:1: issue 'ceasefire': no cues: give at least one cue in support, oppose or weak, or in their "
        "_phrases or _tokens keys",
        f"{bad}:3: issue 'ceasefire': unknown key 'suport' (did you mean 'support'?)",
        f"{bad}:7: issue 'talks': support: pattern '\\b(peace' does not compile (missing ), unterminated subpattern "
        "at position 2)",
        f"error: {bad}: 3 errors; the catalog cannot be used until they are fixed.",
    ]
    assert "not found" in one_error_line(run("catalog", "check", str(tmp_path / "none.toml")))


def test_extract_and_ingest_refuse_a_catalog_with_an_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_CATALOG, encoding="utf-8")
    for command in (["extract", str(SEED)], ["ingest", str(SEED), "--db", str(tmp_path / "c.db")]):
        line = one_error_line(run(*command, "--catalog", str(bad)))
        assert line.startswith(f"error: Issue catalog {bad} has 3 errors: line 1: issue 'ceasefire': no cues")
    assert not (tmp_path / "c.db").exists()


def test_ingest_and_extract_use_the_catalog_given(tmp_path):
    folder, _, a, b = two_articles(tmp_path)
    catalog = tmp_path / "pressure.toml"
    catalog.write_text(PRESSURE_CATALOG, encoding="utf-8")
    db = str(tmp_path / "c.db")

    def statements():
        out = run("export", "--db", db, "--table", "statements", "--format", "jsonl")
        return sorted((r["actor"], r["issue"], r["stance"]) for r in map(json.loads, out.stdout.splitlines()))

    assert run("ingest", folder, "--db", db, "--catalog", str(catalog)).stdout.startswith("2 added, 0 updated")
    assert statements() == [("Anna Berg", "pressure", "support"), ("Paul Weber", "pressure", "oppose")]
    again = run("ingest", folder, "--db", db, "--catalog", str(catalog))
    assert again.stdout.startswith("0 added, 0 updated, 2 already stored"), again.stderr
    # The catalog is part of the stored pipeline version: the default one re-analyses both articles.
    assert run("ingest", folder, "--db", db).stdout.startswith("0 added, 2 updated, 0 already stored")
    assert statements() == [("Anna Berg", "sanctions", "support"), ("Karen Holm", "ceasefire", "oppose"),
                             ("Paul Weber", "sanctions", "oppose")]
    extracted = run("extract", folder, "--table", "alignment", "--format", "jsonl", "--catalog", str(catalog))
    assert extracted.returncode == 0, extracted.stderr
    # the catalog's reference country (DEU) is the default reference
    assert [(r["issue"], r["reference"], r["country"], r["status"]) for r in map(json.loads, extracted.stdout.splitlines())
            ] == [("pressure", "DEU", "AUT", "divergent")]


def test_catalog_list_names_shipped_and_saved_catalogs_with_their_articles(tmp_path, nlp):
    from analysis.catalog import load_catalog_file
    from catalog_fixture import build

    store = build(tmp_path / "two.db")
    trade, ports, default = store.catalog("trade-test"), store.catalog("ports-test"), load_catalog_file()
    result = run("catalog", "list", "--db", str(store.path))
    assert result.returncode == 0 and not result.stderr, result.stderr
    cells = [line.split("  ") for line in result.stdout.splitlines()]
    cells = [[c.strip() for c in row if c.strip()] for row in cells]
    assert cells[0] == ["id", "name", "version", "source", "articles"]
    assert cells[1] == [default.id, default.name, default.version, "shipped", "0"]
    listed = {row[0]: row for row in cells[2:]}
    assert listed["trade-test"] == ["trade-test", "Trade quarrel (test)", trade.version, "saved", "2"]
    assert listed["ports-test"] == ["ports-test", "Harbour dispute (test)", ports.version, "saved", "1"]
    assert all(row[3] == "shipped" and row[4] == "0" for key, row in listed.items()
               if key not in ("trade-test", "ports-test"))  # the other shipped files
    missing = run("catalog", "list", "--db", str(tmp_path))
    assert missing.returncode == 1 and missing.stderr.startswith("error:") and len(missing.stderr.splitlines()) == 1


def test_ingest_with_a_catalog_records_it(tmp_path):
    catalog = tmp_path / "ports.toml"
    from catalog_fixture import PORTS, PORTS_ARTICLES

    catalog.write_text(PORTS, encoding="utf-8")
    article = tmp_path / "harbour.txt"
    article.write_text(PORTS_ARTICLES["harbour.txt"], encoding="utf-8")
    db = str(tmp_path / "cli.db")
    assert run("ingest", str(article), "--db", db, "--catalog", str(catalog)).returncode == 0
    listed = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--table", "articles").stdout)))
    assert [(a["title"], a["catalog"]) for a in listed] == [("Harbour plan", "ports-test")]
    lines = run("catalog", "list", "--db", db).stdout.splitlines()
    assert any(line.split()[0] == "ukraine-war" and line.split()[-1] == "0" for line in lines)
    # a file given to ingest is kept as a saved version, so the app lists it and refresh finds it
    assert any(line.split()[0] == "ports-test" and line.split()[-2:] == ["saved", "1"] for line in lines)
