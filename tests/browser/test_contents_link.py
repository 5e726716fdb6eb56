"""Every notebook's "Contents" link opens the course table, on the README's own launch.

`jupyter lab notebooks/00-start-here.ipynb` serves the notebooks/ folder, so a link that leaves
it (the old ../README.md) opened nothing. This server is started the same way: root notebooks/.
"""

from __future__ import annotations

import pytest

from .conftest import NOTEBOOK_DIR, browser_missing_reason, notebook_paths, start_lab

pytestmark = pytest.mark.browser

TABLE_ROWS = ("Start here", "Come prepared", "Keep relationships alive", "Your action plan")


@pytest.fixture(scope="module")
def readme_launch():
    """A JupyterLab whose root is notebooks/, as the README's launch command makes it."""
    reason = browser_missing_reason()
    if reason:
        pytest.skip(reason)
    server = start_lab(NOTEBOOK_DIR)
    try:
        yield server
    finally:
        server.stop()


def test_every_contents_link_opens_the_course_table(readme_launch, browser_context):
    page = browser_context.new_page()
    missing = []
    try:
        for notebook in notebook_paths():
            page.goto(f"{readme_launch.url}/lab/tree/{notebook.name}?reset",
                      wait_until="domcontentloaded")
            link = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown a",
                                has_text="Contents").first
            link.wait_for(timeout=90_000)
            link.click()
            # The table opens in a tab of its own (a Markdown view or editor), not the notebook.
            tab = page.locator(".lm-DockPanel .lm-TabBar-tab.lm-mod-current",
                               has_text="contents.md")
            opened = page.locator(".lm-DockPanel-widget:not(.lm-mod-hidden)"
                                  ":not(.jp-NotebookPanel)", has_text="Keep relationships alive")
            try:
                tab.first.wait_for(timeout=30_000)
                opened.first.wait_for(timeout=30_000)
            except Exception:  # noqa: BLE001 - name the notebook whose link failed, go on
                missing.append(notebook.name)
                continue
            text = opened.first.inner_text()
            missing += [f"{notebook.name}: no {row!r}" for row in TABLE_ROWS if row not in text]
        readme_launch.shutdown_kernels()
    finally:
        page.close()
    assert missing == [], f"Contents links that do not open the course table: {missing}"
