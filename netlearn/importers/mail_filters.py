"""Tell a person's mail from bulk mail, and a mailbox's role from its name, by headers alone."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Mailbox (folder, file or Gmail label) names, lower-case, of the roles a mailbox can have:
#: the learner's sent mail, unsent drafts and templates, and spam or deleted mail. Mail
#: programs name them in the learner's language, so the common translations are here.
ROLE_NAMES = {
    "sent": (
        "sent", "sent mail", "sent-mail", "sent items", "sent messages", "sent-items",
        "gesendet", "gesendete elemente", "gesendete objekte", "envoyés", "envoyes",
        "éléments envoyés", "messages envoyés", "enviados", "elementos enviados",
        "enviadas", "inviata", "inviati", "posta inviata", "verzonden",
        "verzonden items", "skickat", "skickade", "skickade objekt", "sendt",
        "sendte elementer", "sendte", "lähetetyt", "wysłane", "elementy wysłane",
        "odeslané", "odeslaná pošta", "отправленные", "已发送", "送信済み", "送信済みアイテム",
        "寄件備份", "보낸편지함",
    ),
    "draft": (
        "draft", "drafts", "templates", "unsent messages", "outbox", "entwürfe",
        "vorlagen", "brouillons", "borradores", "bozze", "concepten", "utkast",
        "kladder", "luonnokset", "wersje robocze", "koncepty", "черновики",
    ),
    "spam_or_trash": (
        "spam", "junk", "junk e-mail", "junk email", "bulk mail", "trash", "bin",
        "deleted", "deleted items", "deleted messages", "papierkorb",
        "gelöschte elemente", "corbeille", "éléments supprimés", "papelera",
        "elementos eliminados", "cestino", "posta eliminata", "prullenbak",
        "verwijderde items", "papperskorgen", "borttaget", "papirkurv", "roskakori",
        "kosz", "koš", "корзина", "спам",
    ),
}
_ROLE_OF = {name: role for role, names in ROLE_NAMES.items() for name in names}
#: Gmail's own labels (``X-Gmail-Labels``) that say what a message is, lower-case. Takeout
#: writes them in English whatever the account's language.
GMAIL_ROLES = {"sent": "sent", "draft": "draft", "drafts": "draft", "spam": "spam_or_trash",
               "trash": "spam_or_trash", "chat": "chat", "chats": "chat"}

#: Local parts of addresses no person reads: no-reply senders, bounces, notification
#: robots and service desks. A message from one is left out; one is never a contact.
_ROBOT = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|no[-_.]?response"
    r"|mailer[-_.]?daemon|postmaster|bounces?|notifications?|notify|alerts?|newsletters?"
    r"|calendar[-_.]notification|invitations?|support|helpdesk|customer[-_.]?service"
    r"|billing|invoices?|receipts?|orders?|feedback|abuse|webmaster)(?:[-_+.].*)?$")
#: ``Precedence`` values of bulk mail (RFC 2076; "junk" is what vacation programs honour).
_BULK_PRECEDENCE = {"bulk", "list", "junk"}


def mailbox_role(*names: str) -> str | None:
    """Return the role a mailbox has by its name: ``"sent"``, ``"draft"``,
    ``"spam_or_trash"`` or None.

    Parameters
    ----------
    *names : str
        The mailbox's name and the names of the folders holding it, innermost first
        (``"Sent Messages.mbox"``, ``"Sent.sbd"`` …); endings such as ``.mbox`` and
        Thunderbird's ``.sbd`` are ignored. The innermost name with a role wins.

    Returns
    -------
    str or None
    """
    for name in names:
        base = name.strip().lower()
        for ending in (".mbox", ".sbd", ".mbx"):
            base = base.removesuffix(ending)
        role = _ROLE_OF.get(base.strip())
        if role is not None:
            return role
    return None


def label_roles(labels: Iterable[str]) -> set[str]:
    """Return the roles that a message's Gmail labels give it (``"chat"`` among them).

    Parameters
    ----------
    labels : iterable of str
        The labels of ``X-Gmail-Labels``, as written.

    Returns
    -------
    set of str
    """
    roles = set()
    for label in labels:
        name = label.strip().lower()
        role = GMAIL_ROLES.get(name) or _ROLE_OF.get(name)
        if role is not None:
            roles.add(role)
    return roles


def is_robot(address: str) -> bool:
    """Return True for an address no person reads (no-reply, bounces, service desks).

    Parameters
    ----------
    address : str
        A lower-case e-mail address.

    Returns
    -------
    bool
    """
    return bool(_ROBOT.match(address.partition("@")[0]))


def bulk_reason(get) -> str | None:
    """Return why a message is bulk mail, or None for a person's message.

    Parameters
    ----------
    get : callable
        ``get(header_name)`` returns that header's value as text, ``""`` when absent.

    Returns
    -------
    str or None
        ``"calendar"`` (an invitation or its answer), ``"mailing_list"`` (``List-Id``,
        ``List-Unsubscribe``, ``Precedence: bulk|list|junk``) or ``"automatic"``
        (``Auto-Submitted`` other than ``no``, a vacation reply).
    """
    content_type = get("Content-Type").strip().lower()
    if (content_type.startswith("text/calendar")
            or "calendarmessage" in get("Content-Class").lower()
            or "calendar-notification@" in get("Sender").lower()):
        return "calendar"
    if (get("List-Id").strip() or get("List-Unsubscribe").strip()
            or get("Precedence").strip().lower() in _BULK_PRECEDENCE):
        return "mailing_list"
    auto = get("Auto-Submitted").strip().lower()
    if (auto and not auto.startswith("no")) or get("X-Autoreply").strip() \
            or get("X-Autorespond").strip():
        return "automatic"
    return None


def excluder(entries: Iterable[str]):
    """Return ``excluded(address) -> bool`` for the learner's excluded domains and addresses.

    Parameters
    ----------
    entries : iterable of str
        ``ada@example.com`` excludes that address; ``example.com`` or ``@example.com``
        excludes every address at that domain and its subdomains (``mail.example.com``).

    Returns
    -------
    callable
    """
    addresses, domains = set(), set()
    for entry in entries:
        text = entry.strip().lower()
        if not text:
            continue
        if "@" in text.lstrip("@"):
            addresses.add(text)
        else:
            domains.add(text.lstrip("@").strip("."))

    def excluded(address: str) -> bool:
        if address in addresses:
            return True
        domain = address.rpartition("@")[2]
        while domain:
            if domain in domains:
                return True
            domain = domain.partition(".")[2]
        return False

    return excluded
