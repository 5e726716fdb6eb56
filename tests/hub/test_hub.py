"""N learners at once on a real JupyterHub: spawn, nbgitpuller, notebook 01, a quiz answer, checks.

Opt-in: ``python -m pytest -m hub`` (``NETLEARN_HUB_LEARNERS=10`` for ten learners; default 5).
Needs ``pip install -e '.[hub]'``, node with npm and git; configurable-http-proxy is installed
with npm into ``~/.cache/netlearn-hub-test`` (``NETLEARN_HUB_CACHE``) on first use.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from netlearn.facilitator.links import nbgitpuller_link

from . import hubkit

pytestmark = pytest.mark.hub

NOTEBOOK = "netlearn/notebooks/01-preparation.ipynb"
TOPIC = "01-preparation"
DB = Path(".local/share/netlearn/netlearn.db")  # NETLEARN_HOME's default under a learner's $HOME

# Log lines that match hubkit.ERROR_LINE but report no fault, each with why it is harmless.
ALLOWED_LOG_LINES = (
    # The test's own stop: JupyterHub logs the SIGTERM it is sent at CRITICAL level.
    r"^\[C [\d\- :.]+ JupyterHub app:\d+\] Received signal SIGTERM, initiating shutdown",
)

# Answers a quiz item and saves a reflection through netlearn's widgets, as clicks would.
ANSWER = """
import netlearn
_quiz = netlearn.quiz({topic!r})
_quiz.questions[0].radio.value = {choice!r}
_quiz.questions[0].check_button.click()
_reflection = netlearn.reflection({topic!r})
_reflection.entries[0].textarea.value = {marker!r}
_reflection.entries[0].save_button.click()
"""
READ_BACK = (f"{{'answers': netlearn.get_store().last_answers({TOPIC!r}), "
             f"'reflections': [r['text'] for r in "
             f"netlearn.get_store().reflections({TOPIC!r}).values()], "
             "'db': str(netlearn.get_store().path)}")


@pytest.fixture(scope="module")
def hub():
    reason = hubkit.missing()
    if reason:
        pytest.skip(reason)
    try:
        hubkit.ensure_proxy()
    except Exception as exc:  # noqa: BLE001 (no network, npm error: say so and skip)
        pytest.skip(f"could not install configurable-http-proxy with npm: {exc}")
    with hubkit.running_hub() as running:
        yield running
    # After the stop, so that the shutdown (servers, kernels, proxy) is checked too.
    errors = hubkit.error_lines(running.final_log, ALLOWED_LOG_LINES)
    assert errors == [], "error lines in the hub's log:\n" + "\n".join(errors)


@pytest.fixture(scope="module")
def origin(hub):
    """The course as a local git repository (the worktree's committed HEAD), and its link."""
    repo = hubkit.course_repository(hub.workdir / "origin")
    return repo, nbgitpuller_link(hub.url, f"file://{repo}")


def learner_run(hub, link, index):
    """One learner: log in, spawn, pull, run notebook 01, answer; return what happened."""
    learner = hub.learner(f"learner-{index}")
    spawn_s = learner.spawn()
    # The printed link, opened by a logged-in learner, lands on their server's nbgitpuller page,
    # whose JavaScript then calls the API that learner.pull() calls with the link's query.
    page = learner.login().get(link, timeout=600)
    landed = (page.status_code, urlsplit(page.url).path, parse_qs(urlsplit(page.url).query))
    learner.pull(link)
    notebook = learner.request("GET", f"api/contents/{NOTEBOOK}").json()["content"]
    marker = f"reflection of learner-{index} {uuid.uuid4().hex}"
    choice = "abcd"[index % 4]
    with learner.kernel(NOTEBOOK) as kernel:
        results = kernel.run_notebook(notebook)
        answer = kernel.execute(ANSWER.format(topic=TOPIC, choice=choice, marker=marker))
        seen = kernel.value(READ_BACK, setup='import netlearn')
    return {"learner": learner, "spawn_s": spawn_s, "landed": landed, "results": results,
            "answer": answer, "marker": marker, "choice": choice, "seen": seen}


@pytest.fixture(scope="module")
def cohort(hub, origin):
    n = hubkit.learners_wanted()
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(lambda i: learner_run(hub, origin[1], i), range(n)))


def read_store(home: Path) -> dict:
    conn = sqlite3.connect(f"file:{home / DB}?mode=ro", uri=True)
    try:
        return {"answers": conn.execute("SELECT item_id, answer FROM answers").fetchall(),
                "reflections": [r[0] for r in conn.execute("SELECT text FROM reflections")]}
    finally:
        conn.close()


def raw_bytes(home: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (home / DB).parent.glob("netlearn.db*"))


def test_every_learner_runs_notebook_01_and_answers(cohort):
    assert len(cohort) == hubkit.learners_wanted()
    for run in cohort:
        name = run["learner"].name
        status, path, query = run["landed"]
        assert (status, path) == (200, f"/user/{name}/git-pull"), run["landed"]
        assert query["targetpath"] == ["netlearn"] and query["repo"][0].startswith("file:///")
        assert sum(1 for _ in run["results"]) >= 5, name
        assert hubkit.problems(run["results"]) == [], name
        assert [o for o in run["answer"] if o["type"] == "error"] == [], name
        assert run["seen"]["answers"]["prep-q24"]["answer"] == run["choice"], name
        assert run["seen"]["reflections"] == [run["marker"]], name
        # NETLEARN_HOME defaulted to the learner's own data folder, outside the pulled course.
        assert Path(run["seen"]["db"]) == run["learner"].home / DB, name


