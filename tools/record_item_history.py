"""Add the default quiz items' current content versions to netlearn/data/item-history.json.

Run at each release, after the items are final (and commit the file):

    python tools/record_item_history.py

`netlearn check` then tells a facilitator whose copied item matches a past default version
that the defaults have since corrected it, and answers stored without a version are
re-graded against the first version recorded for their item.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from netlearn.teaching.item_history import HISTORY_PATH, history_json, load_history, recorded

    course = _default_course()
    questions = [q for t in course.topics
                 for q in (*t.questions, *t.reserve_questions, *t.pretest_questions)]
    history = recorded(load_history(), questions)
    HISTORY_PATH.write_text(history_json(history), encoding="utf-8")
    print(f"wrote {HISTORY_PATH.relative_to(ROOT)}: {len(history)} items")
    return 0


def _default_course():
    from netlearn.plumbing.errors import ContentError
    from netlearn.teaching.content import load_course

    os.environ.pop("NETLEARN_CONTENT", None)  # the defaults, never a facilitator's layer
    try:
        return load_course()
    except ContentError as exc:
        raise SystemExit(f"fix the default content first: {exc}") from None


if __name__ == "__main__":
    sys.exit(main())
