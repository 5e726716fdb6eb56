"""Keyboard only: a rating, a quiz item, a reflection and a scenario are stored; focus is visible.

Each widget is reached the way a keyboard user reaches it from the cell above: focus is put
on the widget's outer box (as a screen reader's "next region" or a skip would), then only
Tab, Shift+Tab, Space and Enter (plus typing the reflection's text) are used. Arrow keys are
not: JupyterLab takes them on a focused radio button or button (docs/accessibility.md).

Runs on notebook 01 as the notebook test left it (shared run, see conftest): its first
rating and quiz item already hold that test's answers, so each keyboard answer must change
what the store holds.
"""

from __future__ import annotations

import pytest

from .conftest import PANEL, REPO, screenshot_on_failure

pytestmark = pytest.mark.browser

NOTEBOOK = REPO / "notebooks" / "01-preparation.ipynb"
TOPIC = "01-preparation"
MAX_TABS = 40

FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const style = getComputedStyle(el);
  const root = el.closest('.netlearn-root');
  return {
    tag: el.tagName.toLowerCase(), type: el.type || '', classes: el.className || '',
    text: (el.innerText || el.value || el.getAttribute('title') || '').trim().slice(0, 60),
    widget: root ? Array.from(root.classList).join(' ') : '',
    focusVisible: el.matches(':focus-visible'),
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1)
          || style.boxShadow !== 'none',
  };
}"""


def focus_widget(page, css_class: str, index: int = 0) -> None:
    """Put focus on the outer box of a widget (not on any of its controls).

    JupyterLab makes the box's cell the active one when focus enters it, and may then take
    focus for the notebook; so the focus is checked after a moment and put back once.
    """
    for _ in range(3):
        page.evaluate("""([selector, index]) => {
          const box = document.querySelectorAll(selector)[index];
          box.setAttribute('tabindex', '-1');
          box.scrollIntoView({block: 'center'});
          box.focus();
        }""", [f"{PANEL} .{css_class}", index])
        page.wait_for_timeout(500)
        if page.evaluate("""([selector, index]) => document.activeElement ===
                         document.querySelectorAll(selector)[index]""",
                         [f"{PANEL} .{css_class}", index]):
            return
    pytest.fail(f"could not put focus on the .{css_class} box")


def enter_widget(page, css_class: str, is_first) -> dict:
    """Focus a widget's box and press Tab once: focus must land, visibly, on its first control."""
    focus_widget(page, css_class)
    page.keyboard.press("Tab")
    info = page.evaluate(FOCUS_JS) or {}
    assert css_class in info.get("widget", "") and is_first(info), (
        f"Tab from the .{css_class} box does not reach its first control: {info}")
    assert info["focusVisible"] and info["ring"], f"focus is not visible on {info}"
    return info


def focused(page) -> dict:
    """Describe the focused element; fail unless its focus is visible."""
    info = page.evaluate(FOCUS_JS)
    assert info, "focus was lost (nothing focused)"
    assert info["focusVisible"] and info["ring"], f"focus is not visible on {info}"
    return info


def tab_until(page, matches, *, key: str = "Tab") -> dict:
    """Press ``key`` until the focused element satisfies ``matches``; check focus on each stop."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        info = page.evaluate(FOCUS_JS) or {}
        seen.append(f"{info.get('tag')}.{info.get('classes')} {info.get('type')} "
                    f"{info.get('text')!r}")
        assert info and info["focusVisible"] and info["ring"], (
            f"focus is not visible on {info}; focus went: {seen}")
        if matches(info):
            return info
    pytest.fail(f"not reached in {MAX_TABS} presses of {key}; focus went: {seen}")


def store_of(server):
    from netlearn.store import Store

    return Store(server.home)


def poll(server, read, done, timeout_s: float = 30):
    """Read the learner's store until ``done(read(store))`` (the kernel saves asynchronously)."""
    import time

    deadline = time.monotonic() + timeout_s
    while True:
        store = store_of(server)
        try:
            found = read(store)
        finally:
            store.close()
        if done(found) or time.monotonic() > deadline:
            return found
        time.sleep(0.3)


def ratings_of(store) -> dict:
    return {key: value for key, value in store.self_assessments("check").items()
            if key[0] == TOPIC}


