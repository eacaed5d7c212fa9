"""Tracked tasks for the export tests, built directly from the render test minutes (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_ai.models import Minutes, TaskStatus
from minutes_ai.store.records import Note, TrackedTask

SAVED = dt.datetime(2026, 11, 24, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.fixture
def render_minutes(data_dir):
    return Minutes.model_validate_json((data_dir / "render" / "minutes.json").read_text(encoding="utf-8"))


@pytest.fixture
def tracked(render_minutes):
    """The three render-test tasks as saved in meeting M2 with global ids T11–T13; T13 is done."""
    meeting = render_minutes.meeting
    tasks = []
    for number, task in enumerate(render_minutes.tasks, start=11):
        tasks.append(
            TrackedTask(
                id=f"T{number}",
                title=task.title,
                owner=task.owner,
                deadline=task.deadline,
                criteria=task.criteria,
                status=TaskStatus.open,
                meeting_id="M2",
                meeting_title=meeting.title,
                meeting_date=meeting.date,
                local_id=task.id,
                source=task.source,
                created_at=SAVED,
                updated_at=SAVED,
            )
        )
    tasks[1].notes.append(Note(id=1, task_id="T12", text="等待评审，接口方延迟", created_at=SAVED))
    tasks[2] = tasks[2].model_copy(update={"status": TaskStatus.done, "closed_at": SAVED + dt.timedelta(days=1)})
    return tasks


@pytest.fixture
def tracked_minutes(render_minutes, tracked):
    """The meeting's minutes with the tasks as tracked now, as `Store.minutes` returns them."""
    return render_minutes.model_copy(update={"tasks": [t.as_task() for t in tracked]})
