"""Batch on a local Dask cluster against ``extract`` with two processes, on the same texts.

Builds N articles (default 5,000) as bench/benchmark_extract.py does (the seed and test articles
cycled, each copy with its own first line so nothing is deduplicated), then times, each as a
subprocess from start to exit (interpreter start, model loads, reading, writing included):

1. ``python -m analysis extract DIR --table statements --out FILE`` with DASHBOARD_N_PROCESS=2
   (two worker processes forked after the model is loaded; then the corpus-wide actor registry);
2. ``python -m analysis batch DIR --out DATASET --workers 2`` (a LocalCluster of two worker
   processes, one thread each, each loading the model; Parquet dataset, no corpus registry).

Prints seconds, articles/s and the ratio batch throughput / extract throughput (= extract time /
batch time). ``--repeat R`` alternates the two R times (extract, batch, extract, batch, ...) and
prints every pair, so a busy machine shows up as spread instead of as a false ratio. Run:
    python bench/benchmark_batch.py [--n 5000] [--chunk-size 64] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from benchmark_extract import build_corpus  # noqa: E402


def timed(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "analysis", *args], check=True, cwd=ROOT, env=env,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--chunk-size", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    import pyarrow.parquet as pq

    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASHBOARD_N_PROCESS": "2"}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        texts = build_corpus(folder, args.n)
        words = sum(len(t.split()) for t in texts)
        print(f"corpus: {args.n} articles, {words} words; cores: {os.cpu_count()}; chunk size {args.chunk_size}",
              flush=True)
        ratios = []
        for run in range(1, args.repeat + 1):
            csv_out = Path(tmp) / f"out-{run}.csv"
            extract = timed(["extract", str(folder), "--table", "statements", "--out", str(csv_out)], env)
            with open(csv_out, encoding="utf-8") as fh:
                csv_rows = sum(1 for _ in fh) - 1  # evidence sentences have no line breaks
            out = Path(tmp) / f"dataset-{run}"
            batch = timed(["batch", str(folder), "--out", str(out), "--workers", "2",
                           "--chunk-size", str(args.chunk_size)], env)
            manifest = json.loads((out / "manifest.json").read_text())
            positions = sum(pq.read_metadata(out / "positions" / f"chunk-{k}.parquet").num_rows
                            for k in manifest["chunks"])
            articles = sum(c["articles"] for c in manifest["chunks"].values())
            ratios.append(extract / batch)
            print(f"run {run}: extract, DASHBOARD_N_PROCESS=2:   {extract:7.1f} s  {args.n / extract:6.1f} articles/s  "
                  f"({csv_rows} statements)")
            print(f"run {run}: batch, LocalCluster(2 workers):  {batch:7.1f} s  {args.n / batch:6.1f} articles/s  "
                  f"({articles} articles, {positions} positions, {len(manifest['chunks'])} chunks)")
            print(f"run {run}: ratio batch / extract (throughput): {extract / batch:.2f}", flush=True)
    if args.repeat > 1:
        import statistics

        print(f"ratios: {', '.join(f'{r:.2f}' for r in ratios)}; median {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
