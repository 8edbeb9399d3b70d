"""Write split.json once, before any tuning: in each annotation batch (the id's letters: "a" for
a01, "aa" for aa01 once the single letters are used up), the three
articles whose url hashes lowest (sha256) are the untouched test split; the rest are development.
The rule looks at nothing but the url, so nobody chooses which articles are held out.
A batch added later is split by the same rule; existing assignments are never changed.
The first batch of another catalog (bench/realnews/catalogs/<id>/) holds out its ten lowest url
hashes; a batch added to it later holds out three, like the batches here.

    python bench/realnews/make_split.py
    python bench/realnews/make_split.py --catalog trade-tariffs
"""

import argparse
import hashlib
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
PER_BATCH = 3
FIRST_CATALOG_BATCH = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", metavar="ID", help="split the article set of another shipped catalog")
    args = parser.parse_args()
    base = HERE / "catalogs" / args.catalog if args.catalog else HERE
    path = base / "split.json"
    split = json.loads(path.read_text()) if path.exists() else {"dev": [], "test": []}
    assigned = set(split["dev"]) | set(split["test"])
    per_batch = FIRST_CATALOG_BATCH if args.catalog and not assigned else PER_BATCH
    batches: dict[str, list[tuple[str, str]]] = {}
    for gold_path in sorted((base / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        batches.setdefault(re.match(r"[a-z]+", gold["id"]).group(), []).append((hashlib.sha256(gold["url"].encode()).hexdigest(), gold["id"]))
    for batch, items in sorted(batches.items()):
        if any(i in assigned for _, i in items):
            continue  # this batch was split before: never move an article
        items.sort()
        split["test"] += [i for _, i in items[:per_batch]]
        split["dev"] += [i for _, i in items[per_batch:]]
    split = {k: sorted(v) for k, v in split.items()}
    path.write_text(json.dumps(split, indent=1) + "\n")
    print(f"dev {len(split['dev'])}, test {len(split['test'])}")


if __name__ == "__main__":
    main()
