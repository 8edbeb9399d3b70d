"""The actor registry: variant matching, corpus resolution, conflicts, analysts' edits, and the
store re-resolving earlier articles after an ingest. Names are invented."""

import pandas as pd
import pytest

from analysis.reader import parse_article
from analysis.registry import Edit, Imported, build, name_key, resolve, same_person_names
from analysis.store import Store

COLUMNS = ["article", "name", "actor_type", "country", "role", "mentions", "evidence_start", "evidence_end"]


def actors(*rows):
    """Actors table rows: (article, name, country, role[, type]) with one mention each."""
    return pd.DataFrame([(r[0], r[1], r[4] if len(r) > 4 else "person", r[2], r[3], 1, 0, 0) for r in rows],
                        columns=COLUMNS)


def no_positions():
    return pd.DataFrame(columns=["article", "actor", "actor_type", "country", "role", "issue", "stance"])


def no_reactions():
    return pd.DataFrame(columns=["article", "source", "source_country", "target", "target_country", "relation"])


def resolved(table, **kw):
    return resolve(table, no_positions(), no_reactions(), build(table, **kw)).actors


def rows(table):
    return sorted(zip(table["article"], table["name"], table["country"], table["country_source"]))


@pytest.mark.parametrize("a, b, same", [
    ("Oleksandr Petrenkovych", "Oleksandr Petrenkovich", True),   # transliteration ending
    ("Oleksandr Petrenkovych", "Oleksandr Petrenkovychh", True),  # doubled letter
    ("Mikaela Šťastná", "Mikaela Stastna", True),                # accents
    ("Olof Lindqvist", "Olaf Lindqvist", True),                  # one letter in a first name of 4+
    ("Anna Kowalczykowa", "Anna Kowalczykowska", False),         # two letters apart
    ("Anna Berg", "Tom Berg", False),                            # same surname, another person
    ("Jan Berg", "Jon Berg", False),                             # short first names must be equal
    ("Anna Berg", "Anna Borg", False),                           # short surnames must be equal
    ("Maria Lindenbaum", "Maria Lindenbaun", True),              # one letter in a surname of 7+
    ("Paul T. Weber", "Paul Weber", True),                       # a middle initial
    ("Sheikh Khalid bin Omar Al Nasser", "Sheikh Faris bin Hamad Al-Nasser", False),  # a title is no given name
    ("Khalid bin Omar Al Nasser", "Khalid bin Tariq Al Nasser", False),  # same given name, another father
    ("Khalid bin Omar Al Nasser", "Khalid bin Omar Al-Nasser", True),
    ("Sheikh Khalid Al Nasser", "Khalid Al Nasser", True),       # the title before the given name
    ("Anna Maria Berg", "Anna Berg", True),                      # a middle name on one side only
])
def test_same_person_names(a, b, same):
    assert same_person_names(a, b) is same


@pytest.mark.parametrize("text, expected", [
    ("AnnaLindqvist", "Anna Lindqvist"),  # a space lost in typing
    ("Ron DeSantis", "Ron DeSantis"),     # a capital inside a surname stays
    ("(Anna) Berg", "Anna Berg"),
    ("Mrs van der Berg", "van der Berg"),  # an honorific is no part of the name
    ("Mr. Tom Reed", "Tom Reed"),
    ("Sheikha Noura bint Saad Al Kamil", "Noura bint Saad Al Kamil"),  # a Gulf honorific before a full name
    ("Sheikh Faris", "Sheikh Faris"),      # before one word it may be the name itself
    ("”Berg", "Berg"),                    # a closing quote glued to the name it follows
    ("Anna Berg“", "Anna Berg"),
])
def test_clean_name(text, expected):
    from analysis.people import clean_name
    assert clean_name(text) == expected


def test_name_key_folds_case_accents_and_endings():
    assert name_key("Petrenkovych") == name_key("PETRENKOVYCH") == name_key("Petrenkovich") == "petrenkovich"
    assert name_key("Oleksandr Andriy") == name_key("Olexandr Andrii") == "olexandr andri"


