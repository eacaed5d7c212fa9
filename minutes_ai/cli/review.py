"""`minutes review`: a person confirms every extracted task and decision before the team sees it."""

from __future__ import annotations

import datetime as dt
import sys

import click

from . import main
from .options import library_errors


@main.command()
@click.argument("minutes_file", metavar="MINUTES_JSON", type=str)
@click.option("--accept-all", is_flag=True, help="Confirm every item not answered yet, without asking (for scripts).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, help="Write the reviewed minutes here (atomically) instead of back to MINUTES_JSON.")
@click.option("--db", type=click.Path(dir_okay=False), envvar="MINUTES_AI_DB", show_envvar=True, default=None, help="Also save the reviewed minutes to this task store when the review is finished (default: only when $MINUTES_AI_DB is set).")
@click.option("--restart", is_flag=True, help="Drop the answers saved for MINUTES_JSON and review it from the start.")
@library_errors
def review(minutes_file: str, accept_all: bool, output: str | None, db: str | None, restart: bool) -> None:
    """Review MINUTES_JSON (from `minutes extract --format json`) item by item: accept, edit,
    reject, split or merge each task, add missed ones, confirm each decision.

    \b
    Keys: a 接受  e 编辑  r 拒绝  s 拆分  m 合并  n 新增  b 上一条  q 退出  ? 帮助

    Every answer is saved at once (in .NAME.review.json beside the file): quit, or lose the
    terminal, and the same command resumes at the same item. When every item is answered, the
    reviewed minutes (tasks confirmed or rejected, rejected decisions left out) are written back
    to MINUTES_JSON, or to -o, and saved to the task store given by --db or $MINUTES_AI_DB;
    without either, run `minutes save` later. Reviewing again adds nothing twice.

    Without a terminal, answers are read from standard input, one a line ("a", "e d 下周三",
    "s t 修复回调 / 回归测试"); --accept-all confirms everything.

    Example:

    \b
        minutes extract notes.txt --format json -o minutes.json
        minutes review minutes.json
        minutes review minutes.json --accept-all --db team.db
        printf 'a\\ne d 下周三\\na\\n' | minutes review minutes.json
    """
    from rich.console import Console

    from ..review import progress_path, save_progress, start_or_resume
    from ..review.files import finish, read_minutes, summary
    from ..review.prompt import Quit, make_terminal, review_items

    text, minutes = read_minutes(minutes_file)
    state = start_or_resume(minutes_file, text, minutes, restart=restart)
    progress = state.progress
    saved_to = progress_path(minutes_file)
    console = Console(file=sys.stdout, highlight=False, soft_wrap=not sys.stdout.isatty())

    def save(session) -> None:
        nonlocal progress
        progress = progress.model_copy(update={"session": session, "updated_at": _now()})
        save_progress(saved_to, progress)

    if state.already_finished:
        click.echo(f"{minutes_file} 已审核完毕（already reviewed）：{summary(progress.session)}；--restart 重新审核")
    elif accept_all:
        save(progress.session.accept_all())
    else:
        if state.resumed:
            at = progress.session.current
            click.echo(f"继续上次的审核（resuming）：从 {at.id if at else '结尾'} 开始，还有 {progress.session.undecided} 项")
        else:
            save(progress.session)
        term = make_terminal(console)
        try:
            review_items(progress.session, term, save)
        except Quit as stop:
            _stopped(minutes_file, progress.session, saved_to, "answers ended" if stop.ended else "quit")
            return
        except KeyboardInterrupt:
            _stopped(minutes_file, progress.session, saved_to, "interrupted")
            raise click.exceptions.Exit(130) from None

    progress, written = finish(progress, minutes_file, output, now=_now())
    if not state.already_finished:
        click.echo(f"审核完成（review finished）：{summary(progress.session)}")
    if written.changed:
        click.echo(f"wrote {written.path}", err=True)
    _save_to_store(progress.session.result(), db, minutes_file if output is None else output)


def _stopped(minutes_file: str, session, saved_to, why: str) -> None:
    at = session.current
    where = f"下次从 {at.id} 继续" if at else "下次运行即完成"
    click.echo(f"已保存进度（{why}; progress saved in {saved_to}）：{where}。再次运行 minutes review {minutes_file}", err=True)


def _save_to_store(minutes, db: str | None, reviewed_file: str) -> None:
    if db is None:
        click.echo(f"not saved to a task store: give --db FILE (or set MINUTES_AI_DB), or run: minutes save {reviewed_file}", err=True)
        return
    from ..store import Store

    with Store.open(db) as store:
        saved = store.save_minutes(minutes)
        path = store.path
    count = f"{len(saved.task_ids)} task{'s' if len(saved.task_ids) != 1 else ''}"
    if saved.created:
        click.echo(f"saved {saved.meeting_id}: {count} in {path}")
    else:
        click.echo(f"already saved as {saved.meeting_id}: {count}; nothing added")


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)
