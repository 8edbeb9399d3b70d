"""Sidebar filters shared by every page, kept in st.session_state and mirrored in the URL.

A filtered view can be bookmarked: ``?country=DEU&country=FRA&issue=sanctions&ref=USA``.
``apply(tables, selection)`` returns the filtered tables plus the alignment with the reference.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from analysis import settings
from analysis.alignment import alignment, country_scores
from analysis.corpus import Tables
from analysis.countries import country_name

# (query parameter, label); the widget key is "flt_<parameter>".
MULTI = [("country", "Country"), ("issue", "Issue"), ("stance", "Stance"), ("actor_type", "Actor type"),
         ("article", "Article")]
STANCES = ["support", "oppose", "neutral"]
ACTOR_TYPES = ["person", "government", "organization", "group"]


@dataclass(frozen=True)
class Selection:
    country: tuple[str, ...] = ()
    issue: tuple[str, ...] = ()
    stance: tuple[str, ...] = ()
    actor_type: tuple[str, ...] = ()
    article: tuple[str, ...] = ()
    reference: str = "USA"

    def caption(self, labels: dict[str, str], titles: dict[str, str]) -> str:
        """One line naming the active filters, for chart images."""
        parts = [f"Reference: {country_name(self.reference)}"]
        if self.country:
            parts.append("Countries: " + ", ".join(country_name(c) for c in self.country))
        if self.issue:
            parts.append("Issues: " + ", ".join(labels.get(i, i) for i in self.issue))
        if self.stance:
            parts.append("Stance: " + ", ".join(self.stance))
        if self.actor_type:
            parts.append("Actor type: " + ", ".join(self.actor_type))
        if self.article:
            parts.append("Articles: " + "; ".join(titles.get(a, a) for a in self.article))
        return " · ".join(parts)

    def name_parts(self) -> dict[str, str]:
        return {"ref": self.reference, "country": "-".join(self.country), "issue": "-".join(self.issue),
                "stance": "-".join(self.stance)}

    @property
    def active(self) -> bool:
        return any((self.country, self.issue, self.stance, self.actor_type, self.article))


def options(tables: Tables, labels: dict[str, str]) -> dict[str, list[str]]:
    countries = (set(tables.actors["country"]) | set(tables.statements["country"])) - {""}
    return {
        "country": sorted(countries, key=country_name),
        "issue": list(labels),
        "stance": STANCES,
        "actor_type": ACTOR_TYPES,
        "article": list(tables.articles["id"]),
    }


def _init_from_url(opts: dict[str, list[str]]) -> None:
    """First run of a session: take the filters from the URL, dropping unknown values."""
    if st.session_state.get("flt_initialised"):
        return
    for param, _ in MULTI:
        wanted = st.query_params.get_all(param)
        st.session_state[f"flt_{param}"] = [v for v in wanted if v in opts[param]]
    ref = st.query_params.get("ref", settings.get("DASHBOARD_REFERENCE")).upper()
    st.session_state["flt_reference"] = ref
    st.session_state["flt_initialised"] = True


def _clear() -> None:
    for param, _ in MULTI:
        st.session_state[f"flt_{param}"] = []


def sidebar(tables: Tables, labels: dict[str, str]) -> Selection:
    """Draw the filters in the sidebar and return the current Selection (also written to the URL)."""
    opts = options(tables, labels)
    _init_from_url(opts)
    for param, _ in MULTI:  # drop values that no longer exist (a deleted article, a corrected country)
        key = f"flt_{param}"
        if any(v not in opts[param] for v in st.session_state.get(key, [])):
            st.session_state[key] = [v for v in st.session_state[key] if v in opts[param]]
    titles = dict(zip(tables.articles["id"], tables.articles["title"]))
    fmt = {
        "country": country_name,
        "issue": lambda i: labels.get(i, i),
        "article": lambda a: titles.get(a, a),
    }
    with st.sidebar:
        st.markdown("### Filters")
        for param, label in MULTI:
            st.multiselect(label, opts[param], key=f"flt_{param}", format_func=fmt.get(param, str),
                           placeholder=f"All {label.lower()}s" if param != "country" else "All countries")
        refs = sorted(set(opts["country"]) | {st.session_state["flt_reference"], "USA"}, key=country_name)
        st.selectbox("Reference country", refs, key="flt_reference", format_func=country_name,
                      help="Alignment is measured against this country's positions (default: DASHBOARD_REFERENCE).")
        st.button("Clear filters", key="flt_clear", on_click=_clear)
    selection = Selection(
        *(tuple(st.session_state[f"flt_{p}"]) for p, _ in MULTI), reference=st.session_state["flt_reference"])
    params = {p: list(getattr(selection, p)) for p, _ in MULTI if getattr(selection, p)}
    params["ref"] = selection.reference
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    if current != {k: v if isinstance(v, list) else [v] for k, v in params.items()}:
        st.query_params.from_dict(params)
    return selection


@dataclass(frozen=True)
class View:
    """What the pages draw: filtered tables, alignment rows and per-country scores."""

    articles: pd.DataFrame
    actors: pd.DataFrame
    statements: pd.DataFrame
    reactions: pd.DataFrame
    alignment: pd.DataFrame
    scores: pd.DataFrame


def _isin(series: pd.Series, values) -> pd.Series:
    return series.isin(values) if values else pd.Series(True, index=series.index)


def apply(tables: Tables, selection: Selection, issue_order: list[str]) -> View:
    s = tables.statements
    base = s[_isin(s["issue"], selection.issue) & _isin(s["stance"], selection.stance)
             & _isin(s["actor_type"], selection.actor_type) & _isin(s["article"], selection.article)]
    statements = base[_isin(base["country"], selection.country)]
    a = tables.actors
    actors = a[_isin(a["country"], selection.country) & _isin(a["actor_type"], selection.actor_type)
               & _isin(a["article"], selection.article)]
    r = tables.reactions
    reactions = r[(_isin(r["source_country"], selection.country) | _isin(r["target_country"], selection.country))
                  & _isin(r["article"], selection.article)]
    issues = [i for i in issue_order if not selection.issue or i in selection.issue]
    # Alignment needs the reference's positions even when the country filter leaves it out.
    aligned = alignment(base, selection.reference, issues)
    aligned = aligned[_isin(aligned["country"], selection.country)]
    articles = tables.articles[_isin(tables.articles["id"], selection.article)]
    return View(articles, actors, statements, reactions, aligned, country_scores(aligned))
