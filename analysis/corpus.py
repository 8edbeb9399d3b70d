"""Run the pipeline over many articles and return the four tables as DataFrames.

``analyze(articles)`` streams texts through ``nlp.pipe`` (several processes for large batches)
and extracts records from each Doc; only small records are kept, never Docs.
"""

from __future__ import annotations

import os
from typing import Iterable, NamedTuple

import pandas as pd

from analysis import settings
from analysis.catalog import load_catalog
from analysis.extract import extract_doc
from analysis.pipeline import load_pipeline
from analysis.records import Actor, Article, Position, Reaction, as_row, columns

# Below this many articles a second process costs more (model load) than it saves.
PARALLEL_THRESHOLD = 200


class Tables(NamedTuple):
    articles: pd.DataFrame
    actors: pd.DataFrame
    statements: pd.DataFrame
    reactions: pd.DataFrame


def frame(records: Iterable, record_type) -> pd.DataFrame:
    """DataFrame of records with the record type's columns, also when there are none."""
    rows = [as_row(r) for r in records]
    return pd.DataFrame(rows, columns=columns(record_type))


def n_process_for(count: int) -> int:
    configured = int(settings.get("DASHBOARD_N_PROCESS"))
    if configured > 0:
        return configured
    return max(1, min(os.cpu_count() or 1, 4)) if count >= PARALLEL_THRESHOLD else 1


def extract_records(articles: list[Article], catalog_path: str | None = None, n_process: int | None = None):
    """Yield (article, actors, positions, reactions) per article, in input order."""
    nlp = load_pipeline()
    issues = load_catalog(catalog_path)
    n_process = n_process or n_process_for(len(articles))
    docs = nlp.pipe((a.text for a in articles), batch_size=32, n_process=n_process)
    for article, doc in zip(articles, docs):
        actors, positions, reactions = extract_doc(doc, article.id, issues)
        yield article, actors, positions, reactions


def analyze(articles: list[Article], catalog_path: str | None = None, n_process: int | None = None) -> Tables:
    all_actors, all_positions, all_reactions = [], [], []
    for _, actors, positions, reactions in extract_records(articles, catalog_path, n_process):
        all_actors += actors
        all_positions += positions
        all_reactions += reactions
    meta = [Article(a.id, a.title, a.source, a.date, a.text) for a in articles]
    return Tables(frame(meta, Article), frame(all_actors, Actor), frame(all_positions, Position),
                  frame(all_reactions, Reaction))
