"""A learner's cost on a JupyterHub, notebook by notebook, and a room starting at once.

``python bench/run.py --only hubsizing [--burst 10]`` starts one local JupyterHub (the hub
test's, tests/hub/hubkit.py: SimpleLocalProcessSpawner, so every server and kernel is a local
process, and configurable-http-proxy) and measures on it:

1. **The start-up burst.** ``--burst`` learners start their servers at the same moment, then
   pull the course with nbgitpuller at the same moment. CPU seconds (user + system of the
   server process and of the children it waited for, such as git) do not depend on how busy
   the machine is, so they are what sizes cores; wall times do, and are printed with the load
   average seen.
2. **Every learner notebook, sample persona.** One learner opens the notebooks in course order,
   each in a kernel of its own that stays open (JupyterLab keeps a notebook's kernel running
   after its tab is closed), and runs every cell. Per notebook: the kernel's CPU to start and
   to run the cells, its resident memory (RSS), unique memory (USS: pages no other process
   shares) and peak RSS (VmHWM), and the server's RSS; at the end, the server with all kernels.
3. **Every notebook with a learner's own data.** Another learner imports a typical LinkedIn
   export first (tools/make_linkedin_export.py: 3,000 connections, 20,000 messages, the complete
   archive) in a kernel of its own, then runs each notebook with one kernel open at a time; the
   facilitator's cohort dashboard is measured the same way.
"""

from __future__ import annotations

import os
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024
COURSE = "netlearn"  # nbgitpuller's targetpath in the links netlearn makes
DASHBOARD = "facilitator/cohort-dashboard.ipynb"


def cpu_seconds(proc) -> float:
    """User + system CPU of a process and of the children it has waited for."""
    times = proc.cpu_times()
    return times.user + times.system + times.children_user + times.children_system


def peak_rss(proc) -> int:
    """The process's peak resident memory in bytes (Linux VmHWM), or 0 where unknown."""
    try:
        for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def memory(proc) -> dict[str, float]:
    """RSS, USS and peak RSS of a process, in MiB."""
    full = proc.memory_full_info()
    return {"rss": full.rss / MIB, "uss": full.uss / MIB, "peak": peak_rss(proc) / MIB}


def kernel_process(server, kernel_id: str):
    """The kernel process of ``kernel_id`` among a server's children (its connection file)."""
    for child in server.children(recursive=True):
        if kernel_id in " ".join(child.cmdline()):
            return child
    raise LookupError(f"no process for kernel {kernel_id}")


def hub_and_proxy(hub) -> list:
    """The hub's own process and configurable-http-proxy's."""
    return [p for p in hub.processes()
            if p.pid == hub.process.pid or "configurable-http-proxy" in " ".join(p.cmdline())]


def learner_notebooks() -> list[str]:
    """The learner notebooks, in course order (file names)."""
    return sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))


def measure_burst(hub, link: str, count: int) -> dict:
    """``count`` servers started at once, then ``count`` pulls at once; CPU and wall per learner."""
    tag = uuid.uuid4().hex[:6]
    learners = [hub.learner(f"burst-{i}-{tag}") for i in range(count)]
    before = {p.pid: cpu_seconds(p) for p in hub_and_proxy(hub)}
    load = os.getloadavg()[0]
    with ThreadPoolExecutor(max_workers=count) as pool:
        start = time.perf_counter()
        spawn_walls = list(pool.map(lambda learner: learner.spawn(), learners))
        all_ready = time.perf_counter() - start
        spawn_cpu = [cpu_seconds(learner.server_process()) for learner in learners]
        hub_cpu = sum(cpu_seconds(p) - before.get(p.pid, 0.0) for p in hub_and_proxy(hub))
        start = time.perf_counter()
        list(pool.map(lambda learner: learner.pull(link), learners))
        all_pulled = time.perf_counter() - start
        pull_cpu = [cpu_seconds(learner.server_process()) - cpu
                    for learner, cpu in zip(learners, spawn_cpu, strict=True)]
        server_rss = [memory(learner.server_process())["rss"] for learner in learners]
        hub_rss = {("hub" if p.pid == hub.process.pid else "proxy"): p.memory_info().rss / MIB
                   for p in hub_and_proxy(hub)}
        list(pool.map(lambda learner: learner.stop(), learners))
    return {"count": count, "load": load, "spawn_walls": spawn_walls, "all_ready": all_ready,
            "spawn_cpu": spawn_cpu, "hub_cpu": hub_cpu, "all_pulled": all_pulled,
            "pull_cpu": pull_cpu, "server_rss": server_rss, "hub_rss": hub_rss}


