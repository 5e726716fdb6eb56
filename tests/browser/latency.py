"""Click-to-feedback latency of the quiz's "Check answer" in real JupyterLab (for bench/run.py)."""

from __future__ import annotations

import importlib.util
import math
import statistics
import sys
from pathlib import Path

NOTEBOOK = "notebooks/01-preparation.ipynb"
HARNESS_PATH = Path(__file__).resolve().with_name("conftest.py")

# Click "Check answer" and resolve with the milliseconds until the feedback shows a new verdict.
MEASURE_JS = """async (question) => {
  const feedback = question.querySelector('.netlearn-feedback');
  const button = question.querySelector('button.netlearn-check');
  const before = feedback.innerText;
  return await new Promise((resolve, reject) => {
    let start = 0;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('no new feedback within 30 s'));
    }, 30000);
    const observer = new MutationObserver(() => {
      const text = feedback.innerText;
      if (text !== before && /[✓✗◐]/.test(text)) {
        const elapsed = performance.now() - start;
        observer.disconnect();
        clearTimeout(timer);
        resolve(elapsed);
      }
    });
    observer.observe(feedback, {subtree: true, childList: true, characterData: true,
                                attributes: true});
    start = performance.now();
    button.click();
  });
}"""


def _harness():
    """Load the browser tests' helpers (tests/browser/conftest.py) as a plain module."""
    name = "netlearn_browser_harness"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HARNESS_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _percentile(samples: list[float], fraction: float) -> float:
    """Return the nearest-rank percentile of ``samples``."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def measure_click_latency(clicks: int = 20) -> dict | None:
    """Measure how long "Check answer" takes to show feedback in notebook 01, in Chromium.

    Starts its own ``jupyter lab`` (isolated NETLEARN_HOME), opens 01-preparation, runs all
    cells, then ``clicks`` times picks an option of the first single-choice question and
    times, inside the page, from the click to the feedback text changing.

    Returns
    -------
    dict or None
        ``{"median_ms", "p90_ms", "n"}``; None when Chromium or playwright is missing.
    """
    harness = _harness()
    if harness.browser_missing_reason():
        return None
    from playwright.sync_api import sync_playwright

    samples: list[float] = []
    server = harness.start_lab(harness.REPO)
    try:
        with sync_playwright() as playwright:
            browser = harness.launch_chromium(playwright)
            try:
                page = browser.new_page(viewport=harness.VIEWPORT)
                page.set_default_timeout(30_000)
                harness.open_notebook(page, server.url, NOTEBOOK)
                harness.run_all_cells(page)
                questions = harness.quiz_questions(page)
                radios = [i for i in range(questions.count())
                          if questions.nth(i).locator("input[type=radio]").count() >= 2]
                if not radios:
                    raise RuntimeError(f"{NOTEBOOK} has no single-choice quiz question")
                index = radios[0]
                question = questions.nth(index)
                for click in range(clicks):
                    harness.choose_quiz_option(page, index, choice=click % 2)
                    harness.wait_kernel_idle(page, settle_s=0.2)
                    samples.append(page.evaluate(MEASURE_JS, question.element_handle()))
            finally:
                browser.close()
    finally:
        server.stop()
    return {
        "median_ms": round(statistics.median(samples), 1),
        "p90_ms": round(_percentile(samples, 0.9), 1),
        "n": len(samples),
    }


if __name__ == "__main__":
    print(measure_click_latency())
