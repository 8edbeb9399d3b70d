"""The real-news runner's study and check halves: a fixed cut of a split by the article number."""

import pytest


@pytest.fixture(scope="module")
def run(bench_module):
    return bench_module("run")


@pytest.mark.parametrize("article_id, half", [
    ("a01-some-talks", "study"), ("a02-other-talks", "check"), ("m13-a-vote", "study"), ("q10-a-ban", "check"),
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
