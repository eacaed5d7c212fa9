"""The contract between stages: every stage takes and returns these pydantic models.

`minutes schema` exports them as JSON Schema, so other tools can rely on the JSON that
`minutes extract --format json` prints. Every model forbids unknown fields: a hand-edited
minutes.json with a typo in a key is refused with the field named, not silently ignored.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """Where an item came from: character offsets into the input text, so it can be traced back."""

    text: str = Field(description="The source sentence or line, as it stands in the input.")
    start: int = Field(ge=0, description="Offset of the first character in the input text.")
    end: int = Field(ge=0, description="Offset one past the last character in the input text.")
    audio_start: Optional[float] = Field(
        default=None, description="Start of the source in the recording, in seconds, for transcripts."
    )
    audio_end: Optional[float] = Field(
        default=None, description="End of the source in the recording, in seconds, for transcripts."
    )


class Owner(_Model):
    """Who is responsible for a task: a person, a department, or both."""

    name: Optional[str] = Field(default=None, description="The person as the text names them (王磊, 张总, Amy).")
    dept: Optional[str] = Field(default=None, description="The department, when the text gives one (设计部).")
    text: str = Field(description="The words in the input that name the owner.")


class DeadlineKind(str, Enum):
    """How a deadline was expressed, which says how it was resolved."""

    absolute = "absolute"
    relative = "relative"
    workdays = "workdays"
    vague = "vague"


class Deadline(_Model):
    """A deadline phrase and the date it resolves to from the meeting date."""

    text: str = Field(description="The deadline phrase as written (本周五前, D+3, 3个工作日内).")
    date: Optional[dt.date] = Field(default=None, description="The resolved date; null for vague phrases.")
    time: Optional[dt.time] = Field(default=None, description="A time of day when the phrase gives one.")
    kind: DeadlineKind = Field(description="absolute, relative, workdays or vague.")


class TaskStatus(str, Enum):
    """Where a task stands: extracted, confirmed in review, and tracked to the end."""

    proposed = "proposed"
    confirmed = "confirmed"
    rejected = "rejected"
    open = "open"
    done = "done"
    cancelled = "cancelled"


class Task(_Model):
    """One action item: what, who, by when, and how the result is accepted."""

    id: str = Field(description="Stable id within the minutes: T1, T2, …")
    title: str = Field(description="Short task name (任务名称).")
    owner: Optional[Owner] = Field(default=None, description="The owner (负责人); null when the text names none.")
    deadline: Optional[Deadline] = Field(default=None, description="The deadline (截止时间); null when none.")
    criteria: Optional[str] = Field(default=None, description="The acceptance criterion (交付标准), as written.")
    source: Span = Field(description="The sentence the task was extracted from.")
    confidence: float = Field(ge=0, le=1, description="How sure the extractor is that this is a task.")
    status: TaskStatus = Field(default=TaskStatus.proposed, description="proposed until a person reviews it.")
    flags: list[str] = Field(
        default_factory=list, description="What a reviewer should check: no_owner, no_deadline, vague_deadline."
    )


class Decision(_Model):
    """A conclusion the meeting reached (决议), including agreed rejections and cancellations."""

    id: str = Field(description="Stable id within the minutes: D1, D2, …")
    text: str = Field(description="The decision, as written.")
    source: Span = Field(description="The sentence the decision was extracted from.")


class OpenQuestion(_Model):
    """An item left unresolved (待定事项)."""

    id: str = Field(description="Stable id within the minutes: Q1, Q2, …")
    text: str = Field(description="The open question, as written.")
    source: Span = Field(description="The sentence it was extracted from.")


class ProgressStatus(str, Enum):
    """What a progress line reports: work finished, or work called off."""

    done = "done"
    cancelled = "cancelled"


class ProgressItem(_Model):
    """A line that reports earlier work as finished or called off (进展: 已完成 / 已取消).

    Not a task — nothing is left to do — but what a follow-up meeting checks against the last task
    list, so the minutes keep it."""

    id: str = Field(description="Stable id within the minutes: P1, P2, …")
    text: str = Field(description="The line or sentence, as written.")
    status: ProgressStatus = Field(description="done or cancelled.")
    source: Span = Field(description="The sentence it was extracted from.")


class Meeting(_Model):
    """The meeting header (会议信息)."""

    title: Optional[str] = Field(default=None, description="Meeting name (会议名称).")
    date: dt.date = Field(description="The meeting date that relative deadlines are resolved from.")
    date_source: str = Field(description="Where the date came from: given, text or today.")
    host: Optional[str] = Field(default=None, description="Host (主持人).")
    recorder: Optional[str] = Field(default=None, description="Minute-taker (记录人).")
    participants: list[str] = Field(default_factory=list, description="Participants (参会人员).")
    departments: list[str] = Field(default_factory=list, description="Departments named in the meeting.")


class Source(_Model):
    """What the minutes were made from, and the options that made them."""

    kind: str = Field(description="notes, transcript or audio.")
    path: Optional[str] = Field(default=None, description="The input file, when there was one.")
    chars: int = Field(ge=0, description="Length of the input text in characters.")
    encoding: Optional[str] = Field(default=None, description="The detected encoding of the input file.")
    extractor: str = Field(description="The extractor and version that produced the minutes.")


class Minutes(_Model):
    """Everything extracted from one meeting: the output of `extract` and the input of renderers."""

    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this JSON contract.")
    meeting: Meeting = Field(description="The meeting header.")
    decisions: list[Decision] = Field(default_factory=list, description="Decisions (决议事项).")
    tasks: list[Task] = Field(default_factory=list, description="Tasks (任务清单).")
    open_questions: list[OpenQuestion] = Field(default_factory=list, description="Open questions (待定事项).")
    progress: list[ProgressItem] = Field(
        default_factory=list, description="Work reported finished or called off (进展：已完成 / 已取消)."
    )
    source: Source = Field(description="What the minutes were made from.")


class Sentence(_Model):
    """A unit of the input the extractors look at: a sentence, a clause run, a table row or a record.

    Produced by `minutes_ai.text.split_sentences`; `speaker` and `section` carry the context a
    human reader would use (who is talking, which heading the line sits under).
    """

    text: str = Field(description="The unit's text, as normalised.")
    start: int = Field(ge=0, description="Offset of the first character in the input text.")
    end: int = Field(ge=0, description="Offset one past the last character in the input text.")
    speaker: Optional[str] = Field(default=None, description="The speaker label or chat sender, if any.")
    person: Optional[str] = Field(default=None, description="The person a per-person section is about.")
    section: Optional[str] = Field(default=None, description="Kind of the enclosing section: tasks, done, decisions, questions, info, people, timeline.")
    heading: bool = Field(default=False, description="True for a heading line, which carries no item itself.")
    row: bool = Field(default=False, description="True for a table row; its tasks come from `cells` only.")
    item: bool = Field(default=False, description="True for an entry of a bulleted or numbered list (how plans list their work).")
    cells: dict[str, Span] = Field(default_factory=dict, description="For table rows: field name → cell.")
    audio_start: Optional[float] = Field(default=None, description="Start in the recording, for transcripts.")
    audio_end: Optional[float] = Field(default=None, description="End in the recording, for transcripts.")
    day: Optional[dt.date] = Field(default=None, description="The day a chat message was posted, when the log runs over several days: its relative deadlines count from this day.")


class Segment(_Model):
    """One stretch of recognised speech, as faster-whisper yields it (times in seconds)."""

    start: float = Field(ge=0, description="Start time in the recording, in seconds.")
    end: float = Field(ge=0, description="End time in the recording, in seconds.")
    text: str = Field(description="The recognised text, in simplified Chinese.")


class Transcript(_Model):
    """A recording transcribed: the text extractors read and the segments that time it."""

    text: str = Field(description="The whole transcript, simplified Chinese, one segment per line.")
    duration: float = Field(ge=0, description="Length of the recording in seconds.")
    language: str = Field(description="Language code the model used (zh).")
    model: str = Field(description="The model that transcribed it (name or path).")
    segments: list[Segment] = Field(default_factory=list, description="Timed segments; offsets in `text` follow them line by line.")
    options: dict[str, object] = Field(default_factory=dict, description="The options that produced this transcript (beam size, VAD, glossary size).")
