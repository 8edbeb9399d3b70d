"""Compare extraction with hand-written gold files.

A gold file is JSON::

    {"file": "path/to/article (relative to the gold file)"   -- or "text": "the article body",
     "actors":    [{"name", "actor_type", "country", "role"}, ...],
     "positions": [{"actor", "issue", "stance", "optional"?}, ...],   -- optional: arguable, never counted
     "reactions": [{"source", "target", "relation"}, ...]}

or a list of such records (the app's "export corrections as gold" gives one).

``evaluate(gold_paths)`` extracts each article and returns precision / recall / F1 for actors
(by name), positions (actor, issue, stance), issue-stance per actor ignoring duplicates, and
reactions (source, target, relation), plus country accuracy over the actors found. People are
also scored on their own (``people``, ``people_country``): gold lists every named person, while
governments and groups are listed only where they speak. Misses and false alarms are sorted into
failure classes (``failure_classes``) so a run says which kind of construction went wrong.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pandas as pd

from analysis.corpus import analyze
from analysis.errors import GoldError
from analysis.reader import parse_article, read_file
from analysis.records import Article


def load_gold(path: str | Path) -> list[dict]:
    """The article records of a gold file (one record, or a list as exported from the app)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: not a readable gold JSON file ({exc}).") from exc
    records = data if isinstance(data, list) else [data]
    for gold in records:
        if not isinstance(gold, dict) or not ("file" in gold or "text" in gold):
            raise GoldError(f"{path}: each gold record needs a \"file\" (article path) or \"text\" key.")
        if "file" in gold:
            gold["_article_path"] = (path.parent / gold["file"]).resolve()
    return records


def _article(gold: dict) -> Article:
    if "_article_path" in gold:
        return read_file(gold["_article_path"])
    return parse_article(gold["text"], gold.get("title", "gold"), title=gold.get("title", ""),
                         source=gold.get("source", ""), date=gold.get("date", ""))


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "predicted": n_pred, "gold": n_gold}


# An initialism written with full stops ("U.N.", "u.s."): the same word as without them ("UN").
DOTTED_INITIALS = re.compile(r"(?:[a-z]\.){2,}")


def _norm(name: str) -> str:
    """Case, spacing, accents, apostrophes and the full stops of an initialism ("U.N. General
    Assembly" / "UN General Assembly") do not make two names different."""
    folded = unicodedata.normalize("NFKD", name.replace("’", "'"))
    words = "".join(c for c in folded if not unicodedata.combining(c)).lower().split()
    return " ".join(w.replace(".", "") if DOTTED_INITIALS.fullmatch(w) else w for w in words)


def _aliases(actors) -> dict[str, str]:
    """Name -> the key it is scored under: a government is its country ("Washington", "the U.S.",
    "United States" are one actor), everyone else their name."""
    out = {}
    for a in actors:
        name = _norm(a["name"])
        out[name] = f"government:{a['country']}" if a.get("actor_type") == "government" and a.get("country") else name
    return out


def _position_classes(gold_pos: set, optional: set, pred_pos: set, pred_actors: set) -> dict[str, int]:
    """Count each missed / extra (actor, issue, stance) under the construction that went wrong."""
    classes: dict[str, int] = {}

    def bump(key):
        classes[key] = classes.get(key, 0) + 1

    by_claim = {}
    for a, i, s in gold_pos | optional:
        by_claim.setdefault((i, s), set()).add(a)
    for a, i, s in sorted(gold_pos - pred_pos):
        if any((a, i, other) in pred_pos for other in ("support", "oppose", "neutral") if other != s):
            bump("missed: stance inverted")
        elif a not in pred_actors:
            bump("missed: actor not found")
        elif any(p[1:] == (i, s) and p[0] != a for p in pred_pos):
            bump("missed: claim given to another speaker")
        else:
            bump("missed: no cue / no speech found")
    for a, i, s in sorted(pred_pos - gold_pos - optional):
        if any((a, i, other) in gold_pos for other in ("support", "oppose", "neutral") if other != s):
            continue  # counted once, as an inverted stance
        if by_claim.get((i, s), set()) - {a}:
            bump("extra: claim of another speaker")
        elif any(g[0] == a and g[1] == i for g in gold_pos | optional):
            bump("extra: wrong stance")
        else:
            bump("extra: not in gold")
    return classes


