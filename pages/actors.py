import streamlit as st

from ui import data
from ui.text import evidence_box, plain, source_line
from ui.widgets import context, nothing_matches, paged_table, table

view, selection, labels, caption = context()
parts = selection.name_parts()

st.title("Actors")
if data.dataset_mode():  # one page of actors at a time, counted by DuckDB
    query = data.dataset().actors_query(view.filters)
    if not data.ask("count", query):
        nothing_matches("actors")
        st.stop()
    event, shown = paged_table(query, key="act", name="actors", name_parts=parts, on_select="rerun",
                               selection_mode="single-row", column_config={"article": None})
else:
    if view.actors.empty:
        nothing_matches("actors")
        st.stop()
    counts = view.statements.groupby(["article", "actor"]).size().rename("positions").reset_index()
    actors = view.actors.merge(counts, left_on=["article", "name"], right_on=["article", "actor"], how="left")
    actors["positions"] = actors["positions"].fillna(0).astype(int)
    titles = dict(zip(st.session_state["tables"].articles["id"], st.session_state["tables"].articles["title"]))
    actors["article title"] = actors["article"].map(titles)
    shown = actors[["name", "actor_type", "country", "role", "mentions", "positions", "article title", "article"]]
    shown = shown.sort_values(["positions", "mentions"], ascending=False).reset_index(drop=True)
    event = table(shown, key="act", name="actors", name_parts=parts, on_select="rerun", selection_mode="single-row",
                  column_config={"article": None})
st.caption("Select a row to see the actor's positions and the evidence in the article.")

rows = event.selection.rows if event is not None else []
if rows and rows[0] < len(shown):
    actor = shown.iloc[rows[0]]
    if data.dataset_mode():
        mine = data.ask("page", data.dataset().actor_positions_query(view.filters, actor["article"], actor["name"],
                                                                     labels), 0, 1000)
        article = data.ask("article", actor["article"])
    else:
        mine = view.statements[(view.statements["actor"] == actor["name"])
                               & (view.statements["article"] == actor["article"])]
        mine = mine.assign(issue=mine["issue"].map(labels))
        article = st.session_state["tables"].articles.set_index("id").loc[actor["article"]]
    st.subheader(f"{plain(actor['name'])} — {len(mine)} position(s)")
    if mine.empty:
        st.info("No positions found for this actor under the current filters.")
    else:
        table(mine[["issue", "stance", "kind", "confidence", "evidence", "quote"]],
              key="act_positions", name=f"positions-of-{actor['name']}", name_parts=parts)
    st.html(source_line(article["title"], article["source"], article["date"]))
    st.html(evidence_box(article["text"], list(zip(mine["start"], mine["end"]))))
