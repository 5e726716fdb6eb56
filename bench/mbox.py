"""Bench: importing a big mailbox, headers only, against the standard library's floor.

Usage::

    python bench/mbox.py [--messages 100000] [--repeat 1] [--keep DIR] [--anyway]

Writes a deterministic mailbox shaped like a Gmail Takeout (Received, DKIM and ARC
headers, labels, threads; wrapped text and HTML bodies, newsletters' HTML longest; every
40th message with a 100 KB base64 attachment), then measures, in the same run and each
in a fresh process:

- **import**: ``netlearn.keep.ingest.import_file(store, "mbox", path)``, from the file to
  rows stored in a new ``NETLEARN_HOME``, as ``netlearn import mbox`` runs it;
- **floor**: ``mailbox.mbox`` with ``email.parser.BytesHeaderParser`` reading the same
  headers of every message, and nothing else.

The target is import time ≤ 1.0 × the floor's. Each process's peak resident memory is
reported beside its resident memory before reading, so growth with the file shows.

For 100,000 messages the mailbox is about 1.3 GB (13 KB a message); a real one with
attachments is several GB, its attachments and HTML larger. It is sized so that the
floor, which reads every body line, finishes within a minute or so; the importer steps
over bodies, so a bigger real mailbox favours it further. Timings on a busy machine mean
nothing: the bench refuses to run while the load average is above 1.0 unless
``--anyway`` is given.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: The headers the importer reads: the floor reads the same.
HEADERS = ("From", "To", "Cc", "Bcc", "Date", "Message-ID", "In-Reply-To", "References",
           "List-Id", "List-Unsubscribe", "List-Post", "Precedence", "Auto-Submitted",
           "X-Autoreply", "X-Autorespond", "X-Gmail-Labels", "Content-Type", "Content-Class",
           "Sender")
ME = "jordan.example@example.org"
START = datetime(2022, 1, 1, tzinfo=timezone.utc)
WORDS = ("meeting", "project", "thanks", "draft", "coffee", "schedule", "notes", "data",
         "health", "design", "review", "update", "quick", "question", "idea", "plan")


def write_mailbox(path: Path, messages: int, seed: int = 1) -> int:
    """Write a deterministic Takeout-shaped mailbox of ``messages`` messages; return bytes.

    A tenth are sent by the learner to one to three of 2,000 people, a fifth are their
    replies, half are newsletters and notifications (List-Unsubscribe, no-reply), the rest
    from strangers.
    """
    rng = random.Random(seed)
    people = [f"person{n}@example{n % 50}.com" for n in range(2000)]
    attachment = base64.encodebytes(rng.randbytes(75_000)).decode().rstrip("\n")  # 100 KB
    words = " ".join(rng.choice(WORDS) for _ in range(40_000))
    lines = textwrap.wrap(words, 72)  # bodies come wrapped, as mail programs send them
    sent_ids: list[str] = []
    size = 0
    with open(path, "wb") as out:
        for n in range(messages):
            when = START + timedelta(minutes=20 * n + rng.randrange(20))
            kind = rng.random()
            labels, extra = "Inbox,Opened", []
            if kind < 0.1:
                sender, labels = ME, "Sent"
                to = ", ".join(f"Person {p} <{p}>" for p in rng.sample(people, rng.randint(1, 3)))
            elif kind < 0.3:
                sender, to = rng.choice(people), ME
                if sent_ids:
                    parent = rng.choice(sent_ids)
                    extra = [f"In-Reply-To: {parent}", f"References: {parent}"]
            elif kind < 0.8:
                sender, to = f"news@letters{n % 30}.example.net", ME
                extra = [f"List-Unsubscribe: <https://letters{n % 30}.example.net/u/{n}>",
                         f"List-Id: <letters{n % 30}.example.net>"]
                labels = "Inbox,Category Promotions"
            else:
                sender, to = f"stranger{n}@example.com", ME
            message_id = f"<{n}.{rng.getrandbits(48):x}@mail.example.org>"
            if sender == ME:
                sent_ids.append(message_id)
            # text of 5 to 40 lines; the HTML part of a newsletter is much longer
            first = rng.randrange(len(lines) - 300)
            text = "\n".join(lines[first:first + rng.randrange(5, 40)])
            html_lines = lines[first:first + (rng.randrange(80, 250) if 0.3 <= kind < 0.8
                                              else rng.randrange(8, 60))]
            html = "\n".join(f"<p>{line}</p>" for line in html_lines)
            parts = [
                f"From {1790000000000000000 + n}@xxx {when:%a %b %d %H:%M:%S +0000 %Y}",
                f"X-GM-THRID: {1790000000000000000 + n}", f"X-Gmail-Labels: {labels}",
                *(f"Received: from mx{k}.example.net (mx{k}.example.net [192.0.2.{k}]) by "
                  f"mx.example.org with ESMTPS id {n}x{k}\n        for <{ME}>; "
                  f"{when:%a, %d %b %Y %H:%M:%S +0000}" for k in range(3)),
                "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.net; s=s1;\n"
                "        h=from:to:subject:date; "
                f"bh={base64.b64encode(rng.randbytes(32)).decode()};\n"
                f"        b={base64.b64encode(rng.randbytes(180)).decode()}",
                f"ARC-Seal: i=1; a=rsa-sha256; t={int(when.timestamp())}; cv=none; d=google.com;"
                f"\n        b={base64.b64encode(rng.randbytes(120)).decode()}",
                f"From: {sender}", f"To: {to}", f"Date: {when:%a, %d %b %Y %H:%M:%S +0000}",
                f"Subject: {' '.join(rng.choices(WORDS, k=5))}", f"Message-ID: {message_id}",
                *extra, "MIME-Version: 1.0",
                'Content-Type: multipart/mixed; boundary="b1"', "", "--b1",
                'Content-Type: text/plain; charset="UTF-8"', "", text,
                ">From the archive: a body line an mbox writer escaped", "--b1",
                'Content-Type: text/html; charset="UTF-8"', "", html]
            if n % 40 == 0:
                parts += ["--b1", "Content-Type: application/pdf; name=notes.pdf",
                          "Content-Transfer-Encoding: base64", "", attachment]
            parts += ["--b1--", "", ""]
            data = "\n".join(parts).encode()
            out.write(data)
            size += len(data)
    return size


def _floor(path: str) -> dict:
    """The floor: mailbox.mbox and BytesHeaderParser read the same headers of each message."""
    import mailbox
    from email.parser import BytesHeaderParser
    from email.policy import compat32

    before = _rss_mb()
    start = time.perf_counter()
    parser = BytesHeaderParser(policy=compat32)
    box = mailbox.mbox(path, create=False)
    read = 0
    for key in box.iterkeys():
        with box.get_file(key) as handle:
            headers = parser.parse(handle)
        read += sum(1 for name in HEADERS if headers.get(name) is not None)
    seconds = time.perf_counter() - start
    return {"s": seconds, "messages": len(box), "headers": read, "rss_before_mb": before}


def _import(path: str) -> dict:
    """The import: file to stored rows, as `netlearn import mbox PATH` runs it."""
    import importlib

    os.environ["NETLEARN_HOME"] = tempfile.mkdtemp(prefix="netlearn-bench-mbox-")
    from netlearn.keep.ingest import import_file
    from netlearn.store import Store

    importlib.import_module("netlearn.importers.mbox")  # loaded before timing, as the floor's

    store = Store(os.environ["NETLEARN_HOME"])
    before = _rss_mb()
    start = time.perf_counter()
    imported = import_file(store, "mbox", path)
    seconds = time.perf_counter() - start
    store.close()
    shutil.rmtree(os.environ["NETLEARN_HOME"])
    result = imported.result
    return {"s": seconds, "added": result.added, "skipped": result.skipped,
            "notes": imported.notes, "rss_before_mb": before}


def _rss_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _child(which: str, path: str) -> dict:
    """Run one measure in a fresh process; return its result and its peak memory."""
    run = subprocess.run([sys.executable, __file__, "--child", which, path],
                         capture_output=True, text=True, cwd=REPO, timeout=3600)
    if run.returncode != 0:
        raise RuntimeError(f"{which} failed: {run.stderr[-2000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def bench_mbox(messages: int = 100_000, repeat: int = 1, keep: Path | None = None) -> dict:
    """Generate the mailbox and measure the import against the floor, ``repeat`` times each.

    Parameters
    ----------
    messages : int
        How many messages the mailbox holds.
    repeat : int
        How many runs of each; medians are reported.
    keep : Path, optional
        A folder to write the mailbox into and leave there (default: a temporary one).

    Returns
    -------
    dict
        ``size_mb``, ``import_s``, ``floor_s``, ``ratio`` and each side's memory in MB.
    """
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="netlearn-bench-mbox-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "All mail Including Spam and Trash.mbox"
    size = write_mailbox(path, messages)
    try:
        floors = [_child("floor", str(path)) for _ in range(repeat)]
        imports = [_child("import", str(path)) for _ in range(repeat)]
    finally:
        if not keep:
            shutil.rmtree(folder)
    floor_s = statistics.median(f["s"] for f in floors)
    import_s = statistics.median(i["s"] for i in imports)
    return {"messages": messages, "size_mb": size / 2**20, "floor_s": floor_s,
            "import_s": import_s, "ratio": import_s / floor_s,
            "floor_peak_mb": max(f["peak_mb"] for f in floors),
            "floor_before_mb": floors[0]["rss_before_mb"],
            "import_peak_mb": max(i["peak_mb"] for i in imports),
            "import_before_mb": imports[0]["rss_before_mb"],
            "added": imports[0]["added"], "notes": imports[0]["notes"],
            "floor_messages": floors[0]["messages"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="write the mailbox here and keep it")
    parser.add_argument("--anyway", action="store_true",
                        help="run although the machine is busy (the timings mean little)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        which, path = args.child
        result = (_floor if which == "floor" else _import)(path)
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return 0
    load = os.getloadavg()[0]
    if load > 1.0 and not args.anyway:
        print(f"bench/mbox.py: the load average is {load:.1f}; time this on a quiet machine "
              "(or pass --anyway)", file=sys.stderr)
        return 1
    got = bench_mbox(args.messages, args.repeat, args.keep)
    verdict = "ok" if got["ratio"] <= 1.0 else "OVER"
    print(f"mailbox: {got['messages']:,} messages, {got['size_mb']:,.0f} MB "
          f"(the floor counted {got['floor_messages']:,})")
    print(f"import, file to stored rows: {got['import_s']:.2f} s; floor (mailbox.mbox + "
          f"BytesHeaderParser): {got['floor_s']:.2f} s; ratio {got['ratio']:.2f}× "
          f"(target ≤ 1.0×: {verdict})")
    print(f"peak memory: import {got['import_peak_mb']:.0f} MB (before reading "
          f"{got['import_before_mb']:.0f} MB); floor {got['floor_peak_mb']:.0f} MB (before "
          f"{got['floor_before_mb']:.0f} MB); {got['added']:,} rows added")
    for note in got["notes"]:
        print(f"  {note}")
    if load > 1.0:
        print(f"(load average {load:.1f} when started: these timings are not comparable)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
