"""Write a large, deterministic, synthetic LinkedIn data export for benchmarking the importer.

Usage::

    python tools/make_linkedin_export.py OUTDIR --connections 30000 --messages 200000 \\
        --invitations 5000 --seed 1 [--complete [--activity-scale 0.1]]

Writes ``Connections.csv`` (with LinkedIn's three-line ``Notes:`` preamble),
``messages.csv`` (some multi-line HTML bodies, some SPAM and DRAFTS folders,
a few group chats and deleted senders) and ``Invitations.csv`` into OUTDIR; with
``--complete`` also the complete export's activity files (20k reactions, 5k comments,
2k shares, 1k endorsements given and received, recommendations, events by default).
Every name is invented and every URL starts with
``https://www.linkedin.com/in/example-``; the same arguments give the same bytes.
"""

from __future__ import annotations

import argparse
import base64
import csv
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

# LinkedIn's date formats, as the sample persona's export writes them
from netlearn.network.sample import (
    linkedin_connected_on,
    linkedin_invitation_date,
    linkedin_message_date,
)

SELF_NAME = "Jordan Example"
SELF_URL = "https://www.linkedin.com/in/example-jordan-self"
END = datetime(2026, 10, 31, 18, 0)
FIRST_NAMES = (
    "Alex", "Bea", "Carmen", "Dev", "Elif", "Femi", "Gus", "Hana", "Ines", "Jon", "Kai",
    "Lena", "Mo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sol", "Tariq", "Uma", "Vik",
    "Wren", "Xavi", "Yara", "Zoe", "José", "Zoë", "Łukasz", "Ngozi", "Søren", "Mei",
)
LAST_NAMES = (
    "Ashbrook", "Birchwell", "Cloverdale", "Dunmere", "Elmsworth", "Fernby", "Glenhollow",
    "Hazelmoor", "Ivyholt", "Juniperly", "Kestrelby", "Larkmeadow", "Maplethorn", "Northwold",
    "Oakenshaw", "Pinewhistle", "Quillon", "Rookwood", "Sandpiper", "Thistledown",
    "O'Umberly", "Valebrook-Smith", "Willowby, PhD", "Yarrowfield", "Zephyrholm",
)
COMPANIES = (
    "Example Health", "Sample Clinic Systems", "Demo Bank", "Placeholder Media",
    "Example Analytics, Inc.", "Mock Medtech", "Testbed Insurance", "Lorem Labs",
    "Fictional Travel Co", "Mockup Agency", "",
)
POSITIONS = (
    "Product Manager", "Senior Product Designer", "UX Researcher", "Engineer, Platform",
    "Recruiter", "Head of Product", "Data Scientist", "Founder & CEO", "Design Lead", "",
)
SENTENCES = (
    "Thanks for the chat yesterday",
    "Would you be open to a quick call next week?",
    "Here is the article I mentioned, on design systems",
    'Loved your post about "research ops"',
    "Happy to introduce you to my former manager",
    "Congrats on the new role!",
    "Could you share a few tips on moving into health-tech?",
    "Free Thursday, 10:00?",
)


def _people(rng: random.Random, count: int, tag: str) -> list[tuple[str, str, str]]:
    """``count`` (first, last, url) triples; names repeat, URLs never do."""
    people = []
    for number in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        slug = "".join(ch for ch in f"{first}-{last}".lower() if ch.isascii() and ch.isalnum()
                       or ch == "-")
        people.append((first, last, f"https://www.linkedin.com/in/example-{slug}-{tag}{number:x}"))
    return people


def _content(rng: random.Random, first: str) -> str:
    roll = rng.random()
    if roll < 0.01:
        return ""  # an attachment-only message
    if roll < 0.11:
        return (f"<p>Hi {first},</p>\n<p>{rng.choice(SENTENCES)}.</p>\n"
                f"<p>{rng.choice(SENTENCES)}</p>\n<p>Best,<br>\nJordan</p>")
    return f"Hi {first}, {rng.choice(SENTENCES)}"


