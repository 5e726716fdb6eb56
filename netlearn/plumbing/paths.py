"""Where a learner's data and a facilitator's content live (NETLEARN_HOME, NETLEARN_CONTENT)."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "NETLEARN_HOME"
CONTENT_ENV = "NETLEARN_CONTENT"
FACILITATOR_ENV = "NETLEARN_FACILITATOR"


def data_home() -> Path:
    """Return the directory that holds all of the learner's data.

    ``NETLEARN_HOME`` when set, else the platform's user data directory for
    "netlearn" (via platformdirs). The directory is not created here.
    """
    configured = os.environ.get(HOME_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("netlearn", appauthor=False))


def default_content_dir() -> Path:
    """Return the directory of the course content shipped with the package."""
    return Path(__file__).resolve().parents[1] / "content"


def override_content_dir() -> Path | None:
    """Return the facilitator's content directory from ``NETLEARN_CONTENT``, if set."""
    configured = os.environ.get(CONTENT_ENV, "").strip()
    return Path(configured).expanduser() if configured else None


_facilitator_override: list[bool] = []


def set_facilitator_mode(on: bool | None) -> None:
    """Turn facilitator mode on or off for this process (None: follow the environment)."""
    _facilitator_override.clear()
    if on is not None:
        _facilitator_override.append(bool(on))


def facilitator_mode() -> bool:
    """Return True when facilitator mode is on.

    On when :func:`set_facilitator_mode` turned it on, or else when
    ``NETLEARN_FACILITATOR`` is set to 1, true, yes or on.
    """
    if _facilitator_override:
        return _facilitator_override[0]
    return os.environ.get(FACILITATOR_ENV, "").strip().lower() in {"1", "true", "yes", "on"}
