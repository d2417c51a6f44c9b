"""The user's overrides file: force a form to denote a given actor, everywhere or in named documents.

A merge maps a form to an existing actor's slug; a split maps a form, in some
documents only, to another actor. Overrides win over the authority file and
every rule::

    [[override]]
    form = "Kennedy"                 # a printed form (case and punctuation ignored)
    kind = "person"
    slug = "robert-kennedy"          # the actor it denotes (its IRI ends in person/robert-kennedy)
    label = "Robert Kennedy"         # the actor's name, used when the slug is new
    documents = ["wilson-900201"]    # optional: only in these documents
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from kg.reconcile.authority import Entry, normal

_KINDS = ("person", "organization", "place")


@dataclass(frozen=True)
class Override:
    form: str
    entry: Entry
    documents: frozenset[str]


class Overrides:
    """The overrides of one or more files, looked up by form, kind and document.

    >>> o = Overrides.parse('[[override]]\\nform = "Kennedy"\\nkind = "person"\\nslug = "robert-kennedy"\\n'
    ...                     'label = "Robert Kennedy"\\ndocuments = ["wilson-2"]\\n', "o.toml")
    >>> o.find("person", "KENNEDY", "wilson-2").slug, o.find("person", "Kennedy", "wilson-1")
    ('robert-kennedy', None)
    """

    def __init__(self, items: list[Override] | None = None) -> None:
        self.items = items or []

    @classmethod
    def load(cls, paths: list[Path] | tuple[Path, ...]) -> Overrides:
        items: list[Override] = []
        for path in paths:
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as err:
                raise ValueError(f"{path}: cannot read the overrides file: {err}") from None
            items += cls.parse(text, str(path)).items
        return cls(items)

    @classmethod
    def parse(cls, text: str, where: str) -> Overrides:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise ValueError(f"{where}: not valid TOML: {err}") from None
        items = []
        for table in data.get("override", []):
            missing = [k for k in ("form", "kind", "slug", "label") if k not in table]
            if missing or table.get("kind") not in _KINDS:
                raise ValueError(f"{where}: an override needs form, kind (one of {', '.join(_KINDS)}), slug and "
                                 f"label; this one has {sorted(table)}")
            entry = Entry(slug=str(table["slug"]), kind=str(table["kind"]), label=str(table["label"]))
            items.append(Override(normal(str(table["form"])), entry, frozenset(table.get("documents", ()))))
        return cls(items)

    def find(self, kind: str, form: str, document: str) -> Entry | None:
        """The actor a form denotes in a document, if an override says so (document-specific ones first)."""
        key = normal(form)
        general = None
        for item in self.items:
            if item.form == key and item.entry.kind == kind:
                if document in item.documents:
                    return item.entry
                if not item.documents and general is None:
                    general = item.entry
        return general

    def __len__(self) -> int:
        return len(self.items)
