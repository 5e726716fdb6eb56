"""Every control in the notebooks' widgets has an accessible name; verdicts are not colour-only."""

from __future__ import annotations

import pytest

from .conftest import (
    PANEL,
    answer_quiz_item,
    fail_listing,
    has_verdict,
    notebook_paths,
    quiz_questions,
    screenshot_on_failure,
    wait_kernel_idle,
)

pytestmark = pytest.mark.browser

NOTEBOOKS = notebook_paths()
INTERACTIVE = ("button", "input:not([type=hidden])", "textarea", "select", "[role=radio]",
               "[role=checkbox]", "[role=button]", "[role=slider]")
CANDIDATES = ", ".join(f"{PANEL} .jp-OutputArea {selector}" for selector in INTERACTIVE)
PLACEHOLDER_NAMES = {"null", "undefined", "none", "[object object]"}
SCENARIO_MAX_STEPS = 20

# Tag every interactive element of the outputs and describe where it sits.
MARK_CANDIDATES_JS = """(selector) => {
  const cells = Array.from(document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell'));
  const squash = (text) => (text || '').trim().replace(/\\s+/g, ' ');
  // The nearest ancestor that says more than the element itself (e.g. its table row).
  const context = (el) => {
    const own = squash(el.innerText || el.textContent);
    let up = el.parentElement;
    for (let level = 0; up && level < 8; level++, up = up.parentElement) {
      const text = squash(up.innerText);
      if (text && text !== own) { return text.slice(0, 100); }
    }
    return '';
  };
  return Array.from(new Set(document.querySelectorAll(selector))).map((el, index) => {
    el.setAttribute('data-netlearn-a11y', String(index));
    const root = el.closest('.netlearn-root');
    const widget = root ? Array.from(root.classList).filter(
      c => c.startsWith('netlearn-') && c !== 'netlearn-root').join(' ') : '(other widget)';
    const clone = el.cloneNode(false);
    clone.removeAttribute('data-netlearn-a11y');
    return {
      index: index,
      cell: cells.indexOf(el.closest('.jp-Cell')),
      widget: widget,
      snippet: clone.outerHTML.slice(0, 200),
      text: squash(el.textContent).slice(0, 60),
      context: context(el),
    };
  });
}"""

# Feedback that states a verdict: everything except neutral notes in .netlearn-muted.
FEEDBACK_JS = """(panelSelector) => {
  const panel = document.querySelector(panelSelector);
  const cells = Array.from(panel.querySelectorAll('.jp-Notebook .jp-Cell'));
  return Array.from(panel.querySelectorAll('.netlearn-feedback, .netlearn-ending')).map(el => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.netlearn-muted, style').forEach(m => m.remove());
    const root = el.closest('.netlearn-root');
    return {
      cell: cells.indexOf(el.closest('.jp-Cell')),
      widget: root ? Array.from(root.classList).filter(
        c => c.startsWith('netlearn-') && c !== 'netlearn-root').join(' ') : '',
      kind: Array.from(el.classList).filter(c => c.startsWith('netlearn-')).join(' '),
      text: (copy.innerText || copy.textContent || '').trim().replace(/\\s+/g, ' '),
    };
  }).filter(item => item.text);
}"""


