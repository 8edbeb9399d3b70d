"""Cached loaders: the spaCy pipeline once per process, extracted tables once per corpus version."""

from __future__ import annotations

import hashlib
from pathlib import Path

import streamlit as st

from analysis import settings
from analysis.catalog import issue_labels
from analysis.corpus import Tables, analyze
from analysis.pipeline import load_pipeline
from analysis.reader import expand_paths, read_file


@st.cache_resource(show_spinner="Loading the language model…")
def pipeline():
    return load_pipeline()


def corpus_files() -> list[Path]:
    return expand_paths([settings.get("DASHBOARD_CORPUS")])


def fingerprint(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        stat = f.stat()
        h.update(f"{f}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return h.hexdigest()


@st.cache_data(show_spinner="Reading and analysing the corpus…", max_entries=4)
def _tables(paths: tuple[str, ...], version: str) -> Tables:
    pipeline()
    return analyze([read_file(p) for p in paths])


def tables() -> Tables:
    files = corpus_files()
    return _tables(tuple(map(str, files)), fingerprint(files))


@st.cache_data
def labels() -> dict[str, str]:
    return issue_labels()


@st.cache_data(max_entries=64)
def entities_html(article_id: str, text: str) -> str:
    """displaCy entity markup of an article (displaCy escapes the text it renders)."""
    from spacy import displacy

    doc = pipeline()(text)
    return displacy.render(doc, style="ent", page=False, minify=True,
                           options={"ents": ["PERSON", "NORP", "ORG", "GPE", "LOC"]})
