"""The actor map opened in a real headless browser (Debian's Chromium, installed by make test)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main

CHROMIUM = shutil.which("chromium")
ROOT = Path(__file__).resolve().parents[1]
README_SHOT = ROOT / "docs" / "actors-map.png"  # shown in the README; `make screenshot` refreshes it
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium: make test installs Debian's as root")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def page(corpus_export, tmp_path_factory):
    _, out = corpus_export
    folder = tmp_path_factory.mktemp("viz")
    shutil.copy(out / "actors.json", folder / "actors.json")
    assert main(["viz", str(folder)]) == 0
    return folder / "actors.html"


def chromium(tmp_path, *arguments: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *arguments], capture_output=True,
                          text=True, timeout=120, check=False)


def test_the_page_is_self_contained(page):
    text = page.read_text("utf-8")
    assert "<script src" not in text and "<link" not in text and "fetch(" not in text and "XMLHttpRequest" not in text


def test_draws_every_actor_and_search_and_period_change_the_drawing(page, tmp_path):
    done = chromium(tmp_path, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom",
                    f"{page.as_uri()}#selftest")
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(re.search(r'<pre id="selftest">([^<]*)</pre>', done.stdout).group(1))
    data = json.loads((page.parent / "actors.json").read_text("utf-8"))
    assert result["nodes"] == len(data["nodes"]) == result["drawnNodes"]
    assert result["matched"] >= 1
    assert 0 < result["drawnEdgesInFirstHalf"] < result["drawnEdges"]
    assert result["tip"].startswith(result["centralLabel"] + " (")  # hover names the actor and its type
    assert result["panelTitle"] == result["centralLabel"]  # a click lists its documents, each a link
    assert result["panelLinks"] == result["centralDocuments"] > 0
    assert not console_lines(done.stderr), "the page wrote to the console"


def console_lines(stderr: str) -> list[str]:
    """What the page wrote to the browser console (errors and uncaught exceptions included)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def test_console_output_is_detected(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><script>console.error('boom'); missing();</script></body></html>", "utf-8")
    done = chromium(tmp_path, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=1000", "--dump-dom", bad.as_uri())
    lines = console_lines(done.stderr)
    assert any("boom" in line for line in lines) and any("Uncaught ReferenceError" in line for line in lines)


def test_screenshot_is_not_blank(page, tmp_path):
    from PIL import Image

    shot = tmp_path / "shot.png"
    done = chromium(tmp_path, "--window-size=1200,800", "--virtual-time-budget=3000", f"--screenshot={shot}", page.as_uri())
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    with Image.open(shot) as opened:
        image = opened.convert("RGB")
    assert image.size == (1200, 800)
    colours = image.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50
    if os.environ.get("KG_SCREENSHOT"):
        shutil.copyfile(shot, README_SHOT)


def test_the_readme_shows_the_screenshot_the_tests_made():
    from PIL import Image

    assert "](docs/actors-map.png)" in (ROOT / "README.md").read_text("utf-8")
    with Image.open(README_SHOT) as image:
        assert image.size == (1200, 800)


def test_the_benchmark_measures_first_draw_and_drag_frames(tmp_path, capsys):
    sys.path.insert(0, str(ROOT / "bench"))
    from viz_bench import main as bench

    assert bench(["--nodes", "60", "--edges", "400", "--json", str(tmp_path / "viz.json"), "--keep", str(tmp_path)]) == 0
    result = json.loads((tmp_path / "viz.json").read_text("utf-8"))
    assert result["nodes"] == 60 and result["frames"] == 60
    assert result["first_draw_ms"] > 0 and 0 < result["frame_ms_median"] <= result["frame_ms_p95"]
