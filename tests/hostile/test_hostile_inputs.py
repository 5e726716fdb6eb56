"""Every hostile file is refused whole or partly imported, as stated here; never a traceback.

Refused: exit 1, one line on stderr naming the file, no traceback, and the store's
export is the same before and after. Partial: exit 0, the bad rows named by line on
stderr, the good rows stored.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from netlearn import store as store_module
from netlearn.cli import main
from netlearn.plumbing.paths import default_content_dir

from .make_corpus import ACTIVITY, FILES, FORMULA, MAIL_NAMES, XSS, large_files, small_files

REFUSED, PARTIAL = "refused", "partial"

# file name -> (import kind, outcome, what must appear in the message)
IMPORTS = {
    "li-empty.csv": ("linkedin", REFUSED, "empty"),
    "li-header-only.csv": ("linkedin", REFUSED, ""),
    "li-binary.csv": ("linkedin", REFUSED, ""),
    "li-png-renamed.csv": ("linkedin", REFUSED, ""),
    "li-latin1.csv": ("linkedin", PARTIAL, ""),
    "li-unterminated-quote.csv": ("linkedin", REFUSED, ""),
    "li-wrong-format.csv": ("linkedin", REFUSED, ""),
    "li-semicolons.csv": ("linkedin", REFUSED, ""),
    "li-bad-dates.csv": ("linkedin", PARTIAL, "line"),
    "li-nul-bytes.csv": ("linkedin", REFUSED, ""),
    "li-hidden-profiles.csv": ("linkedin", PARTIAL, "line"),
    "li-messages-drafts-only.csv": ("linkedin", REFUSED, ""),
    "li-no-csv.zip": ("linkedin", REFUSED, ""),
    "li-traversal.zip": ("linkedin", REFUSED, ""),
    "li-not-a-zip.zip": ("linkedin", REFUSED, ""),
    "li-40mb-line.csv": ("linkedin", REFUSED, ""),
    "li-5000-columns.csv": ("linkedin", REFUSED, ""),
    "li-zip-bomb.zip": ("linkedin", REFUSED, ""),
    "vc-empty.vcf": ("vcard", REFUSED, ""),
    "vc-truncated.vcf": ("vcard", PARTIAL, "line"),
    "vc-binary.vcf": ("vcard", REFUSED, ""),
    "vc-csv-instead.vcf": ("vcard", REFUSED, ""),
    "vc-card-without-name.vcf": ("vcard", PARTIAL, "line"),
    "vc-nul-bytes.vcf": ("vcard", REFUSED, ""),
    "ics-no-events.ics": ("ics", REFUSED, ""),
    "ics-bad-dtstart.ics": ("ics", PARTIAL, "line"),
    "ics-truncated.ics": ("ics", REFUSED, ""),
    "ics-binary.ics": ("ics", REFUSED, ""),
    "ics-endless-rrule.ics": ("ics", PARTIAL, ""),
    "log-empty.csv": ("csv", REFUSED, ""),
    "log-wrong-header.csv": ("csv", REFUSED, ""),
    "log-bad-values.csv": ("csv", PARTIAL, "line"),
    "log-xss-name.csv": ("csv", PARTIAL, ""),
    "mbox-empty.mbox": ("mbox", REFUSED, "is empty"),
    "mbox-png-renamed.mbox": ("mbox", REFUSED, "does not start with a 'From ' line"),
    "mbox-eml-instead.mbox": ("mbox", REFUSED, "does not start with a 'From ' line"),
    "mbox-letter-from.mbox": ("mbox", REFUSED, "its messages have no mail headers"),
    "mbox-takeout-without-mail.zip": ("mbox", REFUSED, "holds no mailbox"),
    "mbox-takeout-bomb.zip": ("mbox", REFUSED, "zip bomb"),
    "mbox-broken-from-lines.mbox": ("mbox", PARTIAL, "line"),
    "mbox-endless-header.mbox": ("mbox", PARTIAL, ""),
    "mbox-bad-dates.mbox": ("mbox", PARTIAL, "line"),
    "mbox-encoded-names.mbox": ("mbox", PARTIAL, ""),
    "mbox-crlf-nul-bytes.mbox": ("mbox", PARTIAL, ""),
    "mbox-10mb-header.mbox": ("mbox", PARTIAL, "line"),
}
# the complete export's files, each imported on its own
_PERSON_KINDS = ("endorsements-given", "endorsements-received", "recommendations-given",
                 "recommendations-received", "events")  # a 200 KB name or title is skipped
for _kind in ACTIVITY:
    IMPORTS.update({
        f"li-{_kind}-empty.csv": ("linkedin", REFUSED, "empty"),
        f"li-{_kind}-header-only.csv": ("linkedin", REFUSED, "no rows"),
        f"li-{_kind}-binary.csv": ("linkedin", REFUSED, "not a text file"),
        f"li-{_kind}-wrong-header.csv": ("linkedin", REFUSED, "is not a LinkedIn"),
        f"li-{_kind}-bad-dates.csv": ("linkedin", PARTIAL, "line"),
        f"li-{_kind}-formulas.csv": ("linkedin", PARTIAL, ""),
        f"li-{_kind}-html.csv": ("linkedin", PARTIAL, ""),
        f"li-{_kind}-200kb-field.csv": ("linkedin", PARTIAL,
                                        "line" if _kind in _PERSON_KINDS else ""),
    })
LARGE = {"li-40mb-line.csv", "li-5000-columns.csv", "li-zip-bomb.zip", "mbox-10mb-header.mbox",
         "mbox-takeout-bomb.zip",
         *(f"li-{kind}-200kb-field.csv" for kind in ACTIVITY)}
# content overrides: each replaces 01-preparation/topic.yaml in a facilitator's directory
CONTENT = ["yaml-tabs.yaml", "yaml-python-tag.yaml", "yaml-alias-bomb.yaml",
           "yaml-unclosed-quote.yaml", "yaml-binary.yaml", "yaml-unknown-field.yaml"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """All hostile files: the committed ones plus the large ones made now."""
    paths = {name: FILES / name for name in small_files()}
    paths.update(large_files(tmp_path_factory.mktemp("large")))
    return paths


def test_committed_corpus_is_current():
    for name, data in small_files().items():
        assert (FILES / name).read_bytes() == data, (
            f"run python tests/hostile/make_corpus.py ({name})")


def test_corpus_is_big_enough():
    assert len(IMPORTS) + len(CONTENT) >= 30
    assert set(IMPORTS) | set(CONTENT) == set(small_files()) | LARGE


def seeded_home(home: Path) -> None:
    """A learner with some data already, so 'unchanged' means something."""
    from datetime import datetime

    from netlearn.network.records import Batch, Contact, Interaction

    ada = Contact("Ada Example", source="manual", source_ref="ada", email="ada@example.com")
    store_module.Store(home).save_batch(Batch("manual", "notebook", contacts=[ada], interactions=[
        Interaction(datetime(2026, 1, 5, 9), "in_person", "out", "meet", contact_key=ada.key,
                    source="manual", source_ref="i1")]))


def export_of(home: Path, target: Path) -> Path:
    store = store_module.Store(home)
    store.export_csv(target)
    store.close()
    return target


def same_export(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return not mismatch and not errors and sorted(p.name for p in b.iterdir()) == names


@pytest.mark.parametrize("name", sorted(IMPORTS))
def test_import_of_hostile_file(name, corpus, tmp_path, monkeypatch, capsys):
    kind, outcome, words = IMPORTS[name]
    home = tmp_path / "home"
    monkeypatch.setenv("NETLEARN_HOME", str(home))
    seeded_home(home)
    before = export_of(home, tmp_path / "before")
    status = main(["import", kind, str(corpus[name])])
    store_module._stores.pop(home, None)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    after = export_of(home, tmp_path / "after")
    if outcome == REFUSED:
        assert status == 1, (name, out, err)
        assert err.count("\n") == 1 and name in err, err
        assert words in err
        assert same_export(before, after), f"{name} changed the store although refused"
    else:
        assert status == 0, (name, err)
        assert "added" in out
        if words == "line":
            assert f"{name}:" in err and "skipped" in err, err
        assert not same_export(before, after), f"{name}: nothing of the good rows was stored"


def test_traversal_zip_writes_nothing_outside(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("NETLEARN_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    main(["import", "linkedin", str(corpus["li-traversal.zip"])])
    assert not list(tmp_path.parent.rglob("evil"))


def test_xss_name_is_stored_as_text(corpus, tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("NETLEARN_HOME", str(home))
    assert main(["import", "csv", str(corpus["log-xss-name.csv"])]) == 0
    names = [c.name for c in store_module.Store(home).load_network().contacts]
    assert names == ["<img src=x onerror=alert(1)>"]


def test_formulas_never_reach_a_csv_export_unescaped(corpus, tmp_path, monkeypatch):
    import csv

    home = tmp_path / "home"
    monkeypatch.setenv("NETLEARN_HOME", str(home))
    for kind in ACTIVITY:
        assert main(["import", "linkedin", str(corpus[f"li-{kind}-formulas.csv"])]) == 0
    store_module._stores.pop(home, None)
    exported = export_of(home, tmp_path / "export")
    cells = []
    for path in sorted(exported.iterdir()):
        with path.open(newline="", encoding="utf-8") as handle:
            cells += [cell for row in csv.reader(handle) for cell in row]
    assert any(FORMULA in cell for cell in cells)  # the names and titles were kept, as text
    risky = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    assert not risky, risky[:5]


def test_html_names_from_the_new_files_are_stored_as_text(corpus, tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("NETLEARN_HOME", str(home))
    for kind in ("endorsements-given", "recommendations-received", "events"):
        assert main(["import", "linkedin", str(corpus[f"li-{kind}-html.csv"])]) == 0
    store_module._stores.pop(home, None)
    net = store_module.Store(home).load_network()
    assert XSS + " Example" in [c.name for c in net.contacts]
    assert XSS in [e.title for e in net.events]
    assert "javascript" not in "".join(e.location for e in net.events)


def test_mail_names_in_every_charset_are_stored_decoded(corpus, tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("NETLEARN_HOME", str(home))
    assert main(["import", "mbox", str(corpus["mbox-encoded-names.mbox"])]) == 0
    store_module._stores.pop(home, None)
    names = {c.email: c.name for c in store_module.Store(home).load_network().contacts}
    assert names == {"ada@example.com": "Ada Example",
                     **{address: name for address, (_, name) in MAIL_NAMES.items()}}


def test_a_10_mb_mail_header_is_passed_over_without_being_held(corpus):
    import tracemalloc

    from netlearn.importers.mbox import read_mbox

    tracemalloc.start()
    try:
        batch = read_mbox(corpus["mbox-10mb-header.mbox"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [s.reason for s in batch.skipped] == ["message 2: its header is longer than 1 MB"]
    assert sorted(c.email for c in batch.contacts) == ["ada@example.com", "cy@example.com"]
    assert peak < 8 << 20, peak  # the first 1 MB of the header and a block or two, not 10 MB


@pytest.mark.parametrize("name", CONTENT)
def test_hostile_content_is_refused_with_file_and_line(name, tmp_path, capsys):
    mine = tmp_path / "mine" / "01-preparation"
    mine.mkdir(parents=True)
    shutil.copy(FILES / name, mine / "topic.yaml")
    status = main(["check", str(tmp_path / "mine"), "--notebooks", str(tmp_path)])
    out, err = capsys.readouterr()
    assert status == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{mine / 'topic.yaml'}:"), first
    assert first.split(":")[1].isdigit()
    assert "Traceback" not in out + err
    assert not (tmp_path / "pwned").exists()
    assert default_content_dir().joinpath("01-preparation", "topic.yaml").exists()
