"""Writers: every output file of an export, rendered from one :class:`Bundle` and written atomically.

:data:`WRITERS` maps a writer's name to its file name and render function, in
the order they are written (``void.ttl`` after the dumps whose sizes it gives).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg import network
from kg.network.measures import actor_metrics
from kg.export import oxigraph
from kg.export.atomic import Staging
from kg.export.cmif import write_cmif
from kg.export.palladio import palladio_edges, palladio_nodes
from kg.export.report import DocumentEntry, Summary, render_json, render_text
from kg.export.runs import MergedStats
from kg.export.void import void_triples
from kg.model import Provenance, ResolvedDocument
from kg.problems import Problem
from kg.rdf.vocab import STANDARD_PREFIXES
from kg.reconcile.mint import Minter
from kg.validate import Validation


@dataclass
class Bundle:
    """Everything the writers of the small files need; ``sizes`` fills in as files are written."""

    documents: tuple[ResolvedDocument, ...]
    entries: list[DocumentEntry]
    problems: list[Problem]
    validation: Validation
    network: network.ActorGraph
    minter: Minter
    provenance: Provenance
    summary: Summary
    stats: MergedStats
    review: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    licence: str | None = None

    @property
    def prefixes(self) -> dict[str, str]:
        return prefixes(self.minter)


def prefixes(minter: Minter) -> dict[str, str]:
    """The fixed prefix map of every Turtle and TriG file of an export."""
    return {**STANDARD_PREFIXES, **minter.prefixes()}


def _void(bundle: Bundle) -> bytes:
    triples = void_triples(bundle.stats, len(bundle.documents), bundle.sizes, bundle.minter, bundle.provenance,
                           bundle.licence)
    return oxigraph.turtle(triples, bundle.prefixes)


def _review_csv(rows: list[tuple[str, str, str, str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["document", "kind", "form", "iri", "reason"])
    writer.writerows(sorted(rows))
    return buffer.getvalue().encode("utf-8")


@dataclass(frozen=True)
class Writer:
    """One output file; ``render`` is None for the dumps, which :class:`~kg.export.dumps.Dumps` streams."""

    filename: str
    description: str
    render: Callable[[Bundle], bytes] | None = None


WRITERS: dict[str, Writer] = {
    "turtle": Writer("graph.ttl", "all documents merged, canonical Turtle"),
    "trig": Writer("graph.trig", "one named graph per document, plus the vocabulary graph"),
    "nquads": Writer("graph.nq", "the same statements as N-Quads, for bulk loaders"),
    "jsonld": Writer("graph.jsonld", "the merged graph as JSON-LD 1.1 with its context inline"),
    "void": Writer("void.ttl", "VoID/DCAT description of the dataset", _void),
    "report-text": Writer("report.txt", "run report for people, grouped by document",
                          lambda b: render_text(b.summary, b.entries, b.problems, b.validation).encode("utf-8")),
    "report-json": Writer("report.json", "run report as JSON",
                          lambda b: render_json(b.summary, b.entries, b.problems, b.validation).encode("utf-8")),
    "report-shacl": Writer("report.ttl", "the SHACL validation report graph",
                           lambda b: oxigraph.turtle(b.validation.report, {**b.prefixes, "sh": "http://www.w3.org/ns/shacl#"})),
    "review": Writer("review.csv", "every reconciliation decision: which form went to which IRI, and why",
                     lambda b: _review_csv(b.review)),
    "palladio": Writer("palladio.csv", "sender-recipient pairs per document, for Palladio",
                       lambda b: palladio_edges(b.documents)),
    "palladio-nodes": Writer("palladio-nodes.csv", "the actors of palladio.csv",
                             lambda b: palladio_nodes(b.documents)),
    "metrics": Writer("actors-metrics.csv", "per-actor network measures (see kg graph stats)",
                      lambda b: actor_metrics(b.network).csv()),
    "cmif": Writer("letters.cmif.xml", "every document's sender, addressee, places and dates as CMIF (correspSearch)",
                   lambda b: write_cmif(b.documents, b.minter, b.licence)),
    "graphml": Writer("actors.graphml", "actor network, GraphML", lambda b: network.write_graphml(b.network)),
    "gexf": Writer("actors.gexf", "actor network, GEXF 1.2", lambda b: network.write_gexf(b.network)),
    "json": Writer("actors.json", "actor network, node-link JSON", lambda b: network.write_json(b.network)),
}


def write_files(bundle: Bundle, stage: Staging) -> list[Path]:
    """Render every writer's file into the staging folder (the streamed dumps are there already)."""
    for writer in WRITERS.values():
        if writer.render is None:
            bundle.sizes[writer.filename] = stage.size(writer.filename)
            continue
        data = writer.render(bundle)
        bundle.sizes[writer.filename] = len(data)
        stage.write(writer.filename, data)
    return [stage.out / writer.filename for writer in WRITERS.values()]
