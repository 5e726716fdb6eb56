"""The branching-scenario widget: choose, read feedback, reach an ending, start again."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.teaching import grading
from netlearn.widgets import _html
from netlearn.widgets._common import NetlearnBox, button
from netlearn.widgets.shared_models import hbox, html, vbox

OUTCOME_LABELS = {
    "good": "✓ Good outcome",
    "mixed": "◐ Mixed outcome",
    "poor": "✗ Poor outcome",
}


# Correctness in text and symbol, never colour alone: points 0–2 of a choice.
CHOICE_VERDICTS = {2: "✓ Strong move —", 1: "◐ Could be better —", 0: "✗ Costly move —"}


class ScenarioWidget(NetlearnBox):
    """A branching conversation. Build it with :func:`netlearn.widgets.scenario`.

    Attributes
    ----------
    topic_id, scenario_id : str
    current_node : str
        The node shown now.
    path : list of str
        Node ids visited in this run, from the start.
    points : int
        Points earned so far in this run.
    max_points : int
        Points along the best path (:func:`netlearn.teaching.grading.scenario_max_points`).
    feedback : HTML
        Feedback on the last choice.
    node_html : HTML
        The current node's text.
    choice_buttons : list of Button
        One per choice at the current node, in the file's order (empty at an ending);
        they are shown in this learner's order (:func:`netlearn.teaching.grading.stable_order`
        over their option seed, the scenario and the node), so the strongest move is
        not always in the same place.
    ending_html : HTML
        Outcome, debrief and points, once an ending is reached.
    restart_button : Button
    """

    def __init__(self, topic_id: str, scenario: dict, store):
        super().__init__("netlearn-scenario")
        self.topic_id = topic_id
        self.scenario = scenario
        self.scenario_id = scenario["id"]
        self.store = store
        self.seed = store.option_seed()
        self.summary_text = f"Scenario {scenario['id']!r} of {topic_id}"
        self.max_points = grading.scenario_max_points(scenario)
        self.title_html = html(f"<h3>{_html.escape(scenario['title'])}</h3>")
        self.feedback = html("")
        self.feedback.add_class("netlearn-feedback")
        self.node_html = html("")
        self.choices_box = vbox([])
        self.choice_buttons: list[widgets.Button] = []
        self.ending_html = html("")
        self.ending_html.add_class("netlearn-ending")
        self.restart_button = button("Start again", "Start this scenario again from the beginning",
                                     "netlearn-restart", icon="refresh")
        self.restart_button.on_click(lambda _: self.restart())
        self.set_body([self.title_html, self.feedback, self.node_html, self.choices_box,
                       self.ending_html, hbox([self.restart_button])])
        self.path: list[str] = []
        self.points = 0
        if not self._restore():
            self.restart()

    @property
    def finished(self) -> bool:
        """True when the current node is an ending."""
        return bool(self.scenario["nodes"][self.current_node].get("ending"))

    def restart(self) -> None:
        """Go back to the start with no points."""
        self.path = [self.scenario["start"]]
        self.points = 0
        self.feedback.value = ""
        self._show_node()

    def choose(self, index: int) -> None:
        """Take choice ``index`` at the current node; at an ending, save the run."""
        next_node, feedback, points = grading.scenario_step(self.scenario, self.current_node,
                                                            index)
        choice = self.scenario["nodes"][self.current_node]["choices"][index]
        self.points += points
        self.path.append(next_node)
        verdict = CHOICE_VERDICTS.get(choice.get("points", 1), CHOICE_VERDICTS[1])
        self.feedback.value = _html.live(_html.box(
            f"<p><strong>You chose:</strong> {_html.inline(choice['text'])}</p>"
            f"<p><strong>{verdict}</strong> {_html.inline(feedback)}</p>"))
        self._show_node()
        # The pressed button is gone: keep keyboard focus in the scenario.
        (self.choice_buttons[0] if self.choice_buttons else self.restart_button).focus()
        if self.finished:
            outcome = self.scenario["nodes"][self.current_node]["outcome"]
            self.store.save_answer(self.topic_id, self.scenario_id, list(self.path),
                                   min(self.points, self.max_points), self.max_points,
                                   outcome == "good", kind="scenario")

    @property
    def current_node(self) -> str:
        """The id of the node shown now."""
        return self.path[-1]

    def _restore(self) -> bool:
        saved = self.store.last_answers(self.topic_id, kind="scenario").get(self.scenario_id)
        if not saved:
            return False
        path = saved["answer"]
        nodes = self.scenario["nodes"]
        if not (isinstance(path, list) and path and all(n in nodes for n in path)
                and nodes[path[-1]].get("ending")):
            return False
        self.path = list(path)
        self.points = int(saved["score"])
        self.feedback.value = ("<p class='netlearn-muted'>Your last run ended here. Choose "
                               "<strong>Start again</strong> to try another path.</p>")
        self._show_node()
        return True

    def _show_node(self) -> None:
        node = self.scenario["nodes"][self.current_node]
        self.node_html.value = _html.markdown(node.get("text", ""))
        if node.get("ending"):
            self.choice_buttons = []
            self.choices_box.children = ()
            label = OUTCOME_LABELS.get(node["outcome"], node["outcome"])
            self.ending_html.value = _html.live(_html.box(
                f"<p><strong>{_html.escape(label)}</strong> · you scored {self.points} of "
                f"{self.max_points} points (the most along the best path).</p>"
                f"{_html.markdown(node['debrief'])}"))
            return
        self.ending_html.value = ""
        self.choice_buttons = []
        order = self.display_order()
        for index, choice in enumerate(node["choices"]):
            text = _html.plain(choice["text"])
            made = button(text, f"Option {order.index(index) + 1}: {text}", "netlearn-choice",
                          layout=dict(width="100%", height="auto"))
            made.on_click(lambda _, i=index: self.choose(i))
            self.choice_buttons.append(made)
        self.choices_box.children = tuple(self.choice_buttons[i] for i in order)

    def display_order(self) -> list[int]:
        """Return the indices of the current node's choices in the order this learner sees."""
        choices = self.scenario["nodes"][self.current_node].get("choices", [])
        return grading.stable_order(
            range(len(choices)), f"{self.seed}\x00{self.scenario_id}\x00{self.current_node}")
