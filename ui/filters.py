"""Sidebar filters shared by every page, kept in st.session_state and mirrored in the URL.

A filtered view can be bookmarked: ``?catalog=ukraine-war&country=DEU&country=FRA&issue=sanctions&ref=USA``.
``choose_catalog`` draws the Catalog select first (every table and label depends on it); the
reference country defaults to the chosen catalog's ``reference`` unless DASHBOARD_REFERENCE is
set, and a reference chosen in the URL or the sidebar wins over both.
``apply(tables, selection)`` returns the filtered tables plus the alignment with the reference.
In dataset mode (``tables`` is an analysis.dataset.Dataset) the same filters and URL give a
DatasetView: counts, aggregates and pages of rows computed by DuckDB on demand.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd
import streamlit as st

from analysis.alignment import alignment, country_scores
from analysis.catalog import Catalog, reference_country
from analysis.catalogs import Available
from analysis.corpus import Tables
from analysis.countries import country_name
from analysis.dataset import Filters
from ui.text import plain

# (query parameter, label); the widget key is "flt_<parameter>".
MULTI = [("country", "Country"), ("issue", "Issue"), ("stance", "Stance"), ("actor_type", "Actor type"),
         ("article", "Article")]
STANCES = ["support", "oppose", "neutral"]
ACTOR_TYPES = ["person", "government", "organization", "group"]
ARTICLE_CHOICES = 200  # dataset mode: articles offered in the filter at once (found by title)


@dataclass(frozen=True)
class Selection:
    country: tuple[str, ...] = ()
    issue: tuple[str, ...] = ()
    stance: tuple[str, ...] = ()
    actor_type: tuple[str, ...] = ()
    article: tuple[str, ...] = ()
    reference: str = "USA"
    catalog: str = ""  # id of the issue catalog the tables were analysed with

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

    @property
    def filters(self) -> Filters:
        return Filters(self.country, self.issue, self.stance, self.actor_type, self.article)


def options(tables: Tables, labels: dict[str, str]) -> dict[str, list[str]]:
    countries = (set(tables.actors["country"]) | set(tables.statements["country"])) - {""}
    return {
        "country": sorted(countries, key=country_name),
        "issue": list(labels),
        "stance": STANCES,
        "actor_type": ACTOR_TYPES,
        "article": list(tables.articles["id"]),
    }


def dataset_options(labels: dict[str, str]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Dataset mode: (options, article titles). Articles are too many to list: the filter offers
    the ARTICLE_CHOICES newest whose title contains the "Find articles" text, plus those already
    chosen (in the session or the URL) that exist."""
    from ui import data

    wanted = set(st.query_params.get_all("article")) | set(st.session_state.get("flt_article", []))
    titles = data.ask("article_titles", tuple(sorted(wanted)))
    choices = data.ask("article_choices", st.session_state.get("flt_article_find", ""), ARTICLE_CHOICES)
    ids = sorted(titles) + [a for a in choices["id"] if a not in titles]
    titles = {**dict(zip(choices["id"], choices["title"])), **titles}
    opts = {"country": sorted(data.ask("countries"), key=country_name), "issue": list(labels), "stance": STANCES,
            "actor_type": ACTOR_TYPES, "article": ids}
    return opts, titles


def default_catalog(available: list[Available], counts: dict[str, int]) -> str:
    """The catalog shown when none is chosen: the only one that has articles, else the default
    catalog (the first of ``available``)."""
    with_articles = [a.catalog.id for a in available if counts.get(a.catalog.id)]
    return with_articles[0] if len(with_articles) == 1 else available[0].catalog.id


# Page widgets whose options are articles, actors or issues of one catalog: forgotten when the
# catalog changes, so none holds a value the new catalog does not have.
CATALOG_WIDGETS = ("art_pick", "act_article", "add_pos_article", "add_pos_actor", "add_pos_issue", "add_pos_sentence",
                   "pos_editor", "pos_table", "act_table", "ppl_person", "ppl_chosen")


def _catalog_changed(catalogs: dict[str, Catalog]) -> None:
    """Another catalog: its reference country, unless the analyst chose one (URL or sidebar)."""
    for key in CATALOG_WIDGETS:
        st.session_state.pop(key, None)
    if not st.session_state.get("flt_reference_chosen"):
        st.session_state["flt_reference"] = reference_country(catalogs[st.session_state["flt_catalog"]])


