"""Resolution of a document's names to IRIs, and the corpus-wide relabelling that follows.

Two passes keep labels identical across document graphs: :meth:`Resolver.resolve`
gives every name an IRI and records the forms it was seen in;
:meth:`Resolver.finish`, once every document has been resolved, replaces each
actor's and concept's label by the registry's canonical one and keeps the
document's other forms as alternative labels.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from kg.extract.gazetteer import gazetteer
from kg.model import (
    Actor,
    AgentName,
    Collection,
    Concept,
    DocumentRecord,
    ResolvedDocument,
)
from kg.reconcile.authority import Authority, Entry, normal
from kg.reconcile.identifiers import canonical, identity, is_web_iri
from kg.reconcile.evidence import resolve_evidence
from kg.reconcile.mint import Minter
from kg.reconcile.overrides import Overrides
from kg.reconcile.registry import Registry
from kg.reconcile.variants import Variants

URGENCY_SCHEME = "Urgency and precedence markings"
SUBJECT_SCHEME = "Subjects"
#: Routing fields resolved into the ResolvedDocument field of the same name.
_ROLE_FIELDS = ("senders", "recipients", "destinations", "origins", "interpreters", "recorded_by")


@dataclass
class Resolver:
    """Resolves documents against an authority, minting with ``minter``.

    >>> from kg.model import DateValue, DocumentRecord, Routing, AgentName
    >>> rec = DocumentRecord("x.txt", "wilson", "text-export", "wilson-1", "1", "Cable", "Cable",
    ...     DateValue("1962", "1962", "year"), reference="PRC FMA 1-2",
    ...     routing=Routing(senders=(AgentName("Ministry of Foreign Affairs", "organization"),)))
    >>> resolver = Resolver(Authority.load(), Minter())
    >>> doc = resolver.finish(resolver.resolve(rec))
    >>> doc.senders[0].iri, doc.senders[0].label
    ('https://data.example.org/kg/organization/ministry-of-foreign-affairs-prc', "Ministry of Foreign Affairs of the People's Republic of China")
    """

    authority: Authority
    minter: Minter
    registry: Registry = field(default_factory=Registry)
    overrides: Overrides = field(default_factory=Overrides)
    variants: Variants = field(default_factory=Variants)
    #: Every decision (document, kind, form, IRI, reason), for the review file.
    review: set[tuple[str, str, str, str, str]] = field(default_factory=set)
    #: Names the corpus gives exactly one global authority id, by (kind, normalised name).
    identities: dict[tuple[str, str], str] = field(default_factory=dict)
    _holdings: dict[tuple[str, str], str] = field(default_factory=dict)
    _organizations: dict[str, Entry] = field(default_factory=dict)
    _document: str = ""

    def resolve(self, record: DocumentRecord) -> ResolvedDocument:
        self._document = record.key
        holder_entry = self._holder_entry(record)
        state = self._state(record, holder_entry)
        routing = record.routing
        actors = lambda names: tuple(self._actor(name, state) for name in names)  # noqa: E731
        roles = {role: actors(getattr(routing, role)) for role in _ROLE_FIELDS}
        doc = ResolvedDocument(
            record=replace(record, state=state),
            iri=self.minter.document(record.key),
            graph=self.minter.graph(record.key),
            collection=self._collection(record),
            holder=self._holder(record, holder_entry),
            translators=actors(record.translators),
            contributors=actors(record.contributors),
            funders=actors(record.funders),
            venue=self._actor(routing.venue, state) if routing.venue else None,
            subject_actors=actors(record.subject_agents),
            places=actors(record.places),
            subjects=tuple(self._subject(heading) for heading in record.subjects),
            urgency=self._urgency(routing.urgency) if routing.urgency else None,
            classification=self._classification(record.classification, state) if record.classification else None,
            **roles,
        )
        evidence = resolve_evidence(record, state, self._actor, self._known, self.authority, self.minter)
        doc = replace(doc, mentioned=evidence.mentioned, annotations=evidence.annotations, posts=evidence.posts,
                      events=evidence.events, cited=evidence.cited)
        if record.date.precision == "day":
            self._holdings.setdefault((record.kind, record.date.iso), doc.iri)
        return replace(doc, related=self._parents(doc))

    def finish(self, doc: ResolvedDocument) -> ResolvedDocument:
        """Give every actor and concept of ``doc`` its corpus-wide canonical label; the several readings of
        one actor in a document (routing, text) share their forms, parent and external links."""
        merged: dict[str, set[str]] = {}
        parents: dict[str, str] = {}
        links: dict[str, set[str]] = {}
        for actor in doc.actors:
            merged.setdefault(actor.iri, set())
        for group in _actor_groups(doc):
            for actor in group:
                merged[actor.iri] |= {actor.label, *actor.alt_labels}
                if actor.parent:
                    parents.setdefault(actor.iri, actor.parent)
                links.setdefault(actor.iri, set()).update(actor.exact_match)
        final = {iri: {**self._relabel(iri, names), "parent": parents.get(iri),
                       "exact_match": tuple(sorted(links.get(iri, ())))}
                 for iri, names in merged.items()}
        changes: dict[str, Any] = {}
        for item in fields(doc):
            value = getattr(doc, item.name)
            if isinstance(value, Actor):
                changes[item.name] = replace(value, **final[value.iri])
            elif isinstance(value, tuple) and value and isinstance(value[0], Actor):
                changes[item.name] = tuple(replace(a, **final[a.iri]) for a in value)
            elif isinstance(value, Concept):
                changes[item.name] = self._relabel_concept(value)
            elif isinstance(value, tuple) and value and isinstance(value[0], Concept):
                changes[item.name] = tuple(self._relabel_concept(c) for c in value)
        return self._link_cited(replace(doc, **changes))

    def _link_cited(self, doc: ResolvedDocument) -> ResolvedDocument:
        """A cited document the corpus holds (same kind, same day) takes that document's IRI."""
        renamed: dict[str, str] = {}
        for cited in doc.cited:
            if cited.date is None or cited.date.precision != "day":
                continue
            for kind in ("Note", "Memorandum", "Letter", "Statement", "Telegram", "Cable"):
                held = self._holdings.get((kind, cited.date.iso))
                if held and held != doc.iri and kind.lower() in cited.description.lower():
                    renamed[cited.iri] = held
        if not renamed:
            return doc
        cited_docs = tuple(replace(c, iri=renamed[c.iri], in_corpus=True) if c.iri in renamed else c for c in doc.cited)
        events = tuple(replace(e, delivered=renamed.get(e.delivered, e.delivered)) for e in doc.events)
        return replace(doc, cited=cited_docs, events=events)

    def _relabel_concept(self, concept: Concept) -> Concept:
        """The canonical label; the wording this document printed, if different, as an alternative."""
        label = self.registry.label(concept.iri)
        return replace(concept, label=label, alt_labels=tuple(sorted({concept.label, *concept.alt_labels} - {label})))

    def _relabel(self, iri: str, names: set[str]) -> dict[str, Any]:
        label = self.registry.label(iri)
        return {"label": label, "alt_labels": tuple(sorted(names - {label}))}

    def prepare(self, records: Iterable[DocumentRecord]) -> None:
        """See the whole corpus once before resolving it: learn the variants of people's names, and which
        names stand for one authority id wherever the source gave one."""
        people: list[str] = []
        identified: list[AgentName] = []
        for record in records:
            people += [e.name for e in record.entities if e.kind == "person"]
            identified += [name for name in _names(record) if name.ids]
        known = {name for name in set(people) if self.authority.find("person", name)}
        self.variants = Variants.from_people(people, known)
        self.identities = learn_identities(identified)

    def _with_known_id(self, name: AgentName) -> AgentName:
        """A name printed without an id takes the one global id the corpus gives that name elsewhere."""
        if name.ids:
            return name
        found = self.identities.get((name.kind, normal(name.name)))
        return replace(name, ids=(found,)) if found else name

    def _actor(self, name: AgentName, state: str | None) -> Actor:
        name_state = self.authority.state_of(name.state) if name.state else None
        overridden = next((e for f in (name.name, *name.forms)
                           if (e := self.overrides.find(name.kind, f, self._document)) is not None), None)
        reason = "overrides file" if overridden else ""
        if overridden is None and name.kind == "person" and self.variants.rewrite(name.name) != name.name:
            reason = self.variants.reasons[name.name]
            name = replace(name, name=self.variants.rewrite(name.name), forms=(*name.forms, name.name))
        name = self._with_known_id(name)
        entry = overridden or self.authority.find_id(name.ids) or self._entry(name, name_state or state)
        ident = identity(name.ids) if entry is None else None
        reason = reason or ("authority file" if entry else f"authority id {ident.iri}" if ident else
                            self.variants.reasons.get(name.name, "a new actor, named as printed"))
        parent = self._actor(name.parent, state) if name.parent and not entry else None
        links: tuple[str, ...] = ()
        if entry is not None:
            kind, iri = entry.kind, self.minter.actor(entry.kind, entry.slug)  # type: ignore[arg-type]
            parent_iri = self.minter.actor("organization", entry.parent) if entry.parent else None
            links = self._geonames(entry)
        elif ident is not None:
            kind, iri = name.kind, self.minter.actor(name.kind, ident.slug)
            parent_iri = parent.iri if parent else None
        else:
            if name.state and not name_state:
                name = replace(name, name=f"{name.state}. {name.name}", forms=(*name.forms, name.name))
            kind, iri = name.kind, self.minter.actor(name.kind, name.name)
            parent_iri = parent.iri if parent else None
        forms = (name.name, *name.forms)
        self.registry.observe(iri, forms, fixed=entry.label if entry else None)
        self.review.update((self._document, kind, form, iri, reason) for form in forms)
        links = tuple(sorted({*links, *(canonical(i) for i in name.ids if is_web_iri(canonical(i)))}))
        return Actor(iri, kind, name.name, tuple(sorted(set(forms) - {name.name})), parent_iri, links)  # type: ignore[arg-type]

    def _geonames(self, entry: Entry) -> tuple[str, ...]:
        """An actor's external identities: the authority's own (``same_as``), and for a place its GeoNames
        IRI (the authority's id, else the gazetteer's entry of the same name)."""
        if entry.kind != "place":
            return entry.same_as
        if entry.geonames:
            return (*entry.same_as, self.minter.geonames(entry.geonames))
        found = gazetteer().find(entry.label)
        return (*entry.same_as, *((self.minter.geonames(found.geonameid),) if found else ()))

    def _entry(self, name: AgentName, state: str | None) -> Entry | None:
        """The authority entry a name denotes, by its reading, then its other forms; a person known by a
        fuller name is never matched through a bare family name ("Robert F. Kennedy" is not "Kennedy")."""
        readings = (name.name, *name.forms)
        if name.kind == "person" and len(name.name.split()) > 1:
            readings = tuple(r for r in readings if len(r.split()) > 1)
        for reading in readings:
            found = self.authority.find(name.kind, reading, state)
            if found is not None:
                return found
        for reading in readings:
            found = self.authority.find_any(reading, state)
            if found is not None and found.kind != "collection":
                return found
        if name.kind == "person":
            return next((e for reading in readings if (e := self.authority.find_fuller(reading)) is not None), None)
        return None

    def _parents(self, doc: ResolvedDocument) -> tuple[Actor, ...]:
        """The organisations above every organisation in ``doc``, up the authority's chain."""
        seen = {actor.iri for actor in doc.actors}
        found: list[Actor] = []
        pending = [actor for actor in doc.actors if actor.parent]
        while pending:
            actor = pending.pop()
            if actor.parent in seen:
                continue
            seen.add(actor.parent)  # type: ignore[arg-type]
            parent = self._known(actor.parent)  # type: ignore[arg-type]
            found.append(parent)
            if parent.parent:
                pending.append(parent)
        return tuple(found)

    def _known(self, iri: str) -> Actor:
        """An organisation already minted, by IRI (an authority parent, or a composed unit's parent)."""
        if not self._organizations:
            self._organizations = {self.minter.actor("organization", e.slug): e
                                   for e in self.authority.entries.values() if e.kind == "organization"}
        entry = self._organizations.get(iri)
        if entry is None:
            return Actor(iri, "organization", self.registry.label(iri))
        parent = self.minter.actor("organization", entry.parent) if entry.parent else None
        self.registry.observe(iri, [entry.label], fixed=entry.label)
        return Actor(iri, "organization", entry.label, (), parent)

    def _holder_entry(self, record: DocumentRecord) -> Entry | None:
        """The holding archive: by call-number scheme first (specific), then by the name printed."""
        if record.reference:
            found = self.authority.archive_for_reference(record.reference)
            if found is not None:
                return found
        return self.authority.find("organization", record.archive) if record.archive else None

    def _holder(self, record: DocumentRecord, entry: Entry | None) -> Actor | None:
        if entry is not None:
            iri = self.minter.actor("organization", entry.slug)
            self.registry.observe(iri, [entry.label], fixed=entry.label)
            forms = tuple(sorted({record.archive} - {entry.label, None}))  # type: ignore[arg-type]
            parent = self.minter.actor("organization", entry.parent) if entry.parent else None
            return Actor(iri, "organization", entry.label, forms, parent)
        if record.archive:
            return self._actor(AgentName(record.archive, "organization"), None)
        return None

    def _state(self, record: DocumentRecord, holder: Entry | None) -> str | None:
        if holder is not None and holder.state:
            return holder.state
        for language in record.languages:
            if language in self.authority.language_states:
                return self.authority.language_states[language]
        return None

    def _collection(self, record: DocumentRecord) -> Collection | None:
        name = record.publisher or self.authority.source_collections.get(record.source)
        if not name:
            return None
        entry = self.authority.find("collection", name)
        label = entry.label if entry else name
        iri = self.minter.collection(entry.slug if entry else name)
        self.registry.observe(iri, [label], fixed=label)
        forms = tuple(sorted(set(entry.forms if entry else ()) - {label}))
        return Collection(iri, label, forms)

    def _urgency(self, wording: str) -> Concept:
        iri = self.minter.urgency(wording)
        self.registry.observe(iri, [wording])
        level = self.authority.ladder_level("urgency", wording)
        return Concept(iri, wording, self.minter.scheme("urgency"), "urgency", URGENCY_SCHEME, level)

    def _classification(self, wording: str, state: str | None) -> Concept:
        iri = self.minter.classification(wording, state)
        self.registry.observe(iri, [wording])
        level = self.authority.ladder_level("classification", wording)
        names = self.authority.states.get(state or "", ())
        scheme_label = f"Classification markings ({names[0] if names else 'issuing state unknown'})"
        scheme = self.minter.scheme("classification", state)
        return Concept(iri, wording, scheme, "classification", scheme_label, level)

    def _subject(self, heading: str) -> Concept:
        iri = self.minter.subject(heading)
        self.registry.observe(iri, [heading])
        return Concept(iri, heading, self.minter.scheme("subject"), "subject", SUBJECT_SCHEME)


