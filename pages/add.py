import math

import pandas as pd
import streamlit as st

from analysis.errors import AnalysisError
from analysis.reader import decode, max_bytes, megabytes, parse_article
from ui import data
from ui.text import plain
from ui.widgets import context, paged_table

FORM_KEYS = ("add_paste", "add_title", "add_source", "add_date")

context()  # opened as the server's first request, the page is run again through dashboard.py
st.title("Add articles")
if data.dataset_mode():  # extraction is read-only here: the batch command writes the dataset
    summary = data.ask("summary")
    st.info("Dataset mode: this dataset is read-only for extraction. Add articles with the batch command "
            "(`python -m analysis batch INPUT... --out DATASET_DIR`); the app shows the new rows once it has "
            "updated the dataset. Corrections made on the Positions page are kept in DASHBOARD_DB.",
            icon=":material/lock:")
    st.markdown(f"**Dataset**: {summary['articles']:,} articles, {summary['positions']:,} positions in "
                f"{summary['chunks']:,} chunks; created {plain(summary['created'] or 'unknown')}, updated "
                f"{plain(summary['updated'] or 'unknown')}.")
    if summary["errors"]:
        st.subheader(f"Files the batch could not read ({summary['errors']:,})")
        paged_table(data.dataset().errors_query(), key="add_errors", name="batch-errors", name_parts={})
    st.stop()
db = data.store()
if db.read_only:
    st.warning("The corpus database is read-only: articles cannot be added or deleted here.", icon=":material/lock:")

# After a successful run the form starts empty again. Text widgets are reset by dropping their
# state before they are drawn; the uploader keeps its files in the browser, so it gets a new key.
if st.session_state.pop("add_clear", False):
    for key in FORM_KEYS:
        st.session_state.pop(key, None)
    st.session_state["add_form"] = st.session_state.get("add_form", 0) + 1

catalog = data.catalog()  # the sidebar's choice: new articles are analysed with it
st.info(f"New articles are analysed with the issue catalog “{plain(catalog.name)}” ({len(catalog.issues)} issues). "
        "Choose another catalog in the sidebar to analyse them with its issues; an article already stored under "
        "another catalog moves to this one.", icon=":material/category:")
limit = max_bytes()  # DASHBOARD_MAX_BYTES: the uploader, this caption and the reader use the same limit
st.caption(f"Upload .txt, .md or .html files (up to {megabytes(limit)} each) or paste text. "
           "Articles already in the corpus are recognised by their text and not stored twice.")
uploads = st.file_uploader("Article files", type=["txt", "md", "html", "htm"], accept_multiple_files=True,
                           key=f"add_files_{st.session_state.get('add_form', 0)}",
                           max_upload_size=max(1, math.ceil(limit / 1048576)), disabled=db.read_only)
pasted = st.text_area("…or paste an article", key="add_paste", height=180, disabled=db.read_only)
cols = st.columns(3)
title = cols[0].text_input("Title", key="add_title", help="Left empty: taken from the file's header or HTML.",
                           disabled=db.read_only)
source = cols[1].text_input("Source", key="add_source", disabled=db.read_only)
when = cols[2].date_input("Date", value=None, key="add_date", format="YYYY-MM-DD", disabled=db.read_only,
                          help="Left empty: taken from the file's Date: line or HTML; undated articles are kept "
                               "but cannot be placed on the Timeline.")
st.caption("Title, source and date apply to pasted text, and to a file when exactly one is uploaded.")

if st.button("Analyse and add", key="add_submit", type="primary", icon=":material/add:", disabled=db.read_only):
    items = [(f.name, f.getvalue()) for f in uploads or []]
    if pasted.strip():
        items.append(("pasted text", pasted.encode("utf-8")))
    if not items:
        st.warning("Choose a file or paste an article first.")
    else:
        one = len(items) == 1
        meta = dict(title=title.strip() if one else "", source=source.strip() if one else "",
                    date=when.isoformat() if (one and when) else "")
        articles, problems = [], []
        for name, raw in items:
            suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else "auto"
            try:
                articles.append((name, parse_article(decode(raw, name), name, suffix, **meta)))
            except AnalysisError as exc:
                problems.append({"file": name, "status": "refused", "actors": 0, "positions": 0, "message": str(exc)})
        bar = st.progress(0.0, text="Analysing…")
        total = max(len(articles), 1)

        def progress(done, result):
            bar.progress(done / total, text=plain(f"{done}/{len(articles)} · {result.message}"))

        try:
            results = db.ingest(articles, progress=progress, catalog_path=catalog.path) if articles else []
        except AnalysisError as exc:
            st.error(plain(str(exc)))
            results = []
        except Exception as exc:  # never a traceback for the analyst; each article is its own transaction
            st.error(plain(f"Processing stopped ({type(exc).__name__}: {exc}). Articles stored before this point are "
                           "kept; nothing else was changed. Try the remaining files again, or one at a time."))
            results = []
        bar.empty()
        rows = problems + [{"file": r.name, "status": "refused" if r.status == "error" else r.status,
                            "actors": r.actors, "positions": r.positions, "message": r.message} for r in results]
        st.session_state["add_results"] = rows
        if any(r.status in ("added", "updated") for r in results):
            st.session_state["add_clear"] = True
            st.rerun()

rows = st.session_state.get("add_results")
if rows:
    summary = pd.DataFrame(rows)
    added = summary[summary["status"].isin(["added", "updated"])]
    if not added.empty:
        st.success(f"{len(added)} article(s) stored: {int(added['actors'].sum())} actors and "
                   f"{int(added['positions'].sum())} positions found with the catalog “{plain(catalog.name)}”. "
                   "They appear on every page of that catalog now.")
    for row in rows:
        if row["status"] == "refused":
            st.error(plain(row["message"]))
        elif row["status"] == "duplicate":
            st.info(plain(row["message"]))
        elif row["positions"] == 0:
            st.warning(plain(f"{row['file']}: stored, but no positions found."))
    st.dataframe(summary, hide_index=True, key="add_summary")

st.divider()
st.subheader("Delete an article")
stored = db.articles()
if stored.empty:
    st.info("The corpus is empty.")
else:
    labels = {r.id: f"{r.title} · {r.date or 'undated'} · {r.id}" for r in stored.itertuples()}
    doomed = st.selectbox("Article to delete", list(labels), format_func=labels.get, index=None, key="del_article",
                          placeholder="Choose an article", disabled=db.read_only)
    if st.button("Delete…", key="del_ask", icon=":material/delete:", disabled=db.read_only or doomed is None):
        st.session_state["del_pending"] = doomed
    pending = st.session_state.get("del_pending")
    if pending and pending == doomed:
        st.warning(plain(f"Delete “{labels[pending]}” with its actors, positions, reactions and corrections? "
                         "This cannot be undone; the deletion is kept in the corrections audit trail."))
        analyst = st.text_input("Your name (optional, stored in the audit trail)", key="del_analyst")
        yes, no = st.columns(2)
        if yes.button("Yes, delete it", key="del_confirm", type="primary"):
            try:
                deleted = db.delete_article(pending, analyst)
            except AnalysisError as exc:
                st.error(plain(str(exc)))
            else:
                st.session_state.pop("del_pending", None)
                st.session_state.pop("del_article", None)
                st.session_state["del_done"] = deleted
                st.rerun()
        if no.button("Cancel", key="del_cancel"):
            st.session_state.pop("del_pending", None)
            st.rerun()
if "del_done" in st.session_state:
    st.success(plain(f"Deleted “{st.session_state.pop('del_done')}”."))
