"""PNG exports as an analyst receives them: every chart is rendered by the real exporter
(kaleido driving Debian chromium) at each offered size and read back with OCR (Debian
tesseract-ocr). The title, the active filters, the country names, the issue labels and the legend
must be legible in the image, which they are not when a label is clipped or missing."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from analysis.alignment import alignment, country_scores
from ui import charts, export

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not shutil.which("tesseract") or not CHROMIUM.exists(),
                                reason="needs Debian chromium and tesseract-ocr (.ci/run installs both)")

LABELS = {"ceasefire": "Immediate ceasefire", "sanctions": "Sanctions on Russia",
          "peacekeeping_troops": "Peacekeeping troops", "european_defence": "European defence"}
COLS = ["article", "actor", "actor_type", "country", "role", "issue", "stance", "evidence", "start", "end", "quote",
        "kind", "confidence"]
# (actor, country, issue, stance, article)
ROWS = [
    ("Ann Reed", "USA", "ceasefire", "support", "a1"), ("Ann Reed", "USA", "sanctions", "oppose", "a1"),
    ("Ann Reed", "USA", "european_defence", "support", "a2"),
    ("Bo Lang", "DEU", "ceasefire", "oppose", "a1"), ("Bo Lang", "DEU", "sanctions", "support", "a2"),
    ("Cy Roux", "FRA", "ceasefire", "oppose", "a2"), ("Cy Roux", "FRA", "peacekeeping_troops", "support", "a2"),
    ("Cy Roux", "FRA", "european_defence", "support", "a3"),
    ("Di Nowak", "POL", "sanctions", "support", "a3"), ("Di Nowak", "POL", "european_defence", "support", "a3"),
    ("Ed Berg", "NOR", "sanctions", "support", "a2"),
    ("Flo Rossi", "ITA", "peacekeeping_troops", "oppose", "a3"),
    ("Gus Vega", "ESP", "ceasefire", "support", "a3"), ("Gus Vega", "ESP", "european_defence", "support", "a1"),
    ("Hal Shevchenko", "UKR", "ceasefire", "oppose", "a1"), ("Hal Shevchenko", "UKR", "sanctions", "support", "a1"),
    ("Ivo Petrov", "RUS", "ceasefire", "support", "a4"),
    ("Kaja Tamm", "EU", "sanctions", "support", "a2"),
]
COUNTRIES = ["United States", "Germany", "France", "Poland", "Norway", "Italy", "Spain", "Ukraine", "Russia",
             "European Union"]
SIZES = list(export.SIZES)[:2]  # 1600 x 900 and the square: the narrow one clips first
CAPTION = "Reference: United States · Countries: Germany, France, Poland · Stance: support, oppose"


def sample():
    """(statements, articles, reactions, actors, alignment, scores with their basis)."""
    s = pd.DataFrame([(art, actor, "person", country, "Minister", issue, stance, f"{actor} spoke.", 0, 5, "",
                       "indirect", 0.9) for actor, country, issue, stance, art in ROWS], columns=COLS)
    articles = pd.DataFrame({"id": ["a1", "a2", "a3", "a4"], "title": ["One", "Two", "Three", "Four"],
                             "date": ["2025-02-14", "2025-02-20", "2025-03-02", "sometime in spring"]})
    reactions = pd.DataFrame(
        [("a1", "Bo Lang", "DEU", "Ann Reed", "USA", "disagrees", "Bo Lang rejected Ann Reed's plan.", 0, 5),
         ("a2", "Cy Roux", "FRA", "Bo Lang", "DEU", "agrees", "Cy Roux backed Bo Lang.", 0, 5),
         ("a2", "Gus Vega", "ESP", "Ann Reed", "USA", "responds", "Gus Vega answered Ann Reed.", 0, 5)],
        columns=["article", "source", "source_country", "target", "target_country", "relation", "evidence", "start",
                 "end"])
    actors = pd.DataFrame({"name": [r[0] for r in ROWS], "country": [r[1] for r in ROWS]}).drop_duplicates()
    al = alignment(s, "USA", list(LABELS))
    return s, articles, reactions, actors, al, charts.score_basis(country_scores(al), al, s)


@pytest.fixture(scope="module")
def data():
    return sample()


def ocr(png: bytes, tmp_path: Path, name: str) -> str:
    """Text tesseract reads in the image, lower case, one space between words. Read three times:
    as it is, in black and white (so text beside coloured map areas is found), and turned by 30
    degrees for slanted axis labels; each at twice the size, where 11-13 px labels read well."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    large = image.resize((image.width * 2, image.height * 2), Image.LANCZOS)
    black_white = large.point(lambda v: 0 if v < 150 else 255)
    readers = []
    for label, picture in (("plain", large), ("bw", black_white),
                           ("turned", black_white.rotate(-30, expand=True, fillcolor=255))):
        path = tmp_path / f"{name}_{label}.png"
        picture.save(path)
        readers.append(subprocess.Popen(["tesseract", str(path), "stdout", "--psm", "11"], stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True))
    texts = [reader.communicate(timeout=120)[0] for reader in readers]
    assert all(reader.returncode == 0 for reader in readers), "tesseract failed"
    return re.sub(r"\s+", " ", " ".join(texts)).lower()


