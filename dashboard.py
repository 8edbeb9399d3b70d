"""Entry point: `streamlit run dashboard.py`. Declares the pages, draws the catalog select and the
shared filters, runs the chosen page. Pages read ``st.session_state["view"]`` (filtered tables of
the chosen catalog's articles) and ``st.session_state["catalog"]`` (that Catalog: name,
description, issues; ``ui.data.catalog()``) and never parse text.
With DASHBOARD_DATASET set, the view is a DatasetView over the batch dataset (DuckDB)."""

import streamlit as st

from analysis.errors import AnalysisError
from ui import data, filters
from ui.text import plain

st.set_page_config(page_title="Diplomatic reactions", page_icon="🌐", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/map.py", title="Map", icon=":material/map:"),
    st.Page("pages/actors.py", title="Actors", icon=":material/groups:"),
    st.Page("pages/people.py", title="People", icon=":material/badge:"),
    st.Page("pages/positions.py", title="Positions", icon=":material/format_quote:"),
    st.Page("pages/reactions.py", title="Reactions", icon=":material/hub:"),
    st.Page("pages/articles.py", title="Articles", icon=":material/article:"),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("pages/add.py", title="Add articles", icon=":material/note_add:"),
    st.Page("pages/catalog.py", title="Catalog workbench", icon=":material/edit_note:"),
]
page = st.navigation(PAGES)

try:
    catalog = filters.choose_catalog(data.catalogs(), data.catalog_counts(), fixed=data.dataset_mode())
    tables = data.dataset() if data.dataset_mode() else data.tables(catalog.id)
except AnalysisError as exc:
    st.error(plain(str(exc)), icon=":material/error:")
    st.stop()
if data.store().read_only:
    st.info(f"Read-only corpus: {plain(data.store().read_only_reason)}. Browsing and exports work; adding, correcting "
            "and deleting articles are disabled. To edit, copy the database to a writable folder and point "
            "DASHBOARD_DB at the copy.", icon=":material/lock:")

st.session_state["catalog"] = catalog
labels = data.labels()
selection = filters.sidebar(tables, labels, catalog)
if data.dataset_mode():
    summary = data.ask("summary")
    st.sidebar.caption(f"**Dataset mode**: {summary['articles']:,} articles, {summary['positions']:,} positions "
                       f"(updated {plain(summary['updated'] or 'unknown')}); read-only for extraction. Corrections "
                       "are kept in `DASHBOARD_DB`.")
st.session_state["tables"] = tables
st.session_state["selection"] = selection
st.session_state["view"] = filters.apply(tables, selection, list(labels))
page.run()
