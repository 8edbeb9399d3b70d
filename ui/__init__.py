"""Streamlit-side helpers of the dashboard: cached data, shared filters, chart/table widgets, PNG export.

``ui.charts`` and ``ui.export`` do not import Streamlit: tests and the exporter use them directly.
"""