def score(gold: dict, actors: pd.DataFrame, statements: pd.DataFrame, reactions: pd.DataFrame,
          variants: dict[str, set[str]] | None = None) -> dict:
    """Counts for one article (kept as counts so several articles can be summed). ``variants``
    (normalised canonical name -> normalised variants, from the actor registry) lets a person
    the registry renamed match the spelling this article's gold uses."""
    pred_records = actors.to_dict("records")
    galias, palias = _aliases(gold.get("actors", [])), _aliases(pred_records)
    for name, spellings in (variants or {}).items():
        written = [g for g in galias if g in spellings]
        if name in palias and len(written) == 1:
            palias[name] = galias[written[0]]

    def g(name):
        return galias.get(_norm(name), _norm(name))

    def p(name):
        return palias.get(_norm(name), _norm(name))

    gold_actors = {g(a["name"]): a for a in gold.get("actors", [])}
    pred_actors = {p(r["name"]): r for r in pred_records}
    matched = set(gold_actors) & set(pred_actors)
    country_ok = sum(1 for n in matched if (gold_actors[n].get("country") or "") == (pred_actors[n]["country"] or ""))
    gold_people = {n for n, a in gold_actors.items() if a.get("actor_type", "person") == "person"}
    pred_people = {n for n, a in pred_actors.items() if a.get("actor_type") == "person"}
    people_found = gold_people & pred_people
    country = {"right": 0, "empty": 0, "wrong": 0, "stated_right": 0, "stated": 0}
    country_misses = []
    for n in sorted(people_found):
        want, got = gold_actors[n].get("country") or "", pred_actors[n]["country"] or ""
        country["right" if got == want else ("empty" if not got else "wrong")] += 1
        if got != want:
            country_misses.append((gold_actors[n]["name"], want, got))
        if gold_actors[n].get("country_stated", True):
            country["stated"] += 1
            country["stated_right"] += got == want
    all_gold = {(g(x["actor"]), x["issue"], x["stance"]): bool(x.get("optional")) for x in gold.get("positions", [])}
    gold_pos = {k for k, opt in all_gold.items() if not opt}
    optional = {k for k, opt in all_gold.items() if opt}
    pred_pos = {(p(r["actor"]), r["issue"], r["stance"]) for r in statements.to_dict("records")}
    pred_pos_scored = pred_pos - optional  # an arguable triple found is neither right nor wrong
    gold_is = {(a, i) for a, i, _ in gold_pos}
    pred_is = {(a, i) for a, i, _ in pred_pos_scored} - {(a, i) for a, i, _ in optional}
    gold_re = {(g(r["source"]), g(r["target"]), r["relation"]) for r in gold.get("reactions", [])}
    pred_re = {(p(r["source"]), p(r["target"]), r["relation"]) for r in reactions.to_dict("records")}
    return {
        "actors": (len(matched), len(pred_actors), len(gold_actors)),
        "country": (country_ok, len(matched)),
        "people": (len(people_found), len(pred_people), len(gold_people)),
        "people_country": country,
        "country_misses": country_misses,  # (gold name, gold country, country given) of people found
        "positions": (len(gold_pos & pred_pos), len(pred_pos_scored), len(gold_pos)),
        "issues": (len(gold_is & pred_is), len(pred_is), len(gold_is)),
        "reactions": (len(gold_re & pred_re), len(pred_re), len(gold_re)),
        "missed_positions": sorted(gold_pos - pred_pos),
        "extra_positions": sorted(pred_pos_scored - gold_pos),
        "failure_classes": _position_classes(gold_pos, optional, pred_pos, set(pred_actors)),
    }


