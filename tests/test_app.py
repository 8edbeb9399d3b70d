"""AppTest over every page on the seed corpus, then behaviour through widget keys."""

import os
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest, app_test

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["pages/overview.py", "pages/map.py", "pages/actors.py", "pages/people.py", "pages/positions.py",
         "pages/reactions.py", "pages/articles.py", "pages/timeline.py", "pages/add.py", "pages/catalog.py"]


class _NavigationPagesManager(PagesManager):
    """AppTest rebuilds its PagesManager on every run, and a folder named pages/ then switches it to
    the old pages-directory mode, which reruns the page file alone instead of dashboard.py (seen
    with streamlit 1.67). The real server keeps the navigation mode that st.navigation sets, so
    the tests do the same."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture()
def app(monkeypatch, tmp_path):
    monkeypatch.setattr(app_test, "PagesManager", _NavigationPagesManager)
    monkeypatch.setenv("DASHBOARD_CORPUS", str(ROOT / "seeds"))
    monkeypatch.setenv("DASHBOARD_DB", str(tmp_path / "app.db"))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(app, page):
    app.run()
    app.switch_page(page).run()
    assert not app.exception
    assert app.title, f"{page} shows no title"


def positions_rows(app):
    return len(app.dataframe(key="pos_table").value)


def test_country_filter_changes_rows_and_url(app):
    app.run()
    app.switch_page("pages/positions.py").run()
    everything = positions_rows(app)
    app.multiselect(key="flt_country").set_value(["DEU", "FRA"]).run()
    filtered = app.dataframe(key="pos_table").value
    assert 0 < len(filtered) < everything
    assert set(filtered["country"]) == {"DEU", "FRA"}
    assert app.query_params["country"] == ["DEU", "FRA"]


def test_evidence_column_comes_before_the_details_and_is_wide(app):
    app.run()
    app.switch_page("pages/positions.py").run()
    import json

    table = app.dataframe(key="pos_table").proto
    order = list(table.column_order)
    assert order.index("evidence") == 4 and order[:4] == ["actor", "country", "issue_label", "stance"]
    widths = {k: v.get("width") for k, v in json.loads(table.columns).items()}
    assert widths["evidence"] == "large"
    # the columns before it, plus the row-selection box, leave the evidence inside a 900 px wide table
    assert 40 + sum(widths[c] for c in order[:4]) + 400 <= 900


def test_filter_matching_nothing_shows_message(app):
    app.run()
    app.multiselect(key="flt_country").set_value(["LVA"]).run()
    app.multiselect(key="flt_stance").set_value(["oppose"]).run()
    assert not app.exception
    assert any("No positions match" in i.value for i in app.info)


def test_filters_come_from_the_url(app):
    app.query_params["country"] = ["POL"]
    app.query_params["issue"] = ["military_aid"]
    app.run()
    assert app.session_state["flt_country"] == ["POL"]
    assert app.metric[3].value == "2"  # Poland (Sikorski) on military aid, said twice


def test_reference_country_changes_alignment(app):
    app.run()
    app.switch_page("pages/map.py").run()
    app.selectbox(key="flt_reference").set_value("UKR").run()
    assert not app.exception
    scores = app.dataframe[0].value  # a read-only table carries no widget key in AppTest
    assert "UKR" not in set(scores["country"]) and "USA" in set(scores["country"])


def test_add_pasted_article_then_correct_a_stance(app):
    app.run()
    app.switch_page("pages/add.py").run()
    app.text_area(key="add_paste").input(
        "Title: Nordic call\n\nNorwegian Prime Minister Kari Lunde said Oslo would keep sanctions on Russia in place. "
        "She added that a ceasefire must come first.").run()
    app.button(key="add_submit").click().run()
    assert not app.exception
    assert any("stored" in s.value for s in app.success)
    app.switch_page("pages/positions.py").run()
    app.multiselect(key="flt_country").set_value(["NOR"]).run()
    rows = app.dataframe(key="pos_table").value
    assert set(rows["issue"]) == {"sanctions", "ceasefire"}

    app.toggle(key="pos_edit").set_value(True).run()
    # change the stance of the sanctions row through the editor's widget state, then save
    base = app.session_state["tables"].statements
    nor = base[base["country"] == "NOR"].reset_index(drop=True)
    row = int(nor.index[nor["issue"] == "sanctions"][0])
    app.session_state["pos_editor"] = {"edited_rows": {row: {"stance": "oppose"}}, "added_rows": [], "deleted_rows": []}
    app.button(key="pos_save").click().run()
    assert not app.exception
    after = app.session_state["tables"].statements
    fixed = after[(after["country"] == "NOR") & (after["issue"] == "sanctions")]
    assert list(fixed["stance"]) == ["oppose"] and bool(fixed["corrected"].iloc[0])


def test_bad_upload_shows_message_and_keeps_corpus(app):
    app.run()
    before = len(app.session_state["tables"].articles)
    app.switch_page("pages/add.py").run()
    app.text_area(key="add_paste").input("   ").run()
    app.button(key="add_submit").click().run()
    assert any("Choose a file or paste" in w.value for w in app.warning)
    assert len(app.session_state["tables"].articles) == before


def test_correction_with_unknown_country_code_is_refused(app):
    app.run()
    app.switch_page("pages/positions.py").run()
    app.toggle(key="pos_edit").set_value(True).run()
    app.session_state["pos_editor"] = {"edited_rows": {0: {"country": "XYZ"}}, "added_rows": [], "deleted_rows": []}
    app.button(key="pos_save").click().run()
    assert any("not a country code" in e.value for e in app.error)
    from analysis.store import Store

    assert Store(os.environ["DASHBOARD_DB"]).corrections().empty


# ------------------------------------------------------------ issue 8: plain text, bad databases, Add page

HOSTILE_TITLE = "![x](http://example.invalid/p.png)"
HOSTILE_SOURCE = "[src](http://example.invalid/s) :red[alert]"
NORDIC = ROOT / "tests" / "articles" / "nordic-ceasefire-split.txt"


def hostile_db(path):
    from analysis.reader import parse_article
    from analysis.store import Store

    store = Store(path)
    store.ingest([("evil.txt", parse_article("German Foreign Minister Anna Berg said sanctions on Russia must stay "
                                             "in place.", "evil.txt", title=HOSTILE_TITLE, source=HOSTILE_SOURCE))])
    return store


def rendered_markdown(app) -> str:
    """Every Markdown string on the page (main area and messages) rendered as CommonMark HTML."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    bodies = [m.value for m in app.markdown] + [m.value for m in app.caption] + [m.value for m in app.success] + \
        [m.value for m in app.info] + [m.value for m in app.warning] + [m.value for m in app.error] + \
        [m.value for m in app.subheader]
    return "\n".join(md.render(b) for b in bodies)


