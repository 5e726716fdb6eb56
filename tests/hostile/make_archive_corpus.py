"""Write the hostile backup archives: damaged, edited and malicious netlearn-backup zips.

The small ones are committed under tests/hostile/archives/; the zip bomb is made at test
time by `large_archives(dir)`. Run `python tests/hostile/make_archive_corpus.py` to rewrite
the committed ones. Every person here is fictional.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

ARCHIVES = Path(__file__).resolve().parent / "archives"
CONTACT_COLUMNS = ["id", "name", "email", "company", "position", "url", "connected_on", "met_on",
                   "cadence_days", "close", "notes", "source", "source_ref", "created_at"]
INTERACTION_COLUMNS = ["id", "contact_id", "occurred_at", "channel", "direction", "purpose",
                       "online", "personal_note", "note", "source", "source_ref", "created_at"]
ADA = ("1,Ada Example,ada@example.com,Acme,Engineer,,2026-01-02,,30,1,,manual,ada,"
       "2026-01-02T00:00:00+00:00")
BO = "2,Bo Example,bo@example.com,Acme,Designer,,,,,0,,manual,bo,2026-01-02T00:00:00+00:00"
TALK = "1,1,2026-01-05T09:00:00,email,out,meet,1,0,,manual,i1,2026-01-05T09:00:00+00:00"


def _csv(columns, rows) -> bytes:
    return ("\r\n".join([",".join(columns), *rows]) + "\r\n").encode()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():  # fixed timestamps: the same bytes every time
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data,
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def archive(tables: dict[str, tuple[list[str], bytes]], *, manifest_changes=None,
            extra: dict[str, bytes] | None = None, rows=None) -> bytes:
    """A backup zip with a manifest that matches ``tables`` (then changed as asked)."""
    manifest = {"format": "netlearn-archive", "format_version": 1, "schema_version": 2,
                "netlearn_version": "0.2.0", "created_at": "2026-01-01T00:00:00+00:00",
                "tables": {}}
    members = {}
    for table, (columns, data) in tables.items():
        members[f"{table}.csv"] = data
        count = data.decode("utf-8", "replace").count("\r\n") - 1
        manifest["tables"][table] = {"file": f"{table}.csv", "columns": columns,
                                     "rows": (rows or {}).get(table, count),
                                     "sha256": hashlib.sha256(data).hexdigest()}
    for key, value in (manifest_changes or {}).items():
        manifest[key] = value
    return _zip({"manifest.json": json.dumps(manifest).encode(), **members, **(extra or {})})


def good_tables():
    return {"contacts": (CONTACT_COLUMNS, _csv(CONTACT_COLUMNS, [ADA, BO])),
            "interactions": (INTERACTION_COLUMNS, _csv(INTERACTION_COLUMNS, [TALK]))}


def small_archives() -> dict[str, bytes]:
    """Return file name -> bytes for every committed hostile archive."""
    good = good_tables()
    valid = archive(good)
    tampered = dict(good)
    tampered["contacts"] = (CONTACT_COLUMNS, _csv(CONTACT_COLUMNS, [ADA, BO.replace("Bo", "Eve")]))
    tampered_zip = archive(good)
    tampered_zip = _replace_member(tampered_zip, "contacts.csv", tampered["contacts"][1])
    truncated = _replace_member(valid, "contacts.csv", _csv(CONTACT_COLUMNS, [ADA])[:-30])
    traversal = archive(good, extra={"../../escaped.csv": b"name\r\nEve\r\n"})
    absolute = archive(good, extra={"/tmp/netlearn-escaped.csv": b"x"})
    slip_listed = archive({"contacts": good["contacts"]})
    slip_listed = _rename_member(slip_listed, "contacts.csv", "../contacts.csv")
    return {
        "ar-valid.zip": valid,  # the control: restores cleanly
        "ar-zip-slip.zip": traversal,
        "ar-absolute-path.zip": absolute,
        "ar-zip-slip-listed.zip": slip_listed,
        "ar-tampered-csv.zip": tampered_zip,
        "ar-truncated-csv.zip": truncated,
        "ar-truncated-zip.zip": valid[: len(valid) // 2],
        "ar-newer-schema.zip": archive(good, manifest_changes={"schema_version": 99}),
        "ar-newer-format.zip": archive(good, manifest_changes={"format_version": 2}),
        "ar-wrong-format.zip": archive(good, manifest_changes={"format": "netlearn-summary"}),
        "ar-no-version.zip": archive(good, manifest_changes={"schema_version": "two"}),
        "ar-no-manifest.zip": _zip({"Connections.csv": b"First Name,Last Name\r\nAda,Example\r\n"}),
        "ar-manifest-not-json.zip": _zip({"manifest.json": b"{'format': 'netlearn-archive'"}),
        "ar-duplicate-ids.zip": archive({"contacts": (CONTACT_COLUMNS, _csv(
            CONTACT_COLUMNS, [ADA, BO.replace("2,Bo", "1,Bo")]))}),
        "ar-duplicate-keys.zip": archive({"contacts": (CONTACT_COLUMNS, _csv(
            CONTACT_COLUMNS, [ADA, BO.replace("manual,bo", "manual,ada")]))}),
        "ar-wrong-row-count.zip": archive(good, rows={"contacts": 5}),
        "ar-bad-number.zip": archive({"contacts": (CONTACT_COLUMNS, _csv(
            CONTACT_COLUMNS, [ADA.replace(",30,", ",thirty,")]))}),
        "ar-bad-check.zip": archive({"self_assessments": (
            ["id", "topic", "statement_id", "phase", "value", "created_at"],
            _csv(["id", "topic", "statement_id", "phase", "value", "created_at"],
                 ["1,01-preparation,s1,before,9,2026-01-01T00:00:00+00:00"]))}),
        "ar-dangling-reference.zip": archive({"interactions": good["interactions"]}),
        "ar-unknown-table.zip": archive({**good, "users": (["id"], b"id\r\n1\r\n")}),
        "ar-unknown-column.zip": archive({"contacts": (CONTACT_COLUMNS + ["password"], _csv(
            CONTACT_COLUMNS + ["password"], [ADA + ",hunter2"]))}),
        "ar-short-row.zip": archive({"contacts": (CONTACT_COLUMNS, _csv(
            CONTACT_COLUMNS, [ADA, "2,Bo Example"]))}),
        "ar-binary-csv.zip": archive({"contacts": (CONTACT_COLUMNS, bytes(range(256)) * 8)}),
    }


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _replace_member(data: bytes, name: str, new: bytes) -> bytes:
    members = _members(data)
    members[name] = new
    return _zip(members)


def _rename_member(data: bytes, old: str, new: str) -> bytes:
    members = _members(data)
    manifest = json.loads(members["manifest.json"])
    manifest["tables"]["contacts"]["file"] = new
    members["manifest.json"] = json.dumps(manifest).encode()
    members[new] = members.pop(old)
    return _zip(members)


def large_archives(directory: Path) -> dict[str, Path]:
    """Write the zip bomb (60 MB of zeros as contacts.csv, about 1000:1) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    bomb = directory / "ar-zip-bomb.zip"
    zeros = b"0" * (60 * 1024 * 1024)
    bomb.write_bytes(archive({"contacts": (CONTACT_COLUMNS, zeros)}))
    return {bomb.name: bomb}


def main() -> int:
    ARCHIVES.mkdir(exist_ok=True)
    archives = small_archives()
    for name, data in archives.items():
        (ARCHIVES / name).write_bytes(data)
    print(f"wrote {len(archives)} archives to {ARCHIVES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
