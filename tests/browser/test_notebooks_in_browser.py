"""Each course notebook runs in a real JupyterLab; quiz answers and ratings survive a restart."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import (
    HOSTILE_NAME,
    PANEL,
    SCREENSHOT_DIR,
    QuizAnswer,
    answer_quiz_item,
    fail_listing,
    has_verdict,
    notebook_paths,
    output_problems,
    quiz_questions,
    restart_and_run_all,
    screenshot_on_failure,
    wait_kernel_idle,
)

pytestmark = pytest.mark.browser

NOTEBOOKS = notebook_paths()
SCREENSHOT_MAX_BYTES = 500_000
# Where each notebook's screenshot looks: the worked-example chart, or the first widget.
SCREENSHOT_FOCUS = {"00-start-here": "widget", "06-action-plan": "widget", "07-check-in": "widget"}
# Notebooks that list the learner's own contacts by name (logging forms, practice widgets,
# "who has gone cold"), so the hostile contact imported before the server started must
# show there — as text.
LISTS_OWN_CONTACTS = {"00-start-here", "02-giving-not-just-taking", "03-following-up",
                      "05-maintaining-relationships", "06-action-plan"}

WIDGET_CALL = (r"\bnetlearn\.(quiz|self_assessment|reflection|scenario|pitch_builder|progress_bar"
               r"|course_overview)\(")

HOSTILE_JS = """(name) => {
  const outputs = '.jp-OutputArea';
  const formText = Array.from(document.querySelectorAll(
    `${outputs} option, ${outputs} input, ${outputs} textarea`)).map(e => e.value || e.text);
  return {
    imgX: document.querySelectorAll('img[src="x"]').length,
    injectedBold: Array.from(document.querySelectorAll('b')).filter(
      b => b.textContent === 'Bold Corp').length,
    injectedScript: Array.from(document.querySelectorAll('script')).filter(
      s => (s.textContent || '').includes('alert(2)')).length,
    shownAsText: (document.body.innerText || '').includes(name) ||
                 formText.some(t => (t || '').includes(name)),
  };
}"""


def notebook_code(path: Path) -> str:
    """Return the source of every code cell of a notebook."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


def calls(path: Path, function: str) -> bool:
    """Return True when a notebook's code calls ``netlearn.<function>(``."""
    return re.search(rf"\bnetlearn\.{function}\(", notebook_code(path)) is not None


def assert_no_injection(page, notebook: Path) -> None:
    """The hostile contact's name, company and notes show as text and never become markup."""
    hostile = page.evaluate(HOSTILE_JS, HOSTILE_NAME)
    assert hostile["imgX"] == 0, (
        f"{notebook.name}: the contact name {HOSTILE_NAME!r} became an <img> element")
    assert hostile["injectedBold"] == 0, (
        f"{notebook.name}: the company '<b>Bold Corp</b>' was rendered as HTML")
    assert hostile["injectedScript"] == 0, (
        f"{notebook.name}: a contact's notes were inserted as a <script> element")
    if notebook.stem in LISTS_OWN_CONTACTS:
        assert hostile["shownAsText"], (
            f"{notebook.name} should list the learner's own contacts, but the contact named "
            f"{HOSTILE_NAME!r} does not appear as text")


# -- quiz and self-assessment -----------------------------------------------------------------


def assert_quiz_restored(page, answer: QuizAnswer) -> None:
    """The answer given before the restart is selected again and its feedback shown."""
    question = quiz_questions(page).nth(answer.question)
    if answer.kind == "toggle":
        classes = question.locator("button.widget-toggle-button").nth(answer.choice) \
            .get_attribute("class") or ""
        assert "mod-active" in classes, "the quiz rating chosen before the restart is not pressed"
    else:
        assert question.locator(f"input[type={answer.kind}]").nth(answer.choice).is_checked(), (
            f"the quiz option chosen before the restart ({answer.kind} #{answer.choice + 1}) "
            "is not checked after Restart Kernel and Run All Cells")
    feedback = question.locator(".netlearn-feedback").inner_text()
    assert has_verdict(feedback), (
        f"the quiz feedback is not shown again after the restart (feedback: {feedback!r})")


def set_likert(page) -> int:
    """Pick a rating on the first Likert item (one that differs from any saved rating)."""
    likert = page.locator(f"{PANEL} .netlearn-likert").first
    buttons = likert.locator("button")
    assert buttons.count() >= 4, "the first Likert item has fewer than four options"
    choice = 1 if "mod-active" in (buttons.nth(3).get_attribute("class") or "") else 3
    buttons.nth(choice).click()
    page.wait_for_function("(el) => el.classList.contains('mod-active')",
                           arg=buttons.nth(choice).element_handle(), timeout=15_000)
    status = page.locator(f"{PANEL} .netlearn-self-assessment .netlearn-status").first
    page.wait_for_function("(el) => /Saved/.test(el.innerText)", arg=status.element_handle(),
                           timeout=15_000)
    return choice