def test_a_country_stated_in_one_article_reaches_the_others_as_corpus():
    table = actors(("a1", "Anna Berg", "DEU", "Foreign Minister"), ("a2", "Anna Berg", "", ""),
                   ("a3", "Berg", "", ""))
    assert rows(resolved(table)) == [("a1", "Anna Berg", "DEU", "text"), ("a2", "Anna Berg", "DEU", "corpus"),
                                     ("a3", "Anna Berg", "DEU", "corpus")]


def test_a_tie_leaves_the_country_empty_and_the_text_wins_in_its_own_article():
    table = actors(("a1", "Anna Berg", "DEU", ""), ("a2", "Anna Berg", "AUT", ""), ("a3", "Anna Berg", "", ""),
                   ("b1", "Tom Lind", "SWE", ""), ("b2", "Tom Lind", "SWE", ""), ("b3", "Tom Lind", "NOR", ""),
                   ("b4", "Tom Lind", "", ""))
    assert rows(resolved(table)) == [
        ("a1", "Anna Berg", "DEU", "text"), ("a2", "Anna Berg", "AUT", "text"), ("a3", "Anna Berg", "", ""),
        ("b1", "Tom Lind", "SWE", "text"), ("b2", "Tom Lind", "SWE", "text"), ("b3", "Tom Lind", "NOR", "text"),
        ("b4", "Tom Lind", "SWE", "corpus")]


def test_two_people_sharing_a_surname_in_one_article_stay_apart():
    table = actors(("a1", "Anna Berg", "DEU", ""), ("a1", "Tom Berg", "", ""), ("a2", "Berg", "", ""),
                   ("a3", "Anna Berg", "", ""))
    registry = build(table)
    assert registry.get("Anna Berg") is not registry.get("Tom Berg")
    assert registry.get("Berg").variants == ("Berg",)  # two full names have it: joined to neither
    assert rows(resolved(table)) == [("a1", "Anna Berg", "DEU", "text"), ("a1", "Tom Berg", "", ""),
                                     ("a2", "Berg", "", ""), ("a3", "Anna Berg", "DEU", "corpus")]


def test_a_lone_surname_two_full_names_share_takes_their_country_only_when_they_agree():
    agree = actors(("a1", "Anna Berg", "DEU", ""), ("a1", "Tom Berg", "DEU", ""), ("a2", "Berg", "", ""))
    registry = build(agree)
    assert registry.get("Berg").variants == ("Berg",)  # still joined to neither
    assert rows(resolved(agree))[-1] == ("a2", "Berg", "DEU", "corpus")
    differ = actors(("a1", "Anna Berg", "DEU", ""), ("a1", "Tom Berg", "AUT", ""), ("a2", "Berg", "", ""))
    assert rows(resolved(differ))[-1] == ("a2", "Berg", "", "")


def test_a_lone_surname_joins_the_full_name_named_far_more_often_when_all_share_a_country():
    often = [(f"a{k}", "Anna Novak", "SVN", "") for k in range(1, 4)]
    table = actors(*often, ("b1", "Petra Novak", "SVN", ""), ("c1", "Novak", "", ""))
    registry = build(table)
    assert registry.get("Novak") is registry.get("Anna Novak")
    assert rows(resolved(table))[-1] == ("c1", "Anna Novak", "SVN", "corpus")
    # another country stated for the other one, or not far more often: joined to neither
    differ = actors(*often, ("b1", "Petra Novak", "AUT", ""), ("c1", "Novak", "", ""))
    assert build(differ).get("Novak").variants == ("Novak",)
    close = actors(*often[:2], ("b1", "Petra Novak", "SVN", ""), ("c1", "Novak", "", ""))
    assert build(close).get("Novak").variants == ("Novak",)


def test_a_full_name_no_article_states_a_country_for_does_not_keep_a_lone_surname_from_the_dominant_one():
    often = [(f"a{k}", "Anna Novak", "SVN", "") for k in range(1, 5)]
    glued = ("b1", "Following Novak", "", "")  # a sentence's first word taken into the name
    table = actors(*often, glued, ("c1", "Novak", "", ""))
    registry = build(table)
    assert registry.get("Novak") is registry.get("Anna Novak")
    assert rows(resolved(table))[-1] == ("c1", "Anna Novak", "SVN", "corpus")
    # the dominant one itself unstated: joined to neither
    unstated = actors(*[(a, n, "", r) for a, n, _, r in often], glued, ("c1", "Novak", "", ""))
    assert build(unstated).get("Novak").variants == ("Novak",)


