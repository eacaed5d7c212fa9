"""Tracking commands: save confirmed minutes, list and update tasks, standup, export.

`minutes save` puts minutes JSON in the task store (SQLite; --db or $MINUTES_AI_DB pick the file);
`minutes tasks`, `minutes task …` and `minutes standup` read and update it; `minutes export` writes
calendars, spreadsheets and 会议纪要 documents from it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import pathlib
import re

import click

from . import main
from .options import emit, library_errors, output_options

DB_HELP = "The task database (default: $MINUTES_AI_DB, else minutes.db in the user data folder)."


def db_option(func):
    """Add `--db PATH` (also read from $MINUTES_AI_DB)."""

    @click.option("--db", type=click.Path(dir_okay=False), envvar="MINUTES_AI_DB", show_envvar=True, default=None, help=DB_HELP)
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


today_option = click.option(
    "--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Count overdue and due dates from this day instead of today."
)


class Days(click.ParamType):
    """A number of days: 3, 3d, 3天, 2w, 2周."""

    name = "days"
    _units = {"": 1, "d": 1, "天": 1, "日": 1, "w": 7, "周": 7}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        match = re.fullmatch(r"\s*(\d+)\s*(d|w|天|日|周)?\s*", str(value), flags=re.IGNORECASE)
        if not match:
            self.fail(f"{value!r} is not a number of days (examples: 3d, 3, 2w, 3天)", param, ctx)
        return int(match.group(1)) * self._units[(match.group(2) or "").lower()]


@contextlib.contextmanager
def open_store(db: str | None):
    from ..store import Store

    store = Store.open(db)
    try:
        yield store
    finally:
        store.close()


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def _summary(task) -> str:
    from ..render.common import deadline_text, owner_text

    parts = [task.id, task.title, owner_text(task.owner) or "无负责人", deadline_text(task.deadline) or "无截止时间"]
    return " — ".join(parts)


# -- save --------------------------------------------------------------------------------------


@main.command()
@click.argument("minutes_file", metavar="MINUTES_JSON", type=str)
@db_option
@library_errors
def save(minutes_file: str, db: str | None) -> None:
    """Save confirmed minutes (the JSON of `minutes extract --format json`, reviewed and maybe
    edited by hand) to the task store; their tasks get global ids (T12) and are tracked as open.
    Saving the same minutes twice adds nothing.

    Example:

    \b
        minutes extract notes.txt --format json -o minutes.json
        minutes save minutes.json
        minutes save minutes.json --db team.db
    """
    from ..store import read_minutes_file

    minutes = read_minutes_file(minutes_file)
    with open_store(db) as store:
        saved = store.save_minutes(minutes)
        path = store.path
    ids = f"{saved.task_ids[0]}–{saved.task_ids[-1]}" if len(saved.task_ids) > 1 else "".join(saved.task_ids)
    count = f"{len(saved.task_ids)} task{'s' if len(saved.task_ids) != 1 else ''}" + (f" ({ids})" if ids else "")
    if saved.created:
        click.echo(f"saved {saved.meeting_id}: {count} in {path}")
    else:
        click.echo(f"already saved as {saved.meeting_id}: {count}; nothing added")


# -- listing -----------------------------------------------------------------------------------


@main.command()
@click.option("--owner", default=None, help="Only tasks of this person (负责人).")
@click.option("--dept", default=None, help="Only tasks of this department (部门).")
@click.option("--status", type=click.Choice(["open", "done", "cancelled", "all"]), default="open", show_default=True, help="Only tasks with this status.")
@click.option("--overdue", is_flag=True, help="Only open tasks whose deadline has passed.")
@click.option("--due-within", type=Days(), default=None, help="Only open tasks due from today to N days ahead (3d, 2w).")
@click.option("--meeting", default=None, help="Only tasks from this meeting (M3).")
@today_option
@db_option
@output_options(["table", "json", "csv"], default="table")
@library_errors
def tasks(owner, dept, status, overdue, due_within, meeting, today, db, fmt, output) -> None:
    """List tracked tasks, earliest deadline first (tasks with no deadline last).

    Example:

    \b
        minutes tasks
        minutes tasks --owner 李娜 --due-within 3d
        minutes tasks --overdue --format csv -o 逾期任务.csv
        minutes tasks --status all --dept 设计部 --format json
    """
    from ..export.tasklist import tasks_csv, tasks_json, tasks_table

    with open_store(db) as store:
        day = _day(today) or store.today()
        found = store.tasks(
            owner=owner,
            dept=dept,
            status=None if status == "all" else status,
            overdue=overdue,
            due_within_days=due_within,
            today=day,
            meeting_id=meeting,
        )
    if fmt == "json":
        emit(tasks_json(found), output)
    elif fmt == "csv":
        emit(tasks_csv(found), output)
    else:
        emit(tasks_table(found, day), output)


@main.command()
@db_option
@output_options(["table", "json"], default="table")
@library_errors
def meetings(db, fmt, output) -> None:
    """List saved meetings, newest first, with their ids (M3) and task ids.

    Example:

    \b
        minutes meetings
        minutes export --meeting M3 --format docx -o 会议纪要.docx
    """
    import json

    with open_store(db) as store:
        found = store.meetings()
    if fmt == "json":
        emit(json.dumps([m.model_dump(mode="json") for m in found], ensure_ascii=False, indent=2) + "\n", output)
        return
    lines = [f"{m.id}  {m.date.isoformat()}  {m.title or '（无标题）'}  {len(m.task_ids)} 个任务" for m in found]
    emit("\n".join(lines or ["（还没有保存的会议）"]) + "\n", output)


# -- updating one task -------------------------------------------------------------------------


@main.group()
def task() -> None:
    """Update one tracked task: mark it done or cancelled, add a progress note, edit it.

    Example:

    \b
        minutes task done T12
        minutes task note T12 "接口方延迟，周五可能赶不上"
        minutes task edit T12 --deadline 下周三 --owner 李娜
    """


def _set_status(task_id: str, db: str | None, status: str, label: str) -> None:
    with open_store(db) as store:
        changed = store.set_status(task_id, status)
    click.echo(f"{label}：{_summary(changed)}")


@task.command()
@click.argument("task_id")
@db_option
@library_errors
def done(task_id: str, db: str | None) -> None:
    """Mark TASK_ID done.

    Example:

    \b
        minutes task done T12
    """
    _set_status(task_id, db, "done", "已完成")


@task.command()
@click.argument("task_id")
@db_option
@library_errors
def cancel(task_id: str, db: str | None) -> None:
    """Mark TASK_ID cancelled (the meeting dropped it).

    Example:

    \b
        minutes task cancel T12
    """
    _set_status(task_id, db, "cancelled", "已取消")


@task.command()
@click.argument("task_id")
@db_option
@library_errors
def reopen(task_id: str, db: str | None) -> None:
    """Mark a done or cancelled TASK_ID open again.

    Example:

    \b
        minutes task reopen T12
    """
    _set_status(task_id, db, "open", "重新打开")


@task.command()
@click.argument("task_id")
@click.argument("text")
@db_option
@library_errors
def note(task_id: str, text: str, db: str | None) -> None:
    """Add a progress note to TASK_ID. Notes that mention 风险, 延迟, 阻塞, delay… put the task
    on the standup's risk list.

    Example:

    \b
        minutes task note T12 "接口方延迟，周五可能赶不上"
    """
    with open_store(db) as store:
        added = store.add_note(task_id, text)
    click.echo(f"{added.task_id}: note added")


@task.command()
@click.argument("task_id")
@click.option("--title", default=None, help="New task name (任务名称).")
@click.option("--owner", default=None, help="New owner (负责人); \"\" clears it.")
@click.option("--dept", default=None, help="New department (部门); \"\" clears it.")
@click.option("--deadline", default=None, help="New deadline, resolved from today: 下周三, 12月2日, 3个工作日内, 2026-12-02.")
@click.option("--criteria", default=None, help="New acceptance criterion (交付标准); \"\" clears it.")
@db_option
@library_errors
def edit(task_id, title, owner, dept, deadline, criteria, db) -> None:
    """Change TASK_ID's title, owner, department, deadline or acceptance criterion.
    A deadline that names no date (尽快, 近期) is refused with the reason.

    Example:

    \b
        minutes task edit T12 --deadline 下周三 --owner 李娜
        minutes task edit T12 --criteria "附测试报告" --dept 设计部
    """
    given = {"title": title, "owner": owner, "dept": dept, "deadline": deadline, "criteria": criteria}
    fields = {k: v for k, v in given.items() if v is not None}
    if not fields:
        raise click.UsageError("nothing to change: give --title, --owner, --dept, --deadline or --criteria")
    with open_store(db) as store:
        changed = store.edit(task_id, **fields)
    click.echo(f"已修改：{_summary(changed)}")


@task.command()
@click.argument("task_id")
@db_option
@output_options(["table", "json"], default="table")
@library_errors
def show(task_id, db, fmt, output) -> None:
    """Show TASK_ID with its source sentence and notes.

    Example:

    \b
        minutes task show T12
        minutes task show T12 --format json
    """
    from ..export.tasklist import STATUS_LABELS

    with open_store(db) as store:
        found = store.task(task_id)
    if fmt == "json":
        emit(found.model_dump_json(indent=2) + "\n", output)
        return
    lines = [
        _summary(found),
        f"状态：{STATUS_LABELS.get(found.status, found.status.value)}",
        f"交付标准：{found.criteria or '—'}",
        f"来源：{found.source.text}",
        f"会议：{found.meeting_id} {found.meeting_title or ''} {found.meeting_date.isoformat()}",
    ]
    lines += [f"  {n.created_at.strftime('%Y-%m-%d %H:%M')} {n.text}" for n in found.notes]
    emit("\n".join(lines) + "\n", output)


# -- standup and export ------------------------------------------------------------------------


@main.command()
@today_option
@db_option
@output_options(["table", "md", "json"], default="table")
@library_errors
def standup(today, db, fmt, output) -> None:
    """The week at a glance: done this week, due by the end of next week, overdue, and open tasks
    whose notes mention a risk (风险, 延迟, 阻塞, delay…).

    Example:

    \b
        minutes standup
        minutes standup --format md | pbcopy
    """
    from ..export.standup import standup_json, standup_markdown, standup_text

    with open_store(db) as store:
        view = store.standup(_day(today))
    render = {"json": standup_json, "md": standup_markdown}.get(fmt, standup_text)
    emit(render(view), output)


EXPORT_SUFFIXES = {".ics": "ics", ".md": "md", ".csv": "csv", ".xlsx": "xlsx", ".docx": "docx"}


@main.command(name="export")
@click.option("-f", "--format", "fmt", type=click.Choice(list(dict.fromkeys(EXPORT_SUFFIXES.values()))), default=None, help="ics, csv, xlsx (task lists) or md, docx (会议纪要); default: from the -o suffix.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, help="Write to this file (atomically); text formats print to standard output without it.")
@click.option("--meeting", default=None, help="Only this meeting (M3). md and docx export the latest meeting without it.")
@click.option("--status", type=click.Choice(["open", "done", "cancelled", "all"]), default="all", show_default=True, help="Task lists: only tasks with this status.")
@db_option
@library_errors
def export(fmt, output, meeting, status, db) -> None:
    """Export tracked tasks as a calendar (ics: a to-do per task, reminder a day before the
    deadline) or a spreadsheet (csv, xlsx), or a meeting's 会议纪要 (md, docx).

    Example:

    \b
        minutes export -o 任务.ics
        minutes export --format xlsx -o 任务清单.xlsx --status open
        minutes export --format docx --meeting M3 -o 会议纪要.docx
    """
    from ..export import ExportFormat, export_minutes, export_tasks

    if fmt is None:
        suffix = pathlib.Path(output).suffix.lower() if output else ""
        if suffix not in EXPORT_SUFFIXES:
            raise click.UsageError("give --format (ics, md, csv, xlsx, docx) or an -o file ending in one of them")
        fmt = EXPORT_SUFFIXES[suffix]
    kind = ExportFormat(fmt)
    if output is None and kind in (ExportFormat.xlsx, ExportFormat.docx):
        raise click.UsageError(f"{fmt} is a binary file: give -o FILE")
    with open_store(db) as store:
        if kind.is_minutes:
            data = export_minutes(store.minutes(meeting or store.latest_meeting_id()), kind)
        else:
            data = export_tasks(store.tasks(status=None if status == "all" else status, meeting_id=meeting), kind)
    if output is None and isinstance(data, bytes):
        data = data.decode("utf-8")
    emit(data, output)
