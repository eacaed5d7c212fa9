"""Whisper's hallucinations: text it writes where nobody said it, dropped before it reaches minutes.

Whisper learnt Chinese from subtitled video, and in the pauses of a real recording — a meeting
room while someone looks for a slide, music before the start — it writes what video subtitles
say there: "字幕由Amara.org社区提供", "请不吝点赞 订阅 转发 打赏支持明镜与点点栏目", "谢谢观看".
It also loops, writing the same segment again and again ("汇聚精英 汇聚精英 …"). In a task table
such lines are worse than noise: "订阅我的频道" can become a task. A segment is dropped when

* ``credit``: it is short and contains a subtitle credit or channel plug (the phrase list is data,
  ``hallucinations.txt``, so adding one never touches Python);
* ``outro``: it is, and only is, a video sign-off ("谢谢观看");
* ``no_speech``: the model itself says so — no_speech_prob > 0.6 and avg_logprob < -1.0, Whisper's
  own "this window is silence" rule (faster-whisper applies it per 30-second window; we apply it per
  segment, so one made-up segment inside a window with speech goes too);
* ``silence``: the recording is silent under it (no 30 ms frame louder than the silence level);
* ``suspect``: it is, and only is, a word people really say ("谢谢大家") but the model doubted it
  (no_speech_prob > 0.3);
* ``repeat``: it repeats the previous kept segment word for word (Whisper's repetition loop).

Loops *inside* a segment ("好的好的好的好的好的") are collapsed to one occurrence by `collapse_loops`.
The filter is decided segment by segment as faster-whisper yields them, so it works on the lazy
generator of a long recording without holding the segments twice.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from importlib import resources
from typing import Optional

#: Whisper's own no-speech rule (openai/whisper `no_speech_threshold`, `logprob_threshold`).
NO_SPEECH_PROB = 0.6
AVG_LOGPROB = -1.0
#: For `suspect` phrases, a weaker doubt is enough: the phrase itself is already suspicious.
SUSPECT_NO_SPEECH_PROB = 0.3
#: A credit marker only drops segments up to this many characters (normalised).
CREDIT_MAX_CHARS = 40
#: Silence: no 30 ms frame with an RMS above this (about -50 dBFS) …
SILENCE_RMS = 0.003
#: … or, in a quiet recording, above this fraction of its loud frames' level (-36 dB).
SILENCE_RELATIVE = 1 / 64
#: Whisper's timestamps are approximate; the silence check looks this far either side.
SILENCE_MARGIN_S = 0.3
FRAME_S = 0.03

KINDS = ("credit", "outro", "suspect")

_STRIP = re.compile(r"[\W_]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LOOP = re.compile(r"(.{2,12}?)(?:[\s,，、。.!！?？]*\1){3,}")


def normalize_phrase(text: str) -> str:
    """How segments and phrases are compared: simplified, lower-case, no punctuation or spaces."""
    from minutes_ai.text.normalize import to_simplified

    return _STRIP.sub("", to_simplified(text)).lower()


@dataclasses.dataclass(frozen=True)
class Phrases:
    """The phrase list, by kind (see hallucinations.txt)."""

    credit: tuple[str, ...]
    outro: frozenset[str]
    suspect: frozenset[str]


def parse_phrases(text: str) -> Phrases:
    """Read the `KIND<TAB>PHRASE` lines of a phrase list; `#` comments and blank lines skipped."""
    found: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, phrase = line.partition("\t")
        phrase = normalize_phrase(phrase)
        if kind not in found or not phrase:
            raise ValueError(f"hallucination list line {number}: expected KIND<TAB>PHRASE with KIND in {KINDS}: {line!r}")
        found[kind].append(phrase)
    return Phrases(credit=tuple(dict.fromkeys(found["credit"])), outro=frozenset(found["outro"]), suspect=frozenset(found["suspect"]))


@functools.lru_cache(maxsize=1)
def default_phrases() -> Phrases:
    """The bundled list, minutes_ai/audio/hallucinations.txt (package data)."""
    text = resources.files("minutes_ai.audio").joinpath("hallucinations.txt").read_text(encoding="utf-8")
    return parse_phrases(text)


def collapse_loops(text: str) -> str:
    """A stretch of 2–12 characters repeated four or more times in a row, kept once.

    "好的好的好的好的好的" → "好的"; "汇聚精英 汇聚精英 汇聚精英 汇聚精英" → "汇聚精英". Only stretches
    with a Chinese character: "100000000" and "1111" are numbers, not loops.
    """

    def keep_once(match: re.Match) -> str:
        return match.group(1) if _CJK.search(match.group(1)) else match.group(0)

    return _LOOP.sub(keep_once, text)


@dataclasses.dataclass(frozen=True)
class Dropped:
    """A segment that was left out of the transcript, and why (recorded in Transcript.options)."""

    start: float
    end: float
    text: str
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"start": round(self.start, 3), "end": round(self.end, 3), "text": self.text, "reason": self.reason}


class HallucinationFilter:
    """Decides, segment by segment and in order, whether Whisper made a segment up.

    samples: the decoded recording (float32 mono), for the silence check; without it that check
    is skipped. Build one per recording: it remembers the previous segment (for repeats).
    """

    def __init__(self, *, samples=None, sample_rate: int = 16000, phrases: Optional[Phrases] = None):
        self.phrases = phrases or default_phrases()
        self.samples = samples
        self.sample_rate = sample_rate
        self.dropped: list[Dropped] = []
        self._previous: Optional[str] = None
        self._frames = None  # frame RMS of the whole recording, computed on first need

    def check(self, text: str, *, start: float, end: float, no_speech_prob: float = 0.0, avg_logprob: float = 0.0) -> Optional[str]:
        """The reason to drop this segment (credit, outro, no_speech, silence, suspect, repeat), or None.

        A dropped segment is recorded in `dropped`; a kept one becomes the "previous" for repeats.
        """
        norm = normalize_phrase(text)
        reason = self._reason(norm, start, end, no_speech_prob, avg_logprob) if norm else None
        if reason is None:
            self._previous = norm
        else:
            self.dropped.append(Dropped(start=float(start), end=float(end), text=text, reason=reason))
        return reason

    def _reason(self, norm: str, start: float, end: float, no_speech_prob: float, avg_logprob: float) -> Optional[str]:
        if len(norm) <= CREDIT_MAX_CHARS and any(marker in norm for marker in self.phrases.credit):
            return "credit"
        if norm in self.phrases.outro:
            return "outro"
        if no_speech_prob > NO_SPEECH_PROB and avg_logprob < AVG_LOGPROB:
            return "no_speech"
        if self.is_silent(start, end):
            return "silence"
        if norm in self.phrases.suspect and no_speech_prob > SUSPECT_NO_SPEECH_PROB:
            return "suspect"
        if norm == self._previous:
            return "repeat"
        return None

    # -- the silence check -----------------------------------------------------------------

    def _frame_rms(self):
        if self._frames is None:
            import numpy as np

            size = max(1, int(FRAME_S * self.sample_rate))
            samples = np.asarray(self.samples, dtype=np.float32)
            usable = len(samples) // size * size
            frames = samples[:usable].reshape(-1, size) if usable else np.zeros((1, size), dtype=np.float32)
            # einsum: the sum of squares per frame without a squared copy of an hour of audio
            self._frames = np.sqrt(np.einsum("ij,ij->i", frames, frames) / size)
            loud = float(np.percentile(self._frames, 95)) if len(self._frames) else 0.0
            self._threshold = min(SILENCE_RMS, loud * SILENCE_RELATIVE) if loud > 0 else SILENCE_RMS
        return self._frames

    def is_silent(self, start: float, end: float) -> bool:
        """True if no 30 ms frame between start and end (widened by SILENCE_MARGIN_S) is louder
        than the silence level: min(-50 dBFS, 36 dB below the recording's loud frames)."""
        if self.samples is None or len(self.samples) == 0:
            return False
        frames = self._frame_rms()
        first = max(0, int((start - SILENCE_MARGIN_S) / FRAME_S))
        last = min(len(frames), int((end + SILENCE_MARGIN_S) / FRAME_S) + 1)
        if last <= first:
            return False  # a segment past the end of the audio: nothing to judge by
        return float(frames[first:last].max()) < self._threshold


__all__ = [
    "Dropped", "HallucinationFilter", "Phrases", "collapse_loops", "default_phrases", "normalize_phrase", "parse_phrases",
]