def _reference_chosen() -> None:
    st.session_state["flt_reference_chosen"] = True


def choose_catalog(available: list[Available], counts: dict[str, int], fixed: bool = False) -> Catalog:
    """Draw the "Catalog" select at the top of the sidebar and return the chosen catalog. The
    first run takes ``catalog=<id>`` from the URL; an id no catalog has gives one warning line
    and the default (``default_catalog``). ``fixed`` (dataset mode): one catalog, disabled."""
    catalogs = {a.catalog.id: a.catalog for a in available}
    fallback = default_catalog(available, counts)
    if not st.session_state.get("flt_catalog_initialised"):
        wanted = st.query_params.get("catalog")
        if wanted and wanted not in catalogs:
            st.warning(f"The link asks for the catalog “{plain(wanted)}”, which is not available; showing "
                       f"“{plain(catalogs[fallback].name)}”.", icon=":material/warning:")
        st.session_state["flt_catalog"] = wanted if wanted in catalogs else fallback
        st.session_state["flt_catalog_initialised"] = True
    elif st.session_state.get("flt_catalog") not in catalogs:  # e.g. a database without that saved catalog
        st.session_state["flt_catalog"] = fallback
    if (switch := st.session_state.pop("flt_catalog_next", None)) in catalogs:
        # a page asked for another catalog (the workbench, after saving a new one)
        st.session_state["flt_catalog"] = switch
        _catalog_changed(catalogs)

    st.sidebar.selectbox("Catalog", list(catalogs), key="flt_catalog", format_func=lambda c: catalogs[c].name,
                         disabled=fixed or len(catalogs) < 2, on_change=_catalog_changed, args=(catalogs,),
                         help="The issue catalog the articles were analysed with: every page shows the articles, "
                              "positions, actors and reactions of this catalog, with its issues.")
    chosen = catalogs[st.session_state["flt_catalog"]]
    if not fixed:
        st.sidebar.caption(f"{_count(counts.get(chosen.id, 0), 'article')} · {_count(len(chosen.issues), 'issue')} · "
                           f"{_count(len(catalogs), 'catalog')} available")
    return chosen


def _count(n: int, what: str) -> str:
    return f"{n:,} {what}{'' if n == 1 else 's'}"


def _init_from_url(opts: dict[str, list[str]], catalog: Catalog) -> None:
    """First run of a session: take the filters from the URL, dropping unknown values. The
    reference: the URL's ``ref``, else DASHBOARD_REFERENCE when set, else the catalog's."""
    if st.session_state.get("flt_initialised"):
        return
    for param, _ in MULTI:
        wanted = st.query_params.get_all(param)
        st.session_state[f"flt_{param}"] = [v for v in wanted if v in opts[param]]
    chosen = st.query_params.get("ref", "").strip()
    st.session_state["flt_reference"] = chosen.upper() if chosen else reference_country(catalog)
    st.session_state["flt_reference_chosen"] = bool(chosen)
    st.session_state["flt_initialised"] = True


def _clear() -> None:
    for param, _ in MULTI:
        st.session_state[f"flt_{param}"] = []


