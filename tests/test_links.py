"""Workshop links: mybinder.org and nbgitpuller, for given inputs (exact strings)."""

import pytest

from netlearn import cli
from netlearn.errors import NetlearnError
from netlearn.links import binder_link, nbgitpuller_link

START = "?urlpath=lab/tree/notebooks/00-start-here.ipynb"


@pytest.mark.parametrize("url", [
    "https://github.com/you/netlearn",
    "https://github.com/you/netlearn/",
    "https://github.com/you/netlearn.git",
    "http://github.com/you/netlearn",
    "git@github.com:you/netlearn.git",
    "  https://github.com/you/netlearn  ",
])
def test_binder_link_for_github(url):
    assert binder_link(url) == "https://mybinder.org/v2/gh/you/netlearn/main" + START


def test_binder_link_encodes_the_branch():
    assert binder_link("https://github.com/Career-Lab/net_learn.2", "workshop/spring-2025") == (
        "https://mybinder.org/v2/gh/Career-Lab/net_learn.2/workshop%2Fspring-2025" + START)


def test_binder_link_for_other_hosts_uses_the_git_form():
    assert binder_link("https://gitlab.com/careers/netlearn", "dev") == (
        "https://mybinder.org/v2/git/https%3A%2F%2Fgitlab.com%2Fcareers%2Fnetlearn/dev" + START)
    assert binder_link("https://codeberg.org/group/sub/netlearn.git") == (
        "https://mybinder.org/v2/git/https%3A%2F%2Fcodeberg.org%2Fgroup%2Fsub%2Fnetlearn.git"
        "/main" + START)


@pytest.mark.parametrize("url", [
    "", "netlearn", "github.com/you/netlearn", "ftp://github.com/you/netlearn",
    "https://github.com/you", "https://github.com/you/netlearn/tree/main",
    "https://github.com/you/net learn", "https://github.com/you/netlearn?x=1",
    "https://user:secret@github.com/you/netlearn", "https://gitlab.com/",
    "https://gitlab.com/a/../b",
])
def test_invalid_repository_urls(url):
    with pytest.raises(NetlearnError):
        binder_link(url)


@pytest.mark.parametrize("branch", ["", "a b", "a..b", "x:y"])
def test_invalid_branches(branch):
    with pytest.raises(NetlearnError, match="branch"):
        binder_link("https://github.com/you/netlearn", branch)


def test_nbgitpuller_link():
    expected = (
        "https://hub.example.org/hub/user-redirect/git-pull"
        "?repo=https%3A%2F%2Fgithub.com%2Fyou%2Fnetlearn&branch=main"
        "&urlpath=lab%2Ftree%2Fnetlearn%2Fnotebooks%2F00-start-here.ipynb"
    )
    assert nbgitpuller_link("https://hub.example.org", "https://github.com/you/netlearn") \
        == expected
    assert nbgitpuller_link("https://hub.example.org/hub/",
                            "https://github.com/you/netlearn.git") == expected


def test_nbgitpuller_link_keeps_a_hub_path_prefix_and_encodes_the_branch():
    assert nbgitpuller_link("https://uni.example.edu/jupyter/", "https://gitlab.com/c/course.git",
                            "week/1") == (
        "https://uni.example.edu/jupyter/hub/user-redirect/git-pull"
        "?repo=https%3A%2F%2Fgitlab.com%2Fc%2Fcourse.git&branch=week%2F1"
        "&urlpath=lab%2Ftree%2Fcourse%2Fnotebooks%2F00-start-here.ipynb"
    )


@pytest.mark.parametrize("hub", ["hub.example.org", "https://", "https://hub.example.org?x=1"])
def test_invalid_hub_urls(hub):
    with pytest.raises(NetlearnError, match="JupyterHub"):
        nbgitpuller_link(hub, "https://github.com/you/netlearn")


def test_cli_links(capsys):
    assert cli.main(["links", "--repo", "https://github.com/you/netlearn",
                     "--hub", "https://hub.example.org"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Binder:     https://mybinder.org/v2/gh/you/netlearn/main" + START
    assert out[1].startswith("JupyterHub: https://hub.example.org/hub/user-redirect/git-pull?")


def test_cli_links_bad_url_is_one_line(capsys):
    assert cli.main(["links", "--repo", "not a url"]) == 1
    assert capsys.readouterr().err.count("\n") == 1