def test_one_articles_other_country_for_a_lone_surname_does_not_keep_it_from_its_full_name():
    often = [(f"a{k}", "Ivan Sorokin", "RUS", "") for k in range(1, 4)]
    lone = [(f"b{k}", "Sorokin", "", "") for k in range(1, 4)]
    table = actors(*often, *lone, ("c1", "Sorokin", "USA", ""))
    registry = build(table)
    assert registry.get("Sorokin") is registry.get("Ivan Sorokin")
    assert ("b1", "Ivan Sorokin", "RUS", "corpus") in rows(resolved(table))
    assert ("c1", "Ivan Sorokin", "USA", "text") in rows(resolved(table))  # its own article keeps its word
    # two articles stating another country: another person with that surname
    twice = actors(*often, *lone, ("c1", "Sorokin", "USA", ""), ("c2", "Sorokin", "USA", ""))
    assert build(twice).get("Sorokin").variants == ("Sorokin",)
    # the full name stated in too few articles to outvote it: apart too
    few = actors(*often[:2], *lone, ("c1", "Sorokin", "USA", ""))
    assert build(few).get("Sorokin").variants == ("Sorokin",)


def test_spellings_that_two_articles_state_different_countries_for_stay_apart():
    table = actors(("a1", "Olof Lindqvist", "SWE", ""), ("a2", "Olaf Lindqvist", "DEU", ""))
    assert len(build(table).people) == 2
    table = actors(("a1", "Olof Lindqvist", "SWE", ""), ("a2", "Olaf Lindqvist", "", ""))
    assert build(table).get("Olaf Lindqvist").variants == ("Olaf Lindqvist", "Olof Lindqvist")


def test_spellings_collapse_to_one_name_in_positions_and_reactions():
    table = actors(("a1", "Oleksandr Petrenkovych", "UKR", "Foreign Minister"), ("a3", "Oleksandr Petrenkovych", "", ""),
                   ("a2", "Oleksandr Petrenkovich", "", ""), ("a2", "Tom Lind", "SWE", ""))  # the spelling most use wins
    positions = pd.DataFrame([("a2", "Oleksandr Petrenkovich", "person", "", "", "sanctions", "support")],
                             columns=no_positions().columns)
    reactions = pd.DataFrame([("a2", "Tom Lind", "SWE", "Oleksandr Petrenkovich", "", "agrees")],
                             columns=no_reactions().columns)
    out = resolve(table, positions, reactions, build(table))
    assert out.positions.to_dict("records") == [{
        "article": "a2", "actor": "Oleksandr Petrenkovych", "actor_type": "person", "country": "UKR",
        "role": "Foreign Minister", "issue": "sanctions", "stance": "support", "country_source": "corpus"}]
    assert out.reactions[["target", "target_country"]].values.tolist() == [["Oleksandr Petrenkovych", "UKR"]]


def test_an_analyst_merge_is_undone_by_a_split():
    table = actors(("a1", "Anna Berg", "DEU", ""), ("a2", "A. Berg-Lund", "", ""))
    assert len(build(table).people) == 2
    merged = build(table, edits=[Edit("merge", "A. Berg-Lund", "Anna Berg")])
    assert merged.get("A. Berg-Lund") is merged.get("Anna Berg")
    assert rows(resolved(table, edits=[Edit("merge", "A. Berg-Lund", "Anna Berg")]))[1] == (
        "a2", "Anna Berg", "DEU", "corpus")
    undone = build(table, edits=[Edit("merge", "A. Berg-Lund", "Anna Berg"), Edit("split", "A. Berg-Lund")])
    assert undone.get("A. Berg-Lund") is not undone.get("Anna Berg")


def test_a_split_cuts_an_automatic_link():
    table = actors(("a1", "Olof Lindqvist", "SWE", ""), ("a2", "Olaf Lindqvist", "", ""))
    registry = build(table, edits=[Edit("split", "Olaf Lindqvist")])
    assert registry.get("Olaf Lindqvist").variants == ("Olaf Lindqvist",)
    assert rows(resolved(table, edits=[Edit("split", "Olaf Lindqvist")]))[1] == ("a2", "Olaf Lindqvist", "", "")


