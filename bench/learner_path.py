"""The learner's path, measured inside real Jupyter kernels.

A learner imports a LinkedIn export with the upload widget, then opens the course's
notebooks, whose cells load ``netlearn.my_network()`` and call the metrics. Each step
here runs in a fresh kernel (jupyter_client's ``KernelManager`` starting the ``python3``
kernel, as JupyterLab does) with its own ``NETLEARN_HOME``, and is timed inside the
kernel around the very call the widget or the notebook makes. What a learner has
already run before that moment (importing netlearn, showing the widget) runs first,
untimed. Peak memory is the kernel's own high-water mark (``ru_maxrss``, Linux: KB).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Export:
    """A synthetic LinkedIn export (tools/make_linkedin_export.py) and its targets."""

    label: str
    connections: int
    messages: int
    invitations: int
    complete: bool
    import_target: float  # import time / the pandas floor's
    metrics_budget: float  # seconds for every metric the notebooks call
    activity_scale: float = 1.0

    def describe(self) -> str:
        kind = "complete archive" if self.complete else "its three main files only"
        return (f"{self.connections:,} connections, {self.messages:,} messages, "
                f"{self.invitations:,} invitations ({kind})")


# "typical" is a learner's complete archive; "200k" the generator's bench size. The small
# sizes keep the same shapes so a smoke test runs every row in well under a minute.
EXPORTS = {
    "full": (Export("typical", 3000, 20000, 500, complete=True, import_target=1.3,
                    metrics_budget=0.5),
             Export("200k", 30000, 200000, 5000, complete=False, import_target=1.5,
                    metrics_budget=3.0)),
    "small": (Export("typical", 300, 2000, 50, complete=True, import_target=1.3,
                     metrics_budget=0.5, activity_scale=0.02),
              Export("200k", 600, 4000, 100, complete=False, import_target=1.5,
                     metrics_budget=3.0)),
}

# Every metric the notebooks call (course-src/*.py), called as they call it on the
# learner's own network; tests/test_bench.py keeps this list in step with the notebooks.
METRIC_CALLS = (
    "preparation_rate(net, today)",
    "awaiting_retro(net, today)",
    "give_ask_ratio(net, today)",
    "follow_up(net, today)",
    "connection_follow_up(net, today)",
    "overdue_commitments(net, today)",
    "online_mix(net, today)",
    "in_person_also_online(net)",
    "invitation_note_share(net)",
    "participation_by_month(net, today)",
    "close_contacts_or_suggested(net, today)",
    "close_in_touch(net, today, days=90)",
    "gone_cold(net, today, days=90)",
    "dormant_reconnected(net, today)",
    "cadence_overdue(net, today)",
)

PEAK_RSS_MB = "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024"

# The kernel a learner clicks "Import" in: netlearn imported and the upload widget shown
# (which opens the store). The bar is updated as the widget updates its own, so the
# progress messages a real kernel sends are in the time too.
IMPORT_SETUP = """
import json, resource, time
import ipywidgets
import netlearn
widget = netlearn.import_widget()
store = netlearn.get_store()
bar = ipywidgets.IntProgress(min=0, max=100)

def progress(done, total):
    value = int(100 * done / total) if total else 0
    if value != bar.value:
        bar.value = min(max(value, 0), 100)

def saving():
    bar.description = "Saving"

print(json.dumps({"netlearn": netlearn.__file__}))
"""

# What the widget runs after the click, from its own lazy import on (upload.py's run_import)
IMPORT_CELL = f"""
start = time.perf_counter()
from netlearn.keep.ingest import import_file
imported = import_file(store, "linkedin", path, progress=progress, on_save=saving)
seconds = time.perf_counter() - start
assert imported.same_as is None, "a first import, not a repeat"
print(json.dumps({{"s": seconds, "rss_mb": {PEAK_RSS_MB}, "result": str(imported.result),
                  "rows": sum(rows for _, rows in imported.files),
                  "files": len(imported.files)}}))
