"""Past versions of the default quiz items, to check old answers and copied content against."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

HISTORY_PATH = Path(__file__).resolve().parents[1] / "data" / "item-history.json"
ABOUT = ("Past content versions (netlearn.teaching.grading.item_version) of the default quiz "
         "items, oldest"
         " first. Refresh at each release with: python tools/record_item_history.py")


def load_history(path=None) -> dict[str, list[str]]:
    """Return item id -> past default versions, oldest first (empty when the file is missing).

    Parameters
    ----------
    path : path-like, optional
        Default: ``netlearn/data/item-history.json``.
    """
    return dict(_load(str(path or HISTORY_PATH)))


@cache
def _load(path: str) -> tuple:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    items = data.get("items", {}) if isinstance(data, dict) else {}
    return tuple((str(k), list(v)) for k, v in items.items() if isinstance(v, list))


def recorded(history: Mapping, questions: Iterable) -> dict[str, list[str]]:
    """Return ``history`` with each question's current version added (pure).

    A version already in an item's history is not added again (recording twice in a
    release changes nothing) and entries never move: the first entry of each item is
    the version answers stored without a version (store schema 2 and earlier)
    were given to.

    Parameters
    ----------
    history : mapping
        Item id -> past versions, oldest first.
    questions : iterable of mapping
        The default content's quiz items.
    """
    from netlearn.teaching.grading import item_version

    updated = {k: list(v) for k, v in history.items()}
    for question in questions:
        versions = updated.setdefault(question["id"], [])
        version = item_version(question)
        if version not in versions:
            versions.append(version)
    return dict(sorted(updated.items()))


def history_json(history: Mapping) -> str:
    """Return the text of ``item-history.json`` for ``history``."""
    return json.dumps({"about": ABOUT, "items": dict(sorted(history.items()))},
                      indent=1, ensure_ascii=True) + "\n"


def corrected_items(facilitator: Iterable, defaults: Mapping, history: Mapping) -> list[str]:
    """Return ids of a facilitator's items that are a past default the defaults have corrected.

    Parameters
    ----------
    facilitator : iterable of mapping
        Quiz items from a facilitator's content layer.
    defaults : mapping
        Item id -> the item as the default content has it now.
    history : mapping
        Item id -> past default versions.

    Returns
    -------
    list of str
        In the facilitator's order: items whose version is a past default version
        and differs from the current default's.
    """
    from netlearn.teaching.grading import item_version

    found = []
    for question in facilitator:
        default = defaults.get(question["id"])
        if default is None:
            continue
        version = item_version(question)
        if version in history.get(question["id"], ()) and version != item_version(default):
            found.append(question["id"])
    return found
