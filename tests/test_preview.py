"""The catalog preview (analysis.preview) and the parse cache it runs on (analysis.parsecache),
on a real store in a temporary folder with short articles written for these tests."""

import dataclasses
import re
import sqlite3

import pandas as pd
import pytest

from analysis import parsecache, preview as preview_module
from analysis import pipeline as pipeline_module
from analysis.catalog import Cue, PhraseCue, load_catalog_file
from analysis.errors import CatalogError
from analysis.preview import NO_SPEAKER, catalog_positions, draft_catalog, preview
from analysis.reader import parse_article
from analysis.records import Position, columns
from analysis.store import Store

BERG = """Title: Swedish and Dutch ministers on a truce
Date: 2025-03-10

Anna Berg, the Swedish foreign minister, said on Monday that her government backs an immediate ceasefire. "A pause in the fighting would save lives," Berg told reporters in Stockholm.

Piet Kramer, the Dutch defence minister, said the Netherlands would keep sending weapons to Ukraine.

A ceasefire was discussed at a dinner in the old town on Sunday evening.
"""
LIND = """Title: Lind on the terms of a truce
Date: 2025-03-11

Tomas Lind, the Finnish prime minister, said a truce that left troops in place would reward aggression.
"""
MARKET = """Title: Grain prices steady
Date: 2025-03-12

Grain prices were steady on Tuesday as traders waited for the harvest figures.
"""
ARTICLES = {"berg.txt": BERG, "lind.txt": LIND, "market.txt": MARKET}
PAUSE = r"\bpause in the fighting\b"


def ingest(path):
    store = Store(path)
    store.ingest([(name, parse_article(text, name)) for name, text in ARTICLES.items()])
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp):
    return ingest(tmp_path_factory.mktemp("preview") / "corpus.db")


@pytest.fixture()
def own_store(tmp_path, nlp):
    """A store a test may change (delete, re-analyse, empty the cache)."""
    return ingest(tmp_path / "corpus.db")


@pytest.fixture(scope="module")
def saved():
    return load_catalog_file()


def with_cues(catalog, issue_id, add=(), drop=""):
    """``catalog`` with cues added to (or whose pattern contains ``drop`` removed from) one issue."""
    issues = []
    for issue in catalog.issues:
        if issue.id == issue_id:
            cues = tuple(c for c in issue.cues if not (drop and drop in c.pattern.pattern))
            cues += tuple(Cue(re.compile(p, re.IGNORECASE), 1, False) for p in add)
            issue = dataclasses.replace(issue, cues=cues)
        issues.append(issue)
    return dataclasses.replace(catalog, issues=tuple(issues))


def machine_positions(store):
    """The positions table as the engine wrote it (no corrections, no registry)."""
    with sqlite3.connect(store.path) as con:
        cols = ", ".join(f'"{c}"' for c in columns(Position))
        return pd.read_sql_query(f"SELECT {cols} FROM positions", con)


def rows(frame, cols=("title", "actor", "country", "issue", "stance", "evidence")):
    return sorted(frame[list(cols)].itertuples(index=False, name=None))


def sorted_frame(frame):
    cols = columns(Position)
    return frame[cols].sort_values(cols).reset_index(drop=True)


def cache_rows(store):
    with sqlite3.connect(store.path) as con:
        return dict(con.execute("SELECT article, version FROM parse_cache"))


def ids(store):
    return dict(zip(store.articles()["title"], store.articles()["id"]))


# ------------------------------------------------------------------ correctness


def test_saved_catalog_changes_nothing_and_gives_the_stored_positions(store, saved):
    store.correct([{"action": "delete", "article": ids(store)["Lind on the terms of a truce"],
                    "target": store.tables().statements.query("actor == 'Tomas Lind'").key.iloc[0]}])
    result = preview(store, saved, saved, issue_ids=[i.id for i in saved.issues])
    assert result.appear.empty and result.disappear.empty
    assert result.n_matches == len(result.matches) > 0 and result.parsed == 0
    # what the engine gives from the cached parses is what ingest stored, before the correction
    assert sorted_frame(catalog_positions(store, saved)).equals(sorted_frame(machine_positions(store)))
    assert "Tomas Lind" not in set(store.tables().statements.actor)


