import streamlit as st

from analysis.catalog import CUE_KEYS, catalog_toml, check_catalog_text
from analysis.cues import phrase_pattern
from analysis.errors import AnalysisError, CatalogError
from analysis.preview import preview
from ui import data
from ui import workbench as wb
from ui.text import plain
from ui.widgets import context, table

SENSES = {"support": "Support", "oppose": "Oppose", "weak": "Weak (vaguer wording, lower confidence)"}
FORM_FIELDS = ("id", "label", "description", "target", *(f"{k}_phrases" for k in CUE_KEYS), *CUE_KEYS,
               *(f"{k}_tokens" for k in CUE_KEYS))


MATCH_FIRST = ["speaker", "country", "stance", "issue", "cue", "sentence", "kind", "note", "title", "pattern"]
POSITION_FIRST = ["actor", "country", "issue", "stance", "evidence", "title"]


def first(frame, columns: list[str]):
    """The columns an analyst reads first, then the rest."""
    return frame[[c for c in columns if c in frame] + [c for c in frame if c not in columns]]


def start(draft: dict, based_on: str) -> None:
    """Begin editing ``draft`` (a copy of the catalog ``based_on``, or "" for a new one)."""
    st.session_state["wb_draft"] = draft
    st.session_state["wb_based_on"] = based_on
    st.session_state["wb_issue"] = 0
    st.session_state.pop("wb_preview", None)
    forget_form()


def forget_form() -> None:
    """The issue form shows the draft again (after another issue is chosen or the draft changes)."""
    for field in FORM_FIELDS:
        st.session_state.pop(f"wb_f_{field}", None)
    for key in ("wb_h_id", "wb_h_name", "wb_h_description", "wb_h_reference", "wb_issue_pick"):
        st.session_state.pop(key, None)


def issue_label(draft: dict, index: int) -> str:
    issue = draft["issues"][index]
    cues = wb.cue_count(issue)
    return f"{issue.get('label') or issue.get('id') or 'unnamed'} ({issue.get('id', '')}) · {cues} cue(s)"


def progress_bar(bar):
    def update(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"Re-analysing {done} of {total} article(s)")
    return update


context()
catalog = data.catalog()
st.title("Catalog workbench")
if data.dataset_mode():
    st.info("Dataset mode: the dataset was analysed by the batch command with one catalog and is read-only here. "
            "Write and check catalogs in corpus mode (without DASHBOARD_DATASET), or with "
            "`python -m analysis catalog check FILE`.", icon=":material/lock:")
    st.stop()
db = data.store()
st.caption("Write the issues of a diplomatic moment in plain words, see every sentence of the corpus a draft "
           "matches and the positions it would add or remove, then save it as a new version: the articles "
           "analysed with that catalog are re-analysed. Nothing changes until you save.")

kept = st.session_state.setdefault("wb_kept", {})  # catalog id -> its unsaved draft, across sidebar switches
if st.session_state.get("wb_based_on") not in (catalog.id, "") or "wb_draft" not in st.session_state:
    left = st.session_state.get("wb_based_on")
    if left and "wb_draft" in st.session_state:
        kept[left] = st.session_state["wb_draft"]  # switching back to that catalog brings it back
    restored = kept.pop(catalog.id, None)
    start(restored or wb.draft_of(catalog), catalog.id)  # a catalog chosen in the sidebar opens here
    if restored is not None and restored != wb.draft_of(catalog):
        st.session_state["wb_restored"] = True
draft = st.session_state["wb_draft"]
if st.session_state.pop("wb_restored", False):
    st.info("Your unsaved changes to this catalog are back. 'Discard changes' returns to the saved version.",
            icon=":material/history:")

top = st.columns([3, 1, 1], vertical_alignment="bottom")
based = st.session_state["wb_based_on"]
top[0].markdown(f"Editing a copy of **{plain(catalog.name)}** (version {plain(catalog.version)})" if based
                else "Editing a **new catalog**")
if top[1].button("Start a new catalog", key="wb_new", icon=":material/add:"):
    start(wb.blank_draft(), "")
    st.rerun()
if top[2].button("Discard changes", key="wb_reset", icon=":material/undo:",
                 help="Back to the saved version of the catalog chosen in the sidebar."):
    start(wb.draft_of(catalog), catalog.id)
    st.rerun()

