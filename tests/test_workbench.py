"""The catalog workbench: the draft helpers (ui.workbench) and the page, driven through its
widget keys on the seed corpus (AppTest)."""

import tomllib

import pytest

from analysis.catalog import catalog_toml, check_catalog_text, load_catalog_file
from analysis.errors import CatalogError
from analysis.store import Store
from test_app import app  # noqa: F401  (the AppTest fixture on the seed corpus)
from ui import workbench as wb

FORM = "FormSubmitter:wb_issue_form-Apply to the draft"


# ------------------------------------------------------------------ the draft helpers

def test_a_catalog_becomes_a_draft_and_back_unchanged():
    catalog = load_catalog_file()
    draft = wb.draft_of(catalog)
    checked, problems = check_catalog_text(catalog_toml(draft))
    assert problems == [] and checked.issues == catalog.issues
    assert (checked.id, checked.name, checked.reference) == (catalog.id, catalog.name, catalog.reference)


def test_form_text_becomes_an_issue():
    issue = wb.issue_from_form({
        "id": " tariffs ", "label": "Tariffs", "description": "Raising tariffs",
        "support_phrases": "impose tariffs\n\n  raise * duties \n", "oppose_phrases": "", "weak_phrases": "",
        "support": "", "oppose": r"\bfree trade\b", "weak": "",
        "support_tokens": '[{"LEMMA": "levy"}, {"LOWER": "duties"}]', "oppose_tokens": "", "weak_tokens": ""})
    assert issue == {"id": "tariffs", "label": "Tariffs", "description": "Raising tariffs",
                     "support_phrases": ["impose tariffs", "raise * duties"], "oppose": [r"\bfree trade\b"],
                     "support_tokens": [[{"LEMMA": "levy"}, {"LOWER": "duties"}]]}
    assert wb.cue_count(issue) == 4


def test_the_form_keeps_the_country_an_issue_is_aimed_at():
    values = {"id": "curbs", "label": "Curbs", "description": "", "target": " chn ", "support_phrases": "curb exports"}
    assert wb.issue_from_form(values)["target"] == "CHN"
    assert "target" not in wb.issue_from_form({**values, "target": ""})


def test_a_token_pattern_that_is_not_json_names_its_field_and_line():
    with pytest.raises(CatalogError, match="support_tokens, line 2: not JSON"):
        wb.token_patterns('[{"LOWER": "a"}]\n[{LOWER: "b"}]', "support_tokens")


def test_an_imported_file_with_problems_still_becomes_a_draft_but_not_toml_is_refused():
    draft = wb.draft_from_toml('id = "x"\nsuport = 1\n[[issue]]\nid = "a"\nlabel = "A"\n', "mine.toml")
    assert draft["id"] == "x" and draft["issues"] == [{"id": "a", "label": "A"}]
    _, problems = check_catalog_text(catalog_toml(draft) + "")
    assert any("no cues" in str(p) for p in problems)
    with pytest.raises(CatalogError, match="mine.toml is not a TOML file"):
        wb.draft_from_toml("id = = 1", "mine.toml")


def test_blank_issues_get_free_ids():
    assert wb.blank_issue([])["id"] == "new_issue"
    assert wb.blank_issue(["new_issue", "new_issue_2"])["id"] == "new_issue_3"


# ------------------------------------------------------------------ the page

def open_workbench(app):  # noqa: F811
    app.run()
    app.switch_page("pages/catalog.py").run()
    assert not app.exception
    return app


def catalog_text(app):  # noqa: F811
    return next(c.value for c in app.code if c.language == "toml")


def test_a_phrase_added_in_the_form_is_previewed_and_saved(app):  # noqa: F811
    open_workbench(app)
    assert app.selectbox(key="wb_issue_pick").value == 0  # the first issue of the sidebar's catalog
    app.text_area(key="wb_f_support_phrases").set_value("lasting peace")
    app.button(key=FORM).click().run()
    assert not app.exception
    assert "support_phrases = ['lasting peace']" in catalog_text(app)
    assert any("valid catalog" in s.value for s in app.success)

    app.button(key="wb_preview_run").click().run()
    assert not app.exception
    assert any("1 positions would appear, 0 disappear" in i.value for i in app.info)
    matches, appear = app.dataframe[-3].value, app.dataframe[-2].value
    assert list(matches[["cue", "pattern", "speaker", "country"]].itertuples(index=False, name=None)) == [
        ("lasting peace", "lasting peace", "Volodymyr Zelenskyy", "UKR")]
    assert list(appear[["actor", "issue"]].itertuples(index=False, name=None)) == [
        ("Volodymyr Zelenskyy", "negotiations")]

    app.button(key="wb_save").click().run()
    assert not app.exception
    assert any("1 article" in s.value and "re" in s.value for s in app.success)
    saved = {a.catalog.id: a for a in _store().available_catalogs()}["ukraine-war"]
    assert saved.source == "saved"
    text = open(saved.catalog.path, encoding="utf-8").read()
    assert tomllib.loads(text)["issue"][0]["support_phrases"] == ["lasting peace"]


