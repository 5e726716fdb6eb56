"""Binder and JupyterHub are named before any import, and an import there needs a confirmation."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from netlearn.plumbing.hosting import shared_service
from netlearn.widgets.hosting_notice import hosting_notice, notice_html
from netlearn.widgets.upload import import_widget

BINDER = {"BINDER_LAUNCH_HOST": "https://mybinder.org/", "BINDER_REQUEST": "v2/gh/x/y/main",
          "JUPYTERHUB_USER": "jovyan-abc", "JUPYTERHUB_API_URL": "http://hub:8081/hub/api"}
HUB = {"JUPYTERHUB_API_URL": "http://127.0.0.1:8081/hub/api", "JUPYTERHUB_USER": "ada"}
LOG = b"date,name,email,company,channel,direction,purpose,note\n" \
      b"2026-01-05,Ada Example,ada@example.com,Acme,email,out,meet,\n"


def upload(name: str, data: bytes) -> dict:
    """A FileUpload value entry, as ipywidgets 8 holds it."""
    return {"name": name, "type": "", "size": len(data), "content": data,
            "last_modified": datetime(2026, 1, 1, tzinfo=timezone.utc)}


@pytest.mark.parametrize("environ, kind", [
    ({}, None), ({"HOME": "/home/ada"}, None), (HUB, "jupyterhub"), (BINDER, "binder"),
    ({"BINDER_SERVICE_HOST": "10.0.0.1"}, "binder"), ({"JUPYTERHUB_USER": ""}, None),
])
def test_shared_service_from_environment(environ, kind):
    service = shared_service(environ)
    assert (service.kind if service else None) == kind


def test_binder_is_named_with_its_host_and_temporary():
    service = shared_service(BINDER)
    assert service.name == "Binder (mybinder.org)" and service.temporary
    assert not shared_service(HUB).temporary


def test_notice_says_where_and_suggests_the_sample_persona():
    text = notice_html(shared_service(HUB))
    assert "JupyterHub" in text and "not on your own computer" in text
    assert "sample persona" in text and "own computer" in text
    assert "own computer" in notice_html(None) and "⚠" not in notice_html(None)
    hostile = {"BINDER_LAUNCH_HOST": "https://<script>x</script>/"}
    assert "<script>" not in notice_html(shared_service(hostile))
    assert "Course version" in hosting_notice({}).value


def test_import_on_a_shared_service_needs_the_checkbox(store):
    widget = import_widget(store=store, environ=HUB)
    assert "not on your own computer" in " ".join(widget.html_values())
    assert widget.import_button.disabled and not widget.confirm.value
    widget.upload.value = (upload("log.csv", LOG),)
    widget.kind.value = "csv"
    assert widget.run_import() is None
    assert "tick the box" in widget.result.value
    assert store.counts()["contacts"] == 0
    widget.confirm.value = True
    assert not widget.import_button.disabled
    widget.import_button.click()
    assert store.counts()["contacts"] == 1


def test_import_on_own_computer_needs_no_confirmation(store):
    widget = import_widget(store=store, environ={})
    assert widget.confirm.value and not widget.import_button.disabled
    assert widget.confirm.layout.display == "none"
    assert "not on your own computer" not in " ".join(widget.html_values())
