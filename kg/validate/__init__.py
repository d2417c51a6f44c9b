"""SHACL validation of document graphs in batches (the only pyshacl user), with typed findings.

Each batch of document graphs is validated in one pyshacl call (much faster
than one call per document, and bounded in memory); every result is turned
into a :class:`Finding` attributed to the document(s) whose graph holds the
focus node, carrying the shape's plain-words name, message and fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.rdf.graph import Triple, build_graph
from kg.validate.canonical import canonical_results
from kg.validate.speed import index_constraint_parameters
from kg.rdf.vocab import RDF, SH
from kg.resources import shapes_path

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class DocumentGraph:
    """One document's named graph as validation sees it."""

    key: str
    path: str
    iri: str
    triples: tuple[Triple, ...]


@dataclass(frozen=True, order=True)
class Finding:
    """One SHACL result about one document, in words a historian can act on."""

    document: str
    severity: str
    name: str
    message: str
    fix: str
    focus: str
    path: str
    value: str
    shape: str

    def as_dict(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class Validation:
    """The outcome of validating a corpus: pyshacl's ``(conforms, graph, text)``, typed."""

    conforms: bool
    findings: tuple[Finding, ...]
    report: tuple[Triple, ...] = field(repr=False)

    @property
    def violations(self) -> int:
        return sum(1 for f in self.findings if f.severity == "Violation")


@dataclass(frozen=True)
class DocumentValidation:
    """What validation found about one document: its findings and its results in the report graph."""

    key: str
    findings: tuple[Finding, ...]
    report: tuple[Triple, ...] = field(repr=False)


@lru_cache(maxsize=4)
def load_shapes(path: str | None = None) -> Graph:
    """The shapes graph (parsed once per process)."""
    return build_graph(source=Path(path) if path else shapes_path())


def validate(documents: Iterable[DocumentGraph], batch_size: int = 200, shapes: Graph | None = None) -> Validation:
    """Validate document graphs in batches; warnings and infos do not break conformance.

    >>> from rdflib import URIRef, Literal
    >>> from kg.rdf.vocab import DIP, DCTERMS
    >>> doc = URIRef("https://ex.org/doc/1")
    >>> result = validate([DocumentGraph("d1", "d1.txt", str(doc), ((doc, RDF.type, DIP.Document),))])
    >>> result.conforms, sorted({f.name for f in result.findings})[:3]
    (False, ['date', 'date bounds', 'publishing archive'])
    """
    parts: list[DocumentValidation] = []
    batch: list[DocumentGraph] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= batch_size:
            parts.extend(validate_batch(batch, shapes))
            batch = []
    if batch:
        parts.extend(validate_batch(batch, shapes))
    return combine(parts)


def combine(parts: Iterable[DocumentValidation]) -> Validation:
    """One corpus validation from the documents' own, whatever batches or processes they came from."""
    findings: set[Finding] = set()
    report: set[Triple] = set()
    for part in parts:
        findings.update(part.findings)
        report.update(part.report)
    conforms = not any(f.severity == "Violation" for f in findings)
    root = BNode("kgValidationReport")
    header = [(root, RDF.type, SH.ValidationReport), (root, SH.conforms, Literal(conforms))]
    results = [(root, SH.result, s) for s, p, o in sorted(report) if p == RDF.type and o == SH.ValidationResult]
    return Validation(conforms, tuple(sorted(findings)), tuple(header + results + sorted(report)))


def validate_batch(batch: Sequence[DocumentGraph], shapes: Graph | None = None) -> list[DocumentValidation]:
    """Validate a batch of document graphs in one pyshacl run; each document gets its own findings and results.

    A result belongs to every document whose graph has its focus node as a
    subject; its blank nodes are relabelled from their content so that the
    report is the same bytes whatever the batch or process.
    """
    shapes_graph = shapes if shapes is not None else load_shapes()
    index_constraint_parameters()
    data = build_graph(triple for document in batch for triple in document.triples)
    _, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", allow_warnings=True, advanced=False, abort_on_first=False
    )
    owners: dict[Node, list[str]] = {}
    for document in batch:
        for subject in {triple[0] for triple in document.triples}:
            owners.setdefault(subject, []).append(document.key)
    keys = [document.key for document in batch]
    found: dict[str, tuple[list[Finding], list[Triple]]] = {key: ([], []) for key in keys}
    for result, triples in canonical_results(results):
        focus = results.value(result, SH.focusNode)
        for key in owners.get(focus, keys[:1]):
            found[key][0].append(_finding(key if focus in owners else "(corpus)", result, results, shapes_graph))
            found[key][1].extend(triples)
    return [DocumentValidation(key, tuple(found[key][0]), tuple(found[key][1])) for key in keys]


def _finding(document: str, result: Node, results: Graph, shapes: Graph) -> Finding:
    shape = results.value(result, SH.sourceShape)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    message = results.value(result, SH.resultMessage) or shapes.value(shape, SH.message)
    return Finding(
        document=document,
        severity=SEVERITIES.get(results.value(result, SH.resultSeverity), "Violation"),  # type: ignore[arg-type]
        name=str(shapes.value(shape, SH.name) or _local(path)),
        message=str(message or "does not meet the shape's constraint"),
        fix=str(shapes.value(shape, SH.description) or ""),
        focus=str(results.value(result, SH.focusNode)),
        path=_local(path),
        value="" if value is None else str(value),
        shape=str(shape) if isinstance(shape, URIRef) else "",
    )


def _local(node: Node | None) -> str:
    if node is None:
        return ""
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
