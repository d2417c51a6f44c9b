"""Network measures and the Palladio tables of the example export."""

from __future__ import annotations

import csv

from kg.cli import main
from kg.network.measures import FIELDS


def test_metrics_file_and_command(corpus_export, tmp_path, capsys):
    _, out = corpus_export
    rows = list(csv.DictReader((out / "actors-metrics.csv").read_text("utf-8").splitlines()))
    assert list(rows[0]) == list(FIELDS)
    chervonenko = next(r for r in rows if r["label"] == "Stepan Chervonenko")
    assert int(chervonenko["documents"]) >= 6 and chervonenko["first_seen"] <= "1962-04-24" <= chervonenko["last_seen"]
    assert 0 < float(chervonenko["pagerank"]) < 1 and chervonenko["community"] != ""
    assert main(["graph", "stats", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "betweenness exact" in printed and "Stepan Chervonenko" in printed
    assert main(["graph", "stats", str(tmp_path)]) == 2


def test_palladio_tables(corpus_export):
    _, out = corpus_export
    edges = list(csv.DictReader((out / "palladio.csv").read_text("utf-8").splitlines()))
    nodes = list(csv.DictReader((out / "palladio-nodes.csv").read_text("utf-8").splitlines()))
    assert list(edges[0]) == ["Source", "Target", "Date", "Place", "Title", "Link", "Document"]
    assert list(nodes[0]) == ["Id", "Label", "Type"]
    seed = [e for e in edges if e["Document"].endswith("wilson-118186")]
    assert {e["Target"] for e in seed} == {
        "Xu Huang", "Yili Office of the Department of Foreign Affairs of the Xinjiang Uyghur Autonomous Region"}
    assert all(e["Date"] == "1962-04-25" and e["Place"] == "Urumqi" for e in seed)
    assert {e["Source"] for e in edges} | {e["Target"] for e in edges} == {n["Id"] for n in nodes}


def test_dynamic_gexf_reads_back_with_spells(corpus_export):
    from kg.network import read_gexf

    _, out = corpus_export
    from kg.network import read_json

    graph = read_gexf((out / "actors.gexf").read_bytes())
    plain = read_json((out / "actors.json").read_bytes())
    zhang = next(n for n, d in plain.nodes(data=True) if d.get("label") == "Zhang Hanfu")
    edges = [d for *_, d in plain.in_edges(zhang, data=True)] + [d for *_, d in plain.out_edges(zhang, data=True)]
    expected = [(min(d["date_min"] for d in edges), max(d["date_max"] for d in edges))]
    assert graph.nodes[zhang]["spells"] == expected
    assert all(d["start"] == d["date_min"] and d["end"] == d["date_max"] for _, _, d in graph.edges(data=True))


def test_time_slice_from_the_command_line(corpus_export, tmp_path, capsys):
    import shutil

    from kg.network import read_json

    _, out = corpus_export
    folder = tmp_path / "export"
    shutil.copytree(out, folder)
    assert main(["graph", "--from", "1962-04-01", "--to", "1962-06-30", "--export", str(folder)]) == 0
    assert "relations from 1962-04-01 to 1962-06-30" in capsys.readouterr().out
    sliced = read_json((folder / "actors-1962-04-01--1962-06-30.json").read_bytes())
    assert sliced.number_of_edges() > 0
    assert all(d["date_max"] >= "1962-04-01" and d["date_min"] <= "1962-06-30" for _, _, d in sliced.edges(data=True))
    assert {(folder / f"actors-1962-04-01--1962-06-30.{s}").is_file() for s in ("graphml", "gexf", "json")} == {True}
    assert main(["graph", "--from", "1962-06-30", "--to", "1962-04-01", "--export", str(folder)]) == 2
    assert main(["graph", "--export", str(folder)]) == 2
