"""Course notebooks are saved without outputs or widget state by the server the course ships."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netlearn import jupyter_extension
from netlearn.notebook_privacy import is_course_notebook, pre_save_hook, strip_outputs

REPO = Path(__file__).resolve().parents[1]
SECRET = "Ada Lovelace <ada@example.com>"


def course_notebook_with_outputs() -> dict:
    notebook = json.loads((REPO / "notebooks" / "05-maintaining-relationships.ipynb").read_text())
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            cell["execution_count"] = 3
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": [SECRET]}]
            cell["metadata"]["execution"] = {"iopub.status.idle": "2026-12-02T10:00:00Z"}
            cell["metadata"].setdefault("jupyter", {})["outputs_hidden"] = True
    notebook["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {
        "state": {"x": {"state": {"value": SECRET}}}}}
    notebook["metadata"]["language_info"] = {"name": "python", "version": "3.11.2"}
    return notebook


def test_strip_outputs_returns_the_committed_notebook():
    path = REPO / "notebooks" / "05-maintaining-relationships.ipynb"
    notebook = course_notebook_with_outputs()
    assert strip_outputs(notebook) is True
    assert SECRET not in json.dumps(notebook)
    assert notebook == json.loads(path.read_text())
    assert strip_outputs(notebook) is False


def test_only_course_notebooks_are_recognised():
    assert is_course_notebook(course_notebook_with_outputs())
    assert not is_course_notebook({"cells": [{"cell_type": "code", "metadata": {}}]})
    assert not is_course_notebook({})


def test_hook_leaves_other_notebooks_and_files_alone():
    mine = {"cells": [{"cell_type": "code", "metadata": {}, "source": "1",
                       "outputs": [{"output_type": "stream", "text": "kept"}],
                       "execution_count": 1}], "metadata": {}}
    model = {"type": "notebook", "content": mine}
    pre_save_hook(model=model, path="mine.ipynb", contents_manager=None)
    assert mine["cells"][0]["outputs"]
    pre_save_hook(model={"type": "file", "content": SECRET}, path="x.txt")


@pytest.fixture
def contents_manager(tmp_path):
    from jupyter_server.services.contents.filemanager import FileContentsManager

    class Server:  # what the extension uses of a ServerApp
        def __init__(self):
            import logging

            self.contents_manager = FileContentsManager(root_dir=str(tmp_path))
            self.web_app = type("App", (), {"settings": {}})()
            self.log = logging.getLogger("test")

    server = Server()
    jupyter_extension._load_jupyter_server_extension(server)
    return server


def test_extension_strips_on_save_and_raises_the_websocket_limit(contents_manager, tmp_path):
    manager = contents_manager.contents_manager
    manager.save({"type": "notebook", "format": "json",
                  "content": course_notebook_with_outputs()}, "05.ipynb")
    saved = (tmp_path / "05.ipynb").read_text(encoding="utf-8")
    assert SECRET not in saved
    assert '"outputs": []' in saved
    limit = contents_manager.web_app.settings["websocket_max_message_size"]
    assert limit >= 200 * 1024 * 1024


def test_shipped_config_enables_the_extension():
    config = json.loads((REPO / "jupyter-config" / "jupyter_server_config.d"
                         / "netlearn.json").read_text())
    assert config["ServerApp"]["jpserver_extensions"] == {"netlearn.jupyter_extension": True}
    points = jupyter_extension._jupyter_server_extension_points()
    assert points == [{"module": "netlearn.jupyter_extension"}]
    pyproject = (REPO / "pyproject.toml").read_text()
    assert "jupyter-config/jupyter_server_config.d/netlearn.json" in pyproject
    assert "./jupyter-config" in (REPO / "requirements.txt").read_text()
    assert "./jupyter-config" in (REPO / "binder" / "postBuild").read_text()
