"""Pure text analysis: dates, names, citations, routing and document types (no rdflib, no IRIs).

:func:`kg.extract.record.extract_record` turns a :class:`~kg.model.SourceRecord`
into a :class:`~kg.model.DocumentRecord` and the problems met on the way.
"""
