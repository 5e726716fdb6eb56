"""A deterministic synthetic persona, Sam Rivera, so every chart works without personal data."""

from __future__ import annotations

import base64
import csv
import io
import random
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from netlearn.network.records import Commitment, Contact, Event, Interaction, Network

__all__ = [
    "DEFAULT_TODAY",
    "PERSONA_NAME",
    "PERSONA_URL",
    "sample_network",
    "write_sample_linkedin_export",
]

DEFAULT_TODAY = date(2026, 11, 1)
PERSONA_NAME = "Sam Rivera"
PERSONA_URL = "https://www.linkedin.com/in/example-sam-rivera"
SOURCE = "sample"
SEED = 1101

# Invented people: every contact has a first name of their own (so no chart shows two people
# with the same first name) and no surname is used more than twice. Any likeness to a real
# person is accidental.
FIRST_NAMES = (
    "Amara", "Bastian", "Chiara", "Dmitri", "Esther", "Farid", "Greta", "Hamza", "Ingrid",
    "Joaquin", "Keiko", "Lorenzo", "Maren", "Nikhil", "Olga", "Pablo", "Rania", "Stefan", "Tamsin",
    "Umar", "Valentina", "Wesley", "Ximena", "Yusuf", "Zofia", "Anders", "Beatriz", "Callum",
    "Deepa", "Emeka", "Freya", "Gideon", "Hollis", "Isabel", "Jasper", "Kamala", "Linus", "Malika",
    "Niall", "Orla", "Pieter", "Quentin", "Rosalind", "Soren", "Thandiwe", "Ulrich", "Vera",
    "Wanjiru", "Yannick", "Zainab", "Alistair", "Bronwen", "Cyrus", "Delphine", "Eamon", "Fatima",
    "Gareth", "Helena", "Ibrahim", "Juliet", "Kofi", "Leonie", "Mateo", "Nadia", "Oscar", "Paloma",
    "Rashid", "Selma", "Tobias", "Una", "Vikram", "Wilhelmina", "Xander", "Yasmin", "Zeke",
    "Adaeze", "Bjorn", "Camille", "Dariusz", "Elena", "Florian", "Gwen", "Henrik", "Imani",
    "Jonah", "Katya", "Lachlan", "Mirela", "Nnamdi", "Ophelia", "Priyanka", "Rafael", "Sunita",
    "Theo", "Ursula", "Vivian", "Warrick", "Yolanda", "Zhen", "Agnieszka", "Benedikt", "Constance",
    "Duncan", "Efua", "Felix", "Giulia", "Harriet", "Idris", "Jolene", "Kwame", "Lucinda",
    "Marcus", "Noemi", "Osman", "Petra", "Ravi", "Saoirse", "Tristan", "Vanessa", "Wiremu",
    "Aurelie", "Brendan", "Celeste", "Desmond", "Elodie", "Fergus", "Ginevra", "Hugo", "Ines",
    "Jarrah", "Kirsten", "Leandro", "Margot", "Nasser", "Odette", "Percy", "Rhiannon", "Sebastien",
    "Tove", "Viktor", "Wren", "Anouk", "Bao", "Citlali",
)
LAST_NAMES = (
    "Abernethy", "Bellamy", "Castellanos", "Drummond", "Eriksen", "Fairbairn", "Galloway",
    "Hartmann", "Iwasaki", "Jablonski", "Kowalczyk", "Lindqvist", "Mbeki", "Nakamura", "Okafor",
    "Pemberton", "Quintero", "Rasmussen", "Sandoval", "Thornbury", "Underhill", "Vasquez",
    "Whitlock", "Yamamoto", "Zeller", "Achterberg", "Brannigan", "Carvalho", "Delacroix",
    "Ekwueme", "Fitzgerald", "Gutierrez", "Halvorsen", "Ibarra", "Jankowski", "Kettering",
    "Lombardi", "Marchetti", "Novak", "Oyelaran", "Petrovic", "Radcliffe", "Sorensen", "Tanaka",
    "Ulloa", "Varga", "Wojcik", "Zimmermann", "Adebayo", "Bergstrom", "Chaudhry", "Dunleavy",
    "Esposito", "Falconer", "Grieve", "Hoffmann", "Ishikawa", "Kruger", "Laurent", "Moreau",
    "Nwosu", "Ostrowski", "Pacheco", "Rutherford", "Schwartz", "Takahashi", "Valentini",
    "Whitmore", "Xu", "Youssef",
)
#: How many names the persona's generator drew from before (kept so that every other random
#: draw, and so every number the course shows, stays the same).
_NAME_DRAW_POOL = 1200
HEALTH_COMPANIES = (
    "Northbridge Health", "Calder Clinical Systems", "Lumen Care Analytics", "Halden Pharma",
    "Brightwell Medical Devices", "Ashgrove Insurance", "St Aldric Hospital Trust",
    "Fennick Health Labs",
)
DESIGN_COMPANIES = (
    "Ostrander Studio", "Marlow Retail Digital", "Kestrel Bank", "Tidewater Media",
    "Wayfarer Travel", "Copperleaf Agency",
)
HEALTH_POSITIONS = (
    "Product Manager", "Clinical Informatics Lead", "UX Researcher", "Design Director",
    "Head of Product", "Service Designer", "Recruiter", "Engineering Manager",
    "Nurse Practitioner", "Data Scientist", "Founder", "Patient Experience Lead",
)
DESIGN_POSITIONS = (
    "Senior Product Designer", "Design Lead", "UX Writer", "Frontend Engineer",
    "Product Owner", "Research Ops Manager", "Creative Director",
)
EVENT_TITLES = (
    "Health-tech Design Meetup", "Digital Health Founders Night", "Service Design Drinks",
    "UX in Healthcare Breakfast", "Patient Experience Forum", "Product People Social",
    "Accessibility Guild Evening", "MedTech Careers Fair", "Design Systems Meetup",
    "Clinical Innovation Open Day", "Women in Product Lunch", "Health Data Hack Night",
    "Research Ops Roundtable", "Design Leaders Dinner", "Digital Health Conference",
    "Product Strategy Workshop", "Healthcare UX Panel", "Startup Pitch Night",
    "Inclusive Design Talk", "Health-tech Winter Mixer",
)
UPCOMING_TITLES = ("Health-tech Design Meetup (next)", "Care Pathways Design Sprint")
TOPICS = (
    "patient onboarding", "accessibility audits", "design systems", "clinical workflows",
    "research ops", "career moves into health-tech", "service blueprints", "consent flows",
)
COMMITMENT_TEXTS = (
    "Send the accessibility checklist", "Share my portfolio case study",
    "Introduce them to a research ops contact", "Send notes from the panel",
    "Review their onboarding prototype", "Share the consent-flow article",
    "Book a coffee to hear about their team", "Send the design-systems talk recording",
    "Recommend a usability testing tool", "Ask about the open Product Designer role",
    "Send a thank-you for the referral", "Share the service blueprint template",
)


