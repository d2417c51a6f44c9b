"""The column mapping of a metadata spreadsheet: which column holds which field of a record.

An archive that has only a catalogue gives kg a table (CSV, TSV, XLSX or JSON
lines), one document per row. :data:`FIELDS` are the fields a column can
fill; each has the header names kg recognises on its own (case, spaces and
punctuation ignored), so a table headed ``Title``, ``Date``, ``From``, ``To``
needs no mapping at all. Anything else is said in a mapping file (TOML) or on
the command line (``--column senders="Absender"``)::

    [columns]                 # field = "header as printed"
    title = "Dokumenttitel"
    senders = "Absender"
    sender_ids = "GND Absender"

    [options]
    separator = ";"           # several names, ids or subjects in one cell
    kind = "Letter"           # the kind of every document, when no column gives it
    collection = "Nachlass X, Findbuch"   # the catalogue the rows come from
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

#: Every field a column can fill, with the headers recognised without a mapping.
FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "record id", "identifier", "no", "number", "document id"),
    "title": ("title", "document title", "heading"),
    "date": ("date", "date of writing", "sent", "date sent"),
    "not_before": ("not before", "date from", "earliest date", "notbefore"),
    "not_after": ("not after", "date to", "latest date", "notafter"),
    "received": ("received", "date received"),
    "kind": ("kind", "type", "document type", "genre"),
    "senders": ("sender", "senders", "from", "author", "authors", "creator"),
    "sender_ids": ("sender id", "sender ids", "sender gnd", "sender viaf", "sender ref", "author id"),
    "recipients": ("recipient", "recipients", "to", "addressee", "addressees"),
    "recipient_ids": ("recipient id", "recipient ids", "recipient gnd", "recipient viaf", "recipient ref",
                      "addressee id"),
    "sent_from": ("place", "place of writing", "sent from", "from place", "origin"),
    "sent_from_ids": ("place id", "place of writing id", "sent from id", "from place id", "geonames"),
    "sent_to": ("destination", "sent to", "to place", "place received"),
    "sent_to_ids": ("destination id", "sent to id", "to place id"),
    "summary": ("summary", "abstract", "description", "regest", "content"),
    "reference": ("archival reference", "reference", "call number", "shelfmark", "signature"),
    "archive": ("archive", "repository", "holding archive", "holding institution"),
    "url": ("url", "link", "page", "web address"),
    "languages": ("language", "languages", "original language"),
    "classification": ("classification", "original classification"),
    "translators": ("translator", "translators", "translated by"),
    "subjects": ("subject", "subjects", "keywords", "topics"),
    "text": ("text", "body", "full text", "transcription"),
}
_MULTI = frozenset({"senders", "sender_ids", "recipients", "recipient_ids", "sent_from", "sent_from_ids", "sent_to",
                    "sent_to_ids", "subjects", "translators", "languages"})


def header_key(text: str) -> str:
    """A header as compared: lower case, punctuation and repeated spaces dropped.

    >>> header_key("  Record-ID: "), header_key("Date (sent)")
    ('record id', 'date sent')
    """
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


@dataclass(frozen=True)
class Mapping:
    """Field -> header overrides and the table-wide options; unmapped fields use :data:`FIELDS`."""

    columns: tuple[tuple[str, str], ...] = ()
    separator: str = ";"
    kind: str | None = None
    collection: str | None = None

    def resolve(self, headers: list[str]) -> dict[str, int]:
        """Which column index fills each field, given a table's headers; unknown headers are ignored.

        >>> Mapping((("senders", "Absender"),)).resolve(["Title", "Absender", "Datum", "Date"])
        {'title': 0, 'date': 3, 'senders': 1}
        """
        keys = [header_key(h) for h in headers]
        found: dict[str, int] = {}
        explicit = dict(self.columns)
        for name, synonyms in FIELDS.items():
            wanted = [header_key(explicit[name])] if name in explicit else []
            wanted += list(synonyms)  # a table without the mapped header may still use a known one
            index = next((keys.index(w) for w in wanted if w in keys), None)
            if index is not None:
                found[name] = index
        return found

    def split(self, name: str, value: str) -> list[str]:
        """A cell's values: several for the list fields, one otherwise.

        >>> Mapping().split("senders", "Zhou Enlai; Chen Yi"), Mapping().split("title", "A; B")
        (['Zhou Enlai', 'Chen Yi'], ['A; B'])
        """
        parts = value.split(self.separator) if name in _MULTI and self.separator else [value]
        return [" ".join(p.split()) for p in parts if p.strip()]

    def with_columns(self, pairs: list[str]) -> Mapping:
        """This mapping with ``FIELD=HEADER`` pairs from the command line added (they win).

        >>> Mapping().with_columns(["title=Heading"]).columns
        (('title', 'Heading'),)
        """
        columns = dict(self.columns)
        for pair in pairs:
            name, equals, header = pair.partition("=")
            _check_field(name.strip(), f"--column {pair!r}")
            if not equals or not header.strip():
                raise ValueError(f"--column {pair!r}: write FIELD=HEADER, e.g. senders=Absender")
            columns[name.strip()] = header.strip()
        return replace(self, columns=tuple(sorted(columns.items())))


def load_mapping(path: Path | None) -> Mapping:
    """A mapping file (TOML, see the module docstring); ``None`` gives the default mapping.

    Raises ``ValueError`` naming the file and what is wrong.
    """
    if path is None:
        return Mapping()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ValueError(f"{path}: not a readable TOML mapping file: {err}") from None
    columns = data.get("columns", {})
    options = data.get("options", {})
    unknown = sorted(set(data) - {"columns", "options"}) + sorted(set(options) - {"separator", "kind", "collection"})
    if unknown:
        raise ValueError(f"{path}: unknown keys {', '.join(unknown)}; known: [columns], [options] separator, kind, "
                         "collection")
    for name, header in columns.items():
        _check_field(name, str(path))
        if not isinstance(header, str) or not header.strip():
            raise ValueError(f"{path}: [columns] {name} must be a header name in quotes")
    return Mapping(tuple(sorted(columns.items())), str(options.get("separator", ";")), options.get("kind"),
                   options.get("collection"))


def _check_field(name: str, where: str) -> None:
    if name not in FIELDS:
        raise ValueError(f"{where}: unknown field {name!r}; known fields: {', '.join(sorted(FIELDS))}")


@dataclass(frozen=True)
class Row:
    """One row as read: its cells by field (list fields split) and the line or row number it is on."""

    line: int
    cells: dict[str, list[str]] = field(default_factory=dict)

    def first(self, name: str) -> str | None:
        values = self.cells.get(name)
        return values[0] if values else None
