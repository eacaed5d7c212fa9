"""Normalisation that keeps every character where it was.

Notes pasted from Word, WeChat or a Traditional-Chinese laptop mix full-width letters and digits
("ＵＩ稿３天内"), ideographic spaces and 繁体 characters ("會議紀要"). Extractors want one form,
and every extracted item must still point at its place in the input, so each character is
replaced by exactly one character: full-width ASCII → ASCII, U+3000 → space, Traditional →
Simplified (OpenCC). Chinese punctuation (，。：；) is kept as written; patterns accept both forms.
Chinese numerals are not rewritten here (that changes lengths): the deadline resolver reads them.
"""

from __future__ import annotations

import functools
import re

# Full-width forms of ASCII letters, digits and symbols that are NOT Chinese punctuation.
_KEEP_FULLWIDTH = set("，。：；！？（）【】「」『』、《》“”‘’")
_FULLWIDTH_TABLE = {
    code: code - 0xFEE0
    for code in range(0xFF01, 0xFF5F)
    if chr(code) not in _KEEP_FULLWIDTH
}
_FULLWIDTH_TABLE.update({0x3000: 0x20, 0x00A0: 0x20, 0x200B: 0x20, 0xFEFF: 0x20, 0x2003: 0x20})
# Full-width parentheses are common in Chinese notes; keep them but note their ASCII twins are also
# accepted by the patterns.


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert Traditional to Simplified Chinese, one character for one character.

    OpenCC converts phrase by phrase; where a phrase conversion changes the length (rare), we fall
    back to converting that stretch character by character so offsets never move.
    """
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for line in text.splitlines(keepends=True):
        line_converted = _converter().convert(line)
        if len(line_converted) == len(line):
            out.append(line_converted)
        else:
            out.append("".join(c if len(c) == 1 else ch for ch, c in ((ch, _converter().convert(ch)) for ch in line)))
    return "".join(out)


# Markdown links in community minutes: "[ToddBear](https://github.com/ToddBear) 负责…".
_GITHUB_USER_LINK = re.compile(r"\[@?([A-Za-z0-9][\w\-]{0,38})\]\(https?://github\.com/\1/?\)")
_LINK = re.compile(r"\[([^\]\n]{0,200})\]\((?:https?://|/|\.)[^)\s]*\)")
_URL = re.compile(r"https?://[^\s)\]>，。；]+")


def _blank_links(text: str) -> str:
    """Keep link text, blank out URLs (same length): a GitHub profile link becomes an @handle.

    URLs carry digits and dots that look like dates ("issues/13784", "v2.8.2") and names of no one.
    """
    text = _GITHUB_USER_LINK.sub(lambda m: "@" + m.group(1) + " " * (len(m.group()) - len(m.group(1)) - 1), text)
    text = _LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group()) - len(m.group(1)) - 1), text)
    return _URL.sub(lambda m: " " * len(m.group()), text)


def normalize(text: str) -> str:
    """Return `text` with full-width ASCII made half-width, Traditional made Simplified and
    Markdown links reduced to their text.

    The result always has the same length as the input.

    >>> normalize("ＵＩ稿３天內完成")
    'UI稿3天内完成'
    """
    normalized = _blank_links(to_simplified(text.translate(_FULLWIDTH_TABLE)))
    assert len(normalized) == len(text)
    return normalized


def heard_right(text: str) -> str:
    """A transcript with the words a meeting turns on that speech recognition mishears put back
    ("目前还带顶", "还代定" → 待定; rules/asr.yaml misheard), one character for one.

    Whisper base hears 待定 as 带顶 or 代定 depending on the decoder and the CPU it runs on; the
    open question then has no word that says it is open. Only for transcripts: in typed notes
    "带顶棚的车位" means what it says."""
    return _misheard().sub(lambda m: _misheard_words()[m.group()], text)


@functools.lru_cache(maxsize=1)
def _misheard_words() -> dict[str, str]:
    from .. import ruledata

    words = ruledata.load("asr.yaml")["misheard"]
    assert all(len(heard) == len(meant) for heard, meant in words.items()), "misheard words keep their length"
    return words


@functools.lru_cache(maxsize=1)
def _misheard() -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, _misheard_words()), key=len, reverse=True)))
