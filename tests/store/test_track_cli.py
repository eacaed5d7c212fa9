"""The tracking commands: save, tasks, task done/cancel/note/edit/show, standup, export, meetings."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner
from store_builders import minutes, task

import minutes_ai.cli.track  # noqa: F401  (registers the tracking commands)
from minutes_ai.cli import main
from minutes_ai.extract.deadlines import resolve_deadline
from minutes_ai.store import Store

TRACK_COMMANDS = ["save", "tasks", "meetings", "task", "standup", "export"]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "minutes.db")


@pytest.fixture
def minutes_json(tmp_path):
    """Minutes as `minutes extract --format json` writes them, with deadlines around real today."""
    today = dt.date.today()
    saved = minutes(
        task("T1", "修复订单回调", "冯立军", None, str(today - dt.timedelta(days=2)), None, "前天", "回调成功率100%"),
        task("T2", "首页设计稿", "贝佳", "设计部", str(today + dt.timedelta(days=1)), "15:00", "明天下午三点前"),
        task("T3", "推送文案", "李娜", "市场部", str(today + dt.timedelta(days=10)), None, "十天后"),
        task("T4", "海报", phrase="尽快"),
    )
    path = tmp_path / "minutes.json"
    path.write_text(saved.model_dump_json(indent=2), encoding="utf-8")
    return path


def invoke(runner, *args, **kwargs):
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)


def one_line_error(result, message):
    lines = result.output.strip().splitlines()
    return result.exit_code == 1 and len(lines) == 1 and lines[0].startswith("Error:") and message in lines[0]


@pytest.mark.parametrize("name", TRACK_COMMANDS)
def test_every_tracking_command_has_help_with_an_example(runner, name):
    command = main.commands[name]
    subcommands = getattr(command, "commands", {})
    for path, cmd in [([name], command)] + [([name, sub], c) for sub, c in subcommands.items()]:
        result = invoke(runner, *path, "--help")
        assert result.exit_code == 0, path
        assert cmd.help and "Example" in cmd.help, f"{' '.join(path)} needs an Example: block"


# -- save --------------------------------------------------------------------------------------


def test_save_then_save_again(runner, db, minutes_json):
    first = invoke(runner, "save", minutes_json, "--db", db)
    assert first.exit_code == 0 and first.output.startswith("saved M1: 4 tasks (T1–T4) in ")
    again = invoke(runner, "save", minutes_json, "--db", db)
    assert again.exit_code == 0 and again.output == "already saved as M1: 4 tasks (T1–T4); nothing added\n"
    with Store.open(db) as store:
        assert len(store.tasks()) == 4


def test_save_uses_the_environment_variable(runner, tmp_path, minutes_json, monkeypatch):
    monkeypatch.setenv("MINUTES_AI_DB", str(tmp_path / "env.db"))
    assert invoke(runner, "save", minutes_json).exit_code == 0
    assert (tmp_path / "env.db").exists()
    assert "修复订单回调" in invoke(runner, "tasks").output


def _edit_json(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


BAD_MINUTES = {
    "bad date": (lambda d: d["tasks"][0]["deadline"].update(date="2026-13-01"), "minutes.json: tasks.0.deadline.date: Input should be a valid date"),
    "typo in a key": (lambda d: d["tasks"][1].update(ownr="李娜"), "minutes.json: tasks.1.ownr: Extra inputs are not permitted"),
    "missing field": (lambda d: d["meeting"].pop("date"), "minutes.json: meeting.date: Field required"),
    "bad status": (lambda d: d["tasks"][0].update(status="finished"), "minutes.json: tasks.0.status: Input should be"),
    "two problems": (lambda d: (d["tasks"][0].update(title=None), d["tasks"][1].update(title=None)), "tasks.0.title: Input should be a valid string (and 1 more)"),
}


@pytest.mark.parametrize("case", list(BAD_MINUTES))
def test_a_hand_edited_minutes_file_is_refused_naming_the_field(runner, db, minutes_json, monkeypatch, case):
    change, message = BAD_MINUTES[case]
    _edit_json(minutes_json, change)
    monkeypatch.chdir(minutes_json.parent)
    result = invoke(runner, "save", "minutes.json", "--db", db)
    assert one_line_error(result, message), result.output
    with Store.open(db) as store:
        assert store.meetings() == []


@pytest.mark.parametrize(
    "content, message",
    [("{\"meeting\": ", "minutes.json: Invalid JSON"), ("[]", "minutes.json: Input should be an object"), (None, "file not found")],
)
def test_a_file_that_is_not_minutes_is_one_line(runner, db, tmp_path, monkeypatch, content, message):
    monkeypatch.chdir(tmp_path)
    if content is not None:
        (tmp_path / "minutes.json").write_text(content, encoding="utf-8")
    assert one_line_error(invoke(runner, "save", "minutes.json", "--db", db), message)


# -- tasks -------------------------------------------------------------------------------------


@pytest.fixture
def saved(runner, db, minutes_json):
    assert invoke(runner, "save", minutes_json, "--db", db).exit_code == 0
    return db


@pytest.mark.parametrize(
    "options, expected",
    [
        ([], ["T1", "T2", "T3", "T4"]),
        (["--owner", "李娜"], ["T3"]),
        (["--dept", "设计部"], ["T2"]),
        (["--overdue"], ["T1"]),
        (["--due-within", "3d"], ["T2"]),
        (["--due-within", "2w"], ["T2", "T3"]),
        (["--due-within", "3天"], ["T2"]),
        (["--status", "done"], []),
        (["--status", "all", "--meeting", "M1"], ["T1", "T2", "T3", "T4"]),
    ],
)
def test_tasks_filters(runner, saved, options, expected):
    result = invoke(runner, "tasks", *options, "--db", saved, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [t["id"] for t in json.loads(result.output)] == expected


def test_tasks_formats(runner, saved):
    table = invoke(runner, "tasks", "--db", saved).output
    assert "任务清单（4）" in table and "逾期" in table and "贝佳（设计部）" in table
    rows = list(csv.DictReader(io.StringIO(invoke(runner, "tasks", "--db", saved, "-f", "csv").output.lstrip("\ufeff"))))
    assert [r["编号"] for r in rows] == ["T1", "T2", "T3", "T4"] and rows[1]["部门"] == "设计部"
    assert "没有符合条件的任务" in invoke(runner, "tasks", "--owner", "nobody", "--db", saved).output


def test_tasks_today_option_moves_overdue(runner, saved):
    later = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    result = invoke(runner, "tasks", "--overdue", "--today", later, "--db", saved, "-f", "json")
    assert [t["id"] for t in json.loads(result.output)] == ["T1", "T2", "T3"]


@pytest.mark.parametrize("value", ["3x", "-1", "soon"])
def test_bad_due_within_is_a_usage_error(runner, saved, value):
    result = runner.invoke(main, ["tasks", "--due-within", value, "--db", saved])
    assert result.exit_code == 2 and "is not a number of days" in result.output


# -- task … ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, output, status",
    [
        (["done", "T1"], "已完成：T1 — 修复订单回调", "done"),
        (["cancel", "t1"], "已取消：T1 — 修复订单回调", "cancelled"),
        (["reopen", "1"], "重新打开：T1 — 修复订单回调", "open"),
    ],
)
def test_task_status_commands(runner, saved, args, output, status):
    result = invoke(runner, "task", *args, "--db", saved)
    assert result.exit_code == 0 and result.output.startswith(output)
    with Store.open(saved) as store:
        assert store.task("T1").status.value == status


def test_task_note_and_show(runner, saved):
    assert invoke(runner, "task", "note", "T2", "接口方延迟，周五可能赶不上", "--db", saved).output == "T2: note added\n"
    shown = invoke(runner, "task", "show", "T2", "--db", saved).output
    assert "接口方延迟，周五可能赶不上" in shown and "来源：" in shown
    data = json.loads(invoke(runner, "task", "show", "T2", "--db", saved, "-f", "json").output)
    assert data["notes"][0]["text"] == "接口方延迟，周五可能赶不上"


@pytest.mark.parametrize("phrase", ["下周三", "3个工作日内", "12月31日"])
def test_task_edit_resolves_the_deadline_from_today(runner, saved, phrase):
    result = invoke(runner, "task", "edit", "T4", "--deadline", phrase, "--owner", "李娜", "--db", saved)
    assert result.exit_code == 0, result.output
    with Store.open(saved) as store:
        edited = store.task("T4")
    assert edited.deadline.date == resolve_deadline(phrase, dt.date.today()).date
    assert edited.deadline.text == phrase and edited.owner.name == "李娜"


@pytest.mark.parametrize(
    "args, message",
    [
        (["edit", "T4", "--deadline", "尽快"], "'尽快' is too vague to track"),
        (["edit", "T4", "--deadline", "等领导通知"], "cannot read '等领导通知' as a deadline"),
        (["edit", "T4", "--title", " "], "a task needs a title"),
        (["edit", "T99", "--title", "新"], "no task T99 in"),
        (["done", "T99"], "no task T99 in"),
        (["note", "T99", "进展"], "no task T99 in"),
        (["note", "T1", " "], "empty note"),
        (["done", "abc"], "task ids look like T12"),
    ],
)
def test_task_errors_are_one_line(runner, saved, args, message):
    result = invoke(runner, "task", *args, "--db", saved)
    assert one_line_error(result, message), result.output


def test_task_edit_with_nothing_to_change_is_a_usage_error(runner, saved):
    result = runner.invoke(main, ["task", "edit", "T1", "--db", saved])
    assert result.exit_code == 2 and "nothing to change" in result.output


# -- standup, meetings, export -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "md", "json"])
def test_standup(runner, saved, fmt):
    invoke(runner, "task", "done", "T2", "--db", saved)
    invoke(runner, "task", "note", "T3", "供应商延期，有风险", "--db", saved)
    result = invoke(runner, "standup", "--db", saved, "--format", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        data = json.loads(result.output)
        assert [t["id"] for t in data["done_this_week"]] == ["T2"]
        assert [t["id"] for t in data["overdue"]] == ["T1"]
        assert [r["task"]["id"] for r in data["at_risk"]] == ["T3"]
    else:
        assert "本周完成（1）" in result.output and "逾期（1）" in result.output and "供应商延期，有风险" in result.output


def test_meetings(runner, saved):
    assert invoke(runner, "meetings", "--db", saved).output == "M1  2026-11-23  项目周会  4 个任务\n"
    assert json.loads(invoke(runner, "meetings", "--db", saved, "-f", "json").output)[0]["task_ids"] == ["T1", "T2", "T3", "T4"]


@pytest.mark.parametrize("fmt, name", [("ics", "任务.ics"), ("csv", "任务.csv"), ("xlsx", "任务.xlsx"), ("md", "纪要.md"), ("docx", "纪要.docx")])
def test_export_writes_every_format(runner, saved, tmp_path, fmt, name):
    out = tmp_path / name
    result = invoke(runner, "export", "--format", fmt, "-o", out, "--db", saved)
    assert result.exit_code == 0 and result.output == f"wrote {out}\n"
    assert out.stat().st_size > 0
    inferred = tmp_path / f"inferred-{name}"
    assert invoke(runner, "export", "-o", inferred, "--db", saved).exit_code == 0
    if fmt not in ("xlsx", "docx"):  # zip files carry timestamps
        assert inferred.read_bytes() == out.read_bytes()


def test_export_text_formats_print_without_output(runner, saved):
    assert "BEGIN:VTODO" in invoke(runner, "export", "-f", "ics", "--db", saved).output
    assert "## 任务清单" in invoke(runner, "export", "-f", "md", "--db", saved).output


@pytest.mark.parametrize(
    "args, message, code",
    [
        (["-f", "xlsx"], "xlsx is a binary file: give -o FILE", 2),
        (["-o", "tasks.txt"], "give --format", 2),
        (["-f", "md", "--meeting", "M9"], "no meeting M9 in", 1),
        (["-f", "md", "--meeting", "会议"], "meeting ids look like M3", 1),
    ],
)
def test_export_errors(runner, saved, args, message, code):
    result = runner.invoke(main, ["export", *args, "--db", saved])
    assert result.exit_code == code and message in result.output


def test_export_minutes_from_an_empty_store_says_what_to_do(runner, db, tmp_path):
    result = invoke(runner, "export", "-f", "docx", "-o", tmp_path / "x.docx", "--db", db)
    assert one_line_error(result, "no meetings saved in")
