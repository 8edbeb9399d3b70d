"""Two small issue catalogs and a corpus with articles in each, for the catalog tests (store,
CLI, AppTest, browser). Catalogs, people and sentences are invented for these tests."""

from __future__ import annotations

from pathlib import Path

TRADE = """id = "trade-test"
name = "Trade quarrel (test)"
description = "An invented quarrel over steel tariffs."
reference = "DEU"

[[issue]]
id = "steel_tariffs"
label = "Steel tariffs"
description = "keeping tariffs on steel imports"
support = ['\\bsteel tariffs?\\b']
"""

# The same catalog with one more issue: its cue is in TRADE_ARTICLES' first article.
TRADE_WITH_QUOTAS = TRADE + """
[[issue]]
id = "export_quotas"
label = "Export quotas"
support = ['\\bexport quotas?\\b']
"""

PORTS = """id = "ports-test"
name = "Harbour dispute (test)"
description = "An invented dispute over port access."
reference = "NLD"

[[issue]]
id = "port_access"
label = "Port access"
support = ['\\bport access\\b']
"""

TRADE_ARTICLES = {
    "steel.txt": "Title: Steel talks\nDate: 2025-04-01\n\nGerman Trade Minister Anna Berg said steel tariffs must "
                 "stay in place. She added that export quotas should be raised.",
    "row.txt": "Title: Tariff row\nDate: 2025-04-02\n\nFrench Finance Minister Luc Moreau said steel tariffs were a "
               "mistake and must end.",
}
PORTS_ARTICLES = {
    "harbour.txt": "Title: Harbour plan\nDate: 2025-04-03\n\nDutch Transport Minister Pieter Vos said port access "
                   "for grain ships must be guaranteed.",
}


def articles(texts: dict[str, str]) -> list:
    from analysis.reader import parse_article

    return [(name, parse_article(text, name)) for name, text in texts.items()]


def build(path: Path, seed: bool = False):
    """A corpus at ``path``: TRADE and PORTS saved as catalogs, TRADE_ARTICLES analysed with the
    first, PORTS_ARTICLES with the second; with ``seed`` also the seed corpus (default catalog)."""
    from analysis.reader import read_file
    from analysis.store import Store

    store = Store(path)
    store.save_catalog(TRADE)
    store.save_catalog(PORTS)
    store.ingest(articles(TRADE_ARTICLES), catalog_path=store.catalog_path("trade-test"))
    store.ingest(articles(PORTS_ARTICLES), catalog_path=store.catalog_path("ports-test"))
    if seed:
        root = Path(__file__).resolve().parent.parent
        store.ingest([(str(f), read_file(f)) for f in sorted((root / "seeds").iterdir())])
    return store
