import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench" / "realnews"
sys.path.insert(0, str(ROOT))


def _bench_module(name: str):
    """A script of bench/realnews (a folder of scripts, not a package) loaded as a module."""
    spec = importlib.util.spec_from_file_location(f"realnews_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bench_module():
    """Loads a bench/realnews script by name: ``bench_module("run")``."""
    return _bench_module


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline (trained model + rule components), loaded once per test session."""
    from analysis.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def issues():
    from analysis.catalog import load_catalog

    return load_catalog()
