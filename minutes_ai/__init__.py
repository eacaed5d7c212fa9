"""minutes-ai: Chinese meeting records → minutes (会议纪要) and a confirmed task list.

    >>> from minutes_ai import extract
    >>> minutes = extract("王磊负责接口联调，本周五前完成。", meeting_date=datetime.date(2026, 11, 24))

Heavy libraries (jieba, OpenCC, faster-whisper) load on first use, not on import.
"""

from __future__ import annotations

__version__ = "0.1.0"

# The subpackage `minutes_ai.extract` (the extractors) shares its name with the `extract` function
# below. Importing the subpackage first means Python never rebinds the name to the module later.
from . import extract as _extractors  # noqa: E402,F401


def extract(text, meeting_date=None, **kwargs):
    """Extract `Minutes` from text; see `minutes_ai.pipeline.extract`."""
    from .pipeline import extract as _extract

    return _extract(text, meeting_date, **kwargs)


def __getattr__(name):
    if name in {"Minutes", "Task", "Decision", "OpenQuestion", "Owner", "Deadline", "Meeting", "Span"}:
        from . import models

        return getattr(models, name)
    raise AttributeError(name)


__all__ = ["extract", "__version__"]
