import streamlit as st

from analysis.countries import country_name
from ui import charts, data
from ui.widgets import chart, context, nothing_matches, table

view, selection, labels, caption = context()
parts = selection.name_parts()

st.title("Alignment map")
scope = st.segmented_control("View", ["Europe", "World"], default="Europe", key="map_scope")
scope = (scope or "Europe").lower()

if data.dataset_mode():  # aggregates from DuckDB: the hover's rows and counts instead of every position
    empty = not view.counts["positions"]
    scores, hover = view.map_inputs() if not empty else (None, None)
else:
    empty = view.statements.empty
    scores, hover = (charts.score_basis(view.scores, view.alignment, view.statements), view.statements) \
        if not empty else (None, None)

if empty:
    nothing_matches()
else:
    chart(charts.alignment_map(scores, hover, selection.reference, labels, scope),
          key=f"map_{scope}", name=f"alignment-map-{scope}", caption=caption, name_parts=parts)
    st.caption("Colour: mean over shared issues of (reference stance × country stance); blue = aligned, "
               "orange = divergent, grey = positions only on issues the reference did not address. A score that "
               "rests on one shared issue is drawn faded and marked 1. Bodies without territory (EU, NATO, UN, WTO) are "
               "diamonds at their seats.")
    scores = scores.assign(name=scores["country"].map(country_name))
    st.subheader("Scores")
    st.caption("**shared issues**: issues both the country and the reference took a position on; **positions**: the "
               "country's positions on those issues. A score resting on one issue is thin evidence.")
    table(scores[["name", "country", "score", "issues", "positions", "aligned", "divergent", "mixed"]]
          .rename(columns={"issues": "shared issues"}).sort_values("score", ascending=False),
          key="map_scores", name="alignment-scores", name_parts=parts,
          column_config={"score": st.column_config.NumberColumn(format="%+.2f")})
