"""The task store: round trip, idempotent save, filters and order, updates, standup buckets."""

from __future__ import annotations

import datetime as dt

import pytest
from store_builders import NOW, TODAY, Clock, minutes, task

from minutes_ai.models import TaskStatus
from minutes_ai.store import ENV_VAR, Store, StoreError, UnknownTaskError, content_hash, default_db_path, mentions_risk
from minutes_ai.store.risk import risk_words


def ids(tasks):
    return [t.id for t in tasks]


# -- saving ------------------------------------------------------------------------------------


def test_round_trip_keeps_every_field(store):
    saved_task = task("T1", "修复订单回调", "冯立军", "技术部", "2026-11-27", "18:00", "周五下班前", "附测试报告", audio_start=12.5)
    saved = store.save_minutes(minutes(saved_task))
    assert saved.meeting_id == "M1" and saved.task_ids == ["T1"] and saved.created
    (tracked,) = store.tasks()
    assert tracked.title == saved_task.title
    assert tracked.owner == saved_task.owner
    assert tracked.deadline == saved_task.deadline
    assert tracked.criteria == "附测试报告"
    assert tracked.source == saved_task.source and tracked.source.audio_start == 12.5
    assert tracked.status is TaskStatus.open
    assert (tracked.meeting_id, tracked.meeting_title, tracked.meeting_date) == ("M1", "项目周会", dt.date(2026, 11, 23))
    assert tracked.created_at == tracked.updated_at == NOW and tracked.closed_at is None


def test_minutes_come_back_with_tracked_tasks(store, weekly):
    store.save_minutes(weekly)
    store.set_status("T2", "done")
    back = store.minutes("M1")
    assert back.meeting == weekly.meeting
    assert back.decisions == weekly.decisions and back.open_questions == weekly.open_questions
    assert ids(back.tasks) == ["T1", "T2", "T3", "T4", "T5", "T6"]
    assert back.tasks[1].status is TaskStatus.done


def test_rejected_tasks_are_not_saved_and_review_statuses_become_open(store):
    saved = store.save_minutes(
        minutes(
            task("T1", "确认的任务", status=TaskStatus.confirmed),
            task("T2", "未审的任务", status=TaskStatus.proposed),
            task("T3", "否决的任务", status=TaskStatus.rejected),
            task("T4", "已完成的任务", status=TaskStatus.done),
        )
    )
    assert saved.task_ids == ["T1", "T2", "T3"]
    assert [(t.title, t.status.value) for t in store.tasks()] == [("确认的任务", "open"), ("未审的任务", "open"), ("已完成的任务", "done")]


def test_saving_the_same_minutes_twice_adds_nothing(db_path, clock, weekly):
    with Store.open(db_path, clock=clock) as first:
        saved = first.save_minutes(weekly)
        again = first.save_minutes(weekly)
    with Store.open(db_path, clock=clock) as reopened:
        third = reopened.save_minutes(Minutes_from_json(weekly))
        assert len(reopened.tasks()) == 6 and len(reopened.meetings()) == 1
    assert saved.created and not again.created and not third.created
    assert saved.meeting_id == again.meeting_id == third.meeting_id == "M1"
    assert saved.task_ids == again.task_ids == third.task_ids


def Minutes_from_json(value):
    """The same minutes after a trip through the JSON file that `minutes save` reads."""
    return type(value).model_validate_json(value.model_dump_json())


