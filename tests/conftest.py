"""Shared fixtures: one export of examples/ plus the seed per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import EXAMPLES, seed_path
from kg.pipeline import ExportResult, export


@pytest.fixture(scope="session")
def corpus_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[ExportResult, Path]:
    """examples/ plus the seed, exported once for the whole session."""
    out = tmp_path_factory.mktemp("export")
    result = export([EXAMPLES, seed_path()], out)
    return result, out
