"""The `netlearn` command line: check, import, export, restore, cohort, links, agenda, forget."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from netlearn.plumbing.errors import NetlearnError

IMPORT_KINDS = ("linkedin", "vcard", "ics", "mbox", "csv")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="netlearn",
        description="The five biggest networking mistakes — course tools. "
        "Learner data lives in NETLEARN_HOME; facilitator content in NETLEARN_CONTENT.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = sub.add_parser("check", help="validate course content (default or a facilitator's)")
    check.add_argument("dir", nargs="?", help="content directory layered over the default")
    check.add_argument("--notebooks", metavar="DIR",
                       help="notebooks directory in which every topic needs its notebook "
                            "(default: ./notebooks or the course's own, when present)")
    check.add_argument("--strict", action="store_true",
                       help="treat item-quality warnings as errors (exit 1)")

    imp = sub.add_parser("import", help="import your networking data")
    imp.add_argument("kind", choices=IMPORT_KINDS)
    imp.add_argument("path", help="file, folder or zip to import")
    imp.add_argument("--me", action="append", default=[], metavar="ADDRESS",
                     help="mbox: one of your own e-mail addresses (repeat for each); "
                          "default: found from your sent mail")
    imp.add_argument("--exclude", action="append", default=[], metavar="DOMAIN_OR_ADDRESS",
                     help="mbox: leave out the mail of this domain or address (repeatable)")

    export = sub.add_parser("export", help="export your data (CSV, reminders, action plan)")
    group = export.add_mutually_exclusive_group(required=True)
    group.add_argument("dir", nargs="?", help="directory to write CSVs, reminders.ics and "
                                               "action-plan.md into")
    group.add_argument("--summary", metavar="FILE",
                       help="write an anonymised summary for your facilitator instead")
    group.add_argument("--archive", metavar="FILE.zip",
                       help="write a backup of all your records (netlearn restore reads it)")

    restore = sub.add_parser("restore", help="add the records of a backup archive to yours")
    restore.add_argument("archive", metavar="FILE.zip")

    cohort = sub.add_parser("cohort", help="aggregate learners' anonymised summaries")
    cohort.add_argument("files", nargs="+", metavar="FILE")
    cohort.add_argument("--out", required=True, metavar="DIR")
    cohort.add_argument("--min-learners", type=int, default=None, metavar="N",
                        help="fewest learners for scores and ratings per topic; below it "
                             "only counts are written (default: 5)")

    links = sub.add_parser("links", help="print Binder and JupyterHub links for a workshop")
    links.add_argument("--repo", required=True, metavar="URL",
                       help="the course repository, e.g. https://github.com/you/netlearn "
                            "(file:///path for a repository on the hub's own disk)")
    links.add_argument("--hub", metavar="URL",
                       help="JupyterHub URL, e.g. https://hub.example.org: also print an "
                            "nbgitpuller link, which pulls --branch")
    links.add_argument("--branch", default="main", metavar="BRANCH",
                       help="the branch learners get (default: main). To pin a term on a hub, "
                            "a branch made at a release tag and never pushed to, e.g. term-1")
    links.add_argument("--ref", metavar="TAG",
                       help="Binder only: a release tag (e.g. v0.2.0) to pin the Binder link "
                            "to; the hub link still pulls --branch, because nbgitpuller fails "
                            "on a tag's second pull")

    agenda = sub.add_parser(
        "agenda", help="print a timed workshop agenda",
        description="A timed agenda from course.yaml. No topic gets less than its core minutes; "
                    "what a session cannot hold is listed as self-study, in order. A 10-minute "
                    "break goes between two topics so that no stretch between breaks runs "
                    "longer than 70 minutes. Exit status 1 when even the start and the action "
                    "plan do not fit.")
    agenda.add_argument("--minutes", type=int, metavar="N",
                        help="session length in minutes: the start, the action plan and as "
                             "many topics as fit at their core (default: the chosen topics "
                             "at their full length)")
    agenda.add_argument("--topics", nargs="+", metavar="ID",
                        help="topic ids to include, e.g. 00-start-here 03-following-up "
                             "06-action-plan (default: every topic but the check-in)")
    agenda.add_argument("--markdown", action="store_true",
                        help="a Markdown table for a handout")

    content = sub.add_parser("content", help="work with course content")
    content_sub = content.add_subparsers(dest="content_command", required=True)
    copy = content_sub.add_parser("copy", help="copy the default content for editing")
    copy.add_argument("dir")
    notebook = content_sub.add_parser(
        "notebook", help="write the notebook for a topic you added in course.yaml")
    notebook.add_argument("id", metavar="ID", help="the new topic's id in course.yaml")
    notebook.add_argument("--out", default="notebooks", metavar="DIR",
                          help="notebooks directory (default: ./notebooks)")
    notebook.add_argument("--content", metavar="DIR",
                          help="your content directory (default: NETLEARN_CONTENT)")
    notebook.add_argument("--force", action="store_true", help="replace an existing notebook")

    forget = sub.add_parser("forget", help="delete all your netlearn data")
    forget.add_argument("--yes", action="store_true", help="do not ask")
    return parser


def main(argv=None) -> int:
    """Run the command line; return the exit status (0 ok, 1 error)."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args) or 0
    except NetlearnError as exc:
        print(f"netlearn: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("netlearn: interrupted; nothing was written", file=sys.stderr)
        return 130
    except OSError as exc:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"netlearn: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1


def _check(args) -> int:
    from netlearn.teaching import content

    notebooks = Path(args.notebooks) if args.notebooks else _find_notebooks()
    problems, warnings = content.review(args.dir, check_notebooks=notebooks)
    for finding in [*problems, *warnings]:  # problems first: they must be fixed
        print(finding)
    cues = sum(1 for w in warnings if w.level == "warning")
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    if cues:
        verdict = ("errors under --strict" if args.strict
                   else "not errors; --strict makes them errors")
        print(f"{cues} item-quality warning(s) ({verdict})", file=sys.stderr)
        if args.strict:
            return 1
    loaded = content.load_course(args.dir)
    questions = sum(len(t.questions) for t in loaded.topics)
    where = args.dir or "default content"
    checked = f"; notebooks checked in {notebooks}" if notebooks else "; notebooks not checked"
    print(f"ok: {where}: {len(loaded.topics)} topics, {questions} questions, "
          f"{loaded.minutes} minutes{checked}")
    return 0


def _find_notebooks() -> Path | None:
    for candidate in (Path.cwd() / "notebooks", Path(__file__).resolve().parent.parent
                      / "notebooks"):
        if candidate.is_dir() and any(candidate.glob("*.ipynb")):
            return candidate
    return None


def _import(args) -> int:
    from netlearn.keep.ingest import import_file
    from netlearn.store import get_store
    from netlearn.terminal_progress import TerminalProgress

    options = {"me": args.me, "exclude": args.exclude} if args.kind == "mbox" else {}
    if args.kind != "mbox" and (args.me or args.exclude):
        print("netlearn: --me and --exclude are for mailboxes (netlearn import mbox PATH)",
              file=sys.stderr)
        return 1
    store = get_store()  # fail early on an unusable NETLEARN_HOME
    with TerminalProgress(f"reading {Path(args.path).name}") as progress:
        imported = import_file(store, args.kind, args.path, progress=progress, **options)
    skipped = imported.skipped
    for note in imported.notes:
        print(note, file=sys.stderr)
    for row in skipped[:20]:
        print(f"skipped {row.path}:{row.line}: {row.reason}", file=sys.stderr)
    if len(skipped) > 20:
        print(f"... and {len(skipped) - 20} more skipped rows", file=sys.stderr)
    print(f"{args.path}: {imported.result}")
    if len(imported.files) > 1:
        for label, rows in imported.files:
            print(f"  {Path(label).name}: {rows} row{'' if rows == 1 else 's'}")
    if imported.same_as:
        listed = ", and its skipped rows were listed then" if imported.result.skipped else ""
        print(f"(the same content was imported on {imported.same_as[:10]}; nothing was read "
              f"again{listed})")
    return 0


def _export(args) -> int:
    from netlearn.store import get_store

    store = get_store()
    if args.archive:
        from netlearn.keep.archive import write_archive

        path = write_archive(store, args.archive)
        print(f"wrote backup {path} (restore it with: netlearn restore {path})")
        return 0
    if args.summary:
        from netlearn.keep.summary import write_summary

        path = write_summary(store, args.summary)
        print(f"wrote anonymised summary {path}")
        return 0
    from netlearn.keep.exporting import export_all

    for path in export_all(store, args.dir):
        print(path)
    return 0


def _restore(args) -> int:
    from netlearn.keep.archive import restore_archive
    from netlearn.store import get_store

    result = restore_archive(get_store(), args.archive)
    print(f"{args.archive}: {result}")
    return 0


def _cohort(args) -> int:
    from netlearn.facilitator.cohort import MIN_LEARNERS, run_cohort

    minimum = MIN_LEARNERS if args.min_learners is None else args.min_learners
    if minimum < 1:
        print("netlearn: --min-learners must be 1 or more", file=sys.stderr)
        return 1
    return run_cohort(args.files, args.out, min_learners=minimum)


def _links(args) -> int:
    from netlearn.facilitator.links import binder_link, nbgitpuller_link

    # Every link is made, and so every argument checked, before anything is printed.
    lines = []
    if not (args.hub and args.repo.strip().startswith("file:")):  # Binder needs a public URL
        lines.append(f"Binder:     {binder_link(args.repo, args.ref or args.branch)}")
    if args.hub:
        lines.append(f"JupyterHub: {nbgitpuller_link(args.hub, args.repo, args.branch)}")
    print("\n".join(lines))
    if args.hub and args.branch == "main":
        print("netlearn: note: the hub link follows main, which changes under your learners; for "
              "a term, make a branch at a release tag and pass it with --branch (git branch "
              "term-1 v0.2.0 && git push origin term-1)", file=sys.stderr)
    return 0


def _agenda(args) -> int:
    from netlearn.facilitator.agenda import format_agenda, plan_agenda
    from netlearn.teaching.content import course

    agenda = plan_agenda(course(), minutes=args.minutes, topics=args.topics)
    print(format_agenda(agenda, markdown=args.markdown))
    return 0


def _content(args) -> int:
    if args.content_command == "notebook":
        from netlearn.facilitator.notebook_builder import (
            CONTENTS_PAGE,
            FACILITATOR_GUIDE,
            new_topic_notebook,
        )
        from netlearn.plumbing.paths import override_content_dir
        from netlearn.teaching.content import course

        path = new_topic_notebook(args.id, args.out, course(args.content), overwrite=args.force)
        where = args.content or override_content_dir() or "YOUR-CONTENT-DIR"
        print(f"wrote {path}; check it with: netlearn check {where} --notebooks {path.parent}")
        print(f"wrote {path.parent / FACILITATOR_GUIDE} (the facilitator notes of every topic)")
        print(f"wrote {path.parent / CONTENTS_PAGE} (the course table its Contents link opens)")
        print(f"run it with: NETLEARN_CONTENT={where} jupyter lab {path}")
        return 0
    from netlearn.facilitator.content_copy import copy_content

    target = copy_content(args.dir)
    quoted = shlex.quote(str(target))
    print(f"copied the course content to {target}; edit it, then run: netlearn check {quoted}")
    start = Path("notebooks") / "00-start-here.ipynb"
    opens = f" {start}" if start.is_file() else ""
    print(f"preview it from the course folder with: NETLEARN_CONTENT={quoted} jupyter lab{opens}")
    return 0


def _forget(args) -> int:
    from netlearn.plumbing.paths import data_home
    from netlearn.store import forget

    home = data_home()
    if not args.yes:
        if not sys.stdin.isatty():
            print(f"netlearn: refusing to delete {home} without --yes (no terminal to ask)",
                  file=sys.stderr)
            return 1
        answer = input(f"Delete all your netlearn data in {home}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 0
    removed = forget(home)
    print(f"deleted {len(removed)} file(s) in {home}" if removed else f"no data in {home}")
    return 0


COMMANDS = {
    "check": _check, "import": _import, "export": _export, "restore": _restore,
    "cohort": _cohort,
    "links": _links, "agenda": _agenda, "content": _content, "forget": _forget,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
