"""Browser test harness: one real JupyterLab per session, driven by headless Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = REPO / "notebooks"
IMPORT_FIXTURES = REPO / "tests" / "fixtures" / "cli"
SCREENSHOT_DIR = REPO / "docs" / "screenshots"
#: Where Chromium usually is: Debian's package, Ubuntu's (a snap), then whatever is on PATH.
#: NETLEARN_CHROMIUM points the tests at another one.
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
CHROMIUM_MISSING = ("Chromium not found (looked for /usr/bin/chromium, chromium-browser and "
                    "the snap, and on PATH): browser tests skipped; install it with apt-get "
                    "install chromium, or point NETLEARN_CHROMIUM at a Chromium or Chrome binary")
PLAYWRIGHT_MISSING = ("playwright (Python) is not installed: browser tests skipped "
                      "(install with pip install playwright; Chromium comes from apt)")
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
VIEWPORT = {"width": 1280, "height": 900}
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook in the active tab
SERVER_START_TIMEOUT_S = 90
RUN_ALL_TIMEOUT_S = 180
KERNEL_START_TIMEOUT_S = 90

# JupyterLab user settings for the test server: no autosave (nothing may be written into the
# repository's notebooks), every cell kept in the DOM, no news or update pop-ups.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification": {"checkForUpdates": False,
                                                    "fetchNews": "false"},
}


# -- environment checks ------------------------------------------------------------------


def find_chromium() -> str | None:
    """Return the Chromium binary the tests drive: NETLEARN_CHROMIUM, else the usual places."""
    configured = os.environ.get("NETLEARN_CHROMIUM", "").strip()
    if configured:
        return configured if Path(configured).exists() else None
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_missing_reason() -> str | None:
    """Return why the browser tests cannot run here, or None when they can."""
    if find_chromium() is None:
        return CHROMIUM_MISSING
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return PLAYWRIGHT_MISSING
    return None


def notebook_paths() -> list[Path]:
    """Return the course notebooks, in course order."""
    return sorted(NOTEBOOK_DIR.glob("*.ipynb"))


# -- the learner's data --------------------------------------------------------------------


def seed_hostile_contact(home: Path) -> None:
    """Import a contact whose name is an HTML injection, with interactions, into ``home``.

    The contact is close, has a 30-day cadence and was last in touch months ago, so it
    shows up wherever a notebook lists the learner's own contacts (gone cold, reconnect …).
    """
    from netlearn.network.records import Batch, Contact, Interaction
    from netlearn.store import Store

    now = datetime.now().replace(microsecond=0)
    hostile = Contact(
        name=HOSTILE_NAME, source="browser-test", source_ref="hostile-1",
        company="<b>Bold Corp</b>", position="Engineer", close=True, cadence_days=30,
        connected_on=(now - timedelta(days=400)).date(),
        met_on=(now - timedelta(days=380)).date(),
        notes="<script>alert(2)</script>",
    )
    friend = Contact(
        name="Dana Plain", source="browser-test", source_ref="plain-1", company="Acme",
        cadence_days=60, met_on=(now - timedelta(days=200)).date(),
    )
    interactions = [
        Interaction(when=now - timedelta(days=days), channel=channel, direction=direction,
                    purpose=purpose, contact_key=contact.key, source="browser-test",
                    source_ref=f"i-{contact.source_ref}-{days}")
        for contact, days, channel, direction, purpose in [
            (hostile, 380, "event", "out", "meet"),
            (hostile, 370, "email", "out", "follow_up"),
            (hostile, 300, "linkedin_message", "in", "ask"),
            (hostile, 200, "call", "out", "give"),
            (friend, 190, "in_person", "out", "meet"),
            (friend, 20, "email", "out", "check_in"),
        ]
    ]
    store = Store(home)
    try:
        store.save_batch(Batch(source="browser-test", path="browser-test.csv",
                               contacts=[hostile, friend], interactions=interactions))
    finally:
        store.close()


def seed_imported(home: Path) -> None:
    """A learner who imported their LinkedIn export, a calendar and a CSV log, and who has
    the hostile contact of :func:`seed_hostile_contact`."""
    from netlearn.keep.ingest import import_file
    from netlearn.network.sample import write_sample_linkedin_export
    from netlearn.store import Store

    seed_hostile_contact(home)
    store = Store(home)
    try:
        with tempfile.TemporaryDirectory() as folder:
            import_file(store, "linkedin", write_sample_linkedin_export(folder))
        import_file(store, "ics", IMPORT_FIXTURES / "calendar.ics")
        import_file(store, "csv", IMPORT_FIXTURES / "log.csv")
    finally:
        store.close()


# -- the JupyterLab server -------------------------------------------------------------------


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_lab_settings(settings_dir: Path) -> None:
    """Write the test server's JupyterLab user settings."""
    for plugin, values in LAB_SETTINGS.items():
        target = settings_dir / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")


