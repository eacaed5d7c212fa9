"""Tracked tasks as a table: the columns of the tracker view, CSV (Excel-ready), JSON and the terminal.

CSV and XLSX share `COLUMNS` and `task_cells`, so the two files a team opens in Excel agree.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Sequence

from ..models import Deadline, TaskStatus
from ..render.common import deadline_text
from ..store.records import TrackedTask

COLUMNS = ["编号", "任务名称", "负责人", "部门", "截止时间", "交付标准", "状态", "来源"]
STATUS_LABELS = {TaskStatus.open: "进行中", TaskStatus.done: "已完成", TaskStatus.cancelled: "已取消"}


def due_value(deadline: Deadline | None) -> dt.date | dt.datetime | str:
    """The deadline as a spreadsheet sorts it: a date, a date-time, or the phrase when it has no date (尽快)."""
    if deadline is None:
        return ""
    if deadline.date is None:
        return deadline.text
    if deadline.time is None:
        return deadline.date
    return dt.datetime.combine(deadline.date, deadline.time)


def task_cells(task: TrackedTask) -> dict[str, object]:
    """One row of the tracker table; 截止时间 is a date or date-time when the deadline has one."""
    owner = task.owner
    return {
        "编号": task.id,
        "任务名称": task.title,
        "负责人": (owner.name or ("" if owner.dept else owner.text)) if owner else "",
        "部门": (owner.dept or "") if owner else "",
        "截止时间": due_value(task.deadline),
        "交付标准": task.criteria or "",
        "状态": STATUS_LABELS.get(task.status, task.status.value),
        "来源": task.source.text.replace("\n", " "),
    }


def _text(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def tasks_csv(tasks: Sequence[TrackedTask]) -> str:
    """CSV with a BOM, so Excel on Chinese Windows opens it as UTF-8."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for task in tasks:
        cells = task_cells(task)
        writer.writerow([_text(cells[c]) for c in COLUMNS])
    return out.getvalue()


def tasks_json(tasks: Sequence[TrackedTask]) -> str:
    """The tracked tasks with their notes, readable Chinese."""
    return json.dumps([t.model_dump(mode="json") for t in tasks], ensure_ascii=False, indent=2) + "\n"


def tasks_table(tasks: Sequence[TrackedTask], today: dt.date, width: int = 160) -> str:
    """The terminal view of `minutes tasks`; overdue deadlines are marked 逾期."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None)
    if not tasks:
        console.print("（没有符合条件的任务）")
        return buffer.getvalue()
    table = Table(title=f"任务清单（{len(tasks)}）")
    for column in ("编号", "任务名称", "负责人", "截止时间", "交付标准", "状态", "会议"):
        table.add_column(column, overflow="fold")
    for task in tasks:
        cells = task_cells(task)
        owner = cells["负责人"] + (f"（{cells['部门']}）" if cells["部门"] and cells["负责人"] else cells["部门"])
        due = deadline_text(task.deadline) + (" 逾期" if task.is_overdue(today) else "")
        notes = f" 💬{len(task.notes)}" if task.notes else ""
        meeting = f"{task.meeting_id} {task.meeting_title or ''} {task.meeting_date.isoformat()}"
        row = (task.id, task.title + notes, owner or "—", due or "—", task.criteria or "—", cells["状态"], meeting)
        table.add_row(*(Text(cell) for cell in row))
    console.print(table)
    return buffer.getvalue()
