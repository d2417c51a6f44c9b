"""The first half of an export: files -> records (in parallel) -> resolved documents (one global pass).

Reading and interpreting a file needs nothing but the file, so it runs on the
engine in chunks of files; reconciliation needs every record (a bare family
name joins the only person of the corpus who has it), so it runs once, here,
on records that are small next to their triples. Outcomes are folded back in
file order, so duplicates and the report come out the same however many
workers there were.
"""

from __future__ import annotations

import functools
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from kg.export.report import DocumentEntry
from kg.extract.mentions import KnownNames
from kg.extract.record import extract_record
from kg.ingest import discover, read_file
from kg.pipeline.limits import ReadOptions, TimeLimitExceeded, time_limit
from kg.model import DocumentRecord, ResolvedDocument
from kg.problems import InputError, Problem
from kg.reconcile.authority import Authority
from kg.reconcile.mint import Minter
from kg.reconcile.overrides import Overrides
from kg.reconcile.resolve import Resolver
from kg.pipeline.cache import Cache
from kg.stopwatch import Stopwatch

#: Files read per work item sent to a worker.
FILES_PER_TASK = 25


MapFunction = Callable[[Callable[[list[Path]], list["FileOutcome"]], Iterable[list[Path]]], Iterable[list["FileOutcome"]]]


class Records(Protocol):
    """Where folded records go: a list, or a :class:`~kg.pipeline.spool.Spool` on disk."""

    def append(self, item: DocumentRecord) -> object: ...

    def __iter__(self) -> Iterator[DocumentRecord]: ...

    def __len__(self) -> int: ...


@dataclass(frozen=True)
class Reading:
    """What one source record of a file gave: its title, the record (None if skipped), the problems."""

    title: str
    record: DocumentRecord | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class FileOutcome:
    """A file read and interpreted: its records, or the problem that stopped it."""

    path: str
    readings: tuple[Reading, ...] = ()
    problem: Problem | None = None
    seconds: tuple[float, float] = (0.0, 0.0)  # reading the file, interpreting it


@dataclass(frozen=True)
class Corpus:
    """Every document of a run read, interpreted and resolved, before any triple is made."""

    files: list[Path]
    problems: list[Problem]
    entries: list[DocumentEntry]
    documents: list[ResolvedDocument]
    review: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def read_one(path: Path, format: str | None, known: KnownNames, options: ReadOptions = ReadOptions()) -> FileOutcome:
    """Read and interpret one file; never raises for a bad file.

    >>> read_one(Path("/no/such/file.txt"), None, KnownNames()).problem.code
    'read-error'
    """
    start = time.perf_counter()
    try:
        with time_limit(options.time_limit):
            sources = read_file(path, format, options.mapping, options.max_bytes)
            read = time.perf_counter()
            readings = []
            for source in sources:
                extraction = extract_record(source, known)
                record = extraction.record
                title = record.title if record else (source.title.value if source.title else "")
                readings.append(Reading(title, record, tuple(extraction.problems)))
        return FileOutcome(str(path), tuple(readings), None, (read - start, time.perf_counter() - read))
    except InputError as err:
        return FileOutcome(str(path), problem=err.problem)
    except TimeLimitExceeded as err:
        return FileOutcome(str(path), problem=Problem("time-limit", str(path), None,
                                                      f"reading and interpreting the file {err}."))
    except Exception as err:  # noqa: BLE001 -- one document must never stop the corpus
        message = f"kg failed on this file ({type(err).__name__}: {err}); please report it with the file."
        return FileOutcome(str(path), problem=Problem("internal-error", str(path), None, message))


def read_chunk(paths: Sequence[Path], format: str | None, known: KnownNames,
               options: ReadOptions = ReadOptions()) -> list[FileOutcome]:
    """:func:`read_one` over a chunk of files (the unit of work sent to a worker)."""
    return [read_one(path, format, known, options) for path in paths]