def _child_pids(pid: int) -> set[int]:
    """Return the ids of the direct children of ``pid`` (Linux /proc; empty elsewhere)."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == str(pid):
            children.add(int(stat.parent.name))
    return children


@dataclass
class LabServer:
    """A running ``jupyter lab`` started by :func:`start_lab`."""

    process: subprocess.Popen
    url: str
    root_dir: Path
    home: Path
    temp_dir: Path
    log_path: Path
    kernel_pids: set[int] = field(default_factory=set)

    def log_tail(self, chars: int = 3000) -> str:
        """Return the end of the server's log."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return "(no server log)"

    def api(self, path: str, method: str = "GET"):
        """Call the server's REST API and return the decoded JSON (or None)."""
        request = urllib.request.Request(self.url + path, method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Shut down every running kernel (each test leaves the server clean)."""
        self.kernel_pids |= _child_pids(self.process.pid)
        try:
            for session in self.api("/api/sessions"):
                self.api(f"/api/sessions/{session['id']}", method="DELETE")
            for kernel in self.api("/api/kernels"):
                self.api(f"/api/kernels/{kernel['id']}", method="DELETE")
        except (OSError, urllib.error.URLError):
            pass

    def stop(self) -> None:
        """Stop the server and its kernels, whatever state they are in; remove temp files."""
        self.kernel_pids |= _child_pids(self.process.pid)
        if self.process.poll() is None:
            try:
                self.api("/api/shutdown", method="POST")
                self.process.wait(timeout=20)
            except (OSError, urllib.error.URLError, subprocess.TimeoutExpired):
                pass
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            if self.process.poll() is not None:
                break
            try:
                os.killpg(self.process.pid, sig)
                self.process.wait(timeout=wait)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        deadline = time.monotonic() + 10
        for pid in self.kernel_pids:
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.2)
            if _alive(pid):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        shutil.rmtree(self.temp_dir, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def start_lab(root_dir: Path = REPO, seed=seed_hostile_contact) -> LabServer:
    """Start ``jupyter lab`` on a free local port with an isolated home; wait for /api/status.

    Parameters
    ----------
    root_dir : Path
        The server's root directory (the repository).
    seed : callable, optional
        Called with the temporary NETLEARN_HOME before the server starts.

    Raises
    ------
    RuntimeError
        When the server does not answer within SERVER_START_TIMEOUT_S (its log is included).
    """
    temp_dir = Path(tempfile.mkdtemp(prefix="netlearn-browser-"))
    home = temp_dir / "netlearn-home"
    home.mkdir()
    if seed is not None:
        seed(home)
    write_lab_settings(temp_dir / "lab-settings")
    port = free_port()
    env = dict(os.environ)
    for name in ("NETLEARN_CONTENT", "NETLEARN_FACILITATOR", "JUPYTER_PATH",
                 "JUPYTER_CONFIG_PATH"):
        env.pop(name, None)
    env.update({
        "NETLEARN_HOME": str(home),
        "MPLBACKEND": "Agg",
        "JUPYTER_CONFIG_DIR": str(temp_dir / "jupyter-config"),
        "JUPYTER_DATA_DIR": str(temp_dir / "jupyter-data"),
        "JUPYTER_RUNTIME_DIR": str(temp_dir / "jupyter-runtime"),
        "IPYTHONDIR": str(temp_dir / "ipython"),
        "JUPYTERLAB_WORKSPACES_DIR": str(temp_dir / "lab-workspaces"),
        "JUPYTERLAB_SETTINGS_DIR": str(temp_dir / "lab-settings"),
        "MPLCONFIGDIR": str(temp_dir / "matplotlib"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    })
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
        f"--port={port}", "--ServerApp.port_retries=0", "--ServerApp.token=",
        "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
        f"--ServerApp.root_dir={root_dir}", "--ServerApp.terminals_enabled=False",
        "--LabApp.expose_app_in_browser=True",  # PROMPTS_JS reads collapsed cells' counts
        # JupyterLab checkpoints every notebook it opens: keep those out of the repository.
        f"--FileCheckpoints.checkpoint_dir={temp_dir / 'checkpoints'}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log_path = temp_dir / "jupyter-lab.log"
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(command, env=env, cwd=root_dir, stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    server = LabServer(process, f"http://127.0.0.1:{port}", Path(root_dir), home, temp_dir,
                       log_path)
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while True:
        if process.poll() is not None:
            tail = server.log_tail()
            server.stop()
            raise RuntimeError(f"jupyter lab exited with {process.returncode}:\n{tail}")
        try:
            status = server.api("/api/status")
            if status is not None:
                return server
        except (OSError, urllib.error.URLError, ValueError):
            pass
        if time.monotonic() > deadline:
            tail = server.log_tail()
            server.stop()
            raise RuntimeError(f"jupyter lab did not answer /api/status within "
                               f"{SERVER_START_TIMEOUT_S} s:\n{tail}")
        time.sleep(0.3)


def launch_chromium(playwright):
    """Launch Debian's headless Chromium (playwright cannot download browsers here)."""
    return playwright.chromium.launch(executable_path=find_chromium(), headless=True,
                                      args=CHROMIUM_ARGS)


# -- driving JupyterLab ------------------------------------------------------------------------

# The status bar's kernel item reads "<kernel> | <state>", e.g. "Python 3 (ipykernel) | Idle".
KERNEL_STATUS_JS = """() => {
  for (const item of document.querySelectorAll('.jp-StatusBar-TextItem')) {
    const text = (item.textContent || '').trim();
    if (/^.+ \\| [A-Z][A-Za-z ]*$/.test(text)) { return text; }
  }
  return '';
}"""

OUTPUT_PROBLEMS_JS = """(panelSelector) => {
  const panel = document.querySelector(panelSelector);
  const cells = Array.from(panel.querySelectorAll('.jp-Notebook .jp-Cell'));
  const where = (el) => 'cell ' + cells.indexOf(el.closest('.jp-Cell'));
  const problems = [];
  const stderr = new Set(panel.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"],' +
    '.jp-RenderedText[data-mime-type*="stderr"]'));
  for (const el of stderr) {
    const text = el.innerText || el.textContent || '';
    if (/Traceback|Error/.test(text)) {
      problems.push(where(el) + ': error output: ' + text.slice(0, 1200));
    }
  }
  for (const el of panel.querySelectorAll('.jp-OutputArea-output')) {
    const text = el.innerText || el.textContent || '';
    for (const marker of ['Error displaying widget', 'Loading widget...', 'Loading widget…',
                          'run the notebook in JupyterLab to use it']) {
      if (text.includes(marker)) {
        problems.push(where(el) + ': widget not rendered ("' + marker + '"): ' +
                      text.slice(0, 300));
      }
    }
  }
  return problems;
}"""

# A collapsed code cell (jupyter.source_hidden) shows no input prompt, so the execution
# counts are read from the notebook's model (the server exposes window.jupyterapp); the
# DOM's prompts are the fallback.
PROMPTS_JS = """() => {
  const app = window.jupyterapp;
  const panel = app && app.shell && app.shell.currentWidget;
  if (panel && panel.content && panel.content.widgets) {
    return panel.content.widgets.filter(c => c.model.type === 'code').map(c => {
      if (c.model.executionState === 'running') { return '[*]:'; }
      const n = c.model.executionCount;
      return n ? '[' + n + ']:' : '[ ]:';
    });
  }
  return Array.from(document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt'
  )).map(p => (p.textContent || '').trim());
}"""


def kernel_status(page) -> str:
    """Return the status bar's kernel text, e.g. ``"Python 3 (ipykernel) | Idle"``."""
    return page.evaluate(KERNEL_STATUS_JS)


def wait_kernel_idle(page, timeout_s: float = KERNEL_START_TIMEOUT_S, settle_s: float = 0.5):
    """Wait until the status bar reports the kernel Idle (and it stays Idle for ``settle_s``)."""
    deadline = time.monotonic() + timeout_s
    idle_since = None
    status = ""
    while time.monotonic() < deadline:
        status = kernel_status(page)
        if status.endswith("| Idle"):
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since >= settle_s:
                return status
        else:
            idle_since = None
        time.sleep(0.2)
    raise TimeoutError(f"kernel not idle after {timeout_s:.0f} s (status bar: {status!r})")


def open_notebook(page, base_url: str, relative_path: str) -> None:
    """Open a notebook in a fresh JupyterLab workspace and wait for an idle kernel."""
    page.goto(f"{base_url}/lab/tree/{relative_path}?reset", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=90_000)
    open_tab = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if open_tab.count():  # collapse the file browser: more room for the notebook
        open_tab.first.click()
    wait_kernel_idle(page)


def run_menu_command(page, menu: str, item: str) -> None:
    """Click ``menu`` in the menu bar, then ``item`` in the menu that opens."""
    page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Escape")
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{re.escape(menu)}$")).click()
    entry = page.locator(".lm-Menu-content .lm-Menu-item:not(.lm-mod-disabled)",
                         has=page.locator(".lm-Menu-itemLabel",
                                          has_text=re.compile(rf"^{re.escape(item)}$")))
    entry.first.click()


def code_prompts(page) -> list[str]:
    """Return the input prompts of every code cell, e.g. ``["[1]:", "[*]:", "[ ]:"]``."""
    return page.evaluate(PROMPTS_JS)


RUN_WATCH_JS = """() => {
  window.__netlearnRunStarted = false;
  const notebook = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  const prompts = """ + PROMPTS_JS + """;
  const check = () => {
    if (prompts().some(p => p.includes('*'))) { window.__netlearnRunStarted = true; }
  };
  if (window.__netlearnRunObserver) { window.__netlearnRunObserver.disconnect(); }
  window.__netlearnRunObserver = new MutationObserver(check);
  window.__netlearnRunObserver.observe(
    notebook, {subtree: true, childList: true, characterData: true});
}"""


def watch_for_run(page) -> None:
    """Start noticing a cell being queued or run ("[*]") from now on."""
    page.evaluate(RUN_WATCH_JS)


def output_problems(page) -> list[str]:
    """Return error outputs and unrendered widgets in the open notebook."""
    return page.evaluate(OUTPUT_PROBLEMS_JS, PANEL)


def wait_all_executed(page, timeout_s: float = RUN_ALL_TIMEOUT_S) -> None:
    """Wait until a run started (see :func:`watch_for_run`), every code cell has an
    execution count and the status bar shows the kernel Idle.

    Raises
    ------
    RuntimeError
        When the run stopped early (a cell raised), with the error outputs.
    TimeoutError
        When the run has not finished after ``timeout_s``.
    """
    deadline = time.monotonic() + timeout_s
    prompts: list[str] = []
    status = ""
    stopped_since = None
    while time.monotonic() < deadline:
        prompts = code_prompts(page)
        started = (page.evaluate("() => window.__netlearnRunStarted === true")
                   or any("*" in p for p in prompts))
        status = kernel_status(page)
        idle = status.endswith("| Idle")
        counted = [bool(re.fullmatch(r"\[\d+\]:", p)) for p in prompts]
        if started and prompts and all(counted) and idle:
            time.sleep(0.7)  # let the last comm messages render their widgets
            if kernel_status(page).endswith("| Idle") and code_prompts(page) == prompts:
                return
        elif started and idle and not any("*" in p for p in prompts):
            stopped_since = stopped_since or time.monotonic()
            if time.monotonic() - stopped_since > 3:
                pending = [i for i, done in enumerate(counted) if not done]
                raise RuntimeError(
                    f"Run All stopped before code cells {pending} (of {len(prompts)}):\n"
                    + "\n".join(output_problems(page)))
        else:
            stopped_since = None
        time.sleep(0.3)
    pending = [i for i, p in enumerate(prompts) if not re.fullmatch(r"\[\d+\]:", p)]
    raise TimeoutError(f"run not finished after {timeout_s:.0f} s: kernel {status!r}, "
                       f"code cells without an execution count: {pending} ({prompts})")


def run_all_cells(page, timeout_s: float = RUN_ALL_TIMEOUT_S) -> None:
    """Run → Run All Cells, then wait for every cell and an idle kernel."""
    watch_for_run(page)
    run_menu_command(page, "Run", "Run All Cells")
    wait_all_executed(page, timeout_s)


def restart_and_run_all(page, timeout_s: float = RUN_ALL_TIMEOUT_S) -> None:
    """Kernel → Restart Kernel and Run All Cells…, confirm, then wait for the run to finish."""
    run_menu_command(page, "Kernel", "Restart Kernel and Run All Cells…")
    page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept").click(timeout=15_000)
    watch_for_run(page)
    page.wait_for_selector(".jp-Dialog", state="detached", timeout=15_000)
    wait_all_executed(page, timeout_s)


def failure_screenshot(page, name: str) -> str:
    """Save a screenshot for a failing test in a temp dir; return its path."""
    target = Path(tempfile.gettempdir()) / "netlearn-browser-failures"
    target.mkdir(exist_ok=True)
    path = target / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}-{int(time.time())}.png"
    try:
        page.screenshot(path=str(path))
    except Exception as exc:  # noqa: BLE001 - a screenshot must never hide the real failure
        return f"(screenshot failed: {exc})"
    return str(path)


