"""Review: a person confirms, edits or rejects every extracted task and decision before the team sees it.

    >>> from minutes_ai.review import ReviewSession
    >>> session = ReviewSession.start(minutes).edit("deadline", "下周三").accept()

- `session` — `ReviewSession`, the pure, immutable state of a review and every answer to it;
- `progress` — saving it after every answer beside the minutes file, and resuming;
- `prompt` — showing one item and reading one answer, from a person at a terminal or a script;
- `fields` — reading typed owners, deadlines and split lists.
"""

from .errors import ReviewError
from .progress import Progress, load_progress, progress_path, save_progress, start_or_resume
from .session import ItemRef, ReviewSession, Verdict

__all__ = [
    "ItemRef",
    "Progress",
    "ReviewError",
    "ReviewSession",
    "Verdict",
    "load_progress",
    "progress_path",
    "save_progress",
    "start_or_resume",
]
