"""Bad input gives a clear InputError; good input of each type becomes an Article."""

import pytest

from analysis.errors import InputError
from analysis.reader import article_id, parse_article, read_file


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n  ", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("notes.docx", b"hello", "unsupported file type"),
    ("header-only.txt", b"Title: x\nDate: 2025-01-01\n\n", "no article text"),
])
def test_bad_files_are_refused_with_a_clear_message(tmp_path, name, data, message):
    with pytest.raises(InputError, match=message):
        read_file(write(tmp_path, name, data))


def test_size_limit_is_configurable_and_named(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_MAX_BYTES", str(100 * 1024))
    with pytest.raises(InputError, match=r"over the 0\.1 MB limit; split the file or raise DASHBOARD_MAX_BYTES"):
        read_file(write(tmp_path, "big.txt", b"word " * 30_000))


@pytest.mark.parametrize("text", [
    "Portuguese Foreign Minister João Matos said Portugal would help.",
    "Le ministre français a déclaré que la sécurité européenne était prioritaire. Ça compte.",
    "Der Außenminister sagte, die Sanktionen müssten bleiben.",
])
def test_short_latin1_texts_are_decoded(text):
    from analysis.reader import decode

    assert decode(text.encode("latin-1"), "x.txt") == text


def test_latin1_text_is_decoded(tmp_path):
    text = "Le ministre français a déclaré que la sécurité européenne était prioritaire. Ça compte."
    article = read_file(write(tmp_path, "fr.txt", text.encode("latin-1")))
    assert "déclaré" in article.text and "sécurité" in article.text


def test_html_scripts_and_handlers_are_dropped(tmp_path):
    html = (b"<html><head><title>Talks</title><script>alert('x')</script></head><body><article>"
            b"<h1>Talks</h1><p onclick=\"steal()\">The minister said talks must start now, and that "
            b"Europe must be part of any negotiations on the future of the continent.</p></article></body></html>")
    article = read_file(write(tmp_path, "page.html", html))
    assert "alert" not in article.text and "onclick" not in article.text and "<" not in article.text
    assert article.title == "Talks"


def test_header_metadata_and_content_hash():
    a = parse_article("Title: T\nSource: S\nDate: 2025-02-01\n\nBody text here.", "x.txt")
    assert (a.title, a.source, a.date, a.text) == ("T", "S", "2025-02-01", "Body text here.")
    assert a.id == article_id("Body   text here.")


def test_text_longer_than_the_parser_takes_is_refused(monkeypatch):
    monkeypatch.setenv("DASHBOARD_MAX_BYTES", str(10 * 1024 * 1024))
    with pytest.raises(InputError, match="split it into smaller articles"):
        parse_article("Word. " * 200_000, "long.txt")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding):
    text = "Title: Kyiv\n\nThe Ukrainian minister said talks must include Ukraine. Ça compte."
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    article = read_file(write(tmp_path, "wide.txt", bom + text.encode(encoding)))
    assert article.title == "Kyiv" and article.text.endswith("Ça compte.")


@pytest.mark.parametrize("written, stored", [
    ("2025-02-14", "2025-02-14"),
    ("2025-02-14T09:30:00+01:00", "2025-02-14"),
    ("14 February 2025", "2025-02-14"),
    ("Feb 14, 2025", "2025-02-14"),
    ("", ""),
])
def test_dates_are_stored_as_iso(written, stored):
    assert parse_article(f"Title: T\nDate: {written}\n\nBody text.", "x.txt").date == stored


@pytest.mark.parametrize("written", ["2025-02-30", "yesterday", "03/04/2025", "2025-13-01"])
def test_an_invalid_date_is_refused_with_how_to_write_it(written):
    with pytest.raises(InputError, match=r"x\.txt: the date .* write it as YYYY-MM-DD"):
        parse_article(f"Title: T\nDate: {written}\n\nBody text.", "x.txt")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_article("Body text.", "pasted text", date=written)
