"""Dataset mode speed and memory: the dashboard over synthetic datasets of 10k, 100k and 1M positions.

Each dataset is machine output in the batch layout (tests/dataset_fixture.py: ~200 countries
and bodies, the 10 catalog issues, thousands of invented people, ten positions per article,
chunks of 10,000 articles), generated once into bench-out/datasets/. Every measurement runs in a
new process, through AppTest (the script time of dashboard.py and the page, as
bench/benchmark_render.py measures the SQLite mode):

* first open: a new dataset version, so the actor registry is built from its person rows,
  and the slim tables and the unfiltered Overview's aggregates are computed (all kept in
  DIR/.dashboard-cache); time of ``Dataset(DIR)`` alone;
* cold load: a new server process's first run of the Overview (imports, opening the dataset
  with what the first open kept, the first queries and figures);
* filter change: a new country filter on the Overview, 6 different selections;
* page switch: every page once after each of two filter changes (14 switches; a page's
  queries are new each time, aggregates the Overview computed are reused by the Map);
* export: "Download CSV" of every position (DuckDB writes it; the bytes Streamlit serves);
* peak memory: the process's maximum resident set (ru_maxrss), beside its size after the
  app's imports, before the dataset is opened;
* CPU time (time.process_time, all the process's threads) of the cold load, the filter changes
  and the page switches: on a machine shared with other jobs it says what the app costs when
  the wall-clock times say how busy the machine was.

Run:  python bench/benchmark_dataset.py [--sizes 10000 100000 1000000] [--out bench-out/datasets]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

PAGES = ["pages/map.py", "pages/positions.py", "pages/actors.py", "pages/reactions.py", "pages/articles.py",
         "pages/timeline.py", "pages/overview.py"]
FILTERS = [["DEU"], ["FRA", "DEU"], ["POL"], ["GBR", "FIN", "SWE"], ["USA"], []]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dataset_for(positions: int, out: Path) -> Path:
    """The synthetic dataset of ``positions`` positions in ``out``, generated when missing."""
    folder = out / f"positions-{positions}"
    marker = folder / "bench-params.json"
    if marker.is_file() and json.loads(marker.read_text()) == {"positions": positions, "seed": 0}:
        return folder
    from dataset_fixture import synthetic_tables, write_dataset

    shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    tables = synthetic_tables(positions, seed=0)
    write_dataset(folder, tables, chunk_articles=10_000)
    marker.write_text(json.dumps({"positions": positions, "seed": 0}))
    print(f"generated {folder}: {len(tables['positions']):,} positions, {len(tables['articles']):,} articles, "
          f"{tables['actors']['name'].nunique():,} actor names in {time.perf_counter() - start:.0f} s", flush=True)
    return folder


# ------------------------------------------------------------------ measurements, each in its own process

def measure_first_open(folder: str) -> dict:
    shutil.rmtree(Path(folder) / ".dashboard-cache", ignore_errors=True)
    from analysis.dataset import Dataset, Filters

    before = rss_mb()
    start = time.perf_counter()
    ds = Dataset(folder)
    seconds = time.perf_counter() - start
    counts = ds.counts(Filters())
    return {"first_open": seconds, "first_open_peak": peak_mb(), "first_open_base": before, **counts,
            "people": len(ds.registry.people)}


def measure_app(folder: str) -> dict:
    start = time.perf_counter()  # cold load: from here (the app's imports included) to the first page drawn
    start_cpu = time.process_time()  # and the CPU time the process spent on it (all its threads)
    from streamlit.testing.v1 import AppTest, app_test
    from test_app import _NavigationPagesManager
    import ui.charts, ui.data, ui.filters, ui.widgets  # noqa: F401  (what dashboard.py imports first)

    app_test.PagesManager = _NavigationPagesManager
    os.environ["DASHBOARD_DATASET"] = folder
    os.environ["DASHBOARD_DB"] = str(Path(tempfile.mkdtemp(prefix="dash-bench-")) / "corrections.db")
    base = rss_mb()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900)
    at.run()
    cold, cold_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    assert not at.exception, at.exception
    cpu = []

    def timed(action) -> float:
        action()
        t, c = time.perf_counter(), time.process_time()
        at.run()
        assert not at.exception, at.exception
        cpu.append(time.process_time() - c)
        return time.perf_counter() - t

    filters = [timed(lambda f=f: at.multiselect(key="flt_country").set_value(f)) for f in FILTERS]
    filters_cpu = cpu[:]
    switches = []
    for selection in (["ITA"], ["ESP", "NLD"]):
        at.multiselect(key="flt_country").set_value(selection).run()
        switches += [timed(lambda p=p: at.switch_page(p)) for p in PAGES]
    return {"cold": cold, "filters": filters, "switches": switches, "peak": peak_mb(), "base": base,
            "cold_cpu": cold_cpu, "filters_cpu": filters_cpu, "switches_cpu": cpu[len(filters_cpu):]}


def measure_export(folder: str) -> dict:
    from analysis.catalog import issue_labels
    from analysis.dataset import Dataset, Filters
    from ui.data import export_csv

    ds = Dataset(folder)
    before = peak_mb()
    start = time.perf_counter()
    size = len(export_csv(ds, ds.positions_query(Filters(), labels=issue_labels())))
    return {"export": time.perf_counter() - start, "export_mb": size / 2**20, "export_peak": peak_mb(),
            "export_before": before}


def in_new_process(what: str, folder: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--measure", what, str(folder)], cwd=ROOT, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    if out.returncode:
        raise SystemExit(f"{what} on {folder} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out" / "datasets")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        what, folder = args.measure
        print(json.dumps({"first": measure_first_open, "app": measure_app, "export": measure_export}[what](folder)))
        return
    rows = []
    for size in args.sizes:
        folder = dataset_for(size, args.out)
        result = {**in_new_process("first", folder), **in_new_process("app", folder),
                  **in_new_process("export", folder)}
        rows.append(result)
        f, s = result["filters"], result["switches"]
        print(f"{result['positions']:>9,} positions: first open {result['first_open']:.1f} s "
              f"(registry of {result['people']:,} people), cold load {result['cold']:.1f} s, "
              f"filter change median {statistics.median(f):.2f} s max {max(f):.2f} s, "
              f"page switch median {statistics.median(s):.2f} s max {max(s):.2f} s, "
              f"peak memory {result['peak']:.0f} MB (after imports {result['base']:.0f} MB), "
              f"CPU time: cold load {result['cold_cpu']:.1f} s, filter change median "
              f"{statistics.median(result['filters_cpu']):.2f} s, page switch median "
              f"{statistics.median(result['switches_cpu']):.2f} s, "
              f"CSV of all positions {result['export']:.1f} s {result['export_mb']:.0f} MB "
              f"(peak {result['export_peak']:.0f} MB)", flush=True)
    print()
    print("| positions | articles | first open (registry built), peak memory | cold load | filter change median / max "
          "| page switch median / max | peak memory (after imports) | CSV of every position |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['positions']:,} | {r['articles']:,} | {r['first_open']:.1f} s, {r['first_open_peak']:.0f} MB "
              f"| {r['cold']:.1f} s "
              f"| {statistics.median(r['filters']):.2f} / {max(r['filters']):.2f} s "
              f"| {statistics.median(r['switches']):.2f} / {max(r['switches']):.2f} s "
              f"| {r['peak']:.0f} MB ({r['base']:.0f} MB) | {r['export']:.1f} s, {r['export_mb']:.0f} MB, "
              f"peak {r['export_peak']:.0f} MB |")


if __name__ == "__main__":
    main()
