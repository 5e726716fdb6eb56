"""The course's version: pyproject.toml's, read from the checkout or the installed metadata."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_VERSION_LINE = re.compile(r'^version\s*=\s*"([^"]+)"\s*$', re.MULTILINE)


@lru_cache(maxsize=1)
def course_version() -> str:
    """Return netlearn's version, e.g. ``"0.2.0"``.

    ``pyproject.toml`` is the single source. In a source checkout (the usual way to take
    the course) it is read from there, so a ``git pull`` of a new release shows the new
    version even before the editable install is refreshed; otherwise from the installed
    package's metadata (``importlib.metadata``).

    Returns
    -------
    str
        The version, or ``"unknown"`` when neither is available.
    """
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        text = ""
    if 'name = "netlearn"' in text:
        found = _VERSION_LINE.search(text)
        if found:
            return found.group(1)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("netlearn")
    except PackageNotFoundError:
        return "unknown"