"""

FLOOR_SETUP = """
import json, resource, sqlite3, time, zipfile
import pandas as pd
"""

# The floor: what a learner could do by hand with pandas to keep the same files' rows.
# Text stays text (dtype=str), as the importer keeps it.
FLOOR_CELL = f"""
start = time.perf_counter()
rows = files = 0
conn = sqlite3.connect(db)
with zipfile.ZipFile(path) as archive:
    for name in archive.namelist():
        if name.endswith(".csv"):
            with archive.open(name) as handle:
                # LinkedIn's Connections.csv opens with a three-line note before its header
                frame = pd.read_csv(handle, dtype=str, keep_default_na=False,
                                    skiprows=3 if name == "Connections.csv" else 0)
            frame.to_sql(name[:-4], conn, index=False)
            rows, files = rows + len(frame), files + 1
conn.close()
seconds = time.perf_counter() - start
print(json.dumps({{"s": seconds, "rss_mb": {PEAK_RSS_MB}, "rows": rows, "files": files}}))
"""

# A notebook opened after the import: its first cells have imported netlearn and metrics
METRICS_SETUP = """
import json, resource, time
import netlearn
from netlearn import metrics
"""

METRICS_CELL = """
start = time.perf_counter()
net = netlearn.my_network()
today = net.today()
loaded = time.perf_counter() - start
assert not net.is_sample, "my_network() gave the sample persona, not the imported export"
start = time.perf_counter()
{calls}
computed = time.perf_counter() - start
print(json.dumps({{"load_s": loaded, "metrics_s": computed, "rss_mb": {rss},
                  "contacts": len(net.contacts), "interactions": len(net.interactions)}}))
