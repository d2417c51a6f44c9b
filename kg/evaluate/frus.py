"""FRUS gold annotations: reads TEI volumes into persons lists, document texts and gold person sets.

FRUS links every tagged person mention (``persName/@corresp``) to the volume's
persons list. A volume becomes :class:`PersonEntry` items (with the names a tool
may produce), dated :class:`FrusDocument` records read as plain text without and
with notes, and their :class:`GoldPerson` sets, minus :data:`KNOWN_WRONG_LINKS`.
Editorial notes (no ``dateline``) are skipped but counted. The parser loads no
DTD, resolves no entity and never touches the network.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from kg.ingest.frus_persons import NS, PersonEntry, normalise, unique
from kg.ingest.tei import XML_ID
from kg.ingest.tei import inline as _inline
from kg.ingest.frus_persons import persons as _persons

TEI = "http://www.tei-c.org/ns/1.0"
BLOCKS = frozenset({"head", "dateline", "opener", "closer", "signed", "salute", "p", "item", "list",
                    "div", "ab", "postscript", "trailer", "byline"})
_BREAK = None  # paragraph boundary in a stream of text pieces (text pieces are never None)


@dataclass(frozen=True)
class WrongLink:
    """A gold link known to be wrong: the mention ``surface`` tagged ``corresp`` in one document."""

    volume: str
    document: str
    corresp: str
    surface: str
    reason: str


KNOWN_WRONG_LINKS: tuple[WrongLink, ...] = (
    WrongLink("frus1961-63v06", "d9", "p_KRF1", "Kennedy", "body: President Kennedy linked to Robert F. Kennedy"),
    WrongLink("frus1961-63v06", "d11", "p_KRF1", "Kennedy", "footnote 2: President Kennedy linked to Robert F."),
    WrongLink("frus1961-63v22", "d3", "p_YP1", "Yun", "body, footnote 9: 'Lung Yun' (warlord) linked to Yun Po-sun"),
    WrongLink("frus1961-63v22", "d3", "p_DAW1", "Dulles", "footnote 2: 'John Foster Dulles' linked to Allen W. Dulles"),
)
_WRONG = frozenset((w.volume, w.document, w.corresp, w.surface) for w in KNOWN_WRONG_LINKS)


@dataclass(frozen=True)
class Mention:
    """One linked ``persName`` of a document, as tagged, before or after exclusion."""

    id: str
    surface: str
    in_note: bool
    excluded: bool


@dataclass(frozen=True)
class GoldPerson:
    """A gold person of one document, with every name under which a tool may find it."""

    id: str
    label: str | None
    names: tuple[str, ...]
    see: str | None


@dataclass(frozen=True)
class FrusDocument:
    """A dated FRUS document: its texts, metadata and gold persons (without and with notes)."""

    volume: str
    id: str
    title: str
    date: str | None
    place: str | None
    text: str
    text_with_notes: str
    mentions: tuple[Mention, ...]
    gold: tuple[GoldPerson, ...]
    gold_with_notes: tuple[GoldPerson, ...]
    senders: tuple[str, ...]
    recipients: tuple[str, ...]
    signers: tuple[str, ...]


@dataclass(frozen=True)
class Volume:
    """A FRUS volume file; the counts cover every document div, editorial notes included."""

    id: str
    persons: dict[str, PersonEntry]
    documents: tuple[FrusDocument, ...]
    undated: tuple[str, ...]
    mention_count: int
    linked_mention_count: int


_DEMO_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><front><div xml:id="persons"><list>
<item><hi><persName xml:id="p_KJF1">Kennedy, John F.</persName>,</hi> President</item>
<item><hi><persName xml:id="p_JFK">JFK</persName>,</hi> see <persName corresp="#p_KJF1">Kennedy</persName></item>
</list></div></front><body>
<div type="document" xml:id="d1"><head>1. Letter From <persName type="from" corresp="#p_KJF1">Kennedy</persName><note
 n="0" type="source">Source: Kennedy Library.</note></head>
<dateline><placeName>Washington</placeName>, <date when="1961-01-20">January 20, 1961</date>.</dateline>
<p>Dear Mr.<lb/>Chairman,<note n="1">A note on <persName corresp="#p_JFK">JFK</persName>.</note> lasting <pb n="2"/>peace.</p>
<closer><signed><persName corresp="#p_KJF1">John F. Kennedy</persName></signed></closer></div>
<div type="document" xml:id="d2"><head>2. Editorial Note</head><p>No dateline.</p></div>
</body></text></TEI>"""


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def _walk(el: etree._Element, keep_notes: bool, notes: list[list[str | None]]) -> Iterator[str | None]:
    """Text pieces of ``el`` in document order; notes deferred to the end of their block."""
    block = _local(el) in BLOCKS
    if block:
        yield _BREAK
    if text := " " if _local(el) == "lb" else el.text:
        yield text
    for child in el:
        if not isinstance(child.tag, str):
            pass  # comment, processing instruction or unexpanded entity: only its tail is text
        elif _local(child) == "note":
            if keep_notes:
                notes.append([_BREAK, *_walk(child, keep_notes, []), _BREAK])
        else:
            yield from _walk(child, keep_notes, notes)
        if child.tail:
            yield child.tail
    if block:
        yield _BREAK
        for note in notes:
            yield from note
        notes.clear()


