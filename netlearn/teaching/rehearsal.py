"""A pausable, extendable countdown for rehearsing a pitch aloud, on an injectable clock."""

from __future__ import annotations

import time
from collections.abc import Callable

REHEARSAL_SECONDS = 60
EXTEND_SECONDS = 30


class RehearsalTimer:
    """A countdown that can be started, paused, extended and reset.

    Nothing here sleeps or starts a thread: the time left is computed from the
    clock whenever it is asked for, so tests drive it with a fake clock.

    Parameters
    ----------
    seconds : float, default 60
        Length of the countdown.
    clock : callable, optional
        Returns the current time in seconds (default: :func:`time.monotonic`).
    """

    def __init__(self, seconds: float = REHEARSAL_SECONDS,
                 clock: Callable[[], float] | None = None):
        self.clock = clock or time.monotonic
        self.seconds = float(seconds)
        self.total = float(seconds)
        self._used = 0.0  # seconds counted down before the current run
        self._since: float | None = None  # clock reading when the current run started

    def _settle(self) -> None:
        if self._since is not None and self.clock() - self._since >= self.total - self._used:
            self._used, self._since = self.total, None  # ran out: stop at zero

    @property
    def running(self) -> bool:
        """True while counting down (started, not paused, not finished)."""
        self._settle()
        return self._since is not None

    @property
    def started(self) -> bool:
        """True once started and until reset (also when paused or finished)."""
        return self._since is not None or self._used > 0

    @property
    def finished(self) -> bool:
        """True when the countdown has reached zero."""
        return self.remaining() <= 0

    def elapsed(self) -> float:
        """Seconds counted down so far."""
        run = self.clock() - self._since if self._since is not None else 0.0
        return min(self._used + run, self.total)

    def remaining(self) -> float:
        """Seconds left (never below zero)."""
        return max(self.total - self.elapsed(), 0.0)

    def start(self) -> None:
        """Start or resume counting down (a finished timer starts again from the top)."""
        self._settle()
        if self.finished:
            self.reset()
        if self._since is None:
            self._since = self.clock()

    def pause(self) -> None:
        """Stop counting, keeping the time left."""
        self._settle()
        if self._since is not None:
            self._used = self.elapsed()
            self._since = None

    def extend(self, seconds: float = EXTEND_SECONDS) -> None:
        """Add ``seconds`` to the time left (also after it ran out)."""
        self._settle()
        self.total += float(seconds)

    def reset(self) -> None:
        """Back to the full length, not running."""
        self.total = self.seconds
        self._used = 0.0
        self._since = None


def clock_text(seconds: float) -> str:
    """Return seconds left as ``m:ss``, rounding up so 0:00 means time is really up."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}"
