"""Preview a draft issue catalog against the stored corpus before it is saved.

``preview(store, draft, saved)`` answers two questions about a draft catalog (an edited copy of
the saved one), in about a second for a thousand articles:

* **matches**: every sentence a draft cue matches, with the speaker the engine gives it (name
  and country) and the stance the draft would give, or ``"no speaker"`` when the sentence is
  narration (no speech act covers the cue). By default the cues that are new or changed in the
  draft; with ``issue_ids``, every draft cue of those issues.
* **appear / disappear**: the Positions the draft would add or remove compared with the saved
  catalog (machine output, before analysts' corrections and the actor registry).

How it stays fast and exact: when an article is analysed, its Doc is kept in the parse cache
(analysis.parsecache) as it is just before the catalog matters — parsed by the model, people
and speech acts found. The preview loads those Docs and re-runs only the components that read
the catalog (``pipeline.finish``: issue cues, stance, reactions — the same code extraction
runs), with a private ``issue_cues`` holding the draft's issues (``IssueCues.use_issues``),
then the same reader (``extract.positions``). Articles no changed cue can match are not re-run at
all: a cue that matches nowhere in a text changes nothing in it, so their Positions are the
same under both catalogs. The saved side is what the store holds when the articles were
analysed with the saved catalog file and the current engine (else it is re-run as well). The
process remembers which cue patterns match which article, so a repeated preview runs only the
patterns that match (same matches, same order: a pattern that matches nothing adds nothing). Articles without a fresh cached parse are parsed once and cached
(``Preview.parsed`` says how many). A draft with any error is refused with CatalogError before
any article is read.
"""

from __future__ import annotations

import json
import dataclasses
import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

import pandas as pd
from spacy.tokens import Doc

from analysis import parsecache, schema
from analysis.catalog import Catalog, Cue, Issue, PhraseCue, TokenCue, _parse, load_catalog_file
from analysis.components import doc_text
from analysis.cues import CueMatcher, Lemmas, phrase_pattern
from analysis.errors import CatalogError
from analysis.extract import positions as extract_positions
from analysis.pipeline import finish, load_pipeline, prepare
from analysis.records import Position, as_row, columns
from analysis.store import Store, pipeline_version, position_key

NO_SPEAKER = "no speaker"  # the stance column of a match in narration: no speech act covers the cue
NO_STANCE = "no stance"  # a speech act covers the cue, but the draft gives it no stance there
MATCH_COLUMNS = ["article", "title", "issue", "cue", "pattern", "cue_kind", "new", "sentence", "start", "end",
                 "speaker", "country", "stance", "kind", "note"]
POSITION_COLUMNS = ["title", *columns(Position)]


@dataclass(frozen=True, eq=False)
class Preview:
    """What a draft catalog would do to the stored corpus.

    ``matches`` (MATCH_COLUMNS): one row per cue match and speaker — ``cue`` the matched text,
    ``pattern`` the draft pattern, ``cue_kind`` support | oppose | weak, ``new`` True when the cue
    is not in the saved catalog, ``sentence`` the sentence holding it, ``start``/``end`` the
    cue's character offsets, ``speaker``/``country`` the actor the engine attributes the sentence
    to ("" in narration), ``stance`` support | oppose | neutral, or "no speaker" (narration), or
    "no stance" (speech, but no claim: ``note`` says why), ``kind`` direct | indirect | reported.
    ``appear`` / ``disappear`` (POSITION_COLUMNS: the article's title, then the Position fields):
    Positions only the draft gives / only the saved catalog gives, identified as corrections
    identify them (article, actor, evidence offset, issue, stance).
    """

    matches: pd.DataFrame
    appear: pd.DataFrame
    disappear: pd.DataFrame
    articles: int  # articles in the corpus
    searched: int  # articles re-run because a cue in question matches their text
    parsed: int  # articles parsed now because they had no fresh cached parse
    seconds: float
    message: str  # one line for the analyst: counts, and how many articles had to be parsed
    n_matches: int = field(init=False)
    n_appear: int = field(init=False)
    n_disappear: int = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "n_matches", len(self.matches))
        object.__setattr__(self, "n_appear", len(self.appear))
        object.__setattr__(self, "n_disappear", len(self.disappear))


