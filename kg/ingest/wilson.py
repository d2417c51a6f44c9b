"""The Wilson Center Digital Archive reader: picks the layout of a file and reads it.

Three layouts circulate: the archive's text export (:mod:`wilson_export`), the
current page saved as text (:mod:`wilson_page`) and the older page
(:mod:`wilson_legacy`). :func:`sniff` scores how much a text looks like any of
them, so a reader can be chosen by content.
"""

from __future__ import annotations

import re

from kg.ingest.text import Line, lines_of
from kg.ingest.wilson_export import HEADINGS as EXPORT_HEADINGS
from kg.ingest.wilson_export import parse_export
from kg.ingest.wilson_legacy import looks_like_legacy, parse_legacy
from kg.ingest.wilson_page import looks_like_page, parse_page
from kg.ingest.wilson_patterns import heading_of, is_citation
from kg.source import SourceRecord

_ARCHIVE_NAME = re.compile(r"(?:Wilson Center|History and Public Policy Program) Digital Archive", re.I)


def layout_of(lines: list[Line]) -> str | None:
    """Which Wilson layout the lines are in, or ``None`` if none fits.

    >>> layout_of(lines_of("1962\\n\\nTitle\\n\\nCitation:\\n\\nx\\n\\nSummary:\\n\\ny"))
    'text-export'
    >>> layout_of(lines_of("Shopping list\\nmilk\\neggs")) is None
    True
    """
    if looks_like_legacy(lines):
        return "legacy-page"
    export = sum(1 for line in lines[:200] if heading_of(line.text, EXPORT_HEADINGS))
    page = looks_like_page(lines)
    if page >= 2 and page >= export:
        return "page"
    if export >= 1 or any(is_citation(line.text) for line in lines[:60]):
        return "text-export"
    return None


def sniff(text: str) -> float:
    """Confidence in [0, 1] that ``text`` is a Wilson Center record.

    >>> sniff("April 25, 1962\\n\\nCable\\n\\nCitation:\\n\\n\\"Cable\\", 1962, Wilson Center Digital Archive")
    1.0
    """
    lines = lines_of(text)
    if layout_of(lines) is None:
        return 0.0
    return 1.0 if _ARCHIVE_NAME.search(text) or looks_like_page(lines) >= 3 else 0.6


def read(path: str, text: str) -> list[SourceRecord]:
    """Read the one record a Wilson Center file holds (an empty list if it is not one).

    >>> [r.layout for r in read("x.txt", "1962\\n\\nCable\\n\\nContents:\\n\\nTranslation - English\\n\\nBody")]
    ['text-export']
    """
    lines = lines_of(text)
    layout = layout_of(lines)
    if layout is None:
        return []
    parser = {"text-export": parse_export, "page": parse_page, "legacy-page": parse_legacy}[layout]
    return [parser(path, lines)]
