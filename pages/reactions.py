import streamlit as st

from ui import charts
from ui.widgets import chart, context, nothing_matches, table

view, selection, labels, caption = context()
parts = selection.name_parts()

st.title("Reactions")
if view.reactions.empty:
    nothing_matches("reactions")
    st.stop()
chart(charts.reaction_network(view.reactions, st.session_state["tables"].actors), key="re_net",
      name="reaction-network", caption=caption, name_parts=parts)
table(view.reactions[["source", "source_country", "relation", "target", "target_country", "evidence"]],
      key="re", name="reactions", name_parts=parts)
