"""Safe zip reading: traversal, bombs, size budget, case-insensitive lookup, no extraction."""

from __future__ import annotations

import io
import zipfile

import pytest

from netlearn.importers import read, safezip
from netlearn.plumbing.errors import InputError


def make_zip(path, members, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return path


@pytest.mark.parametrize("name", [
    "../Connections.csv",
    "export/../../Connections.csv",
    "/etc/Connections.csv",
    "C:/Users/x/Connections.csv",
    "..\\Connections.csv",
])
def test_path_traversal_is_refused(tmp_path, name):
    z = make_zip(tmp_path / "evil.zip", {name: "First Name\n", "ok.txt": "x"})
    with pytest.raises(InputError) as err:
        safezip.open_zip(z)
    assert "unsafe path" in str(err.value) and str(z) in str(err.value)
    with pytest.raises(InputError):
        read("linkedin", z)


@pytest.mark.parametrize("name, safe", [
    ("Connections.csv", True),
    ("Basic_LinkedInDataExport/Connections.csv", True),
    ("a/..b/c.csv", True),
    ("a/../c.csv", False),
    ("/abs.csv", False),
    ("D:evil.csv", False),
    ("", False),
])
def test_is_safe_name(name, safe):
    assert safezip.is_safe_name(name) is safe


def test_zip_bomb_ratio_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(safezip, "RATIO_MIN_BYTES", 1_000_000)
    z = make_zip(tmp_path / "bomb.zip", {"Connections.csv": b"0" * 2_000_000})
    info = zipfile.ZipFile(z).getinfo("Connections.csv")
    assert info.file_size > safezip.MAX_RATIO * info.compress_size
    with pytest.raises(InputError) as err:
        read("linkedin", z)
    assert "zip bomb" in str(err.value) and str(z) in str(err.value)


def test_declared_total_size_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(safezip, "MAX_TOTAL_BYTES", 1000)
    z = make_zip(tmp_path / "big.zip", {"a.csv": "x" * 600, "b.csv": "y" * 600})
    with pytest.raises(InputError) as err:
        safezip.open_zip(z)
    assert "GiB" in str(err.value)


def test_actual_bytes_read_are_bounded():
    class Owner:
        def _count(self, n, label):
            pass

    stream = safezip._Bounded(io.BytesIO(b"x" * 100), Owner(), 10, "a.zip/m.csv")
    with pytest.raises(InputError) as err:
        stream.read()
    assert "more data than the zip declares" in str(err.value)


def test_archive_wide_read_budget(tmp_path, monkeypatch):
    z = make_zip(tmp_path / "ok.zip", {"a.csv": "x" * 600, "b.csv": "y" * 600})
    with safezip.open_zip(z) as archive:
        monkeypatch.setattr(safezip, "MAX_TOTAL_BYTES", 1000)
        archive.open(archive.find("a.csv")).read()
        with pytest.raises(InputError):
            archive.open(archive.find("b.csv")).read()


def test_find_is_case_insensitive_shallowest_and_skips_macos_junk(tmp_path):
    z = make_zip(tmp_path / "e.zip", {
        "__MACOSX/._connections.csv": b"\x00junk",
        "__MACOSX/Connections.csv": "junk",
        "deep/deeper/Connections.csv": "deep",
        "top/CONNECTIONS.CSV": "top",
        "top/": "",
    })
    with safezip.open_zip(z) as archive:
        info = archive.find("connections.csv")
        assert info.filename == "top/CONNECTIONS.CSV"
        assert archive.open(info).read() == b"top"
        assert archive.member_label(info) == f"{z}/top/CONNECTIONS.CSV"
        assert archive.find("messages.csv") is None


def test_nothing_is_written_to_disk(tmp_path):
    z = make_zip(tmp_path / "e.zip", {
        "Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,"
                           "Connected On\nAda,Example,,,Fake Ltd,Boss,08 Feb 2026\n"})
    before = sorted(p.name for p in tmp_path.rglob("*"))
    batch = read("linkedin", z)
    assert [c.name for c in batch.contacts] == ["Ada Example"]
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_corrupt_member_is_an_input_error(tmp_path):
    z = make_zip(tmp_path / "c.zip", {"Connections.csv": "First Name," * 2000},
                 compression=zipfile.ZIP_STORED)
    data = bytearray(z.read_bytes())
    start = data.index(b"First Name")
    data[start + 100:start + 110] = b"XXXXXXXXXX"  # breaks the CRC
    z.write_bytes(bytes(data))
    with pytest.raises(InputError) as err:
        read("linkedin", z)
    assert str(z) in str(err.value) and "\n" not in str(err.value)


def test_not_a_zip_and_is_zip(tmp_path):
    f = tmp_path / "x.zip"
    f.write_bytes(b"PK\x03\x04 truncated")
    assert safezip.is_zip(f)
    with pytest.raises(InputError) as err:
        safezip.open_zip(f)
    assert "is a damaged or incomplete zip file" in str(err.value)
    g = tmp_path / "y.csv"
    g.write_text("a,b\n", encoding="utf-8")
    assert not safezip.is_zip(g)
    assert not safezip.is_zip(tmp_path / "missing.zip")


@pytest.mark.parametrize("kind", ["linkedin", "vcard", "ics", "mbox", "csv"])
@pytest.mark.parametrize("content", [b"First Name,Last Name\nAda,Example\n",
                                     bytes(range(256)) * 8, b""])
def test_a_file_named_zip_that_is_not_one_is_called_not_a_zip_file(tmp_path, kind, content):
    fake = tmp_path / "Basic_LinkedInDataExport.zip"
    fake.write_bytes(content)
    with pytest.raises(InputError) as err:
        read(kind, fake)
    assert str(err.value) == f"{fake}: {safezip.NOT_A_ZIP}"
    with pytest.raises(InputError, match="is not a zip file"):
        safezip.open_zip(fake)


def test_a_false_zip_in_a_mail_folder_is_named(tmp_path):
    (tmp_path / "takeout-001.zip").write_text("not a zip", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read("mbox", tmp_path)
    assert "takeout-001.zip: is not a zip file" in str(err.value)