@contextmanager
def screenshot_on_failure(page, name: str):
    """Fail with the block's error and the path of a screenshot taken at that moment."""
    try:
        yield
    except (Exception, pytest.fail.Exception) as exc:
        shot = failure_screenshot(page, name)
        kind = "" if isinstance(exc, (AssertionError, pytest.fail.Exception)) \
            else f"{type(exc).__name__}: "
        pytest.fail(f"{kind}{exc}\nscreenshot: {shot}", pytrace=False)


def fail_listing(problems: list[str], heading: str) -> None:
    """Fail the test with ``heading`` and one line per problem, when there are any."""
    if problems:
        pytest.fail(heading + "\n" + "\n".join(f"  {p}" for p in problems), pytrace=False)


# -- the course's widgets ----------------------------------------------------------------------

VERDICT_SYMBOLS = ("✓", "✗", "◐")
QUIZ_INPUTS = (("radio", "input[type=radio]"), ("checkbox", "input[type=checkbox]"),
               ("toggle", "button.widget-toggle-button"))


def has_verdict(text: str) -> bool:
    """Return True when ``text`` carries a correctness symbol (✓, ✗ or ◐)."""
    return any(symbol in text for symbol in VERDICT_SYMBOLS)


@dataclass
class QuizAnswer:
    """An answer given in the browser: the n-th quiz question, input kind and option index."""

    question: int
    kind: str  # "radio", "checkbox" or "toggle"
    choice: int


