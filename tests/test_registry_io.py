"""The actor registry as CSV: export, import with validation, round trips through real stores.

Every person here is invented; the articles are a few sentences written for these tests."""

import csv
import io

import pandas as pd
import pytest

from analysis.errors import AnalysisError
from analysis.reader import parse_article
from analysis.registry import Edit, Fact, Imported, Person, Registry, build
from analysis.registry_io import CSV_COLUMNS, read_registry_csv, registry_csv
from analysis.store import Store

ARTICLES = {
    "a.txt": "Title: Two ministers on sanctions\nDate: 2025-04-01\n\nGerman Foreign Minister Anna Berg said sanctions "
             "on Russia must stay in place. Austrian Chancellor Paul Weber disagreed with Berg and said the sanctions "
             "should be eased.\n",
    "b.txt": "Title: A minister on a truce\nDate: 2025-04-02\n\nDanish Defence Minister Karen Holm rejected calls for "
             "an immediate ceasefire.\n",
    # "Karin Holm" (two mentions) joins "Karen Holm" (one): one letter apart, and the canonical name
    # is the more mentioned one, not the first alphabetically.
    "c.txt": "Title: Defence\nDate: 2025-04-03\n\nDefence Minister Karin Holm said Europe must spend more on its own "
             "defence. Holm also said sanctions on Russia must stay in place.\n",
    # One letter apart too, but the articles state different countries: two people.
    "d.txt": "Title: Adviser\nDate: 2025-04-04\n\nSwedish adviser Marta Lindqvist said sanctions on Russia must stay "
             "in place.\n",
    "e.txt": "Title: Adviser 2\nDate: 2025-04-05\n\nNorwegian adviser Martha Lindqvist said talks with Russia should "
             "start now.\n",
    # A lone surname that joins "Paul Weber" until an analyst splits it out.
    "f.txt": "Title: Weber\nDate: 2025-04-06\n\nWeber said the sanctions should be eased.\n",
    # A person no article gives a country, and an entry an analyst marks "not a person".
    "g.txt": "Title: Gamma\nDate: 2025-04-07\n\nOskar Brandt said talks with Russia should start now. Leopard said "
             "nothing.\n",
}


@pytest.fixture()
def corpus(tmp_path, nlp):
    store = Store(tmp_path / "corpus.db")
    store.ingest([(name, parse_article(text, name)) for name, text in ARTICLES.items()])
    return store


def facts(text: str) -> list[tuple]:
    """(name, variants, country, role) of each row of a registry CSV: what a round trip keeps."""
    return [(r["name"], r["variants"], r["country"], r["role"]) for r in csv.DictReader(io.StringIO(text))]


def person_row(store: Store, article_file: str, name: str) -> dict:
    t = store.tables()
    article = store.articles().set_index("origin").loc[article_file, "id"]
    [row] = t.actors[(t.actors.article == article) & (t.actors.name == name)].to_dict("records")
    return {k: row[k] for k in ("name", "country", "country_source", "role")}


# ------------------------------------------------------------ export

def test_export_lists_people_with_variants_country_role_and_source(corpus):
    corpus.edit_registry([Edit("split", "Weber"), Edit("not_person", "Leopard"),
                          Edit("role", "Paul Weber", value="Federal Chancellor"),
                          Edit("country", "Oskar Brandt", value="FIN")])
    assert list(csv.reader(io.StringIO(registry_csv(corpus.registry())))) == [
        CSV_COLUMNS,
        ["Anna Berg", "", "DEU", "Foreign Minister", "text"],
        ["Karin Holm", "Karen Holm", "DNK", "Defence Minister", "text"],
        ["Marta Lindqvist", "", "SWE", "adviser", "text"],
        ["Martha Lindqvist", "", "NOR", "adviser", "text"],
        ["Oskar Brandt", "", "FIN", "", "analyst"],
        ["Paul Weber", "", "AUT", "Federal Chancellor", "text"],
        ["Weber", "", "", "", ""],
    ]  # "Leopard" is not a person: left out


