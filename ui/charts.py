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
from ui import geo

# Orange-grey-blue, from ColorBrewer PuOr / RdBu ends: safe for the common colour-vision deficiencies.
ORANGE, BLUE, GREY, LIGHT = "#b35806", "#2166ac", "#999999", "#e8e8e8"
STANCE_COLOURS = {"support": BLUE, "oppose": ORANGE, "neutral": GREY, "mixed": GREY}
STATUS_COLOURS = {"aligned": BLUE, "divergent": ORANGE, "mixed": GREY, "no position": LIGHT,
                  "no reference position": LIGHT}
RELATION_COLOURS = {"agrees": BLUE, "disagrees": ORANGE, "responds": GREY}
# The middle is a light grey, not white, so a score of 0 never looks like land without positions.
DIVERGING = [[0.0, ORANGE], [0.5, "#dddddd"], [1.0, BLUE]]
STANCE_VALUE = {"support": 1.0, "oppose": -1.0, "neutral": 0.0}
# Seats of bodies without territory, drawn as markers on the map (lat, lon).
SEATS = {"EU": (50.84, 4.38, "Brussels"), "NATO": (50.88, 4.42, "Brussels"), "UN": (40.75, -73.97, "New York"),
         "WTO": (46.22, 6.14, "Geneva")}
FONT = dict(family="DejaVu Sans, Arial, sans-serif", size=13, color="#222")


def esc(text, limit: int = 0) -> str:
    """HTML-escaped text for hover labels, optionally shortened."""
    text = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text)


def _layout(fig: go.Figure, title: str, height: int = 520) -> go.Figure:
    """Title, font, white background; every axis makes room for its tick labels and title
    (automargin), so no label is cut at the figure's edge at any export size."""
    fig.update_layout(title=dict(text=esc(title), x=0.01, xanchor="left"), height=height, font=FONT,
                      margin=dict(l=10, r=10, t=60, b=10), paper_bgcolor="white", plot_bgcolor="white")
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


def tick_size(count: int) -> int:
    """Tick label font size that keeps ``count`` category labels apart in a 900-pixel-high image."""
    return 13 if count <= 24 else 12 if count <= 32 else 11 if count <= 40 else 9


