import streamlit as st

from analysis.countries import codes, country_name, is_code
from analysis.errors import AnalysisError
from analysis.registry import Edit
from analysis.registry_io import read_registry_csv, registry_csv
from analysis.store import ROLE_LIMIT as ROLE_MAX
from ui import data
from ui.text import evidence_box, plain, source_line
from ui.widgets import context, nothing_matches, table

FROM = {"text": "stated in an article", "analyst": "set by an analyst", "import": "from an imported list",
        "": "no article states it, or they disagree"}


def pick_row() -> None:
    """A row clicked in the table chooses the person shown below it."""
    rows = st.session_state["ppl_table"]["selection"]["rows"]
    if rows and rows[0] < len(st.session_state["ppl_shown"]):
        st.session_state["ppl_person"] = st.session_state["ppl_shown"][rows[0]]


def save(edit: Edit, done: str, follow: str) -> None:
    """Store one registry edit; on success rerun so every table shows it (and the page the person
    ``follow`` now belongs to), else one error line."""
    try:
        data.store().edit_registry([edit], st.session_state.get("cor_analyst", ""))
    except AnalysisError as exc:
        st.error(plain(str(exc)), icon=":material/error:")
        return
    st.session_state["ppl_flash"] = done
    st.session_state["ppl_follow"] = follow
    st.session_state.pop("ppl_for", None)
    st.rerun()


def label(person) -> str:
    """"Name · DEU · 2 article(s)" for pickers (plain text: option labels are not Markdown)."""
    return " · ".join(x for x in (person.name, person.country.value, f"{person.articles} article(s)") if x)


view, selection, labels, caption = context()
parts = selection.name_parts()
st.title("People")
if data.dataset_mode():
    st.info("In dataset mode the registry is built from the dataset's people and your registry edits in "
            "DASHBOARD_DB apply to it on read, but it is curated here only in corpus mode: open the same "
            "DASHBOARD_DB without DASHBOARD_DATASET to edit people, or use `python -m analysis registry import`.",
            icon=":material/info:")
    st.stop()
tables = st.session_state["tables"]
articles = tables.articles.set_index("id")
registry = data.registry()
read_only = data.store().read_only

st.caption("One row per person across the corpus: the spellings different outlets use are one entry, with one "
           "country and one role. What you set here applies on every page, in every chart and export, and "
           "after re-analysis; each edit is kept in the corrections audit trail.")

with st.expander("Share the registry: export or import a CSV list of people", icon=":material/swap_vert:"):
    st.caption("Columns: name, variants (separated by ';'), country (ISO 3166-1 alpha-3, or EU, NATO, UN, WTO), role, "
               "source. An imported country fills in where no article states one; a country the articles state "
               "and your own edits come first. A file with a bad row imports nothing and says which line.")
    st.download_button("Download the registry (CSV)", registry_csv(registry), file_name="registry.csv",
                       mime="text/csv", key="ppl_registry_download", icon=":material/download:")
    upload = st.file_uploader("A registry CSV to import", type=["csv", "txt"], key="ppl_registry_upload",
                              disabled=read_only)
    if st.button("Import", key="ppl_registry_import", disabled=read_only or upload is None):
        try:
            imported = read_registry_csv(upload.getvalue(), upload.name)
            data.store().import_registry(imported, upload.name, st.session_state.get("cor_analyst", ""))
        except AnalysisError as exc:
            st.error(plain(str(exc)), icon=":material/error:")
        else:
            count = "1 person" if len(imported) == 1 else f"{len(imported)} people"
            st.session_state["ppl_imported"] = f"Imported {count} from {upload.name}."
            st.rerun()
    if done := st.session_state.pop("ppl_imported", None):
        st.success(plain(done), icon=":material/check_circle:")

if not registry.people:
    st.info("No people in the corpus yet. Add articles on the **Add articles** page, or import a list above.",
            icon=":material/person_off:")
    st.stop()

# ------------------------------------------------------------ the table of people
people = registry.frame()
people["variants"] = [", ".join(v for v in variants.split("; ") if v != name)
                      for name, variants in zip(people["name"], people["variants"])]
people["country_name"] = people["country"].map(country_name)
people["positions"] = people["name"].map(view.statements.groupby("actor").size()).fillna(0).astype(int)

