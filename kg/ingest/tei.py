"""TEI elements as plain text, with the exact span of every marked-up name in that text.

A TEI text becomes paragraphs of normalised text (whitespace collapsed, a blank
line between blocks, ``lb`` a space, notes left out unless asked for);
:class:`TextBuilder` tracks offsets as the text is written, so each
``persName``, ``placeName``, ``orgName`` or ``gloss`` keeps the ``[start, end)``
its words occupy in the result: the same offsets an annotation's selector
gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
#: The namespaces the TEI readers' XPaths use.
NS = {"tei": TEI, "frus": "http://history.state.gov/frus/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: Elements that start a paragraph of their own.
BLOCKS = frozenset({"head", "dateline", "opener", "closer", "signed", "salute", "p", "item", "list", "div", "ab",
                    "postscript", "trailer", "byline", "note", "label", "table", "row", "quote", "lg", "l"})
#: Elements whose span is recorded.
NAMES = frozenset({"persName", "placeName", "orgName", "gloss", "rs", "name"})


def local(element: etree._Element) -> str:
    """An element's name without its namespace (empty for comments and processing instructions).

    >>> local(etree.fromstring('<p xmlns="http://www.tei-c.org/ns/1.0"/>'))
    'p'
    """
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


@dataclass
class Span:
    """The words a marked element occupies in the written text (``start`` is None until a word is written)."""

    element: etree._Element
    start: int | None = None
    end: int | None = None


@dataclass
class TextBuilder:
    """Writes text pieces with whitespace collapsed, paragraph breaks as blank lines, and tracks offsets.

    >>> b = TextBuilder()
    >>> b.write("  Dear  Mr."); b.write(" Chairman,\\n"); b.paragraph(); b.write("peace.")
    >>> b.text()
    'Dear Mr. Chairman,\\n\\npeace.'
    """

    parts: list[str] = field(default_factory=list)
    length: int = 0
    _space: bool = False
    _break: bool = False
    _open: list[Span] = field(default_factory=list)

    def write(self, piece: str) -> None:
        if piece[:1].isspace():
            self._space = True
        for index, word in enumerate(piece.split()):
            self._space = self._space or index > 0
            if self.length and (self._break or self._space):
                self._emit("\n\n" if self._break else " ")
            self._break = self._space = False
            for span in self._open:
                if span.start is None:
                    span.start = self.length
            self._emit(word)
        if piece[-1:].isspace():
            self._space = True

    def paragraph(self) -> None:
        self._break = True

    def open(self, element: etree._Element) -> Span:
        span = Span(element)
        self._open.append(span)
        return span

    def close(self, span: Span) -> None:
        self._open.remove(span)
        if span.start is not None:
            span.end = self.length

    def text(self) -> str:
        return "".join(self.parts)

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)


def flatten(element: etree._Element, keep: Callable[[etree._Element], bool] = lambda e: local(e) != "note",
            ) -> tuple[str, list[Span]]:
    """``element`` as text, and the spans of the names in it; children for which ``keep`` is false are left out.

    >>> root = etree.fromstring('<p xmlns="http://www.tei-c.org/ns/1.0">Dear <persName>Mr.<lb/>Khrushchev'
    ...                         '</persName>,<note>n</note> yes</p>')
    >>> text, spans = flatten(root)
    >>> text, [text[s.start:s.end] for s in spans]
    ('Dear Mr. Khrushchev, yes', ['Mr. Khrushchev'])
    """
    builder = TextBuilder()
    spans: list[Span] = []
    _walk(element, builder, spans, keep)
    return builder.text(), [span for span in spans if span.start is not None]


def _walk(element: etree._Element, builder: TextBuilder, spans: list[Span],
          keep: Callable[[etree._Element], bool], block: bool = True) -> None:
    name = local(element)
    block = block and name in BLOCKS
    if block:
        builder.paragraph()
    span = builder.open(element) if name in NAMES else None
    if name == "lb":
        builder.write(" ")
    if element.text and name:
        builder.write(element.text)
    for child in element:
        if isinstance(child.tag, str) and keep(child):
            _walk(child, builder, spans, keep)
        if child.tail:
            builder.write(child.tail)
    if span is not None:
        builder.close(span)
        spans.append(span)
    if block:
        builder.paragraph()


def inline(element: etree._Element) -> str:
    """An element's text on one line, notes left out.

    >>> inline(etree.fromstring('<head xmlns="http://www.tei-c.org/ns/1.0">1. Letter<note>x</note> From\\n K</head>'))
    '1. Letter From K'
    """
    return " ".join(flatten(element)[0].split())


def flatten_all(elements: list[tuple[str, etree._Element]]) -> tuple[str, list[Span]]:
    """Several elements as one text, a paragraph each, each opened by its label; and the names' spans.

    >>> notes = etree.fromstring('<div xmlns="http://www.tei-c.org/ns/1.0"><note>Source: <persName>Rusk'
    ...                          '</persName>.</note><note>Not found.</note></div>')
    >>> text, spans = flatten_all([("", notes[0]), ("1.", notes[1])])
    >>> text, [text[s.start:s.end] for s in spans]
    ('Source: Rusk.\\n\\n1. Not found.', ['Rusk'])
    """
    builder = TextBuilder()
    spans: list[Span] = []
    for label, element in elements:
        builder.paragraph()
        if label:
            builder.write(label + " ")
        _walk(element, builder, spans, lambda e: True, block=False)
    return builder.text(), [span for span in spans if span.start is not None]


def first_text(element: etree._Element, xpath: str) -> str | None:
    """The one-line text of the first element ``xpath`` (``tei:`` and ``frus:`` prefixes) finds, if any.

    >>> first_text(etree.fromstring('<TEI xmlns="http://www.tei-c.org/ns/1.0"><title>A  B</title></TEI>'), "//tei:title")
    'A B'
    """
    found = element.xpath(xpath, namespaces=NS)
    return (inline(found[0]) or None) if found else None
