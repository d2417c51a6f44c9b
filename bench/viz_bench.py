"""How the actor map copes with a large network: 5,000 actors and 50,000 relations by default.

    python bench/viz_bench.py [--nodes N] [--edges M] [--json FILE] [--keep DIR]

Builds a synthetic actor graph (fixed seed; actors of the three types, relations
of the four kinds over ten years, a few hubs as in real correspondence series),
times the page's construction in Python (layout, measures, HTML), then opens the
page in Debian's headless Chromium and reads what the page measured itself: the
time from navigation start to the first painted frame, and the time of each of
60 frames of a simulated drag (software rendering: headless, no GPU).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from kg.network.html import render_html  # noqa: E402

TYPES = ("Person", "Person", "Person", "Organization", "Place")
RELATIONS = ("sent_to", "delivered_to", "met", "co_mentioned")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1400,900"]


def synthetic(nodes: int, edges: int, seed: int = 1962) -> nx.MultiDiGraph:
    """A MultiDiGraph with the node and edge attributes kg's actor graph carries."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    names = [f"https://example.org/actor/{i}" for i in range(nodes)]
    for i, name in enumerate(names):
        graph.add_node(name, label=f"Actor {i}", type=TYPES[i % len(TYPES)], posts="")
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(nodes)]  # a few hubs, a long tail
    for j in range(edges):
        source, target = rng.choices(names, weights=weights, k=2)
        if source == target:
            target = names[(names.index(source) + 1) % nodes]
        day = f"{1955 + rng.randrange(10)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        graph.add_edge(source, target, relation=rng.choice(RELATIONS), document=f"https://example.org/doc/{j}",
                       title=f"Document {j}", date=day, date_min=day, date_max=day)
    return graph


def browse(page: Path) -> dict:
    """Open the page with #bench in headless Chromium and return what it measured."""
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("no chromium on PATH: install Debian's (apt-get install chromium), as make test does")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", f"{page.as_uri()}#bench"],
                              capture_output=True, text=True, timeout=600, check=False)
    found = re.search(r'<pre id="selftest">([^<]*)</pre>', done.stdout)
    if done.returncode != 0 or not found or not found.group(1):
        raise SystemExit(f"chromium did not report: {done.stderr[-2000:]}")
    return json.loads(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=50000)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--keep", type=Path, help="keep the page in this folder")
    args = parser.parse_args(argv)
    graph = synthetic(args.nodes, args.edges)
    start = time.perf_counter()
    page_html = render_html(graph, title="Benchmark")
    build = time.perf_counter() - start
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-viz-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "actors.html"
    page.write_text(page_html, encoding="utf-8")
    measured = browse(page)
    frames = sorted(measured["frameMs"])
    result = {"nodes": measured["nodes"], "edges_drawn_as_lines": measured["edges"], "relations": args.edges,
              "page_mb": round(page.stat().st_size / 1e6, 1), "build_s": round(build, 1),
              "first_draw_ms": round(measured["firstDrawMs"]), "frame_ms_median": round(statistics.median(frames), 1),
              "frame_ms_p95": round(frames[int(0.95 * (len(frames) - 1))], 1), "frames": len(frames)}
    for key, value in result.items():
        print(f"{key:22} {value}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
