"""Links that open the course for a workshop: mybinder.org and a JupyterHub via nbgitpuller."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from netlearn.plumbing.errors import NetlearnError

BINDER = "https://mybinder.org"
START_NOTEBOOK = "notebooks/00-start-here.ipynb"
_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
_SSH = re.compile(r"^git@(?P<host>[A-Za-z0-9.-]+):(?P<path>[^\s]+)$")


def _local_repo(text: str) -> tuple[str, str, str, str] | None:
    """Return ``_repo``'s tuple for a ``file:///ABSOLUTE/PATH`` repository on the hub, else None."""
    parts = urlsplit(text)
    if parts.scheme != "file":
        return None
    segments = [s for s in parts.path.split("/") if s]
    if (parts.netloc or parts.query or parts.fragment or not segments
            or not all(_NAME.match(s) for s in segments) or ".." in segments):
        raise NetlearnError(f"{text!r} is not a local repository URL like file:///srv/netlearn")
    name = segments[-1].removesuffix(".git")
    if not name:
        raise NetlearnError(f"{text!r} names no repository")
    return f"file:///{'/'.join(segments)}", "", "/".join(segments), name


def _repo(repo_url: str, local: bool = False) -> tuple[str, str, str, str]:
    """Return (normalised URL, host, owner/path without .git, repository name); check the URL.

    ``local`` also accepts ``file:///PATH`` (a repository on the hub's own disk).
    """
    text = str(repo_url).strip()
    if local and (found := _local_repo(text)):
        return found
    ssh = _SSH.match(text)
    if ssh:  # git@github.com:you/netlearn.git -> https://github.com/you/netlearn.git
        text = f"https://{ssh['host']}/{ssh['path']}"
    parts = urlsplit(text)
    if (parts.scheme not in ("http", "https") or not parts.hostname or parts.query
            or parts.fragment or parts.username or parts.password or re.search(r"\s", text)):
        raise NetlearnError(f"{repo_url!r} is not a repository URL like "
                            "https://github.com/OWNER/REPO")
    path = parts.path.strip("/")
    segments = [s for s in path.split("/") if s]
    if not segments or not all(_NAME.match(s) for s in segments) or ".." in segments:
        raise NetlearnError(f"{repo_url!r} names no repository; give one like "
                            "https://github.com/OWNER/REPO")
    host = parts.hostname.lower()
    name = segments[-1].removesuffix(".git")
    if host in ("github.com", "www.github.com"):
        if len(segments) != 2 or not name:
            raise NetlearnError(f"{repo_url!r} is not a GitHub repository URL; give "
                                "https://github.com/OWNER/REPO (without /tree/… or /blob/…)")
        owner = segments[0]
        return f"https://github.com/{owner}/{name}", "github.com", f"{owner}/{name}", name
    if not name:
        raise NetlearnError(f"{repo_url!r} names no repository")
    netloc = parts.netloc.lower() if parts.port is None else parts.netloc
    url = f"{parts.scheme}://{netloc}/{'/'.join(segments)}"
    return url, host, "/".join(segments).removesuffix(".git"), name


def _branch(branch: str) -> str:
    branch = str(branch).strip()
    if not branch or re.search(r"[\s\x00-\x1f~^:?*\[\\]", branch) or ".." in branch:
        raise NetlearnError(f"{branch!r} is not a valid branch name")
    return branch


def binder_link(repo_url: str, branch: str = "main") -> str:
    """Return a mybinder.org link that opens the course's first notebook in JupyterLab.

    Parameters
    ----------
    repo_url : str
        The course repository: ``https://github.com/OWNER/REPO`` (``.git`` and a
        trailing slash are fine) or any other public git URL (GitLab, Codeberg …).
    branch : str
        Branch, tag or commit to build.

    Returns
    -------
    str
        ``https://mybinder.org/v2/gh/OWNER/REPO/BRANCH?urlpath=lab/tree/notebooks/00-start-here.ipynb``
        for GitHub; ``https://mybinder.org/v2/git/<encoded URL>/BRANCH?urlpath=…`` otherwise.

    Raises
    ------
    NetlearnError
        When the URL is not an http(s) repository URL or the branch name is invalid.
    """
    url, host, path, _ = _repo(repo_url)
    ref = quote(_branch(branch), safe="")
    urlpath = "urlpath=" + quote(f"lab/tree/{START_NOTEBOOK}", safe="/")
    if host == "github.com":
        owner, name = path.split("/")
        return f"{BINDER}/v2/gh/{quote(owner)}/{quote(name)}/{ref}?{urlpath}"
    return f"{BINDER}/v2/git/{quote(url, safe='')}/{ref}?{urlpath}"


def nbgitpuller_link(hub_url: str, repo_url: str, branch: str = "main") -> str:
    """Return an nbgitpuller link that pulls the course into each user's JupyterHub home.

    Parameters
    ----------
    hub_url : str
        The hub, e.g. ``https://hub.example.org`` (a trailing ``/hub`` or a path
        prefix such as ``https://example.org/jupyter`` is fine).
    repo_url : str
        The course repository, as for :func:`binder_link`, or ``file:///PATH`` for a
        repository on the hub's own disk (e.g. a copy kept on a Littlest JupyterHub).
    branch : str
        The branch to pull.

    Returns
    -------
    str
        ``HUB/hub/user-redirect/git-pull?repo=…&branch=…&targetpath=REPO&urlpath=lab/tree/REPO/notebooks/00-start-here.ipynb``
        with every value URL-encoded. ``targetpath`` names the folder the course is
        pulled into, so that ``urlpath`` finds it also for URLs ending in ``.git``
        (nbgitpuller would otherwise name the folder ``REPO.git``).

    Raises
    ------
    NetlearnError
        When the hub or repository URL is not a usable http(s) URL.
    """
    hub = str(hub_url).strip()
    parts = urlsplit(hub)
    if (parts.scheme not in ("http", "https") or not parts.hostname or parts.query
            or parts.fragment or re.search(r"\s", hub)):
        raise NetlearnError(f"{hub_url!r} is not a JupyterHub URL like https://hub.example.org")
    base = f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")
    base = base.removesuffix("/hub")
    url, _, _, name = _repo(repo_url, local=True)
    query = "&".join(
        f"{key}={quote(value, safe='')}" for key, value in (
            ("repo", url), ("branch", _branch(branch)), ("targetpath", name),
            ("urlpath", f"lab/tree/{name}/{START_NOTEBOOK}"),
        )
    )
    return f"{base}/hub/user-redirect/git-pull?{query}"
