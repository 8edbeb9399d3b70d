"""The evidence-sentence checker of the real-news bench, on a self-written article in a temporary set."""

import hashlib
import json
from pathlib import Path

import pytest

TEXT = ("Berg calls for talks\n"
        "Foreign Minister Anna Berg on Monday called for an immediate ceasefire. "
        "She also said more aid must reach the region.\n")
SHA = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
POSITIONS = [("Anna Berg", "ceasefire", "support"), ("Anna Berg", "humanitarian_aid", "support")]


@pytest.fixture(scope="module")
def evidence(bench_module):
    return bench_module("evidence")


def sentence(words: str) -> list[int]:
    start = TEXT.index(words)
    return [start, TEXT.index(".", start) + 1]


def good_record() -> dict:
    return {"id": "x01-berg", "text_sha256": SHA, "positions": [
        {"actor": "Anna Berg", "issue": "ceasefire", "stance": "support",
         "spans": [sentence("Foreign Minister")], "speaker_in_sentence": [True]},
        {"actor": "Anna Berg", "issue": "humanitarian_aid", "stance": "support",
         "spans": [sentence("She also")], "speaker_in_sentence": [True]},
    ]}


def write_set(base: Path, record: dict) -> None:
    root = base / "catalogs" / "demo"
    for sub in ("gold", "cache", "evidence"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    gold = {"id": "x01-berg", "text_sha256": SHA, "positions": [
        {"actor": a, "issue": i, "stance": s, "optional": False} for a, i, s in POSITIONS]}
    (root / "gold" / "x01-berg.json").write_text(json.dumps(gold), encoding="utf-8")
    (root / "cache" / "x01-berg.txt").write_text(TEXT, encoding="utf-8")
    (root / "evidence" / "x01-berg.json").write_text(json.dumps(record), encoding="utf-8")


def test_a_good_file_passes_and_is_counted(evidence, tmp_path):
    write_set(tmp_path, good_record())
    problems, counts = evidence.check("demo", tmp_path)
    assert problems == []
    assert (counts["articles"], counts["positions"], counts["spans"], counts["empty"]) == (1, 2, 2, 0)


def test_a_wrong_sha_fails(evidence, tmp_path):
    record = good_record()
    record["text_sha256"] = "0" * 64
    write_set(tmp_path, record)
    assert any("text_sha256" in p for p in evidence.check("demo", tmp_path)[0])


def test_a_missing_position_fails(evidence, tmp_path):
    record = good_record()
    record["positions"].pop()
    write_set(tmp_path, record)
    assert any("humanitarian_aid/support has no entry" in p for p in evidence.check("demo", tmp_path)[0])


def test_an_out_of_range_span_fails(evidence, tmp_path):
    record = good_record()
    record["positions"][0]["spans"] = [[len(TEXT) - 5, len(TEXT) + 20]]
    write_set(tmp_path, record)
    assert any("out of range" in p for p in evidence.check("demo", tmp_path)[0])


def test_a_span_cut_inside_a_word_or_overlapping_fails(evidence, tmp_path):
    record = good_record()
    start, end = sentence("Foreign Minister")
    record["positions"][0]["spans"] = [[start + 2, end], [start + 10, end]]
    record["positions"][0]["speaker_in_sentence"] = [True, True]
    write_set(tmp_path, record)
    problems = evidence.check("demo", tmp_path)[0]
    assert any("inside a word" in p for p in problems) and any("overlap" in p for p in problems)


def test_an_empty_entry_needs_a_note(evidence, tmp_path):
    record = good_record()
    record["positions"][1].update(spans=[], speaker_in_sentence=[])
    write_set(tmp_path, record)
    assert any("no 'note'" in p for p in evidence.check("demo", tmp_path)[0])
    record["positions"][1]["note"] = "inferred across the paragraph"
    write_set(tmp_path, record)
    assert evidence.check("demo", tmp_path)[0] == []
