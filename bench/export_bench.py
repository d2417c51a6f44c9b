"""Time and memory of ``kg export`` on synthetic corpora, stage by stage.

    python bench/export_bench.py [SIZES ...] [--work DIR] [--json FILE] [--baseline] [--incremental] [--jobs N]

For each size (default 1000 and 10000 documents) it generates a corpus with
bench/generate.py (reused when already there), runs the export in a child
process (so each size starts cold and its peak memory is its own) and reports
documents per second, seconds per stage (read, extract, reconcile, map,
validate, actor graph, write) and the child's peak resident memory, as a table
and, with --json, as JSON. With --baseline it also runs the naive baseline
(bench/baseline.py: one rdflib graph, rdflib's Turtle serializer, one pyshacl
run) on the same corpus, in its own child process, and shows it next to kg's
column with the ratios baseline/kg of total seconds and peak memory; each size's
JSON gets a "baseline" object. With --incremental it also times a cold
``--incremental`` export and a second one after changing every hundredth
document (1%), and their ratio. Peak memory counts kg's worker processes too
(the largest of the parent's and any one child's resident set).
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
import json, os, resource, sys, time
from pathlib import Path
from kg.pipeline import export
jobs = int(sys.argv[3]) if sys.argv[3] != "0" else None
start = time.perf_counter()
result = export([Path(sys.argv[1])], Path(sys.argv[2]), jobs=jobs)
seconds = time.perf_counter() - start
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
print(json.dumps({"seconds": seconds, "documents": result.summary.documents, "triples": result.summary.triples,
                  "exit_code": result.exit_code, "stages": dict(result.timings), "peak_mb": peak,
                  "cores": len(os.sched_getaffinity(0))}))
"""

#: An incremental re-export after changing every hundredth document (1%), in a child process.
CHILD_INCREMENTAL = r"""
import json, shutil, sys, time
from pathlib import Path
from kg.pipeline import export
from kg.pipeline.cache import FOLDER
docs, out = Path(sys.argv[1]), Path(sys.argv[2])
shutil.rmtree(out / FOLDER, ignore_errors=True)  # the first run must be cold, whatever ran before
jobs = int(sys.argv[3]) if sys.argv[3] != "0" else None
start = time.perf_counter()
first = export([docs], out, jobs=jobs, incremental=True)
cold = time.perf_counter() - start
NL = bytes([10])
changed = {path: path.read_bytes() for path in sorted(docs.iterdir())[::100]}
try:
    for path, data in changed.items():
        path.write_bytes(data.replace(b"Summary:" + NL + NL, b"Summary:" + NL + NL + b"Revised. ", 1) + NL)
    start = time.perf_counter()
    result = export([docs], out, jobs=jobs, incremental=True)
    again = time.perf_counter() - start
finally:
    for path, data in changed.items():
        path.write_bytes(data)
print(json.dumps({"cold_seconds": cold, "cold_files_read": first.redone[0], "incremental_seconds": again,
                  "changed_files": len(changed),
                  "files_read": result.redone[0], "documents_rendered": result.redone[1]}))
"""


def _child(script: str, size: int, work: Path, name: str, jobs: int | None) -> dict:
    docs = corpus(size, work)
    done = subprocess.run([sys.executable, "-c", script, str(docs), str(work / f"{name}-{size}"), str(jobs or 0)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the export of {size} documents failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(size: int, work: Path, jobs: int | None = None) -> dict[str, object]:
    """Export a corpus of ``size`` documents in a child process and return its measurements."""
    result = _child(CHILD, size, work, "export-bench", jobs)
    result["size"] = size
    result["documents_per_second"] = round(result["documents"] / result["seconds"], 1)
    return result


def run_incremental(size: int, work: Path, jobs: int | None = None) -> dict[str, object]:
    """A cold ``--incremental`` export, then one after changing 1% of the documents, and their ratio."""
    result = _child(CHILD_INCREMENTAL, size, work, "export-incremental", jobs)
    result["ratio"] = round(result["incremental_seconds"] / result["cold_seconds"], 3)
    return result


def _rows(columns: list[dict], missing: str) -> list[tuple[str, list[str]]]:
    """The table's rows, one value per column; ``missing`` stands for a stage a column does not have."""
    stages = list(dict.fromkeys(stage for r in columns for stage in r["stages"]))

    def stage_seconds(r: dict, stage: str) -> str:
        return f"{r['stages'][stage]:.1f}" if stage in r["stages"] else missing

    return [("cores", [f"{r['cores']}" if "cores" in r else missing for r in columns]),
            ("documents", [f"{r['documents']:,}" for r in columns]),
            ("triples", [f"{r['triples']:,}" for r in columns]),
            ("total s", [f"{r['seconds']:.1f}" for r in columns]),
            ("documents/s", [f"{r['documents_per_second']}" for r in columns]),
            *((f"  {stage} s", [stage_seconds(r, stage) for r in columns]) for stage in stages),
            ("peak MB", [f"{r['peak_mb']:.0f}" for r in columns])]


def table(results: list[dict]) -> str:
    """The measurements as a plain-text table, one column per size."""
    rows = _rows(results, missing=f"{0:.1f}") + _incremental_rows(results, None)
    return "\n".join(f"{name:16}" + "".join(f"{value:>12}" for value in values) for name, values in rows)


def _incremental_rows(results: list[dict], gap: str | None) -> list[tuple[str, list[str]]]:
    """The rows of the incremental measurement (``gap`` fills the baseline's columns side by side)."""
    if not any("incremental" in r for r in results):
        return []

    def cells(key: str, fmt: str) -> list[str]:
        values = [fmt.format(r["incremental"][key]) if "incremental" in r else "-" for r in results]
        return values if gap is None else [v for value in values for v in (value, gap)]

    return [("incremental: cold s", cells("cold_seconds", "{:.1f}")),
            ("incremental: 1% changed s", cells("incremental_seconds", "{:.1f}")),
            ("incremental: ratio", cells("ratio", "{:.3f}"))]


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
    rows = [header, *_rows(columns, missing="-"), *ratio_rows, *_incremental_rows(results, "")]
    return "\n".join(f"{name:30}" + "".join(f"{value:>16}" for value in values) for name, values in rows)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for every size asked for, print the table and, with --json, write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path(__file__).resolve().parent / "work")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--baseline", action="store_true",
                        help="also run the naive baseline (bench/baseline.py) and show it side by side")
    parser.add_argument("--incremental", action="store_true",
                        help="also time an --incremental re-export after changing 1%% of the documents")
    parser.add_argument("--jobs", type=int, help="worker processes for kg (default: every core)")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    results = [run(size, args.work, args.jobs) for size in args.sizes]
    if args.incremental:
        for result in results:
            result["incremental"] = run_incremental(result["size"], args.work, args.jobs)
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