def _purpose_weights(progress: float) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Purposes for an outgoing touch: ask-heavy early in the year, give-heavy later."""
    purposes = ("give", "ask", "check_in", "thanks", "introduction")
    weights = (
        0.08 + 0.30 * progress,
        0.38 - 0.24 * progress,
        0.34,
        0.12,
        0.04 + 0.04 * progress,
    )
    return purposes, weights


class _Persona:
    """Builds the persona's records with one private random generator."""

    def __init__(self, today: date):
        self.rng = random.Random(SEED)
        self.today = today
        self.start = today - timedelta(days=365)
        self.end = datetime.combine(today + timedelta(days=1), time())
        self.contacts: list[Contact] = []
        self.interactions: list[Interaction] = []
        self.events: list[Event] = []
        self.commitments: list[Commitment] = []
        self.rng.sample(range(_NAME_DRAW_POOL), 200)  # the draw names once came from
        step = 37  # coprime with len(LAST_NAMES): each surname comes round once per cycle
        self.names = [(first, LAST_NAMES[(n * step) % len(LAST_NAMES)])
                      for n, first in enumerate(FIRST_NAMES)]

    # -- helpers

    def progress(self, day: date) -> float:
        """Fraction of the persona's year elapsed on ``day`` (0 before it starts)."""
        return min(max((day - self.start).days / 365, 0.0), 1.0)

    def at(self, day: date, earliest: int = 8, latest: int = 20) -> datetime:
        hour = self.rng.randint(earliest, latest)
        return datetime.combine(day, time(hour, self.rng.randrange(0, 60, 5)))

    def contact(self, industry: str, **fields) -> Contact:
        first, last = self.names[len(self.contacts)]
        number = len(self.contacts) + 1
        slug = f"{first}-{last}".lower()
        health = industry == "health"
        contact = Contact(
            name=f"{first} {last}",
            source=SOURCE,
            source_ref=f"c{number:03d}",
            email=f"{first}.{last}@{'example.org' if number % 3 == 0 else 'example.com'}".lower(),
            company=self.rng.choice(HEALTH_COMPANIES if health else DESIGN_COMPANIES),
            position=self.rng.choice(HEALTH_POSITIONS if health else DESIGN_POSITIONS),
            url=f"https://www.linkedin.com/in/example-{slug}",
            **fields,
        )
        self.contacts.append(contact)
        return contact

    def touch(self, contact: Contact | None, when: datetime, channel: str, direction: str = "out",
              purpose: str = "check_in", note: str = "", personal_note: bool = False) -> None:
        if when >= self.end:
            return  # the persona's future has not happened yet
        self.interactions.append(Interaction(
            when=when, channel=channel, direction=direction, purpose=purpose,
            contact_key=contact.key if contact else "", note=note,
            personal_note=personal_note, source=SOURCE,
        ))

    def outgoing_purpose(self, day: date) -> str:
        purposes, weights = _purpose_weights(self.progress(day))
        return self.rng.choices(purposes, weights)[0]

    def note_for(self, purpose: str, contact: Contact) -> str:
        first = contact.name.split()[0]
        topic = self.rng.choice(TOPICS)
        return {
            "give": f"Sent {first} an article on {topic}",
            "ask": f"Asked {first} for advice on {topic}",
            "check_in": f"Checked in with {first} about {topic}",
            "thanks": f"Thanked {first} for the help with {topic}",
            "introduction": f"Introduced {first} to someone working on {topic}",
            "follow_up": f"Followed up with {first} about {topic}",
        }.get(purpose, f"Talked with {first} about {topic}")

    def conversation(self, contact: Contact, first_day: date, count: int, channels, weights,
                     gap=(10, 60), reply_rate: float = 0.4) -> None:
        """``count`` further touches after ``first_day``, some answered by the contact."""
        day = first_day
        for _ in range(count):
            day = day + timedelta(days=self.rng.randint(*gap))
            channel = self.rng.choices(channels, weights)[0]
            purpose = self.outgoing_purpose(day)
            when = self.at(day)
            self.touch(contact, when, channel, "out", purpose, self.note_for(purpose, contact))
            if channel not in ("in_person", "call", "video") and self.rng.random() < reply_rate:
                reply = when + timedelta(hours=self.rng.randint(2, 60))
                self.touch(contact, reply, channel, "in", "thanks" if purpose == "give"
                           else "check_in", f"Reply from {contact.name.split()[0]}")

    # -- the persona's network, group by group

    def build_events(self) -> None:
        span = 365 - 12 - 3
        for index, title in enumerate(EVENT_TITLES):
            day = self.start + timedelta(days=12 + round(index * span / (len(EVENT_TITLES) - 1)))
            chance = 0.15 + 0.8 * index / (len(EVENT_TITLES) - 1)
            checklist = {item: self.rng.random() < chance for item in Event.CHECKLIST}
            self.events.append(Event(
                title=title, day=day, attended=index != 6, location="Example City",
                source=SOURCE, source_ref=f"e{index + 1:02d}", **checklist,
            ))
        for offset, title in zip((9, 23), UPCOMING_TITLES, strict=True):
            self.events.append(Event(
                title=title, day=self.today + timedelta(days=offset), goal_set=True,
                location="Example City", source=SOURCE,
                source_ref=f"e{len(self.events) + 1:02d}",
            ))

    def build_event_contacts(self) -> None:
        """People met at events; follow-up gets faster and more personal over the year."""
        for event in self.events:
            if not event.attended or event.day > self.today:
                continue
            progress = self.progress(event.day)
            for _ in range(self.rng.randint(3, 5)):
                contact = self.contact("health", met_on=event.day)
                event.attendee_keys.append(contact.key)
                met = self.at(event.day, 18, 20)
                self.touch(contact, met, "event", "out", "meet", f"Met at {event.title}")
                roll = self.rng.random()
                if roll < 0.28 + 0.5 * progress:
                    follow = met + timedelta(hours=self.rng.uniform(3, 46))
                elif roll < 0.62 + 0.2 * progress:
                    late = (self.rng.uniform(2.2, 6.5), self.rng.uniform(8, 21))
                    follow = met + timedelta(days=self.rng.choice(late))
                else:
                    continue  # never followed up
                follow = follow.replace(second=0, microsecond=0)
                channel = self.rng.choices(
                    ("linkedin_invitation", "email", "linkedin_message"), (5, 3, 2))[0]
                first = contact.name.split()[0]
                if channel == "linkedin_invitation":
                    with_note = self.rng.random() < 0.25 + 0.65 * progress
                    note = (f"Hi {first}, great talking about {self.rng.choice(TOPICS)} at "
                            f"{event.title}. Would love to stay in touch." if with_note else "")
                    self.touch(contact, follow, channel, "out", "follow_up", note, with_note)
                    if self.rng.random() < 0.85 and follow < self.end:
                        contact.connected_on = follow.date()
                else:
                    self.touch(contact, follow, channel, "out", "follow_up",
                               f"Great to meet you at {event.title}, {first}")
                self.conversation(
                    contact, follow.date(), self.rng.choice((0, 0, 1, 1, 2, 3, 4)),
                    ("email", "linkedin_message", "video", "in_person", "call"), (4, 4, 2, 2, 1),
                )

    def build_close_contacts(self) -> None:
        """The inner circle: regular touches, a few gone cold, a few cadences lapsed."""
        plans = (
            ["cold"] * 6 + ["lapsed"] * 4 + ["cadence"] * 6 + ["steady"] * 4
        )
        for index, plan in enumerate(plans):
            cadence = (30, 60, 45)[index % 3] if plan in ("lapsed", "cadence") else None
            years = self.rng.randint(2, 9)
            # 14 of the 20 are close, 15 with a former colleague below (the course suggests
            # about 5, then about 15); three cold ones and three steady ones are acquaintances
            close = not (plan == "cold" and index >= 3 or plan == "steady" and index > 16)
            contact = self.contact(
                "design" if index % 2 else "health", close=close, cadence_days=cadence,
                met_on=self.start - timedelta(days=365 * years + self.rng.randint(0, 200)),
                connected_on=self.start - timedelta(days=365 * years - self.rng.randint(1, 60)),
            )
            if plan == "cold":
                last = self.today - timedelta(days=self.rng.randint(100, 240))
            elif plan == "lapsed":
                last = self.today - timedelta(days=cadence + self.rng.randint(4, 25))
            elif plan == "cadence":
                last = self.today - timedelta(days=self.rng.randint(2, cadence - 5))
            else:
                last = self.today - timedelta(days=self.rng.randint(1, 40))
            day = last
            channels = ("in_person", "call", "video", "email", "linkedin_message")
            while day >= self.start:
                channel = self.rng.choices(channels, (3, 2, 2, 2, 2))[0]
                direction = "out" if self.rng.random() < 0.65 else "in"
                purpose = self.outgoing_purpose(day) if direction == "out" else "check_in"
                self.touch(contact, self.at(day), channel, direction, purpose,
                           self.note_for(purpose, contact))
                day -= timedelta(days=self.rng.randint(12, 40))

    def build_old_ties(self) -> None:
        """Former colleagues last seen about four years ago; five are picked up again."""
        for index in range(12):
            contact = self.contact(
                "design", close=index == 9,  # a close contact in name only (notebook 05)
                met_on=self.today - timedelta(days=6 * 365 + self.rng.randint(0, 300)),
                connected_on=self.today - timedelta(days=5 * 365 + self.rng.randint(0, 300)),
            )
            day = self.today - timedelta(days=self.rng.randint(1560, 1650))
            for _ in range(self.rng.randint(2, 5)):
                channel = self.rng.choice(("in_person", "email", "linkedin_message"))
                purpose = self.rng.choice(("check_in", "give", "ask", "thanks"))
                self.touch(contact, self.at(day), channel, "out", purpose,
                           self.note_for(purpose, contact))
                day += timedelta(days=self.rng.randint(10, 30))
            if index < 5:
                back = self.today - timedelta(days=self.rng.randint(25, 300))
                self.touch(contact, self.at(back), "linkedin_message", "out", "check_in",
                           f"Reconnecting with {contact.name.split()[0]} after four years")
                self.touch(contact, self.at(back + timedelta(days=1)), "linkedin_message", "in",
                           "check_in", "So good to hear from you!")
                self.conversation(contact, back + timedelta(days=2), self.rng.randint(1, 3),
                                  ("video", "email", "in_person"), (2, 2, 1), gap=(7, 30))

    def build_online_contacts(self) -> None:
        """People known only online: LinkedIn, forums and community posts."""
        for index in range(30):
            incoming = index % 5 in (1, 3)
            contact = self.contact("health" if index % 3 else "design")
            day = self.start + timedelta(days=self.rng.randint(0, 330))
            first = contact.name.split()[0]
            if incoming:
                self.touch(contact, self.at(day), "linkedin_invitation", "in", "introduction",
                           f"{first} invited you to connect")
            else:
                with_note = self.rng.random() < 0.3 + 0.5 * self.progress(day)
                note = (f"Hi {first}, I enjoyed your post on {self.rng.choice(TOPICS)}. "
                        "Could I follow your work?" if with_note else "")
                self.touch(contact, self.at(day), "linkedin_invitation", "out", "introduction",
                           note, with_note)
            if index % 7 != 6:
                contact.connected_on = day + timedelta(days=self.rng.randint(0, 3))
            self.conversation(
                contact, day, self.rng.randint(1, 5),
                ("linkedin_message", "forum", "email", "video"), (5, 3, 2, 1), gap=(5, 50),
            )

    def build_posts(self) -> None:
        """Posts shared with everyone: online giving without a single contact."""
        for index in range(14):
            day = self.start + timedelta(days=20 + index * 24 + self.rng.randint(0, 10))
            self.touch(None, self.at(day), "post", "out", "give",
                       f"Shared a short post on {self.rng.choice(TOPICS)}")

    def build_commitments(self) -> None:
        """Promises: five kept, four overdue, three still open."""
        candidates = [contact for contact in self.contacts if contact.met_on is not None]
        chosen = self.rng.sample(candidates, len(COMMITMENT_TEXTS))
        for index, (text, contact) in enumerate(zip(COMMITMENT_TEXTS, chosen, strict=True)):
            if index < 5:
                due, done = self.today - timedelta(days=self.rng.randint(40, 300)), True
            elif index < 9:
                due, done = self.today - timedelta(days=self.rng.randint(3, 60)), False
            else:
                due, done = self.today + timedelta(days=self.rng.randint(2, 30)), False
            first = contact.name.split()[0]
            self.commitments.append(Commitment(
                text=f"{text} ({first})", due=due, done=done, contact_key=contact.key,
                source=SOURCE, source_ref=f"p{index + 1:02d}",
            ))

    def build_mailbox(self) -> None:
        """What a small mailbox import would bring: coffees from the calendar, Sam's
        e-mails after them (one person never written to), replies, and mail with some
        close contacts. Its own random generator, so the records above stay as they were."""
        rng = random.Random(SEED + 27)
        # (days before today of the coffee, hours until Sam's first e-mail; None: never)
        for days_ago, hours in ((80, 15.0), (52, 26.0), (33, 72.0), (19, None)):
            contact = self.contact("health", met_on=self.today - timedelta(days=days_ago))
            met = datetime.combine(self.today - timedelta(days=days_ago), time(10, 0))
            self.touch(contact, met, "in_person", "out", "meet", "")
            if hours is None:
                continue
            sent = met + timedelta(hours=hours)
            self.touch(contact, sent, "email", "out", "message")
            self.touch(contact, sent + timedelta(hours=rng.randint(2, 30)), "email", "in",
                       "message")
        last: dict[str, date] = {}
        for item in self.interactions:
            day = item.when.date()
            last[item.contact_key] = max(day, last.get(item.contact_key, day))
        recent = self.today - timedelta(days=30)  # in touch anyway: none turns warm again
        close = [contact for contact in self.contacts
                 if contact.close and last.get(contact.key, self.start) >= recent]
        for contact in rng.sample(close, 4):
            day = self.today - timedelta(days=rng.randint(1, 10))
            self.touch(contact, self.at(day), "email", rng.choice(("out", "in")), "message")

    def network(self) -> Network:
        self.build_events()
        self.build_event_contacts()
        self.build_close_contacts()
        self.build_old_ties()
        self.build_online_contacts()
        self.build_posts()
        self.build_commitments()
        self.build_mailbox()
        self.interactions.sort(key=lambda item: (item.when, item.contact_key, item.direction))
        for number, item in enumerate(self.interactions, start=1):
            item.source_ref = f"i{number:04d}"
        return Network(
            contacts=self.contacts, interactions=self.interactions, events=self.events,
            commitments=self.commitments, label="sample persona (Sam Rivera)", is_sample=True,
            as_of=self.today,
        )


