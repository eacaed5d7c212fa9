"""Load the rule data in `minutes_ai/rules/` (YAML and JSONL), once per process.

Rules are data: adding a cue word, a department or a deadline phrase edits a file there and never
touches Python. Code asks for a file by name and gets plain Python structures back.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

import yaml


def _read(name: str) -> str:
    return resources.files("minutes_ai.rules").joinpath(name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Return the parsed content of rules/<name> (.yaml or .jsonl)."""
    if name.endswith(".jsonl"):
        return [json.loads(line) for line in _read(name).splitlines() if line.strip()]
    return yaml.safe_load(_read(name))


@functools.lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The words of a plain list rules/<name>.txt: one per line, # starts a comment."""
    lines = (line.split("#", 1)[0].strip() for line in _read(name).splitlines())
    return frozenset(line for line in lines if line)


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so "下下周" wins over "下周"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
