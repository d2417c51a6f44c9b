"""The second half of an export: resolved documents -> batches on the engine -> dumps, in graph order.

Documents arrive in graph order, one at a time, and are cut into batches; the
engine maps, validates and serialises each batch
(:func:`~kg.pipeline.batch.render_batch`) a few batches ahead, and the chunks
are appended to the dumps as they come back, in order. With a cache, the
documents of a batch whose inputs are unchanged are taken from it and only the
others go to the engine; both are put back in graph order, so memory holds a
few batches, never the corpus.
"""

from __future__ import annotations

import functools
import itertools
from collections import deque
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


@dataclass
class Window:
    """One batch of documents on its way: their cache keys, the pieces the cache had, the rest to render."""

    keys: list[str]
    cached: dict[str, Piece]
    todo: tuple[ResolvedDocument, ...]


def stream_documents(
    documents: Iterable[ResolvedDocument], settings: Settings, runner: Engine, dumps: Dumps,
    clock: Stopwatch, progress: Progress, cache: Cache | None = None, total: int = 0,
) -> tuple[Validation, int]:
    """Write every document's chunk into ``dumps``; the corpus validation and how many documents were rendered.

    ``documents`` must come in graph order and may be a generator: it is consumed a few batches ahead of
    the writing, so memory holds those batches only. ``total`` (their number, if known) is for the progress bar.
    """
    progress.stage("export", total)
    windows: deque[Window] = deque()
    parts: list[DocumentValidation] = []
    rendered = 0

    def jobs() -> Iterator[BatchJob]:
        for window in _windows(documents, settings, cache):
            windows.append(window)
            yield BatchJob(window.todo, settings.provenance, settings.prefixes, settings.lean)

    for output in runner.map(render_batch, jobs()):
        window = windows.popleft()
        for stage, seconds in output.seconds:
            clock.add(stage, seconds)
        clock.mark()
        fresh = iter(zip(output.chunks, output.validations))
        pieces = [window.cached[key] if key in window.cached else next(fresh) for key in window.keys]
        if cache:
            cache.put("documents", {key: piece for key, piece in zip(window.keys, pieces) if key not in window.cached})
        dumps.add([chunk for chunk, _ in pieces])
        parts.extend(validation for _, validation in pieces)
        rendered += len(window.todo)
        clock.lap("write")
        progress.advance(len(pieces))
    validation = combine(parts)
    clock.lap("validate")
    return validation, rendered


def _windows(documents: Iterable[ResolvedDocument], settings: Settings, cache: Cache | None) -> Iterator[Window]:
    """Batches of documents with their cache keys and what the cache already holds for them."""
    iterator = iter(documents)
    while batch := list(itertools.islice(iterator, settings.batch_size)):
        keys = [document_key(doc, settings) if cache else doc.graph for doc in batch]
        cached = cache.get("documents", keys) if cache else {}
        yield Window(keys, cached, tuple(doc for doc, key in zip(batch, keys) if key not in cached))


def document_key(doc: ResolvedDocument, settings: Settings) -> str:
    """The cache key of a document's chunk and validation: everything they are computed from."""
    return fingerprint("document", doc, settings.provenance, settings.prefixes, settings.lean, _shapes())


@functools.cache
def _shapes() -> str:
    """A digest of the shapes file (computed once per process)."""
    return fingerprint(shapes_path().read_text("utf-8"))


def manifest_rows(outcomes: Iterable[tuple[str, str, Sequence[str]]]) -> list[tuple[str, str, str]]:
    """Manifest rows (path, SHA-256, document keys) in path order.

    >>> manifest_rows([("b.txt", "02", ["k2"]), ("a.txt", "01", ["k1", "k3"])])
    [('a.txt', '01', 'k1 k3'), ('b.txt', '02', 'k2')]
    """
    return sorted((path, sha, " ".join(keys)) for path, sha, keys in outcomes)
