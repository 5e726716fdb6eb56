"""Shared fixtures: an isolated learner home and store per test, and pyplot without a display."""

import pytest

from netlearn import store as store_module


@pytest.fixture(scope="session", autouse=True)
def learner_in_utc():
    """Every test runs as a learner on UTC, whatever the computer's zone, unless it says
    otherwise (``tests.helpers.learner_time_zone``): imported times are put on the
    learner's clock, so they would otherwise depend on where the tests run."""
    import time

    from tests.helpers import learner_time_zone

    if not hasattr(time, "tzset"):  # Windows: the computer's zone it is
        yield
        return
    with learner_time_zone("UTC"):
        yield


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


# The only place the tests pick a matplotlib backend (the package never does: no matplotlib.use).


@pytest.fixture
def plt():
    """pyplot on the Agg backend (draws without a display); every figure is closed afterwards."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    yield pyplot
    pyplot.close("all")


@pytest.fixture
def learner_backend():
    """A backend that is not Agg, standing in for a learner's inline one; restored afterwards."""
    import matplotlib

    before = matplotlib.get_backend()
    matplotlib.use("svg")
    yield "svg"
    matplotlib.use(before)
