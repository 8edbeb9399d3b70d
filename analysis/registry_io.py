"""The actor registry as a CSV file, so a team can share one or start from a list it already keeps.

Columns (``CSV_COLUMNS``): ``name`` (the canonical name), ``variants`` (the other spellings,
separated by ``; ``), ``country`` (ISO 3166-1 alpha-3, or EU / NATO / UN / WTO), ``role`` and
``source`` (where the country came from: text | analyst | import; empty when there is none).

Export (``registry_csv``) writes one row per person, sorted by name. Entries an analyst marked
"not a person" are left out: the file lists people. Cells a spreadsheet would run as a formula
get a leading ``'`` as in every CSV of the project (analysis.csvout); so that this is undone
exactly on import, a cell that starts with quotes followed by a formula character gets one
more quote (``'=x`` is written ``''=x``), and import removes one quote from such a cell.

Import (``read_registry_csv``) reads UTF-8 (with or without a byte-order mark), comma-separated
(a semicolon- or tab-separated file is recognised by its header). Other encodings are refused,
not guessed: a wrong guess would store wrong names. The first line is the header: ``name`` is
required, the other columns are optional, in any order, case-insensitive; other columns are
ignored, and so is ``source`` (every imported country counts as "import": it fills what no
article states, and an analyst's edit beats it; see analysis.registry). Countries are checked
with pycountry: an alpha-3 code, EU / NATO / UN / WTO, or an alpha-2 code (converted to alpha-3), in
any case; a country name is refused, with the code as a hint ("did you mean DEU?"). Every row
is one person. Bad rows are reported with their line numbers as a spreadsheet shows them
(header = line 1, a quoted cell over two lines is one row), the first ``SHOWN_ERRORS`` in one
line, and nothing is imported: an empty name, an unknown country, a name (or variant) on two
rows, a name containing ``;``, a row with more cells than the header. Blank rows are skipped.
"""

from __future__ import annotations

import csv
import io

import pycountry

from analysis.countries import BODIES, is_code
from analysis.csvout import FORMULA_START
from analysis.errors import RegistryFileError
from analysis.reader import max_bytes, megabytes
from analysis.registry import Imported, Registry

CSV_COLUMNS = ["name", "variants", "country", "role", "source"]
MAX_ROWS = 20_000  # people per file: every write rebuilds the registry (~15 s with 20,000)
SHOWN_ERRORS = 5  # bad lines named in the one-line message
_DELIMITERS = (",", ";", "\t")


def _neutralise(value: str) -> str:
    """A leading quote before a cell a spreadsheet would run, or one that already starts with quotes
    before a formula character (so that ``_restore`` gives back exactly the value)."""
    return "'" + value if value.lstrip("'").startswith(FORMULA_START) else value


def _restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_START) else cell


