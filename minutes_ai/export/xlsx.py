"""Tasks as an Excel workbook: one sheet 任务清单, real date cells, a header row that stays put.

Dates are written as dates (not text) so Excel sorts and filters the 截止时间 column; every text
cell stays text, so a task title that starts with "=" is never run as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Sequence

from ..store.records import TrackedTask
from .tasklist import COLUMNS, task_cells

WIDTHS = {"编号": 8, "任务名称": 36, "负责人": 12, "部门": 12, "截止时间": 18, "交付标准": 30, "状态": 10, "来源": 60}


def tasks_xlsx(tasks: Sequence[TrackedTask]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "任务清单"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for task in tasks:
        cells = task_cells(task)
        sheet.append([cells[c] for c in COLUMNS])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # a title like "=SUM(...)" is text, not a formula
                cell.data_type = "s"
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[column]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
