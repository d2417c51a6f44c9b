"""The corpus-wide registry of names: every form seen for every IRI, and the one canonical label.

The canonical label of an actor or concept must be the same literal in every
document graph, so it is chosen only once the whole corpus has been seen: the
authority's label if there is one, otherwise the most frequent form (mixed
case before capitals, then alphabetical), which does not depend on file order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Registry:
    """Names seen per IRI across the corpus.

    >>> r = Registry()
    >>> for names in (["XU HUANG"], ["Xu Huang"], ["Xu Huang", "Xu"]):
    ...     r.observe("x", names)
    >>> r.observe("y", ["Urumqi"], fixed="Urumqi")
    >>> r.label("x"), r.label("y"), len(r)
    ('Xu Huang', 'Urumqi', 2)
    """

    _seen: dict[str, Counter[str]] = field(default_factory=dict)
    _preferred: dict[str, Counter[str]] = field(default_factory=dict)
    _fixed: dict[str, str] = field(default_factory=dict)

    def observe(self, iri: str, names: list[str] | tuple[str, ...], fixed: str | None = None) -> None:
        """Record names seen for ``iri``; the first is the name a document prefers (its fullest form);
        ``fixed`` is an authority label that always wins."""
        counter = self._seen.setdefault(iri, Counter())
        counter.update(name for name in names if name)
        if names and names[0]:
            self._preferred.setdefault(iri, Counter())[names[0]] += 1
        if fixed is not None:
            self._fixed[iri] = fixed

    def label(self, iri: str) -> str:
        if iri in self._fixed:
            return self._fixed[iri]
        counter = self._preferred.get(iri) or self._seen.get(iri)
        if not counter:
            raise KeyError(f"no name was observed for {iri}")
        return min(counter, key=lambda name: (name.isupper(), -counter[name], name))

    def __len__(self) -> int:
        return len(self._seen)

    def __contains__(self, iri: object) -> bool:
        return iri in self._seen
