import streamlit as st

from analysis.countries import country_name
from ui import charts, data
from ui.text import plain
from ui.widgets import chart, context, nothing_matches

MATRIX_COUNTRIES = 40  # dataset mode: the stance matrix's rows, those with most positions

view, selection, labels, caption = context()
parts = selection.name_parts()

catalog = data.catalog()
st.title("Diplomatic reactions")
st.markdown(f"**{plain(catalog.name)}**" + (f" — {plain(catalog.description)}" if catalog.description else ""))
st.caption(f"Where each country stands against {country_name(selection.reference)}, with the sentence behind "
           "every claim. The catalog and the filters in the sidebar apply to every page.")

if data.dataset_mode():  # counts and aggregates from DuckDB (analysis.dataset)
    counts = view.counts
    cols = st.columns(4)
    cols[0].metric("Articles", f"{counts['articles']:,}")
    cols[1].metric("Actors", f"{counts['actors']:,}")
    cols[2].metric("Countries & bodies", f"{counts['countries']:,}")
    cols[3].metric("Positions", f"{counts['positions']:,}")
    if not counts["positions"]:
        nothing_matches()
        st.stop()
    scores, hover = view.map_inputs()
    cells, note = view.matrix_cells(MATRIX_COUNTRIES)
else:
    countries = sorted(set(view.statements["country"]) - {""})
    cols = st.columns(4)
    cols[0].metric("Articles", len(view.articles))
    cols[1].metric("Actors", view.actors["name"].nunique())
    cols[2].metric("Countries & bodies", len(countries))
    cols[3].metric("Positions", len(view.statements))
    if view.statements.empty:
        nothing_matches()
        st.stop()
    scores, hover = charts.score_basis(view.scores, view.alignment, view.statements), view.statements
    cells = None

chart(charts.alignment_map(scores, hover, selection.reference, labels, "europe"),
      key="ov_map", name="alignment-map-europe", caption=caption, name_parts=parts)
chart(charts.reference_versus_countries(view.alignment, labels, selection.reference),
      key="ov_versus", name="reference-versus-countries", caption=caption, name_parts=parts)
chart(charts.stance_matrix(view.statements, labels) if cells is None else charts.stance_matrix_cells(cells, labels, note),
      key="ov_matrix", name="stance-matrix", caption=caption, name_parts=parts)
if cells is not None and note:
    st.caption(f"The matrix shows {note}; filter by country to see the others.")
