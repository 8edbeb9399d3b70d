"""CSV injection: text cells that a spreadsheet would run as a formula are written inert."""

import csv
import io

import pandas as pd
import pytest

from analysis.csvout import neutralise, to_csv


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+1", "-2+3", "@SUM(A1)",
                                  "\t=1", "\r=1"])
def test_formula_like_cells_get_a_quote(cell):
    safe = neutralise(pd.DataFrame({"evidence": [cell, "plain"], "score": [-0.5, 1.0]}))
    assert list(safe["evidence"]) == ["'" + cell, "plain"]
    assert list(safe["score"]) == [-0.5, 1.0]  # numbers are not text: left alone


def test_csv_file_reads_back_with_inert_cells():
    text = to_csv(pd.DataFrame({"actor": ["=cmd|' /C calc'!A0", "Ana"], "evidence": ["@x", "fine, quoted"]}))
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows == [{"actor": "'=cmd|' /C calc'!A0", "evidence": "'@x"}, {"actor": "Ana", "evidence": "fine, quoted"}]
