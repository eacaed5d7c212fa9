"""The terminal view: a rich table of tasks, with decisions and open questions around it."""

from __future__ import annotations

import io

from ..models import Minutes
from .common import PROGRESS_LABELS, task_row


def render_table(minutes: Minutes, width: int = 140) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None)
    meeting = minutes.meeting
    console.print(f"{meeting.title or '会议纪要'}  {meeting.date.isoformat()}", markup=False)
    if minutes.decisions:
        console.print("决议事项：")
        for i, d in enumerate(minutes.decisions, 1):
            console.print(f"  {i}. {d.text}", markup=False)
    table = Table(title="任务清单", show_lines=False)
    for column in ("编号", "任务名称", "负责人", "截止时间", "交付标准"):
        table.add_column(column, overflow="fold")
    for task in minutes.tasks:
        row = task_row(task)
        flags = " ⚠" if task.flags else ""
        cells = (row["编号"], row["任务名称"] + flags, row["负责人"] or "—", row["截止时间"] or "—", row["交付标准"] or "—")
        table.add_row(*(Text(cell) for cell in cells))
    console.print(table)
    if minutes.open_questions:
        console.print("待定事项：")
        for i, q in enumerate(minutes.open_questions, 1):
            console.print(f"  {i}. {q.text}", markup=False)
    if minutes.progress:
        console.print("进展（已完成 / 已取消）：")
        for i, p in enumerate(minutes.progress, 1):
            console.print(f"  {i}. [{PROGRESS_LABELS[p.status]}] {p.text}", markup=False)
    return buffer.getvalue()
