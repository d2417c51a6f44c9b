"""Metadata spreadsheets: a catalogue as CSV/TSV, JSON lines or XLSX, one record per row.

Columns are matched to fields by :class:`~kg.ingest.mapping.Mapping` (the
headers kg knows, a mapping file, or ``--column``). A row becomes a
:class:`~kg.source.SourceRecord` whose :class:`~kg.source.Given` states its
date (ISO 8601, or an EDTF range from ``not_before``/``not_after``), senders,
addressees and places with their authority ids; a printed date ("April 25,
1962") is read like a Wilson record's, and a ``text`` column, when there is
one, is read for mentions like any document's text. Each record keeps the
line (CSV, JSON lines) or row (XLSX) it came from, so a problem names it.
XLSX files are opened read-only after checking the archive is not a zip bomb;
openpyxl parses their XML through defusedxml.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

from kg.ingest.mapping import FIELDS, Mapping, Row
from kg.model import AgentName
from kg.problems import InputError, Problem
from kg.source import ISO_DATE, Field, Given, SourceRecord

SOURCE = "sheet"
#: The most an XLSX may unpack to, and the most cells kg reads from one (a zip bomb is refused).
MAX_UNPACKED = 512 * 1024 * 1024
_KNOWN_HEADERS = frozenset(h for synonyms in FIELDS.values() for h in synonyms)


def sniff_table(text: str) -> float:
    """Confidence that ``text`` is a CSV/TSV catalogue: a header row naming at least a title or a date.

    >>> sniff_table("Title,Date,From,To\\nCable,1962-04-25,MFA,Xinjiang Office\\n")
    1.0
    >>> sniff_table("April 25, 1962\\n\\nCable")
    0.0
    """
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if not first or first.lstrip().startswith(("<", "{", "[")):
        return 0.0
    dialect = "\t" if first.count("\t") > first.count(",") else ","
    headers = {" ".join(re.sub(r"[^\w]+", " ", h.casefold()).split()) for h in next(csv.reader([first], delimiter=dialect))}
    named = headers & _KNOWN_HEADERS
    return 1.0 if len(named) >= 2 and named & {"title", "date", "sender", "from", "recipient", "to"} else 0.0


def sniff_jsonl(text: str) -> float:
    """Confidence that ``text`` is JSON lines of records (an object per line with a known key).

    >>> sniff_jsonl('{"title": "Cable", "date": "1962-04-25"}\\n'), sniff_jsonl("[1, 2]")
    (1.0, 0.0)
    """
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        value = json.loads(first)
    except ValueError:
        return 0.0
    if not isinstance(value, dict):
        return 0.0
    keys = {" ".join(re.sub(r"[^\w]+", " ", str(k).casefold()).split()) for k in value}
    return 1.0 if keys & _KNOWN_HEADERS else 0.0


def sniff_xlsx(data: bytes) -> float:
    """An XLSX is a zip holding ``xl/workbook.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return 0.0
    return 1.0 if b"xl/workbook.xml" in data[:200_000] or b"[Content_Types].xml" in data[:2_000] else 0.3


def read_table(path: str, text: str, mapping: Mapping = Mapping()) -> list[SourceRecord]:
    """Every row of a CSV or TSV catalogue (the delimiter is taken from the header line)."""
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ("," if first.count(",") >= first.count(";") else ";")
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    try:
        headers = next(reader)
        rows = [(reader.line_num, cells) for cells in reader]
    except csv.Error as err:
        raise InputError(Problem("not-a-document", path, reader.line_num, f"not a readable table: {err}.")) from None
    return _records(path, headers, rows, mapping)