def sample_network(today: date | None = None) -> Network:
    """The sample persona's network: Sam Rivera, a product designer moving into health-tech.

    About a year of activity ending at ``today`` (plus a few former colleagues
    last seen about four years earlier), built from fixed name lists and a
    private ``random.Random`` with a fixed seed, so the same ``today`` always
    gives the same network. All names are invented, all e-mail addresses are at
    example.com / example.org and all profile URLs start with
    ``https://www.linkedin.com/in/example-``.

    Parameters
    ----------
    today : date, optional
        The persona's "today"; defaults to :data:`DEFAULT_TODAY` (1 November
        2026) so outputs are reproducible. Every date shifts with it.

    Returns
    -------
    Network
        With ``is_sample`` true and ``label`` "sample persona (Sam Rivera)".
    """
    return _Persona(today or DEFAULT_TODAY).network()


# --------------------------------------------------------------------------- LinkedIn export

CONNECTIONS_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
CONNECTIONS_HEADER = (
    "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On",
)
MESSAGES_HEADER = (
    "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER",
)
INVITATIONS_HEADER = (
    "From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl",
)
ENDORSEMENTS_GIVEN_HEADER = (
    "Endorsement Date", "Skill Name", "Endorsee First Name", "Endorsee Last Name",
    "Endorsee Public Url", "Endorsement Status",
)
ENDORSEMENTS_RECEIVED_HEADER = tuple(h.replace("Endorsee", "Endorser")
                                     for h in ENDORSEMENTS_GIVEN_HEADER)
