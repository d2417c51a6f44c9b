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
    assert list(result["stages"]) == ["read", "extract", "reconcile", "map", "validate", "serialise", "write", "actor graph"]
    assert "documents/s" in capsys.readouterr().out


def test_baseline_holds_the_same_triples_as_the_export(tmp_path):
    from baseline import STEPS, run_baseline

    baseline = run_baseline(5, tmp_path)
    kg = export([tmp_path / "docs-5"], tmp_path / "out")
    assert baseline["documents"] == kg.summary.documents == 5 and baseline["conforms"] is True
    # One rdflib graph of every document's statements and evidence: kg's merged, non-lean graph.
    assert baseline["triples"] == kg.summary.triples > 0
    assert list(baseline["stages"]) == list(STEPS) and baseline["peak_mb"] > 0
    assert baseline["seconds"] >= sum(baseline["stages"].values()) and baseline["documents_per_second"] > 0
    assert (tmp_path / "baseline-5" / "graph.ttl").stat().st_size > 0


def test_export_bench_baseline_side_by_side(tmp_path, capsys):
    from export_bench import main as bench

    assert bench(["5", "--baseline", "--work", str(tmp_path), "--json", str(tmp_path / "bench.json")]) == 0
    [result] = json.loads((tmp_path / "bench.json").read_text("utf-8"))
    baseline = result["baseline"]
    assert baseline["size"] == result["size"] == 5 and baseline["triples"] == result["triples"]
    assert baseline["ratio_to_kg"]["seconds"] == round(baseline["seconds"] / result["seconds"], 2)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["kg", "5", "baseline", "5"]
    assert [line.split()[-1] for line in lines if line.startswith("ratio (baseline/kg)")] == [
        f"{baseline['ratio_to_kg']['seconds']:.2f}", f"{baseline['ratio_to_kg']['peak_mb']:.2f}"]
    assert any(line.split()[:2] == ["read+extract+reconcile", "s"] for line in lines)


def test_export_bench_table_without_baseline(tmp_path):
    from export_bench import table

    result = {"documents": 3, "triples": 1200, "seconds": 1.25, "documents_per_second": 2.4,
              "stages": {"read": 0.5, "write": 0.75}, "peak_mb": 99.6, "cores": 2}
    assert table([result]).splitlines() == [
        "cores                      2", "documents                  3", "triples                1,200", "total s                  1.2",
        "documents/s              2.4", "  read s                 0.5", "  write s                0.8",
        "peak MB                  100"]


def test_incremental_measurement_changes_one_percent_and_restores_the_corpus(tmp_path, capsys):
    from export_bench import main as bench

    assert bench(["12", "--work", str(tmp_path), "--jobs", "1", "--incremental", "--json", str(tmp_path / "b.json")]) == 0
    assert bench(["12", "--work", str(tmp_path), "--jobs", "1", "--incremental", "--json", str(tmp_path / "b.json")]) == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "docs-12").iterdir()}
    [result] = json.loads((tmp_path / "b.json").read_text("utf-8"))
    incremental = result["incremental"]
    assert incremental["changed_files"] == incremental["files_read"] == 1
    assert incremental["cold_files_read"] == 12  # the second benchmark's first run is cold too
    assert 1 <= incremental["documents_rendered"] < 12 and 0 < incremental["ratio"] < 1
    assert result["cores"] >= 1 and "incremental: ratio" in capsys.readouterr().out
    generate(12, tmp_path / "fresh")
    assert {p.name: p.read_bytes() for p in (tmp_path / "fresh").iterdir()} == before


def test_every_bench_script_compiles(tmp_path):
    """The benchmarks run on demand, never in the suite: at least they must parse (a broken script once did not)."""
    import py_compile

    for script in sorted((Path(__file__).resolve().parents[1] / "bench").glob("*.py")):
        py_compile.compile(str(script), doraise=True, cfile=str(tmp_path / f"{script.stem}.pyc"))
