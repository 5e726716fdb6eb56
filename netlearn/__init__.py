"""netlearn: the five biggest networking mistakes, taught on your own network.

The public API is small and loaded lazily, so ``import netlearn`` stays light:
widgets, pandas and matplotlib load only when something that needs them is used.
"""

from __future__ import annotations

import importlib

# public name -> "module:attribute" (modules relative to this package)
_LAZY = {
    "Store": "store:Store",
    "activity_log": "widgets.log.log_tabs:activity_log",
    "backup_widget": "widgets.backup_button:backup_widget",
    "cadence_editor": "widgets.practice.cadence:cadence_editor",
    "checkin_date": "widgets:checkin_date",
    "checkin_quiz": "widgets:checkin_quiz",
    "checkin_status": "widgets.checkin:checkin_status",
    "commitment_review": "widgets:commitment_review",
    "close_suggestions": "widgets.practice.owndata:close_suggestions",
    "connection_note_drafter": "widgets.practice.owndata:connection_note_drafter",
    "course": "teaching.content:course",
    "course_overview": "widgets:course_overview",
    "data_choice": "widgets.practice.owndata:data_choice_widget",
    "delete_data_widget": "widgets.delete_data:delete_data_widget",
    "event_checklist": "widgets.log.event:event_checklist",
    "event_retro": "widgets.practice.owndata:event_retro",
    "export_widget": "widgets.export_button:export_widget",
    "facilitator_notes": "widgets.facilitator:facilitator_notes",
    "follow_up_gaps": "widgets.practice.owndata:follow_up_gaps",
    "followup_drafter": "widgets.practice.followup:followup_drafter",
    "get_store": "store:get_store",
    "give_planner": "widgets.practice.give:give_planner",
    "hosting_notice": "widgets.hosting_notice:hosting_notice",
    "import_widget": "widgets.upload:import_widget",
    "metrics": "network.metrics:",
    "log_commitment": "widgets.log.commitment:commitment_form",
    "log_contact": "widgets.log.contact:contact_form",
    "log_event": "widgets.log.event:event_form",
    "log_interaction": "widgets.log.interaction:interaction_form",
    "my_network": "keep.learner_network:my_network",
    "pitch_builder": "widgets:pitch_builder",
    "profile_audit": "widgets.practice.profile:profile_audit",
    "progress_bar": "widgets:progress_bar",
    "quiz": "widgets:quiz",
    "reconnect_list": "widgets.practice.reconnect:reconnect_list",
    "reflection": "widgets:reflection",
    "sample_network": "network.sample:sample_network",
    "scenario": "widgets:scenario",
    "self_assessment": "widgets:self_assessment",
    "self_assessment_means": "keep.self_ratings:self_assessment_means",
    "self_assessment_phase_means": "keep.self_ratings:self_assessment_phase_means",
    "set_facilitator_mode": "plumbing.paths:set_facilitator_mode",
    "show_chart": "charts.display:show_chart",
    "summary_widget": "widgets.summary_button:summary_widget",
    "time_consent": "widgets.consent:time_consent",
    "topic_key_points": "widgets.topic_text:topic_key_points",
    "triage_list": "widgets.practice.owndata:triage_list",
    "use_sample": "keep.learner_network:use_sample",
}

__all__ = sorted([*_LAZY, "__version__"])


def __getattr__(name: str):
    if name == "__version__":  # pyproject.toml is the single source (netlearn.plumbing.version)
        from netlearn.plumbing.version import course_version

        return course_version()
    try:
        target = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'netlearn' has no attribute {name!r}") from None
    module_name, attribute = target.split(":")
    if not attribute:  # a module: `from netlearn import metrics` in the notebooks
        value = importlib.import_module(f".{module_name}", __name__)
        globals()[name] = value
        return value
    value = getattr(importlib.import_module(f".{module_name}", __name__), attribute)
    globals()[name] = value
    return value


def __dir__():
    return __all__
