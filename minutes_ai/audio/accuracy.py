"""Character error rate (CER): how far a transcript is from what was said.

Chinese has no word boundaries, so speech recognition is scored per character: the edit distance
(substitutions + deletions + insertions) between reference and hypothesis over the reference
length. Before comparing, both sides are brought to one written form, because a transcript that
says "12月8号" where the reference says "十二月八号" heard the speaker perfectly:

* Traditional → Simplified (OpenCC; Whisper writes either);
* Arabic numerals → Chinese (cn2an "an2cn": 95% → 百分之九十五, 12月8号 → 十二月八号);
* punctuation and spaces removed, Latin letters lower-cased.

Used by the tests (samples/audio/meeting.ogg must stay under 0.10) and bench/bench_transcribe.py.
"""

from __future__ import annotations

import functools
import re

_STRIP = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=4096)
def normalize_for_cer(text: str) -> str:
    """The written form CER compares: simplified, Chinese numerals, no punctuation or spaces."""
    from minutes_ai.text.normalize import to_simplified

    text = to_simplified(text)
    if re.search(r"\d", text):
        import cn2an

        text = " ".join(_an2cn(line, cn2an) for line in text.splitlines())
    return _STRIP.sub("", text).lower()


def _an2cn(line: str, cn2an) -> str:
    try:
        return cn2an.transform(line, "an2cn")
    except Exception:  # noqa: BLE001 - cn2an raises plain errors on forms it cannot read; keep the digits
        return line


def edit_distance(reference: str, hypothesis: str) -> int:
    """Levenshtein distance between two strings (one row at a time: O(len(hypothesis)) memory)."""
    previous = list(range(len(hypothesis) + 1))
    for i, r in enumerate(reference, start=1):
        current = [i]
        for j, h in enumerate(hypothesis, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1]


def character_error_rate(reference: str, hypothesis: str) -> float:
    """CER of `hypothesis` against `reference`, both normalised (see module doc)."""
    ref, hyp = normalize_for_cer(reference), normalize_for_cer(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return edit_distance(ref, hyp) / len(ref)


__all__ = ["character_error_rate", "edit_distance", "normalize_for_cer"]
