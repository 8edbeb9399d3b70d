"""Run the pipeline over many articles and return the four tables as DataFrames.

``analyze(articles)`` streams texts through ``nlp.pipe`` (several processes for large batches)
and extracts records from each Doc; only small records are kept, never Docs.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, NamedTuple

import pandas as pd

from analysis import parsecache, settings
from analysis.cues import Lemmas
from analysis.extract import extract_doc
from analysis.pipeline import load_pipeline, parse
from analysis.records import Actor, Article, Position, Reaction, as_row, columns
from analysis import registry

# Below this many articles a second process costs more (model load) than it saves.
PARALLEL_THRESHOLD = 200
BATCH_SIZE = 32
CHUNK_SIZE = 64
# When someone watches progress, smaller units so it advances article by article (sequential)
# or every few articles (worker processes), at a small cost in throughput.
WATCHED_CHUNK_SIZE = 8
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


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


def _die_with_parent(parent_pid: int) -> None:
    """Worker initialiser: end this worker when the process that started it dies.

    A parent killed with SIGKILL cannot shut its pool down, and the workers would stay alive
    (holding memory and the model) forever. On Linux the kernel sends SIGKILL to the worker
    when the parent dies (prctl PR_SET_PDEATHSIG); elsewhere, and as a backstop, a thread
    polls the parent pid once a second."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)

    def watch():
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _extract_chunk(articles: list[Article], catalog_path: str | None, keep_parse: bool = False):
    """Parse and extract a chunk in one process; only the small records travel back."""
    return list(_extract_iter(articles, catalog_path, BATCH_SIZE, keep_parse))


def _extract_iter(articles: list[Article], catalog_path: str | None, batch_size: int, keep_parse: bool = False):
    nlp = load_pipeline(catalog=catalog_path)
    if not keep_parse:
        docs = parse(nlp, (a.text for a in articles), batch_size=batch_size)
        for article, doc in zip(articles, docs):
            yield (article, *extract_doc(doc, article.id))
        return
    version, kept, lemmas = parsecache.parse_version(nlp), [], Lemmas(nlp)

    def keep(doc):
        try:
            kept.append(parsecache.Parsed(version, parsecache.encode(doc), parsecache.words(doc, lemmas)))
        except parsecache.Unsupported:  # not cached; the preview parses this article itself
            kept.append(None)

    docs = parse(nlp, (a.text for a in articles), batch_size=batch_size, keep=keep)
    for article, doc in zip(articles, docs):
        yield (article, *extract_doc(doc, article.id), kept.pop(0))


def extract_records(articles: list[Article], catalog_path: str | None = None, n_process: int | None = None,
                    per_article: bool = False, keep_parse: bool = False):
    """Yield (article, actors, positions, reactions) per article, in input order.

    With several processes each worker runs ``nlp.pipe`` *and* extraction on a chunk, so no
    Doc is pickled back (spaCy's own n_process would send every Doc to the parent, which
    then extracts on one core). ``per_article=True`` (a progress bar is watching) parses one
    article at a time in a single process, and small chunks with workers, so each record is
    yielded as soon as it is ready instead of after a whole batch. ``keep_parse=True`` adds a
    fifth item: the article's Doc as the parse cache keeps it
    (analysis.parsecache.Parsed; None when it cannot be cached).
    """
    n_process = n_process or n_process_for(len(articles))
    if n_process <= 1:
        yield from _extract_iter(articles, catalog_path, 1 if per_article else BATCH_SIZE, keep_parse)
        return
    load_pipeline(catalog=catalog_path)  # load before forking: workers share the model pages
    size = WATCHED_CHUNK_SIZE if per_article else CHUNK_SIZE
    chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        for rows in pool.map(_extract_chunk, chunks, [catalog_path] * len(chunks), [keep_parse] * len(chunks)):
            yield from rows


def analyze(articles: list[Article], catalog_path: str | None = None, n_process: int | None = None) -> Tables:
    all_actors, all_positions, all_reactions = [], [], []
    for _, actors, positions, reactions in extract_records(articles, catalog_path, n_process):
        all_actors += actors
        all_positions += positions
        all_reactions += reactions
    return Tables(frame(articles, Article), frame(all_actors, Actor), frame(all_positions, Position),
                  frame(all_reactions, Reaction))


def resolve_corpus(tables: Tables) -> Tables:
    """The tables with the actor registry of these articles applied: one name per person, and
    countries an article leaves unstated taken from the others (analysis.registry)."""
    people = registry.build(tables.actors, dict(zip(tables.articles["id"], tables.articles["text"])))
    return Tables(tables.articles, *registry.resolve(tables.actors, tables.statements, tables.reactions, people))
