import pandas as pd
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
undated = charts.undated(view.statements, articles)
if not undated.empty:
    st.info(f"{len(undated)} article(s) with {int(undated['positions'].sum())} position(s) have no valid date and are "
            "not on the timeline. Their positions are in the table below and on every other page.",
            icon=":material/event_busy:")
    st.dataframe(undated.rename(columns={"date": "date as given"})[["title", "date as given", "positions"]],
                 key="tl_undated", hide_index=True)
when = charts.article_dates(articles)
rows = view.statements.assign(date=view.statements["article"].map(lambda a: when.get(a)),
                              issue=view.statements["issue"].map(labels))
rows["date"] = rows["date"].map(lambda d: d.strftime("%Y-%m-%d") if d is not None and not pd.isna(d) else "undated")
table(rows.sort_values(["date", "country"])[["date", "country", "actor", "issue", "stance", "evidence"]],
      key="tl", name="positions-by-date", name_parts=parts)
