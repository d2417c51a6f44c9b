"""Where the vocabulary and shapes files are: in the wheel (``kg/_data``) or beside the package.

>>> ontology_path().name, shapes_path().name, queries_path().name
('dipcorr.ttl', 'dipcorr-shapes.ttl', 'queries')
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CANDIDATES = (_PACKAGE / "_data", _PACKAGE.parent)


def _find(relative: str) -> Path:
    for root in _CANDIDATES:
        path = root / relative
        if path.is_file():
            return path
    raise FileNotFoundError(f"{relative} is missing from the installation (looked in {', '.join(map(str, _CANDIDATES))})")


def ontology_path() -> Path:
    """The OWL ontology in Turtle."""
    return _find("ontology/dipcorr.ttl")


def context_path() -> Path:
    """The published JSON-LD context of the vocabulary."""
    return _find("ontology/dipcorr.context.jsonld")


def shapes_path() -> Path:
    """The SHACL shapes in Turtle."""
    return _find("shapes/dipcorr-shapes.ttl")


def queries_path() -> Path:
    """The folder of the query catalogue."""
    return _find("queries/documents-by-sender.rq").parent
