"""Cached loaders: the spaCy pipeline and the corpus database once per process, the extracted
tables once per database revision (every write bumps it, so new articles and corrections show
at once in every session). In dataset mode (DASHBOARD_DATASET) the dataset once per manifest
and database revision, and each aggregate or page of rows once per filter selection."""

from __future__ import annotations

import streamlit as st

import os
import tempfile
from pathlib import Path

from analysis import settings
from analysis.catalog import Catalog
from analysis.catalogs import Available, default_catalog
from analysis.corpus import Tables
from analysis.dataset import Dataset, Query, manifest_stamp, open_dataset
from analysis.pipeline import load_pipeline
from analysis.reader import expand_paths, read_file
from analysis.registry import Registry
from analysis.store import Store


@st.cache_resource(show_spinner="Loading the language model…")
def pipeline():
    return load_pipeline()


def store() -> Store:
    """The database at DASHBOARD_DB (see _open_store; in dataset mode _open_corrections)."""
    if dataset_mode():
        return _open_corrections(settings.get("DASHBOARD_DB"))
    return _open_store(settings.get("DASHBOARD_DB"))


def dataset_mode() -> bool:
    """True when DASHBOARD_DATASET names a dataset folder: the pages read it through DuckDB."""
    return bool(settings.get("DASHBOARD_DATASET").strip())


@st.cache_resource(show_spinner="Opening the corrections database…")
def _open_corrections(path: str) -> Store:
    """Dataset mode: the database holds the analysts' corrections and registry edits only. It
    is not seeded and its articles are not re-analysed (no language model is loaded)."""
    return Store(path)


def dataset() -> Dataset:
    """The dataset at DASHBOARD_DATASET with the store's corrections and registry edits; a new
    one whenever the batch command rewrites the manifest or an analyst saves a correction.
    Raises AnalysisError (DatasetError, StoreError) with what to do."""
    db = store()
    path = settings.get("DASHBOARD_DATASET").strip()
    return _open_dataset(path, manifest_stamp(path), str(db.path), db.revision())


@st.cache_resource(show_spinner="Opening the dataset…", max_entries=2)
def _open_dataset(path: str, stamp: str, db_path: str, revision: int) -> Dataset:
    return open_dataset(path, store())


@st.cache_data(show_spinner=False, max_entries=512)
def _ask(_dataset: Dataset, key: str, method: str, *args):
    return getattr(_dataset, method)(*args)


def ask(method: str, *args):
    """``dataset().method(*args)``, cached per dataset version, corrections and arguments:
    aggregates and pages are computed once, so a page switch or a filter set again is instant.
    A file that cannot be read (a chunk being rewritten, a damaged file) is one message."""
    import duckdb

    from ui.text import plain

    ds = dataset()
    try:
        return _ask(ds, ds.key, method, *args)
    except duckdb.Error as exc:
        _open_dataset.clear()
        st.error(plain(f"The dataset could not be read ({' '.join(str(exc).split())[:300]}). If the batch command is "
                       "writing it, wait until it has finished and reload the page; otherwise run it again for the "
                       "dataset."), icon=":material/error:")
        st.stop()


def export_csv(ds: Dataset, query: Query) -> bytes:
    """Every row of a dataset table as CSV (DuckDB writes it to a temporary file: the table is
    never a DataFrame; Streamlit then keeps the file for the download)."""
    fd, name = tempfile.mkstemp(suffix=".csv")
    os.close(fd)
    try:
        ds.export_csv(query, name)
        return Path(name).read_bytes()
    finally:
        Path(name).unlink(missing_ok=True)


@st.cache_resource(show_spinner="Opening the corpus database…")
def _open_store(path: str) -> Store:
    """The database at ``path``, created and filled with the seed corpus when the file is new
    (a corpus the analyst emptied stays empty);
    articles analysed by an older pipeline are re-analysed (corrections are kept apart).
    A read-only database is shown as it is. Raises StoreError when the path cannot be used."""
    db = Store(path)
    if db.read_only:
        return db
    if db.created:
        pipeline()
        files = expand_paths([settings.get("DASHBOARD_CORPUS")])
        db.ingest([(str(f), read_file(f)) for f in files])
    else:
        db.refresh()
    return db


@st.cache_data(show_spinner="Reading the corpus…", max_entries=4)
def _tables(path: str, revision: int, catalog: str | None) -> Tables:
    return store().tables(catalog)


