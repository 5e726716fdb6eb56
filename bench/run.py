"""Benchmarks on the learner's path, each measure against a floor measured in the same run
or, where the target is an absolute one, against that budget (medians of interleaved runs).

Usage: python bench/run.py [--only import,metrics,lines,...] [--repeat N] [--size full|small]
                           [--baseline REV]
       python bench/run.py --only hub,serverimport [--learners 1,5,10]
       python bench/run.py --only hubsizing [--burst 10]
       (hub and hubsizing need pip install -e '.[hub]' and npm; serverimport: rfc3987_syntax's
       import cost)

--only picks measures (comma-separated; the default is every one but hub, hubsizing and
serverimport):
  import    a LinkedIn export imported in a Jupyter kernel the way the upload widget does it,
            vs pandas read_csv + to_sql of the same files in a kernel too; the typical export
            (3k connections, 20k messages, complete archive) ≤ 1.3×, the 200k one ≤ 1.5×
  metrics   my_network() and every metric the notebooks call, in a new kernel over the
            imported export: ≤ 0.5 s (typical), ≤ 3 s (200k)
  lines     the package's line count (netlearn/**/*.py), now vs --baseline
  startup   import netlearn and show the first quiz, in a new process
  callback  the quiz's "Check answer" click
  ics       reading a calendar with a pathological repeat rule
  nbval     the whole course under nbval
  browser   click-to-feedback in a real JupyterLab
  hub       learners on a local JupyterHub; serverimport: jupyter_server's import cost
  hubsizing every notebook's memory and CPU on a local JupyterHub, own data too, and the
            start-up burst of --burst learners at once (bench/hub_sizing.py)
--size small runs the same shapes 10 to 50 times smaller: a smoke test, not a measure.

Targets are reported, not asserted: a figure over its target shows OVER, and the exit status
is non-zero only on an error. Time only on a machine nobody else is using.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from learner_path import EXPORTS, bench_learner_path

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
ROWS: list[tuple] = []
HEADER = ("measure", "value", "floor", "ratio", "target", "")
MEASURES = ("import", "metrics", "lines", "startup", "callback", "ics", "nbval", "browser",
            "hub", "serverimport", "hubsizing")
DEFAULT = "import,metrics,lines,startup,callback,ics,nbval,browser"
BASELINE = "635bca5"  # the last commit before the package moved into rooms


def _shown(value, unit) -> str:
    return f"{value:,.0f} {unit}" if abs(value) >= 1000 else f"{value:.3g} {unit}"


def report(name, value, floor, unit, target, kind="ratio"):
    """Record one row and print it.

    ``kind`` "ratio": value / floor against ``target`` (×); "abs": value against the
    absolute ``target`` (in ``unit``; no floor); "info": no target, only the ratio to
    ``floor`` when there is one (``floor`` None: none).
    """
    no_floor = floor is None or kind == "abs"
    shown_floor = "—" if no_floor else _shown(floor, unit)
    ratio = value / floor if floor else float("inf")
    shown_ratio = "—" if no_floor else f"{ratio:.2f}×"
    if kind == "info":
        target_text, verdict = "—", "info"
    elif kind == "ratio":
        target_text, verdict = f"≤ {target}×", "ok" if ratio <= target else "OVER"
    else:
        target_text, verdict = f"≤ {target} {unit}", "ok" if value <= target else "OVER"
    ROWS.append((name, _shown(value, unit), shown_floor, shown_ratio, target_text, verdict))
    print(f"  {ROWS[-1]}", flush=True)


def run_child(code: str, env=None, args=()) -> dict:
    """Run Python code in a fresh process; it prints a JSON dict as its last line."""
    result = subprocess.run([PY, "-c", code, *args], capture_output=True, text=True,
                            env={**os.environ, **(env or {})}, cwd=REPO, timeout=3600)
    if result.returncode != 0:
        raise RuntimeError(f"child failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- the package's size ------------------------------------------------------------------

def _git(*args) -> str:
    result = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def package_lines(revision: str | None = None) -> tuple[int, int]:
    """Return (files, lines) of netlearn/**/*.py: as checked out now, or at ``revision``."""
    if revision is None:
        texts = [path.read_text(encoding="utf-8")
                 for path in sorted((REPO / "netlearn").rglob("*.py"))]
    else:
        names = _git("ls-tree", "-r", "--name-only", revision, "--", "netlearn").splitlines()
        texts = [_git("show", f"{revision}:{name}") for name in names if name.endswith(".py")]
    return len(texts), sum(len(text.splitlines()) for text in texts)


def bench_lines(baseline: str):
    """The package's line count now against the same count at ``baseline``."""
    files, lines = package_lines()
    old_files, old_lines = package_lines(baseline)
    print(f"  netlearn/**/*.py: {files} files now, {old_files} at {baseline}", flush=True)
    report(f"lines of netlearn/**/*.py: now vs at {baseline}", lines, old_lines, "lines", None,
           kind="info")


