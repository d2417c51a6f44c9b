"""What a structured source states outright (:class:`~kg.model.Given`), joined with what the text rules find.

Markup wins where both speak: a marked name is a mention with method
``markup`` and confidence 1.0, carrying the identifiers the markup links it
to, and a rule mention of a person on the same words gives way to it (its
titles are kept). Marked mentions of one person (same identifier, else same
reading) become one entity; a person the rules found elsewhere in the
document joins it when the names agree (same reading or a compatible name with
the same family name, and no other marked person bears it). The source's
date, routing, classification and precedence are taken as given; the text's
own routing fills what they leave open.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.coref import compatible, entities, family, surnames
from kg.extract.mentions import KnownNames, find_mentions, key
from kg.extract.names import agent, readings, uninvert
from kg.model import AgentName, Entity, Mention, Routing
from kg.source import Given

#: The texts of a document mentions may count into, besides the body.
TEXTS = ("title", "summary", "notes")


def marked_mentions(given: Given) -> list[Mention]:
    """The source's marked names as mentions.

    >>> from kg.source import Marked
    >>> m = marked_mentions(Given(names=(Marked("person", "Rusk", 4, 8, "Dean Rusk", ids=("x:RD1",)),)))[0]
    >>> m.name, m.method, m.confidence, m.ids
    ('Dean Rusk', 'markup', 1.0, ('x:RD1',))
    """
    return [Mention(m.kind, m.text, m.start, m.end, m.name, method="markup", confidence=1.0, source=m.source,
                    ids=m.ids) for m in given.names]


def given_entities(texts: dict[str, str], given: Given, known: KnownNames = KnownNames()) -> tuple[Entity, ...]:
    """The actors of a document whose source marks names up: marked persons first joined with rule findings.

    >>> from kg.source import Marked
    >>> body = "Ambassador Thompson saw Comrade Khrushchev. Thompson left."
    >>> given = Given(names=(Marked("person", "Thompson", 11, 19, "Llewellyn E. Thompson", ids=("x:TLE1",)),))
    >>> found = given_entities({"body": body}, given)
    >>> [(e.name, len(e.mentions), e.titles, e.ids) for e in found if e.kind == "person"]
    [('Khrushchev', 1, (), ()), ('Llewellyn E. Thompson', 2, ('Ambassador',), ('x:TLE1',))]
    """
    marked = marked_mentions(given)
    rule: list[Mention] = []
    for source in ("body", *TEXTS):
        if texts.get(source):
            rule += find_mentions(texts[source], source, known)
    free: list[Mention] = []
    for mention in rule:
        index = next((i for i, m in enumerate(marked) if _overlap(m, mention)), None)
        if index is None:
            free.append(mention)
        elif mention.kind == "person":
            marked[index] = replace(marked[index], titles=tuple(dict.fromkeys((*marked[index].titles,
                                                                                 *mention.titles))))
        elif mention.kind == "organization":
            free.append(mention)
    groups = _groups(marked, given)
    others = entities(texts.get("body", ""), free)
    joined: list[Entity] = []
    for entity in others:
        owner = _owner(entity, groups) if entity.kind == "person" else None
        if owner is None:
            joined.append(entity)
        else:
            groups[owner] = [*groups[owner], *entity.mentions]
    clusters = [list(group) for group in groups.values()]
    people = [list(e.mentions) for e in joined if e.kind == "person"]
    taken = [m for cluster in clusters + people for m in cluster] + [m for e in joined for m in e.mentions]
    surnames(texts.get("body", ""), clusters + people, taken)
    found = [_entity(cluster) for cluster in clusters] + joined
    return tuple(sorted(found, key=lambda e: (e.kind, key(e.name))))


def _overlap(a: Mention, b: Mention) -> bool:
    return a.source == b.source and a.start < b.end and b.start < a.end


def _groups(marked: list[Mention], given: Given) -> dict[str, list[Mention]]:
    """Marked mentions by person: linked ones by their first identifier, unlinked ones join a linked person
    whose readings include theirs (or who alone bears their family name), else group by reading."""
    groups: dict[str, list[Mention]] = {}
    for mention in marked:
        if mention.ids:
            groups.setdefault(mention.ids[0], []).append(mention)
    names = {ident: _names(group, given) for ident, group in groups.items()}
    for mention in marked:
        if mention.ids:
            continue
        wanted = key(mention.name)
        owners = [i for i, known in names.items() if wanted in known]
        if not owners:
            owners = [i for i in names if family(groups[i][0].name) == family(mention.name)
                      and compatible(groups[i][0].name, mention.name)]
        target = owners[0] if len(owners) == 1 else f"name:{wanted}"
        groups.setdefault(target, []).append(mention)
    return groups


def _names(group: list[Mention], given: Given) -> set[str]:
    """Every reading of a linked person: the marked readings, the printed words, the persons list's forms."""
    ids = {i for m in group for i in m.ids}
    forms = {form for m in given.names if set(m.ids) & ids for form in m.forms}
    return {key(n) for n in (*(m.name for m in group), *(m.text for m in group), *forms)}


