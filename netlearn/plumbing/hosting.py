"""Where the kernel runs: the learner's own computer, or a shared service (Binder, a JupyterHub)."""

from __future__ import annotations

import os
from dataclasses import dataclass

#: Set in every session BinderHub starts (mybinder.org and other BinderHubs); the
#: first is Kubernetes' variable for the binder service, the others BinderHub's own.
BINDER_VARIABLES = ("BINDER_SERVICE_HOST", "BINDER_REQUEST", "BINDER_REPO_URL",
                    "BINDER_LAUNCH_HOST", "BINDER_REF_URL", "BINDER_PERSISTENT_REQUEST")
#: Set by JupyterHub in every single-user server it spawns (Binder runs one too).
HUB_VARIABLES = ("JUPYTERHUB_API_URL", "JUPYTERHUB_USER", "JUPYTERHUB_SERVICE_PREFIX")


@dataclass(frozen=True)
class SharedService:
    """A service the kernel runs on that is not the learner's own computer."""

    kind: str  # "binder" or "jupyterhub"
    name: str  # e.g. "Binder (mybinder.org)"
    detail: str  # who runs it and what happens to the data

    @property
    def temporary(self) -> bool:
        """True when the data disappears with the session (Binder)."""
        return self.kind == "binder"


def shared_service(environ=None) -> SharedService | None:
    """Return the shared service the kernel runs on, or None on the learner's own computer.

    Parameters
    ----------
    environ : mapping, optional
        The environment to look at (default: ``os.environ``).

    Returns
    -------
    SharedService or None
        Binder when a BinderHub variable is set (checked first: Binder runs a JupyterHub
        too), a JupyterHub when a JupyterHub variable is set.
    """
    env = os.environ if environ is None else environ
    if any(env.get(name) for name in BINDER_VARIABLES):
        launched = str(env.get("BINDER_LAUNCH_HOST", "")).strip().rstrip("/")
        host = launched.split("//", 1)[-1] if launched else "a BinderHub"
        return SharedService(
            "binder", f"Binder ({host[:60]})",
            "a temporary machine in the cloud, run by the Binder service: other people's "
            "sessions run beside yours, and everything in it is deleted when the session ends")
    if any(env.get(name) for name in HUB_VARIABLES):
        return SharedService(
            "jupyterhub", "a JupyterHub",
            "a server run by your school or organisation: its administrators can read the "
            "files in your folder there, and your data stays there after you log out")
    return None
