"""The README is tested: its two set-up commands, every CLI option and problem code, its code blocks."""

from __future__ import annotations

import re
import shlex


from corpus import ROOT
from kg.cli import parser
from kg.problems import CODES

README = (ROOT / "README.md").read_text("utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_two_setup_commands_and_ci_runs_the_test_one():
    quick_start = blocks("bash")[0]
    assert "make export" in quick_start and "make test" in quick_start
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert re.search(r"^make test$", ci, flags=re.MULTILINE)
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^export: setup$", makefile, flags=re.MULTILINE)
    assert re.search(r"^test: setup$", makefile, flags=re.MULTILINE)


def test_every_kg_command_in_the_readme_parses():
    commands = [line.split("#")[0].strip() for block in blocks("bash") for line in block.splitlines()
                if line.strip().startswith("kg ")]
    assert commands
    for command in commands:
        parser().parse_args(shlex.split(command)[1:])


def test_every_option_of_every_command_is_documented():
    main = parser()
    subcommands = next(a for a in main._actions if a.dest == "command").choices
    for name, sub in subcommands.items():
        assert f"kg {name}" in README
        for action in sub._actions:
            for option in (o for o in action.option_strings if o not in ("-h", "--help")):
                assert f"`{option}" in README, f"{option} of kg {name} is not in the README"


def test_every_problem_code_is_documented():
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \| (?:error|warning|info) \|", README, flags=re.MULTILINE))
    assert documented == set(CODES)


def test_python_examples_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    library, query = blocks("python")[1], blocks("python")[0]
    exec(compile(library, "README library example", "exec"), {})
    exec(compile(query, "README query example", "exec"), {})
    printed = capsys.readouterr().out
    assert "documents exported" in printed
    assert re.search(r"^1962-04-28 Liu Xiao$", printed, flags=re.MULTILINE)
