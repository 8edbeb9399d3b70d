"""Loads the data files in analysis/data (cue lists, places). Knowledge lives there, not in code."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Parsed contents of ``analysis/data/<name>.toml``."""
    with open(DATA_DIR / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)
