"""Split an mbox stream into its messages' header blocks, stepping over bodies unread.

A message starts at a ``From `` line at the start of the stream, after an empty line
(RFC 4155), or anywhere when the line has the envelope's own shape
(``From ada@example.com Mon Jan  1 09:00:00 2024``), which mail programs that leave out
the empty line still write. Its header block runs to the first empty line. Bodies are
searched for the next separator in blocks of bytes and never decoded, so memory holds
one block and one header at a time, whatever the size of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from netlearn.plumbing.errors import InputError

#: Bytes read at a time.
BLOCK_BYTES = 1 << 20
#: A header block longer than this is not read: the message is skipped. Real headers
#: stay under 100 KB even with long References and signatures.
MAX_HEADER_BYTES = 1 << 20
#: The envelope line as mail programs write it: ``From <sender> <asctime date>``.
_ENVELOPE = re.compile(
    rb"From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    rb"|Nov|Dec) +\d{1,2} +\d{1,2}:\d\d")
_HEADER_END = re.compile(rb"\n\r?\n")
_SEPARATOR = b"\nFrom "


def header_blocks(stream: BinaryIO, label: str, on_read=None,
                  block: int = BLOCK_BYTES) -> Iterator[tuple[int, int, bytes | None]]:
    """Yield each message's header block from an mbox stream.

    Parameters
    ----------
    stream : binary stream
        The mailbox, read once from its start.
    label : str
        The mailbox's name for messages.
    on_read : callable, optional
        Called with the number of bytes of each block read.
    block : int, optional
        Bytes read at a time.

    Yields
    ------
    tuple of (int, int, bytes or None)
        The message's number (from 1), the line of its ``From `` line, and its header
        block without the ``From `` line: None when it is longer than
        :data:`MAX_HEADER_BYTES` (the message is then passed over).

    Raises
    ------
    InputError
        The stream is empty or does not start with a ``From `` line.
    """
    return _Splitter(stream, label, on_read, block).messages()


class _Splitter:
    def __init__(self, stream: BinaryIO, label: str, on_read, block: int):
        self.stream = stream
        self.label = label
        self.on_read = on_read
        self.block = block
        self.buf = bytearray()
        self.eof = False
        self.line = 1  # the line of buf[0]

    def fill(self) -> bool:
        """Read one more block; False at the end of the stream."""
        if self.eof:
            return False
        data = self.stream.read(self.block)
        if not data:
            self.eof = True
            return False
        if self.on_read is not None:
            self.on_read(len(data))
        self.buf += data
        return True

    def drop(self, upto: int) -> None:
        """Forget ``buf[:upto]``, counting its lines (deleting a bytearray's head is cheap)."""
        self.line += self.buf.count(b"\n", 0, upto)
        del self.buf[:upto]

    def messages(self) -> Iterator[tuple[int, int, bytes | None]]:
        buf = self.buf
        while not self.eof and len(buf.lstrip(b"\r\n")) < 5:
            self.fill()
        if not buf.strip():
            raise InputError("is empty", path=self.label)
        start = len(buf) - len(buf.lstrip(b"\r\n"))  # a mailbox may open with empty lines
        if not buf.startswith(b"From ", start):
            raise InputError("is not an mbox mailbox (it does not start with a 'From ' line)",
                             path=self.label)
        number = 0
        while start is not None:
            self.drop(start)
            number += 1
            line = self.line
            header, body = self.header()
            yield number, line, header  # before the body is read
            start = None if body is None else self.next_start(body)

    def header(self) -> tuple[bytes | None, int | None]:
        """Read the header block of the message at ``buf[0]``.

        Returns
        -------
        tuple of (bytes or None, int or None)
            The block (None when too long), and where to look for the next message from
            (None: the mailbox ends with this header).
        """
        buf = self.buf
        while (eol := buf.find(b"\n")) < 0:
            if len(buf) > MAX_HEADER_BYTES:
                return None, len(buf)
            if not self.fill():
                return b"", None
        searched = eol
        while True:
            limit = min(len(buf), eol + MAX_HEADER_BYTES)
            end = _HEADER_END.search(buf, max(searched - 2, eol), limit)
            inner = self.envelope_in(eol, end.start() if end else limit)
            if inner is not None:  # the next message starts before an empty line
                return bytes(buf[eol + 1:inner]), inner - 1
            if end is not None:
                return bytes(buf[eol + 1:end.start() + 1]), end.end() - 1
            searched = limit
            if limit == eol + MAX_HEADER_BYTES:
                return None, eol
            if not self.fill():  # the header runs to the end of the mailbox
                return bytes(buf[eol + 1:]), None

    def envelope_in(self, first: int, stop: int) -> int | None:
        """Where an envelope-shaped ``From `` line starts inside a header, if one does."""
        at = self.buf.find(_SEPARATOR, first, stop)
        while at >= 0:
            if _ENVELOPE.match(self.buf, at + 1):
                return at + 1
            at = self.buf.find(_SEPARATOR, at + 1, stop)
        return None

    def next_start(self, at: int) -> int | None:
        """Find the next separator from ``buf[at]`` (an LF or earlier), reading on as needed.

        Returns
        -------
        int or None
            Where in ``buf`` the next message's ``From `` line starts; None at the end.
        """
        buf = self.buf
        while True:
            found = buf.find(_SEPARATOR, at)
            while found >= 0:
                if self.is_separator(found):
                    return found + 1
                found = buf.find(_SEPARATOR, found + 1)
            # what is left to search: the tail a separator cut by the block's end may
            # start in, with the two bytes before it that tell an empty line
            at = max(at, len(buf) - len(_SEPARATOR) + 1)
            if at > 2:
                self.drop(at - 2)
                at = 2
            if not self.fill():
                return None

    def is_separator(self, lf: int) -> bool:
        """Whether the ``\\nFrom `` at ``buf[lf]`` starts a message (the body's end is known)."""
        buf = self.buf
        while len(buf) < lf + 64 and self.fill():  # enough of the line to see its shape
            pass
        if lf >= 1 and buf[lf - 1] == 0x0A or lf >= 2 and buf[lf - 2:lf] == b"\n\r":
            return True
        return _ENVELOPE.match(buf, lf + 1) is not None
