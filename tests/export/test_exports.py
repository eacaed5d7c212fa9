"""Exports are pure functions of tracked tasks or minutes: golden files, and files read back.

Run `pytest tests/export --update-golden` after an intended change and review the diff.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import pathlib
from zoneinfo import ZoneInfo

import pytest

from minutes_ai.export import ExportFormat, export_minutes, export_tasks
from minutes_ai.export.ics import tasks_ics
from minutes_ai.export.standup import standup_markdown, standup_text
from minutes_ai.export.tasklist import COLUMNS, tasks_csv
from minutes_ai.export.word import minutes_docx
from minutes_ai.export.xlsx import tasks_xlsx
from minutes_ai.models import TaskStatus
from minutes_ai.store.standup import build_standup

GOLDEN_DIR = pathlib.Path(__file__).parent / "data"


def check_golden(name: str, output: str, update: bool) -> None:
    path = GOLDEN_DIR / name
    if update or not path.exists():
        path.write_text(output, encoding="utf-8", newline="")
    with path.open(encoding="utf-8", newline="") as handle:
        assert output == handle.read()


@pytest.mark.parametrize(
    "name, make",
    [
        ("tasks.csv", lambda tasks, minutes: export_tasks(tasks, "csv")),
        ("minutes.md", lambda tasks, minutes: export_minutes(minutes, "md")),
        ("standup.txt", lambda tasks, minutes: standup_text(build_standup(tasks, dt.date(2026, 11, 26)))),
        ("standup.md", lambda tasks, minutes: standup_markdown(build_standup(tasks, dt.date(2026, 11, 26)))),
    ],
)
def test_golden(tracked, tracked_minutes, update_golden, name, make):
    check_golden(name, make(tracked, tracked_minutes), update_golden)


def test_csv_is_excel_ready(tracked):
    output = tasks_csv(tracked)
    assert output.startswith("\ufeff") and "\r\n" in output
    rows = list(csv.DictReader(io.StringIO(output.lstrip("\ufeff"))))
    assert list(rows[0]) == COLUMNS
    assert [(r["负责人"], r["部门"], r["截止时间"], r["状态"]) for r in rows] == [
        ("冯立军", "", "2026-11-27", "进行中"),
        ("贝佳", "设计部", "2026-11-24 15:00", "进行中"),
        ("", "", "尽快", "已完成"),
    ]


# -- iCalendar ---------------------------------------------------------------------------------


def test_ics_parses_back_with_every_due_and_reminder(tracked):
    import icalendar

    calendar = icalendar.Calendar.from_ical(tasks_ics(tracked))
    todos = {str(t["SUMMARY"]): t for t in calendar.walk("VTODO")}
    assert list(todos) == [t.title for t in tracked]
    expected_due = {
        "修复订单回调问题": dt.date(2026, 11, 27),
        "首页高保真设计稿 | 含移动端": dt.datetime(2026, 11, 24, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
        "海报": None,
    }
    for title, due in expected_due.items():
        todo = todos[title]
        if due is None:
            assert "DUE" not in todo
            continue
        value = todo["DUE"].dt
        assert value == due and type(value) is type(due)
        if isinstance(due, dt.datetime):
            assert str(value.tzinfo) == "Asia/Shanghai" and todo["DUE"].params["TZID"] == "Asia/Shanghai"
        (alarm,) = todo.walk("VALARM")
        assert alarm["TRIGGER"].dt == dt.timedelta(days=-1)
        assert alarm["TRIGGER"].params["RELATED"] == "END"
        assert alarm["TRIGGER"].to_ical() == b"-P1D"
        assert str(alarm["ACTION"]) == "DISPLAY"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]


def test_ics_description_status_and_uid(tracked):
    import icalendar

    todos = icalendar.Calendar.from_ical(tasks_ics(tracked)).walk("VTODO")
    first = str(todos[0]["DESCRIPTION"])
    assert first.splitlines()[:3] == ["负责人：冯立军", "交付标准：回调成功率100%", "截止时间原文：D+3"]
    assert "来源：冯立军修复订单回调问题，D+3，回调成功率100%" in first
    assert "负责人：贝佳（设计部）" in str(todos[1]["DESCRIPTION"])
    assert [str(t["STATUS"]) for t in todos] == ["NEEDS-ACTION", "NEEDS-ACTION", "COMPLETED"]
    assert todos[2]["COMPLETED"].dt == dt.datetime(2026, 11, 25, 10, 30, tzinfo=dt.timezone.utc)
    assert len({str(t["UID"]) for t in todos}) == 3


def test_closed_tasks_get_no_reminder(tracked):
    import icalendar

    closed = [t.model_copy(update={"status": TaskStatus.cancelled}) for t in tracked[:2]]
    todos = icalendar.Calendar.from_ical(tasks_ics(closed)).walk("VTODO")
    assert [str(t["STATUS"]) for t in todos] == ["CANCELLED", "CANCELLED"]
    assert all("DUE" in t and not t.walk("VALARM") for t in todos)


def test_ics_is_a_function_of_its_input(tracked):
    assert tasks_ics(tracked) == tasks_ics(tracked)
    assert b"BEGIN:VTODO" not in tasks_ics([])


# -- XLSX --------------------------------------------------------------------------------------


def test_xlsx_reads_back_with_dates_as_dates(tracked):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(tasks_xlsx(tracked)))
    sheet = book["任务清单"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    assert [r[0] for r in rows[1:]] == ["T11", "T12", "T13"]
    assert rows[1][4] == dt.datetime(2026, 11, 27) and sheet["E2"].number_format == "yyyy-mm-dd"
    assert rows[2][4] == dt.datetime(2026, 11, 24, 15, 0) and sheet["E3"].number_format == "yyyy-mm-dd hh:mm"
    assert rows[3][4] == "尽快"
    assert rows[2][2:4] == ("贝佳", "设计部") and rows[3][6] == "已完成"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:H4"


def test_xlsx_never_turns_a_title_into_a_formula(tracked):
    from openpyxl import load_workbook

    tricky = [tracked[0].model_copy(update={"title": "=HYPERLINK(\"http://x\")"})]
    cell = load_workbook(io.BytesIO(tasks_xlsx(tricky)))["任务清单"]["B2"]
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://x\")"


# -- DOCX --------------------------------------------------------------------------------------


def test_docx_reads_back_as_the_minutes_template(tracked_minutes):
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(io.BytesIO(minutes_docx(tracked_minutes)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == ["积分商城协调会", "会议信息", "决议事项", "任务清单", "待定事项", "进展（已完成 / 已取消）"]
    texts = [p.text for p in document.paragraphs]
    assert "会议时间：2026-11-24" in texts and "主持人：邵明" in texts and "参会人员：邵明、韩雪、冯立军、贝佳" in texts
    assert texts[texts.index("决议事项") + 1] == "1. 积分商城一期于12月15日上线。"
    assert texts[texts.index("待定事项") + 1] == "1. 积分有效期待定。"
    assert texts[texts.index("进展（已完成 / 已取消）") + 2] == "2. 【已取消】原定周六的线下活动取消。"
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["编号", "任务名称", "负责人", "截止时间", "交付标准", "状态"]
    assert rows[1] == ["T11", "修复订单回调问题", "冯立军", "2026-11-27（周五） ← D+3", "回调成功率100%", "进行中"]
    assert rows[3][2:] == ["—", "尽快", "—", "已完成"]
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "宋体"


def test_docx_without_items_says_none(tracked_minutes):
    from docx import Document

    empty = tracked_minutes.model_copy(update={"tasks": [], "decisions": [], "open_questions": []})
    document = Document(io.BytesIO(minutes_docx(empty)))
    assert not document.tables
    assert [p.text for p in document.paragraphs].count("（无）") == 3


# -- dispatch ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt, kind", [("ics", bytes), ("csv", str), ("xlsx", bytes)])
def test_task_formats(tracked, fmt, kind):
    assert isinstance(export_tasks(tracked, fmt), kind)
    assert not ExportFormat(fmt).is_minutes


@pytest.mark.parametrize("fmt, kind", [("md", str), ("docx", bytes)])
def test_minutes_formats(tracked_minutes, fmt, kind):
    assert isinstance(export_minutes(tracked_minutes, fmt), kind)
    assert ExportFormat(fmt).is_minutes


def test_formats_are_not_mixed_up(tracked, tracked_minutes):
    with pytest.raises(ValueError, match="exports a meeting's minutes"):
        export_tasks(tracked, "md")
    with pytest.raises(ValueError, match="exports a task list"):
        export_minutes(tracked_minutes, "ics")
