"""Pure functions that draft follow-up and reconnection messages and check how personal they are."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MAX_WORDS = 120
DORMANT_DAYS = 3 * 365  # Levin, Walter & Murnighan (2011)

#: Phrases that make a message feel mass-produced; matched case-insensitively.
GENERIC_PHRASES = {
    "touching base": r"\btouch(?:ing)?\s+base\b",
    "circle back": r"\bcircl(?:e|ing)\s+back\b",
    "just checking in": r"\bjust\s+checking\s+in\b",
    "just following up": r"\bjust\s+following\s+up\b",
    "hope this finds you well": r"\bhope\s+(?:this|the|my)(?:\s+\w+)?\s+finds\s+you\s+well\b",
    "pick your brain": r"\bpick\s+your\s+brains?\b",
    "add you to my network": r"\badd\s+you\s+to\s+my\s+(?:professional\s+)?network\b",
    "reaching out to connect": r"\breach(?:ing)?\s+out\s+to\s+connect\b",
    "per my last": r"\bper\s+my\s+last\b",
    "synergy": r"\bsynerg(?:y|ies|ize|ise)\b",
    "leverage": r"\bleverag(?:e|ing)\b",
}

#: Wording that proposes a concrete next step or makes an offer.
NEXT_STEP_PATTERNS = (
    r"\bwould\s+you\s+(?:be|like|have|want|mind)\b",
    r"\b(?:could|can|shall|should)\s+we\b",
    r"\blet'?s\b",
    r"\bhow\s+about\b",
    r"\bare\s+you\s+(?:free|around|up\s+for|open\s+to)\b",
    r"\bfree\s+(?:for|to|on|next)\b",
    r"\b(?:coffee|call|chat|catch[- ]up|meet\s+up|meeting|lunch|demo)\b",
    r"\bnext\s+(?:week|month|time|monday|tuesday|wednesday|thursday|friday)\b",
    r"\bi(?:'ll|\s+will|'d\s+be\s+glad\s+to|'m\s+happy\s+to|\s+am\s+happy\s+to)\s+"
    r"(?:send|share|introduce|connect|call|email|e-mail|review|help|forward)\b",
    r"\bhappy\s+to\s+(?:help|share|introduce|send|review|connect)\b",
    r"\bi\s+can\s+(?:send|share|introduce|help|review|connect)\b",
    r"\bhere\s+(?:is|are|'s)\b",
    r"\battached\b",
)

STOPWORDS = frozenset(
    "about above after again also been before being both could does doing down during each "
    "from further have having here into just more most once only other over same some such "
    "than that their them then there these they this those through under until very what "
    "when where which while with would your yours you the and for our ours how".split()
)
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Check:
    """One personalisation check: what it looks for, whether it passed, and a hint if not."""

    label: str
    passed: bool
    hint: str = ""

    def __str__(self) -> str:
        mark = "✓" if self.passed else "✗"
        return f"{mark} {self.label}" + (f" — {self.hint}" if self.hint and not self.passed else "")


def words(text: str) -> list[str]:
    """Return the words of ``text`` (letters, digits, apostrophes and hyphens)."""
    return _WORD.findall(text or "")


def word_count(text: str) -> int:
    """Return how many words ``text`` has."""
    return len(words(text))


def first_name(name: str) -> str:
    """Return the first word of a name ("" for an empty name)."""
    parts = (name or "").split()
    return parts[0] if parts else ""


def mentions_name(text: str, name: str) -> bool:
    """Return True when ``text`` uses the person's first name (or full name) as a word."""
    first = first_name(name)
    if not first:
        return False
    pattern = r"(?<![\w])" + re.escape(first) + r"(?![\w])"
    return re.search(pattern, text or "", flags=re.IGNORECASE) is not None


def _stem(word: str) -> str:
    word = re.sub(r"['’]s$", "", word.lower()).strip("'’-")
    return word[:5] if len(word) > 5 else word


def detail_words(detail: str) -> list[str]:
    """Return the content words of a detail (four letters or more, not common words)."""
    return [w for w in words(detail) if len(w) >= 4 and w.lower() not in STOPWORDS]


def refers_to_detail(text: str, detail: str) -> bool:
    """Return True when ``text`` contains at least half of the detail's content words.

    Words are compared by their first five letters, so "designs" matches
    "design". A detail with no content words (or none at all) never passes.
    """
    wanted = {_stem(w) for w in detail_words(detail)}
    if not wanted:
        return False
    present = {_stem(w) for w in words(text)}
    return 2 * len(wanted & present) >= len(wanted)


def states_next_step(text: str) -> bool:
    """Return True when ``text`` proposes a next step or makes an offer."""
    lowered = (text or "").lower().replace("’", "'")
    return any(re.search(pattern, lowered) for pattern in NEXT_STEP_PATTERNS)