# -- new learner: import netlearn and the first quiz ---------------------------------------

def bench_startup(repeat):
    """`import netlearn` (and rendering the first quiz) vs `import ipywidgets` alone."""

    def importtime(module):
        out = subprocess.run([PY, "-X", "importtime", "-c", f"import {module}"],
                             capture_output=True, text=True, cwd=REPO).stderr
        total = 0
        for line in out.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[2].strip() == module:
                total = int(parts[1].strip())
        return total / 1e6

    ours = statistics.median(importtime("netlearn") for _ in range(repeat))
    floor = statistics.median(importtime("ipywidgets") for _ in range(repeat))
    report("import netlearn (-X importtime) vs import ipywidgets", ours, floor, "s", 1.2)

    code = textwrap.dedent("""
        import json, sys, tempfile, time, os
        os.environ["NETLEARN_HOME"] = tempfile.mkdtemp()  # a new learner: nothing cached
        start = time.perf_counter()
        if sys.argv[1] == "quiz":
            import netlearn
            netlearn.quiz("01-preparation")
            assert "pandas" not in sys.modules and "matplotlib" not in sys.modules
        else:
            import ipywidgets
            ipywidgets.VBox([ipywidgets.RadioButtons(options=["a", "b"]),
                             ipywidgets.Button(description="Check")])
        print(json.dumps({"s": time.perf_counter() - start}))
    """)
    quiz = statistics.median(run_child(code, args=("quiz",))["s"] for _ in range(repeat))
    bare = statistics.median(run_child(code, args=("bare",))["s"] for _ in range(repeat))
    report("new learner: import netlearn + first quiz vs ipywidgets + a bare form", quiz, bare,
           "s", 3.0)



# -- widget callback ---------------------------------------------------------------------

def bench_callback():
    """Check-answer callback in-kernel: grade + save + render feedback."""
    code = textwrap.dedent("""
        import json, os, tempfile
        os.environ["NETLEARN_HOME"] = tempfile.mkdtemp()
        from bench.widget_callback import measure_check_answer
        print(json.dumps(measure_check_answer(n=50)))
    """)
    out = run_child(code)
    report("check-answer callback median", out["median_ms"], 0, "ms", 20, kind="abs")


# -- calendar rules -----------------------------------------------------------------------

ICS_RULES = (  # the pathological rules of tests/importers/test_ics.py
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=HOURLY;BYMONTH=4;BYMONTHDAY=31",
    "FREQ=DAILY;INTERVAL=7;BYDAY=MO", "FREQ=DAILY;INTERVAL=7;BYDAY=WE",
    "FREQ=MONTHLY;BYDAY=2TU;COUNT=3", "FREQ=SECONDLY",
)
ICS_FLOOR_RULE = "FREQ=WEEKLY;BYDAY=WE"  # a plain weekly meeting over the same span


