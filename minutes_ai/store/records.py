"""What the task store hands back: tracked tasks, their notes, saved meetings and the standup view.

These extend the minutes contract (`minutes_ai.models`) with what only exists once minutes are
saved: a global task id (T12, unique across meetings, never reused), the meeting a task came from,
timestamps and progress notes. `TrackedTask.as_task()` turns one back into a `models.Task`, so the
renderers that format tasks (`render.common.task_row`) format tracked ones the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..models import Deadline, Owner, Span, Task, TaskStatus

# The statuses a saved task can have; proposed/confirmed/rejected belong to review, before saving.
TRACKED_STATUSES = (TaskStatus.open, TaskStatus.done, TaskStatus.cancelled)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Note(_Record):
    """A progress note on a task ("接口方延迟，周五可能赶不上")."""

    id: int = Field(description="Row id of the note.")
    task_id: str = Field(description="The task the note is on (T12).")
    text: str = Field(description="The note, as written.")
    created_at: dt.datetime = Field(description="When the note was added (local time, with offset).")


class TrackedTask(_Record):
    """A task saved from confirmed minutes and tracked to the end."""

    id: str = Field(description="Global short id in the store: T1, T2, … (unique across meetings).")
    title: str = Field(description="Short task name (任务名称).")
    owner: Optional[Owner] = Field(default=None, description="The owner (负责人); null when none.")
    deadline: Optional[Deadline] = Field(default=None, description="The deadline (截止时间); null when none.")
    criteria: Optional[str] = Field(default=None, description="The acceptance criterion (交付标准).")
    status: TaskStatus = Field(description="open, done or cancelled.")
    meeting_id: str = Field(description="The meeting the task was decided in: M1, M2, …")
    meeting_title: Optional[str] = Field(default=None, description="That meeting's title.")
    meeting_date: dt.date = Field(description="That meeting's date.")
    local_id: str = Field(description="The task's id within its minutes (T1 of that meeting).")
    source: Span = Field(description="The sentence the task was extracted from.")
    created_at: dt.datetime = Field(description="When the task was saved.")
    updated_at: dt.datetime = Field(description="When the task last changed.")
    closed_at: Optional[dt.datetime] = Field(default=None, description="When it was marked done or cancelled.")
    notes: list[Note] = Field(default_factory=list, description="Progress notes, oldest first.")

    def as_task(self) -> Task:
        """This task as a `models.Task` (global id, tracked status) for the minutes renderers."""
        return Task(
            id=self.id,
            title=self.title,
            owner=self.owner,
            deadline=self.deadline,
            criteria=self.criteria,
            source=self.source,
            confidence=1.0,
            status=self.status,
        )

    def is_overdue(self, today: dt.date) -> bool:
        """Open, with a resolved date before `today` (a deadline on `today` is not late yet)."""
        return self.status is TaskStatus.open and self.deadline is not None and self.deadline.date is not None and self.deadline.date < today


class MeetingRecord(_Record):
    """A saved meeting: one row per distinct confirmed minutes."""

    id: str = Field(description="Meeting id in the store: M1, M2, …")
    title: Optional[str] = Field(default=None, description="Meeting name (会议名称).")
    date: dt.date = Field(description="The meeting date.")
    content_hash: str = Field(description="SHA-256 of the minutes JSON; saving the same minutes again finds this row.")
    created_at: dt.datetime = Field(description="When the minutes were saved.")
    task_ids: list[str] = Field(default_factory=list, description="Global ids of the meeting's tasks.")


class RiskItem(_Record):
    """An open task with notes that mention a risk word (风险, 延迟, 阻塞, delay…)."""

    task: TrackedTask = Field(description="The task.")
    notes: list[Note] = Field(description="The notes that mention a risk word.")


class Standup(_Record):
    """The weekly standup view of the store on a given day (weeks run Monday–Sunday)."""

    today: dt.date = Field(description="The day the view is for.")
    done_this_week: list[TrackedTask] = Field(description="Closed as done since Monday of this week.")
    due_next_week: list[TrackedTask] = Field(description="Open, due from today to the end of next week.")
    overdue: list[TrackedTask] = Field(description="Open, with a deadline date before today.")
    at_risk: list[RiskItem] = Field(description="Open tasks with notes mentioning a risk word.")


class SavedMeeting(NamedTuple):
    """What `Store.save_minutes` did: the meeting id, its task ids, and whether it was new."""

    meeting_id: str
    task_ids: list[str]
    created: bool
