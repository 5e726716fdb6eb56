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
SAME_CONTENT_ABOUT = (
    "Versions of the first scheme (grading.legacy_item_version: options and key, not the stem)"
    " -> item_version of the same content, recorded once when the stem began to count, so"
    " answers stored before are still scored while the item is unchanged")


class ItemHistory(dict):
    """Item id -> past default versions, oldest first, with the first scheme's mapping.

    Attributes
    ----------
    same_content : dict
        Item id -> {first-scheme version (:func:`~netlearn.teaching.grading.legacy_item_version`):
        the :func:`~netlearn.teaching.grading.item_version` of the same content}.
    stem_counts : bool
        Whether the history was recorded since the stem counts (it then has
        ``same_content``, possibly empty); False for a history of the first scheme.
    """

    def __init__(self, versions=(), same_content=None, stem_counts=True):
        super().__init__(versions)
        self.same_content = {k: dict(v) for k, v in (same_content or {}).items()}
        self.stem_counts = stem_counts


def load_history(path=None) -> ItemHistory:
    """Return item id -> past default versions, oldest first (empty when the file is missing).

    Parameters
    ----------
    path : path-like, optional
        Default: ``netlearn/data/item-history.json``.
    """
    versions, same, stem_counts = _load(str(path or HISTORY_PATH))
    return ItemHistory(versions, dict(same), stem_counts)


@cache
def _load(path: str) -> tuple:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return (), (), True
    if not isinstance(data, dict):
        return (), (), True
    items = data.get("items", {})
    items = items if isinstance(items, dict) else {}
    same = data.get("same_content", {})
    same = same if isinstance(same, dict) else {}
    return (tuple((str(k), list(v)) for k, v in items.items() if isinstance(v, list)),
            tuple((str(k), dict(v)) for k, v in same.items()
                  if isinstance(v, dict) and k != "about"),
            "same_content" in data)


def recorded(history: Mapping, questions: Iterable) -> ItemHistory:
    """Return ``history`` with each question's current version added (pure).

    A version already in an item's history is not added again (recording twice in a
    release changes nothing) and entries never move: the first entry of each item is
    the version answers stored without a version (store schema 2 and earlier)
    were given to.

    The first time a history of the first scheme (one without ``same_content``) is
    recorded again (the release in which the stem began to count), each question's
    first-scheme version is added as an earlier version (if missing) and mapped to its
    current version, so that answers
    stored with it keep counting while the item stays as it is. Later recordings never
    add to that mapping: a first-scheme version names options and key only, and could
    not tell a later stem rewrite apart.

    Parameters
    ----------
    history : mapping
        Item id -> past versions, oldest first: an :class:`ItemHistory`, or a plain
        mapping, taken as a history of the first scheme.
    questions : iterable of mapping
        The default content's quiz items.
    """
    from netlearn.teaching.grading import item_version, legacy_item_version

    updated = {k: list(v) for k, v in history.items()}
    first_recording = bool(history) and not getattr(history, "stem_counts", False)
    same = {k: dict(v) for k, v in getattr(history, "same_content", {}).items()}
    for question in questions:
        versions = updated.setdefault(question["id"], [])
        version = item_version(question)
        if first_recording:
            legacy = legacy_item_version(question)
            if legacy not in versions:
                versions.append(legacy)
            same.setdefault(question["id"], {})[legacy] = version
        if version not in versions:
            versions.append(version)
    return ItemHistory(sorted(updated.items()), dict(sorted(same.items())))


def history_json(history: Mapping) -> str:
    """Return the text of ``item-history.json`` for ``history``."""
    data = {"about": ABOUT, "items": dict(sorted(history.items()))}
    if getattr(history, "stem_counts", False):
        same = getattr(history, "same_content", {})
        data["same_content"] = {"about": SAME_CONTENT_ABOUT, **dict(sorted(same.items()))}
    return json.dumps(data, indent=1, ensure_ascii=True) + "\n"


def corrected_items(facilitator: Iterable, defaults: Mapping, history: Mapping) -> list[str]:
    """Return ids of a facilitator's items that are a past default the defaults have corrected.

    Parameters
    ----------
    facilitator : iterable of mapping
        Quiz items from a facilitator's content layer.
    defaults : mapping
        Item id -> the item as the default content has it now.
    history : mapping
        Item id -> past default versions (with ``same_content`` when it has one).

    Returns
    -------
    list of str
        In the facilitator's order: items whose version is a past default version
        and differs from the current default's. A copy made before the stem counted is
        recognised by its first-scheme version (options and key) when the history has it.
    """
    from netlearn.teaching.grading import item_version, legacy_item_version

    same = getattr(history, "same_content", {})
    found = []
    for question in facilitator:
        default = defaults.get(question["id"])
        if default is None:
            continue
        past = history.get(question["id"], ())
        version = item_version(question)
        if version not in past:
            legacy = legacy_item_version(question)
            if legacy not in past:
                continue
            version = same.get(question["id"], {}).get(legacy, legacy)
        if version != item_version(default):
            found.append(question["id"])
    return found
