import streamlit as st

from ui import data
from ui.text import source_line
from ui.widgets import context, nothing_matches, table

view, selection, labels, caption = context()
parts = selection.name_parts()

st.title("Articles")
if view.articles.empty:
    nothing_matches("articles")
    st.stop()
titles = dict(zip(view.articles["id"], view.articles["title"]))
article_id = st.selectbox("Article", list(titles), format_func=titles.get, key="art_pick")
article = view.articles.set_index("id").loc[article_id]
st.html(source_line(article["title"], article["source"], article["date"]))
st.html(data.entities_html(article_id, article["text"]))
st.caption("Marked by the language model: " + ", ".join(data.ENTITY_LABELS.values()) + ".")
st.subheader("Actors")
actors = view.actors[view.actors["article"] == article_id]
if actors.empty:
    st.info("No actors found in this article.")
else:
    table(actors[["name", "actor_type", "country", "role", "mentions"]], key="art_actors", name="article-actors",
          name_parts={"article": article_id})
st.subheader("Positions")
positions = view.statements[view.statements["article"] == article_id]
if positions.empty:
    st.info("No positions found in this article.")
else:
    table(positions.assign(issue=positions["issue"].map(labels))[["actor", "issue", "stance", "kind", "evidence"]],
          key="art_positions", name="article-positions", name_parts={"article": article_id})
