"""Streamlit widgets used by several pages: a chart with its two PNG exports, a table with CSV."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.csvout import to_csv
from ui import export

TOPOJSON_URL = "/app/static/topojson/"


def chart(fig, *, key: str, name: str, caption: str, name_parts: dict[str, str]) -> None:
    """Plotly chart with two PNG downloads of one size the analyst chooses: the toolbar camera
    (drawn by the browser) and "Download PNG" (drawn on the server by kaleido). Both draw the
    same framed figure (title, active filters, legend) at the same size, so they look alike."""
    choice = st.session_state.get(f"{key}_size") or next(iter(export.SIZES))
    width, height = export.size(fig, choice)
    shown = export.framed(fig, caption, width, height)
    file_name = export.file_name(name, {**name_parts, "size": f"{width}x{height}"})
    # theme=None: the figure's own fonts and colours, as in the exported image
    st.plotly_chart(shown, key=f"{key}_chart", theme=None, config={
        "topojsonURL": TOPOJSON_URL, "displaylogo": False,
        "scrollZoom": False,  # the mouse wheel scrolls the page, it does not zoom a map away
        "toImageButtonOptions": {"format": "png", "filename": file_name[:-4], "width": width, "height": height},
    })
    left, right = st.columns([2, 3], vertical_alignment="bottom")
    left.selectbox("PNG size", list(export.SIZES), key=f"{key}_size",
                   help="Size of both PNG downloads: this button and the camera in the chart's toolbar.")
    right.download_button("Download PNG", data=lambda: export.png_bytes(fig, caption, width, height),
                          file_name=file_name, mime="image/png", key=f"{key}_png", on_click="ignore",
                          icon=":material/image:")


def table(df: pd.DataFrame, *, key: str, name: str, name_parts: dict[str, str], **kwargs):
    """Dataframe plus "Download CSV" of exactly the rows shown (formula-like cells neutralised)."""
    shown = st.dataframe(df, key=f"{key}_table", hide_index=True, **kwargs)
    st.download_button("Download CSV", data=to_csv(df).encode("utf-8"),
                       file_name=export.file_name(name, name_parts, "csv"), mime="text/csv",
                       key=f"{key}_csv", on_click="ignore", icon=":material/download:")
    return shown


def nothing_matches(what: str = "positions") -> None:
    st.info(f"No {what} match the current filters. Widen the filters in the sidebar or press **Clear filters**.",
            icon=":material/filter_alt_off:")


def context():
    """(view, selection, labels, caption) for the current run, as set up by dashboard.py."""
    from ui import data

    if "view" not in st.session_state:
        # The first request of a server process straight to a page URL can run the page file
        # without dashboard.py: Streamlit starts in its old pages-directory mode because our
        # page folder is called pages/, and only leaves it once st.navigation has run. Leave it
        # now and run again through the entry point, which keeps the URL, its filters and page.
        from streamlit.runtime.pages_manager import PagesManager

        PagesManager.uses_pages_directory = False
        st.rerun()
    view = st.session_state["view"]
    selection = st.session_state["selection"]
    labels = data.labels()
    tables = st.session_state["tables"]
    titles = dict(zip(tables.articles["id"], tables.articles["title"]))
    return view, selection, labels, selection.caption(labels, titles)
