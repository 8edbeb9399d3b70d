import pytest

from analysis.countries import country_code, country_name, party


@pytest.mark.parametrize("text, code", [
    ("German", "DEU"), ("U.S.", "USA"), ("US", "USA"), ("Ukraine's", "UKR"), ("the Kremlin", "RUS"),
    ("Moscow", "RUS"), ("Britain", "GBR"), ("the EU", "EU"), ("NATO", "NATO"), ("European Commission", "EU"),
    ("Latvian", "LVA"), ("the United States", "USA"), ("Reuters", ""), ("Monday", ""), ("he", ""), ("", ""),
    # the UN's organs written in full
    ("the United Nations Security Council", "UN"), ("the UN General Assembly", "UN"),
    ("United Nations General Assembly", "UN"), ("the EU Commission", "EU"),
    # the World Trade Organization is a body like the EU, NATO or the UN
    ("the World Trade Organization", "WTO"), ("World Trade Organisation", "WTO"), ("WTO", "WTO"),
])
def test_country_code(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text, code", [
    # a country's name the converter finds inside a longer word of a name or a title is none
    ("Anna Degbert", ""), ("Degbert", ""), ("Karl Macauvel", ""), ("Nordegblad", ""),
    # a demonym's ending after the name, or the country's own name, still counts
    ("Kenyan", "KEN"), ("Ukrainians", "UKR"), ("Belarussian", "BLR"), ("Switzerland", "CHE"), ("Macau", "MAC"), ("Great Britain", "GBR"),
])
def test_country_code_reads_no_country_inside_a_longer_word(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text, code", [
    ("CDU", "DEU"), ("the ruling Law and Justice party", "POL"), ("Fidesz party", "HUN"),
    # names that several countries' parties share say no country
    ("Labour", ""), ("the Conservative Party", ""), ("Greens", ""), ("Reuters", ""),
])
def test_party(text, code):
    assert party(text) == code


def test_country_name():
    assert [country_name(c) for c in ("DEU", "RUS", "EU", "")] == ["Germany", "Russia", "European Union", ""]


def test_country_names_come_from_the_converters_table_without_a_conversion_per_code(monkeypatch):
    """A picker names about 200 countries at once: each name is read from country_converter's
    table (the same short name its convert() gives), not converted one by one."""
    import pycountry

    from analysis import countries

    codes = sorted({c.alpha_3 for c in pycountry.countries} | set(countries._converter.data["ISO3"]))
    expected = {c: countries._converter.convert(c, src="ISO3", to="name_short", not_found=None) for c in codes}
    expected = {c: n if isinstance(n, str) else c for c, n in expected.items()}
    country_name.cache_clear()
    monkeypatch.setattr(countries._converter, "convert", lambda *a, **k: pytest.fail("a conversion per code"))
    assert {c: country_name(c) for c in countries._converter.data["ISO3"]} == {
        c: expected[c] for c in countries._converter.data["ISO3"]}
    monkeypatch.undo()
    country_name.cache_clear()
    assert {c: country_name(c) for c in codes} == expected


def test_is_code():
    from analysis.countries import is_code

    assert [is_code(c) for c in ("DEU", "EU", "NATO", "WTO", "XXX", "de")] == [True, True, True, True, False, False]


def test_the_data_files_accept_the_same_bodies_the_engine_knows():
    """The data-file schema (analysis.schema, which cannot import the country tables) keeps its own
    list of body codes: a body added to one list and not the other would be refused in places.toml
    or left without a name on the charts."""
    from analysis import countries, schema

    assert tuple(countries.BODIES) == schema.BODIES
    assert all(schema.is_code(code) and countries.is_code(code) for code in countries.BODIES)