def test_article_metadata_is_shown_as_plain_text(app, nlp):
    import html

    hostile_db(os.environ["DASHBOARD_DB"])
    app.run()
    app.switch_page("pages/articles.py").run()
    assert not app.exception
    lines = [h.proto.body for h in app.get("html") if "example.invalid" in h.proto.body]
    assert lines == [f"<p style='margin:0 0 0.5rem 0'><b>{html.escape(HOSTILE_TITLE)}</b> · "
                     f"{html.escape(HOSTILE_SOURCE)} · undated</p>"]
    rendered = rendered_markdown(app)
    assert "<img" not in rendered and "example.invalid\"" not in rendered
    app.switch_page("pages/add.py").run()
    assert not app.exception
    assert "<img" not in rendered_markdown(app)


def test_pasted_title_with_markdown_is_stored_and_echoed_literally(app):
    app.run()
    app.switch_page("pages/add.py").run()
    app.text_area(key="add_paste").input("Danish Defence Minister Mads Holm said Denmark would send more air "
                                         "defence systems to Ukraine.").run()
    app.text_input(key="add_title").input(HOSTILE_TITLE).run()
    app.text_input(key="add_source").input(HOSTILE_SOURCE).run()
    app.button(key="add_submit").click().run()
    assert not app.exception
    titles = set(app.session_state["tables"].articles["title"])
    assert HOSTILE_TITLE in titles
    assert "<img" not in rendered_markdown(app)
    # the form is empty again for the next article
    assert app.text_area(key="add_paste").value == ""
    assert app.text_input(key="add_title").value == "" and app.text_input(key="add_source").value == ""
    assert any("1 article(s) stored" in s.value for s in app.success)


