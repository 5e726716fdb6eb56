"""Export the learner's data (CSVs, reminders.ics, action-plan.md), and a notebook button for it."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from netlearn.plumbing.clock import resolve_today

REMINDERS_NAME = "reminders.ics"
PLAN_NAME = "action-plan.md"


def _write_atomic(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` via ``target.part`` and a rename; never half-written."""
    partial = target.with_name(target.name + ".part")
    try:
        with open(partial, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def export_all(store, directory, today: date | None = None, progress=None) -> list[Path]:
    """Write everything the learner owns into ``directory``.

    One CSV per table with a header row (:meth:`netlearn.store.Store.export_csv`),
    ``reminders.ics`` (:func:`netlearn.keep.reminders.reminder_calendar`, with the
    check-in date picked in notebook 06) and
    ``action-plan.md`` (:func:`netlearn.keep.action_plan.action_plan_markdown`),
    all computed from the learner's own records — never the sample persona.
    Each file is written to a ``.part`` file first and then renamed.

    Parameters
    ----------
    store : netlearn.store.Store
        The learner's store.
    directory : str or os.PathLike
        Where to write; created if missing.
    today : date, optional
        The day reminders and the plan are computed for (default: today).
    progress : callable, optional
        Called as ``progress(done, total)`` after each of the three steps.

    Returns
    -------
    list of Path
        Every file written, CSVs first.
    """
    from netlearn.keep.action_plan import action_plan_markdown
    from netlearn.keep.reminders import reminder_calendar
    from netlearn.teaching.checkin import SETTING, parse_checkin

    today = resolve_today(today)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    steps = 3

    def report(done):
        if progress is not None:
            progress(done, steps)

    report(0)
    written = list(store.export_csv(directory))
    report(1)
    net = store.load_network()
    checkin = parse_checkin(store.setting(SETTING))
    written.append(_write_atomic(directory / REMINDERS_NAME,
                                 reminder_calendar(net, today, checkin=checkin)))
    report(2)
    plan = action_plan_markdown(None, store, net, today)
    written.append(_write_atomic(directory / PLAN_NAME, plan.encode("utf-8")))
    report(3)
    from netlearn.plumbing.permissions import private_files

    return private_files(written)  # 0600 on POSIX, wherever they were written


def export_directory(home) -> Path:
    """Return a new, unused ``home/exports/<timestamp>`` directory path (not created)."""
    base = Path(home) / "exports"
    stamp = datetime.now().strftime("%Y-%m-%d_%H%M%S")
    candidate = base / stamp
    number = 2
    while candidate.exists():
        candidate = base / f"{stamp}-{number}"
        number += 1
    return candidate