def empty_figure(title: str, message: str) -> go.Figure:
    """A figure that says why there is nothing to draw (never an empty axis)."""
    fig = go.Figure()
    fig.add_annotation(text=esc(message), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font=dict(size=16, color="#555"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, 300)


def _country_hover(statements: pd.DataFrame, labels: dict[str, str]) -> dict[str, str]:
    """Per country: its actors (by name) with their positions, one line each (escaped), the
    first 8 and "…" when there are more."""
    claims: dict[str, dict[str, set]] = {}
    for country, actor, issue, stance in zip(statements["country"], statements["actor"], statements["issue"],
                                             statements["stance"]):
        claims.setdefault(country, {}).setdefault(actor, set()).add(f"{labels.get(issue, issue)}: {stance}")
    out = {}
    for country in sorted(claims):
        mine = claims[country]
        lines = [f"{esc(actor)} — {esc(', '.join(sorted(mine[actor])), 120)}" for actor in sorted(mine)[:9]]
        out[country] = "<br>".join(lines[:8]) + ("<br>…" if len(mine) > 8 else "")
    return out


SHARED = ("aligned", "divergent", "mixed")
SINGLE_ISSUE_OPACITY = 0.4
NO_SHARED, REFERENCE, NO_DATA, OCEAN = "#9a9a9a", "#222222", "#ffffff", "#eaf1f7"
# Europe: an equal-area conic centred on the continent, zoomed in on the whole globe, so countries
# run on to the frame instead of stopping at a straight cut of the data (Norway's North Cape,
# Russia beyond the Urals). World: centred on the Atlantic, Antarctica left out.
GEO = {
    "europe": dict(projection_type="conic equal area", projection_rotation=dict(lon=15),
                   projection_parallels=[43, 62], projection_scale=4.4, center=dict(lon=17, lat=55),
                   showframe=True, framecolor="#999"),
    "world": dict(projection_type="natural earth", projection_rotation=dict(lon=-10), lataxis_range=[-58, 85],
                  lonaxis_range=[-190, 170], showframe=False),
}


# The part of each country a mark may sit in: inside the Europe frame, or anywhere.
GEO_BOX = {"europe": ((-25.0, 60.0), (34.0, 72.0)), "world": ((-180.0, 180.0), (-90.0, 90.0))}


def score_basis(scores: pd.DataFrame, aligned: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """``scores`` plus what each score rests on: ``issues`` (issues both the country and the
    reference spoke to) and ``positions`` (the country's positions on those issues)."""
    shared = _shared(aligned)
    used = statements.merge(shared, on=["country", "issue"]) if not shared.empty else shared
    positions = used.groupby("country").size() if not used.empty else pd.Series(dtype=int)
    return _with_basis(scores, shared, positions)


def score_basis_counts(scores: pd.DataFrame, aligned: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """``score_basis`` from position counts per (country, issue) (columns country, issue,
    positions) instead of the positions themselves (dataset mode)."""
    shared = _shared(aligned)
    used = counts.merge(shared, on=["country", "issue"]) if not shared.empty else shared
    positions = used.groupby("country")["positions"].sum() if not used.empty else pd.Series(dtype=int)
    return _with_basis(scores, shared, positions)


def _shared(aligned: pd.DataFrame) -> pd.DataFrame:
    return aligned[aligned["status"].isin(SHARED)][["country", "issue"]] if not aligned.empty else \
        pd.DataFrame(columns=["country", "issue"])


def _with_basis(scores: pd.DataFrame, shared: pd.DataFrame, positions: pd.Series) -> pd.DataFrame:
    out = scores.copy()
    issues = shared.groupby("country")["issue"].nunique()
    out["issues"] = out["country"].map(issues).fillna(0).astype(int)
    out["positions"] = out["country"].map(positions).fillna(0).astype(int)
    return out


def _basis_text(issues: int, positions: int) -> str:
    return (f"{issues} shared issue{'s' if issues != 1 else ''}, "
            f"{positions} position{'s' if positions != 1 else ''}")


def _legend_swatch(name: str, colour: str, symbol: str = "square", opacity: float = 1.0,
                   line: str = "#444") -> go.Scattergeo:
    """A legend entry with no data: Plotly gives choropleth traces no legend symbol of their own."""
    return go.Scattergeo(lat=[None], lon=[None], mode="markers", name=name, showlegend=True, hoverinfo="skip",
                         marker=dict(symbol=symbol, size=14, color=colour, opacity=opacity,
                                     line=dict(color=line, width=1)))


def alignment_map(scores: pd.DataFrame, statements: pd.DataFrame, reference: str, labels: dict[str, str],
                  scope: str = "europe") -> go.Figure:
    """Choropleth of alignment score with the reference; bodies (EU, NATO, UN, WTO) as markers at their seats.

    ``scores``: country, score, aligned, divergent and, from :func:`score_basis`, issues and
    positions. A score resting on a single shared issue is drawn faded. Every colour and mark has
    a legend entry; the colour bar explains the score.
    """
    ref_name = country_name(reference)
    title = f"Alignment with {ref_name} ({'Europe' if scope == 'europe' else 'world'})"
    if scores.empty and statements.empty:
        return empty_figure(title, "No positions match the current filters.")
    if not {"issues", "positions"} <= set(scores.columns):
        raise ValueError("alignment_map needs the scores' basis: pass them through score_basis()")
    hover = _country_hover(statements, labels)
    fig = go.Figure()
    land = scores[~scores["country"].isin(SEATS) & scores["score"].notna()]
    colorbar = dict(title=dict(text=f"score:<br>agreement<br>with {esc(ref_name)}", side="top"),
                    tickvals=[-1, 0, 1], ticktext=["−1 divergent", "0", "+1 aligned"], len=0.6, y=0.62,
                    thickness=18)
    for single, part in ((False, land[land["issues"] != 1]), (True, land[land["issues"] == 1])):
        if part.empty:
            continue
        text = [f"<b>{esc(country_name(c))}</b><br>score {s:+.2f} from {_basis_text(i, p)}"
                f"{' (faded: one issue only)' if single else ''}<br>aligned {a} · divergent {d}<br>{hover.get(c, '')}"
                for c, s, a, d, i, p in zip(part["country"], part["score"], part["aligned"], part["divergent"],
                                            part["issues"], part["positions"])]
        fig.add_trace(go.Choropleth(
            locations=part["country"], z=part["score"], zmin=-1, zmax=1, colorscale=DIVERGING,
            marker_line_color="#444", marker_line_width=0.6, text=text, hovertemplate="%{text}<extra></extra>",
            marker_opacity=SINGLE_ISSUE_OPACITY if single else 1.0, showscale=not single or len(fig.data) == 0,
            colorbar=colorbar, showlegend=False, name="score on one shared issue" if single else "score"))
    silent = sorted(set(statements["country"]) - set(land["country"]) - set(SEATS) - {reference, ""})
    if silent:  # countries with positions but no shared issue with the reference
        fig.add_trace(go.Choropleth(
            locations=silent, z=[0] * len(silent), colorscale=[[0, NO_SHARED], [1, NO_SHARED]], showscale=False,
            marker_line_color="#444", marker_line_width=0.6, name="no shared issue", showlegend=False,
            text=[f"<b>{esc(country_name(c))}</b><br>no issue in common with the reference<br>{hover.get(c, '')}"
                  for c in silent],
            hovertemplate="%{text}<extra></extra>"))
    # A mark as well as the colour: a faded colour alone reads as a weaker score. The number is
    # how many shared issues the colour rests on (0 or 1).
    box = GEO_BOX["europe" if scope == "europe" else "world"]
    for count, codes, name in (
            (1, list(land.loc[land["issues"] == 1, "country"]),
             "faded, marked 1:<br>score rests on one shared issue"),
            (0, silent, f"grey, marked 0: positions, but none<br>on an issue {esc(ref_name)} addressed")):
        if not codes:
            continue
        where = {c: geo.inner_point_of(c, *box) for c in codes}
        marked = [c for c in codes if where[c]]
        fig.add_trace(go.Scattergeo(
            lon=[where[c][0] for c in marked], lat=[where[c][1] for c in marked], mode="markers+text",
            text=[str(count)] * len(marked), textfont=dict(size=10, color="#111"), textposition="middle center",
            hoverinfo="skip", name=name,
            marker=dict(size=15, color="white" if count else NO_SHARED, opacity=0.9,
                        line=dict(color="#111", width=1))))
    if reference and reference not in SEATS:
        fig.add_trace(go.Choropleth(
            locations=[reference], z=[1], colorscale=[[0, REFERENCE], [1, REFERENCE]], showscale=False,
            marker_line_color="black", name="reference", showlegend=False,
            text=[f"<b>{esc(ref_name)}</b> (reference)<br>{hover.get(reference, '')}"],
            hovertemplate="%{text}<extra></extra>"))
        fig.add_trace(_legend_swatch(f"reference: {esc(ref_name)}", REFERENCE))
    bodies = scores[scores["country"].isin(SEATS)]
    body_codes = sorted(set(bodies["country"]) | (set(statements["country"]) & set(SEATS)))
    if body_codes:
        score_of = dict(zip(bodies["country"], bodies["score"]))
        basis = dict(zip(bodies["country"], zip(bodies["issues"], bodies["positions"])))
        lat = [SEATS[c][0] + 0.9 * i for i, c in enumerate(body_codes)]
        lon = [SEATS[c][1] + 1.2 * i for i, c in enumerate(body_codes)]
        values = [score_of.get(c, float("nan")) for c in body_codes]
        single = [basis.get(c, (0, 0))[0] == 1 for c in body_codes]
        # The diamond carries the same "1" mark as a country whose score rests on one issue; its
        # name stands to the left, over the sea west of the seats, not on the neighbours' marks.
        fig.add_trace(go.Scattergeo(
            lat=lat, lon=lon, mode="markers+text", textposition="middle center",
            text=["1" if one else "" for one in single], textfont=dict(size=10, color="#111"),
            name=f"diamond: {' / '.join(SEATS)}<br>at their seats (colour = score)",
            marker=dict(size=20, symbol="diamond", line=dict(color="black", width=1),
                        color=[0 if math.isnan(v) else v for v in values], cmin=-1, cmax=1, colorscale=DIVERGING,
                        opacity=[SINGLE_ISSUE_OPACITY if one else 1.0 for one in single]),
            customdata=[f"<b>{esc(country_name(c))}</b> (seat: {SEATS[c][2]})<br>"
                        + (f"score {v:+.2f} from {_basis_text(*basis.get(c, (0, 0)))}" if not math.isnan(v)
                           else "no issue in common with the reference")
                        + f"<br>{hover.get(c, '')}" for c, v in zip(body_codes, values)],
            hovertemplate="%{customdata}<extra></extra>"))
        fig.add_trace(go.Scattergeo(
            lat=lat, lon=lon, mode="markers+text", textposition="middle left", text=body_codes,
            marker=dict(size=26, opacity=0),  # an invisible marker keeps the name clear of the diamond
            textfont=dict(size=12, color="#222"), hoverinfo="skip", showlegend=False, name="seat labels"))
    fig.add_trace(_legend_swatch("white: no positions<br>in the articles", NO_DATA, line="#888"))
    fig.update_geos(showcountries=True, countrycolor="#888", showland=True, landcolor=NO_DATA, showlakes=False,
                    showocean=True, oceancolor=OCEAN,
                    **GEO["europe" if scope == "europe" else "world"])
    fig.update_layout(legend=dict(orientation="v", x=1.0, xanchor="left", y=0.0, yanchor="bottom",
                                  bgcolor="rgba(255,255,255,0.85)", font=dict(size=12)),
                      uirevision=scope)
    return _layout(fig, title, 600)


def stance_matrix(statements: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """Country × issue heatmap: support / oppose / mixed, hover lists actors and a quote."""
    df = statements[statements["country"].astype(bool)]
    cells = []
    if not df.empty:
        issues = [i for i in labels if i in set(df["issue"])]
        for c in sorted(set(df["country"]), key=country_name):
            for i in issues:
                cell = df[(df["country"] == c) & (df["issue"] == i)]
                if cell.empty:
                    continue
                value = float((cell["stance"].map(STANCE_VALUE) * cell["confidence"]).sum() / cell["confidence"].sum())
                first = cell.iloc[0]
                cells.append((c, i, value, ", ".join(sorted(set(cell["actor"]))), first["quote"] or first["evidence"]))
    return stance_matrix_cells(pd.DataFrame(cells, columns=MATRIX_COLUMNS), labels)


MATRIX_COLUMNS = ["country", "issue", "value", "actors", "sample"]


def stance_matrix_cells(cells: pd.DataFrame, labels: dict[str, str], note: str = "") -> go.Figure:
    """``stance_matrix`` from its cells, one row per (country, issue) with positions: value
    (confidence-weighted mean stance), actors (", "-joined) and sample (a quote or evidence).
    ``note`` is added under the title (dataset mode: which countries are shown)."""
    title = "Stance by country and issue"
    if cells.empty:
        return empty_figure(title, "No positions match the current filters.")
    issues = [i for i in labels if i in set(cells["issue"])]
    countries = sorted(set(cells["country"]), key=country_name)
    found = {(r.country, r.issue): r for r in cells.itertuples(index=False)}
    z, text, hover = [], [], []
    for c in countries:
        zr, tr, hr = [], [], []
        for i in issues:
            cell = found.get((c, i))
            if cell is None:
                zr.append(None), tr.append(""), hr.append(f"{esc(country_name(c))} · {esc(labels[i])}<br>no position")
                continue
            value = float(cell.value)
            word = "support" if value > 0.25 else "oppose" if value < -0.25 else "mixed"
            zr.append(value)
            tr.append({"support": "+", "oppose": "−", "mixed": "±"}[word])
            hr.append(f"<b>{esc(country_name(c))} · {esc(labels[i])}: {word}</b><br>"
                      f"{esc(cell.actors, 150)}<br><i>“{esc(cell.sample, 160)}”</i>")
        z.append(zr), text.append(tr), hover.append(hr)
    fig = go.Figure(go.Heatmap(
        z=z, x=[labels[i] for i in issues], y=[country_name(c) for c in countries], zmin=-1, zmax=1,
        colorscale=DIVERGING, text=text, texttemplate="%{text}", textfont=dict(size=16), customdata=hover,
        hovertemplate="%{customdata}<extra></extra>", xgap=2, ygap=2,
        colorbar=dict(title=dict(text="stance<br>(mark)", side="top"), tickvals=[-1, 0, 1],
                      ticktext=["oppose (−)", "mixed (±)", "support (+)"], len=0.8)))
    fig.add_annotation(text="blank cell: no position on that issue" + (f" · {esc(note)}" if note else ""), x=1.0,
                       y=1.0, xref="paper", yref="paper", xanchor="right", yanchor="bottom", yshift=4, showarrow=False,
                       font=dict(size=12, color="#555"))
    fig.update_xaxes(tickangle=-30, side="bottom", tickfont=dict(size=tick_size(len(issues))), title=None)
    fig.update_yaxes(autorange="reversed", dtick=1, tickfont=dict(size=tick_size(len(countries))))
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
    per_issue = df.assign(left=df["status"] == "divergent").groupby(["issue", "left"]).size()
    low = max([1] + [int(n) for (_, left), n in per_issue.items() if left])  # widest bar left of zero
    high = max([1] + [int(n) for (_, left), n in per_issue.items() if not left])
    fig.update_layout(barmode="relative", bargap=0.35,
                      legend=dict(title=dict(text="countries and bodies<br>that are:"), orientation="v",
                                  x=1.0, xanchor="left", y=1.0, yanchor="top"))
    span = low + high
    step = 1 if span <= 12 else 2 if span <= 30 else 5 if span <= 60 else 10 if span <= 150 else 25 if span <= 400 else 100
    ticks = list(range(-((low + step - 1) // step) * step, high + 1, step))  # multiples of the step, 0 among them
    # counts to the left of zero are divergent countries: the tick says how many, without a minus
    fig.update_xaxes(title=dict(text="number of countries and bodies (divergent ← 0 → aligned)", standoff=12),
                     range=[-low - 0.5, high + 0.5], zeroline=True, zerolinecolor="#333", gridcolor="#eee",
                     tickmode="array", tickvals=ticks, ticktext=[str(abs(v)) for v in ticks])
    fig.update_yaxes(categoryorder="array", categoryarray=y[::-1], automargin=True,
                     tickfont=dict(size=tick_size(len(y))))
    return _layout(fig, title, max(320, 140 + 46 * len(issues)))


MAX_EDGES = 120


def reaction_network(reactions: pd.DataFrame, actors: pd.DataFrame) -> go.Figure:
    """Who responds to whom: actors on a circle, arrows coloured agrees / disagrees / responds.

    Repeated reactions between the same pair are one edge (wider, with a count); beyond
    MAX_EDGES edges only the most frequent are drawn and the title says so.
    """
    if reactions.empty:
        return empty_figure("Reactions: who answers whom", "No reactions match the current filters.")
    edges = (reactions.groupby(["source", "target", "relation"], sort=False)
             .agg(count=("evidence", "size"), evidence=("evidence", "first")).reset_index()
             .sort_values("count", ascending=False, kind="stable"))
    country = dict(zip(actors["name"], actors["country"])) if not actors.empty else {}
    return reaction_network_links(edges, len(edges), country)


def reaction_network_links(edges: pd.DataFrame, links: int, country: dict[str, str]) -> go.Figure:
    """``reaction_network`` from its links, most frequent first (source, target, relation,
    count, evidence), how many links there are in all, and each actor's country."""
    title = "Reactions: who answers whom"
    if edges.empty:
        return empty_figure(title, "No reactions match the current filters.")
    if links > MAX_EDGES:
        title += f" (the {MAX_EDGES} most frequent of {links} links)"
        edges = edges.head(MAX_EDGES)
    names = sorted(set(edges["source"]) | set(edges["target"]))
    # an ellipse as wide as the image, so the labels at the top and bottom have room
    angle = {n: 2 * math.pi * k / len(names) for k, n in enumerate(names)}
    pos = {n: (1.6 * math.cos(a), math.sin(a)) for n, a in angle.items()}
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
        text=_staggered([f"{esc(n)} ({esc(country.get(n, ''))})" if country.get(n) else esc(n) for n in names],
                        [angle[n] for n in names], [pos[n][0] for n in names], [pos[n][1] for n in names]),
        textposition=[_label_side(angle[n]) for n in names], textfont=dict(size=tick_size(len(names))),
        marker=dict(size=14, color="#333", line=dict(color="white", width=1)), name="actor (country)",
        hovertemplate="%{text}<extra></extra>"))
    fig.add_annotation(text="arrow: from the actor who reacts to the actor answered · wider line: more reactions",
                       x=0.0, y=0.0, xref="paper", yref="paper", xanchor="left", yanchor="bottom",
                       showarrow=False, font=dict(size=12, color="#555"))
    fig.update_xaxes(visible=False, range=[-2.7, 2.7])
    fig.update_yaxes(visible=False, range=[-1.5, 1.45])
    fig.update_layout(legend=dict(orientation="v", x=1.0, xanchor="right", y=1.0, yanchor="top"))
    return _layout(fig, title, 600)


def _label_side(angle: float) -> str:
    """Labels point away from the ring: right of nodes on the right, above the top ones."""
    if abs(math.cos(angle)) < 0.4:
        return "top center" if math.sin(angle) > 0 else "bottom center"
    return "middle right" if math.cos(angle) > 0 else "middle left"


def _staggered(labels: list[str], angles: list[float], xs: list[float], ys: list[float]) -> list[str]:
    """Labels centred above (or below) the nodes at the top (bottom) of the ring, each moved out
    by as many lines as it takes not to overprint a neighbour's label. Sizes are estimated for
    the narrowest export: 170 pixels per x unit, 240 per y unit, 6.5 per character, 15 per line."""
    out = list(labels)
    line = 15 / 240
    for top in (True, False):
        placed: list[tuple[float, float, float]] = []  # (left, right, height) of labels placed
        side = [i for i, a in enumerate(angles) if abs(math.cos(a)) < 0.4 and (math.sin(a) > 0) == top]
        for i in sorted(side, key=lambda i: xs[i]):
            half = (6.5 * len(html.unescape(labels[i])) + 8) / 170 / 2
            left, right = xs[i] - half, xs[i] + half
            level = 0
            while any(left < r and right > lo and abs(abs(ys[i]) + level * line - h) < line for lo, r, h in placed):
                level += 1
            placed.append((left, right, abs(ys[i]) + level * line))
            out[i] = labels[i] + "<br> " * level if top else " <br>" * level + labels[i]
    return out


def article_dates(articles: pd.DataFrame) -> dict[str, pd.Timestamp]:
    """Article id -> its date as a day; NaT where the date is missing or not a date."""
    when = pd.to_datetime(articles["date"].where(articles["date"].astype(bool)), errors="coerce", format="mixed")
    return dict(zip(articles["id"], when.dt.normalize()))


def undated(statements: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Articles with positions in ``statements`` but no valid date: id, title, date as stored, positions."""
    dates = article_dates(articles)
    counts = statements.groupby("article").size()
    missing = [a for a in counts.index if pd.isna(dates.get(a, pd.NaT))]
    titles = articles.set_index("id")
    return pd.DataFrame({"article": missing,
                         "title": [titles["title"].get(a, "") for a in missing],
                         "date": [titles["date"].get(a, "") for a in missing],
                         "positions": [int(counts[a]) for a in missing]},
                        columns=["article", "title", "date", "positions"])


def positions_by_date(statements: pd.DataFrame, articles: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """Timeline: stance of each country per issue by article date (a shift across articles shows).

    Articles without a valid date cannot be placed; the figure says how many were left out.
    """
    missing = undated(statements, articles)
    df = statements.assign(when=statements["article"].map(article_dates(articles)),
                           value=statements["stance"].map(STANCE_VALUE))
    df = df[df["when"].notna() & df["country"].astype(bool)]
    if df.empty:
        return positions_over_time(pd.DataFrame(columns=["when", "country", "issue", "value", "actors"]), missing, labels)
    agg = df.groupby(["when", "country", "issue"], as_index=False).agg(value=("value", "mean"),
                                                                         actors=("actor", lambda s: ", ".join(sorted(set(s)))))
    return positions_over_time(agg, missing, labels)


def positions_over_time(agg: pd.DataFrame, missing: pd.DataFrame, labels: dict[str, str], shown: str = "") -> go.Figure:
    """``positions_by_date`` from its points, one per (when, country, issue) with the mean
    stance value and the actors, and the undated articles (as ``undated`` lists them).
    ``shown`` says which rows are drawn when not all are (dataset mode)."""
    title = "Positions over time"
    count = int(missing["positions"].sum())
    note = (f"{len(missing)} undated article{'s' if len(missing) != 1 else ''} "
            f"({count} position{'s' if count != 1 else ''}) not shown" if len(missing) else "")
    note = " · ".join(n for n in (shown, note) if n)
    if agg.empty:
        return empty_figure(title, "No dated positions match the current filters." + (f" {note}." if note else ""))
    df = agg
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
                            line=dict(color="#333", width=0.5), showscale=not fig.data,
                            colorbar=dict(title=dict(text="stance", side="top"), tickvals=[-1, 0, 1],
                                          ticktext=["oppose", "neutral / mixed", "support"], len=0.6)),
                name=labels[issue], legendgroup=issue, showlegend=False,
                customdata=[f"<b>{esc(country_name(country))}</b> · {esc(labels[issue])}: {v:+.1f}<br>{esc(a, 120)}"
                            for v, a in zip(rows["value"], rows["actors"])],
                hovertemplate="%{x|%Y-%m-%d}<br>%{customdata}<extra></extra>"))
    first, last = df["when"].min(), df["when"].max()
    dates = sorted(df["when"].unique())
    if len(dates) <= 12:
        # few dates: a tick at each article date and nowhere else (Plotly would otherwise tick
        # hours, even milliseconds, around a single date)
        pad = max(pd.Timedelta(days=2), (last - first) / 12)
        ticks = [dates[0]]
        for d in dates[1:]:  # a date too close to the previous tick would print over it
            if d - ticks[-1] >= (last - first) / 10:
                ticks.append(d)
        fig.update_xaxes(range=[first - pad, last + pad], tickmode="array", tickvals=ticks,
                         ticktext=[pd.Timestamp(d).strftime("%Y-%m-%d") for d in ticks])
    fig.update_xaxes(gridcolor="#eee", tickformat="%Y-%m-%d", title=None)
    # an explicit range: autorange pads for the markers, a wide gap above a long list of rows
    fig.update_yaxes(gridcolor="#eee", categoryorder="array", categoryarray=sorted(order, reverse=True), dtick=1,
                     tickfont=dict(size=tick_size(len(order))), range=[-0.7, len(order) - 0.3])
    if note:
        fig.add_annotation(text=esc(note), x=1.0, y=1.0, xref="paper", yref="paper", xanchor="right", yanchor="bottom",
                           yshift=4, showarrow=False, font=dict(size=12, color="#555"))
    return _layout(fig, title, max(320, 110 + 24 * len(order)))
