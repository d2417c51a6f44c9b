"""The benchmark's corpus generator: deterministic, and its records read as the archive's layout."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kg.pipeline import export

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402


def test_same_seed_same_bytes_and_a_clean_export(tmp_path):
    first, second = generate(25, tmp_path / "a"), generate(25, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert generate(3, tmp_path / "c", seed=7)[0].read_bytes() != first[0].read_bytes()
    result = export([tmp_path / "a"], tmp_path / "out")
    assert result.exit_code == 0 and result.summary.documents == 25 and result.summary.skipped == 0
    assert not result.problems


def test_export_bench_reports_every_stage_and_peak_memory(tmp_path, capsys):
    from export_bench import main as bench

    assert bench(["12", "--work", str(tmp_path), "--json", str(tmp_path / "bench.json")]) == 0
    [result] = json.loads((tmp_path / "bench.json").read_text("utf-8"))
    assert result["documents"] == 12 and result["exit_code"] == 0 and result["peak_mb"] > 0
    assert list(result["stages"]) == ["read", "extract", "reconcile", "map", "validate", "actor graph", "write"]
    assert "documents/s" in capsys.readouterr().out