# ---------------------------------------------------------------- header
with st.expander("Catalog: id, name, description, reference country", expanded=not based):
    cols = st.columns(2)
    cols[0].text_input("Id (lower-case letters, digits, - and _)", value=draft.get("id", ""), key="wb_h_id",
                       help="Saving under an id that exists makes a new version of that catalog; a new id makes a "
                            "new catalog.")
    cols[1].text_input("Reference country (ISO alpha-3, or EU / NATO / UN / WTO)", value=draft.get("reference", ""),
                       key="wb_h_reference", help="The default country charts compare the others with.")
    st.text_input("Name", value=draft.get("name", ""), key="wb_h_name")
    st.text_area("Description: which diplomatic moment it covers", value=draft.get("description", ""),
                 key="wb_h_description", height=70)
    if st.button("Apply to the draft", key="wb_h_apply"):
        for key in ("id", "name", "description", "reference"):
            draft[key] = st.session_state[f"wb_h_{key}"].strip()
        st.session_state.pop("wb_preview", None)
        st.rerun()

# ---------------------------------------------------------------- issues
st.subheader("Issues")
if not draft["issues"]:
    draft["issues"].append(wb.blank_issue([]))
index = min(st.session_state.get("wb_issue", 0), len(draft["issues"]) - 1)
pick = st.columns([4, 1, 1], vertical_alignment="bottom")
chosen = pick[0].selectbox("Issue", range(len(draft["issues"])), index=index, key="wb_issue_pick",
                           format_func=lambda i: issue_label(draft, i))
if chosen != index:
    st.session_state["wb_issue"] = chosen
    forget_form()
    st.rerun()
if pick[1].button("Add an issue", key="wb_add_issue", icon=":material/add:"):
    draft["issues"].append(wb.blank_issue([i.get("id", "") for i in draft["issues"]]))
    st.session_state["wb_issue"] = len(draft["issues"]) - 1
    forget_form()
    st.rerun()
if pick[2].button("Delete this issue", key="wb_delete_issue", icon=":material/delete:",
                  disabled=len(draft["issues"]) < 2):
    draft["issues"].pop(index)
    st.session_state["wb_issue"] = max(0, index - 1)
    st.session_state.pop("wb_preview", None)
    forget_form()
    st.rerun()

issue = draft["issues"][index]
with st.form("wb_issue_form"):
    cols = st.columns([1, 2])
    cols[0].text_input("Id (stable: stored positions refer to it)", value=issue.get("id", ""), key="wb_f_id")
    cols[1].text_input("Label (shown in charts)", value=issue.get("label", ""), key="wb_f_label")
    st.text_area("What support means, in plain words", value=issue.get("description", ""), key="wb_f_description",
                 height=70)
    st.text_input("Aimed at (optional): the country whose goods or conduct the issue's measures target, as an "
                  "ISO code such as CHN; what its own officials say about them reads as opposition",
                  value=issue.get("target", ""), key="wb_f_target")
    st.caption("Cue phrases, one per line, in plain words: each word matches its other forms (\"impose tariffs\" "
               "also finds \"imposed a tariff\"), `*` stands for any one word. Write the plain form: negation and "
               "reversal (\"lifted the tariffs\", \"is not a solution\") are read by the engine.")
    cols = st.columns(3)
    for col, (key, title) in zip(cols, SENSES.items()):
        col.text_area(f"{title} phrases", value=wb.as_lines(issue.get(f"{key}_phrases")), key=f"wb_f_{key}_phrases",
                      height=150)
    with st.expander("For experts: regular expressions and spaCy token patterns"):
        st.caption("Regular expressions (Python, case-insensitive, one per line) and spaCy Matcher token patterns "
                   "(one JSON list per line, e.g. [{\"LEMMA\": \"impose\"}, {\"LOWER\": \"tariffs\"}]).")
        cols = st.columns(3)
        for col, (key, title) in zip(cols, SENSES.items()):
            col.text_area(f"{title}: regular expressions", value=wb.as_lines(issue.get(key)), key=f"wb_f_{key}",
                          height=120)
            col.text_area(f"{title}: token patterns", value=wb.as_json_lines(issue.get(f"{key}_tokens")),
                          key=f"wb_f_{key}_tokens", height=120)
    applied = st.form_submit_button("Apply to the draft", type="primary")
if applied:
    try:
        draft["issues"][index] = wb.issue_from_form({f: st.session_state[f"wb_f_{f}"] for f in FORM_FIELDS})
    except CatalogError as exc:
        st.error(plain(str(exc)), icon=":material/error:")
    else:
        st.session_state.pop("wb_preview", None)
        forget_form()
        st.rerun()

phrases = [(key, p) for key in CUE_KEYS for p in issue.get(f"{key}_phrases") or []]
if phrases:
    with st.expander(f"Patterns made from this issue's {len(phrases)} phrase(s)"):
        nlp = data.pipeline()
        rows = []
        for key, phrase in phrases:
            try:
                rows.append({"sense": key, "phrase": phrase, "pattern": str(phrase_pattern(phrase, nlp))})
            except CatalogError as exc:
                rows.append({"sense": key, "phrase": phrase, "pattern": f"not usable: {exc}"})
        st.dataframe(rows, hide_index=True, key="wb_patterns")

