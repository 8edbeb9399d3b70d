import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline (trained model + rule components), loaded once per test session."""
    from analysis.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def issues():
    from analysis.catalog import load_catalog

    return load_catalog()
