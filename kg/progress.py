"""The terminal progress line for long runs: items done, rate and time left, redrawn in place on stderr.

Standard library only. The line is drawn only on a terminal: with ``enabled=None``
(the default) it is on when the stream ``isatty()`` and the environment variable
``KG_NO_PROGRESS`` is unset or empty -- set ``KG_NO_PROGRESS=1`` to silence it in
a terminal too. ``enabled=True``/``False`` decide outright and ignore both. Nothing
here ever goes into an export's files.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import Self, TextIO

_CLEAR = "\x1b[K"
_SHORT = {"documents": "docs"}
_BAR_MIN, _BAR_MAX = 5, 30
# Which field goes first when the line does not fit: the bar, then the percentage, ...; never the count.
_DROP = ("bar", "percent", "rate", "phase", "time")


def _clock_text(seconds: float) -> str:
    """``M:SS`` under an hour, ``H:MM:SS`` from an hour on."""
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _wanted(stream: TextIO, enabled: bool | None) -> bool:
    if enabled is not None:
        return enabled
    if os.environ.get("KG_NO_PROGRESS"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class Progress:
    """One progress line: ``export  4,210/10,000 documents  42%  [####.....]  312.5 docs/s  0:18 left``.

    ``label`` names what is counted; :meth:`stage` (or setting :attr:`phase`) names
    what is being done. The rate is the average over the current phase so far (not
    a moving window), and time left is what remains at that rate; both read ``--``
    until an item is done. With ``total`` 0 (unknown) only the count and rate show.
    Redraws are throttled to one per ``interval`` seconds of ``clock``.

    >>> import io
    >>> now, out = [0.0], io.StringIO()
    >>> with Progress(10, stream=out, enabled=True, clock=lambda: now[0]) as bar:
    ...     bar.stage("export")
    ...     now[0] = 2.0
    ...     bar.advance(5)
    ...     bar.render(80)
    'export  5/10 documents  50%  [############.............]  2.5 docs/s  0:02 left'
    >>> out.getvalue().endswith("0:02 elapsed" + "\\x1b[K\\n")
    True
    """

    def __init__(self, total: int, label: str = "documents", stream: TextIO | None = None,
                 enabled: bool | None = None, clock: Callable[[], float] = time.monotonic,
                 interval: float = 0.2) -> None:
        self.total = max(total, 0)
        self.label = label
        self.phase = ""
        self.done = 0
        self.stream: TextIO = sys.stderr if stream is None else stream
        self.enabled = _wanted(self.stream, enabled)
        self.interval = interval
        self._clock = clock
        self._start = clock()
        self._drawn_at: float | None = None
        self._closed = False

    def advance(self, count: int = 1) -> None:
        """Count ``count`` more items done; redraw if ``interval`` seconds passed since the last draw."""
        self.done += count
        if not self.enabled or self._closed:
            return
        now = self._clock()
        if self._drawn_at is None or now - self._drawn_at >= self.interval:
            self._draw(now)

    def set_total(self, total: int) -> None:
        """Change the number of items expected (0 for unknown); shown from the next redraw."""
        self.total = max(total, 0)

    def stage(self, phase: str, total: int | None = None) -> None:
        """Start a new phase: show ``phase`` first, restart the count and the rate's clock, redraw now.

        Set :attr:`phase` instead to relabel the line without restarting the count.
        """
        self.phase, self.done, self._start = phase, 0, self._clock()
        if total is not None:
            self.set_total(total)
        if self.enabled and not self._closed:
            self._draw(self._start)

    def close(self) -> None:
        """Draw the final line (count, average rate, elapsed time) and end it with a newline; idempotent."""
        if self._closed:
            return
        self._closed = True
        if self.enabled:
            self.stream.write("\r" + self._line(self._clock(), self._width(), final=True) + _CLEAR + "\n")
            self.stream.flush()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def render(self, width: int) -> str:
        """The line as it would be drawn now ``width`` columns wide; always shorter than ``width``.

        >>> Progress(0, enabled=False, clock=lambda: 0.0).render(80)
        '0 documents  -- docs/s'
        >>> Progress(100, enabled=False, clock=lambda: 0.0).render(20)
        '0/100 documents'
        """
        return self._line(self._clock(), width)

    def _line(self, now: float, width: int, final: bool = False) -> str:
        room, fields = width - 1, self._fields(now, final)
        while True:
            line = "  ".join(text for key, text in fields if key != "bar")
            spare = room - len(line) - 4  # two spaces and two brackets
            if spare >= _BAR_MIN and any(key == "bar" for key, _ in fields):
                bar = self._bar(min(spare, _BAR_MAX))
                return "  ".join(bar if key == "bar" else text for key, text in fields)
            if len(line) <= room or len(fields) == 1:
                return line[:max(room, 0)]
            drop = next(name for name in _DROP if any(key == name for key, _ in fields))
            fields = [(key, text) for key, text in fields if key != drop]

    def _fields(self, now: float, final: bool) -> list[tuple[str, str]]:
        elapsed = now - self._start
        rate = self.done / elapsed if self.done and elapsed > 0 else None
        unit = _SHORT.get(self.label, self.label)
        count = f"{self.done:,}/{self.total:,}" if self.total else f"{self.done:,}"
        fields = [("phase", self.phase), ("count", f"{count} {self.label}")]
        if self.total:
            fields += [("percent", f"{min(self.done * 100 // self.total, 100)}%"), ("bar", "")]
        fields.append(("rate", f"{rate:,.1f} {unit}/s" if rate else f"-- {unit}/s"))
        if final:
            fields.append(("time", f"{_clock_text(elapsed)} elapsed"))
        elif self.total:
            left = _clock_text(max(self.total - self.done, 0) / rate) if rate else "--"
            fields.append(("time", f"{left} left"))
        return [(key, text) for key, text in fields if text or key == "bar"]

    def _bar(self, inner: int) -> str:
        filled = min(self.done * inner // self.total, inner) if self.total else 0
        return "[" + "#" * filled + "." * (inner - filled) + "]"

    def _width(self) -> int:
        return shutil.get_terminal_size().columns

    def _draw(self, now: float) -> None:
        self._drawn_at = now
        self.stream.write("\r" + self._line(now, self._width()) + _CLEAR)
        self.stream.flush()
