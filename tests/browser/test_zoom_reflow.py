"""At 200 % zoom in a 1280-px-wide window, the course's output reflows: no horizontal scrolling.

A 1280 × 900 window at 200 % zoom lays pages out in a 640 × 450 CSS-pixel viewport with two
device pixels per CSS pixel; the test opens JupyterLab in exactly that viewport.
"""

from __future__ import annotations

import pytest

from .conftest import PANEL, REPO, NotebookPage, fail_listing, run_all_cells, screenshot_on_failure

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


@pytest.fixture
def zoomed_page(browser, lab_server):
    context = browser.new_context(
        viewport={"width": WINDOW_WIDTH // ZOOM, "height": 900 // ZOOM},
        device_scale_factor=ZOOM)
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        yield NotebookPage(page, lab_server)
    finally:
        context.close()
        lab_server.shutdown_kernels()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_output_reflows_at_200_percent_zoom(notebook, zoomed_page):
    page = zoomed_page.page
    with screenshot_on_failure(page, f"zoom-{notebook.stem}"):
        zoomed_page.open(notebook)
        run_all_cells(page)
        assert page.evaluate("() => window.innerWidth") == WINDOW_WIDTH // ZOOM
        assert page.locator(f"{PANEL} .netlearn-chart img").count(), "no chart rendered"
        fail_listing(page.evaluate(OVERFLOW_JS, PANEL),
                     f"{notebook.name}: output wider than its area at 200 % zoom:")
