"""The FRUS reader: a TEI volume of *Foreign Relations of the United States*, one record per document.

Each ``div[@type="document"]`` becomes a :class:`~kg.model.SourceRecord`: the
``head`` is the title (its number dropped), the ``dateline`` gives the place
and ``date/@when`` (or the div's ``frus:doc-dateTime-min/max``), the head marks
sender and addressee (``persName``/``gloss`` with ``@type="from"|"to"``), the
source note gives the archival reference, the classification and the
precedence, and the footnotes are kept apart from the text. Every
``persName/@corresp`` becomes a :class:`~kg.model.Marked` name read through the
volume's persons list, linked to the Office of the Historian's page for that
person; the document is linked to its own page. An editorial note (no
dateline) is read as one, so that the run report can say it was left out.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from kg.ingest.frus_persons import PersonEntry, label_names, persons
from kg.ingest.tei import NS, XML_ID, Span, first_text, flatten, flatten_all, inline, local
from kg.ingest.xml import parse_xml
from kg.model import AgentName
from kg.source import Field, Given, Marked, SourceRecord

SOURCE = "frus"
PAGES = "https://history.state.gov/historicaldocuments/"
_FRUS_NS = "http://history.state.gov/frus/ns/1.0"
_NUMBER = re.compile(r"^\s*\d+\.\s+")
_CLASSIFICATION = re.compile(
    r"\b(Top Secret|Secret|Confidential|Limited Official Use|Official Use Only|Unclassified)\b"
    r"(?:\s*[;,]\s*(?:Eyes Only|Nodis|Exdis|Limdis|Noforn))*", re.I)
_PRECEDENCE = re.compile(r"\b(Flash|Niact Immediate|Niact|Operational Immediate|Immediate|Priority)\b")
_REFERENCE = re.compile(r"^Source:\s*(?P<ref>.+?\.)(?=\s+[A-Z]|$)", re.S)


def sniff(text: str) -> float:
    """Confidence that ``text`` is a FRUS TEI volume: the FRUS namespace, or TEI with document divs.

    >>> sniff('<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0">')
    1.0
    >>> sniff("April 25, 1962\\n\\nCable")
    0.0
    """
    head = text[:20_000]
    if "<TEI" not in head:
        return 0.0
    if _FRUS_NS in head:
        return 1.0
    return 0.7 if 'type="document"' in text else 0.0


def read(path: str, text: str) -> list[SourceRecord]:
    """Every document of a FRUS volume, in the volume's order (an empty list if it holds none)."""
    root = parse_xml(path, text)
    volume = _volume_id(root, path)
    people = persons(root)
    series = first_text(root, '//tei:teiHeader//tei:titleStmt/tei:title[@type="complete"]')
    divs = root.xpath('//tei:text//tei:div[@type="document"]', namespaces=NS)
    return [_record(path, volume, series, div, people) for div in divs]


def _volume_id(root: etree._Element, path: str) -> str:
    found = root.get(XML_ID) or first_text(root, '//tei:publicationStmt/tei:idno[@type="frus"]')
    return found or Path(path).name.split(".")[0]


def _record(path: str, volume: str, series: str | None, div: etree._Element,
            people: dict[str, PersonEntry]) -> SourceRecord:
    number = div.get(XML_ID) or f"d{div.get('n', '')}"
    head = div.find("tei:head", NS)
    title, title_names = _title(head, volume, people)
    body_text, body_spans = flatten(div, keep=lambda e: local(e) != "note" and e is not head)
    notes = div.xpath(".//tei:note", namespaces=NS)
    notes_text, notes_spans = flatten_all([(_note_label(note), note) for note in notes
                                           if not note.xpath("ancestor::tei:note", namespaces=NS)])
    source_note = next((n for n in notes if n.get("type") == "source" or n.get("n") == "0"), None)
    source_text = inline(source_note) if source_note is not None else ""
    dateline = div.xpath(".//tei:dateline[not(ancestor::tei:note)]", namespaces=NS)
    date_el = dateline[0].xpath(".//tei:date", namespaces=NS) if dateline else []
    page = f"{PAGES}{volume}/{number}"
    line = div.sourceline or 1
    names = (*title_names, *_marked(body_spans, "body", volume, people),
             *_marked(notes_spans, "notes", volume, people))
    given = Given(
        date=(_when(date_el[0].get("when")) if date_el else None) or _bounded(div),
        classification=_classification(source_text), urgency=_precedence(source_text),
        senders=_parties(head, "from", volume, people), recipients=_parties(head, "to", volume, people),
        origins=tuple(AgentName(inline(p), "place") for p in (dateline[0].xpath(".//tei:placeName", namespaces=NS)
                                                              if dateline else ()) if inline(p)),
        signers=tuple(_person(el, volume, people) for el in div.xpath(
            ".//tei:closer//tei:signed//tei:persName[not(ancestor::tei:note)]", namespaces=NS)),
        names=names, notes=notes_text, same_as=(page,), languages=(),
    )
    reference = _REFERENCE.match(source_text)
    return SourceRecord(
        path=path, source=SOURCE, layout="tei" if dateline else "editorial-note",
        title=Field(title, head.sourceline or line) if head is not None and title else None,
        date=Field(inline(date_el[0]), date_el[0].sourceline or line) if date_el else None,
        citation=Field(f"{series}, Document {div.get('n') or number[1:]}", line) if series else None,
        reference=Field(reference["ref"].rstrip("."), source_note.sourceline or line) if reference else None,
        record_id=Field(f"{volume}-{number}", line), url=Field(page, line),
        body=body_text, body_line=_body_line(div, head), given=given,
    )


