"""Scoring the extraction against gold files: one JSON per document, same file stem as the document.

The gold schema is described in ``evaluation/gold/README.md``; ``split.json``
beside the gold files names the documents rules were tuned on (``dev``) and
those kept for reporting (``test``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.evaluate.score import Counts, match_sets, match_value
from kg.model import Actor, ResolvedDocument
from kg.pipeline import resolve_corpus
from kg.reconcile.mint import Minter

FIELDS = ("senders", "recipients", "persons", "organizations", "places", "date", "doc_type", "archive_ref",
          "translator", "funders", "urgency", "classification")
_KINDS = {"MemorandumOfConversation": "memorandum of conversation", "RecordOfConversation": "record of conversation",
          "Document": "other"}


@dataclass
class Scores:
    """Counts per field, summed over the documents scored."""

    documents: list[str] = field(default_factory=list)
    fields: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in FIELDS})

    def table(self) -> str:
        """A plain-text table: field, gold, predicted, correct, precision, recall, F1."""
        rows = [f"{'field':<16}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"]
        for name, c in self.fields.items():
            rows.append(f"{name:<16}{c.tp + c.fn:>6}{c.tp + c.fp:>6}{c.tp:>6}"
                        f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
        return "\n".join(rows) + f"\n({len(self.documents)} documents)\n"

    def as_dict(self) -> dict[str, object]:
        return {"documents": self.documents, "fields": {
            name: {"gold": c.tp + c.fn, "predicted": c.tp + c.fp, "tp": c.tp, "precision": round(c.precision, 4),
                   "recall": round(c.recall, 4), "f1": round(c.f1, 4)} for name, c in self.fields.items()}}


def load_split(gold_dir: Path, split: str) -> set[str] | None:
    """The stems of one half of the split (``dev`` or ``test``), or ``None`` for all."""
    if split == "all":
        return None
    path = gold_dir / "split.json"
    data = json.loads(path.read_text("utf-8"))
    if split not in data:
        raise ValueError(f"{path}: no split named {split!r}; known: {', '.join(sorted(data))}, all")
    return set(data[split])


def evaluate_gold(gold_dir: Path, paths: Sequence[Path], split: str = "all",
                  authorities: Sequence[Path] = ()) -> Scores:
    """Run the extraction over ``paths`` and score every document that has a gold file."""
    wanted = load_split(gold_dir, split)
    corpus = resolve_corpus(paths, Minter(), authorities=authorities)
    scores = Scores()
    for doc in sorted(corpus.documents, key=lambda d: d.record.path):
        stem = Path(doc.record.path).stem
        gold_path = gold_dir / f"{stem}.json"
        if (wanted is not None and stem not in wanted) or not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text("utf-8"))
        scores.documents.append(stem)
        for name, counts in score_document(doc, gold).items():
            scores.fields[name].add(counts)
    return scores


def _names(actor: Actor) -> list[str]:
    return [actor.label, *actor.alt_labels]


def _gold_actors(gold: dict, names: list[str]) -> list[list[str]]:
    """Gold names of senders/recipients, with the aliases their entity entries give."""
    aliases = {entry["name"]: entry.get("aliases", []) for kind in ("persons", "organizations", "places")
               for entry in gold.get(kind, [])}
    return [[name, *aliases.get(name, [])] for name in names]


def score_document(doc: ResolvedDocument, gold: dict) -> dict[str, Counts]:
    """Counts per field for one document."""
    record = doc.record
    kinds = {"persons": "person", "organizations": "organization", "places": "place"}
    result = {
        "senders": match_sets([_names(a) for a in doc.senders], _gold_actors(gold, gold["senders"])),
        "recipients": match_sets([_names(a) for a in doc.recipients], _gold_actors(gold, gold["recipients"])),
        "date": match_value(record.date.iso, gold["date"]),
        "doc_type": match_value(_KINDS.get(record.kind, record.kind.lower()), gold["doc_type"]),
        "archive_ref": match_value(record.reference, gold["archive_ref"]),
        "translator": match_sets([_names(a) for a in doc.translators],
                                 [[n] for n in (gold["translator"] or "").split(" and ") if n]),
        "funders": match_sets([_names(a) for a in doc.funders], [[n] for n in gold["funders"]]),
        "urgency": match_value(doc.urgency.label if doc.urgency else None, gold["urgency"]),
        "classification": match_value(record.classification, gold["classification"]),
    }
    for name, kind in kinds.items():
        predicted = [_names(a) for a in doc.mentioned if a.kind == kind]
        result[name] = match_sets(predicted, [[e["name"], *e.get("aliases", [])] for e in gold[name]])
    return result
