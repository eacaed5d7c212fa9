"""Builders for store tests: a clock the test moves by hand, and minutes made from the models."""

from __future__ import annotations

import datetime as dt

from minutes_ai.models import Deadline, Decision, Meeting, Minutes, OpenQuestion, Owner, Source, Span, Task, TaskStatus

CST = dt.timezone(dt.timedelta(hours=8))
# Thursday 26 November 2026, 10:00 in Beijing: the week runs Mon 23 – Sun 29, next week to Sun 6 Dec.
NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=CST)
TODAY = NOW.date()


class Clock:
    """A clock the test moves by hand: `clock.now = ...`."""

    def __init__(self, now: dt.datetime = NOW):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def task(
    local_id: str,
    title: str,
    owner: str | None = None,
    dept: str | None = None,
    date: str | None = None,
    time: str | None = None,
    phrase: str | None = None,
    criteria: str | None = None,
    status: TaskStatus = TaskStatus.confirmed,
    audio_start: float | None = None,
) -> Task:
    """A task as review leaves it; the source sentence is made up from the fields."""
    deadline = None
    if date or phrase:
        kind = "vague" if date is None else "absolute"
        deadline = Deadline(text=phrase or date, date=date, time=time, kind=kind)
    who = Owner(name=owner, dept=dept, text=f"{dept or ''}{owner or ''}") if owner or dept else None
    sentence = f"{dept or ''}{owner or ''}{title}，{phrase or date or ''}"
    return Task(
        id=local_id,
        title=title,
        owner=who,
        deadline=deadline,
        criteria=criteria,
        source=Span(text=sentence, start=0, end=len(sentence), audio_start=audio_start),
        confidence=0.9,
        status=status,
    )


def minutes(*tasks: Task, title: str = "项目周会", date: str = "2026-11-23") -> Minutes:
    return Minutes(
        meeting=Meeting(title=title, date=date, date_source="given", host="邵明", participants=["邵明", "冯立军"]),
        decisions=[Decision(id="D1", text="一期12月15日上线。", source=Span(text="一期12月15日上线。", start=0, end=11))],
        tasks=list(tasks),
        open_questions=[OpenQuestion(id="Q1", text="积分有效期待定。", source=Span(text="积分有效期待定。", start=12, end=20))],
        source=Source(kind="notes", chars=20, extractor="test"),
    )
