"""In real use (JupyterLab's autosave on), nothing personal reaches the checkout; big uploads work.

The server runs on the checkout itself (as a learner runs it), with the course's Jupyter
server extension from the environment's etc/jupyter (installed by requirements.txt). The
notebooks it saves are put back byte for byte afterwards, whatever happens.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from .conftest import (
    NOTEBOOK_DIR,
    PANEL,
    REPO,
    browser_missing_reason,
    fail_listing,
    open_notebook,
    output_problems,
    run_all_cells,
    screenshot_on_failure,
    start_lab,
    wait_kernel_idle,
)

pytestmark = pytest.mark.browser

PROBE_NAME = "Zelda Privacyprobe"
PROBE_EMAIL = "zelda.privacyprobe@example.com"
PROBE_NOTE = "probe-note-4711 met at the harbour"
PROBES = (PROBE_NAME, PROBE_EMAIL, PROBE_NOTE)
SKIP_DIRS = {".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".ruff_cache",
             "node_modules", ".ipynb_checkpoints"}
UPLOAD_MB = 30
IMPORT_TIMEOUT_MS = 600_000
SAVE_TIMEOUT_S = 60


def seed_probe(home: Path) -> None:
    """A close contact gone cold, with an e-mail and a note: listed by name in notebook 05."""
    from netlearn.network.records import Batch, Contact, Interaction
    from netlearn.store import Store

    now = datetime.now().replace(microsecond=0)
    probe = Contact(name=PROBE_NAME, email=PROBE_EMAIL, notes=PROBE_NOTE, source="browser-test",
                    source_ref="probe-1", company="Harbour Ltd", close=True, cadence_days=30,
                    met_on=(now - timedelta(days=300)).date())
    talks = [Interaction(when=now - timedelta(days=days), channel="email", direction="out",
                         purpose="check_in", contact_key=probe.key, note=PROBE_NOTE,
                         source="browser-test", source_ref=f"probe-{days}")
             for days in (290, 200, 120)]
    store = Store(home)
    try:
        store.save_batch(Batch(source="browser-test", path="probe.csv", contacts=[probe],
                               interactions=talks))
    finally:
        store.close()


def git_status() -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=REPO,
                          check=True, capture_output=True, text=True, timeout=60).stdout


THIS_FILE = Path(__file__).resolve().relative_to(REPO).as_posix()


def _files_holding(needles) -> list[str]:
    """Every file under the checkout (but version control, venvs, caches) holding a needle."""
    found = []
    encoded = [n.encode() for n in needles]
    for directory, subdirs, files in os.walk(REPO):
        subdirs[:] = [d for d in subdirs if d not in SKIP_DIRS and not d.endswith(".egg-info")]
        for name in files:
            path = Path(directory) / name
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if any(n in data for n in encoded):
                found.append(str(path.relative_to(REPO)))
    return found


@pytest.fixture(scope="module")
def default_lab():
    """JupyterLab on the checkout with its default autosave (on), and a learner's contact."""
    reason = browser_missing_reason()
    if reason:
        pytest.skip(reason)
    if subprocess.run(["git", "rev-parse"], cwd=REPO, capture_output=True).returncode:
        pytest.skip("not a git checkout")
    server = start_lab(REPO, seed=seed_probe)
    settings = (server.temp_dir / "lab-settings" / "@jupyterlab" / "docmanager-extension"
                / "plugin.jupyterlab-settings")
    settings.write_text("{}", encoding="utf-8")  # JupyterLab's defaults: autosave on, 120 s
    originals = {p: p.read_bytes() for p in NOTEBOOK_DIR.glob("*.ipynb")}
    try:
        yield server
    finally:
        server.stop()
        for path, data in originals.items():
            if path.read_bytes() != data:
                path.write_bytes(data)


@pytest.fixture
def page(browser_context, default_lab):
    page = browser_context.new_page()
    page.on("dialog", lambda dialog: dialog.dismiss())
    try:
        yield page
    finally:
        page.close()
        default_lab.shutdown_kernels()


def save_and_wait(page, path: Path) -> None:
    """Save the open notebook (Ctrl+S, as a learner does) and wait until the file changed."""
    before = path.stat().st_mtime_ns
    page.locator(f"{PANEL} .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Escape")
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + SAVE_TIMEOUT_S
    while path.stat().st_mtime_ns == before:
        assert time.monotonic() < deadline, f"{path.name} was not saved within {SAVE_TIMEOUT_S} s"
        time.sleep(0.3)


