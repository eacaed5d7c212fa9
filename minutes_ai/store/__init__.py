"""The task store: confirmed minutes saved in SQLite, their tasks tracked until done.

    >>> from minutes_ai.store import Store
    >>> with Store.open() as store:                 # $MINUTES_AI_DB or the user data folder
    ...     saved = store.save_minutes(minutes)     # idempotent: same minutes → same meeting
    ...     store.add_note("T12", "接口方延迟，周五可能赶不上")
    ...     late = store.tasks(overdue=True)
"""

from .db import Store
from .errors import StoreBusyError, StoreError, UnknownTaskError
from .identity import ENV_VAR, content_hash, default_db_path, parse_task_id
from .minutes_file import read_minutes_file
from .records import MeetingRecord, Note, RiskItem, SavedMeeting, Standup, TrackedTask
from .risk import mentions_risk
from .rows import resolve_new_deadline

__all__ = [
    "ENV_VAR",
    "MeetingRecord",
    "Note",
    "RiskItem",
    "SavedMeeting",
    "Standup",
    "Store",
    "StoreBusyError",
    "StoreError",
    "TrackedTask",
    "UnknownTaskError",
    "content_hash",
    "default_db_path",
    "mentions_risk",
    "parse_task_id",
    "read_minutes_file",
    "resolve_new_deadline",
]
