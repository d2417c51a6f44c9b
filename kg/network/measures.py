"""Per-actor network measures: degree, weighted degree, betweenness, PageRank, community, dates, documents.

Degree counts distinct neighbours; weighted degree counts relations (one per
relation and document), so a sender of ten cables to one office has out-degree
1 and weighted out-degree 10.

Betweenness is exact up to :data:`SAMPLE_ABOVE` actors and sampled (that many
pivots, fixed seed) above it; every result says which. Communities are Louvain
communities of the undirected, weighted graph (fixed seed, so runs agree).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import networkx as nx

#: Above this many actors, betweenness is estimated from this many sampled pivots.
SAMPLE_ABOVE = 2000
SEED = 1962
FIELDS = ("iri", "label", "type", "in_degree", "out_degree", "weighted_in_degree", "weighted_out_degree",
          "betweenness", "pagerank", "community", "first_seen", "last_seen", "documents")


@dataclass(frozen=True)
class Metrics:
    """The measures of every actor, and how betweenness was computed."""

    rows: tuple[dict[str, object], ...]
    betweenness: str

    def csv(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows)
        return buffer.getvalue().encode("utf-8")


def actor_metrics(graph: nx.MultiDiGraph, sample_above: int = SAMPLE_ABOVE) -> Metrics:
    """Measures of every actor of an actor graph (see the module docstring).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", type="Person"); g.add_node("b", label="B", type="Person")
    >>> _ = g.add_edge("a", "b", document="d1", date_min="1962-04-24", date_max="1962-04-24")
    >>> m = actor_metrics(g)
    >>> m.betweenness, [(r["label"], r["out_degree"], r["documents"]) for r in m.rows]
    ('exact', [('A', 1, 1), ('B', 0, 1)])
    """
    weighted = nx.DiGraph()
    weighted.add_nodes_from(graph.nodes)
    for source, target in graph.edges():
        weight = weighted.get_edge_data(source, target, {"weight": 0})["weight"] + 1
        weighted.add_edge(source, target, weight=weight)
    if graph.number_of_nodes() > sample_above:
        between = nx.betweenness_centrality(weighted, k=sample_above, seed=SEED)
        how = f"sampled from {sample_above} pivots (seed {SEED}) over {graph.number_of_nodes()} actors"
    else:
        between, how = nx.betweenness_centrality(weighted), "exact"
    rank = nx.pagerank(weighted, weight="weight") if weighted.number_of_edges() else {n: 0.0 for n in weighted}
    undirected = weighted.to_undirected()
    groups = nx.community.louvain_communities(undirected, weight="weight", seed=SEED) if undirected.number_of_edges() else []
    community = {node: index for index, group in enumerate(sorted(groups, key=lambda g: (-len(g), min(g))))
                 for node in group}
    rows = tuple(_row(graph, weighted, node, between, rank, community) for node in sorted(graph.nodes))
    return Metrics(rows, how)


def _row(graph: nx.MultiDiGraph, weighted: nx.DiGraph, node: str, between: dict, rank: dict,
         community: dict) -> dict[str, object]:
    data = graph.nodes[node]
    edges = list(graph.in_edges(node, data=True)) + list(graph.out_edges(node, data=True))
    firsts = [d.get("date_min", "") for _, _, d in edges if d.get("date_min")]
    lasts = [d.get("date_max", "") for _, _, d in edges if d.get("date_max")]
    return {
        "iri": data.get("iri", node), "label": data.get("label", ""), "type": data.get("type", ""),
        "in_degree": weighted.in_degree(node), "out_degree": weighted.out_degree(node),
        "weighted_in_degree": weighted.in_degree(node, weight="weight"),
        "weighted_out_degree": weighted.out_degree(node, weight="weight"),
        "betweenness": round(between.get(node, 0.0), 6), "pagerank": round(rank.get(node, 0.0), 6),
        "community": community.get(node, ""), "first_seen": min(firsts, default=""), "last_seen": max(lasts, default=""),
        "documents": len({d.get("document") for _, _, d in edges}),
    }
