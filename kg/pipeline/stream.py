"""The second half of an export: resolved documents -> batches on the engine -> dumps, in graph order.

Documents are sorted by graph name and cut into batches; the engine maps,
validates and serialises each batch (:func:`~kg.pipeline.batch.render_batch`)
and the chunks are appended to the dumps as they come back, in order. With a
cache, documents whose inputs are unchanged are taken from it and only the
others go to the engine; both kinds are interleaved back into graph order, a
batch at a time, so memory holds a few batches, never the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from kg.export.chunks import DocumentChunk
from kg.export.dumps import Dumps
from kg.model import Provenance, ResolvedDocument
from kg.pipeline.batch import BatchJob, render_batch
from kg.pipeline.cache import Cache, fingerprint
from kg.pipeline.engine import Engine
from kg.progress import Progress
from kg.resources import shapes_path
from kg.stopwatch import Stopwatch
from kg.validate import DocumentValidation, Validation, combine

Piece = tuple[DocumentChunk, DocumentValidation]


@dataclass(frozen=True)
class Settings:
    """What every batch of a run shares."""

    provenance: Provenance
    prefixes: tuple[tuple[str, str], ...]
    lean: bool
    batch_size: int


def stream_documents(
    documents: Sequence[ResolvedDocument], settings: Settings, runner: Engine, dumps: Dumps,
    clock: Stopwatch, progress: Progress, cache: Cache | None = None,
) -> tuple[Validation, int]:
    """Write every document's chunk into ``dumps``; the corpus validation and how many documents were redone."""
    ordered = sorted(documents, key=lambda doc: f"<{doc.graph}>")
    keys = [document_key(doc, settings) for doc in ordered] if cache else [""] * len(ordered)
    known = cache.present("documents", keys) if cache else set()
    todo = [doc for doc, key in zip(ordered, keys) if key not in known]
    fresh = _fresh(todo, settings, runner, clock)
    progress.stage("export", len(ordered))
    parts: list[DocumentValidation] = []
    size = settings.batch_size
    for start in range(0, len(ordered), size):
        window = keys[start:start + size]
        cached = cache.get("documents", [key for key in window if key in known]) if cache else {}
        pieces, new = [], {}
        for key in window:
            piece = cached.get(key) or next(fresh)
            pieces.append(piece)
            if key not in cached:
                new[key] = piece
        if cache:
            cache.put("documents", new)
        clock.mark()
        dumps.add([chunk for chunk, _ in pieces])
        parts.extend(validation for _, validation in pieces)
        clock.lap("write")
        progress.advance(len(pieces))
    validation = combine(parts)
    clock.lap("validate")
    return validation, len(todo)


def document_key(doc: ResolvedDocument, settings: Settings) -> str:
    """The cache key of a document's chunk and validation: everything they are computed from."""
    return fingerprint("document", doc, settings.provenance, settings.prefixes, settings.lean, _shapes())


def _fresh(todo: Sequence[ResolvedDocument], settings: Settings, runner: Engine, clock: Stopwatch) -> Iterator[Piece]:
    """The pieces of the documents to redo, in order, computed lazily on the engine a few batches ahead."""
    size = settings.batch_size
    jobs = (BatchJob(tuple(todo[i:i + size]), settings.provenance, settings.prefixes, settings.lean)
            for i in range(0, len(todo), size))
    for output in runner.map(render_batch, jobs):
        for stage, seconds in output.seconds:
            clock.add(stage, seconds)
        yield from zip(output.chunks, output.validations)


_SHAPES: list[str] = []


def _shapes() -> str:
    """A digest of the shapes file (computed once per process)."""
    if not _SHAPES:
        _SHAPES.append(fingerprint(shapes_path().read_text("utf-8")))
    return _SHAPES[0]


def manifest_rows(outcomes: Iterable[tuple[str, str, Sequence[str]]]) -> list[tuple[str, str, str]]:
    """Manifest rows (path, SHA-256, document keys) in path order.

    >>> manifest_rows([("b.txt", "02", ["k2"]), ("a.txt", "01", ["k1", "k3"])])
    [('a.txt', '01', 'k1 k3'), ('b.txt', '02', 'k2')]
    """
    return sorted((path, sha, " ".join(keys)) for path, sha, keys in outcomes)
