"""Safe XML parsing for every XML reader: no DTD, no entity, no network, no bomb.

XML can ask its parser to read local files or URLs (external entities, an
external DTD) or to expand a few bytes into gigabytes (nested entities, the
"billion laughs"). :func:`parse_xml` refuses a document that declares entities,
before any parser sees it, with an :class:`~kg.problems.InputError` that names
the file, the line and the fix; it never loads a DTD, resolves an entity or
touches the network, and keeps libxml2's limits on depth and size. Anything
not well-formed is an error naming the line and column libxml2 reports.
"""

from __future__ import annotations

import re

from lxml import etree

from kg.problems import InputError, Problem

_DOCTYPE = re.compile(r"<!DOCTYPE\b", re.I)
_ENTITY = re.compile(r"<!ENTITY\b", re.I)
#: The prolog of a document: everything before the first element that is not a declaration.
_ROOT_START = re.compile(r"<(?![?!])")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=False, encoding="utf-8")


def parse_xml(path: str, text: str) -> etree._Element:
    """The root element of ``text`` (already decoded), parsed safely; refused files raise :class:`InputError`.

    >>> parse_xml("a.xml", "<a><b>x</b></a>").find("b").text
    'x'
    >>> parse_xml("evil.xml", '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>')
    Traceback (most recent call last):
    kg.problems.InputError: evil.xml:1: error [xml-entities] ...
    >>> parse_xml("cut.xml", "<a><b>x</b>")
    Traceback (most recent call last):
    kg.problems.InputError: cut.xml:1: error [not-well-formed-xml] ...
    """
    refuse_entities(path, text)
    try:
        root = etree.fromstring(text.encode("utf-8"), _parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        message = re.sub(r",? line \d+, column \d+$", "", error.msg or str(error))
        raise InputError(Problem(
            "not-well-formed-xml", path, line,
            f"not well-formed XML: {message} (column {column}).",
        )) from None
    if root is None:
        raise InputError(Problem("not-well-formed-xml", path, 1, "the file holds no XML element."))
    return root


def looks_like_xml(text: str) -> bool:
    """Whether a text is XML (a declaration, a DOCTYPE or a comment before its first element).

    >>> looks_like_xml('<?xml version="1.0"?><a/>'), looks_like_xml("April 25, 1962")
    (True, False)
    """
    return text.lstrip()[:1] == "<"


def refuse_entities(path: str, text: str) -> None:
    """Refuse a DOCTYPE that declares entities, whatever reader would read the file; an external DTD is
    never fetched, so it is harmless and left alone."""
    root = _ROOT_START.search(_without_comments(text))
    prolog = text[: root.start()] if root else text
    doctype = _DOCTYPE.search(prolog)
    if doctype is None:
        return
    entity = _ENTITY.search(prolog, doctype.end())
    if entity is not None:
        line = prolog.count("\n", 0, entity.start()) + 1
        raise InputError(Problem(
            "xml-entities", path, line,
            "the DOCTYPE declares XML entities; the file was refused unread.",
        ))


def _without_comments(text: str) -> str:
    """``text`` with comments blanked out (same length), so a '<' in a comment is not taken for the root."""
    return re.sub(r"<!--.*?-->", lambda m: " " * len(m.group(0)), text[:200_000], flags=re.S)


def line_of(element: etree._Element) -> int | None:
    """The 1-based line an element starts on, as the parser saw it.

    >>> line_of(parse_xml("a.xml", "<a>\\n<b/></a>").find("b"))
    2
    """
    return element.sourceline
