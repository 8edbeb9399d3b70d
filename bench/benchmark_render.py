"""Dashboard speed: warm re-render with ~10,000 positions, and cold start on the seed.

1. Warm re-render (script time, streamlit AppTest): a synthetic corpus of repeated test articles
   big enough for 10,000+ positions is analysed once (cached), then each filter change and page
   switch is timed as a full script rerun: filtering, alignment, figure building.
2. Cold start in the browser: `streamlit run` on the seed corpus in a new process with a new
   database (created and filled on this first start), Debian chromium opens it, time until
   the first chart is drawn.

Run:  python bench/benchmark_render.py [--positions 10000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from benchmark_extract import build_corpus  # noqa: E402


def warm_rerender(target_positions: int) -> None:
    from streamlit.testing.v1 import AppTest, app_test
    from test_app import _NavigationPagesManager

    app_test.PagesManager = _NavigationPagesManager
    n_articles = int(target_positions / 7.5) + 10
    folder = Path(tempfile.mkdtemp(prefix="dash-bench-"))
    try:
        build_corpus(folder, n_articles)
        os.environ["DASHBOARD_CORPUS"] = str(folder)
        os.environ["DASHBOARD_DB"] = str(folder / "bench.db")  # a new database, filled from the corpus
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900)
        start = time.perf_counter()
        at.run()
        first = time.perf_counter() - start
        positions = len(at.session_state["tables"].statements)
        print(f"corpus: {n_articles} articles, {positions} positions; first run (analysis + render): {first:.1f} s")

        def timed(label, action, repeat=5):
            times = []
            for i in range(repeat):
                action(i)
                t = time.perf_counter()
                at.run()
                times.append(time.perf_counter() - t)
                assert not at.exception, at.exception
            print(f"{label:<44} median {statistics.median(times):.2f} s  max {max(times):.2f} s")

        countries = [["DEU"], ["FRA", "DEU"], ["POL"], ["GBR", "FIN"], []]
        timed("filter change (country), overview", lambda i: at.multiselect(key="flt_country").set_value(countries[i]))
        pages = ["pages/map.py", "pages/positions.py", "pages/actors.py", "pages/reactions.py", "pages/overview.py"]
        timed("page switch (map/positions/actors/…)", lambda i: at.switch_page(pages[i]))
        issues = [["sanctions"], ["ceasefire", "sanctions"], [], ["territorial_integrity"], []]
        timed("filter change (issue), overview", lambda i: at.multiselect(key="flt_issue").set_value(issues[i]))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def cold_start() -> None:
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db_dir = tempfile.mkdtemp(prefix="dash-cold-")
    # a new database: the first start also creates it and analyses the seed into it
    env = {**os.environ, "DASHBOARD_CORPUS": str(ROOT / "seeds"), "DASHBOARD_DB": str(Path(db_dir) / "cold.db")}
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
                                 "--server.address", "127.0.0.1", "--server.port", str(port)],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        try:
            while True:
                try:
                    page.goto(f"http://127.0.0.1:{port}/", timeout=2000)
                    break
                except Exception:
                    time.sleep(0.1)
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60000)
            print(f"cold start to first chart on the seed (process start → chart drawn): {time.perf_counter() - start:.1f} s")
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
            browser.close()
            shutil.rmtree(db_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--positions", type=int, default=10000)
    args = parser.parse_args()
    cold_start()
    warm_rerender(args.positions)


if __name__ == "__main__":
    main()