def assert_legible(text: str, words: list[str]):
    """Each of ``words`` appears in the OCR text (tesseract reads the middle dot as - or «)."""
    dots = str.maketrans({"·": "-", "«": "-", "»": "-", "•": "-"})
    missing = [w for w in words if w.lower().translate(dots) not in text.translate(dots)]
    assert not missing, f"not legible in the PNG: {missing}\nOCR read: {text[:1500]}"


def png_size(data: bytes) -> tuple[int, int]:
    import struct

    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


CHARTS = {
    "map-europe": (lambda d: charts.alignment_map(d[5], d[0], "USA", LABELS, "europe"),
                   ["Alignment with United States (Europe)", "reference: United States",
                    "faded, marked 1:", "score rests on one shared issue", "grey, marked 0: positions, but none",
                    "on an issue United States addressed", "EU / NATO / UN",
                    "at their seats (colour = score)", "white: no positions", "in the articles", "+1 aligned",
                    "divergent"]),
    "map-world": (lambda d: charts.alignment_map(d[5], d[0], "USA", LABELS, "world"),
                  ["Alignment with United States (world)", "reference: United States",
                   "score rests on one shared issue", "in the articles"]),
    "versus": (lambda d: charts.reference_versus_countries(d[4], LABELS, "USA"),
               ["United States versus others, per issue", "divergent", "mixed", "aligned",
                "number of countries and bodies", "Immediate ceasefire (United States: support)",
                "Sanctions on Russia (United States: oppose)", "European defence (United States: support)"]),
    "matrix": (lambda d: charts.stance_matrix(d[0], LABELS),
               ["Stance by country and issue", "support (+)", "oppose", "no position on that issue",
                *LABELS.values(), *COUNTRIES]),
    "network": (lambda d: charts.reaction_network(d[2], d[3]),
                ["Reactions: who answers whom", "agrees", "disagrees", "responds", "Bo Lang (DEU)",
                 "Ann Reed (USA)", "Cy Roux (FRA)", "Gus Vega (ESP)"]),
    "timeline": (lambda d: charts.positions_by_date(d[0], d[1], LABELS),
                 ["Positions over time", "1 undated article", "2025-02-14", "2025-03-02", "support", "oppose",
                  "Germany · Immediate ceasefire", "Norway · Sanctions on Russia", "Poland · European defence",
                  "United States · European defence"]),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("chart", list(CHARTS))
def test_every_export_is_legible(data, chart, size, tmp_path):
    build, words = CHARTS[chart]
    fig = build(data)
    width, height = export.size(fig, size)
    png = export.png_bytes(fig, CAPTION, width, height)
    assert png_size(png) == (width, height)
    (tmp_path / f"{chart}.png").write_bytes(png)
    text = ocr(png, tmp_path, chart)
    # the filters line under the title, whole: nothing of it runs off the right edge
    assert_legible(text, [*words, "Reference: United States", "Countries: Germany, France, Poland",
                          "Stance: support, oppose"])


def test_full_height_export_fits_every_row(data, tmp_path):
    """The tall size grows with the chart: a long timeline keeps every row label legible."""
    s = data[0]
    many = pd.concat([s.assign(country=c) for c in ["DEU", "FRA", "POL", "NOR", "ITA", "ESP", "SWE", "FIN",
                                                    "DNK", "NLD", "BEL", "AUT"]])
    fig = charts.positions_by_date(many, data[1], LABELS)
    width, height = export.size(fig, "1600 × full height (every row)")
    assert width == 1600 and height > 1200
    png = export.png_bytes(fig, CAPTION, width, height)
    assert png_size(png) == (width, height)
    assert_legible(ocr(png, tmp_path, "tall"), ["Sweden · Sanctions on Russia", "Austria · Peacekeeping troops",
                                                 "Belgium · European defence", "Finland · Immediate ceasefire"])


def test_long_filter_line_wraps_inside_the_image(data, tmp_path):
    countries = ", ".join(COUNTRIES)
    caption = f"Reference: United States · Countries: {countries} · Issues: {', '.join(LABELS.values())}"
    fig = charts.stance_matrix(data[0], LABELS)
    lines = export.caption_lines(caption, 1000)
    assert len(lines) > 1 and all(len(line) * export.CAPTION_PX_PER_CHAR < 1000 for line in lines)
    png = export.png_bytes(fig, caption, 1000, 1000)
    assert_legible(ocr(png, tmp_path, "caption"), ["Issues: Immediate ceasefire", "European Union"])


def test_browser_and_server_draw_the_same_framed_figure(data):
    """The app shows export.framed(fig) and the toolbar camera downloads it at the chosen size; the
    server renders the very same framed figure at that size."""
    fig = charts.stance_matrix(data[0], LABELS)
    framed = export.framed(fig, CAPTION, 1600, 900)
    assert framed.layout.title.subtitle.text == "Reference: United States · Countries: Germany, France, Poland · " \
                                                "Stance: support, oppose"
    assert framed.layout.margin.t >= 70 + 18
    assert fig.layout.title.subtitle.text is None  # the chart itself is left as it was
