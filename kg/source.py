"""The source layer: what a reader found in a file, before any interpretation.

:class:`SourceRecord` holds a record's labelled fields (:class:`Field`, with the
line each starts on) and its body text; a structured source (TEI, CMIF, a
catalogue spreadsheet) adds what it states outright as :class:`Given`, with
the names it marks up as :class:`Marked`. ``kg.ingest`` writes these and
``kg.extract`` reads them; the later layers are in :mod:`kg.model`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import ActorKind, AgentName

#: An ISO 8601 day, month or year, the date form of :attr:`Given.date` (outside ranges).
ISO_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


@dataclass(frozen=True)
class Field:
    """A value read from a source file and the 1-based line it starts on."""

    value: str
    line: int


@dataclass(frozen=True)
class Marked:
    """A name a structured source marks up in one of its texts (TEI ``persName``), with its reading.

    ``text`` is the marked words at ``[start, end)`` of the text ``source``
    (``body``, ``title`` or ``notes``); ``name`` is the reading the source gives
    (the persons list's label), ``forms`` its other names, ``ids`` the
    identifiers the markup links it to.
    """

    kind: ActorKind
    text: str
    start: int
    end: int
    name: str
    source: str = "body"
    forms: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Given:
    """What a structured source (TEI, CMIF, a catalogue spreadsheet) states outright, taken as read.

    Dates are ISO 8601 (``1962-04-25``, ``1962-04``, ``1962``) or, for a date
    the source knows only as a range, EDTF (``[1687-09..1688-02]``, ``[..1690-05-01]``,
    ``1909-12-14/1909-12-20``); ``received`` is the date of receipt when the source
    gives it. Extraction still reads the text for what the markup leaves out.
    """

    date: str | None = None
    received: str | None = None
    kind: str | None = None
    classification: str | None = None
    urgency: str | None = None
    senders: tuple[AgentName, ...] = ()
    recipients: tuple[AgentName, ...] = ()
    origins: tuple[AgentName, ...] = ()
    destinations: tuple[AgentName, ...] = ()
    signers: tuple[AgentName, ...] = ()
    names: tuple[Marked, ...] = ()
    notes: str = ""
    same_as: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    collection: str | None = None
    """The edition or collection that publishes the record, when the source names it."""
    kinds_known: bool = True
    """False when the source does not say which names are persons and which organisations (a spreadsheet's
    "From" column): extraction then tells them apart as it does for printed names."""


@dataclass(frozen=True)
class SourceRecord:
    """One document as a reader found it, before any interpretation.

    ``body`` is the text of the document itself as the reader normalised it
    (line endings ``\\n``, surrounding blank lines trimmed); ``body_line`` is the
    line of the file on which it starts, so offsets into ``body`` can be turned
    back into file lines.
    """

    path: str
    source: str
    layout: str
    title: Field | None = None
    date: Field | None = None
    citation: Field | None = None
    summary: Field | None = None
    credits: tuple[Field, ...] = ()
    languages: Field | None = None
    contents: Field | None = None
    authors: tuple[Field, ...] = ()
    people: tuple[Field, ...] = ()
    places: tuple[Field, ...] = ()
    subjects: tuple[Field, ...] = ()
    reference: Field | None = None
    archive: Field | None = None
    record_id: Field | None = None
    classification: Field | None = None
    url: Field | None = None
    donors: Field | None = None
    body: str = ""
    body_line: int = 0
    given: Given | None = None
