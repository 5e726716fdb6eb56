"""`netlearn import mbox PATH [--me ADDRESS] [--exclude DOMAIN]`: what it prints and stores."""

from __future__ import annotations

from netlearn import store as store_module
from netlearn.cli import main
from tests.fixtures import make_mailboxes


def contacts(home) -> list[str]:
    store_module._stores.pop(home, None)
    return sorted(c.email for c in store_module.Store(home).load_network().contacts)


def test_import_prints_addresses_left_out_mail_and_counts(home, tmp_path, capsys):
    (path,) = make_mailboxes.takeout(tmp_path)
    assert main(["import", "mbox", str(path)]) == 0
    out, err = capsys.readouterr()
    assert f"{path}: added 8, already present 0, skipped 0" in out
    lines = err.splitlines()
    assert lines[0].startswith("your address: sam.learner@example.org (the sender of your sent")
    assert lines[1].startswith("left out 10 of 14 messages: 1 from people you have not written")
    assert contacts(home) == ["ada@example.com", "bo@example.net", "eve@example.com"]
    assert main(["import", "mbox", str(path)]) == 0
    assert "(the same content was imported on 20" in capsys.readouterr().out


def test_me_and_exclude_change_what_is_read_and_are_not_taken_for_a_repeat(home, tmp_path,
                                                                        capsys):
    (path,) = make_mailboxes.takeout(tmp_path)
    assert main(["import", "mbox", str(path), "--exclude", "example.net"]) == 0
    assert contacts(home) == ["ada@example.com", "eve@example.com"]
    assert main(["import", "mbox", str(path)]) == 0  # without the exclusion: read again
    out, err = capsys.readouterr()
    assert "the same content" not in out
    assert contacts(home) == ["ada@example.com", "bo@example.net", "eve@example.com"]
    assert main(["import", "mbox", str(path), "--me", "ada@example.com",
                 "--me", "SAM.learner@example.org"]) == 0
    assert "your addresses: ada@example.com, sam.learner@example.org (as given)" in \
        capsys.readouterr().err


def test_a_bad_me_or_options_for_another_kind_are_one_line(home, tmp_path, capsys):
    (path,) = make_mailboxes.takeout(tmp_path)
    assert main(["import", "mbox", str(path), "--me", "sam"]) == 1
    assert capsys.readouterr().err == "netlearn: --me 'sam' is not an e-mail address\n"
    assert main(["import", "vcard", str(path), "--me", "sam@example.org"]) == 1
    assert "--me and --exclude are for mailboxes" in capsys.readouterr().err
    assert not home.exists() or contacts(home) == []


def test_a_thunderbird_profile_lists_its_mailboxes(home, tmp_path, capsys):
    profile = make_mailboxes.thunderbird(tmp_path)
    assert main(["import", "mbox", str(profile)]) == 0
    out, err = capsys.readouterr()
    assert "  Sent: 3 rows" in out and "  Inbox: 7 rows" in out
    assert "Inbox.msf" not in out
    assert "message 7: has a date that cannot be read ('Tue, 31 Feb 2026 10:00:00 +0100')" \
        in err