def generic_phrases(text: str) -> list[str]:
    """Return the generic phrases found in ``text``, in :data:`GENERIC_PHRASES` order."""
    lowered = (text or "").lower().replace("’", "'")
    return [label for label, pattern in GENERIC_PHRASES.items() if re.search(pattern, lowered)]


def check_draft(text: str, name: str = "", detail: str = "",
                max_words: int = MAX_WORDS) -> list[Check]:
    """Run every personalisation check on a draft message.

    Parameters
    ----------
    text : str
        The draft.
    name : str
        The person's name.
    detail : str
        A specific thing the two of you discussed.
    max_words : int, default 120
        Word limit for a message people read to the end.

    Returns
    -------
    list of Check
        In order: mentions their name, refers to a specific detail, states a
        next step or offer, under ``max_words`` words, no generic phrases.
    """
    count = word_count(text)
    found = generic_phrases(text)
    return [
        Check("mentions their name", mentions_name(text, name),
              "add their name" if first_name(name) else "fill in their name"),
        Check("refers to a specific detail you discussed", refers_to_detail(text, detail),
              "mention something you talked about" if detail_words(detail)
              else "fill in a detail you discussed"),
        Check("states a next step or an offer", states_next_step(text),
              "suggest a call, send what you promised, or offer help"),
        Check(f"under {max_words} words (now {count})", 0 < count < max_words,
              "write something first" if count == 0 else "shorten it"),
        Check("no generic phrases", not found,
              "replace: " + ", ".join(f"“{p}”" for p in found) if found else ""),
    ]


def _sentence(text: str) -> str:
    text = " ".join((text or "").split())
    if text and text[-1] not in ".!?":
        text += "."
    return text[:1].upper() + text[1:]


def _place(where: str) -> str:
    where = " ".join((where or "").split())
    if not where:
        return ""
    if where.split()[0].lower() in {"at", "in", "on", "during", "after", "through", "via"}:
        return " " + where
    return " at " + where


def build_draft(name: str = "", where: str = "", detail: str = "", promised: str = "",
                next_step: str = "", sender: str = "") -> str:
    """Build a short follow-up message from what the learner remembers.

    Parameters
    ----------
    name : str
        The person's name (the greeting uses the first name).
    where : str
        Where you met, e.g. "the Health-tech Design Meetup".
    detail : str
        A specific thing you discussed.
    promised : str
        What you promised, phrased to follow "As promised, …".
    next_step : str
        A next step or offer, e.g. "Would you be up for a 20-minute call next week?".
    sender : str
        Your name, for the sign-off.

    Returns
    -------
    str
        The draft; empty parts are left out.
    """
    greeting = f"Hi {first_name(name)}," if first_name(name) else "Hi,"
    paragraphs = [greeting]
    body = [f"It was great to meet you{_place(where)}."]
    if detail.strip():
        body.append(f"I keep thinking about what we discussed: {' '.join(detail.split())}"
                    .rstrip(".!?") + ".")
    paragraphs.append(" ".join(body))
    if promised.strip():
        text = " ".join(promised.split())
        paragraphs.append("As promised, " + (text if text[-1] in ".!?" else text + "."))
    if next_step.strip():
        paragraphs.append(_sentence(next_step))
    paragraphs.append("Best wishes," + (f"\n{' '.join(sender.split())}" if sender.strip() else ""))
    return "\n\n".join(paragraphs)


def reconnect_opener(name: str, days_since: int | None, close: bool = False,
                     company: str = "", last: date | None = None) -> str:
    """Suggest a low-pressure first line for reconnecting with a quiet or dormant tie.

    Walter, Levin & Murnighan (2015) found that people prefer to reconnect with the
    dormant ties they were closest to, though those they had spent less time with
    were worth more; a first line that asks for nothing makes those less familiar
    ties easier to contact.

    Parameters
    ----------
    name : str
        The contact's name.
    days_since : int or None
        Days since the last contact.
    close : bool
        Whether the learner marked them as a close contact.
    company : str
        Where they work, if known.
    last : date, optional
        The day of the last contact.

    Returns
    -------
    str
        One or two sentences, asking for nothing.
    """
    first = first_name(name) or "there"
    if days_since is not None and days_since >= DORMANT_DAYS:
        return (f"Hi {first}, it's been a few years! You came to mind today and I'd love to "
                "hear what you're working on now — no agenda, just curious.")
    if close:
        since = f" since {last:%B %Y}" if last else " in a while"
        return (f"Hi {first}, I realised we haven't talked{since}. How are things? "
                "Happy to catch up whenever suits you — no rush.")
    if company.strip():
        return (f"Hi {first}, you came to mind today — how are things at {company.strip()}? "
                "Would be good to hear your news.")
    return f"Hi {first}, it's been a while and you came to mind — how have you been?"


