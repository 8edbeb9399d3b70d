import streamlit as st

from analysis.countries import country_name
from ui import charts
from ui.widgets import chart, context, nothing_matches, table

view, selection, labels, caption = context()
parts = selection.name_parts()

st.title("Alignment map")
scope = st.segmented_control("View", ["Europe", "World"], default="Europe", key="map_scope")
scope = (scope or "Europe").lower()

if view.statements.empty:
    nothing_matches()
else:
    chart(charts.alignment_map(view.scores, view.statements, selection.reference, labels, scope),
          key="map_main", name=f"alignment-map-{scope}", caption=caption, name_parts=parts)
    st.caption("Colour: mean over shared issues of (reference stance × country stance); blue = aligned, "
               "orange = divergent, grey = positions only on issues the reference did not address. Bodies without "
               "territory (EU, NATO, UN) are diamonds at their seats.")
    scores = view.scores.assign(name=view.scores["country"].map(country_name))
    st.subheader("Scores")
    table(scores[["name", "country", "score", "aligned", "divergent", "mixed"]].sort_values("score", ascending=False),
          key="map_scores", name="alignment-scores", name_parts=parts,
          column_config={"score": st.column_config.NumberColumn(format="%+.2f")})
