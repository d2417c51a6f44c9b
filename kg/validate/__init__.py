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
    (False, ['date', 'earliest date', 'latest date'])
    """
    shapes_graph = shapes if shapes is not None else load_shapes()
    findings: list[Finding] = []
    report: list[Triple] = []
    batch: list[DocumentGraph] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= batch_size:
            _run_batch(batch, shapes_graph, findings, report)
            batch = []
    if batch:
        _run_batch(batch, shapes_graph, findings, report)
    conforms = not any(f.severity == "Violation" for f in findings)
    root = BNode("kgValidationReport")
    header = [(root, RDF.type, SH.ValidationReport), (root, SH.conforms, Literal(conforms))]
    results = [(root, SH.result, s) for s, p, o in report if p == RDF.type and o == SH.ValidationResult]
    return Validation(conforms, tuple(sorted(set(findings))), tuple(header + results + report))


def _run_batch(batch: Sequence[DocumentGraph], shapes: Graph, findings: list[Finding], report: list[Triple]) -> None:
    data = build_graph(triple for document in batch for triple in document.triples)
    _, results, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True, advanced=False, abort_on_first=False
    )
    owners: dict[Node, list[str]] = {}
    for document in batch:
        for subject in {triple[0] for triple in document.triples}:
            owners.setdefault(subject, []).append(document.key)
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        for key in owners.get(focus, ["(corpus)"]):
            findings.append(_finding(key, result, results, shapes))
    report.extend((s, p, o) for s, p, o in results if not (p == SH.conforms or o == SH.ValidationReport)
                  and p != SH.result)


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
