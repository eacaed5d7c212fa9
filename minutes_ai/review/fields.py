"""Reading what a reviewer types into a field: an owner, a deadline, a list of parts to split into.

Kept apart from the session so each rule has one place and one table of tests: "贝佳（设计部）" is
a person in a department, "下周三" is resolved from the meeting date the way the extractor would,
"尽快" is refused because a confirmed task needs a date someone can check.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..models import Deadline, DeadlineKind, Owner, Task
from .errors import ReviewError

# Typed to empty a field: "-" everywhere, and the words a Chinese reviewer would type.
CLEAR_WORDS = frozenset({"-", "—", "无", "没有", "none", "None"})

_OWNER_WITH_DEPT = re.compile(r"^\s*(?P<name>[^（(]+?)\s*[（(]\s*(?P<dept>[^）)]+?)\s*[）)]\s*$")
# "贝佳 / 程一帆", "贝佳、程一帆", "修复回调；回归测试": the separators people use between items.
_TITLE_SEPARATORS = re.compile(r"\s*[/／|｜;；]\s*")
_OWNER_SEPARATORS = re.compile(r"\s*[/／|｜;；、,，\s]\s*")


def is_clear(value: str) -> bool:
    return value.strip() in CLEAR_WORDS


def parse_owner(value: str, departments: list[str] | tuple[str, ...] = ()) -> Owner:
    """"贝佳" → a person; "贝佳（设计部）" → a person in a department; "设计部" → a department
    when the meeting named it as one (an owner can be a whole team: "设计部负责出图")."""
    text = value.strip().lstrip("@")
    if not text:
        raise ReviewError("empty owner: give a name (贝佳, 贝佳（设计部）) or - for none")
    match = _OWNER_WITH_DEPT.match(text)
    if match:
        return Owner(name=match["name"], dept=match["dept"], text=text)
    if text in departments:
        return Owner(dept=text, text=text)
    return Owner(name=text, text=text)


def parse_deadline(phrase: str, meeting_date: dt.date) -> Deadline:
    """A deadline typed in review ("下周三", "12月2日", "D+3"), resolved from the meeting date with
    the extractor's own rules, so "下周三" means the same here as in the notes.

    Refused with the reason when it names no date ("尽快"), cannot be read ("改天"), or falls
    before the meeting (a typo such as 2025-12-02 for 2026-12-02).
    """
    from ..extract.deadlines import resolve_deadline

    phrase = phrase.strip()
    if not phrase:
        raise ReviewError("empty deadline: give a date (2026-12-02) or a phrase like 下周三, or - for none")
    deadline = resolve_deadline(phrase, meeting_date)
    if deadline is None:
        raise ReviewError(
            f"cannot read {phrase!r} as a deadline: give a date (2026-12-02, 12月2日) or a phrase like 下周三, 3个工作日内"
        )
    if deadline.date is None or deadline.kind is DeadlineKind.vague:
        raise ReviewError(f"{phrase!r} is too vague to track: give a date (2026-12-02) or a phrase like 下周三")
    if deadline.date < meeting_date:
        raise ReviewError(
            f"{phrase!r} is {deadline.date.isoformat()}, before the meeting ({meeting_date.isoformat()}): give a later date"
        )
    return deadline


def split_parts(value: str, *, by: str) -> list[str]:
    """"修复回调 / 回归测试" → two titles; "贝佳、程一帆" → two owners (names may also be separated
    by spaces or commas; titles may not, since a title often contains them)."""
    pattern = _OWNER_SEPARATORS if by == "owner" else _TITLE_SEPARATORS
    return [part.strip().lstrip("@") for part in pattern.split(value.strip()) if part.strip().lstrip("@")]


def task_flags(task: Task) -> list[str]:
    """The reviewer's warnings recomputed after an edit (the extractor's rule: no_owner,
    no_deadline, vague_deadline), keeping any other flag such as added_in_review."""
    kept = [flag for flag in task.flags if flag not in {"no_owner", "no_deadline", "vague_deadline"}]
    computed = []
    if task.owner is None:
        computed.append("no_owner")
    if task.deadline is None:
        computed.append("no_deadline")
    elif task.deadline.date is None:
        computed.append("vague_deadline")
    return computed + kept


def merged_text(first: Optional[str], second: Optional[str], joiner: str) -> Optional[str]:
    """Two values of a field as one: the longer when one contains the other ("修复回调" and
    "修复订单回调" are the same task said twice), both joined otherwise."""
    if not first or not second:
        return first or second
    if second in first:
        return first
    if first in second:
        return second
    return f"{first.rstrip('。；;，,')}{joiner}{second}"
