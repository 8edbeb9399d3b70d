import json
from datetime import date

import streamlit as st

from analysis.countries import is_code
from analysis.errors import AnalysisError
from ui import data
from ui.text import evidence_box, plain, source_line
from ui.widgets import context, nothing_matches, pager, pager_widgets, paged_table, table

view, selection, labels, caption = context()
parts = selection.name_parts()
tables = st.session_state["tables"]
dataset_mode = data.dataset_mode()  # DuckDB pages through the positions; no whole table in memory


def article_of(article_id: str):
    """The article (title, source, date, text) a position comes from."""
    return data.ask("article", article_id) if dataset_mode else articles.loc[article_id]


st.title("Positions")
query = st.text_input("Search actor, evidence or quote", key="pos_search", placeholder="e.g. sanctions, Foreign Minister")
if dataset_mode:
    positions = data.dataset().positions_query(view.filters, query, labels)
    total = data.ask("count", positions)
else:
    articles = tables.articles.set_index("id")
    df = view.statements.assign(issue_label=view.statements["issue"].map(labels))
    if query:
        hay = (df["actor"] + " " + df["role"] + " " + df["evidence"] + " " + df["quote"]).str.lower()
        df = df[hay.str.contains(query.lower(), regex=False)]
    total = len(df)

read_only = data.store().read_only
edit = st.toggle("Correct positions", key="pos_edit", disabled=read_only,
                 help="The corpus database is read-only: corrections are disabled." if read_only else
                 "Change issue, stance or the actor's country, or delete a false position. Saved corrections "
                 "are kept apart from the machine output and survive re-processing.")

if not total:
    nothing_matches()
elif not edit:
    # The evidence is what the analyst reads: it comes right after who/what/which way, in a wide
    # column, so it is in view without scrolling sideways; the details follow.
    options = dict(on_select="rerun", selection_mode="single-row",
                   column_order=["actor", "country", "issue_label", "stance", "evidence", "kind", "confidence", "role",
                                 "quote", "corrected"],
                   column_config={
                       "actor": st.column_config.TextColumn(width=150),
                       "country": st.column_config.TextColumn(width=70),
                       "issue_label": st.column_config.TextColumn("issue", width=130),
                       "stance": st.column_config.TextColumn(width=80),
                       "evidence": st.column_config.TextColumn(width="large"),
                       "kind": st.column_config.TextColumn(width=80),
                       "confidence": st.column_config.ProgressColumn(  # grey: a measure, not a warning
                           min_value=0, max_value=1, format="%.2f", width=90, color="#8a8a8a"),
                   })
    if dataset_mode:
        event, shown = paged_table(positions, key="pos", name="positions", name_parts=parts, **options)
    else:
        shown = df[["actor", "country", "issue_label", "stance", "evidence", "kind", "confidence", "role", "quote",
                    "corrected", "article", "start", "end", "issue"]].reset_index(drop=True)
        event = table(shown, key="pos", name="positions", name_parts=parts, **options)
    st.caption("Select a row to open the sentence in its article.")
    rows = event.selection.rows if event is not None else []
    if rows and rows[0] < len(shown):
        row = shown.iloc[rows[0]]
        article = article_of(row["article"])
        st.markdown(f"**{plain(row['actor'])}** · {plain(row['issue_label'])} · **{row['stance']}** "
                    f"({row['kind']}, confidence {row['confidence']:.2f})")
        st.html(source_line(article["title"], article["source"], article["date"], prefix="From "))
        st.html(evidence_box(article["text"], [(int(row["start"]), int(row["end"]))]))
        with st.expander("Why? What the engine found in this sentence", expanded=False):
            st.caption("People named, who speaks over which words (direct, indirect or reported speech), the "
                       "issue cues matched and the claims read from them. A row exists because a claim lies "
                       "inside its actor's speech.")
            picture, spans = data.why(row["article"], article["text"], int(row["start"]), int(row["end"]))
            st.html(picture)
            st.dataframe(spans, key="pos_why_table", hide_index=True)