def _store():
    import os
    return Store(os.environ["DASHBOARD_DB"])


def test_a_broken_draft_names_the_problem_and_cannot_be_previewed_or_saved(app):  # noqa: F811
    open_workbench(app)
    app.text_input(key="wb_f_id").set_value("ceasefire")  # the id of another issue
    app.button(key=FORM).click().run()
    assert not app.exception
    problems = [t.value for t in app.text]
    assert any("issue 'ceasefire'" in p and "duplicate id" in p for p in problems)
    assert app.button(key="wb_preview_run").disabled and app.button(key="wb_save").disabled


def test_a_new_catalog_with_an_issue_of_its_own(app):  # noqa: F811
    open_workbench(app)
    app.button(key="wb_new").click().run()
    assert any("no cues" in t.value for t in app.text)  # the blank issue has no cue yet
    app.text_input(key="wb_h_id").set_value("port-access")
    app.text_input(key="wb_h_name").set_value("Port access")
    app.button(key="wb_h_apply").click().run()
    app.text_input(key="wb_f_id").set_value("port_access")
    app.text_input(key="wb_f_label").set_value("Port access")
    app.text_area(key="wb_f_support_phrases").set_value("open the ports")
    app.button(key=FORM).click().run()
    assert not app.exception
    assert any("valid catalog: 1 issue(s)" in s.value for s in app.success)
    app.button(key="wb_save").click().run()
    assert not app.exception
    assert app.session_state["flt_catalog"] == "port-access"  # the sidebar follows the new catalog
    assert any(a.catalog.id == "port-access" for a in _store().available_catalogs())


def test_issues_are_added_chosen_deleted_and_the_draft_discarded(app):  # noqa: F811
    open_workbench(app)
    app.button(key="wb_add_issue").click().run()
    assert (app.selectbox(key="wb_issue_pick").value, app.text_input(key="wb_f_id").value) == (10, "new_issue")
    assert any("issue 'new_issue': no cues" in t.value for t in app.text)
    app.selectbox(key="wb_issue_pick").set_value(2).run()
    assert app.text_input(key="wb_f_id").value == "territorial_integrity"
    app.button(key="wb_delete_issue").click().run()
    assert not app.exception and len(app.selectbox(key="wb_issue_pick").options) == 10
    assert "territorial_integrity" not in catalog_text(app)
    app.button(key="wb_reset").click().run()
    assert "territorial_integrity" in catalog_text(app) and not app.text  # the saved catalog again, no problems


def test_an_unsaved_draft_survives_switching_the_sidebar_catalog_away_and_back(app):  # noqa: F811
    open_workbench(app)
    app.button(key="wb_add_issue").click().run()
    assert len(app.selectbox(key="wb_issue_pick").options) == 11
    app.selectbox(key="flt_catalog").set_value("trade-tariffs").run()
    assert not app.exception and app.session_state["wb_based_on"] == "trade-tariffs"
    assert "new_issue" not in catalog_text(app) and "tariffs" in catalog_text(app)  # the other catalog's draft
    app.selectbox(key="flt_catalog").set_value("ukraine-war").run()
    assert not app.exception
    assert len(app.selectbox(key="wb_issue_pick").options) == 11 and "new_issue" in catalog_text(app)
    assert any("unsaved changes" in i.value for i in app.info)
    app.button(key="wb_reset").click().run()
    assert len(app.selectbox(key="wb_issue_pick").options) == 10


def test_applying_the_form_keeps_the_country_an_issue_is_aimed_at(app):  # noqa: F811
    open_workbench(app)
    app.selectbox(key="flt_catalog").set_value("trade-tariffs").run()
    options = app.selectbox(key="wb_issue_pick").options
    pick = next(i for i, label in enumerate(options) if "(china_trade_curbs)" in label)
    app.selectbox(key="wb_issue_pick").set_value(pick).run()
    assert app.text_input(key="wb_f_target").value == "CHN"
    app.button(key=FORM).click().run()
    assert not app.exception
    curbs = next(i for i in tomllib.loads(catalog_text(app))["issue"] if i["id"] == "china_trade_curbs")
    assert curbs["target"] == "CHN"