def test_size_caption_and_uploader_share_the_limit(app, monkeypatch):
    monkeypatch.setenv("DASHBOARD_MAX_BYTES", str(2 * 1024 * 1024))
    app.run()
    app.switch_page("pages/add.py").run()
    assert any("up to 2.0 MB each" in c.value for c in app.caption)
    [uploader] = app.get("file_uploader")
    assert uploader.proto.max_upload_size_mb == 2


@pytest.mark.parametrize("case, message", [
    ("folder", "points at the folder"),
    ("foreign", "not a dashboard corpus database"),
    ("future", "newer version of the dashboard"),
])
def test_unusable_database_shows_one_error(app, monkeypatch, tmp_path, case, message):
    import sqlite3

    if case == "folder":
        monkeypatch.setenv("DASHBOARD_DB", str(tmp_path))
    else:
        path = tmp_path / "x.db"
        con = sqlite3.connect(path)
        if case == "foreign":
            con.execute("CREATE TABLE contacts (name TEXT)")
        else:
            con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            con.execute("INSERT INTO schema_version VALUES (42)")
        con.commit()
        con.close()
        monkeypatch.setenv("DASHBOARD_DB", str(path))
    app.run()
    assert not app.exception
    assert len(app.error) == 1 and message in app.error[0].value


def test_new_database_in_read_only_folder_shows_one_error(app, monkeypatch, tmp_path):
    from readonly_fs import read_only

    folder = tmp_path / "locked"
    folder.mkdir()
    monkeypatch.setenv("DASHBOARD_DB", str(folder / "new.db"))
    with read_only(folder):
        app.run()
    assert not app.exception
    assert len(app.error) == 1 and "folder is not writable" in app.error[0].value


def test_read_only_database_is_browsable_with_edits_disabled(app, monkeypatch, tmp_path, nlp):
    from analysis.reader import read_file
    from analysis.store import Store
    from readonly_fs import read_only

    folder = tmp_path / "shared"
    folder.mkdir()
    Store(folder / "corpus.db").ingest([("nordic", read_file(NORDIC))])
    monkeypatch.setenv("DASHBOARD_DB", str(folder / "corpus.db"))
    with read_only(folder):
        app.run()
        assert not app.exception
        assert any("Read-only corpus" in i.value and "not writable" in i.value for i in app.info)
        assert len(app.session_state["tables"].articles) == 1
        app.switch_page("pages/positions.py").run()
        assert not app.exception and app.toggle(key="pos_edit").disabled
        assert len(app.dataframe(key="pos_table").value) > 0
        app.switch_page("pages/people.py").run()
        assert not app.exception and any("read-only" in i.value for i in app.info)
        assert len(app.dataframe(key="ppl_table").value) > 0
        assert all(app.button(key=k).disabled for k in ("ppl_country_save", "ppl_role_save", "ppl_merge_save",
                                                         "ppl_not_person_save"))
        app.switch_page("pages/add.py").run()
        assert not app.exception
        assert app.button(key="add_submit").disabled and app.button(key="del_ask").disabled


def test_delete_article_asks_for_confirmation_then_deletes(app):
    app.run()
    app.switch_page("pages/add.py").run()
    [seed_id] = list(app.session_state["tables"].articles["id"])
    app.selectbox(key="del_article").set_value(seed_id).run()
    app.button(key="del_ask").click().run()
    assert not app.exception
    assert any("cannot be undone" in w.value for w in app.warning)
    assert len(app.session_state["tables"].articles) == 1  # nothing deleted before confirming
    app.button(key="del_cancel").click().run()
    assert len(app.session_state["tables"].articles) == 1 and not any("cannot be undone" in w.value for w in app.warning)
    app.button(key="del_ask").click().run()
    app.text_input(key="del_analyst").input("ana").run()
    app.button(key="del_confirm").click().run()
    assert not app.exception
    assert app.session_state["tables"].articles.empty
    assert app.session_state["tables"].statements.empty
    assert any("Deleted" in s.value for s in app.success)
    from analysis.store import Store

    audit = Store(os.environ["DASHBOARD_DB"]).corrections()
    assert list(zip(audit["action"], audit["article"], audit["analyst"])) == [("delete_article", seed_id, "ana")]

    # an emptied corpus stays empty after a restart (no re-seeding) and every page still renders
    from ui import data

    data._open_store.clear()
    for page in PAGES:
        app.switch_page(page).run()
        assert not app.exception, page
    assert app.session_state["tables"].articles.empty


