"""Reading a text file as a stream: lines decoded as they are read, and how far it got.

Every CSV reader reads through `text_stream`, so a file of any size is read row by row in
flat memory, and progress is the share of the file's bytes read so far.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO


@dataclass(frozen=True)
class TextStream:
    """A file's text for `csv.reader`, with its size and a function telling bytes read."""

    text: TextIO
    bytes_read: Callable[[], int]
    size: int


@contextlib.contextmanager
def text_stream(source: str | Path) -> Iterator[TextStream]:
    """`source` (a path, or the text itself) as UTF-8 text with its byte order mark dropped.

    Lines are decoded as they are read; a byte that is not UTF-8 raises UnicodeDecodeError
    when the reader reaches it.
    """
    raw: BinaryIO
    if isinstance(source, Path):
        raw = source.open("rb")
        size = source.stat().st_size
    else:
        data = source.encode("utf-8")
        raw, size = io.BytesIO(data), len(data)
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    try:
        yield TextStream(text, raw.tell, max(1, size))
    finally:
        text.close()


def first_line(source: str | Path) -> str:
    """The first line of `source` (without its line end), for recognising a CSV header."""
    with text_stream(source) as stream:
        return stream.text.readline().rstrip("\r\n")
