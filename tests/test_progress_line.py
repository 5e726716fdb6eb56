"""The CLI's progress line: drawn on a terminal for long work, silent when piped or quick."""

import io

from netlearn.terminal_progress import TerminalProgress


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_draws_on_a_terminal_once_work_takes_a_moment():
    stream = FakeTerminal()
    with TerminalProgress("reading x.csv", stream=stream, delay=0) as progress:
        progress(50, 200)
    assert "\rreading x.csv:  25.0%" in stream.getvalue()
    assert stream.getvalue().endswith("reading x.csv: done" + " " * 10 + "\n")


def test_quiet_when_piped():
    stream = io.StringIO()  # not a terminal
    with TerminalProgress("reading", stream=stream, delay=0) as progress:
        progress(1, 2)
    assert stream.getvalue() == ""


def test_quiet_when_work_is_quick():
    stream = FakeTerminal()
    with TerminalProgress("reading", stream=stream, delay=60) as progress:
        progress(1, 2)
    assert stream.getvalue() == ""
