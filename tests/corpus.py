"""Paths of the corpora the tests read (the seed stays in ../shared, never copied here)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
BAD = EXAMPLES / "bad"
SEED = ROOT.parent / "shared" / "seeds" / "wilson-118186.txt"


def seed_path() -> Path:
    """The seed document beside the checkout (CI has ``../shared``); a clear failure if absent."""
    if not SEED.is_file():
        pytest.fail(f"the seed document {SEED} is missing: clone the project next to shared/")
    return SEED
