"""A Jupyter server pre-save hook that keeps outputs and widget state out of course notebooks."""

from __future__ import annotations

#: Cell metadata the course's notebook builder puts on each notebook's header cell.
COURSE_MARK = ("netlearn", "generated")
#: Notebook-level metadata that can hold the learner's data (ipywidgets' saved state).
PRIVATE_METADATA = ("widgets",)
#: Cell-level metadata that records when it ran (JupyterLab's "record timing" setting).
PRIVATE_CELL_METADATA = ("execution", "collapsed", "scrolled")
#: Of a cell's ``jupyter`` metadata only ``source_hidden`` is kept: the builder collapses code
#: cells with it, and it holds nothing personal; ``outputs_hidden`` goes with the outputs.
KEPT_JUPYTER_KEYS = ("source_hidden",)


def is_course_notebook(notebook: dict) -> bool:
    """Return True for a notebook built by the course (its header cell carries the mark).

    Parameters
    ----------
    notebook : dict
        A notebook in nbformat 4 JSON form.

    Returns
    -------
    bool
    """
    key, value = COURSE_MARK
    cells = notebook.get("cells") or []
    return any(isinstance(cell, dict) and (cell.get("metadata") or {}).get(key) == value
               for cell in cells)


def strip_outputs(notebook: dict) -> bool:
    """Remove outputs, execution counts and widget state from a notebook, in place.

    Parameters
    ----------
    notebook : dict
        A notebook in nbformat 4 JSON form.

    Returns
    -------
    bool
        True when anything was removed.
    """
    changed = False
    metadata = notebook.get("metadata") or {}
    for key in PRIVATE_METADATA:
        if key in metadata:
            del metadata[key]
            changed = True
    language = metadata.get("language_info")
    if isinstance(language, dict) and set(language) - {"name"}:
        # the kernel fills in its version and lexers: keep the file as the course ships it
        metadata["language_info"] = {"name": language.get("name", "python")}
        changed = True
    for cell in notebook.get("cells") or []:
        if not isinstance(cell, dict):
            continue
        cell_metadata = cell.get("metadata") or {}
        for key in PRIVATE_CELL_METADATA:
            if key in cell_metadata:
                del cell_metadata[key]
                changed = True
        jupyter = cell_metadata.get("jupyter")
        if jupyter is not None:
            kept = {k: v for k, v in jupyter.items() if k in KEPT_JUPYTER_KEYS} \
                if isinstance(jupyter, dict) else {}
            if kept != jupyter:
                changed = True
                if kept:
                    cell_metadata["jupyter"] = kept
                else:
                    del cell_metadata["jupyter"]
        if cell.get("cell_type") != "code":
            if cell.get("attachments"):
                cell["attachments"] = {}
                changed = True
            continue
        if cell.get("outputs"):
            cell["outputs"] = []
            changed = True
        if cell.get("execution_count") is not None:
            cell["execution_count"] = None
            changed = True
    return changed


def pre_save_hook(model=None, path="", contents_manager=None, **kwargs):
    """Strip a course notebook's outputs before Jupyter writes it (a pre-save hook).

    Only notebooks built by the course (see :func:`is_course_notebook`) are changed; any
    other notebook or file is saved as it is. The learner's answers are in the store, not
    the notebook, and the outputs come back when the cells run again.

    Parameters
    ----------
    model : dict
        The contents model being saved (``type``, ``content`` …).
    path : str
        The API path of the file.
    contents_manager : ContentsManager
        The server's contents manager (unused).
    """
    if not model or model.get("type") != "notebook":
        return
    content = model.get("content")
    if isinstance(content, dict) and is_course_notebook(content):
        strip_outputs(content)
