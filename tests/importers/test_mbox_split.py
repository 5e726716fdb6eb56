"""Splitting mbox streams into header blocks: separators, line ends, block edges, limits."""

from __future__ import annotations

import io
import tracemalloc

import pytest

from netlearn.importers import mbox_split
from netlearn.importers.mbox_split import header_blocks
from netlearn.plumbing.errors import InputError

THREE = (b"From ada@example.com Mon Jan  5 09:00:00 2026\n"
         b"From: ada@example.com\nSubject: one\n\nbody one\n>From the escaped line\n\n"
         b"From bo@example.com Mon Jan  5 10:00:00 2026\n"
         b"From: bo@example.com\n\nFrom what I heard, a body line after an empty line\n"
         b"From 9:00 to 17:00 with no empty line before\n\n"
         b"From - Tue Jan 06 09:00:00 2026\n"
         b"From: cy@example.com\nTo: x@example.com\n\nlast body\n")


def blocks(data: bytes, block: int = mbox_split.BLOCK_BYTES):
    return list(header_blocks(io.BytesIO(data), "box", block=block))


def test_messages_start_at_from_lines_after_an_empty_line_or_in_envelope_shape():
    got = blocks(THREE)
    assert [(n, line) for n, line, _ in got] == [(1, 1), (2, 8), (3, 11), (4, 14)]
    assert got[0][2] == b"From: ada@example.com\nSubject: one\n"
    assert got[1][2] == b"From: bo@example.com\n"
    # "From what I heard" follows an empty line: a message of its own, without headers,
    # which the importer skips; "From 9:00 to 17:00" follows a body line and is no envelope
    assert got[2][2] == b"From 9:00 to 17:00 with no empty line before\n"
    assert got[3][2] == b"From: cy@example.com\nTo: x@example.com\n"


@pytest.mark.parametrize("block", [1, 2, 3, 5, 6, 7, 8, 13, 64])
def test_any_block_size_gives_the_same_messages(block):
    assert blocks(THREE, block) == blocks(THREE)
    crlf = THREE.replace(b"\n", b"\r\n")
    assert blocks(crlf, block) == blocks(crlf)


def test_crlf_mailboxes_split_the_same_way():
    got = blocks(THREE.replace(b"\n", b"\r\n"))
    assert [(n, line) for n, line, _ in got] == [(1, 1), (2, 8), (3, 11), (4, 14)]
    assert got[0][2] == b"From: ada@example.com\r\nSubject: one\r\n"


def test_an_envelope_line_without_an_empty_line_before_it_still_starts_a_message():
    data = (b"From a@example.com Mon Jan  5 09:00:00 2026\nFrom: a@example.com\n\nbody\n"
            b"From b@example.com Mon Jan  5 10:00:00 2026\nFrom: b@example.com\n\nbody\n")
    assert [h for _, _, h in blocks(data)] == [b"From: a@example.com\n", b"From: b@example.com\n"]


def test_a_message_without_body_or_empty_line_ends_at_the_next_envelope():
    data = (b"From a@example.com Mon Jan  5 09:00:00 2026\nFrom: a@example.com\n"
            b"From b@example.com Mon Jan  5 10:00:00 2026\nFrom: b@example.com\n")
    assert [h for _, _, h in blocks(data, 4)] == [b"From: a@example.com\n",
                                                 b"From: b@example.com\n"]


def test_leading_empty_lines_are_allowed():
    assert blocks(b"\n\r\nFrom a Mon Jan  5 09:00:00 2026\nFrom: a@example.com\n\nx\n")[0][:2] \
        == (1, 3)


@pytest.mark.parametrize(("data", "words"), [
    (b"", "is empty"),
    (b"\n\n  \n", "is empty"),
    (b"Return-Path: <a@example.com>\nFrom: a@example.com\n\nbody\n", "does not start"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "does not start"),
    (b"From:a@example.com\n\n", "does not start"),
])
def test_what_is_not_an_mbox_is_refused_in_one_line(data, words):
    with pytest.raises(InputError) as err:
        blocks(data)
    assert words in str(err.value) and str(err.value).startswith("box: ")


def test_a_header_that_runs_to_the_end_is_read_whole():
    data = b"From a Mon Jan  5 09:00:00 2026\nFrom: a@example.com\nTo: b@example.com"
    assert blocks(data, 3) == [(1, 1, b"From: a@example.com\nTo: b@example.com")]


def test_an_over_long_header_is_passed_over_and_the_next_message_found(monkeypatch):
    monkeypatch.setattr(mbox_split, "MAX_HEADER_BYTES", 100)
    long = b"To: " + b"x" * 500 + b"\n"
    data = (b"From a Mon Jan  5 09:00:00 2026\nFrom: a@example.com\n" + long + b"\nbody\n\n"
            b"From b Mon Jan  5 10:00:00 2026\nFrom: b@example.com\n\nbody\n")
    for block in (7, 64, 1 << 20):
        assert blocks(data, block) == [(1, 1, None), (2, 7, b"From: b@example.com\n")]


def test_an_over_long_first_line_is_passed_over(monkeypatch):
    monkeypatch.setattr(mbox_split, "MAX_HEADER_BYTES", 100)
    data = b"From " + b"y" * 300 + b"\n\nFrom b Mon Jan  5 10:00:00 2026\nFrom: b@x.org\n\n"
    assert blocks(data, 16) == [(1, 1, None), (2, 3, b"From: b@x.org\n")]


def test_headers_come_as_the_stream_is_read_and_bodies_are_not_held():
    body = (b"QUJDRA==" * 8 + b"\n") * 200_000  # a 13 MB base64 attachment
    data = (b"From a Mon Jan  5 09:00:00 2026\nFrom: a@example.com\n\n" + body
            + b"\nFrom b Mon Jan  5 10:00:00 2026\nFrom: b@example.com\n\nshort\n")
    stream = io.BytesIO(data)
    messages = header_blocks(stream, "box", block=1 << 16)
    assert next(messages)[2] == b"From: a@example.com\n"
    assert stream.tell() < 1 << 17  # the first header came before the body was read
    tracemalloc.start()
    try:
        rest = list(messages)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert rest == [(2, 200_005, b"From: b@example.com\n")]
    assert peak < 1 << 20, peak  # a block or two, never the 13 MB body


def test_progress_counts_every_byte_read():
    seen = []
    list(header_blocks(io.BytesIO(THREE), "box", seen.append, block=10))
    assert sum(seen) == len(THREE)