def computed_names(page) -> list[dict]:
    """Return every interactive output element with Chromium's computed role and name."""
    elements = page.evaluate(MARK_CANDIDATES_JS, CANDIDATES)
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("Accessibility.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        for element in elements:
            node_id = cdp.send("DOM.querySelector", {
                "nodeId": root, "selector": f'[data-netlearn-a11y="{element["index"]}"]'})["nodeId"]
            nodes = cdp.send("Accessibility.getPartialAXTree",
                             {"nodeId": node_id, "fetchRelatives": False})["nodes"]
            node = nodes[0] if nodes else {}
            element["ignored"] = bool(node.get("ignored"))
            element["role"] = node.get("role", {}).get("value", "")
            element["name"] = str(node.get("name", {}).get("value", "") or "").strip()
    finally:
        cdp.detach()
    return elements


def unnamed_controls(elements: list[dict]) -> list[str]:
    """Return a description of each exposed control whose accessible name is empty or junk."""
    offenders = []
    for element in elements:
        if element["ignored"]:
            continue  # not exposed to assistive technology (e.g. display: none)
        if element["name"] and element["name"].lower() not in PLACEHOLDER_NAMES:
            continue
        offenders.append(
            f"cell {element['cell']} [{element['widget']}] role={element['role'] or '?'} "
            f"name={element['name']!r}: {element['snippet']} text={element['text']!r} "
            f"(near: {element['context']!r})")
    return offenders


# A scenario has drawn its next step: the ending's text, or the next node's choices. The
# kernel sends a step as several widget updates (at an ending the choices go before the
# ending's text comes), so a test waits for one of the two rather than reading in between.
SCENARIO_STEP_SHOWN_JS = """(box) => Boolean(box.querySelector('.netlearn-ending').innerText.trim()
                                           || box.querySelector('button.netlearn-choice'))"""
SCENARIO_RESTARTED_JS = """(box) => !box.querySelector('.netlearn-ending').innerText.trim()
                                   && Boolean(box.querySelector('button.netlearn-choice'))"""


def walk_scenarios(page) -> None:
    """Play every scenario on the page to an ending by always taking the first choice."""
    scenarios = page.locator(f"{PANEL} .netlearn-scenario")
    for index in range(scenarios.count()):
        scenario = scenarios.nth(index)
        ending = scenario.locator(".netlearn-ending")
        choices = scenario.locator("button.netlearn-choice")
        if ending.inner_text().strip():
            scenario.locator("button.netlearn-restart").click()
            page.wait_for_function(SCENARIO_RESTARTED_JS, arg=scenario.element_handle(),
                                   timeout=15_000)
        for _ in range(SCENARIO_MAX_STEPS):
            page.wait_for_function(SCENARIO_STEP_SHOWN_JS, arg=scenario.element_handle(),
                                   timeout=15_000)
            if ending.inner_text().strip():
                break
            first = choices.first.element_handle()
            choices.first.click()
            page.wait_for_function("(el) => !el.isConnected", arg=first, timeout=15_000)
        assert ending.inner_text().strip(), (
            f"scenario {index + 1} did not reach an ending in {SCENARIO_MAX_STEPS} choices")


@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks in notebooks/*.ipynb yet")
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_widgets_are_accessible(notebook, notebook_run):
    """On the notebook after Run All (shared with the notebook test when it ran first)."""
    lab_page = notebook_run.handle
    page = lab_page.page
    with screenshot_on_failure(page, f"a11y-{notebook.stem}"):
        notebook_run.ensure_run()
        if quiz_questions(page).count():
            answer_quiz_item(page)
        walk_scenarios(page)
        wait_kernel_idle(page)

        elements = computed_names(page)
        if page.locator(f"{PANEL} .netlearn-root").count():
            assert elements, "the widgets rendered but no interactive element was found"
        offenders = unnamed_controls(elements)
        feedback = page.evaluate(FEEDBACK_JS, PANEL)
        colour_only = [f"cell {f['cell']} [{f['widget']}] .{f['kind']} says: {f['text'][:200]!r}"
                       for f in feedback if not has_verdict(f["text"])]
        fail_listing(
            [f"{notebook.stem}: {o}" for o in offenders]
            + [f"{notebook.stem}: {c}" for c in colour_only],
            f"{notebook.name}: {len(offenders)} interactive element(s) without an accessible "
            f"name, {len(colour_only)} feedback element(s) without a ✓/✗/◐ symbol (correctness "
            "must not be colour-only):")
    assert not lab_page.dialogs, f"{notebook.name} opened dialogs: {lab_page.dialogs}"