def test_pasted_article_with_an_invalid_date_is_refused_with_how_to_write_it(app):
    app.run()
    before = len(app.session_state["tables"].articles)
    app.switch_page("pages/add.py").run()
    app.text_area(key="add_paste").input("Title: Talks\nDate: 31/02/2025\n\nThe minister said talks must start.").run()
    app.button(key="add_submit").click().run()
    assert not app.exception
    assert any("the date '31/02/2025'" in e.value and "YYYY" in e.value for e in app.error)
    assert len(app.session_state["tables"].articles) == before
    assert "31/02/2025" in app.text_area(key="add_paste").value  # kept, so it can be corrected


# ------------------------------------------------------------ issue 9: the People page (actor registry)

# Invented people in short articles written for these tests: one person written three ways (a full
# name with her country, the same name with an accent, a nickname the registry does not join on its
# own) and one entry an analyst may call not a person.
PEOPLE_ARTICLES = {
    "oslo.txt": "Title: Oslo keeps the pressure on\nDate: 2025-03-10\n\nNorwegian Foreign Minister Katarina Holm "
                "said sanctions on Russia must stay in place until the war ends.",
    "aid.txt": "Title: A northern voice on aid\nDate: 2025-03-11\n\nKati Holm said her government would keep "
               "sending military aid to Ukraine.",
    "bergen.txt": "Title: Talks in Bergen\nDate: 2025-03-12\n\nKatarína Holm said a ceasefire must come before any "
                  "talks. Analyst Erik Dahl said the sanctions were working.",
}


@pytest.fixture(scope="module")
def people_corpus(tmp_path_factory):
    """A database with the seed corpus and PEOPLE_ARTICLES, built once and copied for each test."""
    from analysis.reader import parse_article, read_file
    from analysis.store import Store

    path = tmp_path_factory.mktemp("people") / "people.db"
    seeds = [(str(f), read_file(f)) for f in sorted((ROOT / "seeds").iterdir())]
    Store(path).ingest(seeds + [(name, parse_article(text, name)) for name, text in PEOPLE_ARTICLES.items()])
    return path


@pytest.fixture()
def people_app(app, people_corpus):
    import shutil

    shutil.copy(people_corpus, os.environ["DASHBOARD_DB"])
    app.run()
    app.switch_page("pages/people.py").run()
    assert not app.exception
    return app


def people_rows(app, query=""):
    """The People table as the analyst sees it, after typing ``query`` in its search box."""
    app.text_input(key="ppl_search").input(query).run()
    return app.dataframe(key="ppl_table").value


def choose(app, name):
    app.selectbox(key="ppl_person").set_value(name).run()
    assert not app.exception
    assert app.subheader[0].value == name


def stored():
    from analysis.store import Store

    return Store(os.environ["DASHBOARD_DB"])


def test_people_page_lists_each_person_once_with_spellings_and_evidence(people_app):
    app = people_app
    rows = people_rows(app, "holm")
    assert list(zip(rows["name"], rows["variants"], rows["country"], rows["country_source"], rows["articles"])) == [
        ("Katarina Holm", "Katarína Holm", "NOR", "text", 2), ("Kati Holm", "", "", "", 1)]
    choose(app, "Katarina Holm")
    evidence = [h.proto.body for h in app.get("html") if "<mark" in h.proto.body]
    assert evidence and "Norwegian Foreign Minister Katarina Holm said sanctions" in evidence[0]
    assert any("The country and role, as stated in <b>Oslo keeps the pressure on</b>" in h.proto.body
               for h in app.get("html"))
    # a read-only table carries no widget key in AppTest: the person's positions are the one with an article title
    [positions] = [d.value for d in app.dataframe if "article_title" in d.value.columns]
    assert sorted(positions["issue"]) == ["Immediate ceasefire", "Sanctions on Russia"]


