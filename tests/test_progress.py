"""The progress line: silent off a terminal, right numbers for a fake clock, throttled, never wrapping."""

from __future__ import annotations

import io
import os
import shutil

import pytest

from kg.progress import Progress


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def lines(out: io.StringIO) -> list[str]:
    """Every drawn line, without the carriage returns, clear-to-end codes and newline."""
    text = out.getvalue().replace("\x1b[K", "").replace("\n", "")
    return [line for line in text.split("\r") if line]


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *args, **kwargs: os.terminal_size((100, 24)))
    monkeypatch.delenv("KG_NO_PROGRESS", raising=False)


def test_disabled_draws_nothing():
    out, clock = FakeTerminal(), FakeClock()
    with Progress(10, stream=out, enabled=False, clock=clock) as bar:
        bar.stage("read")
        for _ in range(10):
            clock.now += 1.0
            bar.advance()
    bar.close()
    assert out.getvalue() == ""


def test_off_by_default_when_not_a_terminal():
    out = io.StringIO()
    with Progress(10, stream=out, clock=FakeClock()) as bar:
        bar.advance(10)
    assert out.getvalue() == ""


def test_on_by_default_on_a_terminal():
    out = FakeTerminal()
    with Progress(10, stream=out, clock=FakeClock()) as bar:
        bar.advance()
    assert bar.enabled and lines(out)


def test_kg_no_progress_turns_it_off(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KG_NO_PROGRESS", "1")
    out = FakeTerminal()
    with Progress(10, stream=out, clock=FakeClock()) as bar:
        bar.advance(3)
    assert not bar.enabled and out.getvalue() == ""


def test_empty_kg_no_progress_leaves_it_on(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KG_NO_PROGRESS", "")
    assert Progress(10, stream=FakeTerminal(), clock=FakeClock()).enabled


def test_rate_and_time_left_for_a_fake_clock():
    out, clock = io.StringIO(), FakeClock()
    bar = Progress(10_000, stream=out, enabled=True, clock=clock)
    bar.stage("export")
    clock.now = 10.0
    bar.advance(4_210)
    line = lines(out)[-1]
    assert line.startswith("export  4,210/10,000 documents  42%  [")
    assert line.endswith("]  421.0 docs/s  0:14 left")  # 5,790 left at 421/s is 13.75 s


def test_long_time_left_reads_hours():
    out, clock = io.StringIO(), FakeClock()
    bar = Progress(10_000, stream=out, enabled=True, clock=clock)
    clock.now = 100.0
    bar.advance(200)  # 2 docs/s, 9,800 left: 4,900 s
    assert lines(out)[-1].endswith("2.0 docs/s  1:21:40 left")


def test_dashes_before_any_item_is_done():
    out, clock = io.StringIO(), FakeClock()
    bar = Progress(50, stream=out, enabled=True, clock=clock)
    clock.now = 5.0
    bar.stage("read")
    assert lines(out)[-1] == "read  0/50 documents  0%  [" + "." * 30 + "]  -- docs/s  -- left"


def test_unknown_total_shows_count_and_rate_only():
    out, clock = io.StringIO(), FakeClock()
    bar = Progress(0, label="files", stream=out, enabled=True, clock=clock)
    clock.now = 4.0
    bar.advance(10)
    assert lines(out)[-1] == "10 files  2.5 files/s"
    bar.set_total(20)
    clock.now = 8.0
    bar.advance(10)
    assert lines(out)[-1].startswith("20/20 files  100%  [" + "#" * 30 + "]  2.5 files/s  0:00 left")


def test_redraws_at_most_once_per_interval():
    out, clock = io.StringIO(), FakeClock()
    bar = Progress(100, stream=out, enabled=True, clock=clock, interval=1.0)
    for _ in range(100):
        clock.now += 0.25  # exact in binary, so no float drift
        bar.advance()
    # the first advance (t=0.25) draws, then every fourth: t=1.25, 2.25, ... 24.25
    assert len(lines(out)) == 25
    assert lines(out)[1].startswith("5/100 documents")


def test_stage_switches_the_phase_and_restarts_the_count():
    out, clock = io.StringIO(), FakeClock()
    bar = Progress(4, stream=out, enabled=True, clock=clock)
    bar.stage("read")
    clock.now = 1.0
    bar.advance(4)
    bar.stage("write")
    assert lines(out)[-1].startswith("write  0/4 documents  0%")
    bar.phase = "validate"
    clock.now = 3.0
    bar.advance(2)
    assert lines(out)[-1].startswith("validate  2/4 documents  50%")
    assert lines(out)[-1].endswith("1.0 docs/s  0:02 left")


def test_close_is_idempotent_and_ends_with_a_newline():
    out, clock = io.StringIO(), FakeClock()
    with Progress(8, stream=out, enabled=True, clock=clock) as bar:
        bar.stage("export")
        clock.now = 4.0
        bar.advance(8)
    after_exit = out.getvalue()
    bar.close()
    bar.advance()
    assert out.getvalue() == after_exit
    assert after_exit.endswith("\x1b[K\n") and after_exit.count("\n") == 1
    assert lines(out)[-1].endswith("8/8 documents  100%  [" + "#" * 30 + "]  2.0 docs/s  0:04 elapsed")


def test_close_on_error_still_ends_the_line():
    out = io.StringIO()
    with pytest.raises(RuntimeError), Progress(8, stream=out, enabled=True, clock=FakeClock()) as bar:
        bar.advance()
        raise RuntimeError("boom")
    assert out.getvalue().endswith("\n")


@pytest.mark.parametrize("columns", [1, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80])
def test_a_narrow_terminal_never_wraps(monkeypatch: pytest.MonkeyPatch, columns: int):
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *args, **kwargs: os.terminal_size((columns, 24)))
    out, clock = io.StringIO(), FakeClock()
    with Progress(1_234_567, stream=out, enabled=True, clock=clock, interval=0.0) as bar:
        bar.stage("validate")
        for _ in range(5):
            clock.now += 0.7
            bar.advance(98_765)
    drawn = lines(out)
    assert out.getvalue().count("\r") == 7  # stage, five advances, close (a 1-column line is empty)
    assert all(len(line) < columns for line in drawn), [line for line in drawn if len(line) >= columns]


def test_the_bar_shrinks_then_disappears():
    bar = Progress(100, enabled=False, clock=FakeClock())
    bar.advance(50)
    assert "[" in bar.render(60) and len(bar.render(60)) == 59
    assert "[" not in bar.render(40)
    assert bar.render(40).startswith("50/100 documents")


def test_an_export_reports_its_phases_and_documents(tmp_path):
    """The pipeline drives the bar: a read phase over the files, an export phase over the documents."""
    import io

    from corpus import EXAMPLES
    from kg.pipeline import export

    stream = io.StringIO()
    result = export([EXAMPLES], tmp_path, jobs=1, progress=Progress(0, stream=stream, enabled=True, interval=0.0))
    text = stream.getvalue()
    documents = result.summary.documents
    assert "read" in text and "export" in text
    assert f"{documents}/{documents} documents" in text or f"{documents:,}/{documents:,} documents" in text
    assert text.endswith("\n")
