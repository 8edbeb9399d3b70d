"""Reading articles from files or pasted text into Article records.

Accepts .txt, .md and .html/.htm. Text files may start with a metadata header
(``Title:``, ``Source:``, ``Date:`` lines, then a blank line); Markdown takes its first
``# heading`` as title; HTML goes through trafilatura (text and metadata). Encodings are
detected with charset-normalizer. Every refusal is an InputError whose message says what to do.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from datetime import datetime
from pathlib import Path

from charset_normalizer import from_bytes

from analysis import settings
from analysis.errors import InputError
from analysis.records import Article

SUFFIXES = {".txt", ".md", ".html", ".htm"}
WESTERN = ("cp1252", "latin_1", "iso8859_15")
MAX_CHARS = 1_000_000  # spaCy's default nlp.max_length: longer texts would need several GB to parse
HEADER_RE = re.compile(r"^(title|source|date)\s*:\s*(.*)$", re.IGNORECASE)
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one). Text with
# a BOM is decoded by it: UTF-16/32 text is full of NUL bytes and would otherwise look binary.
BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
# Unambiguous written forms of a date; day/month order is never guessed (03/04/2025).
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")
# A link to another story left in the page's text ("Read Also: EU announces new sanctions", "SEE
# ALSO: ...", "Read more"), on a line of its own or after a sentence's end: the other story's
# headline, no part of this one (its "EU announces" is no statement here). Cut to the line's end.
RELATED_LINK = re.compile(
    r"(?:^|(?<=[.!?\"”»’]))[ \t]*(?:read also|see also|also read|read more(?: about)?|more on this(?: story)?"
    r"|related(?: articles?| stories| news| coverage)?|latest coverage)\b[ \t]*(?::.*)?$", re.IGNORECASE | re.MULTILINE)


def max_bytes() -> int:
    return int(settings.get("DASHBOARD_MAX_BYTES"))


def megabytes(n: int) -> str:
    """Size as the analyst reads it: 5242880 -> "5.0 MB" (1 MB = 1,048,576 bytes)."""
    return f"{n / 1048576:.1f} MB"


def decode(data: bytes, name: str) -> str:
    """Bytes -> str, refusing empty, oversized and binary input."""
    limit = max_bytes()
    if len(data) > limit:
        raise InputError(f"{name}: {megabytes(len(data))} is over the {megabytes(limit)} limit; "
                         "split the file or raise DASHBOARD_MAX_BYTES.")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError:
                raise InputError(f"{name}: the file starts with a {encoding.upper()} byte-order mark but is not valid "
                                 f"{encoding.upper()} text; save it again as UTF-8.") from None
            if not text.strip():
                raise InputError(f"{name}: the file is empty; nothing to analyse.")
            return text
    if not data.strip():
        raise InputError(f"{name}: the file is empty; nothing to analyse.")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: this looks like a binary file, not text; upload .txt, .md or .html.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(f"{name}: the text encoding could not be detected; save the file as UTF-8 and try again.")
    # Short texts often fit several single-byte code pages equally well; among the cleanest
    # candidates prefer windows-1252, the web's default for legacy Western text (WHATWG).
    cleanest = min(m.chaos for m in matches)
    western = [m for m in matches if m.chaos == cleanest and m.encoding in WESTERN]
    return str(western[0] if western else from_bytes(data).best())


def normalise_date(value: str, name: str) -> str:
    """A written date -> "YYYY-MM-DD"; "" stays "" (undated). ISO timestamps keep their day.
    Anything else raises InputError saying how to write it."""
    value = value.strip()
    if not value:
        return ""
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]", value):
        value = value[:10]
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    raise InputError(f"{name}: the date {value!r} is not a date this tool can read; write it as YYYY-MM-DD "
                     "(e.g. 2025-02-14) or leave it out.")


def article_id(text: str) -> str:
    """Content hash of the body: the same article uploaded twice gets the same id."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _split_header(text: str) -> tuple[dict, str]:
    meta = {}
    lines = text.lstrip("\ufeff").splitlines()
    i = 0
    while i < len(lines) and (m := HEADER_RE.match(lines[i].strip())):
        meta[m.group(1).lower()] = m.group(2).strip()
        i += 1
    if meta and (i == len(lines) or not lines[i].strip()):
        return meta, "\n".join(lines[i:]).strip()
    return {}, text.strip()


def _from_html(raw: str, name: str) -> tuple[dict, str]:
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_recall=True)
    if not text:
        raise InputError(f"{name}: no article text found in this HTML page.")
    meta = {}
    info = trafilatura.extract_metadata(raw)
    if info is not None:
        meta = {"title": info.title or "", "source": info.sitename or info.hostname or info.author or "", "date": info.date or ""}
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and meta.get("title") and lines[0] == meta["title"]:
        lines = lines[1:]  # the headline repeated as first paragraph
    # One line per paragraph from trafilatura; blank lines keep sentences from running together.
    return meta, "\n\n".join(lines)


def _without_related_links(body: str) -> str:
    """The text without links to other stories (``RELATED_LINK``); the line breaks stay."""
    return RELATED_LINK.sub("", body).strip()


def _headline(body: str) -> str:
    """A first line that reads as a headline (short, no final full stop) names the article; it
    stays in the text, so offsets into the text do not move."""
    first = body.strip().split("\n", 1)[0].strip()
    if 3 <= len(first.split()) <= 25 and not first.endswith((".", ":", ";", ",")) and len(body.strip()) > len(first):
        return first
    return ""


def parse_article(raw: str, name: str, kind: str = ".txt", title: str = "", source: str = "", date: str = "") -> Article:
    """An Article from decoded text. Explicit title/source/date win over what the text says."""
    if kind in (".html", ".htm") or (kind == "auto" and re.search(r"<(html|body|p|div|article)\b", raw[:2000], re.I)):
        meta, body = _from_html(raw, name)
    else:
        meta, body = _split_header(raw)
        if kind == ".md" and not meta.get("title"):
            m = re.match(r"#\s+(.+)\n", body)
            if m:
                meta["title"] = m.group(1).strip()
                body = body[m.end():].strip()
    if kind == ".md":
        more, body = _split_header(body)
        meta = {**more, **{k: v for k, v in meta.items() if v}}
    # the id is the text's as given, before links to other stories are cut: an article stored by
    # an earlier version keeps its id (and its analysts' corrections) when it is read again
    identity = article_id(body) if body.strip() else ""
    body = _without_related_links(body)
    if not body.strip():
        raise InputError(f"{name}: the file has a header but no article text.")
    if len(body) > MAX_CHARS:
        raise InputError(f"{name}: the article text has {len(body):,} characters, more than the {MAX_CHARS:,} the "
                         "language model analyses at once; split it into smaller articles.")
    return Article(
        id=identity,
        title=title or meta.get("title") or _headline(body) or Path(name).stem.replace("-", " ").replace("_", " "),
        source=source or meta.get("source", ""),
        date=normalise_date(date or meta.get("date", ""), name),
        text=body,
    )


def read_file(path: str | Path) -> Article:
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {path.suffix or '(none)'}; use .txt, .md or .html.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from exc
    return parse_article(decode(data, str(path)), str(path), path.suffix.lower())


def expand_paths(paths) -> list[Path]:
    """Files named, and the article files inside folders named, sorted; missing paths raise."""
    files = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        elif p.exists():
            files.append(p)
        else:
            raise InputError(f"{p}: no such file or folder.")
    return files
