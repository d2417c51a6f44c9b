"""Person extraction scored on FRUS volumes read as plain text, against their ``persName`` links.

Every person the extractor finds in a document is counted: one that matches no
linked name counts against precision even when FRUS simply left it untagged.
Each document is scored twice, without and with its notes.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.evaluate.frus import iter_documents
from kg.evaluate.score import Counts, match_sets
from kg.extract.record import text_entities
from kg.extract.routing import extract_routing
from kg.reconcile.authority import Authority

VIEWS = ("text", "text_with_notes")


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
        keys = sorted(self.counts) + [("all", view) for view in VIEWS]
        for volume, view in keys:
            c = self.total(view) if volume == "all" else self.counts[(volume, view)]
            rows.append(f"{volume:<18}{view:<17}{c.tp + c.fn:>6}{c.tp + c.fp:>6}{c.tp:>6}"
                        f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
        speed = self.documents / self.seconds if self.seconds else 0.0
        return "\n".join(rows) + f"\n({self.documents} document readings, {speed:.0f} per second)\n"


def evaluate_frus(folder: Path, authorities: Sequence[Path] = ()) -> FrusScores:
    """Score person extraction on every dated document of the FRUS files in ``folder``."""
    known = Authority.load(authorities).known_names()
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
