"""Entities of a document resolved to actors, their mentions to Web Annotations, their titles to posts.

An entity becomes an actor through the same resolver as the routing names (so
"Ministry of Foreign Affairs" in the body and in the signature are one node);
each mention becomes an annotation whose IRI is minted from its span; each
title that names a post ("Vice Minister", "Ambassador of the Soviet Union")
becomes an ``org:Post`` of the organisation the post belongs to, held by the
person as this document attests.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from kg.extract.lexicon import DEMONYMS
from kg.extract.names import FAMILY_FIRST, tidy
from kg.model import (
    Actor,
    AgentName,
    Annotation,
    CitedDocument,
    DocumentRecord,
    Event,
    Happening,
    Mention,
    Post,
    Reference,
    Span,
)
from kg.reconcile.authority import Authority
from kg.reconcile.mint import Minter

_CONTEXT = 32
#: Which organisation a role belongs to, by the state it serves (slug templates of the authority file).
ROLE_ORGANIZATIONS = {
    "Premier": "government-{state}", "Prime Minister": "government-{state}", "Vice Premier": "government-{state}",
    "President": "government-{state}", "Foreign Minister": "ministry-of-foreign-affairs-{state}",
    "Vice Foreign Minister": "ministry-of-foreign-affairs-{state}",
    "Deputy Foreign Minister": "ministry-of-foreign-affairs-{state}",
    "Vice Minister": "ministry-of-foreign-affairs-{state}", "Deputy Minister": "ministry-of-foreign-affairs-{state}",
    "Ambassador": "ministry-of-foreign-affairs-{state}", "Chargé": "ministry-of-foreign-affairs-{state}",
    "Chargé d'affaires": "ministry-of-foreign-affairs-{state}", "Counsellor": "ministry-of-foreign-affairs-{state}",
    "Consul": "ministry-of-foreign-affairs-{state}", "Consul General": "ministry-of-foreign-affairs-{state}",
    "Chairman": "{party}", "General Secretary": "{party}", "First Secretary": "{party}",
}
_PARTIES = {"prc": "ccp-central-committee", "ussr": "cpsu-central-committee", "gdr": "sed-central-committee",
            "dprk": "workers-party-of-korea"}
_ROLE = re.compile(r"\b(%s)\b" % "|".join(re.escape(t) for t in sorted(ROLE_ORGANIZATIONS, key=len, reverse=True)))


@dataclass(frozen=True)
class Evidence:
    """What the text of one document adds: mentioned actors, annotations, posts, events, cited documents."""

    mentioned: tuple[Actor, ...]
    annotations: tuple[Annotation, ...]
    posts: tuple[Post, ...]
    events: tuple[Happening, ...] = ()
    cited: tuple[CitedDocument, ...] = ()


def resolve_evidence(
    record: DocumentRecord, state: str | None, actor: Callable[[AgentName, str | None], Actor],
    known: Callable[[str], Actor], authority: Authority, minter: Minter,
) -> Evidence:
    """Resolve every entity of ``record``; ``actor`` resolves a name, ``known`` an authority organisation's IRI."""
    texts = {"body": record.body, "title": record.title, "summary": record.summary or "", "notes": record.notes}
    mentioned: dict[str, Actor] = {}
    annotations: dict[str, Annotation] = {}
    posts: dict[str, Post] = {}
    by_entity: list[Actor] = []
    for entity in record.entities:
        resolved = actor(AgentName(entity.name, entity.kind, entity.forms, ids=entity.ids), state)
        by_entity.append(resolved)
        if entity.geonameid and not resolved.exact_match:
            resolved = replace(resolved, exact_match=(minter.geonames(entity.geonameid),))
        mentioned.setdefault(resolved.iri, resolved)
        evidence = [(m, _annotation(record.key, m, resolved.iri, texts, minter, annotations)) for m in entity.mentions]
        for title in entity.titles:
            attesting = tuple(iri for m, iri in evidence if title in m.titles)
            _keep(posts, _post(title, resolved.iri, entity.name, authority, minter, known, attesting))
    for index, parent in _parents(record):
        child = by_entity[index]
        if child.parent is None and by_entity[parent].iri != child.iri:
            by_entity[index] = replace(child, parent=by_entity[parent].iri)
            mentioned[child.iri] = by_entity[index]
    cited = {(ref.source, ref.span): _cited(ref, minter, record.key) for ref in record.references}
    events = []
    for event in record.events:
        happening, stub = _event(record, event, by_entity, cited, texts, minter, annotations)
        events.append(happening)
        if stub is not None:
            cited[("event", Span(len(cited), len(cited)))] = stub
    return Evidence(tuple(mentioned.values()), tuple(sorted(annotations.values(), key=lambda a: a.iri)),
                    tuple(sorted(posts.values(), key=lambda p: p.iri)), tuple(events),
                    tuple(sorted({c.iri: c for c in cited.values()}.values(), key=lambda c: c.iri)))


def _keep(posts: dict[str, Post], post: Post | None) -> None:
    """Add a post, joining its evidence to that of the same post attested elsewhere in the document."""
    if post is None:
        return
    found = posts.get(post.iri)
    posts[post.iri] = replace(post, evidence=tuple(sorted({*post.evidence, *(found.evidence if found else ())})))


#: The words before an organisation named inside another's name: "... of the", "... CC".
_NESTS = re.compile(r"\bof\s+(?:the\s+)?$|\b(?:CC|Central Committee)\s+$")


