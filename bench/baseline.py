"""The naive baseline of the export benchmark: what a straightforward implementation would do.

    python bench/baseline.py DOCS_DIR OUT_DIR     # one measurement, printed as JSON

This module owns the baseline and nothing else. It reads, extracts and
reconciles with kg's own stages (``resolve_corpus``), so that only the RDF half
differs from ``kg export``: every triple of every document (statements and
evidence, as in kg's non-lean ``graph.ttl``) goes into ONE in-memory rdflib
``Graph``, which rdflib's own Turtle serializer writes and ONE pyshacl run
validates. ``run_baseline`` measures it in a child process, so that each size
starts cold and its peak memory is its own; bench/export_bench.py ``--baseline``
shows it next to kg's export.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pyshacl
from rdflib import Graph

from generate import corpus
from kg import __version__
from kg.model import Provenance, ResolvedDocument
from kg.pipeline import resolve_corpus
from kg.rdf.mapping import document_triples, evidence_triples
from kg.reconcile.mint import Minter
from kg.resources import shapes_path

T = TypeVar("T")

#: The baseline's steps, in the order they run.
STEPS = ("read+extract+reconcile", "build graph", "write turtle", "validate")


def _timed(steps: dict[str, float], name: str, step: Callable[[], T]) -> T:
    """Run ``step``, record its seconds under ``name`` and return its result."""
    start = time.perf_counter()
    value = step()
    steps[name] = time.perf_counter() - start
    return value


def build_graph(documents: list[ResolvedDocument], provenance: Provenance) -> Graph:
    """One rdflib graph holding every triple of every document: statements and evidence."""
    graph = Graph()
    for doc in documents:
        for triple in (*document_triples(doc, provenance), *evidence_triples(doc)):
            graph.add(triple)
    return graph


def validate(graph: Graph) -> bool:
    """One pyshacl run over the whole graph against kg's shapes (parsed by rdflib); whether it conforms."""
    shapes = Graph().parse(shapes_path(), format="turtle")
    conforms, _, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none", allow_warnings=True)
    return bool(conforms)


def measure(docs: Path, out: Path) -> dict[str, object]:
    """Run the naive baseline on ``docs`` in this process, writing ``out/graph.ttl``; return its measurements."""
    steps: dict[str, float] = {}
    start = time.perf_counter()
    minter = Minter()
    documents = _timed(steps, STEPS[0], lambda: resolve_corpus([docs], minter)).documents
    # As kg.pipeline.export without authorities or overrides: the run's configuration is the base alone.
    provenance = Provenance(minter.run(__version__, minter.base), minter.software(__version__), __version__)
    graph = _timed(steps, STEPS[1], lambda: build_graph(documents, provenance))
    out.mkdir(parents=True, exist_ok=True)
    _timed(steps, STEPS[2], lambda: graph.serialize(destination=str(out / "graph.ttl"), format="turtle"))
    conforms = _timed(steps, STEPS[3], lambda: validate(graph))
    return {"seconds": time.perf_counter() - start, "documents": len(documents), "triples": len(graph),
            "conforms": conforms, "stages": steps,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_baseline(size: int, work: Path) -> dict[str, object]:
    """Run the baseline on a corpus of ``size`` documents in a child process and return its measurements."""
    docs = corpus(size, work)
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), str(docs), str(work / f"baseline-{size}")],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the baseline on {size} documents failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["size"] = size
    result["documents_per_second"] = round(result["documents"] / result["seconds"], 1)
    return result


def main(argv: list[str] | None = None) -> int:
    """Measure the baseline on DOCS_DIR in this process and print the measurements as one JSON line."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.splitlines()[2].strip(), file=sys.stderr)
        return 2
    print(json.dumps(measure(Path(args[0]), Path(args[1]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