def quiz_questions(page):
    """Return a locator over the open notebook's quiz questions."""
    return page.locator(f"{PANEL} .netlearn-quiz .netlearn-question")


def choose_quiz_option(page, question_index: int = 0, choice: int | None = None) -> QuizAnswer:
    """Select an option of a quiz question (by default one that is not selected yet)."""
    question = quiz_questions(page).nth(question_index)
    found = [(kind, question.locator(selector)) for kind, selector in QUIZ_INPUTS
             if question.locator(selector).count()]
    assert found, f"quiz question {question_index + 1} has no radio, checkbox or toggle inputs"
    kind, options = found[0]
    if kind == "toggle":
        if choice is None:
            choice = 1 if "mod-active" in (options.first.get_attribute("class") or "") else 0
        options.nth(choice).click()
    else:
        if choice is None:
            choice = 1 if options.first.is_checked() else 0
        options.nth(choice).check()
    return QuizAnswer(question_index, kind, choice)


def check_quiz_answer(page, question_index: int = 0, timeout_ms: int = 30_000) -> str:
    """Click "Check answer" and wait for new feedback with a ✓/✗/◐ verdict; return its text."""
    question = quiz_questions(page).nth(question_index)
    feedback = question.locator(".netlearn-feedback")
    before = feedback.inner_text()
    question.locator("button.netlearn-check").click()
    page.wait_for_function(
        "([el, before]) => el.innerText !== before && /[✓✗◐]/.test(el.innerText)",
        arg=[feedback.element_handle(), before], timeout=timeout_ms)
    return feedback.inner_text()


