"""The day each message of a chat log was posted, when the log runs over several days.

"明天给我" said on the second day of a group chat is due the day after that day, not the day after
the meeting (docs/corpus.md). A log marks its days with a line that is only a date, or with dated
time stamps or sender headers (rules/layout.yaml `day_markers`). A document that marks one day or
none is left alone: its messages count from the meeting date, as everything else does.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from .. import ruledata
from ..models import Sentence


@cache
def _markers() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in ruledata.load("layout.yaml")["day_markers"]]


def date_messages(text: str, sentences: list[Sentence], meeting_date: dt.date) -> list[Sentence]:
    """`sentences` with `day` set on the chat messages (sentences with a speaker) of a log that marks
    two days or more; other sentences, and every sentence of other documents, as they were."""
    days = _day_marks(text, meeting_date)
    if len({day for _, day in days}) < 2:
        return sentences
    out, i, day = [], 0, None
    for sentence in sentences:
        while i < len(days) and days[i][0] <= sentence.start:
            day = days[i][1]
            i += 1
        out.append(sentence.model_copy(update={"day": day}) if day is not None and sentence.speaker else sentence)
    return out


def _day_marks(text: str, meeting_date: dt.date) -> list[tuple[int, dt.date]]:
    """(offset of the line, the day it marks), in order."""
    found = []
    offset = 0
    for line in text.splitlines(keepends=True):
        for pattern in _markers() if any(c.isdigit() for c in line[:24]) else ():  # every marker opens with a date
            m = pattern.match(line.strip())
            if m and (day := _date(m, meeting_date)) is not None:
                found.append((offset, day))
                break
        offset += len(line)
    return found


def _date(m: re.Match[str], meeting_date: dt.date) -> dt.date | None:
    year = int(m.group("year")) if m.group("year") else meeting_date.year
    try:
        day = dt.date(year, int(m.group("month")), int(m.group("day")))
    except ValueError:
        return None
    if not m.group("year") and (meeting_date - day).days > 180:
        day = day.replace(year=year + 1)  # a log that runs from December into January
    return day
