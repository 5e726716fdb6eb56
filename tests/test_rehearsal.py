"""The rehearsal countdown on a fake clock: start, pause, extend, reset, run out."""

from netlearn.teaching.rehearsal import RehearsalTimer, clock_text


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_counts_down_pauses_and_resumes():
    clock = FakeClock()
    timer = RehearsalTimer(60, clock=clock)
    assert timer.remaining() == 60 and not timer.running and not timer.started
    timer.start()
    clock.now += 20
    assert timer.remaining() == 40 and timer.running
    timer.pause()
    clock.now += 100  # paused time does not count
    assert timer.remaining() == 40 and not timer.running and timer.started
    timer.start()
    clock.now += 15
    assert timer.remaining() == 25


def test_runs_out_at_zero_and_extends_from_there():
    clock = FakeClock()
    timer = RehearsalTimer(60, clock=clock)
    timer.start()
    clock.now += 75
    assert timer.remaining() == 0 and timer.finished and not timer.running
    timer.extend(30)  # after running out: 30 more seconds, not 15
    assert timer.remaining() == 30 and not timer.running
    timer.start()
    clock.now += 10
    assert timer.remaining() == 20


def test_extend_while_running_and_reset():
    clock = FakeClock()
    timer = RehearsalTimer(60, clock=clock)
    timer.start()
    clock.now += 50
    timer.extend(30)
    assert timer.remaining() == 40 and timer.running
    timer.reset()
    assert timer.remaining() == 60 and not timer.started


def test_start_after_running_out_starts_again():
    clock = FakeClock()
    timer = RehearsalTimer(60, clock=clock)
    timer.start()
    clock.now += 61
    timer.start()
    assert timer.running and timer.remaining() == 60


def test_clock_text_rounds_up():
    assert clock_text(60) == "1:00"
    assert clock_text(59.2) == "1:00"
    assert clock_text(9) == "0:09"
    assert clock_text(0.4) == "0:01"
    assert clock_text(0) == "0:00"