def test_autosave_on_leaves_no_contact_in_the_checkout(page, default_lab):
    settings = default_lab.api("/lab/api/settings/@jupyterlab/docmanager-extension:plugin")
    assert settings["settings"].get("autosave", True) is True, settings["settings"]
    status_before = git_status()
    notebook = NOTEBOOK_DIR / "05-maintaining-relationships.ipynb"
    committed = notebook.read_bytes()
    with screenshot_on_failure(page, "privacy-autosave"):
        open_notebook(page, default_lab.url, notebook.relative_to(REPO).as_posix())
        run_all_cells(page)
        fail_listing(output_problems(page), f"{notebook.name} after Run All Cells:")
        shown = page.locator(PANEL).inner_text()
        assert PROBE_NAME in shown, "notebook 05 does not list the learner's contact"
        save_and_wait(page, notebook)
        wait_kernel_idle(page)
    saved = json.loads(notebook.read_text(encoding="utf-8"))
    assert all(not c.get("outputs") for c in saved["cells"] if c["cell_type"] == "code")
    assert notebook.read_bytes() == committed, "the saved notebook differs from the committed one"
    assert git_status() == status_before
    assert files_holding(PROBES) == []


def files_holding(needles) -> list[str]:
    """Files under the checkout holding a needle, this test module (which names them) aside."""
    return [p for p in _files_holding(needles) if p != THIS_FILE]


def make_upload(directory: Path) -> Path:
    """A LinkedIn export zip of about 30 MB (tools/make_linkedin_export.py, stored)."""
    sys.path.insert(0, str(REPO / "tools"))
    try:
        from make_linkedin_export import write_export
    finally:
        sys.path.pop(0)
    folder = directory / "export"
    write_export(folder, connections=20000, messages=110000, invitations=2000, seed=7)
    target = directory / "Complete_LinkedInDataExport.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, path.name)
    return target


def test_a_30_mb_export_imports_through_the_upload_widget(page, default_lab, tmp_path):
    from netlearn.store import Store

    upload = make_upload(tmp_path)
    with open(tmp_path / "export" / "Connections.csv", encoding="utf-8") as handle:
        rows = [line.split(",") for line in handle.read().splitlines()[4:12]]
    names = [f"{row[0]} {row[1]}" for row in rows]  # as the notebooks show them
    holding_before = files_holding(names)
    size_mb = upload.stat().st_size / 1e6
    assert size_mb >= UPLOAD_MB, f"the test export is only {size_mb:.1f} MB"
    notebook = NOTEBOOK_DIR / "00-start-here.ipynb"
    with screenshot_on_failure(page, "privacy-upload"):
        open_notebook(page, default_lab.url, notebook.relative_to(REPO).as_posix())
        run_all_cells(page)
        widget = page.locator(f"{PANEL} .netlearn-import").first
        # ipywidgets' FileUpload clicks an <input type=file> that is not in the page
        with page.expect_file_chooser(timeout=60_000) as chooser:
            widget.locator(".widget-upload").first.click()
        chooser.value.set_files(str(upload))
        # the kernel has the file when it names its kind; sending 30 MB takes a while
        widget.get_by_text("looks like LinkedIn data export").wait_for(timeout=IMPORT_TIMEOUT_MS)
        widget.locator(".netlearn-import-button").click(timeout=IMPORT_TIMEOUT_MS)
        started = time.monotonic()
        page.wait_for_function(
            "(el) => /added \\d+/.test(el.innerText) || /✗/.test(el.innerText)",
            arg=widget.locator(".netlearn-message").first.element_handle(),
            timeout=IMPORT_TIMEOUT_MS)
        seconds = time.monotonic() - started
        result = widget.locator(".netlearn-message").first.inner_text()
        assert "added" in result and "✗" not in result, result
        print(f"\n{size_mb:.1f} MB LinkedIn export imported in the browser in {seconds:.0f} s: "
              f"{result}")
        save_and_wait(page, notebook)
    store = Store(default_lab.home)
    try:
        assert store.counts()["contacts"] > 19000  # 20,000 rows, a few the same person
        assert store.counts()["interactions"] > 100000
    finally:
        store.close()
    assert files_holding(names) == holding_before