def test_each_store_holds_its_own_learner_and_no_one_else(cohort):
    markers = {run["learner"].name: run["marker"] for run in cohort}
    for run in cohort:
        home, name = run["learner"].home, run["learner"].name
        stored = read_store(home)
        assert ("prep-q24", json.dumps(run["choice"])) in stored["answers"], name
        assert stored["reflections"] == [run["marker"]], name
        others = [m for other, m in markers.items() if other != name]
        data = raw_bytes(home)
        assert not [m for m in others if m.encode() in data], f"{name}'s store has others' data"
        assert not [p for p in run["learner"].home.rglob("netlearn.db*") if p.parent
                    != home / DB.parent], f"{name}: a netlearn store outside NETLEARN_HOME"


def test_pulled_copies_stay_clean(cohort):
    for run in cohort:
        copy = run["learner"].home / "netlearn"
        assert (copy / "notebooks" / "01-preparation.ipynb").exists()
        assert hubkit.git("status", "--porcelain", "--untracked-files=all", cwd=copy) == "", \
            run["learner"].name


def test_unwritable_home_shows_the_stores_one_line_error(hub, origin):
    learner = hub.learner("learner-readonly")
    share = learner.home / ".local" / "share"
    (share / "jupyter").mkdir(parents=True)  # the server's own runtime files stay writable
    if not hubkit.lock(share):
        pytest.skip("cannot make a directory unwritable here (no chattr +i as root)")
    try:
        learner.spawn()
        learner.pull(origin[1])
        notebook = learner.request("GET", f"api/contents/{NOTEBOOK}").json()["content"]
        with learner.kernel(NOTEBOOK) as kernel:
            results = kernel.run_notebook(notebook)
        errors = [o for _, outputs in results for o in outputs if o["type"] == "error"]
        assert len(errors) == 1, errors
        assert errors[0]["ename"] == "StoreError"
        lines = errors[0]["traceback"]
        assert len(lines) == 1 and "\n" not in lines[0], lines
        assert str(share / "netlearn") in lines[0] and "writable directory" in lines[0], lines
        assert "Traceback" not in lines[0]
        learner.stop()
    finally:
        hubkit.unlock(learner.home)


def test_two_servers_of_one_learner_writing_at_once_lose_nothing(hub, cohort):
    learner = cohort[0]["learner"]
    learner.spawn("second")
    clicks = 100
    burst = (f"import netlearn\n_q = netlearn.quiz({TOPIC!r})\n_q.questions[0].radio.value = 'b'\n"
             f"for _ in range({clicks}):\n    _q.questions[0].check_button.click()\n")
    before = len(read_store(learner.home)["answers"])
    with learner.kernel(NOTEBOOK) as first, learner.kernel(NOTEBOOK, "second") as second:
        with ThreadPoolExecutor(max_workers=2) as pool:
            outputs = list(pool.map(lambda k: k.execute(burst), (first, second)))
    assert [o for out in outputs for o in out if o["type"] == "error"] == []
    learner.stop("second")
    assert len(read_store(learner.home)["answers"]) == before + 2 * clicks


def test_a_pull_keeps_the_learners_edit(hub, origin, cohort):
    learner = cohort[-1]["learner"]
    model = learner.request("GET", f"api/contents/{NOTEBOOK}").json()
    note = f"My own note {uuid.uuid4().hex}"
    model["content"]["cells"].append({"cell_type": "markdown", "id": "learner-note",
                                      "metadata": {}, "source": note})
    learner.request("PUT", f"api/contents/{NOTEBOOK}",
                    json={"type": "notebook", "format": "json", "content": model["content"]})
    repo = origin[0]
    upstream = f"Upstream change {uuid.uuid4().hex}"
    readme = repo / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + f"\n{upstream}\n", encoding="utf-8")
    hubkit.git("commit", "-q", "-am", "upstream change", cwd=repo)
    learner.pull(origin[1])
    copy = learner.home / "netlearn"
    assert note in (copy / "notebooks" / "01-preparation.ipynb").read_text(encoding="utf-8")
    assert upstream in (copy / "README.md").read_text(encoding="utf-8")


def test_answers_survive_a_server_restart(cohort):
    def restart(run):
        learner = run["learner"]
        with learner.kernel(NOTEBOOK) as kernel:
            before = kernel.value(READ_BACK, setup='import netlearn')
        learner.stop()
        learner.spawn()
        with learner.kernel(NOTEBOOK) as kernel:
            return before, kernel.value(READ_BACK, setup='import netlearn')

    with ThreadPoolExecutor(max_workers=len(cohort)) as pool:
        seen = list(pool.map(restart, cohort))
    for run, (before, after) in zip(cohort, seen, strict=True):
        assert before["answers"] and after == before, run["learner"].name
        assert after["reflections"] == [run["marker"]], run["learner"].name


def test_no_log_line_reports_an_error(hub, cohort):
    log = hub.log_text()
    # The log holds the hub's, the proxy's and every server's lines, in the format ERROR_LINE reads.
    assert re.search(r"^\[I \d{4}-\d\d-\d\d [\d:.]+ JupyterHub ", log, re.M)
    assert re.search(r"^\[I \d{4}-\d\d-\d\d [\d:.]+ ServerApp\]", log, re.M)
    assert "[ConfigProxy]" in log
    assert hub.error_lines(ALLOWED_LOG_LINES) == []
