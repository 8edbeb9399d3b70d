"""The command-line contract of PRODUCT.md, run as a real subprocess."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds"


def run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("table, columns", [
    ("actors", ["article", "name", "actor_type", "country", "role", "mentions"]),
    ("statements", ["article", "actor", "actor_type", "country", "role", "issue", "stance", "evidence", "start", "end",
                    "quote", "kind", "confidence"]),
    ("reactions", ["article", "source", "source_country", "target", "target_country", "relation", "evidence", "start", "end"]),
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
        "article,actor,actor_type,country,role,issue,stance,evidence,start,end,quote,kind,confidence"]


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
