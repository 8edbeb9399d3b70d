"""Server-side PNG export with kaleido (Debian chromium), one browser kept alive between exports.

``png_bytes(fig, caption)`` returns a publication-size PNG with the chart title and the active
filters written on it. Map figures find their topojson in static/topojson through a file:// URL,
so no export touches the network.
"""

from __future__ import annotations

import copy
import re
import threading
from datetime import date
from pathlib import Path

import plotly.io as pio

from ui.charts import esc

TOPOJSON_DIR = Path(__file__).resolve().parent.parent / "static" / "topojson"
WIDTH, HEIGHT, SCALE = 1600, 900, 1
_lock = threading.Lock()
_started = False

pio.defaults.topojson = TOPOJSON_DIR.as_uri() + "/"


def ensure_server() -> None:
    """Start kaleido's persistent browser once per process (a cold start takes a few seconds)."""
    global _started
    with _lock:
        if not _started:
            import kaleido

            kaleido.start_sync_server(silence_warnings=True)
            _started = True


def png_bytes(fig, caption: str, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """PNG of ``fig`` at publication size, ``caption`` (active filters) written under the title."""
    ensure_server()
    out = copy.deepcopy(fig)
    top = max(out.layout.margin.t or 60, 90)
    out.update_layout(width=width, height=height, margin=dict(t=top + 10))
    out.add_annotation(text=esc(caption, 220), x=0.01, y=1.0, xref="paper", yref="paper", yanchor="bottom",
                       yshift=8, showarrow=False, align="left", font=dict(size=13, color="#444"))
    return out.to_image(format="png", width=width, height=height, scale=SCALE)


def file_name(chart: str, caption_parts: dict[str, str], suffix: str = "png") -> str:
    """"alignment-map_ref-USA_country-DEU-FRA_2026-11-25.png": says what the file shows."""
    parts = [chart]
    for key, value in caption_parts.items():
        if value:
            parts.append(f"{key}-{value}")
    stem = "_".join(parts) + f"_{date.today().isoformat()}"
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem)[:150]
    return f"{stem}.{suffix}"
