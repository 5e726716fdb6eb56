"""Several processes writing at once, and a process killed mid-import, leave a sound store."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from netlearn.store import DB_NAME, Store

REPO = Path(__file__).resolve().parent.parent

WRITER = textwrap.dedent("""
    import sys
    from datetime import datetime, timedelta
    from netlearn.network.records import Batch, Interaction
    from netlearn.store import Store

    store = Store(sys.argv[1])
    worker = sys.argv[2]
    start = datetime(2026, 1, 1)
    for i in range(500):
        store.save_batch(Batch("manual", "notebook", interactions=[Interaction(
            start + timedelta(minutes=i), "email", source="manual",
            source_ref=f"{worker}-{i}")]))
    print("done", worker)
""")

BIG_IMPORT = textwrap.dedent("""
    import sys
    from datetime import datetime, timedelta
    from netlearn.network.records import Batch, Contact, Interaction
    from netlearn.store import Store

    store = Store(sys.argv[1])
    start = datetime(2020, 1, 1)
    contacts = [Contact(f"Person {i}", source="linkedin", source_ref=f"p{i}")
                for i in range(20000)]
    interactions = [Interaction(start + timedelta(minutes=i), "linkedin_message",
                                contact_key=f"linkedin:p{i % 20000}", source="linkedin",
                                source_ref=f"m{i}") for i in range(400000)]
    print("ready", flush=True)
    store.save_batch(Batch("linkedin", "Connections.csv", contacts=contacts,
                           interactions=interactions))
    print("finished", flush=True)
""")


def test_four_processes_write_2000_rows_without_lock_errors(tmp_path):
    Store(tmp_path).close()  # create the schema once, as the notebook would
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), f"w{n}"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(4)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=False):
        assert proc.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("SELECT COUNT(*) FROM interactions").fetchone()[0] == 2000
    assert conn.execute("SELECT COUNT(DISTINCT source_ref) FROM interactions").fetchone()[0] == 2000


def test_sigkill_mid_import_leaves_all_or_nothing(tmp_path):
    Store(tmp_path).close()
    proc = subprocess.Popen([sys.executable, "-c", BIG_IMPORT, str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    wal = tmp_path / (DB_NAME + "-wal")
    deadline = time.monotonic() + 120
    # wait until the import is visibly writing (the WAL grows), then kill it hard
    while time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 2_000_000:
            break
        time.sleep(0.01)
    else:
        raise AssertionError("the import never started writing")
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)  # reaps it and closes its pipes
    assert proc.returncode == -signal.SIGKILL
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    contacts = conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]
    interactions = conn.execute("SELECT COUNT(*) FROM interactions").fetchone()[0]
    assert (contacts, interactions) in {(0, 0), (20000, 400000)}
    conn.close()
    # and the store opens and works afterwards
    store = Store(tmp_path)
    store.save_reflection("t", "p", "still works")
    assert store.reflections()[("t", "p")]["text"] == "still works"


SAME_ROWS = textwrap.dedent("""
    import sys
    from datetime import datetime, timedelta
    from netlearn.network.records import Batch, Contact, Interaction
    from netlearn.store import Store

    store = Store(sys.argv[1])
    parts = range(100) if sys.argv[2] == "forwards" else range(99, -1, -1)
    start = datetime(2026, 1, 1)
    added = 0
    for part in parts:  # 100 small imports: the two processes' transactions interleave
        contacts = [Contact(f"Person {i}", source="linkedin", source_ref=f"p{i}")
                    for i in range(2 * part, 2 * part + 2)]
        items = [Interaction(start + timedelta(minutes=i), "linkedin_message",
                             contact_key=f"linkedin:p{i // 10}", source="linkedin",
                             source_ref=f"m{i}") for i in range(20 * part, 20 * part + 20)]
        added += store.save_batch(Batch("linkedin", "messages.csv", contacts=contacts,
                                        interactions=items)).added
    print(added)
""")


def test_two_processes_saving_the_same_rows_at_once_store_each_once(tmp_path):
    """Nothing but the store's UNIQUE indexes compares refs: each row lands once."""
    Store(tmp_path).close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert [index[2] for index in conn.execute("PRAGMA index_list(interactions)")] == [1]
    procs = [subprocess.Popen([sys.executable, "-c", SAME_ROWS, str(tmp_path), order],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for order in ("forwards", "backwards")]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    assert sum(int(out) for out, _err in outputs) == 200 + 2000
    assert conn.execute("SELECT count(*), count(DISTINCT source_ref) FROM contacts"
                        ).fetchone() == (200, 200)
    assert conn.execute("SELECT count(*), count(DISTINCT source_ref) FROM interactions"
                        ).fetchone() == (2000, 2000)
    pairs = conn.execute("SELECT i.source_ref, c.source_ref FROM interactions i"
                         " LEFT JOIN contacts c ON c.id = i.contact_id").fetchall()
    assert all(contact == f"p{int(ref[1:]) // 10}" for ref, contact in pairs)
    conn.close()


def test_one_export_imported_by_three_processes_at_once_is_stored_once(tmp_path):
    """The UNIQUE (source, source_ref) of each table keeps concurrent imports of one
    export from doubling it."""
    export = tmp_path / "export"
    subprocess.run([sys.executable, str(REPO / "tools" / "make_linkedin_export.py"),
                    str(export), "--connections", "400", "--messages", "6000",
                    "--invitations", "100", "--seed", "3"], check=True, timeout=120)
    Store(tmp_path / "alone").close()
    alone = subprocess.run([sys.executable, "-m", "netlearn", "import", "linkedin", str(export)],
                           env={**os.environ, "NETLEARN_HOME": str(tmp_path / "alone")},
                           capture_output=True, text=True, timeout=300)
    assert alone.returncode == 0, alone.stderr
    Store(tmp_path / "together").close()
    procs = [subprocess.Popen([sys.executable, "-m", "netlearn", "import", "linkedin",
                               str(export)],
                              env={**os.environ, "NETLEARN_HOME": str(tmp_path / "together")},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    for proc in procs:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err

    def table(home, sql):
        conn = sqlite3.connect(home / DB_NAME)
        try:
            return sorted(conn.execute(sql).fetchall())
        finally:
            conn.close()

    query = ("SELECT c.source_ref, i.occurred_at, i.direction, i.source_ref FROM interactions i"
             " LEFT JOIN contacts c ON c.id = i.contact_id")
    expected = table(tmp_path / "alone", query)
    assert len(expected) > 5000
    assert table(tmp_path / "together", query) == expected
    added = table(tmp_path / "together", "SELECT added FROM imports")
    assert sorted(n for (n,) in added)[:2] == [0, 0]  # two found everything already there
