"""House rules no import contract can express: SQL only in the store, no backend switching."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "netlearn"
SQL = re.compile(
    r"\b(SELECT\b.+\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
    r"|CREATE\s+(TABLE|INDEX)|ALTER\s+TABLE|PRAGMA\s+\w+)\b", re.S)


def _strings(path: Path):
    """Yield (line, text) of every string literal in a module."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for token in tokens:
        if token.type == tokenize.STRING:
            yield token.start[0], token.string


def _modules(outside: str | None = None):
    for path in sorted(PACKAGE.rglob("*.py")):
        if outside is None or outside not in path.relative_to(PACKAGE).parts:
            yield path


def test_sql_lives_only_in_the_store():
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}" for path in _modules(outside="store")
             for line, text in _strings(path) if SQL.search(text)]
    assert not found, "SQL outside netlearn/store: " + ", ".join(found)


def test_the_sql_check_sees_sql(tmp_path):
    """The check above would notice a query written outside the store."""
    sample = tmp_path / "screen.py"
    sample.write_text('rows = store.query("SELECT id, name FROM contacts WHERE id = ?")\n'
                      'note = "Select the people you met from the list"\n')
    assert [line for line, text in _strings(sample) if SQL.search(text)] == [1]


def test_no_module_switches_the_matplotlib_backend():
    """matplotlib.use in library code would switch a learner's inline backend."""
    calls = [f"{path.relative_to(PACKAGE.parent)}:{n}" for path in _modules()
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\bmatplotlib\.use\(|\bmpl\.use\(|pyplot\.switch_backend\(", line)]
    assert not calls, calls
