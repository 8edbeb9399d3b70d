import pytest

from analysis.countries import country_code, country_name


@pytest.mark.parametrize("text, code", [
    ("German", "DEU"), ("U.S.", "USA"), ("US", "USA"), ("Ukraine's", "UKR"), ("the Kremlin", "RUS"),
    ("Moscow", "RUS"), ("Britain", "GBR"), ("the EU", "EU"), ("NATO", "NATO"), ("European Commission", "EU"),
    ("Latvian", "LVA"), ("the United States", "USA"), ("Reuters", ""), ("Monday", ""), ("he", ""), ("", ""),
    # the UN's organs written in full
    ("the United Nations Security Council", "UN"), ("the UN General Assembly", "UN"),
    ("United Nations General Assembly", "UN"), ("the EU Commission", "EU"),
])
def test_country_code(text, code):
    assert country_code(text) == code


def test_country_name():
    assert [country_name(c) for c in ("DEU", "RUS", "EU", "")] == ["Germany", "Russia", "European Union", ""]


def test_is_code():
    from analysis.countries import is_code

    assert [is_code(c) for c in ("DEU", "EU", "NATO", "XXX", "de")] == [True, True, True, False, False]
