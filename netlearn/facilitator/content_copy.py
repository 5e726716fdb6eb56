"""Copy the default course content (YAML and schemas) into a directory a facilitator edits."""

from __future__ import annotations

import shutil
from pathlib import Path

from netlearn.plumbing.errors import NetlearnError
from netlearn.plumbing.paths import default_content_dir

CONTENT_SUFFIXES = (".yaml", ".yml", ".json", ".csv")

COPY_README = """\
# Your copy of the netlearn course content

Edit the YAML files here; never any Python. Then:

    netlearn check {dir}                      # validate (file and line of every problem)
    NETLEARN_CONTENT='{dir}' jupyter lab      # run the course with your content

How the layers work: a file here replaces the default file of the same relative
path; a file you delete here falls back to the default. To add a topic, list it
in course.yaml, add a folder of the same name with its YAML files, and run
`netlearn content notebook TOPIC-ID --content {dir}` to generate its notebook.

`schema/` holds the JSON Schemas the files are checked against, for reference:
netlearn always checks against its own copy, so editing them changes nothing.
The format is described in docs/content-format.md.
"""


def copy_content(directory) -> Path:
    """Copy the default course content (YAML and schemas, no Python) into ``directory``.

    Parameters
    ----------
    directory : path-like
        Where the copy goes; created when missing. Must be empty if it exists.

    Returns
    -------
    Path
        The directory written.

    Raises
    ------
    NetlearnError
        When ``directory`` exists and is not an empty directory (naming it).
    """
    # Absolute, so the printed command works from any folder and in a kernel (which runs
    # in the notebook's folder, not where the command was typed).
    target = Path(directory).expanduser().resolve()
    if target.exists():
        if not target.is_dir():
            raise NetlearnError("exists and is not a directory; choose a new directory",
                                path=target)
        if any(target.iterdir()):
            raise NetlearnError("exists and is not empty; choose a new or empty directory "
                                "so nothing of yours is overwritten", path=target)
    source = default_content_dir()
    files = sorted(p for p in source.rglob("*")
                   if p.is_file() and p.suffix in CONTENT_SUFFIXES
                   and "__pycache__" not in p.parts)
    try:
        target.mkdir(parents=True, exist_ok=True)
        for path in files:
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
        (target / "README.md").write_text(COPY_README.format(dir=target), encoding="utf-8")
    except OSError as exc:
        raise NetlearnError(f"cannot copy the content ({exc.strerror or exc})",
                            path=getattr(exc, "filename", None) or target) from None
    return target
