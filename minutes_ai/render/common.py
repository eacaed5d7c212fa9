"""Field formatting shared by the renderers, so a deadline reads the same in every format."""

from __future__ import annotations

from ..models import Deadline, Owner, ProgressStatus, Task

PROGRESS_LABELS = {ProgressStatus.done: "已完成", ProgressStatus.cancelled: "已取消"}

WEEKDAYS = "一二三四五六日"


def owner_text(owner: Owner | None) -> str:
    if owner is None:
        return ""
    if owner.name and owner.dept:
        return f"{owner.name}（{owner.dept}）"
    return owner.name or owner.dept or owner.text


def deadline_text(deadline: Deadline | None) -> str:
    """"2026-11-27（周五）15:00 ← 本周五下午三点前", or the phrase alone when it has no date."""
    if deadline is None:
        return ""
    if deadline.date is None:
        return deadline.text
    value = f"{deadline.date.isoformat()}（周{WEEKDAYS[deadline.date.weekday()]}）"
    if deadline.time:
        value += f" {deadline.time.strftime('%H:%M')}"
    if deadline.text and deadline.text != deadline.date.isoformat():
        value += f" ← {deadline.text}"
    return value


def task_row(task: Task) -> dict[str, str]:
    """The columns of a task table, in the order the meeting guide uses."""
    return {
        "编号": task.id,
        "任务名称": task.title,
        "负责人": owner_text(task.owner),
        "截止时间": deadline_text(task.deadline),
        "交付标准": task.criteria or "",
        "状态": task.status.value,
        "来源": task.source.text.replace("\n", " "),
    }