def _parents(record: DocumentRecord) -> list[tuple[int, int]]:
    """Organisations the text names inside another's name, as its parent: "Department of the CC CPSU",
    "Central Committee of the Korean Workers' Party" (entity indices: child, parent)."""
    found = []
    orgs = [(i, e) for i, e in enumerate(record.entities) if e.kind == "organization"]
    for child, outer in orgs:
        for parent, inner in orgs:
            if child == parent:
                continue
            if any(o.source == i.source and o.start < i.start and i.end <= o.end
                   and _NESTS.search(o.text[: i.start - o.start])
                   for o in outer.mentions for i in inner.mentions):
                found.append((child, parent))
                break
    return found


def _cited(reference: Reference, minter: Minter, citing: str) -> CitedDocument:
    when = reference.date.iso if reference.date else None
    return CitedDocument(minter.cited(reference.description, when, citing), reference.description, reference.attached,
                         reference.date)


def _event(record: DocumentRecord, event: Event, actors: list[Actor], cited: dict[tuple[str, Span], CitedDocument],
           texts: dict[str, str], minter: Minter, annotations: dict[str, Annotation],
           ) -> tuple[Happening, CitedDocument | None]:
    """A meeting or delivery with IRIs, resting on an annotation of the words that report it; and, for a
    delivery of a document the text cites nowhere else, a stub for that document."""
    span, text = event.span, texts[event.source]
    iri = minter.event(record.key, event.kind, event.date.iso if event.date else None, span.start, span.end)
    mention = Mention("event", text[span.start : span.end], span.start, span.end, event.kind,
                      method="pattern", confidence=0.7, source=event.source)
    evidence = _annotation(record.key, mention, iri, texts, minter, annotations, motivation="describing")
    stub = None
    delivered = None
    if event.kind == "delivery":
        delivered = next((c.iri for (source, s), c in cited.items()
                          if source == "body" and span.start <= s.start < span.end + 40), None)
        if delivered is None and event.what:
            description = re.sub(r"^(?:an?|one|the|our|his|its|their)\s+", "", event.what)
            stub = CitedDocument(minter.cited(f"{description} ({record.key}, {span.start})", None), description,
                                 False, event.date)
            delivered = stub.iri
    happening = Happening(iri, event.kind, tuple(actors[i] for i in event.participants), event.date,
                          actors[event.by] if event.by is not None else None,
                          actors[event.to] if event.to is not None else None, delivered, evidence)
    return happening, stub


def _annotation(key: str, mention: Mention, body: str, texts: dict[str, str], minter: Minter,
                found: dict[str, Annotation], motivation: str = "identifying") -> str:
    text = texts[mention.source]
    iri = minter.annotation(key, mention.source, mention.start, mention.end)
    if iri in found and found[iri].body != body:
        iri = minter.annotation(key, mention.source, mention.start, mention.end, body)
    prefix = text[max(0, mention.start - _CONTEXT) : mention.start]
    suffix = text[mention.end : mention.end + _CONTEXT]
    found[iri] = Annotation(iri, body, minter.text(key, mention.source), mention, prefix, suffix,
                            *(minter.annotation_part(iri, part) for part in ("target", "position", "quote")),
                            motivation=motivation)
    return iri


def _post(title: str, holder: str, holder_name: str, authority: Authority, minter: Minter,
          known: Callable[[str], Actor], evidence: tuple[str, ...]) -> Post | None:
    """The post a printed title names, if the organisation it belongs to is known.

    The state the post serves comes from the title ("Soviet Ambassador", "Ambassador of the Soviet
    Union") or else from the holder's name; never from the document, since a Chinese cable speaks
    of Soviet ambassadors as readily as of Chinese vice ministers.
    """
    match = _ROLE.search(title)
    if match is None:
        return None
    role = match.group(1)
    qualifier = title[match.end() :].strip()
    own_state = _state_of(title[: match.start()], qualifier, authority) or _state_of_name(holder_name)
    if own_state is None:
        return None
    template = ROLE_ORGANIZATIONS[role]
    slug = template.format(state=own_state, party=_PARTIES.get(own_state, ""))
    entry = authority.entries.get(slug)
    if entry is None or entry.kind != "organization":
        return None
    organization = known(minter.actor("organization", entry.slug))
    label = f"{tidy(role)}, {entry.label}"
    return Post(minter.post(entry.slug, role), label, organization, holder, evidence)


def _state_of(before: str, qualifier: str, authority: Authority) -> str | None:
    """The state a title names: "Soviet Ambassador", "Ambassador of the Soviet Union"."""
    for word in before.split():
        if word in DEMONYMS and authority.state_of(word):
            return authority.state_of(word)
    found = re.match(r"^(?:of|from)\s+(?:the\s+)?(.+?)(?:\s+(?:to|in|at)\s+.*)?$", qualifier)
    return authority.state_of(found.group(1)) if found else None



_KOREAN = frozenset("kim pak park choe choi ri rim jang jong nam o yun".split())
_VIETNAMESE = frozenset("nguyen pham tran le vo dang truong ho".split())
_SLAVIC = re.compile(r"(?:ov|ev|yov|in|yn|enko|sky|skii|skiy|ich|uk|ko)$")


def _state_of_name(name: str) -> str | None:
    """The state a person most likely served, guessed from the shape of the name alone.

    >>> _state_of_name("Zhang Hanfu"), _state_of_name("Kim Il Sung"), _state_of_name("S. V. Chervonenko")
    ('prc', 'dprk', 'ussr')
    >>> _state_of_name("Walter Ulbricht") is None
    True
    """
    parts = name.split()
    first = parts[0].lower() if parts else ""
    if len(parts) > 1 and first in FAMILY_FIRST:
        return "dprk" if first in _KOREAN else "drv" if first in _VIETNAMESE else "prc"
    return "ussr" if parts and _SLAVIC.search(parts[-1].lower()) else None