def _paragraphs(pieces: Iterable[str | None]) -> list[str]:
    """Normalised non-empty paragraphs; NUL cannot occur in XML text, so it marks the breaks."""
    joined = "".join("\0" if piece is _BREAK else piece for piece in pieces)
    return [text for text in map(normalise, joined.split("\0")) if text]


def _text(el: etree._Element, keep_notes: bool) -> str:
    """``el`` as plain text: one normalised paragraph per block, blank lines between them."""
    return "\n\n".join(_paragraphs(_walk(el, keep_notes, [])))


def _mentions(volume: str, doc: str, div: etree._Element) -> tuple[Mention, ...]:
    found = []
    for el in div.xpath(".//tei:persName[@corresp]", namespaces=NS):
        surface, in_note = _inline(el), bool(el.xpath("ancestor::tei:note", namespaces=NS))
        for pid in (token.lstrip("#") for token in el.get("corresp").split()):
            found.append(Mention(pid, surface, in_note, (volume, doc, pid, surface) in _WRONG))
    return tuple(found)


def _gold_person(pid: str, forms: list[str], persons: dict[str, PersonEntry]) -> GoldPerson:
    """Gold person ``pid``: list names, its "see" target's names, names of entries pointing to it, forms."""
    entry = persons.get(pid)
    names: list[str] = list(entry.names) if entry else []
    if entry and entry.see in persons:
        names += persons[entry.see].names
    names += [name for other in persons.values() if other.see == pid for name in other.names]
    return GoldPerson(pid, entry.label if entry else None, unique([*names, *forms]),
                      entry.see if entry else None)


def _gold(mentions: Iterable[Mention], persons: dict[str, PersonEntry], keep_notes: bool) -> tuple[GoldPerson, ...]:
    forms: dict[str, list[str]] = {}
    for mention in mentions:
        if not mention.excluded and (keep_notes or not mention.in_note):
            forms.setdefault(mention.id, []).append(mention.surface)
    return tuple(_gold_person(pid, surfaces, persons) for pid, surfaces in forms.items())


def _parties(div: etree._Element, kind: str, persons: dict[str, PersonEntry]) -> tuple[str, ...]:
    """Labels of ``persName[@type=kind]`` (via ``@corresp``) and texts of ``gloss[@type=kind]``."""
    found = []
    for el in div.xpath("(.//tei:persName | .//tei:gloss)[@type=$kind][not(ancestor::tei:note)]",
                        namespaces=NS, kind=kind):
        entry = persons.get((el.get("corresp") or "").lstrip("#"))
        found.append(entry.label if entry else _inline(el))
    return tuple(found)


def _first(div: etree._Element, path: str) -> str | None:
    found = div.xpath(path, namespaces=NS)
    if not found:
        return None
    return normalise(found[0]) if isinstance(found[0], str) else _inline(found[0]) or None


def _document(volume: str, div: etree._Element, persons: dict[str, PersonEntry]) -> FrusDocument:
    doc_id = div.get(XML_ID)
    mentions = _mentions(volume, doc_id, div)
    head = div.find("tei:head", NS)
    signers = div.xpath(".//tei:closer//tei:signed//tei:persName[not(ancestor::tei:note)]", namespaces=NS)
    return FrusDocument(
        volume=volume, id=doc_id, title=_inline(head) if head is not None else "",
        date=_first(div, ".//tei:dateline//tei:date/@when"),
        place=_first(div, ".//tei:dateline//tei:placeName"),
        text=_text(div, False), text_with_notes=_text(div, True), mentions=mentions,
        gold=_gold(mentions, persons, False), gold_with_notes=_gold(mentions, persons, True),
        senders=_parties(div, "from", persons), recipients=_parties(div, "to", persons),
        signers=tuple(_inline(el) for el in signers),
    )


