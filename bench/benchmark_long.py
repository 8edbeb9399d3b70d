"""Extraction time against article length: is it linear?

Builds articles of growing length by repeating the seed article (paragraphs kept), runs the full
pipeline and the readers once per length, and prints seconds and seconds per 10,000 characters.
The last length is 900,000 characters, just inside the parser's 1,000,000-character limit.

    python bench/benchmark_long.py [--lengths 10000 40000 80000 900000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.corpus import analyze  # noqa: E402
from analysis.pipeline import load_pipeline  # noqa: E402
from analysis.reader import parse_article  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[10_000, 40_000, 80_000, 900_000])
    args = parser.parse_args()
    seed = (ROOT / "seeds" / "000_6f88fa4361e87f91.txt").read_text(encoding="utf-8")
    load_pipeline()
    print(f"{'characters':>12}{'seconds':>10}{'s per 10k chars':>18}{'positions':>11}")
    for length in args.lengths:
        text = ""
        while len(text) < length:
            text += seed + "\n\n"
        text = text[:length]
        article = parse_article(text, f"long-{length}")
        start = time.perf_counter()
        tables = analyze([article], n_process=1)
        took = time.perf_counter() - start
        print(f"{length:>12,}{took:>10.1f}{took / length * 10_000:>18.2f}{len(tables.statements):>11}")


if __name__ == "__main__":
    main()
