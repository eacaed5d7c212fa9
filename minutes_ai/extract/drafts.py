"""TaskDraft: a task before ids are assigned, as the task extractors and the combiner build it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Deadline, Owner, Sentence
from .cues import has

TRIM = " \t\n，,；;。.、：:！!？?（）()【】[]*-—~…"


@dataclass
class TaskDraft:
    """A task before ids are assigned: everything `Task` holds, with the source span."""

    title: str
    owner: Owner | None
    deadline: Deadline | None
    criteria: str | None
    start: int
    end: int
    confidence: float
    flags: list[str] = field(default_factory=list)
    summary: bool = False  # said in a closing summary that repeats earlier assignments
    speaker: str | None = None
    reply: bool = False  # opens with an acknowledgement: "收到，周五前全部出完"
    # sentences this task took in that are no tasks of their own (merge.py): the offer its source
    # moved away from, a follow-up that only gave the date ("下周一之前给我一个报告") — the model
    # must not add them again while this task stands (combine.py)
    absorbed: list[int] = field(default_factory=list)


def drafts_for(title: str, owners: list[Owner], deadline: Deadline | None, criteria: str | None, sentence: Sentence, *, confidence: float) -> list[TaskDraft]:
    flags = review_flags(owners[0] if owners else None, deadline)
    title = title.strip(TRIM) or sentence.text.strip(TRIM)[:40]
    if title.count("（") > title.count("）"):
        title += "）"  # "项目实施方案（含进度计划）": the strip took the closing bracket
    # one task per person: "小陈 小陈你来弄一下" calls the same owner twice
    owners = list({(o.name, o.dept): o for o in owners}.values())
    reply = has("acknowledgement", sentence.text)
    return [
        TaskDraft(title, owner, deadline, criteria, sentence.start, sentence.end, confidence, list(flags), speaker=sentence.speaker, reply=reply)
        for owner in (owners or [None])
    ]


def review_flags(owner: Owner | None, deadline: Deadline | None) -> list[str]:
    """What a reviewer should look at: a task with no owner or no (or a vague) deadline."""
    flags = []
    if owner is None:
        flags.append("no_owner")
    if deadline is None:
        flags.append("no_deadline")
    elif deadline.date is None:
        flags.append("vague_deadline")
    return flags
