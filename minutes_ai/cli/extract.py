"""`minutes extract`: notes, a chat log or a transcript → decisions and a task table."""

from __future__ import annotations

import datetime as dt

import click

from . import main
from .options import emit, library_errors, output_options


@main.command()
@click.argument("source", type=str)
@click.option("--meeting-date", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Date relative deadlines count from (default: from the text, else today).")
@output_options(["table", "md", "json", "csv"], default="table")
@library_errors
def extract(source: str, meeting_date: dt.datetime | None, fmt: str, output: str | None) -> None:
    """Extract decisions, tasks and open questions from SOURCE (a file, or - for stdin).

    \b
    Example:
        minutes extract notes.txt --meeting-date 2026-11-24
        pbpaste | minutes extract - --format md -o 会议纪要.md
        minutes extract notes.txt --format json | jq .tasks
    """
    from ..pipeline import extract as run_extract
    from ..reader import read_notes
    from ..render import render

    text, encoding = read_notes(source)
    minutes = run_extract(
        text,
        meeting_date.date() if meeting_date else None,
        source_path=None if source == "-" else source,
        encoding=encoding,
    )
    emit(render(minutes, fmt), output)
