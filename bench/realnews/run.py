"""Score the engine on real published news: gold facts in bench/realnews/gold, texts in the cache.

The texts are third-party articles and are never committed; each gold file names its url, the
search that finds it and the sha256 of the text it was annotated on (bench/realnews/README.md
says how to refill the cache). Which articles are development and which are the untouched test
split is fixed in split.json, written once before any tuning.

    python bench/realnews/run.py                  # both splits, totals and failure classes
    python bench/realnews/run.py --split dev -v   # one split, with every miss and false alarm
    python bench/realnews/run.py --json out.json  # the full result for later comparison
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from analysis.evaluate import report, score_articles  # noqa: E402
from analysis.reader import parse_article  # noqa: E402

GOLD, CACHE = HERE / "gold", HERE / "cache"


def load_split() -> dict[str, str]:
    """id -> "dev" | "test" from split.json."""
    data = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    return {i: name for name in ("dev", "test") for i in data[name]}


def load_articles(split: str | None):
    """(ids, gold records, Articles) of the split whose text is in the cache and unchanged."""
    splits = load_split()
    ids, golds, articles, missing = [], [], [], []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if split and splits.get(gold["id"]) != split:
            continue
        cached = CACHE / f"{gold['id']}.txt"
        if not cached.exists() or hashlib.sha256(cached.read_bytes()).hexdigest() != gold["text_sha256"]:
            missing.append(gold["id"])
            continue
        text = cached.read_text(encoding="utf-8")
        articles.append(parse_article(text, gold["id"], title=gold["id"], source=gold.get("outlet", ""),
                                      date=gold.get("date", "")))
        ids.append(gold["id"])
        golds.append(gold)
    return ids, golds, articles, missing


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), help="one split only (default: each in turn)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every missed and extra position")
    parser.add_argument("--json", help="write the full result to this file")
    args = parser.parse_args(argv)
    results = {}
    for split in ([args.split] if args.split else ["dev", "test"]):
        ids, golds, articles, missing = load_articles(split)
        if missing:
            print(f"{split}: {len(missing)} article(s) not in the cache or changed, skipped: {', '.join(missing)}")
        if not articles:
            continue
        result = score_articles(ids, golds, articles)
        results[split] = result
        outlets = {g.get("outlet", "") for g in golds}
        print(f"\n== {split}: {len(articles)} articles from {len(outlets)} outlets")
        text = report(result)
        print(text if args.verbose else "\n".join(line for line in text.splitlines() if not line.startswith("  ")))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