def evaluate(gold_paths) -> dict:
    """Per-file and total scores for the gold files given."""
    pairs = [(str(p), gold) for p in gold_paths for gold in load_gold(p)]
    articles = [_article(g) for _, g in pairs]
    names = [f"{path}#{article.title}" if len(pairs) > len(gold_paths) else path
             for (path, _), article in zip(pairs, articles)]
    return score_articles(names, [g for _, g in pairs], articles)


def score_articles(names: list[str], golds: list[dict], articles: list[Article]) -> dict:
    """Extract ``articles`` in one run and score each against its gold record; totals and per file."""
    return score_tables(names, golds, articles, analyze(articles))


def score_tables(names: list[str], golds: list[dict], articles: list[Article], tables,
                 variants: dict[str, set[str]] | None = None) -> dict:
    """Score extracted ``tables`` (which may hold more articles) against each article's gold record."""
    per_file = {}
    totals = {k: [0, 0, 0] for k in ("actors", "people", "positions", "issues", "reactions")}
    country = [0, 0]
    people_country: dict[str, int] = {}
    classes: dict[str, int] = {}
    for name, gold, article in zip(names, golds, articles):
        actors, statements, reactions = (df[df["article"] == article.id]
                                         for df in (tables.actors, tables.statements, tables.reactions))
        counts = score(gold, actors, statements, reactions, variants)
        per_file[str(name)] = counts
        for k in totals:
            totals[k] = [a + b for a, b in zip(totals[k], counts[k])]
        country = [country[0] + counts["country"][0], country[1] + counts["country"][1]]
        for bucket, into in ((counts["people_country"], people_country), (counts["failure_classes"], classes)):
            for k, v in bucket.items():
                into[k] = into.get(k, 0) + v
    result = {k: _prf(*v) for k, v in totals.items()}
    result["country_accuracy"] = round(country[0] / country[1], 3) if country[1] else 1.0
    found = sum(people_country.get(k, 0) for k in ("right", "empty", "wrong"))
    result["people_country"] = {**people_country, "accuracy": round(people_country.get("right", 0) / found, 3) if found else 1.0,
                                "stated_accuracy": round(people_country.get("stated_right", 0) / people_country["stated"], 3)
                                if people_country.get("stated") else 1.0}
    result["failure_classes"] = dict(sorted(classes.items()))
    result["files"] = per_file
    return result


def report(result: dict) -> str:
    """Plain-text table of the totals, then what each file missed."""
    lines = [f"{'measure':<22}{'precision':>10}{'recall':>10}{'f1':>8}{'tp':>6}{'pred':>6}{'gold':>6}"]
    names = {"actors": "actors (name)", "people": "people (name)", "positions": "positions (a,i,stance)",
             "issues": "issues (actor,issue)", "reactions": "reactions"}
    for key, label in names.items():
        m = result[key]
        lines.append(f"{label:<22}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>8.3f}{m['tp']:>6}{m['predicted']:>6}{m['gold']:>6}")
    lines.append(f"{'country accuracy':<22}{result['country_accuracy']:>10.3f}")
    pc = result["people_country"]
    lines.append(f"{'people country acc.':<22}{pc['accuracy']:>10.3f}   right {pc.get('right', 0)}, empty {pc.get('empty', 0)}, "
                 f"wrong {pc.get('wrong', 0)}; where the text states it {pc['stated_accuracy']:.3f} "
                 f"({pc.get('stated_right', 0)}/{pc.get('stated', 0)})")
    if result["failure_classes"]:
        lines.append("failure classes: " + "; ".join(f"{k} {v}" for k, v in result["failure_classes"].items()))
    for path, counts in result["files"].items():
        for label, items in (("missed", counts["missed_positions"]), ("extra", counts["extra_positions"])):
            for item in items:
                lines.append(f"  {Path(path).name}: {label} position {item}")
    return "\n".join(lines)
