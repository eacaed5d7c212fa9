"""Between SQLite rows and records: a `tasks` row → `TrackedTask`, edited values → columns.

Also where an edited deadline is resolved: "下周三" typed today means next week's Wednesday from
today, not from the meeting, and a phrase with no date is refused with the reason.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Optional

from ..models import Deadline, DeadlineKind, Owner, Span
from .errors import StoreError
from .records import Note, TrackedTask


def resolve_new_deadline(phrase: str, today: dt.date) -> Deadline:
    """A deadline typed when editing a task ("下周三", "12月2日", "3个工作日内"), resolved from `today`.

    Refused with the reason when it gives no date: a tracked deadline has to be checkable.
    """
    from ..extract.deadlines import resolve_deadline

    phrase = phrase.strip()
    if not phrase:
        raise StoreError("empty deadline: give a date (2026-12-02) or a phrase like 下周三")
    deadline = resolve_deadline(phrase, today)
    if deadline is None:
        raise StoreError(f"cannot read {phrase!r} as a deadline: give a date (2026-12-02, 12月2日) or a phrase like 下周三, 3个工作日内")
    if deadline.date is None or deadline.kind is DeadlineKind.vague:
        raise StoreError(f"{phrase!r} is too vague to track: give a date (2026-12-02) or a phrase like 下周三")
    return deadline


def task_record(row: sqlite3.Row, notes: list[Note]) -> TrackedTask:
    owner = None
    if row["owner_name"] or row["owner_dept"] or row["owner_text"]:
        owner = Owner(
            name=row["owner_name"],
            dept=row["owner_dept"],
            text=row["owner_text"] or owner_words(row["owner_name"], row["owner_dept"]) or "",
        )
    deadline = None
    if row["deadline_kind"]:
        deadline = Deadline(text=row["deadline_text"] or "", date=row["deadline_date"], time=row["deadline_time"], kind=row["deadline_kind"])
    return TrackedTask(
        id=f"T{row['id']}",
        title=row["title"],
        owner=owner,
        deadline=deadline,
        criteria=row["criteria"],
        status=row["status"],
        meeting_id=f"M{row['meeting_id']}",
        meeting_title=row["meeting_title"],
        meeting_date=row["meeting_date"],
        local_id=row["local_id"],
        source=Span(text=row["source_text"], start=row["source_start"], end=row["source_end"], audio_start=row["audio_start"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        closed_at=row["closed_at"],
        notes=notes,
    )


def iso(value: dt.date | dt.time | None) -> Optional[str]:
    return value.isoformat() if value else None


def blank_to_none(value: object) -> Optional[str]:
    text = str(value).strip() if value is not None else ""
    return text or None


def owner_words(name: Optional[str], dept: Optional[str]) -> Optional[str]:
    """How an edited owner reads, the way minutes write it: 设计部李娜."""
    words = f"{dept or ''}{name or ''}"
    return words or None