def test_people_page_sets_a_country_everywhere(people_app):
    app = people_app
    choose(app, "Kati Holm")
    app.text_input(key="cor_analyst").input("ana").run()
    app.selectbox(key="ppl_country").set_value("SWE").run()
    app.button(key="ppl_country_save").click().run()
    assert not app.exception
    assert [s.value for s in app.success] == ["Kati Holm: country set to Sweden (SWE) everywhere."]
    assert app.selectbox(key="ppl_person").value == "Kati Holm"
    row = people_rows(app, "kati").iloc[0]
    assert (row["name"], row["country"], row["country_source"]) == ("Kati Holm", "SWE", "analyst")

    store = stored()
    positions = store.tables().statements.query("actor == 'Kati Holm'")
    assert list(zip(positions["issue"], positions["country"], positions["country_source"])) == [
        ("military_aid", "SWE", "analyst")]
    audit = store.corrections()
    assert list(zip(audit["action"], audit["target"], audit["country"], audit["analyst"])) == [
        ("person_country", "Kati Holm", "SWE", "ana")]


def test_people_page_refuses_an_empty_role(people_app):
    app = people_app
    choose(app, "Kati Holm")
    assert app.text_input(key="ppl_role").max_chars == 80  # the browser stops typing there
    app.text_input(key="ppl_role").input("   ").run()
    app.button(key="ppl_role_save").click().run()
    assert not app.exception
    assert [e.value for e in app.error] == ["Type the role (e.g. Foreign Minister), or press Undo my role to go back to what the articles state."]
    assert stored().corrections().empty
    assert people_rows(app, "kati").iloc[0]["role"] == ""


def test_people_page_sets_a_role(people_app):
    app = people_app
    choose(app, "Kati Holm")
    app.text_input(key="ppl_role").input("  Deputy   Minister ").run()
    app.button(key="ppl_role_save").click().run()
    assert not app.exception
    row = people_rows(app, "kati").iloc[0]
    assert (row["role"], row["role_source"]) == ("Deputy Minister", "analyst")
    assert list(stored().tables().statements.query("actor == 'Kati Holm'")["role"]) == ["Deputy Minister"]


def test_people_page_merges_two_entries_then_splits_them_again(people_app):
    app = people_app
    choose(app, "Kati Holm")
    app.selectbox(key="ppl_merge_with").set_value("Katarina Holm").run()
    app.button(key="ppl_merge_save").click().run()
    assert not app.exception
    rows = people_rows(app, "holm")
    assert list(zip(rows["name"], rows["variants"], rows["country"], rows["articles"])) == [
        ("Katarina Holm", "Katarína Holm, Kati Holm", "NOR", 3)]
    assert app.selectbox(key="ppl_person").value == "Katarina Holm"
    aid = stored().tables().statements.query("issue == 'military_aid' and actor.str.contains('Holm')")
    assert list(zip(aid["actor"], aid["country"], aid["country_source"])) == [("Katarina Holm", "NOR", "corpus")]

    app.selectbox(key="ppl_split_name").set_value("Kati Holm").run()
    app.button(key="ppl_split_save").click().run()
    assert not app.exception
    rows = people_rows(app, "holm")
    assert list(zip(rows["name"], rows["articles"])) == [("Katarina Holm", 2), ("Kati Holm", 1)]
    aid = stored().tables().statements.query("issue == 'military_aid' and actor.str.contains('Holm')")
    assert list(zip(aid["actor"], aid["country"])) == [("Kati Holm", "")]
    assert list(stored().corrections()["action"]) == ["person_merge", "person_split"]


def test_people_page_marks_an_entry_not_a_person_and_back(people_app):
    app = people_app

    def positions_of_dahl():
        app.switch_page("pages/positions.py").run()
        assert not app.exception
        shown = app.dataframe(key="pos_table").value
        app.switch_page("pages/people.py").run()
        assert not app.exception
        return len(shown[shown["actor"] == "Erik Dahl"])

    assert positions_of_dahl() == 1
    choose(app, "Erik Dahl")
    app.button(key="ppl_not_person_save").click().run()
    assert not app.exception
    assert positions_of_dahl() == 0
    row = people_rows(app, "dahl").iloc[0]
    assert (row["name"], bool(row["not_person"]), row["positions"]) == ("Erik Dahl", True, 0)

    assert app.subheader[0].value == "Erik Dahl"  # still the person shown after a visit to another page
    app.button(key="ppl_person_save").click().run()
    assert not app.exception
    assert positions_of_dahl() == 1
    assert list(stored().corrections()["action"]) == ["person_not_person", "person_person"]