def test_export_of_an_empty_registry_is_the_header():
    assert registry_csv(Registry()) == "name,variants,country,role,source\n"
    assert read_registry_csv(registry_csv(Registry())) == []


# ------------------------------------------------------------ round trips

def test_round_trip_through_a_new_store(corpus, tmp_path):
    corpus.edit_registry([Edit("split", "Weber"), Edit("not_person", "Leopard"),
                          Edit("role", "Anna Berg", value="=Foreign Minister")])
    first = registry_csv(corpus.registry())
    fresh = Store(tmp_path / "new.db")
    assert fresh.import_registry(read_registry_csv(first.encode()), "shared.csv") == 7
    again = registry_csv(fresh.registry())
    assert facts(again) == facts(first) == [
        ("Anna Berg", "", "DEU", "'=Foreign Minister"),
        ("Karin Holm", "Karen Holm", "DNK", "Defence Minister"),
        ("Marta Lindqvist", "", "SWE", "adviser"),
        ("Martha Lindqvist", "", "NOR", "adviser"),
        ("Oskar Brandt", "", "", ""),
        ("Paul Weber", "", "AUT", "Chancellor"),
        ("Weber", "", "", ""),
    ]
    # The new store has no articles: every country is now an imported one.
    assert {r["source"] for r in csv.DictReader(io.StringIO(again)) if r["country"]} == {"import"}
    assert fresh.registry().get("Anna Berg").role.value == "=Foreign Minister"


def test_round_trip_back_into_the_same_store_changes_nothing(corpus):
    corpus.edit_registry([Edit("split", "Weber"), Edit("not_person", "Leopard")])
    first = registry_csv(corpus.registry())
    corpus.import_registry(read_registry_csv(first), "ours.csv")
    assert registry_csv(corpus.registry()) == first  # text still beats the imported copy


def test_imported_rows_stay_apart_and_keep_their_names():
    """An empty corpus (a new store) built from a list: names one letter apart, a lone surname and a
    less mentioned spelling, each as the list has it."""
    rows = read_registry_csv("name,variants,country\nMartha Lindqvist,,NOR\nMarta Lindqvist,,SWE\nWeber,,\n"
                             "Paul Weber,,AUT\nKaren Holm,Karin Holm,DNK\n")
    empty = pd.DataFrame(columns=["article", "name", "actor_type", "country", "role", "mentions"])
    registry = build(empty, imported=rows)
    assert sorted((p.name, p.variants, p.country) for p in registry.people) == [
        ("Karen Holm", ("Karen Holm", "Karin Holm"), Fact("DNK", "import")),
        ("Marta Lindqvist", ("Marta Lindqvist",), Fact("SWE", "import")),
        ("Martha Lindqvist", ("Martha Lindqvist",), Fact("NOR", "import")),
        ("Paul Weber", ("Paul Weber",), Fact("AUT", "import")),
        ("Weber", ("Weber",), Fact()),
    ]


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+1", "-Anna", "@SUM(A1)",
                                   "\t=1", "'=already quoted", "''@twice", "'plain", "O'Neill", "Anna Berg"])
def test_formula_cells_are_inert_in_the_file_and_exact_after_import(value):
    registry = Registry([Person(value, (value, "Variant " + value), Fact("DEU", "text"), Fact(value, "text"))],
                        {value: 0, "Variant " + value: 0})
    text = registry_csv(registry)
    [row] = list(csv.DictReader(io.StringIO(text, newline="")))
    for cell in (row["name"], row["role"]):  # what a spreadsheet reads
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert read_registry_csv(text) == [Imported(value, ("Variant " + value,), "DEU", value)]


# ------------------------------------------------------------ import into a store

def test_import_fills_a_country_no_article_states(corpus):
    assert person_row(corpus, "g.txt", "Oskar Brandt") == {"name": "Oskar Brandt", "country": "", "country_source": "",
                                                           "role": ""}
    corpus.import_registry(read_registry_csv("name,country,role\nOskar Brandt,fin,Envoy\n"), "list.csv")
    assert person_row(corpus, "g.txt", "Oskar Brandt") == {"name": "Oskar Brandt", "country": "FIN",
                                                           "country_source": "import", "role": "Envoy"}
    statements = corpus.tables().statements
    assert set(statements[statements.actor == "Oskar Brandt"].country_source) == {"import"}


