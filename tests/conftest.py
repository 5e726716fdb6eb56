"""Shared fixtures: an isolated learner home and store per test."""

import pytest

from netlearn import store as store_module


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh NETLEARN_HOME for one test."""
    path = tmp_path / "home"
    monkeypatch.setenv("NETLEARN_HOME", str(path))
    monkeypatch.delenv("NETLEARN_CONTENT", raising=False)
    monkeypatch.delenv("NETLEARN_FACILITATOR", raising=False)
    yield path
    shared = store_module._stores.pop(path, None)
    if shared is not None:
        shared.close()


@pytest.fixture
def store(home):
    """A Store in the test's NETLEARN_HOME."""
    opened = store_module.Store(home)
    yield opened
    opened.close()
