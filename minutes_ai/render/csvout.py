"""CSV of the task table, UTF-8 with a BOM so Excel on Chinese Windows opens it correctly."""

import csv
import io

from ..models import Minutes
from .common import task_row

COLUMNS = ["编号", "任务名称", "负责人", "截止时间", "交付标准", "状态", "来源"]


def render_csv(minutes: Minutes) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for task in minutes.tasks:
        writer.writerow(task_row(task))
    return out.getvalue()
