"""Test session set-up: learner data goes to a temporary NETLEARN_HOME, never the repo."""

import os
import tempfile


def pytest_configure(config):
    # Set before any notebook kernel starts, so nbval's kernels inherit it too.
    home = tempfile.mkdtemp(prefix="netlearn-test-home-")
    os.environ["NETLEARN_HOME"] = home
    os.environ.pop("NETLEARN_CONTENT", None)
    os.environ.pop("NETLEARN_FACILITATOR", None)
    os.environ.setdefault("MPLBACKEND", "Agg")
    config._netlearn_home = home
