"""Evidence sentences of real-news gold: where the text states each gold position.

One file per article in bench/realnews/[catalogs/<id>/]evidence/<id>.json, offsets only (the text
stays in the git-ignored cache); the format is in bench/realnews/ANNOTATION.md, "Evidence sentences".

    python bench/realnews/evidence.py --catalog middle-east --check   # verify every file, print counts
    python bench/realnews/evidence.py --catalog middle-east --show ID  # each position with its sentences
                                                                       # (for the annotator's own reading)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAX_SPANS = 5


def folders(catalog: str | None, base: Path = HERE) -> tuple[Path, Path, Path]:
    """(gold, cache, evidence) folders of the default set or of a catalog's set."""
    root = base / "catalogs" / catalog if catalog else base
    return root / "gold", root / "cache", root / "evidence"


def _inside_word(text: str, i: int) -> bool:
    """True when offset i falls between two word characters (letters or digits)."""
    return 0 < i < len(text) and text[i - 1].isalnum() and text[i].isalnum()


def check_file(path: Path, gold_dir: Path, cache_dir: Path) -> tuple[list[str], dict | None, str | None]:
    """(problems, evidence record, cached text) of one evidence file; each problem is one line."""
    name = path.stem
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        return [f"{name}: not readable JSON ({err})"], None, None
    problems = []
    if record.get("id") != name:
        problems.append(f"{name}: id {record.get('id')!r} differs from the file name")
    gold_path = gold_dir / f"{name}.json"
    if not gold_path.exists():
        return problems + [f"{name}: no gold file {gold_path.name}"], record, None
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if record.get("text_sha256") != gold.get("text_sha256"):
        problems.append(f"{name}: text_sha256 differs from the gold's")
    cached = cache_dir / f"{name}.txt"
    text = None
    if not cached.exists():
        problems.append(f"{name}: text not in the cache ({cached.name}), spans not checked")
    elif hashlib.sha256(cached.read_bytes()).hexdigest() != gold.get("text_sha256"):
        problems.append(f"{name}: cached text differs from the gold's text_sha256, spans not checked")
    else:
        text = cached.read_text(encoding="utf-8")
    wanted = [(p["actor"], p["issue"], p["stance"]) for p in gold.get("positions", [])]
    entries = record.get("positions")
    if not isinstance(entries, list):
        return problems + [f"{name}: no 'positions' list"], record, text
    given = [(e.get("actor"), e.get("issue"), e.get("stance")) for e in entries]
    for triple in dict.fromkeys(wanted):
        if given.count(triple) < wanted.count(triple):
            problems.append(f"{name}: gold position {'/'.join(triple)} has no entry")
    for triple in dict.fromkeys(given):
        if given.count(triple) > wanted.count(triple):
            extra = "not a gold position" if triple not in wanted else "more than one entry"
            problems.append(f"{name}: entry {'/'.join(map(str, triple))}: {extra}")
    if sorted(given, key=str) == sorted(wanted, key=str) and given != wanted:
        problems.append(f"{name}: entries are not in gold order")
    for k, entry in enumerate(entries):
        problems += _check_entry(f"{name}: entry {k} ({entry.get('actor')}/{entry.get('issue')})", entry, text)
    return problems, record, text


def _check_entry(label: str, entry: dict, text: str | None) -> list[str]:
    problems = []
    spans, speaker = entry.get("spans"), entry.get("speaker_in_sentence")
    if not isinstance(spans, list) or not all(
            isinstance(s, list) and len(s) == 2 and all(isinstance(x, int) for x in s) for s in spans):
        return [f"{label}: 'spans' must be a list of [start, end] integer pairs"]
    if not isinstance(speaker, list) or len(speaker) != len(spans) or not all(isinstance(b, bool) for b in speaker):
        problems.append(f"{label}: 'speaker_in_sentence' must hold one true/false per span")
    if not spans and not entry.get("note"):
        problems.append(f"{label}: no span and no 'note' saying why")
    if len(spans) > MAX_SPANS:
        problems.append(f"{label}: {len(spans)} spans, at most {MAX_SPANS}")
    for start, end in spans:
        if not 0 <= start < end or (text is not None and end > len(text)):
            problems.append(f"{label}: span [{start}, {end}] out of range")
        elif text is not None:
            if _inside_word(text, start) or _inside_word(text, end):
                problems.append(f"{label}: span [{start}, {end}] starts or ends inside a word")
            if text[start].isspace() or text[end - 1].isspace():
                problems.append(f"{label}: span [{start}, {end}] starts or ends with white space")
    ordered = sorted(spans)
    for (_, end), (start, _) in zip(ordered, ordered[1:]):
        if start < end:
            problems.append(f"{label}: spans overlap at {start}")
    return problems


def check(catalog: str | None, base: Path = HERE) -> tuple[list[str], dict]:
    """(problems, counts) over every evidence file of a set."""
    gold_dir, cache_dir, evidence_dir = folders(catalog, base)
    problems = []
    counts = {"articles": 0, "positions": 0, "spans": 0, "empty": 0, "spans_speaker": 0, "positions_unnamed": 0}
    for path in sorted(evidence_dir.glob("*.json")):
        found, record, _ = check_file(path, gold_dir, cache_dir)
        problems += found
        if not record or not isinstance(record.get("positions"), list):
            continue
        counts["articles"] += 1
        for entry in record["positions"]:
            spans, speaker = entry.get("spans") or [], entry.get("speaker_in_sentence") or []
            counts["positions"] += 1
            counts["spans"] += len(spans)
            counts["empty"] += not spans
            counts["spans_speaker"] += sum(1 for b in speaker if b is True)
            counts["positions_unnamed"] += bool(spans) and not any(b is True for b in speaker)
    return problems, counts


def show(catalog: str | None, article_id: str, base: Path = HERE) -> int:
    gold_dir, cache_dir, evidence_dir = folders(catalog, base)
    problems, record, text = check_file(evidence_dir / f"{article_id}.json", gold_dir, cache_dir)
    for line in problems:
        print(line)
    if not record or text is None:
        return 1
    for k, entry in enumerate(record.get("positions", [])):
        print(f"[{k}] {entry.get('actor')} / {entry.get('issue')} / {entry.get('stance')}"
              + (f"   note: {entry['note']}" if entry.get("note") else ""))
        for (start, end), named in zip(entry.get("spans", []), entry.get("speaker_in_sentence", [])):
            print(f"    {start}-{end} {'S' if named else '-'} | {text[start:end]}")
    return 1 if problems else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", metavar="ID", help="a shipped catalog's set (bench/realnews/catalogs/<id>/)")
    parser.add_argument("--check", action="store_true", help="verify every evidence file (the default)")
    parser.add_argument("--show", metavar="ARTICLE_ID", help="print each position of one article with its sentences")
    args = parser.parse_args(argv)
    if args.show:
        return show(args.catalog, args.show)
    problems, counts = check(args.catalog)
    for line in problems:
        print(line)
    n, spans = counts["positions"], counts["spans"]
    print(f"{args.catalog or 'default'}: {counts['articles']} articles, {n} positions, {spans} spans, "
          f"{counts['empty']} empty entries; spans naming the speaker: {counts['spans_speaker']}/{spans}"
          f" ({counts['spans_speaker'] / spans if spans else 0:.0%}); positions whose sentences never name"
          f" the speaker: {counts['positions_unnamed']}/{n} ({counts['positions_unnamed'] / n if n else 0:.0%})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