def test_a_country_the_article_states_beats_an_import(corpus):
    corpus.import_registry(read_registry_csv("name,country\nAnna Berg,AT\nKaren Holm,SE\n"), "list.csv")
    assert person_row(corpus, "a.txt", "Anna Berg") == {"name": "Anna Berg", "country": "DEU", "country_source": "text",
                                                        "role": "Foreign Minister"}
    # the list's spelling becomes the canonical name; the country stated in b.txt stays
    assert person_row(corpus, "b.txt", "Karen Holm") == {"name": "Karen Holm", "country": "DNK",
                                                         "country_source": "text", "role": "Defence Minister"}
    assert person_row(corpus, "c.txt", "Karen Holm")["country_source"] == "corpus"


def test_an_analysts_edit_beats_an_import(corpus):
    corpus.import_registry(read_registry_csv("name,country\nOskar Brandt,FIN\n"), "list.csv")
    corpus.edit_registry([Edit("country", "Oskar Brandt", value="EST")])
    assert person_row(corpus, "g.txt", "Oskar Brandt")["country"] == "EST"
    corpus.import_registry(read_registry_csv("name,country\nOskar Brandt,LVA\n"), "later.csv")
    assert person_row(corpus, "g.txt", "Oskar Brandt")["country_source"] == "analyst"


def test_imported_variants_join_names_the_articles_keep_apart(corpus):
    """The articles state different countries for two spellings; the list says they are one person."""
    corpus.import_registry(read_registry_csv("name,variants,country\nMarta Lindqvist,Martha Lindqvist,SWE\n"), "l.csv")
    assert person_row(corpus, "e.txt", "Marta Lindqvist") == {"name": "Marta Lindqvist", "country": "NOR",
                                                              "country_source": "text", "role": "adviser"}
    person = corpus.registry().get("Martha Lindqvist")
    assert (person.name, person.variants, person.country) == (
        "Marta Lindqvist", ("Marta Lindqvist", "Martha Lindqvist"), Fact("SWE", "import"))  # one vote each: a tie


# ------------------------------------------------------------ reading the file

def test_columns_in_any_order_extra_columns_ignored_and_codes_normalised():
    text = ("Role,Notes,Country,NAME,source,variants\n"
            "Envoy,met twice,de,Anna Berg,analyst,A. Berg;  Anna M. Berg ; Anna Berg\n"
            ",,eu,Paul Weber,whatever,\n"
            "\n"
            ",,,,,\n"
            "adviser,,nor,Marta Lindqvist,,\n")
    assert read_registry_csv(text) == [
        Imported("Anna Berg", ("A. Berg", "Anna M. Berg"), "DEU", "Envoy"),
        Imported("Paul Weber", (), "EU", ""),
        Imported("Marta Lindqvist", (), "NOR", "adviser"),
    ]


def test_only_a_name_column_is_needed_and_a_semicolon_separated_file_is_read():
    assert read_registry_csv("name\nAnna Berg\nPaul Weber\n") == [Imported("Anna Berg"), Imported("Paul Weber")]
    assert read_registry_csv('name;variants;country\nAnna Berg;"A. Berg; Berg";DEU\n') == [
        Imported("Anna Berg", ("A. Berg", "Berg"), "DEU")]


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b""])
def test_utf8_with_or_without_bom(bom):
    data = bom + "name,country\nŠárka Dvořáková,CZE\n".encode()
    assert read_registry_csv(data) == [Imported("Šárka Dvořáková", (), "CZE")]
    assert read_registry_csv(data.decode("utf-8")) == [Imported("Šárka Dvořáková", (), "CZE")]  # text with its BOM


