"""Source files as text: decoding, sanity checks and line bookkeeping shared by every reader.

A file becomes text only if it is non-empty, not binary and valid UTF-8; each
failure is an :class:`~kg.problems.InputError` naming the file, the line and
the fix. Line endings are normalised to ``\\n`` and a byte-order mark is
dropped; nothing else is changed, so offsets stay meaningful.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from kg.problems import InputError, Problem

#: Share of control characters above which a file is taken to be binary.
_BINARY_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}


@dataclass(frozen=True)
class Line:
    """One line of a source file with its 1-based number."""

    number: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def decode(path: str, data: bytes) -> str:
    """Turn a file's bytes into normalised text or raise an :class:`InputError`.

    >>> decode("a.txt", b"\\xef\\xbb\\xbfTitle\\r\\nBody\\r\\n")
    'Title\\nBody\\n'
    >>> decode("a.txt", b"caf\\xe9\\n")
    Traceback (most recent call last):
    kg.problems.InputError: a.txt:1: error [not-utf8] byte 0xe9 at column 4 is not UTF-8...
    """
    if not data.strip():
        raise InputError(Problem("empty-file", path, 1, "The file is empty (no text at all)."))
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError(Problem("binary-file", path, line, "The file contains NUL bytes: it is binary, not text."))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        hint = "; the file looks like Latin-1 or Windows-1252" if _looks_single_byte(data) else ""
        message = f"byte 0x{data[err.start]:02x} at column {column} is not UTF-8{hint}."
        raise InputError(Problem("not-utf8", path, line, message)) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _TEXT_CONTROLS)
    if controls > _BINARY_CONTROL_SHARE * len(text):
        raise InputError(
            Problem("binary-file", path, None, f"{controls} control characters: the file is not text.")
        )
    return text


def _looks_single_byte(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """One regular file's bytes, or an :class:`InputError` saying why not: unreadable (``read-error``),
    not a regular file (``not-a-regular-file``: a pipe or device would block or never end) or larger
    than ``max_bytes`` (``file-too-large``, refused unread).

    >>> read_bytes(Path("/no/such/file"))
    Traceback (most recent call last):
    kg.problems.InputError: /no/such/file: error [read-error] ...
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(Problem("not-a-regular-file", str(path), None,
                                     "it is a pipe, socket or device, not a file; it was not read."))
        if max_bytes is not None and info.st_size > max_bytes:
            raise InputError(Problem("file-too-large", str(path), None,
                                     f"{info.st_size:,} bytes, more than the limit of {max_bytes:,}."))
        return path.read_bytes()
    except OSError as err:
        raise InputError(Problem("read-error", str(path), None, err.strerror or str(err))) from None


def read_text(path: Path) -> str:
    """Read and decode one file; see :func:`decode`.

    >>> read_text(Path("/no/such/file"))
    Traceback (most recent call last):
    kg.problems.InputError: /no/such/file: error [read-error] ...
    """
    return decode(str(path), read_bytes(path))


def lines_of(text: str) -> list[Line]:
    """Number the lines of a text, starting at 1.

    >>> [(line.number, line.text) for line in lines_of("a\\n\\nb")]
    [(1, 'a'), (2, ''), (3, 'b')]
    """
    return [Line(number, raw.rstrip()) for number, raw in enumerate(text.split("\n"), start=1)]


def blocks_of(lines: list[Line]) -> list[list[Line]]:
    """Group lines into blank-line-separated blocks.

    >>> [[line.text for line in block] for block in blocks_of(lines_of("a\\nb\\n\\n\\nc"))]
    [['a', 'b'], ['c']]
    """
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def joined(lines: list[Line]) -> str:
    """The text of some lines joined into one paragraph.

    >>> joined(lines_of("Minority Residents\\n from Xinjiang"))
    'Minority Residents from Xinjiang'
    """
    return " ".join(line.text.strip() for line in lines if not line.blank)
