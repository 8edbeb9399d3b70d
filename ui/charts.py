"""Chart builders: DataFrames in, Plotly figures out. No Streamlit here, so the app, the PNG
exporter and the tests all use the same figures.

One colour-blind-safe diverging palette (orange = oppose / divergent, blue = support /
aligned, grey = mixed / neutral) is used everywhere. All text that comes from articles is
HTML-escaped before it reaches a hover label, because Plotly renders a subset of HTML there.
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from analysis.countries import country_name

# Orange-grey-blue, from ColorBrewer PuOr / RdBu ends: safe for the common colour-vision deficiencies.
ORANGE, BLUE, GREY, LIGHT = "#b35806", "#2166ac", "#999999", "#e8e8e8"
STANCE_COLOURS = {"support": BLUE, "oppose": ORANGE, "neutral": GREY, "mixed": GREY}
STATUS_COLOURS = {"aligned": BLUE, "divergent": ORANGE, "mixed": GREY, "no position": LIGHT,
                  "no reference position": LIGHT}
RELATION_COLOURS = {"agrees": BLUE, "disagrees": ORANGE, "responds": GREY}
DIVERGING = [[0.0, ORANGE], [0.5, "#f7f7f7"], [1.0, BLUE]]
STANCE_VALUE = {"support": 1.0, "oppose": -1.0, "neutral": 0.0}
# Seats of bodies without territory, drawn as markers on the map (lat, lon).
SEATS = {"EU": (50.84, 4.38, "Brussels"), "NATO": (50.88, 4.42, "Brussels"), "UN": (40.75, -73.97, "New York")}
FONT = dict(family="DejaVu Sans, Arial, sans-serif", size=13)


def esc(text, limit: int = 0) -> str:
    """HTML-escaped text for hover labels, optionally shortened."""
    text = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text)


def _layout(fig: go.Figure, title: str, height: int = 520) -> go.Figure:
    fig.update_layout(title=dict(text=esc(title), x=0.01, xanchor="left"), height=height, font=FONT,
                      margin=dict(l=10, r=10, t=60, b=10), paper_bgcolor="white", plot_bgcolor="white")
    return fig


def empty_figure(title: str, message: str) -> go.Figure:
    """A figure that says why there is nothing to draw (never an empty axis)."""
    fig = go.Figure()
    fig.add_annotation(text=esc(message), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font=dict(size=16, color="#555"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, 300)


def _country_hover(statements: pd.DataFrame, labels: dict[str, str]) -> dict[str, str]:
    """Per country: its actors with their positions, one line each (escaped)."""
    out = {}
    for country, group in statements.groupby("country"):
        lines = []
        for actor, rows in group.groupby("actor"):
            claims = ", ".join(sorted({f"{labels.get(r.issue, r.issue)}: {r.stance}" for r in rows.itertuples()}))
            lines.append(f"{esc(actor)} — {esc(claims, 120)}")
        out[country] = "<br>".join(lines[:8]) + ("<br>…" if len(lines) > 8 else "")
    return out


def alignment_map(scores: pd.DataFrame, statements: pd.DataFrame, reference: str, labels: dict[str, str],
                  scope: str = "europe") -> go.Figure:
    """Choropleth of alignment score with the reference; bodies (EU, NATO, UN) as markers at their seats.

    ``scores``: country, score, aligned, divergent (from analysis.alignment.country_scores).
    """
    title = f"Alignment with {country_name(reference)} ({'Europe' if scope == 'europe' else 'world'})"
    if scores.empty and statements.empty:
        return empty_figure(title, "No positions match the current filters.")
    hover = _country_hover(statements, labels)
    fig = go.Figure()
    land = scores[~scores["country"].isin(SEATS)]
    land = land[land["score"].notna()]
    if not land.empty:
        text = [f"<b>{esc(country_name(c))}</b><br>score {s:+.2f} · aligned {a} · divergent {d}<br>{hover.get(c, '')}"
                for c, s, a, d in zip(land["country"], land["score"], land["aligned"], land["divergent"])]
        fig.add_trace(go.Choropleth(
            locations=land["country"], z=land["score"], zmin=-1, zmax=1, colorscale=DIVERGING,
            marker_line_color="#444", marker_line_width=0.6, text=text, hovertemplate="%{text}<extra></extra>",
            colorbar=dict(title="score", tickvals=[-1, 0, 1], ticktext=["divergent −1", "0", "aligned +1"], len=0.7),
            name="countries"))
    silent = sorted(set(statements["country"]) - set(land["country"]) - set(SEATS) - {reference, ""})
    if silent:  # countries with positions but no shared issue with the reference
        fig.add_trace(go.Choropleth(
            locations=silent, z=[0] * len(silent), colorscale=[[0, "#c8c8c8"], [1, "#c8c8c8"]], showscale=False,
            marker_line_color="#444", marker_line_width=0.6, name="no shared issue",
            text=[f"<b>{esc(country_name(c))}</b><br>no issue in common with the reference<br>{hover.get(c, '')}" for c in silent],
            hovertemplate="%{text}<extra></extra>"))
    if reference and reference not in SEATS:
        fig.add_trace(go.Choropleth(
            locations=[reference], z=[1], colorscale=[[0, "#333333"], [1, "#333333"]], showscale=False,
            marker_line_color="black", name="reference",
            text=[f"<b>{esc(country_name(reference))}</b> (reference)<br>{hover.get(reference, '')}"],
            hovertemplate="%{text}<extra></extra>"))
    bodies = scores[scores["country"].isin(SEATS)]
    body_codes = sorted(set(bodies["country"]) | (set(statements["country"]) & set(SEATS)))
    if body_codes:
        score_of = dict(zip(bodies["country"], bodies["score"]))
        lat = [SEATS[c][0] + 0.9 * i for i, c in enumerate(body_codes)]
        lon = [SEATS[c][1] + 1.2 * i for i, c in enumerate(body_codes)]
        values = [score_of.get(c, float("nan")) for c in body_codes]
        fig.add_trace(go.Scattergeo(
            lat=lat, lon=lon, mode="markers+text", text=body_codes, textposition="middle right",
            textfont=dict(size=12, color="#222"), name="bodies (at their seats)",
            marker=dict(size=16, symbol="diamond", line=dict(color="black", width=1),
                        color=[0 if math.isnan(v) else v for v in values], cmin=-1, cmax=1, colorscale=DIVERGING),
            customdata=[f"<b>{esc(country_name(c))}</b> (seat: {SEATS[c][2]})<br>"
                        + (f"score {v:+.2f}" if not math.isnan(v) else "no issue in common with the reference")
                        + f"<br>{hover.get(c, '')}" for c, v in zip(body_codes, values)],
            hovertemplate="%{customdata}<extra></extra>"))
    geo = dict(showcountries=True, countrycolor="#888", showland=True, landcolor="#f4f4f4", showframe=False,
               projection_type="natural earth" if scope == "world" else "mercator")
    if scope == "europe":
        geo.update(scope="europe", lataxis_range=[34, 71], lonaxis_range=[-25, 55])
    fig.update_geos(**geo)
    fig.update_layout(legend=dict(orientation="h", y=-0.02, x=0.01))
    return _layout(fig, title, 560)


def stance_matrix(statements: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """Country × issue heatmap: support / oppose / mixed, hover lists actors and a quote."""
    title = "Stance by country and issue"
    df = statements[statements["country"].astype(bool)]
    if df.empty:
        return empty_figure(title, "No positions match the current filters.")
    issues = [i for i in labels if i in set(df["issue"])]
    countries = sorted(set(df["country"]), key=country_name)
    z, text, hover = [], [], []
    for c in countries:
        zr, tr, hr = [], [], []
        for i in issues:
            cell = df[(df["country"] == c) & (df["issue"] == i)]
            if cell.empty:
                zr.append(None), tr.append(""), hr.append(f"{esc(country_name(c))} · {esc(labels[i])}<br>no position")
                continue
            value = float((cell["stance"].map(STANCE_VALUE) * cell["confidence"]).sum() / cell["confidence"].sum())
            word = "support" if value > 0.25 else "oppose" if value < -0.25 else "mixed"
            zr.append(value)
            tr.append({"support": "+", "oppose": "−", "mixed": "±"}[word])
            first = cell.iloc[0]
            sample = first["quote"] or first["evidence"]
            hr.append(f"<b>{esc(country_name(c))} · {esc(labels[i])}: {word}</b><br>"
                      f"{esc(', '.join(sorted(set(cell['actor']))), 150)}<br><i>“{esc(sample, 160)}”</i>")
        z.append(zr), text.append(tr), hover.append(hr)
    fig = go.Figure(go.Heatmap(
        z=z, x=[labels[i] for i in issues], y=[country_name(c) for c in countries], zmin=-1, zmax=1,
        colorscale=DIVERGING, text=text, texttemplate="%{text}", textfont=dict(size=16), customdata=hover,
        hovertemplate="%{customdata}<extra></extra>", xgap=2, ygap=2,
        colorbar=dict(title="stance", tickvals=[-1, 0, 1], ticktext=["oppose", "mixed", "support"], len=0.8)))
    fig.update_xaxes(tickangle=-30, side="bottom")
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, title, max(360, 120 + 34 * len(countries)))


def reference_versus_countries(aligned: pd.DataFrame, labels: dict[str, str], reference: str) -> go.Figure:
    """Per issue, the reference's stance beside the others': how many countries are aligned,
    mixed or divergent (divergent drawn to the left of zero); hover names them and their actors."""
    ref_name = country_name(reference)
    title = f"{ref_name} versus others, per issue"
    df = aligned[aligned["status"].isin(["aligned", "divergent", "mixed"])]
    if df.empty:
        return empty_figure(title, f"No issue where both {ref_name} and another country took a position.")
    issues = [i for i in labels if i in set(df["issue"])]
    ref_stance = dict(zip(aligned["issue"], aligned["reference_stance"]))
    y = [f"{labels[i]}  ({ref_name}: {ref_stance.get(i, 'no position')})" for i in issues]
    fig = go.Figure()
    for status, sign in (("divergent", -1), ("mixed", 1), ("aligned", 1)):
        counts, hover = [], []
        for issue in issues:
            rows = df[(df["issue"] == issue) & (df["status"] == status)]
            counts.append(sign * len(rows))
            names = "<br>".join(f"{esc(country_name(c))}: {esc(st)} — {esc(a, 80)}"
                                for c, st, a in zip(rows["country"], rows["country_stance"], rows["actors"]))
            hover.append(f"<b>{esc(labels[issue])}</b> · {status}<br>{names or 'none'}")
        fig.add_trace(go.Bar(y=y, x=counts, orientation="h", name=status, marker_color=STATUS_COLOURS[status],
                             marker_line=dict(color="#555", width=0.5), customdata=hover,
                             hovertemplate="%{customdata}<extra></extra>"))
    top = max(1, int(df.groupby(["issue", "status"]).size().max()))
    fig.update_layout(barmode="relative", bargap=0.35,
                      legend=dict(orientation="h", y=1.0, x=1.0, xanchor="right", yanchor="bottom"))
    fig.update_xaxes(title="countries and bodies (divergent ← 0 → aligned)", range=[-top - 0.5, top + 1.5],
                     zeroline=True, zerolinecolor="#333", gridcolor="#eee", dtick=1)
    fig.update_yaxes(categoryorder="array", categoryarray=y[::-1], automargin=True)
    return _layout(fig, title, max(320, 140 + 46 * len(issues)))


MAX_EDGES = 120


def reaction_network(reactions: pd.DataFrame, actors: pd.DataFrame) -> go.Figure:
    """Who responds to whom: actors on a circle, arrows coloured agrees / disagrees / responds.

    Repeated reactions between the same pair are one edge (wider, with a count); beyond
    MAX_EDGES edges only the most frequent are drawn and the title says so.
    """
    title = "Reactions: who answers whom"
    if reactions.empty:
        return empty_figure(title, "No reactions match the current filters.")
    edges = (reactions.groupby(["source", "target", "relation"], sort=False)
             .agg(count=("evidence", "size"), evidence=("evidence", "first")).reset_index()
             .sort_values("count", ascending=False, kind="stable"))
    if len(edges) > MAX_EDGES:
        title += f" (the {MAX_EDGES} most frequent of {len(edges)} links)"
        edges = edges.head(MAX_EDGES)
    names = sorted(set(edges["source"]) | set(edges["target"]))
    country = dict(zip(actors["name"], actors["country"])) if not actors.empty else {}
    pos = {n: (math.cos(2 * math.pi * k / len(names)), math.sin(2 * math.pi * k / len(names))) for k, n in enumerate(names)}
    fig = go.Figure()
    arrows = []
    for relation, group in edges.groupby("relation"):
        colour = RELATION_COLOURS.get(relation, GREY)
        mx, my, hover = [], [], []
        for r in group.itertuples():
            (x0, y0), (x1, y1) = pos[r.source], pos[r.target]
            fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip", showlegend=False,
                                     line=dict(color=colour, width=min(2 + r.count, 8))))
            mx.append(x0 + 0.6 * (x1 - x0))
            my.append(y0 + 0.6 * (y1 - y0))
            times = f" ({r.count}×)" if r.count > 1 else ""
            hover.append(f"<b>{esc(r.source)} {relation} {esc(r.target)}{times}</b><br><i>{esc(r.evidence, 200)}</i>")
            arrows.append(dict(x=x0 + 0.88 * (x1 - x0), y=y0 + 0.88 * (y1 - y0), ax=x0, ay=y0, xref="x", yref="y",
                               axref="x", ayref="y", showarrow=True, arrowhead=3, arrowsize=1.4, arrowwidth=2,
                               arrowcolor=colour, text=""))
        fig.add_trace(go.Scatter(x=mx, y=my, mode="markers", marker=dict(size=11, color=colour, symbol="circle"),
                                 name=relation, customdata=hover, hovertemplate="%{customdata}<extra></extra>"))
    fig.update_layout(annotations=arrows)  # all at once: add_annotation per edge is quadratic
    fig.add_trace(go.Scatter(
        x=[pos[n][0] for n in names], y=[pos[n][1] for n in names], mode="markers+text",
        text=[f"{esc(n)} ({esc(country.get(n, ''))})" if country.get(n) else esc(n) for n in names],
        textposition=["middle right" if pos[n][0] >= 0 else "middle left" for n in names],
        marker=dict(size=16, color="#333", line=dict(color="white", width=1)), name="actor",
        hovertemplate="%{text}<extra></extra>", showlegend=False))
    fig.update_xaxes(visible=False, range=[-2.1, 2.1])
    fig.update_yaxes(visible=False, range=[-1.3, 1.3], scaleanchor="x")
    fig.update_layout(legend=dict(orientation="h", y=-0.02, x=0.01))
    return _layout(fig, title, 560)


def positions_by_date(statements: pd.DataFrame, articles: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """Timeline: stance of each country per issue by article date (a shift across articles shows)."""
    title = "Positions over time"
    dates = dict(zip(articles["id"], pd.to_datetime(articles["date"], errors="coerce")))
    df = statements.assign(when=statements["article"].map(dates), value=statements["stance"].map(STANCE_VALUE))
    df = df[df["when"].notna() & df["country"].astype(bool)]
    if df.empty:
        return empty_figure(title, "No dated positions match the current filters.")
    agg = df.groupby(["when", "country", "issue"], as_index=False).agg(value=("value", "mean"),
                                                                         actors=("actor", lambda s: ", ".join(sorted(set(s)))))
    fig = go.Figure()
    order = []
    for issue in [i for i in labels if i in set(agg["issue"])]:
        part = agg[agg["issue"] == issue].sort_values("when")
        for country, rows in part.groupby("country"):
            row_label = f"{country_name(country)} · {labels[issue]}"
            order.append(row_label)
            fig.add_trace(go.Scatter(
                x=rows["when"], y=[row_label] * len(rows), mode="markers+lines", line=dict(color="#bbb", width=1),
                marker=dict(size=13, color=rows["value"], cmin=-1, cmax=1, colorscale=DIVERGING,
                            line=dict(color="#333", width=0.5)),
                name=labels[issue], legendgroup=issue, showlegend=False,
                customdata=[f"<b>{esc(country_name(country))}</b> · {esc(labels[issue])}: {v:+.1f}<br>{esc(a, 120)}"
                            for v, a in zip(rows["value"], rows["actors"])],
                hovertemplate="%{x|%Y-%m-%d}<br>%{customdata}<extra></extra>"))
    fig.update_xaxes(gridcolor="#eee")
    fig.update_yaxes(gridcolor="#eee", categoryorder="array", categoryarray=sorted(order, reverse=True))
    return _layout(fig, title, max(320, 110 + 24 * len(order)))
