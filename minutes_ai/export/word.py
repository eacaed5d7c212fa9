"""会议纪要 as a Word document, in the template offices file: 会议信息, 决议事项, 任务清单, 待定事项.

Lists are numbered as text ("1. …") rather than with Word list styles: python-docx continues one
numbering across lists, which would number the 待定事项 on from the 决议事项.
"""

from __future__ import annotations

import io

from ..models import Minutes
from ..render.common import PROGRESS_LABELS, deadline_text, owner_text
from .tasklist import STATUS_LABELS

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
TASK_COLUMNS = ["编号", "任务名称", "负责人", "截止时间", "交付标准", "状态"]


def minutes_docx(minutes: Minutes) -> bytes:
    from docx import Document

    document = Document()
    _chinese_fonts(document)
    meeting = minutes.meeting
    title = meeting.title or "会议纪要"
    document.core_properties.title = title
    document.add_heading(title, level=0)

    document.add_heading("会议信息", level=1)
    info = [("会议时间", meeting.date.isoformat()), ("主持人", meeting.host), ("记录人", meeting.recorder)]
    info += [("参会人员", "、".join(meeting.participants)), ("涉及部门", "、".join(meeting.departments))]
    for label, value in info:
        if value:
            document.add_paragraph(f"{label}：{value}")

    document.add_heading("决议事项", level=1)
    _numbered(document, [d.text for d in minutes.decisions])

    document.add_heading("任务清单", level=1)
    if minutes.tasks:
        table = document.add_table(rows=1, cols=len(TASK_COLUMNS))
        table.style = "Table Grid"
        for cell, name in zip(table.rows[0].cells, TASK_COLUMNS):
            cell.text = ""
            cell.paragraphs[0].add_run(name).bold = True
        for task in minutes.tasks:
            values = [
                task.id,
                task.title,
                owner_text(task.owner) or "—",
                deadline_text(task.deadline) or "—",
                task.criteria or "—",
                STATUS_LABELS.get(task.status, task.status.value),
            ]
            for cell, value in zip(table.add_row().cells, values):
                cell.text = value
    else:
        document.add_paragraph("（无）")

    document.add_heading("待定事项", level=1)
    _numbered(document, [q.text for q in minutes.open_questions])
    if minutes.progress:
        document.add_heading("进展（已完成 / 已取消）", level=1)
        _numbered(document, [f"【{PROGRESS_LABELS[p.status]}】{p.text}" for p in minutes.progress])

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _numbered(document, items: list[str]) -> None:
    if not items:
        document.add_paragraph("（无）")
    for number, text in enumerate(items, 1):
        document.add_paragraph(f"{number}. {text}")


def _chinese_fonts(document) -> None:
    """Word picks the East Asian font from w:eastAsia; without it Chinese falls back per machine."""
    from docx.oxml.ns import qn

    for name, font in (("Normal", BODY_FONT), ("Title", HEADING_FONT), ("Heading 1", HEADING_FONT)):
        style = document.styles[name]
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
