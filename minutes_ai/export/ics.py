"""Tasks as an iCalendar file of to-dos, for Outlook, Apple Reminders, 飞书/钉钉 calendars.

One VTODO per task: DUE is the deadline date, or a date-time in Asia/Shanghai when the meeting
gave a time ("下午三点前"); a reminder fires one day before. The reminder is `TRIGGER;RELATED=END:
-P1D` because RFC 5545 measures a to-do's relative trigger from DTSTART unless RELATED=END says
"from DUE", and our to-dos have no start. Tasks with no resolved date (尽快) are exported without
DUE or reminder; closed tasks keep their status (COMPLETED, CANCELLED) and lose the reminder.
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence
from zoneinfo import ZoneInfo

from .. import __version__
from ..models import TaskStatus
from ..store.records import TrackedTask

TIMEZONE = "Asia/Shanghai"
STATUS = {TaskStatus.open: "NEEDS-ACTION", TaskStatus.done: "COMPLETED", TaskStatus.cancelled: "CANCELLED"}
REMIND_BEFORE = dt.timedelta(days=1)


def tasks_ics(tasks: Sequence[TrackedTask], *, name: str = "minutes-ai 任务") -> bytes:
    """An iCalendar (RFC 5545) file with one VTODO per task."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//minutes-ai//minutes-ai {__version__}//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    dates = []
    for task in tasks:
        calendar.add_component(_todo(icalendar, task))
        if task.deadline and task.deadline.date:
            dates.append(task.deadline.date)
    if dates:
        # Whole years around the deadlines: the VTIMEZONE only has to cover this file's dates.
        calendar.add_missing_timezones(first_date=dt.date(min(dates).year, 1, 1), last_date=dt.date(max(dates).year + 2, 1, 1))
    return calendar.to_ical()


def due(task: TrackedTask) -> dt.date | dt.datetime | None:
    """DUE of the task's VTODO: the date, or the date-time in Asia/Shanghai when there is a time."""
    deadline = task.deadline
    if deadline is None or deadline.date is None:
        return None
    if deadline.time is None:
        return deadline.date
    return dt.datetime.combine(deadline.date, deadline.time, tzinfo=ZoneInfo(TIMEZONE))


def description(task: TrackedTask) -> str:
    """Who, the acceptance criterion, the sentence it came from and the meeting, one per line."""
    owner = task.owner
    lines = []
    if owner:
        lines.append(f"负责人：{owner.name or owner.text}" + (f"（{owner.dept}）" if owner.dept else ""))
    if task.criteria:
        lines.append(f"交付标准：{task.criteria}")
    if task.deadline and task.deadline.text:
        lines.append(f"截止时间原文：{task.deadline.text}")
    lines.append(f"来源：{task.source.text}")
    lines.append(f"会议：{task.meeting_title or task.meeting_id} {task.meeting_date.isoformat()}（{task.meeting_id}，任务 {task.id}）")
    return "\n".join(lines)


def _todo(icalendar, task: TrackedTask):
    todo = icalendar.Todo()
    todo.add("uid", f"{task.id}-{task.meeting_id}@minutes-ai")
    todo.add("dtstamp", task.updated_at.astimezone(dt.timezone.utc))
    todo.add("created", task.created_at.astimezone(dt.timezone.utc))
    todo.add("last-modified", task.updated_at.astimezone(dt.timezone.utc))
    todo.add("summary", task.title)
    todo.add("description", description(task))
    todo.add("status", STATUS.get(task.status, "NEEDS-ACTION"))
    if task.status is TaskStatus.done and task.closed_at:
        todo.add("completed", task.closed_at.astimezone(dt.timezone.utc))
    when = due(task)
    if when is None:
        return todo
    todo.add("due", when)
    if task.status is TaskStatus.open:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"明天到期：{task.title}")
        alarm.add("trigger", -REMIND_BEFORE, parameters={"RELATED": "END"})
        todo.add_component(alarm)
    return todo
