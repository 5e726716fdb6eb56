"""Error types that carry the file (and line) they are about."""

from __future__ import annotations


class NetlearnError(Exception):
    """A problem a learner or facilitator can fix, reported as one line.

    Parameters
    ----------
    message : str
        What is wrong, in plain words.
    path : str or os.PathLike, optional
        The file the problem is in.
    line : int, optional
        The 1-based line in that file.
    """

    def __init__(self, message, path=None, line=None):
        super().__init__(message)
        self.message = " ".join(str(message).split())
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        if self.path and self.line:
            return f"{self.path}:{self.line}: {self.message}"
        if self.path:
            return f"{self.path}: {self.message}"
        return self.message

    def _render_traceback_(self) -> list[str]:
        """Return what IPython shows in a notebook instead of a traceback: the one line."""
        return [f"{type(self).__name__}: {self}"]


class ContentError(NetlearnError):
    """Course content (YAML) that is malformed or inconsistent."""


class StoreError(NetlearnError):
    """The learner's SQLite store cannot be opened, read or written."""


class InputError(NetlearnError):
    """A file that cannot be imported as the format it was named as."""


class ContentWarning(NetlearnError):
    """A finding in valid content worth a look: ``PATH:LINE: warning: …`` (or ``note``).

    Warnings (item-quality cues) fail ``netlearn check --strict``; notes never do.

    Parameters
    ----------
    message, path, line
        As for :class:`NetlearnError`.
    level : str
        ``"warning"`` or ``"note"``.
    """

    def __init__(self, message, path=None, line=None, level="warning"):
        super().__init__(message, path, line)
        self.level = level

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: " if self.path and self.line else (
            f"{self.path}: " if self.path else "")
        return f"{where}{self.level}: {self.message}"
