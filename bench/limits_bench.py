"""Resource limits at full size: a 50 MB document and a corpus of 100,000 tiny files, timed, with peak memory.

    python bench/limits_bench.py [--tiny 100000] [--megabytes 50] [--work bench/work/limits] [--json FILE]

Each case runs ``kg export`` in a child process (so peak memory is its own) on
the example corpus plus the case's files, and reports seconds, peak MB, the
documents exported and the problem codes. The 50 MB document is run twice:
with the default size limit (refused unread, ``file-too-large``) and with the
limit lifted (stopped by the per-file time limit, ``time-limit``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys
from collections import Counter
from pathlib import Path
from kg.pipeline import export
from kg.pipeline.limits import ReadOptions
args = json.loads(sys.argv[1])
reading = ReadOptions(max_bytes=args["max_bytes"], time_limit=args["time_limit"])
result = export([Path(p) for p in args["paths"]], Path(args["out"]), reading=reading)
peak = max(resource.getrusage(w).ru_maxrss for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
print(json.dumps({"documents": result.summary.documents, "peak_mb": round(peak),
                  "codes": dict(Counter(p.code for p in result.problems))}))
"""


def big_document(folder: Path, megabytes: int) -> Path:
    """A Wilson record whose text runs to ``megabytes`` MB (a paragraph repeated)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "wilson-999999.txt"
    paragraph = "\n\nComrade Zhou Enlai met Ambassador Chervonenko in Beijing on 25 April 1962 about the border."
    record = (ROOT / "examples" / "wilson-900101.txt").read_text("utf-8")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(record)
        for _ in range(megabytes * 2**20 // len(paragraph)):
            handle.write(paragraph)
    return path


def tiny_files(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"note-{number:06d}.txt").write_text(f"note {number}\n", encoding="utf-8")
    return folder


def run(name: str, paths: list[Path], out: Path, max_bytes: int | None, time_limit: float | None) -> dict:
    arguments = json.dumps({"paths": [str(p) for p in paths], "out": str(out), "max_bytes": max_bytes,
                            "time_limit": time_limit})
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, arguments], cwd=ROOT, capture_output=True, text=True,
                          check=True, env={"KG_NO_PROGRESS": "1", "PATH": "/usr/bin:/bin"})
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result.update(case=name, seconds=round(time.perf_counter() - start, 1))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tiny", type=int, default=100_000, help="number of tiny files (default 100000)")
    parser.add_argument("--megabytes", type=int, default=50, help="size of the big document (default 50)")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "work" / "limits")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    shutil.rmtree(args.work, ignore_errors=True)
    examples = ROOT / "examples"
    big = big_document(args.work / "big", args.megabytes)
    tiny = tiny_files(args.work / "tiny", args.tiny)
    results = [
        run(f"{args.megabytes} MB document, default limits", [examples, big], args.work / "out-big", 32 * 2**20, 120),
        run(f"{args.megabytes} MB document, no size limit, 60 s", [examples, big], args.work / "out-big2", None, 60),
        run(f"{args.tiny:,} tiny files", [examples, tiny], args.work / "out-tiny", 32 * 2**20, 120),
    ]
    for r in results:
        codes = ", ".join(f"{k} {v:,}" for k, v in sorted(r["codes"].items()))
        print(f"{r['case']:<42} {r['seconds']:>7.1f} s {r['peak_mb']:>6} MB  {r['documents']} documents  {codes}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