def sidebar(tables: Tables, labels: dict[str, str], catalog: Catalog) -> Selection:
    """Draw the filters in the sidebar and return the current Selection (also written to the
    URL, with the catalog chosen by ``choose_catalog``)."""
    dataset = not isinstance(tables, Tables)
    opts, titles = dataset_options(labels) if dataset else (options(tables, labels), None)
    _init_from_url(opts, catalog)
    for param, _ in MULTI:  # drop values that no longer exist (a deleted article, a corrected country)
        key = f"flt_{param}"
        if any(v not in opts[param] for v in st.session_state.get(key, [])):
            st.session_state[key] = [v for v in st.session_state[key] if v in opts[param]]
    if titles is None:
        titles = dict(zip(tables.articles["id"], tables.articles["title"]))
    fmt = {
        "country": country_name,
        "issue": lambda i: labels.get(i, i),
        "article": lambda a: titles.get(a, a),
    }
    with st.sidebar:
        st.markdown("### Filters")
        for param, label in MULTI:
            if dataset and param == "article":
                st.text_input("Find articles by title", key="flt_article_find", placeholder="words in the title",
                              help=f"The Article filter lists the {ARTICLE_CHOICES} newest articles whose title "
                                   "contains these words.")
            st.multiselect(label, opts[param], key=f"flt_{param}", format_func=fmt.get(param, str),
                           placeholder=f"All {label.lower()}s" if param != "country" else "All countries")
        refs = sorted(set(opts["country"]) | {st.session_state["flt_reference"], reference_country(catalog), "USA"},
                      key=country_name)
        st.selectbox("Reference country", refs, key="flt_reference", format_func=country_name,
                     on_change=_reference_chosen,
                     help="Alignment is measured against this country's positions (default: DASHBOARD_REFERENCE "
                          "when it is set, else the catalog's reference country).")
        st.button("Clear filters", key="flt_clear", on_click=_clear)
    selection = Selection(
        *(tuple(st.session_state[f"flt_{p}"]) for p, _ in MULTI), reference=st.session_state["flt_reference"],
        catalog=catalog.id)
    params = {"catalog": catalog.id}
    params.update({p: list(getattr(selection, p)) for p, _ in MULTI if getattr(selection, p)})
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


class DatasetView:
    """What the pages draw in dataset mode (analysis.dataset, cached by ui.data.ask): the same
    alignment and scores as View, counts instead of whole tables, the map's and the matrix's
    inputs as aggregates; tables come a page at a time (ui.widgets.paged_table)."""

    def __init__(self, selection: Selection, issue_order: list[str]):
        self.filters = selection.filters
        self.reference = selection.reference
        self.issue_order = list(issue_order)

    @cached_property
    def counts(self) -> dict[str, int]:
        from ui import data

        return data.ask("counts", self.filters)

    @cached_property
    def _aligned(self):
        """(alignment, scores, country_issue). The per-country/issue values do not depend on the
        country filter (alignment needs the reference even when the filter leaves it out), so they
        are asked for without it, once for every country selection, and the filter is applied
        here, as Dataset.alignment applies it."""
        from ui import data

        aligned, scores, values = data.ask("alignment", self.filters._replace(country=()), self.reference,
                                           self.issue_order)
        if self.filters.country:
            aligned = aligned[aligned["country"].isin(self.filters.country)].reset_index(drop=True)
            scores = country_scores(aligned)
        return aligned, scores, values

    @property
    def alignment(self) -> pd.DataFrame:
        return self._aligned[0]

    @property
    def scores(self) -> pd.DataFrame:
        return self._aligned[1]

    @property
    def country_issue(self) -> pd.DataFrame:
        """Per (country, issue): positions, value, actors, first (see Dataset.country_issue)."""
        return self._aligned[2]

    def map_inputs(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(scores with their basis, the rows the map's hover shows) for charts.alignment_map."""
        from ui import charts, data

        mine = self.country_issue
        if self.filters.country:
            mine = mine[mine["country"].isin(self.filters.country)]
        scores = charts.score_basis_counts(self.scores, self.alignment, mine)
        return scores, data.ask("hover_rows", self.filters)

    def matrix_cells(self, limit: int) -> tuple[pd.DataFrame, str]:
        """The stance matrix's cells (charts.stance_matrix_cells) under the country filter, for
        the ``limit`` countries and bodies with most positions, and a note saying so when
        there are more (a matrix of 200 rows is no overview)."""
        from ui import charts, data

        cells = self.country_issue
        if self.filters.country:
            cells = cells[cells["country"].isin(self.filters.country)]
        per_country = cells.groupby("country")["positions"].sum().sort_values(ascending=False, kind="stable")
        note = ""
        if len(per_country) > limit:
            cells = cells[cells["country"].isin(per_country.index[:limit])]
            note = f"the {limit} of {len(per_country)} countries and bodies with most positions"
        samples = data.ask("samples", tuple(int(r) for r in cells["first"]))
        return cells.assign(sample=cells["first"].map(samples).fillna(""))[charts.MATRIX_COLUMNS], note


def _isin(series: pd.Series, values) -> pd.Series:
    return series.isin(values) if values else pd.Series(True, index=series.index)


def apply(tables: Tables, selection: Selection, issue_order: list[str]) -> View | DatasetView:
    if not isinstance(tables, Tables):
        return DatasetView(selection, issue_order)
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