def registry_csv(registry: Registry) -> str:
    """The registry as CSV text (header ``CSV_COLUMNS``), one row per person sorted by name; people
    marked "not a person" are left out. ``variants`` holds the other spellings, not the name."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for p in sorted((p for p in registry.people if not p.not_person), key=lambda p: p.name):
        variants = "; ".join(v for v in p.variants if v != p.name)
        source = p.country.source if p.country.value else ""
        writer.writerow([_neutralise(v) for v in (p.name, variants, p.country.value, p.role.value, source)])
    return out.getvalue()


def _decode(data: bytes | str, name: str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > max_bytes():
        raise RegistryFileError(f"{name}: {megabytes(len(data))} is over the {megabytes(max_bytes())} limit; "
                                "split the list or raise DASHBOARD_MAX_BYTES.")
    if data.startswith(b"PK\x03\x04"):
        raise RegistryFileError(f"{name}: this is a spreadsheet workbook (.xlsx/.ods), not CSV; save it as "
                                "\"CSV UTF-8\" and import that file.")
    if b"\x00" in data[:8192]:
        raise RegistryFileError(f"{name}: this looks like a binary file, not CSV text; export the list as "
                                "\"CSV UTF-8\".")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise RegistryFileError(f"{name}: line {line} is not UTF-8 text; save the list as \"CSV UTF-8\" "
                                "(a guessed encoding could change the names).") from None
    if not text.strip():
        raise RegistryFileError(f"{name}: the file is empty; it needs a header line with a 'name' column.")
    return text


def _header(text: str, name: str) -> tuple[str, dict[str, int], int]:
    """(delimiter, column -> index, number of columns) from the first line."""
    for delimiter in _DELIMITERS:
        cells = [c.strip().lower() for c in next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])]
        if "name" in cells:
            break
    else:
        first = text.splitlines()[0]
        raise RegistryFileError(f"{name}: line 1 must be a header with a 'name' column (columns: "
                                f"{', '.join(CSV_COLUMNS)}; only name is required); it reads {first[:80]!r}.")
    twice = sorted({c for c in cells if c in CSV_COLUMNS and cells.count(c) > 1})
    if twice:
        raise RegistryFileError(f"{name}: line 1 names the column {twice[0]!r} twice; keep one.")
    return delimiter, {c: cells.index(c) for c in CSV_COLUMNS if c in cells}, len(cells)


def _country(value: str) -> tuple[str, str]:
    """(code, "") for a valid country, ("", what is wrong) otherwise."""
    code = value.strip().upper()
    if not code or code in BODIES:
        return code, ""
    if len(code) == 3 and code.isalpha() and is_code(code):
        return code, ""
    if len(code) == 2 and code.isalpha():
        found = pycountry.countries.get(alpha_2=code)
        if found is not None:
            return found.alpha_3, ""
    try:
        hint = f"; did you mean {pycountry.countries.lookup(value.strip()).alpha_3}?"
    except LookupError:
        hint = ""
    return "", f"country {value!r} is not an ISO 3166-1 alpha-3 or alpha-2 code (DEU or DE) nor EU/NATO/UN/WTO{hint}"


def read_registry_csv(data: bytes | str, name: str = "the registry file") -> list[Imported]:
    """Validated rows of a registry CSV (see the module docstring), in file order. Raises
    RegistryFileError naming the file and the first few bad lines; then nothing may be imported."""
    text = _decode(data, name)
    delimiter, column, width = _header(text, name)
    rows: list[Imported] = []
    errors: list[str] = []
    count = 0
    seen: dict[str, int] = {}  # name or variant -> line it is on
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader)
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        count += 1
        if count > MAX_ROWS:
            raise RegistryFileError(f"{name}: more than {MAX_ROWS:,} people; split the list into smaller files.")
        cell = {c: _restore(cells[i].strip()) if i < len(cells) else "" for c, i in column.items()}
        problems = []
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            problems.append(f"{len(cells)} cells but the header has {width} columns (put a cell that contains "
                            f"{delimiter!r} in double quotes)")
        person = cell["name"]
        variants = [v.strip() for v in cell.get("variants", "").split(";")]
        variants = list(dict.fromkeys(v for v in variants if v and v != person))
        if not person:
            problems.append("the name is empty")
        elif ";" in person:
            problems.append(f"the name {person!r} contains ';', which separates variants; put other spellings "
                            "in the variants column")
        for n in ([person] if person else []) + variants:
            if n in seen:
                problems.append(f"{n!r} is already on line {seen[n]} (one row per person; other spellings go in "
                                "variants)")
            else:
                seen[n] = line
        country, wrong = _country(cell.get("country", ""))
        if wrong:
            problems.append(wrong)
        if problems:
            errors.append(f"line {line}: " + ", ".join(problems))
        else:
            rows.append(Imported(person, tuple(variants), country, cell.get("role", "")))
    if errors:
        more = f"; and {len(errors) - SHOWN_ERRORS} more bad lines" if len(errors) > SHOWN_ERRORS else ""
        raise RegistryFileError(f"{name}: nothing imported, {len(errors)} bad line{'s' * (len(errors) > 1)}: "
                                + "; ".join(errors[:SHOWN_ERRORS]) + more + ".")
    return rows
