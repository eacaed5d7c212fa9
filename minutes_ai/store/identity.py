"""Where the store lives, how ids are written (T12, M3), and when two minutes are the same meeting."""

from __future__ import annotations

import hashlib
import json
import os
import pathlib
import re

from ..models import Minutes, TaskStatus
from .errors import StoreError
from .records import TRACKED_STATUSES

ENV_VAR = "MINUTES_AI_DB"


def default_db_path() -> pathlib.Path:
    """$MINUTES_AI_DB, else minutes.db in the user data folder (~/.local/share/minutes-ai on Linux)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return pathlib.Path(env).expanduser()
    from platformdirs import user_data_dir

    return pathlib.Path(user_data_dir("minutes-ai", appauthor=False)) / "minutes.db"


def parse_task_id(task_id: str) -> int:
    """"T12", "t12" or "12" → 12."""
    match = re.fullmatch(r"\s*[Tt]?(\d+)\s*", str(task_id))
    if not match:
        raise StoreError(f"not a task id: {task_id!r} (task ids look like T12)")
    return int(match.group(1))


def parse_meeting_id(meeting_id: str) -> int:
    """"M3", "m3" or "3" → 3."""
    match = re.fullmatch(r"\s*[Mm]?(\d+)\s*", str(meeting_id))
    if not match:
        raise StoreError(f"not a meeting id: {meeting_id!r} (meeting ids look like M3)")
    return int(match.group(1))


def content_hash(minutes: Minutes) -> str:
    """SHA-256 of what saving `minutes` stores, so saving the same minutes twice finds the first copy.

    Left out: `source` (the same notes read from another path are the same meeting), each task's
    confidence and flags, and the review status beyond kept-or-rejected (proposed and confirmed
    both become open), so re-saving after a review that changed nothing does not duplicate tasks.
    """
    data = minutes.model_dump(mode="json", exclude={"source"})
    data["tasks"] = [
        {k: v for k, v in task.items() if k not in {"confidence", "flags", "status"}}
        | {"status": tracked_status(TaskStatus(task["status"])).value}
        for task in data["tasks"]
        if task["status"] != TaskStatus.rejected.value
    ]
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def tracked_status(status: TaskStatus) -> TaskStatus:
    return status if status in TRACKED_STATUSES else TaskStatus.open
