"""Extraction library for the diplomatic-reaction dashboard.

News text goes in; Actors, Positions, Reactions and Alignment tables come out. The Streamlit app
and the command line (``python -m analysis``) both call this package; it never imports Streamlit.
"""

from analysis.records import Actor, Article, Position, Reaction

__all__ = ["Actor", "Article", "Position", "Reaction"]