# ---------------------------------------------------------------- check
text = catalog_toml(draft)
checked, problems = check_catalog_text(text, f"{draft.get('id') or 'draft'}.toml")
st.subheader("Check")
if problems:
    st.error(f"The draft has {len(problems)} problem(s); fix them before previewing or saving (lines refer to the "
             "catalog file below).", icon=":material/error:")
    for problem in problems:
        st.text(str(problem))
else:
    st.success(f"The draft is a valid catalog: {len(checked.issues)} issue(s), "
               f"{sum(wb.cue_count(i) for i in draft['issues'])} cue(s).", icon=":material/check_circle:")
with st.expander("The catalog file (TOML)"):
    st.code(text, language="toml", line_numbers=True)

# ---------------------------------------------------------------- preview
st.subheader("Preview on the corpus")
st.caption("Every sentence a new or changed cue matches, with the speaker the engine gives it and the stance it "
           "would get; then the positions that would appear or disappear, compared with its saved version. It "
           "looks at the articles analysed with this catalog (what saving re-analyses); a catalog that has none yet "
           "is tried on the whole corpus, every cue listed.")
if st.button("Preview", key="wb_preview_run", icon=":material/visibility:", disabled=bool(problems)):
    saved = next((c for c in db.catalogs() if c.id == checked.id), None)
    stored = db.articles()
    own = stored.loc[stored["catalog"] == checked.id, "id"].tolist()
    try:  # the catalog's own articles (what saving re-analyses); a catalog without any: the whole corpus
        st.session_state["wb_preview"] = preview(db, checked, saved or checked,
                                                 None if saved else [i.id for i in checked.issues],
                                                 articles=own or None)
    except AnalysisError as exc:
        st.error(plain(str(exc)), icon=":material/error:")
shown = st.session_state.get("wb_preview")
if shown is not None:
    st.info(plain(shown.message), icon=":material/info:")
    parts = {"catalog": checked.id if checked else "draft"}
    st.markdown(f"**Sentences matched** ({shown.n_matches})")
    table(first(shown.matches, MATCH_FIRST), key="wb_matches", name="preview-matches", name_parts=parts)
    st.markdown(f"**Positions that would appear** ({shown.n_appear})")
    table(first(shown.appear, POSITION_FIRST), key="wb_appear", name="preview-appear", name_parts=parts)
    st.markdown(f"**Positions that would disappear** ({shown.n_disappear})")
    table(first(shown.disappear, POSITION_FIRST), key="wb_disappear", name="preview-disappear", name_parts=parts)

# ---------------------------------------------------------------- save, export, import
st.subheader("Save, export, import")
count = data.catalog_counts().get(checked.id, 0) if checked else 0
if st.button(f"Save as a new version and re-analyse its {count} article(s)", key="wb_save", type="primary",
             icon=":material/save:", disabled=bool(problems) or db.read_only):
    bar = st.progress(0.0, text="Saving")
    try:
        saved, done = db.save_catalog(text, progress_bar(bar))
    except AnalysisError as exc:
        st.error(plain(str(exc)), icon=":material/error:")
    else:
        st.session_state["wb_saved"] = (f"Saved “{saved.name}” as version {saved.version}; {done} article(s) "
                                        "re-analysed.")
        st.session_state["flt_catalog_next"] = saved.id  # the sidebar shows the catalog just saved
        start(wb.draft_of(saved), saved.id)
        st.rerun()
if done := st.session_state.pop("wb_saved", None):
    st.success(plain(done), icon=":material/check_circle:")
cols = st.columns(2)
cols[0].download_button("Export the draft (TOML)", text.encode("utf-8"),
                        file_name=f"{draft.get('id') or 'catalog'}.toml", mime="application/toml",
                        key="wb_export", icon=":material/download:")
upload = cols[1].file_uploader("Import a catalog file into the draft", type=["toml"], key="wb_import",
                               max_upload_size=1)
if upload is not None and st.button("Use this file as the draft", key="wb_import_use"):
    try:
        imported = wb.draft_from_toml(upload.getvalue().decode("utf-8", errors="replace"), upload.name)
    except CatalogError as exc:
        st.error(plain(str(exc)), icon=":material/error:")
    else:
        start(imported, "")
        st.session_state["wb_saved"] = f"Imported {upload.name} into the draft; nothing is saved until you press Save."
        st.rerun()
