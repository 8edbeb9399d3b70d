import streamlit as st

from ui import charts, data
from ui.widgets import chart, context, nothing_matches, paged_table, table

view, selection, labels, caption = context()
parts = selection.name_parts()

st.title("Reactions")
if data.dataset_mode():  # the most frequent links and one page of rows, from DuckDB
    query = data.dataset().reactions_query(view.filters)
    if not data.ask("count", query):
        nothing_matches("reactions")
        st.stop()
    links, total, country = data.ask("reaction_links", view.filters, charts.MAX_EDGES)
    chart(charts.reaction_network_links(links, total, country), key="re_net", name="reaction-network", caption=caption,
          name_parts=parts)
    paged_table(query, key="re", name="reactions", name_parts=parts)
    st.stop()
if view.reactions.empty:
    nothing_matches("reactions")
    st.stop()
chart(charts.reaction_network(view.reactions, st.session_state["tables"].actors), key="re_net",
      name="reaction-network", caption=caption, name_parts=parts)
table(view.reactions[["source", "source_country", "relation", "target", "target_country", "evidence"]],
      key="re", name="reactions", name_parts=parts)