def write_connections(path: Path, rng: random.Random, people) -> None:
    rows = []
    for first, last, url in people:
        day = END - timedelta(days=rng.randint(0, 10 * 365))
        email = f"{first}.{last}@example.com".lower() if rng.random() < 0.1 else ""
        rows.append((day, (first, last, url, email, rng.choice(COMPANIES),
                           rng.choice(POSITIONS), linkedin_connected_on(day))))
    rows.sort(key=lambda row: row[0], reverse=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "Notes:\n"
            '"When exporting your connection data, you may notice that some of the email '
            "addresses are missing. You will only see email addresses for connections who have "
            "allowed their connections to see or download their email address using this setting "
            "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
            'https://www.linkedin.com/help/linkedin/answer/261"\n'
            "\n"
        )
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("First Name", "Last Name", "URL", "Email Address", "Company",
                         "Position", "Connected On"))
        writer.writerows(row[1] for row in rows)


def write_messages(path: Path, rng: random.Random, people, count: int, seed: int) -> None:
    strangers = _people(rng, max(count // 100, 1), "x")
    header = ("CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
              "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        written = conversation = 0
        while written < count:
            conversation += 1
            conversation_id = "2-" + base64.b64encode(
                f"bench-{seed}-{conversation}".encode()).decode()
            stranger = rng.random() < 0.15
            first, last, url = rng.choice(strangers if stranger else people)
            name = f"{first} {last}"
            roll = rng.random()
            folder = "SPAM" if roll < 0.03 else "DRAFTS" if roll < 0.05 else "INBOX"
            title, subject = "", ""
            others = [(name, url)]
            if rng.random() < 0.005:
                extra = rng.choice(people)
                others.append((f"{extra[0]} {extra[1]}", extra[2]))
                title = "Design friends"
            if stranger and rng.random() < 0.5:
                subject = "Opportunity: Senior Product Designer"
            when = END - timedelta(days=rng.uniform(0, 5 * 365))
            for _ in range(min(rng.randint(1, 14), count - written)):
                when += timedelta(minutes=rng.randint(1, 60 * 24 * 3))
                outgoing = folder == "DRAFTS" or rng.random() < 0.5
                if outgoing:
                    sender, sender_url = SELF_NAME, SELF_URL
                    recipients = others
                else:
                    sender, sender_url = others[0]
                    if rng.random() < 0.002:
                        sender, sender_url = "LinkedIn Member", ""
                    recipients = [(SELF_NAME, SELF_URL), *others[1:]]
                writer.writerow((
                    conversation_id, title, sender, sender_url,
                    ", ".join(recipient[0] for recipient in recipients),
                    ",".join(recipient[1] for recipient in recipients),
                    linkedin_message_date(min(when, END)), subject,
                    _content(rng, first if outgoing else "Jordan"), folder,
                ))
                written += 1


def write_invitations(path: Path, rng: random.Random, people, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
                         "inviteeProfileUrl"))
        rows = []
        for _ in range(count):
            first, last, url = rng.choice(people)
            when = (END - timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))).replace(second=0)
            message = ""
            if rng.random() < 0.35:
                message = f"Hi {first}! {rng.choice(SENTENCES)} - would love to connect."
            if rng.random() < 0.6:
                row = (SELF_NAME, f"{first} {last}", "OUTGOING", SELF_URL, url)
            else:
                row = (f"{first} {last}", SELF_NAME, "INCOMING", url, SELF_URL)
            rows.append((when, (row[0], row[1], linkedin_invitation_date(when), message, *row[2:])))
        rows.sort(key=lambda row: row[0], reverse=True)
        writer.writerows(row[1] for row in rows)


