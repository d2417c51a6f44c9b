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
