"""AppTest over every page on the seed corpus, then behaviour through widget keys."""

import os
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest, app_test

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["pages/overview.py", "pages/map.py", "pages/actors.py", "pages/positions.py", "pages/reactions.py",
         "pages/articles.py", "pages/timeline.py", "pages/add.py"]


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