def _owner(entity: Entity, groups: dict[str, list[Mention]]) -> str | None:
    """The one marked person a person the rules found is: same reading, else one compatible name."""
    readings_of = {key(n) for n in (entity.name, *entity.forms)}
    same = [g for g, group in groups.items()
            if readings_of & ({key(m.name) for m in group} | {key(m.text) for m in group})]
    if len(same) == 1:
        return same[0]
    fits = [g for g, group in groups.items() if family(group[0].name) == family(entity.name)
            and compatible(group[0].name, entity.name)]
    return fits[0] if len(fits) == 1 else None


def _entity(group: list[Mention]) -> Entity:
    marked = [m for m in group if m.method == "markup"] or group
    best = max((m.name for m in marked), key=lambda n: (len(n.split()), len(n)))
    forms = {m.name for m in group} | {m.text for m in group if m.method != "coreference"}
    forms |= {form for m in group if m.method != "markup" for form in readings(m.text)[1]}
    ids = tuple(dict.fromkeys(i for m in group for i in m.ids))
    titles = tuple(sorted({t for m in group for t in m.titles}))
    ordered = tuple(sorted(group, key=lambda m: (m.source, m.start, m.end)))
    return Entity("person", best, tuple(sorted(forms - {best})), ordered, titles, ids=ids)


def given_routing(routing: Routing, given: Given) -> Routing:
    """The text's routing with the source's senders (and signers), addressees and places put first.

    >>> given = Given(senders=(AgentName("Dean Rusk", "person"),), signers=(AgentName("Dean Rusk", "person"),))
    >>> [a.name for a in given_routing(Routing(), given).senders]
    ['Dean Rusk']
    """
    senders = _union(given.senders, given.signers) if given.senders or given.signers else routing.senders
    recipients = given.recipients
    if not given.kinds_known:
        senders, recipients = _kinds(senders), _kinds(recipients)
    return replace(
        routing,
        senders=senders or routing.senders,
        recipients=recipients or routing.recipients,
        origins=given.origins or routing.origins,
        destinations=given.destinations or routing.destinations,
        classification=given.classification or routing.classification,
        urgency=routing.urgency or given.urgency,
    )


def _kinds(names: tuple[AgentName, ...]) -> tuple[AgentName, ...]:
    """Names whose kind the source did not give, told apart as printed names are ("Ministry of..." is an
    organisation); a catalogue's inverted name is read in order, titles are stripped, the ids kept.

    >>> [(a.name, a.kind) for a in _kinds((AgentName("Comrade Chen Yi", "person"),
    ...     AgentName("Ministry of Foreign Affairs", "person"), AgentName("Schnitzler, Arthur", "person")))]
    [('Chen Yi', 'person'), ('Ministry of Foreign Affairs', 'organization'), ('Arthur Schnitzler', 'person')]
    """
    found = []
    for name in names:
        read = agent(uninvert(name.name))
        if read is None:
            found.append(name)
            continue
        forms = tuple(sorted({*read.forms, name.name} - {read.name}))
        found.append(replace(read, forms=forms, ids=name.ids))
    return tuple(found)


def _union(*groups: tuple[AgentName, ...]) -> tuple[AgentName, ...]:
    found: dict[tuple[str, str], AgentName] = {}
    for name in (n for group in groups for n in group):
        found.setdefault((name.kind, key(name.name)), name)
    return tuple(found.values())
