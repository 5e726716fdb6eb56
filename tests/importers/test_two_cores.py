"""The two-core CSV read: where the child's part starts, what it hands back, and failures."""

from __future__ import annotations

import csv
import io
import os
import random
import sys
import time

import pytest

from netlearn.importers import two_cores

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="forks only on Linux")


def _records(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(), newline=""), strict=True))


def _random_csv(rng: random.Random, rows: int, newline: str = "\n") -> bytes:
    out = []
    for n in range(rows):
        body = rng.choice(['plain', '"two\nlines"', '"a ""quoted"" word"', '"x,\n\n,y"', ""])
        out.append(f"{n},{body},{rng.randint(0, 9)}{newline}")
    return "".join(out).encode()


@pytest.mark.parametrize("seed", range(25))
def test_the_split_falls_between_records_so_both_parts_parse_as_the_whole(seed, monkeypatch):
    monkeypatch.setattr(two_cores, "_READ", 97)  # many reads, a record across each edge
    rng = random.Random(seed)
    data = _random_csv(rng, 300, rng.choice(["\n", "\r\n"]))
    target = rng.randrange(len(data) // 2)
    found = two_cores.record_start(io.BytesIO(data), target)
    assert found is not None
    offset, rest = found
    assert offset > target and data[offset - 1:offset] == b"\n"
    assert data[offset:].startswith(rest)
    assert _records(data[:offset]) + _records(data[offset:]) == _records(data)


def test_a_line_break_inside_quotes_is_not_taken():
    data = b'1,"one\ntwo\nthree",x\n2,b,y\n'
    offset, rest = two_cores.record_start(io.BytesIO(data), 3)
    assert data[:offset] == b'1,"one\ntwo\nthree",x\n' and rest == b"2,b,y\n"


def test_no_split_when_no_record_starts_after_the_target():
    assert two_cores.record_start(io.BytesIO(b"1,a\n2,b"), 5) is None
    assert two_cores.record_start(io.BytesIO(b'1,a\n"open,\n\nquote'), 5) is None


def test_limited_and_resumed_streams():
    assert two_cores.Limited(io.BytesIO(b"abcdef"), 4).read() == b"abcd"
    assert two_cores.Resumed(b"ab", io.BytesIO(b"cdef")).read() == b"abcdef"
    resumed = io.BufferedReader(two_cores.Resumed(b"x" * 10, io.BytesIO(b"y" * 10)), 4)
    assert resumed.read() == b"x" * 10 + b"y" * 10


@pytest.mark.parametrize("data", [b"a\nb\n", b"a\r\nb\r\n", b"a\rb\r\nc\n", b"\r\n" * 5,
                                  b"x" * 7 + b"\r\n" + b"y\r\n"])
def test_line_breaks_count_as_csv_counts_lines(data, tmp_path, monkeypatch):
    monkeypatch.setattr(two_cores, "_READ", 3)  # a CRLF split across two reads
    f = tmp_path / "f.csv"
    f.write_bytes(data + b"z\n")
    reader = csv.reader(io.TextIOWrapper(io.BytesIO(data), newline=""))
    for _ in reader:
        pass
    assert two_cores.line_breaks(lambda: open(f, "rb"), len(data)) == reader.line_num


def test_available_only_on_linux_with_at_most_one_other_thread(monkeypatch):
    monkeypatch.setattr(two_cores.sys, "platform", "darwin")
    assert not two_cores.available()
    monkeypatch.setattr(two_cores.sys, "platform", "linux")
    monkeypatch.setattr(two_cores.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(two_cores.threading, "active_count", lambda: 3)
    assert not two_cores.available()  # e.g. a notebook kernel
    monkeypatch.setattr(two_cores.threading, "active_count", lambda: 2)
    assert two_cores.available() == hasattr(os, "fork")
    monkeypatch.setattr(two_cores.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert not two_cores.available()  # one core: nothing to gain


def _numbers(tmp_path, count=5000) -> tuple:
    data = "".join(f"{n},row {n}\n" for n in range(count)).encode()
    f = tmp_path / "numbers.csv"
    f.write_bytes(data)
    return f, data


def _count_rows(stream, send):
    rows = 0
    batch = []
    for row in csv.reader(io.TextIOWrapper(stream, newline="")):
        batch.append(int(row[0]))
        if len(batch) == 1000:
            send(batch)
            rows, batch = rows + len(batch), []
    send(batch)
    return rows + len(batch), os.getpid()


@linux_only
def test_the_child_parses_its_part_and_hands_back_pieces_and_a_result(tmp_path):
    f, data = _numbers(tmp_path)
    child = two_cores.Child(lambda: open(f, "rb"), len(data), len(data) // 2, _count_rows)
    offset = child.offset()
    assert offset is not None and data[offset - 1:offset] == b"\n"
    first_row = int(data[offset:].split(b",", 1)[0])
    (rows, pid), pieces = child.result()
    assert pid != os.getpid()  # it ran in another process
    numbers = [n for piece in pieces for n in piece]
    assert numbers == list(range(first_row, 5000)) and rows == len(numbers)
    assert child._shared.closed  # freed once every piece was read


@linux_only
def test_a_child_that_fails_gives_none_and_is_reaped(tmp_path):
    f, data = _numbers(tmp_path)

    def fail(stream, send):
        send([1, 2, 3])
        raise ValueError("broken")

    child = two_cores.Child(lambda: open(f, "rb"), len(data), 10, fail)
    assert child.offset() is not None
    assert child.result() is None
    with pytest.raises(ChildProcessError):
        os.waitpid(child._pid, os.WNOHANG)


@linux_only
def test_no_place_to_split_gives_none(tmp_path):
    f = tmp_path / "one-line.csv"
    f.write_bytes(b"x" * 1000)
    child = two_cores.Child(lambda: open(f, "rb"), 1000, 10, _count_rows)
    assert child.offset() is None and child.result() is None


@linux_only
def test_closing_stops_a_child_still_at_work(tmp_path):
    f, data = _numbers(tmp_path)

    def slow(stream, send):
        time.sleep(60)

    child = two_cores.Child(lambda: open(f, "rb"), len(data), 10, slow)
    assert child.offset() is not None
    start = time.monotonic()
    child.close()
    assert time.monotonic() - start < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(child._pid, os.WNOHANG)
    assert child._shared.closed
