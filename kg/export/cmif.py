"""The CMIF writer: every document as a ``correspDesc``, so that an export can be registered with correspSearch.

The file follows the TEI Correspondence SIG's schema (``cmi-customization.rng``,
checked with ``jing`` in the tests) and its Schematron rules: each letter has a
``sent`` and a ``received`` action and points to its edition's ``bibl``; every
``date`` has a dating attribute. Senders and addressees are ``persName`` or
``orgName`` with ``@ref`` when the actor has a global authority id (GND, VIAF,
Wikidata, LoC; the first in that order); places carry their GeoNames id. A
date known as a range is written with ``notBefore``/``notAfter`` (one unknown
day) or ``from``/``to`` (a period), as it was read. Documents are in key order,
so the same export gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from kg.extract.dates import is_period
from kg.model import Actor, DateValue, ResolvedDocument
from kg.reconcile.identifiers import recognise
from kg.reconcile.mint import Minter
from kg.reconcile.slug import digest

TEI = "http://www.tei-c.org/ns/1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: The authorities whose ids CMIF takes for persons and organisations, in order of preference.
AGENT_SCHEMES = ("gnd", "viaf", "wikidata", "lccn")


def _el(parent: etree._Element | None, name: str, text: str | None = None, **attributes: str) -> etree._Element:
    tag = f"{{{TEI}}}{name}"
    element = etree.Element(tag, nsmap={None: TEI}) if parent is None else etree.SubElement(parent, tag)
    for key, value in attributes.items():
        element.set(_XML_ID if key == "xml_id" else key, value)
    if text is not None:
        element.text = text
    return element


def write_cmif(documents: Iterable[ResolvedDocument], minter: Minter, licence: str | None = None) -> bytes:
    """CMIF bytes for ``documents``: one ``correspDesc`` each, grouped under one ``bibl`` per edition.

    correspSearch registers a file only under a licence it accepts (CC BY 4.0 or
    CC0): give it as ``licence`` (``kg export --licence``); without one the file
    says the licence is unknown.

    >>> from kg.model import DocumentRecord, Routing
    >>> rec = DocumentRecord("x", "cmif", "cmif", "cmif-1", "1", "Letter", "Letter", DateValue("", "1909-12-14", "day"))
    >>> a = Actor("https://ex.org/person/gnd-1", "person", "Arthur Schnitzler", exact_match=("https://d-nb.info/gnd/1",))
    >>> xml = write_cmif([ResolvedDocument(rec, "https://ex.org/doc/cmif-1", "g", None, None, senders=(a,))], Minter())
    >>> b'<persName ref="https://d-nb.info/gnd/1">Arthur Schnitzler</persName>' in xml
    True
    """
    docs = sorted(documents, key=lambda d: d.record.key)
    editions = sorted({_edition(d) for d in docs})
    root = _el(None, "TEI")
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", f"Correspondence exported by diplomatic-kg ({len(docs)} documents)")
    _el(title_stmt, "editor", "diplomatic-kg")
    publication = _el(file_desc, "publicationStmt")
    publisher = _el(publication, "publisher")
    _el(publisher, "ref", "diplomatic-kg export", target=minter.dataset())
    _el(publication, "idno", minter.distribution("letters.cmif.xml"), type="url")
    _el(publication, "date", when=_newest(docs))
    if licence:
        _el(_el(publication, "availability"), "licence", f"Licensed under {licence}", target=licence)
    else:
        _el(_el(publication, "availability", status="unknown"), "p",
            "No licence was given to kg export (--licence); the licences of the sources apply.")
    source_desc = _el(file_desc, "sourceDesc")
    for edition in editions:
        _el(source_desc, "bibl", edition, type="online", xml_id=_bibl_id(edition))
    profile = _el(header, "profileDesc")
    for doc in docs:
        _letter(profile, doc)
    text = _el(root, "text")
    _el(_el(text, "body"), "p")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _edition(doc: ResolvedDocument) -> str:
    return doc.collection.label if doc.collection is not None else "diplomatic-kg export"


def _bibl_id(edition: str) -> str:
    """An id holding a UUID-shaped digest of the edition's name (the Schematron recommends UUIDs; an
    ``xml:id`` may not start with a digit)."""
    h = digest(edition, length=32)
    return f"bibl-{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def _newest(docs: list[ResolvedDocument]) -> str:
    """The file's date: the newest day any document is dated by, so that it is stable for one corpus."""
    days = [d.record.date.iso[:10] for d in docs if d.record.date.precision == "day"]
    return max(days) if days else "1970-01-01"


def _letter(profile: etree._Element, doc: ResolvedDocument) -> None:
    attributes = {"key": doc.record.key, "source": f"#{_bibl_id(_edition(doc))}"}
    if doc.record.url:
        attributes["ref"] = doc.record.url
    letter = _el(profile, "correspDesc", **attributes)
    sent = _el(letter, "correspAction", type="sent")
    _agents(sent, doc.senders)
    _places(sent, doc.origins)
    _date(sent, doc.record.date)
    received = _el(letter, "correspAction", type="received")
    _agents(received, doc.recipients)
    _places(received, doc.destinations)
    if doc.record.received is not None:
        _date(received, doc.record.received)
    for action, actors, who in ((sent, doc.senders, "sender"), (received, doc.recipients, "addressee")):
        if not any(actor.kind in ("person", "organization") for actor in actors):
            _el(action, "note", f"No {who} is known.")  # an action may not be empty


def _agents(action: etree._Element, actors: tuple[Actor, ...]) -> None:
    for actor in actors:
        name = {"person": "persName", "organization": "orgName"}.get(actor.kind)
        if name is None:
            continue
        _el(action, name, actor.label, **_ref(actor, AGENT_SCHEMES))


def _places(action: etree._Element, places: tuple[Actor, ...]) -> None:
    for place in places:
        if place.kind != "place":
            continue
        _el(action, "placeName", place.label, **_ref(place, ("geonames",)))


def _ref(actor: Actor, schemes: tuple[str, ...]) -> dict[str, str]:
    """``{"ref": IRI}`` for the actor's id of the first of ``schemes`` it has, else nothing."""
    found = [f for f in map(recognise, actor.exact_match) if f is not None and f.scheme in schemes]
    found.sort(key=lambda f: (schemes.index(f.scheme), f.iri))
    return {"ref": found[0].iri} if found else {}


def _date(action: etree._Element, value: DateValue) -> None:
    """``when`` for a day, month or year; ``notBefore``/``notAfter`` or ``from``/``to`` for a range."""
    if value.precision != "range":
        _el(action, "date", when=value.iso)
        return
    names = ("from", "to") if is_period(value) else ("notBefore", "notAfter")
    bounds = {names[0]: value.earliest, names[1]: value.latest}
    _el(action, "date", **{k: v for k, v in bounds.items() if v})
