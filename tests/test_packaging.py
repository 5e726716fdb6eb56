"""The front door: README commands, CI, Binder config, light import, an honest public API."""

import re
import subprocess
import sys
from pathlib import Path

import netlearn

REPO = Path(__file__).resolve().parent.parent


def requirement_names(path):
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith(("-", "./")):  # local packages: postBuild
            names.add(line)
    return names


def test_binder_installs_what_requirements_install_plus_netlearn():
    # binder/requirements.txt is a lock of requirements.txt: tests/test_binder_lock.py checks it.
    root = {re.split(r"[<>=!~\[ ]", r)[0].lower()
            for r in requirement_names(REPO / "requirements.txt")}
    binder = {r.split("==")[0].lower()
              for r in requirement_names(REPO / "binder" / "requirements.txt")}
    assert root <= binder
    assert "-e ." in (REPO / "requirements.txt").read_text(encoding="utf-8")
    post_build = (REPO / "binder" / "postBuild").read_text(encoding="utf-8")
    assert "pip install --no-deps" in post_build and post_build.rstrip().endswith("-e .")
    assert (REPO / "binder" / "postBuild").stat().st_mode & 0o111


def test_requirements_cover_the_package_dependencies():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.split(r"[<>=!~\[ ]", d)[0].lower() for d in project["dependencies"]}
    required = {re.split(r"[<>=!~\[ ]", d)[0].lower()
                for d in requirement_names(REPO / "requirements.txt")}
    assert declared <= required | {"netlearn"}
    assert {"jupyterlab", "ipywidgets", "pandas", "matplotlib"} <= required


def readme_test_command():
    out = subprocess.run(
        ["awk", "/<!-- test-command -->/{found=1; next} found && /^```/{if (inblock) exit; "
                "inblock=1; next} inblock{print}", "README.md"],
        capture_output=True, text=True, cwd=REPO, check=True)
    return out.stdout.strip()


def test_ci_runs_the_readme_test_command():
    command = readme_test_command()
    assert command.endswith("python -m pytest")
    assert "requirements.txt" in command and ".[test]" in command
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in ci
    # .ci/run runs each stage once through one function, the README's command among them
    assert 'bash -c "set -euo pipefail; $command"' in ci
    assert re.search(r'^stage "[^"]*" "\$test_command"$', ci, re.M)
    assert '"$status" -eq 5' in ci


def test_readme_setup_command_opens_the_start_notebook():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pip install -r requirements.txt && jupyter lab notebooks/00-start-here.ipynb" in readme
    assert "urlpath=lab/tree/notebooks/00-start-here.ipynb" in readme
    assert (REPO / "notebooks" / "00-start-here.ipynb").exists()


def test_import_netlearn_is_light():
    code = ("import sys, netlearn; heavy = [m for m in ('pandas', 'matplotlib', 'ipywidgets', "
            "'jsonschema', 'yaml', 'sqlite3') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_public_api_is_sorted_and_every_name_resolves():
    assert netlearn.__all__ == sorted(netlearn.__all__)
    for name in netlearn.__all__:
        assert getattr(netlearn, name) is not None, name
    assert set(dir(netlearn)) == set(netlearn.__all__)
