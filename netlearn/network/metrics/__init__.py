"""Pure metrics over a Network, one module per networking mistake, as the notebooks are.

- :mod:`~netlearn.network.metrics.preparation` (01): event preparation;
- :mod:`~netlearn.network.metrics.giving` (02): gives versus asks, and the give/ask tags a
  learner puts on recent LinkedIn conversations;
- :mod:`~netlearn.network.metrics.follow_up` (03): following up after meeting or
  connecting, open commitments;
- :mod:`~netlearn.network.metrics.online` (04): online versus offline, invitation notes,
  taking part online;
- :mod:`~netlearn.network.metrics.upkeep` (05): recency, cadence, dormant ties, whom to
  reconnect with and who counts as close;
- :mod:`~netlearn.network.metrics.summary`: the plain counts behind all of them;
- :mod:`~netlearn.network.metrics.common`: what several share (comparable times, day
  windows, the interactions grouped by contact).

Each metric is a function of a Network and a day that reads the records and never changes
them; its docstring defines it, and its body is one plain loop over the records that reads
like that definition. Most metrics read the interactions grouped by contact
(:func:`~netlearn.network.metrics.common.network_timelines`): as a notebook calls several
on the same Network, that grouping is built once per Network and day and kept on the
Network itself, so the metrics keep no state of their own. Call ``Network.changed()``
after editing a record in place.

Every public name of the modules is here too: ``from netlearn import metrics`` then
``metrics.follow_up(...)`` (what the notebooks write) and
``from netlearn.network.metrics import follow_up`` both work.
"""

from __future__ import annotations

from netlearn.network.metrics.common import (
    Share,
    Timeline,
    contact_timelines,
    interaction_times,
    naive_datetime,
)
from netlearn.network.metrics.follow_up import (
    DATE_ONLY_MEETING_TIME,
    FOLLOW_UP_FAST_HOURS,
    FOLLOW_UP_WEEK_HOURS,
    FollowUp,
    NotFollowedUp,
    OverdueCommitment,
    connection_follow_up,
    follow_up,
    never_followed_up,
    overdue_commitments,
)
from netlearn.network.metrics.giving import (
    TRIAGE_TAGS,
    Conversation,
    GiveAsk,
    MonthCount,
    apply_triage,
    give_ask_ratio,
    recent_conversations,
)
from netlearn.network.metrics.online import (
    IN_PERSON_CHANNELS,
    LINKEDIN_CHANNELS,
    OnlineMix,
    ParticipationMonth,
    in_person_also_online,
    invitation_note_share,
    online_mix,
    participation_by_month,
    participation_kind,
)
from netlearn.network.metrics.preparation import (
    Preparation,
    awaiting_retro,
    preparation_rate,
)
from netlearn.network.metrics.summary import summary_counts
from netlearn.network.metrics.upkeep import (
    COLD_DAYS,
    DORMANT_DAYS,
    INNER_CADENCE_DAYS,
    INNER_LAYER,
    OUTER_CADENCE_DAYS,
    RECENCY_HALF_LIFE_DAYS,
    SUGGEST_MAX,
    SUGGEST_MIN_INTERACTIONS,
    CadenceOverdue,
    CloseSuggestion,
    DormantTie,
    Recency,
    ReconnectCandidate,
    cadence_overdue,
    close_contacts_or_suggested,
    close_in_touch,
    dormant_reconnected,
    gone_cold,
    recency,
    reconnect_candidates,
    reconnect_pool,
    suggest_close_contacts,
)

__all__ = [
    "COLD_DAYS",
    "DATE_ONLY_MEETING_TIME",
    "DORMANT_DAYS",
    "FOLLOW_UP_FAST_HOURS",
    "FOLLOW_UP_WEEK_HOURS",
    "INNER_CADENCE_DAYS",
    "INNER_LAYER",
    "IN_PERSON_CHANNELS",
    "LINKEDIN_CHANNELS",
    "OUTER_CADENCE_DAYS",
    "RECENCY_HALF_LIFE_DAYS",
    "SUGGEST_MAX",
    "SUGGEST_MIN_INTERACTIONS",
    "TRIAGE_TAGS",
    "CadenceOverdue",
    "CloseSuggestion",
    "Conversation",
    "DormantTie",
    "FollowUp",
    "GiveAsk",
    "MonthCount",
    "NotFollowedUp",
    "OnlineMix",
    "OverdueCommitment",
    "ParticipationMonth",
    "Preparation",
    "ReconnectCandidate",
    "Recency",
    "Share",
    "Timeline",
    "apply_triage",
    "awaiting_retro",
    "cadence_overdue",
    "close_contacts_or_suggested",
    "close_in_touch",
    "connection_follow_up",
    "contact_timelines",
    "dormant_reconnected",
    "follow_up",
    "give_ask_ratio",
    "gone_cold",
    "in_person_also_online",
    "interaction_times",
    "invitation_note_share",
    "naive_datetime",
    "never_followed_up",
    "online_mix",
    "overdue_commitments",
    "participation_by_month",
    "participation_kind",
    "preparation_rate",
    "reconnect_candidates",
    "reconnect_pool",
    "recency",
    "recent_conversations",
    "suggest_close_contacts",
    "summary_counts",
]
