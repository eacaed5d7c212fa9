"""A meeting glossary: names and jargon that speech recognition gets wrong, and how we help it.

Whisper base knows common Mandarin well and a team's words badly: people (冯立军 may come out as 冯丽君),
departments (研发部 → 研发布), products. A glossary file — one term per line — helps twice:

1. *Before* decoding: the terms go into Whisper's ``initial_prompt`` as one short sentence
   ("会议中提到了研发部、王磊等。"). faster-whisper ``hotwords`` (repeated in every 30-second
   window) are available but off by default, because on Whisper base they *hurt* when the terms
   do not occur: measured on the three clips of shared/external/audio, a glossary unrelated to the
   speech raised mean CER from 0.056 to 0.091–0.143 as hotwords, but left it at 0.056 as the
   prompt; a relevant glossary took it to 0.0 either way (房地产中介 fixed). For the same reason
   the department and role words of ``rules/lexicon.txt`` (研发部, 产品部 …, 负责人) are not added unless
   asked for (``build_hotwords(terms, extra=default_terms())``): as hotwords they alone raised
   the mean CER to 0.108 ("语音识别" → "云食别"). The prompt's wording matters too: a list
   after "涉及：" made Whisper copy the 、 between words of its output.
2. *After* decoding: a near-homophone of a glossary term is replaced by the term
   ("研发布" → "研发部" when 研发部 is a glossary term). The match is on pinyin (pypinyin, all
   readings of each character, tones ignored) and deliberately conservative, because a wrong
   "correction" is worse than a visible ASR error:

   * every character is identical to the term's, or reads the same, and at most one reads only
     *nearly* the same (zh/z, ch/c, sh/s, n/l, -ng/-n: the usual Mandarin accent mergers);
   * at least one character is identical (the ASR output is anchored on the term);
   * the stretch does not cut a dictionary word at its edges ("研发布置" is 研发 + 布置, so
     nothing is replaced there);
   * only terms of two or more Chinese characters are corrected.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import pathlib
import re
from typing import Iterable, Optional, Sequence, Union

from minutes_ai.errors import InputError

#: Hotwords longer than this are cut (whole terms only): about 100 of Whisper's 448 context tokens.
HOTWORDS_MAX_CHARS = 80
#: How many characters of terms go into the initial prompt.
PROMPT_MAX_CHARS = 60

_CJK = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")


# ---------------------------------------------------------------------------------- the file


def parse_glossary(text: str) -> list[str]:
    """Terms from glossary text: one per line; blank lines and `#` comments skipped; deduplicated.

    A line may carry a note after a tab or a `#` ("研发部\tR&D"): only the term before it counts.
    """
    terms: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        term = re.split(r"\t|\s#|^#", line.strip(), maxsplit=1)[0].strip().strip("\ufeff")
        if term and term not in seen:
            seen.add(term)
            terms.append(term)
    return terms


def load_glossary(path: Union[str, os.PathLike]) -> list[str]:
    """Read a glossary file (UTF-8, UTF-8 with BOM, or GBK as Notepad saves it)."""
    file = pathlib.Path(path).expanduser()
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"glossary file not found: {file}") from None
    except OSError as exc:
        raise InputError(f"cannot read glossary file {file}: {exc.strerror or exc}") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(f"glossary file {file} is not text (UTF-8 or GBK expected)")
    if "\x00" in text:
        raise InputError(f"glossary file {file} is not text (UTF-8 or GBK expected)")
    return parse_glossary(text)


# ------------------------------------------------------------------------------ before decoding


@functools.lru_cache(maxsize=1)
def default_terms() -> tuple[str, ...]:
    """Departments (研发部, 产品部 …, tag nt) and role words (负责人, 截止时间 …, tag n) of the
    project lexicon, rules/lexicon.txt: the words every meeting of ours is likely to contain."""
    from importlib import resources

    lexicon = resources.files("minutes_ai.rules").joinpath("lexicon.txt").read_text(encoding="utf-8")
    departments, roles = [], []
    for line in lexicon.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == "nt":
            departments.append(parts[0])
        elif len(parts) == 3 and parts[2] == "n":
            roles.append(parts[0])
    return tuple(departments + roles)


def _fit(terms: Iterable[str], budget: int, sep: str) -> list[str]:
    chosen: list[str] = []
    used = 0
    for term in terms:
        cost = len(term) + (len(sep) if chosen else 0)
        if used + cost > budget:
            continue  # a shorter later term may still fit
        chosen.append(term)
        used += cost
    return chosen


def _unique(terms: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in terms if t and t.strip()))


def build_hotwords(
    terms: Sequence[str], *, extra: Sequence[str] = (), max_chars: int = HOTWORDS_MAX_CHARS
) -> Optional[str]:
    """faster-whisper `hotwords`: the user's terms first, then `extra` (e.g. `default_terms()`),
    whole terms only, within `max_chars`. None when there is nothing to say."""
    pool = _unique([*terms, *extra])
    chosen = _fit(pool, max_chars, " ")
    return " ".join(chosen) or None


def build_initial_prompt(terms: Sequence[str], *, max_chars: int = PROMPT_MAX_CHARS) -> Optional[str]:
    """A short Simplified-Chinese sentence naming the terms: "会议中提到了研发部、王磊等。"

    Whisper continues in the style of its prompt: Simplified characters, Chinese punctuation.
    """
    chosen = _fit(_unique(terms), max_chars, "、")
    if not chosen:
        return None
    return "会议中提到了" + "、".join(chosen) + "等。"


# ------------------------------------------------------------------------------- after decoding


def _loosen(syllable: str) -> str:
    """Merge the sounds Mandarin speakers (and Whisper) confuse: zh/z, ch/c, sh/s, n/l, -ng/-n."""
    for retroflex in ("zh", "ch", "sh"):
        if syllable.startswith(retroflex):
            syllable = syllable[0] + syllable[2:]
            break
    if syllable.startswith("n"):
        syllable = "l" + syllable[1:]
    if syllable.endswith("ng") and len(syllable) > 2:
        syllable = syllable[:-1]
    return syllable


@functools.lru_cache(maxsize=8192)
def _readings(char: str) -> tuple[frozenset[str], frozenset[str]]:
    """(exact toneless readings, loosened readings) of one character, all heteronyms."""
    from pypinyin import Style, pinyin

    exact = frozenset(r for r in pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")[0] if r.isalpha()) if _CJK.match(char) else frozenset()
    return exact, frozenset(_loosen(r) for r in exact)


def _match(window: str, term: str) -> bool:
    """True if `window` (same length as `term`) is a near-homophone of it (see module doc)."""
    identical = fuzzy = 0
    for got, want in zip(window, term):
        if got == want:
            identical += 1
            continue
        got_exact, got_loose = _readings(got)
        want_exact, want_loose = _readings(want)
        if got_exact & want_exact:
            continue
        if got_loose & want_loose:
            fuzzy += 1
            if fuzzy > 1:
                return False
            continue
        return False
    return identical >= 1 and identical < len(term)


@dataclasses.dataclass(frozen=True)
class Correction:
    start: int
    end: int
    found: str
    term: str


class HomophoneCorrector:
    """Replaces near-homophones of glossary terms; build once, call per segment.

    `is_word` says whether a string is a dictionary word (for the edge check); by default the
    project's jieba dictionary, loaded on first use.
    """

    def __init__(self, terms: Iterable[str], *, is_word=None):
        usable = [t for t in _unique(terms) if len(t) >= 2 and _CJK.match(t)]
        self.terms = frozenset(usable)
        self._by_length = sorted({len(t) for t in usable}, reverse=True)
        # index by the loosened readings of the first character: only plausible terms are tried
        self._index: dict[str, list[str]] = {}
        for term in sorted(usable, key=len, reverse=True):
            first = term[0]
            for key in _readings(first)[1] | {first}:
                self._index.setdefault(key, []).append(term)
        self._is_word = is_word
        self.corrections: list[Correction] = []

    def _word(self, text: str) -> bool:
        if self._is_word is None:
            from minutes_ai.text.segment import in_dictionary

            self._is_word = in_dictionary
        return self._is_word(text)

    def _cuts_a_word(self, text: str, start: int, end: int) -> bool:
        """True if a dictionary word spans the window's left or right edge (研发[布置] …)."""
        for length in (2, 3):
            for left in range(max(0, start - length + 1), start):
                if left + length > start and left + length <= len(text) and self._word(text[left : left + length]):
                    return True
            for left in range(end - length + 1, end):
                if left >= 0 and left + length > end and left + length <= len(text) and self._word(text[left : left + length]):
                    return True
        return False

    def _candidates(self, char: str) -> list[str]:
        keys = _readings(char)[1] | {char}
        found: dict[str, None] = {}
        for key in keys:
            for term in self._index.get(key, ()):
                found[term] = None
        return sorted(found, key=len, reverse=True)

    def __call__(self, text: str, offset: int = 0) -> str:
        if not self.terms or not text:
            return text
        out: list[str] = []
        i = 0
        while i < len(text):
            exact = next((t for t in self._candidates(text[i]) if text.startswith(t, i)), None)
            if exact:  # already right: step over it so its inside is never "corrected"
                out.append(exact)
                i += len(exact)
                continue
            replaced = False
            for term in self._candidates(text[i]):
                end = i + len(term)
                window = text[i:end]
                if end > len(text) or not _CJK.match(window) or not _match(window, term):
                    continue
                if self._cuts_a_word(text, i, end):
                    continue
                self.corrections.append(Correction(offset + i, offset + end, window, term))
                out.append(term)
                i = end
                replaced = True
                break
            if not replaced:
                out.append(text[i])
                i += 1
        return "".join(out)


def correct_homophones(text: str, terms: Iterable[str], *, is_word=None) -> str:
    """`text` with near-homophones of glossary `terms` replaced by the terms (one-off use)."""
    return HomophoneCorrector(terms, is_word=is_word)(text)


__all__ = [
    "Correction", "HomophoneCorrector", "build_hotwords", "build_initial_prompt", "correct_homophones",
    "default_terms", "load_glossary", "parse_glossary",
]