def test_added_cue_gives_exactly_the_new_positions(store, saved):
    draft = with_cues(saved, "ceasefire", add=[PAUSE])
    result = preview(store, draft, saved)
    assert rows(result.appear) == [
        ("Swedish and Dutch ministers on a truce", "Anna Berg", "SWE", "ceasefire", "support",
         '"A pause in the fighting would save lives," Berg told reporters in Stockholm.'),
    ]
    assert result.disappear.empty
    # the prefilter skipped nothing that changes: the same as running both catalogs everywhere
    before, after = catalog_positions(store, saved), catalog_positions(store, draft)
    new = after.merge(before, how="left", indicator=True).query("_merge == 'left_only'")
    assert rows(result.appear, columns(Position)) == rows(new, columns(Position))
    assert rows(result.matches, ("title", "issue", "cue", "new", "speaker", "country", "stance", "kind")) == [
        ("Swedish and Dutch ministers on a truce", "ceasefire", "pause in the fighting", True, "Anna Berg", "SWE",
         "support", "direct"),
    ]
    assert result.searched == 1 and result.articles == 3


def test_added_phrase_cue_is_previewed_like_a_regex_cue(store, saved):
    """A plain-word phrase (matched by lemma on the cached Docs): "pauses in fighting" finds
    "A pause in the fighting" through its lemmas and a wildcard word."""
    issues = tuple(dataclasses.replace(i, phrases=(PhraseCue("pause in * fighting", 1, False),))
                   if i.id == "ceasefire" else i for i in saved.issues)
    draft = dataclasses.replace(saved, issues=issues)
    result = preview(store, draft, saved)
    assert rows(result.appear) == [
        ("Swedish and Dutch ministers on a truce", "Anna Berg", "SWE", "ceasefire", "support",
         '"A pause in the fighting would save lives," Berg told reporters in Stockholm.'),
    ]
    assert rows(result.matches, ("title", "issue", "cue", "pattern", "new", "speaker", "stance")) == [
        ("Swedish and Dutch ministers on a truce", "ceasefire", "pause in the fighting", "pause in * fighting", True,
         "Anna Berg", "support"),
    ]
    assert result.searched == 1  # the other articles' Docs do not match the phrase: not re-run
    before, after = catalog_positions(store, saved), catalog_positions(store, draft)
    new = after.merge(before, how="left", indicator=True).query("_merge == 'left_only'")
    assert rows(result.appear, columns(Position)) == rows(new, columns(Position))


def test_preview_can_be_limited_to_some_articles(store, saved):
    draft = with_cues(saved, "ceasefire", add=[PAUSE])
    others = [i for t, i in ids(store).items() if t != "Swedish and Dutch ministers on a truce"]
    result = preview(store, draft, saved, articles=others)
    assert result.appear.empty and result.matches.empty and result.articles == 2
    assert rows(preview(store, draft, saved, articles=ids(store).values()).appear) == rows(
        preview(store, draft, saved).appear)


def test_removed_cue_gives_exactly_the_lost_positions(store, saved):
    draft = with_cues(saved, "ceasefire", drop="truce")
    result = preview(store, draft, saved)
    assert rows(result.disappear) == [
        ("Lind on the terms of a truce", "Tomas Lind", "FIN", "ceasefire", "oppose",
         "Tomas Lind, the Finnish prime minister, said a truce that left troops in place would reward aggression."),
    ]
    assert result.appear.empty and result.matches.empty  # the draft has no new cue to show


def test_narration_match_has_no_speaker(store, saved):
    result = preview(store, saved, saved, issue_ids=["ceasefire"])
    cols = ("title", "cue", "new", "sentence", "speaker", "country", "stance")
    assert rows(result.matches, cols) == [
        ("Lind on the terms of a truce", "truce", False,
         "Tomas Lind, the Finnish prime minister, said a truce that left troops in place would reward aggression.",
         "Tomas Lind", "FIN", "oppose"),
        ("Swedish and Dutch ministers on a truce", "ceasefire", False,
         "A ceasefire was discussed at a dinner in the old town on Sunday evening.", "", "", NO_SPEAKER),
        ("Swedish and Dutch ministers on a truce", "ceasefire", False,
         "Anna Berg, the Swedish foreign minister, said on Monday that her government backs an immediate ceasefire.",
         "Anna Berg", "SWE", "support"),
    ]


