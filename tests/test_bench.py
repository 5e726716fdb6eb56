"""The bench's export generator (tools/make_linkedin_export.py)."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _load(path: Path):
    """Import a script by path (bench/ and tools/ are not packages)."""
    spec = importlib.util.spec_from_file_location(f"loaded_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_a_small_complete_export_scales_every_activity_file(tmp_path):
    generator = _load(REPO / "tools" / "make_linkedin_export.py")
    paths = generator.write_export(tmp_path, connections=20, messages=50, invitations=5,
                                   complete=True, activity_scale=0.01)
    files = {"reactions": "Reactions.csv", "comments": "Comments.csv", "shares": "Shares.csv",
             "endorsements": "Endorsement_Given_Info.csv",
             "recommendations": "Recommendations_Given.csv", "events": "Events.csv"}
    assert set(files) == set(generator.ACTIVITY_ROWS)
    for name, file_name in files.items():
        with paths[file_name].open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == max(1, round(generator.ACTIVITY_ROWS[name] * 0.01)), file_name
