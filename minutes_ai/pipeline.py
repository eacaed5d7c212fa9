"""The extraction pipeline: input text → normalised text → sentences → extractors → `Minutes`."""

from __future__ import annotations

import datetime as dt
import re

from . import __version__
from .extract import (
    extract_decisions,
    extract_open_questions,
    extract_tasks,
    meeting_date as find_meeting_date,
    participants,
    read_meeting,
)
from .models import Decision, Minutes, OpenQuestion, Source, Span, Task
from .text import names
from .text.normalize import normalize
from .text.sentences import split_sentences

_SPEAKER = re.compile(r"^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?([^\s:：\d][^:：\n]{0,11}?)\s*[:：]", re.M)


def extract(
    text: str,
    meeting_date: dt.date | None = None,
    *,
    source_path: str | None = None,
    encoding: str | None = None,
    kind: str = "notes",
) -> Minutes:
    """Extract minutes (decisions, tasks, open questions) from meeting notes, a chat log or a transcript.

    `meeting_date` anchors relative deadlines ("本周五", "3个工作日内"); without it the date is read
    from the text ("客诉周会 8/27") or taken as today.
    """
    if hasattr(text, "text") and hasattr(text, "segments"):  # a Transcript
        text = text.text
    normalized = normalize(text)
    if meeting_date is None:
        date, date_source = find_meeting_date(normalized, dt.date.today())
    else:
        date, date_source = meeting_date, "given"
    known = _known_names(normalized)
    sentences = split_sentences(normalized, known=known)
    drafts = extract_tasks(sentences, text=normalized, meeting_date=date, known=known)
    departments = sorted({d.owner.dept for d in drafts if d.owner and d.owner.dept})
    meeting = read_meeting(normalized, date, date_source, departments)

    def span(start: int, end: int) -> Span:
        return Span(text=text[start:end], start=start, end=end)

    tasks = [
        Task(
            id=f"T{i}",
            title=d.title,
            owner=d.owner,
            deadline=d.deadline,
            criteria=d.criteria,
            source=span(d.start, d.end),
            confidence=round(d.confidence, 2),
            flags=d.flags,
        )
        for i, d in enumerate(drafts, 1)
    ]
    owned = frozenset(d.start for d in drafts if d.owner is not None)
    decisions = [Decision(id=f"D{i}", text=d.text, source=span(d.start, d.end)) for i, d in enumerate(extract_decisions(sentences, owned), 1)]
    questions = [OpenQuestion(id=f"Q{i}", text=q.text, source=span(q.start, q.end)) for i, q in enumerate(extract_open_questions(sentences), 1)]
    return Minutes(
        meeting=meeting,
        decisions=decisions,
        tasks=tasks,
        open_questions=questions,
        source=Source(kind=kind, path=source_path, chars=len(text), encoding=encoding, extractor=f"minutes-ai {__version__} rules"),
    )


def _known_names(text: str) -> frozenset[str]:
    """Names the document vouches for: participants and speaker labels."""
    known = set(participants(text))
    for match in _SPEAKER.finditer(text):
        label = match.group(1).strip()
        if names.is_person(label, loose=True) and not names.is_department(label):
            known.add(label)
    return frozenset(k for k in known if len(k) >= 2)
