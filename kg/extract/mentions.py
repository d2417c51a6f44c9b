"""Mentions of people, organisations and places in one text, each with its exact span.

Rules, not a statistical model: organisations are found by the word that heads
their name ("Ministry", "Embassy", "Committee"...) extended over capitalised
modifiers and "of the ..." phrases; people by a title or honorific before the
name, initials before a surname, a family-name-first name, or a name the
caller already knows; places by the offline gazetteer and known place names,
editorial variants in brackets included ("Wulumqi [Urumqi]"). Place mentions
may sit inside an organisation's name; people never overlap anything else.

>>> found = find_mentions("Vice Minister Zhang Hanfu met Ambassador of the Soviet Union [Stepan Chervonenko] in Beijing.")
>>> [(m.kind, m.name, m.text) for m in found]
[('person', 'Zhang Hanfu', 'Zhang Hanfu'), ('person', 'Stepan Chervonenko', 'Stepan Chervonenko'), ('place', 'Beijing', 'Beijing')]
>>> found[0].titles, found[1].titles
(('Vice Minister',), ('Ambassador of the Soviet Union',))
"""

from __future__ import annotations

from kg.extract.organizations import find_organizations
from kg.extract.people import find_persons
from kg.extract.places import find_places
from kg.extract.scan import KnownNames, Scan, key
from kg.extract.tokens import tokenize
from kg.model import Mention

__all__ = ["KnownNames", "find_mentions", "key"]


def find_mentions(text: str, source: str = "body", known: KnownNames = KnownNames()) -> list[Mention]:
    """Every person, organisation and place mention in ``text``, in text order."""
    scan = Scan(text, tokenize(text), source, known)
    find_organizations(scan)
    find_persons(scan)
    find_places(scan)
    return sorted(scan.found, key=lambda m: (m.start, m.end, m.kind))