def test_actors_page_lists_one_row_per_person_across_articles(people_app):
    app = people_app
    app.switch_page("pages/actors.py").run()
    assert not app.exception
    rows = app.dataframe(key="act_table").value
    holm = rows[rows["name"].str.contains("Holm")]
    assert list(zip(holm["name"], holm["country"], holm["articles"])) == [
        ("Katarina Holm", "NOR", 2), ("Kati Holm", "", 1)]
    app.toggle(key="act_per_person").set_value(False).run()
    assert not app.exception
    rows = app.dataframe(key="act_table").value
    holm = rows[rows["name"].str.contains("Holm")]
    # one row per article, each under the one name the registry gives the person
    assert sorted(zip(holm["name"], holm["article title"])) == [
        ("Katarina Holm", "Oslo keeps the pressure on"), ("Katarina Holm", "Talks in Bergen"),
        ("Kati Holm", "A northern voice on aid")]


# ------------------------------------------------------------ several issue catalogs side by side

@pytest.fixture(scope="module")
def two_catalogs(tmp_path_factory):
    """The seed corpus (default catalog) plus two small test catalogs with articles in each
    (tests/catalog_fixture.py), built once and copied for each test."""
    from catalog_fixture import build

    return build(tmp_path_factory.mktemp("two-catalogs") / "two.db", seed=True).path


@pytest.fixture()
def catalog_app(app, two_catalogs):
    import shutil

    shutil.copy(two_catalogs, os.environ["DASHBOARD_DB"])
    return app


OTHER_CATALOGS = {"trade-test": ("Steel tariffs", "steel_tariffs", "Anna Berg"),
                  "ports-test": ("Port access", "port_access", "Pieter Vos"),
                  "ukraine-war": ("Sanctions on Russia", "sanctions", "Hegseth")}