def run_notebook(learner, server, stack: ExitStack, name: str) -> dict:
    """Open ``name`` in a new kernel (kept open in ``stack``), run its cells; the figures.

    A cell that fails stops the notebook there; its errors are in the row's ``problems``,
    and the figures are those up to that cell.
    """
    path = f"{COURSE}/notebooks/{name}"
    notebook = learner.request("GET", f"api/contents/{path}").json()["content"]
    kernel = stack.enter_context(learner.kernel(path))
    kernel.execute("pass")
    proc = kernel_process(server, kernel.id)
    started = cpu_seconds(proc)
    start = time.perf_counter()
    results = kernel.run_notebook(notebook)
    wall = time.perf_counter() - start
    from tests.hub import hubkit

    return {"notebook": name, "start_cpu": started, "run_cpu": cpu_seconds(proc) - started,
            "wall": wall, "kernel": memory(proc), "server": memory(server),
            "problems": hubkit.problems(results)}


def sample_persona_path(hub, link: str) -> dict:
    """One learner, every notebook in order, every kernel left running."""
    learner = hub.learner(f"sample-{uuid.uuid4().hex[:6]}")
    learner.spawn()
    learner.pull(link)
    server = learner.server_process()
    with ExitStack() as stack:
        rows = [run_notebook(learner, server, stack, name) for name in learner_notebooks()]
        kernels = [memory(child) for child in server.children(recursive=True)]
        together = {"server": memory(server), "kernels": kernels}
    learner.stop()
    return {"rows": rows, "together": together}


def own_data_path(hub, link: str, export_zip: Path) -> dict:
    """One learner imports ``export_zip``, then runs each notebook with one kernel at a time."""
    learner = hub.learner(f"own-{uuid.uuid4().hex[:6]}")
    learner.spawn()
    learner.pull(link)
    server = learner.server_process()
    copy = learner.home / export_zip.name
    copy.write_bytes(export_zip.read_bytes())
    with learner.kernel(f"{COURSE}/notebooks/00-start-here.ipynb") as kernel:
        kernel.execute("pass")
        proc = kernel_process(server, kernel.id)
        started = cpu_seconds(proc)
        start = time.perf_counter()
        counts = kernel.value(
            "str(import_file(get_store(), 'linkedin', " + repr(str(copy)) + ").result)",
            setup="from netlearn.keep.ingest import import_file\n"
                  "from netlearn.store import get_store")
        imported = {"what": counts, "wall": time.perf_counter() - start,
                    "cpu": cpu_seconds(proc) - started, "kernel": memory(proc)}
    rows = []
    for name in [*learner_notebooks(), DASHBOARD]:
        with ExitStack() as stack:
            rows.append(run_notebook(learner, server, stack, name))
    learner.stop()
    return {"import": imported, "rows": rows}


def bench_hub_sizing(report, burst: int, workdir: Path) -> None:
    """Run the three measures on one local hub; print their tables and report the key rows."""
    import sys

    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "bench"))
    from learner_path import EXPORTS, write_zip

    from netlearn.facilitator.links import nbgitpuller_link
    from tests.hub import hubkit

    reason = hubkit.missing()
    if reason:
        print(f"  hubsizing: skipped ({reason})")
        return
    typical = next(e for e in EXPORTS["full"] if e.label == "typical")
    export_zip = write_zip(typical, workdir)
    print(f"  load average at the start: {os.getloadavg()}", flush=True)
    with hubkit.running_hub(prefix="netlearn-bench-sizing-") as hub:
        repo = hubkit.course_repository(hub.workdir / "origin")
        link = nbgitpuller_link(hub.url, f"file://{repo}")
        burst_figures = measure_burst(hub, link, burst)
        print_burst(burst_figures)
        print(f"  load average after the burst: {os.getloadavg()}", flush=True)
        sample = sample_persona_path(hub, link)
        print_sample(sample)
        print(f"  load average after the sample persona: {os.getloadavg()}", flush=True)
        own = own_data_path(hub, link, export_zip)
        print_own(own, typical.describe())
        hub_rss = {("hub" if p.pid == hub.process.pid else "proxy"): p.memory_info().rss / MIB
                   for p in hub_and_proxy(hub)}
    print("hub and proxy RSS at the end: "
          + ", ".join(f"{k} {v:.0f} MiB" for k, v in sorted(hub_rss.items())))
    print(f"  load average at the end: {os.getloadavg()}", flush=True)
    report_key_rows(report, burst_figures, sample, own)


