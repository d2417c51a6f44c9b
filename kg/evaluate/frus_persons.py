"""Person extraction scored on FRUS volumes against their ``persName`` links.

Read as plain text (the markup thrown away), the scores measure the text rules;
read with the FRUS reader (``markup=True``), they measure the whole path from
TEI to actors, the markup used as the reader uses it. Every person found in a
document is counted: one that matches no linked name counts against precision
even when FRUS simply left it untagged. Each document is scored twice, without
and with its notes.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.evaluate.frus import iter_documents
from kg.evaluate.score import Counts, match_sets
from kg.extract.mentions import KnownNames
from kg.extract.record import extract_record
from kg.ingest import read_file
from kg.extract.record import text_entities
from kg.extract.routing import extract_routing
from kg.reconcile.authority import Authority

VIEWS = ("text", "text_with_notes")
MARKUP_VIEWS = ("markup", "markup_with_notes")


@dataclass
class FrusScores:
    """Person counts per volume and view, and the speed they were obtained at."""

    counts: dict[tuple[str, str], Counts] = field(default_factory=dict)
    documents: int = 0
    seconds: float = 0.0

    def total(self, view: str) -> Counts:
        total = Counts()
        for (_, seen), counts in self.counts.items():
            if seen == view:
                total.add(counts)
        return total

    def table(self) -> str:
        rows = [f"{'volume':<18}{'view':<17}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"]
        views = sorted({view for _, view in self.counts}, key=lambda v: (len(v), v))
        keys = sorted(self.counts) + [("all", view) for view in views]
        for volume, view in keys:
            c = self.total(view) if volume == "all" else self.counts[(volume, view)]
            rows.append(f"{volume:<18}{view:<17}{c.tp + c.fn:>6}{c.tp + c.fp:>6}{c.tp:>6}"
                        f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
        speed = self.documents / self.seconds if self.seconds else 0.0
        return "\n".join(rows) + f"\n({self.documents} document readings, {speed:.0f} per second)\n"


def evaluate_frus(folder: Path, authorities: Sequence[Path] = (), markup: bool = False) -> FrusScores:
    """Score person extraction on every dated document of the FRUS files in ``folder``."""
    known = Authority.load(authorities).known_names()
    if markup:
        return _evaluate_markup(folder, known)
    scores = FrusScores()
    started = time.perf_counter()
    for document in iter_documents(folder):
        for view in VIEWS:
            text = getattr(document, view)
            gold = document.gold if view == "text" else document.gold_with_notes
            people = [e for e in text_entities(text, extract_routing(text), known=known) if e.kind == "person"]
            counts = match_sets([[e.name, *e.forms] for e in people], [list(g.names) for g in gold])
            scores.counts.setdefault((document.volume, view), Counts()).add(counts)
            scores.documents += 1
    scores.seconds = time.perf_counter() - started
    return scores


def _evaluate_markup(folder: Path, known: KnownNames) -> FrusScores:
    """Read each volume with the FRUS reader and extraction; persons named only in notes count with notes."""
    gold = {(document.volume, document.id): document for document in iter_documents(folder)}
    scores = FrusScores()
    started = time.perf_counter()
    for path in sorted(Path(folder).glob("*.xml")):
        for source in read_file(path, "frus"):
            record = extract_record(source, known).record
            if record is None:
                continue
            volume, _, doc_id = record.record_id.rpartition("-")
            document = gold[(volume, doc_id)]
            people = [e for e in record.entities if e.kind == "person"]
            outside = [e for e in people if any(m.source != "notes" for m in e.mentions)]
            for view, found, wanted in (("markup", outside, document.gold),
                                        ("markup_with_notes", people, document.gold_with_notes)):
                counts = match_sets([[e.name, *e.forms] for e in found], [list(g.names) for g in wanted])
                scores.counts.setdefault((volume, view), Counts()).add(counts)
                scores.documents += 1
    scores.seconds = time.perf_counter() - started
    return scores