left, right = st.columns([3, 2], vertical_alignment="bottom")
query = left.text_input("Search names and spellings", key="ppl_search", placeholder="e.g. a surname").strip()
show_not_person = right.toggle("List entries marked not a person", key="ppl_show_not_person", value=True)

chosen_by_filters = bool(selection.country or selection.article or selection.actor_type)
# The registry spans every catalog: list the people named in this catalog's articles (and those
# only an imported list names, in no article yet).
named = {p.name for p in map(registry.get, data.catalog_names(data.catalog().id)) if p is not None}
in_catalog = people["name"].isin(named) | (people["articles"] == 0)
keep = ~people["not_person"] & in_catalog
if chosen_by_filters:
    keep &= people["name"].isin(set(view.actors.loc[view.actors["actor_type"] == "person", "name"]))
if show_not_person:
    keep |= people["not_person"] & in_catalog
if query:
    keep &= (people["name"] + " " + people["variants"]).str.lower().str.contains(query.lower(), regex=False)
shown = people[keep].sort_values(["not_person", "positions", "mentions", "name"],
                                 ascending=[True, False, False, True]).reset_index(drop=True)
shown = shown[["name", "variants", "country", "country_name", "country_source", "role", "articles", "mentions",
               "positions", "not_person", "role_source"]]
if shown.empty:
    if query:
        st.info("No person's name or spelling contains that text. Clear the search box or try part of a surname.",
                icon=":material/search_off:")
    else:
        nothing_matches("people")
    st.stop()

st.session_state["ppl_shown"] = list(shown["name"])
table(shown, key="ppl", name="people", name_parts=parts, on_select=pick_row, selection_mode="single-row",
      column_config={
          "name": st.column_config.TextColumn(width=140),
          "variants": st.column_config.TextColumn("other spellings", width=100,
                                                  help="Other ways the corpus writes the name, grouped under it."),
          "country": st.column_config.TextColumn(width=60),
          "country_name": st.column_config.TextColumn("country name", width=100),
          "country_source": st.column_config.TextColumn(
              "from", width=60, help="Where the country came from: text (stated in an article; see the evidence "
                                     "below), analyst, import; empty: no article states it."),
          "role": st.column_config.TextColumn(width=140),
          "articles": st.column_config.NumberColumn(width=60, help="Articles that name the person (whole corpus)."),
          "mentions": st.column_config.NumberColumn(width=70, help="Times the person is named (whole corpus)."),
          "positions": st.column_config.NumberColumn(width=70, help="Positions under the current filters."),
          "not_person": st.column_config.CheckboxColumn("not a person", width=95),
          "role_source": st.column_config.TextColumn("role from", width=70),
      })
covers = ("the people the sidebar's Country, Actor type and Article filters select" if chosen_by_filters
          else "every person in the corpus")
st.caption(f"{len(shown)} of {len(people)} entries: {covers}"
           f"{', with the entries marked not a person (they are on no other page)' if show_not_person else ''}. "
           "Articles and mentions count the whole corpus; positions count those under all current filters. "
           "Select a row, or choose a person below, to see the evidence and correct the entry.")

# ------------------------------------------------------------ one person
st.divider()
names = list(shown["name"])
follow = st.session_state.pop("ppl_follow", None)  # after an edit: the person it made, whatever their name now
# ppl_chosen outlives the widget, whose state Streamlit drops while another page is open
current = follow or st.session_state.get("ppl_person") or st.session_state.get("ppl_chosen")
if current not in names:
    found = registry.get(current) if current else None  # a merge or a split can change the canonical name
    st.session_state["ppl_person"] = found.name if found is not None and found.name in names else names[0]
elif follow:
    st.session_state["ppl_person"] = follow
name = st.selectbox("Person", names, key="ppl_person", format_func=lambda n: label(registry.get(n)),
                    help="Type part of a name to find a person of the table above.")
person = registry.get(name)
st.session_state["ppl_chosen"] = name

st.subheader(plain(person.name))
if len(person.variants) > 1:
    st.markdown("Also written: " + " · ".join(f"**{plain(v)}**" for v in person.variants if v != person.name))
if person.not_person:
    st.warning("Marked **not a person**: this entry, its positions and its reactions are left out of every other "
               "page, chart and export. Undo it under *Correct this entry* below.", icon=":material/person_off:")
code = person.country.value
cols = st.columns(2)
cols[0].markdown(f"**Country:** {f'{plain(country_name(code))} ({code})' if code else 'unknown'}  \n"
                 f":gray[{FROM.get(person.country.source, plain(person.country.source))}]")
