"""InteractionColumns: interactions held column-wise read like a list of records."""

from datetime import datetime
from itertools import compress

import pytest

from netlearn.network.records import Interaction, InteractionColumns


def records():
    return [
        Interaction(datetime(2026, 1, 1, 9), "email", "out", "ask", contact_key="csv:a",
                    note="hello", source="csv", source_ref="r1"),
        Interaction(datetime(2026, 1, 2, 9), "call", "in", "give", contact_key="csv:b",
                    personal_note=True, source="csv", source_ref="r2", contact_id=7),
        Interaction(datetime(2026, 1, 3, 9), "post", source="manual"),
    ]


def test_columns_read_back_as_the_same_records():
    cols = InteractionColumns.of(records())
    assert len(cols) == 3
    assert cols == records() and list(cols) == records()
    assert cols[1] == records()[1] and cols[-1].source == "manual"
    assert cols[1:] == records()[1:]
    assert InteractionColumns.of(cols) is cols


def test_build_shares_channel_purpose_and_source():
    whens = [datetime(2026, 2, 1), datetime(2026, 2, 2)]
    cols = InteractionColumns.build(whens, ["k:a", "k:b"], ["out", "in"], ["m1", "m2"],
                                    channel="linkedin_message", purpose="check_in",
                                    source="linkedin")
    assert cols == [
        Interaction(whens[0], "linkedin_message", "out", "check_in", contact_key="k:a",
                    source="linkedin", source_ref="m1"),
        Interaction(whens[1], "linkedin_message", "in", "check_in", contact_key="k:b",
                    source="linkedin", source_ref="m2"),
    ]


def test_extend_and_keep():
    cols = InteractionColumns.of(records()[:1])
    cols.extend(records()[1:])
    cols.extend(InteractionColumns.of([]))
    assert cols == records()
    assert cols.keep([True, False, True]) == [records()[0], records()[2]]
    assert cols.keep(["k", "", None]) == records()[:1]


def test_unequal_columns_and_foreign_comparisons_are_refused():
    cols = InteractionColumns.of(records())
    broken = dict(cols.columns, note=["only one"])
    with pytest.raises(ValueError, match="unequal"):
        InteractionColumns(broken)
    assert cols != records()[:2]
    assert cols != [records()[0], records()[1], records()[1]]
    assert (cols == "not a list") is False
    with pytest.raises(TypeError):
        hash(cols)


def test_runs_follow_extend_and_keep():
    when = datetime(2026, 1, 1)
    msgs = InteractionColumns.build([when] * 4, ["k:a", "k:b", "k:c", "k:d"], ["in"] * 4,
                                    ["m1", "m2", "m3", "m4"], channel="linkedin_message",
                                    purpose="check_in", source="linkedin")
    shared = ("linkedin_message", "check_in", "", False, "linkedin")
    assert list(msgs.run_bounds()) == [(0, 4, shared)]
    cols = InteractionColumns.of(records()[:2])
    cols.extend(msgs)
    cols.extend(records()[2:])
    assert list(cols.run_bounds()) == [(0, 2, None), (2, 6, shared), (6, 7, None)]
    kept = cols.keep([False, False, True, False, True, True, True])
    assert list(kept.run_bounds()) == [(0, 3, shared), (3, 4, None)]
    assert kept == [msgs[0], msgs[2], msgs[3], records()[2]]
    assert list(cols.keep([True, True] + [False] * 4 + [True]).run_bounds()) == [
        (0, 2, None), (2, 3, None)]
    assert list(cols.keep([False] * 7).run_bounds()) == []
    empty = InteractionColumns.of([])
    empty.extend(msgs)
    assert list(empty.run_bounds()) == [(0, 4, shared)]


def test_same_reads_like_the_list_it_stands_for():
    from netlearn.network.records import Same

    a = Same.join([Same("x", 3), Same("x", 2), Same(None, 0), Same(True, 2), Same(1, 1)])
    as_list = ["x"] * 5 + [True, True, 1]
    assert a == as_list and as_list == a and list(a) == as_list and len(a) == 8
    assert [type(v) for v in a][-2:] == [bool, int]  # True and 1 stay apart
    assert list(a.runs()) == [("x", 5), (True, 2), (1, 1)]
    for index in (0, 4, 5, 7, -1, -8):
        assert a[index] == as_list[index]
    for index in (8, -9):
        with pytest.raises(IndexError):
            a[index]
    for cut in (slice(2, 6), slice(5, None), slice(None, 0), slice(-3, -1), slice(1, 7, 2)):
        assert a[cut] == as_list[cut] and len(a[cut]) == len(as_list[cut])
    flags = [True, False, False, True, False, False, False, True]
    kept = a.keep(flags)
    assert kept == list(compress(as_list, flags)) and list(kept.runs()) == [("x", 2), (1, 1)]
    assert a.count("x") == 5 and a.count(None) == 0 and Same(None, 4).count(None) == 4
    assert a != as_list[:-1] and a != ["y"] * 8 and (a == "x") is False
    assert Same() == [] and len(Same("x", 0)) == 0


def test_shared_columns_are_held_once_through_of_concat_extend_and_keep():
    from netlearn.network.records import Same

    when = datetime(2026, 1, 1)
    msgs = InteractionColumns.build([when] * 3, ["k:a", "k:b", "k:c"], ["in"] * 3,
                                    ["m1", "m2", "m3"], channel="linkedin_message",
                                    purpose="check_in", source="linkedin")
    invs = [Interaction(when, "linkedin_invitation", purpose="introduction",
                        contact_key="k:a", source="linkedin", source_ref=f"i{i}")
            for i in range(2)]
    expected = invs + list(msgs)
    joined = InteractionColumns.concat([invs, msgs])  # uses msgs up
    assert joined == expected and len(msgs) == 0
    for name in ("channel", "purpose", "note", "source", "contact_id", "id"):
        assert isinstance(joined.columns[name], Same), name
    assert list(joined.columns["channel"].runs()) == [("linkedin_invitation", 2),
                                                      ("linkedin_message", 3)]
    assert isinstance(joined.columns["source_ref"], list)
    kept = joined.keep([False, True, True, False, True])
    assert kept == [expected[1], expected[2], expected[4]]
    assert list(kept.columns["channel"].runs()) == [("linkedin_invitation", 1),
                                                    ("linkedin_message", 2)]
    mixed = InteractionColumns.of(records())  # rows that differ stay a list
    assert isinstance(mixed.columns["channel"], list)
    mixed.extend(kept)
    assert mixed == records() + list(kept)
    kept.extend(records())
    assert kept == [expected[1], expected[2], expected[4], *records()]
    assert isinstance(kept.columns["channel"], list)
