import pandas as pd
import streamlit as st

from ui import charts, data
from ui.widgets import chart, context, nothing_matches, paged_table, table

TIMELINE_ROWS = 60  # dataset mode: the country · issue rows with the most positions drawn

view, selection, labels, caption = context()
parts = selection.name_parts()

st.title("Timeline")
st.caption("Each dot is a country's stance on one issue in articles of that date (blue support, orange oppose); "
           "a change of colour along a row is a shift across articles.")
if data.dataset_mode():  # points aggregated by DuckDB; the table a page at a time
    if not view.counts["positions"]:
        nothing_matches()
        st.stop()
    points, undated, rows = data.ask("timeline", view.filters, TIMELINE_ROWS)
    shown = f"the {TIMELINE_ROWS} of {rows:,} rows with most positions" if rows > TIMELINE_ROWS else ""
    chart(charts.positions_over_time(points, undated, labels, shown),
          key="tl_chart", name="positions-over-time", caption=caption, name_parts=parts)
    if shown:
        st.caption(f"The chart draws {shown}; filter by country or issue to see the others.")
else:
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
if data.dataset_mode():
    paged_table(data.dataset().timeline_query(view.filters, labels), key="tl", name="positions-by-date",
                name_parts=parts)
    st.stop()
when = charts.article_dates(articles)
rows = view.statements.assign(date=view.statements["article"].map(lambda a: when.get(a)),
                              issue=view.statements["issue"].map(labels))
rows["date"] = rows["date"].map(lambda d: d.strftime("%Y-%m-%d") if d is not None and not pd.isna(d) else "undated")
table(rows.sort_values(["date", "country"])[["date", "country", "actor", "issue", "stance", "evidence"]],
      key="tl", name="positions-by-date", name_parts=parts)
