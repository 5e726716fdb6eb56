"""Parse the end of a big CSV in a forked child process while this process reads the rest."""

from __future__ import annotations

import io
import mmap
import os
import pickle
import signal
import struct
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from typing import BinaryIO

#: A file smaller than this is read in one process: forking and handing the rows back
#: cost more than the second core saves.
MIN_BYTES = 8 << 20
#: Longest stretch searched, past the chosen point, for a line break outside quotes.
_SEARCH_BYTES = 8 << 20
_READ = 1 << 20
_HEADER = struct.Struct("q")  # an offset or a size in the shared memory


def available() -> bool:
    """True where a child process may be forked to parse: Linux, two cores free to this
    process, and no threads but this one and at most one helper (a notebook kernel has
    several, and forking beside them is not safe, so kernels read in one process).

    Returns
    -------
    bool
    """
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except OSError:  # pragma: no cover - Linux always has it
        return False
    return cores >= 2 and threading.active_count() <= 2


def record_start(stream: BinaryIO, target: int) -> tuple[int, bytes] | None:
    """Read ``stream`` up to the first line break after byte ``target`` that lies outside
    double quotes; return that line's end offset and the bytes read past it.

    Quotes are counted from the start: in CSV an escaped quote is doubled, so a line
    break with an even number of quotes before it is not inside a quoted field. (A stray
    quote in an unquoted field breaks that rule; the reader of the first part then ends
    inside a field, reports it, and the file is read in one process instead.)

    Parameters
    ----------
    stream : binary stream
        At the start of the file.
    target : int
        Where to start looking.

    Returns
    -------
    tuple or None
        ``(offset, rest)``: the offset just after the line break, and the bytes of the
        chunk read after it (the stream continues from there). None when no such line
        break follows within a few megabytes, or the file ends first.
    """
    quotes = done = 0
    while True:
        chunk = stream.read(_READ)
        if not chunk:
            return None
        if done + len(chunk) <= target:
            quotes += chunk.count(b'"')
            done += len(chunk)
            continue
        start = max(target - done, 0)
        quotes += chunk.count(b'"', 0, start)
        while True:
            lf = chunk.find(b"\n", start)
            if lf < 0:
                quotes += chunk.count(b'"', start)
                break
            quotes += chunk.count(b'"', start, lf)
            if quotes % 2 == 0:
                return done + lf + 1, chunk[lf + 1:]
            start = lf + 1
        done += len(chunk)
        if done > target + _SEARCH_BYTES:
            return None


class _Wrapper(io.RawIOBase):
    """A readable stream over ``raw``, which it closes with itself."""

    def __init__(self, raw: BinaryIO):
        super().__init__()
        self._raw = raw

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


class Resumed(_Wrapper):
    """A binary stream that gives ``head`` first, then the rest of ``raw``."""

    def __init__(self, head: bytes, raw: BinaryIO):
        super().__init__(raw)
        self._head = memoryview(head)

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._raw.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


class Limited(_Wrapper):
    """The first ``limit`` bytes of ``raw``."""

    def __init__(self, raw: BinaryIO, limit: int):
        super().__init__(raw)
        self._left = limit

    def readinto(self, buffer) -> int:
        if self._left <= 0:
            return 0
        data = self._raw.read(min(len(buffer), self._left))
        buffer[:len(data)] = data
        self._left -= len(data)
        return len(data)


def line_breaks(opener: Callable[[], BinaryIO], offset: int) -> int:
    """How many lines end before ``offset`` (CR, LF and CRLF each end one, as for csv).

    Parameters
    ----------
    opener : callable
        Opens the file at its start.
    offset : int
        Just after a line feed.

    Returns
    -------
    int
    """
    lf = cr = crlf = 0
    left, last = offset, b""
    with opener() as stream:
        while left > 0:
            chunk = stream.read(min(left, _READ))
            if not chunk:
                break
            lf += chunk.count(b"\n")
            cr += chunk.count(b"\r")
            crlf += chunk.count(b"\r\n") + (last == b"\r" and chunk[:1] == b"\n")
            last = chunk[-1:]
            left -= len(chunk)
    return lf + cr - crlf


