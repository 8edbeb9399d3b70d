import streamlit as st

from ui.widgets import context, highlighted, nothing_matches, table

view, selection, labels, caption = context()
parts = selection.name_parts()

st.title("Positions")
query = st.text_input("Search actor, evidence or quote", key="pos_search", placeholder="e.g. sanctions, Foreign Minister")
df = view.statements.assign(issue_label=view.statements["issue"].map(labels))
if query:
    hay = (df["actor"] + " " + df["role"] + " " + df["evidence"] + " " + df["quote"]).str.lower()
    df = df[hay.str.contains(query.lower(), regex=False)]
if df.empty:
    nothing_matches()
    st.stop()

shown = df[["actor", "country", "role", "issue_label", "stance", "kind", "confidence", "evidence", "quote", "article",
            "start", "end", "issue"]].reset_index(drop=True)
event = table(shown, key="pos", name="positions", name_parts=parts, on_select="rerun", selection_mode="single-row",
              column_config={"issue_label": "issue", "issue": None, "article": None, "start": None, "end": None,
                             "confidence": st.column_config.ProgressColumn(min_value=0, max_value=1, format="%.2f")})
st.caption("Select a row to open the sentence in its article.")
rows = event.selection.rows if event is not None else []
if rows:
    row = shown.iloc[rows[0]]
    article = st.session_state["tables"].articles.set_index("id").loc[row["article"]]
    st.markdown(f"**{row['actor']}** · {row['issue_label']} · **{row['stance']}** ({row['kind']}, confidence {row['confidence']:.2f})")
    st.markdown(f"From *{article['title']}* ({article['date']})")
    st.html(highlighted(article["text"], [(int(row["start"]), int(row["end"]))]))
