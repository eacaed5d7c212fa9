"""Decisions (决议) and open questions (待定事项).

A decision is a conclusion the meeting reached — "会议决定…", "同意采用方案B", "就这么定了",
including agreed rejections and cancellations ("原定的线下活动取消"). Lines under a 决议 heading
are decisions whatever their wording. An open question is what the meeting left unresolved:
lines under 待定/遗留问题 headings, and sentences that ask or defer ("是否追加预算待财务确认").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Sentence
from .cues import has
from .roles import is_decision, is_open_question


@dataclass
class ItemDraft:
    text: str
    start: int
    end: int


def extract_decisions(sentences: list[Sentence], task_starts: frozenset[int] = frozenset()) -> list[ItemDraft]:
    """Decisions; a sentence that hands out a task (`task_starts`) needs a strong word (决定, 一致通过)."""
    out = []
    for s in sentences:
        if s.heading or s.row or not is_decision(s):
            continue
        if s.start in task_starts and s.section != "decisions" and not has("strong_decision", s.text):
            continue
        out.append(ItemDraft(s.text, s.start, s.end))
    return out


def extract_open_questions(sentences: list[Sentence]) -> list[ItemDraft]:
    return [ItemDraft(s.text, s.start, s.end) for s in sentences if not s.heading and not s.row and is_open_question(s)]
