"""The core tasks of notebooks 01–05: which drafting tool each uses, and what a saved task holds.

A core task (``task.yaml``) has the learner write the real thing (an event plan, an offer, a
follow-up, a connection note, a reconnect message) with one of the course's drafting tools,
then compare it with a model answer and tick the checklist points their draft meets. The draft
is stored like a reflection (prompt id: the task's id) and the ticks as a setting
(:func:`setting_key`); neither is sent anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Drafting tool -> the inputs an invented person can fill in, in the order the tool shows them.
TOOLS = {
    "event-plan": ("event", "goal", "people", "introduction", "question", "if_then"),
    "offer": ("name", "detail", "offer"),
    "follow-up": ("name", "where", "detail", "promised", "next_step"),
    "connection-note": ("name", "context", "detail"),
    "reconnect": ("name", "detail", "news"),
}
#: The store setting holding a topic's task state (``{"ticks": [...], "for": ...}``) is this prefix
#: and the topic id: one setting per notebook, so two notebooks open at once never overwrite
#: each other's ticks.
SETTING_PREFIX = "core_task:"
#: Who the learner writes for.
OWN, INVENTED = "own", "invented"


@dataclass(frozen=True)
class SavedTask:
    """What the store holds for one topic's core task.

    Attributes
    ----------
    draft : str
        The draft as last saved ('' before any save).
    ticks : tuple of str
        Ids of the checklist points the learner ticked, in the checklist's order.
    writes_for : str
        :data:`OWN` or :data:`INVENTED` ('' before any save).
    saved_at : str or None
        When the draft was last saved (ISO time, UTC).
    """

    draft: str = ""
    ticks: tuple = ()
    writes_for: str = ""
    saved_at: str | None = None

    @property
    def done(self) -> bool:
        """True once a draft with some text in it was saved."""
        return bool(self.draft.strip())


def setting_key(topic_id: str) -> str:
    """Return the store setting that holds a topic's ticks and choice of person."""
    return f"{SETTING_PREFIX}{topic_id}"


def saved_task(task: dict, reflections: dict, state, topic_id: str) -> SavedTask:
    """Return a topic's saved core task from the store's reflections and task setting (pure).

    Parameters
    ----------
    task : dict
        The topic's ``task.yaml``.
    reflections : dict
        ``Store.reflections()``: (topic id, prompt id) -> row with ``text`` and ``updated_at``.
    state : dict or None
        The value of the topic's :func:`setting_key`; anything but a dict counts as empty.
    topic_id : str

    Returns
    -------
    SavedTask
        Ticks the checklist no longer has are left out.
    """
    row = reflections.get((topic_id, task["id"])) or {}
    state = state if isinstance(state, dict) else {}
    known = [point["id"] for point in task["checklist"]]
    ticked = state.get("ticks") if isinstance(state.get("ticks"), list) else []
    writes_for = state.get("for") if state.get("for") in (OWN, INVENTED) else ""
    return SavedTask(str(row.get("text") or ""), tuple(i for i in known if i in ticked),
                     writes_for, row.get("updated_at"))


def task_state(ticks, writes_for: str) -> dict:
    """Return the value stored under :func:`setting_key`: the ticked ids and who it is for."""
    return {"ticks": list(ticks), "for": writes_for}
