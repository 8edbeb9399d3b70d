"""Throughput of the extraction engine against bare spaCy on the same texts and model.

Builds a corpus of N articles (default 1,000) by cycling the seed and test articles, each copy
given a distinct first line so nothing is deduplicated. Then times:

1. the CLI end to end: ``python -m analysis extract DIR --table statements`` (subprocess:
   reading files, the pipeline with our components, extraction, CSV output; it uses
   n_process on multi-core machines);
2. bare ``nlp.pipe`` of the trained model alone over the same texts, n_process=1 and
   n_process = the engine's choice.

Prints articles/s for each and the ratio engine / bare. Run:
    python bench/benchmark_extract.py [--n 1000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.corpus import n_process_for  # noqa: E402
from analysis.pipeline import load_bare_model  # noqa: E402
from analysis.reader import expand_paths, read_file  # noqa: E402


def build_corpus(folder: Path, n: int) -> list[str]:
    sources = [read_file(p) for p in expand_paths([ROOT / "seeds", ROOT / "tests" / "articles"])]
    texts = []
    for i in range(n):
        src = sources[i % len(sources)]
        text = f"Dispatch {i}.\n\n{src.text}"
        (folder / f"article-{i:05d}.txt").write_text(f"Title: {src.title} ({i})\nDate: {src.date}\n\n{text}", encoding="utf-8")
        texts.append(text)
    return texts


def bare(texts: list[str], n_process: int) -> float:
    nlp = load_bare_model()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=n_process):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = build_corpus(folder, args.n)
        words = sum(len(t.split()) for t in texts)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "analysis", "extract", str(folder), "--table", "statements",
                        "--out", str(folder / "out.csv")], check=True, cwd=ROOT)
        engine = time.perf_counter() - start
        rows = sum(1 for _ in open(folder / "out.csv", encoding="utf-8")) - 1
    procs = n_process_for(args.n)
    bare1 = bare(texts, 1)
    bare_n = bare(texts, procs) if procs > 1 else bare1
    print(f"corpus: {args.n} articles, {words} words; cores: {os.cpu_count()}; engine n_process: {procs}")
    print(f"engine (CLI, end to end, incl. model load): {engine:7.1f} s  {args.n / engine:7.1f} articles/s  ({rows} positions)")
    print(f"bare nlp.pipe, n_process=1:                 {bare1:7.1f} s  {args.n / bare1:7.1f} articles/s")
    if procs > 1:
        print(f"bare nlp.pipe, n_process={procs}:                 {bare_n:7.1f} s  {args.n / bare_n:7.1f} articles/s")
    print(f"ratio engine / bare (n_process=1): {bare1 / engine:.2f}")
    if procs > 1:
        print(f"ratio engine / bare (n_process={procs}): {bare_n / engine:.2f}")


if __name__ == "__main__":
    main()
