"""A Jupyter server extension: course notebooks saved without outputs, and uploads of real size.

Enabled by ``etc/jupyter/jupyter_server_config.d/netlearn.json``, which
``pip install -r requirements.txt`` (via ``jupyter-config/``), Binder's ``postBuild`` and a
non-editable ``pip install netlearn`` put into the environment. Jupyter reads that folder
only to enable extensions, so the settings are applied here, added to the server's own.
"""

from __future__ import annotations

#: Largest kernel websocket message the server accepts: the upload widget sends the whole
#: file in one message (tornado's default is 10 MiB; a LinkedIn export can be 200 MB+).
WEBSOCKET_MAX_MESSAGE_BYTES = 512 * 1024 * 1024
SETTING = "websocket_max_message_size"


def _jupyter_server_extension_points():
    return [{"module": "netlearn.jupyter_extension"}]


def _load_jupyter_server_extension(serverapp) -> None:
    """Register the pre-save hook, raise the websocket message limit (never lower it), and
    make relative ``NETLEARN_CONTENT``/``NETLEARN_HOME`` absolute for the kernels."""
    import os
    from pathlib import Path

    from netlearn.notebook_privacy import pre_save_hook
    from netlearn.plumbing.paths import absolute_from

    # A kernel runs in its notebook's folder, so `NETLEARN_CONTENT=my-course jupyter lab`
    # would look for notebooks/my-course; the server still runs where the command was typed.
    for name, value in absolute_from(Path(os.getcwd())).items():
        serverapp.log.info("netlearn: %s is %s", name, value)

    serverapp.contents_manager.register_pre_save_hook(pre_save_hook)
    settings = serverapp.web_app.settings
    settings[SETTING] = max(settings.get(SETTING) or 0, WEBSOCKET_MAX_MESSAGE_BYTES)
    serverapp.log.info("netlearn: course notebooks are saved without outputs; kernel "
                       "messages up to %d MiB", settings[SETTING] >> 20)
