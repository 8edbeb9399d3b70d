import streamlit as st

from ui import data
from ui.text import evidence_box, plain, source_line
from ui.widgets import context, nothing_matches, paged_table, table

view, selection, labels, caption = context()
parts = selection.name_parts()
st.title("Actors")
if data.dataset_mode():  # one row per actor per article, a page at a time, counted by DuckDB
    query = data.dataset().actors_query(view.filters)
    if not data.ask("count", query):
        nothing_matches("actors")
        st.stop()
    event, shown = paged_table(query, key="act", name="actors", name_parts=parts, on_select="rerun",
                               selection_mode="single-row", column_config={"article": None})
    st.caption("Select a row to see the actor's positions and the evidence in the article.")
    rows = event.selection.rows if event is not None else []
    if rows and rows[0] < len(shown):
        actor = shown.iloc[rows[0]]
        mine = data.ask("page", data.dataset().actor_positions_query(view.filters, actor["article"], actor["name"],
                                                                     labels), 0, 1000)
        article = data.ask("article", actor["article"])
        st.subheader(f"{plain(actor['name'])} — {len(mine)} position(s)")
        if mine.empty:
            st.info("No positions found for this actor under the current filters.")
        else:
            table(mine[["issue", "stance", "kind", "confidence", "evidence", "quote"]],
                  key="act_positions", name=f"positions-of-{actor['name']}", name_parts=parts)
        st.html(source_line(article["title"], article["source"], article["date"]))
        st.html(evidence_box(article["text"], list(zip(mine["start"], mine["end"]))))
    st.stop()

tables = st.session_state["tables"]
articles = tables.articles.set_index("id")
if view.actors.empty:
    nothing_matches("actors")
    st.stop()

per_person = st.toggle("One row per person", key="act_per_person", value=True,
                       help="On: each actor once, across the articles that name them (spellings of one person are "
                            "one name; correct them on the People page). Off: one row per actor per article.")

counts = view.statements.groupby(["article", "actor"]).size().rename("positions").reset_index()
actors = view.actors.merge(counts, left_on=["article", "name"], right_on=["article", "actor"], how="left")
actors["positions"] = actors["positions"].fillna(0).astype(int)
actors["article title"] = actors["article"].map(articles["title"])


def _joined(values) -> str:
    """The distinct non-empty values, the most frequent first ("DEU" or "DEU, AUT"); values that
    differ only in case are one ("Foreign Minister", "foreign minister")."""
    found = {}
    for value in values[values != ""].value_counts().index:
        found.setdefault(value.casefold(), value)
    return ", ".join(found.values())


if per_person:
    shown = actors.groupby(["name", "actor_type"], as_index=False, sort=False).agg(
        country=("country", _joined), role=("role", _joined), articles=("article", "nunique"),
        mentions=("mentions", "sum"), positions=("positions", "sum"),
        titles=("article title", lambda t: " · ".join(dict.fromkeys(t))))
    # the same column name as one row per article, so a CSV reads the same either way
    shown = shown.rename(columns={"titles": "article title"})
    shown = shown[["name", "actor_type", "country", "role", "articles", "mentions", "positions", "article title"]]
else:
    shown = actors[["name", "actor_type", "country", "role", "mentions", "positions", "article title", "article"]]
shown = shown.sort_values(["positions", "mentions"], ascending=False).reset_index(drop=True)
event = table(shown, key="act", name="actors", name_parts=parts, on_select="rerun", selection_mode="single-row",
              column_config={"article": None})
st.caption("Select a row to see the actor's positions and the evidence in the article."
           + (" Country and role list every value the articles give, the most frequent first." if per_person else ""))

rows = [r for r in (event.selection.rows if event is not None else []) if r < len(shown)]  # kept across a toggle
if rows:
    actor = shown.iloc[rows[0]]
    mine = view.statements[view.statements["actor"] == actor["name"]]
    if not per_person:
        mine = mine[mine["article"] == actor["article"]]
    st.subheader(f"{plain(actor['name'])} — {len(mine)} position(s)")
    if mine.empty:
        st.info("No positions found for this actor under the current filters.")
    else:
        columns = ["issue", "stance", "kind", "confidence", "evidence", "quote"]
        table(mine.assign(issue=mine["issue"].map(labels), article_title=mine["article"].map(articles["title"]))
              [(["article_title"] if per_person else []) + columns],
              key="act_positions", name=f"positions-of-{actor['name']}", name_parts=parts,
              column_config={"article_title": st.column_config.TextColumn("article")})
    if per_person:
        theirs = actors[actors["name"] == actor["name"]]
        ids = list(dict.fromkeys([*mine["article"], *theirs["article"]]))  # articles with positions first
        article_id = ids[0] if len(ids) == 1 else st.selectbox(
            "Evidence in article", ids, format_func=lambda a: articles.at[a, "title"], key="act_article")
    else:
        article_id = actor["article"]
    article = articles.loc[article_id]
    here = mine[mine["article"] == article_id]
    st.html(source_line(article["title"], article["source"], article["date"]))
    st.html(evidence_box(article["text"], list(zip(here["start"], here["end"]))))
