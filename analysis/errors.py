"""Specific exceptions raised by the library; the app shows them with st.error, the CLI as one line."""


class AnalysisError(Exception):
    """Base class: every message is written for the analyst and says what to do."""


class InputError(AnalysisError):
    """A file or pasted text cannot be read as an article (empty, binary, too large, unknown type)."""


class CatalogError(AnalysisError):
    """The issue catalog file is missing, not TOML, or fails validation (unknown keys, duplicate
    ids, an issue without cues, a pattern that does not compile, a bad phrase, a token pattern
    spaCy's Matcher rejects), or cannot be written. ``problems`` holds every
    finding, each printed as ``file:line: message``; the message names the first few."""

    def __init__(self, message: str, problems=()):
        super().__init__(message)
        self.problems = tuple(problems)


class DataFileError(AnalysisError):
    """A data file in analysis/data (roles, speech verbs, stance words, reactions, places) is
    missing, not TOML, or does not fit its schema; ``problems`` as for CatalogError."""

    def __init__(self, message: str, problems=()):
        super().__init__(message)
        self.problems = tuple(problems)


class GoldError(AnalysisError):
    """A gold file for `evaluate` is not in the expected JSON form."""


class StoreError(AnalysisError):
    """The corpus database cannot be created, opened or written (location, permissions, foreign or damaged file)."""


class RegistryFileError(AnalysisError):
    """A registry CSV cannot be imported (not UTF-8 CSV, no header, bad rows); nothing was imported."""
