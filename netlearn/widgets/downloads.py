"""Files offered as download links in a notebook (data: URLs, or where they are when too big)."""

from __future__ import annotations

import base64
from pathlib import Path

from netlearn.widgets._ui import escape

DOWNLOAD_LIMIT_BYTES = 10 * 1024 * 1024
MIME_TYPES = {".csv": "text/csv", ".ics": "text/calendar", ".md": "text/markdown",
              ".json": "application/json"}


def download_links_html(paths, limit: int = DOWNLOAD_LIMIT_BYTES) -> str:
    """Return HTML with a ``data:`` download link per file (or where it is, when too big).

    Parameters
    ----------
    paths : iterable of Path
        Files to offer.
    limit : int
        Files larger than this many bytes are not embedded; their location is shown.

    Returns
    -------
    str
        An HTML list; names and paths are escaped.
    """
    items = []
    for path in paths:
        path = Path(path)
        size = path.stat().st_size
        if size > limit:
            items.append(f"<li>{escape(path.name)} ({size / 1e6:.1f} MB) is too big to "
                         f"download here — find it at <code>{escape(path)}</code></li>")
            continue
        mime = MIME_TYPES.get(path.suffix.lower(), "application/octet-stream")
        payload = base64.b64encode(path.read_bytes()).decode("ascii")
        items.append(
            f'<li><a download="{escape(path.name)}" href="data:{mime};base64,{payload}">'
            f"{escape(path.name)}</a> ({size:,} bytes)</li>")
    return "<ul class='netlearn-downloads'>" + "".join(items) + "</ul>"
