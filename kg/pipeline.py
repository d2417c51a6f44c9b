"""The export pipeline: files -> records -> resolved documents -> triples -> validation -> files.

:func:`export` chains the stages and never stops at a bad document: each one
that cannot be read is skipped with a :class:`~kg.problems.Problem`, and the
run report lists it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg import __version__
from kg.export import Bundle, DocumentOutput, write_all
from kg.export.report import DocumentEntry, Summary
from kg.extract.mentions import KnownNames
from kg.extract.record import extract_record
from kg.ingest import discover, read_file
from kg.model import DocumentRecord, Provenance, ResolvedDocument
from kg.network import actor_graph
from kg.problems import InputError, Problem
from kg.rdf.graph import Triple, build_graph
from kg.rdf.mapping import document_triples, evidence_triples
from kg.reconcile.authority import Authority
from kg.reconcile.mint import DEFAULT_BASE, Minter
from kg.reconcile.overrides import Overrides
from kg.reconcile.resolve import Resolver
from kg.reconcile.slug import digest
from kg.resources import ontology_path
from kg.stopwatch import Stopwatch
from kg.validate import DocumentGraph, Validation, validate

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
    timings: tuple[tuple[str, float], ...] = ()  # (stage, seconds); never written to the export

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
) -> ExportResult:
    """Export files and folders of documents to ``out``; see the README for the files written.

    ``lean`` leaves the mention annotations out of ``graph.ttl`` (they stay in the TriG and N-Quads).

    >>> import tempfile
    >>> result = export([Path("/no/such/folder")], Path(tempfile.mkdtemp()))
    >>> result.exit_code, [p.code for p in result.problems]
    (2, ['path-not-found'])
    """
    minter, clock = Minter(base), Stopwatch()
    corpus = resolve_corpus(paths, minter, format=format, authorities=authorities, overrides=overrides, clock=clock)
    files, problems, entries, resolved = corpus.files, corpus.problems, corpus.entries, corpus.documents
    configuration = "\n".join([base, *(digest(p.read_text("utf-8")) for p in (*authorities, *overrides))])
    provenance = Provenance(minter.run(__version__, configuration), minter.software(__version__), __version__)
    outputs = tuple(
        DocumentOutput(doc, tuple(document_triples(doc, provenance)), tuple(evidence_triples(doc))) for doc in resolved
    )
    clock.lap("map")
    validation = validate(
        (DocumentGraph(o.doc.record.key, o.doc.record.path, o.doc.iri, o.triples) for o in outputs), batch_size
    )
    clock.lap("validate")
    merged = tuple(sorted({t for o in outputs for t in (o.statements if lean else o.triples)}))
    summary = _summary(len(files), entries, merged, resolved, problems, validation)
    input_error = any(p.code == "path-not-found" for p in problems)
    if not outputs:
        return ExportResult(summary, tuple(problems), (), strict, input_error, clock.stages())
    clock.lap("map")
    actors = actor_graph(resolved)
    clock.lap("actor graph")
    bundle = Bundle(
        outputs, _vocabulary(), entries, problems, validation, actors, minter, provenance, summary, merged, corpus.review,
    )
    written = tuple(write_all(bundle, out))
    clock.lap("write")
    return ExportResult(summary, tuple(problems), written, strict, input_error, clock.stages())


@dataclass(frozen=True)
class Corpus:
    """Every document of a run read, interpreted and resolved, before any triple is made."""

    files: list[Path]
    problems: list[Problem]
    entries: list[DocumentEntry]
    documents: list[ResolvedDocument]
    review: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def resolve_corpus(
    paths: Sequence[Path], minter: Minter, *, format: str | None = None, authorities: Sequence[Path] = (),
    overrides: Sequence[Path] = (), clock: Stopwatch | None = None,
) -> Corpus:
    """Read, interpret and resolve every document under ``paths`` (the first half of :func:`export`)."""
    clock = clock or Stopwatch()
    authority = Authority.load(authorities)
    files, problems = discover(paths)
    clock.lap("read")
    records, entries = _read(files, format, problems, authority.known_names(), clock)
    resolver = Resolver(authority, minter, overrides=Overrides.load(tuple(overrides)))
    resolver.prepare(records)
    resolved = [resolver.resolve(record) for record in records]
    finished = [resolver.finish(doc) for doc in resolved]
    clock.lap("reconcile")
    return Corpus(files, problems, entries, finished, sorted(resolver.review))


def _summary(
    files: int, entries: list[DocumentEntry], merged: tuple[Triple, ...], resolved: list[ResolvedDocument],
    problems: list[Problem], validation: Validation,
) -> Summary:
    return Summary(
        files=files, documents=len(resolved), skipped=sum(1 for e in entries if not e.exported),
        triples=len(merged), actors=len({actor.iri for doc in resolved for actor in doc.actors}),
        problems=len(problems), conforms=validation.conforms, violations=validation.violations,
        warnings=sum(1 for f in validation.findings if f.severity != "Violation"),
    )


def _read(
    files: list[Path], format: str | None, problems: list[Problem], known: KnownNames, clock: Stopwatch
) -> tuple[list[DocumentRecord], list[DocumentEntry]]:
    """Read and interpret every file; skipped ones become entries with their problems."""
    records: dict[str, DocumentRecord] = {}
    entries: list[DocumentEntry] = []
    for path in files:
        try:
            clock.lap("extract")
            sources = read_file(path, format)
            clock.lap("read")
            extractions = [(source, extract_record(source, known)) for source in sources]
        except InputError as err:
            problems.append(err.problem)
            entries.append(DocumentEntry("", str(path), "", False))
            continue
        except Exception as err:  # noqa: BLE001 -- one document must never stop the corpus
            message = f"kg failed on this file ({type(err).__name__}: {err}); please report it with the file."
            problems.append(Problem("internal-error", str(path), None, message))
            entries.append(DocumentEntry("", str(path), "", False))
            continue
        for source, extraction in extractions:
            problems.extend(extraction.problems)
            record = extraction.record
            if record is not None and record.key in records:
                first = records[record.key].path
                problems.append(Problem("duplicate-document", str(path), None, f"{record.key} was already read from {first}."))
                record = None
            title = record.title if record else (source.title.value if source.title else "")
            entries.append(DocumentEntry(record.key if record else "", str(path), title, record is not None))
            if record is not None:
                records[record.key] = record
    clock.lap("extract")
    return list(records.values()), entries


def _vocabulary() -> tuple[Triple, ...]:
    """The ontology's triples, for the vocabulary graph of the bulk files."""
    return tuple(build_graph(source=ontology_path()))
