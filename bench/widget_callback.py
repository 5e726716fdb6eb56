"""Measure how long a quiz's "Check answer" click takes (grade + save + render feedback)."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import statistics
import tempfile
import time
from contextlib import contextmanager

from netlearn.plumbing.paths import HOME_ENV


def measure_check_answer(n: int = 50, topic_id: str | None = None) -> dict:
    """Click "Check answer" ``n`` times on a real quiz widget and time each click.

    Runs in-process with a temporary NETLEARN_HOME (removed afterwards), on the
    course's first topic with quiz items unless ``topic_id`` is given. Answers
    alternate between the choices so that feedback differs from click to click.
    Widget state updates are serialised and signed as a kernel would do before
    sending them (JSON + HMAC-SHA256); only the socket write is left out.

    Parameters
    ----------
    n : int
        Number of timed clicks.
    topic_id : str, optional
        The topic whose quiz is used.

    Returns
    -------
    dict
        ``n``, ``median_ms``, ``p90_ms``, ``max_ms``, ``topic`` and ``question``.
    """
    from netlearn.store import Store
    from netlearn.teaching.content import course as load_course
    from netlearn.widgets import quiz

    loaded = load_course()
    topic = (loaded.topic(topic_id) if topic_id
             else next(t for t in loaded.topics if t.questions))
    with tempfile.TemporaryDirectory(prefix="netlearn-bench-") as home, \
            _environment(home), _serializing_comms():
        store = Store(home)
        try:
            widget = quiz(topic.id, store=store, course=loaded)
            view = next((v for v in widget.questions if v.kind == "single"), widget.questions[0])
            answers = _answers(view)
            view.set_answer(answers[0])
            view.check_button.click()  # warm-up: first feedback render and statement caches
            timings = []
            for i in range(n):
                view.set_answer(answers[i % len(answers)])
                started = time.perf_counter()
                view.check_button.click()
                timings.append((time.perf_counter() - started) * 1000)
        finally:
            store.close()
    timings.sort()
    return {
        "n": n,
        "median_ms": round(statistics.median(timings), 3),
        "p90_ms": round(timings[min(len(timings) - 1, int(0.9 * len(timings)))], 3),
        "max_ms": round(timings[-1], 3),
        "topic": topic.id,
        "question": view.question_id,
    }


def _answers(view) -> list:
    question = view.question
    if view.kind == "single":
        return [c["id"] for c in question["choices"]]
    if view.kind == "multiple":
        return [[c["id"]] for c in question["choices"]]
    return [{r["id"]: rating for r in question["responses"]}
            for rating in ("best", "acceptable", "poor")]


@contextmanager
def _serializing_comms():
    """Make new widgets' comms serialise every message, like a kernel session does."""
    import comm

    class SerializingComm(comm.DummyComm):
        key = b"netlearn-bench"

        def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
            payload = json.dumps({"msg_type": msg_type, "data": data or {},
                                  "metadata": metadata or {}, "comm_id": self.comm_id,
                                  **keys}, default=str).encode()
            hmac.new(self.key, payload, hashlib.sha256).hexdigest()

    original = comm.create_comm
    comm.create_comm = SerializingComm
    try:
        yield
    finally:
        comm.create_comm = original


@contextmanager
def _environment(home: str):
    previous = os.environ.get(HOME_ENV)
    os.environ[HOME_ENV] = home
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(HOME_ENV, None)
        else:
            os.environ[HOME_ENV] = previous


if __name__ == "__main__":
    print(measure_check_answer())
