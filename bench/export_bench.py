"""Time and memory of ``kg export`` on synthetic corpora, stage by stage.

    python bench/export_bench.py [SIZES ...] [--work DIR] [--json FILE] [--baseline]

For each size (default 1000 and 10000 documents) it generates a corpus with
bench/generate.py (reused when already there), runs the export in a child
process (so each size starts cold and its peak memory is its own) and reports
documents per second, seconds per stage (read, extract, reconcile, map,
validate, actor graph, write) and the child's peak resident memory, as a table
and, with --json, as JSON. With --baseline it also runs the naive baseline
(bench/baseline.py: one rdflib graph, rdflib's Turtle serializer, one pyshacl
run) on the same corpus, in its own child process, and shows it next to kg's
column with the ratios baseline/kg of total seconds and peak memory; each size's
JSON gets a "baseline" object.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import run_baseline  # noqa: E402
from generate import corpus  # noqa: E402

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from kg.pipeline import export
start = time.perf_counter()
result = export([Path(sys.argv[1])], Path(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - start, "documents": result.summary.documents,
                  "triples": result.summary.triples, "exit_code": result.exit_code, "stages": dict(result.timings),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(size: int, work: Path) -> dict[str, object]:
    """Export a corpus of ``size`` documents in a child process and return its measurements."""
    docs = corpus(size, work)
    done = subprocess.run([sys.executable, "-c", CHILD, str(docs), str(work / f"export-bench-{size}")],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the export of {size} documents failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["size"] = size
    result["documents_per_second"] = round(result["documents"] / result["seconds"], 1)
    return result


def _rows(columns: list[dict], missing: str) -> list[tuple[str, list[str]]]:
    """The table's rows, one value per column; ``missing`` stands for a stage a column does not have."""
    stages = list(dict.fromkeys(stage for r in columns for stage in r["stages"]))

    def stage_seconds(r: dict, stage: str) -> str:
        return f"{r['stages'][stage]:.1f}" if stage in r["stages"] else missing

    return [("documents", [f"{r['documents']:,}" for r in columns]),
            ("triples", [f"{r['triples']:,}" for r in columns]),
            ("total s", [f"{r['seconds']:.1f}" for r in columns]),
            ("documents/s", [f"{r['documents_per_second']}" for r in columns]),
            *((f"  {stage} s", [stage_seconds(r, stage) for r in columns]) for stage in stages),
            ("peak MB", [f"{r['peak_mb']:.0f}" for r in columns])]


def table(results: list[dict]) -> str:
    """The measurements as a plain-text table, one column per size."""
    rows = _rows(results, missing=f"{0:.1f}")
    return "\n".join(f"{name:16}" + "".join(f"{value:>12}" for value in values) for name, values in rows)


def ratios(kg: dict, baseline: dict) -> dict[str, float]:
    """How many times kg's total seconds and peak memory the baseline takes."""
    return {"seconds": round(baseline["seconds"] / kg["seconds"], 2),
            "peak_mb": round(baseline["peak_mb"] / kg["peak_mb"], 2)}


def side_by_side(results: list[dict]) -> str:
    """The measurements with ``--baseline``: kg's and the baseline's columns for each size, and their ratios."""
    columns = [column for r in results for column in (r, r["baseline"])]
    header = ("", [f"{name} {r['size']}" for r in results for name in ("kg", "baseline")])
    ratio_rows = [(f"ratio (baseline/kg) {label}",
                   [value for r in results for value in ("", f"{ratios(r, r['baseline'])[key]:.2f}")])
                  for label, key in (("total s", "seconds"), ("peak MB", "peak_mb"))]
    rows = [header, *_rows(columns, missing="-"), *ratio_rows]
    return "\n".join(f"{name:30}" + "".join(f"{value:>16}" for value in values) for name, values in rows)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for every size asked for, print the table and, with --json, write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path(__file__).resolve().parent / "work")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--baseline", action="store_true",
                        help="also run the naive baseline (bench/baseline.py) and show it side by side")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    results = [run(size, args.work) for size in args.sizes]
    if args.baseline:
        for result in results:
            result["baseline"] = run_baseline(result["size"], args.work)
            result["baseline"]["ratio_to_kg"] = ratios(result, result["baseline"])
    print(side_by_side(results) if args.baseline else table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
