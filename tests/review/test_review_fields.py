"""What a reviewer types into a field, read: owners, deadlines, split lists, timestamps."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_ai.review import ReviewError
from minutes_ai.review.fields import parse_deadline, parse_owner, split_parts
from minutes_ai.review.prompt import format_seconds, resolve_key

MEETING = dt.date(2026, 11, 24)  # Tuesday

DEADLINES = [
    ("下周三", dt.date(2026, 12, 2)),
    ("本周五前", dt.date(2026, 11, 27)),
    ("D+3", dt.date(2026, 11, 27)),
    ("3个工作日内", dt.date(2026, 11, 27)),
    ("12月2日", dt.date(2026, 12, 2)),
    ("2026-12-02", dt.date(2026, 12, 2)),
    ("月底", dt.date(2026, 11, 30)),
    ("今天", MEETING),
]


@pytest.mark.parametrize("phrase, expected", DEADLINES)
def test_deadlines_resolve_from_the_meeting_date(phrase, expected):
    deadline = parse_deadline(phrase, MEETING)
    assert deadline.date == expected and deadline.text == phrase


@pytest.mark.parametrize("phrase", ["尽快", "近期", "改天", "", "2026-13-01", "昨天"])
def test_deadlines_refused(phrase):
    with pytest.raises(ReviewError):
        parse_deadline(phrase, MEETING)


OWNERS = [
    ("贝佳", ("贝佳", None)),
    (" 贝佳（设计部） ", ("贝佳", "设计部")),
    ("Amy (PM)", ("Amy", "PM")),
    ("@程一帆", ("程一帆", None)),
    ("设计部", (None, "设计部")),
]


@pytest.mark.parametrize("typed, expected", OWNERS)
def test_owners(typed, expected):
    owner = parse_owner(typed, ["设计部"])
    assert (owner.name, owner.dept) == expected


SPLITS = [
    ("修复回调 / 回归测试", "title", ["修复回调", "回归测试"]),
    ("修复回调；回归测试；上线", "title", ["修复回调", "回归测试", "上线"]),
    ("联调、提测 / 上线", "title", ["联调、提测", "上线"]),  # 、 stays inside a title
    ("贝佳、程一帆", "owner", ["贝佳", "程一帆"]),
    ("@贝佳 @程一帆", "owner", ["贝佳", "程一帆"]),
    ("贝佳,程一帆 / 冯立军", "owner", ["贝佳", "程一帆", "冯立军"]),
]


@pytest.mark.parametrize("typed, by, parts", SPLITS)
def test_split_parts(typed, by, parts):
    assert split_parts(typed, by=by) == parts


@pytest.mark.parametrize("seconds, shown", [(0, "00:00"), (83.5, "01:23"), (3723, "1:02:03")])
def test_audio_timestamps(seconds, shown):
    assert format_seconds(seconds) == shown


@pytest.mark.parametrize(
    "token, key",
    [("a", "a"), ("A", "a"), ("接受", "a"), ("accept", "a"), ("上一条", "b"), ("退出", "q"), ("x", None), ("拆分", "s")],
)
def test_answer_words(token, key):
    from minutes_ai.review.prompt import ACTIONS

    assert resolve_key(token, ACTIONS) == key


# -- single keys in a terminal (the key reader replaced by a list of key presses) --------------


def key_terminal(presses):
    import io

    from rich.console import Console

    from minutes_ai.review.terminal import KeyTerminal

    out = io.StringIO()
    return KeyTerminal(Console(file=out, width=100), getchar=iter(presses).__next__), out


@pytest.mark.parametrize(
    "presses, cancel, expected",
    [
        (["a"], False, "a"),
        (["A"], False, "a"),
        (["\x1b[A", "\x1b[B", "r"], False, "r"),  # arrow keys are not "A"/"B"
        (["z", "\r", "q"], False, "q"),  # unknown keys and Enter are ignored on the action menu
        (["\r"], True, ""),  # Enter cancels a field choice
        (["\x1b"], True, ""),  # so does Esc
    ],
)
def test_single_keys(presses, cancel, expected):
    from minutes_ai.review.prompt import ACTIONS

    term, _ = key_terminal(presses)
    assert term.key("操作", ACTIONS, cancel=cancel) == expected


def test_ctrl_d_ends_and_ctrl_c_interrupts():
    from minutes_ai.review.prompt import ACTIONS

    def raising(exc):
        def press():
            raise exc

        return press

    term, _ = key_terminal([])
    term._getchar = raising(EOFError())
    assert term.key("操作", ACTIONS) is None
    term._getchar = raising(KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        term.key("操作", ACTIONS)
