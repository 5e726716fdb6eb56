"""The facilitator guide's agenda tables, written by the agenda tool between markers.

A block in a Markdown file::

    <!-- agenda: --minutes 90 -->
    (anything: rewritten)
    <!-- /agenda -->

holds the command line and the Markdown agenda that ``netlearn agenda --minutes 90 --markdown``
prints for the course, so the guide's tables change with ``course.yaml``
(``python tools/build_notebooks.py`` rewrites them; ``tests/test_agenda.py`` fails when the
committed ones differ).
"""

from __future__ import annotations

import re
import shlex

from netlearn.facilitator.agenda import format_agenda, plan_agenda
from netlearn.plumbing.errors import NetlearnError

BLOCK = re.compile(r"(<!-- agenda:(?P<args>[^>]*?)-->)\n.*?(?=<!-- /agenda -->)", re.DOTALL)


def agenda_arguments(text: str) -> tuple[int | None, list[str] | None]:
    """``(minutes, topics)`` from a marker's ``--minutes N`` and ``--topics ID ...``.

    Raises
    ------
    NetlearnError
        For anything else in the marker.
    """
    minutes, topics, words = None, None, shlex.split(text)
    while words:
        word = words.pop(0)
        if word == "--minutes" and words and words[0].isdigit():
            minutes = int(words.pop(0))
        elif word == "--topics":
            topics = []
            while words and not words[0].startswith("--"):
                topics.append(words.pop(0))
        else:
            raise NetlearnError(f"agenda marker: unexpected {word!r} in {text.strip()!r} "
                                "(only --minutes N and --topics ID ...)")
    return minutes, topics


def agenda_block(course, arguments: str) -> str:
    """The command line, then its Markdown agenda, for a marker's arguments."""
    minutes, topics = agenda_arguments(arguments)
    command = " ".join(["netlearn agenda", *arguments.split(), "--markdown"])
    agenda = format_agenda(plan_agenda(course, minutes, topics), markdown=True)
    return f"`{command}`\n\n{agenda}\n"


def with_agenda_tables(text: str, course) -> str:
    """Return ``text`` with every agenda block rewritten from ``course`` (the rest untouched)."""
    return BLOCK.sub(lambda m: f"{m.group(1)}\n{agenda_block(course, m.group('args'))}", text)
