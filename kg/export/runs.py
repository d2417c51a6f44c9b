"""The merged graph (``graph.ttl``) built from sorted runs on disk, with its VoID counts.

Each batch of documents hands over its sort lines (see
:mod:`kg.export.chunks`); they are deduplicated, sorted and written as one
run file. At the end the runs are merged (``heapq.merge`` over files, so
memory stays flat however large the corpus), duplicates across documents
(an actor described in many graphs) are dropped, the counts VoID needs are
taken on the way, and pyoxigraph turns the sorted N-Triples into Turtle
without holding them.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.export.oxigraph import full_iris, prefix_block

#: Runs merged into one larger run when this many have piled up (keeps open files bounded).
FAN_IN = 64
#: The merged graph's sorted N-Triples, left in the runs folder for the JSON-LD writer.
MERGED_NTRIPLES = "merged.nt"
#: Objects held before they are sorted into a run for the distinct-object count.
OBJECTS_PER_RUN = 500_000


@dataclass
class MergedStats:
    """Counts over the distinct triples of the merged graph, for ``void.ttl`` and the summary."""

    triples: int = 0
    subjects: int = 0
    objects: int = 0
    properties: Counter[str] = field(default_factory=Counter)
    classes: Counter[str] = field(default_factory=Counter)

    def take(self, line: bytes, new_subject: bool) -> bytes:
        """Count one distinct sort line; its object, for the distinct-object count."""
        self.triples += 1
        self.subjects += new_subject
        cut = line.index(b" ")
        end = line.index(b" ", cut + 2)
        predicate, obj = line[cut + 3:end - 1].decode("utf-8"), line[end + 1:-3]
        self.properties[predicate] += 1
        if line[cut + 1] == 48:  # b"0": rdf:type, and classes are IRIs
            self.classes[obj[1:-1].decode("utf-8")] += 1
        return obj


class Runs:
    """Sorted runs of sort lines in a scratch folder.

    >>> import tempfile
    >>> runs = Runs(Path(tempfile.mkdtemp()))
    >>> runs.add([b"<b> 1<p> <c> .\\n", b"<a> 1<p> <c> .\\n"]); runs.add([b"<a> 1<p> <c> .\\n"])
    >>> list(runs.merged())
    [b'<a> 1<p> <c> .\\n', b'<b> 1<p> <c> .\\n']
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.paths: list[Path] = []
        self._count = 0

    def add(self, lines: Iterable[bytes]) -> None:
        """One batch's lines, as a new run (merged with the others when :data:`FAN_IN` pile up)."""
        data = sorted(set(lines))
        if data:
            self.paths.append(self._write(data))
        if len(self.paths) >= FAN_IN:
            self.paths = [self._write(self.merged())]

    def merged(self) -> Iterator[bytes]:
        """Every distinct line of every run, in order."""
        with ExitStack() as stack:
            handles = [stack.enter_context(open(path, "rb")) for path in self.paths]
            previous = None
            for line in heapq.merge(*handles):
                if line != previous:
                    yield line
                    previous = line

    def _write(self, lines: Iterable[bytes]) -> Path:
        path = self.folder / f"run-{self._count:06d}.txt"
        self._count += 1
        with open(path, "wb") as handle:
            handle.writelines(lines)
        return path


def write_merged(runs: Runs, output: BinaryIO, prefixes: dict[str, str]) -> MergedStats:
    """Write the merged graph as canonical Turtle into ``output`` and return its counts.

    Objects are counted like the triples: sorted runs on disk merged at the end, so that a
    corpus with millions of distinct literals is counted exactly in flat memory.
    """
    stats = MergedStats()
    ntriples, body = runs.folder / MERGED_NTRIPLES, runs.folder / "merged.ttl"
    objects, pending = Runs(runs.folder / "objects"), []
    with open(ntriples, "wb") as handle:
        subject = b""
        for line in runs.merged():
            cut = line.index(b" ") + 1
            pending.append(stats.take(line, line[:cut] != subject) + b"\n")
            subject = line[:cut]
            handle.write(line[:cut] + line[cut + 1:])
            if len(pending) >= OBJECTS_PER_RUN:
                objects.add(pending)
                pending = []
    objects.add(pending)
    stats.objects = sum(1 for _ in objects.merged())
    ox.serialize(ox.parse(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES), output=str(body),
                 format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    output.write(prefix_block(prefixes) + b"\n")
    with open(body, "rb") as handle:
        line = handle.readline()
        while line.startswith(b"@prefix ") or line == b"\n":  # pyoxigraph's prefix lines come first
            line = handle.readline()
        output.writelines(full_iris(itertools.chain([line] if line else [], handle), prefixes))
    return stats
