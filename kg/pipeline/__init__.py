"""The export pipeline: files -> records -> resolved documents -> triples -> validation -> files.

:func:`export` chains the stages and never stops at a bad document: each one
that cannot be read is skipped with a :class:`~kg.problems.Problem`, and the
run report lists it. Reading and the per-document work (mapping, validation,
serialisation) run on an engine (:mod:`kg.pipeline.engine`), in batches;
reconciliation and the files that need the whole corpus run once, here. The
dumps are written as batches come back, so the corpus graph is never held.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from kg import __version__
from kg.export import Bundle, prefixes, write_files
from kg.export.atomic import Staging
from kg.export.chunks import DocumentChunk, document_chunk
from kg.export.dumps import Dumps
from kg.export.report import DocumentEntry, Summary
from kg.ingest import discover
from kg.model import Provenance, ResolvedDocument
from kg.network import actor_graph
from kg.extract.mentions import KnownNames
from kg.pipeline.corpus import Corpus, FileOutcome, fold, read_outcomes, resolve_corpus, resolve_records
from kg.pipeline.cache import Cache, file_digest, fingerprint
from kg.pipeline.engine import ENGINES, Engine
from kg.pipeline.stream import Settings, manifest_rows, stream_documents
from kg.problems import Problem
from kg.progress import Progress
from kg.rdf.graph import build_graph
from kg.reconcile.authority import Authority
from kg.reconcile.mint import DEFAULT_BASE, Minter
from kg.reconcile.slug import digest
from kg.resources import ontology_path
from kg.stopwatch import Stopwatch
from kg.validate import Validation

__all__ = ["EXIT_INPUT", "EXIT_NOT_CONFORMING", "EXIT_OK", "Corpus", "ExportResult", "export", "resolve_corpus"]

#: Exit codes of ``kg export``, as in pyshacl: 0 conforms, 1 does not conform, 2 usage or input error.
EXIT_OK, EXIT_NOT_CONFORMING, EXIT_INPUT = 0, 1, 2


@dataclass(frozen=True)
class ExportResult:
    """What an export did: the numbers, the problems, the validation, the files written."""

    summary: Summary
    problems: tuple[Problem, ...]
    files: tuple[Path, ...]
    strict: bool = False
    input_error: bool = False
    timings: tuple[tuple[str, float], ...] = ()  # (stage, seconds of work); never written to the export
    redone: tuple[int, int] = (0, 0)  # files read and documents rendered this run (fewer with --incremental)

    @property
    def exit_code(self) -> int:
        if self.input_error or self.summary.documents == 0:
            return EXIT_INPUT
        if not self.summary.conforms or (self.strict and (self.problems or self.summary.warnings)):
            return EXIT_NOT_CONFORMING
        return EXIT_OK


def export(
    paths: Sequence[Path],
    out: Path = Path("output"),
    *,
    base: str = DEFAULT_BASE,
    strict: bool = False,
    batch_size: int = 200,
    format: str | None = None,
    authorities: Sequence[Path] = (),
    overrides: Sequence[Path] = (),
    lean: bool = False,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    incremental: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Export files and folders of documents to ``out``; see the README for the files written.

    ``lean`` leaves the mention annotations out of ``graph.ttl`` (they stay in
    the TriG and N-Quads). The per-document work runs on ``engine`` (see
    :data:`~kg.pipeline.engine.ENGINES`) with ``jobs`` processes (default: every
    core); ``incremental`` keeps a cache in ``out/.kg-cache`` and redoes only
    what changed. The files are the same bytes whichever options are used.

    >>> import tempfile
    >>> result = export([Path("/no/such/folder")], Path(tempfile.mkdtemp()), jobs=1)
    >>> result.exit_code, [p.code for p in result.problems]
    (2, ['path-not-found'])
    """
    minter, clock = Minter(base), Stopwatch()
    progress = progress or Progress(0, enabled=False)
    with ENGINES[engine](jobs, scheduler) as runner, _cache(out, incremental) as cache:
        corpus, files_read = _corpus(paths, minter, runner, format, authorities, overrides, clock, progress, cache)
        problems, entries, documents = corpus.problems, corpus.entries, corpus.documents
        input_error = any(p.code == "path-not-found" for p in problems)
        if not documents:
            progress.close()
            summary = Summary(len(corpus.files), 0, len(entries), 0, 0, len(problems), True, 0, 0)
            return ExportResult(summary, tuple(problems), (), strict, input_error, clock.stages(), (files_read, 0))
        configuration = "\n".join([base, *(digest(p.read_text("utf-8")) for p in (*authorities, *overrides))])
        provenance = Provenance(minter.run(__version__, configuration), minter.software(__version__), __version__)
        settings = Settings(provenance, tuple(sorted(prefixes(minter).items())), lean, batch_size)
        with Staging(out) as stage:
            dumps = Dumps(stage, prefixes(minter), _vocabulary_chunk(minter))
            validation, rendered = stream_documents(documents, settings, runner, dumps, clock, progress, cache)
            stats = dumps.finish()
            clock.lap("write")
            actors = actor_graph(documents)
            clock.lap("actor graph")
            summary = _summary(len(corpus.files), entries, stats.triples, documents, problems, validation)
            bundle = Bundle(tuple(documents), entries, problems, validation, actors, minter, provenance, summary,
                            stats, corpus.review)
            written = tuple(write_files(bundle, stage))
            stage.commit()
            clock.lap("write")
        if cache is not None:
            cache.finish(_manifest(corpus, documents))
    progress.close()
    return ExportResult(summary, tuple(problems), written, strict, input_error, clock.stages(), (files_read, rendered))


