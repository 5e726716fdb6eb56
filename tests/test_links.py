"""Workshop links: mybinder.org and nbgitpuller, for given inputs (exact strings)."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from netlearn import cli
from netlearn.facilitator.links import binder_link, nbgitpuller_link
from netlearn.plumbing.errors import NetlearnError

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
        "?repo=https%3A%2F%2Fgithub.com%2Fyou%2Fnetlearn&branch=main&targetpath=netlearn"
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
        "?repo=https%3A%2F%2Fgitlab.com%2Fc%2Fcourse.git&branch=week%2F1&targetpath=course"
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


def test_nbgitpuller_link_names_the_folder_the_urlpath_opens():
    # nbgitpuller names the folder after the URL's last segment ("course.git") unless told.
    link = nbgitpuller_link("https://hub.example.org", "https://gitlab.com/c/course.git")
    query = dict(parse_qsl(urlsplit(link).query))
    assert query["targetpath"] == "course"
    assert query["urlpath"].startswith(f"lab/tree/{query['targetpath']}/notebooks/")


def test_nbgitpuller_link_accepts_a_repository_on_the_hubs_disk():
    link = nbgitpuller_link("http://127.0.0.1:8000", "file:///srv/courses/netlearn.git/")
    assert link == (
        "http://127.0.0.1:8000/hub/user-redirect/git-pull"
        "?repo=file%3A%2F%2F%2Fsrv%2Fcourses%2Fnetlearn.git&branch=main&targetpath=netlearn"
        "&urlpath=lab%2Ftree%2Fnetlearn%2Fnotebooks%2F00-start-here.ipynb"
    )


@pytest.mark.parametrize("url", ["file://host/srv/netlearn", "file:///", "file:///srv/../etc",
                                 "file:///srv/net learn", "file:///srv/x?y=1"])
def test_bad_local_repository_urls(url):
    with pytest.raises(NetlearnError):
        nbgitpuller_link("http://127.0.0.1:8000", url)


def test_binder_refuses_a_local_repository():
    with pytest.raises(NetlearnError):
        binder_link("file:///srv/netlearn")


def test_cli_links_for_a_local_repository_prints_only_the_hub_link(capsys):
    assert cli.main(["links", "--repo", "file:///srv/netlearn",
                     "--hub", "http://127.0.0.1:8000"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("JupyterHub: http://127.0.0.1:8000/hub/user-redirect/")


def test_cli_links_checks_every_argument_before_printing(capsys):
    assert cli.main(["links", "--repo", "https://github.com/you/netlearn",
                     "--hub", "hub.example.org"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "JupyterHub" in err


def test_cli_links_pins_binder_to_a_tag_and_the_hub_to_a_branch(capsys):
    assert cli.main(["links", "--repo", "https://github.com/you/netlearn", "--ref", "v0.2.0",
                     "--branch", "term-1", "--hub", "https://hub.example.org"]) == 0
    out, err = capsys.readouterr()
    binder, hub = out.splitlines()
    assert binder.startswith("Binder:     https://mybinder.org/v2/gh/you/netlearn/v0.2.0?")
    assert dict(parse_qsl(urlsplit(hub.split(" ", 1)[1].strip()).query))["branch"] == "term-1"
    assert err == ""


def test_cli_links_warns_when_a_hub_follows_main(capsys):
    assert cli.main(["links", "--repo", "https://github.com/you/netlearn",
                     "--hub", "https://hub.example.org"]) == 0
    assert "--branch" in capsys.readouterr().err


def test_every_links_option_has_help():
    parser = cli.build_parser()
    links = next(a for a in parser._subparsers._group_actions[0].choices.items()
                 if a[0] == "links")[1]
    for action in links._actions:
        if action.dest != "help":
            assert action.help, action.dest
