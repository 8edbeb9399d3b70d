"""Run the pipeline over many articles and return the four tables as DataFrames.

``analyze(articles)`` streams texts through ``nlp.pipe`` (several processes for large batches)
and extracts records from each Doc; only small records are kept, never Docs.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, NamedTuple

import pandas as pd

from analysis import settings
from analysis.extract import extract_doc
from analysis.pipeline import load_pipeline, parse
from analysis.records import Actor, Article, Position, Reaction, as_row, columns

# Below this many articles a second process costs more (model load) than it saves.
PARALLEL_THRESHOLD = 200
BATCH_SIZE = 32
CHUNK_SIZE = 64


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


def _extract_chunk(articles: list[Article], catalog_path: str | None):
    """Parse and extract a chunk in one process; only the small records travel back."""
    nlp = load_pipeline(catalog=catalog_path)
    docs = parse(nlp, (a.text for a in articles), batch_size=BATCH_SIZE)
    return [(article, *extract_doc(doc, article.id)) for article, doc in zip(articles, docs)]


def extract_records(articles: list[Article], catalog_path: str | None = None, n_process: int | None = None):
    """Yield (article, actors, positions, reactions) per article, in input order.

    With several processes each worker runs ``nlp.pipe`` *and* extraction on a chunk, so no
    Doc is pickled back (spaCy's own n_process would send every Doc to the parent, which
    then extracts on one core).
    """
    n_process = n_process or n_process_for(len(articles))
    if n_process <= 1:
        yield from _extract_chunk(articles, catalog_path)
        return
    load_pipeline(catalog=catalog_path)  # load before forking: workers share the model pages
    chunks = [articles[i:i + CHUNK_SIZE] for i in range(0, len(articles), CHUNK_SIZE)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(n_process, mp_context=context) as pool:
        for rows in pool.map(_extract_chunk, chunks, [catalog_path] * len(chunks)):
            yield from rows


def analyze(articles: list[Article], catalog_path: str | None = None, n_process: int | None = None) -> Tables:
    all_actors, all_positions, all_reactions = [], [], []
    for _, actors, positions, reactions in extract_records(articles, catalog_path, n_process):
        all_actors += actors
        all_positions += positions
        all_reactions += reactions
    return Tables(frame(articles, Article), frame(all_actors, Actor), frame(all_positions, Position),
                  frame(all_reactions, Reaction))
