"""The review session: a person confirms, edits or rejects every extracted task and decision.

Extraction is never perfect, so nothing reaches the team before someone has looked at each item.
`ReviewSession` is the whole state of one review — the minutes being edited, which item is on
screen, the verdict on each decision — and it is immutable: every answer returns a new session or
raises `ReviewError` with a one-line reason. That makes it testable with tables and no terminal,
and lets `progress.py` save it after every answer, so a quit or a crash loses nothing.

    >>> session = ReviewSession.start(minutes)
    >>> session = session.edit("deadline", "下周三")     # resolved from minutes.meeting.date
    >>> session = session.accept()                       # T1 confirmed, on to T2
    >>> session.result()                                 # the confirmed minutes, once finished

Items are reviewed tasks first, then decisions. A task's verdict is its `status` (proposed →
confirmed or rejected); a decision has no status in the contract, so its verdict is kept here and
a rejected decision is left out of the result.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal, NamedTuple, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..models import Decision, Minutes, Span, Task, TaskStatus
from .errors import ReviewError
from .fields import is_clear, merged_text, parse_deadline, parse_owner, task_flags

TASK_FIELDS = ("title", "owner", "deadline", "criteria")
DECISION_FIELDS = ("text",)
ADDED_FLAG = "added_in_review"


class Verdict(str, Enum):
    """A reviewer's answer on a decision."""

    accepted = "accepted"
    rejected = "rejected"


class ItemRef(NamedTuple):
    """One thing to review: a task (T2) or a decision (D1)."""

    kind: Literal["task", "decision"]
    id: str


