"""ReviewSession without a terminal: each answer as a row of a table."""

from __future__ import annotations

import datetime as dt

import pytest
from review_builders import built_minutes

from minutes_ai.errors import MinutesError
from minutes_ai.models import TaskStatus
from minutes_ai.review import ReviewError, ReviewSession, Verdict


def play(session: ReviewSession, steps) -> ReviewSession:
    """Apply steps like ("accept",), ("edit", "deadline", "下周三"), ("split", ["a", "b"], "title")."""
    for step in steps:
        name, *args = step
        if name == "split":
            session = session.split(args[0], by=args[1])
        elif name == "add":
            session = session.add_task(args[0], **(args[1] if len(args) > 1 else {}))
        else:
            method = {"merge": "merge_previous"}.get(name, name)
            session = getattr(session, method)(*args)
    return session


def where(session: ReviewSession) -> str | None:
    return session.current.id if session.current else None


def statuses(session: ReviewSession) -> str:
    """"T1=confirmed T2=proposed …" for compact expectations."""
    return " ".join(f"{t.id}={t.status.value}" for t in session.minutes.tasks)


@pytest.fixture
def session(minutes):
    return ReviewSession.start(minutes)


# -- moving through the items ------------------------------------------------------------------

NAVIGATION = [
    # steps, item on screen after them, task statuses, decision verdicts
    ([], "T1", "T1=proposed T2=proposed T3=proposed", {}),
    ([("accept",)], "T2", "T1=confirmed T2=proposed T3=proposed", {}),
    ([("reject",)], "T2", "T1=rejected T2=proposed T3=proposed", {}),
    ([("accept",), ("accept",), ("accept",)], "D1", "T1=confirmed T2=confirmed T3=confirmed", {}),
    ([("accept",)] * 4 + [("reject",)], None, "T1=confirmed T2=confirmed T3=confirmed", {"D1": "accepted", "D2": "rejected"}),
    ([("accept",), ("back",)], "T1", "T1=confirmed T2=proposed T3=proposed", {}),
    # going back and changing an answer jumps to the first item still open, not to the next one
    ([("accept",), ("accept",), ("back",), ("back",), ("reject",)], "T3", "T1=rejected T2=confirmed T3=proposed", {}),
    ([("accept_all",)], None, "T1=confirmed T2=confirmed T3=confirmed", {"D1": "accepted", "D2": "accepted"}),
    ([("reject",), ("accept_all",)], None, "T1=rejected T2=confirmed T3=confirmed", {"D1": "accepted", "D2": "accepted"}),
    # finished, then back: the last item is on screen again
    ([("accept_all",), ("back",)], "D2", "T1=confirmed T2=confirmed T3=confirmed", {"D1": "accepted", "D2": "accepted"}),
]


@pytest.mark.parametrize("steps, on_screen, tasks, decisions", NAVIGATION)
def test_navigation(session, steps, on_screen, tasks, decisions):
    after = play(session, steps)
    assert where(after) == on_screen
    assert statuses(after) == tasks
    assert {k: v.value for k, v in after.decision_verdicts.items()} == decisions
    assert after.finished is (on_screen is None)


def test_every_answer_returns_a_new_session_and_leaves_the_old_one_alone(session):
    before = session.model_dump()
    for steps in ([("accept",)], [("edit", "deadline", "下周三")], [("split", ["甲", "乙"], "title")], [("add", "补任务")]):
        play(session, steps)
    assert session.model_dump() == before


def test_start_skips_tasks_an_earlier_review_decided(minutes):
    minutes.tasks[0].status = TaskStatus.confirmed
    minutes.tasks[1].status = TaskStatus.rejected
    assert where(ReviewSession.start(minutes)) == "T3"


def test_start_with_nothing_to_review_is_finished(minutes):
    empty = minutes.model_copy(update={"tasks": [], "decisions": []})
    assert ReviewSession.start(empty).finished


# -- editing -----------------------------------------------------------------------------------

