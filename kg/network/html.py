"""The interactive actor map: one self-contained HTML file (data, script and style inlined; nothing fetched).

Positions come from a force-directed layout computed here (NetworkX, fixed
seed); the page draws on a canvas, so it needs no library and works offline
from disk. See ``kg/network/web/viz.js`` for what the page does.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import networkx as nx

from kg.network.measures import actor_metrics

_SCRIPT = Path(__file__).with_name("web") / "viz.js"
TYPE_COLOURS = {"Person": "#1f77b4", "Organization": "#d62728", "Place": "#2ca02c"}
RELATION_COLOURS = {"sent_to": "#444444", "delivered_to": "#ff7f0e", "met": "#9467bd", "co_mentioned": "#bbbbbb"}
MEASURES = ("pagerank", "betweenness", "weighted_in_degree", "weighted_out_degree", "documents")


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1] from a weighted force-directed layout (deterministic)."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for source, target in graph.edges():
        weight = simple.get_edge_data(source, target, {"weight": 0})["weight"] + 1
        simple.add_edge(source, target, weight=weight)
    if simple.number_of_nodes() == 0:
        return {}
    positions = nx.spring_layout(simple, seed=1962, weight="weight", iterations=60)
    return {node: (round(float(x), 4), round(float(y), 4)) for node, (x, y) in positions.items()}


def page_data(graph: nx.MultiDiGraph, measure: str = "pagerank") -> dict[str, object]:
    """Everything the page draws, as plain JSON-ready data."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; known: {', '.join(MEASURES)}")
    metrics = {row["iri"]: row for row in actor_metrics(graph).rows}
    values = [float(metrics[n][measure]) for n in graph.nodes] or [0.0]
    top = max(values) or 1.0
    positions = layout(graph)
    weights: dict[tuple[str, str, str], int] = {}
    spans: dict[tuple[str, str, str], list[str]] = {}
    documents: dict[str, dict[str, dict[str, str]]] = {n: {} for n in graph.nodes}
    for source, target, data in graph.edges(data=True):
        key = (source, target, data["relation"])
        weights[key] = weights.get(key, 0) + 1
        span = spans.setdefault(key, [data["date_min"], data["date_max"]])
        span[0], span[1] = min(span[0], data["date_min"]), max(span[1], data["date_max"])
        for node in (source, target):
            documents[node][data["document"]] = {"title": data["title"], "date": data["date"], "link": data.get("link", data["document"])}
    months = sorted({d[:7] for span in spans.values() for d in span}) or ["0000-00"]
    nodes = [{"id": n, "label": d.get("label", n), "type": d.get("type", ""), "x": positions[n][0], "y": positions[n][1],
              "size": round(3 + 12 * float(metrics[n][measure]) / top, 2),
              "posts": [p for p in d.get("posts", "").split(" | ") if p],
              "documents": sorted(documents[n].values(), key=lambda doc: (doc["date"], doc["title"]))}
             for n, d in sorted(graph.nodes(data=True))]
    edges = [{"s": s, "t": t, "relation": r, "weight": w, "from": spans[(s, t, r)][0], "to": spans[(s, t, r)][1]}
             for (s, t, r), w in sorted(weights.items())]
    central = max(nodes, key=lambda n: n["size"], default={"label": ""})
    return {"nodes": nodes, "edges": edges, "months": months, "relations": sorted({e["relation"] for e in edges}),
            "types": sorted({n["type"] for n in nodes}), "typeColours": TYPE_COLOURS, "relationColours": RELATION_COLOURS,
            "measure": measure, "selfTestSearch": str(central["label"]).split(" ")[0]}


def render_html(graph: nx.MultiDiGraph, title: str = "Actor map", measure: str = "pagerank") -> str:
    """The page, with its data, script and style inlined.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", type="Person", posts=""); g.add_node("b", label="B", type="Person", posts="")
    >>> _ = g.add_edge("a", "b", relation="sent_to", document="d", title="T", date="1962", date_min="1962-01-01", date_max="1962-12-31")
    >>> page = render_html(g)
    >>> page.startswith("<!DOCTYPE html>") and "<script src" not in page and "http" not in page.split("<script")[0]
    True
    """
    data = page_data(graph, measure)
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    relations = "".join(f'<label><input type="checkbox" data-relation="{r}" checked> '
                        f'<span style="color:{RELATION_COLOURS.get(r, "#444")}">{r.replace("_", " ")}</span></label>'
                        for r in data["relations"])
    types = "".join(f'<label><input type="checkbox" data-type="{t}" checked> '
                    f'<span style="color:{TYPE_COLOURS.get(t, "#777")}">{t}</span></label>' for t in data["types"])
    last = len(data["months"]) - 1
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ margin: 0; font: 14px sans-serif; display: grid; grid-template-columns: 1fr 22rem; height: 100vh; }}
#map {{ width: 100%; height: 100vh; cursor: grab; }}
aside {{ overflow: auto; padding: 0.5rem 1rem; border-left: 1px solid #ccc; }}
#tip {{ position: fixed; display: none; background: #fffbe6; border: 1px solid #999; padding: 2px 6px; pointer-events: none; }}
label {{ display: block; }} input[type=range] {{ width: 100%; }} #selftest {{ display: none; }}
</style></head>
<body><canvas id="map" aria-label="actor network"></canvas>
<aside><h1>{html.escape(title)}</h1>
<p>Size: {html.escape(measure)}. <span id="counts"></span></p>
<input id="search" type="search" placeholder="Find an actor" aria-label="find an actor">
<h3>Relations</h3>{relations}<h3>Actors</h3>{types}
<h3>Period: <span id="period"></span></h3>
<input id="from" type="range" min="0" max="{last}" value="0" aria-label="from">
<input id="to" type="range" min="0" max="{last}" value="{last}" aria-label="to">
<div id="panel"><p>Click an actor to list its documents and posts.</p></div></aside>
<div id="tip"></div><pre id="selftest"></pre>
<script type="application/json" id="kg-data">{payload}</script>
<script>{_SCRIPT.read_text("utf-8")}</script>
</body></html>
"""
