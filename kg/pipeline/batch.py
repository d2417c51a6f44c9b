"""The per-batch work of an export: resolved documents -> triples -> validation -> serialised chunks.

:func:`render_batch` is what an engine runs in a worker: it takes a batch of
resolved documents (picklable, frozen) and gives back only bytes and findings,
so nothing large travels back and the corpus graph is never held anywhere.
The batch's documents are validated together in one pyshacl run.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from kg.export.chunks import DocumentChunk, document_chunk
from kg.model import Provenance, ResolvedDocument
from kg.rdf.mapping import document_triples, evidence_triples
from kg.validate import DocumentGraph, DocumentValidation, validate_batch


@dataclass(frozen=True)
class BatchJob:
    """One batch and what every batch shares: the run's provenance, the prefixes, ``lean``."""

    documents: tuple[ResolvedDocument, ...]
    provenance: Provenance
    prefixes: tuple[tuple[str, str], ...]
    lean: bool = False


@dataclass(frozen=True)
class BatchOutput:
    """A batch's chunks (in the batch's order), its documents' validations, and seconds per stage."""

    chunks: tuple[DocumentChunk, ...]
    validations: tuple[DocumentValidation, ...]
    seconds: tuple[tuple[str, float], ...]


def render_batch(job: BatchJob) -> BatchOutput:
    """Map, validate and serialise one batch of documents.

    >>> render_batch(BatchJob((), Provenance("urn:run", "urn:kg", "0"), ())).chunks
    ()
    """
    start = time.perf_counter()
    graphs = []
    for doc in job.documents:
        statements = tuple(document_triples(doc, job.provenance))
        graphs.append((doc, statements, tuple(evidence_triples(doc))))
    mapped = time.perf_counter()
    validations = validate_batch(
        [DocumentGraph(doc.record.key, doc.record.path, doc.iri, st + ev) for doc, st, ev in graphs]
    ) if graphs else []
    validated = time.perf_counter()
    prefixes = dict(job.prefixes)
    chunks = tuple(
        document_chunk(doc.record.key, doc.graph, st, ev, prefixes, job.lean) for doc, st, ev in graphs
    )
    seconds = (("map", mapped - start), ("validate", validated - mapped), ("serialise", time.perf_counter() - validated))
    return BatchOutput(chunks, tuple(validations), seconds)
