"""Frozen records produced by extraction; each becomes one DataFrame row (field names = columns)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from functools import lru_cache


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    source: str
    date: str
    text: str


@dataclass(frozen=True)
class Actor:
    article: str
    name: str
    actor_type: str  # person | government | organization | group
    country: str  # ISO alpha-3, EU / NATO / UN / WTO, or "" when unknown
    role: str
    mentions: int
    # the sentence that states the country (else the role): character offsets in the article text
    evidence_start: int = 0
    evidence_end: int = 0


@dataclass(frozen=True)
class Position:
    article: str
    actor: str
    actor_type: str
    country: str
    role: str
    issue: str
    stance: str  # support | oppose | neutral
    evidence: str
    start: int
    end: int
    quote: str
    kind: str  # direct | indirect | reported
    confidence: float


@dataclass(frozen=True)
class Reaction:
    article: str
    source: str
    source_country: str
    target: str
    target_country: str
    relation: str  # agrees | disagrees | responds
    evidence: str
    start: int
    end: int


def columns(record_type) -> list[str]:
    """Column names of a record type, in declaration order."""
    return [f.name for f in fields(record_type)]


SCALARS = (str, int, float, bool, type(None))  # values asdict would return as they are


@lru_cache(maxsize=None)
def _names(record_type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record_type))


def as_row(record) -> dict:
    """``dataclasses.asdict(record)``; without its deep copy when every value is a plain scalar
    (always so for the records here: a DataFrame of a million positions is built from them)."""
    row = {name: getattr(record, name) for name in _names(type(record))}
    return row if all(isinstance(v, SCALARS) for v in row.values()) else asdict(record)