def answer_quiz_item(page) -> QuizAnswer:
    """Answer the first quiz question with an option not chosen before, and check it."""
    assert quiz_questions(page).count(), "the quiz shows no questions (.netlearn-question)"
    answer = choose_quiz_option(page)
    check_quiz_answer(page, answer.question)
    return answer


# -- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def lab_server():
    """A real JupyterLab for the session; its isolated NETLEARN_HOME holds an imported
    LinkedIn export, calendar and CSV log, and a contact whose name is HTML."""
    reason = browser_missing_reason()
    if reason:
        pytest.skip(reason)
    server = start_lab(REPO, seed=seed_imported)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium for the session."""
    reason = browser_missing_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class NotebookPage:
    """A browser page on the lab server, with the dialogs and page errors it saw."""

    page: object
    server: LabServer
    dialogs: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)

    def open(self, notebook: Path) -> None:
        open_notebook(self.page, self.server.url, notebook.relative_to(REPO).as_posix())


@pytest.fixture(scope="session")
def browser_context(browser):
    """One browser context (shared HTTP cache, so JupyterLab loads fast after the first page)."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(30_000)
    try:
        yield context
    finally:
        context.close()


def new_notebook_page(context, server: LabServer) -> NotebookPage:
    """Open a page in ``context`` on ``server`` that records its dialogs and page errors."""
    page = context.new_page()
    handle = NotebookPage(page, server)

    def on_dialog(dialog):
        if dialog.type != "beforeunload":
            handle.dialogs.append(f"{dialog.type}: {dialog.message}")
        try:
            dialog.dismiss()
        except Exception:  # noqa: BLE001 - the page may be closing
            pass

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: handle.page_errors.append(str(error)))
    return handle