def _cache(out: Path, incremental: bool) -> contextlib.AbstractContextManager[Cache | None]:
    return Cache(out) if incremental else contextlib.nullcontext()


def _corpus(
    paths: Sequence[Path], minter: Minter, runner: Engine, format: str | None, authorities: Sequence[Path],
    overrides: Sequence[Path], clock: Stopwatch, progress: Progress, cache: Cache | None,
) -> tuple[Corpus, int]:
    """Read and interpret the files on the engine (those the cache lacks), then resolve them here."""
    authority = Authority.load(authorities)
    files, problems = discover(paths)
    known = authority.known_names()
    keys = {path: _file_key(path, format, known) for path in files} if cache else {}
    cached = cache.get("files", keys.values()) if cache else {}
    todo = [path for path in files if keys.get(path) not in cached]
    progress.stage("read", len(todo))
    fresh = dict(zip(todo, _advancing(read_outcomes(todo, format, known, runner.map), progress)))
    if cache:
        cache.put("files", {keys[path]: outcome for path, outcome in fresh.items()})
    for outcome in fresh.values():
        clock.add("read", outcome.seconds[0])
        clock.add("extract", outcome.seconds[1])
    outcomes = [fresh[path] if path in fresh else cached[keys[path]] for path in files]
    records, entries = fold(outcomes, problems)
    clock.mark()
    documents, review = resolve_records(records, authority, minter, overrides)
    clock.lap("reconcile")
    return Corpus(files, problems, entries, documents, review), len(todo)


def _file_key(path: Path, format: str | None, known: KnownNames) -> str:
    names = [sorted(getattr(known, name.name)) for name in fields(known)]
    return fingerprint("file", str(path), file_digest(path), format, names)


def _manifest(corpus: Corpus, documents: Sequence[ResolvedDocument]) -> list[tuple[str, str, str]]:
    by_path: dict[str, list[str]] = {}
    for doc in documents:
        by_path.setdefault(doc.record.path, []).append(doc.record.key)
    return manifest_rows((str(path), file_digest(path), by_path.get(str(path), [])) for path in corpus.files)


def _advancing(outcomes: Iterable[FileOutcome], progress: Progress) -> Iterator[FileOutcome]:
    for outcome in outcomes:
        progress.advance()
        yield outcome


def _summary(
    files: int, entries: list[DocumentEntry], triples: int, resolved: list[ResolvedDocument],
    problems: list[Problem], validation: Validation,
) -> Summary:
    return Summary(
        files=files, documents=len(resolved), skipped=sum(1 for e in entries if not e.exported),
        triples=triples, actors=len({actor.iri for doc in resolved for actor in doc.actors}),
        problems=len(problems), conforms=validation.conforms, violations=validation.violations,
        warnings=sum(1 for f in validation.findings if f.severity != "Violation"),
    )


def _vocabulary_chunk(minter: Minter) -> DocumentChunk:
    """The ontology's triples as the vocabulary graph of the bulk files."""
    triples = tuple(build_graph(source=ontology_path()))
    return document_chunk("vocabulary", minter.shared_graph("vocabulary"), triples, (), prefixes(minter))
