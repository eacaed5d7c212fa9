"""Decisions (决议) and open questions (待定事项).

A decision is a conclusion the meeting reached — "会议决定…", "同意采用方案B", "就这么定了",
including agreed rejections and cancellations ("原定的线下活动取消"). Lines under a 决议 heading
are decisions whatever their wording. An open question is what the meeting left unresolved:
lines under 待定/遗留问题 headings, and sentences that ask or defer ("是否追加预算待财务确认").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Sentence
from .cues import cue, has
from .merge import bigram_overlap
from .roles import is_decision, is_open_question, ratifies


@dataclass
class ItemDraft:
    text: str
    start: int
    end: int


def extract_decisions(sentences: list[Sentence], task_starts: frozenset[int] = frozenset()) -> list[ItemDraft]:
    """Decisions; a sentence that hands out an owned task (`task_starts`) needs a strong word (决定,
    一致通过), under a 决议/议定事项 heading too: in the corpus such lines are tasks and not also
    decisions 108 times to 11."""
    out = []
    for i, s in enumerate(sentences):
        previous = sentences[i - 1] if i else None
        if previous and ratifies(s.text, previous.text) and s.start - previous.end <= 1 and previous.speaker == s.speaker and not (out and out[-1].start == previous.start):
            if not previous.heading and not previous.row and previous.section not in ("questions", "done", "timeline") and not is_open_question(previous):
                # "秋游当天午餐孩子自带，不统一订餐。大家都同意": the agreement makes the line before it one
                out.append(ItemDraft(previous.text, previous.start, previous.end))
            continue
        if s.heading or s.row or not is_decision(s):
            continue
        if s.start in task_starts and not (has("strong_decision", s.text) or has("decision_in_task", s.text)):
            continue  # an assignment ("由区住建局牵头，于4月30日前完成…") is a task, not also a decision
        out.append(ItemDraft(s.text, s.start, s.end))
    return out


def extract_open_questions(sentences: list[Sentence], task_starts: frozenset[int] = frozenset()) -> list[ItemDraft]:
    """Open questions. A question raised in the discussion and listed again under 待定事项 is one
    question: the listed one is kept. In a sentence that hands out a task, "时间待定" describes
    a field; only a real deferral (再议, 还没定) makes it an open question too."""
    found = []
    for s in sentences:
        if s.heading or s.row or not is_open_question(s):
            continue
        if s.start in task_starts and s.section != "questions" and not _strong_deferral(s.text) and not has("goes_to_ask", s.text):
            # (but "上半年够不够→ 待确认，老周去问总编办": the task is finding the answer out)
            continue
        found.append(s)
    listed = [s for s in found if s.section == "questions"]
    return [
        ItemDraft(s.text, s.start, s.end)
        for s in found
        if s.section == "questions" or not any(_similar(s.text, other.text) for other in listed)
    ]


def _strong_deferral(text: str) -> bool:
    return any(not cue("weak_open_question").match(m.group()) for m in cue("open_question").finditer(text))


def _similar(a: str, b: str) -> bool:
    return bigram_overlap(a, b) >= 0.5