# -- one Run All per notebook, shared by the tests that read it ------------------------------
#
# The notebook, keyboard, accessibility, axe-core and zoom tests each need a notebook that was
# opened and run (Run → Run All Cells) on the session's lab. They are put next to each other,
# notebook by notebook (pytest_collection_modifyitems), and the ``notebook_run`` fixture hands
# the same page to each of them: the notebook runs once, then the next test goes on from the
# state the one before left (the notebook test ends on Restart Kernel and Run All Cells; the
# keyboard test comes next, while each quiz holds the one answer the notebook test gave). A
# test that changes the page for good (zoom, an injected element) marks the run ``spent``; a
# test that fails or errors discards the page; either way the next test starts a fresh run.

SHARED_RUN_ORDER = {"test_notebooks_in_browser": 0, "test_keyboard": 1, "test_accessibility": 2,
                    "test_axe": 3, "test_zoom_reflow": 4}


@dataclass
class NotebookRun:
    """A notebook opened in a page on the session's lab, run once for several tests."""

    notebook: Path
    handle: NotebookPage
    ran: bool = False
    spent: bool = False  # changed in a way the next test must not inherit (e.g. zoomed)

    @property
    def page(self):
        return self.handle.page

    def ensure_run(self) -> bool:
        """Open the notebook and Run All Cells, unless an earlier test did; True when this did."""
        if self.ran:
            return False
        self.handle.open(self.notebook)
        run_all_cells(self.page)
        self.ran = True
        return True

    def close(self) -> None:
        """Close the page and shut down its kernel."""
        try:
            self.page.close()
        finally:
            self.handle.server.shutdown_kernels()


