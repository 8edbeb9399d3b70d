"""Put saved search results into the git-ignored text caches, checked against the gold.

The article texts are never committed; they are the excerpts that the `pages` corpus of the
search tool stores (README.md, "Refill the cache"). Whoever runs the searches saves each wanted
result as a JSON file holding the result object, at least {"url": ..., "excerpt": ...}, copied
from the tool's answer with its escapes. This script matches every saved result to the gold file
with the same url (in every catalog's set), checks the sha256 the article was annotated on, and
writes the text to that set's cache:

    python bench/realnews/fill_cache.py SAVED_DIR        # install what matches, list the rest
    python bench/realnews/fill_cache.py --missing        # which gold articles still lack a text
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def article_sets() -> list[Path]:
    """The default set and every catalog's set (each holds gold/ and, once filled, cache/)."""
    return [HERE, *sorted(p for p in (HERE / "catalogs").iterdir() if (p / "gold").is_dir())]


def gold_by_url() -> dict[str, list[tuple[Path, dict]]]:
    """url -> [(the set's folder, gold record)]; one url may be annotated in two sets."""
    found: dict[str, list[tuple[Path, dict]]] = {}
    for base in article_sets():
        for path in sorted((base / "gold").glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            found.setdefault(gold["url"], []).append((base, gold))
    return found


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def install(saved: Path) -> tuple[list[str], list[str]]:
    """Write every saved result whose text is the annotated one; (installed ids, problems)."""
    golds = gold_by_url()
    installed, problems = [], []
    for path in sorted(saved.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            url, text = record["url"], record["excerpt"]
        except (ValueError, KeyError, TypeError) as error:
            problems.append(f"{path.name}: not a saved result ({error.__class__.__name__})")
            continue
        if url not in golds:
            problems.append(f"{path.name}: no gold file has the url {url}")
            continue
        for base, gold in golds[url]:
            if sha(text) != gold["text_sha256"]:
                problems.append(f"{path.name}: the text differs from the one {gold['id']} was annotated on")
                continue
            cache = base / "cache"
            cache.mkdir(exist_ok=True)
            (cache / f"{gold['id']}.txt").write_bytes(text.encode("utf-8"))
            installed.append(gold["id"])
    return installed, problems


def missing() -> list[str]:
    """Gold articles whose cached text is absent or not the annotated one."""
    lacking = []
    for base in article_sets():
        for path in sorted((base / "gold").glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            cached = base / "cache" / f"{gold['id']}.txt"
            if not cached.exists() or hashlib.sha256(cached.read_bytes()).hexdigest() != gold["text_sha256"]:
                lacking.append(f"{base.name}/{gold['id']}")
    return lacking


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("saved", nargs="?", type=Path, help="folder of saved search results (*.json)")
    parser.add_argument("--missing", action="store_true", help="list gold articles without their text")
    args = parser.parse_args(argv)
    if args.saved is None and not args.missing:
        parser.error("give a folder of saved results, or --missing")
    if args.saved is not None:
        if not args.saved.is_dir():
            print(f"error: {args.saved} is not a folder", file=sys.stderr)
            return 2
        installed, problems = install(args.saved)
        for problem in problems:
            print(problem)
        print(f"{len(installed)} texts installed, {len(problems)} saved results not used")
    if args.missing:
        lacking = missing()
        for name in lacking:
            print("missing", name)
        print(f"{len(lacking)} gold articles without their text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
