"""axe-core finds no WCAG 2.0/2.1 A/AA violation in what each notebook shows after Run All.

Run for both data paths: a new learner (the sample persona, on a lab of its own) and a
learner who imported a LinkedIn export, a calendar and a CSV log (plus a contact whose name
is HTML): the session's lab, where the audit reads the notebook run the other browser tests
share (see conftest), with its quizzes answered and its scenarios played to an ending.
"""

from __future__ import annotations

import pytest

from .axe import EXCLUDED_CHROME, axe_script, describe, run_axe
from .conftest import (
    PANEL,
    REPO,
    NotebookPage,
    fail_listing,
    notebook_paths,
    run_all_cells,
    screenshot_on_failure,
    start_lab,
)

pytestmark = pytest.mark.browser

NOTEBOOKS = [*notebook_paths(), REPO / "notebooks" / "facilitator" / "cohort-dashboard.ipynb"]
# What the course puts on screen: every cell's outputs and its rendered prose.
INCLUDE = [f"{PANEL} .jp-OutputArea", f"{PANEL} .jp-MarkdownOutput"]
EXCLUDE = [f"{PANEL} {selector}" for selector in EXCLUDED_CHROME]

# Headings on the rendered page (prose and widget output), in order: no level skipped.
SKIPPED_HEADINGS_JS = """(panelSelector) => {
  const panel = document.querySelector(panelSelector);
  const found = panel.querySelectorAll(
    '.jp-MarkdownOutput :is(h1,h2,h3,h4,h5,h6), .jp-OutputArea :is(h1,h2,h3,h4,h5,h6)');
  const skipped = [];
  let previous = 0;
  for (const h of found) {
    const level = Number(h.tagName[1]);
    if (level > previous + 1) {
      skipped.push('h' + previous + ' → h' + level + ': ' + (h.textContent || '').trim());
    }
    previous = level;
  }
  return skipped;
}"""


@pytest.fixture(scope="session")
def axe_source():
    source, detail = axe_script()
    if source is None:
        pytest.skip(detail)
    return source


@pytest.fixture(scope="module")
def sample_lab(browser):
    """A JupyterLab whose NETLEARN_HOME is empty: the notebooks show the sample persona."""
    server = start_lab(REPO, seed=None)
    try:
        yield server
    finally:
        server.stop()


def audit(page, notebook, data: str, axe_source: str) -> None:
    """Fail on axe-core's violations and on skipped heading levels in the open notebook."""
    page.wait_for_selector(f"{PANEL} .jp-OutputArea-output", timeout=30_000)
    violations = run_axe(page, axe_source, INCLUDE, EXCLUDE)
    lines = describe(violations)
    print(f"axe {data} {notebook.stem}: {len(lines)} violating node(s) in "
          f"{len(violations)} rule(s)")
    fail_listing(lines, f"{notebook.name} ({data} data): axe-core found "
                        f"{len(lines)} WCAG 2.0/2.1 A/AA violation(s):")
    fail_listing(page.evaluate(SKIPPED_HEADINGS_JS, PANEL),
                 f"{notebook.name} ({data} data): heading levels skipped on the page:")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_axe_finds_no_wcag_violations_on_the_sample_persona(notebook, sample_lab,
                                                             browser_context, axe_source):
    page = browser_context.new_page()
    try:
        with screenshot_on_failure(page, f"axe-sample-{notebook.stem}"):
            NotebookPage(page, sample_lab).open(notebook)
            run_all_cells(page)
            audit(page, notebook, "sample", axe_source)
    finally:
        page.close()
        sample_lab.shutdown_kernels()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_axe_finds_no_wcag_violations_with_imported_data(notebook, notebook_run, axe_source):
    """On the shared run of the session's lab (imported data)."""
    page = notebook_run.page
    with screenshot_on_failure(page, f"axe-imported-{notebook.stem}"):
        notebook_run.ensure_run()
        audit(page, notebook, "imported", axe_source)


START_HERE = REPO / "notebooks" / "00-start-here.ipynb"


@pytest.mark.parametrize("notebook", [START_HERE], ids=[START_HERE.stem])
def test_axe_harness_catches_an_image_without_alt(notebook, notebook_run, axe_source):
    """The audit reaches the notebook's content: a bare <img> put there is reported."""
    page = notebook_run.page
    notebook_run.ensure_run()
    notebook_run.spent = True  # the probe stays in the page: the next test gets a fresh one
    page.evaluate("""(selector) => {
      const img = document.createElement('img');
      img.src = 'data:image/png;base64,iVBORw0KGgo=';
      img.className = 'netlearn-axe-probe';
      document.querySelector(selector).appendChild(img);
    }""", f"{PANEL} .jp-MarkdownOutput")
    violations = run_axe(page, axe_source, INCLUDE, EXCLUDE)
    assert [v["id"] for v in violations] == ["image-alt"], describe(violations)
    assert "netlearn-axe-probe" in violations[0]["nodes"][0]["html"]
