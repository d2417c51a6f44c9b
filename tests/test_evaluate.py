"""Evaluation: the scorer, the gold files, the FRUS person score and ``kg evaluate``."""

from __future__ import annotations

import json

import pytest

from corpus import EXAMPLES, ROOT, seed_path
from kg.cli import main
from kg.evaluate.frus_persons import evaluate_frus
from kg.evaluate.gold import FIELDS, evaluate_gold
from kg.evaluate.score import Counts, fold, match_sets, match_value

GOLD = ROOT / "evaluation" / "gold"
FRUS = ROOT.parent / "shared" / "data" / "frus"
KEYS = ["id", "url", "date", "title", "doc_type", "archive_ref", "translator", "funders", "original_language",
        "senders", "recipients", "persons", "organizations", "places", "urgency", "classification",
        "mentioned_documents", "events"]


def test_gold_files_follow_the_schema_and_the_split_covers_them():
    split = json.loads((GOLD / "split.json").read_text("utf-8"))
    stems = {p.stem for p in GOLD.glob("wilson-*.json")}
    assert sorted(split["dev"] + split["test"]) == sorted(stems) and not set(split["dev"]) & set(split["test"])
    assert stems == {p.stem for p in EXAMPLES.glob("wilson-*.txt")} | {seed_path().stem}
    for stem in stems:
        gold = json.loads((GOLD / f"{stem}.json").read_text("utf-8"))
        assert list(gold) == KEYS, stem
        assert all(set(e) >= {"name", "aliases"} for kind in ("persons", "organizations", "places") for e in gold[kind])


def test_folding_and_one_to_one_matching():
    assert fold("Comrade Zhou [Enlai]") == fold("Zhou Enlai") == fold("ZHOU ENLAI")
    assert fold("Chervonenko's") == "chervonenko"
    counts = match_sets([["Zhou Enlai", "Zhou"], ["Zhou"]], [["Zhou Enlai"]])
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)
    assert match_value("1962-04-25", "1962-04-24").__dict__ == {"tp": 0, "fp": 1, "fn": 1}
    assert Counts(tp=9, fp=1, fn=0).f1 == pytest.approx(0.947, abs=1e-3)


def test_scores_on_the_held_out_half():
    """The project's targets on documents the rules were not tuned on."""
    scores = evaluate_gold(GOLD, [EXAMPLES, seed_path()], "test").fields
    assert len(FIELDS) == 12
    for name in ("persons", "places", "senders", "recipients"):
        assert scores[name].f1 >= 0.90, name
    assert scores["organizations"].f1 >= 0.85
    for name in ("date", "doc_type", "archive_ref", "translator", "funders", "urgency", "classification"):
        assert scores[name].f1 == 1.0, name


def test_frus_person_recall_and_precision_without_notes():
    scores = evaluate_frus(FRUS)
    total = scores.total("text")
    assert total.recall >= 0.95 and total.precision >= 0.75
    assert scores.documents == 2 * 19


def test_cli_prints_the_table_and_json(capsys):
    assert main(["evaluate", "--gold", str(GOLD), "--split", "dev", str(EXAMPLES), str(seed_path())]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split() == ["field", "gold", "pred", "tp", "P", "R", "F1"]
    assert "(11 documents)" in table
    assert main(["evaluate", "--gold", str(GOLD), "--json", str(EXAMPLES)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["fields"]) == set(FIELDS) and len(data["documents"]) == 20


def test_cli_input_errors(tmp_path, capsys):
    assert main(["evaluate", "--gold", str(tmp_path / "missing")]) == 2
    (tmp_path / "split.json").write_text('{"dev": []}', "utf-8")
    assert main(["evaluate", "--gold", str(tmp_path), "--split", "test"]) == 2
    assert "no split named 'test'" in capsys.readouterr().err
