import streamlit as st

from analysis.countries import country_name
from ui import charts
from ui.widgets import chart, context, nothing_matches

view, selection, labels, caption = context()
parts = selection.name_parts()

st.title("Diplomatic reactions")
st.caption(f"Where each country stands against {country_name(selection.reference)}, with the sentence behind "
           "every claim. Filters in the sidebar apply to every page.")

countries = sorted(set(view.statements["country"]) - {""})
cols = st.columns(4)
cols[0].metric("Articles", len(view.articles))
cols[1].metric("Actors", view.actors["name"].nunique())
cols[2].metric("Countries & bodies", len(countries))
cols[3].metric("Positions", len(view.statements))

if view.statements.empty:
    nothing_matches()
else:
    scores = charts.score_basis(view.scores, view.alignment, view.statements)
    chart(charts.alignment_map(scores, view.statements, selection.reference, labels, "europe"),
          key="ov_map", name="alignment-map-europe", caption=caption, name_parts=parts)
    chart(charts.reference_versus_countries(view.alignment, labels, selection.reference),
          key="ov_versus", name="reference-versus-countries", caption=caption, name_parts=parts)
    chart(charts.stance_matrix(view.statements, labels), key="ov_matrix", name="stance-matrix",
          caption=caption, name_parts=parts)
