"""The static picture of the actor map: `kg viz --format png|svg`."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from lxml import etree
from PIL import Image

from kg.cli import main

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def folder(corpus_export, tmp_path_factory):
    _, out = corpus_export
    here = tmp_path_factory.mktemp("picture")
    shutil.copy(out / "actors.json", here / "actors.json")
    return here


def actors(folder) -> dict:
    return json.loads((folder / "actors.json").read_text(encoding="utf-8"))


def test_png_is_a_full_size_picture_with_colour(folder):
    assert main(["viz", str(folder), "--format", "png"]) == 0
    image = Image.open(io.BytesIO((folder / "actors.png").read_bytes()))
    assert image.format == "PNG" and image.size == (1600, 1000)
    colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 20  # nodes, edges, text: not a blank page


def test_svg_draws_every_actor_and_labels_the_most_central(folder):
    assert main(["viz", str(folder), "--format", "svg", "--measure", "betweenness"]) == 0
    root = etree.fromstring((folder / "actors.svg").read_bytes())
    assert root.tag == f"{SVG}svg"
    titles = {t.text for t in root.iter(f"{SVG}title")}
    expected = {node.get("label", node["id"]) for node in actors(folder)["nodes"]}
    assert titles == expected
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "size: betweenness" in texts
    labelled = [t for t in texts if t in expected]
    assert len(labelled) == min(15, len(expected))


def test_viz_without_an_export_is_an_input_error(tmp_path, capsys):
    assert main(["viz", str(tmp_path), "--format", "svg"]) == 2
    assert "run kg export first" in capsys.readouterr().err
    assert not (tmp_path / "actors.svg").exists()