@pytest.mark.parametrize(
    "change, same",
    [
        (lambda m: m.source.__setattr__("path", "elsewhere/notes.txt"), True),
        (lambda m: m.tasks[0].__setattr__("status", TaskStatus.proposed), True),
        (lambda m: m.tasks[0].__setattr__("confidence", 0.3), True),
        (lambda m: m.tasks[0].__setattr__("flags", ["no_owner"]), True),
        (lambda m: m.tasks[0].__setattr__("title", "修复订单回调问题"), False),
        (lambda m: m.tasks[6].__setattr__("status", TaskStatus.confirmed), False),
        (lambda m: m.meeting.__setattr__("date", dt.date(2026, 11, 30)), False),
    ],
    ids=["source path", "proposed vs confirmed", "confidence", "flags", "title", "un-rejected", "meeting date"],
)
def test_content_hash_is_what_gets_stored(weekly, change, same):
    changed = weekly.model_copy(deep=True)
    change(changed)
    assert (content_hash(changed) == content_hash(weekly)) is same


def test_a_different_meeting_gets_new_global_ids(store, weekly):
    store.save_minutes(weekly)
    other = store.save_minutes(minutes(task("T1", "另一个会的任务"), title="客诉周会"))
    assert other.meeting_id == "M2" and other.task_ids == ["T7"]
    assert [m.id for m in store.meetings()] == ["M2", "M1"]
    assert store.latest_meeting_id() == "M2"


def test_a_failed_save_leaves_nothing_behind(store, weekly, monkeypatch):
    def fail(*args):
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(Store, "_meeting_task_ids", fail)  # runs after every insert, before COMMIT
    with pytest.raises(RuntimeError):
        store.save_minutes(weekly)
    monkeypatch.undo()
    assert store.meetings() == [] and store.tasks() == []
    assert store.save_minutes(weekly).task_ids[0] == "T1"


# -- filters and order -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters, done, expected",
    [
        ({}, [], ["T1", "T2", "T3", "T4", "T5", "T6"]),
        ({"owner": "李娜"}, [], ["T4", "T5"]),
        ({"owner": "nobody"}, [], []),
        ({"dept": "设计部"}, [], ["T2"]),
        ({"dept": "市场部", "owner": "李娜"}, [], ["T4", "T5"]),
        ({"overdue": True}, [], ["T1"]),
        ({"overdue": True}, ["T1"], []),
        ({"due_within_days": 0}, [], ["T2", "T3"]),
        ({"due_within_days": 0}, ["T3"], ["T2"]),
        ({"due_within_days": 7}, [], ["T2", "T3", "T4"]),
        ({"due_within_days": 30}, [], ["T2", "T3", "T4", "T5"]),
        ({"overdue": True, "today": dt.date(2026, 12, 3)}, [], ["T1", "T2", "T3", "T4"]),
        ({"overdue": True, "owner": "贝佳", "today": dt.date(2026, 12, 3)}, [], ["T2"]),
        ({"status": "done"}, ["T3", "T6"], ["T3", "T6"]),
        ({"status": TaskStatus.open}, ["T3"], ["T1", "T2", "T4", "T5", "T6"]),
        ({"meeting_id": "M1"}, [], ["T1", "T2", "T3", "T4", "T5", "T6"]),
        ({"meeting_id": "M2"}, [], []),
    ],
)
def test_filters(store, weekly, filters, done, expected):
    store.save_minutes(weekly)
    for task_id in done:
        store.set_status(task_id, "done")
    assert ids(store.tasks(**filters)) == expected


def test_order_is_by_deadline_with_time_before_end_of_day_and_no_deadline_last(store):
    store.save_minutes(
        minutes(
            task("T1", "无截止"),
            task("T2", "下周", date="2026-12-02"),
            task("T3", "今天", date="2026-11-26"),
            task("T4", "今天下午", date="2026-11-26", time="15:00"),
            task("T5", "今天上午", date="2026-11-26", time="09:30"),
            task("T6", "尽快", phrase="尽快"),
        )
    )
    assert [t.title for t in store.tasks()] == ["今天上午", "今天下午", "今天", "下周", "无截止", "尽快"]


def test_negative_due_within_is_refused(store):
    with pytest.raises(StoreError, match="cannot be negative"):
        store.tasks(due_within_days=-1)


# -- updates -----------------------------------------------------------------------------------