class OutcomeStream:
    """Every file's outcome in file order: from the cache when the file's bytes are known, else read on the
    engine (a few chunks of files ahead); ``fresh`` counts the files read."""

    def __init__(
        self, files: Sequence[Path], format: str | None, known: KnownNames, run: MapFunction,
        cache: Cache | None = None, keys: dict[Path, str] | None = None, clock: Stopwatch | None = None,
        options: ReadOptions = ReadOptions(),
    ) -> None:
        self.files, self.format, self.known, self.run, self.options = files, format, known, run, options
        self.cache, self.keys, self.clock = cache, keys or {}, clock or Stopwatch()
        self.fresh = 0

    def __iter__(self) -> Iterator[FileOutcome]:
        windows: deque[tuple[Sequence[Path], dict[str, FileOutcome]]] = deque()

        def tasks() -> Iterator[list[Path]]:
            for start in range(0, len(self.files), FILES_PER_TASK):
                chunk = self.files[start:start + FILES_PER_TASK]
                cached = self.cache.get("files", [self.keys[p] for p in chunk]) if self.cache else {}
                windows.append((chunk, cached))
                yield [path for path in chunk if self.keys.get(path) not in cached]

        task = functools.partial(read_chunk, format=self.format, known=self.known, options=self.options)
        for outcomes in self.run(task, tasks()):
            chunk, cached = windows.popleft()
            fresh = iter(outcomes)
            for path in chunk:
                key = self.keys.get(path, "")
                yield cached[key] if key in cached else self._fresh(next(fresh), key)

    def _fresh(self, outcome: FileOutcome, key: str) -> FileOutcome:
        self.fresh += 1
        self.clock.add("read", outcome.seconds[0])
        self.clock.add("extract", outcome.seconds[1])
        if self.cache:
            self.cache.put("files", {key: outcome})
        return outcome


def fold(
    outcomes: Iterable[FileOutcome], problems: list[Problem], records: Records | None = None
) -> tuple[list[DocumentRecord] | Records, list[DocumentEntry]]:
    """Records (appended to ``records``, a list by default) and report entries from file outcomes in file
    order; a document key read before is skipped with a problem."""
    kept: Records = [] if records is None else records
    first: dict[str, str] = {}
    entries: list[DocumentEntry] = []
    for outcome in outcomes:
        if outcome.problem is not None:
            problems.append(outcome.problem)
            entries.append(DocumentEntry("", outcome.path, "", False))
            continue
        for reading in outcome.readings:
            problems.extend(reading.problems)
            record = reading.record
            if record is not None and record.key in first:
                problems.append(Problem("duplicate-document", outcome.path, None,
                                        f"{record.key} was already read from {first[record.key]}."))
                record = None
            entries.append(DocumentEntry(record.key if record else "", outcome.path, reading.title, record is not None))
            if record is not None:
                first[record.key] = record.path
                kept.append(record)
    return kept, entries


def resolve_records(
    records: list[DocumentRecord], authority: Authority, minter: Minter, overrides: Sequence[Path] = ()
) -> tuple[list[ResolvedDocument], list[tuple[str, str, str, str, str]]]:
    """Resolve every record against the authority and the corpus (two passes), and the review rows."""
    resolver = Resolver(authority, minter, overrides=Overrides.load(tuple(overrides)))
    resolver.prepare(records)
    resolved = [resolver.resolve(record) for record in records]
    return [resolver.finish(doc) for doc in resolved], sorted(resolver.review)


def resolve_corpus(
    paths: Sequence[Path], minter: Minter, *, format: str | None = None, authorities: Sequence[Path] = (),
    overrides: Sequence[Path] = (), clock: Stopwatch | None = None,
) -> Corpus:
    """Read, interpret and resolve every document under ``paths`` in this process (the first half of an export).

    >>> corpus = resolve_corpus([Path("/no/such/folder")], Minter())
    >>> [p.code for p in corpus.problems], corpus.documents
    (['path-not-found'], [])
    """
    clock = clock or Stopwatch()
    authority = Authority.load(authorities)
    files, problems = discover(paths)
    clock.lap("read")
    outcomes = OutcomeStream(files, format, authority.known_names(), map)
    records, entries = fold(outcomes, problems)
    clock.lap("extract")
    documents, review = resolve_records(list(records), authority, minter, overrides)
    clock.lap("reconcile")
    return Corpus(files, problems, entries, documents, review)