def parse_volume(path: Path) -> Volume:
    """Read one FRUS TEI file with a safe parser (no DTD, no entities, no network).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp, "demo.excerpt.xml")
    ...     _ = path.write_text(_DEMO_TEI, encoding="utf-8")
    ...     volume = parse_volume(path)
    >>> volume.id, sorted(volume.persons), volume.undated, volume.persons["p_JFK"].see
    ('demo', ['p_JFK', 'p_KJF1'], ('d2',), 'p_KJF1')
    >>> doc = volume.documents[0]
    >>> doc.title, doc.date, doc.place, doc.senders, doc.signers
    ('1. Letter From Kennedy', '1961-01-20', 'Washington', ('Kennedy, John F.',), ('John F. Kennedy',))
    >>> doc.text.split("\\n\\n")  # notes removed, paragraphs separated by a blank line
    ['1. Letter From Kennedy', 'Washington, January 20, 1961.', 'Dear Mr. Chairman, lasting peace.', 'John F. Kennedy']
    >>> doc.text_with_notes.split("\\n\\n")[1:5]  # each note follows the paragraph it sits in
    ['Source: Kennedy Library.', 'Washington, January 20, 1961.', 'Dear Mr. Chairman, lasting peace.', 'A note on JFK.']
    >>> [g.id for g in doc.gold], [g.id for g in doc.gold_with_notes]
    (['p_KJF1'], ['p_KJF1', 'p_JFK'])
    >>> doc.gold_with_notes[1].names  # a "see" entry takes its target's names
    ('JFK', 'Kennedy', 'John F. Kennedy', 'Kennedy, John F.')
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(Path(path).read_bytes(), parser)
    except etree.XMLSyntaxError as error:
        raise ValueError(f"{path}: not well-formed XML: {error}") from error
    volume = Path(path).stem.partition(".excerpt")[0]
    persons = _persons(root)
    divs = root.xpath('//tei:div[@type="document"]', namespaces=NS)
    dated = [div for div in divs if div.xpath(".//tei:dateline[not(ancestor::tei:note)]", namespaces=NS)]
    names = root.xpath('//tei:div[@type="document"]//tei:persName', namespaces=NS)
    return Volume(
        id=volume, persons=persons,
        documents=tuple(_document(volume, div, persons) for div in dated),
        undated=tuple(div.get(XML_ID) for div in divs if div not in dated),
        mention_count=len(names), linked_mention_count=sum(1 for el in names if el.get("corresp")),
    )


def iter_documents(folder: Path) -> Iterator[FrusDocument]:
    """Every dated document of every ``*.xml`` volume in ``folder``, files sorted by name.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "b.xml").write_text(_DEMO_TEI, encoding="utf-8")
    ...     _ = Path(tmp, "a.excerpt.xml").write_text(_DEMO_TEI, encoding="utf-8")
    ...     [(doc.volume, doc.id) for doc in iter_documents(Path(tmp))]
    [('a', 'd1'), ('b', 'd1')]
    """
    for path in sorted(Path(folder).glob("*.xml")):
        yield from parse_volume(path).documents


def volume_stats(volume: Volume) -> dict[str, int]:
    """Counts to check a volume against the data README and to report with scores.

    ``mentions``/``linked_mentions`` count every ``persName`` in every document
    div (editorial notes too) before exclusions, as the README does; the
    ``gold_*`` counts cover dated documents only, after exclusions.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp, "demo.excerpt.xml")
    ...     _ = path.write_text(_DEMO_TEI, encoding="utf-8")
    ...     stats = volume_stats(parse_volume(path))
    >>> stats["documents"], stats["editorial_notes"], stats["linked_mentions"], stats["gold_persons_with_notes"]
    (1, 1, 3, 2)
    """
    docs = volume.documents
    kept = [m for doc in docs for m in doc.mentions if not m.excluded]
    return {
        "persons": len(volume.persons), "cross_references": sum(1 for e in volume.persons.values() if e.see),
        "document_divs": len(docs) + len(volume.undated), "documents": len(docs),
        "editorial_notes": len(volume.undated),
        "mentions": volume.mention_count, "linked_mentions": volume.linked_mention_count,
        "excluded_mentions": sum(1 for doc in docs for m in doc.mentions if m.excluded),
        "gold_mentions": sum(1 for m in kept if not m.in_note), "gold_mentions_with_notes": len(kept),
        "gold_persons": sum(len(doc.gold) for doc in docs),
        "gold_persons_with_notes": sum(len(doc.gold_with_notes) for doc in docs),
    }