class Child:
    """A forked child that finds where the last part of a file starts, parses it, and
    hands what it made back through shared memory, a piece at a time.

    ``work(stream, send)`` runs in the child on a stream positioned at the part's first
    byte. It may ``send(obj)`` pieces as it goes (each is pickled into the shared
    memory and dropped from the child's, so the child never holds its whole part), and
    returns a last, picklable result. The parent asks :meth:`offset` for where the
    part starts (to stop its own reading there) and :meth:`result` for the child's
    result and pieces; either is None when the child found no place to split or
    failed, and then the parent reads the whole file itself. The child works on a copy
    of the parent's state and exits without running any cleanup.

    Parameters
    ----------
    opener : callable
        Opens the file at its start, with a handle of its own (called in the child).
    size : int
        The file's size in bytes.
    target : int
        Where to look for the first line of the child's part.
    work : callable
        Parses the part.
    """

    def __init__(self, opener: Callable[[], BinaryIO], size: int, target: int,
                 work: Callable[[BinaryIO, Callable[[object], None]], object]):
        # what is handed back is smaller than the text it comes from (a piece that does
        # not fit fails the child); untouched pages cost nothing
        self._shared = mmap.mmap(-1, 2 * size + (4 << 20))
        try:
            self._read_end, write_end = os.pipe()
        except OSError:
            self._shared.close()
            raise
        with warnings.catch_warnings():
            # Python 3.12+ warns on forking beside other threads; :func:`available`
            # allows one, the import's hashing thread, which holds nothing the child uses
            warnings.filterwarnings("ignore", ".*multi-threaded.*", DeprecationWarning)
            try:
                self._pid = os.fork()
            except OSError:
                for fd in (self._read_end, write_end):
                    os.close(fd)
                self._shared.close()
                raise
        if self._pid == 0:  # the child: never returns
            os.close(self._read_end)
            _child_main(opener, target, work, write_end, self._shared)
        os.close(write_end)
        self._offset: int | None = -1
        self._done = False

    def offset(self) -> int | None:
        """Where the child's part starts; None if the child will not parse one."""
        if self._offset == -1:
            data = _read_exactly(self._read_end, _HEADER.size)
            self._offset = _HEADER.unpack(data)[0] if len(data) == _HEADER.size else 0
            self._offset = self._offset or None
        return self._offset

    def result(self) -> tuple[object, Iterator[object]] | None:
        """Wait for the child; return its result and an iterator over the pieces it
        sent (each freed from shared memory once loaded), or None if it failed."""
        if self.offset() is None or self._wait() != 0:
            self.close()
            return None
        at, size = _HEADER.unpack_from(self._shared, 0)[0], _HEADER.unpack_from(
            self._shared, _HEADER.size)[0]
        with memoryview(self._shared) as view:
            final, pieces = pickle.loads(view[at:at + size])
        return final, self._pieces(pieces)

    def _pieces(self, pieces: list[tuple[int, int]]) -> Iterator[object]:
        try:
            for at, size in pieces:
                with memoryview(self._shared) as view:
                    piece = pickle.loads(view[at:at + size])
                _free(self._shared, at, size)
                yield piece
        finally:
            self.close()

    def close(self) -> None:
        """Stop the child if it still runs, and free what it shared."""
        if not self._done:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:  # pragma: no cover - it had just exited
                pass
            self._wait()
        if not self._shared.closed:
            self._shared.close()
        if self._read_end >= 0:
            os.close(self._read_end)
            self._read_end = -1

    def _wait(self) -> int:
        if self._done:
            return -1
        _, status = os.waitpid(self._pid, 0)
        self._done = True
        return os.waitstatus_to_exitcode(status)


def _free(shared: mmap.mmap, at: int, size: int) -> None:
    """Give the whole pages of ``shared[at:at + size]`` back to the system."""
    remove = getattr(mmap, "MADV_REMOVE", None)
    first = -(-at // mmap.PAGESIZE) * mmap.PAGESIZE
    end = (at + size) // mmap.PAGESIZE * mmap.PAGESIZE
    if remove is not None and end > first:
        try:
            shared.madvise(remove, first, end - first)
        except OSError:  # pragma: no cover - a kernel without it: freed when closed
            pass


class _Sender:
    """Pickles pieces into the shared memory, each from a page boundary (so each can be
    freed on its own once loaded)."""

    def __init__(self, shared: mmap.mmap):
        self.shared = shared
        self.pieces: list[tuple[int, int]] = []
        self.at = mmap.PAGESIZE  # the first page holds where the index is

    def send(self, obj: object) -> None:
        self.shared.seek(self.at)
        pickle.dump(obj, self.shared, protocol=pickle.HIGHEST_PROTOCOL)
        end = self.shared.tell()
        self.pieces.append((self.at, end - self.at))
        self.at = -(-end // mmap.PAGESIZE) * mmap.PAGESIZE

    def finish(self, final: object) -> None:
        self.shared.seek(self.at)
        pickle.dump((final, self.pieces), self.shared, protocol=pickle.HIGHEST_PROTOCOL)
        _HEADER.pack_into(self.shared, 0, self.at)
        _HEADER.pack_into(self.shared, _HEADER.size, self.shared.tell() - self.at)


def _child_main(opener, target, work, write_end, shared) -> None:  # pragma: no cover
    # (runs in the forked child: coverage is not collected there)
    code = 1
    try:
        with opener() as raw:
            found = record_start(raw, target)
            os.write(write_end, _HEADER.pack(found[0] if found else 0))
            os.close(write_end)
            if found:
                sender = _Sender(shared)
                sender.finish(work(Resumed(found[1], raw), sender.send))
                code = 0
    except BaseException:  # noqa: BLE001 - any failure: the parent reads the file itself
        code = 1
    finally:
        os._exit(code)


def _read_exactly(fd: int, n: int) -> bytes:
    data = b""
    while len(data) < n:
        more = os.read(fd, n - len(data))
        if not more:
            break
        data += more
    return data
