"""What a drafting tool offers a core task: its inputs by name, to fill in an invented person."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.widgets.shared_models import html, make


class Drafter:
    """A drafting tool whose draft a core task (:mod:`netlearn.widgets.core_task`) takes.

    A subclass makes its draft box with :meth:`make_draft` and implements :meth:`inputs`
    (whose names are those of :data:`netlearn.teaching.tasks.TOOLS` for its tool),
    ``rebuild`` (the draft from the inputs) and ``_check`` (the checks of the draft).
    """

    draft = None
    checks = None

    def make_draft(self, description: str, what: str, height: str, fields) -> None:
        """Make ``draft`` (a Textarea) and ``checks`` (HTML): a change to one of ``fields``
        rebuilds the draft, a change to the draft checks it again."""
        self.draft = make(widgets.Textarea, description=description,
                          tooltip=f"{what}: rebuilt from the boxes above, yours to edit",
                          layout=dict(width="100%", max_width="40em", height=height),
                          style={"description_width": "11em"})
        self.checks = html("")
        for field in fields:
            field.observe(lambda _: self.rebuild(), "value")
        self.draft.observe(lambda _: self._check(), "value")

    def inputs(self) -> dict:
        """Return field name -> the Text input for it."""
        raise NotImplementedError

    def fill(self, values: dict) -> None:
        """Put ``values`` (field name -> text) into the inputs; unknown names are ignored."""
        inputs = self.inputs()
        for name, value in values.items():
            if name in inputs:
                inputs[name].value = str(value)

    def clear(self, values: dict) -> None:
        """Empty the inputs that still hold what :meth:`fill` put there."""
        inputs = self.inputs()
        for name, value in values.items():
            if name in inputs and inputs[name].value == str(value):
                inputs[name].value = ""
