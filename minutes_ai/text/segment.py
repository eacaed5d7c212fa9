"""Word segmentation with jieba, on a private tokenizer that knows the project lexicon.

jieba's global tokenizer is shared state other libraries may change; we build our own
`jieba.Tokenizer` lazily, once, and add `rules/lexicon.txt` (departments, roles, meeting terms)
so "研发部王磊" splits as 研发部 / 王磊 rather than 研发 / 部王磊. Tokens keep their character
offsets (jieba.tokenize), so everything found in them maps back to the input.
"""

from __future__ import annotations

import functools
import logging
from importlib import resources
from typing import NamedTuple


class Token(NamedTuple):
    word: str
    start: int
    end: int


@functools.lru_cache(maxsize=1)
def tokenizer():
    """The project's jieba tokenizer, built on first use (about half a second, once per process)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    with resources.as_file(resources.files("minutes_ai.rules").joinpath("lexicon.txt")) as path:
        tok.load_userdict(str(path))
    return tok


@functools.lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """jieba's part-of-speech dictionary (word → tag), plus the project lexicon's tags."""
    import jieba.posseg

    tags = dict(jieba.posseg.dt.word_tag_tab)
    for line in resources.files("minutes_ai.rules").joinpath("lexicon.txt").read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:
            tags[parts[0]] = parts[2]
    return tags


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Segment `text` into tokens with offsets (shifted by `offset`)."""
    return [Token(w, s + offset, e + offset) for w, s, e in tokenizer().tokenize(text, HMM=True)]


def tag(word: str) -> str | None:
    """The dictionary part-of-speech tag of `word`, or None for words jieba discovered itself."""
    return _tags().get(word)


def in_dictionary(word: str) -> bool:
    return word in tokenizer().FREQ and tokenizer().FREQ[word] > 0