def read_jsonl(path: str, text: str, mapping: Mapping = Mapping()) -> list[SourceRecord]:
    """Every line of a JSON-lines catalogue: one object per line, keys as headers."""
    objects: list[tuple[int, dict[str, object]]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as err:
            raise InputError(Problem("not-a-document", path, number, f"not a JSON object: {err}.")) from None
        if not isinstance(value, dict):
            raise InputError(Problem("not-a-document", path, number, "each line must be one JSON object."))
        objects.append((number, value))
    headers = sorted({str(k) for _, value in objects for k in value})
    rows = [(n, [_cell(value.get(h)) for h in headers]) for n, value in objects]
    return _records(path, headers, rows, mapping)


def read_xlsx(path: str, data: bytes, mapping: Mapping = Mapping()) -> list[SourceRecord]:
    """Every row of the first sheet of an XLSX catalogue (row 1 is the header)."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise InputError(Problem("not-a-document", path, None, "not a readable XLSX (zip) file.")) from None
    if unpacked > MAX_UNPACKED:
        raise InputError(Problem("not-a-document", path, None,
                                 f"the XLSX unpacks to {unpacked:,} bytes (more than {MAX_UNPACKED:,}): refused."))
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        table = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
    except Exception as err:  # openpyxl raises many kinds on a damaged workbook
        raise InputError(Problem("not-a-document", path, None, f"not a readable XLSX workbook: {err}.")) from None
    if not table:
        return []
    return _records(path, table[0], list(enumerate(table[1:], 2)), mapping)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]  # a date cell
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def _records(path: str, headers: list[str], rows: list[tuple[int, list[str]]], mapping: Mapping) -> list[SourceRecord]:
    columns = mapping.resolve([str(h) for h in headers])
    stem = re.sub(r"[^a-z0-9]+", "-", Path(path).name.split(".")[0].lower()).strip("-") or "sheet"
    found = []
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        row = Row(line, {name: mapping.split(name, cells[index]) for name, index in columns.items()
                         if index < len(cells) and cells[index].strip()})
        found.append(_record(path, stem, row, mapping))
    return found


def _names(row: Row, names: str, ids: str, kind: str) -> tuple[AgentName, ...]:
    """The names of one cell, each with the id in the same position of the ids cell."""
    refs = row.cells.get(ids, [])
    return tuple(AgentName(name, kind, ids=(refs[i],) if i < len(refs) and refs[i].startswith("http") else ())  # type: ignore[arg-type]
                 for i, name in enumerate(row.cells.get(names, [])))


def _record(path: str, stem: str, row: Row, mapping: Mapping) -> SourceRecord:
    line = row.line
    printed = row.first("date")
    before, after = row.first("not_before"), row.first("not_after")
    if printed and ISO_DATE.match(printed):
        date: str | None = printed
    elif before or after:
        date = f"[{before or ''}..{after or ''}]"
    else:
        date = None
    url = row.first("url")
    given = Given(
        date=date, received=row.first("received") if ISO_DATE.match(row.first("received") or "") else None,
        kind=row.first("kind") or mapping.kind, classification=row.first("classification"),
        senders=_names(row, "senders", "sender_ids", "person"), recipients=_names(row, "recipients", "recipient_ids", "person"),
        origins=_names(row, "sent_from", "sent_from_ids", "place"), destinations=_names(row, "sent_to", "sent_to_ids", "place"),
        same_as=(url,) if url and url.startswith("http") else (), collection=mapping.collection, kinds_known=False,
    )
    field_of = lambda name: Field(value, line) if (value := row.first(name)) else None  # noqa: E731
    translators = row.cells.get("translators", [])
    return SourceRecord(
        path=path, source=SOURCE, layout="table", title=field_of("title"),
        date=Field(printed or date or "", line) if printed or date else None,
        summary=field_of("summary"), reference=field_of("reference"), archive=field_of("archive"),
        url=field_of("url"), record_id=Field(f"{stem}-{row.first('id') or line}", line),
        languages=Field(", ".join(row.cells["languages"]), line) if "languages" in row.cells else None,
        credits=(Field(f"Translated by {' and '.join(translators)}", line),) if translators else (),
        subjects=tuple(Field(s, line) for s in row.cells.get("subjects", [])),
        body="\n\n".join(row.cells.get("text", [])), body_line=line, given=given,
    )