def test_an_analysts_country_beats_the_text_and_not_a_person_removes_the_entry():
    table = actors(("a1", "Anna Berg", "DEU", ""), ("a2", "Anna Berg", "", ""), ("a2", "Kyiv Pechersk", "", ""))
    edits = [Edit("country", "Anna Berg", value="AUT"), Edit("not_person", "Kyiv Pechersk")]
    assert rows(resolved(table, edits=edits)) == [("a1", "Anna Berg", "AUT", "analyst"),
                                                  ("a2", "Anna Berg", "AUT", "analyst")]
    edits.append(Edit("person", "Kyiv Pechersk"))
    assert ("a2", "Kyiv Pechersk", "", "") in rows(resolved(table, edits=edits))


def test_an_import_fills_what_no_article_states_and_joins_its_variants():
    table = actors(("a1", "Anna Berg", "", ""), ("a2", "A. Berg", "", ""), ("a3", "Tom Lind", "SWE", ""))
    imported = [Imported("Anna Berg", ("A. Berg",), "DEU", "Foreign Minister"), Imported("Tom Lind", (), "NOR", "")]
    out = resolved(table, imported=imported)
    assert rows(out) == [("a1", "Anna Berg", "DEU", "import"), ("a2", "Anna Berg", "DEU", "import"),
                         ("a3", "Tom Lind", "SWE", "text")]
    assert set(out["role"][out["name"] == "Anna Berg"]) == {"Foreign Minister"}


def test_the_registry_keeps_the_sentence_that_stated_the_country():
    text = "German Foreign Minister Anna Berg spoke. Berg left."
    table = pd.DataFrame([("a1", "Anna Berg", "person", "DEU", "Foreign Minister", 2, 0, 40)], columns=COLUMNS)
    person = build(table, {"a1": text}).get("Anna Berg")
    assert (person.country.value, person.country.source, person.country.article, person.country.evidence) == (
        "DEU", "text", "a1", "German Foreign Minister Anna Berg spoke.")


# ------------------------------------------------------------ in the store, with the real pipeline

STATES = ("Title: A minister states her country\nSource: Test fixture\nDate: 2025-04-01\n\n"
          "German Foreign Minister Annika Vossberg said sanctions on Russia must stay in place.\n")
OMITS = ("Title: The minister again\nSource: Test fixture\nDate: 2025-04-02\n\n"
         "Annika Vossberg said the sanctions on Russia must be tightened.\n")


def test_an_ingest_resolves_people_in_earlier_articles(tmp_path):
    db = Store(tmp_path / "c.db")
    db.ingest([("omits.txt", parse_article(OMITS, "omits.txt"))])
    before = db.tables().statements
    assert before[["actor", "country", "country_source"]].values.tolist() == [["Annika Vossberg", "", ""]]
    db.ingest([("states.txt", parse_article(STATES, "states.txt"))])
    after = db.tables().statements.sort_values("country_source")
    assert after[["actor", "country", "country_source"]].values.tolist() == [
        ["Annika Vossberg", "DEU", "corpus"], ["Annika Vossberg", "DEU", "text"]]
    person = db.registry().get("Annika Vossberg")
    assert person.country.evidence == "German Foreign Minister Annika Vossberg said sanctions on Russia must stay in place."
    # deleting the article that stated it takes the country away again
    db.delete_article(parse_article(STATES, "states.txt").id)
    assert db.tables().statements["country"].tolist() == [""]


def test_registry_edits_survive_reanalysis_and_are_in_the_audit_trail(tmp_path, monkeypatch):
    db = Store(tmp_path / "c.db")
    db.ingest([("omits.txt", parse_article(OMITS, "omits.txt"))])
    db.edit_registry([Edit("country", "Annika Vossberg", value="AUT")], analyst="kim")
    monkeypatch.setattr("analysis.store.pipeline_version", lambda catalog=None: "another-version")
    assert db.refresh() == 1  # re-analysed with a "new" pipeline
    assert db.tables().actors[["name", "country", "country_source"]].values.tolist() == [
        ["Annika Vossberg", "AUT", "analyst"]]
    trail = db.corrections()
    assert trail[["action", "target", "country", "analyst"]].values.tolist() == [
        ["person_country", "Annika Vossberg", "AUT", "kim"]]