# ------------------------------------------------------------------ catalogs


def draft_catalog(text: str, name: str = "draft.toml") -> Catalog:
    """A draft catalog from the TOML text an analyst is editing, checked exactly as a catalog
    file is (``catalog check``). Raises CatalogError listing every problem (``.problems``, each
    with its line) when there is any: a broken draft is never previewed."""
    catalog, problems = _parse(name, text.encode("utf-8"))
    if problems:
        raise CatalogError(schema.summary(f"Draft catalog {name}", problems,
                                          "Fix it before previewing; nothing was run."), problems)
    return catalog


def _checked(catalog, what: str) -> Catalog:
    """``catalog`` as a Catalog that can be run: a path is loaded (and checked); a Catalog built
    by hand is checked for what the engine relies on."""
    if isinstance(catalog, (str, os.PathLike)):
        return load_catalog_file(catalog)
    if not isinstance(catalog, Catalog):
        raise CatalogError(f"The {what} catalog is a {type(catalog).__name__}, not a catalog; load it with "
                           "draft_catalog(text) or load_catalog_file(path).")
    ids = [issue.id for issue in catalog.issues]
    if not ids:
        raise CatalogError(f"The {what} catalog defines no issues: add one [[issue]] table per issue.")
    duplicates = sorted(i for i, n in Counter(ids).items() if n > 1)
    if duplicates:
        raise CatalogError(f"The {what} catalog uses the issue id {duplicates[0]!r} twice; ids must be unique.")
    for issue in catalog.issues:
        if not (issue.cues or issue.phrases or issue.tokens):
            raise CatalogError(f"The {what} catalog's issue {issue.id!r} has no cues: give at least one pattern.")
        for cue in issue.cues:
            if not isinstance(cue.pattern, re.Pattern) or cue.polarity not in (1, -1):
                raise CatalogError(f"The {what} catalog's issue {issue.id!r} has a cue that is not a compiled "
                                   "pattern with polarity +1 or -1.")
    return catalog


CueKey = tuple  # (issue id, kind, pattern text, polarity, weak): a cue's identity across catalogs
AnyCue = Cue | PhraseCue | TokenCue


def _pattern_text(cue: AnyCue) -> str:
    """The cue as the analyst wrote it: a regular expression, a phrase, or a token pattern (JSON)."""
    if isinstance(cue, Cue):
        return cue.pattern.pattern
    if isinstance(cue, PhraseCue):
        return cue.phrase
    return json.dumps(list(cue.pattern), ensure_ascii=False, sort_keys=True)


def _cues(catalog: Catalog) -> list[tuple[CueKey, str, AnyCue]]:
    found = []
    for issue in catalog.issues:
        for cue in (*issue.cues, *issue.phrases, *issue.tokens):
            flags = cue.pattern.flags if isinstance(cue, Cue) else 0
            found.append(((issue.id, type(cue).__name__, _pattern_text(cue), flags, cue.polarity, cue.weak),
                          issue.id, cue))
    return found


# Phrase and token cues are matched on the parsed Doc (lemmas, token attributes), not on the
# text: one small Matcher per cue, built once per process, and which articles it matches,
# learnt from the cached Docs the first time the cue is previewed.
_MATCHERS: dict[CueKey, CueMatcher] = {}


def _matcher(nlp, cue: PhraseCue | TokenCue) -> CueMatcher:
    key = (type(cue).__name__, _pattern_text(cue), cue.polarity, cue.weak)
    if key not in _MATCHERS:
        single = Issue("cue", "", "", (), phrases=(cue,) if isinstance(cue, PhraseCue) else (),
                       tokens=(cue,) if isinstance(cue, TokenCue) else ())
        _MATCHERS[key] = CueMatcher(nlp, [single])
    return _MATCHERS[key]


