"""Precision, recall and F1 of predicted values against gold values, field by field.

Names match after folding case, punctuation, brackets and honorifics; a
predicted actor matches a gold one when any of its labels matches the gold
name or one of its aliases, each gold and predicted item matched at most once.
Counts are summed over documents (micro-average).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from kg.extract.lexicon import TITLES

_HONORIFIC = re.compile(r"^(?:(?:%s)\s+)+" % "|".join(re.escape(t) for t in TITLES if not t.endswith(".")) + "|"
                        r"^(?:Cde\.|Mr\.|Mrs\.|Dr\.)\s+")


def fold(name: str) -> str:
    """The matching key of a name.

    >>> fold("Comrade Zhou [Enlai]") == fold("zhou enlai"), fold("the Soviet Union") == fold("Soviet Union")
    (True, True)
    """
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = _HONORIFIC.sub("", name.strip())
    name = re.sub(r"['\u2019]s\b", "", name)
    name = re.sub(r"[^\w\s]", " ", name.casefold())
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", name).strip())


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


def match_sets(predicted: Iterable[Iterable[str]], gold: Iterable[Iterable[str]]) -> Counts:
    """Match items given as sets of names (label and other forms), one to one.

    >>> c = match_sets([["Zhou Enlai", "Zhou"], ["Liu Xiao"]], [["Zhou Enlai"], ["Chen Yi"]])
    >>> (c.tp, c.fp, c.fn)
    (1, 1, 1)
    """
    predicted_keys = [{fold(n) for n in names} - {""} for names in predicted]
    gold_keys = [{fold(n) for n in names} - {""} for names in gold]
    used: set[int] = set()
    tp = 0
    for keys in gold_keys:
        hit = next((i for i, p in enumerate(predicted_keys) if i not in used and keys & p), None)
        if hit is not None:
            used.add(hit)
            tp += 1
    return Counts(tp, len(predicted_keys) - tp, len(gold_keys) - tp)


def match_value(predicted: str | None, gold: str | None) -> Counts:
    """A single-valued field: right, wrong (one false positive and one false negative), missing or extra."""
    if predicted is None and gold is None:
        return Counts()
    if predicted is None:
        return Counts(fn=1)
    if gold is None:
        return Counts(fp=1)
    return Counts(tp=1) if fold(predicted) == fold(gold) else Counts(fp=1, fn=1)
