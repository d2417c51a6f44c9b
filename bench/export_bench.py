"""Time and memory of ``kg export`` on synthetic corpora, stage by stage.

    python bench/export_bench.py [SIZES ...] [--work DIR] [--json FILE]

For each size (default 1000 and 10000 documents) it generates a corpus with
bench/generate.py (reused when already there), runs the export in a child
process (so each size starts cold and its peak memory is its own) and reports
documents per second, seconds per stage (read, extract, reconcile, map,
validate, actor graph, write) and the child's peak resident memory, as a table
and, with --json, as JSON.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

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
    docs = work / f"docs-{size}"
    if not docs.is_dir() or len(list(docs.iterdir())) != size:
        generate(size, docs)
    done = subprocess.run([sys.executable, "-c", CHILD, str(docs), str(work / f"export-bench-{size}")],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the export of {size} documents failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["size"] = size
    result["documents_per_second"] = round(result["documents"] / result["seconds"], 1)
    return result


def table(results: list[dict]) -> str:
    """The measurements as a plain-text table, one column per size."""
    stages = list(dict.fromkeys(stage for r in results for stage in r["stages"]))
    rows = [("documents", [f"{r['documents']:,}" for r in results]),
            ("triples", [f"{r['triples']:,}" for r in results]),
            ("total s", [f"{r['seconds']:.1f}" for r in results]),
            ("documents/s", [f"{r['documents_per_second']}" for r in results]),
            *((f"  {stage} s", [f"{r['stages'].get(stage, 0):.1f}" for r in results]) for stage in stages),
            ("peak MB", [f"{r['peak_mb']:.0f}" for r in results])]
    return "\n".join(f"{name:16}" + "".join(f"{value:>12}" for value in values) for name, values in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path(__file__).resolve().parent / "work")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    results = [run(size, args.work) for size in args.sizes]
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