EDITS = [
    # field, value, what the task on screen looks like after
    ("deadline", "下周三", lambda t: (t.deadline.date, t.deadline.text, t.deadline.kind.value) == (dt.date(2026, 12, 2), "下周三", "relative")),
    ("deadline", "3个工作日内", lambda t: t.deadline.date == dt.date(2026, 11, 27)),
    ("deadline", "12月2日下午三点前", lambda t: (t.deadline.date, t.deadline.time) == (dt.date(2026, 12, 2), dt.time(15, 0))),
    ("deadline", "2026-12-31", lambda t: t.deadline.date == dt.date(2026, 12, 31) and t.deadline.kind.value == "absolute"),
    ("deadline", "-", lambda t: t.deadline is None and "no_deadline" in t.flags),
    ("owner", "贝佳", lambda t: (t.owner.name, t.owner.dept) == ("贝佳", None)),
    ("owner", "贝佳（设计部）", lambda t: (t.owner.name, t.owner.dept, t.owner.text) == ("贝佳", "设计部", "贝佳（设计部）")),
    ("owner", "贝佳(设计部)", lambda t: (t.owner.name, t.owner.dept) == ("贝佳", "设计部")),
    ("owner", "设计部", lambda t: (t.owner.name, t.owner.dept) == (None, "设计部")),
    ("owner", "@Amy", lambda t: t.owner.name == "Amy"),
    ("owner", "无", lambda t: t.owner is None and t.flags[0] == "no_owner"),
    ("title", "  修复支付回调  ", lambda t: t.title == "修复支付回调"),
    ("criteria", "附测试报告", lambda t: t.criteria == "附测试报告"),
    ("criteria", "-", lambda t: t.criteria is None),
]


@pytest.mark.parametrize("field, value, check", EDITS)
def test_edit_a_task(session, field, value, check):
    edited = session.edit(field, value)
    assert check(edited.current_task)
    assert where(edited) == "T1" and edited.current_task.status is TaskStatus.proposed


REFUSED = [
    ("deadline", "尽快", "too vague to track"),
    ("deadline", "近期", "too vague to track"),
    ("deadline", "改天再说", "cannot read '改天再说' as a deadline"),
    ("deadline", "2026-02-30", "cannot read"),
    ("deadline", "2025-12-02", "before the meeting (2026-11-24)"),
    ("deadline", "  ", "empty deadline"),
    ("owner", "  ", "empty owner"),
    ("title", "", "empty title"),
    ("colour", "red", "unknown field 'colour'"),
]


@pytest.mark.parametrize("field, value, reason", REFUSED)
def test_an_invalid_edit_is_refused_with_a_one_line_reason(session, field, value, reason):
    with pytest.raises(ReviewError) as caught:
        session.edit(field, value)
    assert reason in str(caught.value) and "\n" not in str(caught.value)
    assert isinstance(caught.value, MinutesError)


def test_fixing_owner_and_deadline_clears_the_flags(session):
    t2 = play(session, [("accept",), ("edit", "owner", "贝佳"), ("edit", "deadline", "本周五前")]).current_task
    assert t2.id == "T2" and t2.flags == [] and t2.deadline.date == dt.date(2026, 11, 27)


def test_owner_candidates_are_participants_then_owners_in_tasks(minutes):
    minutes.tasks[1].owner = minutes.tasks[0].owner.model_copy(update={"name": "Amy", "text": "Amy"})
    assert ReviewSession.start(minutes).owner_candidates() == ["冯立军", "贝佳", "程一帆", "Amy"]


# -- split, merge, add -------------------------------------------------------------------------

STRUCTURE = [
    # steps, task ids in order, titles, owners, item on screen
    (
        [("split", ["修复订单回调", "完成回归测试"], "title")],
        ["T1", "T4", "T2", "T3"],
        ["修复订单回调", "完成回归测试", "出设计稿", "确定商品清单"],
        ["冯立军", "冯立军", None, "程一帆"],
        "T1",
    ),
    (
        [("accept",), ("accept",), ("split", ["程一帆", "贝佳"], "owner")],
        ["T1", "T2", "T3", "T4"],
        ["修复订单回调", "出设计稿", "确定商品清单", "确定商品清单"],
        ["冯立军", None, "程一帆", "贝佳"],
        "T3",
    ),
    (
        [("accept",), ("merge",)],
        ["T1", "T3"],
        ["修复订单回调，出设计稿", "确定商品清单"],
        ["冯立军", "程一帆"],
        "T1",
    ),
    (
        [("add", "整理会议纪要", {"owner": "韩雪", "deadline": "明天", "criteria": "发给各部门"})],
        ["T1", "T4", "T2", "T3"],
        ["修复订单回调", "整理会议纪要", "出设计稿", "确定商品清单"],
        ["冯立军", "韩雪", None, "程一帆"],
        "T1",
    ),
    (
        [("accept_all",), ("back",), ("add", "补一个任务")],
        ["T1", "T2", "T3", "T4"],
        ["修复订单回调", "出设计稿", "确定商品清单", "补一个任务"],
        ["冯立军", None, "程一帆", None],
        "D2",
    ),
]


@pytest.mark.parametrize("steps, ids, titles, owners, on_screen", STRUCTURE)
def test_split_merge_add(session, steps, ids, titles, owners, on_screen):
    after = play(session, steps)
    tasks = after.minutes.tasks
    assert [t.id for t in tasks] == ids
    assert [t.title for t in tasks] == titles
    assert [t.owner.name if t.owner else None for t in tasks] == owners
    assert where(after) == on_screen


