"""At 200 % zoom in a 1280-px-wide window, the course's output reflows: no horizontal scrolling.

A 1280 × 900 window at 200 % zoom lays pages out in a 640 × 450 CSS-pixel viewport with two
device pixels per CSS pixel. The test zooms the notebook the other browser tests ran (as a
learner zooms in on a notebook they have open) to exactly that viewport, then measures.
"""

from __future__ import annotations

import pytest

from .conftest import PANEL, REPO, fail_listing, screenshot_on_failure

pytestmark = pytest.mark.browser

WINDOW_WIDTH, ZOOM = 1280, 2
NOTEBOOKS = [REPO / "notebooks" / "01-preparation.ipynb",
             REPO / "notebooks" / "05-maintaining-relationships.ipynb"]

# Every output area and rendered prose block whose content is wider than the block itself
# (it would scroll sideways, or spill out of view).
OVERFLOW_JS = """(panelSelector) => {
  const panel = document.querySelector(panelSelector);
  const cells = Array.from(panel.querySelectorAll('.jp-Notebook .jp-Cell'));
  const blocks = panel.querySelectorAll('.jp-OutputArea-output, .jp-MarkdownOutput');
  const wide = [];
  for (const block of blocks) {
    const box = block.getBoundingClientRect();
    if (!box.width) { continue; }
    let widest = block.scrollWidth - block.clientWidth;
    for (const el of block.querySelectorAll('*')) {
      if (el.closest('details:not([open])') && !el.matches('details, summary')) { continue; }
      const r = el.getBoundingClientRect();
      if (r.width && r.right - box.right > widest) {
        widest = r.right - box.right;
      }
    }
    if (widest > 1) {
      wide.push('cell ' + cells.indexOf(block.closest('.jp-Cell')) + ': ' +
                Math.round(widest) + ' px too wide: ' +
                (block.innerText || '').trim().slice(0, 80).replace(/\\s+/g, ' '));
    }
  }
  return wide;
}"""


# Lumino lays the shell out again on the window's resize event, in an animation frame: wait
# until the notebook panel fits the zoomed viewport, then for two more frames.
RELAID_OUT_JS = """([panelSelector, width]) => new Promise(resolve => {
  const panel = document.querySelector(panelSelector);
  const fits = () => window.innerWidth === width && panel &&
                     panel.getBoundingClientRect().right <= width;
  const frames = (n) => n ? requestAnimationFrame(() => frames(n - 1)) : resolve(true);
  const poll = () => fits() ? frames(2) : requestAnimationFrame(poll);
  poll();
})"""


def zoom(page):
    """Zoom the page to 200 % of a 1280 × 900 window: 640 × 450 CSS pixels, 2 device pixels each.

    Returns the CDP session that holds the zoom (detaching it would undo the zoom).
    """
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setDeviceMetricsOverride", {
        "width": WINDOW_WIDTH // ZOOM, "height": 900 // ZOOM,
        "deviceScaleFactor": ZOOM, "mobile": False})
    page.wait_for_function(RELAID_OUT_JS, arg=[PANEL, WINDOW_WIDTH // ZOOM], timeout=30_000)
    return cdp


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_output_reflows_at_200_percent_zoom(notebook, notebook_run):
    page = notebook_run.page
    with screenshot_on_failure(page, f"zoom-{notebook.stem}"):
        notebook_run.ensure_run()
        notebook_run.spent = True  # zoomed: the next test gets a fresh page
        zoomed = zoom(page)
        assert page.evaluate("() => window.innerWidth") == WINDOW_WIDTH // ZOOM
        assert page.evaluate("() => window.devicePixelRatio") == ZOOM
        assert page.locator(f"{PANEL} .netlearn-chart img").count(), "no chart rendered"
        fail_listing(page.evaluate(OVERFLOW_JS, PANEL),
                     f"{notebook.name}: output wider than its area at 200 % zoom:")
        zoomed.detach()