BROKEN = """id = "draft"
[[issue]]
id = "ceasefire"
suport = ['\\btruce\\b']
"""


def test_broken_draft_is_never_previewed(store, saved, monkeypatch, tmp_path):
    monkeypatch.setattr(preview_module, "_corpus", lambda s: pytest.fail("a broken draft was run"))
    with pytest.raises(CatalogError) as err:
        preview(store, draft_catalog(BROKEN), saved)
    assert "unknown key 'suport'" in str(err.value) and err.value.problems
    (tmp_path / "draft.toml").write_text(BROKEN, encoding="utf-8")
    with pytest.raises(CatalogError):
        preview(store, tmp_path / "draft.toml", saved)
    bad = with_cues(saved, "ceasefire", drop="")
    bad = dataclasses.replace(bad, issues=bad.issues + bad.issues[:1])  # a duplicate id
    with pytest.raises(CatalogError, match="twice"):
        preview(store, bad, saved)
    with pytest.raises(CatalogError, match="no_such_issue"):
        preview(store, saved, saved, issue_ids=["no_such_issue"])


# ------------------------------------------------------------------ the parse cache


def test_parse_cache_is_written_with_the_article_and_dropped_with_it(own_store, nlp):
    version = parsecache.parse_version(nlp)
    assert cache_rows(own_store) == {i: version for i in ids(own_store).values()}
    gone = ids(own_store)["Grain prices steady"]
    with sqlite3.connect(own_store.path) as con:  # with each article's words and lemmas, for phrase cues
        words = parsecache.fetch_words(con, [gone], version)[gone]
    assert {"grain", "price", "prices", "steady", "trader", "traders", "wait", "waited"} <= words
    own_store.delete_article(gone)
    assert gone not in cache_rows(own_store) and len(cache_rows(own_store)) == 2
    with sqlite3.connect(own_store.path) as con:
        assert parsecache.fetch_words(con, [gone], version) == {}


def test_reanalysis_replaces_the_cached_parse(own_store, nlp, monkeypatch):
    before = cache_rows(own_store)
    monkeypatch.setattr(pipeline_module, "engine_version", lambda: "upgraded")
    assert own_store.refresh() == 3
    after = cache_rows(own_store)
    assert after.keys() == before.keys() and set(after.values()) == {parsecache.parse_version(nlp)} != set(before.values())


def test_stale_or_missing_parses_are_rebuilt_once(own_store, saved, monkeypatch):
    monkeypatch.setattr(parsecache, "parse_version", lambda nlp: "model-changed")  # as after a model upgrade
    first = preview(own_store, saved, saved, issue_ids=["ceasefire"])
    assert first.parsed == 2 and "parsed 2 articles that had no cached parse" in first.message
    assert cache_rows(own_store)[ids(own_store)["Lind on the terms of a truce"]] == "model-changed"
    again = preview(own_store, saved, saved, issue_ids=["ceasefire"])
    assert again.parsed == 0 and rows(again.matches, ("article", "start", "speaker", "stance")) == \
        rows(first.matches, ("article", "start", "speaker", "stance"))
    with sqlite3.connect(own_store.path) as con:
        con.execute("DELETE FROM parse_cache")
    assert preview(own_store, saved, saved, issue_ids=["ceasefire"]).parsed == 2


def test_cached_parse_finishes_exactly_like_a_fresh_one(nlp):
    """Long texts are parsed in pieces; the cached Doc must give the same records either way."""
    from analysis.extract import extract_doc

    text = "\n\n".join([LIND.split("\n\n", 1)[1].strip(), BERG.split("\n\n", 1)[1].strip()] * 160)
    assert len(text) > 2 * pipeline_module.PIECE_CHARS
    [fresh] = list(pipeline_module.parse(nlp, [text]))
    [prepared] = list(pipeline_module.prepare(nlp, [text]))
    cached = pipeline_module.finish(nlp, parsecache.decode(parsecache.encode(prepared), nlp))
    assert extract_doc(cached, "a") == extract_doc(fresh, "a")