def test_split_parts_are_proposed_and_reviewed_in_turn(session):
    after = play(session, [("split", ["修复订单回调", "完成回归测试"], "title"), ("accept",)])
    assert where(after) == "T4"
    assert after.minutes.tasks[1].deadline == after.minutes.tasks[0].deadline


def test_merge_keeps_the_previous_fields_and_fills_missing_ones_from_the_current(session):
    merged = play(session, [("accept",), ("merge",)]).current_task
    assert merged.id == "T1" and merged.status is TaskStatus.proposed
    assert merged.deadline.text == "D+3" and merged.owner.name == "冯立军"
    assert merged.source.text == "冯立军负责修复订单回调，D+3完成，回调成功率100%。设计稿尽快出。"
    assert (merged.source.start, merged.source.end) == (0, len(merged.source.text))
    assert merged.flags == []


def test_merge_a_repeated_task_keeps_the_longer_title(minutes):
    minutes.tasks[1].title = "修复订单回调并完成回归测试"
    merged = play(ReviewSession.start(minutes), [("accept",), ("merge",)]).current_task
    assert merged.title == "修复订单回调并完成回归测试"


def test_an_added_task_is_reviewed_after_the_item_on_screen(session):
    added = play(session, [("add", "整理会议纪要", {"deadline": "今天下班前"})])
    new = added.minutes.tasks[1]
    assert new.flags == ["no_owner", "added_in_review"] and new.source.text == "" and new.confidence == 1.0
    assert where(added.accept()) == "T4"


def test_adding_on_a_decision_appends_the_task_and_reviews_it_after_the_decisions(session):
    on_d1 = play(session, [("accept",)] * 3)
    added = on_d1.add_task("补一个任务")
    assert where(added) == "D1"
    assert where(play(added, [("accept",), ("accept",)])) == "T4"


STRUCTURE_REFUSED = [
    ([("merge",)], "T1 is the first task: there is no previous task to merge with"),
    ([("split", ["只有一个"], "title")], "at least two parts"),
    ([("split", ["甲", "甲"], "title")], "repeat one another"),
    ([("split", ["甲", "乙"], "colour")], "split by title or owner"),
    ([("add", "  ")], "needs a title"),
    ([("add", "补任务", {"deadline": "尽快"})], "too vague"),
    ([("back",)], "already at the first item"),
    ([("accept",)] * 3 + [("split", ["甲", "乙"], "title")], "only a task can be split"),
    ([("accept",)] * 3 + [("merge",)], "only a task can be merged"),
    ([("accept",)] * 3 + [("edit", "owner", "贝佳")], "a decision has only its text"),
    ([("accept",)] * 3 + [("edit", "text", " ")], "empty decision"),
    ([("accept_all",), ("accept",)], "the review is finished"),
]


@pytest.mark.parametrize("steps, reason", STRUCTURE_REFUSED)
def test_refused_structure_changes(session, steps, reason):
    with pytest.raises(ReviewError, match=reason):
        play(session, steps)


# -- decisions and the result ------------------------------------------------------------------


def test_decisions_are_accepted_edited_or_rejected(session):
    on_d1 = play(session, [("accept",)] * 3)
    assert on_d1.current_decision.id == "D1"
    done = play(on_d1, [("edit", "text", "同意方案B，下周启动。"), ("accept",), ("reject",)])
    assert done.finished
    assert done.decision_verdicts == {"D1": Verdict.accepted, "D2": Verdict.rejected}
    result = done.result()
    assert [(d.id, d.text) for d in result.decisions] == [("D1", "同意方案B，下周启动。")]


def test_result_keeps_rejected_tasks_marked_and_is_valid_minutes(session):
    done = play(session, [("reject",), ("accept_all",)])
    result = done.result()
    assert [t.status for t in result.tasks] == [TaskStatus.rejected, TaskStatus.confirmed, TaskStatus.confirmed]
    assert type(result).model_validate_json(result.model_dump_json()) == result


def test_session_round_trips_through_json(session):
    played = play(session, [("accept",), ("edit", "owner", "贝佳"), ("split", ["甲", "乙"], "title")])
    assert ReviewSession.model_validate_json(played.model_dump_json()) == played


def test_verdict_labels(session):
    after = play(session, [("accept",), ("reject",)])
    refs = after.items
    assert [after.verdict(r) for r in refs] == ["confirmed", "rejected", None, None, None]
    assert after.undecided == 3


def test_built_minutes_are_fresh_each_time():
    assert built_minutes() == built_minutes()