#: How the last contact happened, as it reads in a sentence ("we last talked by e-mail").
_CHANNEL_WORDS = {
    "in_person": "in person", "event": "at an event", "call": "on the phone",
    "video": "on a video call", "email": "by e-mail", "linkedin_message": "on LinkedIn",
    "linkedin_invitation": "on LinkedIn", "forum": "in an online community", "post": "on LinkedIn",
}
_OPENINGS = (
    "you came to mind today",
    "I was thinking about our last conversation",
    "something I read this week made me think of you",
    "I realised it has been a while",
)
_TAG_LINES = {
    "give": "I hope what I passed on last time was useful.",
    "ask": "Thanks again for your help last time — I'd be glad to return the favour.",
    "both": "Thanks again for last time; I enjoyed trading ideas.",
}


def personal_opener(name: str, days_since: int | None = None, last: date | None = None, *,
                    company: str = "", position: str = "", channel: str = "", tag: str = "",
                    variant: int = 0) -> str:
    """A reconnection first line built from what is known about the person.

    Uses their first name, where they work and their role, when and how you were
    last in touch, and the give/ask tag from notebook 02's triage; it asks for
    nothing and uses none of :data:`GENERIC_PHRASES` (the template notebook 03
    warns against). ``variant`` picks another opening, so that a list of openers
    can avoid repeating itself.

    Parameters
    ----------
    name : str
    days_since : int, optional
    last : date, optional
        The day of the last contact.
    company, position : str, optional
    channel : str, optional
        The channel of the last contact (e.g. ``"email"``).
    tag : str, optional
        ``"give"``, ``"ask"``, ``"both"`` or ``"neither"``.
    variant : int, default 0

    Returns
    -------
    str
    """
    first = first_name(name) or "there"
    opening = _OPENINGS[variant % len(_OPENINGS)]
    if days_since is not None and days_since >= DORMANT_DAYS:
        opening = f"it's been a few years — {opening}"
    parts = [f"Hi {first}, {opening}."]
    how = _CHANNEL_WORDS.get(channel, "")
    if last is not None:
        parts.append(f"We last talked{' ' + how if how else ''} in {last:%B %Y}.")
    line = _TAG_LINES.get(tag)
    if line:
        parts.append(line)
    company, position = " ".join(company.split()), " ".join(position.split())
    if company and position:
        parts.append(f"How is the work as {position} at {company} going?")
    elif company:
        parts.append(f"How are things at {company}?")
    else:
        parts.append("What are you working on these days?")
    return " ".join(parts)


#: LinkedIn's limit for the note on an invitation to connect.
CONNECTION_NOTE_MAX_CHARS = 300
_WHY_PATTERNS = (
    r"\b(?:enjoyed|liked|loved|appreciated|read|saw|heard|met|spoke|talked|chatted)\b",
    r"\b(?:your|you)\s+(?:post|talk|article|work|panel|comment|question|presentation)\b",
    r"\bwe\s+(?:both|share|met|spoke|talked)\b",
    r"\bbecause\b",
)


def build_connection_note(name: str = "", context: str = "", detail: str = "") -> str:
    """Draft a short invitation note: who you are to them, one detail, why connect.

    Parameters
    ----------
    name : str
        The person's name (the note uses the first name).
    context : str
        How you know of them, e.g. "the accessibility meetup" or "your post on design systems".
    detail : str
        Something specific they said or wrote.

    Returns
    -------
    str
    """
    greeting = f"Hi {first_name(name)}," if first_name(name) else "Hi,"
    parts = [greeting]
    context = " ".join(context.split())
    if context:
        parts.append(_sentence(f"I enjoyed {context}"))
    if detail.strip():
        parts.append(_sentence(f"What you said about {' '.join(detail.split())} stayed with me"))
    parts.append("I'd be glad to stay in touch.")
    return " ".join(parts)


def check_connection_note(text: str, name: str = "", detail: str = "",
                          max_chars: int = CONNECTION_NOTE_MAX_CHARS) -> list[Check]:
    """Run the personalisation checks on an invitation note.

    Parameters
    ----------
    text : str
        The note.
    name : str
        The person's name.
    detail : str
        Something specific about them or your conversation.
    max_chars : int, default 300
        LinkedIn's limit for a note.

    Returns
    -------
    list of Check
        In order: mentions their name, refers to a specific detail, says why you
        want to connect, within ``max_chars`` characters, no generic phrases.
    """
    lowered = (text or "").lower().replace("’", "'")
    found = generic_phrases(text)
    length = len((text or "").strip())
    return [
        Check("mentions their name", mentions_name(text, name),
              "add their name" if first_name(name) else "fill in their name"),
        Check("refers to something specific about them", refers_to_detail(text, detail),
              "mention their post, talk or what you discussed" if detail_words(detail)
              else "fill in a detail"),
        Check("says why you want to connect", any(re.search(p, lowered) for p in _WHY_PATTERNS),
              "say where you met or what of theirs you read"),
        Check(f"within LinkedIn's {max_chars} characters (now {length})",
              0 < length <= max_chars, "write something first" if not length else "shorten it"),
        Check("no generic phrases", not found,
              "replace: " + ", ".join(f"“{p}”" for p in found) if found else ""),
    ]