def _names(record: DocumentRecord) -> list[AgentName]:
    """Every name of a record's routing and text, with the ids the source gave it."""
    routing = record.routing
    return [*routing.senders, *routing.recipients, *routing.origins, *routing.destinations,
            *(AgentName(e.name, e.kind, e.forms, ids=e.ids) for e in record.entities)]


def learn_identities(names: Iterable[AgentName]) -> dict[tuple[str, str], str]:
    """The names that come with one global id (GND, VIAF, GeoNames...) in the corpus, and only one.

    >>> gnd = "https://d-nb.info/gnd/118609807"
    >>> learn_identities([AgentName("Arthur Schnitzler", "person", ids=(gnd,)), AgentName("Bahr", "person")])
    {('person', 'arthur schnitzler'): 'https://d-nb.info/gnd/118609807'}
    """
    seen: dict[tuple[str, str], set[str]] = {}
    for name in names:
        found = identity(name.ids)
        if found is not None:
            for form in (name.name, *name.forms):
                seen.setdefault((name.kind, normal(form)), set()).add(found.iri)
    return {key: ids.pop() for key, ids in sorted(seen.items()) if len(ids) == 1}


def _actor_groups(doc: ResolvedDocument) -> list[tuple[Actor, ...]]:
    groups: list[tuple[Actor, ...]] = []
    for item in fields(doc):
        value = getattr(doc, item.name)
        if isinstance(value, Actor):
            groups.append((value,))
        elif isinstance(value, tuple) and value and isinstance(value[0], Actor):
            groups.append(value)
    return groups
