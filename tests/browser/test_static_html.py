"""The static HTML copy of a notebook carries the charts' text alternatives and passes axe-core."""

from __future__ import annotations

import importlib.util
import re

import pytest

from .axe import describe, run_axe
from .conftest import REPO
from .test_axe import axe_source  # noqa: F401 - the session fixture that installs axe-core

pytestmark = pytest.mark.browser

TOOL = REPO / "tools" / "export_static_html.py"
NOTEBOOK = REPO / "notebooks" / "05-maintaining-relationships.ipynb"


def load_tool():
    spec = importlib.util.spec_from_file_location("export_static_html", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def static_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("static-html")
    return load_tool().export(NOTEBOOK, out)


def test_static_copy_has_alt_text_tables_and_no_code(static_page):
    text = static_page.read_text(encoding="utf-8")
    alts = re.findall(r'<img [^>]*alt="([^"]+)"', text)
    assert len(alts) == 2 and alts[0].startswith("Bar chart of 15 close contacts"), alts
    assert text.count("<summary>Show the data:") == 2
    assert '<th scope="col">Contact</th>' in text and "<caption>" in text
    assert "netlearn.show_chart(" not in text, "code cells must be left out"
    assert '<html lang="en">' in text
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?:", text), "nothing remote"
    assert "application/vnd.jupyter.widget-state+json" not in text


def test_static_copy_passes_axe(static_page, browser, axe_source):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked = []

    def only_local(route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    try:
        page = context.new_page()
        page.route("**/*", only_local)
        page.goto(static_page.as_uri())
        violations = run_axe(page, axe_source, ["body"], [])
        assert violations == [], "\n".join(describe(violations))
        assert blocked == [], f"the static copy tried to load {blocked}"
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.textContent") == "Skip to the content"
        summary = page.locator("summary").first
        summary.focus()
        page.keyboard.press("Enter")
        assert page.locator("details").first.get_attribute("open") is not None
    finally:
        context.close()
