"""The issue catalog file: its header, and validation that names the issue, the field and the line."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analysis.catalog import (Catalog, catalog_toml, catalog_version, check_catalog, check_catalog_text, dump_catalog,
                              load_catalog, load_catalog_file, load_catalog_text, reference_country)
from analysis.errors import CatalogError
from analysis.schema import Problem
from analysis.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent


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
        """, ["1: issue 'talks': no cues: give at least one cue in support, oppose or weak, or in their "
              "_phrases or _tokens keys"], id="no-cues"),
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
        "1: issue 'ceasefire': no cues: give at least one cue in support, oppose or weak, or in their "
        "_phrases or _tokens keys",
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


# ------------------------------------------------------------ phrase and token cues

PHRASES_AND_TOKENS = r"""
    id = "trade-test"
    name = "Trade test"
    reference = "DEU"

    [[issue]]
    id = "tariffs"
    label = "Tariffs"
    support = ['\btariff wall\b']
    support_phrases = ["impose tariffs", "retaliatory  duty"]
    oppose_phrases = ["lift * tariff"]
    weak_tokens = [
      [{LEMMA = "raise"}, {LOWER = "the", OP = "?"}, {LEMMA = "levy"}],
    ]
    """


def test_phrase_and_token_cues_load_with_their_polarity(tmp_path):
    [issue] = load_catalog(write(tmp_path, PHRASES_AND_TOKENS))
    assert [(c.phrase, c.polarity, c.weak) for c in issue.phrases] == [
        ("impose tariffs", 1, False), ("retaliatory duty", 1, False), ("lift * tariff", -1, False)]
    assert [(c.pattern, c.polarity, c.weak) for c in issue.tokens] == [
        (({"LEMMA": "raise"}, {"LOWER": "the", "OP": "?"}, {"LEMMA": "levy"}), 1, True)]
    assert [c.pattern.pattern for c in issue.cues] == [r"\btariff wall\b"]


