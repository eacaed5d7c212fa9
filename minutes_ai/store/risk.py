"""Which progress notes signal trouble: the word list in `risk_words.txt` (data, not code).

A note like "接口方延迟，周五可能赶不上" puts its task on the standup's risk list. Matching is a
plain case-insensitive substring test: notes are short and written by people, and a false alarm in
a standup costs one sentence, a missed one costs a deadline.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.lru_cache(maxsize=None)
def risk_words() -> tuple[str, ...]:
    text = resources.files("minutes_ai.store").joinpath("risk_words.txt").read_text(encoding="utf-8")
    words = (line.strip().lower() for line in text.splitlines())
    return tuple(w for w in words if w and not w.startswith("#"))


def mentions_risk(note: str) -> bool:
    """True when `note` contains one of the risk words ("阻塞", "延迟", "delay"…)."""
    lowered = note.lower()
    return any(word in lowered for word in risk_words())
