"""The issue catalog file: its header, and validation that names the issue, the field and the line."""

import textwrap

import pytest

from analysis.catalog import (Catalog, catalog_version, check_catalog, load_catalog, load_catalog_file,
                              reference_country)
from analysis.errors import CatalogError
from analysis.settings import SETTINGS


def write(tmp_path, text, name="custom.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def problems(path):
    catalog, found = check_catalog(path)
    assert catalog is None or not found
    return [str(p).removeprefix(f"{path}:") for p in found]


def test_the_shipped_catalog_has_a_header_and_ten_issues():
    catalog = load_catalog_file()
    assert isinstance(catalog, Catalog)
    assert (catalog.id, catalog.reference) == ("ukraine-war", "USA")
    assert catalog.name and catalog.description
    assert catalog.version == catalog_version() and len(catalog.version) == 12
    assert [i.id for i in catalog.issues] == [
        "negotiations", "ceasefire", "territorial_integrity", "seat_at_table", "military_aid", "nato_membership",
        "security_guarantees", "peacekeeping_troops", "european_defence", "sanctions"]
    assert load_catalog() == catalog.issues  # what the rest of the code reads, unchanged
    assert check_catalog(SETTINGS["DASHBOARD_CATALOG"].default) == (catalog, [])


def test_a_catalog_without_header_takes_its_id_from_the_file_and_the_reference_from_the_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_REFERENCE", "deu")
    path = write(tmp_path, r"""
        [[issue]]
        id = "grain_corridor"
        label = "Grain corridor"
        support = ['\bgrain corridor\b']
        """, name="Black Sea grain.toml")
    catalog = load_catalog_file(path)
    assert (catalog.id, catalog.name, catalog.description, catalog.reference) == (
        "black-sea-grain", "black-sea-grain", "", "DEU")
    [issue] = catalog.issues
    assert (issue.id, issue.label, issue.description) == ("grain_corridor", "Grain corridor", "")
    assert [(c.pattern.pattern, c.polarity, c.weak) for c in issue.cues] == [(r"\bgrain corridor\b", 1, False)]


def test_the_reference_setting_when_set_wins_over_the_catalog(tmp_path, monkeypatch):
    path = write(tmp_path, r"""
        reference = "FRA"
        [[issue]]
        id = "talks"
        support = ['\btalks\b']
        """)
    monkeypatch.delenv("DASHBOARD_REFERENCE", raising=False)
    assert reference_country(load_catalog_file(path)) == "FRA"
    monkeypatch.setenv("DASHBOARD_REFERENCE", "gbr")
    assert reference_country(load_catalog_file(path)) == "GBR"


# One file per kind of error: the line, the issue and the field named, the whole message compared.
@pytest.mark.parametrize("text, expected", [
    pytest.param(r"""
        [[issue]]
        id = "ceasefire"
        suport = ['\btruce\b']
        oppose = ['\bfrozen conflicts?\b']
        """, ["3: issue 'ceasefire': unknown key 'suport' (did you mean 'support'?)"], id="unknown-key"),
    pytest.param(r"""
        [[issue]]
        id = "talks"
        support = ['\btalks\b']

        [[issue]]
        id = "talks"
        support = ['\bnegotiations\b']
        """, ["6: issue 'talks': duplicate id (first used at line 2)"], id="duplicate-id"),
    pytest.param(r"""
        [[issue]]
        id = "talks"
        label = "Talks"
        support = []
        """, ["1: issue 'talks': no cues: give at least one pattern in support, oppose or weak"], id="no-cues"),
    pytest.param(r"""
        [[issue]]
        id = "talks"
        support = [
          '\btalks\b',
          '\b(peace talks',
        ]
        """, ["5: issue 'talks': support: pattern '\\b(peace talks' does not compile "
              "(missing ), unterminated subpattern at position 2)"], id="pattern-does-not-compile"),
    pytest.param(r"""
        [[issue]]
        id = "talks"
        weak = ['(talks)?']
        """, ["3: issue 'talks': weak: pattern '(talks)?' matches the empty string, so it would match every "
              "sentence"], id="pattern-matches-everything"),
    pytest.param(r"""
        name = "Test catalog"
        refrence = "DEU"
        [[issue]]
        id = "talks"
        support = ['\btalks\b']
        """, ["2: catalog header: unknown key 'refrence' (did you mean 'reference'?)"], id="unknown-header-key"),
    pytest.param(r"""
        [[issue]]
        id = "talks"
        support = ['\btalks\b']
        reference = "DEU"
        """, ["4: issue 'talks': unknown key 'reference' (the catalog's reference goes at the top of the file, "
              "before the first [[issue]])"], id="header-key-after-an-issue"),
    pytest.param(r"""
        id = "Test Catalog"
        reference = "deu"
        [[issue]]
        id = "talks"
        support = ['\btalks\b']
        """, ["1: catalog id: 'Test Catalog' must be lower-case letters, digits, '-' or '_' (e.g. 'ukraine-war')",
              "2: catalog reference: 'deu' must be written in capitals ('DEU')"], id="bad-header-values"),
    pytest.param(r"""
        [[issue]]
        label = "Talks"
        support = '\btalks\b'
        """, ["1: issue 1: missing key 'id' (a stable id such as \"ceasefire\")",
              "3: issue 1: support: must be a list of strings, written [\"...\", \"...\"]"], id="missing-id-and-not-a-list"),
    pytest.param(r"""
        [issue]
        id = "talks"
        support = ['\btalks\b']
        """, ["1: write each issue as an [[issue]] table (double brackets)"], id="single-brackets"),
    pytest.param(r"""
        name = "Nothing yet"
        """, ["1: the catalog defines no issues: add one [[issue]] table per issue"], id="no-issues"),
    pytest.param(r"""
        [[issue]]
        id = "talks"
        support = ['\btalks\b'
        """, ["3: not valid TOML: Unclosed array"], id="not-toml"),
])
def test_validation_names_the_line_the_issue_and_the_field(tmp_path, text, expected):
    path = write(tmp_path, text)
    assert problems(path) == expected
    with pytest.raises(CatalogError) as raised:
        load_catalog(path)
    assert [str(p) for p in raised.value.problems] == [f"{path}:{e}" for e in expected]


def test_every_error_is_reported_together_and_the_catalog_is_never_loaded(tmp_path):
    path = write(tmp_path, r"""
        [[issue]]
        id = "ceasefire"
        suport = ['\btruce\b']

        [[issue]]
        id = "talks"
        support = ['\btalks\b', '\b(peace']

        [[issue]]
        id = "talks"
        oppose = ['\bappeasement\b']
        """)
    assert problems(path) == [
        "1: issue 'ceasefire': no cues: give at least one pattern in support, oppose or weak",
        "3: issue 'ceasefire': unknown key 'suport' (did you mean 'support'?)",
        "7: issue 'talks': support: pattern '\\b(peace' does not compile (missing ), unterminated subpattern at "
        "position 2)",
        "10: issue 'talks': duplicate id (first used at line 6)",
    ]
    with pytest.raises(CatalogError) as raised:
        load_catalog_file(path)
    message = str(raised.value)
    assert message.startswith(f"Issue catalog {path} has 4 errors: line 1: issue 'ceasefire': no cues")
    assert message.endswith(f"; and 1 more. Run `python -m analysis catalog check {path}` to list them all.")
    assert "\n" not in message


def test_an_edited_catalog_is_read_again(tmp_path):
    path = write(tmp_path, r"""
        [[issue]]
        id = "talks"
        support = ['\btalks\b']
        """)
    assert [i.id for i in load_catalog(path)] == ["talks"]
    before = catalog_version(path)
    path.write_text(path.read_text() + "\n[[issue]]\nid = \"truce\"\nsupport = ['\\btruce\\b']\n")
    assert [i.id for i in load_catalog(path)] == ["talks", "truce"]
    assert catalog_version(path) != before
    path.write_text(path.read_text().replace("support = ['\\btruce\\b']", "suport = ['\\btruce\\b']"))
    with pytest.raises(CatalogError, match="unknown key 'suport'"):
        load_catalog(path)


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing.toml", "Issue catalog not found at"),
    (lambda p: p, "is a folder"),
])
def test_an_unreadable_catalog_is_one_clear_error(tmp_path, make, message):
    with pytest.raises(CatalogError, match=message):
        load_catalog(make(tmp_path))
