"""The current Wilson Center page saved as text: title, date, credits, body, then labelled lists.

Layout::

    <Title>
    <date>
    <credits line, e.g. "Translated by Gary Goldberg">
    <body>
    Summary
    <summary>
    Author(s):                          one item per line
    Associated People & Organizations
    Associated Places
    Subjects Discussed
    Document Information
    Source / Original Archive / Record ID / Original Classification / Original Language / URL
    Donors                              or a "made possible with support from ..." line

The body ends at the last ``Summary`` heading that is followed by the labelled
lists (the word may also occur inside the text).
"""

from __future__ import annotations

from dataclasses import replace

from kg.ingest.text import Line, joined
from kg.ingest.wilson_patterns import (
    URL,
    heading_of,
    is_credits,
    is_date_like,
    is_date_line,
    is_funding,
)
from kg.source import Field, SourceRecord

HEADINGS = {
    "summary": "summary",
    "author(s)": "authors",
    "authors": "authors",
    "author": "authors",
    "associated people & organizations": "people",
    "associated people and organizations": "people",
    "associated places": "places",
    "subjects discussed": "subjects",
    "document information": "-",
    "source": "reference",
    "original archive": "archive",
    "record id": "record_id",
    "original classification": "classification",
    "original language": "languages",
    "original languages": "languages",
    "language": "languages",
    "url": "url",
    "donors": "donors",
    "donor": "donors",
    "credits": "credits",
}
_LISTS = {"authors", "people", "places", "subjects", "credits"}
_METADATA = set(HEADINGS.values()) - {"summary"}


def looks_like_page(lines: list[Line]) -> int:
    """How many of the page's metadata headings occur (the layout's fingerprint)."""
    return sum(1 for line in lines if heading_of(line.text, HEADINGS) in _METADATA)


def parse_page(path: str, lines: list[Line]) -> SourceRecord:
    """Read a saved current-layout page from its numbered lines.

    >>> from kg.ingest.text import lines_of
    >>> text = "A Report\\nMay 2, 1962\\n\\nText.\\n\\nSummary\\nS.\\n\\nRecord ID\\n900102\\n"
    >>> rec = parse_page("p.txt", lines_of(text))
    >>> rec.title.value, rec.date.value, rec.body, rec.summary.value, rec.record_id.value
    ('A Report', 'May 2, 1962', 'Text.', 'S.', '900102')
    """
    record = SourceRecord(path=path, source="wilson", layout="page")
    start = _metadata_start(lines)
    record, body_from = _head(record, lines[:start])
    body = [line for line in lines[body_from:start] if not line.blank]
    if body:
        first, last = body[0].number, body[-1].number
        text = "\n".join(line.text for line in lines[first - 1 : last])
        record = replace(record, body=text, body_line=first)
    return _metadata(record, lines[start:])


def _metadata_start(lines: list[Line]) -> int:
    """Index of the line where the trailing labelled lists begin."""
    names = [heading_of(line.text, HEADINGS) for line in lines]
    for index in range(len(lines) - 1, -1, -1):
        if names[index] == "summary" and any(n in _METADATA for n in names[index + 1 :]):
            return index
    metadata = [index for index, name in enumerate(names) if name in _METADATA]
    return metadata[0] if metadata else len(lines)


def _head(record: SourceRecord, lines: list[Line]) -> tuple[SourceRecord, int]:
    """Title, date and credits at the top; returns the record and where the body starts."""
    index = 0
    filled: list[str] = []
    for index, line in enumerate(lines):
        if line.blank:
            continue
        field = Field(line.text.strip(), line.number)
        if record.date is None and (is_date_line(line.text) or (record.title and is_date_like(line.text))):
            record = replace(record, date=field)
        elif is_credits(line.text) or is_funding(line.text):
            record = replace(record, credits=record.credits + (field,))
        elif record.title is None and record.date is None and not filled:
            record = replace(record, title=field)
        else:
            return record, index
        filled.append(line.text)
    return record, len(lines)


def _metadata(record: SourceRecord, lines: list[Line]) -> SourceRecord:
    """The labelled lists after the body: each heading takes the lines up to the next one."""
    current: str | None = None
    collected: dict[str, list[Line]] = {}
    for line in lines:
        name = heading_of(line.text, HEADINGS)
        if name is not None:
            current = name
            collected.setdefault(name, [])
        elif line.blank:
            continue
        elif is_funding(line.text) and current != "donors":
            collected.setdefault("donors", []).append(line)
        elif current is not None and current != "-":
            collected[current].append(line)
        elif URL.search(line.text):
            collected.setdefault("url", []).append(line)
    for name, found in collected.items():
        if not found or name == "-":
            continue
        if name in _LISTS:
            values = tuple(Field(line.text.strip(), line.number) for line in found)
            record = replace(record, **{name: getattr(record, name) + values})
        else:
            record = replace(record, **{name: Field(joined(found), found[0].number)})
    return record
