"""Notebook 01's event planner: the four preparation steps and an if–then plan, as one draft."""

from __future__ import annotations

from netlearn.teaching import drafting
from netlearn.widgets._common import NetlearnBox
from netlearn.widgets._ui import resolve_store
from netlearn.widgets.log._form import text_input
from netlearn.widgets.practice.drafts import Drafter
from netlearn.widgets.practice.followup import checks_html


class EventPlanDrafter(NetlearnBox, Drafter):
    """Plan one real event: goal, people, introduction, a question and an if–then plan.

    The introduction starts as the latest version saved in the pitch builder (notebook 01).

    Attributes
    ----------
    event_input, goal_input, people_input, introduction_input, question_input, if_then_input : Text
    draft : Textarea
        The plan; rebuilt when a field changes, and yours to edit.
    checks : HTML
        ✓/✗ checks of the plan as it stands.
    """

    summary_text = "Event planner"

    def __init__(self, store=None):
        super().__init__("netlearn-event-plan")
        pitches = resolve_store(store).pitches()
        self.event_input = text_input("The event", "e.g. the Health-tech Design Meetup, 12 March")
        self.goal_input = text_input("My goal", "e.g. learn how two people moved into "
                                     "health-tech, and leave with one name to follow up")
        self.people_input = text_input("People to meet", "e.g. Dr Lee (the speaker): ask about "
                                       "her accessibility study")
        self.introduction_input = text_input("My introduction", "Your pitch, in a sentence or "
                                             "two", value=pitches[-1]["text"] if pitches else "")
        self.question_input = text_input("A question to ask", "e.g. What made you move into "
                                         "health-tech?")
        self.if_then_input = text_input("If–then plan", "e.g. If I know no one, then I'll ask "
                                        "the host who I should meet")
        self.make_draft("My event plan", "Your event plan", "12em", self.inputs().values())
        self.set_body([*self.inputs().values(), self.draft, self.checks])
        self.rebuild()

    def inputs(self) -> dict:
        """Return field name -> input (the names of the core task's event-plan tool)."""
        return {"event": self.event_input, "goal": self.goal_input,
                "people": self.people_input, "introduction": self.introduction_input,
                "question": self.question_input, "if_then": self.if_then_input}

    def rebuild(self) -> None:
        """Build the plan from the fields (replacing edits in the plan box)."""
        values = {name: field.value for name, field in self.inputs().items()}
        self.draft.value = drafting.build_event_plan(**values)
        self._check()

    def _check(self) -> None:
        self.checks.value = checks_html(drafting.check_event_plan(self.draft.value))