BAD_ROWS = [
    ("name,country\nAnna Berg,DEU\n,AUT\n", "line 3: the name is empty"),
    ("name,country\nAnna Berg,DEU\nPaul Weber,XYZ\n",
     "line 3: country 'XYZ' is not an ISO 3166-1 alpha-3 or alpha-2 code (DEU or DE) nor EU/NATO/UN/WTO"),
    ("name,country\nAnna Berg,Germany\n", ("line 2: country 'Germany' is not an ISO 3166-1 alpha-3 or alpha-2 code "
                                           "(DEU or DE) nor EU/NATO/UN/WTO; did you mean DEU?")),
    ("name,country\nAnna Berg,UK\n", "line 2: country 'UK' is not"),
    ("name,country\nAnna Berg,DEU\nPaul Weber,AUT\nAnna Berg,AUT\n", "line 4: 'Anna Berg' is already on line 2"),
    ("name,variants\nAnna Berg,A. Berg\nA. Berg,\n", "line 3: 'A. Berg' is already on line 2"),
    ("name,variants\nAnna Berg,\nPaul Weber,Berg; Anna Berg\n", "line 3: 'Anna Berg' is already on line 2"),
    ("name,country\nBerg; Anna,DEU\n", "line 2: the name 'Berg; Anna' contains ';'"),
    ("name,country\nBerg, Anna,DEU\n", "line 2: 3 cells but the header has 2 columns"),
    # a quoted cell over two lines is one spreadsheet row
    ('name,role\nAnna Berg,"Foreign\nMinister"\n,Envoy\n', "line 3: the name is empty"),
]


@pytest.mark.parametrize("text, message", BAD_ROWS)
def test_a_bad_row_is_named_by_its_line_and_nothing_is_returned(text, message):
    with pytest.raises(AnalysisError) as err:
        read_registry_csv(text.encode("utf-8"), "list.csv")
    assert str(err.value).startswith("list.csv: nothing imported, 1 bad line: ")
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_every_bad_line_is_counted_and_the_first_five_named():
    lines = ["name,country"] + [f"Person {i},XX{i}" for i in range(2, 9)] + ["Good Person,DEU"]
    with pytest.raises(AnalysisError) as err:
        read_registry_csv("\n".join(lines))
    message = str(err.value)
    assert message.startswith("the registry file: nothing imported, 7 bad lines: line 2: country 'XX2'")
    assert [f"line {i}:" in message for i in range(2, 9)] == [True] * 5 + [False] * 2
    assert message.endswith("; and 2 more bad lines.")


@pytest.mark.parametrize("data, message", [
    (b"", "list.csv: the file is empty"),
    (b"\xef\xbb\xbf\n", "list.csv: the file is empty"),
    (b"Anna Berg,DEU\nPaul Weber,AUT\n", "list.csv: line 1 must be a header with a 'name' column"),
    (b"name,country,Name\nAnna Berg,DEU,x\n", "list.csv: line 1 names the column 'name' twice"),
    (b"PK\x03\x04\x14\x00\x06\x00", "list.csv: this is a spreadsheet workbook (.xlsx/.ods), not CSV"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "list.csv: this looks like a binary file"),
    ("name\nAnna Berg\nJ\xfcrgen Maier\n".encode("latin-1"), "list.csv: line 3 is not UTF-8 text"),
])
def test_a_file_that_is_not_a_registry_csv_is_refused(data, message):
    with pytest.raises(AnalysisError, match="^" + message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        read_registry_csv(data, "list.csv")


def test_limits_on_rows_and_size(monkeypatch):
    from analysis import registry_io

    monkeypatch.setattr(registry_io, "MAX_ROWS", 3)
    assert len(read_registry_csv("name\nA One\n\nB Two\nC Three\n")) == 3  # blank rows do not count
    with pytest.raises(AnalysisError, match="more than 3 people; split the list"):
        read_registry_csv("name\nA One\nB Two\nC Three\nD Four\n")
    monkeypatch.setenv("DASHBOARD_MAX_BYTES", "20")
    with pytest.raises(AnalysisError, match="over the 0.0 MB limit"):
        read_registry_csv(b"name\nA One\nB Two\nC Three\n")
