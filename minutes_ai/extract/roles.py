"""What a sentence does in the meeting: assign a task, record a decision, leave a question open.

A human reader decides this from cue words ("已完成" reports, "取消" cancels, "是否…" asks,
"决定" decides) and from the heading the line sits under ("本周完成" vs. "下周计划"). The cue
lists are in rules/cues.yaml, the headings in rules/layout.yaml. A sentence may play two roles:
"会议决定由王磊负责牵头" is both a decision and a task.
"""

from __future__ import annotations

from ..models import Sentence
from .cues import has


def is_done(text: str) -> bool:
    return has("done", text)


def is_cancelled(text: str) -> bool:
    return has("cancelled", text)


def is_question(sentence: Sentence) -> bool:
    if sentence.section == "questions":
        return True
    return has("question", sentence.text)


def is_unagreed_proposal(text: str) -> bool:
    return has("proposal", text) and not has("agreed", text)


def is_decision(sentence: Sentence) -> bool:
    text = sentence.text
    if sentence.section in ("done", "questions") or has("not_decision", text):
        return False
    if sentence.section == "decisions":
        return True
    return has("decision", text)


def may_be_task(sentence: Sentence) -> bool:
    """False for sentences that cannot assign new work: reports, cancellations, open questions."""
    text = sentence.text
    if sentence.section == "done" or is_done(text) or is_cancelled(text):
        return False
    if sentence.section == "questions":
        return False
    if is_unagreed_proposal(text) or has("not_task", text):
        return False
    # "Jason，PR模板你来改一下吧？" asks, but it assigns.
    if has("question", text) and sentence.section != "tasks" and not has("second_person", text):
        return False
    return True
