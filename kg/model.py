"""The typed records that travel between pipeline stages.

Every stage takes and returns frozen dataclasses from this module, so a stage
can be tested, replaced or run in another process on its own:

* :class:`~kg.source.SourceRecord` -- what a reader found in a file: labelled
  fields with their line numbers, and the body text (``kg.ingest``; it lives in
  :mod:`kg.source`);
* :class:`DocumentRecord` -- the interpreted record and its :class:`Routing`,
  with names still as printed (``kg.extract``);
* :class:`ResolvedDocument` -- the same with every actor, concept and document
  given an IRI (``kg.reconcile``), ready to become triples (``kg.rdf``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "year", "range"]
ActorKind = Literal["person", "organization", "place"]


@dataclass(frozen=True)
class DateValue:
    """A date at the precision it was printed, with the printed form kept.

    ``iso`` is the lexical form of the typed value (``1962-04-25``, ``1962-08``
    or ``1962``), matching ``precision``. A date a source knows only as a range
    has precision ``range``: ``iso`` is then an EDTF expression (``[1687-09..1688-02]``
    for one unknown day between two bounds, ``[..1690-05-01]`` with one bound,
    ``1909-12-14/1909-12-20`` for a text written over a period) and
    ``earliest``/``latest`` are the bounds it gives (either may be ``None``).
    """

    printed: str
    iso: str
    precision: Precision
    earliest: str | None = None
    latest: str | None = None

    @property
    def year(self) -> int:
        """The year the date falls in (for a range, its first known year).

        >>> DateValue("x", "[..1690-05-01]", "range", None, "1690-05-01").year
        1690
        """
        return int((self.earliest or self.latest or self.iso)[:4] if self.precision == "range" else self.iso[:4])


@dataclass(frozen=True)
class Span:
    """Half-open code-point offsets ``[start, end)`` into a document's body text."""

    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """One mention of an actor in a text: the exact printed words at ``[start, end)`` and its reading.

    ``source`` says which text the offsets count into: ``body``, ``title`` or
    ``summary`` (the last two are the archive's editorial text). ``kind`` is the
    actor's kind, or ``event`` for the words that report a meeting or delivery.
    """

    kind: ActorKind | Literal["event"]
    text: str
    start: int
    end: int
    name: str
    titles: tuple[str, ...] = ()
    method: str = "pattern"
    confidence: float = 0.8
    source: str = "body"
    geonameid: str | None = None
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    """One actor of one document: every mention of it, its forms and the posts the text gives it."""

    kind: ActorKind
    name: str
    forms: tuple[str, ...]
    mentions: tuple[Mention, ...]
    titles: tuple[str, ...] = ()
    geonameid: str | None = None
    ids: tuple[str, ...] = ()
    """Identifiers the source links the actor to (authority URIs, an edition's persons list)."""


@dataclass(frozen=True)
class Event:
    """A meeting or a delivery: entity indices into the document's entities, and its evidence span."""

    kind: str
    participants: tuple[int, ...]
    span: Span
    date: DateValue | None = None
    by: int | None = None
    to: int | None = None
    what: str | None = None
    source: str = "body"


@dataclass(frozen=True)
class Reference:
    """Another document the text refers to ("the attached Chinese memorandum"), as far as the text says."""

    description: str
    span: Span
    attached: bool = False
    date: DateValue | None = None
    kind: str = "Document"
    source: str = "body"


@dataclass(frozen=True)
class AgentName:
    """A name of a person, organisation or place as printed, not yet resolved.

    ``name`` is the reading with editorial brackets resolved; ``forms`` holds
    every other reading of the printed text (the printed words without the
    editor's brackets, the editor's variant). ``parent`` is the larger
    organisation a unit belongs to, as the text gives it. ``ids`` are the
    identifiers the source links the name to (GND, VIAF, GeoNames, an
    edition's persons list), as URIs.
    """

    name: str
    kind: ActorKind
    forms: tuple[str, ...] = ()
    span: Span | None = None
    parent: AgentName | None = None
    state: str | None = None
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Routing:
    """Who sent a text to whom, how, and when, as read from its body."""

    senders: tuple[AgentName, ...] = ()
    recipients: tuple[AgentName, ...] = ()
    destinations: tuple[AgentName, ...] = ()
    origins: tuple[AgentName, ...] = ()
    urgency: str | None = None
    classification: str | None = None
    dispatch_number: str | None = None
    signed_on: DateValue | None = None
    sent_on: DateValue | None = None
    entry_date: DateValue | None = None
    venue: AgentName | None = None
    interpreters: tuple[AgentName, ...] = ()
    recorded_by: tuple[AgentName, ...] = ()
    meeting_date: DateValue | None = None

    @property
    def text_date(self) -> DateValue | None:
        """The date the text carries: signature, then sending date, minutes date, entry date."""
        return self.signed_on or self.sent_on or self.meeting_date or self.entry_date