RECOMMENDATIONS_HEADER = (
    "First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status",
)
SHARES_HEADER = ("Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility")
COMMENTS_HEADER = ("Date", "Link", "Message")
REACTIONS_HEADER = ("Date", "Type", "Link")
EVENTS_HEADER = ("Event Name", "Event Time", "Status", "External Url")
SKILLS = ("Service Design", "User Research", "Accessibility", "Design Systems", "Prototyping",
          "Product Strategy", "Healthcare UX", "Workshop Facilitation")
REACTION_TYPES = ("LIKE", "LIKE", "LIKE", "PRAISE", "INTEREST", "APPRECIATION", "EMPATHY")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def linkedin_connected_on(day: date) -> str:
    """``08 Feb 2026``: the Connections.csv date format (English months, any locale)."""
    return f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"


def linkedin_message_date(when: datetime) -> str:
    """``2025-06-01 14:03:22 UTC``: the messages.csv date format."""
    return when.strftime("%Y-%m-%d %H:%M:%S") + " UTC"


def linkedin_invitation_date(when: datetime) -> str:
    """``1/29/26, 2:37 PM``: the Invitations.csv date format."""
    hour = when.hour % 12 or 12
    half = "AM" if when.hour < 12 else "PM"
    return f"{when.month}/{when.day}/{when.year % 100:02d}, {hour}:{when.minute:02d} {half}"


