"""End to end in a real browser: Debian chromium driven by playwright against `streamlit run`.

The server binds to 127.0.0.1 on a free port, is stopped by its own process id, and every
request the page makes is recorded: none may leave 127.0.0.1 (maps use the local topojson).
"""

import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("DASHBOARD_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PAGES = ["", "map", "actors", "people", "positions", "reactions", "articles", "timeline", "add"]

pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists(),
                                reason="Debian chromium is not installed (.ci/run installs it)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app(db: Path):
    """`streamlit run dashboard.py` on 127.0.0.1 with the given database; stopped by its process id."""
    port = free_port()
    env = {**os.environ, "DASHBOARD_CORPUS": str(ROOT / "seeds"), "DASHBOARD_DB": str(db)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{base}/_stcore/health", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("streamlit did not start within 60 s")
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the server's own process group, by id
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_app(tmp_path_factory.mktemp("db") / "browser.db") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def settle(page):
    page.wait_for_selector("h1", timeout=60000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60000)
    page.wait_for_timeout(1500)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_pages_filter_map_and_png_offline(server, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith((server, "data:", "blob:", "about:")) else None)

    for name in PAGES:
        page.goto(f"{server}/{name}")
        settle(page)
        assert page.locator("[data-testid='stException']").count() == 0, f"exception on page {name or 'overview'}"

    # filter by one country through the sidebar widget: the headline count changes, the URL mirrors it
    page.goto(server)
    settle(page)
    positions = page.locator("[data-testid='stMetricValue']").nth(3)
    before = positions.inner_text()
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    box.click()
    page.keyboard.type("Germany")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('country=DEU')", timeout=30000)
    settle(page)
    assert positions.inner_text() != before

    # the filtered view survives a page switch (session state) and a bookmark (URL)
    page.locator("[data-testid='stSidebarNav'] a", has_text="Map").click()
    page.wait_for_url("**/map?*country=DEU*", timeout=30000)
    settle(page)

    # the map draws country shapes from the local topojson
    page.wait_for_selector(".js-plotly-plot path.choroplethlocation", state="attached", timeout=30000)
    shapes = page.evaluate("""() => Array.from(document.querySelectorAll('.js-plotly-plot path.choroplethlocation'))
                                   .map(p => (p.getAttribute('d') || '').length)""")
    borders = page.evaluate("""() => { const p = document.querySelector('.js-plotly-plot .layer.countries path');
                                      return p ? (p.getAttribute('d') || '').length : 0 }""")
    assert shapes and max(shapes) > 50, f"country shapes not drawn: {shapes}"  # USA lies outside the Europe view
    assert borders > 10000, "country borders (topojson) not drawn"

    # server-rendered PNG download
    with page.expect_download(timeout=90000) as info:
        page.get_by_role("button", name="Download PNG").first.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.name.startswith("alignment-map-europe") and "country-DEU" in target.name
    assert png_size(target.read_bytes()) == (1600, 900)

    assert outside == [], f"requests left 127.0.0.1: {outside[:5]}"
    context.close()


def test_add_three_articles_correct_restart_and_find_them(browser, tmp_path):
    """The issue's walk-through: an .html upload, a Latin-1 .txt upload and a pasted article; one
    stance corrected; the app restarted on the same database; everything is still there."""
    html = tmp_path / "oslo.html"
    html.write_text("<html><head><title>Oslo keeps pressure</title><script>alert('x')</script></head><body><article>"
                    "<p>Norwegian Prime Minister Kari Lunde said Oslo would keep sanctions on Russia in place "
                    "until the war ends.</p></article></body></html>", encoding="utf-8")
    latin = tmp_path / "lisbon.txt"
    latin.write_bytes("Title: Lisboa\n\nPortuguese Foreign Minister João Matos said Portugal supported "
                      "a European reassurance force for Ukraine, and called it a duty of solidarity.".encode("latin-1"))
    db = tmp_path / "walk.db"
    with running_app(db) as base:
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.goto(f"{base}/add")
        settle(page)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([str(html), str(latin)])
        page.wait_for_timeout(1500)
        page.get_by_role("button", name="Analyse and add").click()
        page.wait_for_selector("text=2 article(s) stored", timeout=90000)
        page.locator("textarea").fill("Danish Defence Minister Mads Holm said Denmark would send more air defence "
                                      "systems to Ukraine.")
        page.keyboard.press("Control+Enter")
        page.wait_for_timeout(500)
        page.get_by_role("button", name="Analyse and add").click()
        page.wait_for_selector("text=1 article(s) stored", timeout=90000)
        context.close()
    from analysis.store import Store

    store = Store(db)
    t = store.tables()
    assert {"NOR", "PRT", "DNK"} <= set(t.statements.country)
    assert any("João" in text for text in t.articles.text)  # Latin-1 decoded
    row = t.statements.query("country == 'NOR' and issue == 'sanctions'").iloc[0]
    store.correct([{"action": "edit", "article": row.article, "target": row.key, "stance": "neutral"}], "tester")
    with running_app(db) as base:  # a restart on the same file
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.goto(f"{base}/?country=NOR&country=PRT&country=DNK")
        settle(page)
        assert page.locator("[data-testid='stMetricValue']").nth(0).inner_text() == "4"  # seed + 3 added
        assert page.locator("[data-testid='stMetricValue']").nth(3).inner_text() == str(
            len(t.statements.query("country in ['NOR', 'PRT', 'DNK']")))
        page.goto(f"{base}/positions?country=NOR")
        settle(page)
        page.get_by_text("Corrections so far (1)").wait_for(timeout=30000)
        context.close()
    assert store.tables().statements.query("country == 'NOR' and issue == 'sanctions'").stance.tolist() == ["neutral"]


def test_bookmarked_page_is_the_first_request_after_start(browser, tmp_path):
    """A link to a filtered page opened right after the server starts (nobody has loaded "/"):
    the page must come up through dashboard.py, with its filters, not crash."""
    with running_app(tmp_path / "bookmark.db") as base:
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.goto(f"{base}/positions?country=FRA")
        settle(page)
        assert page.locator("h1").first.inner_text() == "Positions"
        assert page.locator("[data-testid='stException']").count() == 0
        assert "country=FRA" in page.url
        assert page.locator("[data-testid='stSidebarNav']").count() == 1  # the navigation is there too
        context.close()


def test_map_views_and_both_png_downloads_match(server, browser, tmp_path):
    """The toolbar camera (plotly.js in the browser) and "Download PNG" (kaleido on the server)
    give the same picture at the chosen size; the World view is centred on the Atlantic."""
    from PIL import Image, ImageChops

    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith((server, "data:", "blob:", "about:")) else None)
    page.goto(f"{server}/map")
    settle(page)
    page.wait_for_selector(".js-plotly-plot path.choroplethlocation", state="attached", timeout=30000)
    geo = "() => { const g = document.querySelector('.js-plotly-plot')._fullLayout.geo; " \
          "return [g.projection.type, g.projection.rotation.lon, g.lonaxis.range, g.lataxis.range] }"
    kind, _, lon_range, _ = page.evaluate(geo)
    assert kind == "conic equal area" and lon_range[1] - lon_range[0] >= 359  # whole shapes, zoomed, not cut

    files = {}
    with page.expect_download(timeout=90000) as info:
        page.get_by_role("button", name="Download PNG").first.click()
    files["server"] = tmp_path / "server.png"
    info.value.save_as(files["server"])
    page.locator(".js-plotly-plot").first.hover()
    with page.expect_download(timeout=90000) as info:
        page.locator(".js-plotly-plot .modebar-btn[data-title='Download plot as a PNG']").first.click()
    files["camera"] = tmp_path / "camera.png"
    info.value.save_as(files["camera"])
    assert info.value.suggested_filename.startswith("alignment-map-europe")
    server_png, camera_png = (Image.open(files[k]).convert("L") for k in ("server", "camera"))
    assert server_png.size == camera_png.size == (1600, 900)
    differs = ImageChops.difference(server_png, camera_png).point(lambda v: 255 if v > 40 else 0)
    assert sum(differs.histogram()[255:]) / (1600 * 900) < 0.01, "browser and server PNGs are framed differently"

    page.get_by_text("World", exact=True).first.click()
    page.wait_for_function("() => document.querySelector('.js-plotly-plot')._fullLayout.geo.projection.type "
                           "=== 'natural earth'", timeout=30000)
    kind, rotation, _, lat_range = page.evaluate(geo)
    assert -40 <= rotation <= 0 and lat_range[0] > -60  # the Atlantic in the middle, no Antarctica
    assert outside == [], f"requests left 127.0.0.1: {outside[:5]}"
    context.close()


def test_switching_catalog_in_the_sidebar_changes_url_and_charts(browser, tmp_path):
    """The seed corpus (default catalog) and two small test catalogs in one database: choosing
    another catalog in the sidebar puts it in the URL and redraws the counts and the charts with
    that catalog's articles and issue labels."""
    from catalog_fixture import build

    db = build(tmp_path / "catalogs.db", seed=True).path
    with running_app(db) as base:
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.goto(base)
        settle(page)
        metrics = page.locator("[data-testid='stMetricValue']")
        assert metrics.nth(0).inner_text() == "1"  # the seed article, under the default catalog
        select = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").first
        combo = select.locator("input[role='combobox']")
        assert combo.input_value().startswith("Russia–Ukraine war")
        page.screenshot(path=str(tmp_path / "overview-default.png"))
        assert page.locator("[data-testid='stSidebar']").get_by_text("1 article · 10 issues").count() == 1
        combo.click()
        page.get_by_role("option", name="Trade quarrel (test)").click()
        page.wait_for_function("() => location.search.includes('catalog=trade-test')", timeout=30000)
        settle(page)
        page.wait_for_function("() => document.querySelector('[data-testid=\"stMetricValue\"]')"
                               ".innerText.trim() === '2'", timeout=30000)
        assert "ref=DEU" in page.url  # the catalog's reference country
        assert combo.input_value() == "Trade quarrel (test)"
        assert metrics.nth(3).inner_text() == "2"
        assert page.get_by_text("An invented quarrel over steel tariffs.").count() == 1
        matrix = page.locator(".js-plotly-plot").last
        matrix.wait_for(timeout=30000)
        labels = matrix.evaluate("el => Array.from(el.querySelectorAll('text')).map(t => t.textContent).join(' | ')")
        assert "Steel tariffs" in labels and "Sanctions" not in labels
        page.screenshot(path=str(tmp_path / "overview-trade.png"))
        if os.environ.get("DASHBOARD_SCREENSHOTS"):  # keep the pictures to look at them
            for name in ("overview-default.png", "overview-trade.png"):
                shutil.copy(tmp_path / name, Path(os.environ["DASHBOARD_SCREENSHOTS"]) / name)
        # a bookmark of that view opens it again
        page.goto(f"{base}/positions?catalog=ports-test")
        settle(page)
        assert combo.input_value() == "Harbour dispute (test)"
        assert "ref=NLD" in page.url and page.locator("[data-testid='stException']").count() == 0
        context.close()
