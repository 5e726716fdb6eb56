"""A learner completes notebook 02 with widgets only: rate, triage, quiz, reflection.

The learner has imported their LinkedIn export (the sample persona's zip) and nothing else.
In a real JupyterLab they run the notebook from the menu, then only click and type into
widgets — no code cell is edited — and every answer ends up in their NETLEARN_HOME.
"""

from __future__ import annotations

import hashlib
import time

import pytest

from .conftest import (
    PANEL,
    REPO,
    NotebookPage,
    answer_quiz_item,
    run_all_cells,
    screenshot_on_failure,
    start_lab,
)

pytestmark = pytest.mark.browser

NOTEBOOK = REPO / "notebooks" / "02-giving-not-just-taking.ipynb"
TOPIC = "02-giving-not-just-taking"
REFLECTION = "I will offer Adaeze an intro to a data team I know."
RUN_ALL_TIMEOUT_S = 420  # the machine is shared: generous
STORE_TIMEOUT_S = 60
WIDGET_TIMEOUT_MS = 60_000


def seed_linkedin_only(home) -> None:
    """A learner whose only data is a LinkedIn export (no hand logging)."""
    import tempfile

    from netlearn.keep.ingest import import_file
    from netlearn.network.sample import write_sample_linkedin_export
    from netlearn.store import Store

    store = Store(home)
    try:
        with tempfile.TemporaryDirectory() as folder:
            import_file(store, "linkedin", write_sample_linkedin_export(folder))
    finally:
        store.close()


@pytest.fixture(scope="module")
def linkedin_lab(browser):
    """A JupyterLab whose NETLEARN_HOME holds only an imported LinkedIn export."""
    server = start_lab(REPO, seed=seed_linkedin_only)
    try:
        yield server
    finally:
        server.stop()


def read_store(server, read, done, timeout_s: float = STORE_TIMEOUT_S):
    """Read the learner's store until ``done(read(store))`` (the kernel saves asynchronously)."""
    from netlearn.store import Store

    deadline = time.monotonic() + timeout_s
    while True:
        store = Store(server.home)
        try:
            found = read(store)
        finally:
            store.close()
        if done(found) or time.monotonic() > deadline:
            return found
        time.sleep(0.5)


def test_a_learner_completes_02_with_widgets_only(browser_context, linkedin_lab):
    from netlearn.keep.learner_network import TRIAGE_KEY

    notebook_before = hashlib.sha256(NOTEBOOK.read_bytes()).hexdigest()
    page = browser_context.new_page()
    page.set_default_timeout(WIDGET_TIMEOUT_MS)
    try:
        with screenshot_on_failure(page, "complete-02-with-widgets"):
            NotebookPage(page, linkedin_lab).open(NOTEBOOK)
            run_all_cells(page, timeout_s=RUN_ALL_TIMEOUT_S)

            # 1. Rate a statement of the self-check: click "4" on the first one.
            assessment = page.locator(f"{PANEL} .netlearn-self-assessment").first
            rating = assessment.locator(".netlearn-likert").first.locator("button").nth(3)
            rating.scroll_into_view_if_needed()
            rating.click()
            page.wait_for_function("(el) => /Saved/.test(el.innerText)",
                                   arg=assessment.locator(".netlearn-status").first
                                   .element_handle(), timeout=WIDGET_TIMEOUT_MS)
            ratings = read_store(linkedin_lab, lambda store: {
                key: value for key, value in store.self_assessments("check").items()
                if key[0] == TOPIC}, lambda found: 4 in found.values())
            assert 4 in ratings.values(), f"the rating was not stored: {ratings}"

            # 2. Tag the most recent LinkedIn conversation "give" in the triage widget.
            triage = page.locator(f"{PANEL} .netlearn-triage").first
            assert "never the text" in triage.inner_text()
            assert "Sam's sample" not in triage.inner_text()  # the learner's own data
            first_row = triage.locator(".netlearn-triage-tag").first
            give = first_row.locator("button", has_text="give")
            give.scroll_into_view_if_needed()
            give.click()
            page.wait_for_function("(el) => /Tagged 1 of \\d+: 1 give/.test(el.innerText)",
                                   arg=triage.element_handle(), timeout=WIDGET_TIMEOUT_MS)
            tags = read_store(linkedin_lab, lambda store: store.setting(TRIAGE_KEY, {}),
                              lambda found: bool(found))
            assert list(tags.values()) == ["give"], f"the triage tag was not stored: {tags}"

            # 3. Answer a quiz item and check it.
            quiz_before = read_store(linkedin_lab, lambda store: store.last_answers(TOPIC),
                                     lambda _: True)
            page.locator(f"{PANEL} .netlearn-quiz").first.scroll_into_view_if_needed()
            answer_quiz_item(page)
            answers = read_store(linkedin_lab, lambda store: store.last_answers(TOPIC),
                                 lambda found: found != quiz_before)
            assert answers != quiz_before and answers, "the quiz answer was not stored"

            # 4. Write a reflection and save it.
            reflection = page.locator(f"{PANEL} .netlearn-reflection").first
            box = reflection.locator("textarea").first
            box.scroll_into_view_if_needed()
            box.click()
            box.fill("")
            page.keyboard.type(REFLECTION)
            reflection.locator("button.netlearn-save").first.click()
            texts = read_store(linkedin_lab, lambda store: [
                row["text"] for row in store.reflections(TOPIC).values()],
                lambda found: REFLECTION in found)
            assert REFLECTION in texts, f"the reflection was not stored: {texts}"
    finally:
        page.close()
        linkedin_lab.shutdown_kernels()
    # no code edited, nothing saved into the course's notebook
    assert hashlib.sha256(NOTEBOOK.read_bytes()).hexdigest() == notebook_before
