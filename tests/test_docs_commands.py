"""Every `netlearn …` command in the README, the docs and the CHANGELOG parses with the real CLI.

A facilitator copies these lines as they are: one that the command line refuses, or a hub link
pinned to a tag (nbgitpuller fails on a tag's second pull), is a broken workshop. Shell
placeholders (URL, FILE..., [--ref TAG], {linkedin,vcard}) are filled in before parsing.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from netlearn.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
#: Named in prose but deliberately not commands (privacy.md says why there is none).
NOT_COMMANDS = {"netlearn start"}
#: What a placeholder stands for; any other upper-case word becomes "x".
PLACEHOLDERS = {"URL": "https://example.org/you/netlearn", "HUB": "https://hub.example.org",
                "TAG": "v1.2.3", "BRANCH": "term-1", "N": "5", "ID": "00-start-here",
                "ADDRESS": "you@example.org", "COMMAND": "check"}
TAG_LIKE = re.compile(r"^v?\d+(\.\d+)+([.-]\w+)?$")
INLINE = re.compile(r"(?<!`)`(netlearn [^`]+)`(?!`)")


def documented_commands(path: Path) -> list[tuple[int, str, bool]]:
    """``(line, command, inline)`` for every netlearn command in a Markdown file.

    Lines of fenced code blocks that start with ``netlearn`` are commands (with ``\\``
    continuations joined); outside them, inline code spans that start with ``netlearn``.
    """
    found, fenced, pending = [], False, None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            text = line.strip().removeprefix("$ ")
            if pending is not None:
                text, pending = pending[1] + " " + text, (pending[0], None)
            elif text.startswith("netlearn "):
                pending = (number, None)
            else:
                continue
            if text.endswith("\\"):
                pending = (pending[0], text[:-1])
                continue
            found.append((pending[0], text, False))
            pending = None
        else:
            found += [(number, span, True) for span in INLINE.findall(line)]
    return found


def words(command: str) -> list[str]:
    """The command's arguments as the shell would pass them, placeholders filled in."""
    command = _without_substitutions(command)
    command = re.sub(r"\{([^},]+)(,[^}]*)?\}", r"\1", command)  # {a,b}: the first choice
    command = command.replace("[", " ").replace("]", " ").replace("...", "")
    filled = []
    for word in shlex.split(command, comments=True):
        stem = word.split(".")[0]
        if re.fullmatch(r"[A-Z][A-Z_-]*", stem):
            # after --import, ID is an import's number, elsewhere a topic id
            value = "3" if filled[-1:] == ["--import"] else PLACEHOLDERS.get(stem, "x")
            word = value + word[len(stem):].lower()
        filled.append(word)
    return filled[1:]  # after "netlearn"


def _without_substitutions(command: str) -> str:
    """Replace each ``$(...)`` (parentheses may nest) with one word."""
    while "$(" in command:
        start = command.index("$(")
        depth, end = 0, start + 1
        for end in range(start + 1, len(command)):
            depth += {"(": 1, ")": -1}.get(command[end], 0)
            if depth == 0:
                break
        command = command[:start] + "x" + command[end + 1:]
    return command


def parse_error(arguments: list[str]) -> str | None:
    """What argparse says about these arguments, or None when they parse."""
    stderr = io.StringIO()
    try:
        with contextlib.redirect_stderr(stderr):
            build_parser().parse_args(arguments)
    except SystemExit as exc:
        if exc.code:
            return stderr.getvalue().strip().splitlines()[-1]
    return None


def pins_a_hub_to_a_tag(arguments: list[str]) -> bool:
    """True for a hub link with a tag-like --ref, or any --branch that looks like a tag."""
    values = dict(zip(arguments, arguments[1:], strict=False))
    tag_branch = bool(TAG_LIKE.match(values.get("--branch", "")))
    tag_ref = bool(TAG_LIKE.match(values.get("--ref", "")))
    return tag_branch or ("--hub" in arguments and tag_ref)


def all_commands():
    for path in DOCS:
        for number, command, inline in documented_commands(path):
            if command.strip() not in NOT_COMMANDS:
                yield pytest.param(command, inline, id=f"{path.name}:{number}")


@pytest.mark.parametrize("command, inline", list(all_commands()))
def test_the_command_parses_with_the_current_cli(command, inline):
    error = parse_error(words(command))
    if inline and error and "the following arguments are required" in error:
        return  # prose naming a subcommand (`netlearn cohort`), not a line to copy
    assert error is None, f"{command!r}: {error}"


@pytest.mark.parametrize("command, inline", list(all_commands()))
def test_no_hub_link_is_pinned_to_a_tag(command, inline):
    assert not pins_a_hub_to_a_tag(words(command)), (
        f"{command!r}: on a hub, pin a branch made at the tag "
        "(docs/facilitator-guide.md#pin-a-term)")


def test_the_docs_show_the_commands_a_facilitator_needs():
    shown = {" ".join(words(c)[:1]) for path in DOCS for _, c, _ in documented_commands(path)}
    assert {"check", "import", "export", "restore", "cohort", "links", "agenda", "content",
            "forget"} <= shown


def test_the_checks_catch_what_they_are_for(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text("Share `netlearn links --hub --ref v0.2.0`.\n\n```bash\n"
                   "netlearn links --repo URL \\\n  --hub HUB --branch v1.2.3   # no\n"
                   "netlearn agenda --minutes ninety\n```\n"
                   "Or `netlearn import {linkedin,vcard} FILE.zip [--me ADDRESS]`.\n",
                   encoding="utf-8")
    found = documented_commands(doc)
    assert [(n, inline) for n, _, inline in found] == [(1, True), (4, False), (6, False),
                                                         (8, True)]
    hub_tag, branch_tag, bad_minutes, placeholders = (words(c) for _, c, _ in found)
    assert "expected one argument" in parse_error(hub_tag)
    assert pins_a_hub_to_a_tag(["links", "--repo", "u", "--hub", "h", "--ref", "v0.2.0"])
    assert pins_a_hub_to_a_tag(branch_tag)
    assert not pins_a_hub_to_a_tag(["links", "--repo", "u", "--ref", "v0.2.0"])
    assert "invalid int value" in parse_error(bad_minutes)
    assert placeholders == ["import", "linkedin", "x.zip", "--me", "you@example.org"]
    assert parse_error(placeholders) is None
    assert words('netlearn export --summary d/$(python3 -c "print(uuid.uuid4())").json') == [
        "export", "--summary", "d/x.json"]
