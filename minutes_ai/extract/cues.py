"""Cue patterns from rules/cues.yaml, compiled once: what a sentence does (assign, report, ask)."""

from __future__ import annotations

import functools
import re

from .. import ruledata


@functools.lru_cache(maxsize=None)
def cue(name: str) -> re.Pattern[str]:
    """One compiled alternation of the regexes listed under `name` in rules/cues.yaml."""
    patterns = ruledata.load("cues.yaml")[name]
    if not patterns:
        raise ValueError(f"rules/cues.yaml: no patterns under {name!r}")
    return re.compile("|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True)))


def has(name: str, text: str) -> bool:
    return cue(name).search(text) is not None


def words(name: str) -> list[str]:
    return list(ruledata.load("cues.yaml")[name])
