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
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from kg import __version__
from kg.export import Bundle, prefixes, write_files
from kg.export.atomic import Staging
from kg.export.chunks import DocumentChunk, document_chunk
from kg.export.dumps import Dumps
from kg.export.report import DocumentEntry, Summary
from kg.ingest import discover
from kg.model import Actor, DocumentRecord, Provenance, ResolvedDocument
from kg.network import actor_graph
from kg.pipeline.cache import Cache, file_digest, fingerprint
from kg.pipeline.corpus import Corpus, FileOutcome, OutcomeStream, fold, resolve_corpus
from kg.pipeline.engine import ENGINES, Engine
from kg.pipeline.limits import ReadOptions
from kg.pipeline.spool import Spool
from kg.pipeline.stream import Settings, manifest_rows, stream_documents
from kg.problems import Problem
from kg.progress import Progress
from kg.rdf.graph import build_graph
from kg.reconcile.authority import Authority
from kg.reconcile.identifiers import is_web_iri
from kg.reconcile.mint import DEFAULT_BASE, Minter
from kg.reconcile.overrides import Overrides
from kg.reconcile.resolve import Resolver
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
    licence: str | None = None,
    reading: ReadOptions = ReadOptions(),
) -> ExportResult:
    """Export files and folders of documents to ``out``; see the README for the files written.

    ``lean`` leaves the mention annotations out of ``graph.ttl`` (they stay in
    the TriG and N-Quads). The per-document work runs on ``engine`` (see
    :data:`~kg.pipeline.engine.ENGINES`) with ``jobs`` processes (default: every
    core); ``incremental`` keeps a cache in ``out/.kg-cache`` and redoes only
    what changed. The files are the same bytes whichever options are used.
    ``licence`` (an http(s) IRI) is the licence the export's data is under,
    stated in ``void.ttl`` and ``letters.cmif.xml``; ``reading`` gives the
    spreadsheet column mapping and the size and time limits of one file.

    >>> import tempfile
    >>> result = export([Path("/no/such/folder")], Path(tempfile.mkdtemp()), jobs=1)
    >>> result.exit_code, [p.code for p in result.problems]
    (2, ['path-not-found'])
    """
    if licence is not None and not is_web_iri(licence):
        raise ValueError(f"--licence must be an http(s) IRI, e.g. https://creativecommons.org/licenses/by/4.0/; "
                         f"got {licence!r}")
    minter, clock = Minter(base), Stopwatch()
    progress = progress or Progress(0, enabled=False)
    with ENGINES[engine](jobs, scheduler) as runner, _cache(out, incremental) as cache, Staging(out) as stage:
        read = _read(paths, runner, format, authorities, stage, clock, progress, cache, reading)
        if not len(read.records):
            progress.close()
            summary = Summary(len(read.files), 0, len(read.entries), 0, 0, len(read.problems), True, 0, 0)
            return ExportResult(summary, tuple(read.problems), (), strict, read.input_error, clock.stages(),
                                (read.files_read, 0))
        configuration = "\n".join([base, *(digest(p.read_text("utf-8")) for p in (*authorities, *overrides))])
        provenance = Provenance(minter.run(__version__, configuration), minter.software(__version__), __version__)
        settings = Settings(provenance, tuple(sorted(prefixes(minter).items())), lean, batch_size)
        resolver = Resolver(read.authority, minter, overrides=Overrides.load(tuple(overrides)))
        ledger = Ledger()
        dumps = Dumps(stage, prefixes(minter), _vocabulary_chunk(minter))
        validation, rendered = stream_documents(ledger.watch(_resolved(read.records, resolver, stage, clock)),
                                               settings, runner, dumps, clock, progress, cache, len(read.records))
        bundle = _bundle(read, ledger, validation, dumps, minter, provenance, resolver, clock)
        bundle.licence = licence
        written = tuple(write_files(bundle, stage))
        stage.commit()
        clock.lap("write")
        if cache is not None:
            cache.finish(manifest_rows((str(p), read.digests[p], ledger.keys.get(str(p), [])) for p in read.files))
    progress.close()
    return ExportResult(bundle.summary, tuple(read.problems), written, strict, read.input_error, clock.stages(),
                        (read.files_read, rendered))