def _notebook_param(item):
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("notebook") if callspec else None


def _shares_run(item) -> bool:
    return "notebook_run" in getattr(item, "fixturenames", ()) and _notebook_param(item)


def pytest_collection_modifyitems(config, items):
    """Put the tests that share a notebook's run next to each other, notebook by notebook."""
    shared = [item for item in items if _shares_run(item)]
    if not shared:
        return
    first = items.index(shared[0])
    rest = [item for item in items if not _shares_run(item)]
    order = {path: index for index, path in enumerate(notebook_paths())}
    shared.sort(key=lambda item: (order.get(_notebook_param(item), len(order)),
                                  SHARED_RUN_ORDER.get(item.module.__name__.rsplit(".", 1)[-1],
                                                       len(SHARED_RUN_ORDER))))
    items[:] = rest[:first] + shared + rest[first:]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    """Let ``notebook_run`` see which test comes next (it keeps the page only for it)."""
    item.netlearn_next_item = nextitem


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item (``notebook_run`` reads whether it passed)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"netlearn_report_{report.when}", report)


@pytest.fixture(scope="session")
def _shared_runs(lab_server):
    """The session's shared notebook run (at most one page open at a time)."""
    holder: dict[str, NotebookRun | None] = {"run": None}
    try:
        yield holder
    finally:
        if holder["run"] is not None:
            holder["run"].close()


@pytest.fixture
def notebook_run(request, _shared_runs, browser_context, lab_server) -> NotebookRun:
    """This test's ``notebook``, open in a 1280×900 page on the session's lab; shared with the
    next test of the same notebook while the tests pass. Call ``ensure_run()`` first."""
    notebook = _notebook_param(request.node)
    current = _shared_runs["run"]
    if current is not None and current.notebook != notebook:
        current.close()
        current = None
    if current is None:
        current = NotebookRun(notebook, new_notebook_page(browser_context, lab_server))
        _shared_runs["run"] = current
    yield current
    reports = [getattr(request.node, f"netlearn_report_{when}", None) for when in ("setup", "call")]
    passed = all(report is not None and report.passed for report in reports)
    nextitem = getattr(request.node, "netlearn_next_item", None)
    keep = (passed and not current.spent and nextitem is not None and _shares_run(nextitem)
            and _notebook_param(nextitem) == notebook)
    if not keep:
        _shared_runs["run"] = None
        current.close()
