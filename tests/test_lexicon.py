"""The data files (roles, speech verbs, stance words, reactions, places): checked against their
schema when they load, every problem named by file, line and key; an edit is read again after
``lexicon.reload()``."""

import shutil

import pytest

from analysis import lexicon, verbs
from analysis.errors import DataFileError


@pytest.fixture()
def data_copy(tmp_path, monkeypatch):
    """A copy of analysis/data that lexicon reads instead of the real folder."""
    copy = tmp_path / "data"
    shutil.copytree(lexicon.DATA_DIR, copy)
    monkeypatch.setattr(lexicon, "DATA_DIR", copy)
    lexicon.reload()
    yield copy
    lexicon.reload()  # the next use reads the real folder again


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if new.split("\n")[0] in line)


@pytest.mark.parametrize("name", sorted(lexicon.SCHEMAS))
def test_the_shipped_data_files_fit_their_schema(name):
    assert lexicon.read(name) == (lexicon.load(name), [])


# One edit per kind of error; {line} is the line of the edited text.
@pytest.mark.parametrize("name, old, new, expected", [
    pytest.param("roles", "group_nouns = [", "group_noun = [",
                 ["1: missing key 'group_nouns'", "{line}: unknown key 'group_noun' (did you mean 'group_nouns'?)"],
                 id="unknown-and-missing-key"),
    pytest.param("roles", '"president", "vice president"', '"President", "vice president"',
                 ["{line}: titles: 'President' must be written in lower case (it is matched on lower-cased text)"],
                 id="upper-case-word"),
    pytest.param("stance", "negation_window = 6", 'negation_window = "6"',
                 ["{line}: negation_window: must be a whole number of at least 1, not '6'"], id="wrong-type"),
    pytest.param("speech", 'particle_verbs = { rule = ["out"]', 'particle_verbs = { rule = "out"',
                 ["{line}: particle_verbs: 'rule': must be a list of strings, written [\"...\", \"...\"]"],
                 id="string-for-a-list"),
    pytest.param("reactions", r"phrases = ['\b(disagreed|disagrees|objected|objects)\b(?! with)']",
                 r"phrases = ['\b(disagreed|disagrees|objected|objects\b(?! with)']",
                 ["{line}: pattern 1: phrases: pattern '\\b(disagreed|disagrees|objected|objects\\b(?! with)' does not "
                  "compile (missing ), unterminated subpattern at position 2)"], id="pattern-does-not-compile"),
    pytest.param("reactions", 'relation = "disagrees"\ntarget = "previous"\nphrases = [\'\\b(disagreed',
                 'relation = "disagree"\ntarget = "previous"\nphrases = [\'\\b(disagreed',
                 ["{line}: pattern 1: relation: 'disagree' is not one of agrees, disagrees, responds"],
                 id="value-not-allowed"),
    pytest.param("places", '"kremlin" = ["RUS", "government"]', '"kremlin" = ["RUX", "government"]',
                 ["{line}: institutions: 'kremlin': 'RUX' is not an ISO 3166-1 alpha-3 code (e.g. 'DEU') nor "
                  "EU / NATO / UN / WTO"], id="not-a-country-code"),
    pytest.param("places", '"PRC" = "CHN"', '"prc" = "CHN"',
                 ["{line}: abbreviations: 'prc': the key must be written in upper case ('PRC')"], id="key-case"),
    pytest.param("stance", "negation_window = 6", "negation_window = ",
                 ["{line}: not valid TOML: Invalid value"], id="not-toml"),
])
def test_a_data_file_with_an_error_is_refused_with_its_lines(data_copy, name, old, new, expected):
    line = edit(data_copy / f"{name}.toml", old, new)
    expected = [f"{name}.toml:{e.format(line=line)}" for e in expected]
    assert [str(p) for p in lexicon.read(name)[1]] == expected
    with pytest.raises(DataFileError) as raised:
        lexicon.load(name)
    assert [str(p) for p in raised.value.problems] == expected
    assert str(raised.value).startswith(f"Data file {data_copy / f'{name}.toml'} has {len(expected)} error")


def test_a_missing_data_file_is_named(data_copy):
    (data_copy / "speech.toml").unlink()
    with pytest.raises(DataFileError, match=r"Data file .*speech.toml is missing; restore it from the installation"):
        lexicon.load("speech")


def test_an_edit_is_read_after_reload_with_what_is_computed_from_it(data_copy):
    assert verbs.verb_lemma("opined") == ""
    before = lexicon.fingerprint()
    edit(data_copy / "speech.toml", '"say", "tell",', '"say", "opine", "tell",')
    assert lexicon.fingerprint() != before
    assert verbs.verb_lemma("opined") == ""  # cached until reloaded
    lexicon.reload()
    assert "opine" in lexicon.load("speech")["indirect"]
    assert verbs.verb_lemma("opined") == "opine"


def test_reaction_patterns_are_compiled_once_until_reload(data_copy):
    """They are asked for at every verb of every sentence: compiled once per data version."""
    from analysis.reactions import reaction_patterns

    first = reaction_patterns()
    assert reaction_patterns() is first
    lexicon.reload()
    assert reaction_patterns() is not first
    assert reaction_patterns() == first


def test_whatever_is_computed_from_the_data_files_is_emptied_by_reload():
    """A function that reads a data file and keeps its answer in a plain ``lru_cache`` would serve
    the old words after an edit: such caches are ``data_cache``s, which ``reload()`` empties. Only the
    pipeline cache, which ``load_pipeline`` clears itself when the data change, is exempt."""
    import ast
    from pathlib import Path

    exempt = {("pipeline.py", "_build")}
    stale = []
    for path in sorted(Path(lexicon.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or (path.name, node.name) in exempt:
                continue
            plain = any("lru_cache" in ast.unparse(d) for d in node.decorator_list)
            reads = any(isinstance(c, ast.Call) and ast.unparse(c.func).split(".")[-1] == "load" for c in ast.walk(node))
            if plain and reads:
                stale.append(f"{path.name}:{node.lineno} {node.name}")
    assert stale == []


@pytest.mark.parametrize("text, expected", [
    ("the plan doesn't work", "n't work"),
    ("the plan doesn’t work", "n’t work"),
    ("the plan cannot work", "not work"),
    ("the plan does not work", "not work"),
    ("a truce wouldn't bring peace", "wouldn't bring"),
    ("a truce won't bring peace", "won't bring"),
    ("a truce will not bring peace", "will not bring"),
    ("the knot works loose", None),
])
def test_a_phrase_with_not_matches_its_contracted_form(text, expected):
    found = lexicon.phrase_pattern(["not work", "would not bring", "will not bring"]).search(text)
    assert (found.group() if found else None) == expected
