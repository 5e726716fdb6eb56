"""axe-core finds no WCAG 2.0/2.1 A/AA violation in what each notebook shows after Run All.

Run for both data paths: a new learner (the sample persona) and a learner who imported
a LinkedIn export, a calendar and a CSV log (plus a contact whose name is HTML).
"""

from __future__ import annotations

import pytest

from .axe import EXCLUDED_CHROME, axe_script, describe, run_axe
from .conftest import (
    PANEL,
    REPO,
    fail_listing,
    notebook_paths,
    run_all_cells,
    screenshot_on_failure,
    seed_hostile_contact,
    start_lab,
)

pytestmark = pytest.mark.browser

FIXTURES = REPO / "tests" / "fixtures" / "cli"
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


def seed_imported(home) -> None:
    """A learner who imported their LinkedIn export, a calendar and a CSV log."""
    import tempfile

    from netlearn.keep.ingest import import_file
    from netlearn.network.sample import write_sample_linkedin_export
    from netlearn.store import Store

    seed_hostile_contact(home)
    store = Store(home)
    try:
        with tempfile.TemporaryDirectory() as folder:
            import_file(store, "linkedin", write_sample_linkedin_export(folder))
        import_file(store, "ics", FIXTURES / "calendar.ics")
        import_file(store, "csv", FIXTURES / "log.csv")
    finally:
        store.close()


SEEDS = {"sample": None, "imported": seed_imported}


@pytest.fixture(scope="session")
def axe_source():
    source, detail = axe_script()
    if source is None:
        pytest.skip(detail)
    return source


@pytest.fixture(scope="module", params=list(SEEDS))
def data_server(request, browser):
    """A JupyterLab whose NETLEARN_HOME is empty (sample path) or holds imported data."""
    server = start_lab(REPO, seed=SEEDS[request.param])
    try:
        yield request.param, server
    finally:
        server.stop()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_axe_finds_no_wcag_violations(notebook, data_server, browser_context, axe_source):
    from .conftest import NotebookPage

    path, server = data_server
    page = browser_context.new_page()
    try:
        with screenshot_on_failure(page, f"axe-{path}-{notebook.stem}"):
            NotebookPage(page, server).open(notebook)
            run_all_cells(page)
            page.wait_for_selector(f"{PANEL} .jp-OutputArea-output", timeout=30_000)
            violations = run_axe(page, axe_source, INCLUDE, EXCLUDE)
            lines = describe(violations)
            print(f"axe {path} {notebook.stem}: {len(lines)} violating node(s) in "
                  f"{len(violations)} rule(s)")
            fail_listing(lines, f"{notebook.name} ({path} data): axe-core found "
                                f"{len(lines)} WCAG 2.0/2.1 A/AA violation(s):")
            fail_listing(page.evaluate(SKIPPED_HEADINGS_JS, PANEL),
                         f"{notebook.name} ({path} data): heading levels skipped on the page:")
    finally:
        page.close()
        server.shutdown_kernels()


def test_axe_harness_catches_an_image_without_alt(lab_page, axe_source):
    """The audit reaches the notebook's content: a bare <img> put there is reported."""
    page = lab_page.page
    lab_page.open(REPO / "notebooks" / "00-start-here.ipynb")
    page.evaluate("""(selector) => {
      const img = document.createElement('img');
      img.src = 'data:image/png;base64,iVBORw0KGgo=';
      img.className = 'netlearn-axe-probe';
      document.querySelector(selector).appendChild(img);
    }""", f"{PANEL} .jp-MarkdownOutput")
    violations = run_axe(lab_page.page, axe_source, INCLUDE, EXCLUDE)
    assert [v["id"] for v in violations] == ["image-alt"], describe(violations)
    assert "netlearn-axe-probe" in violations[0]["nodes"][0]["html"]
