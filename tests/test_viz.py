"""The actor map opened in a real headless browser (Debian's Chromium, installed by make test)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from kg.cli import main

CHROMIUM = shutil.which("chromium")
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
    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 800)
    colours = image.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50
