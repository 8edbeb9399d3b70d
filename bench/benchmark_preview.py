"""How fast the catalog preview is, and what its parse cache costs at ingest.

Builds a corpus of N articles (default 1,000) by cycling the articles written for the tests
(tests/articles, tests/dev, tests/heldout: no real news), each copy given a distinct first line
so nothing is deduplicated, then in one run:

1. ingests it into a new database twice: as the store does (keeping each article's parse in
   the parse cache) and with the cache switched off (the parse is not kept), in alternating
   order; prints both times, the ratio, and both database sizes;
2. previews a draft catalog with one added ceasefire cue against the shipped catalog (a regular
   expression, then the same cue written as plain-word phrases, matched on the cached Docs):
   *cold* on the database without a cache (the preview prepares the articles it needs and
   caches them), then *warm* (cached Docs) several times on each database: median and max,
   both as the first preview in a process (which cue matches which article not yet known) and
   repeated (as while an analyst edits);
3. for comparison, warm previews that list every match of the whole ceasefire issue
   (``issue_ids=["ceasefire"]``), which re-run most articles.

Run:
    python bench/benchmark_preview.py [--n 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import store as store_module  # noqa: E402
from analysis.catalog import Cue, PhraseCue, load_catalog_file  # noqa: E402
from analysis.pipeline import load_pipeline  # noqa: E402
from analysis.preview import _HITS, _WORDS, preview  # noqa: E402
from analysis.reader import article_id, expand_paths, read_file  # noqa: E402
from analysis.records import Article  # noqa: E402
from analysis.store import Store  # noqa: E402

SOURCES = [ROOT / "tests" / "articles", ROOT / "tests" / "dev", ROOT / "tests" / "heldout"]
ADDED_CUE = r"\b(pause|end (to )?the war)\b"  # one new ceasefire cue, as an analyst might add it
ADDED_PHRASES = ("pause", "end the war")  # the same cue in plain words
OTHER_PHRASE = "peace talks"  # one more phrase, typed next


def build_corpus(n: int) -> list[tuple[str, Article]]:
    sources = [read_file(p) for p in expand_paths(SOURCES)]
    out = []
    for i in range(n):
        src = sources[i % len(sources)]
        text = f"Dispatch {i}.\n\n{src.text}"
        out.append((f"article-{i:05d}.txt", Article(article_id(text), f"{src.title} ({i})", src.source, src.date, text)))
    return out


def without_cache(original):
    """extract_records as before the cache: the parse is not kept (the store then drops none)."""
    def extract_records(*args, keep_parse=False, **kwargs):
        for row in original(*args, keep_parse=False, **kwargs):
            yield (*row, None)
    return extract_records


def ingest(path: Path, articles, cache: bool) -> float:
    original = store_module.extract_records
    if not cache:
        store_module.extract_records = without_cache(original)
    try:
        start = time.perf_counter()
        Store(path).ingest(articles)
        return time.perf_counter() - start
    finally:
        store_module.extract_records = original


def size(path: Path) -> int:
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return con.execute("PRAGMA page_count").fetchone()[0] * con.execute("PRAGMA page_size").fetchone()[0]


def timed(store, draft, saved, issue_ids=None):
    result = preview(store, draft, saved, issue_ids=issue_ids)
    return result.seconds, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    articles = build_corpus(args.n)
    saved = load_catalog_file()
    issues = [dataclasses.replace(i, cues=i.cues + (Cue(re.compile(ADDED_CUE, re.IGNORECASE), 1, False),))
              if i.id == "ceasefire" else i for i in saved.issues]
    draft = dataclasses.replace(saved, issues=tuple(issues))
    load_pipeline()  # the app has it loaded; not part of any figure
    with tempfile.TemporaryDirectory() as tmp:
        cached_db, bare_db = Path(tmp) / "cached.db", Path(tmp) / "bare.db"
        # in halves, alternating (bare, cached, cached, bare), so a machine's changing load favours neither
        half = len(articles) // 2
        t_bare = ingest(bare_db, articles[:half], cache=False)
        t_cached = ingest(cached_db, articles[:half], cache=True)
        t_cached += ingest(cached_db, articles[half:], cache=True)
        t_bare += ingest(bare_db, articles[half:], cache=False)
        s_cached, s_bare = size(cached_db), size(bare_db)
        words = sum(len(a.text.split()) for _, a in articles)
        print(f"corpus: {args.n} articles, {words} words (from {len(expand_paths(SOURCES))} test articles)")
        print(f"ingest with the parse cache:    {t_cached:6.1f} s   database {s_cached / 1e6:6.1f} MB")
        print(f"ingest without it:              {t_bare:6.1f} s   database {s_bare / 1e6:6.1f} MB")
        print(f"cache cost: ingest time x{t_cached / t_bare:.2f}, database size x{s_cached / s_bare:.2f}")

        bare, cached = Store(bare_db), Store(cached_db)
        _HITS.clear()
        cold, result = timed(bare, draft, saved)
        print(f"cold preview (no cached Docs: prepares and caches the {result.parsed} it needs): {cold:5.2f} s"
              f"  -- {result.message}")
        for label, store in (("cached at ingest", cached), ("cached by the cold run", bare)):
            first = []
            for _ in range(args.repeat):
                _HITS.clear()  # as in a new process: which cue matches which article not yet known
                first.append(timed(store, draft, saved)[0])
            again = [timed(store, draft, saved)[0] for _ in range(args.repeat)]
            print(f"warm preview, Docs {label}: first in a process median {statistics.median(first):5.2f} s, "
                  f"max {max(first):5.2f} s; repeated median {statistics.median(again):5.2f} s, max {max(again):5.2f} s "
                  f"({args.repeat} runs each; {result.searched} of {result.articles} articles re-run)")
        _HITS.clear()
        times, wide = [], None
        for _ in range(args.repeat):
            seconds, wide = timed(cached, draft, saved, ["ceasefire"])
            times.append(seconds)
        print(f"warm preview listing every ceasefire match: first {times[0]:5.2f} s, then median "
              f"{statistics.median(times[1:]):5.2f} s, max {max(times[1:]):5.2f} s ({wide.searched} of {wide.articles} "
              f"articles re-run) -- {wide.message}")
        # the same added cue written as plain words: matched on the cached Docs by lemma
        phrase_issues = [dataclasses.replace(i, phrases=i.phrases + tuple(PhraseCue(p, 1, False) for p in ADDED_PHRASES))
                         if i.id == "ceasefire" else i for i in saved.issues]
        phrase_draft = dataclasses.replace(saved, issues=tuple(phrase_issues))
        first = []
        for _ in range(args.repeat):
            _HITS.clear()  # as in a new process: the phrase's articles are learnt from every cached Doc
            _WORDS.clear()
            first.append(timed(cached, phrase_draft, saved)[0])
        again, found = [], None
        for _ in range(args.repeat):
            seconds, found = timed(cached, phrase_draft, saved)
            again.append(seconds)
        print(f"warm preview of the same cue as plain-word phrases {ADDED_PHRASES}: first in a process median "
              f"{statistics.median(first):5.2f} s, max {max(first):5.2f} s; repeated median "
              f"{statistics.median(again):5.2f} s, max {max(again):5.2f} s -- {found.message}")
        # the analyst then types another phrase: its articles are known from the words seen so far
        other_issues = [dataclasses.replace(i, phrases=i.phrases + (PhraseCue(OTHER_PHRASE, 1, False),))
                        if i.id == "ceasefire" else i for i in saved.issues]
        seconds, other = timed(cached, dataclasses.replace(saved, issues=tuple(other_issues)), saved)
        print(f"warm preview of another new phrase ({OTHER_PHRASE!r}) in the same process: {seconds:5.2f} s "
              f"-- {other.message}")
        print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