def tables(catalog: str | None = None) -> Tables:
    """The corpus tables, corrections applied; with ``catalog`` (an id) only its articles' rows."""
    db = store()
    return _tables(str(db.path), db.revision(), catalog)


def catalogs() -> list[Available]:
    """The catalogs an analyst can choose (the default first). Dataset mode: the one the batch
    used (DASHBOARD_CATALOG). Read on every run: small files, parsed once per content."""
    if dataset_mode():
        return [Available(default_catalog(), "shipped")]
    return store().available_catalogs()


@st.cache_data(show_spinner=False, max_entries=4)
def _catalog_counts(path: str, revision: int) -> dict[str, int]:
    return store().catalog_counts()


def catalog_counts() -> dict[str, int]:
    """Catalog id -> stored articles analysed with it ({} in dataset mode)."""
    if dataset_mode():
        return {}
    db = store()
    return _catalog_counts(str(db.path), db.revision())


@st.cache_data(show_spinner=False, max_entries=4)
def _catalog_names(path: str, revision: int, catalog_id: str) -> set[str]:
    return store().catalog_names(catalog_id)


def catalog_names(catalog_id: str) -> set[str]:
    """Actor names in the articles of one catalog (Store.catalog_names), read once per revision."""
    db = store()
    return _catalog_names(str(db.path), db.revision(), catalog_id)


def catalog() -> Catalog:
    """The catalog chosen in the sidebar for this run (set by dashboard.py)."""
    return st.session_state["catalog"]


@st.cache_data(show_spinner=False, max_entries=4)
def _registry(path: str, revision: int) -> Registry:
    return store().registry()


def registry() -> Registry:
    """The actor registry (people with their spellings, country and role), read once per revision."""
    db = store()
    return _registry(str(db.path), db.revision())


def labels() -> dict[str, str]:
    """Issue id -> label of the chosen catalog, in catalog order."""
    return {issue.id: issue.label for issue in catalog().issues}


# spaCy's entity labels in words an analyst uses, with displaCy's colours for them.
ENTITY_LABELS = {"PERSON": "person", "NORP": "nationality/group", "ORG": "organisation", "GPE": "country/city",
                 "LOC": "place"}
ENTITY_COLOURS = {"person": "#aa9cfc", "nationality/group": "#c887fb", "organisation": "#7aecec",
                  "country/city": "#feca74", "place": "#ff9561"}


def plain_entities(doc) -> dict:
    """displaCy's manual input for ``doc``: the entities it shows, under plain labels."""
    return {"text": doc.text, "title": None,
            "ents": [{"start": e.start_char, "end": e.end_char, "label": ENTITY_LABELS[e.label_]}
                     for e in doc.ents if e.label_ in ENTITY_LABELS]}


@st.cache_data(max_entries=64)
def entities_html(article_id: str, text: str) -> str:
    """displaCy entity markup of an article (displaCy escapes the text it renders)."""
    from spacy import displacy

    return displacy.render(plain_entities(pipeline()(text)), style="ent", manual=True, page=False, minify=True,
                           options={"colors": ENTITY_COLOURS})


@st.cache_data(max_entries=256)
def sentences(article_id: str, text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each sentence, for choosing the evidence of a hand-added position."""
    doc = pipeline()(text)
    return [(s.start_char, s.end_char, s.text.strip()) for s in doc.sents if s.text.strip()]


WHY_COLOURS = {"person": "#c6dbef", "speech": "#fdd0a2", "cue": "#d9d9d9", "claim": "#9ecae1"}


@st.cache_data(max_entries=256)
def why(article_id: str, text: str, start: int, end: int) -> tuple[str, list[dict]]:
    """What the pipeline found in one evidence sentence: a displaCy span view (all text escaped:
    displaCy escapes tokens, the labels are escaped here) and the same spans as table rows."""
    import html

    from spacy import displacy

    from analysis.explain import why_rows, why_spans

    data = why_spans(pipeline()(text), start, end)
    rows = why_rows(data)
    colours = {}
    for span in data["spans"]:
        span["label"] = html.escape(span["label"])
        kind = span["label"].split(":")[0].split(" ")[0]
        colours[span["label"]] = WHY_COLOURS.get(kind, "#eeeeee")
    return displacy.render(data, style="span", manual=True, page=False, minify=False, options={"colors": colours}), rows
