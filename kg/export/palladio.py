"""Palladio tables: one row per sender-recipient pair per document, and a table of the actors.

Palladio (hdlab.stanford.edu/palladio) reads CSV with a header row; dates are
ISO (``YYYY-MM-DD``, or shorter at lower precision), which its timeline accepts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from kg.model import ResolvedDocument

EDGE_FIELDS = ("Source", "Target", "Date", "Place", "Title", "Link", "Document")
NODE_FIELDS = ("Id", "Label", "Type")


def _table(fields: tuple[str, ...], rows: Iterable[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def palladio_edges(documents: Iterable[ResolvedDocument]) -> bytes:
    """The correspondence table: Source, Target, Date, Place (destination, else place of writing), Title, Link.

    >>> from kg.model import Actor, DateValue, DocumentRecord
    >>> rec = DocumentRecord("x", "wilson", "l", "wilson-1", "1", "A Cable", "Cable", DateValue("1962", "1962", "year"))
    >>> doc = ResolvedDocument(rec, "https://ex.org/doc/1", "g", None, None, senders=(Actor("a", "person", "A"),),
    ...                        recipients=(Actor("b", "person", "B"),))
    >>> print(palladio_edges([doc]).decode().strip())
    Source,Target,Date,Place,Title,Link,Document
    A,B,1962,,A Cable,https://ex.org/doc/1,https://ex.org/doc/1
    """
    rows = []
    for doc in sorted(documents, key=lambda d: d.record.key):
        place = next((a.label for a in (*doc.destinations, *doc.origins)), "")
        for sender in doc.senders:
            for recipient in doc.recipients:
                rows.append({"Source": sender.label, "Target": recipient.label, "Date": doc.record.date.iso,
                             "Place": place, "Title": doc.record.title, "Link": doc.record.url or doc.iri,
                             "Document": doc.iri})
    return _table(EDGE_FIELDS, rows)


def palladio_nodes(documents: Iterable[ResolvedDocument]) -> bytes:
    """The actors of the correspondence table: Id (the label Palladio joins on), Label (the IRI), Type."""
    actors = {a.label: a for doc in documents if doc.senders and doc.recipients
              for a in (*doc.senders, *doc.recipients)}
    return _table(NODE_FIELDS, ({"Id": label, "Label": actors[label].iri, "Type": actors[label].kind}
                                for label in sorted(actors)))
