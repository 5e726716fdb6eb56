"""Escape text for HTML and render a tiny, safe markdown subset (screens and chart tables)."""

from __future__ import annotations

import html
import re

# Inline patterns, matched on text that is already escaped, so none of them can
# produce markup other than the tags written here.
_INLINE = re.compile(
    r"`(?P<code>[^`\n]+)`"
    r"|\*\*(?P<bold>(?!\s).+?(?<!\s))\*\*"
    r"|\*(?P<italic>(?!\s)[^*]+?(?<!\s))\*"
    r"|\[(?P<label>[^\]\n]+)\]\((?P<url>https?://[^\s()]+)\)"
)
_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
_PLAIN_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^\s()]+)\)")


def escape(text) -> str:
    """Return ``text`` with ``& < > " '`` escaped, ready to place inside HTML."""
    return html.escape("" if text is None else str(text), quote=True)


def inline(text) -> str:
    """Escape ``text``, then render **bold**, *italic*, `code` and [links](https://…).

    Links are kept only for http and https addresses and open in a new tab with
    ``rel="noopener noreferrer"``; anything else stays as literal, escaped text.
    """
    return _render_inline(escape(text))


def _render_inline(escaped: str) -> str:
    def replace(match: re.Match) -> str:
        if match.group("code") is not None:
            return f"<code>{match.group('code')}</code>"
        if match.group("bold") is not None:
            return f"<strong>{_render_inline(match.group('bold'))}</strong>"
        if match.group("italic") is not None:
            return f"<em>{_render_inline(match.group('italic'))}</em>"
        url = match.group("url")
        return (f'<a href="{url}" target="_blank" rel="noopener noreferrer">'
                f"{_render_inline(match.group('label'))}</a>")

    return _INLINE.sub(replace, escaped)


def markdown(text) -> str:
    """Render ``text`` as safe HTML: paragraphs, "- " bullet lists and :func:`inline` markup.

    Everything is escaped first; blank lines separate paragraphs and single line
    breaks are kept.
    """
    out = []
    for block in re.split(r"\n\s*\n", str(text or "").strip()):
        out.extend(_render_block(block.splitlines()))
    return "".join(out)


def _render_block(lines: list[str]) -> list[str]:
    """Turn one block's lines into <p> and <ul> elements, in order."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    for line in [*lines, None]:  # None flushes what is left
        bullet = _BULLET.match(line) if line is not None else None
        continues_item = (items and line is not None and line.startswith((" ", "\t"))
                          and line.strip() and not bullet)
        if continues_item:
            items[-1] += " " + line.strip()
            continue
        if (bullet or line is None) and paragraph:
            out.append("<p>" + "<br>".join(inline(p) for p in paragraph) + "</p>")
            paragraph = []
        if not bullet and items:
            out.append("<ul>" + "".join(f"<li>{inline(i)}</li>" for i in items) + "</ul>")
            items = []
        if bullet:
            items.append(bullet.group(1))
        elif line is not None and line.strip():
            paragraph.append(line)
    return out


def plain(text) -> str:
    """Return ``text`` without markdown markers, for widget labels (which show text, not HTML)."""
    text = _PLAIN_LINK.sub(r"\1 (\2)", str(text or ""))
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"\*(?!\s)([^*]+?)\*", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return " ".join(text.split())


def box(inner_html: str, css_class: str = "") -> str:
    """Wrap already-safe HTML in a bordered, theme-aware box."""
    extra = f" {css_class}" if css_class else ""
    return f'<div class="netlearn-box{extra}">{inner_html}</div>'


def live(inner_html: str) -> str:
    """Wrap already-safe HTML in a polite live region, so screen readers announce it."""
    return f'<div role="status" aria-live="polite" aria-atomic="true">{inner_html}</div>'