def _title(head: etree._Element | None, volume: str, people: dict[str, PersonEntry]) -> tuple[str, tuple[Marked, ...]]:
    """The head's text without its number, and the names marked in it (offsets into the title)."""
    if head is None:
        return "", ()
    text, spans = flatten(head)
    number = _NUMBER.match(text)
    cut = number.end() if number else 0
    marked = _marked(spans, "title", volume, people)
    shifted = tuple(Marked(m.kind, m.text, m.start - cut, m.end - cut, m.name, m.source, m.forms, m.ids)
                    for m in marked if m.start >= cut)
    return text[cut:], shifted


def _note_label(note: etree._Element) -> str:
    """How a note opens in the notes text: its number ("1."), nothing for the source note."""
    n = note.get("n", "")
    return "" if note.get("type") == "source" or n in ("", "0") else f"{n}."


def _body_line(div: etree._Element, head: etree._Element | None) -> int:
    after = head.getnext() if head is not None else (div[0] if len(div) else None)
    return (after.sourceline if after is not None else None) or div.sourceline or 1


def _marked(spans: list[Span], source: str, volume: str, people: dict[str, PersonEntry]) -> tuple[Marked, ...]:
    """The persons marked in a text: linked ones read through the persons list, unlinked ones as printed."""
    found = []
    for span in spans:
        if local(span.element) != "persName" or span.start is None or span.end is None:
            continue
        printed = inline(span.element)
        name = _person(span.element, volume, people, printed)
        found.append(Marked("person", printed, span.start, span.end, name.name, source, name.forms, name.ids))
    return tuple(found)


def _person(element: etree._Element, volume: str, people: dict[str, PersonEntry], printed: str = "") -> AgentName:
    """A ``persName`` as a name: the persons list's reading of the entry it points to (following a "see"
    cross-reference), every name the entry gives as forms, and the entries' pages as ids."""
    printed = printed or inline(element)
    entries = [people[pid] for pid in _corresp(element) if pid in people]
    if not entries:
        return AgentName(printed, "person")
    entry = entries[0]
    ids = [f"{PAGES}{volume}/persons#{e.id}" for e in entries]
    if entry.see in people:
        ids.append(f"{PAGES}{volume}/persons#{entry.see}")
        entry = people[entry.see]
    names = label_names(entry.label)
    reading = names[1] if "," in entry.label and len(names) > 1 else names[0]
    forms = tuple(dict.fromkeys(n for n in (*names, printed) if n != reading and len(n) > 1))
    return AgentName(reading, "person", forms, ids=tuple(dict.fromkeys(ids)))


def _corresp(element: etree._Element) -> list[str]:
    return [token.lstrip("#") for token in (element.get("corresp") or "").split()]


def _parties(head: etree._Element | None, kind: str, volume: str,
             people: dict[str, PersonEntry]) -> tuple[AgentName, ...]:
    """The sender or addressee marked in the head: persons through the list, institutions (``gloss``) as named."""
    if head is None:
        return ()
    found = []
    for el in head.xpath("(.//tei:persName | .//tei:gloss)[@type=$kind][not(ancestor::tei:note)]",
                         namespaces=NS, kind=kind):
        if local(el) == "persName":
            found.append(_person(el, volume, people))
        elif text := re.sub(r"^the\s+", "", inline(el), flags=re.I):
            found.append(AgentName(text, "organization"))
    return tuple(found)


def _when(value: str | None) -> str | None:
    """The calendar date of an ISO 8601 value (``1962-10-26T19:00:00-04:00`` gives ``1962-10-26``)."""
    if not value:
        return None
    match = re.match(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)", value.strip())
    return match.group(1) if match else None


def _bounded(div: etree._Element) -> str | None:
    """The div's ``frus:doc-dateTime-min/max`` as an EDTF range (one day when both fall on it)."""
    first = _when(div.get(f"{{{_FRUS_NS}}}doc-dateTime-min"))
    last = _when(div.get(f"{{{_FRUS_NS}}}doc-dateTime-max"))
    return f"[{first or ''}..{last or ''}]" if first or last else None


def _classification(source_note: str) -> str | None:
    """The classification marking the source note records ("Secret; Eyes Only"), if any."""
    if re.search(r"\bNo classification marking\b", source_note, re.I):
        return None
    match = _CLASSIFICATION.search(source_note)
    return match.group(0) if match else None


def _precedence(source_note: str) -> str | None:
    match = _PRECEDENCE.search(source_note)
    return match.group(1) if match else None
