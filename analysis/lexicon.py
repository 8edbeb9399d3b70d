"""Loads the data files in analysis/data (cue lists, places). Knowledge lives there, not in code.

``load(name)`` parses ``DATA_DIR/<name>.toml`` and checks it against its schema in SCHEMAS (the
keys the code reads, each with its type: a list of lower-case words, a list of regular
expressions, a table of name -> country code, ...). A file that does not fit raises
DataFileError naming every problem as ``file:line: key: message``; nothing is half-loaded.

Parsed files, and everything the modules compute from them (``data_cache`` functions), are
cached per process. ``reload()`` empties those caches, so the next use reads the files again;
``analysis.pipeline.load_pipeline`` calls it when ``fingerprint()`` shows a file changed, so an
edit takes effect when the pipeline is rebuilt. Tests point DATA_DIR at a copy of the folder.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from analysis import schema
from analysis.errors import DataFileError
from analysis.schema import choice, code, integer, list_of_tables, mapping, pair, patterns, word, words

DATA_DIR = Path(__file__).resolve().parent / "data"

ACTOR_TYPES = ("person", "government", "organization", "group")

# One schema per file: every key the code reads (all required), and how its value must look.
SCHEMAS: dict[str, dict] = {
    "roles": {
        "titles": words,
        "spanning": list_of_tables({"open": words, "close": words}, "spanning", required=("open", "close")),
        "group_nouns": words,
        "government_nouns": words,
        "envoy_nouns": words,
        "own_position_verbs": words,
        "own_position_nouns": words,
        "member_nouns": words,
        "media_titles": words,
        "national_titles": mapping(code),
        "name_titles": words,
        "given_name_titles": words,
        "party_members": words,
        "title_words": mapping(words),
        "office_words": words,
    },
    "speech": {
        "indirect": words,
        "reported": words,
        "showing_verbs": words,
        "particle_verbs": mapping(words),
        "statement_nouns": words,
        "relay_nouns": words,
        "companion_preps": words,
        "echo_verbs": words,
        "echo_nouns": words,
        "light_verbs": words,
        "light_nouns": words,
        "content_verbs": words,
        "content_nouns": words,
        "drafting_verbs": words,
        "drafting_nouns": words,
        "drafting_particles": mapping(word),
        "means_verbs": words,
        "means_nouns": words,
        "talking_verbs": words,
        "stance_states": mapping(words),
        "assertion_states": words,
        "call_purposes": words,
        "join_verbs": words,
        "participant_nouns": words,
        "meeting_verbs": words,
        "meeting_nouns": words,
        "answer_verbs": words,
        "intent_verbs": words,
        "clause_verbs": words,
        "defending_verbs": words,
        "bringing_in_verbs": words,
        "defended_places": words,
        "request_nouns": words,
        "obligation_modals": words,
        "necessity_words": words,
        "irregular": mapping(word),
    },
    "stance": {
        "negators": words, "reversal_before": words, "reversal_after": words, "harsh": words,
        "confirm_after": words, "not_negating": words, "negation_window": integer(1), "hedges": words, "harms": words,
        "temporal": words, "discussing": words, "frames_before": words, "proposal_nouns": words, "view_nouns": words, "owned_nouns": words, "act_nouns": words,
        "recalling_nouns": words, "judging_against": words, "upholding": words, "ballot_nouns": words,
        "ballot_for": words, "ballot_against": words,
        "authoring_participles": words, "bodies": words, "purpose_before": words, "allegation_nouns": words, "undoing_nouns": words,
        "undoing_participles": words,
        "fear_words": words, "reversal_direct": words, "backing_gerunds": words, "fear_preps": words, "fear_carriers": words, "threats": words, "approving": words, "helping": words,
        "case_dropping": words, "case_nouns": words, "topic_heads": words, "stopping_verbs": words,
        "absence_verbs": words, "accusing_stems": patterns,
        "meeting_nouns": words, "meeting_content": words, "meeting_course": words, "meeting_holding": words,
    },
    "reactions": {
        "inherit_nouns": words,
        "judged_nouns": words,
        "judging_verbs": words,
        "distancing": words,
        "disagreeing": words,
        "pattern": list_of_tables({"relation": choice("agrees", "disagrees", "responds"),
                                   "target": choice("explicit", "previous"), "phrases": patterns},
                                  "pattern", required=("relation", "target", "phrases")),
    },
    "places": {
        "place_nouns": words,
        "media_nouns": words,
        "organization_nouns": words,
        "body_nouns": words,
        "state_groups": words,
        "member_state_nouns": words,
        "web_domains": words,
        "institutions": mapping(pair(code, choice(*ACTOR_TYPES))),
        "capitals": mapping(code),
        "demonyms": mapping(code),
        "abbreviations": mapping(code, keys="upper"),
        "parties": mapping(code),
    },
}

_derived: list = []  # data_cache functions, emptied by reload()


QUOTE_GAP = r"[\s\"“”]+"  # between two words of a lexicon phrase: spaces, or quote marks and spaces


# The word before a contracted "n't" where it is not the full word: "won't", "can't", "shan't".
CONTRACTED = {"will": "wo", "can": "ca", "shall": "sha"}
APOSTROPHE = "['’]"


def _phrase_regex(phrase: str) -> str:
    """The pattern of one phrase, from its first word's start. A "not" in it may be contracted as
    the text writes it: "not work" matches "doesn't work" and "cannot work" (from the "n't"/"not"),
    "would not bring" matches "wouldn't bring", "will not" "won't"."""
    words = [re.escape(w).replace("'", APOSTROPHE) for w in phrase.split()]
    lowered = phrase.lower().split()
    if lowered[0] == "not":
        out = r"(?:\bnot|(?<=\bcan)not|(?<=\w)n" + APOSTROPHE + "t)"
    else:
        out = r"\b" + words[0]
    for i in range(1, len(words)):
        if lowered[i] == "not":
            short = re.escape(CONTRACTED.get(lowered[i - 1], lowered[i - 1]))
            # the word before is already in ``out``: offer its contracted form as an alternative
            head = out[:len(out) - len(words[i - 1])]
            out = f"{head}(?:{words[i - 1]}{QUOTE_GAP}not|{short}n{APOSTROPHE}t)"
        else:
            out += QUOTE_GAP + words[i]
    return out


def phrase_pattern(phrases) -> re.Pattern:
    """One case-blind pattern matching any of the data file's phrases as whole words; the words of
    a phrase may be parted by quote marks too ('was "surprised" by the move'), an apostrophe
    may be typeset ("doesn’t change") and a "not" contracted ("doesn't work" for "not work")."""
    return re.compile(r"(" + "|".join(_phrase_regex(p) for p in phrases) + r")\b", re.IGNORECASE)


def data_cache(maxsize: int | None = 1):
    """``functools.lru_cache`` for a function computed from the data files: ``reload()`` empties
    it together with the parsed files."""
    def wrap(func):
        cached = lru_cache(maxsize=maxsize)(func)
        _derived.append(cached)
        return cached
    return wrap


def read(name: str, data_dir: Path | None = None) -> tuple[dict | None, list[schema.Problem]]:
    """(parsed data, []) of ``<data_dir>/<name>.toml``, or (None, every problem against its schema)."""
    path = (data_dir or DATA_DIR) / f"{name}.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [schema.Problem(path.name, 1, "the file is missing; restore it from the installation")]
    except UnicodeDecodeError as exc:
        return None, [schema.Problem(path.name, 1, f"not UTF-8 text ({exc.reason}); save it as UTF-8")]
    data, index, problem = schema.parse(text, path.name)
    if problem:
        return None, [problem]
    checker = schema.Checker(path.name, index)
    spec = SCHEMAS[name]
    schema.check_table(checker, data, index.root, spec, "", required=tuple(spec))
    found = checker.sorted()
    return (None if found else data), found


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Parsed contents of ``DATA_DIR/<name>.toml``, checked against SCHEMAS[name]. Raises
    DataFileError naming every problem."""
    if name not in SCHEMAS:
        raise DataFileError(f"No data file {name!r}; known: {', '.join(SCHEMAS)}.")
    path = DATA_DIR / f"{name}.toml"
    if not path.is_file():
        raise DataFileError(f"Data file {path} is missing; restore it from the installation.",
                            [schema.Problem(path.name, 1, "the file is missing")])
    data, found = read(name)
    if found:
        raise DataFileError(schema.summary(f"Data file {path}", found,
                                           "Fix the file (or restore it) and start again."), found)
    return data


def fingerprint() -> str:
    """Hash of the data files' bytes (and folder): changes with any edit to them."""
    h = hashlib.sha256(str(DATA_DIR).encode())
    for name in SCHEMAS:
        path = DATA_DIR / f"{name}.toml"
        h.update(name.encode())
        h.update(path.read_bytes() if path.is_file() else b"")
    return h.hexdigest()[:16]


def reload() -> None:
    """Forget the parsed files and everything computed from them; the next use reads them again."""
    load.cache_clear()
    for cached in _derived:
        cached.cache_clear()
