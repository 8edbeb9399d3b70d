"""What the actor registry adds to ingest: the rebuild after each ingest, as a share of it.

Ingests N distinct articles into a new database: numbered copies of the seed and test articles
in which every person's surname gets a syllable suffix per round of copies (so the registry
holds thousands of different people, each in a few articles, as a real corpus would),
in batches of --batch articles (each ingest call ends with one registry rebuild over the whole
corpus), then a single article into the full corpus. Times come from one run in one process:
the ratio rebuild / ingest is what to compare across machines.

Run:  python bench/benchmark_registry.py [--n 1000] [--batch 100]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from analysis.corpus import analyze  # noqa: E402
from analysis.pipeline import load_pipeline  # noqa: E402
from analysis.reader import expand_paths, read_file  # noqa: E402
from analysis.store import Store  # noqa: E402


class Timed(Store):
    """A Store that adds up the time spent rebuilding the registry."""

    rebuild_seconds = 0.0
    rebuilds = 0

    def _rebuild_registry(self, con):
        start = time.perf_counter()
        try:
            return super()._rebuild_registry(con)
        finally:
            Timed.rebuild_seconds += time.perf_counter() - start
            Timed.rebuilds += 1


SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pu"]


def build_corpus(folder: Path, n: int) -> None:
    """n article files; copy i of a source renames its people with the suffix of round i // sources."""
    sources = [read_file(p) for p in expand_paths([ROOT / "seeds", ROOT / "tests" / "articles"])]
    actors = analyze(sources).actors
    surnames = {a.id: sorted({name.split()[-1] for name in actors[(actors["article"] == a.id)
                                                                  & (actors["actor_type"] == "person")]["name"]
                              if len(name.split()) >= 2 and name.split()[-1].isalpha()}, key=len, reverse=True)
                for a in sources}
    for i in range(n):
        src = sources[i % len(sources)]
        suffix = "".join(SYLLABLES[int(d)] for d in str(i // len(sources)))
        text = src.text
        for name in surnames[src.id]:
            text = text.replace(name, name + suffix)
        (folder / f"article-{i:05d}.txt").write_text(f"Title: {src.title} ({i})\nDate: {src.date}\n\nDispatch {i}.\n\n{text}",
                                                      encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        build_corpus(folder, args.n + 1)
        files = expand_paths([folder])
        articles = [(str(f), read_file(f)) for f in files]
        db = Timed(Path(tmp) / "bench.db")
        start = time.perf_counter()
        for i in range(0, args.n, args.batch):
            db.ingest(articles[i:min(i + args.batch, args.n)])
        total = time.perf_counter() - start
        rebuild, count = Timed.rebuild_seconds, Timed.rebuilds
        people = len(db.registry().people)
        print(f"{args.n} articles in {count} ingests of {args.batch}: {total:.1f} s, of which registry rebuilds "
              f"{rebuild:.2f} s = {100 * rebuild / total:.1f} % ({people} registry people)")
        Timed.rebuild_seconds = 0.0
        start = time.perf_counter()
        db.ingest(articles[args.n:])
        one = time.perf_counter() - start
        print(f"one more article into {args.n}: {one:.2f} s, of which the rebuild {Timed.rebuild_seconds:.2f} s "
              f"= {100 * Timed.rebuild_seconds / one:.1f} %")
        start = time.perf_counter()
        db.tables()
        print(f"reading all tables with the registry applied: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
