"""The RDF dumps (``graph.nq``, ``graph.trig``, ``graph.ttl``, ``graph.jsonld``), written as document chunks arrive.

Chunks must arrive in graph-name order (the pipeline sorts documents by graph
before batching); each is appended to the N-Quads and TriG files at once and
its sort lines go to a run for the merged graph, so no stage holds the
corpus's triples. The vocabulary graph is slotted in at its place in the order;
the JSON-LD is written from the merged graph's sorted N-Triples.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.export.atomic import Staging
from kg.export.chunks import DocumentChunk
from kg.export.oxigraph import prefix_block
from kg.export.jsonld import write_jsonld
from kg.export.runs import MERGED_NTRIPLES, MergedStats, Runs, write_merged


class Dumps:
    """Streaming writer of the dumps into a staging folder.

    >>> import tempfile, pathlib
    >>> from kg.export.chunks import document_chunk
    >>> from rdflib import URIRef
    >>> from kg.rdf.vocab import RDF
    >>> a, c = URIRef("https://ex.org/a"), URIRef("https://ex.org/C")
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> with Staging(out) as stage:
    ...     dumps = Dumps(stage, {"ex": "https://ex.org/"}, document_chunk("v", "https://ex.org/v", [], [], {}))
    ...     dumps.add([document_chunk("d", "https://ex.org/g", [(a, RDF.type, c)], [], {"ex": "https://ex.org/"})])
    ...     stats = dumps.finish()
    ...     stage.commit()
    >>> stats.triples, (out / "graph.nq").read_text()
    (1, '<https://ex.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://ex.org/C> <https://ex.org/g> .\\n')
    """

    def __init__(self, stage: Staging, prefixes: dict[str, str], vocabulary: DocumentChunk) -> None:
        self.prefixes = prefixes
        self.nquads = stage.open("graph.nq")
        self.trig = stage.open("graph.trig")
        self.turtle = stage.open("graph.ttl")
        self.jsonld = stage.open("graph.jsonld")
        self.trig.write(prefix_block(prefixes) + b"\n")
        self.runs = Runs(stage.scratch("runs"))
        self.documents = 0
        self._vocabulary: DocumentChunk | None = vocabulary
        self._last = ""

    def add(self, chunks: Sequence[DocumentChunk]) -> None:
        """Append one batch of document chunks (in graph order, after every earlier batch)."""
        for chunk in chunks:
            key = _order(chunk.graph)
            if key <= self._last:
                raise ValueError(f"document graphs out of order: {chunk.graph} after {self._last}")
            if self._vocabulary is not None and _order(self._vocabulary.graph) < key:
                self._append(self._vocabulary)
                self._vocabulary = None
            self._append(chunk)
            self._last = key
            self.documents += 1
        self.runs.add(line for chunk in chunks for line in chunk.lines)

    def finish(self) -> MergedStats:
        """Write what is left: the vocabulary if it sorts last, and the merged graph."""
        if self._vocabulary is not None:
            self._append(self._vocabulary)
            self._vocabulary = None
        stats = write_merged(self.runs, self.turtle, self.prefixes)
        write_jsonld(self.runs.folder / MERGED_NTRIPLES, self.jsonld, self.prefixes)
        return stats

    def _append(self, chunk: DocumentChunk) -> None:
        self.nquads.write(chunk.nquads)
        self.trig.write(chunk.trig)


def _order(graph: str) -> str:
    """The sort key of a graph name: its N-Quads form, as the canonical quad order uses."""
    return f"<{graph}>"

