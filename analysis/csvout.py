"""CSV as every export writes it: cells a spreadsheet would run as a formula are neutralised.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula (CSV injection, OWASP). Article text is written by
third parties, so every text cell that starts that way gets a leading single quote: the
spreadsheet then shows the text as typed. Numbers stay numbers (a score of -0.5 is not text).
"""

from __future__ import annotations

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells cannot start a spreadsheet formula."""
    out = df.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise_cell)
    return out


def to_csv(df: pd.DataFrame, out=None):
    """``df.to_csv`` (no index) after neutralising; returns the text when ``out`` is None."""
    return neutralise(df).to_csv(out, index=False)