def assert_likert_restored(page, choice: int) -> None:
    """The rating picked before the restart is pressed again."""
    buttons = page.locator(f"{PANEL} .netlearn-likert").first.locator("button")
    pressed = [i for i in range(buttons.count())
               if "mod-active" in (buttons.nth(i).get_attribute("class") or "")]
    assert pressed == [choice], (
        f"Likert option #{choice + 1} was picked before the restart; after Restart Kernel and "
        f"Run All Cells the pressed options are {[i + 1 for i in pressed]}")


# -- screenshots ----------------------------------------------------------------------------

SCROLL_TO_FOCUS_JS = """([panelSelector, chartFirst]) => {
  const panel = document.querySelector(panelSelector);
  const cells = Array.from(panel.querySelectorAll('.jp-Notebook .jp-Cell'));
  const heading = cells.findIndex(cell => Array.from(
    cell.querySelectorAll('.jp-MarkdownOutput :is(h1,h2,h3,h4)')).some(
    h => /^Worked example/i.test((h.textContent || '').trim())));
  const charts = chartFirst ? cells.slice(Math.max(heading, 0)).map(
    cell => cell.querySelector('.netlearn-chart img')).filter(Boolean) : [];
  const chart = charts[0] || (chartFirst ? panel.querySelector('.netlearn-chart img') : null);
  const target = chart ? chart.closest('.jp-Cell') : panel.querySelector('.netlearn-root');
  if (!target) { return null; }
  target.scrollIntoView({block: 'start'});
  let scroller = target.parentElement;
  while (scroller && scroller.scrollHeight <= scroller.clientHeight) {
    scroller = scroller.parentElement;
  }
  if (scroller) { scroller.scrollBy(0, chart ? -40 : -160); }
  return chart ? 'chart' : 'widget';
}"""


def save_screenshot(page, stem: str, directory: Path) -> Path:
    """Scroll to the worked example's chart (else the first widget, else stay at the top) and
    save the 1280×900 window as <directory>/<stem>.png (docs/screenshots with
    ``--update-screenshots``, so a test run leaves the work tree as it was).

    A chart is the ``<img>`` inside the HTML output of ``netlearn.show_chart``
    (``.netlearn-chart img``); the worked example's is the first one after the heading
    "Worked example", else the notebook's first chart.
    """
    wanted = SCREENSHOT_FOCUS.get(stem, "chart")
    found = page.evaluate(SCROLL_TO_FOCUS_JS, [PANEL, wanted == "chart"])
    assert found == wanted, (
        f"{stem}: the screenshot should show the {wanted} but found {found or 'neither'}")
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{stem}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# -- the test -------------------------------------------------------------------------------


@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks in notebooks/*.ipynb yet")
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_restores_state(notebook, notebook_run, request, tmp_path):
    lab_page = notebook_run.handle
    page = lab_page.page
    has_quiz = calls(notebook, "quiz")
    has_likert = calls(notebook, "self_assessment")
    with screenshot_on_failure(page, notebook.stem):
        notebook_run.ensure_run()
        fail_listing(output_problems(page), f"{notebook.name} after Run All Cells:")
        if re.search(WIDGET_CALL, notebook_code(notebook)):
            assert page.locator(f"{PANEL} .netlearn-root").count(), (
                f"{notebook.name} calls netlearn widgets but none rendered (.netlearn-root)")

        shot = save_screenshot(page, notebook.stem,
                               SCREENSHOT_DIR if request.config.getoption("--update-screenshots")
                               else tmp_path)
        assert shot.stat().st_size < SCREENSHOT_MAX_BYTES, (
            f"{shot} is {shot.stat().st_size} bytes (limit {SCREENSHOT_MAX_BYTES})")

        assert_no_injection(page, notebook)
        if has_quiz:
            assert page.locator(f"{PANEL} .netlearn-quiz").count(), "the quiz did not render"

        answer = answer_quiz_item(page) if has_quiz else None
        likert = set_likert(page) if has_likert else None
        wait_kernel_idle(page)

        restart_and_run_all(page)
        fail_listing(output_problems(page),
                     f"{notebook.name} after Restart Kernel and Run All Cells:")
        if answer is not None:
            assert_quiz_restored(page, answer)
        if likert is not None:
            assert_likert_restored(page, likert)
        assert_no_injection(page, notebook)
    assert not lab_page.dialogs, f"{notebook.name} opened dialogs: {lab_page.dialogs}"
    assert not lab_page.page_errors, (
        f"{notebook.name}: uncaught JavaScript errors in the page: {lab_page.page_errors}")
