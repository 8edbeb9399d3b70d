"""Refilling the git-ignored text caches from saved search results, checked against the gold."""

import hashlib
import json

import pytest


@pytest.fixture()
def sets(bench_module, tmp_path, monkeypatch):
    """A default set and one catalog set, each with one gold article (invented text)."""
    fill = bench_module("fill_cache")
    monkeypatch.setattr(fill, "HERE", tmp_path)
    texts = {"a01-talks": "Anna Berg said talks must go on.\n", "b02-tariffs": " date 2023-05-02 Tom Reed said \"no\"."}
    for base, article_id, url in [(tmp_path, "a01-talks", "https://example.org/a"),
                                  (tmp_path / "catalogs" / "trade", "b02-tariffs", "https://example.org/b")]:
        (base / "gold").mkdir(parents=True)
        gold = {"id": article_id, "url": url, "text_sha256": hashlib.sha256(texts[article_id].encode()).hexdigest()}
        (base / "gold" / f"{article_id}.json").write_text(json.dumps(gold), encoding="utf-8")
    return fill, tmp_path, texts


def save(folder, name, record):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(record if isinstance(record, str) else json.dumps(record), encoding="utf-8")


def test_each_saved_text_goes_to_its_sets_cache_and_a_wrong_one_nowhere(sets, tmp_path):
    fill, base, texts = sets
    saved = tmp_path / "saved"
    save(saved, "1.json", {"url": "https://example.org/a", "excerpt": texts["a01-talks"]})
    save(saved, "2.json", {"url": "https://example.org/b", "excerpt": texts["b02-tariffs"]})
    save(saved, "3.json", {"url": "https://example.org/a", "excerpt": "Anna Berg said talks must go on."})
    save(saved, "4.json", {"url": "https://example.org/zzz", "excerpt": "x"})
    save(saved, "5.json", '{"url": "https://example.org/a", "excerpt": "unterminated')
    installed, problems = fill.install(saved)
    assert sorted(installed) == ["a01-talks", "b02-tariffs"]
    assert (base / "cache" / "a01-talks.txt").read_bytes() == texts["a01-talks"].encode()
    assert (base / "catalogs" / "trade" / "cache" / "b02-tariffs.txt").read_bytes() == texts["b02-tariffs"].encode()
    assert [p.split(":")[0] for p in problems] == ["3.json", "4.json", "5.json"]
    assert "differs" in problems[0] and "no gold file" in problems[1]


def test_missing_lists_what_has_no_text_or_another_text(sets):
    fill, base, texts = sets
    assert fill.missing() == [f"{base.name}/a01-talks", "trade/b02-tariffs"]
    (base / "cache").mkdir()
    (base / "cache" / "a01-talks.txt").write_text(texts["a01-talks"], encoding="utf-8")
    assert fill.missing() == ["trade/b02-tariffs"]
    (base / "cache" / "a01-talks.txt").write_text("another text", encoding="utf-8")
    assert fill.missing() == [f"{base.name}/a01-talks", "trade/b02-tariffs"]