""".format(calls="\n".join(f"metrics.{call}" for call in METRIC_CALLS), rss=PEAK_RSS_MB)


class Kernel:
    """A running kernel that runs cells and returns what each printed as JSON."""

    def __init__(self, client):
        self.client = client

    def run(self, code: str, timeout: float = 3600, **values) -> dict:
        """Run ``code`` (after assigning ``values``) and return its last printed line's JSON.

        Raises
        ------
        RuntimeError
            The cell raised; the message holds the kernel's traceback.
        """
        assignments = "".join(f"{name} = {value!r}\n" for name, value in values.items())
        printed = []

        def keep_stdout(message):
            if message["msg_type"] == "stream" and message["content"]["name"] == "stdout":
                printed.append(message["content"]["text"])

        reply = self.client.execute_interactive(assignments + code, timeout=timeout,
                                                output_hook=keep_stdout)
        content = reply["content"]
        if content["status"] != "ok":
            trace = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(content.get("traceback", [])))
            raise RuntimeError(f"a kernel cell failed: {content.get('ename')}: "
                               f"{content.get('evalue')}\n{trace}")
        lines = "".join(printed).strip().splitlines()
        return json.loads(lines[-1]) if lines else {}


@contextmanager
def kernel(home: Path):
    """Start a fresh ``python3`` kernel whose NETLEARN_HOME (and working folder) is ``home``.

    The kernel process's own output (its start-up warnings) goes to a log beside ``home``,
    quoted when the kernel does not start; what cells print comes back through the client.
    """
    from jupyter_client.manager import KernelManager

    home.mkdir(parents=True, exist_ok=True)
    log_path = home.with_name(f"{home.name}-kernel.log")
    with open(log_path, "wb") as log:
        manager = KernelManager(kernel_name="python3")
        manager.start_kernel(env={**os.environ, "NETLEARN_HOME": str(home)}, cwd=str(home),
                             stdout=log, stderr=log)
        client = manager.client()
        client.start_channels()
        try:
            try:
                client.wait_for_ready(timeout=300)
            except RuntimeError as exc:
                log.flush()
                tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
                raise RuntimeError(f"the kernel did not start: {exc}\n{tail}") from None
            yield Kernel(client)
        finally:
            client.stop_channels()
            manager.shutdown_kernel()


def write_zip(export: Export, workdir: Path) -> Path:
    """Generate ``export`` and zip it at the top level, as LinkedIn's download is."""
    folder = workdir / f"{export.label}-export"
    command = [sys.executable, str(REPO / "tools" / "make_linkedin_export.py"), str(folder),
               "--connections", str(export.connections), "--messages", str(export.messages),
               "--invitations", str(export.invitations), "--seed", "1"]
    if export.complete:
        command += ["--complete", "--activity-scale", str(export.activity_scale)]
    subprocess.run(command, check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    archive = shutil.make_archive(str(workdir / f"{export.label}-linkedin-export"), "zip",
                                  root_dir=folder)
    shutil.rmtree(folder)
    return Path(archive)


def one_round(zip_path: Path, folder: Path, floor: bool, notebook: bool) -> dict:
    """Import ``zip_path`` in a fresh kernel; then, each in a fresh kernel of its own,
    the pandas floor (when ``floor``) and the notebook's load and metrics over the
    imported home (when ``notebook``). Return each kernel's printed figures."""
    home = folder / "home"
    with kernel(home) as learner:
        found = learner.run(IMPORT_SETUP)["netlearn"]
        if not Path(found).resolve().is_relative_to(REPO):
            raise RuntimeError(f"the kernel imports netlearn from {found}, not from {REPO}: "
                               "run the bench with this checkout's environment")
        out = {"import": learner.run(IMPORT_CELL, path=str(zip_path))}
    if floor:
        with kernel(folder / "floor") as by_hand:
            by_hand.run(FLOOR_SETUP)
            out["floor"] = by_hand.run(FLOOR_CELL, path=str(zip_path),
                                       db=str(folder / "floor" / "floor.db"))
    if notebook:
        with kernel(home) as later:
            later.run(METRICS_SETUP)
            out["notebook"] = later.run(METRICS_CELL)
    return out


def bench_learner_path(exports, repeat: int, workdir: Path, only: set, report) -> None:
    """Import each export in a kernel against the pandas floor, then load it and compute
    every notebook metric in a new kernel; ``repeat`` rounds, the exports interleaved
    within each round, and each row a median. ``report`` records a row (bench/run.py)."""
    zips = {export.label: write_zip(export, workdir) for export in exports}
    runs = {export.label: [] for export in exports}
    for number in range(repeat):
        for export in exports:
            runs[export.label].append(one_round(
                zips[export.label], workdir / f"{export.label}-{number}",
                floor="import" in only, notebook="metrics" in only))
    for export in exports:
        rounds = runs[export.label]

        def median(step, key, rounds=rounds):
            return statistics.median(out[step][key] for out in rounds)

        first = rounds[0]
        size_mb = zips[export.label].stat().st_size / 1e6
        print(f"  {export.label} export: {export.describe()}, {size_mb:.1f} MB zip; the import "
              f"read {first['import']['rows']:,} rows from {first['import']['files']} files "
              f"({first['import']['result']})", flush=True)
        name = f"{export.label} export"
        if "import" in only:
            print(f"  {name}: pandas read {first['floor']['rows']:,} rows from "
                  f"{first['floor']['files']} files", flush=True)
            report(f"import, {name}, in a kernel (import_file) vs pandas read_csv + to_sql",
                   median("import", "s"), median("floor", "s"), "s", export.import_target)
            report(f"import, {name}: kernel peak RSS vs the pandas kernel's",
                   median("import", "rss_mb"), median("floor", "rss_mb"), "MB", None,
                   kind="info")
        if "metrics" in only:
            print(f"  {name} in my_network(): {first['notebook']['contacts']:,} contacts, "
                  f"{first['notebook']['interactions']:,} interactions", flush=True)
            report(f"my_network(), {name}, in a new kernel", median("notebook", "load_s"),
                   None, "s", None, kind="info")
            report(f"all {len(METRIC_CALLS)} notebook metrics, {name}, first pass",
                   median("notebook", "metrics_s"), None, "s", export.metrics_budget,
                   kind="abs")
            report(f"notebook kernel peak RSS after my_network() + metrics, {name}",
                   median("notebook", "rss_mb"), None, "MB", None, kind="info")