def shown_text(app) -> str:
    """Every table cell, Markdown string, caption and chart spec on the page, as one string."""
    parts = [d.value.to_string() for d in app.dataframe] + [m.value for m in app.markdown] + \
        [c.value for c in app.caption] + [h.proto.body for h in app.get("html")] + \
        [c.proto.spec for c in app.get("plotly_chart")]
    return "\n".join(parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_selected_catalogs_articles_only(catalog_app, page):
    app = catalog_app
    app.run()
    assert app.selectbox(key="flt_catalog").value == "ukraine-war"  # two catalogs have articles: the default
    app.selectbox(key="flt_catalog").set_value("trade-test").run()
    app.switch_page(page).run()
    assert not app.exception
    assert app.query_params["catalog"] == "trade-test"
    view = app.session_state["view"]
    assert set(view.statements["issue"]) == {"steel_tariffs"}
    assert sorted(view.articles["title"]) == ["Steel talks", "Tariff row"]
    assert set(view.actors["name"]) == {"Anna Berg", "Luc Moreau"}
    text = shown_text(app)
    for catalog_id, words in OTHER_CATALOGS.items():
        if catalog_id != "trade-test":
            assert not any(w in text for w in words), (catalog_id, page)
    if page in ("pages/overview.py", "pages/positions.py", "pages/timeline.py", "pages/actors.py", "pages/people.py"):
        assert "Steel tariffs" in text or "Anna Berg" in text


def test_the_catalog_comes_from_the_url_and_its_labels_and_reference_apply(catalog_app):
    app = catalog_app
    app.query_params["catalog"] = "ports-test"
    app.run()
    assert not app.exception
    assert app.selectbox(key="flt_catalog").value == "ports-test"
    assert app.selectbox(key="flt_reference").value == "NLD"  # the catalog's reference
    assert app.metric[0].value == "1" and app.metric[3].value == "1"
    assert app.markdown[0].value.startswith("**Harbour dispute \\(test\\)**")  # name and description, plain text
    app.switch_page("pages/positions.py").run()
    rows = app.dataframe(key="pos_table").value
    assert list(zip(rows["actor"], rows["issue_label"], rows["stance"])) == [("Pieter Vos", "Port access", "support")]
    assert app.multiselect(key="flt_issue").options == ["Port access"]


def test_switching_catalog_in_the_sidebar_changes_tables_reference_and_url(catalog_app):
    app = catalog_app
    app.run()
    app.switch_page("pages/positions.py").run()
    seed_rows = len(app.dataframe(key="pos_table").value)
    assert app.selectbox(key="flt_reference").value == "USA"
    app.selectbox(key="flt_catalog").set_value("ports-test").run()
    assert not app.exception
    assert len(app.dataframe(key="pos_table").value) == 1 < seed_rows
    assert app.selectbox(key="flt_reference").value == "NLD"
    assert app.query_params["catalog"] == "ports-test" and app.query_params["ref"] == "NLD"
    app.selectbox(key="flt_reference").set_value("USA").run()  # chosen by the analyst: kept on the next switch
    app.selectbox(key="flt_catalog").set_value("trade-test").run()
    assert app.selectbox(key="flt_reference").value == "USA"
    assert set(app.dataframe(key="pos_table").value["issue_label"]) == {"Steel tariffs"}


def test_reference_precedence_url_then_setting_then_catalog(catalog_app, monkeypatch):
    monkeypatch.setenv("DASHBOARD_REFERENCE", "FRA")
    app = catalog_app
    app.query_params["catalog"] = "trade-test"
    app.run()
    assert app.selectbox(key="flt_reference").value == "FRA"  # the setting, when set, beats the catalog's DEU
    app.selectbox(key="flt_catalog").set_value("ports-test").run()
    assert app.selectbox(key="flt_reference").value == "FRA"


def test_reference_in_the_url_beats_the_setting(catalog_app, monkeypatch):
    monkeypatch.setenv("DASHBOARD_REFERENCE", "FRA")
    catalog_app.query_params["catalog"] = "trade-test"
    catalog_app.query_params["ref"] = "POL"
    catalog_app.run()
    assert catalog_app.selectbox(key="flt_reference").value == "POL"


def test_a_bad_catalog_in_the_url_gives_one_warning_and_the_default(catalog_app):
    app = catalog_app
    app.query_params["catalog"] = "no-such-catalog"
    app.run()
    assert not app.exception
    [warning] = [w.value for w in app.warning]
    assert "no\\-such\\-catalog" in warning and "not available" in warning
    assert app.selectbox(key="flt_catalog").value == "ukraine-war"
    assert app.query_params["catalog"] == "ukraine-war"


def test_the_only_catalog_with_articles_is_chosen_by_default(app, nlp):
    from catalog_fixture import PORTS, PORTS_ARTICLES, articles
    from analysis.store import Store

    store = Store(os.environ["DASHBOARD_DB"])
    store.save_catalog(PORTS)
    store.ingest(articles(PORTS_ARTICLES), catalog_path=store.catalog_path("ports-test"))
    app.run()
    assert not app.exception
    assert app.selectbox(key="flt_catalog").value == "ports-test"
    assert app.metric[0].value == "1"


def test_the_add_page_ingests_with_the_selected_catalog_and_says_so(catalog_app):
    app = catalog_app
    app.query_params["catalog"] = "ports-test"
    app.run()
    app.switch_page("pages/add.py").run()
    assert any("“Harbour dispute \\(test\\)”" in i.value for i in app.info)  # plain text: Markdown escaped
    app.text_area(key="add_paste").input("Title: Quay talks\n\nBelgian Transport Minister Jan Peeters said port "
                                         "access for container ships must stay open.").run()
    app.button(key="add_submit").click().run()
    assert not app.exception
    assert any("“Harbour dispute \\(test\\)”" in s.value for s in app.success)
    from analysis.store import Store

    listed = Store(os.environ["DASHBOARD_DB"]).articles()
    assert listed.loc[listed["title"] == "Quay talks", "catalog"].tolist() == ["ports-test"]
    assert "Jan Peeters" in set(app.session_state["view"].statements["actor"])
    app.switch_page("pages/articles.py").run()
    assert any("Harbour dispute \\(test\\)" in c.value and "ports\\-test" in c.value for c in app.caption)


def test_a_catalog_without_articles_says_so_instead_of_blaming_the_filters(app):
    app.query_params["catalog"] = "middle-east"
    app.run()
    assert not app.exception
    assert any("No article has been analysed with this catalog yet" in i.value for i in app.info)
    assert not any("match the current filters" in i.value for i in app.info)