@pytest.mark.parametrize("text", [
    pytest.param("""
        [[issue]]
        id = "tariffs"
        support_phrases = ["impose tariffs"]
        """, id="phrases-only"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        oppose_tokens = [[{LOWER = "tariffs"}]]
        """, id="tokens-only"),
])
def test_phrase_or_token_keys_alone_are_cues_enough(tmp_path, text):
    assert problems(write(tmp_path, text)) == []


# One file per kind of error in the new keys: the line, the issue and the field named.
@pytest.mark.parametrize("text, expected", [
    pytest.param("""
        [[issue]]
        id = "tariffs"
        support_phrases = []
        oppose_tokens = []
        """, ["1: issue 'tariffs': no cues: give at least one cue in support, oppose or weak, or in their "
              "_phrases or _tokens keys"], id="no-cues-with-empty-phrase-and-token-keys"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        support_phrases = [
          "impose tariffs",
          "  ",
        ]
        """, ["5: issue 'tariffs': support_phrases: item 2 must be a non-empty string, not '  '"], id="empty-phrase"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        weak_phrases = [3]
        """, ["3: issue 'tariffs': weak_phrases: item 1 must be a non-empty string, not 3"], id="phrase-not-a-string"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        oppose_phrases = "lift tariffs"
        """, ["3: issue 'tariffs': oppose_phrases: must be a list of strings, written [\"...\", \"...\"]"],
        id="phrases-not-a-list"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        support_phrases = ["* *"]
        """, ["3: issue 'tariffs': support_phrases: phrase '* *' has only '*': give at least one word"],
        id="phrase-only-wildcards"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        support_phrases = ["impose tariff*"]
        """, ["3: issue 'tariffs': support_phrases: phrase 'impose tariff*': write '*' as a word of its own "
              "('impose * tariffs': any one word between)"], id="wildcard-inside-a-word"),
    pytest.param(r"""
        [[issue]]
        id = "tariffs"
        support_phrases = ['\bimpose(d)? tariffs']
        """, ["3: issue 'tariffs': support_phrases: phrase '\\\\bimpose(d)? tariffs' looks like a regular "
              "expression: write plain words here, or move it to the regex keys (support, oppose, weak)"],
        id="regex-in-a-phrase"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        support_tokens = [
          [{LEMMA = "impose"}, {LOWER = "tariffs"}],
          [{LEMA = "impose"}, {LOWER = "tariffs"}],
        ]
        """, ["5: issue 'tariffs': support_tokens: pattern 2: token 1: unknown attribute 'LEMA' (did you mean "
              "'LEMMA'?)"], id="unknown-token-attribute"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        oppose_tokens = [[{LOWER = 3}]]
        """, ["3: issue 'tariffs': oppose_tokens: pattern 1: token 1: LOWER = 3 is rejected by spaCy's Matcher "
              "(Input should be a valid string)"], id="value-the-matcher-rejects"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        oppose_tokens = [
          [{LOWER = "tariffs"}],

          [{LOWER = "lift"}, {OP = "??"}],
        ]
        """, ["6: issue 'tariffs': oppose_tokens: pattern 2: token 2: OP = '??' is rejected by spaCy's Matcher "
              "(Input should be '+', '*', '?' or '!')"], id="operator-the-matcher-rejects"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        weak_tokens = [[]]
        """, ["3: issue 'tariffs': weak_tokens: pattern 1: must be a non-empty list of token tables, e.g. "
              "[{LEMMA = \"impose\"}, {LOWER = \"tariffs\"}], not []"], id="empty-token-pattern"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        weak_tokens = [{LOWER = "tariffs"}]
        """, ["3: issue 'tariffs': weak_tokens: pattern 1: must be a non-empty list of token tables, e.g. "
              "[{LEMMA = \"impose\"}, {LOWER = \"tariffs\"}], not {'LOWER': 'tariffs'}"],
        id="token-table-without-its-list"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        support_tokens = [[{LEMMA = "Impose"}, {_ = {flag = true}}]]
        """, ["3: issue 'tariffs': support_tokens: pattern 1: token 1: LEMMA 'Impose' must be written in lower case "
              "(lemmas are compared lower-cased)",
              "3: issue 'tariffs': support_tokens: pattern 1: token 2: custom attributes ('_') cannot be used in a "
              "catalog"], id="upper-case-lemma-and-custom-attribute"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        support_tokens = [[{TEXT = {REGEX = "(tariff"}}]]
        """, ["3: issue 'tariffs': support_tokens: pattern 1: a REGEX value does not compile (missing ), "
              "unterminated subpattern at position 0)"], id="token-regex-does-not-compile"),
    pytest.param("""
        [[issue]]
        id = "tariffs"
        suport_phrases = ["impose tariffs"]
        """, ["1: issue 'tariffs': no cues: give at least one cue in support, oppose or weak, or in their "
              "_phrases or _tokens keys",
              "3: issue 'tariffs': unknown key 'suport_phrases' (did you mean 'support_phrases'?)"],
        id="misspelt-phrase-key"),
])
def test_phrase_and_token_errors_name_the_line_the_issue_and_the_field(tmp_path, text, expected):
    path = write(tmp_path, text)
    assert problems(path) == expected
    with pytest.raises(CatalogError) as raised:
        load_catalog(path)
    assert [str(p) for p in raised.value.problems] == [f"{path}:{e}" for e in expected]


def test_token_patterns_are_checked_without_the_trained_model(tmp_path, monkeypatch):
    import spacy

    def refuse(*args, **kwargs):
        raise AssertionError("the trained model was loaded to check a catalog")

    monkeypatch.setattr(spacy, "load", refuse)
    monkeypatch.setattr("analysis.pipeline.load_pipeline", refuse)
    path = write(tmp_path, """
        [[issue]]
        id = "tariffs"
        support_tokens = [[{LEMMA = "impose"}, {POS = "NOUN", OP = "?"}, {LOWER = {IN = ["tariff", "tariffs"]}}]]
        oppose_tokens = [[{LENGTH = {">=" = "x"}}]]
        """)
    assert problems(path) == [
        "4: issue 'tariffs': oppose_tokens: pattern 1: token 1: LENGTH = {'>=': 'x'} is rejected by spaCy's Matcher "
        "(Input should be a valid number)"]


# ------------------------------------------------------------ catalogs given as text

def test_a_catalog_given_as_text_is_checked_like_a_file(tmp_path):
    text = textwrap.dedent(PHRASES_AND_TOKENS)
    catalog = load_catalog_text(text, name="draft.toml")
    assert (catalog.id, catalog.name, catalog.reference, catalog.path) == ("trade-test", "Trade test", "DEU", "draft.toml")
    assert catalog.issues == load_catalog(write(tmp_path, PHRASES_AND_TOKENS))
    bad = text.replace('{LEMMA = "raise"}', '{LEMA = "raise"}')
    found, problems_found = check_catalog_text(bad)
    assert found is None
    assert [str(p) for p in problems_found] == [
        "<draft>:13: issue 'tariffs': weak_tokens: pattern 1: token 1: unknown attribute 'LEMA' (did you mean 'LEMMA'?)"]
    with pytest.raises(CatalogError, match=r"^Issue catalog <draft> has 1 error: line 13: issue 'tariffs': weak_tokens"):
        load_catalog_text(bad)


def test_a_header_less_draft_takes_its_id_from_its_name():
    catalog = load_catalog_text('[[issue]]\nid = "talks"\nsupport_phrases = ["peace talks"]\n')
    assert (catalog.id, [i.id for i in catalog.issues]) == ("draft", ["talks"])
    assert check_catalog_text("[[issue]]\nid = 3\n", name="form") == (None, [
        Problem("form", 1, "issue 1: no cues: give at least one cue in support, oppose or weak, or in their "
                           "_phrases or _tokens keys"),
        Problem("form", 2, "issue 1: the id 3 must be a non-empty string without spaces around it")])


# ------------------------------------------------------------ writing a catalog

def test_the_shipped_catalog_round_trips_through_its_toml():
    catalog = load_catalog_file()
    again = load_catalog_text(catalog_toml(catalog))
    assert (again.id, again.name, again.description, again.reference) == (
        catalog.id, catalog.name, catalog.description, catalog.reference)
    assert again.issues == catalog.issues


def test_a_catalog_from_a_form_round_trips_with_awkward_strings(tmp_path):
    form = {
        "id": "trade-test", "name": 'Trade "test" – Anna Berg\'s catalog', "reference": "DEU",
        "issues": [
            {"id": "tariffs", "label": "Tariffs on steel", "description": "Line one\nline two\twith a tab \\ backslash",
             "support": [r"\bit's a tariff\b", r"\btariff wall\b", r'\b"quoted"\b'],
             "oppose": [], "weak": [r"\blev(y|ies)\b"],
             "support_phrases": ["impose tariffs", "Anna Berg's * duty"],
             "oppose_tokens": [[{"LEMMA": "lift"}, {"LOWER": {"IN": ["the", "all"]}, "OP": "?"},
                                {"LENGTH": {">=": 3}, "IS_ALPHA": True, "TEXT": {"REGEX": r"^tariffs?$"}}]]},
            {"id": "quotas", "label": "Quotas", "weak_phrases": ["import quota"]},
        ],
    }
    text = catalog_toml(form)
    catalog = load_catalog_text(text)
    assert (catalog.id, catalog.name, catalog.reference) == ("trade-test", form["name"], "DEU")
    tariffs, quotas = catalog.issues
    assert (tariffs.label, tariffs.description) == ("Tariffs on steel", form["issues"][0]["description"])
    assert [(c.pattern.pattern, c.polarity, c.weak) for c in tariffs.cues] == [
        (r"\bit's a tariff\b", 1, False), (r"\btariff wall\b", 1, False), (r'\b"quoted"\b', 1, False),
        (r"\blev(y|ies)\b", 1, True)]
    assert [c.phrase for c in tariffs.phrases] == ["impose tariffs", "Anna Berg's * duty"]
    assert [list(c.pattern) for c in tariffs.tokens] == form["issues"][0]["oppose_tokens"]
    assert [(c.phrase, c.weak) for c in quotas.phrases] == [("import quota", True)]
    # writing the loaded catalog gives the same text again, and the same issues
    assert load_catalog_text(catalog_toml(catalog)).issues == catalog.issues
    assert catalog_toml(catalog) == text
    saved = dump_catalog(catalog, tmp_path / "trade.toml")
    assert saved.issues == catalog.issues and saved.path == str(tmp_path / "trade.toml")
    assert (tmp_path / "trade.toml").read_text(encoding="utf-8") == text


def test_an_invalid_catalog_is_never_written(tmp_path):
    path = tmp_path / "trade.toml"
    path.write_text("kept", encoding="utf-8")
    form = {"issues": [{"id": "tariffs", "support_tokens": [[{"LEMA": "impose"}]]}]}
    with pytest.raises(CatalogError, match="unknown attribute 'LEMA'"):
        dump_catalog(form, path)
    assert path.read_text(encoding="utf-8") == "kept"
    with pytest.raises(CatalogError, match="Cannot write"):
        catalog_toml({"issues": [{"id": "tariffs", "support": [object()]}]})


def test_catalog_check_fails_on_a_bad_token_pattern(tmp_path):
    path = write(tmp_path, """
        [[issue]]
        id = "tariffs"
        support_tokens = [[{LOWER = "impose"}, {LOWR = "tariffs"}]]
        """)
    result = subprocess.run([sys.executable, "-m", "analysis", "catalog", "check", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and not result.stdout
    assert result.stderr.splitlines() == [
        f"{path}:3: issue 'tariffs': support_tokens: pattern 1: token 2: unknown attribute 'LOWR' (did you mean "
        "'LOWER'?)",
        f"error: {path}: 1 error; the catalog cannot be used until they are fixed."]


def test_an_issue_target_is_a_country_code_and_round_trips():
    text = '[[issue]]\nid = "curbs"\ntarget = "NOR"\nsupport = ["export controls"]\n'
    catalog = load_catalog_text(text)
    assert catalog.issues[0].target == "NOR"
    assert load_catalog_text(catalog_toml(catalog)).issues == catalog.issues
    found, problems = check_catalog_text(text.replace('"NOR"', '"Norway"'), name="form")
    assert found is None and [p.message for p in problems] == [
        "issue 'curbs': target: 'Norway' is not an ISO 3166-1 alpha-3 code (e.g. 'DEU') nor EU / NATO / UN / WTO"]
