"""Delete my data: it says what goes, offers a backup first, and deletes only once confirmed."""

from __future__ import annotations

from netlearn.store import DB_NAME, get_store
from netlearn.widgets.delete_data import CONFIRMATION, delete_data_widget


def filled(home):
    """The learner's shared store with records, an export folder and a file of their own."""
    store = get_store(home)
    store.set_time_consent(True)
    store.save_reflection("01-preparation", "r1", "My plan")
    store.save_answer("01-preparation", "q1", ["a"], 1, 1, True)
    (home / "exports" / "2026-03-10").mkdir(parents=True)
    (home / "exports" / "2026-03-10" / "contacts.csv").write_text("name\nAna\n")
    (home / "notes-of-my-own.txt").write_text("not the course's")
    return store


def test_it_says_what_is_deleted_and_what_is_not(home):
    widget = delete_data_widget(store=filled(home))
    text = " ".join(widget.html_values())
    assert str(home) in text and DB_NAME in text
    for folder in ("exports/", "backups/", "uploads/"):
        assert folder in text
    assert "does <strong>not</strong> delete copies you downloaded" in text
    assert "any other file in that folder" in text
    assert widget.children.index(widget.backup.backup_button) < widget.children.index(
        widget.delete_button)  # the backup is offered first


def test_nothing_is_deleted_without_the_confirmation(home):
    store = filled(home)
    widget = delete_data_widget(store=store)
    assert widget.delete_button.disabled and not widget.confirm.value
    assert widget.delete_button.button_style == "danger"
    assert widget.confirm.description == CONFIRMATION == "I understand this cannot be undone"
    widget.delete_button.click()  # a click that reaches it anyway
    assert "Nothing was deleted" in widget.message.value
    assert (home / DB_NAME).is_file() and (home / "exports").is_dir()
    assert store.reflections()[("01-preparation", "r1")]["text"] == "My plan"
    widget.confirm.value = True
    assert not widget.delete_button.disabled
    widget.confirm.value = False
    assert widget.delete_button.disabled


def test_after_the_confirmation_everything_goes_and_a_fresh_store_opens(home):
    store = filled(home)
    widget = delete_data_widget()  # the learner's own store, as in notebook 06
    assert widget.store is store
    widget.backup.backup_button.click()
    assert (home / "backups").is_dir() and "download=" in widget.backup.backup_message.value
    widget.confirm.value = True
    widget.delete_button.click()
    assert not (home / DB_NAME).exists()
    assert not (home / "exports").exists() and not (home / "backups").exists()
    assert (home / "notes-of-my-own.txt").is_file()
    message = widget.message.value
    assert "Deleted from" in message and DB_NAME in message and "exports/" in message
    assert "restart the kernel" in message
    assert widget.delete_button.disabled and not widget.confirm.value
    widget.confirm.value = True
    assert widget.delete_button.disabled  # nothing left to delete from this widget
    fresh = get_store(home)
    assert fresh is not store
    assert fresh.reflections() == {} and fresh.last_answers("01-preparation") == {}
    assert fresh.time_consent() is None and fresh.measured_minutes() == {}
    assert not any(fresh.counts().values())


def test_a_store_given_to_it_is_closed_before_its_files_go(store, home):
    store.save_reflection("01-preparation", "r1", "My plan")
    widget = delete_data_widget(store=store)
    widget.confirm.value = True
    widget.delete_button.click()
    assert not (home / DB_NAME).exists()
    assert get_store(home).reflections() == {}