def _bundle(
    read: Reading, ledger: Ledger, validation: Validation, dumps: Dumps, minter: Minter, provenance: Provenance,
    resolver: Resolver, clock: Stopwatch,
) -> Bundle:
    """Finish the dumps and gather what the other files are written from: the summary, the actor graph."""
    stats = dumps.finish()
    clock.lap("write")
    actors = actor_graph(ledger.outlines)
    clock.lap("actor graph")
    summary = Summary(
        files=len(read.files), documents=len(ledger.outlines), skipped=sum(1 for e in read.entries if not e.exported),
        triples=stats.triples, actors=len(ledger.actors), problems=len(read.problems), conforms=validation.conforms,
        violations=validation.violations, warnings=sum(1 for f in validation.findings if f.severity != "Violation"))
    return Bundle(tuple(ledger.outlines), read.entries, read.problems, validation, actors, minter, provenance,
                  summary, stats, sorted(resolver.review))


@dataclass
class Reading:
    """The first half's outcome: the files, the records spooled to disk in file order, what was skipped."""

    files: list[Path]
    problems: list[Problem]
    entries: list[DocumentEntry]
    records: Spool[DocumentRecord]
    authority: Authority
    files_read: int
    digests: dict[Path, str] = field(default_factory=dict)  # SHA-256 of each file, when incremental

    @property
    def input_error(self) -> bool:
        return any(p.code == "path-not-found" for p in self.problems)


@dataclass
class Ledger:
    """What the files that need the whole corpus keep of each document as it streams past: its outline
    (for the actor graph and the Palladio tables; equal actors shared between outlines), its actors'
    IRIs, and its key under its file's path."""

    outlines: list[ResolvedDocument] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    keys: dict[str, list[str]] = field(default_factory=dict)
    _shared: dict[Actor, Actor] = field(default_factory=dict)

    def watch(self, documents: Iterable[ResolvedDocument]) -> Iterator[ResolvedDocument]:
        for doc in documents:
            outline = doc.outline()
            shared = {role: tuple(self._shared.setdefault(a, a) for a in getattr(outline, role)) for role in _OUTLINE_ROLES}
            self.outlines.append(replace(outline, **shared))
            self.actors.update(actor.iri for actor in doc.actors)
            self.keys.setdefault(doc.record.path, []).append(doc.record.key)
            yield doc


_OUTLINE_ROLES = ("senders", "recipients", "destinations", "origins", "mentioned")


def _cache(out: Path, incremental: bool) -> contextlib.AbstractContextManager[Cache | None]:
    return Cache(out) if incremental else contextlib.nullcontext()


def _read(
    paths: Sequence[Path], runner: Engine, format: str | None, authorities: Sequence[Path], stage: Staging,
    clock: Stopwatch, progress: Progress, cache: Cache | None, options: ReadOptions = ReadOptions(),
) -> Reading:
    """Read and interpret the files on the engine (those the cache lacks), spooling the records."""
    authority = Authority.load(authorities)
    files, problems = discover(paths)
    known = authority.known_names()
    digests, keys = {}, {}
    if cache:  # the key of a file's reading: its bytes, path, reader and the names the authority knows
        names = fingerprint(*(sorted(getattr(known, name.name)) for name in fields(known)))
        digests = {path: file_digest(path) for path in files}
        keys = {path: fingerprint("file", str(path), digests[path], format, names, options.mapping) for path in files}
    progress.stage("read", len(files))
    records: Spool[DocumentRecord] = stage.closing(Spool(stage.scratch("records.pickle")))
    outcomes = OutcomeStream(files, format, known, runner.map, cache, keys, clock, options)
    _, entries = fold(_advancing(outcomes, progress), problems, records)
    clock.mark()
    return Reading(files, problems, entries, records, authority, outcomes.fresh, digests)


def _resolved(
    records: Spool[DocumentRecord], resolver: Resolver, stage: Staging, clock: Stopwatch
) -> Iterator[ResolvedDocument]:
    """Resolve every record (pass one, spooled), then yield each finished document in graph order (pass two)."""
    resolver.prepare(records)
    resolved: Spool[ResolvedDocument] = stage.closing(Spool(stage.scratch("resolved.pickle")))
    graphs = []
    for record in records:
        doc = resolver.resolve(record)
        resolved.append(doc)
        graphs.append(f"<{doc.graph}>")
    clock.lap("reconcile")
    for index in sorted(range(len(graphs)), key=graphs.__getitem__):
        start = time.perf_counter()
        doc = resolver.finish(resolved[index])
        clock.add("reconcile", time.perf_counter() - start)
        yield doc


def _advancing(outcomes: Iterable[FileOutcome], progress: Progress) -> Iterator[FileOutcome]:
    for outcome in outcomes:
        progress.advance()
        yield outcome


def _vocabulary_chunk(minter: Minter) -> DocumentChunk:
    """The ontology's triples as the vocabulary graph of the bulk files."""
    triples = tuple(build_graph(source=ontology_path()))
    return document_chunk("vocabulary", minter.shared_graph("vocabulary"), triples, (), prefixes(minter))
