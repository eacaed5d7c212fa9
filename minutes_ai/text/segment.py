"""Word segmentation with jieba, on a private tokenizer that knows the project lexicon.

jieba's global tokenizer is shared state other libraries may change; we build our own
`jieba.Tokenizer` lazily, once, and add `rules/lexicon.txt` (departments, roles, meeting terms)
so "研发部王磊" splits as 研发部 / 王磊 rather than 研发 / 部王磊. Tokens keep their character
offsets (jieba.tokenize), so everything found in them maps back to the input.
"""

from __future__ import annotations

import functools
import logging
import os
import pathlib
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


_KEPT_TAGS = ("nr", "ng", "nz", "nt")


@functools.lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """Part-of-speech tags of the dictionary words that matter for names (nr*, ng, nz, nt).

    jieba.posseg would load its whole 350,000-word tag table (a quarter of a second at every
    start); we keep only the name-like tags, cached in the user cache folder after the first run.
    """
    import pickle

    import jieba

    source = pathlib.Path(jieba.__file__).with_name("dict.txt")
    cache = _cache_dir() / f"jieba-name-tags-{jieba.__version__}-{source.stat().st_size}.pickle"
    try:
        tags = pickle.loads(cache.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError):
        tags = {}
        with source.open(encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) == 3 and parts[2].startswith(_KEPT_TAGS):
                    tags[parts[0]] = parts[2]
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(tags))
            os.replace(tmp, cache)
        except OSError:
            pass  # a read-only home: rebuild next time
    for line in resources.files("minutes_ai.rules").joinpath("lexicon.txt").read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:
            tags[parts[0]] = parts[2]
    return tags


def _cache_dir() -> pathlib.Path:
    override = os.environ.get("MINUTES_AI_CACHE")
    if override:
        return pathlib.Path(override)
    import platformdirs

    return pathlib.Path(platformdirs.user_cache_dir("minutes-ai", appauthor=False))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Segment `text` into tokens with offsets (shifted by `offset`).

    Sentences are segmented more than once (names, then the model): the result is cached by text.
    """
    return [Token(w, s + offset, e + offset) for w, s, e in _segment(text)]


def words_of(text: str) -> tuple[str, ...]:
    """Just the words of `text` (the model's tokenizer needs no offsets), from the same cache."""
    return tuple(word for word, _, _ in _segment(text))


@functools.lru_cache(maxsize=8192)
def _segment(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(tokenizer().tokenize(text, HMM=True))


def tag(word: str) -> str | None:
    """The name-like tag of `word` (nr, nrfg, ng, nz, nt…), "other" for any other dictionary
    word, None for words jieba discovered itself (not in its dictionary)."""
    found = _tags().get(word)
    if found is not None:
        return found
    return "other" if in_dictionary(word) else None


def in_dictionary(word: str) -> bool:
    return word in tokenizer().FREQ and tokenizer().FREQ[word] > 0