@dataclass(frozen=True)
class DocumentRecord:
    """A document's record layer (what the archive states) and routing (what the text states)."""

    path: str
    source: str
    layout: str
    key: str
    record_id: str
    title: str
    kind: str
    date: DateValue
    header_date: DateValue | None = None
    citation: str | None = None
    url: str | None = None
    publisher: str | None = None
    reference: str | None = None
    archive: str | None = None
    translators: tuple[AgentName, ...] = ()
    contributors: tuple[AgentName, ...] = ()
    funders: tuple[AgentName, ...] = ()
    languages: tuple[str, ...] = ()
    summary: str | None = None
    subjects: tuple[str, ...] = ()
    subject_agents: tuple[AgentName, ...] = ()
    places: tuple[AgentName, ...] = ()
    authors: tuple[AgentName, ...] = ()
    classification: str | None = None
    state: str | None = None
    routing: Routing = field(default_factory=Routing)
    body: str = ""
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    references: tuple[Reference, ...] = ()
    received: DateValue | None = None
    """The date of receipt, when the source states it."""
    notes: str = ""
    """The editors' footnotes, kept apart from the text (mentions in them count into ``notes``)."""
    same_as: tuple[str, ...] = ()
    """The same document elsewhere (the edition's own page), for ``skos:exactMatch``."""


@dataclass(frozen=True)
class Actor:
    """A resolved person, organisation or place: one IRI, one label, every form seen."""

    iri: str
    kind: ActorKind
    label: str
    alt_labels: tuple[str, ...] = ()
    parent: str | None = None
    exact_match: tuple[str, ...] = ()


@dataclass(frozen=True)
class Annotation:
    """The evidence for one mention: which actor, in which text, at which span, with what context."""

    iri: str
    body: str
    source: str
    mention: Mention
    prefix: str
    suffix: str
    target: str
    position: str
    quote: str
    motivation: str = "identifying"


@dataclass(frozen=True)
class Post:
    """A post held by a person as one document attests it on its date (W3C ORG ``org:Post``)."""

    iri: str
    label: str
    organization: Actor
    holder: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class CitedDocument:
    """A document another one refers to: a stub with what the text says, or one the corpus holds."""

    iri: str
    description: str
    attached: bool = False
    date: DateValue | None = None
    in_corpus: bool = False


@dataclass(frozen=True)
class Happening:
    """A resolved meeting or delivery with its participants, date and the annotation it rests on."""

    iri: str
    kind: str
    participants: tuple[Actor, ...]
    date: DateValue | None = None
    by: Actor | None = None
    to: Actor | None = None
    delivered: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class Collection:
    """The published collection a document is part of (the digital archive)."""

    iri: str
    label: str
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Concept:
    """A SKOS concept of one of the corpus schemes (urgency, classification, subject)."""

    iri: str
    label: str
    scheme: str
    scheme_kind: Literal["urgency", "classification", "subject"]
    scheme_label: str
    broad_match: str | None = None
    """Local name of the generic ``dip:`` ladder level this concept falls under."""
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResolvedDocument:
    """A document whose every actor, concept and reference has an IRI."""

    record: DocumentRecord
    iri: str
    graph: str
    collection: Collection | None
    holder: Actor | None
    senders: tuple[Actor, ...] = ()
    recipients: tuple[Actor, ...] = ()
    destinations: tuple[Actor, ...] = ()
    origins: tuple[Actor, ...] = ()
    translators: tuple[Actor, ...] = ()
    contributors: tuple[Actor, ...] = ()
    funders: tuple[Actor, ...] = ()
    interpreters: tuple[Actor, ...] = ()
    recorded_by: tuple[Actor, ...] = ()
    venue: Actor | None = None
    subject_actors: tuple[Actor, ...] = ()
    places: tuple[Actor, ...] = ()
    subjects: tuple[Concept, ...] = ()
    urgency: Concept | None = None
    classification: Concept | None = None
    related: tuple[Actor, ...] = ()
    mentioned: tuple[Actor, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    posts: tuple[Post, ...] = ()
    events: tuple[Happening, ...] = ()
    cited: tuple[CitedDocument, ...] = ()

    def outline(self) -> ResolvedDocument:
        """The document reduced to what the actor graph, the correspondence tables and CMIF read: its key,
        title, dates, link and collection, its routing, mentions, events and posts (no text, evidence or
        other roles).

        >>> rec = DocumentRecord("x", "w", "l", "k", "1", "T", "Cable", DateValue("1962", "1962", "year"), body="...")
        >>> ResolvedDocument(rec, "d", "g", None, None).outline().record.body
        ''
        """
        record = self.record
        slim = DocumentRecord(record.path, record.source, record.layout, record.key, record.record_id, record.title,
                              record.kind, record.date, url=record.url, received=record.received)
        return ResolvedDocument(slim, self.iri, self.graph, self.collection, None, senders=self.senders,
                                recipients=self.recipients, destinations=self.destinations, origins=self.origins,
                                mentioned=self.mentioned, posts=self.posts, events=self.events)

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Every actor the document's graph describes, each once, sorted by IRI."""
        found: dict[str, Actor] = {}
        groups = (
            self.senders, self.recipients, self.destinations, self.origins, self.translators,
            self.contributors, self.funders, self.interpreters, self.recorded_by, self.subject_actors, self.places,
            self.related, self.mentioned, tuple(post.organization for post in self.posts), (self.venue, self.holder),
        )
        for group in groups:
            for actor in group:
                if actor is not None:
                    found.setdefault(actor.iri, actor)
        return tuple(found[iri] for iri in sorted(found))


@dataclass(frozen=True)
class Provenance:
    """The export run every document graph was generated by (IRIs minted by the reconcile stage)."""

    run: str
    software: str
    version: str
