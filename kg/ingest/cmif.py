"""The CMIF reader: letters' metadata in the Correspondence Metadata Interchange Format, one record per letter.

CMIF (the TEI Correspondence SIG's format, harvested by correspSearch) lists
letters as ``teiHeader/profileDesc/correspDesc``: a ``correspAction`` of type
``sent`` and one of type ``received``, each with ``persName``/``orgName``
(``@ref``: a GND, VIAF, Wikidata or LoC IRI), ``placeName`` (``@ref``: a
GeoNames IRI) and ``date`` (``@when``, ``@notBefore``/``@notAfter`` or
``@from``/``@to``). There is no letter text: a record carries what the file
states, as :class:`~kg.source.Given`, with a title made from it. Published
files are looser than the schema (``cert`` values, ``sameAs``, header order),
so the reader takes what it recognises and leaves the rest: a ``@ref`` that is
no authority IRI is not kept, and a date attribute that is no ISO date is read
as the printed words.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from kg.ingest.tei import NS, XML_ID, first_text, inline
from kg.ingest.xml import parse_xml
from kg.model import AgentName
from kg.source import ISO_DATE, Field, Given, SourceRecord

SOURCE = "cmif"
_AUTHORITY = re.compile(r"^https?://(?:www\.|sws\.)?(?:d-nb\.info/gnd/[0-9X-]+|viaf\.org/viaf/\d+|wikidata\.org/"
                        r"(?:wiki|entity)/Q\d+|id\.loc\.gov/authorities/names/[a-z]+\d+|geonames\.org/\d+)/?$", re.I)


def sniff(text: str) -> float:
    """Confidence that ``text`` is a CMIF file: TEI with correspondence descriptions.

    >>> sniff('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc><correspDesc>')
    1.0
    >>> sniff("<TEI><text/></TEI>"), sniff("April 25, 1962")
    (0.0, 0.0)
    """
    return 1.0 if "<TEI" in text[:20_000] and "<correspDesc" in text else 0.0


def read(path: str, text: str) -> list[SourceRecord]:
    """Every letter of a CMIF file, in file order (an empty list if it describes none)."""
    root = parse_xml(path, text)
    stem = re.sub(r"[^a-z0-9]+", "-", Path(path).name.split(".")[0].lower()).strip("-") or "cmif"
    editions = {b.get(XML_ID): inline(b) for b in root.xpath("//tei:sourceDesc//tei:bibl[@xml:id]", namespaces=NS)}
    publisher = first_text(root, "//tei:publicationStmt/tei:publisher")
    letters = root.xpath("//tei:profileDesc/tei:correspDesc", namespaces=NS)
    keys: set[str] = set()
    records = []
    for index, letter in enumerate(letters, 1):
        key = letter.get(XML_ID) or letter.get("key") or str(index)
        key = key if key not in keys else f"{key}-{index}"
        keys.add(key)
        records.append(_letter(path, f"{stem}-{key}", letter, editions, publisher))
    return records


def _letter(path: str, record_id: str, letter: etree._Element, editions: dict[str, str],
            publisher: str | None) -> SourceRecord:
    sent, received = _action(letter, "sent"), _action(letter, "received")
    senders, recipients = _agents(sent), _agents(received)
    date_el = sent.find("tei:date", NS) if sent is not None else None
    received_el = received.find("tei:date", NS) if received is not None else None
    line = letter.sourceline or 1
    page = letter.get("ref") if _is_iri(letter.get("ref")) else None
    edition = editions.get((letter.get("source") or "").lstrip("#"))
    date = _date(date_el)
    given = Given(
        date=date, received=_date(received_el), kind="Letter", senders=senders, recipients=recipients,
        origins=_places(sent), destinations=_places(received), same_as=(page,) if page else (),
        collection=publisher or edition,
    )
    printed = _printed(date_el, date)
    return SourceRecord(
        path=path, source=SOURCE, layout="cmif",
        title=Field(_title(senders, recipients, printed), line),
        date=Field(printed, date_el.sourceline or line) if date_el is not None and printed else None,
        citation=Field(edition or publisher or "", line) if edition or publisher else None,
        record_id=Field(record_id, line), url=Field(page, line) if page else None,
        body="", body_line=line, given=given,
    )


def _action(letter: etree._Element, kind: str) -> etree._Element | None:
    found = letter.xpath("tei:correspAction[@type=$kind]", namespaces=NS, kind=kind)
    return found[0] if found else None


def _agents(action: etree._Element | None) -> tuple[AgentName, ...]:
    if action is None:
        return ()
    found = []
    for el in action.xpath("tei:persName | tei:orgName", namespaces=NS):
        printed = inline(el)
        if printed:
            kind = "person" if etree.QName(el).localname == "persName" else "organization"
            found.append(_name(printed, kind, el.get("ref")))
    return tuple(found)


def _places(action: etree._Element | None) -> tuple[AgentName, ...]:
    if action is None:
        return ()
    return tuple(_name(inline(el), "place", el.get("ref")) for el in action.xpath("tei:placeName", namespaces=NS)
                 if inline(el))


def _name(printed: str, kind: str, ref: str | None) -> AgentName:
    """A name as letters are listed ("Schnitzler, Arthur" read "Arthur Schnitzler"), with its authority id.

    >>> _name("Weber, Carl Maria von", "person", "http://d-nb.info/gnd/118629662 ")
    AgentName(name='Carl Maria von Weber', kind='person', forms=('Weber, Carl Maria von',), span=None, parent=None, state=None, ids=('http://d-nb.info/gnd/118629662',))
    """
    reading = printed
    surname, comma, given = printed.partition(",")
    if kind == "person" and comma and given.strip() and "," not in given and not re.search(r"\d", printed):
        reading = f"{given.strip()} {surname.strip()}"
    ids = tuple(token for token in (ref or "").split() if _AUTHORITY.match(token))
    return AgentName(reading, kind, (printed,) if reading != printed else (), ids=ids)  # type: ignore[arg-type]


def _date(element: etree._Element | None) -> str | None:
    """A ``date`` element as ISO 8601 or an EDTF range; ``None`` when it gives no usable attribute."""
    if element is None:
        return None
    get = lambda name: (element.get(name) or "").strip() or None  # noqa: E731
    when, before, after, start, end = (get(n) for n in ("when", "notBefore", "notAfter", "from", "to"))
    if when and ISO_DATE.match(when):
        return when
    if (before and ISO_DATE.match(before)) or (after and ISO_DATE.match(after)):
        return f"[{before or ''}..{after or ''}]"
    if start and end and ISO_DATE.match(start) and ISO_DATE.match(end):
        return f"{start}/{end}"
    return None


def _printed(element: etree._Element | None, date: str | None) -> str:
    """How the file prints the date (its text), else the date as read."""
    text = inline(element) if element is not None else ""
    return text or date or ""


def _title(senders: tuple[AgentName, ...], recipients: tuple[AgentName, ...], printed: str) -> str:
    """A letter's title from its metadata: "Letter from A to B, 21 September 1666".

    >>> _title((AgentName("Arthur Schnitzler", "person"),), (AgentName("Hermann Bahr", "person"),), "1909-12-14")
    'Letter from Arthur Schnitzler to Hermann Bahr, 1909-12-14'
    """
    def names(group: tuple[AgentName, ...]) -> str:
        return " and ".join(name.name for name in group) or "an unknown correspondent"
    return f"Letter from {names(senders)} to {names(recipients)}" + (f", {printed}" if printed else "")


def _is_iri(value: str | None) -> bool:
    return bool(value) and re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", value or "") is not None