def test_roles_vote_whatever_their_capitals_and_an_empty_edit_gives_the_articles_value_back():
    table = actors(("a1", "Anna Berg", "DEU", "Foreign Minister"), ("a2", "Anna Berg", "", "foreign minister"),
                   ("a3", "Anna Berg", "", "Foreign Minister"))
    assert build(table).get("Anna Berg").role.value == "Foreign Minister"
    edits = [Edit("country", "Anna Berg", value="AUT"), Edit("role", "Anna Berg", value="Envoy")]
    person = build(table, edits=edits).get("Anna Berg")
    assert (person.country.value, person.country.source, person.role.value) == ("AUT", "analyst", "Envoy")
    edits += [Edit("country", "Anna Berg"), Edit("role", "Anna Berg")]
    person = build(table, edits=edits).get("Anna Berg")
    assert (person.country.value, person.country.source, person.role.value) == ("DEU", "text", "Foreign Minister")


def test_a_split_is_undone_by_merging_the_name_back():
    table = actors(("a1", "Olof Lindqvist", "SWE", ""), ("a2", "Olaf Lindqvist", "", ""))
    edits = [Edit("split", "Olaf Lindqvist"), Edit("merge", "Olaf Lindqvist", "Olof Lindqvist")]
    assert build(table, edits=edits).get("Olaf Lindqvist").variants == ("Olaf Lindqvist", "Olof Lindqvist")


@pytest.mark.parametrize("edit, message", [
    (Edit("country", "Nobody Known", value="DEU"), "'Nobody Known' is not in the actor registry"),
    (Edit("country", "Annika Vossberg", value="XYZ"), "'XYZ' is not a country code"),
    (Edit("merge", "Annika Vossberg"), "needs a second name"),
    (Edit("role", "Annika Vossberg", value="x" * 81), "longer than 80"),
    (Edit("rename", "Annika Vossberg"), "unknown registry edit"),
])
def test_a_bad_registry_edit_changes_nothing(tmp_path, edit, message):
    from analysis.errors import AnalysisError

    db = Store(tmp_path / "c.db")
    db.ingest([("omits.txt", parse_article(OMITS, "omits.txt"))])
    revision = db.revision()
    with pytest.raises(AnalysisError, match=message):
        db.edit_registry([Edit("not_person", "Annika Vossberg"), edit])
    assert db.revision() == revision and db.corrections().empty


def test_a_lone_surname_joins_its_one_full_name_also_in_the_same_article():
    # the article wrote the surname in another spelling, so the pipeline kept two actors
    table = actors(("a1", "Oleksandr Petrenkovych", "UKR", ""), ("a1", "Petrenkovich", "", ""))
    assert rows(resolved(table)) == [("a1", "Oleksandr Petrenkovych", "UKR", "text")]


def test_one_name_spelt_two_ways_in_one_article_is_one_person():
    table = actors(("a1", "Oleksandr Petrenkovych", "UKR", ""), ("a1", "Oleksandr Petrenkovich", "", ""),
                   ("a1", "Olof Lindqvist", "SWE", ""), ("a1", "Olaf Lindqvist", "", ""))
    assert rows(resolved(table)) == [("a1", "Olaf Lindqvist", "", ""), ("a1", "Oleksandr Petrenkovich", "UKR", "text"),
                                     ("a1", "Olof Lindqvist", "SWE", "text")]


def test_a_new_registry_code_rebuilds_the_registry_without_reanalysing(tmp_path, monkeypatch):
    db = Store(tmp_path / "c.db")
    db.ingest([("omits.txt", parse_article(OMITS, "omits.txt"))])
    with db.write() as con:  # a registry left by older code
        con.execute("DELETE FROM registry")
        con.execute("DELETE FROM registry_names")
    assert db.registry().people == []
    assert db.refresh() == 0  # nothing re-analysed: the registry code did not change
    assert db.registry().people == []
    monkeypatch.setattr("analysis.store.registry_version", lambda: "new-registry-code")
    assert db.refresh() == 0
    assert [p.name for p in db.registry().people] == ["Annika Vossberg"]
