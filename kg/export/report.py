"""The run report: plain text grouped by document for historians, and the same as JSON.

Input problems (files skipped, dates that disagree...) and SHACL findings are
merged per document: what is wrong, where, and how to fix it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from kg.problems import Problem
from kg.validate import Finding, Validation


@dataclass(frozen=True)
class Summary:
    """The numbers of one export run."""

    files: int
    documents: int
    skipped: int
    triples: int
    actors: int
    problems: int
    conforms: bool
    violations: int
    warnings: int

    def line(self) -> str:
        """One line for the terminal.

        >>> Summary(21, 20, 1, 900, 80, 3, True, 0, 2).line()
        '20 documents exported (1 skipped), 900 triples, 80 actors, 3 problems; validation: conforms (0 violations, 2 warnings)'
        """
        verdict = "conforms" if self.conforms else "DOES NOT CONFORM"
        return (
            f"{self.documents} documents exported ({self.skipped} skipped), {self.triples} triples, "
            f"{self.actors} actors, {self.problems} problems; validation: {verdict} "
            f"({self.violations} violations, {self.warnings} warnings)"
        )


@dataclass(frozen=True)
class DocumentEntry:
    """A document (exported or skipped) with what the run found wrong with it."""

    key: str
    path: str
    title: str
    exported: bool


def render_text(summary: Summary, entries: list[DocumentEntry], problems: list[Problem], validation: Validation) -> str:
    """The report as plain text, grouped by document, skipped files first."""
    lines = ["diplomatic-kg export report", "===========================", "", summary.line(), ""]
    by_path: dict[str, list[Problem]] = {}
    for problem in problems:
        by_path.setdefault(problem.path, []).append(problem)
    findings: dict[str, list[Finding]] = {}
    for finding in validation.findings:
        findings.setdefault(finding.document, []).append(finding)
    skipped = [entry for entry in entries if not entry.exported]
    lines += [f"Skipped files ({len(skipped)})", "-" * 20]
    for entry in skipped:
        lines += [f"{entry.path}"] + _problem_lines(by_path.get(entry.path, []))
    if not skipped:
        lines.append("none")
    lines += ["", "Documents with something to check", "-" * 33]
    flagged = 0
    for entry in (e for e in entries if e.exported):
        found = by_path.get(entry.path, []), findings.get(entry.key, [])
        if not any(found):
            continue
        flagged += 1
        lines.append(f"{entry.key}  {entry.path}")
        lines.append(f"  \u201c{entry.title}\u201d")
        lines += _problem_lines(found[0]) + _finding_lines(found[1])
    if not flagged:
        lines.append("none")
    return "\n".join(lines) + "\n"


def _problem_lines(problems: list[Problem]) -> list[str]:
    out = []
    for problem in sorted(problems, key=lambda p: (p.line or 0, p.code)):
        where = f"line {problem.line}: " if problem.line else ""
        out.append(f"  {problem.severity} [{problem.code}] {where}{problem.message}")
        out.append(f"    How to fix: {problem.fix}")
    return out


def _finding_lines(findings: list[Finding]) -> list[str]:
    out = []
    for finding in findings:
        value = f" (found: {finding.value})" if finding.value else ""
        out.append(f"  {finding.severity.lower()} [shape: {finding.name}] {finding.message}{value}")
        if finding.fix:
            out.append(f"    How to fix: {finding.fix}")
    return out


def render_json(summary: Summary, entries: list[DocumentEntry], problems: list[Problem], validation: Validation) -> str:
    """The report as JSON: summary, counts by problem code, and one object per document."""
    by_path: dict[str, list[dict[str, object]]] = {}
    for problem in problems:
        by_path.setdefault(problem.path, []).append(problem.as_dict())
    findings: dict[str, list[dict[str, str]]] = {}
    for finding in validation.findings:
        findings.setdefault(finding.document, []).append(finding.as_dict())
    data = {
        "summary": summary.__dict__,
        "problem_codes": dict(sorted(Counter(p.code for p in problems).items())),
        "documents": [
            {
                "key": entry.key, "path": entry.path, "title": entry.title, "exported": entry.exported,
                "problems": by_path.get(entry.path, []), "findings": findings.get(entry.key, []),
            }
            for entry in entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
