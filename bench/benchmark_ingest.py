"""Ingest throughput: `python -m analysis ingest` of N distinct articles into a new database.

Run:  python bench/benchmark_ingest.py [--n 200]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from benchmark_extract import build_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        build_corpus(folder, args.n)
        db = Path(tmp) / "bench.db"
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "analysis", "ingest", str(folder), "--db", str(db)],
                             cwd=ROOT, check=True, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        print(out.stdout.strip())
        print(f"ingest of {args.n} articles (process start, model load, analysis, SQLite writes): "
              f"{elapsed:.1f} s = {args.n / elapsed:.1f} articles/s")


if __name__ == "__main__":
    main()
