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


PAGE_SIZES = [50, 100, 500]


def pager(total: int, *, key: str) -> tuple[int, int]:
    """(offset, size) of the page of ``total`` rows chosen with the widgets ``{key}_page`` and
    ``{key}_size`` (drawn by ``pager_widgets``); back to page 1 when the filters leave fewer pages."""
    size = int(st.session_state.get(f"{key}_size") or PAGE_SIZES[1])
    pages = max(1, -(-total // size))
    if int(st.session_state.get(f"{key}_page") or 1) > pages:
        st.session_state[f"{key}_page"] = 1
    return (int(st.session_state.get(f"{key}_page") or 1) - 1) * size, size


def pager_widgets(total: int, offset: int, size: int, *, key: str, export=None, file_name: str = "") -> None:
    """Page number, rows per page, "rows a–b of n" and, with ``export`` (a callable giving the
    CSV bytes, run only when clicked), "Download CSV" of every row under the filters."""
    pages = max(1, -(-total // size))
    cols = st.columns([1, 1, 2, 2], vertical_alignment="bottom")
    cols[0].number_input("Page", min_value=1, max_value=pages, step=1, key=f"{key}_page")
    cols[1].selectbox("Rows per page", PAGE_SIZES, index=1, key=f"{key}_size")
    cols[2].caption(f"Rows {offset + 1 if total else 0:,}–{min(offset + size, total):,} of {total:,}")
    if export is not None:
        cols[3].download_button("Download CSV", data=export, file_name=file_name, mime="text/csv", key=f"{key}_csv",
                                on_click="ignore", icon=":material/download:",
                                help=f"All {total:,} rows under the current filters, not only this page.")


def paged_table(query, *, key: str, name: str, name_parts: dict[str, str], **kwargs):
    """Dataset mode's ``table``: one page of a dataset query (analysis.dataset.Query) with the
    page controls under it, and "Download CSV" of every row (written by DuckDB when clicked).
    Returns (the dataframe's selection event, the page shown)."""
    from ui import data

    total = data.ask("count", query)
    offset, size = pager(total, key=key)
    page = data.ask("page", query, offset, size)
    shown = st.dataframe(page, key=f"{key}_table", hide_index=True, **kwargs)
    ds = data.dataset()
    pager_widgets(total, offset, size, key=key, export=lambda: data.export_csv(ds, query),
                  file_name=export.file_name(name, name_parts, "csv"))
    return shown, page


def nothing_matches(what: str = "positions") -> None:
    """Why a table or chart is empty: a catalog no article was analysed with yet, or the filters."""
    from ui import data

    if not data.dataset_mode() and not data.catalog_counts().get(data.catalog().id):
        st.info("No article has been analysed with this catalog yet. Add articles on the **Add articles** page "
                "while it is chosen in the sidebar, or choose another catalog.", icon=":material/info:")
        return
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
    if data.dataset_mode():
        titles = data.ask("article_titles", selection.article)
    else:
        tables = st.session_state["tables"]
        titles = dict(zip(tables.articles["id"], tables.articles["title"]))
    return view, selection, labels, selection.caption(labels, titles)
