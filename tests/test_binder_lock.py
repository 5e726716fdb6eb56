"""The Binder lock (binder/requirements.txt) pins what requirements.txt allows, and nothing less.

requirements.txt stays a set of ranges for self-study installs; the lock is generated from it by
the command in its header (see docs/jupyterhub.md) and is what Binder and hub images install.
"""

import re
from pathlib import Path

import tomllib
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parent.parent
LOCK = REPO / "binder" / "requirements.txt"
# In the lock but not in requirements.txt, with why: what a JupyterHub image needs besides.
HUB_ONLY = {"nbgitpuller": "opens the course from a hub link (netlearn links --hub)"}


def ranges() -> dict[str, Requirement]:
    found = {}
    for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith(("-", "./")):  # the local packages: not in the lock
            req = Requirement(line)
            found[canonicalize_name(req.name)] = req
    return found


def locked() -> tuple[dict[str, Version], set[str]]:
    """Return (every pinned package -> version, the top-level packages: those 'via -r -')."""
    pins, top, current = {}, set(), None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        pin = re.match(r"^([A-Za-z0-9_.\-]+)==(\S+)$", line)
        if pin:
            current = canonicalize_name(pin[1])
            pins[current] = Version(pin[2])
        elif line.strip() and not line.startswith((" ", "#")):
            raise AssertionError(f"{LOCK}: not an exact pin: {line!r}")
        elif current and re.search(r"(via|#)\s+-r -$", line.rstrip()):
            top.add(current)
    return pins, top


def test_the_lock_pins_exactly_the_top_level_packages_of_requirements_txt():
    pins, top = locked()
    assert len(pins) > 20  # the whole environment, not only the top level
    assert top == set(ranges()) | set(HUB_ONLY)


def test_each_locked_version_is_inside_its_range():
    pins, _ = locked()
    outside = {name: str(pins[name]) for name, req in ranges().items()
               if not req.specifier.contains(pins[name], prereleases=True)}
    assert outside == {}


def test_netlearns_own_dependencies_are_in_the_lock():
    # binder/postBuild installs netlearn with --no-deps: the lock must already satisfy it.
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    pins, _ = locked()
    for line in pyproject["project"]["dependencies"]:
        req = Requirement(line)
        name = canonicalize_name(req.name)
        assert name in pins, name
        assert req.specifier.contains(pins[name], prereleases=True), (name, pins[name])


def test_the_lock_says_how_it_was_made():
    header = LOCK.read_text(encoding="utf-8")[:1000]
    assert "pip-compile" in header and "requirements.txt" in header
