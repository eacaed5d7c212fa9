"""Cue patterns from rules/cues.yaml, compiled once: what a sentence does (assign, report, ask)."""

from __future__ import annotations

import functools
import re

from .. import ruledata

# how notes hand work to someone or answer an item: "→ 孙 周五前回邮件", "Lisa -> 对账", "A => B";
# one alternation for every stage that reads arrows (owners, tasks, titles)
ARROW = r"→|->|=>"


@functools.lru_cache(maxsize=None)
def cue(name: str) -> re.Pattern[str]:
    """One compiled alternation of the regexes listed under `name` in rules/cues.yaml."""
    patterns = ruledata.load("cues.yaml")[name]
    if not patterns:
        raise ValueError(f"rules/cues.yaml: no patterns under {name!r}")
    return re.compile("|".join(f"(?:{_whole_words(p)})" for p in sorted(patterns, key=len, reverse=True)))


_LETTER_START = re.compile(r"^(?:[A-Za-z]|\[[A-Za-z]+\])")
_LETTER_END = re.compile(r"(?<!\\)[A-Za-z]$|\[[A-Za-z]+\]$")


def _whole_words(pattern: str) -> str:
    """An English word in a cue matches as a word: "done" is not in "abandoned", "fix" not in
    "prefix", "own" not in "download"."""
    before = "(?<![A-Za-z])" if _LETTER_START.match(pattern) else ""
    after = "(?![A-Za-z])" if _LETTER_END.search(pattern) else ""
    return f"{before}{pattern}{after}"


@functools.lru_cache(maxsize=1 << 16)
def has(name: str, text: str) -> bool:
    """Does a cue of `name` occur in `text`? Speech recognisers that put a space between every
    word ("还 没 定", "下次 再 议") are matched with those spaces taken out. Cached: the stages ask
    the same questions of the same sentence (is it done? cancelled? a decision?) several times."""
    pattern = cue(name)
    return pattern.search(text) is not None or (" " in text and pattern.search(_unspaced(text)) is not None)


@functools.lru_cache(maxsize=4096)
def _unspaced(text: str) -> str:
    # "我 review 吧", "我 48 小时内": a space between Chinese and a Latin word or a number says nothing either
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fffA-Za-z0-9])|(?<=[A-Za-z0-9])\s+(?=[\u4e00-\u9fff])", "", text)
