import streamlit as st

from ui import data
from ui.text import plain, source_line
from ui.widgets import context, nothing_matches, paged_table, table

view, selection, labels, caption = context()
parts = selection.name_parts()

st.title("Articles")
if data.dataset_mode():  # a page of articles to choose from; the chosen one read from the dataset
    query = data.dataset().articles_query(view.filters)
    if not data.ask("count", query):
        nothing_matches("articles")
        st.stop()
    event, listed = paged_table(query, key="art_list", name="articles", name_parts=parts, on_select="rerun",
                                selection_mode="single-row", column_config={"id": None})
    rows = event.selection.rows if event is not None else []
    if not rows or rows[0] >= len(listed):
        st.info("Select an article in the table to read it with its actors and positions.", icon=":material/article:")
        st.stop()
    article_id = listed.iloc[rows[0]]["id"]
    article = data.ask("article", article_id)
else:
    if view.articles.empty:
        nothing_matches("articles")
        st.stop()
    titles = dict(zip(view.articles["id"], view.articles["title"]))
    article_id = st.selectbox("Article", list(titles), format_func=titles.get, key="art_pick")
    article = view.articles.set_index("id").loc[article_id]
st.html(source_line(article["title"], article["source"], article["date"]))
catalog = data.catalog()  # every article listed here was analysed with the catalog chosen in the sidebar
version = article.get("catalog_version", "") or catalog.version
st.caption(f"Analysed with the issue catalog “{plain(catalog.name)}” ({plain(catalog.id)}, version {plain(version)}).")
st.html(data.entities_html(article_id, article["text"]))
st.caption("Marked by the language model: " + ", ".join(data.ENTITY_LABELS.values()) + ".")
st.subheader("Actors")
if data.dataset_mode():
    actors = data.ask("page", data.dataset().article_actors_query(view.filters, article_id), 0, 1000)
else:
    actors = view.actors[view.actors["article"] == article_id]
if actors.empty:
    st.info("No actors found in this article.")
else:
    table(actors[["name", "actor_type", "country", "role", "mentions"]], key="art_actors", name="article-actors",
          name_parts={"article": article_id})
st.subheader("Positions")
if data.dataset_mode():
    positions = data.ask("page", data.dataset().article_positions_query(view.filters, article_id, labels), 0, 1000)
else:
    positions = view.statements[view.statements["article"] == article_id]
    positions = positions.assign(issue=positions["issue"].map(labels))
if positions.empty:
    st.info("No positions found in this article.")
else:
    table(positions[["actor", "issue", "stance", "kind", "evidence"]],
          key="art_positions", name="article-positions", name_parts={"article": article_id})
