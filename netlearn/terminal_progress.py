"""Progress reporting for long imports and exports: a terminal line, quiet when piped."""

from __future__ import annotations

import sys
import time


class TerminalProgress:
    """A progress callback that draws one updating line on a terminal.

    Call it as ``progress(done, total)``. Nothing is printed when the stream is
    not a terminal (piped or redirected) or when the work ends within
    ``delay`` seconds.

    Parameters
    ----------
    label : str
        What is being done, e.g. ``"reading Connections.csv"``.
    stream : file, optional
        Where to draw (default: standard error).
    delay : float
        Seconds before the first draw, so quick work stays quiet.
    """

    def __init__(self, label: str, stream=None, delay: float = 0.5):
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.delay = delay
        self.started = time.monotonic()
        self.last_draw = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.delay or now - self.last_draw < 0.1:
            return
        self.last_draw = now
        share = f"{100 * done / total:5.1f}%" if total else f"{done:,}"
        self.stream.write(f"\r{self.label}: {share}")
        self.stream.flush()
        self.drawn = True

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        if self.drawn:
            self.stream.write(f"\r{self.label}: done{' ' * 10}\n")
            self.stream.flush()
