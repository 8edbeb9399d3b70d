"""The real-news runner's study and check halves: a fixed cut of a split by the article number."""

import pytest


@pytest.fixture(scope="module")
def run(bench_module):
    return bench_module("run")


@pytest.mark.parametrize("article_id, half", [
    ("a01-some-talks", "check"), ("a02-other-talks", "study"), ("m13-a-vote", "check"), ("q10-a-ban", "study"),
])
def test_each_article_falls_in_one_half_by_its_number(run, article_id, half):
    other = "check" if half == "study" else "study"
    assert run.in_half(article_id, half) and not run.in_half(article_id, other)


def test_the_check_half_is_never_listed_miss_by_miss(run, capsys):
    with pytest.raises(SystemExit):
        run.main(["--split", "dev", "--half", "check", "-v"])
    assert "totals only" in capsys.readouterr().err


@pytest.mark.parametrize("stored, article", [
    (" date 2023-05-02 Anna Berg on Monday called for talks.", "Anna Berg on Monday called for talks."),
    ("date 2022-04\nTom Reed said ...", "Tom Reed said ..."),
    ("Anna Berg said the date 2023-05-02 was set.", "Anna Berg said the date 2023-05-02 was set."),
])
def test_the_stored_page_date_is_taken_off_the_lead_sentence(run, stored, article):
    assert run.PAGE_DATE.sub("", stored, count=1) == article


def test_all_sets_is_a_corpus_mode(run, capsys):
    with pytest.raises(SystemExit):
        run.main(["--all-sets"])
    assert "add --corpus" in capsys.readouterr().err


def test_the_other_sets_join_the_corpus_each_with_its_catalog_and_its_name(run, tmp_path, monkeypatch):
    """--corpus --all-sets: every set but the chosen one, each analysed with its own catalog; an
    article already in the corpus (one text annotated in two sets) is not taken twice."""
    import hashlib
    import json

    sets = [(tmp_path, "a01-talks"), (tmp_path / "catalogs" / "trade-tariffs", "a01-talks"),
            (tmp_path / "catalogs" / "middle-east", "b02-truce")]
    for base, article_id in sets:
        text = "Anna Berg said talks must go on." if base.name == "middle-east" else f"Tom Reed of {base.name} said no."
        (base / "gold").mkdir(parents=True)
        (base / "cache").mkdir()
        (base / "cache" / f"{article_id}.txt").write_text(text, encoding="utf-8")
        gold = {"id": article_id, "url": "https://example.org", "text_sha256": hashlib.sha256(text.encode()).hexdigest()}
        (base / "gold" / f"{article_id}.json").write_text(json.dumps(gold), encoding="utf-8")
    monkeypatch.setattr(run, "HERE", tmp_path)
    monkeypatch.setattr(run, "analyze", lambda articles, catalog: ([a.text for a in articles], catalog and run.Path(catalog).stem))
    run.use_catalog("trade-tariffs")
    assert run.other_sets() == [([f"Tom Reed of {tmp_path.name} said no."], None), (["Anna Berg said talks must go on."], "middle-east")]
    _, _, (default,), _ = run.load_articles(None, tmp_path / "gold", tmp_path / "cache")
    assert run.other_sets({default.id}) == [(["Anna Berg said talks must go on."], "middle-east")]


def test_corpus_mode_scores_one_half_of_one_split(run, capsys):
    with pytest.raises(SystemExit):
        run.main(["--corpus", "--half", "study"])
    assert "add --split" in capsys.readouterr().err


def test_corpus_mode_with_a_half_reads_every_article_and_scores_only_that_half(run, tmp_path, monkeypatch, capsys):
    """The registry learns from every cached article (one states the minister's country), but only
    the chosen half's articles are scored; the check half is refused miss by miss as ever."""
    import hashlib
    import json

    texts = {"a01-talks": "Foreign Minister Tove Lind of Norway said talks must resume.",
             "a02-talks": "Tove Lind said talks must resume now.",
             "a03-aid": "Karl Brun said more weapons must be sent."}
    (tmp_path / "gold").mkdir()
    (tmp_path / "cache").mkdir()
    for article_id, text in texts.items():
        (tmp_path / "cache" / f"{article_id}.txt").write_text(text, encoding="utf-8")
        name = text.split(" said")[0].split(" of ")[0].replace("Foreign Minister ", "")
        gold = {"id": article_id, "url": "https://example.org", "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
                "actors": [{"name": name, "country": "NOR" if "Lind" in name else ""}], "positions": []}
        (tmp_path / "gold" / f"{article_id}.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "split.json").write_text(json.dumps({"dev": list(texts), "test": []}), encoding="utf-8")
    monkeypatch.setattr(run, "GOLD", tmp_path / "gold")
    monkeypatch.setattr(run, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(run, "SPLIT", tmp_path / "split.json")
    run.main(["--corpus", "--split", "dev", "--half", "study"])
    out = capsys.readouterr().out
    assert "== dev study half, per article: 1 articles (registry built from all 3)" in out
    per_article, corpus = out.split("corpus mode")[0], out.split("corpus mode")[1]
    assert "right 0, empty 1" in per_article and "right 1, empty 0" in corpus
    assert "several spellings" not in out
    run.main(["--corpus", "--split", "dev", "--half", "study", "-v"])
    per_article, corpus = capsys.readouterr().out.split("corpus mode")[:2]
    assert "a02-talks: country of Tove Lind: gold NOR, given none" in per_article
    assert "country of" not in corpus
    with pytest.raises(SystemExit):
        run.main(["--corpus", "--split", "dev", "--half", "check", "-v"])