def test_status_changes_record_when_the_task_closed(store, weekly, clock):
    store.save_minutes(weekly)
    clock.now = NOW + dt.timedelta(hours=2)
    done = store.set_status("T1", TaskStatus.done)
    assert done.status is TaskStatus.done and done.closed_at == clock.now == done.updated_at
    clock.now = NOW + dt.timedelta(hours=5)
    assert store.set_status("t1", "done").closed_at == NOW + dt.timedelta(hours=2)  # marking again keeps the time
    reopened = store.set_status("1", "open")
    assert reopened.status is TaskStatus.open and reopened.closed_at is None
    assert store.set_status("T1", "cancelled").status is TaskStatus.cancelled


@pytest.mark.parametrize("status", ["proposed", "rejected", "finished"])
def test_only_tracked_statuses_can_be_set(store, weekly, status):
    store.save_minutes(weekly)
    with pytest.raises(StoreError, match="open, done or cancelled"):
        store.set_status("T1", status)


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.set_status("T99", "done"),
        lambda s: s.add_note("T99", "进展"),
        lambda s: s.edit("T99", title="新标题"),
        lambda s: s.task("T99"),
    ],
    ids=["set_status", "add_note", "edit", "task"],
)
def test_unknown_task_id(store, weekly, call):
    store.save_minutes(weekly)
    with pytest.raises(UnknownTaskError, match=r"^no task T99 in .*minutes\.db$"):
        call(store)


@pytest.mark.parametrize("bad", ["X1", "T", "T1a", ""])
def test_malformed_task_id(store, bad):
    with pytest.raises(StoreError, match="task ids look like T12"):
        store.task(bad)


def test_notes_are_kept_in_order(store, weekly, clock):
    store.save_minutes(weekly)
    store.add_note("T2", "初稿已出")
    clock.now = NOW + dt.timedelta(days=1)
    note = store.add_note("T2", "  等待评审  ")
    assert note.text == "等待评审" and note.task_id == "T2" and note.created_at == clock.now
    tracked = store.task("T2")
    assert [n.text for n in tracked.notes] == ["初稿已出", "等待评审"]
    assert tracked.updated_at == clock.now


def test_empty_note_is_refused(store, weekly):
    store.save_minutes(weekly)
    with pytest.raises(StoreError, match="empty note"):
        store.add_note("T1", "  ")


def test_edit_changes_fields_and_resolves_deadline_from_today(store, weekly):
    store.save_minutes(weekly)
    edited = store.edit("T6", title="活动海报", owner="李娜", dept="市场部", deadline="下周三", criteria="经法务审核")
    assert edited.title == "活动海报"
    assert (edited.owner.name, edited.owner.dept, edited.owner.text) == ("李娜", "市场部", "市场部李娜")
    assert (edited.deadline.date, edited.deadline.text) == (dt.date(2026, 12, 2), "下周三")
    assert edited.criteria == "经法务审核"


def test_edit_owner_keeps_dept_and_blank_clears(store, weekly):
    store.save_minutes(weekly)
    assert store.edit("T2", owner="王磊").owner.dept == "设计部"
    assert store.edit("T2", dept="").owner.dept is None
    assert store.edit("T2", owner="", criteria="").owner is None
    assert store.edit("T2", deadline=None).deadline is None


@pytest.mark.parametrize(
    "phrase, reason",
    [("尽快", "too vague"), ("等通知", "cannot read"), ("  ", "empty deadline")],
)
def test_edit_refuses_unresolvable_deadlines_and_changes_nothing(store, weekly, phrase, reason):
    store.save_minutes(weekly)
    before = store.task("T1")
    with pytest.raises(StoreError, match=reason):
        store.edit("T1", owner="王磊", deadline=phrase)
    assert store.task("T1") == before


def test_edit_refuses_an_empty_title_and_unknown_fields(store, weekly):
    store.save_minutes(weekly)
    with pytest.raises(StoreError, match="needs a title"):
        store.edit("T1", title=" ")
    with pytest.raises(TypeError, match="cannot edit status"):
        store.edit("T1", status="done")


