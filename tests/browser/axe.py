"""axe-core for the browser tests: installed from npm into a cache outside the repo."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

AXE_VERSION = "4.14"  # the npm version range installed (4.14.x)
AXE_DIR = Path(os.environ.get("NETLEARN_AXE_DIR",
                              Path.home() / ".cache" / "netlearn-tests" / "axe-core"))
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NPM_TIMEOUT_S = 300

# JupyterLab's own chrome inside the notebook, left out of the audit; each with why.
# The course cannot change these: JupyterLab draws them around every output.
EXCLUDED_CHROME = {
    ".jp-OutputPrompt": "JupyterLab's execution-count prompt ([3]:) beside each output",
    ".jp-InputPrompt": "JupyterLab's execution-count prompt beside each cell's input",
    ".jp-Collapser": "JupyterLab's clickable bar that collapses a cell",
    ".jp-cell-toolbar": "JupyterLab's cell toolbar (move, duplicate, delete)",
    ".jp-InputArea-editor": "JupyterLab's code editor (CodeMirror), not the course's output",
}


def axe_script() -> tuple[str | None, str]:
    """Return (axe.min.js source, version), installing the npm package when missing.

    Returns ``(None, reason)`` when it cannot be installed (no npm, or npm failed).
    """
    package = AXE_DIR / "node_modules" / "axe-core"
    script = package / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            return None, "npm is not installed: cannot install axe-core (apt-get install npm)"
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run([npm, "install", "--no-save", "--no-audit", "--no-fund",
                            "--prefix", str(AXE_DIR), f"axe-core@~{AXE_VERSION}.0"],
                           check=True, capture_output=True, text=True, timeout=NPM_TIMEOUT_S)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            detail = getattr(exc, "stderr", "") or str(exc)
            return None, f"npm install axe-core failed: {detail.strip()[-300:]}"
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    return script.read_text(encoding="utf-8"), version


RUN_AXE_JS = """async ([include, exclude, tags]) => {
  const results = await window.axe.run(
    {include: include.map(s => [s]), exclude: exclude.map(s => [s])},
    {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 240),
                             summary: (n.failureSummary || '').slice(0, 300)})),
  }));
}"""


def run_axe(page, source: str, include: list[str], exclude: list[str]) -> list[dict]:
    """Inject axe-core (once per page) and return its WCAG 2.0/2.1 A and AA violations."""
    if not page.evaluate("() => Boolean(window.axe)"):
        page.add_script_tag(content=source)
    return page.evaluate(RUN_AXE_JS, [include, exclude, WCAG_TAGS])


def describe(violations: list[dict]) -> list[str]:
    """One line per violating node: rule, impact, where and what axe said."""
    return [f"{v['id']} ({v['impact']}): {v['help']} at {n['target']}: {n['html']} — "
            f"{n['summary']}" for v in violations for n in v["nodes"]]
