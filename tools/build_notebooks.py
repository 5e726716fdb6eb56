"""Build notebooks/<stem>.ipynb from the percent sources in course-src/ and the content.

A thin command line over netlearn.facilitator.notebook_builder (the builder that
`netlearn content notebook` uses too). It also writes the facilitator guide
(notebooks/facilitator/facilitator-guide.ipynb), the course's contents page
(notebooks/contents.md), the README's course table, the agenda tables of
docs/facilitator-guide.md and the content-validation manifest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC_DIR = ROOT / "course-src"
OUT_DIR = ROOT / "notebooks"
README = ROOT / "README.md"
GUIDE = ROOT / "docs" / "facilitator-guide.md"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stems", nargs="*", help="notebook stems to build (default: all sources)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 listing files that differ from a fresh build")
    parser.add_argument("--content", metavar="DIR",
                        help="facilitator content directory (default: NETLEARN_CONTENT, if set)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    import nbformat

    from netlearn.facilitator import notebook_builder as builder
    from netlearn.facilitator.agenda_tables import with_agenda_tables
    from netlearn.plumbing.errors import ContentError, NetlearnError
    from netlearn.teaching.content import MANIFEST, default_validation_manifest, load_course

    try:
        course = load_course(args.content)
    except ContentError as exc:
        print(f"error: course content is invalid: {exc}", file=sys.stderr)
        return 1
    sources = sorted(SRC_DIR.glob("*.py"))
    if args.stems:
        wanted = {Path(s).stem for s in args.stems}
        missing = wanted - {s.stem for s in sources}
        if missing:
            print(f"error: no source {SRC_DIR.name}/{sorted(missing)[0]}.py", file=sys.stderr)
            return 1
        sources = [s for s in sources if s.stem in wanted]

    problems, outputs = [], {}
    for source in sources:
        try:
            outputs[OUT_DIR / f"{source.stem}.ipynb"] = builder.build(course, source)
        except (NetlearnError, nbformat.ValidationError) as exc:
            problems.append(str(exc).splitlines()[0])
    if not args.stems:
        built = {s.stem for s in sources}
        for orphan in sorted(OUT_DIR.glob("*.ipynb")):
            if orphan.stem not in built:
                problems.append(f"{orphan.relative_to(ROOT)} has no source"
                                f" {SRC_DIR.name}/{orphan.stem}.py")
        outputs[OUT_DIR / builder.FACILITATOR_GUIDE] = builder.facilitator_guide(course)
        outputs[OUT_DIR / builder.CONTENTS_PAGE] = builder.contents_page(course)
        if README.is_file():
            readme = builder.with_course_table(README.read_text(encoding="utf-8"), course)
            if readme is not None:
                outputs[README] = readme
        if GUIDE.is_file():
            try:
                outputs[GUIDE] = with_agenda_tables(GUIDE.read_text(encoding="utf-8"), course)
            except NetlearnError as exc:
                problems.append(f"{GUIDE.relative_to(ROOT)}: {exc}")
        outputs[ROOT / "netlearn" / "content" / "schema" / MANIFEST] = \
            default_validation_manifest()

    stale = []
    for target, text in outputs.items():
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        stale.append(target.relative_to(ROOT))
        if not args.check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    for path in stale:
        if args.check:
            print(f"out of date: {path} (run: python tools/build_notebooks.py)")
        else:
            print(f"wrote {path}")
    return 1 if problems or (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
