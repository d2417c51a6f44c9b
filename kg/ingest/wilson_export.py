"""The Wilson Center Digital Archive's text export: date, title, labelled blocks, then the body.

Layout (blocks separated by blank lines)::

    April 25, 1962
    <title>
    Citation:          "<title>", <date>, Wilson Center Digital Archive, <ref>. ...
    Summary:           <summary>
    Credits:           This document was made possible with support from <funders>
    Original Language: <languages>
    Contents:          Translation - English
    <body>

A heading may have an empty value (the next block is another heading); a
citation or a date may appear without its heading and is recognised by shape.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.ingest.text import Line, blocks_of, joined
from kg.ingest.wilson_patterns import heading_of, is_citation, is_date_like, is_funding
from kg.source import Field, SourceRecord

HEADINGS = {
    "citation": "citation",
    "summary": "summary",
    "credits": "credits",
    "original language": "languages",
    "original languages": "languages",
    "contents": "contents",
}

#: The value of the ``Contents:`` block, recognised even when its heading is missing.
_CONTENTS_VALUE = re.compile(r"^(?:Translation|Transcription|Original Scan)\s*-\s*\w+", re.IGNORECASE)


def parse_export(path: str, lines: list[Line]) -> SourceRecord:
    """Read a text-export record from its numbered lines.

    >>> from kg.ingest.text import lines_of
    >>> rec = parse_export("x.txt", lines_of("1962\\n\\nA Cable\\n\\nContents:\\n\\nTranslation - English\\n\\nBody."))
    >>> rec.title.value, rec.date.value, rec.body, rec.body_line
    ('A Cable', '1962', 'Body.', 9)
    """
    record = SourceRecord(path=path, source="wilson", layout="text-export")
    pending: str | None = None
    blocks = blocks_of(lines)
    for index, block in enumerate(blocks):
        first = block[0]
        name = heading_of(first.text, HEADINGS) if len(block) == 1 else None
        if name is not None:
            pending = name
            continue
        value = Field(joined(block), first.number)
        if pending == "contents" or (pending is None and _CONTENTS_VALUE.match(value.value)):
            record = replace(record, contents=value)
            return with_body(record, lines, blocks[index + 1 :])
        if pending is not None:
            record = _assign(record, pending, value)
            pending = None
            continue
        headless = _headless(record, value)
        if headless is None:
            return with_body(record, lines, blocks[index:])
        record = headless
    return record


def _assign(record: SourceRecord, name: str, value: Field) -> SourceRecord:
    if name == "credits":
        return replace(record, credits=record.credits + (value,))
    return replace(record, **{name: value})


def _headless(record: SourceRecord, value: Field) -> SourceRecord | None:
    """Place a block that has no heading by its shape; ``None`` when it starts the body."""
    if record.date is None and record.title is None and is_date_like(value.value):
        return replace(record, date=value)
    if record.citation is None and is_citation(value.value):
        return replace(record, citation=value)
    if is_funding(value.value):
        return replace(record, credits=record.credits + (value,))
    if record.title is None and record.citation is None and record.summary is None:
        return replace(record, title=value)
    return None


def with_body(record: SourceRecord, lines: list[Line], blocks: list[list[Line]]) -> SourceRecord:
    """Attach the lines from the first to the last of ``blocks``, verbatim, as the body."""
    if not blocks:
        return record
    first, last = blocks[0][0].number, blocks[-1][-1].number
    body = "\n".join(line.text for line in lines[first - 1 : last])
    return replace(record, body=body, body_line=first)