def linkedin_endorsement_date(when: datetime) -> str:
    """``2025/06/01 14:03:22 UTC``: the Endorsement_*_Info.csv date format."""
    return when.strftime("%Y/%m/%d %H:%M:%S") + " UTC"


def linkedin_post_date(when: datetime) -> str:
    """``2025-06-01 14:03:22``: the Shares/Comments/Reactions.csv date format."""
    return when.strftime("%Y-%m-%d %H:%M:%S")


def conversation_id(seed: str) -> str:
    """A LinkedIn-looking, deterministic conversation id."""
    return "2-" + base64.b64encode(f"example-{seed}".encode()).decode()


def _csv_text(header, rows, preamble: str = "") -> bytes:
    buffer = io.StringIO()
    buffer.write(preamble)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _activity_files(net: Network, today: date) -> dict[str, bytes]:
    """The complete export's extra files: gives, received, posts, comments, reactions, events.

    Gives follow the persona's ``give`` touches (an endorsement or, now and then, a
    recommendation for that contact); the free-text columns hold invented sentences
    that the importer must leave behind.
    """
    rng = random.Random(SEED + 1)
    by_key = {contact.key: contact for contact in net.contacts}
    linked = [c for c in net.contacts if c.connected_on is not None and c.connected_on <= today]
    given, received, recs_given, recs_received = [], [], [], []
    for item in net.interactions:
        contact = by_key.get(item.contact_key)
        if contact is None or contact not in linked or item.when.date() > today:
            continue
        first, last = contact.name.split(" ", 1)
        if item.direction == "out" and item.purpose == "give":
            roll = rng.random()
            if roll < 0.4:
                continue  # a give that left no trace on LinkedIn
            if roll < 0.48:
                recs_given.append((first, last, contact.company, contact.position,
                                   f"{first} is a thoughtful colleague (sample text).",
                                   linkedin_invitation_date(item.when), "VISIBLE"))
            else:
                given.append((linkedin_endorsement_date(item.when), rng.choice(SKILLS), first,
                              last, contact.url.replace("https://", ""), "ACCEPTED"))
        elif item.direction == "in" and rng.random() < 0.15:
            if rng.random() < 0.15:
                recs_received.append((first, last, contact.company, contact.position,
                                      f"Sam was a pleasure to work with (sample text, {first}).",
                                      linkedin_invitation_date(item.when), "VISIBLE"))
            else:
                received.append((linkedin_endorsement_date(item.when), rng.choice(SKILLS), first,
                                 last, contact.url.replace("https://", ""), "ACCEPTED"))
    shares = [
        (linkedin_post_date(item.when),
         f"https://www.linkedin.com/feed/update/urn:li:share:7{item.when:%y%m%d%H%M}",
         f"{item.note} (sample text)", "", "", "MEMBER_NETWORK")
        for item in net.interactions if item.channel == "post" and not item.contact_key
    ]
    start = today - timedelta(days=365)
    comments, reactions = [], []
    for number in range(36):
        day = start + timedelta(days=rng.randint(0, 364))
        when = datetime.combine(day, time(rng.randint(7, 21), rng.randrange(0, 60)))
        comments.append((linkedin_post_date(when),
                         f"https://www.linkedin.com/feed/update/urn:li:activity:6{number:09d}",
                         f"Great point about {rng.choice(TOPICS)}! (sample text)"))
    for number in range(140):
        day = start + timedelta(days=rng.randint(0, 364))
        when = datetime.combine(day, time(rng.randint(7, 22), rng.randrange(0, 60)))
        reactions.append((linkedin_post_date(when), rng.choice(REACTION_TYPES),
                          f"https://www.linkedin.com/feed/update/urn:li:activity:5{number:09d}"))
    events = [
        (event.title, linkedin_message_date(datetime.combine(event.day, time(18, 0))),
         "ATTENDING" if event.attended or event.day > today else "NOT_ATTENDING",
         f"https://www.linkedin.com/events/example-{event.source_ref}")
        for event in net.events
    ]
    for rows in (given, received, recs_given, recs_received, shares):
        rows.reverse()  # LinkedIn lists the newest first
    comments.sort(reverse=True)
    reactions.sort(reverse=True)
    return {
        "Endorsement_Given_Info.csv": _csv_text(ENDORSEMENTS_GIVEN_HEADER, given),
        "Endorsement_Received_Info.csv": _csv_text(ENDORSEMENTS_RECEIVED_HEADER, received),
        "Recommendations_Given.csv": _csv_text(RECOMMENDATIONS_HEADER, recs_given),
        "Recommendations_Received.csv": _csv_text(RECOMMENDATIONS_HEADER, recs_received),
        "Shares.csv": _csv_text(SHARES_HEADER, shares),
        "Comments.csv": _csv_text(COMMENTS_HEADER, comments),
        "Reactions.csv": _csv_text(REACTIONS_HEADER, reactions),
        "Events.csv": _csv_text(EVENTS_HEADER, events),
    }