def _median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def print_burst(burst: dict) -> None:
    """The start-up burst as a Markdown table, ready for docs/jupyterhub.md."""
    n = burst["count"]
    print(f"\nStart-up burst: {n} learners at once (load average {burst['load']:.1f} at the start)")
    print("| per learner | median | max |\n|---|---:|---:|")
    for label, values, unit in (
            ("server start, CPU", burst["spawn_cpu"], "CPU-s"),
            ("server start, wall", burst["spawn_walls"], "s"),
            ("course pull (nbgitpuller), CPU", burst["pull_cpu"], "CPU-s"),
            ("server RSS after the pull", burst["server_rss"], "MiB")):
        print(f"| {label} | {_median(values):.1f} {unit} | {max(values):.1f} {unit} |")
    print(f"All {n} ready after {burst['all_ready']:.1f} s, all pulled {burst['all_pulled']:.1f} s"
          f" later; hub + proxy CPU during the starts: {burst['hub_cpu']:.1f} CPU-s "
          f"({burst['hub_cpu'] / n:.2f} per learner); hub and proxy RSS then: "
          + ", ".join(f"{k} {v:.0f} MiB" for k, v in sorted(burst["hub_rss"].items())),
          flush=True)


ROW_HEADER = ("| notebook | kernel start CPU-s | cells CPU-s | cells wall s | kernel RSS MiB "
              "| kernel USS MiB | kernel peak MiB | server RSS MiB |\n"
              "|---|---:|---:|---:|---:|---:|---:|---:|")


def print_sample(sample: dict) -> None:
    """Every notebook with the sample persona, and the server with all its kernels."""
    print("\nEvery notebook, sample persona, one learner, kernels left running")
    print(ROW_HEADER)
    for row in sample["rows"]:
        print(_row(row))
    together = sample["together"]
    kernels = together["kernels"]
    print(f"Server + all {len(kernels)} kernels at the end: RSS "
          f"{together['server']['rss'] + sum(k['rss'] for k in kernels):.0f} MiB, USS "
          f"{together['server']['uss'] + sum(k['uss'] for k in kernels):.0f} MiB", flush=True)


def print_own(own: dict, export: str) -> None:
    """The import of a learner's export, then every notebook on it, one kernel at a time."""
    imported = own["import"]
    print(f"\nOwn data: {export}; import: {imported['wall']:.1f} s wall, "
          f"{imported['cpu']:.1f} CPU-s, kernel peak {imported['kernel']['peak']:.0f} MiB "
          f"({imported['what']})")
    print(ROW_HEADER)
    for row in own["rows"]:
        print(_row(row))


def _row(row: dict) -> str:
    kernel, server = row["kernel"], row["server"]
    failed = f" (stopped: {'; '.join(row['problems'])})" if row["problems"] else ""
    return (f"| {row['notebook']}{failed} | {row['start_cpu']:.1f} | {row['run_cpu']:.1f} | "
            f"{row['wall']:.1f} | {kernel['rss']:.0f} | {kernel['uss']:.0f} | "
            f"{kernel['peak']:.0f} | {server['rss']:.0f} |")


def report_key_rows(report, burst: dict, sample: dict, own: dict) -> None:
    """The figures a sizing rests on, as rows of bench/run.py's table."""
    report(f"hubsizing: server start CPU, median of {burst['count']} at once",
           _median(burst["spawn_cpu"]), None, "s", 0, kind="info")
    report("hubsizing: course pull CPU, median", _median(burst["pull_cpu"]), None, "s", 0,
           kind="info")
    worst = max((r for r in sample["rows"] + own["rows"] if not r["problems"]),
                key=lambda r: r["kernel"]["peak"])
    report(f"hubsizing: largest kernel peak ({worst['notebook']})", worst["kernel"]["peak"],
           None, "MiB", 0, kind="info")
    report("hubsizing: kernel CPU for every notebook's cells, sample persona",
           sum(r["run_cpu"] for r in sample["rows"]), None, "s", 0, kind="info")