# -- standup -----------------------------------------------------------------------------------


def test_standup_buckets(store, weekly, clock):
    store.save_minutes(weekly)
    extra = store.save_minutes(minutes(task("T1", "上周完成的"), task("T2", "本周取消的", date="2026-11-25"), title="上周会"))
    clock.now = dt.datetime(2026, 11, 22, 18, 0, tzinfo=NOW.tzinfo)  # Sunday of last week
    store.set_status(extra.task_ids[0], "done")
    clock.now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=NOW.tzinfo)  # Monday of this week
    store.set_status("T3", "done")
    store.set_status(extra.task_ids[1], "cancelled")
    store.add_note("T4", "接口方延迟，可能赶不上")
    store.add_note("T5", "进展顺利")
    store.add_note("T6", "Blocked by legal review")
    store.add_note("T6", "已找法务沟通")
    view = store.standup(TODAY)
    assert view.today == TODAY
    assert ids(view.done_this_week) == ["T3"]
    assert ids(view.overdue) == ["T1"]
    assert ids(view.due_next_week) == ["T2", "T4"]  # today up to Sunday 6 Dec; T5 (20 Dec) and T6 (no date) are not due
    assert [(r.task.id, [n.text for n in r.notes]) for r in view.at_risk] == [
        ("T4", ["接口方延迟，可能赶不上"]),
        ("T6", ["Blocked by legal review"]),
    ]


@pytest.mark.parametrize(
    "today, done, due, overdue",
    [
        (dt.date(2026, 11, 26), ["T3"], ["T2", "T4"], ["T1"]),
        (dt.date(2026, 11, 29), ["T3"], ["T4"], ["T1", "T2"]),  # Sunday: still this week
        (dt.date(2026, 11, 30), [], ["T4", "T5"], ["T1", "T2"]),  # Monday: a new week, and the week after
    ],
)
def test_standup_weeks_run_monday_to_sunday(store, weekly, clock, today, done, due, overdue):
    store.save_minutes(weekly)
    clock.now = dt.datetime(2026, 11, 24, 9, 0, tzinfo=NOW.tzinfo)
    store.set_status("T3", "done")
    store.edit("T5", deadline=weekly.tasks[4].deadline.model_copy(update={"date": dt.date(2026, 12, 13)}))
    view = store.standup(today)
    assert (ids(view.done_this_week), ids(view.due_next_week), ids(view.overdue)) == (done, due, overdue)


@pytest.mark.parametrize(
    "note, risky",
    [
        ("接口方延迟，周五可能赶不上", True),
        ("存在上线风险", True),
        ("被测试环境阻塞", True),
        ("项目延期一周", True),
        ("Delayed by vendor", True),
        ("RISK: supplier", True),
        ("初稿已完成，等待评审", False),
        ("进展顺利", False),
    ],
)
def test_risk_words(note, risky):
    assert mentions_risk(note) is risky


def test_risk_word_file_loads_and_has_no_duplicates():
    words = risk_words()
    assert len(words) == len(set(words)) > 10
    assert all(w == w.strip().lower() and not w.startswith("#") for w in words)


# -- where the database lives ------------------------------------------------------------------


def test_default_path_honours_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "team.db"))
    assert default_db_path() == tmp_path / "team.db"
    with Store.open(clock=Clock()) as opened:
        assert opened.path == tmp_path / "team.db"
    monkeypatch.delenv(ENV_VAR)
    path = default_db_path()
    assert path.name == "minutes.db" and path.parent.name == "minutes-ai"


@pytest.mark.parametrize("where, message", [("missing/minutes.db", "does not exist"), (".", "is a folder")])
def test_bad_locations_are_one_line_errors(tmp_path, where, message):
    with pytest.raises(StoreError, match=message):
        Store.open(tmp_path / where)
