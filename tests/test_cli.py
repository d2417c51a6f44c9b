"""The ``kg`` command line: options, output, exit codes 0/1/2."""

from __future__ import annotations

import subprocess
import sys

import pytest

from corpus import BAD, EXAMPLES
from kg.cli import main


def test_export_prints_the_summary_and_exits_0(tmp_path, capsys):
    code = main(["export", str(EXAMPLES / "wilson-900103.txt"), "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert "1 documents exported (0 skipped)" in out and "validation: conforms" in out
    assert (tmp_path / "graph.ttl").is_file()


def test_problems_go_to_stderr_with_file_and_line(tmp_path, capsys):
    code = main(["export", str(BAD), str(EXAMPLES / "wilson-900103.txt"), "--out", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 0
    assert "latin1.txt:4: error [not-utf8]" in captured.err
    assert "7 skipped" in captured.out


def test_quiet_prints_no_problems(tmp_path, capsys):
    main(["export", str(BAD), str(EXAMPLES / "wilson-900103.txt"), "--out", str(tmp_path), "-q"])
    assert capsys.readouterr().err == ""


def test_strict_exits_1_on_problems(tmp_path):
    assert main(["export", str(EXAMPLES / "wilson-900101.txt"), "--out", str(tmp_path), "--strict"]) == 1


def test_non_conforming_export_exits_1(tmp_path, monkeypatch, capsys):
    from kg.pipeline import stream
    from kg.validate import Validation

    monkeypatch.setattr(stream, "combine", lambda parts: Validation(False, (), ()))
    assert main(["export", str(EXAMPLES / "wilson-900103.txt"), "--out", str(tmp_path)]) == 1
    assert "DOES NOT CONFORM" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "/no/such/folder"],
        ["export", str(BAD)],
        ["export", str(EXAMPLES), "--base", "not-an-iri"],
        ["export", str(EXAMPLES), "--batch-size", "0"],
        ["export", str(EXAMPLES), "--authority", "/no/such/authority.toml"],
        ["export", str(EXAMPLES), "--out", str(EXAMPLES / "wilson-900101.txt")],
    ],
)
def test_input_and_usage_errors_exit_2(tmp_path, argv):
    out = [] if "--out" in argv else ["--out", str(tmp_path / "out")]
    assert main([*argv, *out]) == 2


def test_argparse_usage_errors_exit_2(capsys):
    for argv in (["export", "--format", "nope"], ["frobnicate"], []):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_the_installed_command_runs(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "export", str(EXAMPLES / "wilson-900108.txt"), "--out", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "1 documents exported" in done.stdout


def test_version(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("kg 0.")


def test_query_and_load_from_the_command_line(tmp_path, capsys):
    out, store = tmp_path / "out", tmp_path / "store"
    assert main(["export", str(EXAMPLES / "wilson-900101.txt"), "--out", str(out), "-q"]) == 0
    capsys.readouterr()
    assert main(["query", "--list"]) == 0
    listing = capsys.readouterr().out
    assert listing.startswith("co-mentions\t") and "sent-to-a-place\t" in listing
    assert main(["query", "--export", str(out), "--format", "csv", "documents-by-sender"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "sender,date,document,title"
    assert main(["load", str(out), "--store", str(store)]) == 0
    assert "named graphs" in capsys.readouterr().out
    assert main(["query", "--store", str(store), "--format", "json", "ASK { GRAPH ?g { ?s ?p ?o } }"]) == 0
    assert capsys.readouterr().out.strip() == "true"
    assert main(["query", "--store", str(store), "sent-to-a-place", "--bind", "place=Yining", "--bind", "month=1962-05"]) == 0
    assert "wilson-900101" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "message"), [
    (["query", "SELECT * WHERE { ?s ?p }"], "SPARQL syntax error error at 1:25"),
    (["query", "INSERT DATA { <a:b> <a:c> <a:d> }"], "kg query is read-only"),
    (["query", "no-such-query"], "see kg query --list"),
    (["query", "--store", "/no/such/store", "documents-by-type"], "make one with kg load"),
    (["query"], "give a QUERY"),
    (["query", "documents-by-type", "--bind", "oops"], "--bind takes NAME=VALUE"),
    (["load", "/no/such/export", "--store", "/tmp/kg-never"], "holds no graph.nq"),
])
def test_query_errors_say_what_to_do(tmp_path, capsys, argv, message):
    out = tmp_path / "out"
    main(["export", str(EXAMPLES / "wilson-900101.txt"), "--out", str(out), "-q"])
    capsys.readouterr()
    full = argv if "--store" in argv or argv[0] == "load" else [*argv, "--export", str(out)]
    assert main(full) == 2
    assert message in capsys.readouterr().err
