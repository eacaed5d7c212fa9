"""Review progress: saved after every answer, so a quit or a crash loses nothing.

The progress of reviewing `minutes.json` lives beside it in `.minutes.review.json` (hidden, one per
input file). It records the whole `ReviewSession` and a SHA-256 of the file it started from, so
`minutes review minutes.json` resumes where it stopped — and refuses to resume when the file was
changed by hand meanwhile, rather than apply old answers to different tasks.

Once the review is finished the progress stays, marked finished, with the hash of the reviewed
file that was written: running review again on it says "already reviewed" instead of asking the
decisions again (they have no status field in the minutes to remember the answer by).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pathlib
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..atomic import write_atomic
from ..models import Minutes
from .errors import ReviewError
from .session import ReviewSession

FORMAT = "minutes-ai review progress"
VERSION = 1


class Progress(BaseModel):
    """What `.minutes.review.json` holds."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["minutes-ai review progress"] = Field(default=FORMAT, description="Marks the file as review progress.")
    version: Literal[1] = Field(default=VERSION, description="Version of this file's layout.")
    input: str = Field(description="The minutes file under review, as given on the command line.")
    input_sha256: str = Field(description="SHA-256 of the minutes file when the review started.")
    output_sha256: Optional[str] = Field(default=None, description="SHA-256 of the reviewed minutes written at the end.")
    finished: bool = Field(default=False, description="True once every item has an answer and the result was written.")
    updated_at: dt.datetime = Field(description="When the last answer was saved.")
    session: ReviewSession = Field(description="The review state: minutes as edited, position, verdicts.")


def progress_path(minutes_path: str | pathlib.Path) -> pathlib.Path:
    """minutes.json → .minutes.review.json beside it; notes.json.bak → .notes.json.review.json."""
    path = pathlib.Path(minutes_path)
    stem = path.stem if path.suffix.lower() == ".json" else path.name
    return path.with_name(f".{stem}.review.json")


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def load_progress(path: pathlib.Path) -> Optional[Progress]:
    """The saved progress, None when there is none; a damaged file is a one-line `ReviewError`."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ReviewError(f"{path}: cannot read review progress: {exc.strerror}") from None
    fix = "delete it, or run again with --restart to review from the start"
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReviewError(f"{path}: review progress is corrupt (not JSON: {exc}); {fix}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ReviewError(f"{path}: not a minutes-ai review progress file; {fix}")
    try:
        return Progress.model_validate(data)
    except ValidationError as exc:
        from ..store.minutes_file import describe_validation_error

        raise ReviewError(f"{path}: review progress is corrupt ({describe_validation_error(exc)}); {fix}") from None


def save_progress(path: pathlib.Path, progress: Progress) -> None:
    """Write the progress atomically: a crash mid-write leaves the previous answer's progress."""
    try:
        write_atomic(path, progress.model_dump_json(indent=1) + "\n")
    except OSError as exc:
        raise ReviewError(f"{path}: cannot save review progress: {exc.strerror}") from None


class Resumed(BaseModel):
    """Where a review starts: a fresh session, or the saved one."""

    progress: Progress
    resumed: bool = False
    already_finished: bool = False


def start_or_resume(
    minutes_file: str | pathlib.Path,
    content: str | bytes,
    minutes: Minutes,
    *,
    restart: bool = False,
    clock=None,
) -> Resumed:
    """The saved review of `minutes_file` if there is one for this content, else a new one.

    `content` is the file as read (hashed to recognise it); `minutes` the same, parsed.
    """
    now = (clock or _now)()
    digest = sha256(content)
    fresh = Progress(input=str(minutes_file), input_sha256=digest, updated_at=now, session=ReviewSession.start(minutes))
    if restart:
        return Resumed(progress=fresh)
    saved = load_progress(progress_path(minutes_file))
    if saved is None:
        return Resumed(progress=fresh)
    if saved.finished:
        if digest in (saved.input_sha256, saved.output_sha256):
            return Resumed(progress=saved, resumed=True, already_finished=True)
        return Resumed(progress=fresh)  # reviewed, then changed by hand: a new review of the new content
    if digest != saved.input_sha256:
        raise ReviewError(
            f"{minutes_file} changed since its review started (answers saved in {progress_path(minutes_file).name}): "
            "run again with --restart to drop those answers and review the file as it is now"
        )
    return Resumed(progress=saved, resumed=True)


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)
