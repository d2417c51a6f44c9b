"""Coverage-guided fuzzing of kg's readers and extractor with atheris, for a time budget.

    python bench/fuzz.py [--seconds 600] [--work bench/work/fuzz] [--json FILE]

A child process runs atheris (libFuzzer) over file contents, starting from a
corpus of the project's examples, a FRUS volume, a CMIF file and small tables;
each input is written to a file with a suffix the input picks and read with
:func:`kg.pipeline.corpus.read_one` under the per-file time limit. The
property: a file is read into records or reported as a problem with a known
code, never ``internal-error`` (an uncaught exception) and never ``time-limit``
(a hang). Every failing input is saved under ``WORK/failures/`` and the run
goes on; the parent prints the inputs tried, the failures and the distinct
problem codes seen. Needs ``pip install atheris`` (the ``fuzz`` extra).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SUFFIXES = (".txt", ".xml", ".csv", ".jsonl", ".tsv")


def seed_corpus(folder: Path) -> None:
    """The starting inputs: every example, a FRUS excerpt, the CMIF reference example, two small tables."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted((ROOT / "examples").glob("*.txt"))
    sources += [p for p in (SHARED / "frus" / "frus1961-63v06.excerpt.xml", SHARED / "cmif" / "example01_basic.xml")
                if p.exists()]
    for index, path in enumerate(sources):
        (folder / f"seed-{index:03d}").write_bytes(bytes([index % len(SUFFIXES)]) + path.read_bytes())
    (folder / "seed-table").write_bytes(b"\x02Title,Date,From,To\nCable,1962-04-25,Ministry of Foreign Affairs,X\n")
    (folder / "seed-jsonl").write_bytes(b'\x03{"title": "Cable", "date": "1962-04", "from": "Chen Yi"}\n')


def child(seconds: int, work: Path) -> None:
    """Run atheris in this process; statistics go to ``work/stats.json`` as the run goes."""
    import atheris

    with atheris.instrument_imports():
        from kg.extract.mentions import KnownNames
        from kg.pipeline.corpus import read_one
        from kg.pipeline.limits import ReadOptions
        from kg.reconcile.authority import Authority

    known: KnownNames = Authority.load().known_names()
    scratch, failures = work / "scratch", work / "failures"
    scratch.mkdir(parents=True, exist_ok=True)
    failures.mkdir(parents=True, exist_ok=True)
    stats = {"inputs": 0, "failures": 0, "codes": {}, "records": 0, "started": time.time()}

    def save() -> None:
        stats["seconds"] = round(time.time() - stats["started"], 1)  # type: ignore[operator]
        (work / "stats.json").write_text(json.dumps(stats, indent=1, sort_keys=True), "utf-8")

    def one_input(data: bytes) -> None:
        suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ".txt"
        path = scratch / f"input{suffix}"
        path.write_bytes(data[1:])
        outcome = read_one(path, None, known, ReadOptions(time_limit=20))
        codes = [outcome.problem.code] if outcome.problem else [p.code for r in outcome.readings for p in r.problems]
        stats["inputs"] += 1  # type: ignore[operator]
        stats["records"] += sum(1 for r in outcome.readings if r.record is not None)  # type: ignore[operator]
        for code in codes:
            stats["codes"][code] = stats["codes"].get(code, 0) + 1  # type: ignore[index,union-attr]
        if "internal-error" in codes or "time-limit" in codes:
            stats["failures"] += 1  # type: ignore[operator]
            name = hashlib.sha256(data).hexdigest()[:16] + suffix
            (failures / name).write_bytes(data[1:])
            message = outcome.problem.message if outcome.problem else str(codes)
            (failures / f"{name}.problem.txt").write_text(message, "utf-8")
            save()
        elif stats["inputs"] % 20 == 0:  # type: ignore[operator]  (libFuzzer may exit without returning)
            save()

    corpus = work / "corpus"
    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-timeout=60", "-rss_limit_mb=4096",
                   "-max_len=200000", "-print_final_stats=1", str(corpus)], one_input)
    try:
        atheris.Fuzz()
    finally:
        save()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=600, help="time budget (default 600)")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "work" / "fuzz", help="working folder")
    parser.add_argument("--json", type=Path, help="also write the statistics to this file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.seconds, args.work)
        return 0
    shutil.rmtree(args.work / "scratch", ignore_errors=True)
    seed_corpus(args.work / "corpus")
    env = {**os.environ, "KG_NO_PROGRESS": "1"}
    started = time.perf_counter()
    run = subprocess.run([sys.executable, __file__, "--child", "--seconds", str(args.seconds), "--work",
                          str(args.work)], env=env, cwd=ROOT, capture_output=True, text=True)
    stats = json.loads((args.work / "stats.json").read_text("utf-8"))
    stats["wall_seconds"] = round(time.perf_counter() - started, 1)
    stats["atheris_exit"] = run.returncode
    stats["atheris_tail"] = run.stderr.strip().splitlines()[-6:]
    print(f"inputs tried   {stats['inputs']:,}\nrecords read   {stats['records']:,}\n"
          f"failures       {stats['failures']}  (saved in {args.work / 'failures'})\n"
          f"seconds        {stats['wall_seconds']}\nproblem codes  "
          + ", ".join(f"{k} {v:,}" for k, v in sorted(stats["codes"].items())))
    if args.json:
        args.json.write_text(json.dumps(stats, indent=1, sort_keys=True), "utf-8")
    return 1 if stats["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
