import streamlit as st

from ui import charts
from ui.widgets import chart, context, nothing_matches, table

view, selection, labels, caption = context()
parts = selection.name_parts()

st.title("Timeline")
st.caption("Each dot is a country's stance on one issue in articles of that date (blue support, orange oppose); "
           "a change of colour along a row is a shift across articles.")
if view.statements.empty:
    nothing_matches()
    st.stop()
articles = st.session_state["tables"].articles
chart(charts.positions_by_date(view.statements, articles, labels),
      key="tl_chart", name="positions-over-time", caption=caption, name_parts=parts)
dates = dict(zip(articles["id"], articles["date"]))
rows = view.statements.assign(date=view.statements["article"].map(dates), issue=view.statements["issue"].map(labels))
table(rows.sort_values(["date", "country"])[["date", "country", "actor", "issue", "stance", "evidence"]],
      key="tl", name="positions-by-date", name_parts=parts)
