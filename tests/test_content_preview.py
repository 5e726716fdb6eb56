"""A facilitator previews their own content with the command the docs and `content copy` print.

The kernel of a notebook runs in the notebook's folder, not where the command was typed, so
these tests run notebook 00's first cell in a real kernel started in ``notebooks/`` with the
environment each command gives it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from netlearn import cli
from netlearn.plumbing.paths import absolute_from

REPO = Path(__file__).resolve().parents[1]
FIRST_TOPIC_TITLE = "A preview title only this test uses"


def _first_code_cell() -> str:
    notebook = json.loads((REPO / "notebooks" / "00-start-here.ipynb").read_text(encoding="utf-8"))
    return "".join(next(c for c in notebook["cells"] if c["cell_type"] == "code")["source"])


def _run_in_kernel(code: str, cwd: Path, env: dict) -> tuple[str, str | None]:
    """Run ``code`` in a fresh python3 kernel started in ``cwd``; return (stdout, error name)."""
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3", cwd=str(cwd), env=env)
    out, error = [], None
    try:
        def collect(message):
            nonlocal error
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                out.append(content["text"])
            elif kind == "error":
                error = f"{content['ename']}: {content['evalue']}"

        client.execute_interactive(code, timeout=120, output_hook=collect)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return "".join(out), error


@pytest.fixture
def course_folder(tmp_path, monkeypatch):
    """A course folder with notebook 00, a facilitator's copy of the content, one title changed."""
    folder = tmp_path / "course"
    (folder / "notebooks").mkdir(parents=True)
    shutil.copy(REPO / "notebooks" / "00-start-here.ipynb", folder / "notebooks")
    monkeypatch.chdir(folder)
    return folder


def _retitle_first_topic(content: Path) -> None:
    course_yaml = content / "course.yaml"
    text = course_yaml.read_text(encoding="utf-8")
    first_title = re.search(r"^\s+title:\s*(.+)$", text, re.M)
    assert first_title, "course.yaml has no topic title to change"
    course_yaml.write_text(text.replace(first_title.group(1), FIRST_TOPIC_TITLE, 1),
                           encoding="utf-8")


def _kernel_env(tmp_path: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETLEARN_")}
    env.update(NETLEARN_HOME=str(tmp_path / "home"), **extra)
    return env


def test_the_command_content_copy_prints_works_as_typed(course_folder, tmp_path, capsys):
    assert cli.main(["content", "copy", "my-course"]) == 0
    printed = capsys.readouterr().out
    command = re.search(r"NETLEARN_CONTENT=(\S+) jupyter lab (\S+)", printed)
    assert command, printed
    content, notebook = command.group(1).strip("'"), command.group(2)
    assert Path(content).is_absolute() and Path(content) == course_folder / "my-course"
    assert (course_folder / notebook).is_file()
    _retitle_first_topic(Path(content))

    out, error = _run_in_kernel(_first_code_cell(), course_folder / "notebooks",
                                _kernel_env(tmp_path, NETLEARN_CONTENT=content))
    assert error is None
    assert FIRST_TOPIC_TITLE in out


def test_the_documented_relative_command_works_from_the_course_folder(course_folder, tmp_path):
    """`NETLEARN_CONTENT=my-course jupyter lab notebooks/00-start-here.ipynb`, typed in a shell."""
    assert cli.main(["content", "copy", "my-course"]) == 0
    _retitle_first_topic(course_folder / "my-course")
    env = _kernel_env(tmp_path, NETLEARN_CONTENT="my-course", PWD=str(course_folder))

    out, error = _run_in_kernel(_first_code_cell(), course_folder / "notebooks", env)
    assert error is None
    assert FIRST_TOPIC_TITLE in out


def test_the_server_extension_makes_relative_paths_absolute_for_its_kernels(tmp_path,
                                                                             monkeypatch):
    monkeypatch.setenv("NETLEARN_CONTENT", "my-course")
    monkeypatch.setenv("NETLEARN_HOME", "/already/absolute")
    changed = absolute_from(tmp_path)
    assert changed == {"NETLEARN_CONTENT": str((tmp_path / "my-course").resolve())}
    assert os.environ["NETLEARN_CONTENT"] == str((tmp_path / "my-course").resolve())
    assert os.environ["NETLEARN_HOME"] == "/already/absolute"