def _spans(nlp, cue: AnyCue, doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of every match of one cue in a Doc."""
    if isinstance(cue, Cue):
        return [(m.start(), m.end()) for m in cue.pattern.finditer(doc_text(doc))]
    return [(start, end) for start, end, *_ in _matcher(nlp, cue)(doc)]


def _learn_doc_hits(store: Store, nlp, cues: list[AnyCue], corpus, progress) -> tuple[int, str, dict]:
    """Which articles each phrase or token cue matches, from the articles' Docs (cached parses),
    remembered like the regex hits. Returns (articles parsed now, a note, the Docs of the
    articles a cue matches: id -> Doc, to be finished by the caller)."""
    cues = [c for c in cues if not isinstance(c, Cue)]
    if any(isinstance(c, PhraseCue) for c in cues) and (missing := [a for a, _, _ in corpus if a not in _WORDS]):
        with store._connect() as con:  # noqa: SLF001  (a read of the store's own file)
            _WORDS.update(parsecache.fetch_words(con, missing, parsecache.parse_version(nlp)))
    for cue in cues:  # an article without one of a phrase's words cannot match it: no Doc needed
        words = _phrase_words(nlp, cue)
        if words is not None:
            seen = _HITS.setdefault(_hit_key(cue), {})
            for article_id, _, _ in corpus:
                if seen.get(article_id) is None and article_id in _WORDS and not all(
                        w & _WORDS[article_id] for w in words):
                    seen[article_id] = False
    unknown = [a for a in corpus if any(_HITS.get(_hit_key(c), {}).get(a[0]) is None for c in cues)]
    if not unknown:
        return 0, "", {}
    parses, parsed, note = cached_parses(store, nlp, unknown, progress)
    lemmas, decoded = Lemmas(nlp), {}
    for article_id, _, text in unknown:
        data = parses[article_id]
        doc = parsecache.decode(data, nlp) if data is not None else next(prepare(nlp, [text]))
        hit = False
        for cue in cues:
            found = _HITS.setdefault(_hit_key(cue), {})[article_id] = bool(_matcher(nlp, cue)(doc))
            hit = hit or found
            _hits_size[0] += 1
        if article_id not in _WORDS:
            _WORDS[article_id] = frozenset(t.lower_ for t in doc) | frozenset(lemmas.of(t) for t in doc)
        if hit:  # it will be re-run: keep the Doc rather than decode it again
            decoded[article_id] = doc
    return parsed, note, decoded


# The words and lemmas of each article seen by a phrase preview, for the process: a later phrase
# whose words an article lacks is known not to match there without decoding its Doc again.
_WORDS: dict[str, frozenset[str]] = {}


def _phrase_words(nlp, cue: AnyCue) -> list[set[str]] | None:
    """For a phrase cue, one set per word of the forms a token must have (lemma or the word
    itself, lower-cased), wildcards left out; None for other cues."""
    if not isinstance(cue, PhraseCue):
        return None
    found = []
    for token in phrase_pattern(cue.phrase, nlp):
        value = token.get("LEMMA")
        if value is not None:
            found.append(set(value["IN"]) if isinstance(value, dict) else {value})
    return found


def _hit_key(cue: AnyCue) -> tuple:
    if isinstance(cue, Cue):
        return (cue.pattern.pattern, cue.pattern.flags)
    return (type(cue).__name__, _pattern_text(cue))


# Which cue patterns match which article, remembered for the process: an article id is a hash
# of its text, so an entry never goes stale. Most of a re-run article's matching time goes to
# the many patterns that match nothing in it; once known, only the others are run again.
_HITS: dict[tuple[str, int], dict[str, bool]] = {}
_HITS_LIMIT = 2_000_000  # entries (about 100 MB at most), then forgotten and learnt again
_hits_size = [0]


def _hit(cue: AnyCue, article_id: str, text: str) -> bool:
    """Whether ``cue`` matches anywhere in the article (phrase and token cues: as learnt by
    ``_learn_doc_hits``, which runs first)."""
    if not isinstance(cue, Cue):
        return _HITS.get(_hit_key(cue), {}).get(article_id, True)
    seen = _HITS.setdefault((cue.pattern.pattern, cue.pattern.flags), {})
    found = seen.get(article_id)
    if found is None:
        if _hits_size[0] >= _HITS_LIMIT:
            _HITS.clear()
            _hits_size[0] = 0
            seen = _HITS.setdefault((cue.pattern.pattern, cue.pattern.flags), {})
        found = seen[article_id] = cue.pattern.search(text) is not None
        _hits_size[0] += 1
    return found


def _matching(issues, article_id: str, text: str):
    """``issues`` with only the cues that match the article: ``issue_cues`` finds the same
    matches in the same order (a cue that matches nothing adds nothing), with less work."""
    return tuple(dataclasses.replace(issue, cues=tuple(c for c in issue.cues if _hit(c, article_id, text)))
                 for issue in issues)


def _cue_kind(cue: Cue) -> str:
    return "weak" if cue.weak else ("support" if cue.polarity > 0 else "oppose")


# ------------------------------------------------------------------ cached parses


def _issue_cues(nlp, issues):
    """A private ``issue_cues`` component holding ``issues`` (the shared pipeline is not changed)."""
    component = nlp.create_pipe("issue_cues", config={"catalog": nlp.get_pipe_config("issue_cues")["catalog"]})
    component.use_issues(issues)
    return component


def _corpus(store: Store) -> list[tuple[str, str, str]]:
    with store._connect() as con:  # noqa: SLF001  (a read of the store's own file)
        return con.execute("SELECT id, title, text FROM articles ORDER BY date, title, id").fetchall()


def cached_parses(store: Store, nlp, articles: list[tuple[str, str, str]],
                  progress: Callable[[int, int], None] | None = None) -> tuple[dict[str, bytes | None], int, str]:
    """The cached Doc (``parsecache.encode`` bytes) of each (id, title, text) article: from the
    parse cache when it has a fresh one, else made now (``pipeline.prepare``) and written to the
    cache unless the store is read-only. None for an article whose Doc cannot be cached (it is
    prepared from its text each time). Returns (id -> bytes, how many were parsed now, a note
    for the analyst or ""). ``progress(done, total)`` is called as missing articles are parsed."""
    version = parsecache.parse_version(nlp)
    with store._connect() as con:  # noqa: SLF001  (a read of the store's own file)
        found: dict[str, bytes | None] = dict(parsecache.fetch(con, [a for a, _, _ in articles], version))
    missing = [(a, text) for a, _, text in articles if a not in found]
    if not missing:
        return found, 0, ""
    made = []
    for i, ((article_id, _), doc) in enumerate(zip(missing, prepare(nlp, (t for _, t in missing)))):
        try:
            found[article_id] = parsecache.encode(doc)
            made.append((article_id, found[article_id]))
        except parsecache.Unsupported:
            found[article_id] = None
        if progress:
            progress(i + 1, len(missing))
    if store.read_only:
        return found, len(missing), (f"parsed {len(missing)} articles that had no cached parse (not cached: the "
                                     "corpus is read-only, so the next preview parses them again)")
    with store._connect() as con:  # noqa: SLF001  (not store.write(): the cache changes no data, no revision bump)
        con.execute("BEGIN IMMEDIATE")
        try:
            parsecache.put_many(con, version, made)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return found, len(missing), f"parsed {len(missing)} articles that had no cached parse (now cached)"


def _run(nlp, data: bytes | None, text: str, swap) -> Doc:
    """An article's Doc finished with ``swap``'s components, from its cached bytes (or its text)."""
    doc = parsecache.decode(data, nlp) if data is not None else next(prepare(nlp, [text]))
    return finish(nlp, doc, swap)


def catalog_positions(store: Store, catalog: Catalog | str | os.PathLike | None = None,
                      article_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Positions (Position columns) the engine gives the stored articles (all, or
    ``article_ids``) under ``catalog`` (default: DASHBOARD_CATALOG), from the parse cache: what
    ``ingest`` would store with that catalog, before corrections."""
    catalog = load_catalog_file() if catalog is None else _checked(catalog, "given")
    nlp = load_pipeline()
    corpus = _corpus(store)
    if article_ids is not None:
        wanted = set(article_ids)
        corpus = [a for a in corpus if a[0] in wanted]
    parses, _, _ = cached_parses(store, nlp, corpus)
    swap = {"issue_cues": _issue_cues(nlp, catalog.issues)}
    rows = [as_row(p) for article_id, _, text in corpus
            for p in extract_positions(_run(nlp, parses[article_id], text, swap), article_id)]
    return pd.DataFrame(rows, columns=columns(Position))


# ------------------------------------------------------------------ the preview


def _match_rows(nlp, doc, article_id: str, title: str, scope: list[tuple[CueKey, str, AnyCue]],
                saved_keys: set) -> list[dict]:
    """One row per (match of a cue in ``scope``, speaker) in a Doc the rules ran over with the draft."""
    kept = {(s.start_char, s.end_char, s.label_): s for s in doc.spans.get("issue_cues", [])}
    claims: dict[tuple, list] = {}
    for act, claim in doc._.claims or []:
        claims.setdefault((claim.start_char, claim.end_char, claim.issue), []).append((act, claim))
    actors = doc._.actors or {}
    rows = []
    text = doc_text(doc)
    for key, issue_id, cue in scope:
        for m_start, m_end in _spans(nlp, cue, doc):
            span = doc.char_span(m_start, m_end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            where = (span.start_char, span.end_char, issue_id)
            base = {"article": article_id, "title": title, "issue": issue_id, "cue": text[m_start:m_end],
                    "pattern": _pattern_text(cue), "cue_kind": _cue_kind(cue), "new": key not in saved_keys,
                    "sentence": span.sent.text.strip(), "start": m_start, "end": m_end}
            note = ""
            if where not in kept:  # the engine keeps the longest of overlapping cues
                longer = next((s for s in kept.values() if s.start < span.end and span.start < s.end), None)
                note = (f"inside the longer cue {longer.text!r} ({longer.label_}), which the engine keeps"
                        if longer is not None else "not kept by the engine")
            elif where not in claims:
                note = "no claim: a time reference, a price named, a frame, or someone else's words"
            found = claims.get(where, []) if where in kept else []
            if found:
                for act, claim in found:
                    for name in act.speakers:
                        rows.append({**base, "speaker": name, "country": actors[name].country if name in actors else "",
                                     "stance": claim.stance, "kind": act.kind, "note": ""})
                continue
            acts = [a for a in doc._.speech or [] if a.region.start <= span.start and span.end <= a.region.end]
            for act in acts:
                for name in act.speakers:
                    rows.append({**base, "speaker": name, "country": actors[name].country if name in actors else "",
                                 "stance": NO_STANCE, "kind": act.kind, "note": note})
            if not acts:
                rows.append({**base, "speaker": "", "country": "", "stance": NO_SPEAKER, "kind": "", "note": note})
    return rows


def _stored_positions(store: Store, saved: Catalog, article_ids: set[str]) -> dict[str, dict[str, Position]]:
    """Machine Positions the store holds for those of ``article_ids`` that were analysed with
    exactly ``saved`` (the unchanged file) and the current engine: the saved side of the
    comparison without re-running them. Articles analysed otherwise are left out (re-run)."""
    try:
        if not saved.path or saved != load_catalog_file(saved.path):
            return {}
        version = pipeline_version(saved.path)
    except (CatalogError, OSError):  # the file moved or changed since: re-run instead
        return {}
    cols = columns(Position)
    found: dict[str, dict[str, Position]] = {}
    with store._connect() as con:  # noqa: SLF001
        current = [a for (a,) in con.execute("SELECT id FROM articles WHERE pipeline_version = ?", (version,))
                   if a in article_ids]
        for i in range(0, len(current), 500):
            chunk = current[i:i + 500]
            found.update({a: {} for a in chunk})
            for row in con.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM positions "
                                   f"WHERE article IN ({', '.join('?' * len(chunk))})", chunk):
                p = Position(*row)
                found[p.article][_key(p)] = p
    return found


def _position_rows(found: dict[str, Position], keys: Iterable[str], title: str) -> list[dict]:
    return [{"title": title, **as_row(found[k])} for k in keys]


def preview(store: Store, draft: Catalog | str | os.PathLike, saved: Catalog | str | os.PathLike | None = None,
            issue_ids: Iterable[str] | None = None, *, progress: Callable[[int, int], None] | None = None,
            articles: Iterable[str] | None = None) -> Preview:
    """What ``draft`` would match and change in ``store``'s articles, compared with ``saved``.

    ``draft`` and ``saved`` are Catalogs (``draft_catalog(text)``, ``load_catalog_file(path)``)
    or paths; ``saved`` defaults to the DASHBOARD_CATALOG file. ``issue_ids``: show the matches
    of every draft cue of these issues; default: only the draft's new or changed cues.
    ``progress(done, total)`` follows the parsing of articles that have no cached parse.
    ``articles``: only these article ids (the articles analysed with the catalog); default all.
    Raises CatalogError for a draft (or saved catalog) with any error, or an unknown issue id,
    before any article is read.
    """
    began = time.perf_counter()
    draft = _checked(draft, "draft")
    saved = load_catalog_file() if saved is None else _checked(saved, "saved")
    draft_cues, saved_cues = _cues(draft), _cues(saved)
    draft_keys, saved_keys = {k for k, _, _ in draft_cues}, {k for k, _, _ in saved_cues}
    if issue_ids is not None:
        issue_ids = list(issue_ids)
        known = {i.id for i in draft.issues} | {i.id for i in saved.issues}
        unknown = [i for i in issue_ids if i not in known]
        if unknown:
            raise CatalogError(f"issue {unknown[0]!r} is in neither the draft nor the saved catalog; "
                               f"the draft's issues are {', '.join(i.id for i in draft.issues)}.")
        scope = [c for c in draft_cues if c[1] in issue_ids]
    else:
        scope = [c for c in draft_cues if c[0] not in saved_keys]
    changed = [c for c in draft_cues if c[0] not in saved_keys] + [c for c in saved_cues if c[0] not in draft_keys]
    # _matches breaks ties between equally long overlapping cues by catalog order: when the cues
    # both catalogs share come in another order, any article may change.
    reordered = [k for k, _, _ in draft_cues if k in saved_keys] != [k for k, _, _ in saved_cues if k in draft_keys]

    corpus = _corpus(store)
    if articles is not None:
        wanted = set(articles)
        corpus = [a for a in corpus if a[0] in wanted]
    nlp = load_pipeline()
    learnt, learn_note, decoded = _learn_doc_hits(store, nlp, [c for _, _, c in changed + scope], corpus, progress)
    diff_ids = {a for a, _, text in corpus if reordered or any(_hit(c, a, text) for _, _, c in changed)}
    match_ids = {a for a, _, text in corpus if any(_hit(c, a, text) for _, _, c in scope)}
    rerun = diff_ids | match_ids
    todo = [a for a in corpus if a[0] in rerun]

    parses, parsed, note = cached_parses(store, nlp, todo, progress)
    parsed, note = parsed + learnt, note or learn_note
    draft_cues_pipe, saved_cues_pipe = _issue_cues(nlp, draft.issues), _issue_cues(nlp, saved.issues)
    with_draft, with_saved = {"issue_cues": draft_cues_pipe}, {"issue_cues": saved_cues_pipe}
    stored = _stored_positions(store, saved, diff_ids)
    matches, appear, disappear = [], [], []
    for article_id, title, text in todo:
        draft_cues_pipe.use_issues(_matching(draft.issues, article_id, text))
        ready = decoded.pop(article_id, None)
        doc = finish(nlp, ready, with_draft) if ready is not None else _run(nlp, parses[article_id], text, with_draft)
        if article_id in match_ids:
            matches += _match_rows(nlp, doc, article_id, title, scope, saved_keys)
        if article_id in diff_ids:
            new = {_key(p): p for p in extract_positions(doc, article_id)}
            old = stored.get(article_id)
            if old is None:
                saved_cues_pipe.use_issues(_matching(saved.issues, article_id, text))
                before = _run(nlp, parses[article_id], text, with_saved)
                old = {_key(p): p for p in extract_positions(before, article_id)}
            appear += _position_rows(new, [k for k in new if k not in old], title)
            disappear += _position_rows(old, [k for k in old if k not in new], title)

    matches_frame = pd.DataFrame(matches, columns=MATCH_COLUMNS).drop_duplicates(ignore_index=True)
    seconds = time.perf_counter() - began
    message = (f"{len(matches_frame)} matches in {len(match_ids)} of {len(corpus)} articles; "
               f"{len(appear)} positions would appear, {len(disappear)} disappear")
    if note:
        message += f"; {note}"
    return Preview(matches_frame, pd.DataFrame(appear, columns=POSITION_COLUMNS),
                   pd.DataFrame(disappear, columns=POSITION_COLUMNS), len(corpus), len(todo), parsed, seconds,
                   message + ".")


def _key(p: Position) -> str:
    return position_key(p.article, p.actor, p.start, p.issue, p.stance)