def bench_ics(repeat, workdir):
    """Reading an event with a pathological RRULE vs one with a plain weekly rule."""
    from datetime import date

    from netlearn.importers import ics

    files = {}
    for number, rule in enumerate((ICS_FLOOR_RULE, *ICS_RULES)):
        path = workdir / f"rule-{number}.ics"
        path.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:r\nSUMMARY:R\n"
                        f"DTSTART:20250101T100000\nRRULE:{rule}\nEND:VEVENT\nEND:VCALENDAR\n",
                        encoding="utf-8")
        files[rule] = path
    times = {rule: [] for rule in files}
    for _ in range(max(repeat, 5)):  # interleaved: every rule once per round
        for rule, path in files.items():
            start = time.perf_counter()
            ics.read_ics(path, today=date(2026, 2, 1))
            times[rule].append(time.perf_counter() - start)
    floor = statistics.median(times[ICS_FLOOR_RULE])
    worst = max(ICS_RULES, key=lambda rule: statistics.median(times[rule]))
    report(f"ics: worst pathological RRULE ({worst}) vs a weekly rule",
           statistics.median(times[worst]), floor, "s", 100)


# -- whole course under nbval -------------------------------------------------------------

BARE_CELLS = [
    "import pandas as pd\nimport matplotlib.pyplot as plt\nimport ipywidgets as w\n"
    "%matplotlib inline",
    "fig, ax = plt.subplots()\nax.plot(pd.Series([1, 3, 2]))\nax.set_title('bare');",
    "w.VBox([w.RadioButtons(options=['a', 'b'], description='Pick'), "
    "w.Button(description='Check')])",
]


def bench_nbval(repeat, workdir):
    """The whole course under nbval vs as many bare notebooks (import, one plot, one widget)."""
    import nbformat

    course = sorted(str(p) for p in (REPO / "notebooks").glob("*.ipynb"))
    bare_dir = workdir / "bare"
    bare_dir.mkdir(exist_ok=True)
    for i in range(len(course)):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(src) for src in BARE_CELLS]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                     "language": "python"}
        nbformat.write(nb, bare_dir / f"bare-{i}.ipynb")
    bare = sorted(str(p) for p in bare_dir.glob("*.ipynb"))

    def timed(paths):
        env = {**os.environ, "NETLEARN_HOME": tempfile.mkdtemp(dir=workdir)}
        start = time.perf_counter()
        result = subprocess.run([PY, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                 "--nbval-lax", "--rootdir", str(workdir), "-c", os.devnull,
                                 *paths], capture_output=True, text=True, env=env, cwd=workdir)
        if result.returncode != 0:
            raise RuntimeError("nbval failed:\n" + result.stdout[-3000:])
        return time.perf_counter() - start

    runs = {"course": [], "bare": []}
    for _ in range(repeat):  # interleaved, so a busy spell on the machine hits both sides
        runs["course"].append(timed(course))
        runs["bare"].append(timed(bare))
    ours, floor = statistics.median(runs["course"]), statistics.median(runs["bare"])
    report(f"whole course under nbval ({len(course)} notebooks) vs bare notebooks", ours, floor,
           "s", 1.3)


# -- browser click latency ------------------------------------------------------------------

def bench_browser():
    """Click-to-feedback latency in a real JupyterLab in Chromium (median of 20 clicks)."""
    sys.path.insert(0, str(REPO / "tests" / "browser"))
    try:
        from latency import measure_click_latency
    except ImportError as exc:
        print(f"  browser: skipped ({exc})")
        return
    out = measure_click_latency(clicks=20)
    if out is None:
        print("  browser: skipped (no Chromium at /usr/bin/chromium)")
        return
    report("browser click-to-feedback median (20 clicks)", out["median_ms"], 0, "ms", 150,
           kind="abs")


# -- learners on a real JupyterHub ----------------------------------------------------------