cols[1].markdown(f"**Role:** {plain(person.role.value) if person.role.value else 'unknown'}  \n"
                 f":gray[{FROM.get(person.role.source, plain(person.role.source))}]")

# The sentence behind the country, and behind the role: the actors table keeps, for each article,
# the offsets of the sentence that stated the person's country (else role) there.
mine = tables.actors[(tables.actors["name"] == person.name) & (tables.actors["actor_type"] == "person")]
stated = mine[mine["evidence_end"] > 0]
evidence = []
if person.country.source == "text":
    rows = stated[stated["article"] == person.country.article]
    if not rows.empty:
        evidence.append(("country", rows.iloc[0]))
    elif person.country.evidence:  # the registry's own copy of the sentence
        evidence.append(("country", None))
if person.role.source == "text":
    rows = stated[stated["role"] == person.role.value]
    if not rows.empty:
        evidence.append(("role", rows.iloc[0]))
if len(evidence) == 2 and evidence[0][1] is not None and \
        (evidence[0][1]["article"], evidence[0][1]["evidence_start"]) == \
        (evidence[1][1]["article"], evidence[1][1]["evidence_start"]):
    evidence = [("country and role", evidence[0][1])]
for what, row in evidence:
    if row is None:
        article = articles.loc[person.country.article] if person.country.article in articles.index else None
        if article is not None:
            st.html(source_line(article["title"], article["source"], article["date"], prefix=f"The {what}, from "))
        st.html(evidence_box(person.country.evidence, [(0, len(person.country.evidence))], height=120))
        continue
    article = articles.loc[row["article"]]
    st.html(source_line(article["title"], article["source"], article["date"], prefix=f"The {what}, as stated in "))
    st.html(evidence_box(article["text"], [(int(row["evidence_start"]), int(row["evidence_end"]))], height=200))

if not mine.empty:
    st.markdown("**In the articles**")
    per_article = mine.assign(title=mine["article"].map(articles["title"]), date=mine["article"].map(articles["date"]))
    per_article = per_article[["title", "date", "country", "country_source", "role", "mentions"]]
    table(per_article.sort_values(["date", "title"]),
          key="ppl_articles", name=f"articles-of-{person.name}", name_parts={},
          column_config={"country_source": st.column_config.TextColumn(
              "country from", help="text: this article states it; corpus: another article states it; analyst: "
                                   "set by an analyst; import: an imported list.")})

positions = view.statements[view.statements["actor"] == person.name]
st.markdown(f"**Positions** ({len(positions)}, under the current filters)")
if positions.empty:
    st.info("An entry marked not a person has no positions on any page." if person.not_person else
            "No positions of this person under the current filters.")
else:
    table(positions.assign(article_title=positions["article"].map(articles["title"]),
                           issue=positions["issue"].map(labels))
          [["issue", "stance", "country", "evidence", "article_title", "kind", "confidence", "quote"]],
          key="ppl_positions", name=f"positions-of-{person.name}", name_parts=parts,
          column_config={"evidence": st.column_config.TextColumn(width="large"),
                         "article_title": st.column_config.TextColumn("article", width=160)})

# ------------------------------------------------------------ corrections
st.divider()
st.subheader("Correct this entry")
flash = st.session_state.pop("ppl_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")
if read_only:
    st.info("The corpus database is read-only: people cannot be edited. To edit, copy the database to a writable "
            "folder and point DASHBOARD_DB at the copy.", icon=":material/lock:")
else:
    st.caption("An edit applies to every article that names this person, now and after re-analysis.")

if st.session_state.get("ppl_for") != person.name:  # another person: the forms start from what is known of them
    for key in ("ppl_country", "ppl_role", "ppl_merge_with"):
        st.session_state.pop(key, None)
    st.session_state["ppl_for"] = person.name
st.session_state.setdefault("ppl_country", person.country.value)  # also after a visit to another page
st.session_state.setdefault("ppl_role", person.role.value)

st.text_input("Your name (optional, stored with each correction)", key="cor_analyst", disabled=read_only)
country_tab, role_tab, merge_tab, split_tab, flag_tab = st.tabs(
    ["Country", "Role", "Merge with another entry", "Split a spelling out", "Not a person"], key="ppl_tabs")