@pytest.mark.parametrize("notebook", [NOTEBOOK], ids=[NOTEBOOK.stem])
def test_keyboard_only_rating_quiz_reflection_and_scenario(notebook, notebook_run):
    page = notebook_run.page
    server = notebook_run.handle.server
    with screenshot_on_failure(page, "keyboard-only"):
        notebook_run.ensure_run()

        # 1. Likert rating: Tab to the first statement's buttons, on to "3", back to "2", Space.
        ratings_before = poll(server, ratings_of, lambda _: True)
        assert 2 not in ratings_before.values(), (
            f"a rating of 2 is stored already, so a stored 2 would prove nothing: {ratings_before}")
        enter_widget(page, "netlearn-self-assessment", lambda f: f["text"].startswith("1 ·"))
        tab_until(page, lambda f: f["text"].startswith("3 ·"))
        tab_until(page, lambda f: f["text"].startswith("2 ·"), key="Shift+Tab")
        page.keyboard.press("Space")
        page.wait_for_function("""(selector) => document.querySelector(selector)
            .innerText.includes('Saved')""", arg=f"{PANEL} .netlearn-self-assessment "
                                                 ".netlearn-status")
        ratings = poll(server, ratings_of,
                       lambda found: found != ratings_before and 2 in found.values())
        assert ratings != ratings_before and 2 in ratings.values(), (
            f"the rating was not stored: {ratings} (before: {ratings_before})")

        # 2. Quiz item 1 (single choice): Tab to its second option, Space, Enter on Check.
        # (Arrow keys are left out here: on a focused radio button JupyterLab's command-mode
        # shortcuts take them and select the next cell; see docs/accessibility.md.)
        quiz_before = poll(server, lambda store: store.last_answers(TOPIC), lambda _: True)
        enter_widget(page, "netlearn-quiz", lambda f: f["type"] == "radio")
        tab_until(page, lambda f: f["type"] == "radio")
        page.keyboard.press("Space")
        page.wait_for_timeout(500)
        picked = focused(page)
        assert picked["type"] == "radio", picked
        assert page.evaluate("() => document.activeElement.checked"), "Space did not pick it"
        tab_until(page, lambda f: "netlearn-check" in f["classes"])
        page.keyboard.press("Enter")
        feedback = page.locator(f"{PANEL} .netlearn-quiz .netlearn-question").first \
            .locator(".netlearn-feedback [role=status][aria-live=polite]")
        feedback.wait_for(timeout=30_000)
        assert any(symbol in feedback.inner_text() for symbol in "✓✗◐")
        answers = poll(server, lambda store: store.last_answers(TOPIC),
                       lambda found: found != quiz_before)
        assert answers != quiz_before, "the quiz answer was not stored"

        # 3. Reflection: Tab to the text area, type, Tab to Save, Enter.
        enter_widget(page, "netlearn-reflection", lambda f: f["tag"] == "textarea")
        page.keyboard.type("Keyboard only: I will prepare two questions.")
        tab_until(page, lambda f: "netlearn-save" in f["classes"])
        page.keyboard.press("Enter")
        wanted = "Keyboard only: I will prepare two questions."
        texts = poll(server, lambda store: [row["text"] for row
                                              in store.reflections(TOPIC).values()],
                     lambda found: wanted in found)
        assert wanted in texts, f"the reflection was not stored: {texts}"

        # 4. Scenario: Tab to a choice, Enter; focus stays on the next choice; on to an ending.
        runs_before = poll(server, lambda store: store.last_answers(TOPIC, kind="scenario"),
                           lambda _: True)
        first = enter_widget(page, "netlearn-scenario", lambda f: "netlearn-choice" in f["classes"]
                             or "netlearn-restart" in f["classes"])
        if "netlearn-restart" in first["classes"]:  # an earlier run ended here
            page.keyboard.press("Enter")
            page.wait_for_selector(f"{PANEL} .netlearn-scenario button.netlearn-choice")
            enter_widget(page, "netlearn-scenario", lambda f: "netlearn-choice" in f["classes"])
        ending = page.locator(f"{PANEL} .netlearn-scenario .netlearn-ending").first
        for _ in range(20):
            page.evaluate("() => { window.__netlearnPressed = document.activeElement; }")
            page.keyboard.press("Enter")
            page.wait_for_function("""(selector) => {
              const el = document.activeElement;
              return el && el !== window.__netlearnPressed && el.closest(selector) &&
                     (el.matches('.netlearn-choice') || el.matches('.netlearn-restart'));
            }""", arg=f"{PANEL} .netlearn-scenario", timeout=30_000)
            info = focused(page)
            if ending.inner_text().strip():
                assert "netlearn-restart" in info["classes"]
                break
        assert ending.locator("[role=status]").count(), "the ending is not announced"
        runs = poll(server, lambda store: store.last_answers(TOPIC, kind="scenario"),
                    lambda found: found != runs_before)
        assert runs != runs_before, "the scenario run was not stored"