else:
    analyst = st.text_input("Your name (optional, stored with each correction)", key="cor_analyst")
    if dataset_mode:  # the editor holds the current page; page through to correct others
        offset, size = pager(total, key="pos")
        df = data.ask("page", positions, offset, size)
    base = df[["key", "article", "actor", "country", "issue", "stance", "evidence"]].reset_index(drop=True)
    base.insert(0, "delete", False)
    edited = st.data_editor(
        base, key="pos_editor", hide_index=True, num_rows="fixed",
        disabled=["key", "article", "actor", "evidence"],
        column_config={
            "key": None, "article": None,
            "issue": st.column_config.SelectboxColumn(options=list(labels), required=True),
            "stance": st.column_config.SelectboxColumn(options=["support", "oppose", "neutral"], required=True),
            "country": st.column_config.TextColumn(help="ISO alpha-3 (e.g. DEU), or EU / NATO / UN / WTO; applies to the "
                                                        "actor throughout the article", max_chars=4),
            "delete": st.column_config.CheckboxColumn(help="Delete this false position"),
        })
    if dataset_mode:
        pager_widgets(total, offset, size, key="pos")
    if st.button("Save corrections", key="pos_save", type="primary"):
        corrections = []
        for i in range(len(base)):
            before, after = base.iloc[i], edited.iloc[i]
            if after["delete"]:
                corrections.append({"action": "delete", "article": before["article"], "target": before["key"]})
                continue
            change = {f: after[f] for f in ("issue", "stance") if after[f] != before[f]}
            if change:
                corrections.append({"action": "edit", "article": before["article"], "target": before["key"], **change})
            new_country = (after["country"] or "").strip().upper()
            if new_country and not is_code(new_country):
                st.error(f"{plain(repr(new_country))} is not a country code: use ISO alpha-3 (e.g. DEU, FRA) or EU, NATO, UN, WTO.")
                st.stop()
            if new_country != before["country"]:
                corrections.append({"action": "country", "article": before["article"], "target": before["actor"],
                                    "country": new_country})
        if not corrections:
            st.info("Nothing changed.")
        else:
            try:
                data.store().correct(corrections, analyst)
                st.success(f"{len(corrections)} correction(s) saved; charts and exports now use them.")
                st.rerun()
            except AnalysisError as exc:
                st.error(plain(str(exc)))

with st.expander("Add a missed position"):
    if dataset_mode:
        st.info("Adding a position by hand needs the article's sentences from the language model; in dataset mode "
                "extraction is read-only. Correct or delete the machine's positions above, or add the position in "
                "the SQLite corpus (DASHBOARD_DATASET unset).", icon=":material/info:")
    else:
        ids = list(articles.index)
        article_id = st.selectbox("Article", ids, format_func=lambda a: articles.loc[a, "title"], key="add_pos_article")
        sents = data.sentences(article_id, articles.loc[article_id, "text"]) if article_id else []
        known = sorted(set(tables.actors.loc[tables.actors["article"] == article_id, "name"]))
        c1, c2 = st.columns(2)
        actor = c1.selectbox("Actor", known, key="add_pos_actor", accept_new_options=True,
                             help="Pick an actor of the article or type a new name.")
        country = c2.text_input("Country (ISO alpha-3, EU, NATO, UN, WTO)", key="add_pos_country", max_chars=4)
        c3, c4 = st.columns(2)
        issue = c3.selectbox("Issue", list(labels), format_func=labels.get, key="add_pos_issue")
        stance = c4.selectbox("Stance", ["support", "oppose", "neutral"], key="add_pos_stance")
        sentence = st.selectbox("Evidence sentence", range(len(sents)), format_func=lambda i: sents[i][2][:160],
                                key="add_pos_sentence")
        if st.button("Add position", key="add_pos_save", disabled=read_only):
            if not actor or sentence is None:
                st.warning("Choose an actor and the sentence that proves the position.")
            elif country.strip() and not is_code(country.strip().upper()):
                st.error(f"{plain(repr(country.strip()))} is not a country code: use ISO alpha-3 (e.g. DEU, FRA) or EU, NATO, UN, WTO.")
            else:
                start, end, text = sents[sentence]
                try:
                    data.store().correct([{"action": "add", "article": article_id, "target": "", "actor": actor,
                                           "country": country.strip().upper(), "issue": issue, "stance": stance,
                                           "evidence": text, "start": start, "end": end}],
                                         st.session_state.get("cor_analyst", ""))
                except AnalysisError as exc:
                    st.error(plain(str(exc)))
                else:
                    st.success(f"Added: {plain(actor)} · {labels[issue]} · {stance}.")
                    st.rerun()

corrections = data.store().corrections()
if not corrections.empty:
    with st.expander(f"Corrections so far ({len(corrections)})"):
        table(corrections.drop(columns=["evidence"]), key="pos_corrections", name="corrections", name_parts={})
        ids = sorted(set(corrections["article"]))
        gold = data.dataset().gold(ids) if dataset_mode else data.store().gold(ids)
        st.download_button("Export corrected articles as gold JSON", json.dumps(gold, ensure_ascii=False, indent=1),
                           file_name=f"gold-corrections_{date.today().isoformat()}.json", mime="application/json",
                           key="pos_gold", on_click="ignore",
                           help="Measure the engine on your corrections: python -m analysis evaluate FILE.json")
