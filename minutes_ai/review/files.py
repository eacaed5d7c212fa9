"""The files around a review: the minutes JSON read in, the reviewed minutes written out.

The reviewed minutes are the same JSON contract (`minutes extract --format json`), with task
status confirmed or rejected, so `minutes save`, `minutes export` and any other tool read them.
"""

from __future__ import annotations

import datetime as dt
import pathlib
from typing import NamedTuple, Optional

from pydantic import ValidationError

from ..atomic import write_atomic
from ..errors import InputError
from ..models import Minutes, TaskStatus
from .errors import ReviewError
from .progress import Progress, progress_path, save_progress, sha256
from .session import ReviewSession, Verdict


def read_minutes(path: str) -> tuple[str, Minutes]:
    """The text of the minutes JSON at `path` and the minutes it holds; a missing, empty or
    malformed file is a one-line `InputError` naming the field ("tasks.0.deadline.date: …")."""
    from ..reader import read_notes
    from ..store.minutes_file import describe_validation_error

    if path == "-":
        raise InputError("review needs a minutes file, not standard input: standard input carries the answers")
    text, _encoding = read_notes(path)
    try:
        return text, Minutes.model_validate_json(text)
    except ValidationError as exc:
        raise InputError(f"{path}: {describe_validation_error(exc)}") from None


def render_result(session: ReviewSession) -> str:
    from ..render.jsonout import render_json

    return render_json(session.result())


class Written(NamedTuple):
    path: pathlib.Path
    changed: bool


def finish(progress: Progress, minutes_file: str, output: Optional[str], *, now: dt.datetime) -> tuple[Progress, Written]:
    """Record the review as finished, then write the reviewed minutes to `output` (default: back
    to `minutes_file`), atomically.

    The progress is saved first, with the hash of what is about to be written: if the write is
    interrupted, the next run sees the original file, recognises it, and writes again.
    """
    text = render_result(progress.session)
    done = progress.model_copy(update={"finished": True, "output_sha256": sha256(text), "updated_at": now})
    save_progress(progress_path(minutes_file), done)
    target = pathlib.Path(output or minutes_file)
    if target.parent and not target.parent.exists():
        raise ReviewError(f"output folder does not exist: {target.parent}")
    try:
        if target.exists() and target.read_text(encoding="utf-8", errors="replace") == text:
            return done, Written(target, False)
        write_atomic(target, text)
    except OSError as exc:
        raise ReviewError(f"cannot write {target}: {exc.strerror}") from None
    return done, Written(target, True)


def summary(session: ReviewSession) -> str:
    """"审核完成：确认 2 个任务，拒绝 1 个；决议确认 1 条，拒绝 0 条"."""
    tasks = session.minutes.tasks
    confirmed = sum(1 for t in tasks if t.status is TaskStatus.confirmed)
    rejected = sum(1 for t in tasks if t.status is TaskStatus.rejected)
    kept = sum(1 for v in session.decision_verdicts.values() if v is Verdict.accepted)
    dropped = sum(1 for v in session.decision_verdicts.values() if v is Verdict.rejected)
    return f"确认 {confirmed} 个任务，拒绝 {rejected} 个；决议确认 {kept} 条，拒绝 {dropped} 条"
