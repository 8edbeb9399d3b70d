"""PNG export with kaleido (Debian chromium), one browser kept alive between exports.

``framed(fig, caption, width)`` is the figure as it is exported: the chart title with the active
filters under it, wrapped to the image width. The app shows and downloads that same figure, so the
browser's camera download (plotly.js at the chosen size) and the server's ``png_bytes`` give the
same picture. Map figures find their topojson in static/topojson through a file:// URL, so no
export touches the network.
"""

from __future__ import annotations

import copy
import re
import textwrap
import threading
import warnings
from datetime import date
from pathlib import Path

import plotly.io as pio

from ui.charts import esc

TOPOJSON_DIR = Path(__file__).resolve().parent.parent / "static" / "topojson"
# Sizes an analyst can choose (label -> width, height); the first is the default.
# Height 0: as tall as the chart is in the app, at least 900 (long timelines and matrices).
SIZES = {
    "1600 × 900 (16:9 slide)": (1600, 900),
    "1000 × 1000 (square)": (1000, 1000),
    "1600 × full height (every row)": (1600, 0),
}
WIDTH, HEIGHT = SIZES[next(iter(SIZES))]
SCALE = 1
CAPTION_PX_PER_CHAR = 7.6  # DejaVu Sans at 13 px, a little generous so lines never run off the edge
_lock = threading.Lock()
_started = False

pio.defaults.topojson = TOPOJSON_DIR.as_uri() + "/"


def ensure_server() -> None:
    """Start kaleido's persistent browser once per process (a cold start takes a few seconds).
    MathJax is off: kaleido would fetch it from a CDN, and no chart uses LaTeX."""
    global _started
    with _lock:
        if not _started:
            import kaleido

            kaleido.start_sync_server(silence_warnings=True, mathjax=False)
            _started = True


def caption_lines(caption: str, width: int = WIDTH) -> list[str]:
    """The filters line wrapped to the image width, escaped, at most four lines (the last says
    when filters were left out)."""
    chars = max(40, int((width - 40) / CAPTION_PX_PER_CHAR))
    lines = textwrap.wrap(caption, chars, break_long_words=True) or [""]
    if len(lines) > 4:
        lines = lines[:3] + [textwrap.shorten(" ".join(lines[3:]), chars, placeholder=" … (more filters)")]
    return [esc(line) for line in lines]


def framed(fig, caption: str, width: int = WIDTH, height: int = HEIGHT):
    """A copy of ``fig`` with its title on top, the active filters under it, and a top margin
    that holds both at ``width`` pixels. In an image narrower than 7:5 a legend at the right
    moves above the chart, where it takes no width from it."""
    out = copy.deepcopy(fig)
    legend_height = 0
    legend = out.layout.legend
    if width / height < 1.4 and (legend.x or 0) >= 1.0 and legend.orientation != "h":
        names = [t.name or "" for t in out.data if t.showlegend is not False and t.name and
                 (t.showlegend or t.type not in ("choropleth", "heatmap"))]
        parts = [n.split("<br>") for n in names]
        rows = _rows([48 + CAPTION_PX_PER_CHAR * max(len(p) for p in lines) for lines in parts], width - 40)
        legend_height = rows * (17 * max((len(lines) for lines in parts), default=1) + 8) + 10
        out.update_layout(legend=dict(orientation="h", x=0.0, xanchor="left", y=1.0, yanchor="bottom",
                                      title=dict(text="")))
    lines = caption_lines(caption, width)
    title = out.layout.title.text or ""
    out.update_layout(
        title=dict(text=title, x=0.01, xanchor="left", yref="container", y=1.0, yanchor="top",
                   pad=dict(t=14), font=dict(size=18, color="#222"),
                   subtitle=dict(text="<br>".join(lines), font=dict(size=13, color="#444"))),
        margin=dict(t=70 + 18 * len(lines) + legend_height))
    return out


def _rows(widths: list[float], room: float) -> int:
    """How many lines a horizontal legend with entries of these widths takes."""
    rows, used = (1 if widths else 0), 0.0
    for w in widths:
        if used and used + w > room:
            rows, used = rows + 1, 0.0
        used += w
    return rows


def size(fig, choice: str) -> tuple[int, int]:
    """(width, height) in pixels of the export size called ``choice`` (a key of SIZES) for ``fig``."""
    width, height = SIZES.get(choice, (WIDTH, HEIGHT))
    if not height:
        lines = len(caption_lines("", width))
        height = max(HEIGHT, int(fig.layout.height or HEIGHT) + 60 + 18 * lines)
    return width, height


def png_bytes(fig, caption: str, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """PNG of ``fig`` at ``width`` x ``height`` pixels, framed as in :func:`framed`."""
    ensure_server()
    with warnings.catch_warnings():  # plotly notes that kaleido's server keeps its own options: expected
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return framed(fig, caption, width, height).to_image(format="png", width=width, height=height, scale=SCALE)


def file_name(chart: str, caption_parts: dict[str, str], suffix: str = "png") -> str:
    """"alignment-map_ref-USA_country-DEU-FRA_2026-11-25.png": says what the file shows."""
    parts = [chart]
    for key, value in caption_parts.items():
        if value:
            parts.append(f"{key}-{value}")
    stem = "_".join(parts) + f"_{date.today().isoformat()}"
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem)[:150]
    return f"{stem}.{suffix}"
