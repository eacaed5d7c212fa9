"""Exports: pure functions of saved data that return the file's content (str or bytes).

The caller writes the result with `minutes_ai.atomic.write_atomic`, so an interrupted export never
leaves half a file. Task-list formats (ics, csv, xlsx) take tracked tasks from any number of
meetings; minutes formats (md, docx) take one meeting's `Minutes`.

    ics   iCalendar to-dos with a reminder a day before each deadline   tasks_ics
    csv   任务清单, UTF-8 with BOM for Excel                             tasks_csv
    xlsx  任务清单 as a workbook with real date cells                    tasks_xlsx
    md    会议纪要 in Markdown                                           minutes_markdown
    docx  会议纪要 as a Word document                                    minutes_docx
"""

from __future__ import annotations

from enum import Enum
from typing import Sequence

from ..models import Minutes
from ..store.records import TrackedTask


class ExportFormat(str, Enum):
    ics = "ics"
    md = "md"
    csv = "csv"
    xlsx = "xlsx"
    docx = "docx"

    @property
    def is_minutes(self) -> bool:
        """True for formats that hold one meeting's minutes rather than a task list."""
        return self in (ExportFormat.md, ExportFormat.docx)


def export_tasks(tasks: Sequence[TrackedTask], fmt: ExportFormat | str) -> str | bytes:
    """A task list (ics, csv or xlsx) as file content."""
    fmt = ExportFormat(fmt)
    if fmt is ExportFormat.ics:
        from .ics import tasks_ics

        return tasks_ics(tasks)
    if fmt is ExportFormat.csv:
        from .tasklist import tasks_csv

        return tasks_csv(tasks)
    if fmt is ExportFormat.xlsx:
        from .xlsx import tasks_xlsx

        return tasks_xlsx(tasks)
    raise ValueError(f"{fmt.value} exports a meeting's minutes, not a task list")


def export_minutes(minutes: Minutes, fmt: ExportFormat | str) -> str | bytes:
    """One meeting's minutes (md or docx) as file content."""
    fmt = ExportFormat(fmt)
    if fmt is ExportFormat.md:
        from .markdown import minutes_markdown

        return minutes_markdown(minutes)
    if fmt is ExportFormat.docx:
        from .word import minutes_docx

        return minutes_docx(minutes)
    raise ValueError(f"{fmt.value} exports a task list, not a meeting's minutes")


__all__ = ["ExportFormat", "export_minutes", "export_tasks"]
