"""The weekly standup view: what got done, what is due, what is late, what is in trouble.

Weeks run Monday–Sunday, as in the deadline rules ("下周三" = Wednesday of next calendar week).
"Due next week" starts today, so a task due this Friday is not lost between the buckets.
"""

from __future__ import annotations

import datetime as dt

from ..models import TaskStatus
from .records import RiskItem, Standup, TrackedTask
from .risk import mentions_risk


def build_standup(tasks: list[TrackedTask], today: dt.date) -> Standup:
    """Sort `tasks` (any order, any status) into the standup buckets for `today`."""
    monday = today - dt.timedelta(days=today.weekday())
    end_of_next_week = monday + dt.timedelta(days=13)
    done, due, overdue, at_risk = [], [], [], []
    for task in tasks:
        if task.status is TaskStatus.done:
            if task.closed_at is not None and monday <= task.closed_at.date() <= today:
                done.append(task)
            continue
        if task.status is not TaskStatus.open:
            continue
        date = task.deadline.date if task.deadline else None
        if date is not None and date < today:
            overdue.append(task)
        elif date is not None and date <= end_of_next_week:
            due.append(task)
        risky = [note for note in task.notes if mentions_risk(note.text)]
        if risky:
            at_risk.append(RiskItem(task=task, notes=risky))
    done.sort(key=lambda t: (t.closed_at, t.id))
    return Standup(today=today, done_this_week=done, due_next_week=due, overdue=overdue, at_risk=at_risk)
