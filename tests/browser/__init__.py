"""Browser end-to-end tests: JupyterLab in headless Chromium (marker ``browser``)."""