def _post_date(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S")


def _write(path: Path, header, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


#: Rows of each activity file of a complete export (``endorsements`` in each of the two files).
ACTIVITY_ROWS = {"reactions": 20000, "comments": 5000, "shares": 2000, "endorsements": 1000,
                 "recommendations": 40, "events": 200}


def write_activity(out: Path, rng: random.Random, people, reactions: int, comments: int,
                   shares: int, endorsements: int, recommendations: int,
                   events: int) -> dict[str, Path]:
    """Write the complete export's activity files; return their paths by file name."""
    def when() -> datetime:
        return (END - timedelta(seconds=rng.randint(0, 5 * 365 * 86400))).replace(microsecond=0)

    def post(n: int) -> str:
        return f"https://www.linkedin.com/feed/update/urn:li:activity:6{n:012d}"

    paths = {}
    for name, who in (("Endorsement_Given_Info.csv", "Endorsee"),
                      ("Endorsement_Received_Info.csv", "Endorser")):
        rows = [(when().strftime("%Y/%m/%d %H:%M:%S UTC"), rng.choice(SENTENCES)[:20],
                 first, last, url.replace("https://", ""), "ACCEPTED")
                for first, last, url in (rng.choice(people) for _ in range(endorsements))]
        paths[name] = out / name
        _write(paths[name], ("Endorsement Date", "Skill Name", f"{who} First Name",
                             f"{who} Last Name", f"{who} Public Url", "Endorsement Status"),
               sorted(rows, reverse=True))
    for name in ("Recommendations_Given.csv", "Recommendations_Received.csv"):
        rows = [(first, last, rng.choice(COMPANIES), rng.choice(POSITIONS),
                 " ".join(rng.choice(SENTENCES) for _ in range(8)),
                 linkedin_invitation_date(when()), "VISIBLE")
                for first, last, _ in (rng.choice(people) for _ in range(recommendations))]
        paths[name] = out / name
        _write(paths[name], ("First Name", "Last Name", "Company", "Job Title", "Text",
                             "Creation Date", "Status"), rows)
    paths["Shares.csv"] = out / "Shares.csv"
    _write(paths["Shares.csv"], ("Date", "ShareLink", "ShareCommentary", "SharedUrl",
                                 "MediaUrl", "Visibility"),
           sorted(((_post_date(when()), post(n), " ".join(rng.choice(SENTENCES)
                                                          for _ in range(6)),
                    "", "", "MEMBER_NETWORK") for n in range(shares)), reverse=True))
    paths["Comments.csv"] = out / "Comments.csv"
    _write(paths["Comments.csv"], ("Date", "Link", "Message"),
           sorted(((_post_date(when()), post(rng.randrange(10 ** 9)), rng.choice(SENTENCES))
                   for _ in range(comments)), reverse=True))
    paths["Reactions.csv"] = out / "Reactions.csv"
    _write(paths["Reactions.csv"], ("Date", "Type", "Link"),
           sorted(((_post_date(when()), rng.choice(("LIKE", "PRAISE", "INTEREST", "EMPATHY")),
                    post(rng.randrange(10 ** 9))) for _ in range(reactions)), reverse=True))
    paths["Events.csv"] = out / "Events.csv"
    _write(paths["Events.csv"], ("Event Name", "Event Time", "Status", "External Url"),
           [(f"Design meetup #{n}", linkedin_message_date(when()), "ATTENDING",
             f"https://www.linkedin.com/events/example-{n}") for n in range(events)])
    return paths


def write_export(outdir, connections: int = 30000, messages: int = 200000,
                 invitations: int = 5000, seed: int = 1, complete: bool = False,
                 activity_scale: float = 1.0) -> dict[str, Path]:
    """Write the three CSV files (and with ``complete`` the activity files); return
    their paths by file name.

    Parameters
    ----------
    outdir : str or os.PathLike
        Directory to write into; created if missing.
    connections, messages, invitations : int
        Rows in Connections.csv, messages.csv and Invitations.csv.
    seed : int
        Seed of the private random generator.
    complete : bool
        Also write the complete export's activity files (see :func:`write_activity`).
    activity_scale : float
        Multiplies the rows of every activity file (at least one row each), so a small
        complete export stays small.

    Returns
    -------
    dict of str to Path
    """
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    people = _people(rng, max(connections, 1), "c")[:connections]
    paths = {name: out / name for name in ("Connections.csv", "messages.csv", "Invitations.csv")}
    write_connections(paths["Connections.csv"], rng, people)
    pool = people or _people(rng, 1, "c")
    write_messages(paths["messages.csv"], rng, pool, messages, seed)
    write_invitations(paths["Invitations.csv"], rng, pool, invitations)
    if complete:
        rows = {name: max(1, round(count * activity_scale))
                for name, count in ACTIVITY_ROWS.items()}
        paths.update(write_activity(out, rng, pool, **rows))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", help="directory to write the CSV files into")
    parser.add_argument("--connections", type=int, default=30000)
    parser.add_argument("--messages", type=int, default=200000)
    parser.add_argument("--invitations", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--complete", action="store_true",
                        help="also write the complete export's activity files")
    parser.add_argument("--activity-scale", type=float, default=1.0,
                        help="multiply the rows of every activity file (default 1)")
    args = parser.parse_args(argv)
    paths = write_export(args.outdir, args.connections, args.messages, args.invitations,
                         args.seed, args.complete, args.activity_scale)
    for path in paths.values():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
