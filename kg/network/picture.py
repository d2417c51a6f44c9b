"""A static picture of the actor map for papers and slides: SVG (text) or PNG (Pillow).

Same layout, colours and sizes as the interactive map; the most central
actors are labelled, and a legend names the colours.
"""

from __future__ import annotations

import io
from html import escape

import networkx as nx

from kg.network.html import RELATION_COLOURS, TYPE_COLOURS, page_data

WIDTH, HEIGHT, MARGIN = 1600, 1000, 60


def _scene(
    graph: nx.MultiDiGraph, measure: str, labels: int
) -> tuple[list[dict], list[dict], set[str], list[tuple[str, str, str]]]:
    """Nodes with pixel positions, edges, the ids to label, and the legend rows: what both formats draw."""
    data = page_data(graph, measure)
    nodes = data["nodes"]
    for node in nodes:
        node["px"] = MARGIN + (node["x"] + 1) / 2 * (WIDTH - 2 * MARGIN - 260)
        node["py"] = MARGIN + (node["y"] + 1) / 2 * (HEIGHT - 2 * MARGIN)
    named = {n["id"] for n in sorted(nodes, key=lambda n: (-n["size"], n["label"]))[:labels]}
    return nodes, data["edges"], named, _legend({e["relation"] for e in data["edges"]}, {n["type"] for n in nodes})


def _legend(relations: set[str], types: set[str]) -> list[tuple[str, str, str]]:
    """(kind, colour, text) rows of the legend."""
    return ([("type", TYPE_COLOURS[t], t) for t in sorted(types) if t in TYPE_COLOURS] +
            [("relation", RELATION_COLOURS[r], r.replace("_", " ")) for r in sorted(relations) if r in RELATION_COLOURS])


def render_svg(graph: nx.MultiDiGraph, measure: str = "pagerank", labels: int = 15) -> str:
    """The picture as SVG.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A", type="Person", posts=""); g.add_node("b", label="B", type="Person", posts="")
    >>> _ = g.add_edge("a", "b", relation="met", document="d", title="T", date="1962", date_min="1962-01-01", date_max="1962-12-31")
    >>> svg = render_svg(g)
    >>> svg.count("<circle"), ">A<" in svg
    (4, True)
    """
    nodes, edges, named, legend = _scene(graph, measure, labels)
    where = {n["id"]: n for n in nodes}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
             'font-family="sans-serif"><rect width="100%" height="100%" fill="#ffffff"/>']
    for edge in edges:
        a, b = where[edge["s"]], where[edge["t"]]
        parts.append(f'<line x1="{a["px"]:.1f}" y1="{a["py"]:.1f}" x2="{b["px"]:.1f}" y2="{b["py"]:.1f}" '
                     f'stroke="{RELATION_COLOURS.get(edge["relation"], "#999")}" stroke-opacity="0.4" '
                     f'stroke-width="{min(1 + edge["weight"], 6) * 0.5:.1f}"/>')
    for node in nodes:
        parts.append(f'<circle cx="{node["px"]:.1f}" cy="{node["py"]:.1f}" r="{node["size"]:.1f}" '
                     f'fill="{TYPE_COLOURS.get(node["type"], "#777")}"><title>{escape(node["label"])}</title></circle>')
    for node in nodes:
        if node["id"] in named:
            parts.append(f'<text x="{node["px"] + node["size"] + 3:.1f}" y="{node["py"] + 4:.1f}" font-size="13">'
                         f'{escape(node["label"])}</text>')
    y = MARGIN
    for _, colour, text in legend:
        parts.append(f'<circle cx="{WIDTH - 240}" cy="{y}" r="6" fill="{colour}"/>'
                     f'<text x="{WIDTH - 225}" y="{y + 5}" font-size="14">{escape(text)}</text>')
        y += 24
    parts.append(f'<text x="{WIDTH - 240}" y="{y + 10}" font-size="12" fill="#555">size: {escape(measure)}</text></svg>')
    return "\n".join(parts) + "\n"


def render_png(graph: nx.MultiDiGraph, measure: str = "pagerank", labels: int = 15) -> bytes:
    """The picture as PNG (WIDTH x HEIGHT pixels)."""
    from PIL import Image, ImageDraw, ImageFont

    nodes, edges, named, legend = _scene(graph, measure, labels)
    where = {n["id"]: n for n in nodes}
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image, "RGBA")
    font = ImageFont.load_default(size=14)
    for edge in edges:
        a, b = where[edge["s"]], where[edge["t"]]
        colour = RELATION_COLOURS.get(edge["relation"], "#999999")
        draw.line([(a["px"], a["py"]), (b["px"], b["py"])], fill=colour + "66", width=max(1, min(1 + edge["weight"], 6) // 2))
    for node in nodes:
        r = node["size"]
        draw.ellipse([node["px"] - r, node["py"] - r, node["px"] + r, node["py"] + r], fill=TYPE_COLOURS.get(node["type"], "#777777"))
    for node in nodes:
        if node["id"] in named:
            draw.text((node["px"] + node["size"] + 3, node["py"] - 7), node["label"], fill="black", font=font)
    y = MARGIN
    for _, colour, text in legend:
        draw.ellipse([WIDTH - 246, y - 6, WIDTH - 234, y + 6], fill=colour)
        draw.text((WIDTH - 225, y - 8), text, fill="black", font=font)
        y += 24
    draw.text((WIDTH - 240, y + 2), f"size: {measure}", fill="#555555", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
