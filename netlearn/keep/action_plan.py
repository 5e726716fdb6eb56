"""Write the learner's personal action plan as Markdown from their answers and their network."""

from __future__ import annotations

import re
from datetime import date

from netlearn.network.records import EVENT_CHECKLIST, Commitment, Network

#: Used when the course content cannot be loaded: (id, title, mistake).
DEFAULT_TOPICS = (
    ("01-preparation", "Come prepared", "Lack of preparation"),
    ("02-giving-not-just-taking", "Give, don't just take", "Focusing solely on personal gain"),
    ("03-following-up", "Follow up and follow through", "Neglecting follow-up"),
    ("04-online-networking", "Network online, on purpose",
     "Overlooking online networking opportunities"),
    ("05-maintaining-relationships", "Keep relationships alive",
     "Failing to maintain relationships"),
)
PLAN_TOPIC = "06-action-plan"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)")


def md_escape(text) -> str:
    """Escape text from the learner or their data for Markdown, on one line.

    Backslash-escapes the characters Markdown (and HTML inside it) would act
    on, and a leading list or heading marker; line breaks become spaces.
    """
    text = " ".join(str(text).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def md_quote(text) -> str:
    """Return multi-line learner text as an escaped Markdown block quote."""
    lines = str(text).strip().splitlines() or [""]
    return "\n".join("> " + md_escape(line) if line.strip() else ">" for line in lines)


def _names(items, limit: int = 3) -> str:
    names = [md_escape(name) for name in items]
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    return ", ".join(names)


def _percent(share) -> str:
    return "—" if share is None else f"{100 * share:.0f} %"


# --------------------------------------------------------------------------- per topic


def _prep(net: Network, today: date) -> tuple[str, list[str]]:
    from netlearn.network.metrics import awaiting_retro, preparation_rate

    prep = preparation_rate(net, today)
    waiting = awaiting_retro(net, today)
    if prep.events:
        metric = (f"Events you attended fully prepared (all {len(EVENT_CHECKLIST)} checklist "
                  f"items): {prep.fully_prepared} of {prep.events} ({_percent(prep.rate)})")
    elif waiting:
        metric = (f"Events you attended fully prepared: {len(waiting)} imported "
                  f"event{'' if len(waiting) == 1 else 's'} to look back on first (notebook 01)")
    else:
        metric = "Events you attended fully prepared: no attended events logged yet"
    actions = []
    upcoming = sorted((e for e in net.events if e.day >= today), key=lambda e: e.day)
    if upcoming:
        event = upcoming[0]
        missing = [label for name, label in EVENT_CHECKLIST.items()
                   if not getattr(event, name)]
        if missing:
            actions.append(f"Before {md_escape(event.title)} on {event.day.isoformat()}: "
                           + "; ".join(missing) + ".")
        else:
            actions.append(f"You are fully prepared for {md_escape(event.title)} on "
                           f"{event.day.isoformat()} — set one checkable goal for the night.")
    if prep.events and prep.item_shares:
        weakest = min(EVENT_CHECKLIST, key=lambda name: prep.item_shares.get(name, 0.0))
        share = prep.item_shares.get(weakest, 0.0)
        if share < 1:
            actions.append(f"Your most-skipped step is “{EVENT_CHECKLIST[weakest]}” (done "
                           f"for {_percent(share)} of events): do it before your next event.")
    if not actions:
        actions.append("Log your next event with its preparation checklist (notebook 01) "
                       "and set one specific, checkable goal for it.")
    return metric, actions


def _give(net: Network, today: date) -> tuple[str, list[str]]:
    from netlearn.network.metrics import give_ask_ratio

    result = give_ask_ratio(net, today)
    ratio = "—" if result.ratio is None else f"{result.ratio:.1f}"
    metric = (f"Gives and asks in the last {result.days} days: {result.gives} gives, "
              f"{result.asks} asks (give:ask ratio {ratio})")
    if result.asks > result.gives:
        actions = [f"You asked more than you gave in the last {result.days} days: plan one "
                   "give this week — share an article, make an introduction or offer "
                   "feedback (notebook 02)."]
    elif result.gives or result.asks:
        actions = ["Keep giving: pick someone you have not helped before and send them "
                   "something useful this month."]
    else:
        actions = ["Log who you help and who helps you for a month, then look at the "
                   "balance again (notebook 02)."]
    return metric, actions


def _met_not_followed_up(net: Network, today: date) -> list[str]:
    from netlearn.keep.reminders import reminders

    return [r.subject for r in reminders(net, today) if r.kind == "follow-up"]


def _follow(net: Network, today: date) -> tuple[str, list[str]]:
    from netlearn.network.metrics import follow_up, overdue_commitments

    result = follow_up(net, today)
    share = result.within_48h
    if share.whole:
        metric = (f"People you followed up within 48 hours: {share.part} of {share.whole} "
                  f"({_percent(share.share)})")
    else:
        metric = "People you followed up within 48 hours: nobody met and logged yet"
    actions = []
    waiting = _met_not_followed_up(net, today)
    if waiting:
        actions.append(f"{len(waiting)} {'person' if len(waiting) == 1 else 'people'} you "
                       f"met recently still need a follow-up: {_names(waiting)}.")
    overdue = overdue_commitments(net, today)
    if overdue:
        actions.append(f"{len(overdue)} commitment{'s are' if len(overdue) != 1 else ' is'} "
                       f"overdue: {_names(o.commitment.text for o in overdue)}.")
    if not actions:
        actions.append("After your next meeting, send a personal follow-up within 48 hours "
                       "(notebook 03's drafter) and note what you promised.")
    return metric, actions


def _online(net: Network, today: date) -> tuple[str, list[str]]:
    from netlearn.network.metrics import (
        IN_PERSON_CHANNELS,
        in_person_also_online,
        invitation_note_share,
    )

    both = in_person_also_online(net)
    notes = invitation_note_share(net)
    metric = (f"People met in person who are also connected online: {both.part} of "
              f"{both.whole} ({_percent(both.share)}); invitations sent with a personal "
              f"note: {notes.part} of {notes.whole} ({_percent(notes.share)})")
    met = {i.contact_key for i in net.interactions if i.channel in IN_PERSON_CHANNELS}
    online = {i.contact_key for i in net.interactions
              if i.channel in ("linkedin_message", "linkedin_invitation")}
    missing = []
    seen = set()
    for contact in net.contacts:
        if contact.key in seen:
            continue
        seen.add(contact.key)
        if (contact.met_on is not None or contact.key in met) and not (
                contact.connected_on is not None or contact.key in online):
            missing.append(contact.name)
    actions = []
    if missing:
        actions.append(f"Connect online, with a personal note, to {len(missing)} "
                       f"{'person' if len(missing) == 1 else 'people'} you met in person: "
                       f"{_names(missing)}.")
    if notes.whole and notes.part < notes.whole:
        actions.append("Add a personal note to every invitation: say where you met or why "
                       "you want to connect.")
    if not actions:
        actions.append("Spend ten minutes a week adding something useful online: a comment "
                       "on a colleague's post, or an answer in a community you follow.")
    return metric, actions


def _maintain(net: Network, today: date) -> tuple[str, list[str]]:
    from netlearn.network.metrics import cadence_overdue, gone_cold, reconnect_candidates

    cold = gone_cold(net, today)
    lapsed = cadence_overdue(net, today)
    metric = (f"Close contacts gone cold (90+ days): {len(cold)}; contacts past their "
              f"keep-in-touch cadence: {len(lapsed)}")
    actions = []
    if cold:
        actions.append(f"{len(cold)} close contact{'s have' if len(cold) != 1 else ' has'} "
                       f"gone cold: {_names(entry.name for entry in cold)}.")
    elif lapsed:
        actions.append(f"Past your keep-in-touch cadence: {_names(e.name for e in lapsed)}.")
    if not any(contact.cadence_days for contact in net.contacts):
        actions.append("Set a keep-in-touch cadence for your five most important contacts "
                       "(notebook 05); reminders.ics then reminds you.")
    else:
        candidates = [c for c in reconnect_candidates(net, today, n=3)
                      if c.name not in {e.name for e in cold}]
        if candidates:
            actions.append(f"Reconnect with a dormant tie — they often have fresh advice: "
                           f"{_names(c.name for c in candidates)}.")
    if not actions:
        actions.append("Write to one person you have not spoken to in a while — no agenda, "
                       "just ask how they are.")
    return metric, actions[:2]


TOPIC_METRICS = {
    "01-preparation": _prep,
    "02-giving-not-just-taking": _give,
    "03-following-up": _follow,
    "04-online-networking": _online,
    "05-maintaining-relationships": _maintain,
}
_KEYWORDS = (("prep", _prep), ("giv", _give), ("follow", _follow), ("online", _online),
             ("maintain", _maintain), ("relationship", _maintain))


def _metric_for(topic_id: str):
    if topic_id in TOPIC_METRICS:
        return TOPIC_METRICS[topic_id]
    for word, function in _KEYWORDS:
        if word in topic_id:
            return function
    return None


def _commitment_line(item: Commitment, today: date, names: dict) -> str:
    who = names.get(item.contact_key)
    late = " — **overdue**" if item.due < today else ""
    return (f"- [ ] {md_escape(item.text)}" + (f" (for {md_escape(who)})" if who else "")
            + f" — due {item.due.isoformat()}{late}")


def _topic_commitments(topic_id: str, open_items: list[Commitment]) -> list[Commitment]:
    function = _metric_for(topic_id)
    if function is _give:
        return [c for c in open_items if c.kind == "give"]
    if function is _follow:
        return [c for c in open_items if c.kind != "give"]
    return []


def _topics(course):
    if course is None:
        from netlearn.plumbing.errors import ContentError
        from netlearn.teaching.content import course as load_course

        try:
            course = load_course()
        except ContentError:
            course = None
    if course is None:
        from types import SimpleNamespace

        mistakes = [SimpleNamespace(id=i, title=t, mistake=m, statements=[], prompts=[],
                                    questions=[], tips=[]) for i, t, m in DEFAULT_TOPICS]
        return "Your networking action plan", mistakes, None
    plan = next((t for t in course.topics if t.kind == "plan"), None)
    return course.title, course.mistakes, plan


def _quiz_line(store, topic) -> str:
    from netlearn.teaching.grading import quiz_outcome, quiz_score
    from netlearn.teaching.item_history import load_history

    answers = store.last_answers(topic.id)
    attempts = store.quiz_attempts(topic.id)
    if not attempts:
        return "not taken yet"
    if topic.questions:  # first tries and retries apart, as the quiz and course map say
        return quiz_outcome(topic.questions, answers, attempts, load_history()).words()
    latest = list(answers.values())
    if not latest:
        return "not taken yet"
    score, total = quiz_score(latest)
    percent = f" ({100 * score / total:.0f} %)" if total else ""
    return f"{score:g} of {total:g} points{percent} on {len(latest)} questions"


def _mean(values) -> str:
    values = [v for v in values if v is not None]
    return f"{sum(values) / len(values):.1f}" if values else "—"


def _assessment_lines(ratings: dict, topic) -> list[str]:
    rows = []
    befores, afters = [], []
    for statement in topic.statements:
        before = ratings.get((topic.id, statement["id"], "before"))
        after = ratings.get((topic.id, statement["id"], "after"))
        if before is None and after is None:
            continue
        befores.append(before)
        afters.append(after)
        rows.append(f"| {md_escape(statement['text'])} | {before or '—'} | {after or '—'} |")
    if not rows:
        return ["Not rated yet."]
    return [f"Average: {_mean(befores)} → {_mean(afters)}", "",
            "| Statement | Before | After |", "|---|---|---|", *rows]


def _reflection_lines(store, topic) -> list[str]:
    saved = store.reflections(topic.id)
    lines = []
    for prompt in topic.prompts:
        entry = saved.get((topic.id, prompt["id"]))
        if entry and entry["text"].strip():
            lines += [f"*{md_escape(prompt['text'])}*", "", md_quote(entry["text"]), ""]
    return lines or ["None written yet.", ""]


def action_plan_markdown(course, store, net: Network, today: date) -> str:
    """Return the learner's personal action plan as Markdown.

    For each mistake topic: self-assessment before → after, quiz score,
    reflections, the metric that matters with its current value, open
    commitments and one or two next actions chosen from the data; then
    "What next" with the plan topic's reflections. Everything that came from
    the learner or their data is escaped for Markdown.

    Parameters
    ----------
    course : netlearn.teaching.content.Course or None
        The course (titles, statements, prompts); None loads
        :func:`netlearn.teaching.content.course`, falling back to built-in titles when
        the content cannot be loaded.
    store : netlearn.store.Store
        The learner's store (answers, self-assessments, reflections).
    net : Network
        The network the metrics are computed on (normally the learner's own).
    today : date
        The day the plan is written for.

    Returns
    -------
    str
    """
    title, mistakes, plan = _topics(course)
    ratings = store.self_assessments()
    names = {}
    for contact in net.contacts:
        names.setdefault(contact.key, contact.name)
    open_items = sorted((c for c in net.commitments if not c.done),
                        key=lambda c: (c.due, c.text))
    whose = ("the sample persona's data (invented)" if net.is_sample
             else f"{md_escape(net.label)}: {len(net.contacts)} contacts, "
                  f"{len(net.interactions)} interactions, {len(net.events)} events")
    lines = [f"# My networking action plan — {md_escape(title)}", "",
             f"Written {today.isoformat()} from your answers and {whose}.", ""]
    for number, topic in enumerate(mistakes, start=1):
        lines += [f"## {number}. {md_escape(topic.title)}", ""]
        if getattr(topic, "mistake", ""):
            lines += [f"*The mistake: {md_escape(topic.mistake)}*", ""]
        lines += ["**Self-assessment** (1 = rarely, 5 = always)", "",
                  *_assessment_lines(ratings, topic), ""]
        lines += [f"**Quiz:** {_quiz_line(store, topic)}", ""]
        lines += ["**Your reflections**", "", *_reflection_lines(store, topic)]
        function = _metric_for(topic.id)
        actions = []
        if function is not None:
            metric, actions = function(net, today)
            lines += [f"**The number that matters:** {metric}", ""]
        mine = _topic_commitments(topic.id, open_items)
        if mine:
            lines += ["**Open commitments**", "",
                      *(_commitment_line(c, today, names) for c in mine), ""]
        if not actions and getattr(topic, "tips", None):
            actions = [md_escape(topic.tips[0]["text"])]
        if actions:
            lines += ["**Next actions**", "",
                      *(f"{i}. {action}" for i, action in enumerate(actions[:2], start=1)), ""]
    lines += ["## What next", ""]
    if plan is not None:
        reflections = _reflection_lines(store, plan)
        if reflections != ["None written yet.", ""]:
            lines += ["**Your plan**", "", *reflections]
    lines += [
        "- Pick one next action above and put it in your calendar today.",
        "- Import `reminders.ics` into your calendar: keep-in-touch, follow-up and "
        "commitment reminders.",
        "- In 30 days, import your data again and re-export: compare the numbers "
        "that matter with the ones above.",
        "",
    ]
    return "\n".join(lines)
