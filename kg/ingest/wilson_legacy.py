"""The older Wilson Center page saved as text: date, title in capitals, credits, citation, body.

Layout::

    August 09, 1962
    TITLE IN CAPITALS
    Translated by Sergey Radchenko
    Citation:
    "Title," August 09, 1962, History and Public Policy Program Digital Archive, <ref>. ... <url>
    VIEW DOCUMENT IN English HTML
    <body>
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.ingest.text import Line, blocks_of, joined
from kg.ingest.wilson_export import with_body
from kg.ingest.wilson_patterns import is_citation, is_credits, is_date_like, is_funding
from kg.source import Field, SourceRecord

VIEW_LINE = re.compile(r"^\s*VIEW DOCUMENT IN\b", re.IGNORECASE)
_CITATION_HEADING = re.compile(r"^\s*Citation\s*:\s*", re.IGNORECASE)


def looks_like_legacy(lines: list[Line]) -> bool:
    """Whether the file carries the older layout's ``VIEW DOCUMENT IN ... HTML`` line."""
    return any(VIEW_LINE.match(line.text) for line in lines)


def parse_legacy(path: str, lines: list[Line]) -> SourceRecord:
    """Read an older-layout page from its numbered lines.

    >>> from kg.ingest.text import lines_of
    >>> text = "1962\\nA CABLE\\nCitation:\\n\\"A Cable,\\" 1962, X Digital Archive.\\nVIEW DOCUMENT IN English HTML\\nBody."
    >>> rec = parse_legacy("c.txt", lines_of(text))
    >>> rec.title.value, rec.citation.value, rec.body
    ('A CABLE', '"A Cable," 1962, X Digital Archive.', 'Body.')
    """
    record = SourceRecord(path=path, source="wilson", layout="legacy-page")
    view = next((i for i, line in enumerate(lines) if VIEW_LINE.match(line.text)), len(lines))
    record = _head(record, lines[:view])
    return with_body(record, lines, blocks_of(lines[view + 1 :]))


def _head(record: SourceRecord, lines: list[Line]) -> SourceRecord:
    citation: list[Line] = []
    in_citation = False
    for line in lines:
        if line.blank:
            continue
        text = line.text.strip()
        heading = _CITATION_HEADING.match(text)
        if heading:
            in_citation = True
            rest = text[heading.end() :]
            if rest:
                citation.append(Line(line.number, rest))
        elif in_citation or (record.citation is None and is_citation(text)):
            in_citation = True
            citation.append(line)
        elif record.date is None and record.title is None and is_date_like(text):
            record = replace(record, date=Field(text, line.number))
        elif is_credits(text) or is_funding(text):
            record = replace(record, credits=record.credits + (Field(text, line.number),))
        elif record.title is None:
            record = replace(record, title=Field(text, line.number))
    if citation:
        record = replace(record, citation=Field(joined(citation), citation[0].number))
    return record
