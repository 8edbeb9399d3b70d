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
