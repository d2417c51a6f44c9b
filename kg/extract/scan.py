"""The state of one scan over a text: its tokens, the names already known, the spans taken.

>>> key("Chervonenko's"), key("KIM IL SUNG")
('chervonenko', 'kim il sung')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.spans import Spans
from kg.extract.tokens import Token
from kg.model import Mention


@dataclass(frozen=True)
class KnownNames:
    """Names the caller already knows (from the authority file), by kind, as folded keys."""

    persons: frozenset[str] = frozenset()
    organizations: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Folded comparison key of a name (cached: a long text names the same people thousands of times)."""
    return re.sub(r"\s+", " ", re.sub(r"['\u2019]s\b|[^\w\s]", " ", name.casefold())).strip()


@dataclass
class Scan:
    text: str
    tokens: list[Token]
    source: str
    known: KnownNames
    taken: Spans = field(default_factory=Spans)
    found: list[Mention] = field(default_factory=list)
    persons: Spans = field(default_factory=Spans)

    def free(self, start: int, end: int) -> bool:
        return self.taken.free(start, end)

    def add(self, mention: Mention, take: bool = True) -> None:
        self.found.append(mention)
        if take:
            self.taken.add(mention.start, mention.end)
        if mention.kind == "person":
            self.persons.add(mention.start, mention.end)