class ReviewSession(BaseModel):
    """The state of one review. Every method returns a new session; none changes this one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    minutes: Minutes = Field(description="The minutes as edited so far; task status is the task's verdict.")
    index: int = Field(default=0, ge=0, description="Position of the item on screen in `items`; len(items) once finished.")
    decision_verdicts: dict[str, Verdict] = Field(
        default_factory=dict, description="Decision id → accepted or rejected; undecided decisions are absent."
    )

    @model_validator(mode="after")
    def _index_within_items(self) -> "ReviewSession":
        if self.index > len(self.items):  # a hand-edited or damaged progress file
            raise ValueError(f"index {self.index} is past the last of {len(self.items)} items")
        return self

    # -- starting and looking ----------------------------------------------------------------

    @classmethod
    def start(cls, minutes: Minutes) -> "ReviewSession":
        """A review of `minutes`, on the first item nobody has decided yet (tasks already
        confirmed or rejected, by an earlier review, count as decided)."""
        session = cls(minutes=minutes.model_copy(deep=True), index=0)
        return session._moved(session._next_undecided(-1))

    @property
    def items(self) -> list[ItemRef]:
        return [ItemRef("task", t.id) for t in self.minutes.tasks] + [
            ItemRef("decision", d.id) for d in self.minutes.decisions
        ]

    @property
    def finished(self) -> bool:
        return self.index >= len(self.items)

    @property
    def current(self) -> Optional[ItemRef]:
        items = self.items
        return items[self.index] if self.index < len(items) else None

    @property
    def current_task(self) -> Optional[Task]:
        ref = self.current
        return self._task(ref.id) if ref and ref.kind == "task" else None

    @property
    def current_decision(self) -> Optional[Decision]:
        ref = self.current
        return self._decision(ref.id) if ref and ref.kind == "decision" else None

    def is_decided(self, ref: ItemRef) -> bool:
        if ref.kind == "task":
            return self._task(ref.id).status is not TaskStatus.proposed
        return ref.id in self.decision_verdicts

    def verdict(self, ref: ItemRef) -> Optional[str]:
        """"confirmed"/"rejected" (or a tracked status) for tasks, "accepted"/"rejected" for
        decisions, None while undecided."""
        if ref.kind == "task":
            status = self._task(ref.id).status
            return None if status is TaskStatus.proposed else status.value
        found = self.decision_verdicts.get(ref.id)
        return found.value if found else None

    @property
    def undecided(self) -> int:
        return sum(1 for ref in self.items if not self.is_decided(ref))

    def owner_candidates(self) -> list[str]:
        """Names to complete an owner from: the participants, then owners already in the tasks."""
        names = list(self.minutes.meeting.participants)
        for task in self.minutes.tasks:
            if task.owner is not None:
                names.append(task.owner.name or task.owner.dept or task.owner.text)
        return list(dict.fromkeys(name for name in names if name))

    # -- answers -----------------------------------------------------------------------------

    def accept(self) -> "ReviewSession":
        """Confirm the item on screen and move to the next undecided one."""
        return self._decide(TaskStatus.confirmed, Verdict.accepted)

    def reject(self) -> "ReviewSession":
        """Reject the item on screen (not a task / not decided) and move on."""
        return self._decide(TaskStatus.rejected, Verdict.rejected)

    def edit(self, field: str, value: str) -> "ReviewSession":
        """Change one field of the item on screen; it stays on screen to be accepted.

        Task fields: title, owner ("贝佳", "贝佳（设计部）"), deadline (resolved from the meeting
        date; refused when vague or unreadable), criteria. "-" empties owner, deadline or
        criteria. Decisions have one field, text.
        """
        ref = self._require_item()
        if ref.kind == "decision":
            if field != "text":
                raise ReviewError(f"a decision has only its text to edit, not {field!r}")
            text = value.strip()
            if not text:
                raise ReviewError("empty decision: give its text, or reject it")
            return self._with_decision(self._decision(ref.id).model_copy(update={"text": text}))
        task = self._task(ref.id)
        return self._with_task(self._edited(task, field, value))

    def split(self, parts: list[str], *, by: Literal["title", "owner"] = "title") -> "ReviewSession":
        """Split the task on screen into one task per part: by title ("修复回调 / 回归测试" → two
        tasks, same owner and deadline) or by owner ("贝佳、程一帆分别出稿" → the same task for
        each). The first part keeps the task's id; the others get new ids and follow it."""
        ref = self._require_item()
        if ref.kind != "task":
            raise ReviewError("only a task can be split")
        if by not in ("title", "owner"):
            raise ReviewError(f"split by title or owner, not {by!r}")
        cleaned = [part.strip() for part in parts if part.strip()]
        if len(cleaned) < 2:
            raise ReviewError("give at least two parts to split into, separated by /")
        if len(set(cleaned)) < len(cleaned):
            raise ReviewError("the parts to split into repeat one another")
        task = self._task(ref.id)
        pieces = [self._edited(task, by, part).model_copy(update={"status": TaskStatus.proposed}) for part in cleaned]
        new_ids = self._free_task_ids(len(pieces) - 1)
        pieces = [pieces[0]] + [piece.model_copy(update={"id": new_id}) for piece, new_id in zip(pieces[1:], new_ids)]
        tasks = list(self.minutes.tasks)
        at = tasks.index(task)
        tasks[at : at + 1] = pieces
        return self._with_tasks(tasks)._moved(self._position_of(ItemRef("task", task.id), tasks))

    def merge_previous(self) -> "ReviewSession":
        """Merge the task on screen into the task before it (one task said in two sentences).

        The previous task's fields win; the ones it lacks come from this task; the titles and
        criteria are joined unless one contains the other. The merged task is shown again, to be
        accepted."""
        ref = self._require_item()
        if ref.kind != "task":
            raise ReviewError("only a task can be merged with the previous task")
        tasks = list(self.minutes.tasks)
        task = self._task(ref.id)
        at = tasks.index(task)
        if at == 0:
            raise ReviewError(f"{task.id} is the first task: there is no previous task to merge with")
        previous = tasks[at - 1]
        merged = previous.model_copy(
            update={
                "title": merged_text(previous.title, task.title, "，"),
                "owner": previous.owner or task.owner,
                "deadline": previous.deadline or task.deadline,
                "criteria": merged_text(previous.criteria, task.criteria, "；"),
                "source": _joined_span(previous.source, task.source),
                "confidence": max(previous.confidence, task.confidence),
                "status": TaskStatus.proposed,
                "flags": list(dict.fromkeys(previous.flags + task.flags)),
            }
        )
        merged = merged.model_copy(update={"flags": task_flags(merged)})
        tasks[at - 1 : at + 1] = [merged]
        return self._with_tasks(tasks)._moved(self._position_of(ItemRef("task", merged.id), tasks))

    def add_task(
        self,
        title: str,
        *,
        owner: Optional[str] = None,
        deadline: Optional[str] = None,
        criteria: Optional[str] = None,
    ) -> "ReviewSession":
        """Add a task the extraction missed, right after the task on screen (at the end of the
        tasks when a decision is on screen). It is reviewed like the others, after this item."""
        if not title.strip():
            raise ReviewError("a new task needs a title (任务名称)")
        task = Task(
            id=self._free_task_ids(1)[0],
            title=title.strip(),
            source=Span(text="", start=0, end=0),
            confidence=1.0,
            flags=[ADDED_FLAG],
        )
        for field, value in (("owner", owner), ("deadline", deadline), ("criteria", criteria)):
            if value is not None and value.strip():
                task = self._edited(task, field, value)
        task = task.model_copy(update={"flags": task_flags(task)})
        tasks = list(self.minutes.tasks)
        on_screen = self.current_task
        at = tasks.index(on_screen) + 1 if on_screen is not None else len(tasks)
        tasks.insert(at, task)
        current = self.current
        new = self._with_tasks(tasks)
        if current is None:
            return new._moved(new._position_of(ItemRef("task", task.id), tasks))
        return new._moved(new._position_of(current, tasks))

    def back(self) -> "ReviewSession":
        """Show the item before this one again (its answer can be changed)."""
        if self.index == 0:
            raise ReviewError("already at the first item")
        return self._moved(min(self.index, len(self.items)) - 1)

    def accept_all(self) -> "ReviewSession":
        """Confirm every item still undecided (for scripts: `minutes review --accept-all`)."""
        tasks = [
            t.model_copy(update={"status": TaskStatus.confirmed}) if t.status is TaskStatus.proposed else t
            for t in self.minutes.tasks
        ]
        verdicts = dict(self.decision_verdicts)
        for decision in self.minutes.decisions:
            verdicts.setdefault(decision.id, Verdict.accepted)
        new = self._with_tasks(tasks).model_copy(update={"decision_verdicts": verdicts})
        return new._moved(len(new.items))

    # -- the outcome -------------------------------------------------------------------------

    def result(self) -> Minutes:
        """The reviewed minutes: tasks with their status (confirmed, or rejected — kept so the
        file shows what was turned down; the task store skips them), decisions without the
        rejected ones."""
        decisions = [d for d in self.minutes.decisions if self.decision_verdicts.get(d.id) is not Verdict.rejected]
        return self.minutes.model_copy(update={"decisions": decisions}, deep=True)

    # -- internals ---------------------------------------------------------------------------

    def _require_item(self) -> ItemRef:
        ref = self.current
        if ref is None:
            raise ReviewError("the review is finished: there is no item to answer")
        return ref

    def _task(self, task_id: str) -> Task:
        for task in self.minutes.tasks:
            if task.id == task_id:
                return task
        raise ReviewError(f"no task {task_id} in these minutes")

    def _decision(self, decision_id: str) -> Decision:
        for decision in self.minutes.decisions:
            if decision.id == decision_id:
                return decision
        raise ReviewError(f"no decision {decision_id} in these minutes")

    def _edited(self, task: Task, field: str, value: str) -> Task:
        """`task` with one field set from what the reviewer typed, flags recomputed."""
        if field == "title":
            if not value.strip():
                raise ReviewError("empty title: a task needs a name (任务名称)")
            update = {"title": value.strip()}
        elif field == "owner":
            update = {"owner": None if is_clear(value) else parse_owner(value, self.minutes.meeting.departments)}
        elif field == "deadline":
            update = {"deadline": None if is_clear(value) else parse_deadline(value, self.minutes.meeting.date)}
        elif field == "criteria":
            update = {"criteria": None if is_clear(value) or not value.strip() else value.strip()}
        else:
            raise ReviewError(f"unknown field {field!r}: a task has {', '.join(TASK_FIELDS)}")
        edited = task.model_copy(update=update)
        return edited.model_copy(update={"flags": task_flags(edited)})

    def _free_task_ids(self, count: int) -> list[str]:
        numbers = [int(t.id[1:]) for t in self.minutes.tasks if t.id[:1] == "T" and t.id[1:].isdigit()]
        start = max(numbers, default=0) + 1
        return [f"T{n}" for n in range(start, start + count)]

    def _with_tasks(self, tasks: list[Task]) -> "ReviewSession":
        return self.model_copy(update={"minutes": self.minutes.model_copy(update={"tasks": tasks})})

    def _with_task(self, task: Task) -> "ReviewSession":
        return self._with_tasks([task if t.id == task.id else t for t in self.minutes.tasks])

    def _with_decision(self, decision: Decision) -> "ReviewSession":
        decisions = [decision if d.id == decision.id else d for d in self.minutes.decisions]
        return self.model_copy(update={"minutes": self.minutes.model_copy(update={"decisions": decisions})})

    def _decide(self, status: TaskStatus, verdict: Verdict) -> "ReviewSession":
        ref = self._require_item()
        if ref.kind == "task":
            new = self._with_task(self._task(ref.id).model_copy(update={"status": status}))
        else:
            new = self.model_copy(update={"decision_verdicts": {**self.decision_verdicts, ref.id: verdict}})
        return new._moved(new._next_undecided(new.index))

    def _next_undecided(self, after: int) -> int:
        """The first undecided item after `after`, else the first undecided before it (an item
        skipped by going back, or added), else len(items): finished."""
        items = self.items
        order = list(range(after + 1, len(items))) + list(range(0, min(after + 1, len(items))))
        for position in order:
            if not self.is_decided(items[position]):
                return position
        return len(items)

    def _position_of(self, ref: ItemRef, tasks: list[Task]) -> int:
        if ref.kind == "task":
            return [t.id for t in tasks].index(ref.id)
        return len(tasks) + [d.id for d in self.minutes.decisions].index(ref.id)

    def _moved(self, index: int) -> "ReviewSession":
        return self.model_copy(update={"index": index})


def _joined_span(first: Span, second: Span) -> Span:
    """The source of a merged task: both sentences, from the first's start to the second's end."""
    gap = "" if first.end == second.start else "\n"
    starts = [t for t in (first.audio_start, second.audio_start) if t is not None]
    ends = [t for t in (first.audio_end, second.audio_end) if t is not None]
    return Span(
        text=f"{first.text}{gap}{second.text}" if second.text else first.text,
        start=min(first.start, second.start),
        end=max(first.end, second.end),
        audio_start=min(starts) if starts else None,
        audio_end=max(ends) if ends else None,
    )
