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
    """Return the facilitator's content directory from ``NETLEARN_CONTENT``, if set.

    A relative path means relative to where the command was typed. A notebook's kernel
    runs in the notebook's folder, not there, so a relative path that does not exist
    from the working directory is looked up from the shell's ``PWD`` (which the server
    and its kernels inherit); the server extension makes it absolute before any kernel
    starts (:func:`absolute_from`), which also covers shells without ``PWD``.
    """
    configured = os.environ.get(CONTENT_ENV, "").strip()
    if not configured:
        return None
    path = Path(configured).expanduser()
    typed_in = os.environ.get("PWD", "").strip()
    if not path.is_absolute() and not path.exists() and typed_in:
        candidate = Path(typed_in) / path
        if candidate.exists():
            return candidate
    return path


def absolute_from(base: Path, names=(CONTENT_ENV, HOME_ENV)) -> dict[str, str]:
    """Make relative ``NETLEARN_CONTENT`` and ``NETLEARN_HOME`` absolute against ``base``.

    Called by the Jupyter server extension in the server's process, whose working
    directory is where ``jupyter lab`` was typed; kernels inherit the changed environment.

    Returns
    -------
    dict
        Variable -> its new value, for each variable changed.
    """
    changed = {}
    for name in names:
        value = os.environ.get(name, "").strip()
        if value and not Path(value).expanduser().is_absolute():
            changed[name] = os.environ[name] = str((base / Path(value).expanduser()).resolve())
    return changed


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
