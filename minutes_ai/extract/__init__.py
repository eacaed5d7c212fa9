"""Extractors: one module per concern, each turning `Sentence`s into small typed records.

- `tasks` — task records from table rows, field records and prose (`drafts`, `titles`, `merge`);
- `owners` — who is responsible;
- `deadlines` — deadline phrases resolved to dates;
- `criteria` — acceptance criteria;
- `decisions` — decisions and open questions;
- `meeting` — the meeting header.
"""

from .criteria import find_criteria
from .deadlines import find_deadlines, resolve_deadline
from .decisions import extract_decisions, extract_open_questions
from .meeting import host_and_recorder, meeting_date, participants, read_meeting, recorder, units
from .progress import extract_progress
from .drafts import TaskDraft
from .tasks import extract_tasks

__all__ = [
    "TaskDraft",
    "extract_decisions",
    "extract_open_questions",
    "extract_progress",
    "extract_tasks",
    "find_criteria",
    "find_deadlines",
    "meeting_date",
    "host_and_recorder",
    "participants",
    "read_meeting",
    "recorder",
    "resolve_deadline",
    "units",
]