with country_tab:
    options = ["", *codes()]
    if st.session_state["ppl_country"] not in options:  # an imported value no library knows: shown, refused below
        options.append(st.session_state["ppl_country"])
    choice = st.selectbox("Country", options, key="ppl_country", disabled=read_only,
                          format_func=lambda c: f"{country_name(c)} ({c})" if c else "automatic: what the articles state",
                          help="A country (ISO 3166-1) or EU, NATO, UN, WTO. Type a name or a code to find it.")
    if st.button("Set country", key="ppl_country_save", type="primary", disabled=read_only):
        new = (choice or "").strip().upper()
        if new and not is_code(new):
            st.error(f"{plain(repr(choice))} is not a country code: choose a country (ISO 3166-1) or EU, NATO, UN, WTO "
                     "from the list.", icon=":material/error:")
        elif new:
            save(Edit("country", person.name, value=new),
                 f"{plain(person.name)}: country set to {plain(country_name(new))} ({new}) everywhere.", person.name)
        else:
            save(Edit("country", person.name),
                 f"{plain(person.name)}: your country removed; back to what the articles state.", person.name)

with role_tab:
    role = st.text_input("Role", key="ppl_role", max_chars=ROLE_MAX, disabled=read_only,
                         placeholder="e.g. Foreign Minister")
    set_col, clear_col = st.columns([1, 4])
    if set_col.button("Set role", key="ppl_role_save", type="primary", disabled=read_only):
        role = " ".join(role.split())
        if not role:
            st.error("Type the role (e.g. Foreign Minister), or press Undo my role to go back to what the articles state.",
                     icon=":material/error:")
        elif len(role) > ROLE_MAX:
            st.error(f"The role has {len(role)} characters; keep it to {ROLE_MAX} (a title, not a note).",
                     icon=":material/error:")
        else:
            save(Edit("role", person.name, value=role), f"{plain(person.name)}: role set to {plain(role)} everywhere.",
                 person.name)
    if clear_col.button("Undo my role", key="ppl_role_clear", disabled=read_only or person.role.source != "analyst"):
        save(Edit("role", person.name), f"{plain(person.name)}: your role removed; back to what the articles state.",
             person.name)

with merge_tab:
    others = sorted((p.name for p in registry.people if p.name != person.name), key=str.lower)
    other = st.selectbox("Same person as", others, key="ppl_merge_with", index=None, disabled=read_only,
                         placeholder="Choose an entry", format_func=lambda n: label(registry.get(n)),
                         help="Two entries that are one real person (a nickname, a spelling the engine did not "
                              "recognise). The fullest name becomes the name shown.")
    theirs = registry.get(other).country.value if other else ""
    if theirs and code and theirs != code:
        st.warning(f"The two entries have different countries ({code}, {theirs}): check that they are one person.",
                   icon=":material/warning:")
    if st.button("Merge", key="ppl_merge_save", type="primary", disabled=read_only):
        if not other:
            st.error("Choose the entry that is the same person.", icon=":material/error:")
        else:
            save(Edit("merge", person.name, other), f"{plain(person.name)} and {plain(other)} are now one person.",
                 person.name)

with split_tab:
    if len(person.variants) < 2:
        st.caption("This entry has one spelling: there is nothing to split out.")
    else:
        variant = st.selectbox("Spelling that is another person", person.variants, key="ppl_split_name",
                               disabled=read_only,
                               help="That spelling becomes an entry of its own and is no longer grouped automatically.")
        if st.button("Split out", key="ppl_split_save", type="primary", disabled=read_only):
            rest = next(v for v in person.variants if v != variant)
            save(Edit("split", variant), f"{plain(variant)} is now an entry of its own.", rest)

with flag_tab:
    if person.not_person:
        st.caption("Marked not a person. Mark it as a person again to bring its positions and reactions back.")
        if st.button("Mark as a person again", key="ppl_person_save", type="primary", disabled=read_only):
            save(Edit("person", person.name), f"{plain(person.name)} is a person again; their positions are back.",
                 person.name)
    else:
        st.caption("For an entry that names no person (a place, a building, an object, a headline fragment): its "
                   "positions and reactions are left out everywhere. It stays listed here, so it can be undone.")
        if st.button("Mark as not a person", key="ppl_not_person_save", disabled=read_only):
            save(Edit("not_person", person.name),
                 f"{plain(person.name)} is marked not a person; their positions are left out everywhere.", person.name)
