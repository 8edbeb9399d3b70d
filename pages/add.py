import pandas as pd
import streamlit as st

from analysis.errors import AnalysisError
from analysis.reader import decode, max_bytes, megabytes, parse_article
from ui import data

st.title("Add articles")
st.caption(f"Upload .txt, .md or .html files (up to {megabytes(max_bytes())} each) or paste text. "
           "Articles already in the corpus are recognised by their text and not stored twice.")

uploads = st.file_uploader("Article files", type=["txt", "md", "html", "htm"], accept_multiple_files=True,
                           key="add_files")
pasted = st.text_area("…or paste an article", key="add_paste", height=180)
cols = st.columns(3)
title = cols[0].text_input("Title", key="add_title", help="Left empty: taken from the file's header or HTML.")
source = cols[1].text_input("Source", key="add_source")
when = cols[2].date_input("Date", value=None, key="add_date", format="YYYY-MM-DD")
st.caption("Title, source and date apply to pasted text, and to a file when exactly one is uploaded.")

if st.button("Analyse and add", key="add_submit", type="primary", icon=":material/add:"):
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
            bar.progress(done / total, text=f"{done}/{len(articles)} · {result.message}")

        try:
            results = data.store().ingest(articles, progress=progress) if articles else []
        except AnalysisError as exc:
            st.error(str(exc))
            results = []
        except Exception as exc:  # never a traceback for the analyst; each article is its own transaction
            st.error(f"Processing stopped ({type(exc).__name__}: {exc}). Articles stored before this point are kept; "
                     "nothing else was changed. Try the remaining files again, or one at a time.")
            results = []
        bar.empty()
        rows = problems + [{"file": r.name, "status": r.status, "actors": r.actors, "positions": r.positions,
                            "message": r.message} for r in results]
        st.session_state["add_results"] = rows

rows = st.session_state.get("add_results")
if rows:
    summary = pd.DataFrame(rows)
    added = summary[summary["status"].isin(["added", "updated"])]
    if not added.empty:
        st.success(f"{len(added)} article(s) stored: {int(added['actors'].sum())} actors and "
                   f"{int(added['positions'].sum())} positions found. They appear on every page now.")
    for row in rows:
        if row["status"] == "refused":
            st.error(row["message"])
        elif row["status"] == "duplicate":
            st.info(row["message"])
        elif row["positions"] == 0:
            st.warning(f"{row['file']}: stored, but no positions found.")
    st.dataframe(summary, hide_index=True, key="add_summary")