def write_sample_linkedin_export(dest_dir, today: date | None = None,
                                 complete: bool = True) -> Path:
    """Write the persona's LinkedIn data export as a zip, for demonstrating the importer.

    The zip holds ``Connections.csv`` (the three-line ``Notes:`` preamble, then
    the header, dates like ``08 Feb 2026``), ``messages.csv`` (dates like
    ``2025-06-01 14:03:22 UTC``, folder INBOX) and ``Invitations.csv`` (dates
    like ``1/29/26, 2:37 PM``, direction OUTGOING or INCOMING), built from
    :func:`sample_network` for the same ``today``. The complete export also holds
    the endorsements and recommendations given and received, Shares, Comments,
    Reactions and Events (see :func:`_activity_files`). The bytes are identical on
    every call with the same arguments.

    Parameters
    ----------
    dest_dir : str or os.PathLike
        Directory to write into; created if missing.
    today : date, optional
        The persona's "today"; defaults to :data:`DEFAULT_TODAY`.
    complete : bool, optional
        The complete export (default) or the Basic one (the first three files only).

    Returns
    -------
    Path
        ``dest_dir / "Complete_LinkedInDataExport_MM-DD-YYYY.zip"`` (``Basic_…``).
    """
    today = today or DEFAULT_TODAY
    net = sample_network(today)
    by_key = {contact.key: contact for contact in net.contacts}

    connections = sorted(
        (contact for contact in net.contacts
         if contact.connected_on is not None and contact.connected_on <= today),
        key=lambda contact: (contact.connected_on, contact.source_ref), reverse=True,
    )
    connection_rows = [
        (*contact.name.split(" ", 1), contact.url,
         contact.email if int(contact.source_ref[1:]) % 5 == 0 else "",
         contact.company, contact.position, linkedin_connected_on(contact.connected_on))
        for contact in connections
    ]

    message_rows = []
    invitation_rows = []
    for item in net.interactions:
        contact = by_key.get(item.contact_key)
        if contact is None:
            continue
        outgoing = item.direction == "out"
        me, them = (PERSONA_NAME, PERSONA_URL), (contact.name, contact.url)
        (sender, sender_url), (recipient, recipient_url) = (me, them) if outgoing else (them, me)
        if item.channel == "linkedin_message":
            message_rows.append((
                conversation_id(contact.source_ref), "", sender, sender_url, recipient,
                recipient_url, linkedin_message_date(item.when), "", item.note, "INBOX",
            ))
        elif item.channel == "linkedin_invitation":
            invitation_rows.append((
                sender, recipient, linkedin_invitation_date(item.when),
                item.note if item.personal_note else "",
                "OUTGOING" if outgoing else "INCOMING", sender_url, recipient_url,
            ))
    message_rows.reverse()  # LinkedIn lists the newest first
    invitation_rows.reverse()

    files = {
        "Connections.csv": _csv_text(CONNECTIONS_HEADER, connection_rows, CONNECTIONS_PREAMBLE),
        "messages.csv": _csv_text(MESSAGES_HEADER, message_rows),
        "Invitations.csv": _csv_text(INVITATIONS_HEADER, invitation_rows),
    }
    if complete:
        files.update(_activity_files(net, today))
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / f"{'Complete' if complete else 'Basic'}_LinkedInDataExport_{today:%m-%d-%Y}.zip"
    stamp = (today.year, today.month, today.day, 0, 0, 0)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return path
