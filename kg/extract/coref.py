"""Within-document coreference: mentions of one actor become one :class:`~kg.model.Entity`.

People cluster by family name with compatible given names and initials ("N. V.
Roshchin", "N. Roshchin", "Roshchin"); a bare family name joins the one person
of the document who bears it; "the ambassador" joins the one person the text
calls ambassador. Organisations cluster by name, and a bare "the Ministry"
joins the one ministry of the document. Places cluster by name and gazetteer id.

>>> from kg.extract.mentions import find_mentions
>>> text = "Vice Minister Zhang Hanfu met Ambassador S. V. Chervonenko. Zhang said the ambassador agreed."
>>> [(e.name, len(e.mentions)) for e in entities(text, find_mentions(text)) if e.kind == "person"]
[('S. V. Chervonenko', 2), ('Zhang Hanfu', 2)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kg.extract.lexicon import HONORIFICS, ORG_HEADS, ROLE_WORDS
from kg.extract.mentions import key
from kg.extract.names import FAMILY_FIRST, readings
from kg.extract.spans import Spans
from kg.model import Entity, Mention

_ROLE = re.compile(r"\b[Tt]he\s+(?:(?:Soviet|Chinese|Korean|German|Hungarian|Vietnamese|American)\s+)?(%s)\b(?!\s+[A-Z])"
                   % "|".join(sorted(map(re.escape, ROLE_WORDS), key=len, reverse=True)))


@lru_cache(maxsize=65536)
def family(name: str) -> str:
    """The family name of a person's name, folded.

    >>> family("Zhou Enlai"), family("N. V. Roshchin"), family("Kim Il Sung")
    ('zhou', 'roshchin', 'kim')
    """
    parts = key(name).split()
    if not parts:
        return ""
    return parts[0] if len(parts) > 1 and parts[0] in FAMILY_FIRST else parts[-1]


def _given(name: str) -> list[str]:
    parts = key(name).split()
    return parts[1:] if len(parts) > 1 and parts[0] in FAMILY_FIRST else parts[:-1]


@lru_cache(maxsize=262144)
def compatible(a: str, b: str) -> bool:
    """Two names of one person: same family name, given names equal or one the initials of the other.

    >>> compatible("N. V. Roshchin", "Nikolai Roshchin"), compatible("Robert Kennedy", "John Kennedy")
    (True, False)
    """
    if family(a) != family(b):
        return False
    ga, gb = _given(a), _given(b)
    return not ga or not gb or all(x[0] == y[0] for x, y in zip(ga, gb))


def entities(text: str, mentions: Iterable[Mention]) -> list[Entity]:
    """Entities of one text (mentions from several sources of one document may be passed together)."""
    mentions = list(mentions)
    people = _people([m for m in mentions if m.kind == "person"])
    people = surnames(text, people, mentions)
    people = _roles(text, people)
    found = [_person_entity(c) for c in people] + _organizations([m for m in mentions if m.kind == "organization"])
    found += _places([m for m in mentions if m.kind == "place"])
    return sorted(found, key=lambda e: (e.kind, key(e.name)))


def _people(mentions: list[Mention]) -> list[list[Mention]]:
    """Clusters of person mentions; each cluster's distinct names are kept, so a long text that names one
    person thousands of times compares each new name with a few names, not with every mention."""
    clusters: list[list[Mention]] = []
    names: list[set[str]] = []
    for mention in sorted(mentions, key=lambda m: (-len(m.name.split()), m.start)):
        matches = [c for c, seen in zip(clusters, names) if all(compatible(mention.name, n) for n in seen)]
        if len(mention.name.split()) == 1:
            matches = [c for c in clusters if family(c[0].name) == key(mention.name)] or matches
        if len(matches) == 1 or (matches and len({family(c[0].name) for c in matches}) == 1 and len(mention.name.split()) > 1):
            matches[0].append(mention)
            names[next(i for i, c in enumerate(clusters) if c is matches[0])].add(mention.name)
        else:
            clusters.append([mention])
            names.append({mention.name})
    return clusters


def surnames(text: str, clusters: list[list[Mention]], mentions: list[Mention]) -> list[list[Mention]]:
    """Bare family names ("Zhou said", "Chervonenko's") of people already found."""
    taken = Spans((m.start, m.end) for m in mentions if m.source == "body")
    by_family: dict[str, list[list[Mention]]] = {}
    for cluster in clusters:
        by_family.setdefault(family(cluster[0].name), []).append(cluster)
    for name, owners in by_family.items():
        if len(owners) != 1 or len(name) < 3 or not any(m.source == "body" for m in owners[0]):
            continue
        shown = next(m.name.split()[0 if m.name.split()[0].lower() == name else -1] for m in owners[0])
        for match in re.finditer(rf"\b{re.escape(shown)}(?:['\u2019]s)?\b", text):
            if taken.free(match.start(), match.end()):
                owners[0].append(Mention("person", match.group(0), match.start(), match.end(), shown,
                                         method="coreference", confidence=0.7))
                taken.add(*match.span())
    return clusters


def _roles(text: str, clusters: list[list[Mention]]) -> list[list[Mention]]:
    """"the ambassador" -> the one person of the document the text gives that post."""
    for match in _ROLE.finditer(text):
        role = ROLE_WORDS[match.group(1).lower()]
        holders = [c for c in clusters if any(role.lower() in t.lower() for m in c for t in m.titles)]
        if len(holders) == 1:
            holders[0].append(Mention("person", match.group(0), match.start(), match.end(), holders[0][0].name,
                                      method="coreference", confidence=0.6))
    return clusters


def _person_entity(cluster: list[Mention]) -> Entity:
    names = [m.name for m in cluster if m.method != "coreference"] or [cluster[0].name]
    best = max(names, key=lambda n: (len(n.split()), sum(len(p) > 2 for p in n.split()), len(n)))
    forms = {form for m in cluster if m.method != "coreference" for form in readings(m.text)[1]} | set(names)
    titles = sorted({t for m in cluster for t in m.titles if t not in HONORIFICS})
    return Entity("person", best, tuple(sorted(forms - {best})), tuple(sorted(cluster, key=_order)), tuple(titles))


def _organizations(mentions: list[Mention]) -> list[Entity]:
    specific = [m for m in mentions if not _generic(m)]
    groups: dict[str, list[Mention]] = {}
    for mention in sorted(specific, key=lambda m: -len(m.name)):
        name = key(mention.name)
        fuller = [k for k in groups if k.startswith(name + " ") and k[len(name) + 1 :].split()[0] in ("for", "of", "in", "on")]
        groups.setdefault(fuller[0] if len(fuller) == 1 else name, []).append(mention)
    for mention in (m for m in mentions if _generic(m)):
        head = key(mention.name).split()[-1]
        owners = [k for k in groups if head in k.split()]
        if len(owners) == 1:
            groups[owners[0]].append(mention)
    return [_named_entity("organization", group) for group in groups.values()]


def _generic(mention: Mention) -> bool:
    """A bare head word: "the Ministry", "the Embassy's"."""
    words = key(mention.name).split()
    return len(words) == 1 and words[0].capitalize() in ORG_HEADS


def _places(mentions: list[Mention]) -> list[Entity]:
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.geonameid or key(mention.name), []).append(mention)
    return [_named_entity("place", group) for group in groups.values()]


def _named_entity(kind: str, group: list[Mention]) -> Entity:
    names = sorted({m.name for m in group if not _generic(m)} or {group[0].name}, key=lambda n: (-len(n), n))
    forms = {form for m in group for form in readings(m.text)[1]} | set(names)
    geonameid = next((m.geonameid for m in group if m.geonameid), None)
    return Entity(kind, names[0], tuple(sorted(forms - {names[0]})), tuple(sorted(group, key=_order)),  # type: ignore[arg-type]
                  (), geonameid)


def _order(mention: Mention) -> tuple[str, int, int]:
    return mention.source, mention.start, mention.end
