"""Import the people a learner writes to, and when, from mailboxes (mbox), by headers alone.

Only each message's header block is parsed (see :mod:`netlearn.importers.mbox_split`);
bodies and attachments are stepped over unread. Of the headers, only addresses, display
names, dates and hashed message ids are kept: never a subject or any other text.
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.parser import HeaderParser
from email.policy import compat32
from email.utils import getaddresses

from netlearn.importers.mail_filters import (
    bulk_reason,
    excluder,
    is_robot,
    label_roles,
    mailbox_role,
)
from netlearn.importers.mail_headers import (
    decoded,
    digest,
    display_name,
    getter,
    header_fields,
    header_text,
    is_address,
    message_hash,
    message_time,
)
from netlearn.importers.mbox_sources import Mailbox, open_mailboxes
from netlearn.importers.mbox_split import MAX_HEADER_BYTES, header_blocks
from netlearn.importers.sources import Progress, ProgressFn, clip
from netlearn.network.records import Batch, Contact, Interaction, Skipped
from netlearn.plumbing.clock import resolve_today
from netlearn.plumbing.errors import InputError

#: The purpose of every e-mail interaction. The course has no neutral purpose yet;
#: "follow_up" is the closest that claims nothing about giving or asking, and it is what
#: notebook 03 counts an e-mail after a meeting as anyway.
EMAIL_PURPOSE = "follow_up"
#: Why messages were left out, as the import's summary names them (in this order).
LEFT_OUT = {
    "not_written_to": "from people you have not written to",
    "mailing_list": "mailing lists and newsletters",
    "automatic": "automatic messages and auto-replies",
    "no_reply": "from no-reply and service addresses",
    "calendar": "calendar invitations and answers",
    "spam_or_trash": "spam or trash",
    "draft": "drafts and templates (never sent)",
    "chat": "chat transcripts",
    "excluded": "excluded by you",
    "to_no_person": "sent only to yourself, a list or a service",
    "duplicate": "copies of a message already read",
}
_MAILTO = re.compile(r"mailto:([^>?,\s]+)")
_PARSER = HeaderParser(policy=compat32)


@dataclass
class MailBatch(Batch):
    """A :class:`~netlearn.network.records.Batch` with what a screen asks the learner to
    confirm: their own addresses, how they were found, and what was left out."""

    #: The learner's own addresses, lower-case.
    me: tuple[str, ...] = ()
    #: ``"given"`` (``me=``), ``"sent"`` (senders of sent mail), ``"most"`` (the
    #: address on most messages) or ``""`` (no message to tell from).
    me_found_by: str = ""
    #: Messages left out, by a key of :data:`LEFT_OUT`.
    left_out: dict[str, int] = field(default_factory=dict)


def read_mbox(path, progress: ProgressFn | None = None, *, me=(), exclude=(),
              today: date | None = None) -> MailBatch:
    """Import the people the learner wrote to, and the messages to and from them.

    Every person in To, Cc or Bcc of a message the learner sent becomes a
    ``Contact(source="mbox", source_ref=address, email=address)``, named as they name
    themselves in their own From (else as the learner addressed them). Each message
    sent gives one ``Interaction(channel="email", direction="out")`` per such person;
    each message received from one of them gives one with ``direction="in"``. Times are
    the Date header's, in UTC (naive). ``source_ref`` is ``MESSAGE.PERSON`` (hashes of
    the Message-ID and the address), with ``~PARENT`` (the hash of the message it
    answers) for a reply, so importing a mailbox again, or a newer export of it, adds
    only messages not stored before.

    The learner's own addresses are ``me`` when given; else the senders of their sent
    mail (Gmail's Sent label, or a mailbox named Sent, Sent Items, Gesendet …); else the
    address on most messages. Left out, and counted: bulk mail (mailing lists,
    newsletters, automatic messages, no-reply and service senders, calendar
    invitations), spam, trash, drafts, chats, the ``exclude`` list, and mail from people
    the learner has not written to. A message whose date is missing or impossible, or
    whose header is longer than 1 MB, is skipped with its number and line.

    Parameters
    ----------
    path : str or os.PathLike, or a list of them
        An mbox file, an Apple Mail ``.mbox`` folder, a folder of mailboxes (a
        Thunderbird profile), a Google Takeout zip, or several (the parts of a Takeout).
    progress : callable, optional
        ``progress(bytes_done, bytes_total)``.
    me : iterable of str, optional
        The learner's own addresses (``--me``), instead of finding them.
    exclude : iterable of str, optional
        Addresses and domains (``--exclude``) whose messages and people are left out.
    today : datetime.date, optional
        Messages dated more than a day after it are skipped (default: the current date).

    Returns
    -------
    MailBatch
        With the notes a summary prints: the learner's addresses and how they were
        found, and the messages left out and why.

    Raises
    ------
    InputError
        Nothing to read at ``path``, a file that is not an mbox mailbox, an unsafe zip,
        or an address in ``me`` that is not one.
    """
    paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    given = tuple(dict.fromkeys(_own_address(text) for text in me))
    reader = _Reader(excluder(exclude), resolve_today(today))
    with open_mailboxes(paths) as mailboxes:
        prog = Progress(progress, sum(box.size for box in mailboxes))
        for box in mailboxes:
            reader.read(box, prog, alone=len(mailboxes) == 1)
    prog.finish()
    return reader.batch(os.fspath(paths[0]) if len(paths) == 1 else
                        ", ".join(map(os.fspath, paths)), given)


def _own_address(text: str) -> str:
    address = str(text).strip().lower().strip("<>")
    if not is_address(address):
        raise InputError(f"--me {clip(str(text))!r} is not an e-mail address")
    return address


@dataclass(slots=True)
class _Message:
    """What is kept of a message until the learner's addresses are known."""

    when: datetime | None
    sender: str
    recipients: tuple[str, ...]
    ref: str
    parent: str
    sent: bool  # in sent mail (by its mailbox or its Gmail label)
    problem: tuple[int, int, str] | None  # (mailbox index, line, reason) when unusable


class _Reader:
    """Reads mailboxes one message header at a time, keeping :class:`_Message` records."""

    def __init__(self, excluded, today: date):
        self.excluded = excluded
        self.latest = datetime.combine(today + timedelta(days=2), datetime.min.time())
        self.messages: list[_Message] = []
        self.seen: set[str] = set()  # message hashes read, to pass over copies
        self.addresses: dict[str, str] = {}  # one str object per address, shared
        self.own_names: dict[str, str] = {}  # address -> name in its own From
        self.given_names: dict[str, str] = {}  # address -> name in another's To/Cc
        self.lists: set[str] = set()  # addresses of mailing lists (List-Post)
        self.left_out: Counter[str] = Counter()
        self.skipped: list[Skipped] = []
        self.labels: list[str] = []  # mailbox labels, by index
        self.files: list[tuple[str, int]] = []
        self.notes: list[str] = []
        self.total = 0  # messages in all mailboxes

    def read(self, box: Mailbox, prog: Progress, alone: bool) -> None:
        """Read one mailbox's messages."""
        index = len(self.labels)
        self.labels.append(box.label)
        role = mailbox_role(*box.names)
        count = with_headers = 0
        skipped_before = len(self.skipped)
        try:
            with box.opener() as stream:
                for number, line, block in header_blocks(stream, box.label, prog.add):
                    count = number
                    if block is None:
                        self.skipped.append(Skipped(box.label, line, f"message {number}: its "
                                                    "header is longer than "
                                                    f"{MAX_HEADER_BYTES >> 20} MB"))
                        continue
                    fields = header_fields(_PARSER.parsestr(header_text(block)))
                    with_headers += self.message(fields, role, (index, line, number))
        except OSError as exc:
            raise InputError(f"cannot be read ({clip(str(exc), 80)})", path=box.label) from None
        if count and not with_headers:
            if alone:
                raise InputError("is not an mbox mailbox (its messages have no mail headers)",
                                 path=box.label)
            self.notes.append(f"{box.label}: not read (not a mailbox: no mail headers)")
            del self.skipped[skipped_before:]
            return
        self.files.append((box.label, count))
        self.total += count

    def message(self, fields: dict[str, str], role: str | None,
                where: tuple[int, int, int]) -> bool:
        """Keep one message, or count why it is left out; True if it has mail headers."""
        get = getter(fields)
        index, line, number = where
        roles = label_roles(next(csv.reader([decoded(get("X-Gmail-Labels"))]), []))
        if role is not None:
            roles.add(role)
        reason = next((r for r in ("spam_or_trash", "draft", "chat") if r in roles), None)
        if reason is None:
            reason = bulk_reason(get)
            if reason == "mailing_list":
                self.lists.update(_MAILTO.findall(get("List-Post").lower()))
        if reason is not None:  # counted before its addresses are read: bulk mail is most
            self.left_out[reason] += 1
            return True
        senders = list(self.addresses_in(get("From")))
        sender = senders[0][0] if senders else ""
        if not sender:
            has_headers = bool(get("Date") or get("Message-ID"))
            reason = "has no sender address (From)" if has_headers else "has no mail headers"
            self.skipped.append(Skipped(self.labels[index], line, f"message {number}: {reason}"))
            return has_headers
        ref = message_hash(get("Message-ID")) or digest("\n".join(
            (get("Date"), get("From"), get("To"), get("Cc"))))
        reason = ("no_reply" if is_robot(sender) else "excluded" if self.excluded(sender)
                  else "duplicate" if ref in self.seen else None)
        if reason is not None:
            self.left_out[reason] += 1
            return True
        self.seen.add(ref)
        recipients = []
        for field_name in ("To", "Cc", "Bcc"):
            for address, name in self.addresses_in(get(field_name)):
                recipients.append(address)
                if name:
                    self.given_names[address] = name
        if senders[0][1]:
            self.own_names[sender] = senders[0][1]
        when, problem = message_time(get("Date"), self.latest)
        self.messages.append(_Message(
            when, sender, tuple(recipients), ref,
            message_hash(get("In-Reply-To")) or message_hash(get("References"), last=True),
            "sent" in roles, (index, line, f"message {number}: {problem}") if problem else None))
        return True

    def addresses_in(self, text: str):
        """Yield ``(address, display name)`` for each valid address in a header."""
        if not text:
            return
        for name, raw in getaddresses([text]):
            address = raw.strip().lower()
            if is_address(address):
                address = self.addresses.setdefault(address, address)
                yield address, display_name(name, address)

    def batch(self, label: str, given: tuple[str, ...]) -> MailBatch:
        """Decide whose mail becomes the network, and make the records."""
        me, found_by = self.own_addresses(given)
        excluded, lists = self.excluded, self.lists
        people: dict[str, None] = {}  # written to, in order of the first message
        for item in self.messages:
            if item.sender in me and item.problem is None:
                for address in item.recipients:
                    if (address not in me and not excluded(address) and not is_robot(address)
                            and address not in lists):
                        people.setdefault(address, None)
        interactions = []
        for item in self.messages:
            mine = item.sender in me
            if not mine and item.sender not in people:
                self.left_out["not_written_to"] += 1
                continue
            if item.problem is not None:
                index, line, reason = item.problem
                self.skipped.append(Skipped(self.labels[index], line, reason))
                continue
            targets = [a for a in item.recipients if a in people] if mine else [item.sender]
            if not targets:
                excluded_one = any(excluded(a) for a in item.recipients)
                self.left_out["excluded" if excluded_one else "to_no_person"] += 1
            parent = f"~{item.parent}" if item.parent else ""
            for address in targets:
                interactions.append(Interaction(
                    when=item.when, channel="email", direction="out" if mine else "in",
                    purpose=EMAIL_PURPOSE, contact_key=f"mbox:{address}", source="mbox",
                    source_ref=f"{item.ref}.{digest(address, 4)}{parent}"))
        contacts = [Contact(name=self.own_names.get(a) or self.given_names.get(a) or a,
                            source="mbox", source_ref=a, email=a) for a in people]
        batch = MailBatch(
            source="mbox", path=label, contacts=contacts,
            interactions=interactions,
            skipped=self.skipped, files=self.files, me=me, me_found_by=found_by,
            left_out={key: self.left_out[key] for key in LEFT_OUT if self.left_out[key]})
        batch.notes = [*self.notes, *_summary(batch, self.total)]
        return batch

    def own_addresses(self, given: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
        if given:
            return given, "given"
        sent = Counter(item.sender for item in self.messages if item.sent and item.sender)
        if sent:
            return tuple(a for a, _ in sent.most_common()), "sent"
        seen = Counter()  # on a tie, the address seen first (the first sender) wins
        for item in self.messages:
            seen.update(dict.fromkeys((item.sender, *item.recipients)).keys())
        if seen:
            return (seen.most_common(1)[0][0],), "most"
        return (), ""


def _summary(batch: MailBatch, read: int) -> list[str]:
    """The lines a summary prints: the learner's addresses, and what was left out."""
    lines = []
    if batch.me:
        how = {"given": "as given",
               "sent": "the sender of your sent mail",
               "most": "the address on most messages: no sent mail is marked as such"}
        lines.append(f"your address{'es' * (len(batch.me) > 1)}: {', '.join(batch.me)} "
                     f"({how[batch.me_found_by]}); if that is wrong, import again with "
                     "--me YOUR-ADDRESS")
    if batch.left_out:
        total = sum(batch.left_out.values())
        reasons = ", ".join(f"{n:,} {LEFT_OUT[key]}" for key, n in batch.left_out.items())
        lines.append(f"left out {total:,} of {read:,} messages: {reasons}")
    if batch.me and not any(i.direction == "out" for i in batch.interactions):
        lines.append("no message you sent to a person was found, so no one became a contact: "
                     "import your sent mail too (Gmail's Sent label, or the Sent mailbox)")
    return lines
