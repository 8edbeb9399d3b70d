"""Alignment of each country (or body) with a reference country, per issue and overall.

Stance values: support = +1, oppose = -1, neutral = 0, averaged over a country's positions on an
issue weighted by confidence. For each issue, status is ``aligned`` when the reference and the
country lean the same way, ``divergent`` when opposite, ``mixed`` when one of them is balanced,
``no position`` when the country said nothing on it; issues where the reference said nothing
get ``no reference position``. A country's score in [-1, 1] is the mean of
reference value x country value over the issues both spoke to (NaN when none).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

STANCE_VALUE = {"support": 1.0, "oppose": -1.0, "neutral": 0.0}
LEAN = 0.25  # |value| below this reads as "mixed"
COLUMNS = ["issue", "country", "reference", "reference_value", "reference_stance", "country_value",
           "country_stance", "status", "actors", "score"]


def lean(value: float) -> str:
    if np.isnan(value):
        return "no position"
    return "support" if value > LEAN else "oppose" if value < -LEAN else "mixed"


def country_issue_values(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per (country, issue): confidence-weighted mean stance value and the actors."""
    df = statements[statements["country"].astype(bool)].copy()
    if df.empty:
        return pd.DataFrame(columns=["country", "issue", "value", "actors"])
    df["v"] = df["stance"].map(STANCE_VALUE).fillna(0.0) * df["confidence"]
    grouped = df.groupby(["country", "issue"], sort=True)
    out = grouped.agg(v=("v", "sum"), w=("confidence", "sum"), actors=("actor", lambda s: ", ".join(sorted(set(s)))))
    out["value"] = (out["v"] / out["w"]).clip(-1, 1)
    return out.reset_index()[["country", "issue", "value", "actors"]]


def alignment(statements: pd.DataFrame, reference: str = "USA", issues: list[str] | None = None) -> pd.DataFrame:
    """Per issue and country: reference and country stance, status and the country's score."""
    return alignment_of(country_issue_values(statements), reference, issues)


def alignment_of(values: pd.DataFrame, reference: str = "USA", issues: list[str] | None = None) -> pd.DataFrame:
    """``alignment`` from per-(country, issue) values (country, issue, value, actors), e.g. as
    ``country_issue_values`` gives them or a database computes them."""
    issues = issues or sorted(values["issue"].unique())
    cells = {(c, i): (v, a) for c, i, v, a in zip(values["country"], values["issue"], values["value"], values["actors"])}
    ref = {i: v for (c, i), (v, _) in cells.items() if c == reference}
    rows = []
    for country in sorted(set(values["country"]) - {reference}):
        products = []
        for issue in issues:
            r = float(ref.get(issue, np.nan))
            c, actors = cells.get((country, issue), (np.nan, ""))
            c = float(c)
            if np.isnan(r):
                status = "no reference position"
            elif np.isnan(c):
                status = "no position"
            else:
                products.append(r * c)
                status = {"support": 1, "oppose": -1}.get(lean(r), 0) * {"support": 1, "oppose": -1}.get(lean(c), 0)
                status = "aligned" if status > 0 else "divergent" if status < 0 else "mixed"
            rows.append([issue, country, reference, r, lean(r), c, lean(c), status, actors, np.nan])
        score = float(np.mean(products)) if products else np.nan
        for row in rows[-len(issues):]:
            row[-1] = score
    return pd.DataFrame(rows, columns=COLUMNS)


def country_scores(aligned: pd.DataFrame) -> pd.DataFrame:
    """One row per country: score, and counts of aligned / divergent issues."""
    if aligned.empty:
        return pd.DataFrame(columns=["country", "score", "aligned", "divergent", "mixed"])
    counts = aligned.pivot_table(index="country", columns="status", values="issue", aggfunc="count", fill_value=0)
    out = aligned.groupby("country")["score"].first().to_frame()
    for status in ("aligned", "divergent", "mixed"):
        out[status] = counts[status] if status in counts else 0
    return out.reset_index()
