"""Datasets in the layout `python -m analysis batch` writes, for tests and benchmarks.

``write_dataset(folder, tables)`` writes given DataFrames exactly as the batch command lays
them out (manifest.json, one Parquet file per chunk and table); ``synthetic_tables(n)`` makes
machine output with about ``n`` positions and realistic cardinalities: 200 countries and
bodies (the U.S., Europe and the other big voices speak most), the 10 catalog issues, thousands of invented people, ten positions per article. All
names and sentences are invented.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

COLUMNS = {
    "articles": ["id", "file", "title", "source", "date", "text", "url"],
    "actors": ["article", "file", "name", "actor_type", "country", "role", "mentions", "evidence_start", "evidence_end",
               "country_source"],
    "positions": ["article", "file", "actor", "actor_type", "country", "role", "issue", "stance", "evidence", "start",
                  "end", "quote", "kind", "confidence", "country_source"],
    "reactions": ["article", "file", "source", "source_country", "target", "target_country", "relation", "evidence",
                  "start", "end"],
    "errors": ["file", "article", "reason"],
}
INTEGER = {"mentions", "evidence_start", "evidence_end", "start", "end"}
FLOAT = {"confidence"}


def _schema(table: str) -> pa.Schema:
    return pa.schema([(c, pa.int64() if c in INTEGER else pa.float64() if c in FLOAT else pa.string())
                      for c in COLUMNS[table]])


def write_dataset(folder: str | Path, tables: dict[str, pd.DataFrame], chunk_articles: int = 1000,
                  updated: str | None = None) -> Path:
    """Write ``tables`` (any of COLUMNS' tables; missing ones are empty) as a dataset in ``folder``:
    articles are cut into chunks of ``chunk_articles``, every table of a chunk is one file
    ``<table>/chunk-<key>.parquet`` (also when it has no rows). Returns the folder."""
    folder = Path(folder)
    frames = {t: tables.get(t, pd.DataFrame(columns=c)).reindex(columns=c) for t, c in COLUMNS.items()}
    ids = list(frames["articles"]["id"])
    chunk_of = {a: i // chunk_articles for i, a in enumerate(ids)}
    n_chunks = max(1, -(-len(ids) // chunk_articles))
    for table in COLUMNS:
        (folder / table).mkdir(parents=True, exist_ok=True)
    chunks = {}
    for table, df in frames.items():
        key_column = "id" if table == "articles" else "article"
        which = df[key_column].map(chunk_of).fillna(0).astype(int).to_numpy() if len(df) else np.zeros(0, int)
        for k in range(n_chunks):
            part = df[which == k]
            key = f"{k:05d}"
            arrow = pa.Table.from_pandas(part, schema=_schema(table), preserve_index=False)
            pq.write_table(arrow, folder / table / f"chunk-{key}.parquet", compression="zstd")
            chunks.setdefault(key, {})[table] = len(part)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    manifest = {"format": 1, "pipeline_version": "synthetic", "created": now, "updated": updated or now,
                "inputs": sorted({str(Path(f).parent) for f in frames["articles"]["file"]}), "chunks": chunks, "tables": COLUMNS}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return folder


# --------------------------------------------------------------------------- synthetic machine output

SYLLABLES = ["ka", "lo", "mi", "ren", "dar", "vek", "sa", "tor", "li", "nen", "ma", "ro", "zel", "bri", "den", "ha",
             "vo", "ri", "sten", "ga", "mo", "tal", "ne", "pe", "du", "var", "ki", "las", "fen", "o"]
ROLES = ["Foreign Minister", "Defence Minister", "Prime Minister", "President", "spokesperson", "ambassador",
         "Finance Minister", "senator", "envoy", "chancellor"]
VERBS = {"support": "backed", "oppose": "rejected", "neutral": "kept an open mind on"}
BODIES = ["EU", "NATO", "UN"]
CORE = ["USA", "UKR", "RUS", "DEU", "FRA", "GBR", "POL", "ITA", "ESP", "NLD", "BEL", "SWE", "FIN", "NOR", "DNK", "EST",
        "LVA", "LTU", "CZE", "SVK", "HUN", "ROU", "BGR", "GRC", "TUR", "AUT", "CHE", "IRL", "PRT", "HRV", "SVN", "SRB",
        "MDA", "GEO", "BLR", "CAN", "CHN", "JPN", "IND", "BRA", "ZAF", "SAU", "ISR", "KOR", "AUS"]


def _names(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct invented two-word names made of syllables."""
    out, seen = [], set()
    while len(out) < n:
        first = "".join(rng.choice(SYLLABLES, rng.integers(2, 4))).capitalize()
        last = "".join(rng.choice(SYLLABLES, rng.integers(2, 5))).capitalize()
        name = f"{first} {last}"
        if name not in seen and len(first) >= 4:
            seen.add(name)
            out.append(name)
    return out


def synthetic_tables(n_positions: int, seed: int = 0, per_article: int = 10) -> dict[str, pd.DataFrame]:
    """Machine output with about ``n_positions`` positions (see the module docstring).

    People speak for one country (a Zipf-like share of the talk, so some countries and people
    dominate); a fifth of an actor's rows leave the country unstated (the registry fills it from
    the other articles); a few people appear under a second spelling ("Mirela"/"Myrela").
    Each country leans one way on each issue, so alignment has something to show."""
    import pycountry

    from analysis.catalog import issue_labels

    rng = np.random.default_rng(seed)
    issues = list(issue_labels())
    labels = issue_labels()
    others = sorted({c.alpha_3 for c in pycountry.countries} - set(CORE))
    countries = CORE + BODIES + others[:200 - len(CORE) - len(BODIES)]
    # the reference and the countries most in the news speak most, the others less and less
    country_weight = 1.0 / np.arange(1, len(countries) + 1) ** 0.8
    country_weight /= country_weight.sum()
    n_people = int(min(20000, max(300, n_positions / 100)))
    people = _names(rng, n_people)
    person_country = rng.choice(len(countries), n_people, p=country_weight)
    person_role = rng.choice(ROLES, n_people)
    person_weight = 1.0 / np.arange(1, n_people + 1) ** 0.9
    person_weight /= person_weight.sum()
    # a second spelling for some people: y for i inside the first name (the registry joins them)
    variant = {i: people[i].replace("i", "y", 1) for i in range(0, n_people, 20)
               if "i" in people[i].split()[0][1:]}
    lean = rng.choice([-1, 0, 1], (len(countries), len(issues)), p=[0.35, 0.15, 0.5])
    governments = [f"Government of {c}" for c in countries]

    n_articles = max(1, n_positions // per_article)
    start_day = date(2025, 1, 1)
    articles, actors, positions, reactions = [], [], [], []
    for a in range(n_articles):
        art = f"{rng.integers(0, 2**63):016x}"
        file = f"in/{a // 1000:03d}/article-{a:06d}.txt"
        k = int(rng.integers(2, 6))
        speakers = list(dict.fromkeys(rng.choice(n_people, k, p=person_weight)))
        use_gov = rng.random() < 0.3
        sentences, pos_rows, act_rows = [], [], []
        offset = 0
        quota = per_article
        for j, p in enumerate(speakers):
            name = variant.get(p, people[p]) if rng.random() < 0.5 else people[p]
            c = countries[person_country[p]]
            stated = c if rng.random() < 0.8 else ""
            intro = f"{person_role[p]} {name} spoke in the capital."
            sentences.append(intro)
            ev_start, ev_end = offset, offset + len(intro)
            offset += len(intro) + 1
            n_here = quota // (len(speakers) - j) if j < len(speakers) - 1 else quota
            quota -= n_here
            for _ in range(max(1, n_here)):
                i = int(rng.integers(0, len(issues)))
                drift = lean[person_country[p], i] if rng.random() < 0.8 else int(rng.integers(-1, 2))
                stance = {1: "support", -1: "oppose", 0: "neutral"}[drift]
                kind = rng.choice(["direct", "indirect", "reported"], p=[0.3, 0.5, 0.2])
                sentence = f"{name} said the government {VERBS[stance]} {labels[issues[i]].lower()}."
                quote = f"We {VERBS[stance]} {labels[issues[i]].lower()}" if kind == "direct" else ""
                pos_rows.append((art, file, name, "person", stated, person_role[p], issues[i], stance, sentence, offset,
                                 offset + len(sentence), quote, str(kind), round(float(rng.uniform(0.4, 0.95)), 2),
                                 "text" if stated else ""))
                sentences.append(sentence)
                offset += len(sentence) + 1
            act_rows.append((art, file, name, "person", stated, person_role[p], int(rng.integers(1, 6)), ev_start,
                             ev_end if stated else 0, "text" if stated else ""))
        if use_gov:
            c = int(rng.choice(len(countries), p=country_weight))
            gov = governments[c]
            i = int(rng.integers(0, len(issues)))
            stance = {1: "support", -1: "oppose", 0: "neutral"}[lean[c, i]]
            sentence = f"The {gov} {VERBS[stance]} {labels[issues[i]].lower()} in a statement."
            act_rows.append((art, file, gov, "government", countries[c], "", 1, offset, offset + len(sentence), "text"))
            pos_rows.append((art, file, gov, "government", countries[c], "", issues[i], stance, sentence, offset,
                             offset + len(sentence), "", "reported", 0.6, "text"))
            sentences.append(sentence)
            offset += len(sentence) + 1
        if len(act_rows) >= 2 and rng.random() < 0.6:
            s, t = rng.choice(len(act_rows), 2, replace=False)
            relation = str(rng.choice(["agrees", "disagrees", "responds"]))
            sentence = f"{act_rows[s][2]} {relation} with {act_rows[t][2]}."
            reactions.append((art, file, act_rows[s][2], act_rows[s][4], act_rows[t][2], act_rows[t][4], relation,
                              sentence, offset, offset + len(sentence)))
            sentences.append(sentence)
        day = "" if rng.random() < 0.02 else (start_day + timedelta(days=int(rng.integers(0, 180)))).isoformat()
        title = f"Talks bulletin {a}: {people[speakers[0]]} and others"
        articles.append((art, file, title, f"Wire {a % 37}", day, " ".join(sentences), f"https://example.invalid/{a}"))
        actors += act_rows
        positions += pos_rows
    errors = [(f"in/broken-{i}.txt", "", "the file is empty; nothing to analyse.") for i in range(3)]
    return {
        "articles": pd.DataFrame(articles, columns=COLUMNS["articles"]),
        "actors": pd.DataFrame(actors, columns=COLUMNS["actors"]),
        "positions": pd.DataFrame(positions, columns=COLUMNS["positions"]),
        "reactions": pd.DataFrame(reactions, columns=COLUMNS["reactions"]),
        "errors": pd.DataFrame(errors, columns=COLUMNS["errors"]),
    }
