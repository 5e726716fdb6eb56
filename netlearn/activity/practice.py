"""The practice widgets of notebooks 02–05, gathered for one import line in a notebook."""

from __future__ import annotations

from netlearn.activity.practice_cadence import cadence_editor
from netlearn.activity.practice_followup import followup_drafter
from netlearn.activity.practice_give import give_planner
from netlearn.activity.practice_profile import profile_audit
from netlearn.activity.practice_reconnect import reconnect_list

__all__ = ["cadence_editor", "followup_drafter", "give_planner", "profile_audit",
           "reconnect_list"]
