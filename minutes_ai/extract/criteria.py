"""Acceptance criteria (交付标准): how the result of a task will be judged.

Formal minutes label them ("交付标准：包含3个核心页面高保真设计稿"); speech and notes state them as
requirements ("要求覆盖率不低于80%", "至少3组参数", "需经分管院长签字"). Labels and patterns are
in rules/cues.yaml (criteria_labels, criteria_patterns).
"""

from __future__ import annotations

import functools
import re

from .. import ruledata
from .cues import cue

_TRIM = "，,；;。.、：: \n\t（）()【】*"


@functools.lru_cache(maxsize=1)
def _label() -> re.Pattern[str]:
    labels = ruledata.load("cues.yaml")["criteria_labels"]
    return re.compile(rf"(?:{ruledata.alternation(labels)})\s*[:：]?\s*")


def find_criteria(text: str) -> tuple[str, int, int] | None:
    """The acceptance criterion in `text` with its offsets, or None."""
    label = _label().search(text)
    if label:
        value_end = _value_end(text, label.end())
        value = text[label.end():value_end].strip(_TRIM)
        if len(value) >= 2:
            start = text.index(value, label.end())
            return value, start, start + len(value)
    match = cue("criteria_patterns").search(text)
    if match:
        value = match.group().strip(_TRIM)
        if len(value) >= 3:
            start = text.index(value, match.start())
            return value, start, start + len(value)
    return None


def _value_end(text: str, start: int) -> int:
    """A labelled value runs to the end of the line or to the next field label."""
    from ..text.sentences import field_of

    stop = len(text)
    newline = text.find("\n", start)
    if newline != -1:
        stop = newline
    for m in re.finditer(r"[，,；;。]\s*([^\s:：，,；;]{1,8})\s*[:：]", text[start:stop]):
        if field_of(m.group(1)):
            return start + m.start()
    return stop
