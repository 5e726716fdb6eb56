"""Measured minutes per notebook from the moments a learner saved something: hand-computed cases."""

from datetime import datetime, timedelta, timezone

import pytest

from netlearn.plumbing.measured_time import (
    GAP_CAP_MINUTES,
    ROUND_TO_MINUTES,
    measured_minutes,
    notebook_minutes,
)

START = datetime(2026, 3, 10, 9, 0, tzinfo=timezone.utc)


def at(*minutes):
    """Moments ``minutes`` after 09:00 UTC (fractions allowed)."""
    return [START + timedelta(minutes=m) for m in minutes]


def test_the_cap_and_the_rounding_are_the_documented_ones():
    assert (GAP_CAP_MINUTES, ROUND_TO_MINUTES) == (10, 5)


def test_no_save_or_one_save_is_zero_minutes():
    assert notebook_minutes([]) == 0
    assert notebook_minutes(at(0)) == 0


def test_saves_close_together_add_up_and_round_to_five():
    # 0 → 4 → 9 → 21: gaps 4, 5 and 12 (capped at 10) = 19 → 20
    assert notebook_minutes(at(0, 4, 9, 21)) == 20
    # gaps 3 and 4 = 7 → 5; gaps 3 and 5 = 8 → 10
    assert notebook_minutes(at(0, 3, 7)) == 5
    assert notebook_minutes(at(0, 3, 8)) == 10


def test_halves_round_up_and_under_two_and_a_half_minutes_rounds_to_zero():
    assert notebook_minutes(at(0, 2.5)) == 5
    assert notebook_minutes(at(0, 2.4)) == 0
    assert notebook_minutes(at(0, 5, 12.5)) == 15  # gaps 5 and 7.5


def test_a_long_gap_counts_as_ten_minutes():
    assert notebook_minutes(at(0, 45)) == 10
    assert notebook_minutes(at(0, 10)) == 10
    assert notebook_minutes(at(0, 10.5)) == 10


def test_several_sessions_count_their_own_minutes_and_a_capped_gap_between():
    # Monday: 0 → 6 → 14 (14 min); Wednesday, two days later: +0 → +7 (7 min);
    # the two days between count as 10: 14 + 10 + 7 = 31 → 30
    wednesday = 2 * 24 * 60
    assert notebook_minutes(at(0, 6, 14, wednesday, wednesday + 7)) == 30


def test_order_does_not_matter_and_iso_text_is_read():
    moments = at(21, 0, 9, 4)
    assert notebook_minutes(moments) == notebook_minutes(sorted(moments)) == 20
    assert notebook_minutes([m.isoformat(timespec="seconds") for m in moments]) == 20


def test_each_notebook_is_measured_on_its_own():
    assert measured_minutes({"01-preparation": at(0, 4, 9, 21),
                             "02-giving-not-just-taking": at(30),
                             "00-start-here": at(0, 8)}) == {
        "01-preparation": 20, "02-giving-not-just-taking": 0, "00-start-here": 10}
    assert measured_minutes({}) == {}


@pytest.mark.parametrize("cap, step, expected", [(5, 5, 15), (30, 1, 21), (10, 1, 19)])
def test_cap_and_step_can_be_chosen(cap, step, expected):
    # gaps 4, 5 and 12: capped at 5, 4 + 5 + 5 = 14 → 15; uncapped 21; capped at 10, 19
    assert notebook_minutes(at(0, 4, 9, 21), cap=cap, step=step) == expected
