"""Tests for the escaping and the tiny markdown subset in netlearn.widgets._html."""

from __future__ import annotations

import pytest

from netlearn.widgets import _html

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)>"


@pytest.mark.parametrize("text, expected", [
    ("plain", "plain"),
    ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
    ('say "hi"', "say &quot;hi&quot;"),
    ("Dana's", "Dana&#x27;s"),
    (None, ""),
    (42, "42"),
    (HOSTILE, "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"),
])
def test_escape(text, expected):
    assert _html.escape(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("**bold**", "<strong>bold</strong>"),
    ("*italic*", "<em>italic</em>"),
    ("`code`", "<code>code</code>"),
    ("**bold with *italic* inside**", "<strong>bold with <em>italic</em> inside</strong>"),
    ("`**not bold**`", "<code>**not bold**</code>"),
    ("5 * 3 * 2", "5 * 3 * 2"),
    ("**<b>x</b>**", "<strong>&lt;b&gt;x&lt;/b&gt;</strong>"),
    ("`<script>`", "<code>&lt;script&gt;</code>"),
    ("[docs](https://example.org/a?b=1&c=2)",
     '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" '
     'rel="noopener noreferrer">docs</a>'),
    ("[**bold link**](http://example.org)",
     '<a href="http://example.org" target="_blank" rel="noopener noreferrer">'
     "<strong>bold link</strong></a>"),
])
def test_inline_markup(text, expected):
    assert _html.inline(text) == expected


@pytest.mark.parametrize("text", [
    "[click](javascript:alert(1))",
    "[click](data:text/html,<script>alert(1)</script>)",
    "[click](//evil.example)",
    "[click](ftp://example.org)",
    "[click](vbscript:msgbox)",
])
def test_only_http_links_become_links(text):
    rendered = _html.inline(text)
    assert "<a" not in rendered
    assert "<script" not in rendered


def test_a_link_cannot_break_out_of_its_attribute():
    rendered = _html.inline('[x](https://example.org/"onmouseover="alert(1))')
    assert 'onmouseover="' not in rendered
    assert "&quot;" in rendered


@pytest.mark.parametrize("text", [
    HOSTILE,
    f"**{HOSTILE}**",
    f"*{HOSTILE}*",
    f"`{HOSTILE}`",
    f"[{HOSTILE}](https://example.org)",
    f"- {HOSTILE}\n- second",
    f"para one\n\n{HOSTILE}",
    "<a href='javascript:alert(1)'>x</a>",
    "<style>body{display:none}</style>",
])
def test_hostile_markup_is_always_escaped(text):
    rendered = _html.markdown(text)
    assert "<script" not in rendered
    assert "<img" not in rendered
    assert "<style" not in rendered
    assert "href='javascript" not in rendered


def test_markdown_paragraphs_line_breaks_and_lists():
    text = "First line\nsecond line\n\n**What to do:**\n- one\n- two\n  continued\n\nLast."
    assert _html.markdown(text) == (
        "<p>First line<br>second line</p>"
        "<p><strong>What to do:</strong></p>"
        "<ul><li>one</li><li>two continued</li></ul>"
        "<p>Last.</p>"
    )


def test_markdown_of_empty_text_is_empty():
    assert _html.markdown("") == ""
    assert _html.markdown(None) == ""


@pytest.mark.parametrize("text, expected", [
    ("**Bold** and *it* and `code`", "Bold and it and code"),
    ("See [docs](https://example.org).", "See docs (https://example.org)."),
    ("  spaced\n out  ", "spaced out"),
    (HOSTILE, HOSTILE),  # labels are text, not HTML: shown as typed
])
def test_plain_strips_markers_for_text_labels(text, expected):
    assert _html.plain(text) == expected


def test_style_uses_theme_variables_not_fixed_colours():
    assert "var(--jp-border-color2)" in _html.STYLE
    assert "#" not in _html.STYLE.replace("#x27", "")
    assert "rgb" not in _html.STYLE
