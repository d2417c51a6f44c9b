"""A FRUS volume's persons list: each entry's label, the names it may be printed under, and its cross-references.

FRUS volumes open with a list of the people they mention
(``div[@xml:id="persons"]``): one ``item`` per person, the ``persName[@xml:id]``
labelled "Surname, Given (Variant)" followed by posts and dates, or a
cross-reference ("Zhou Enlai, see Chou En-lai"). The FRUS reader links every
``persName/@corresp`` to an entry here; the FRUS evaluation scores against them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from kg.ingest.tei import NS, XML_ID
from kg.ingest.tei import inline as _inline
TITLES = frozenset({"sir", "lord", "prince", "admiral", "general", "rear", "vice", "lieutenant",
                    "major", "brigadier", "viscount", "generalissimo", "colonel", "dr.", "mr.",
                    "usa", "usn", "usaf"})
_PAREN = re.compile(r"\s*\(([^)]*)\)")


@dataclass(frozen=True)
class PersonEntry:
    """One item of a volume's persons list; ``see`` is the target id of a cross-reference."""

    id: str
    label: str
    names: tuple[str, ...]
    see: str | None
    description: str


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends.

    >>> normalise("  Zorin, Valerian\\n      A. ")
    'Zorin, Valerian A.'
    """
    return " ".join(text.split())


def unique(names: Iterable[str]) -> tuple[str, ...]:
    """The names normalised, without repeats or blanks, in first-seen order."""
    return tuple(dict.fromkeys(n for n in (normalise(x) for x in names) if n))


def _untitled(text: str) -> str:
    return " ".join(w for w in text.replace(",", " , ").split() if w.lower() not in TITLES
                    ).replace(" ,", ",").strip(" ,")


def label_names(label: str) -> tuple[str, ...]:
    """Surface names acceptable for a persons-list label ("Surname, Given (Variant)").

    A parenthesis after the comma replaces the given name before it; in a label
    without a comma (East Asian order) it is a whole variant name.

    >>> label_names("Burke, Admiral Arleigh A.")
    ('Burke', 'Arleigh A. Burke', 'Burke, Arleigh A.')
    >>> label_names("Zhukov, Georgi (Yuri) A.")
    ('Zhukov', 'Georgi A. Zhukov', 'Zhukov, Georgi A.', 'Yuri A. Zhukov')
    >>> label_names("Pak Chung-hui (Park Chung Hee, Pak Jung-Hui)")
    ('Pak Chung-hui', 'Park Chung Hee', 'Pak Jung-Hui')
    """
    label = normalise(label)
    base = normalise(_PAREN.sub("", label)).replace(" ,", ",").strip(" ,")
    surname, comma, rest = base.partition(",")
    if not comma and re.fullmatch(r"\S+ \S+.* [A-Z]\.", base):
        surname, rest = base.split(" ", 1)  # "Bolshakov Georgi N.": the comma is missing
    if not rest:
        variants = (v for m in _PAREN.finditer(label) for v in m.group(1).split(","))
        return unique([base, *(v for v in variants if _untitled(v))])
    names = [surname, f"{_untitled(rest.split(',')[0])} {surname}", _untitled(base)]
    given = label.partition(",")[2] if comma else rest
    for match in re.finditer(r"(\S+)\s*\(([^)]*)\)", given):
        for variant in (v for v in match.group(2).split(",") if _untitled(v)):
            swapped = _PAREN.sub("", given.replace(match.group(0), variant)).split(",")[0]
            names.append(f"{_untitled(swapped)} {surname}")
    return unique(names)


def _person_item(item: etree._Element) -> tuple[PersonEntry, str | None]:
    """The entry of one persons-list item and the raw target of its "see" cross-reference."""
    name = item.xpath(".//tei:persName[@xml:id]", namespaces=NS)[0]
    label = _inline(name)
    full = _inline(item)
    description = (full[len(label):] if full.startswith(label) else full.replace(label, "", 1)).strip(" ,")
    target = item.xpath(".//tei:persName[@corresp]/@corresp", namespaces=NS)
    see = target[0].lstrip("#") if target else None
    if see is None and description.lower().startswith("see "):
        see = description[4:].strip(" .")
    return PersonEntry(name.get(XML_ID), label, label_names(label), None, description), see


def _resolve_see(raw: str, persons: dict[str, PersonEntry]) -> str:
    """A cross-reference target as an entry id: ``raw`` is an id, a label or a name, else kept as text."""
    found = [entry.id for entry in persons.values() if raw in (entry.id, entry.label, *entry.names)]
    return raw if raw in persons else found[0] if found else raw


def persons(root: etree._Element) -> dict[str, PersonEntry]:
    """The persons list: ``div[@xml:id="persons"]//item`` carrying a ``persName[@xml:id]``, by id.

    >>> root = etree.fromstring('<div xmlns="http://www.tei-c.org/ns/1.0" xml:id="persons"><list><item>'
    ...     '<persName xml:id="p_ZE1">Zhou Enlai</persName>, see <persName corresp="#p_C">Chou En-lai</persName>'
    ...     '</item><item><persName xml:id="p_C">Chou En-lai</persName>, Premier</item></list></div>')
    >>> found = persons(root)
    >>> found["p_ZE1"].see, found["p_C"].description
    ('p_C', 'Premier')
    """
    items = root.xpath('//tei:div[@xml:id="persons"]//tei:item[.//tei:persName[@xml:id]]', namespaces=NS)
    pairs = [_person_item(item) for item in items]
    persons = {entry.id: entry for entry, _ in pairs}
    for entry, raw in pairs:
        if raw is not None:
            persons[entry.id] = PersonEntry(entry.id, entry.label, entry.names,
                                            _resolve_see(raw, persons), entry.description)
    return persons
