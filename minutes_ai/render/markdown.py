"""Markdown 会议纪要 following the usual template: 会议信息, 决议事项, 任务清单, 待定事项 — and,
when the meeting reported any, 进展 (work finished or called off since the last meeting)."""

from __future__ import annotations

from ..models import Minutes
from .common import PROGRESS_LABELS, task_row


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def render_markdown(minutes: Minutes) -> str:
    meeting = minutes.meeting
    lines = [f"# {meeting.title or '会议纪要'}", "", "## 会议信息", ""]
    lines.append(f"- 会议时间：{meeting.date.isoformat()}")
    if meeting.host:
        lines.append(f"- 主持人：{meeting.host}")
    if meeting.recorder:
        lines.append(f"- 记录人：{meeting.recorder}")
    if meeting.participants:
        lines.append(f"- 参会人员：{'、'.join(meeting.participants)}")
    if meeting.departments:
        lines.append(f"- 涉及部门：{'、'.join(meeting.departments)}")
    lines += ["", "## 决议事项", ""]
    lines += [f"{i}. {d.text}" for i, d in enumerate(minutes.decisions, 1)] or ["（无）"]
    lines += ["", "## 任务清单", ""]
    if minutes.tasks:
        columns = ["编号", "任务名称", "负责人", "截止时间", "交付标准"]
        lines.append("| " + " | ".join(columns) + " |")
        lines.append("|" + "---|" * len(columns))
        for task in minutes.tasks:
            row = task_row(task)
            lines.append("| " + " | ".join(_cell(row[c]) or "—" for c in columns) + " |")
    else:
        lines.append("（无）")
    lines += ["", "## 待定事项", ""]
    lines += [f"{i}. {q.text}" for i, q in enumerate(minutes.open_questions, 1)] or ["（无）"]
    if minutes.progress:
        lines += ["", "## 进展（已完成 / 已取消）", ""]
        lines += [f"{i}. 【{PROGRESS_LABELS[p.status]}】{p.text}" for i, p in enumerate(minutes.progress, 1)]
    return "\n".join(lines) + "\n"
