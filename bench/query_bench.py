"""Load and query times of the embedded engine (pyoxigraph) against plain rdflib, on the same export.

    python bench/query_bench.py [SIZES ...] [--work DIR] [--budget SECONDS] [--json FILE]

For each size (default 1000 and 10000 documents) it generates a synthetic corpus
(bench/generate.py), exports it with ``kg export`` (reused when already there),
then times loading ``graph.nq`` and running every catalogue query: once in a
pyoxigraph store, once in an rdflib ``Dataset``. rdflib runs in a child process
with a time budget; queries it has not finished by then are reported as such.
"""

from __future__ import annotations

import argparse
import json
import select
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

from kg.pipeline import export  # noqa: E402
from kg.query.catalogue import catalogue  # noqa: E402

RDFLIB_CHILD = r"""
import sys, time, json
from rdflib import Dataset
sys.setrecursionlimit(10000)
queries = json.loads(sys.stdin.read())
started = time.perf_counter()
dataset = Dataset()
dataset.parse(sys.argv[1], format="nquads")
print(json.dumps({"load": time.perf_counter() - started}), flush=True)
for name, text in queries.items():
    started = time.perf_counter()
    rows = len(list(dataset.query(text)))
    print(json.dumps({"query": name, "seconds": time.perf_counter() - started, "rows": rows}), flush=True)
"""


def corpus(size: int, work: Path) -> Path:
    out = work / f"export-{size}"
    if not (out / "graph.nq").is_file():
        docs = work / f"docs-{size}"
        if not docs.is_dir():
            generate(size, docs)
        started = time.perf_counter()
        export([docs], out)
        print(f"exported {size} documents in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return out


def oxigraph_times(dump: Path, queries: dict[str, str]) -> dict[str, object]:
    started = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    result: dict[str, object] = {"load": time.perf_counter() - started, "queries": {}}
    for name, text in queries.items():
        started = time.perf_counter()
        rows = len(list(store.query(text)))
        result["queries"][name] = {"seconds": time.perf_counter() - started, "rows": rows}  # type: ignore[index]
    return result


def rdflib_times(dump: Path, queries: dict[str, str], budget: float) -> dict[str, object]:
    child = subprocess.Popen([sys.executable, "-c", RDFLIB_CHILD, str(dump)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdin and child.stdout
    child.stdin.write(json.dumps(queries))
    child.stdin.close()
    result: dict[str, object] = {"load": None, "queries": {}}
    deadline = time.monotonic() + budget
    try:
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([child.stdout], [], [], left)
            if not ready:
                break
            line = child.stdout.readline()
            if not line:
                break
            item = json.loads(line)
            if "load" in item:
                result["load"] = item["load"]
            else:
                result["queries"][item["query"]] = {"seconds": item["seconds"], "rows": item["rows"]}  # type: ignore[index]
    finally:
        child.kill()
        child.wait()
    return result


def table(size: int, triples: int, ox_times: dict, rdf_times: dict, budget: float) -> str:
    lines = [f"## {size} documents ({triples} statements)", "",
             "| step | pyoxigraph (s) | rdflib (s) | ratio | rows |", "|---|---|---|---|---|"]

    left = budget - (rdf_times["load"] or budget)  # what the budget left for queries after rdflib's load

    def row(name: str, fast: float, slow: float | None, rows: object = "") -> str:
        if slow is None:
            if left <= 0:
                return f"| {name} | {fast:.3f} | not reached (load took the budget) | | {rows} |"
            return f"| {name} | {fast:.3f} | unfinished after {left:.0f} | > {left / max(fast, 1e-6):.0f}x | {rows} |"
        return f"| {name} | {fast:.3f} | {slow:.3f} | {slow / max(fast, 1e-6):.0f}x | {rows} |"

    lines.append(row("load graph.nq", ox_times["load"], rdf_times["load"]))
    for name, measured in ox_times["queries"].items():
        slow = rdf_times["queries"].get(name)
        rows = measured["rows"] if not slow or slow["rows"] == measured["rows"] else \
            f"{measured['rows']} (rdflib: {slow['rows']})"
        lines.append(row(name, measured["seconds"], slow["seconds"] if slow else None, rows))
    done = [n for n in ox_times["queries"] if n in rdf_times["queries"]]
    fast_sum = sum(ox_times["queries"][n]["seconds"] for n in done)
    slow_sum = sum(rdf_times["queries"][n]["seconds"] for n in done)
    if done:
        lines.append(f"| all queries rdflib finished ({len(done)}) | {fast_sum:.3f} | {slow_sum:.3f} | "
                     f"{slow_sum / max(fast_sum, 1e-6):.0f}x | |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("bench/work"))
    parser.add_argument("--budget", type=float, default=600.0, help="seconds rdflib may take per size")
    parser.add_argument("--json", type=Path, help="also write the measurements as JSON")
    args = parser.parse_args()
    queries = {name: entry.text for name, entry in catalogue().items()}
    report = {}
    for size in args.sizes:
        dump = corpus(size, args.work) / "graph.nq"
        triples = sum(1 for _ in dump.open("rb"))
        ox_times, rdf_times = oxigraph_times(dump, queries), rdflib_times(dump, queries, args.budget)
        report[size] = {"statements": triples, "pyoxigraph": ox_times, "rdflib": rdf_times}
        print(table(size, triples, ox_times, rdf_times, args.budget))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), "utf-8")


if __name__ == "__main__":
    main()
