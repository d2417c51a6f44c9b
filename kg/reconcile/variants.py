"""Corpus-wide identity of people the authority file does not know.

Before any document is resolved, every person name of the corpus is seen
once, and two rules are derived:

* a bare family name ("Chervonenko") denotes the one person of the corpus
  with a fuller name of that family ("Stepan Chervonenko"); with two such
  people ("John F. Kennedy", "Robert Kennedy") it stays apart from both;
* spellings of one family name that differ by a letter or two
  ("Mesyatsev", "Mesyatse", "Mesyastev") are one name, spelt as most often.

Every decision is kept, with its reason, for the review file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract.coref import compatible, family
from kg.model import DocumentRecord


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count once).

    >>> distance("mesyatsev", "mesyastev"), distance("mesyatsev", "mesyatse")
    (1, 1)
    """
    previous_row, row = list(range(len(b) + 1)), [0] * (len(b) + 1)
    before: list[int] = []
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], before[j - 2] + 1)
        before, previous_row = previous_row, row
    return previous_row[len(b)]


@dataclass
class Variants:
    """Rewrites of person names decided for the whole corpus, with the reason for each."""

    names: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)

    @classmethod
    def learn(cls, records: Iterable[DocumentRecord], known: set[str]) -> Variants:
        """Derive the rules from every person entity of ``records``; names in ``known`` are left alone.

        >>> from kg.model import DocumentRecord, DateValue, Entity
        >>> def rec(*names):
        ...     return DocumentRecord("x", "w", "l", "k", "1", "T", "Cable", DateValue("1962", "1962", "year"),
        ...                           entities=tuple(Entity("person", n, (), ()) for n in names))
        >>> v = Variants.learn([rec("Stepan Chervonenko"), rec("Chervonenko"), rec("Mesyatsev", "Mesyatsev"),
        ...                     rec("Mesyastev")], set())
        >>> v.rewrite("Chervonenko"), v.rewrite("Mesyastev")
        ('Stepan Chervonenko', 'Mesyatsev')
        """
        return cls.from_people([e.name for r in records for e in r.entities if e.kind == "person"], known)

    @classmethod
    def from_people(cls, people: list[str], known: set[str]) -> Variants:
        """The rules from every person name of the corpus (one entry per document that names the person)."""
        counts = Counter(name for name in people if name not in known)
        variants = cls()
        variants._spellings(counts)
        variants._surnames(counts, {name for name in people if name in known})
        return variants

    def _spellings(self, counts: Counter[str]) -> None:
        """Family names a letter or two apart are one, spelt as most often (full names count for their family)."""
        spellings: Counter[str] = Counter()
        for name, count in counts.items():
            token = next((t for t in name.split() if t.lower() == family(name)), name.split()[-1])
            spellings[token] += count
        singles = [n for n in counts if len(n.split()) == 1 and len(n) >= 6]
        for other in sorted(singles):
            best = max((s for s in spellings if s != other and s[0] == other[0] and len(s) >= 6
                        and distance(other.lower(), s.lower()) <= (2 if len(s) >= 8 else 1)
                        and spellings[s] >= spellings[other]), key=lambda s: (spellings[s], s), default=None)
            if best is not None:
                self.names[other] = best
                self.reasons[other] = f"spelling variant of {best!r} ({spellings[best]} mentions against {spellings[other]})"

    def _surnames(self, counts: Counter[str], known: set[str]) -> None:
        """A bare family name is the one person of the corpus bearing it; people the authority knows count
        as bearers too, so "Kennedy" stays apart when "John F. Kennedy" (known) and "Robert Kennedy" are both seen."""
        full = [n for n in (*counts, *sorted(known)) if len(n.split()) > 1]
        for name in counts:
            if len(name.split()) != 1:
                continue
            spelled = self.names.get(name, name)
            owners = sorted({f for f in full if family(f) == spelled.lower() and compatible(f, spelled)})
            if len(owners) == 1:
                self.names[name] = owners[0]
                variant = f"{self.reasons[name]}; " if name in self.reasons else ""
                self.reasons[name] = f"{variant}the only person of the corpus named {spelled!r}"
            elif len(owners) > 1:
                self.reasons[name] = f"kept apart: {len(owners)} people of the corpus are named {spelled!r}"

    def rewrite(self, name: str) -> str:
        return self.names.get(name, name)