def _pct(values, q):
    """Return the nearest-rank q-quantile (0 < q <= 1) of values."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * q) - 1)]


def bench_hub(sizes, rounds=3):
    """N learners at once on a local JupyterHub vs as many bare servers (ipykernel, no course).

    Per N, interleaved: N bare learners (spawn, open a kernel, run the bare notebook's cells:
    pandas, one plot, one widget) then N course learners (spawn, nbgitpuller pull, run notebook
    01); N=1 is repeated ``rounds`` times. Spawn and execution times are p50/p95 over the
    learners; memory is the median learner's server + kernel RSS after the notebook, against
    the bare notebook and against a bare server with an idle kernel (no course). The hub code
    is the hub test's (tests/hub/hubkit.py).
    """
    import uuid
    from concurrent.futures import ThreadPoolExecutor

    sys.path.insert(0, str(REPO))
    from netlearn.facilitator.links import nbgitpuller_link
    from tests.hub import hubkit

    reason = hubkit.missing()
    if reason:
        print(f"  hub: skipped ({reason})")
        return
    notebook_path = "netlearn/notebooks/01-preparation.ipynb"
    bare_notebook = {"cells": [{"cell_type": "code", "source": src} for src in BARE_CELLS]}
    mib = 1024 * 1024
    with hubkit.running_hub(prefix="netlearn-bench-hub-") as hub:
        repo = hubkit.course_repository(hub.workdir / "origin")
        link = nbgitpuller_link(hub.url, f"file://{repo}")

        def one(name, course):
            learner = hub.learner(name)
            spawn = learner.spawn()
            if course:
                learner.pull(link)
                notebook = learner.request("GET", f"api/contents/{notebook_path}").json()
                notebook, path = notebook["content"], notebook_path
            else:
                notebook, path = bare_notebook, "bare.ipynb"
            with learner.kernel(path) as kernel:
                kernel.execute("pass")
                idle = learner.rss()
                start = time.perf_counter()
                results = kernel.run_notebook(notebook)
                run = time.perf_counter() - start
                if hubkit.problems(results):
                    raise RuntimeError(f"{name}: {hubkit.problems(results)}")
                rss = learner.rss()
            learner.stop()
            return (spawn, run, (rss["server"] + rss["kernels"]) / mib,
                    (idle["server"] + idle["kernels"]) / mib,
                    idle["server_cpu"], rss["kernels_cpu"] - idle["kernels_cpu"])

        for n in sizes:
            figures = {"bare": [], "course": []}
            for _ in range(rounds if n == 1 else 1):  # N=1 gives one figure a round: repeat it
                tag = uuid.uuid4().hex[:6]
                for kind in ("bare", "course"):
                    names = [f"{kind}-{n}-{i}-{tag}" for i in range(n)]
                    with ThreadPoolExecutor(max_workers=n) as pool:
                        figures[kind] += pool.map(one, names, [kind == "course"] * n)
            for label, index, unit in (("spawn", 0, "s"), ("notebook run", 1, "s")):
                for q, name in ((0.5, "p50"), (0.95, "p95")):
                    ours = _pct([f[index] for f in figures["course"]], q)
                    floor = _pct([f[index] for f in figures["bare"]], q)
                    report(f"hub N={n}: {label} {name} (course 01 vs bare notebook)", ours,
                           floor, unit, 0, kind="info")
            ours = statistics.median(f[2] for f in figures["course"])
            report(f"hub N={n}: server + kernel RSS after 01 vs after the bare notebook", ours,
                   statistics.median(f[2] for f in figures["bare"]), "MiB", 0, kind="info")
            report(f"hub N={n}: server + kernel RSS after 01 vs bare server + idle kernel", ours,
                   statistics.median(f[3] for f in figures["bare"]), "MiB", 0, kind="info")
            # CPU seconds do not depend on what else the machine runs: they size a hub's cores.
            for label, index in (("server CPU by ready + first cell", 4),
                                 ("kernel CPU running the notebook", 5)):
                report(f"hub N={n}: {label} (course 01 vs bare notebook, median)",
                       statistics.median(f[index] for f in figures["course"]),
                       statistics.median(f[index] for f in figures["bare"]), "s", 0, kind="info")
        others = {p.pid: p.memory_info().rss / mib for p in hub.processes()}
        hub_rss = others.pop(hub.process.pid, 0.0)
        report("hub process RSS (after all rounds) vs proxy + rest", hub_rss,
               sum(others.values()) or 1.0, "MiB", 0, kind="info")


def bench_server_import(repeat):
    """`import jupyter_server.serverapp` with rfc3987_syntax (as installed) vs with it blocked.

    (`import jupyter_server` alone imports almost nothing; the server app is what a spawn loads.)

    rfc3987_syntax (from jsonschema[format-nongpl], via jupyter_events) builds its grammars at
    import time; every Binder launch and hub spawn pays for it. Blocking it is what
    uninstalling it would do: jsonschema then skips the "iri"/"uri-reference" format checks.
    """

    def seconds(block):
        code = ("import sys; sys.modules['rfc3987_syntax'] = None\n" if block else "") + \
            "import jupyter_server.serverapp"
        out = subprocess.run([PY, "-X", "importtime", "-c", code], capture_output=True,
                             text=True, cwd=REPO).stderr
        total = 0
        for line in out.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[2].strip() == "jupyter_server.serverapp":
                total = int(parts[1].strip())
        return total / 1e6

    pairs = [(seconds(False), seconds(True)) for _ in range(repeat)]  # interleaved
    report("import jupyter_server.serverapp with rfc3987_syntax vs without", statistics.median(
        p[0] for p in pairs), statistics.median(p[1] for p in pairs), "s", 0, kind="info")



def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=DEFAULT,
                        help=f"comma-separated measures among {', '.join(MEASURES)}")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--size", choices=sorted(EXPORTS), default="full",
                        help="full: the typical and the 200k export; small: a smoke run")
    parser.add_argument("--baseline", default=BASELINE,
                        help=f"git revision the line count is compared with ({BASELINE})")
    parser.add_argument("--learners", default="1,5,10",
                        help="learner counts for --only hub (default 1,5,10)")
    parser.add_argument("--burst", type=int, default=10,
                        help="learners starting at once for --only hubsizing (default 10)")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    if only - set(MEASURES):
        parser.error(f"unknown measure {', '.join(sorted(only - set(MEASURES)))}; "
                     f"choose among {', '.join(MEASURES)}")
    try:
        with tempfile.TemporaryDirectory(prefix="netlearn-bench-") as tmp:
            run_measures(only, args, Path(tmp))
    except RuntimeError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    width = [max(len(str(row[i])) for row in ROWS + [HEADER]) for i in range(len(HEADER))]
    print()
    for row in [HEADER, *ROWS]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, width, strict=True)))
    return 0


def run_measures(only: set, args, workdir: Path) -> None:
    """Run the measures in ``only``, each printing its rows as they come."""
    if only & {"import", "metrics"}:
        print("the learner's path, in Jupyter kernels …", flush=True)
        bench_learner_path(EXPORTS[args.size], args.repeat, workdir, only, report)
    if "lines" in only:
        print("the package's size …", flush=True)
        bench_lines(args.baseline)
    if "startup" in only:
        print("import netlearn and the first quiz …", flush=True)
        bench_startup(max(args.repeat, 5))
    if "callback" in only:
        print("widget callback …", flush=True)
        bench_callback()
    if "ics" in only:
        print("calendar rules …", flush=True)
        bench_ics(args.repeat, workdir)
    if "nbval" in only:
        print("notebooks under nbval …", flush=True)
        bench_nbval(args.repeat, workdir)
    if "browser" in only:
        print("browser …", flush=True)
        bench_browser()
    if "serverimport" in only:
        print("jupyter_server import cost …", flush=True)
        bench_server_import(max(args.repeat, 5))
    if "hub" in only:
        print("learners on a JupyterHub …", flush=True)
        bench_hub([int(n) for n in args.learners.split(",")], args.repeat)
    if "hubsizing" in only:
        from hub_sizing import bench_hub_sizing

        print("every notebook and the start-up burst on a JupyterHub …", flush=True)
        bench_hub_sizing(report, args.burst, workdir)


if __name__ == "__main__":
    sys.exit(main())
